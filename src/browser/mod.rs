//! Which browser the login page runs in, and what its user should hear about
//! it: that its vendor no longer updates that version (`browser-outdated`), or
//! that Pasona Career does not list it (`browser-not-recommended`; the site
//! lists the latest Chrome, Safari and Firefox, docs/domain.md cause 3).
//!
//! The way through: [`identify`] names the browser from its signals
//! (`user_agent.rs`); [`Browser::runs_this_extension`] keeps only browsers
//! that can run this extension; [`verdict`] says whether its vendor still
//! updates it, from the release calendars (`calendar.rs`, `dates.rs`);
//! [`page_notice`] turns that into the one notice, with the cause a dismissal
//! is kept for (`notice.rs`).
//!
//! Only a browser that can run this extension is judged, because in any other
//! nobody ever reads what we say:
//!
//! * the Chromium browsers that install it from the Chrome Web Store, on a
//!   computer (the store installs nothing on phones): Chrome, Edge, Opera,
//!   Brave, Vivaldi, Yandex;
//! * Firefox, on a computer and on Android (addons.mozilla.org serves both);
//! * WebKit browsers that run Web Extensions on a Mac, an iPhone or an iPad,
//!   such as Orion: they send Safari's user agent and render with the
//!   system's WebKit, so they are judged as the Safari of that system.
//!
//! Internet Explorer, apps' built-in browsers, Samsung Internet, other forks
//! and every browser on a phone but Firefox cannot run it, and get no notice;
//! so does a browser whose signals do not plainly name one of the above.

mod calendar;
mod dates;
mod notice;
mod user_agent;
mod verdict;

pub use calendar::current_major;
pub use dates::{civil_from_days, days_from_civil};
pub use notice::BrowserNotice;
pub use user_agent::identify;
pub use verdict::{verdict, Verdict};

/// What the page tells about its browser (`read.js`'s `browserSignals`, read
/// by `session::read_browser`).
#[derive(Debug, Clone, Default, PartialEq)]
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

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Brand {
    pub brand: String,
    pub version: String,
}

/// The browsers judged here (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Chrome,
    Edge,
    Opera,
    Brave,
    Vivaldi,
    Yandex,
    Firefox,
    /// Safari's user agent: Safari itself, or a WebKit browser that sends it.
    Safari,
}

impl Family {
    /// The family in a notice's cause, e.g. `outdated:chrome:150`.
    pub fn key(self) -> &'static str {
        match self {
            Family::Chrome => "chrome",
            Family::Edge => "edge",
            Family::Opera => "opera",
            Family::Brave => "brave",
            Family::Vivaldi => "vivaldi",
            Family::Yandex => "yandex",
            Family::Firefox => "firefox",
            Family::Safari => "safari",
        }
    }
}

/// Where the browser runs, as far as it decides what we judge and what we
/// can advise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    /// A computer that is not a Mac: Windows, Linux, ChromeOS.
    Desktop,
    /// A Mac, or an iPad asking for the desktop site (iPadOS's default).
    Mac,
    Android,
    /// iPhone, iPad, iPod touch.
    Ios,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Browser {
    pub family: Family,
    pub major: u32,
    pub platform: Platform,
}

impl Browser {
    /// Whether this extension can run in this browser, so that someone may
    /// read what we say about it (see the module docs).
    pub fn runs_this_extension(&self) -> bool {
        use Platform::{Android, Desktop, Ios, Mac};
        match self.family {
            Family::Firefox => matches!(self.platform, Desktop | Mac | Android),
            Family::Safari => matches!(self.platform, Mac | Ios),
            // Chromium: from the Chrome Web Store, which serves computers only.
            _ => matches!(self.platform, Desktop | Mac),
        }
    }
}

/// What the login page says about this browser on `today` (days since
/// 1970-01-01, UTC): nothing for a browser that is listed and up to date, or
/// that cannot run this extension; else one notice (see `notice.rs`).
pub fn page_notice(signals: &BrowserSignals, today: i64) -> Option<BrowserNotice> {
    let browser = identify(signals).filter(Browser::runs_this_extension)?;
    notice::of(&browser, &verdict(&browser, today))
}
