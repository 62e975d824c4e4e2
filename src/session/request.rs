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
#[serde(rename_all = "camelCase")]
pub struct Focus {
    pub login: usize,
    /// `id` or `password`.
    pub field: &'static str,
    pub key: Option<&'static str>,
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
    /// Scan again after each of these delays.
    pub rescan_ms: Vec<u32>,
    /// Answer to the popup's `status`: what the page shows, for the popup.
    pub popup: Option<TabView>,
    /// Where the focus goes, once this answer is drawn.
    pub focus: Option<Focus>,
    /// Answer to the popup's `report`: the report and how it is shown.
    pub report: Option<ReportView>,
}
