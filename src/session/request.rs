//! The page session's request and answer: what the content script sends for
//! each event, and everything it should then draw, store and do.

use serde::Serialize;

use super::event::{Event, Values};
use super::field_view::FieldHost;
use super::form_view::FormHost;
use super::page_view::PageHost;
use super::report::ReportView;
use super::state::State;
use crate::decode::{DecodeError, Raw};
use crate::env::Env;
use crate::stored::{Effect, Stored};
use crate::view::TabView;

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

/// Where the keyboard focus goes after a press that took it away: the part
/// of a field's host with `key` (the read-back), or the field itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Focus {
    pub login: usize,
    /// `id` or `password`.
    #[cfg_attr(test, ts(as = "crate::warning::Field"))]
    pub field: &'static str,
    pub key: Option<&'static str>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
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
    /// Scan again after each of these delays.
    pub rescan_ms: Vec<u32>,
    /// Answer to the popup's `status`: what the page shows, for the popup.
    pub popup: Option<TabView>,
    /// Where the focus goes, once this answer is drawn.
    pub focus: Option<Focus>,
    /// Answer to the popup's `report`: the report and how it is shown.
    pub report: Option<ReportView>,
}

/// What [`PageRequest::read`] reads (beside `op: "page"`, `protocol`), for
/// the wire's declarations (`crate::wire`); held to the reader by the test
/// below.
#[cfg(test)]
pub(crate) mod mirror {
    use serde::Serialize;
    use ts_rs::TS;

    use crate::env::mirror::Env;
    use crate::session::event::mirror::PageEvent;
    use crate::session::state::State;
    use crate::stored::mirror::Stored;

    /// One event of the page session, with what travels with it.
    #[derive(Serialize, TS)]
    pub struct PageRequest {
        pub event: PageEvent,
        /// What the last answer said (`null` at first: a fresh page).
        #[ts(optional = nullable)]
        pub state: Option<State>,
        #[ts(optional = nullable)]
        pub stored: Option<Stored>,
        pub env: Env,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::env::mirror as env;
    use crate::session::event::mirror as event;
    use crate::session::state::LoginState;
    use crate::site::Site;
    use crate::stored::mirror as stored;
    use crate::warning::LoginKind;

    fn env() -> env::Env {
        env::Env {
            now_ms: 86_400_000 * 20_000,
            browser: None,
        }
    }

    #[test]
    fn the_page_request_mirror_is_what_the_reader_reads() {
        let state = State {
            scanned: true,
            site: Site::PasonaCareer,
            logins: vec![LoginState {
                kind: LoginKind::MyPage,
                area: 0,
                id_field: Some(0),
                password_field: Some(1),
                id_max_length: Some(7),
                reset: None,
                reset_near: false,
                forgot: None,
                other_login: None,
                read_back: true,
            }],
            ..State::default()
        };
        let request = mirror::PageRequest {
            event: event::PageEvent {
                event: event::Event::Status,
                values: Some(vec![event::Values {
                    login: 0,
                    id: Some("1234567".into()),
                    password: None,
                    caps_lock: Some(true),
                }]),
            },
            state: Some(state.clone()),
            stored: Some(stored::Stored {
                sync: None,
                local: None,
            }),
            env: env(),
        };
        let r = PageRequest::read(&serde_json::to_value(&request).unwrap()).unwrap();
        assert_eq!(r.event, Event::Status);
        assert_eq!(r.values.len(), 1);
        assert_eq!(r.state, state);
        assert!(r.stored.known, "storage was read");
        assert_eq!(r.env.today, 20_000);
        // Without state or storage: a fresh page, storage not read yet.
        let request = mirror::PageRequest {
            state: None,
            stored: None,
            ..request
        };
        let r = PageRequest::read(&serde_json::to_value(&request).unwrap()).unwrap();
        assert_eq!((r.state, r.stored.known), (State::default(), false));
        // `event` and `env` are required.
        for key in ["event", "env"] {
            let mut v = serde_json::to_value(&request).unwrap();
            v.as_object_mut().unwrap().remove(key);
            assert!(PageRequest::read(&v).is_err(), "{key}");
        }
    }
}
