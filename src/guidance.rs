//! Page-level guidance: what no field check can catch (docs/domain.md causes 3–6):
//! a look-alike service, a failed login, a browser the site does not
//! recommend, and the checklist of causes.

use crate::browser::{self, BrowserNotice, BrowserSignals};
use crate::detect::Login;
use crate::failure::reports_failure;
use crate::site::{Site, PASONA_CAREER_URL};
use crate::snapshot::PageSnapshot;
use crate::warning::{Code, Field, Level, LoginKind, Warning};

/// The site reported a failed login: for which login, where that is clear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failed {
    pub kind: Option<LoginKind>,
}

/// A look-alike service's login page: not Pasona Career, not its accounts.
pub fn similar_service(site: Site, shows_login: bool) -> Option<Warning> {
    let message = match site {
        Site::PasonaCareer => return None,
        _ if !shows_login => return None,
        Site::Pasona => "w_similar_pasona",
        Site::PasonaMasters => "w_similar_masters",
    };
    Some(
        Warning::new(Code::SimilarService, Field::Page, Level::Warning, message)
            .with_href(PASONA_CAREER_URL),
    )
}

/// Whether the page shows the site's failure message: beside a login form,
/// or anywhere on a page with one login.
pub fn failed_login(page: &PageSnapshot, logins: &[Login]) -> Option<Failed> {
    let at_form = logins.iter().find(|login| {
        page.forms[login.form]
            .errors
            .iter()
            .any(|e| reports_failure(e, true))
    });
    if let Some(login) = at_form {
        return Some(Failed {
            kind: Some(login.kind),
        });
    }
    if logins.is_empty() || !page.alerts.iter().any(|a| reports_failure(a, false)) {
        return None;
    }
    // A page-wide message speaks for the login only when there is one.
    Some(Failed {
        kind: match logins {
            [only] => Some(only.kind),
            _ => None,
        },
    })
}

/// The failed-login notice, with the checklist for that login.
pub fn failed_warning(failed: Failed) -> Warning {
    let (message, kinds): (_, &[LoginKind]) = match failed.kind {
        Some(LoginKind::MyPage) => ("w_login_failed_my_page", &[LoginKind::MyPage]),
        Some(LoginKind::MemberService) => ("w_login_failed_member", &[LoginKind::MemberService]),
        None => ("w_login_failed", &[]),
    };
    Warning::new(Code::LoginFailed, Field::Page, Level::Error, message)
        .with_checklist(checklist(kinds, true))
}

/// The browser's notice, if any, with the cause a dismissal is kept for.
pub fn browser_notice(signals: &BrowserSignals, today: i64) -> Option<BrowserNotice> {
    browser::page_notice(signals, today)
}

/// The checklist for the logins on screen (docs/domain.md's causes, in the order
/// worth checking): after a failure it also asks about look-alike characters
/// in the password, which nothing says while the user types.
pub fn checklist(kinds: &[LoginKind], after_failure: bool) -> Vec<&'static str> {
    let which_id: &[&str] = match kinds {
        [LoginKind::MyPage] => &["check_my_page_id", "check_which_login"],
        [LoginKind::MemberService] => &["check_member_id", "check_member_sns", "check_which_login"],
        _ => &[
            "check_which_login",
            "check_my_page_id",
            "check_member_id",
            "check_member_sns",
        ],
    };
    let password: &[&str] = if after_failure {
        &["check_password_confusable"]
    } else {
        &[]
    };
    [which_id, password, COMMON_CAUSES].concat()
}

/// The item of the checklist that ends with the support line.
pub const SUPPORT_ITEM: &str = "check_support";

/// What can make either login fail once the right ID is in the right box.
const COMMON_CAUSES: &[&str] = &[
    "check_typing",
    "check_registration",
    "check_inactive",
    "check_similar_service",
    SUPPORT_ITEM,
];
