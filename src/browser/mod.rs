//! Which browser the login page runs in, and whether Pasona Career would
//! recommend it (the latest Chrome, Safari or Firefox).
//!
//! Microsoft Edge counts as recommended too: the site's old list named
//! Internet Explorer, which Microsoft retired on 2022-06-15 and replaced with
//! Edge on the same machines, and Edge runs Chrome's engine (Chromium) at
//! Chrome's version numbers, shipping each major within days of Chrome. A
//! current Edge gets no notice; an old one is judged by Chrome's train.
//!
//! "Outdated" never rests on a table of current versions: the current major is
//! estimated from each vendor's release calendar and today's date.
//!
//! * Chrome (and Edge, which ships within days of it): four-week trains until
//!   Chrome 152, modelled as one major every 31.3 days from Chrome 138
//!   (2025-06-24), the mean of the real calendar since 2021 (its summer and
//!   holiday gaps make a pure 28-day model gain about 1.4 majors a year).
//!   From Chrome 153 (2026-09-08) Google ships a major every two weeks.
//! * Firefox: every 28 days from Firefox 140 (2025-06-24) until 153; from
//!   Firefox 154 (2026-08-18) every two weeks.
//! * Safari: one major each September (the 15th here): 16 = 2022, 17 = 2023,
//!   18 = 2024, then year-numbered, 26 = 2025, 27 = 2026, …
//!
//! Because the trains changed speed, "behind" is counted in time, not raw
//! numbers: for Chrome, Edge and Firefox it is the number of four-week cycles
//! since the browser's major was superseded (exactly the number of majors under
//! a four-week train, about half of them under a two-week one); for Safari it
//! is years. A browser ahead of the estimate (beta, dev) is never behind.
//!
//! "Outdated" is said only where the vendor has stopped updating that version,
//! so that the user has something to do about it:
//!
//! * Chrome, Edge and Firefox, on the desktop, on Android and as iOS apps
//!   (CriOS, EdgiOS, FxiOS, updated through the App Store): the vendor stops
//!   updating a major once the next one ships, and the user updates the app.
//!   Warned from three four-week cycles behind; a Firefox ESR major still in
//!   support is fine.
//! * Safari comes with the operating system, and Apple keeps updating old
//!   majors long after the next one ships. Each new Safari goes to the current
//!   macOS and the two before it. Devices that cannot install the next
//!   iOS/iPadOS keep getting security releases of the one they have: iOS 18.7.x
//!   for the iPhone XS and XR after iOS 26; iOS 15.8.7 and 16.7.15 on
//!   2026-03-11, three and a half and two and a half years after iOS 16 and
//!   17; iOS 12's last security fix (12.5.7, January 2023) came three years and
//!   four months after iOS 13. Apple publishes no end dates, so a Safari major is taken to be
//!   updated until five years after its successor shipped: the longest seen,
//!   with a margin, because calling Safari outdated on a phone that cannot
//!   update and that Apple still patches is exactly the notice nobody can act
//!   on. Safari M released in September of year Y is thus outdated from
//!   September 15 of Y + 6: Safari 18 from 2030-09-15, 26 from 2031-09-15.
//!   The user agent cannot tell a device that could update from one that
//!   cannot (it names no model and no real OS version on a Mac), and an iPad
//!   sends the Mac user agent by default, so Macs, iPhones and iPads share the
//!   rule; the text tells the user what to try: a newer iOS/iPadOS/macOS if
//!   the device is offered one, else another device, or Chrome or Firefox on
//!   a Mac.
//!
//! Browsers outside the list get `browser-not-recommended`, weighed by what
//! the user can do ([`page_notice`] says which notices are once a day):
//!
//! * Internet Explorer: a warning on every login page. Microsoft retired it on
//!   2022-06-15 and no longer patches it, modern pages break in it, and Edge
//!   is already on the same Windows machine.
//! * Opera, Brave, Vivaldi, Samsung Internet, Yandex and other forks: info,
//!   once a day. Most run Chromium and render the page as Chrome does; the
//!   site's list just does not name them, and the user chose them on purpose,
//!   so the notice is a hint for when the login misbehaves, not an alarm on
//!   each page. Their own numbers do not follow Chrome's (Samsung Internet 27
//!   runs Chromium 125 and lags Chrome by design), so none is called outdated.
//! * In-app browsers (LINE, Instagram, Facebook, WeChat, X, Android WebView,
//!   iOS views without `Version/`): info, once a day. The app chose the
//!   engine, and logins there fail for reasons of their own (Google refuses
//!   sign-in from embedded web views with `disallowed_useragent`; cookies and
//!   pop-ups are the app's); the fix is to open the page in Chrome or Safari,
//!   which the app's menu offers. The user reached the page from a link in
//!   the app, so the notice comes back each day the app is used, not on every
//!   page.

