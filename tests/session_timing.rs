//! Reward early, punish late, through the page session as the browser drives
//! it: values typed key by key show nothing but the instant codes while being
//! typed; a valid value shows nothing at rest; an invalid one shows its code
//! once complete, and the code goes as soon as the value is fixed.

mod support;

use serde_json::{json, Value};
use support::*;

const INSTANT: [&str; 4] = ["fullwidth", "invisible", "caps-lock", "ime"];

fn login_page() -> Value {
    json!({"forms": [member_form(&[]), my_page_form(&[])]})
}

const MEMBER: usize = 0;
const MY_PAGE: usize = 1;

/// Types `value` key by key; returns every non-instant code seen while typing.
fn judged_while_typing(p: &mut Page, login: usize, field: &str, value: &str) -> Vec<String> {
    // Cleared as a user does (select all, delete), then typed.
    p.field(
        login,
        field,
        "",
        json!({"event": "input", "inputType": "deleteContentBackward"}),
    );
    let mut seen = Vec::new();
    let mut typed = String::new();
    for c in value.chars() {
        typed.push(c);
        let r = p.field(
            login,
            field,
            &typed,
            json!({"event": "input", "inputType": "insertText", "inserted": 1}),
        );
        for code in field_codes(&r, login, field) {
            if !INSTANT.contains(&code.as_str()) {
                seen.push(format!("{typed:?}: {code}"));
            }
        }
    }
    seen
}

const VALID_EMAILS: [&str; 16] = [
    "taro.yamada@gmail.com",
    "hanako+job@yahoo.co.jp",
    "k-suzuki@docomo.ne.jp",
    "sato_2024@icloud.com",
    "yamamoto@hotmail.co.jp",
    "t.tanaka@outlook.jp",
    "ito.ken@ezweb.ne.jp",
    "watanabe@softbank.ne.jp",
    "nakamura@nifty.com",
    "kobayashi@example.co.jp",
    "kato.mika@hotmail.co.uk",
    "yoshida@sannet.ne.jp",
    "yamada1@au.com",
    "matsumoto@i.softbank.jp",
    "inoue@biglobe.ne.jp",
    "kimura@company-name.co.jp",
];
const VALID_IDS: [&str; 6] = [
    "1234567", "0000001", "7654321", "2468024", "1357913", "9000000",
];
const VALID_PASSWORDS: [&str; 5] = ["Sakura-2024!", "tokyo2024", "pass word", "Il1O0o", "x"];

#[test]
fn valid_values_are_quiet_while_typed_and_at_rest() {
    let mut p = Page::new();
    p.scan(login_page());
    for v in VALID_EMAILS {
        assert_eq!(
            judged_while_typing(&mut p, MEMBER, "id", v),
            Vec::<String>::new(),
            "{v}"
        );
        let r = p.blur(MEMBER, "id");
        assert!(
            field_codes(&r, MEMBER, "id").is_empty(),
            "{v} at rest: {:?}",
            field_codes(&r, MEMBER, "id")
        );
    }
    for v in VALID_IDS {
        assert_eq!(
            judged_while_typing(&mut p, MY_PAGE, "id", v),
            Vec::<String>::new(),
            "{v}"
        );
        assert!(
            field_codes(&p.blur(MY_PAGE, "id"), MY_PAGE, "id").is_empty(),
            "{v}"
        );
    }
    for v in VALID_PASSWORDS.iter().filter(|v| !v.is_empty()) {
        assert_eq!(
            judged_while_typing(&mut p, MEMBER, "password", v),
            Vec::<String>::new(),
            "{v}"
        );
        assert!(
            field_codes(&p.blur(MEMBER, "password"), MEMBER, "password").is_empty(),
            "{v}"
        );
    }
}

