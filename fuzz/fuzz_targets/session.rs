//! The page session where page and storage data enter it: requests built
//! from the recorded snapshots of real fixture pages (tests/golden), then a
//! run of events — scans of mutated snapshots, field events with any value,
//! clicks, submits, presses, popup looks — with the state handed back each
//! time, sometimes mangled, and storage of any shape. Everything goes through
//! the product's own reader (`protocol::answer` over JSON values), as a
//! request from the browser does.
//!
//! What must hold for every answer: no panic (an abort in the browser), no
//! link off the site (every `https:` link is the site's own or Pasona
//! Career's home), and the answer serializes through its `Tree` exactly as
//! it does directly (what the wasm hands serde-wasm-bindgen).
#![no_main]

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use plh::protocol::answer;
use plh::session::LEFT_OUT;
use plh::site::{own_link, Site, PASONA_CAREER_URL};
use plh::snapshot::LIMITS;
use plh::wasm::answer_tree::Tree;
use serde_json::{json, Value};

/// The golden snapshots, as the reader recorded them in a real browser.
const SNAPSHOTS: &[&str] = &[
    include_str!("../../tests/golden/snapshots/member-modern.json"),
    include_str!("../../tests/golden/snapshots/mypage-table.json"),
    include_str!("../../tests/golden/snapshots/placeholder-only.json"),
    include_str!("../../tests/golden/snapshots/two-logins.json"),
    include_str!("../../tests/golden/snapshots/late-form.json"),
    include_str!("../../tests/golden/snapshots/help-text.json"),
    include_str!("../../tests/golden/snapshots/two-step-id.json"),
    include_str!("../../tests/golden/snapshots/two-step-password.json"),
    include_str!("../../tests/golden/snapshots/job.json"),
    include_str!("../../tests/golden/snapshots/signup.json"),
    include_str!("../../tests/golden/snapshots/bot-challenge.json"),
];

/// Strings worth trying where the page or storage puts text: links off the
/// site in every disguise, failure messages, login words, odd values.
const WORDS: &[&str] = &[
    "https://evil.example/password/reset",
    "https://www.pasonacareer.jp.evil.example/reset",
    "http://www.pasonacareer.jp/reset",
    "https://www.pasonacareer.jp@evil.example/",
    "https://evil.example\\@www.pasonacareer.jp/",
    "javascript:alert(1)",
    "https://www.pasonacareer.jp/mypage/password/forget/",
    "https://www.pasona.co.jp/login",
    "パスワードを忘れた方",
    "IDまたはパスワードが正しくありません",
    "ログインする",
    "マイページID",
    "メールアドレス",
    "",
    "\u{200B}",
    "ｌ２３４５６７",
    "taro＠gmail.con ",
    "1234567",
    "my-page",
    "member-service",
    "login-failed",
    "browser-outdated",
];

fn word(u: &mut Unstructured) -> Result<String> {
    Ok(if u.ratio(1, 3)? {
        u.arbitrary::<String>()?
    } else {
        (*u.choose(WORDS)?).to_string()
    })
}

/// A JSON value of any shape, small.
fn any_json(u: &mut Unstructured, depth: u32) -> Result<Value> {
    Ok(match u.int_in_range(0..=6)? {
        0 => Value::Null,
        1 => json!(u.arbitrary::<bool>()?),
        2 => json!(u.arbitrary::<i64>()?),
        3 => json!(u.arbitrary::<f64>()?),
        4 => json!(word(u)?),
        5 if depth > 0 => {
            let n = u.int_in_range(0..=3)?;
            Value::Array((0..n).map(|_| any_json(u, depth - 1)).collect::<Result<_>>()?)
        }
        _ if depth > 0 => {
            let mut o = serde_json::Map::new();
            for _ in 0..u.int_in_range(0..=3)? {
                o.insert(word(u)?, any_json(u, depth - 1)?);
            }
            Value::Object(o)
        }
        _ => Value::Null,
    })
}

/// Replaces one value somewhere inside `v` (a link, a text, a flag, an index…).
fn mutate(u: &mut Unstructured, v: &mut Value) -> Result<()> {
    match v {
        Value::Object(o) if !o.is_empty() => {
            let keys: Vec<String> = o.keys().cloned().collect();
            let k = u.choose(&keys)?.clone();
            if u.ratio(1, 4)? {
                o.insert(k, any_json(u, 2)?);
            } else {
                mutate(u, o.get_mut(&k).expect("a key of it"))?;
            }
        }
        Value::Array(a) if !a.is_empty() => {
            let i = u.choose_index(a.len())?;
            if u.ratio(1, 5)? {
                a.push(a[i].clone());
            } else {
                mutate(u, &mut a[i])?;
            }
        }
        _ => *v = any_json(u, 2)?,
    }
    Ok(())
}

