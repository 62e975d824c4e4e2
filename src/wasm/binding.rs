//! The browser binding: a JavaScript object in, `{ok: answer}` or
//! `{error: reason}` out. Requests are read field by field through [`Raw`]
//! (no serde deserializer in the wasm); answers go out through
//! serde-wasm-bindgen as plain objects, which survive structured cloning
//! over the extension's messaging unchanged, by way of a [`Tree`] (see
//! `answer_tree`: the serializer's code exists for one type, not for each).

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::answer_tree::Tree;
use crate::decode::Raw;
use crate::protocol::answer;

impl Raw for JsValue {
    fn get(&self, key: &str) -> Option<Self> {
        if !self.is_object() {
            return None;
        }
        js_sys::Reflect::get(self, &JsValue::from_str(key))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    }
    fn string(&self) -> Option<String> {
        self.as_string()
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
    fn items(&self, max: usize) -> Option<Vec<Self>> {
        if !js_sys::Array::is_array(self) {
            return None;
        }
        let array = js_sys::Array::from(self);
        let len = array.length().min(u32::try_from(max).unwrap_or(u32::MAX));
        Some((0..len).map(|i| array.get(i)).collect())
    }
    fn is_object(&self) -> bool {
        self.is_object() && !js_sys::Array::is_array(self)
    }
}

#[wasm_bindgen]
pub fn handle(request: JsValue) -> JsValue {
    let result = js_sys::Object::new();
    let (key, value) = match answer(&request) {
        Ok(response) => {
            // Through a `Tree`: serde-wasm-bindgen's code is instantiated
            // for that one type rather than for every response type.
            let value = Tree::of(&response).ok().and_then(|tree| {
                tree.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
                    .ok()
            });
            match value {
                Some(v) => ("ok", v),
                None => (
                    "error",
                    JsValue::from_str("plh: the answer could not be encoded"),
                ),
            }
        }
        // The reason names the part of the request, never its content.
        Err(e) => ("error", JsValue::from_str(&(String::from("plh: ") + &e.0))),
    };
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(&result, &JsValue::from_str(key), &value);
    result.into()
}