#[test]
fn invalid_values_are_caught_at_rest_and_only_instant_codes_show_while_typed() {
    let cases: [(usize, &str, &str, &str); 14] = [
        (MY_PAGE, "id", "１２３４５６７", "fullwidth"),
        (MY_PAGE, "id", "123456", "length"),
        (MY_PAGE, "id", "12345678", "length"),
        (MY_PAGE, "id", "l234567", "not-digits"),
        (MY_PAGE, "id", "taro@gmail.com", "wrong-login"),
        (MEMBER, "id", "taro@gmail.con", "email-domain"),
        (MEMBER, "id", "taro@@gmail.com", "email-format"),
        (MEMBER, "id", "taro.gmail.com", "email-format"),
        (MEMBER, "id", "1234567", "wrong-login"),
        (MEMBER, "id", "taro＠gmail.com", "fullwidth"),
        (MEMBER, "id", "hanako@docomo.ne.jo", "email-domain"),
        (MEMBER, "id", " taro@gmail.com", "whitespace"),
        (MEMBER, "password", "ｐａｓｓ", "fullwidth"),
        (MEMBER, "password", "pass ", "whitespace"),
    ];
    let mut p = Page::new();
    p.scan(login_page());
    for (login, field, value, code) in cases {
        let early = judged_while_typing(&mut p, login, field, value);
        assert!(early.is_empty(), "{value}: judged while typing: {early:?}");
        let r = p.blur(login, field);
        assert!(
            field_codes(&r, login, field).contains(&code.to_string()),
            "{value}: {code} at rest, got {:?}",
            field_codes(&r, login, field)
        );
    }
}

#[test]
fn a_fixed_value_loses_its_warning_at_once_and_a_new_finding_waits() {
    let mut p = Page::new();
    p.scan(login_page());
    p.type_keys(MY_PAGE, "id", "123456");
    let r = p.blur(MY_PAGE, "id");
    assert_eq!(field_codes(&r, MY_PAGE, "id"), ["length"]);
    // Typing on: still short (shown, its text updated); the seventh digit: gone.
    let r = p.type_keys(MY_PAGE, "id", "7");
    assert!(field_codes(&r, MY_PAGE, "id").is_empty());
    // An eighth digit is a new finding: it waits for the value to be complete.
    let r = p.type_keys(MY_PAGE, "id", "8");
    assert!(field_codes(&r, MY_PAGE, "id").is_empty());
    assert!(
        r.get("pauseMs").is_none(),
        "no pause rule: a person reading their ID off a letter stops often"
    );
    // A key that changes nothing, long after: still nothing.
    let r = p.field(MY_PAGE, "id", "12345678", json!({"event": "keyup"}));
    assert!(field_codes(&r, MY_PAGE, "id").is_empty());
    let r = p.blur(MY_PAGE, "id");
    assert_eq!(field_codes(&r, MY_PAGE, "id"), ["length"]);
}

#[test]
fn an_input_method_commit_is_not_the_end_of_the_value() {
    let mut p = Page::new();
    p.scan(login_page());
    // Japanese input commits an address in pieces: 「taro」, then 「@docomo.ne.j」…
    for (value, piece) in [("taro", 4), ("taro@", 1), ("taro@docomo.ne.j", 11)] {
        p.field(MEMBER, "id", value, json!({"event": "compositionstart"}));
        p.field(MEMBER, "id", value, json!({"event": "input", "inputType": "insertCompositionText", "inserted": piece, "composing": true}));
        let r = p.field(MEMBER, "id", value, json!({"event": "compositionend"}));
        assert!(
            field_codes(&r, MEMBER, "id").is_empty(),
            "{value}: at the commit"
        );
        // Some browsers report the commit again as an insertion.
        let r = p.field(
            MEMBER,
            "id",
            value,
            json!({"event": "input", "inputType": "insertText", "inserted": piece}),
        );
        assert!(
            field_codes(&r, MEMBER, "id").is_empty(),
            "{value}: after the commit"
        );
    }
    let r = p.blur(MEMBER, "id");
    assert_eq!(field_codes(&r, MEMBER, "id"), ["email-domain"]);
}

#[test]
fn while_the_input_method_composes_only_its_notice_shows() {
    let mut p = Page::new();
    p.scan(login_page());
    let r = p.field(MY_PAGE, "id", "ｒ", json!({"event": "input", "inputType": "insertCompositionText", "inserted": 1, "composing": true}));
    assert_eq!(field_codes(&r, MY_PAGE, "id"), ["ime"]);
    let r = p.field(MY_PAGE, "id", "ｒ", json!({"event": "compositionend"}));
    let codes = field_codes(&r, MY_PAGE, "id");
    assert!(!codes.contains(&"ime".to_string()));
    assert!(codes.contains(&"fullwidth".to_string()));
    assert!(
        !codes.iter().any(|c| c == "length"),
        "never 'now 0 digits': {codes:?}"
    );
}

#[test]
fn a_paste_or_autofill_is_a_complete_value() {
    let mut p = Page::new();
    p.scan(login_page());
    let r = p.paste(MY_PAGE, "id", "123456");
    assert_eq!(field_codes(&r, MY_PAGE, "id"), ["length"]);
    let r = p.field(
        MEMBER,
        "id",
        "taro@gmail.con",
        json!({"event": "input", "inputType": "", "inserted": 0}),
    );
    assert_eq!(field_codes(&r, MEMBER, "id"), ["email-domain"]);
}

