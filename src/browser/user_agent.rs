//! Which browser sent the signals, from its user agent and, in Chromium, its
//! `userAgentData` brands.
//!
//! A browser is named only where its signals say so plainly. Each vendor's
//! user agent has a fixed shape: Chrome's names `Mozilla`, `AppleWebKit`,
//! `Chrome` and `Safari` (`… AppleWebKit/537.36 (KHTML, like Gecko)
//! Chrome/158.0.0.0 Safari/537.36`), Firefox's `Mozilla`, `Gecko` and
//! `Firefox`, Safari's `Mozilla`, `AppleWebKit`, `Version`, `Mobile` and
//! `Safari`. Forks and apps that borrow a shape add a product of their own
//! (`Whale/`, `SamsungBrowser/`, `PaleMoon/`, `Line/`, the `Version/4.0` of an
//! Android web view, `CriOS/`…). Such a user agent is not the vendor's and
//! names no browser we judge: telling a Whale user that their "Chrome" is
//! outdated is a notice nobody can act on. That one rule stands for lists of
//! every fork and app. The judged Chromium browsers that add a product are
//! found by it (`Edg/`, `OPR/`, `YaBrowser/`, `Vivaldi/`).
//!
//! The brands are authoritative where they name a browser (a user agent can
//! be overridden; Edge behind a plain Chrome user agent still says
//! "Microsoft Edge"). A brand we do not know ("Samsung Internet", "Whale",
//! "Android WebView") is a browser we do not judge. Brands saying only
//! "Chromium" (Chromium builds, and forks that hide their name) leave the
//! name to the user agent; where that names no Chromium browser at all (it
//! was overridden to Firefox's, or emptied), the browser is Chromium at that
//! version, judged as Chrome.

use super::{Brand, Browser, BrowserSignals, Family, Platform};

/// Anything in a user agent past this many bytes is ignored.
const MAX_UA: usize = 2000;
/// Only this many `userAgentData` brands are looked at.
const MAX_BRANDS: usize = 16;

/// The products each vendor's own user agent names, and those whose version
/// is the browser's major. Chromium builds may name `Chromium/` beside or
/// instead of `Chrome/`, and headless Chrome `HeadlessChrome/`.
const SHAPES: [(Family, &[&str], &[&str]); 3] = [
    (
        Family::Chrome,
        &["Mozilla", "AppleWebKit", "Safari"],
        &["Chrome", "HeadlessChrome", "Chromium"],
    ),
    (Family::Firefox, &["Mozilla", "Gecko"], &["Firefox"]),
    (
        Family::Safari,
        &["Mozilla", "AppleWebKit", "Mobile", "Safari"],
        &["Version"],
    ),
];

/// Judged Chromium browsers that add their own product to Chrome's shape.
const CHROMIUM_PRODUCTS: [(&str, Family); 4] = [
    ("Edg/", Family::Edge),
    ("OPR/", Family::Opera),
    ("YaBrowser/", Family::Yandex),
    ("Vivaldi/", Family::Vivaldi),
];

/// Which judged browser sent these signals, if they plainly name one (see the
/// module docs). Never panics, whatever the input.
pub fn identify(signals: &BrowserSignals) -> Option<Browser> {
    let ua = clip(&signals.user_agent, MAX_UA);
    let named = read_ua(ua);
    let (family, major) = if signals.brave {
        // Brave says so in `navigator.brave` only; its brand, where sent, and
        // Chromium's carry the same major.
        let major = brand_version(&signals.brands, "Brave")
            .or_else(|| brand_version(&signals.brands, "Chromium"))
            .or(named.ok().flatten().map(|(_, m)| m));
        (Family::Brave, major?)
    } else {
        match (read_brands(&signals.brands), named) {
            (Brands::Unjudged, _) | (Brands::Chromium(_), Err(Unjudged)) => return None,
            (Brands::Named(f, v), named) => {
                let same = named.ok().flatten().filter(|&(n, _)| n == f);
                (f, v.or(same.map(|(_, m)| m))?)
            }
            (Brands::Chromium(_), Ok(Some((f, m)))) if is_chromium(f) => (f, m),
            (Brands::Chromium(v), _) => (Family::Chrome, v?),
            (Brands::Absent, named) => named.ok()??,
        }
    };
    Some(Browser {
        family,
        major,
        platform: platform(ua, signals),
    })
}

fn is_chromium(family: Family) -> bool {
    !matches!(family, Family::Firefox | Family::Safari)
}

/// Signals that name a browser we do not judge: a fork, an app.
struct Unjudged;

/// What the user agent names: a judged browser and its major, nothing
/// recognisable (`Ok(None)`), or a browser we do not judge.
fn read_ua(ua: &str) -> Result<Option<(Family, u32)>, Unjudged> {
    for (token, family) in CHROMIUM_PRODUCTS {
        if let Some(rest) = find_token(ua, token) {
            return leading_number(rest)
                .map(|m| Some((family, m)))
                .ok_or(Unjudged);
        }
    }
    let products = products(ua);
    let named = |names: &[&str]| {
        products
            .iter()
            .find(|(name, _)| names.contains(name))
            .map(|&(_, version)| leading_number(version))
    };
    for (family, others, own) in SHAPES {
        let Some(major) = named(own) else { continue };
        let vendors = products
            .iter()
            .all(|(name, _)| own.contains(name) || others.contains(name));
        return match major {
            Some(m) if vendors => Ok(Some((family, m))),
            _ => Err(Unjudged),
        };
    }
    Ok(None)
}

