//! The one notice the login page shows about the browser.

use serde::Serialize;

use super::user_agent::identify;
use super::verdict::{outdated_message, verdict};
use super::{BrowserSignals, Family, Verdict};
use crate::warning::{Code, Field, Level, Warning};

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
