//! Which browser sent the signals: its user agent and `userAgentData`.

use super::{Brand, Browser, BrowserSignals, Family};

/// Anything in a user agent past this many bytes is ignored.
const MAX_UA: usize = 2000;
/// Only this many `userAgentData` brands are looked at.
const MAX_BRANDS: usize = 16;

/// Which browser sent these signals. Never panics, whatever the input.
pub fn identify(signals: &BrowserSignals) -> Browser {
    let ua = clip(&signals.user_agent, MAX_UA);
    let parsed = parse_ua(ua);
    let (mut family, mut major) = (parsed.family, parsed.major);

    // userAgentData is authoritative where it names a browser.
    let mut best: Option<(u8, Family, Option<u32>)> = None;
    for b in signals.brands.iter().take(MAX_BRANDS) {
        let Some((rank, f)) = brand_family(b.brand.trim()) else {
            continue; // GREASE ("Not A(Brand", "Not/A)Brand", …) or unknown
        };
        if best.is_none_or(|(r, _, _)| rank > r) {
            best = Some((rank, f, leading_number(b.version.trim())));
        }
    }
    match best {
        Some((rank, f, v)) if rank >= 2 => {
            if family != f {
                major = 0;
            }
            family = f;
            if let Some(v) = v {
                major = v;
            }
        }
        // Only "Chromium": keep a Chromium browser the UA names, or an in-app
        // browser or fork it recognised; a UA claiming Firefox, Safari, IE or
        // nothing known is overridden.
        Some((_, _, v)) => {
            let keep = family.chromium_based()
                || family == Family::InApp
                || (family == Family::Other && parsed.known);
            if !keep {
                family = Family::Chrome;
                major = v.unwrap_or(0);
            } else if major == 0 {
                major = v.unwrap_or(0);
            }
        }
        None => {}
    }

    if signals.brave {
        family = Family::Brave;
        if let Some(v) = brand_version(&signals.brands, "Brave")
            .or_else(|| brand_version(&signals.brands, "Chromium"))
        {
            major = v;
        }
    }

    let ios = on_ios_device(ua)
        || ["CriOS/", "FxiOS/", "EdgiOS/", "OPT/", "OPiOS/"]
            .iter()
            .any(|t| find_token(ua, t).is_some());
    let mobile = signals.mobile || ios || ua.contains("Mobi") || ua.contains("Android");
    Browser {
        family,
        major,
        mobile,
        ios,
    }
}

/// Rank 3: a named browser other than Chrome; 2: Google Chrome; 1: Chromium.
fn brand_family(name: &str) -> Option<(u8, Family)> {
    Some(match name {
        "Microsoft Edge" => (3, Family::Edge),
        "Opera" | "Opera GX" => (3, Family::Opera),
        "Brave" => (3, Family::Brave),
        "YaBrowser" | "Yandex" => (3, Family::Yandex),
        "Samsung Internet" => (3, Family::SamsungInternet),
        "Vivaldi" => (3, Family::Vivaldi),
        "Android WebView" => (3, Family::InApp),
        "Google Chrome" | "HeadlessChrome" => (2, Family::Chrome),
        "Chromium" => (1, Family::Chrome),
        _ => return None,
    })
}

fn brand_version(brands: &[Brand], name: &str) -> Option<u32> {
    brands
        .iter()
        .take(MAX_BRANDS)
        .find(|b| b.brand.trim() == name)
        .and_then(|b| leading_number(b.version.trim()))
}

struct Parsed {
    family: Family,
    major: u32,
    /// For `Other`: a browser the UA names (a fork), as opposed to nothing
    /// recognisable.
    known: bool,
}

/// Tokens of in-app browsers, looked for before Chrome's: Android apps add
/// theirs to a WebView user agent that otherwise reads as Chrome, and on iOS
/// they mark the app's view even where it would pass for Safari.
const IN_APP_TOKENS: [&str; 9] = [
    " Line/",
    "FBAN/",
    "FBAV/",
    "FB_IAB/",
    "Instagram",
    "MicroMessenger/",
    "Twitter for iPhone",
    "TwitterAndroid",
    // Android WebView, whichever app hosts it.
    "; wv)",
];

/// Tokens of browsers that carry a Chrome or Firefox token but are forks the
/// site does not name.
const FORK_TOKENS: [&str; 5] = [
    "Whale/",
    "UCBrowser/",
    "SeaMonkey/",
    "PaleMoon/",
    "Waterfox/",
];

