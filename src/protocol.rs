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
#[serde(untagged)]
pub enum Response {
    Start(Start),
    Page(Box<PageResponse>),
    Popup(PopupView),
    Options(OptionsView),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natively_trap_is_an_unknown_op_not_a_panic() {
        let refused = answer(&serde_json::json!({"op": "trap"})).unwrap_err();
        assert_eq!(refused.0, "op: unknown (trap)");
    }
}
