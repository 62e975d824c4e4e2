//! Taking in a new snapshot of the page: which logins it shows, whether the
//! site reported a failed login and where, where a look-alike's form is;
//! what was judged and asked for stays with a login found again.

use super::state::{FieldState, LoginState, State};
use crate::detect;
use crate::guidance;
use crate::snapshot::PageSnapshot;

/// Room kept above a form for the look-alike notice: a form whose top is
/// further down than the first screen less this gets the notice at the top
/// of the page instead, so that it is seen before anything is typed.
const NOTICE_ROOM_PX: i64 = 160;

pub fn take_in(state: &mut State, page: &PageSnapshot) {
    let report = detect::detect(page);
    let failed = guidance::failed_login(page, &report.logins);
    let logins: Vec<LoginState> = report
        .logins
        .iter()
        .map(|l| {
            let max = l
                .id_field
                .and_then(|i| page.forms[l.form].fields[i].maxlength)
                .and_then(|n| usize::try_from(n).ok());
            LoginState::of(l, max)
        })
        .collect();
    let old = std::mem::take(&mut state.logins);
    let mut fields = Vec::new();
    let mut logins_now = Vec::new();
    for (i, mut login) in logins.into_iter().enumerate() {
        if let Some(j) = old.iter().position(|o| o.same_as(&login)) {
            login.read_back = old[j].read_back;
            for f in state.fields.iter().filter(|f| f.login == j) {
                fields.push(FieldState {
                    login: i,
                    ..f.clone()
                });
            }
        }
        logins_now.push(login);
    }
    state.logins = logins_now;
    state.fields = fields;
    state.site = report.site;
    state.shows_login = report.shows_login;
    state.lookalike_area = report.lookalike_form.filter(|&f| {
        let viewport = page.viewport_height;
        viewport <= 0 || page.forms[f].top < viewport - NOTICE_ROOM_PX
    });
    state.failed_at = failed.map(|f| f.at);
    state.failed_kind = failed.and_then(|f| f.kind);
    state.scanned = true;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::{FieldSnapshot, FormSnapshot};

    fn lookalike(top: i64, viewport: i64) -> PageSnapshot {
        let field = |t: &str| FieldSnapshot {
            tag: "input".into(),
            input_type: t.into(),
            ..FieldSnapshot::default()
        };
        PageSnapshot {
            url: "https://www.pasona.co.jp/login".into(),
            viewport_height: viewport,
            forms: vec![FormSnapshot {
                fields: vec![field("email"), field("password")],
                buttons: vec!["ログイン".into()],
                top,
                ..FormSnapshot::default()
            }],
            ..PageSnapshot::default()
        }
    }

    #[test]
    fn the_look_alike_notice_goes_to_the_top_when_the_form_is_below_the_first_screen() {
        let mut s = State::default();
        take_in(&mut s, &lookalike(300, 844));
        assert!(s.shows_login);
        assert_eq!(s.lookalike_area, Some(0));
        take_in(&mut s, &lookalike(800, 844));
        assert_eq!(s.lookalike_area, None);
        take_in(&mut s, &lookalike(800, 0));
        assert_eq!(
            s.lookalike_area,
            Some(0),
            "no viewport known: before the form"
        );
    }
}
