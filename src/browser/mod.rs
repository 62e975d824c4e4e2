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

mod calendar;
mod dates;
mod notice;
mod user_agent;
mod verdict;

use serde::{Deserialize, Serialize};

pub use calendar::current_major;
pub use dates::{civil_from_days, days_from_civil};
pub use notice::{page_notice, BrowserNotice};
pub use user_agent::identify;
pub use verdict::verdict;

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
