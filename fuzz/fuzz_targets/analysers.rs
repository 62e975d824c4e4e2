//! Every analyser on arbitrary input: the field checks on any text (as it
//! arrives from JavaScript, lossily decoded), and the whole request path on
//! any JSON. A panic here would be an abort in the browser.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plh::checks::{check, FieldInput, Keys};
use plh::protocol::{handle, Request};
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
    if let Ok(request) = serde_json::from_slice::<Request>(data) {
        let _ = handle(&request);
    }
});
