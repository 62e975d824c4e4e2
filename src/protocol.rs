//! The one door into the core. The content script (in-page wasm, or the
//! background's copy where the page's CSP forbids wasm), the popup and the
//! options page all send a request of this shape and get its answer, so each
//! decision exists once whatever the context.
//!
//! `{op: "start"}` → what the page reader needs to know (its limits, the
//! storage keys, the extension's own elements); `{op: "page", event, state, stored, env}` → the page
//! session (`session`); `{op: "popup", tab, forget, stored, env}`;
//! `{op: "options", event, stored, env}`; in the wasm only, `{op: "trap"}`
//! (see [`Request::Trap`]).

use serde::Serialize;

use crate::decode::{DecodeError, Raw, RawExt};
use crate::options::{self, OptionsRequest, OptionsView};
use crate::popup::{self, PopupRequest, PopupView};
use crate::session::{self, PageRequest, PageResponse};
use crate::snapshot::{Limits, LIMITS};
use crate::stored::{Keys, KEYS};

#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    Start,
    /// Panics: a wasm trap (the wasm is built with `panic = "immediate-abort"`), made on purpose so the end-to-end
    /// tests can prove in the real browsers that a core which traps is replaced
    /// by a fresh instance and the next request answered (`shared/core.js`).
    /// The instance then traps on every request, as one a real panic left in an
    /// unknown state may: kept, it could not answer again (so the tests can fail).
    /// Only the extension's own scripts build requests (a page can neither call
    /// the core nor message it), so no page can send it. In the wasm only:
    /// natively a panic would stop the fuzzer and the tests, which reach every op.
    #[cfg(target_arch = "wasm32")]
    Trap,
    Page(Box<PageRequest>),
    Popup(PopupRequest),
    Options(OptionsRequest),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(untagged)]
pub enum Response {
    Start(Start),
    Page(Box<PageResponse>),
    Popup(PopupView),
    Options(OptionsView),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Start {
    pub limits: Limits,
    /// What to read from storage for `stored`, per area.
    pub keys: Keys,
    /// The extension's own elements on a page, as a selector ([`session::MARKERS`]).
    pub markers: &'static str,
}

impl Request {
    pub fn read<R: Raw>(r: &R) -> Result<Request, DecodeError> {
        if !r.is_object() {
            return Err(DecodeError("request: not an object".into()));
        }
        let op = r.str_or_empty("op");
        Ok(match op.as_str() {
            "start" => Request::Start,
            "page" => Request::Page(Box::new(PageRequest::read(r)?)),
            "popup" => Request::Popup(PopupRequest::read(r)?),
            "options" => Request::Options(OptionsRequest::read(r)?),
            #[cfg(target_arch = "wasm32")]
            "trap" => Request::Trap,
            _ => return Err(DecodeError::unknown("op", &op)),
        })
    }
}

pub fn handle(request: Request) -> Response {
    match request {
        Request::Start => Response::Start(Start {
            limits: LIMITS,
            keys: KEYS,
            markers: session::MARKERS,
        }),
        Request::Page(r) => Response::Page(Box::new(session::handle(*r))),
        Request::Popup(r) => Response::Popup(popup::handle(r)),
        Request::Options(r) => Response::Options(options::handle(r)),
        #[cfg(target_arch = "wasm32")]
        Request::Trap => trap(),
    }
}

/// Whether this instance was asked to trap ([`Request::Trap`]).
#[cfg(target_arch = "wasm32")]
static TRAPPED: core::sync::atomic::AtomicBool = core::sync::atomic::AtomicBool::new(false);

/// Reads and answers a request of any shape: what every caller uses.
pub fn answer<R: Raw>(r: &R) -> Result<Response, DecodeError> {
    let request = Request::read(r);
    #[cfg(target_arch = "wasm32")]
    {
        use core::sync::atomic::Ordering::Relaxed;
        if matches!(request, Ok(Request::Trap)) {
            TRAPPED.store(true, Relaxed);
        }
        if TRAPPED.load(Relaxed) {
            trap();
        }
    }
    request.map(handle)
}

#[cfg(target_arch = "wasm32")]
#[cold]
fn trap() -> ! {
    panic!("plh: a trap, as asked")
}

/// The requests as [`Request::read`] reads them, and which answer each op
/// gets: for the wire's declarations (`crate::wire`); held to the readers
/// and to [`handle`] by the tests below (and beside each reader).
#[cfg(test)]
pub(crate) mod mirror {
    use serde::Serialize;
    use ts_rs::TS;

    use super::Start;
    use crate::options::{mirror::OptionsRequest, OptionsView};
    use crate::popup::{mirror::PopupRequest, PopupView};
    use crate::session::{mirror::PageRequest, PageResponse};

