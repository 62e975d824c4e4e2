//! The page session: one request per page event. The content script sends
//! what happened (with the page's snapshot, or the values now in the login
//! fields), the state the last answer returned, storage as it is, and the
//! date and browser; the answer is everything the page should now show, the
//! state to send next time, what to write to storage, when to look again
//! and where the focus goes.
//!
//! JavaScript only reads, forwards, applies and draws: which login, which
//! warning, when, in what order, with which link, what to remember — all of
//! it is decided here. This file dispatches; each job has its module:
//! `scan` (a new snapshot), `judge` with `timing` (the fields), `notices`
//! (page-level notices), `attempt` (the memory), and one view module per
//! element drawn (`page_view`, `form_view`, `field_view`, `tab_view`).

mod attempt;
mod event;
mod field_view;
mod form_view;
mod judge;
mod notices;
mod page_view;
mod report;
mod request;
mod scan;
mod state;
mod tab_view;
pub mod timing;

pub use event::{Control, DomEvent, Event, Values};
pub use field_view::FieldHost;
pub use form_view::FormHost;
pub use page_view::{PageHost, Place};
pub use report::{platform_key, Report, ReportView, FORMAT as REPORT_FORMAT, LEFT_OUT};
pub use request::{Focus, PageRequest, PageResponse};
pub use state::{FieldState, LoginState, State};

use crate::env::Env;
use crate::last_login::{inactive_notice, last_login_notice};
use crate::stored::{Area, Effect, Stored, StoredValue};
use crate::warning::Field;
use form_view::FormContext;
use judge::{judge_all, judge_complete, typed_ambiguous};
use timing::Moment;

/// The elements a page session adds to a page (the page, form and field
/// hosts, each marked by its first attribute) as one selector: the reader
/// leaves them out, and a former copy's are removed.
pub const MARKERS: &str = "[data-plh-page], [data-plh-form], [data-plh-field-host]";

