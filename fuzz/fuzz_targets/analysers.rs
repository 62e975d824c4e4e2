//! Every analyser on arbitrary input: the field checks on any text (as it
//! arrives from JavaScript, lossily decoded), the page session with that text
//! typed into every field, and the whole request path on any JSON, through
//! the same reader (`plh::decode`) the browser's objects go through. A panic here would be an abort in the browser. Each answer must
//! also serialize through its `Tree` (what the wasm hands serde-wasm-bindgen)
//! exactly as it does directly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plh::checks::{check, FieldInput, Keys};
use plh::protocol::answer;
use plh::wasm::answer_tree::Tree;
use plh::warning::{Field, LoginKind};
use serde_json::json;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let flags = data.first().copied().unwrap_or(0);
    for kind in [LoginKind::MyPage, LoginKind::MemberService] {
        for field in Field::ALL {
            let input = FieldInput {
                kind,
                field,
                value: text.to_string(),
                keys: Keys {
                    caps_lock: flags & 1 == 1,
                    composing: flags & 2 == 2,
                },
                max_length: (flags & 4 == 4).then_some(usize::from(flags >> 3)),
            };
            for w in check(&input) {
                if field == Field::Password {
                    assert!(w.args.is_empty() && w.readback.is_empty());
                }
            }
        }
    }
    let _ = plh::email::suggest(&text);
    // The page session with the text typed into both logins' fields.
    let page = json!({"forms": [
        {"fields": [{"tag": "input", "type": "email", "label": "メールアドレス"}, {"tag": "input", "type": "password"}], "buttons": ["ログイン"]},
        {"fields": [{"tag": "input", "type": "text", "label": "マイページID", "maxlength": 7}, {"tag": "input", "type": "password"}], "buttons": ["ログイン"]}
    ]});
    let env = json!({"nowMs": 1_766_793_600_000_i64});
    if let Ok(r) = answer(&json!({"op": "page", "event": {"type": "scan", "page": page}, "env": env})) {
        let state = serde_json::to_value(r).map(|v| v["state"].clone()).unwrap_or_default();
        let values = json!([{"login": 0, "id": text, "password": text}, {"login": 1, "id": text, "password": text}]);
        for event in ["input", "blur", "compositionstart"] {
            let e = json!({"type": "field", "login": flags as usize % 2, "field": "id", "event": event, "values": values});
            let _ = answer(&json!({"op": "page", "event": e, "state": state, "env": env}));
        }
    }
    if let Ok(request) = serde_json::from_slice::<serde_json::Value>(data) {
        if let Ok(response) = answer(&request) {
            let direct = serde_json::to_string(&response).expect("serializable");
            // Refused only for an integer beyond 2^53, as serde-wasm-bindgen
            // refuses it.
            if let Ok(tree) = Tree::of(&response) {
                assert_eq!(serde_json::to_string(&tree).unwrap(), direct);
            }
        }
    }
});
