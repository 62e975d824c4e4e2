//! The browser binding: JS values in, JS values out, through serde so the
//! in-page and background paths carry the very same types.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::protocol::{handle as dispatch, Request};

/// `handle({op: "detect", page} | {op: "check", input})`.
#[wasm_bindgen]
pub fn handle(request: JsValue) -> Result<JsValue, JsValue> {
    // `{op: "detect", page}` → `{detect: {op, page}}`, the externally tagged form.
    let op = js_sys::Reflect::get(&request, &JsValue::from_str("op"))
        .ok()
        .and_then(|v| v.as_string());
    let request = match op {
        Some(op) => {
            let tagged = js_sys::Object::new();
            js_sys::Reflect::set(&tagged, &JsValue::from_str(&op), &request)
                .map_err(|_| JsValue::from_str("plh: malformed request"))?;
            tagged.into()
        }
        None => request,
    };
    let request: Request = serde_wasm_bindgen::from_value(request)
        // The serde message may quote the input, and the input may be a password.
        .map_err(|_| JsValue::from_str("plh: malformed request"))?;
    let response = dispatch(&request);
    // Plain objects and null (not Map / undefined): they survive structured
    // cloning over runtime messaging unchanged.
    response
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|_| JsValue::from_str("plh: unserialisable response"))
}
