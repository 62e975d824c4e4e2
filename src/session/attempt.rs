//! The memory's side of the session: which click or submit is a login
//! attempt (and with which method), and what the page after it says about
//! the attempt: failed, still pending, or a success to remember.

use super::event::Control;
use super::state::State;
use crate::env::Env;
use crate::last_login::{self, Attempt, Method, Outcome};
use crate::stored::{Area, Effect, Stored, StoredValue, ATTEMPT_KEY};

/// After a submit, look again this long after it (a failure message may
/// appear by a class or `hidden` change the DOM watch does not see).
pub const RESCAN_AFTER_SUBMIT_MS: [u32; 3] = [400, 1200, 3000];

/// The login method a click on `control` (inside login `login`, if any) tries.
pub fn method_of_click(state: &State, login: Option<usize>, control: &Control) -> Option<Method> {
    last_login::sns_of(&control.label).or_else(|| {
        let logs_in =
            control.submits() || (control.is_button() && last_login::label_logs_in(&control.label));
        login
            .filter(|_| logs_in)
            .and_then(|l| state.logins.get(l))
            .map(|l| Method::for_form(l.kind))
    })
}

/// The login method a submit of `login`'s form tries.
pub fn method_of_submit(
    state: &State,
    login: Option<usize>,
    submitter: Option<&Control>,
) -> Option<Method> {
    submitter
        .and_then(|s| last_login::sns_of(&s.label))
        .or_else(|| {
            login
                .and_then(|l| state.logins.get(l))
                .map(|l| Method::for_form(l.kind))
        })
}

/// The attempt in flight, settled by what this page shows: a failure
/// message, the same login still there (undecided), or neither (success).
/// Guidance being switched off does not change what is seen.
pub fn settle(state: &State, stored: &Stored, env: &Env) -> Vec<Effect> {
    let Some(attempt) = stored.attempt.filter(|_| stored.known) else {
        return Vec::new();
    };
    let same_login = state.logins.iter().any(|l| l.kind == attempt.method.kind());
    let failed = state.failed_at.is_some();
    match last_login::outcome(&attempt, env.now_ms, env.today, failed, same_login) {
        Outcome::Undecided => Vec::new(),
        Outcome::Failure => vec![Effect::remove(Area::Local, vec![ATTEMPT_KEY])],
        Outcome::Success { memory } => {
            let mut effects = vec![Effect::remove(Area::Local, vec![ATTEMPT_KEY])];
            if stored.settings.memory() {
                effects.push(Effect::set(Area::Local, StoredValue::Memory(memory)));
            }
            effects
        }
    }
}

/// Records a login attempt, when the user lets the extension remember.
pub fn record(method: Option<Method>, stored: &Stored, env: &Env) -> Option<Effect> {
    let method = method?;
    (stored.known && stored.settings.memory()).then(|| {
        Effect::set(
            Area::Local,
            StoredValue::Attempt(Attempt {
                method,
                at: env.now_ms,
            }),
        )
    })
}
