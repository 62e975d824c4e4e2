//! Which page-level notices show: a look-alike service, a failed login, the
//! browser. Each can be closed: for the page (until its cause goes and comes
//! back), and the browser's for good (until its cause changes: the user
//! closed "Chrome 150 is outdated", not every notice about browsers).

use super::state::State;
use crate::env::Env;
use crate::guidance::{self, Checklist};
use crate::site::PASONA_CAREER_URL;
use crate::stored::{Stored, LASTING};
use crate::warning::{Code, LoginKind, Warning};

/// One page notice and what comes with it.
#[derive(Debug, Clone, PartialEq)]
pub struct PageNotice {
    pub warning: Warning,
    /// A page it points to (Pasona Career, from a look-alike).
    pub link: Option<&'static str>,
    /// The causes worth checking, after a failed login.
    pub checklist: Option<Checklist>,
    /// Reset links it offers: for each login the failure may be about whose
    /// page shows none beside the form.
    pub resets: Vec<(LoginKind, String)>,
    /// What the notice is about, where closing it should last beyond the page.
    pub cause: Option<String>,
}

impl PageNotice {
    fn of(warning: Warning) -> PageNotice {
        PageNotice {
            warning,
            link: None,
            checklist: None,
            resets: Vec::new(),
            cause: None,
        }
    }
}

/// The page notices to show, filtered by the user's settings and by what
/// the user closed. `ambiguous`: the values typed hold characters easy to
/// mix up (the checklist brings that cause forward).
pub fn page_notices(
    state: &mut State,
    stored: &Stored,
    env: &Env,
    ambiguous: bool,
) -> Vec<PageNotice> {
    let mut out: Vec<PageNotice> = Vec::new();
    if let Some(w) = guidance::similar_service(state.site, state.shows_login) {
        out.push(PageNotice {
            link: Some(PASONA_CAREER_URL),
            ..PageNotice::of(w)
        });
    }
    if state.failed_at.is_some() {
        let kinds = match state.failed_kind {
            Some(k) => vec![k],
            None => state.kinds(),
        };
        let mut resets: Vec<(LoginKind, String)> = Vec::new();
        for l in &state.logins {
            let about = kinds.contains(&l.kind) && !resets.iter().any(|(k, _)| *k == l.kind);
            if let (true, false, Some(href)) = (about, l.reset_near, &l.reset) {
                resets.push((l.kind, href.clone()));
            }
        }
        out.push(PageNotice {
            checklist: Some(guidance::checklist(&kinds, ambiguous)),
            resets,
            ..PageNotice::of(guidance::failed_warning(state.failed_kind))
        });
    }
    // Only where a login is: the browser matters to logging in, not to reading.
    if !state.logins.is_empty() {
        let notice = env
            .browser
            .as_ref()
            .and_then(|b| guidance::browser_notice(b, env.today));
        if let Some(n) = notice {
            let closed = stored.dismissed.cause(n.warning.code) == Some(n.cause.as_str());
            if !closed {
                out.push(PageNotice {
                    cause: Some(n.cause),
                    ..PageNotice::of(n.warning)
                });
            }
        }
    }
    out.retain(|n| stored.settings.allows(n.warning.code));
    // A notice closed for the page stays closed until its cause goes and
    // comes back.
    state
        .dismissed
        .retain(|code| out.iter().any(|n| n.warning.code == *code));
    out.retain(|n| !state.dismissed.contains(&n.warning.code));
    out
}

/// Whether closing `code` is remembered beyond the page.
pub fn lasts(code: Code) -> bool {
    LASTING.contains(&code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browser::BrowserSignals;
    use crate::guidance::MessageRef;
    use crate::session::state::LoginState;
    use crate::site::Site;
    use crate::stored::Dismissed;

    fn login(kind: LoginKind, reset: Option<&str>, near: bool) -> LoginState {
        LoginState::sample(kind, reset, near)
    }

    fn old_chrome() -> Env {
        Env {
            today: 20_800,
            now_ms: 20_800 * 86_400_000,
            browser: Some(BrowserSignals {
                user_agent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36".into(),
                ..BrowserSignals::default()
            }),
        }
    }

    fn codes(n: &[PageNotice]) -> Vec<Code> {
        n.iter().map(|n| n.warning.code).collect()
    }

    #[test]
    fn a_closed_browser_notice_stays_away_until_its_cause_changes() {
        let mut state = State {
            logins: vec![login(LoginKind::MyPage, None, false)],
            ..State::default()
        };
        let stored = Stored::default();
        let shown = page_notices(&mut state, &stored, &old_chrome(), false);
        assert_eq!(codes(&shown), vec![Code::BrowserOutdated]);
        let cause = shown[0].cause.clone().unwrap();
        let closed = Stored {
            dismissed: Dismissed::default().with(Code::BrowserOutdated, &cause),
            ..Stored::default()
        };
        assert!(page_notices(&mut state, &closed, &old_chrome(), false).is_empty());
        let other = Stored {
            dismissed: Dismissed::default().with(Code::BrowserOutdated, "another"),
            ..Stored::default()
        };
        assert_eq!(
            page_notices(&mut state, &other, &old_chrome(), false).len(),
            1
        );
        assert!(lasts(Code::BrowserOutdated) && !lasts(Code::LoginFailed));
    }

    #[test]
    fn no_browser_notice_without_a_login() {
        let mut state = State::default();
        assert!(page_notices(&mut state, &Stored::default(), &old_chrome(), false).is_empty());
    }

    #[test]
    fn the_failure_offers_the_reset_link_only_where_the_page_shows_none_beside_the_form() {
        let href = "https://www.pasonacareer.jp/pw";
        let mut state = State {
            logins: vec![
                login(LoginKind::MyPage, Some(href), false),
                login(LoginKind::MyPage, Some(href), false),
                login(LoginKind::MemberService, Some(href), true),
            ],
            failed_at: Some(MessageRef {
                area: None,
                index: 0,
            }),
            ..State::default()
        };
        let n = page_notices(&mut state, &Stored::default(), &Env::default(), false);
        assert_eq!(
            n[0].resets,
            vec![(LoginKind::MyPage, href.to_string())],
            "once per login, none twice"
        );
        state.failed_kind = Some(LoginKind::MemberService);
        let n = page_notices(&mut state, &Stored::default(), &Env::default(), false);
        assert!(n[0].resets.is_empty());
    }

    #[test]
    fn closed_for_the_page_until_the_cause_goes_and_comes_back() {
        let mut state = State {
            site: Site::Pasona,
            shows_login: true,
            dismissed: vec![Code::SimilarService],
            ..State::default()
        };
        assert!(page_notices(&mut state, &Stored::default(), &Env::default(), false).is_empty());
        state.shows_login = false;
        page_notices(&mut state, &Stored::default(), &Env::default(), false);
        assert!(state.dismissed.is_empty(), "the cause went");
        state.shows_login = true;
        assert_eq!(
            page_notices(&mut state, &Stored::default(), &Env::default(), false).len(),
            1
        );
    }
}