    /// A request to the core: `op` says which.
    #[derive(Serialize, TS)]
    #[serde(tag = "op", rename_all = "camelCase")]
    pub enum Request {
        /// What the page reader needs (its limits, the storage keys).
        Start,
        /// One event of a page session.
        Page(Box<PageRequest>),
        /// The toolbar popup.
        Popup(PopupRequest),
        /// The options page.
        Options(OptionsRequest),
        /// Makes the core trap, on purpose (the tests prove a trapped core
        /// is replaced); read by the wasm only, and never answered.
        Trap,
    }

    /// The answer each `op` gets, when it is not an error.
    #[derive(Serialize, TS)]
    pub struct Answers {
        pub start: Start,
        pub page: PageResponse,
        pub popup: PopupView,
        pub options: OptionsView,
        #[ts(type = "never")]
        pub trap: (),
    }

    /// What the core's `handle` returns (`wasm::binding`): its answer, or
    /// why the request could not be read (never a value of it).
    #[derive(Serialize, TS)]
    #[serde(untagged)]
    pub enum Answer<T> {
        Ok { ok: T },
        Error { error: String },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natively_trap_is_an_unknown_op_not_a_panic() {
        let refused = answer(&serde_json::json!({"op": "trap"})).unwrap_err();
        assert_eq!(refused.0, "op: unknown (trap)");
    }

    /// A request of each op, as the mirrors describe them.
    fn samples() -> Vec<mirror::Request> {
        use crate::env::mirror::Env;
        use crate::session::mirror::{Event, PageEvent, PageRequest};
        use crate::{options, popup};
        let env = || Env {
            now_ms: 1_766_793_600_000,
            browser: None,
        };
        vec![
            mirror::Request::Start,
            mirror::Request::Page(Box::new(PageRequest {
                event: PageEvent {
                    event: Event::Status,
                    values: None,
                },
                state: None,
                stored: None,
                env: env(),
            })),
            mirror::Request::Popup(popup::mirror::PopupRequest {
                tab: None,
                press: None,
                stored: None,
                env: env(),
            }),
            mirror::Request::Options(options::mirror::OptionsRequest {
                event: None,
                press: None,
                stored: None,
                env: env(),
            }),
            mirror::Request::Trap,
        ]
    }

    #[test]
    fn each_op_of_the_mirror_gets_the_answer_it_declares() {
        let answer_to = |r: &mirror::Request| answer(&serde_json::to_value(r).unwrap());
        let [start, page, popup, options, trap] = &samples()[..] else {
            panic!("one sample per op")
        };
        // Built from what `answer` gives each op: `Answers` can only hold
        // those answers (the compiler checks each field's type).
        let answers = mirror::Answers {
            start: match answer_to(start) {
                Ok(Response::Start(r)) => r,
                other => panic!("start: {other:?}"),
            },
            page: match answer_to(page) {
                Ok(Response::Page(r)) => *r,
                other => panic!("page: {other:?}"),
            },
            popup: match answer_to(popup) {
                Ok(Response::Popup(r)) => r,
                other => panic!("popup: {other:?}"),
            },
            options: match answer_to(options) {
                Ok(Response::Options(r)) => r,
                other => panic!("options: {other:?}"),
            },
            trap: (),
        };
        // Only the wasm reads it (natively a panic would stop the tests).
        assert!(answer_to(trap).is_err());
        // ... and its keys are the ops, each once.
        let op = |r: &mirror::Request| serde_json::to_value(r).unwrap()["op"].clone();
        let mut ops: Vec<String> = samples()
            .iter()
            .map(|r| op(r).as_str().unwrap().to_string())
            .collect();
        ops.sort();
        let keys: Vec<String> = serde_json::to_value(&answers)
            .unwrap()
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        assert_eq!(keys, ops, "(serde_json's keys are sorted)");
    }

    #[test]
    fn the_declared_answer_is_ok_or_error() {
        // The wasm's `handle` (`wasm::binding`) writes these two keys by
        // hand, as `examples/parity_cases.rs` does; the static check of the
        // parity cases types their answers with this declaration.
        let ok: mirror::Answer<u8> = mirror::Answer::Ok { ok: 1 };
        let error: mirror::Answer<u8> = mirror::Answer::Error {
            error: "plh: why".into(),
        };
        assert_eq!(
            serde_json::to_value(ok).unwrap(),
            serde_json::json!({"ok": 1})
        );
        assert_eq!(
            serde_json::to_value(error).unwrap(),
            serde_json::json!({"error": "plh: why"})
        );
    }
}