pub fn handle(request: PageRequest) -> PageResponse {
    let PageRequest {
        event,
        values,
        mut state,
        stored,
        env,
    } = request;
    let mut out = PageResponse::default();
    out.effects.extend(stored.repairs());
    let settings = stored.settings;
    match event {
        Event::Scan { page } => {
            scan::take_in(&mut state, &page);
            out.effects.extend(attempt::settle(&state, &stored, &env));
            draw_page(&mut state, &stored, &env, &values, &mut out);
        }
        Event::Stored => {
            if state.scanned {
                out.effects.extend(attempt::settle(&state, &stored, &env));
            }
            draw_page(&mut state, &stored, &env, &values, &mut out);
            out.fields = judge_complete(&mut state, &settings, &values, None);
        }
        Event::Field { login, field, dom } => {
            let record = state.field_mut(login, field);
            let moment = timing::moment(&dom, record);
            timing::note_composition(&dom, record);
            // The read-back is of the value the user asked about: it goes
            // when the value changes.
            if dom.kind == "input" && field == Field::Id {
                if let Some(l) = state.logins.get_mut(login) {
                    l.read_back = false;
                }
            }
            out.fields = judge_all(&mut state, &settings, &values, |l, f| {
                if (l, f) == (login, field) {
                    moment
                } else {
                    Moment::Unchanged
                }
            })
            .into_iter()
            .map(|j| j.host)
            .collect();
        }
        Event::Control { login, control } => {
            let method = attempt::method_of_click(&state, login, &control);
            out.effects.extend(attempt::record(method, &stored, &env));
            if control.is_button() {
                out.rescan_ms = attempt::RESCAN_AFTER_SUBMIT_MS.to_vec();
            }
            let submitting = login.filter(|_| control.submits());
            out.fields = judge_complete(&mut state, &settings, &values, submitting);
        }
        Event::Submit { login, submitter } => {
            let method = attempt::method_of_submit(&state, login, submitter.as_ref());
            out.effects.extend(attempt::record(method, &stored, &env));
            out.rescan_ms = attempt::RESCAN_AFTER_SUBMIT_MS.to_vec();
            out.fields = judge_complete(&mut state, &settings, &values, login);
        }
        Event::ReadBack { login } => {
            if let Some(l) = state.logins.get_mut(login) {
                l.read_back = true;
            }
            out.fields = judge_complete(&mut state, &settings, &values, Some(login));
            // The button that was pressed is gone: the focus goes to what it
            // showed.
            out.focus = Some(Focus {
                login,
                field: Field::Id.key(),
                key: Some(field_view::READBACK_KEY),
            });
            if let Some(host) = out
                .fields
                .iter()
                .find(|h| h.login == login && h.field == "id")
            {
                if host
                    .parts
                    .iter()
                    .any(|p| p.key.as_deref() == Some("read-back-none"))
                {
                    out.focus.as_mut().expect("set above").key = Some("read-back-none");
                }
            }
        }
        Event::Fixed { login, field, .. } => {
            // Pressing a fix completes the value it set.
            out.fields = judge_all(&mut state, &settings, &values, |l, f| {
                if (l, f) == (login, field) {
                    Moment::Complete
                } else {
                    Moment::Unchanged
                }
            })
            .into_iter()
            .map(|j| j.host)
            .collect();
        }
        Event::Dismiss { code } => {
            // Closed for good until its cause changes, where the cause lasts:
            // the cause the notice has now, before it is closed.
            if notices::lasts(code) {
                let ambiguous = typed_ambiguous(&state, &values);
                let cause = notices::page_notices(&mut state.clone(), &stored, &env, ambiguous)
                    .into_iter()
                    .find(|n| n.warning.code == code)
                    .and_then(|n| n.cause);
                if let Some(cause) = cause {
                    out.effects.push(Effect::set(
                        Area::Local,
                        StoredValue::Dismissed(stored.dismissed.with(code, &cause)),
                    ));
                }
            }
            if !state.dismissed.contains(&code) {
                state.dismissed.push(code);
            }
            let ambiguous = typed_ambiguous(&state, &values);
            let notices = notices::page_notices(&mut state, &stored, &env, ambiguous);
            out.page = Some(page_view::page_host(&state, notices));
            // The closed notice had the focus: back to the login's first field.
            out.focus = state.logins.first().map(|l| Focus {
                login: 0,
                field: if l.id_field.is_some() {
                    Field::Id.key()
                } else {
                    Field::Password.key()
                },
                key: None,
            });
        }
        Event::GoTo { login } => {
            out.focus = state.logins.get(login).map(|l| Focus {
                login,
                field: if l.id_field.is_some() {
                    Field::Id.key()
                } else {
                    Field::Password.key()
                },
                key: None,
            });
        }
        Event::Status => {
            // A look, not an event: what the page shows is worked out on a
            // scratch copy and nothing is recorded.
            let mut scratch = state.clone();
            let ambiguous = typed_ambiguous(&state, &values);
            let notices = notices::page_notices(&mut scratch, &stored, &env, ambiguous);
            let mut warnings: Vec<_> = notices.into_iter().map(|n| n.warning).collect();
            let judged = judge_all(&mut scratch, &settings, &values, |_, _| Moment::Unchanged);
            warnings.extend(judged.into_iter().flat_map(|j| j.shown));
            out.popup = Some(tab_view::tab_view(&state, warnings, ambiguous));
        }
        Event::Report { page } => {
            // A look too: the page as read now, judged on a scratch copy.
            out.report = Some(report::report(&state, *page, &stored, &env, &values));
        }
    }
    out.state = state;
    out
}

/// The page host and every login's host, for the page as it is now (and
/// for the report, which lists the links they offer).
fn draw_page(
    state: &mut State,
    stored: &Stored,
    env: &Env,
    values: &[Values],
    out: &mut PageResponse,
) {
    let ambiguous = typed_ambiguous(state, values);
    let notices = notices::page_notices(state, stored, env, ambiguous);
    let offered_elsewhere: Vec<crate::warning::LoginKind> = notices
        .iter()
        .flat_map(|n| n.resets.iter().map(|(k, _)| *k))
        .collect();
    out.page = Some(page_view::page_host(state, notices));
    let memory = stored.memory.filter(|_| stored.settings.memory());
    let last = memory.map(|m| last_login_notice(&m, env.today));
    let inactive = memory.and_then(|m| inactive_notice(&m, env.today));
    out.forms = Some(
        state
            .logins
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let cx = FormContext {
                    last_login: last.as_ref(),
                    inactive: inactive.as_ref(),
                    reset_shown_elsewhere: offered_elsewhere.contains(&l.kind),
                };
                form_view::form_host(i, l, &cx)
            })
            .collect(),
    );
}

/// The page session's requests as the wire carries them (tests: the
/// declarations, `crate::wire`).
#[cfg(test)]
pub(crate) mod mirror {
    pub(crate) use super::event::mirror::*;
    pub(crate) use super::request::mirror::*;
}
