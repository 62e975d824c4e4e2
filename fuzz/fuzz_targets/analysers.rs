//! Every analyser on arbitrary input: the field checks on any text (as it
//! arrives from JavaScript, lossily decoded), and the whole request path on
//! any JSON, through the same reader (`plh::raw`) the browser's objects go
//! through. A panic here would be an abort in the browser. Each answer must
//! also serialize through its `Tree` (what the wasm hands serde-wasm-bindgen)
//! exactly as it does directly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plh::checks::{check, FieldInput, Keys};
use plh::protocol::answer;
use plh::tree::Tree;
use plh::warning::{Field, LoginKind};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let flags = data.first().copied().unwrap_or(0);
    for kind in [LoginKind::MyPage, LoginKind::MemberService] {
        for field in [Field::Id, Field::Password, Field::Page] {
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
                    assert!(w.params.is_empty() && w.readback.is_empty());
                }
            }
        }
    }
    let _ = plh::email::suggest(&text);
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
