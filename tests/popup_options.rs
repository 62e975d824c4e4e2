//! The toolbar popup and the options page, asked as their scripts ask the
//! core: what each shows of the tab and of the memory, and what each writes
//! to storage when a switch is turned or the erase button pressed.

mod support;

use serde_json::{json, Value};
use support::*;

const LAST_LOGIN: i64 = NOW_MS / 86_400_000 - 3;

fn stored_with_memory() -> Value {
    json!({"sync": {}, "local": {
        "memory": {"method": "line", "date": LAST_LOGIN},
        "attempt": {"method": "line", "at": NOW_MS - 1000}
    }})
}

fn ask(mut request: Value, stored: Value) -> Value {
    request["stored"] = stored;
    request["env"] = json!({"nowMs": NOW_MS});
    let response = plh::protocol::answer(&request).expect("answered");
    serde_json::to_value(response).expect("serializable")
}

fn options(request: Value, stored: Value) -> Value {
    let mut request = request;
    request["op"] = json!("options");
    ask(request, stored)
}

fn popup(request: Value, stored: Value) -> Value {
    let mut request = request;
    request["op"] = json!("popup");
    ask(request, stored)
}

/// The keys of the local records the effects remove.
fn removed(response: &Value) -> Vec<String> {
    response["effects"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["area"] == "local")
        .flat_map(|e| e["remove"].as_array().unwrap().iter())
        .map(|k| k.as_str().unwrap().to_string())
        .collect()
}

/// The settings the effects write, if any.
fn settings_set(response: &Value) -> Option<Value> {
    response["effects"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|e| e["set"].get("settings").cloned())
}

/// What the memory part says: `data-plh-memory` (`off`, `none`) or the
/// notice of a remembered login (`data-plh-notice`).
fn memory_says(parts: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for name in ["data-plh-memory", "data-plh-notice"] {
        let mut found = Vec::new();
        with_attr(parts, name, &mut found);
        out.extend(found.into_iter().map(|p| {
            format!(
                "{name}={}",
                attr(p, name).and_then(|v| v.as_str()).unwrap_or("")
            )
        }));
    }
    out
}

const ERASED: [&str; 4] = ["memory", "attempt", "dismissed", "shown"];

#[test]
fn the_options_page_erases_what_is_remembered_when_asked() {
    let r = options(json!({"press": {"forget": {}}}), stored_with_memory());
    assert_eq!(removed(&r), ERASED);
    assert_eq!(settings_set(&r), None, "the switches are the user's choice");
    assert_eq!(memory_says(&r["parts"]), ["data-plh-memory=none"]);
    let r = options(json!({"event": {"type": "load"}}), stored_with_memory());
    assert_eq!(removed(&r), Vec::<String>::new(), "loading erases nothing");
}

#[test]
fn turning_the_memory_off_on_the_options_page_erases_it_too() {
    let r = options(
        json!({"event": {"type": "toggle", "setting": "memory", "on": false}}),
        stored_with_memory(),
    );
    assert_eq!(settings_set(&r).unwrap()["memory"], false);
    assert_eq!(removed(&r), ERASED);
    assert_eq!(memory_says(&r["parts"]), ["data-plh-memory=off"]);

    let r = options(
        json!({"event": {"type": "toggle", "setting": "browser", "on": false}}),
        stored_with_memory(),
    );
    let set = settings_set(&r).unwrap();
    assert_eq!(
        (&set["browser"], &set["memory"]),
        (&json!(false), &json!(true))
    );
    assert_eq!(
        removed(&r),
        Vec::<String>::new(),
        "another switch keeps the memory"
    );
    assert_eq!(memory_says(&r["parts"]), ["data-plh-notice=last-login"]);
}

