//! Which site a page belongs to. The extension also runs on the Pasona
//! group's look-alike services, only to say they are not Pasona Career.

use serde::Serialize;

pub const PASONA_CAREER_URL: &str = "https://www.pasonacareer.jp/";

/// The support line of docs/domain.md (toll-free), as printed and as dialled.
pub const SUPPORT_PHONE: &str = "0120-353-382";
pub const SUPPORT_TEL: &str = "tel:0120353382";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

#[cfg(test)]
mod tests {
    use super::*;

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
