//! The memory that prevents the next lockout: which way the user last logged
//! in and when, never the ID and never the password. What these functions
//! return is all that is ever stored (see `stored`); the option that turns
//! it off is still called `memory` in storage.

use serde::Serialize;

use crate::text::{fold, number, LOGIN_WORDS};
use crate::view::{Arg, Text};
use crate::warning::LoginKind;

/// Days of inactivity after which the notice says the data may be gone: about
/// five months, ahead of the site's "about six months" of support.
pub const INACTIVE_AFTER_DAYS: i64 = 150;
/// A submit that is not followed by the next page within this long is forgotten.
pub const PENDING_FOR_MS: i64 = 5 * 60 * 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// Member service with e-mail address and password.
    MemberEmail,
    Line,
    Yahoo,
    Google,
    Facebook,
    Apple,
    /// Member service through an SNS button we do not know by name.
    Sns,
    /// My Page ID and password.
    MyPage,
}

impl Method {
    const ALL: [Method; 8] = [
        Method::MemberEmail,
        Method::Line,
        Method::Yahoo,
        Method::Google,
        Method::Facebook,
        Method::Apple,
        Method::Sns,
        Method::MyPage,
    ];

    /// The stored name (kebab-case, as serialized).
    pub fn key(self) -> &'static str {
        match self {
            Method::MemberEmail => "member-email",
            Method::Line => "line",
            Method::Yahoo => "yahoo",
            Method::Google => "google",
            Method::Facebook => "facebook",
            Method::Apple => "apple",
            Method::Sns => "sns",
            Method::MyPage => "my-page",
        }
    }

    pub fn from_key(key: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.key() == key)
    }

    /// The login a method belongs to.
    pub fn kind(self) -> LoginKind {
        match self {
            Method::MyPage => LoginKind::MyPage,
            _ => LoginKind::MemberService,
        }
    }

    pub fn for_form(kind: LoginKind) -> Method {
        match kind {
            LoginKind::MyPage => Method::MyPage,
            LoginKind::MemberService => Method::MemberEmail,
        }
    }

    /// `_locales` key of 「前回は … でログインしました」 for this method.
    pub fn last_login_key(self) -> &'static str {
        match self {
            Method::MemberEmail => "last_login_member_email",
            Method::Line => "last_login_line",
            Method::Yahoo => "last_login_yahoo",
            Method::Google => "last_login_google",
            Method::Facebook => "last_login_facebook",
            Method::Apple => "last_login_apple",
            Method::Sns => "last_login_sns",
            Method::MyPage => "last_login_my_page",
        }
    }
}

/// A control that says it logs in (「ログイン」, "Sign in"), whatever its type.
pub fn label_logs_in(label: &str) -> bool {
    let t = fold(label);
    LOGIN_WORDS.iter().any(|w| t.contains(w))
        && !["ログアウト", "logout", "signout", "sign-out"]
            .iter()
            .any(|w| t.contains(w))
}

/// Which SNS a clicked button or link logs in with, from what it says.
pub fn sns_of(label: &str) -> Option<Method> {
    let t = fold(label);
    let logs_in = [
        "ログイン",
        "login",
        "signin",
        "で続け",
        "continuewith",
        "で登録",
    ]
    .iter()
    .any(|w| t.contains(w));
    if !logs_in {
        return None;
    }
    Some(if t.contains("line") {
        Method::Line
    } else if t.contains("yahoo") {
        Method::Yahoo
    } else if t.contains("google") {
        Method::Google
    } else if t.contains("facebook") {
        Method::Facebook
    } else if t.contains("apple") {
        Method::Apple
    } else if t.contains("sns") || t.contains("twitter") {
        Method::Sns
    } else {
        return None;
    })
}

/// What is kept in `chrome.storage.local` (under the key `memory`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LastLogin {
    pub method: Method,
    /// Days since 1970-01-01 (UTC) of the last successful login.
    pub date: i64,
}

/// A login attempt in flight, kept in `chrome.storage.local` between the
/// submit and the next page (content scripts cannot read `storage.session`
/// in every browser), forgotten after [`PENDING_FOR_MS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Attempt {
    pub method: Method,
    /// `Date.now()` of the submit.
    pub at: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "outcome")]
pub enum Outcome {
    /// Record this; clear the pending attempt.
    Success { memory: LastLogin },
    /// Nothing to record; clear the pending attempt.
    Failure,
    /// Still on the login page without a verdict: keep waiting.
    Undecided,
}

/// What the page after a submit says about it. `login_failed`: the page shows
/// the site's failure message; `same_login_on_screen`: the login form of the
/// attempt is still there (the page was not left).
pub fn outcome(
    pending: &Attempt,
    now_ms: i64,
    today: i64,
    login_failed: bool,
    same_login_on_screen: bool,
) -> Outcome {
    if now_ms.saturating_sub(pending.at) > PENDING_FOR_MS {
        return Outcome::Failure;
    }
    if login_failed {
        Outcome::Failure
    } else if same_login_on_screen {
        Outcome::Undecided
    } else {
        Outcome::Success {
            memory: LastLogin {
                method: pending.method,
                date: today,
            },
        }
    }
}

