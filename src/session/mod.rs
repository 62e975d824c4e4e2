//! The page session: one request per page event. The content script sends
//! what happened (with the page's snapshot, or the values now in the login
//! fields), the state the last answer returned, storage as it is, and the
//! date and browser; the answer is everything the page should now show, the
//! state to send next time, what to write to storage, and when to ask again.
//!
//! JavaScript only reads, forwards, applies and draws: which login, which
//! warning, when, in what order, with which link, what to remember — all of
//! it is decided here.

mod event;
mod hosts;
mod state;
mod status;
pub mod timing;

use serde::Serialize;

pub use event::{Control, DomEvent, Event, Values};
pub use hosts::{notices as notice_parts, FieldHost, FormHost, PageHost};
pub use state::{FieldState, LoginState, State};
pub use status::{open_site, TabView};

use crate::browser::BrowserSignals;
use crate::checks::{self, FieldInput, Keys};
use crate::detect;
use crate::guidance;
use crate::memory::{self, Attempt, Method, Outcome};
use crate::raw::{DecodeError, Raw, RawExt};
use crate::settings::Settings;
use crate::stored::{Area, Effect, Stored, StoredValue, ATTEMPT_KEY};
use crate::view::{Part, Text};
use crate::warning::{Code, Field, Level, Warning};
use timing::Moment;

/// The date and the browser, as the script saw them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Env {
    /// Days since 1970-01-01 (UTC).
    pub today: i64,
    /// `Date.now()`.
    pub now_ms: i64,
    pub browser: Option<BrowserSignals>,
}

impl Env {
    pub fn read<R: Raw>(r: Option<&R>) -> Result<Env, DecodeError> {
        let r = r.ok_or_else(|| DecodeError::missing("env"))?;
        let now_ms = r
            .int("nowMs")
            .ok_or_else(|| DecodeError::missing("env.nowMs"))?;
        Ok(Env {
            today: now_ms.div_euclid(86_400_000),
            now_ms,
            browser: r.get("browser").map(|b| read_browser(&b)),
        })
    }
}