fn parse_ua(ua: &str) -> Parsed {
    let hit = |family, major: Option<u32>| Parsed {
        family,
        major: major.unwrap_or(0),
        known: true,
    };
    let first = |tokens: &[&str]| {
        tokens
            .iter()
            .find_map(|t| find_token(ua, t).map(leading_number))
    };

    if let Some(v) = first(&["Edg/", "EdgA/", "EdgiOS/", "Edge/"]) {
        return hit(Family::Edge, v);
    }
    if let Some(v) = first(&["OPR/", "OPT/", "OPiOS/", "Opera/"]) {
        return hit(Family::Opera, v);
    }
    if let Some(v) = first(&["SamsungBrowser/"]) {
        return hit(Family::SamsungInternet, v);
    }
    if let Some(v) = first(&["YaBrowser/", "YaSearchBrowser/"]) {
        return hit(Family::Yandex, v);
    }
    if let Some(v) = first(&["Vivaldi/"]) {
        return hit(Family::Vivaldi, v);
    }
    if IN_APP_TOKENS.iter().any(|t| ua.contains(t)) {
        return hit(Family::InApp, None);
    }
    if FORK_TOKENS.iter().any(|t| ua.contains(t)) {
        return hit(Family::Other, None);
    }
    if let Some(v) = first(&["HeadlessChrome/", "CriOS/", "Chrome/", "Chromium/"]) {
        return hit(Family::Chrome, v);
    }
    if let Some(v) = first(&["FxiOS/", "Firefox/"]) {
        return hit(Family::Firefox, v);
    }
    let safari_token = find_token(ua, "Safari/").is_some() && !ua.contains("Android");
    let ios_webkit = on_ios_device(ua) && find_token(ua, "AppleWebKit/").is_some();
    if safari_token || ios_webkit {
        // Safari names its version; an app's web view (Gmail, the Google app,
        // an app's bare WKWebView) does not.
        return match first(&["Version/"]) {
            Some(v) if safari_token => hit(Family::Safari, v),
            _ => hit(Family::InApp, None),
        };
    }
    if let Some(rest) = find_token(ua, "Trident/") {
        // The engine is the truth (compatibility view reports "MSIE 7.0").
        return hit(
            Family::InternetExplorer,
            leading_number(rest).map(|t| t.saturating_add(4)),
        );
    }
    if let Some(v) = first(&["MSIE "]) {
        return hit(Family::InternetExplorer, v);
    }
    Parsed {
        family: Family::Other,
        major: 0,
        known: false,
    }
}

fn on_ios_device(ua: &str) -> bool {
    ["iPhone", "iPad", "iPod"].iter().any(|t| ua.contains(t))
}

/// The first `s` prefix of at most `max` bytes that ends on a char boundary.
fn clip(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// What follows the first occurrence of `token` that does not continue a
/// longer word ("Chrome/" is not found inside "HeadlessChrome/").
fn find_token<'a>(ua: &'a str, token: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(i) = ua.get(from..)?.find(token) {
        let at = from + i;
        let prev = ua[..at].bytes().next_back();
        if !prev.is_some_and(|b| b.is_ascii_alphanumeric()) {
            return ua.get(at + token.len()..);
        }
        from = at + token.len();
    }
    None
}

/// The decimal number `s` starts with; `None` when there is none or it does
/// not fit a `u32`.
fn leading_number(s: &str) -> Option<u32> {
    let digits = s.bytes().take_while(u8::is_ascii_digit);
    let mut n: u32 = 0;
    let mut any = false;
    for d in digits {
        n = n.checked_mul(10)?.checked_add(u32::from(d - b'0'))?;
        any = true;
    }
    any.then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_respect_word_boundaries() {
        let ua = "HeadlessChrome/120.0 Chrome/99";
        assert_eq!(find_token(ua, "Chrome/"), Some("99"));
        assert_eq!(find_token("xEdg/1", "Edg/"), None);
        assert_eq!(find_token("Edge/18", "Edg/"), None);
        assert_eq!(find_token("é Edg/1", "Edg/"), Some("1"));
    }

    #[test]
    fn leading_numbers() {
        assert_eq!(leading_number("138.0.0.0"), Some(138));
        assert_eq!(leading_number(""), None);
        assert_eq!(leading_number(".5"), None);
        assert_eq!(leading_number("4294967295"), Some(u32::MAX));
        assert_eq!(leading_number("4294967296"), None);
        assert_eq!(leading_number("99999999999999999999"), None);
    }

    #[test]
    fn clip_keeps_char_boundaries() {
        let s = "あ".repeat(1000); // 3,000 bytes
        let c = clip(&s, MAX_UA);
        assert!(c.len() <= MAX_UA && c.len() > MAX_UA - 3);
        assert_eq!(clip("abc", 10), "abc");
    }
}
