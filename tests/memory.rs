//! The memory of the last login through the page session, as the browser
//! drives it: which click or submit is a login attempt and with which
//! method, and what the next page makes of it (a success remembered with
//! its date, a failure or a stale attempt forgotten, a page still showing
//! that login undecided). `tests/e2e/memory.test-suite.mjs` does the same in
//! the browsers.

mod support;

use serde_json::{json, Value};
use support::*;

const TODAY: i64 = NOW_MS / 86_400_000;

fn click(login: Option<usize>, tag: &str, kind: &str, role: &str, label: &str) -> Value {
    json!({"type": "control", "login": login,
        "control": {"tag": tag, "type": kind, "role": role, "label": label}})
}

/// The method of the attempt a click on a member login page records, if any.
fn attempt_of(event: Value) -> Option<String> {
    let mut p = Page::new();
    p.scan(json!({"forms": [member_form(&[])]}));
    p.send(event);
    p.stored["local"]["attempt"]["method"]
        .as_str()
        .map(str::to_string)
}

#[test]
fn a_login_that_succeeds_is_remembered_with_its_method_and_day() {
    let mut p = Page::new();
    p.scan(json!({"forms": [my_page_form(&[])]}));
    p.send(click(Some(0), "button", "submit", "", "ログインする"));
    assert_eq!(
        p.stored["local"],
        json!({"attempt": {"method": "my-page", "at": NOW_MS}})
    );
    p.scan(json!({"title": "マイページ トップ", "forms": []}));
    assert_eq!(
        p.stored["local"],
        json!({"memory": {"method": "my-page", "date": TODAY}}),
        "the attempt becomes the memory"
    );
}

#[test]
fn what_is_a_login_attempt_and_what_is_not() {
    let member = Some("member-email".to_string());
    let line = Some("line".to_string());
    for (event, method, why) in [
        (
            click(Some(0), "button", "submit", "", "送信"),
            &member,
            "a submit button, whatever it says",
        ),
        (
            click(Some(0), "button", "", "", "次へ"),
            &member,
            "a button submits unless it says otherwise",
        ),
        (
            click(Some(0), "input", "submit", "", ""),
            &member,
            "an input that submits",
        ),
        (
            click(Some(0), "input", "image", "", ""),
            &member,
            "an image that submits",
        ),
        (
            click(Some(0), "div", "", "button", "ログイン"),
            &member,
            "a scripted button that says it logs in",
        ),
        (
            click(Some(0), "input", "button", "", "ログイン"),
            &member,
            "an input button that says it logs in",
        ),
        (
            click(None, "a", "", "", "LINEでログイン"),
            &line,
            "an SNS login, anywhere",
        ),
        (
            click(Some(0), "button", "button", "", "パスワードを表示"),
            &None,
            "a button of the form that does not submit",
        ),
        (
            click(Some(0), "button", "reset", "", "クリア"),
            &None,
            "a reset button",
        ),
        (
            click(Some(0), "a", "", "", "ログインでお困りの方"),
            &None,
            "a link is followed, not pressed",
        ),
        (
            click(Some(0), "div", "", "", "ログイン"),
            &None,
            "text is not a control",
        ),
        (
            click(None, "button", "submit", "", "ログインする"),
            &None,
            "outside every login",
        ),
        (
            json!({"type": "submit", "login": 0}),
            &member,
            "the login's form submitted",
        ),
        (
            json!({"type": "submit", "login": 0, "submitter": {"tag": "button", "label": "Googleで続ける"}}),
            &Some("google".to_string()),
            "by an SNS button",
        ),
        (json!({"type": "submit"}), &None, "a form that is no login"),
    ] {
        assert_eq!(&attempt_of(event.clone()), method, "{why}: {event}");
    }
}

#[test]
fn a_button_asks_to_look_again_for_a_message_and_a_link_does_not() {
    let mut p = Page::new();
    p.scan(json!({"forms": [member_form(&[])]}));
    let r = p.send(click(Some(0), "button", "submit", "", "ログインする"));
    assert_eq!(r["rescanMs"], json!([400, 1200, 3000]));
    let r = p.send(click(None, "a", "", "", "よくある質問"));
    assert!(r.get("rescanMs").is_none_or(|v| v == &json!([])), "{r}");
}

#[test]
fn the_next_page_decides_what_the_attempt_was() {
    let attempted = |method: &str| {
        let mut p = Page::new();
        p.stored =
            json!({"sync": {}, "local": {"attempt": {"method": method, "at": NOW_MS - 2000}}});
        p
    };
    // The same login again, no message: the site may still be answering.
    let mut p = attempted("my-page");
    p.scan(json!({"forms": [my_page_form(&[])]}));
    assert_eq!(p.stored["local"]["attempt"]["method"], "my-page");
    assert_eq!(p.stored["local"].get("memory"), None);
    // The other login only (the site moved on to its own page): a success.
    let mut p = attempted("my-page");
    p.scan(json!({"forms": [member_form(&[])]}));
    assert_eq!(
        p.stored["local"],
        json!({"memory": {"method": "my-page", "date": TODAY}})
    );
    // The site's message: a failure, forgotten.
    let mut p = attempted("line");
    p.scan(json!({"forms": [member_form(&["ログインに失敗しました"])]}));
    assert_eq!(p.stored["local"], json!({}));
}

#[test]
fn with_the_memory_off_nothing_is_recorded_or_remembered() {
    let mut p = Page::new();
    p.stored = json!({"sync": {"settings": {"memory": false}}, "local": {}});
    p.scan(json!({"forms": [my_page_form(&[])]}));
    p.send(click(Some(0), "button", "submit", "", "ログインする"));
    assert_eq!(p.stored["local"], json!({}), "no attempt");
    // An attempt recorded before it was switched off settles to nothing.
    p.stored["local"] = json!({"attempt": {"method": "my-page", "at": NOW_MS - 2000}});
    p.scan(json!({"title": "マイページ トップ", "forms": []}));
    assert_eq!(p.stored["local"], json!({}), "no memory");
}

#[test]
fn before_storage_is_read_nothing_is_recorded() {
    let mut p = Page::new();
    p.stored = Value::Null;
    p.scan(json!({"forms": [my_page_form(&[])]}));
    let r = p.send(click(Some(0), "button", "submit", "", "ログインする"));
    assert_eq!(r["effects"], json!([]));
}
