//! Whether Pasona Career would recommend a browser on a day: one it lists (the
//! latest Chrome, Safari or Firefox), and one its vendor still updates.
//!
//! Microsoft Edge counts as listed: the site's old list named Internet
//! Explorer, which Microsoft retired on 2022-06-15 and replaced with Edge on
//! the same machines, and Edge runs Chrome's engine at Chrome's version
//! numbers, shipping each major within days of Chrome. A current Edge gets no
//! notice; an old one is judged by Chrome's train. Opera, Brave, Vivaldi and
//! Yandex are not listed: they run Chromium and render the page as Chrome
//! does, the user chose them on purpose, and their own numbers do not follow
//! Chrome's, so none is called outdated.
//!
//! Because the trains changed speed ([`calendar`](super::calendar)), "behind"
//! is counted in time, not in raw numbers: for Chrome, Edge and Firefox it is
//! the number of four-week cycles since the browser's major was superseded
//! (exactly the number of majors under a four-week train, about half of them
//! under a two-week one); for Safari it is years. A browser ahead of the
//! estimate (beta, dev) is never behind.
//!
//! "Outdated" is said only where the vendor has stopped updating that version,
//! so that the user has something to do about it:
//!
//! * Chrome, Edge and Firefox: the vendor stops updating a major once the next
//!   one ships, and the user updates the browser. Warned from three four-week
//!   cycles behind; a Firefox ESR major still in support is fine.
//! * Safari comes with the operating system, and Apple keeps updating old
//!   majors long after the next one ships. Each new Safari goes to the current
//!   macOS and the two before it. Devices that cannot install the next
//!   iOS/iPadOS keep getting security releases of the one they have: iOS
//!   18.7.x for the iPhone XS and XR after iOS 26; iOS 15.8.7 and 16.7.15 on
//!   2026-03-11, three and a half and two and a half years after iOS 16 and
//!   17; iOS 12's last security fix (12.5.7, January 2023) came three years
//!   and four months after iOS 13. Apple publishes no end dates, so a Safari
//!   major is taken to be updated until five years after its successor
//!   shipped: the longest seen, with a margin, because calling Safari outdated
//!   on a device that cannot update and that Apple still patches is exactly
//!   the notice nobody can act on. Safari M released in September of year Y
//!   is thus outdated from September 15 of Y + 6: Safari 18 from 2030-09-15,
//!   26 from 2031-09-15. The user agent cannot tell a device that could
//!   update from one that cannot (it names no model, and no real OS version on
//!   a Mac), and an iPad sends the Mac user agent by default, so Macs, iPhones
//!   and iPads share the rule.

use super::calendar::{
    current_major, esr_supported, safari_year, safari_year_of_major, train, Train,
};
use super::dates::clamp_day;
use super::{Browser, Family, Platform};

/// Chrome, Edge, Firefox: warn from this many four-week cycles behind.
const MIN_CYCLES_BEHIND: u32 = 3;
/// Safari: Apple is taken to keep a major in security updates until this many
/// years after its successor shipped (see the module docs).
const SAFARI_UPDATED_YEARS_AFTER_SUCCESSOR: u32 = 5;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Recommended,
    /// A Firefox ESR major still in support: supported, though behind.
    RecommendedEsr,
    /// `current` is the estimated current major; `behind` counts four-week
    /// cycles since the major was superseded (Chrome, Edge, Firefox) or years
    /// since it shipped (Safari), see the module docs.
    Outdated {
        current: u32,
        behind: u32,
    },
    /// A browser the site does not list: Opera, Brave, Vivaldi, Yandex.
    NotRecommended,
}

/// Whether the site would recommend this browser on `today` (days since
/// 1970-01-01, UTC).
pub fn verdict(browser: &Browser, today: i64) -> Verdict {
    let today = clamp_day(today);
    let family = browser.family;
    if matches!(
        family,
        Family::Opera | Family::Brave | Family::Vivaldi | Family::Yandex
    ) {
        return Verdict::NotRecommended;
    }
    let Some(current) = current_major(family, today) else {
        return Verdict::Recommended; // a date before the calendars start
    };
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
    // The user agent does not say ESR: an ESR major in support is taken to be
    // one. There is no ESR on Android.
    if family == Family::Firefox
        && browser.platform != Platform::Android
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
