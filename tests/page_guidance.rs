//! Page-level guidance through the page session, as the browser asks for it:
//! look-alike services, failed logins with their checklist and one reset
//! link, and browser notices only where a login is on screen.

mod support;

use plh::browser::days_from_civil;
use serde_json::{json, Value};
use support::*;

fn scan(page: Value) -> Value {
    Page::new().scan(page)
}

fn page_item<'a>(r: &'a Value, code: &str) -> &'a Value {
    warning(&r["page"], code).unwrap_or_else(|| panic!("{code} in {}", r["page"]))
}

fn checklist_keys(item: &Value) -> Vec<String> {
    item["block"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|p| p["list"].as_array())
        .map(|items| {
            items
                .iter()
                .map(|i| i[0]["text"]["key"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The keys of the folded part of a checklist.
fn folded_keys(item: &Value) -> Vec<String> {
    item["block"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|p| p["details"]["parts"][0]["list"].as_array())
        .map(|items| {
            items
                .iter()
                .map(|i| {
                    let first = &i[0];
                    first["text"]["key"]
                        .as_str()
                        .or_else(|| first["block"][0]["text"]["key"].as_str())
                        .unwrap()
                        .to_string()
                })
                .collect()
        })
        .unwrap_or_default()
}

fn links(item: &Value) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(parts: &Value, out: &mut Vec<String>) {
        for p in parts.as_array().into_iter().flatten() {
            if let Some(h) = p["link"]["href"].as_str() {
                out.push(h.to_string());
            }
            walk(&p["block"], out);
            walk(&p["details"]["parts"], out);
            for i in p["list"].as_array().into_iter().flatten() {
                walk(i, out);
            }
        }
    }
    walk(&item["block"], &mut out);
    out
}

#[test]
fn a_login_on_pasona_is_a_different_service() {
    let r =
        scan(json!({"url": "https://www.pasona.co.jp/mypage/login/", "forms": [member_form(&[])]}));
    assert_eq!(page_codes(&r), ["similar-service"]);
    assert!(
        r["forms"].as_array().unwrap().is_empty(),
        "not a Pasona Career login"
    );
    let w = page_item(&r, "similar-service");
    assert_eq!(attr(w, "data-plh-level").unwrap(), "warning");
    assert_eq!(message(w), "w_similar_pasona");
    assert_eq!(links(w), ["https://www.pasonacareer.jp/"]);
    // Any host of the service.
    let r = scan(json!({"url": "https://mypage.pasona.co.jp/login", "forms": [member_form(&[])]}));
    assert_eq!(page_codes(&r), ["similar-service"]);
}

#[test]
fn a_login_on_pasona_masters_too_but_not_their_other_pages() {
    let r = scan(
        json!({"url": "https://www.pasona-masters.co.jp/login", "forms": [my_page_form(&[])]}),
    );
    assert_eq!(
        message(page_item(&r, "similar-service")),
        "w_similar_masters"
    );
    let r = scan(json!({"url": "https://www.pasona-masters.co.jp/about/", "forms": []}));
    assert!(page_codes(&r).is_empty());
    assert_eq!(r["page"]["hidden"], json!(true));
    let r = scan(json!({"url": "https://www.pasona.co.jp/entry/", "forms": [{
        "fields": [
            {"tag": "input", "type": "email"},
            {"tag": "input", "type": "password", "autocomplete": "new-password"},
            {"tag": "input", "type": "password", "autocomplete": "new-password"}
        ],
        "buttons": ["登録する"]
    }]}));
    assert!(page_codes(&r).is_empty(), "a sign-up form is not a login");
}

#[test]
fn a_failure_message_at_the_form_names_that_login_and_gives_one_reset_link() {
    let mut form = my_page_form(&["IDまたはパスワードが正しくありません"]);
    form["links"] =
        json!([{"text": "パスワードを忘れた方", "href": "https://www.pasonacareer.jp/mypage/pw/"}]);
    let mut member = member_form(&[]);
    member["links"] =
        json!([{"text": "パスワードを忘れた方", "href": "https://www.pasonacareer.jp/member/pw/"}]);
    let r = scan(json!({"url": "https://www.pasonacareer.jp/login", "forms": [member, form]}));
    assert_eq!(page_codes(&r), ["login-failed"]);
    let w = page_item(&r, "login-failed");
    assert_eq!(attr(w, "data-plh-level").unwrap(), "error");
    assert_eq!(message(w), "w_login_failed_my_page");
    let list = checklist_keys(w);
    assert_eq!(
        list,
        ["check_my_page_id", "check_password", "check_which_login"],
        "three causes in sight, for this login"
    );
    let more = folded_keys(w);
    for key in ["check_registration", "check_inactive", "check_support"] {
        assert!(more.contains(&key.to_string()), "{key}");
    }
    assert!(!more.contains(&"check_similar_service".to_string()));
    assert!(
        links(w).is_empty(),
        "the page shows its own reset link beside the form: ours is not a second one"
    );
    // A lone login whose reset link is elsewhere on the page: one link, its own.
    let r = scan(json!({"url": "https://www.pasonacareer.jp/login",
        "links": [{"text": "パスワードを忘れた方", "href": "https://www.pasonacareer.jp/mypage/pw/"}],
        "forms": [my_page_form(&["IDまたはパスワードが正しくありません"])]}));
    let w = page_item(&r, "login-failed");
    assert_eq!(links(w), ["https://www.pasonacareer.jp/mypage/pw/"]);
    assert_eq!(
        r["page"]["place"],
        json!({"at": "afterMessage", "area": 0, "index": 0}),
        "after the site's own message"
    );
}

#[test]
fn the_failure_checklist_follows_what_was_typed() {
    let mut p = Page::new();
    p.set(0, "id", "l234567");
    let r = p.scan(json!({"forms": [my_page_form(&["IDまたはパスワードが正しくありません"])]}));
    assert_eq!(
        checklist_keys(page_item(&r, "login-failed"))[2],
        "check_lookalike"
    );
}

#[test]
fn a_failure_alert_elsewhere_on_the_page() {
    let r = scan(
        json!({"alerts": ["ログインに失敗しました。メールアドレスとパスワードをご確認ください。"], "forms": [member_form(&[])]}),
    );
    let w = page_item(&r, "login-failed");
    assert_eq!(message(w), "w_login_failed_member");
    assert!(checklist_keys(w).contains(&"check_member_sns".to_string()));
    let both = scan(
        json!({"alerts": ["ログインに失敗しました"], "forms": [member_form(&[]), my_page_form(&[])]}),
    );
    assert_eq!(message(page_item(&both, "login-failed")), "w_login_failed");
    let at_second =
        scan(json!({"forms": [member_form(&[]), my_page_form(&["入力内容が正しくありません"])]}));
    assert_eq!(
        message(page_item(&at_second, "login-failed")),
        "w_login_failed_my_page"
    );
}

#[test]
fn ordinary_messages_are_not_failures() {
    for text in [
        "パスワードを忘れた方はこちら",
        "メンテナンスのお知らせ",
        "IDとパスワードを入力してください",
    ] {
        let r = scan(json!({"alerts": [text], "forms": [member_form(&[text])]}));
        assert!(page_codes(&r).is_empty(), "{text}");
    }
    let r = scan(json!({"alerts": ["ログインに失敗しました"], "forms": []}));
    assert!(
        page_codes(&r).is_empty(),
        "no login on screen, nothing to guide"
    );
    let long = "ログインに失敗しました".repeat(40);
    let r = scan(json!({"alerts": [long], "forms": [member_form(&[])]}));
    assert!(
        page_codes(&r).is_empty(),
        "a page-long text is content, not a message"
    );
}

#[test]
fn browser_guidance_only_where_a_login_is() {
    let now = days_from_civil(2026, 11, 26) * 86_400_000;
    let old = |page: Value| Page::new().with_browser(OLD_CHROME, now).scan(page);
    assert_eq!(
        page_codes(&old(json!({"forms": [member_form(&[])]}))),
        ["browser-outdated"]
    );
    assert!(page_codes(&old(json!({"title": "求人検索", "forms": []}))).is_empty());
    assert_eq!(
        page_codes(&old(
            json!({"url": "https://www.pasona.co.jp/", "forms": [member_form(&[])]})
        )),
        ["similar-service"]
    );
    assert_eq!(
        page_codes(&old(
            json!({"forms": [member_form(&["ログインに失敗しました"])]})
        )),
        ["login-failed", "browser-outdated"],
        "errors first"
    );
}

#[test]
fn switched_off_guidance_hides_notices_but_not_what_memory_sees() {
    let mut p = Page::new();
    p.stored = json!({"sync": {"settings": {"guidance": false}}, "local": {
        "attempt": {"method": "my-page", "at": NOW_MS - 2000}
    }});
    let r = p.scan(json!({"forms": [my_page_form(&["IDまたはパスワードが正しくありません"])]}));
    assert!(page_codes(&r).is_empty(), "guidance is off");
    assert_eq!(
        p.stored["local"],
        json!({}),
        "the failed attempt is settled as a failure"
    );
    // The next page, without a login, must not be taken for a success.
    let r = p.scan(json!({"title": "トップ", "forms": []}));
    assert!(r["effects"].as_array().unwrap().is_empty());
    assert_eq!(p.stored["local"].get("memory"), None);
}

#[test]
fn a_dismissed_notice_stays_away() {
    let mut p = Page::new();
    let r = p.scan(json!({"forms": [member_form(&["ログインに失敗しました"])]}));
    assert_eq!(page_codes(&r), ["login-failed"]);
    let r = p.send(json!({"type": "press", "press": {"dismiss": {"code": "login-failed"}}}));
    assert!(page_codes(&r).is_empty());
    assert_eq!(r["page"]["hidden"], json!(true));
    let r = p.scan(json!({"forms": [member_form(&["ログインに失敗しました"])]}));
    assert!(page_codes(&r).is_empty());
    // Until the cause goes and comes back.
    p.scan(json!({"forms": [member_form(&[])]}));
    let r = p.scan(json!({"forms": [member_form(&["ログインに失敗しました"])]}));
    assert_eq!(page_codes(&r), ["login-failed"]);
}

#[test]
fn a_closed_browser_notice_stays_closed_on_the_next_pages_until_its_cause_changes() {
    let now = days_from_civil(2026, 11, 26) * 86_400_000;
    let mut p = Page::new().with_browser(OLD_CHROME, now);
    let r = p.scan(json!({"forms": [member_form(&[])]}));
    assert_eq!(page_codes(&r), ["browser-outdated"]);
    let r = p.send(json!({"type": "press", "press": {"dismiss": {"code": "browser-outdated"}}}));
    assert!(page_codes(&r).is_empty());
    assert_eq!(
        p.stored["local"]["dismissed"]["browser-outdated"],
        json!("outdated:chrome:120"),
        "the cause is remembered"
    );
    // Another page, the same browser: still closed.
    let mut next = Page::new().with_browser(OLD_CHROME, now);
    next.stored = p.stored.clone();
    assert!(page_codes(&next.scan(json!({"forms": [my_page_form(&[])]}))).is_empty());
    // Another version: another cause.
    let mut other = Page::new().with_browser(&OLD_CHROME.replace("120", "121"), now);
    other.stored = p.stored.clone();
    assert_eq!(
        page_codes(&other.scan(json!({"forms": [my_page_form(&[])]}))),
        ["browser-outdated"]
    );
}