fn event(u: &mut Unstructured, logins: usize) -> Result<Value> {
    let login = u.int_in_range(0..=logins)?;
    let field = *u.choose(&["id", "password"])?;
    Ok(match u.int_in_range(0..=8)? {
        0 => json!({"type": "stored"}),
        1 | 2 => json!({"type": "field", "login": login, "field": field,
            "event": *u.choose(&["input", "change", "blur", "compositionstart", "compositionupdate", "compositionend", "keydown", "keyup"])?,
            "inputType": *u.choose(&["insertText", "insertFromPaste", "insertCompositionText", "insertFromComposition", "deleteContentBackward", ""])?,
            "inserted": u.int_in_range(0..=40)?, "composing": u.arbitrary::<bool>()?}),
        3 => json!({"type": "control", "login": login, "control": {"tag": *u.choose(&["button", "a", "input", "div"])?, "type": *u.choose(&["submit", "button", ""])?, "role": "", "label": word(u)?}}),
        4 => json!({"type": "submit", "login": login, "submitter": {"tag": "button", "type": "submit", "role": "", "label": word(u)?}}),
        5 => json!({"type": "press", "press": {"readBack": {"login": login}}}),
        6 => json!({"type": "press", "press": {"dismiss": {"code": word(u)?}}}),
        7 => json!({"type": "press", "press": {"fix": {"code": *u.choose(&["fullwidth", "not-digits", "email-domain"])?, "login": login, "field": field}}}),
        _ => json!({"type": "status"}),
    })
}

/// Every link an answer offers (and every link its state keeps) is the
/// page's site's own over https, or Pasona Career's home page (offered from a
/// look-alike site).
fn check_links(v: &Value, site: Site) {
    match v {
        Value::Object(o) => {
            for key in ["href", "reset", "forgot"] {
                if let Some(Value::String(href)) = o.get(key) {
                    // (A report records an offered link whose address held
                    // a run of a typed value as left out.)
                    assert!(
                        href == PASONA_CAREER_URL || own_link(href, site).is_some() || href == LEFT_OUT,
                        "a link off the site: {href}"
                    );
                }
            }
            o.values().for_each(|x| check_links(x, site));
        }
        Value::Array(a) => a.iter().for_each(|x| check_links(x, site)),
        _ => {}
    }
}

/// No string of a report's snapshot holds four characters in a row of a
/// value typed (as typed, at most one past the value limit as the core reads
/// it), unless it is the mark of a text left out.
fn check_left_out(v: &Value, typed: &[String]) {
    match v {
        Value::String(s) if s != LEFT_OUT => {
            for value in typed {
                let chars: Vec<char> = value.chars().collect();
                for run in chars.windows(4) {
                    let run: String = run.iter().collect();
                    assert!(!s.contains(&run), "the report holds {run:?} of a typed value in {s:?}");
                }
            }
        }
        Value::Object(o) => o.values().for_each(|x| check_left_out(x, typed)),
        Value::Array(a) => a.iter().for_each(|x| check_left_out(x, typed)),
        _ => {}
    }
}

fn run(u: &mut Unstructured) -> Result<()> {
    let mut page: Value = serde_json::from_str(u.choose(SNAPSHOTS)?).expect("a golden snapshot");
    page["url"] = json!(*u.choose(&[
        "https://www.pasonacareer.jp/x",
        "https://www.pasona.co.jp/x",
        "https://mypage.pasonacareer.jp/"
    ])?);
    let mut state = Value::Null;
    let mut stored = if u.ratio(1, 2)? { json!({"sync": {}, "local": {}}) } else { any_json(u, 3)? };
    let env = json!({"nowMs": u.int_in_range(0..=4_102_444_800_000_i64)?, "browser": {"userAgent": word(u)?}});
    let logins = page["forms"].as_array().map_or(0, Vec::len);
    for step in 0..u.int_in_range(1..=12)? {
        let mut e = if step == 0 || u.ratio(1, 6)? {
            let mut p = page.clone();
            for _ in 0..u.int_in_range(0..=3)? {
                mutate(u, &mut p)?;
            }
            // The popup's report reads the page again (a look: state unchanged).
            let kind = if step > 0 && u.ratio(1, 3)? { "report" } else { "scan" };
            json!({"type": kind, "page": p})
        } else {
            event(u, logins)?
        };
        let mut values = Vec::new();
        for login in 0..u.int_in_range(0..=logins.min(3))? {
            values.push(json!({"login": login, "id": word(u)?, "password": word(u)?, "capsLock": u.arbitrary::<bool>()?}));
        }
        e["values"] = Value::Array(values);
        if u.ratio(1, 5)? {
            mutate(u, &mut state)?;
        }
        if u.ratio(1, 8)? {
            mutate(u, &mut stored)?;
        }
        let request = json!({"op": "page", "event": e, "state": state, "stored": stored, "env": env});
        let Ok(response) = answer(&request) else {
            continue;
        };
        let direct = serde_json::to_value(&response).expect("serializable");
        if let Ok(tree) = Tree::of(&response) {
            assert_eq!(serde_json::to_value(&tree).expect("serializable"), direct);
        }
        // The site the session took the page for.
        let site = direct["state"]["site"]
            .as_str()
            .and_then(Site::from_key)
            .expect("the state names its site");
        // A report's snapshot holds the page's own links, whatever their
        // host (they are what the page shows, not what is offered); every
        // text in it that held a run of four typed characters is left out.
        let mut direct = direct;
        if let Some(snapshot) = direct["report"]["report"].get_mut("page").map(Value::take) {
            let typed: Vec<String> = e["values"]
                .as_array()
                .into_iter()
                .flatten()
                .flat_map(|v| [&v["id"], &v["password"]])
                .filter_map(|v| v.as_str())
                .map(|s| s.chars().take(LIMITS.value + 1).collect::<String>())
                .collect();
            check_left_out(&snapshot, &typed);
        }
        // The report judged the page read just now: its own site's links.
        let report = direct["report"].take();
        if let Some(s) = report["report"]["decided"]["site"].as_str() {
            check_links(&report, Site::from_key(s).expect("the report names its site"));
        }
        check_links(&direct, site);
        state = direct["state"].clone();
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(&mut Unstructured::new(data));
});
