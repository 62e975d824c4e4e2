//! Prints requests with the answers native code gives them, as JSON lines of
//! `{"request": ..., "response": ...}`. The requests are what the scripts
//! send (whole page sessions, the popup, the options page, and malformed
//! ones, then a fifth of them again); the browser test replays them through
//! the built wasm, the same `handle` the scripts call, in this order on one
//! instance and shuffled on fresh ones, and expects the very same answers.

use plh::protocol::answer;
use serde_json::{json, Value};

const NOW_MS: i64 = 1_766_793_600_000; // 2025-12-27
const OLD_CHROME: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

struct Cases {
    out: Vec<Value>,
}

impl Cases {
    fn ask(&mut self, request: Value) -> Value {
        let response = match answer(&request) {
            Ok(r) => json!({ "ok": serde_json::to_value(r).expect("serializable") }),
            Err(e) => json!({ "error": format!("plh: {}", e.0) }),
        };
        self.out
            .push(json!({ "request": request, "response": response }));
        response
    }

    /// A page session: each event with the state the previous answer gave.
    fn session(&mut self, stored: Value, env: Value, events: Vec<Value>) {
        let mut state = Value::Null;
        for event in events {
            let r = self.ask(
                json!({"op": "page", "event": event, "state": state, "stored": stored, "env": env}),
            );
            state = r["ok"]["state"].clone();
        }
    }
}

fn field(tag_type: &str, label: &str, extra: Value) -> Value {
    let mut f = json!({"tag": "input", "type": tag_type, "label": label});
    if let (Some(f), Some(extra)) = (f.as_object_mut(), extra.as_object()) {
        f.extend(extra.clone());
    }
    f
}

fn login_page(id: Value, text: &str, errors: &[&str]) -> Value {
    json!({
        "url": "https://www.pasonacareer.jp/login/",
        "title": "ログイン",
        "forms": [{
            "fields": [id, field("password", "パスワード", json!({}))],
            "buttons": ["ログインする"],
            "text": text,
            "errors": errors,
            "links": [{"text": "パスワードを忘れた方", "href": "https://www.pasonacareer.jp/reset/"}]
        }]
    })
}

fn typed(login: usize, field: &str, value: &str, event: Value) -> Value {
    let mut e = event;
    e["type"] = json!("field");
    e["login"] = json!(login);
    e["field"] = json!(field);
    let mut values = json!({"login": login});
    values[field] = json!(value);
    e["values"] = json!([values]);
    e
}

