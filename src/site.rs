//! Which site a page belongs to. The extension also runs on the Pasona
//! group's look-alike services, only to say they are not Pasona Career.

use serde::Serialize;

pub const PASONA_CAREER_URL: &str = "https://www.pasonacareer.jp/";

/// The support line of docs/domain.md (toll-free), as printed and as dialled.
pub const SUPPORT_PHONE: &str = "0120-353-382";
pub const SUPPORT_TEL: &str = "tel:0120353382";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Site {
    PasonaCareer,
    /// パソナ: temporary staffing, its own accounts.
    Pasona,
    /// パソナマスターズ: its own accounts.
    PasonaMasters,
}

impl Site {
    pub fn key(self) -> &'static str {
        match self {
            Site::PasonaCareer => "pasona-career",
            Site::Pasona => "pasona",
            Site::PasonaMasters => "pasona-masters",
        }
    }

    /// The registered domain: the site's own hosts are this and its subdomains.
    pub fn domain(self) -> &'static str {
        match self {
            Site::PasonaCareer => "pasonacareer.jp",
            Site::Pasona => "pasona.co.jp",
            Site::PasonaMasters => "pasona-masters.co.jp",
        }
    }

    pub fn from_key(key: &str) -> Option<Site> {
        [Site::PasonaCareer, Site::Pasona, Site::PasonaMasters]
            .into_iter()
            .find(|s| s.key() == key)
    }
}

/// Whether `host` is `domain` or one of its subdomains.
fn within(host: &str, domain: &str) -> bool {
    host == domain
        || host
            .strip_suffix(domain)
            .is_some_and(|head| head.ends_with('.'))
}

/// The site of `url` (origin and path, as the content script sends it): any
/// host of the three sites (a login may live on `mypage.` or `auth.`). A
/// snapshot without a URL is taken as Pasona Career, the extension's home.
pub fn of(url: &str) -> Site {
    let rest = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("");
    let host = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
    let host = host.split(':').next().unwrap_or("").to_ascii_lowercase();
    let host = host.trim_end_matches('.');
    if within(host, "pasona.co.jp") {
        Site::Pasona
    } else if within(host, "pasona-masters.co.jp") {
        Site::PasonaMasters
    } else {
        Site::PasonaCareer
    }
}

/// `href` if the extension may offer it as a link on a page of `site`: an
/// `https:` address whose host is the site's own domain or a subdomain of it.
/// A page can put any link beside its form (a job ad, a forgotten subdomain,
/// a look-alike host such as `www.pasonacareer.jp.evil.example`), and the
/// extension must never put its name to one that leaves the site. The check
/// is deliberately narrower than a URL parser: no user name or password, no
/// port but 443, a host of letters, digits, hyphens and dots only, nothing a
/// browser would read differently (backslashes, spaces, control characters).
pub fn own_link(href: &str, site: Site) -> Option<&str> {
    let host = https_host(href)?;
    if href
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
    {
        return None;
    }
    let plain = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.');
    (plain && within(host, site.domain())).then_some(href)
}

/// What stands between `https://` and the path, query or fragment, with the
/// default port left out; `None` for an address that is not `https:`. What
/// it may hold is [`own_link`]'s to judge.
pub fn https_host(href: &str) -> Option<&str> {
    let rest = href.strip_prefix("https://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    Some(authority.strip_suffix(":443").unwrap_or(authority))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_links_of_the_sites_own_domain_are_offered() {
        let career = Site::PasonaCareer;
        for ok in [
            "https://www.pasonacareer.jp/mypage/password/forget/",
            "https://pasonacareer.jp/",
            "https://mypage.pasonacareer.jp/reset?x=1#top",
            "https://www.pasonacareer.jp:443/a",
            "https://www.pasonacareer.jp",
        ] {
            assert_eq!(own_link(ok, career), Some(ok), "{ok}");
        }
        for bad in [
            "http://www.pasonacareer.jp/reset",
            "https://www.pasonacareer.jp.evil.example/reset",
            "https://evilpasonacareer.jp/reset",
            "https://pasonacareer.jp.co/",
            "https://www.pasonacareer.jp@evil.example/",
            "https://user:pw@www.pasonacareer.jp/",
            "https://www.pasonacareer.jp:8443/",
            "https://evil.example\\@www.pasonacareer.jp/",
            "https://evil.example/https://www.pasonacareer.jp/",
            "https://WWW.PASONACAREER.JP.evil.example/",
            "https://www.pasonacareer.jp%2eevil.example/",
            "https://www.pasonacareer.jp./x",
            "javascript:alert(1)//https://www.pasonacareer.jp/",
            " https://www.pasonacareer.jp/",
            "https://www.pasonacareer.jp/\n",
            "https://www.pasonacareer.jp/re\u{7}set",
            "https://www.pasonacareer.jp/re\u{3000}set",
            "https://www.pasona.co.jp/reset",
            "",
        ] {
            assert_eq!(own_link(bad, career), None, "{bad:?}");
        }
        assert!(own_link("https://www.pasona.co.jp/x", Site::Pasona).is_some());
        assert!(own_link("https://www.pasona-masters.co.jp/", Site::Pasona).is_none());
    }

    #[test]
    fn hosts() {
        assert_eq!(
            of("https://www.pasonacareer.jp/member/login/"),
            Site::PasonaCareer
        );
        assert_eq!(of("https://www.pasona.co.jp/mypage/login"), Site::Pasona);
        assert_eq!(of("https://WWW.PASONA.CO.JP./"), Site::Pasona);
        assert_eq!(
            of("https://www.pasona-masters.co.jp/login"),
            Site::PasonaMasters
        );
        assert_eq!(
            of("https://www.pasona.co.jp.evil.example/"),
            Site::PasonaCareer
        );
        assert_eq!(of("https://user@www.pasona.co.jp:443/x"), Site::Pasona);
        assert_eq!(of(""), Site::PasonaCareer);
        assert_eq!(of("https://mypage.pasona.co.jp/login"), Site::Pasona);
        assert_eq!(
            of("https://auth.pasona-masters.co.jp/"),
            Site::PasonaMasters
        );
        assert_eq!(of("https://notpasona.co.jp/"), Site::PasonaCareer);
        assert_eq!(of("https://mypage.pasonacareer.jp/"), Site::PasonaCareer);
    }
}