#[test]
fn a_new_error_is_announced_once() {
    let mut p = Page::new();
    p.scan(login_page());
    let r = p.type_keys(MY_PAGE, "id", "１");
    assert!(field_host(&r, MY_PAGE, "id").unwrap()["announce"].is_object());
    let r = p.type_keys(MY_PAGE, "id", "２");
    assert!(
        field_host(&r, MY_PAGE, "id").unwrap()["announce"].is_null(),
        "the same error is not said again"
    );
}

#[test]
fn the_read_back_is_offered_only_for_a_judged_id_with_look_alikes() {
    let mut p = Page::new();
    p.scan(login_page());
    let offer = |r: &Value| {
        let mut found = Vec::new();
        with_attr(
            &field_host(r, MEMBER, "id").unwrap()["parts"],
            "data-plh-action",
            &mut found,
        );
        !found.is_empty()
    };
    let r = p.type_keys(MEMBER, "id", "taro1@example.com");
    assert!(!offer(&r), "not while typing");
    let r = p.blur(MEMBER, "id");
    assert!(field_codes(&r, MEMBER, "id").is_empty(), "no warning");
    assert!(offer(&r), "the offer at rest");
    let r = p.send(json!({"type": "press", "press": {"readBack": {"login": MEMBER}}}));
    let w = warning(field_host(&r, MEMBER, "id").unwrap(), "confusable").expect("the read-back");
    assert_eq!(attr(w, "data-plh-level").unwrap(), "info");
    p.type_keys(MEMBER, "id", "x");
    let r = p.blur(MEMBER, "id");
    assert!(
        !field_codes(&r, MEMBER, "id").contains(&"confusable".to_string()),
        "the read-back goes when the value changes"
    );
    // A plain address has nothing to read back: no offer.
    p.set(MEMBER, "id", "");
    p.type_keys(MEMBER, "id", "yamada@example.com");
    let mut q = Page::new();
    q.scan(login_page());
    q.type_keys(MEMBER, "id", "yamada@example.co.jp");
    assert!(!offer(&q.blur(MEMBER, "id")));
}

#[test]
fn after_a_failed_login_the_id_is_read_back_and_the_password_stays_quiet() {
    let mut p = Page::new();
    p.scan(json!({"forms": [my_page_form(&["IDまたはパスワードが正しくありません"])]}));
    p.type_keys(0, "id", "l234567");
    let r = p.blur(0, "id");
    assert!(field_codes(&r, 0, "id").contains(&"not-digits".to_string()));
    let mut q = Page::new();
    q.scan(json!({"forms": [member_form(&["IDまたはパスワードが正しくありません"])]}));
    q.type_keys(0, "id", "taro1@example.com");
    let r = q.blur(0, "id");
    assert_eq!(
        field_codes(&r, 0, "id"),
        ["confusable"],
        "read back after a failure"
    );
    q.type_keys(0, "password", "l1O0pass");
    let r = q.blur(0, "password");
    assert!(
        field_codes(&r, 0, "password").is_empty(),
        "the password's look-alikes are a checklist item"
    );
}

#[test]
fn a_fix_completes_the_value_it_set_and_only_that_one() {
    let mut p = Page::new();
    p.scan(login_page());
    p.type_keys(MEMBER, "id", "taro@gmail.con");
    let r = p.type_keys(MY_PAGE, "id", "１２３４５６");
    assert_eq!(field_codes(&r, MY_PAGE, "id"), ["fullwidth"]);
    p.set(MY_PAGE, "id", "123456");
    let r = p.send(json!({"type": "press", "press": {"fix": {"code": "fullwidth", "login": MY_PAGE, "field": "id"}}}));
    assert_eq!(
        field_codes(&r, MY_PAGE, "id"),
        ["length"],
        "the fixed value is whole: what is left of it shows at once"
    );
    assert!(
        field_codes(&r, MEMBER, "id").is_empty(),
        "the address still being typed elsewhere waits"
    );
}

