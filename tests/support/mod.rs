//! Drives the core the way the browser does: JSON requests through
//! `protocol::answer`, the state carried from answer to answer, storage as a
//! JSON object the effects are applied to, and the drawn views read back.
#![allow(dead_code)]

use plh::protocol::answer;
use serde_json::{json, Value};

/// One page's session, as a content script runs it.
pub struct Page {
    pub state: Value,
    /// `{sync: {...}, local: {...}}`, or `Value::Null` before storage is read.
    pub stored: Value,
    pub env: Value,
    /// Values typed per login: `{login, id, password, capsLock}`.
    pub values: Vec<Value>,
    pub last: Value,
}

/// Chrome 120 on Windows: a browser the core calls outdated on the tests' dates.
pub const OLD_CHROME: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

pub const NOW_MS: i64 = 1_764_201_600_000 + 20 * 86_400_000; // 2026-11-27 (UTC), near enough

impl Page {
    pub fn new() -> Page {
        Page {
            state: Value::Null,
            stored: json!({"sync": {}, "local": {}}),
            env: json!({"nowMs": NOW_MS}),
            values: Vec::new(),
            last: Value::Null,
        }
    }

    pub fn with_browser(mut self, user_agent: &str, now_ms: i64) -> Page {
        self.env = json!({"nowMs": now_ms, "browser": {"userAgent": user_agent}});
        self
    }

    pub fn send(&mut self, event: Value) -> Value {
        let mut event = event;
        if event.get("values").is_none() {
            event["values"] = Value::Array(self.values.clone());
        }
        let request = json!({
            "op": "page",
            "event": event,
            "state": self.state,
            "stored": self.stored,
            "env": self.env,
        });
        let response = answer(&request).unwrap_or_else(|e| panic!("request refused: {}", e.0));
        let response = serde_json::to_value(response).expect("serializable");
        self.state = response["state"].clone();
        apply(&mut self.stored, &response["effects"]);
        self.last = response.clone();
        response
    }

    pub fn scan(&mut self, page: Value) -> Value {
        self.send(json!({"type": "scan", "page": page}))
    }

    /// Sets a field's value and sends the DOM event that came with it.
    pub fn field(&mut self, login: usize, field: &str, value: &str, event: Value) -> Value {
        self.set(login, field, value);
        let mut e = event;
        e["type"] = json!("field");
        e["login"] = json!(login);
        e["field"] = json!(field);
        self.send(e)
    }

    pub fn set(&mut self, login: usize, field: &str, value: &str) {
        if let Some(v) = self.values.iter_mut().find(|v| v["login"] == json!(login)) {
            v[field] = json!(value);
        } else {
            let mut v = json!({"login": login});
            v[field] = json!(value);
            self.values.push(v);
        }
    }

    /// Types `text` key by key (each a one-character `insertText`).
    pub fn type_keys(&mut self, login: usize, field: &str, text: &str) -> Value {
        let mut value = self.value(login, field);
        let mut last = Value::Null;
        for c in text.chars() {
            value.push(c);
            last = self.field(
                login,
                field,
                &value.clone(),
                json!({"event": "input", "inputType": "insertText", "inserted": 1}),
            );
        }
        last
    }

    pub fn value(&self, login: usize, field: &str) -> String {
        self.values
            .iter()
            .find(|v| v["login"] == json!(login))
            .and_then(|v| v[field].as_str())
            .unwrap_or("")
            .to_string()
    }

    pub fn blur(&mut self, login: usize, field: &str) -> Value {
        let value = self.value(login, field);
        self.field(login, field, &value, json!({"event": "blur"}))
    }

    pub fn paste(&mut self, login: usize, field: &str, value: &str) -> Value {
        self.field(
            login,
            field,
            value,
            json!({"event": "input", "inputType": "insertFromPaste", "inserted": value.chars().count()}),
        )
    }
}

/// Applies the core's storage effects to a JSON copy of storage.
pub fn apply(stored: &mut Value, effects: &Value) {
    for e in effects.as_array().into_iter().flatten() {
        if stored.is_null() {
            *stored = json!({"sync": {}, "local": {}});
        }
        let area = e["area"].as_str().expect("area");
        if let Some(set) = e["set"].as_object() {
            for (k, v) in set {
                stored[area][k] = v.clone();
            }
        }
        for key in e["remove"].as_array().into_iter().flatten() {
            if let Some(obj) = stored[area].as_object_mut() {
                obj.remove(key.as_str().unwrap());
            }
        }
    }
}

/// Every element of a drawn tree with the attribute `name`, depth first.
pub fn with_attr<'a>(parts: &'a Value, name: &str, out: &mut Vec<&'a Value>) {
    for p in parts.as_array().into_iter().flatten() {
        if attr(p, name).is_some() {
            out.push(p);
        }
        with_attr(&p["block"], name, out);
        for item in p["list"].as_array().into_iter().flatten() {
            with_attr(item, name, out);
        }
        with_attr(&p["details"]["parts"], name, out);
    }
}

pub fn attr<'a>(part: &'a Value, name: &str) -> Option<&'a Value> {
    part["attrs"]
        .as_array()?
        .iter()
        .find(|a| a[0] == json!(name))
        .map(|a| &a[1])
}

/// The warning codes a host shows, in order.
pub fn codes(host: &Value) -> Vec<String> {
    let mut found = Vec::new();
    with_attr(&host["parts"], "data-plh-warning", &mut found);
    found
        .into_iter()
        .map(|p| {
            attr(p, "data-plh-warning")
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

/// The page host's warning codes in the last answer.
pub fn page_codes(response: &Value) -> Vec<String> {
    codes(&response["page"])
}

/// The field host of (login, field) in an answer.
pub fn field_host<'a>(response: &'a Value, login: usize, field: &str) -> Option<&'a Value> {
    response["fields"].as_array()?.iter().find(|h| {
        h["login"] == json!(login)
            && attr(h, "data-plh-field").and_then(|v| v.as_str()) == Some(field)
    })
}

pub fn field_codes(response: &Value, login: usize, field: &str) -> Vec<String> {
    field_host(response, login, field)
        .map(codes)
        .unwrap_or_default()
}

/// A warning part of a host by code.
pub fn warning<'a>(host: &'a Value, code: &str) -> Option<&'a Value> {
    let mut found = Vec::new();
    with_attr(&host["parts"], "data-plh-warning", &mut found);
    found
        .into_iter()
        .find(|p| attr(p, "data-plh-warning").and_then(|v| v.as_str()) == Some(code))
}

/// The message key of a warning part.
pub fn message(part: &Value) -> String {
    part["block"][0]["text"]["key"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

/// The value a warning's fix button sets, if it has one.
pub fn fix(part: &Value) -> Option<String> {
    part["block"]
        .as_array()?
        .iter()
        .find_map(|p| p["button"]["fix"]["value"].as_str().map(str::to_string))
}

pub fn member_form(errors: &[&str]) -> Value {
    json!({
        "fields": [
            {"tag": "input", "type": "email", "label": "メールアドレス"},
            {"tag": "input", "type": "password", "label": "パスワード"}
        ],
        "buttons": ["ログインする"],
        "errors": errors
    })
}

pub fn my_page_form(errors: &[&str]) -> Value {
    json!({
        "fields": [
            {"tag": "input", "type": "text", "label": "マイページID", "maxlength": 7},
            {"tag": "input", "type": "password", "label": "パスワード"}
        ],
        "buttons": ["ログインする"],
        "errors": errors
    })
}
