//! Page-level guidance: what no field check can catch (docs/domain.md causes 3–6):
//! a look-alike service, a failed login, a browser the site does not
//! recommend, and the checklist of causes.

use crate::browser::{self, BrowserSignals};
use crate::detect::Login;
use crate::failure::reports_failure;
use crate::site::Site;
use crate::snapshot::PageSnapshot;
use crate::warning::{Code, Level, LoginKind, Warning};

/// A message element of the page the reader sent: one of a login area's
/// `errors` (`area: Some`) or of the page's `alerts` (`area: None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MessageRef {
    pub area: Option<usize>,
    pub index: usize,
}

/// The site reported a failed login: for which login, where that is clear,
/// and the message that said so (the checklist goes right after it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failed {
    pub kind: Option<LoginKind>,
    pub at: MessageRef,
}

/// A look-alike service's login page: not Pasona Career, not its accounts.
pub fn similar_service(site: Site, shows_login: bool) -> Option<Warning> {
    let message = match site {
        Site::PasonaCareer => return None,
        _ if !shows_login => return None,
        Site::Pasona => "w_similar_pasona",
        Site::PasonaMasters => "w_similar_masters",
    };
    Some(Warning::page(Code::SimilarService, Level::Warning, message))
}

/// Whether the page shows the site's failure message: beside a login form,
/// or anywhere on a page with one login.
pub fn failed_login(page: &PageSnapshot, logins: &[Login]) -> Option<Failed> {
    for login in logins {
        let errors = &page.forms[login.form].errors;
        if let Some(index) = errors.iter().position(|e| reports_failure(e, true)) {
            return Some(Failed {
                kind: Some(login.kind),
                at: MessageRef {
                    area: Some(login.form),
                    index,
                },
            });
        }
    }
    if logins.is_empty() {
        return None;
    }
    let index = page.alerts.iter().position(|a| reports_failure(a, false))?;
    // A page-wide message speaks for the login only when there is one.
    Some(Failed {
        kind: match logins {
            [only] => Some(only.kind),
            _ => None,
        },
        at: MessageRef { area: None, index },
    })
}

/// The failed-login notice's headline, for that login.
pub fn failed_warning(kind: Option<LoginKind>) -> Warning {
    let message = match kind {
        Some(LoginKind::MyPage) => "w_login_failed_my_page",
        Some(LoginKind::MemberService) => "w_login_failed_member",
        None => "w_login_failed",
    };
    Warning::page(Code::LoginFailed, Level::Error, message)
}

/// The browser's notice, if any.
pub fn browser_notice(signals: &BrowserSignals, today: i64) -> Option<browser::BrowserNotice> {
    browser::page_notice(signals, today)
}

/// A checklist: the few causes that fit, in sight; the rest folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checklist {
    pub top: Vec<&'static str>,
    pub rest: Vec<&'static str>,
}

/// The item that ends with the support line.
pub const SUPPORT_ITEM: &str = "check_support";

/// What can make any login fail once the right ID is in the right box, and
/// is worth a look only after the likelier causes.
const LESS_LIKELY: [&str; 3] = ["check_registration", "check_inactive", SUPPORT_ITEM];

/// The causes worth checking for the logins on screen (docs/domain.md, in the
/// order worth checking). Three in sight: the ID's source for this login, the
/// password, and — where the ID or the password holds characters easy to mix
/// up (`ambiguous`) — those, else the other login. Each cause is said once.
pub fn checklist(kinds: &[LoginKind], ambiguous: bool) -> Checklist {
    let last = if ambiguous {
        "check_lookalike"
    } else {
        "check_which_login"
    };
    let top = match kinds {
        [LoginKind::MyPage] => vec!["check_my_page_id", "check_password", last],
        [LoginKind::MemberService] => vec!["check_member_id", "check_member_sns", "check_password"],
        _ => vec!["check_which_login", "check_password", "check_lookalike"],
    };
    let mut rest: Vec<&'static str> = Vec::new();
    for key in ["check_which_login", "check_lookalike"] {
        if !top.contains(&key) {
            rest.push(key);
        }
    }
    if let [LoginKind::MemberService] = kinds {
        if ambiguous {
            rest.retain(|k| *k != "check_lookalike");
            rest.insert(0, "check_lookalike");
        }
    }
    rest.extend(LESS_LIKELY);
    Checklist { top, rest }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(c: &Checklist) -> Vec<&'static str> {
        c.top.iter().chain(&c.rest).copied().collect()
    }

    #[test]
    fn three_causes_in_sight_each_said_once() {
        for kinds in [
            &[LoginKind::MyPage][..],
            &[LoginKind::MemberService],
            &[LoginKind::MyPage, LoginKind::MemberService],
            &[],
        ] {
            for ambiguous in [false, true] {
                let c = checklist(kinds, ambiguous);
                assert_eq!(c.top.len(), 3, "{kinds:?}");
                let mut keys = all(&c);
                let n = keys.len();
                keys.sort_unstable();
                keys.dedup();
                assert_eq!(keys.len(), n, "{kinds:?}: a cause twice");
                assert!(keys.contains(&SUPPORT_ITEM));
                assert!(
                    !keys.iter().any(|k| k.contains("similar")),
                    "not on Pasona Career"
                );
            }
        }
    }

    #[test]
    fn what_was_typed_brings_the_look_alikes_forward() {
        let my_page = checklist(&[LoginKind::MyPage], true);
        assert_eq!(my_page.top[2], "check_lookalike");
        assert_eq!(
            checklist(&[LoginKind::MyPage], false).top[2],
            "check_which_login"
        );
        assert_eq!(
            checklist(&[LoginKind::MemberService], true).rest[0],
            "check_lookalike"
        );
        assert_eq!(
            checklist(&[LoginKind::MemberService], false).top[0],
            "check_member_id"
        );
    }

    #[test]
    fn look_alike_sites_only() {
        assert_eq!(similar_service(Site::PasonaCareer, true), None);
        assert_eq!(similar_service(Site::Pasona, false), None);
        let w = similar_service(Site::PasonaMasters, true).unwrap();
        assert_eq!(
            (w.code, w.field, w.message),
            (Code::SimilarService, None, "w_similar_masters")
        );
    }
}