/// A notice shown next to the login and in the popup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    /// `data-plh-notice`: `last-login` or `inactive`.
    pub kind: &'static str,
    pub message: &'static str,
    pub args: Vec<Arg>,
}

/// 「今日」, 「昨日」 or 「N日前」: how long ago, in words.
pub fn days_ago(days: i64) -> Text {
    match days {
        0 => Text::key("when_today"),
        1 => Text::key("when_yesterday"),
        n => Text::with("when_days_ago", vec![Arg::Plain(number(n, 0))]),
    }
}

/// 「前回は LINE でログインしました（昨日）」.
pub fn last_login_notice(last: &LastLogin, today: i64) -> Notice {
    let days = today.saturating_sub(last.date).max(0);
    Notice {
        kind: "last-login",
        message: last.method.last_login_key(),
        args: vec![Arg::Text(days_ago(days))],
    }
}

/// After months without a login, what may have happened since, said calmly:
/// it belongs in the login's help, not among the warnings (nothing has gone
/// wrong yet).
pub fn inactive_notice(last: &LastLogin, today: i64) -> Option<Notice> {
    let days = today.saturating_sub(last.date).max(0);
    (days > INACTIVE_AFTER_DAYS).then(|| Notice {
        kind: "inactive",
        message: "notice_inactive",
        args: vec![Arg::Plain(number(days / 30, 0))],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sns_buttons_by_what_they_say() {
        assert_eq!(sns_of("LINEでログイン"), Some(Method::Line));
        assert_eq!(sns_of("Yahoo! JAPAN IDでログイン"), Some(Method::Yahoo));
        assert_eq!(sns_of("Googleで続ける"), Some(Method::Google));
        assert_eq!(sns_of("Sign in with Apple"), Some(Method::Apple));
        assert_eq!(sns_of("Facebookでログイン"), Some(Method::Facebook));
        assert_eq!(sns_of("X(旧Twitter)でログイン"), Some(Method::Sns));
        assert_eq!(sns_of("Twitterでログイン"), Some(Method::Sns));
        assert_eq!(sns_of("その他のSNSでログイン"), Some(Method::Sns));
        assert_eq!(sns_of("ログインする"), None);
        assert_eq!(sns_of("LINE公式アカウント"), None);
    }

    #[test]
    fn the_next_page_decides() {
        let p = Attempt {
            method: Method::Line,
            at: 1_000,
        };
        assert_eq!(
            outcome(&p, 2_000, 20_000, false, false),
            Outcome::Success {
                memory: LastLogin {
                    method: Method::Line,
                    date: 20_000
                }
            }
        );
        assert_eq!(outcome(&p, 2_000, 20_000, true, true), Outcome::Failure);
        assert_eq!(outcome(&p, 2_000, 20_000, false, true), Outcome::Undecided);
        assert!(
            matches!(
                outcome(&p, 1_000 + PENDING_FOR_MS, 20_000, false, false),
                Outcome::Success { .. }
            ),
            "five minutes are still within"
        );
        assert!(
            matches!(
                outcome(&p, 1_000 + 4 * 60_000, 20_000, false, false),
                Outcome::Success { .. }
            ),
            "the next page four minutes after the submit"
        );
        assert_eq!(
            outcome(&p, 1_000 + 6 * 60_000, 20_000, false, false),
            Outcome::Failure,
            "six minutes: forgotten"
        );
        assert_eq!(
            outcome(&p, 1_000 + PENDING_FOR_MS + 1, 20_000, false, false),
            Outcome::Failure,
            "a stale attempt proves nothing"
        );
        assert_eq!(
            outcome(&p, i64::MAX, 20_000, false, false),
            Outcome::Failure
        );
    }

    #[test]
    fn notices_by_age() {
        let m = LastLogin {
            method: Method::MyPage,
            date: 20_000,
        };
        let fresh = last_login_notice(&m, 20_010);
        assert_eq!(fresh.message, "last_login_my_page");
        assert_eq!(inactive_notice(&m, 20_010), None);
        let old = inactive_notice(&m, 20_000 + 183).expect("after six months");
        assert_eq!(old.kind, "inactive");
        assert_eq!(old.args, vec![Arg::Plain("6".into())]);
        assert_eq!(
            inactive_notice(&m, 20_000 + 150),
            None,
            "exactly five months: not yet"
        );
        assert_eq!(
            last_login_notice(&m, 19_000).args,
            vec![Arg::Text(Text::key("when_today"))],
            "a future date counts as today"
        );
        assert_eq!(
            last_login_notice(&m, 20_001).args,
            vec![Arg::Text(Text::key("when_yesterday"))]
        );
    }

    #[test]
    fn controls_that_log_in() {
        assert!(label_logs_in("ログインする"));
        assert!(label_logs_in("Sign in"));
        assert!(label_logs_in("Sign-in"));
        assert!(!label_logs_in("ログアウト"));
        assert!(!label_logs_in("Sign out of your login"));
        assert!(!label_logs_in("検索"));
    }
}
