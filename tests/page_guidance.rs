//! Page-level guidance on snapshots: look-alike services, failed logins, and
//! browser verdicts only where a login is on screen.

use plh::browser::{days_from_civil, BrowserSignals};
use plh::detect::{report, Context, PageReport};
use plh::site::Site;
use plh::snapshot::PageSnapshot;
use plh::warning::{Code, Level};
use serde_json::{json, Value};

fn page(v: Value) -> PageSnapshot {
    serde_json::from_value(v).expect("snapshot JSON")
}

fn member_form(errors: &[&str]) -> Value {
    json!({
        "fields": [
            {"tag": "input", "type": "email", "label": "メールアドレス"},
            {"tag": "input", "type": "password", "label": "パスワード"}
        ],
        "buttons": ["ログインする"],
        "errors": errors
    })
}

fn my_page_form(errors: &[&str]) -> Value {
    json!({
        "fields": [
            {"tag": "input", "type": "text", "label": "マイページID", "maxlength": 7},
            {"tag": "input", "type": "password", "label": "パスワード"}
        ],
        "buttons": ["ログインする"],
        "errors": errors
    })
}

fn plain(v: Value) -> PageReport {
    report(&page(v), Context::default())
}

fn codes(r: &PageReport) -> Vec<Code> {
    r.warnings.iter().map(|w| w.code).collect()
}

const OLD_CHROME: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";

#[test]
fn a_login_on_pasona_is_a_different_service() {
    let r = plain(
        json!({"url": "https://www.pasona.co.jp/mypage/login/", "forms": [member_form(&[])]}),
    );
    assert_eq!(r.site, Site::Pasona);
    assert!(
        r.kinds.is_empty() && r.logins.is_empty(),
        "not a Pasona Career login"
    );
    assert_eq!(codes(&r), vec![Code::SimilarService]);
    let w = &r.warnings[0];
    assert_eq!((w.level, w.message), (Level::Warning, "w_similar_pasona"));
    assert_eq!(w.href, Some("https://www.pasonacareer.jp/"));
}

#[test]
fn a_login_on_pasona_masters_too_but_not_their_other_pages() {
    let r = plain(
        json!({"url": "https://www.pasona-masters.co.jp/login", "forms": [my_page_form(&[])]}),
    );
    assert_eq!(r.warnings[0].message, "w_similar_masters");
    let r = plain(json!({"url": "https://www.pasona-masters.co.jp/about/", "forms": []}));
    assert!(r.warnings.is_empty());
    let r = plain(json!({"url": "https://www.pasona.co.jp/entry/", "forms": [{
        "fields": [
            {"tag": "input", "type": "email"},
            {"tag": "input", "type": "password", "autocomplete": "new-password"},
            {"tag": "input", "type": "password", "autocomplete": "new-password"}
        ],
        "buttons": ["登録する"]
    }]}));
    assert!(r.warnings.is_empty(), "a sign-up form is not a login");
}

#[test]
fn a_failure_message_at_the_form_names_that_login() {
    let r = plain(
        json!({"url": "https://www.pasonacareer.jp/mypage/login", "forms": [my_page_form(&["IDまたはパスワードが正しくありません"])]}),
    );
    assert_eq!(codes(&r), vec![Code::LoginFailed]);
    let w = &r.warnings[0];
    assert_eq!(
        (w.level, w.message),
        (Level::Error, "w_login_failed_my_page")
    );
    assert_eq!(w.checklist[0], "check_my_page_id");
    assert!(w.checklist.contains(&"check_registration"));
    assert!(w.checklist.contains(&"check_inactive"));
    assert!(w.checklist.contains(&"check_similar_service"));
    assert_eq!(w.checklist.last(), Some(&"check_support"));
}

#[test]
fn a_failure_alert_elsewhere_on_the_page() {
    let r = plain(
        json!({"alerts": ["ログインに失敗しました。メールアドレスとパスワードをご確認ください。"], "forms": [member_form(&[])]}),
    );
    assert_eq!(r.warnings[0].message, "w_login_failed_member");
    assert!(r.warnings[0].checklist.contains(&"check_member_sns"));
    let both = plain(
        json!({"alerts": ["ログインに失敗しました"], "forms": [member_form(&[]), my_page_form(&[])]}),
    );
    assert_eq!(both.warnings[0].message, "w_login_failed");
    let at_second =
        plain(json!({"forms": [member_form(&[]), my_page_form(&["入力内容が正しくありません"])]}));
    assert_eq!(at_second.warnings[0].message, "w_login_failed_my_page");
}

#[test]
fn ordinary_messages_are_not_failures() {
    for text in [
        "パスワードを忘れた方はこちら",
        "メンテナンスのお知らせ",
        "IDとパスワードを入力してください",
    ] {
        let r = plain(json!({"alerts": [text], "forms": [member_form(&[text])]}));
        assert!(r.warnings.is_empty(), "{text}");
    }
    let r = plain(json!({"alerts": ["ログインに失敗しました"], "forms": []}));
    assert!(
        r.warnings.is_empty(),
        "no login on screen, nothing to guide"
    );
}

#[test]
fn browser_guidance_only_where_a_login_is() {
    let old = BrowserSignals {
        user_agent: OLD_CHROME.into(),
        ..Default::default()
    };
    let today = days_from_civil(2026, 11, 26);
    let context = Context {
        browser: Some(&old),
        today: Some(today),
    };
    let login = report(&page(json!({"forms": [member_form(&[])]})), context);
    assert_eq!(codes(&login), vec![Code::BrowserOutdated]);
    let none = report(&page(json!({"title": "求人検索", "forms": []})), context);
    assert!(none.warnings.is_empty());
    let lookalike = report(
        &page(json!({"url": "https://www.pasona.co.jp/", "forms": [member_form(&[])]})),
        context,
    );
    assert_eq!(codes(&lookalike), vec![Code::SimilarService]);
    let failed = report(
        &page(json!({"forms": [member_form(&["ログインに失敗しました"])]})),
        context,
    );
    assert_eq!(
        codes(&failed),
        vec![Code::LoginFailed, Code::BrowserOutdated]
    );
}
