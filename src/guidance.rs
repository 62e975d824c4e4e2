//! Page-level guidance: what no field check can catch (DOMAIN.md causes 3–6):
//! a look-alike service, a failed login, a browser the site does not recommend.

use crate::browser::{self, BrowserSignals};
use crate::detect::Login;
use crate::failure::reports_failure;
use crate::site::{Site, PASONA_CAREER_URL};
use crate::snapshot::PageSnapshot;
use crate::warning::{Code, Field, Level, LoginKind, Warning};

/// What the page shows besides the field checks. `logins` are the Pasona
/// Career logins found; `shows_login` is whether any login form is on screen
/// (on a look-alike site that is the other service's own).
pub fn page_warnings(
    page: &PageSnapshot,
    site: Site,
    logins: &[Login],
    shows_login: bool,
    browser: Option<&BrowserSignals>,
    today: Option<i64>,
) -> Vec<Warning> {
    let mut out = Vec::new();
    if site != Site::PasonaCareer {
        if shows_login {
            let message = match site {
                Site::Pasona => "w_similar_pasona",
                _ => "w_similar_masters",
            };
            out.push(
                Warning::new(Code::SimilarService, Field::Page, Level::Warning, message)
                    .with_href(PASONA_CAREER_URL),
            );
        }
        return out;
    }
    if logins.is_empty() {
        return out;
    }
    if let Some(failed) = failed_login(page, logins) {
        out.push(failed);
    }
    if let (Some(signals), Some(today)) = (browser, today) {
        out.extend(browser::page_notice(signals, today).map(|n| n.warning));
    }
    out
}

fn failed_login(page: &PageSnapshot, logins: &[Login]) -> Option<Warning> {
    let at_form = logins.iter().find(|login| {
        page.forms[login.form]
            .errors
            .iter()
            .any(|e| reports_failure(e, true))
    });
    let kind = match at_form {
        Some(login) => Some(login.kind),
        None if page.alerts.iter().any(|a| reports_failure(a, false)) => {
            // A page-wide message speaks for the login only when there is one.
            match logins {
                [only] => Some(only.kind),
                _ => None,
            }
        }
        None => return None,
    };
    let (message, kinds): (_, &[LoginKind]) = match kind {
        Some(LoginKind::MyPage) => ("w_login_failed_my_page", &[LoginKind::MyPage]),
        Some(LoginKind::MemberService) => ("w_login_failed_member", &[LoginKind::MemberService]),
        None => ("w_login_failed", &[]),
    };
    Some(
        Warning::new(Code::LoginFailed, Field::Page, Level::Error, message)
            .with_params(kind.map(|k| k.key().to_string()))
            .with_checklist(checklist(kinds)),
    )
}

/// The checklist for the logins on screen (DOMAIN.md's causes, in the order
/// worth checking): the popup shows it on any Pasona Career page, the
/// failed-login notice after a failure.
pub fn checklist(kinds: &[LoginKind]) -> Vec<&'static str> {
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
    [which_id, COMMON_CAUSES].concat()
}

/// What can make either login fail once the right ID is in the right box.
const COMMON_CAUSES: &[&str] = &[
    "check_typing",
    "check_registration",
    "check_inactive",
    "check_similar_service",
    "check_support",
];