#[test]
fn the_fix_waits_until_everything_it_corrects_is_on_screen() {
    let mut p = Page::new();
    p.scan(login_page());
    // The fix would also correct the domain, which is still being typed:
    // offered now, it would be a guess.
    let r = p.type_keys(MEMBER, "id", "taro＠gmail.con");
    let host = field_host(&r, MEMBER, "id").unwrap();
    assert_eq!(codes(host), ["fullwidth"]);
    assert_eq!(fix(warning(host, "fullwidth").unwrap()), None);
    let r = p.blur(MEMBER, "id");
    let host = field_host(&r, MEMBER, "id").unwrap();
    assert_eq!(
        fix(warning(host, "fullwidth").unwrap()).as_deref(),
        Some("taro@gmail.com")
    );
}

#[test]
fn a_login_found_again_under_another_index_keeps_what_was_judged() {
    let mut p = Page::new();
    // A form that is no login yet, then the My Page login.
    p.scan(json!({"forms": [{"fields": [], "buttons": []}, my_page_form(&[])]}));
    let r = p.paste(0, "id", "123456");
    assert_eq!(field_codes(&r, 0, "id"), ["length"]);
    // The first form becomes the member login: the My Page login is now the
    // second login of the page, in the same place.
    p.scan(json!({"forms": [member_form(&[]), my_page_form(&[])]}));
    p.values = vec![json!({"login": 1, "id": "123456"})];
    let r = p.field(1, "id", "123456", json!({"event": "keyup"}));
    assert_eq!(field_codes(&r, 1, "id"), ["length"], "still judged");
    assert!(field_codes(&r, 0, "id").is_empty());
}

#[test]
fn the_read_back_stays_while_the_value_does() {
    let mut p = Page::new();
    p.scan(login_page());
    p.type_keys(MEMBER, "id", "taro1@example.com");
    p.blur(MEMBER, "id");
    p.send(json!({"type": "press", "press": {"readBack": {"login": MEMBER}}}));
    for event in [json!({"event": "keyup"}), json!({"event": "blur"})] {
        let r = p.field(MEMBER, "id", "taro1@example.com", event.clone());
        assert_eq!(field_codes(&r, MEMBER, "id"), ["confusable"], "{event}");
    }
}

#[test]
fn after_a_failed_login_the_read_back_holds_no_fix_back() {
    // After a failure the characters easy to mix up are read back once the
    // value is complete; a full-width slip's fix still comes as it is typed.
    let mut p = Page::new();
    p.scan(json!({"forms": [member_form(&["IDまたはパスワードが正しくありません"])]}));
    let r = p.type_keys(0, "id", "ｔａｒｏ1@example.com");
    assert_eq!(field_codes(&r, 0, "id"), ["fullwidth"]);
    let host = field_host(&r, 0, "id").unwrap();
    let fixes: Vec<String> = host["parts"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(fix)
        .collect();
    assert_eq!(fixes, ["taro1@example.com"]);
    let r = p.blur(0, "id");
    assert_eq!(field_codes(&r, 0, "id"), ["fullwidth", "confusable"]);
}

#[test]
fn an_impostor_letter_is_an_error_at_once_and_mere_look_alikes_wait_to_be_asked() {
    let at_rest = |value: &str| {
        let mut p = Page::new();
        p.scan(json!({"forms": [member_form(&[])]}));
        p.type_keys(0, "id", value);
        field_codes(&p.blur(0, "id"), 0, "id")
    };
    // A Cyrillic а (pasted from a look-alike page) cannot be typed here.
    assert_eq!(at_rest("t\u{430}ro@example.com"), ["confusable"]);
    // o and 1 are the person's own: read back only when asked or after a failure.
    assert!(at_rest("taro1@example.com").is_empty());
}

#[test]
fn asked_to_read_back_it_says_so_when_there_is_nothing_to_mix_up() {
    let asked = |value: &str| {
        let mut p = Page::new();
        p.scan(json!({"forms": [member_form(&[])]}));
        p.type_keys(0, "id", value);
        p.blur(0, "id");
        let r = p.send(json!({"type": "press", "press": {"readBack": {"login": 0}}}));
        let mut notes = Vec::new();
        with_attr(
            &field_host(&r, 0, "id").unwrap()["parts"],
            "data-plh-note",
            &mut notes,
        );
        // The button that was pressed is gone: the focus goes to what it showed.
        let focus = r["focus"]["key"].as_str().unwrap_or("").to_string();
        (field_codes(&r, 0, "id"), notes.len(), focus)
    };
    assert_eq!(
        asked("taro1@example.com"),
        (
            vec!["confusable".to_string()],
            0,
            "w:confusable".to_string()
        )
    );
    assert_eq!(
        asked("yamada@docomo.ne.jp"),
        (vec![], 1, "read-back-none".to_string())
    );
}
