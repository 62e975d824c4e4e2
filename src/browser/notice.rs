//! The one notice the login page shows about the browser, and its cause.
//!
//! A notice shows until the user closes it; the session keeps a closed notice
//! away until its cause changes. The cause says what the notice is about, so
//! that it changes exactly when the user would want to hear again: an
//! outdated browser's cause names its major (`outdated:chrome:150`: updated
//! to a major still outdated, it is told again; updated to a current one, it
//! has no notice), an unlisted browser's only the browser
//! (`not-recommended:opera`: said once, not each day it is used).
//!
//! | browser | code | message, params | level | cause |
//! |---|---|---|---|---|
//! | Chrome, Edge, Firefox, Safari the vendor no longer updates | `browser-outdated` | `w_browser_outdated_{chrome,edge,firefox,safari}`, `w_browser_outdated_firefox_android`; `[major]` | warning | `outdated:{family}:{major}` |
//! | Opera, Brave, Vivaldi, Yandex | `browser-not-recommended` | `w_browser_not_recommended`, `w_browser_not_recommended_mac` on a Mac; `[name]` | info | `not-recommended:{family}` |
//!
//! The texts say what the user can do where they are: how to update that
//! browser (from its menu on a computer, from Google Play on Android), and
//! which listed browser to try, Safari only where there is one.

use super::{Browser, Family, Platform, Verdict};
use crate::text::number;
use crate::warning::{Code, Level, Warning};

/// The notice the page shows about its browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrowserNotice {
    /// `browser-outdated` or `browser-not-recommended`, about the page (`field: None`).
    pub warning: Warning,
    /// What the notice is about; a dismissal is kept until this changes.
    pub cause: String,
}

/// The notice for a browser with this verdict, if any.
pub(super) fn of(browser: &Browser, verdict: &Verdict) -> Option<BrowserNotice> {
    let family = browser.family;
    let (warning, cause) = match verdict {
        Verdict::Recommended | Verdict::RecommendedEsr => return None,
        Verdict::Outdated { .. } => {
            let message = match (family, browser.platform) {
                (Family::Chrome, _) => "w_browser_outdated_chrome",
                (Family::Edge, _) => "w_browser_outdated_edge",
                (Family::Firefox, Platform::Android) => "w_browser_outdated_firefox_android",
                (Family::Firefox, _) => "w_browser_outdated_firefox",
                (Family::Safari, _) => "w_browser_outdated_safari",
                // Never outdated: their numbers follow no calendar here.
                (Family::Opera | Family::Brave | Family::Vivaldi | Family::Yandex, _) => {
                    return None
                }
            };
            let warning = Warning::page(Code::BrowserOutdated, Level::Warning, message)
                .with_params([number(browser.major.into(), 0)]);
            (
                warning,
                [
                    "outdated:",
                    family.key(),
                    ":",
                    &number(browser.major.into(), 0),
                ]
                .concat(),
            )
        }
        Verdict::NotRecommended => {
            let name = match family {
                Family::Opera => "Opera",
                Family::Brave => "Brave",
                Family::Vivaldi => "Vivaldi",
                Family::Yandex => "Yandex Browser",
                // Listed: never "not recommended".
                Family::Chrome | Family::Edge | Family::Firefox | Family::Safari => return None,
            };
            // Safari is a browser to try only where there is one.
            let message = if browser.platform == Platform::Mac {
                "w_browser_not_recommended_mac"
            } else {
                "w_browser_not_recommended"
            };
            let warning = Warning::page(Code::BrowserNotRecommended, Level::Info, message)
                .with_params([name.to_string()]);
            (warning, ["not-recommended:", family.key()].concat())
        }
    };
    Some(BrowserNotice { warning, cause })
}
