//! Whether the site would recommend a browser on a day.

use super::calendar::{
    current_major, esr_supported, safari_year, safari_year_of_major, train, Train,
};
use super::dates::{MAX_DAY, MIN_DAY};
use super::{Browser, Family, Verdict};

/// Chrome, Edge, Firefox: warn from this many four-week cycles behind.
const MIN_CYCLES_BEHIND: u32 = 3;
/// Safari: Apple is taken to keep a major in security updates until this many
/// years after its successor shipped (see the module docs).
const SAFARI_UPDATED_YEARS_AFTER_SUCCESSOR: u32 = 5;

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
pub(super) fn outdated_message(family: Family) -> Option<&'static str> {
    Some(match family {
        Family::Chrome => "w_browser_outdated_chrome",
        Family::Edge => "w_browser_outdated_edge",
        Family::Firefox => "w_browser_outdated_firefox",
        Family::Safari => "w_browser_outdated_safari",
        _ => return None,
    })
}