#[test]
fn the_popup_says_where_the_tab_is_and_erases_when_asked() {
    let stored = json!({"sync": {}, "local": {}});
    let shown = |tab: Value| {
        let r = popup(json!({"tab": tab}), stored.clone());
        let tab = &r["tab"];
        if tab.is_null() {
            return "the page's own answer".to_string();
        }
        let popup = tab["attrs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a[0] == "data-plh-popup")
            .map(|a| a[1].as_str().unwrap().to_string());
        popup.unwrap_or_default()
    };
    assert_eq!(shown(json!({"type": "page"})), "the page's own answer");
    assert_eq!(
        shown(json!({"type": "noLogin", "url": "https://www.pasonacareer.jp/job/"})),
        "pasona-career"
    );
    assert_eq!(
        shown(json!({"type": "noLogin", "url": "https://www.pasona.co.jp/"})),
        "pasona"
    );
    // The popup's script sends no tab where the extension does not run; a
    // shape it does not know is no page it knows either.
    for tab in [Value::Null, json!({"type": "blank", "url": "about:blank"})] {
        assert_eq!(shown(tab.clone()), "elsewhere", "{tab}");
    }

    let r = popup(
        json!({"tab": null, "press": {"forget": {}}}),
        stored_with_memory(),
    );
    assert_eq!(removed(&r), ERASED);
    assert_eq!(memory_says(&r["memory"]), ["data-plh-memory=none"]);
    let r = popup(json!({"tab": null}), stored_with_memory());
    assert_eq!(removed(&r), Vec::<String>::new());
    assert_eq!(memory_says(&r["memory"]), ["data-plh-notice=last-login"]);
}

/// The status the page session gives the popup of its tab.
fn status(p: &mut Page) -> Value {
    p.send(json!({"type": "status"}))["popup"].clone()
}

#[test]
fn the_popup_names_the_logins_of_its_tab() {
    let says = |forms: Value| {
        let mut p = Page::new();
        p.scan(json!({"forms": forms}));
        status(&mut p)["parts"][0]["block"][0]["text"]["key"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(says(json!([my_page_form(&[])])), "popup_kind_my_page");
    assert_eq!(says(json!([member_form(&[])])), "popup_kind_member_service");
    assert_eq!(
        says(json!([member_form(&[]), my_page_form(&[])])),
        "popup_kind_both"
    );
    assert_eq!(says(json!([])), "popup_no_login");
}

#[test]
fn the_popup_lists_warnings_as_the_page_orders_them() {
    let mut p = Page::new().with_browser(OLD_CHROME, NOW_MS);
    // No maxlength: a seven-character value is not a cut one.
    p.scan(json!({"forms": [{
        "fields": [
            {"tag": "input", "type": "text", "label": "マイページID"},
            {"tag": "input", "type": "password", "label": "パスワード"}
        ],
        "buttons": ["ログインする"]
    }]}));
    p.values = vec![json!({"login": 0, "id": "123456 ", "password": "ｐａｓｓ", "capsLock": true})];
    p.blur(0, "id");
    p.blur(0, "password");
    // Errors first; within a level the page's notice, then each field's
    // findings, the one with a fix first.
    assert_eq!(
        codes(&status(&mut p)),
        [
            "fullwidth",
            "browser-outdated",
            "whitespace",
            "length",
            "caps-lock"
        ]
    );
}

#[test]
fn a_closed_notice_is_something_remembered_to_erase() {
    let stored = json!({"sync": {}, "local": {
        "dismissed": {"browser-outdated": "outdated:chrome:120"}
    }});
    let r = popup(json!({"tab": null}), stored.clone());
    let keys: Vec<&str> = r["memory"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| {
            p["block"][0]["text"]["key"]
                .as_str()
                .or(p["button"]["label"]["key"].as_str())
        })
        .collect();
    assert_eq!(
        keys,
        ["popup_memory_none", "stored_dismissed", "popup_forget"]
    );
    let r = options(json!({"event": {"type": "load"}}), stored);
    let mut erase = Vec::new();
    with_attr(&r["parts"], "data-plh-action", &mut erase);
    assert_eq!(attr(erase[0], "disabled"), None, "something to erase");
    let r = options(
        json!({"event": {"type": "load"}}),
        json!({"sync": {}, "local": {}}),
    );
    let mut erase = Vec::new();
    with_attr(&r["parts"], "data-plh-action", &mut erase);
    assert!(attr(erase[0], "disabled").is_some(), "nothing to erase");
}

/// Every value under `key` anywhere in `v`.
fn all_under<'a>(v: &'a Value, key: &str, out: &mut Vec<&'a Value>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                if k == key {
                    out.push(child);
                }
                all_under(child, key, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| all_under(i, key, out)),
        _ => {}
    }
}

#[test]
fn away_from_the_sites_the_popup_offers_pasona_career_itself() {
    let r = popup(json!({"tab": null}), json!({"sync": {}, "local": {}}));
    let mut links = Vec::new();
    all_under(&r, "href", &mut links);
    assert!(
        links.contains(&&json!("https://www.pasonacareer.jp/")),
        "{links:?}"
    );
}

#[test]
fn the_options_page_has_a_switch_for_each_setting_showing_its_state() {
    let r = options(
        json!({"event": {"type": "load"}}),
        json!({"sync": {"settings": {"browser": false}}, "local": {}}),
    );
    let mut toggles = Vec::new();
    all_under(&r["parts"], "toggle", &mut toggles);
    let shown: Vec<(String, bool)> = toggles
        .iter()
        .filter(|t| !t.is_null())
        .map(|t| {
            (
                t["setting"].as_str().unwrap().to_string(),
                t["on"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(shown.len(), 6, "{shown:?}");
    assert!(shown.contains(&("browser".into(), false)), "{shown:?}");
    assert!(shown.contains(&("memory".into(), true)), "{shown:?}");
}
