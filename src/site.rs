//! Which site a page belongs to. The extension also runs on the Pasona
//! group's look-alike services, only to say they are not Pasona Career.

use serde::Serialize;

pub const PASONA_CAREER_URL: &str = "https://www.pasonacareer.jp/";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Site {
    PasonaCareer,
    /// パソナ: temporary staffing, its own accounts.
    Pasona,
    /// パソナマスターズ: its own accounts.
    PasonaMasters,
}

/// The site of `url` (origin and path, as the content script sends it). A
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
    match host.trim_end_matches('.') {
        "www.pasona.co.jp" | "pasona.co.jp" => Site::Pasona,
        "www.pasona-masters.co.jp" | "pasona-masters.co.jp" => Site::PasonaMasters,
        _ => Site::PasonaCareer,
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
    }
}