use serde::{Deserialize, Serialize};

use crate::warning::{Code, Field, Level, Warning};

/// Anything in a user agent past this many bytes is ignored.
const MAX_UA: usize = 2000;
/// Only this many `userAgentData` brands are looked at.
const MAX_BRANDS: usize = 16;

/// Chrome, Edge, Firefox: warn from this many four-week cycles behind.
const MIN_CYCLES_BEHIND: u32 = 3;
/// Safari: Apple is taken to keep a major in security updates until this many
/// years after its successor shipped (see the module docs).
const SAFARI_UPDATED_YEARS_AFTER_SUCCESSOR: u32 = 5;
/// The previous Firefox ESR stays supported this long after the next one ships.
const ESR_OVERLAP_DAYS: i64 = 84;

/// Dates outside this range are clamped, so no arithmetic can overflow.
const MIN_DAY: i64 = 0; // 1970-01-01
const MAX_DAY: i64 = days_from_civil(9999, 12, 31);

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct BrowserSignals {
    /// `navigator.userAgent`.
    pub user_agent: String,
    /// `navigator.userAgentData.brands` (empty in Firefox and Safari).
    pub brands: Vec<Brand>,
    /// `navigator.userAgentData.mobile`.
    pub mobile: bool,
    /// `navigator.userAgentData.platform`.
    pub platform: String,
    /// `navigator.brave` exists: Brave hides itself from the user agent.
    pub brave: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Brand {
    pub brand: String,
    pub version: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    Chrome,
    Edge,
    Opera,
    Brave,
    Vivaldi,
    SamsungInternet,
    Yandex,
    Firefox,
    Safari,
    InternetExplorer,
    /// A browser built into another app (LINE, Instagram, Facebook, WeChat,
    /// X, Android WebView, iOS web views): the app, not the user, chose it.
    InApp,
    /// A browser named in no list here (a fork), or nothing recognisable.
    Other,
}

impl Family {
    /// The family as it is serialized (kebab-case), e.g. `"samsung-internet"`:
    /// the parameter the warnings carry.
    pub fn key(self) -> &'static str {
        match self {
            Family::Chrome => "chrome",
            Family::Edge => "edge",
            Family::Opera => "opera",
            Family::Brave => "brave",
            Family::Vivaldi => "vivaldi",
            Family::SamsungInternet => "samsung-internet",
            Family::Yandex => "yandex",
            Family::Firefox => "firefox",
            Family::Safari => "safari",
            Family::InternetExplorer => "internet-explorer",
            Family::InApp => "in-app",
            Family::Other => "other",
        }
    }

    fn chromium_based(self) -> bool {
        matches!(
            self,
            Family::Chrome
                | Family::Edge
                | Family::Opera
                | Family::Brave
                | Family::Vivaldi
                | Family::SamsungInternet
                | Family::Yandex
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Browser {
    pub family: Family,
    /// 0 when unknown.
    pub major: u32,
    pub mobile: bool,
    pub ios: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", rename_all = "kebab-case")]
pub enum Verdict {
    Recommended,
    /// A Firefox ESR major still in support: supported, and the popup says so.
    RecommendedEsr,
    /// `current` is the estimated current major; `behind` counts four-week
    /// cycles since the major was superseded (Chrome, Edge, Firefox) or years
    /// since it shipped (Safari), see the module docs.
    Outdated {
        current: u32,
        behind: u32,
    },
    NotRecommended,
}

// ---------------------------------------------------------------------------
// Identification

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

// ---------------------------------------------------------------------------
// Release calendars

/// A release train that changed speed once.
struct Train {
    /// Before `fast_day`: `major` from `day`, one every `period_x10 / 10` days.
    major: i64,
    day: i64,
    period_x10: i64,
    /// From `fast_day` on: `fast_major`, then one every `fast_period` days.
    fast_major: i64,
    fast_day: i64,
    fast_period: i64,
}

impl Train {
    fn major_on(&self, today: i64) -> i64 {
        if today >= self.fast_day {
            self.fast_major + (today - self.fast_day).div_euclid(self.fast_period)
        } else {
            let m = self.major + ((today - self.day) * 10).div_euclid(self.period_x10);
            m.min(self.fast_major - 1)
        }
    }

    /// The first day `major_on` reaches `major`.
    fn release_day(&self, major: i64) -> i64 {
        if major >= self.fast_major {
            self.fast_day + (major - self.fast_major) * self.fast_period
        } else {
            let d = self.day - (-(major - self.major) * self.period_x10).div_euclid(10);
            d.min(self.fast_day - 1)
        }
    }
}

/// Chrome 138 = 2025-06-24; Chrome 153 = 2026-09-08, then every 14 days.
const CHROME: Train = Train {
    major: 138,
    day: days_from_civil(2025, 6, 24),
    period_x10: 313,
    fast_major: 153,
    fast_day: days_from_civil(2026, 9, 8),
    fast_period: 14,
};

/// Firefox 140 = 2025-06-24, every 28 days; Firefox 154 = 2026-08-18, then
/// every 14 days.
const FIREFOX: Train = Train {
    major: 140,
    day: days_from_civil(2025, 6, 24),
    period_x10: 280,
    fast_major: 154,
    fast_day: days_from_civil(2026, 8, 18),
    fast_period: 14,
};

fn train(family: Family) -> Option<&'static Train> {
    match family {
        Family::Chrome | Family::Edge => Some(&CHROME),
        Family::Firefox => Some(&FIREFOX),
        _ => None,
    }
}

/// The estimated current stable major of Chrome, Edge, Firefox or Safari on
/// `today` (days since 1970-01-01, UTC, from JS
/// `Math.floor(Date.now() / 86400000)`); `None` for other families or dates
/// before the model starts.
pub fn current_major(family: Family, today: i64) -> Option<u32> {
    let today = today.clamp(MIN_DAY, MAX_DAY);
    let m = match family {
        Family::Safari => safari_major_of_year(safari_year(today))?,
        _ => train(family)?.major_on(today),
    };
    u32::try_from(m).ok().filter(|&m| m > 0)
}

/// The year of the latest Safari major released on or before `today`.
fn safari_year(today: i64) -> i64 {
    let (y, m, d) = civil_from_days(today);
    if (m, d) >= (9, 15) {
        y
    } else {
        y - 1
    }
}

fn safari_major_of_year(year: i64) -> Option<i64> {
    match year {
        2025.. => Some(year - 1999),
        2012..=2024 => Some(year - 2006),
        _ => None,
    }
}

/// The year a Safari major shipped. 19–25 were never released (Apple jumped
/// from 18 to 26); they count as 2025 so that they are never called outdated
/// before 26 is.
fn safari_year_of_major(major: u32) -> i64 {
    let major = i64::from(major);
    match major {
        26.. => major + 1999,
        19..=25 => 2025,
        _ => major + 2006,
    }
}

// ---------------------------------------------------------------------------
// Firefox ESR

/// The ESR majors Mozilla has shipped, with their release days. Until the
/// two-week train one ESR came every 13 majors; with it the next number
/// cannot be predicted, so later years use [`esr_of_year`]'s window.
const ESR_KNOWN: [(u32, i64); 7] = [
    (78, days_from_civil(2020, 6, 30)),
    (91, days_from_civil(2021, 8, 10)),
    (102, days_from_civil(2022, 6, 28)),
    (115, days_from_civil(2023, 7, 4)),
    (128, days_from_civil(2024, 7, 9)),
    (140, days_from_civil(2025, 6, 24)),
    (153, days_from_civil(2026, 7, 21)),
];

/// The ESR of `year`: the range of majors it may be, and its release day.
/// After the known list, Mozilla's yearly ESR is assumed on July 1 and may be
/// any major current within three weeks of it (about four majors).
fn esr_of_year(year: i64) -> Option<(u32, u32, i64)> {
    if let Some(&(m, day)) = ESR_KNOWN
        .iter()
        .find(|(_, day)| civil_from_days(*day).0 == year)
    {
        return Some((m, m, day));
    }
    let last_known = civil_from_days(ESR_KNOWN[ESR_KNOWN.len() - 1].1).0;
    if year <= last_known || year > 9999 {
        return None;
    }
    let day = days_from_civil(year, 7, 1);
    let lo = u32::try_from(FIREFOX.major_on(day - 21)).ok()?;
    let hi = u32::try_from(FIREFOX.major_on(day + 21)).ok()?;
    Some((lo, hi, day))
}

/// An ESR major in support on `today`: the newest ESR released, or the one
/// before it until [`ESR_OVERLAP_DAYS`] after the newest shipped.
fn esr_supported(major: u32, today: i64) -> bool {
    let year = civil_from_days(today).0;
    let newest_year = match esr_of_year(year) {
        Some((_, _, day)) if day <= today => year,
        _ => year - 1,
    };
    let Some((lo, hi, released)) = esr_of_year(newest_year) else {
        return false;
    };
    if (lo..=hi).contains(&major) {
        return true;
    }
    matches!(
        esr_of_year(newest_year - 1),
        Some((plo, phi, _)) if (plo..=phi).contains(&major) && today < released + ESR_OVERLAP_DAYS
    )
}

// ---------------------------------------------------------------------------
// Verdicts

/// Whether the site would recommend this browser on `today`.
pub fn verdict(browser: &Browser, today: i64) -> Verdict {
    let today = today.clamp(MIN_DAY, MAX_DAY);
    let family = browser.family;
    if outdated_message(family).is_none() {
        return Verdict::NotRecommended;
    }
    let Some(current) = current_major(family, today) else {
        return Verdict::Recommended;
    };
    if browser.major == 0 {
        return Verdict::Recommended; // no version: nothing to say
    }
    let (behind, threshold) = match train(family) {
        Some(t) => (cycles_behind(t, browser.major, today), MIN_CYCLES_BEHIND),
        None => {
            let years = safari_year(today) - safari_year_of_major(browser.major);
            // Counted from the major's own release, one year before its successor's.
            (clamp_u32(years), SAFARI_UPDATED_YEARS_AFTER_SUCCESSOR + 1)
        }
    };
    if behind == 0 {
        return Verdict::Recommended;
    }
    // The UA does not say ESR: an ESR major in support is taken to be one.
    // There is no ESR on Android or iOS.
    if family == Family::Firefox
        && !browser.mobile
        && !browser.ios
        && esr_supported(browser.major, today)
    {
        return Verdict::RecommendedEsr;
    }
    if behind >= threshold {
        Verdict::Outdated { current, behind }
    } else {
        Verdict::Recommended
    }
}

/// Four-week cycles since `major` was superseded, rounded up; 0 when it is
/// current or ahead.
fn cycles_behind(train: &Train, major: u32, today: i64) -> u32 {
    let major = i64::from(major);
    if major >= train.major_on(today) {
        return 0;
    }
    let superseded = train.release_day(major + 1);
    clamp_u32((today - superseded).div_euclid(28) + 1).max(1)
}

fn clamp_u32(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

/// The families the site recommends (Edge as Internet Explorer's successor,
/// see the module docs), each with the text shown when its version is
/// outdated: the browser's name is part of each text, so each has its own key.
fn outdated_message(family: Family) -> Option<&'static str> {
    Some(match family {
        Family::Chrome => "w_browser_outdated_chrome",
        Family::Edge => "w_browser_outdated_edge",
        Family::Firefox => "w_browser_outdated_firefox",
        Family::Safari => "w_browser_outdated_safari",
        _ => return None,
    })
}

/// The one notice the login page shows about the browser, and how often.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BrowserNotice {
    /// `browser-outdated` or `browser-not-recommended`, on [`Field::Page`].
    pub warning: Warning,
    /// Show it at most once a day rather than on every login page. This module
    /// keeps no state: the caller remembers the day it last showed such a
    /// notice. Set where the notice is a hint to keep in mind, not something
    /// to fix before logging in: a browser the user chose on purpose, or an
    /// app's built-in browser (see the module docs).
    pub once_a_day: bool,
}

/// What the page says about this browser on `today` (days since 1970-01-01,
/// UTC): nothing for a recommended, up-to-date browser, else one notice.
///
/// | browser | code | message | level | once a day |
/// |---|---|---|---|---|
/// | Chrome, Edge, Firefox, Safari the vendor no longer updates | `browser-outdated` | `w_browser_outdated_{chrome,edge,firefox,safari}`, params `[major, current]` | warning | no |
/// | Internet Explorer | `browser-not-recommended` | `w_browser_ie` | warning | no |
/// | an app's built-in browser | `browser-not-recommended` | `w_browser_in_app` | info | yes |
/// | Opera, Brave, Vivaldi, Samsung Internet, Yandex | `browser-not-recommended` | `w_browser_{opera,brave,vivaldi,samsung,yandex}` | info | yes |
/// | any other browser, or none recognised | `browser-not-recommended` | `w_browser_not_recommended` | info | yes |
pub fn page_notice(signals: &BrowserSignals, today: i64) -> Option<BrowserNotice> {
    let browser = identify(signals);
    let (warning, once_a_day) = match verdict(&browser, today) {
        Verdict::Recommended | Verdict::RecommendedEsr => return None,
        Verdict::Outdated { current, .. } => {
            let message = outdated_message(browser.family)?;
            let warning = Warning::new(Code::BrowserOutdated, Field::Page, Level::Warning, message)
                .with_params([browser.major.to_string(), current.to_string()]);
            (warning, false)
        }
        Verdict::NotRecommended => {
            let (message, level, once_a_day) = match browser.family {
                Family::InternetExplorer => ("w_browser_ie", Level::Warning, false),
                Family::InApp => ("w_browser_in_app", Level::Info, true),
                Family::Opera => ("w_browser_opera", Level::Info, true),
                Family::Brave => ("w_browser_brave", Level::Info, true),
                Family::Vivaldi => ("w_browser_vivaldi", Level::Info, true),
                Family::SamsungInternet => ("w_browser_samsung", Level::Info, true),
                Family::Yandex => ("w_browser_yandex", Level::Info, true),
                _ => ("w_browser_not_recommended", Level::Info, true),
            };
            let warning = Warning::new(Code::BrowserNotRecommended, Field::Page, level, message);
            (warning, once_a_day)
        }
    };
    Some(BrowserNotice {
        warning,
        once_a_day,
    })
}

// ---------------------------------------------------------------------------
// Civil dates (Howard Hinnant's algorithms), proleptic Gregorian, UTC

/// Days since 1970-01-01 of `year-month-day`. `month` is 1–12 and `day` 1–31;
/// years beyond ±1,000,000,000 are clamped.
pub const fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if year > 1_000_000_000 {
        1_000_000_000
    } else if year < -1_000_000_000 {
        -1_000_000_000
    } else {
        year
    };
    let (m, d) = (month as i64, day as i64);
    let y = if m <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `(year, month, day)` of a count of days since 1970-01-01; counts beyond
/// ±100,000,000,000 are clamped.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days.clamp(-100_000_000_000, 100_000_000_000) + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m as u32, d as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        for d in (-800_000..800_000).step_by(97) {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
    }

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

    #[test]
    fn release_day_inverts_major_on() {
        for t in [&CHROME, &FIREFOX] {
            for m in 60..400 {
                let d = t.release_day(m);
                if t.major_on(d) == m {
                    assert!(t.major_on(d - 1) < m, "major {m}");
                } else {
                    // A major the old train never reached before the switch.
                    assert!(t.major_on(d) > m, "major {m}");
                }
            }
        }
    }

    #[test]
    fn esr_windows() {
        assert_eq!(
            esr_of_year(2026),
            Some((153, 153, days_from_civil(2026, 7, 21)))
        );
        assert_eq!(esr_of_year(2019), None);
        let (lo, hi, _) = esr_of_year(2027).unwrap();
        assert!(lo < hi && hi - lo <= 3, "{lo}..={hi}");
    }
}