/// The products a user agent names (`Chrome/158.0.0.0` → `("Chrome",
/// "158.0.0.0")`), outside its parenthesised comments; words without a `/`
/// are not products.
fn products(ua: &str) -> Vec<(&str, &str)> {
    let mut words = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    for (i, c) in ua.char_indices() {
        if c == '(' || c == ')' || c.is_ascii_whitespace() {
            if depth == 0 {
                words.push(&ua[start..i]);
            }
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
            start = i + c.len_utf8();
        }
    }
    if depth == 0 {
        words.push(&ua[start..]);
    }
    words
        .into_iter()
        .filter_map(|w| w.split_once('/'))
        .collect()
}

/// What the brands say (see the module docs).
enum Brands {
    /// No brand, or only GREASE ("Not A(Brand", "Not/A)Brand", …).
    Absent,
    /// Only Chromium, at this major.
    Chromium(Option<u32>),
    Named(Family, Option<u32>),
    /// A browser we do not judge names itself.
    Unjudged,
}

fn read_brands(brands: &[Brand]) -> Brands {
    let mut chromium = None;
    let mut named: Option<(Family, Option<u32>)> = None;
    for b in brands.iter().take(MAX_BRANDS) {
        let (name, version) = (b.brand.trim(), leading_number(b.version.trim()));
        let family = match name {
            "Chromium" => {
                chromium = Some(version);
                continue;
            }
            "Google Chrome" | "HeadlessChrome" => Family::Chrome,
            "Microsoft Edge" => Family::Edge,
            "Opera" | "Opera GX" => Family::Opera,
            "Brave" => Family::Brave,
            "YaBrowser" | "Yandex" => Family::Yandex,
            "Vivaldi" => Family::Vivaldi,
            // GREASE: "Not A(Brand", ";Not A Brand", "Not/A)Brand"…
            _ if name.is_empty() || (name.contains("Not") && name.contains("Brand")) => continue,
            _ => return Brands::Unjudged,
        };
        // Another browser's brand beside "Google Chrome" is the browser.
        if named.is_none_or(|(f, _)| f == Family::Chrome) {
            named = Some((family, version));
        }
    }
    match (named, chromium) {
        (Some((f, v)), _) => Brands::Named(f, v),
        (None, Some(v)) => Brands::Chromium(v),
        (None, None) => Brands::Absent,
    }
}

fn brand_version(brands: &[Brand], name: &str) -> Option<u32> {
    brands
        .iter()
        .take(MAX_BRANDS)
        .find(|b| b.brand.trim() == name)
        .and_then(|b| leading_number(b.version.trim()))
}

/// Where the browser runs. `userAgentData` exists only in Chromium, and the
/// only phones Chromium reports from are Android ones.
fn platform(ua: &str, signals: &BrowserSignals) -> Platform {
    if ["iPhone", "iPad", "iPod"].iter().any(|t| ua.contains(t)) {
        Platform::Ios
    } else if ua.contains("Android") || signals.platform == "Android" || signals.mobile {
        Platform::Android
    } else if ua.contains("Macintosh") {
        Platform::Mac
    } else {
        Platform::Desktop
    }
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
/// longer word ("Edg/" is not found inside "xEdg/").
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
        assert_eq!(find_token("Chrome/1 Edg/99", "Edg/"), Some("99"));
        assert_eq!(find_token("xEdg/1", "Edg/"), None);
        assert_eq!(find_token("xEdg/1 Edg/2", "Edg/"), Some("2"));
        assert_eq!(find_token("Mozilla/5.0 xEdg/1 Edg/2", "Edg/"), Some("2"));
        assert_eq!(find_token("Edge/18", "Edg/"), None);
        assert_eq!(find_token("é Edg/1", "Edg/"), Some("1"));
    }

    #[test]
    fn products_skip_comments_and_bare_words() {
        assert_eq!(
            products("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/158.0.0.0 Mobile Safari/537.36"),
            [
                ("Mozilla", "5.0"),
                ("AppleWebKit", "537.36"),
                ("Chrome", "158.0.0.0"),
                ("Safari", "537.36")
            ]
        );
        assert_eq!(
            products("a/1(b/2)c/3 d/4"),
            [("a", "1"), ("c", "3"), ("d", "4")]
        );
        assert_eq!(products("a/1 ((b/2) c/3) d/4"), [("a", "1"), ("d", "4")]);
        assert_eq!(products("a/1 ) b/2"), [("a", "1"), ("b", "2")]);
        assert_eq!(products("a/1 (b/2"), [("a", "1")]);
        assert!(products("").is_empty());
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