fn read_browser<R: Raw>(r: &R) -> BrowserSignals {
    BrowserSignals {
        user_agent: r.str_or_empty("userAgent"),
        brands: r.list("brands", 16, |b| crate::browser::Brand {
            brand: b.str_or_empty("brand"),
            version: b.str_or_empty("version"),
        }),
        mobile: r.bool_or("mobile", false),
        platform: r.str_or_empty("platform"),
        brave: r.bool_or("brave", false),
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PageRequest {
    pub event: Event,
    pub values: Vec<Values>,
    pub state: State,
    pub stored: Stored,
    pub env: Env,
}

impl PageRequest {
    pub fn read<R: Raw>(r: &R) -> Result<PageRequest, DecodeError> {
        let env = Env::read(r.get("env").as_ref())?;
        let raw_event = r
            .get("event")
            .ok_or_else(|| DecodeError::missing("event"))?;
        let event = Event::read(&raw_event)?;
        Ok(PageRequest {
            event,
            values: Values::read_all(&raw_event),
            state: State::read(r.get("state").as_ref()),
            stored: Stored::read(r.get("stored").as_ref(), env.today, env.now_ms),
            env,
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageResponse {
    pub state: State,
    /// The page host, where it changed.
    pub page: Option<PageHost>,
    /// Every login's host, after a scan or a change of storage: logins not
    /// listed are gone.
    pub forms: Option<Vec<FormHost>>,
    /// Field hosts to draw (others stay as they are).
    pub fields: Vec<FieldHost>,
    pub effects: Vec<Effect>,
    /// Send a `pause` field event after this long without another event.
    pub pause_ms: Option<u32>,
    /// Scan again after each of these delays (a failure message may appear
    /// by a class or `hidden` change the DOM watch does not see).
    pub rescan_ms: Vec<u32>,
    /// Answer to the popup's `status`: what the page shows, for the popup.
    pub popup: Option<TabView>,
}

/// After a submit, look again this long after it.
const RESCAN_AFTER_SUBMIT_MS: [u32; 3] = [400, 1200, 3000];

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
            scan(&mut state, &page);
            out.effects.extend(settle(&state, &stored, &env));
            out.page = Some(page_host(&mut state, &stored, &env));
            out.forms = Some(form_hosts(&state, &stored, &env));
        }
        Event::Stored => {
            if state.scanned {
                out.effects.extend(settle(&state, &stored, &env));
            }
            out.page = Some(page_host(&mut state, &stored, &env));
            out.forms = Some(form_hosts(&state, &stored, &env));
            out.fields = judge_complete(&mut state, &settings, &values, None);
        }
        Event::Field { login, field, dom } => {
            let moment = timing::moment(&dom);
            let judged = judge_all(&mut state, &settings, &values, |l, f| {
                if (l, f) == (login, field) {
                    moment
                } else {
                    Moment::Unchanged
                }
            });
            let waiting = judged.iter().any(|j| j.waiting);
            out.fields = judged.into_iter().map(|j| j.host).collect();
            if waiting && moment == Moment::Typing {
                out.pause_ms = Some(timing::PAUSE_MS);
            }
        }
        Event::Control { login, control } => {
            let method = memory::sns_of(&control.label).or_else(|| {
                let logs_in = control.submits()
                    || (control.is_button() && memory::says_login(&control.label));
                login
                    .filter(|_| logs_in)
                    .and_then(|l| state.logins.get(l))
                    .map(|l| Method::for_form(l.kind))
            });
            out.effects.extend(attempt(method, &stored, &env));
            if control.is_button() {
                out.rescan_ms = RESCAN_AFTER_SUBMIT_MS.to_vec();
            }
            let submitting = login.filter(|_| control.submits());
            out.fields = judge_complete(&mut state, &settings, &values, submitting);
        }
        Event::Submit { login, submitter } => {
            let method = submitter
                .and_then(|s| memory::sns_of(&s.label))
                .or_else(|| {
                    login
                        .and_then(|l| state.logins.get(l))
                        .map(|l| Method::for_form(l.kind))
                });
            out.effects.extend(attempt(method, &stored, &env));
            out.rescan_ms = RESCAN_AFTER_SUBMIT_MS.to_vec();
            out.fields = judge_complete(&mut state, &settings, &values, login);
        }
        Event::ReadBack { login } => {
            if let Some(l) = state.logins.get_mut(login) {
                l.read_back = true;
            }
            out.fields = judge_complete(&mut state, &settings, &values, Some(login));
        }
        Event::Fixed { .. } => {}
        Event::Dismiss { code } => {
            if !state.dismissed.contains(&code) {
                state.dismissed.push(code);
            }
            out.page = Some(page_host(&mut state, &stored, &env));
        }
        Event::Status => {
            // A look, not an event: what the page shows is worked out on a
            // scratch copy and nothing is recorded. Page notices change only
            // `dismissed`, which judging never reads, so one copy serves both.
            let mut scratch = state.clone();
            let mut warnings = page_warnings(&mut scratch, &stored, &env);
            let judged = judge_all(&mut scratch, &settings, &values, |_, _| Moment::Typing);
            warnings.extend(judged.into_iter().flat_map(|j| j.shown));
            out.popup = Some(status::tab_view(&state, warnings));
        }
    }
    out.state = state;
    out
}

/// Takes in a new snapshot: the logins, the failure message, the site.
fn scan(state: &mut State, page: &crate::snapshot::PageSnapshot) {
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
    // What was judged and asked for stays with a login found again.
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
    state.failed = failed.is_some();
    state.failed_kind = failed.and_then(|f| f.kind);
    state.scanned = true;
}

/// The attempt in flight, settled by what this page shows: a failure
/// message, the same login still there (undecided), or neither (success).
/// Guidance being switched off does not change what is seen.
fn settle(state: &State, stored: &Stored, env: &Env) -> Vec<Effect> {
    let Some(attempt) = stored.attempt.filter(|_| stored.known) else {
        return Vec::new();
    };
    let same_login = state.logins.iter().any(|l| l.kind == attempt.method.kind());
    match memory::outcome(&attempt, env.now_ms, env.today, state.failed, same_login) {
        Outcome::Undecided => Vec::new(),
        Outcome::Failure => vec![Effect::remove(Area::Local, vec![ATTEMPT_KEY])],
        Outcome::Success { memory } => {
            let mut effects = vec![Effect::remove(Area::Local, vec![ATTEMPT_KEY])];
            if stored.settings.memory {
                effects.push(Effect::set(Area::Local, StoredValue::Memory(memory)));
            }
            effects
        }
    }
}

/// Records a login attempt, when the user lets the extension remember.
fn attempt(method: Option<Method>, stored: &Stored, env: &Env) -> Option<Effect> {
    let method = method?;
    (stored.known && stored.settings.memory).then(|| {
        Effect::set(
            Area::Local,
            StoredValue::Attempt(Attempt {
                method,
                at: env.now_ms,
            }),
        )
    })
}

fn page_host(state: &mut State, stored: &Stored, env: &Env) -> PageHost {
    let warnings = page_warnings(state, stored, env);
    hosts::page_host(state, warnings)
}

/// The page-level notices to show, filtered by the user's settings.
fn page_warnings(state: &mut State, stored: &Stored, env: &Env) -> Vec<Warning> {
    let settings = stored.settings;
    let mut warnings: Vec<Warning> = Vec::new();
    warnings.extend(guidance::similar_service(state.site, state.shows_login));
    warnings.extend(hosts::failed_notice(state));
    if !state.logins.is_empty() {
        // The notice's cause is for keeping a dismissal; not used here yet.
        if let Some(notice) = env
            .browser
            .as_ref()
            .and_then(|b| guidance::browser_notice(b, env.today))
        {
            if settings.allows(crate::settings::group_of(notice.warning.code)) {
                warnings.push(notice.warning);
            }
        }
    }
    // A closed notice stays closed until its cause goes and comes back.
    state
        .dismissed
        .retain(|code| warnings.iter().any(|w| w.code == *code));
    settings
        .filter(warnings)
        .into_iter()
        .filter(|w| !state.dismissed.contains(&w.code))
        .collect()
}

fn form_hosts(state: &State, stored: &Stored, env: &Env) -> Vec<FormHost> {
    let memory = if stored.settings.memory {
        hosts::notices(stored.memory.as_ref(), env.today)
    } else {
        Vec::new()
    };
    state
        .logins
        .iter()
        .enumerate()
        .map(|(i, l)| hosts::form_host(i, l, &memory))
        .collect()
}

/// A field host, what it shows, and whether some finding is waiting to be
/// shown.
struct Judged {
    host: FieldHost,
    shown: Vec<Warning>,
    waiting: bool,
}

/// Judges every field whose value came with the event, those of `login` as
/// complete values, the others (all of them, for `None`) as they stand.
fn judge_complete(
    state: &mut State,
    settings: &Settings,
    values: &[Values],
    login: Option<usize>,
) -> Vec<FieldHost> {
    judge_all(state, settings, values, |l, _| {
        if Some(l) == login {
            Moment::Complete
        } else {
            Moment::Unchanged
        }
    })
    .into_iter()
    .map(|j| j.host)
    .collect()
}

fn judge_all(
    state: &mut State,
    settings: &Settings,
    values: &[Values],
    moment_of: impl Fn(usize, Field) -> Moment,
) -> Vec<Judged> {
    let mut out = Vec::new();
    for v in values {
        let Some(login) = state.logins.get(v.login).cloned() else {
            continue;
        };
        let fields = [
            (Field::Id, login.id_field, &v.id),
            (Field::Password, login.password_field, &v.password),
        ];
        for (field, index, value) in fields {
            let (Some(index), Some(value)) = (index, value) else {
                continue;
            };
            let moment = moment_of(v.login, field);
            let input = FieldInput {
                kind: login.kind,
                field,
                value: value.clone(),
                max_length: login.id_max_length.filter(|_| field == Field::Id),
                keys: Keys {
                    caps_lock: v.caps_lock,
                    composing: moment == Moment::Composing,
                },
            };
            let all = settings.filter(checks::check(&input));
            let wants_read_back = read_back_wanted(state, &login, field);
            // An ID with characters easy to mix up, judged and otherwise fine:
            // the read-back is offered, not imposed.
            let offer_read_back = field == Field::Id
                && !wants_read_back
                && all
                    .iter()
                    .any(|w| w.code == Code::Confusable && w.level == Level::Info);
            let findings: Vec<Warning> = all
                .into_iter()
                // Look-alike letters (Cyrillic, foreign dashes) are errors; the
                // informational read-back waits until it can help.
                .filter(|w| w.code != Code::Confusable || w.level != Level::Info || wants_read_back)
                .collect();
            let record = state.field_mut(v.login, field);
            let mut shown = timing::visible(findings.clone(), moment, record);
            hosts::order(&mut shown);
            let announce = shown
                .iter()
                .find(|w| hosts::is_error(w) && !record.visible.contains(&w.code))
                .map(hosts::warning_text);
            record.visible = shown.iter().map(|w| w.code).collect();
            let mut parts: Vec<Part> = shown
                .iter()
                .map(|w| hosts::field_item(w, v.login))
                .collect();
            if field == Field::Id
                && login.read_back
                && !findings.iter().any(|w| w.code == Code::Confusable)
            {
                parts.push(
                    Part::para(Text::key("readback_none"))
                        .keyed("read-back")
                        .attr("data-plh-note", "read-back"),
                );
            }
            if offer_read_back && record.settled && shown.is_empty() {
                parts.push(hosts::read_back_button(v.login));
            }
            out.push(Judged {
                waiting: timing::waits(&findings, &shown),
                shown,
                host: FieldHost {
                    login: v.login,
                    field: field.key(),
                    area: login.area,
                    index,
                    attrs: vec![
                        ("data-plh-field-host", "".into()),
                        ("data-plh-kind", login.kind.key().into()),
                        ("data-plh-field", field.key().into()),
                    ],
                    parts,
                    announce,
                },
            });
        }
    }
    out
}

/// The confusable read-back helps only where the user can act on it: for the
/// ID, once the site reported a failed login or when the user asked. For the
/// password it is a checklist item after a failure, never a field warning.
fn read_back_wanted(state: &State, login: &LoginState, field: Field) -> bool {
    field == Field::Id
        && (login.read_back || (state.failed && state.failed_kind.is_none_or(|k| k == login.kind)))
}