fn main() {
    let mut c = Cases { out: Vec::new() };
    let env = json!({"nowMs": NOW_MS});
    let stored = json!({"sync": {}, "local": {}});
    c.ask(json!({"op": "start"}));

    let member = login_page(field("email", "メールアドレス", json!({})), "", &[]);
    let my_page = login_page(
        field("text", "マイページID", json!({"maxlength": 7})),
        "マイページにログイン",
        &[],
    );
    let failed = login_page(
        field("text", "ID", json!({})),
        "マイページにログイン",
        &["IDまたはパスワードが正しくありません"],
    );
    let mut lookalike = member.clone();
    lookalike["url"] = json!("https://www.pasona.co.jp/login");
    let two_step = json!({"title": "ログイン", "forms": [{
        "fields": [field("email", "メールアドレス", json!({}))], "buttons": ["次へ"], "text": "会員サービスにログイン"
    }]});

    let moments = [
        json!({"event": "input", "inputType": "insertText", "inserted": 1}),
        json!({"event": "input", "inputType": "insertFromPaste", "inserted": 20}),
        json!({"event": "blur"}),
        json!({"event": "input", "inputType": "insertCompositionText", "inserted": 1, "composing": true}),
        json!({"event": "pause"}),
    ];
    let ids = [
        "1234567",
        "１２３４５６７",
        "l234567",
        "123-4567",
        "12345",
        " 1234567",
        "\u{200B}1234567",
        "taro@example.com",
        "ｒ",
    ];
    let emails = [
        "taro@example.com",
        "taro＠gmail.con ",
        "taro@gmail,com",
        "hanako+job@docomo.ne.jp",
        "t",
        "taro1@example.com",
        "tаro@example.com",
        "1234567",
        "taro@@example.com",
        "taro@hotmail.co.uk",
    ];
    let passwords = ["Passw0rd", "ｓｅｃｒｅｔ", "secret ", "sec\u{200B}ret", ""];
    for moment in &moments {
        let mut events = vec![json!({"type": "scan", "page": my_page})];
        events.extend(ids.iter().map(|v| typed(0, "id", v, moment.clone())));
        events.extend(
            passwords
                .iter()
                .map(|v| typed(0, "password", v, moment.clone())),
        );
        c.session(stored.clone(), env.clone(), events);
        let mut events = vec![json!({"type": "scan", "page": member})];
        events.extend(emails.iter().map(|v| typed(0, "id", v, moment.clone())));
        c.session(stored.clone(), env.clone(), events);
    }
    // Caps Lock, a read-back, a submit, a click on an SNS button.
    let mut caps = typed(0, "password", "abc", json!({"event": "keydown"}));
    caps["values"][0]["capsLock"] = json!(true);
    c.session(
        stored.clone(),
        env.clone(),
        vec![
            json!({"type": "scan", "page": member}),
            caps,
            json!({"type": "press", "press": {"readBack": {"login": 0}}, "values": [{"login": 0, "id": "taro1@example.com"}]}),
            json!({"type": "submit", "login": 0, "values": [{"login": 0, "id": "taro@gmail.con", "password": "x"}]}),
            json!({"type": "control", "login": 0, "control": {"tag": "button", "type": "button", "label": "LINEでログイン"}}),
            json!({"type": "status", "values": [{"login": 0, "id": "taro＠example.com"}]}),
        ],
    );
    // Page guidance: a failure, a look-alike, an old browser, a dismissal, two steps.
    c.session(
        stored.clone(),
        json!({"nowMs": NOW_MS, "browser": {"userAgent": OLD_CHROME}}),
        vec![
            json!({"type": "scan", "page": failed}),
            json!({"type": "press", "press": {"dismiss": {"code": "login-failed"}}}),
            json!({"type": "status", "values": []}),
        ],
    );
    c.session(
        stored.clone(),
        env.clone(),
        vec![json!({"type": "scan", "page": lookalike})],
    );
    c.session(
        stored.clone(),
        env.clone(),
        vec![json!({"type": "scan", "page": two_step})],
    );
    // Storage of every shape: settled attempts, memory notices, garbage.
    for stored in [
        Value::Null,
        json!({"sync": {"settings": {"browser": "auto", "typing": false}}, "local": {}}),
        json!({"sync": {}, "local": {"memory": {"method": "line", "date": NOW_MS / 86_400_000 - 183}}}),
        json!({"sync": {}, "local": {"memory": {"method": "line", "date": 99_999_999}}}),
        json!({"sync": {}, "local": {"attempt": {"method": "my-page", "at": NOW_MS - 1000}}}),
        json!({"sync": {"settings": [1, 2]}, "local": {"memory": "garbage", "attempt": {"at": "x"}}}),
    ] {
        c.session(
            stored.clone(),
            env.clone(),
            vec![
                json!({"type": "scan", "page": my_page}),
                json!({"type": "stored"}),
                json!({"type": "scan", "page": {"title": "トップ", "forms": []}}),
            ],
        );
        c.ask(json!({"op": "popup", "tab": {"type": "page"}, "stored": stored, "env": env}));
        c.ask(json!({"op": "options", "event": {"type": "load"}, "stored": stored, "env": env}));
    }
    c.ask(json!({"op": "popup", "tab": null, "stored": stored, "env": env}));
    c.ask(json!({"op": "popup", "tab": {"type": "noLogin", "url": "https://www.pasona.co.jp"}, "stored": stored, "env": env}));
    c.ask(json!({"op": "popup", "press": {"forget": {}}, "stored": stored, "env": env}));
    for (setting, on) in [
        ("typing", false),
        ("memory", false),
        ("memory", true),
        ("nonsense", false),
    ] {
        c.ask(json!({"op": "options", "event": {"type": "toggle", "setting": setting, "on": on}, "stored": stored, "env": env}));
    }
    c.ask(json!({"op": "options", "press": {"forget": {}}, "stored": stored, "env": env}));
    // Malformed requests: an error with a reason, never a crash.
    for bad in [
        json!(null),
        json!([]),
        json!({"op": "detect"}),
        json!({"op": "page"}),
        json!({"op": "page", "env": {"nowMs": NOW_MS}}),
        json!({"op": "page", "env": {"nowMs": NOW_MS}, "event": {"type": "field", "login": 0, "field": "id"}}),
        json!({"op": "page", "env": {"nowMs": "soon"}, "event": {"type": "stored"}}),
    ] {
        c.ask(bad);
    }
    // A fifth of the requests again, last first, after all the others: one
    // process asked them in order, so a core that kept anything between
    // requests would answer a repeat differently (the browser test checks
    // that repeats agree, then replays every case shuffled on fresh instances).
    let again: Vec<Value> = c
        .out
        .iter()
        .step_by(5)
        .map(|case| case["request"].clone())
        .collect();
    for request in again.into_iter().rev() {
        c.ask(request);
    }
    for case in c.out {
        println!("{case}");
    }
}
