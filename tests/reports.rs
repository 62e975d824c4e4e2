//! Reports saved under `tests/reports/` (made by the popup's 「このページの
//! 問題を報告」 in a real browser, or such a report with its page edited)
//! are regression tests: each is replayed through the real session
//! (`plh::replay`) and must decide what its recorded answer beside it says
//! (`NAME.expected.json`, written by `./build.sh replay --record
//! tests/reports/NAME.json`). A changed decision fails here, which the last
//! tests prove on edited copies.

mod support;

use std::path::PathBuf;

use plh::replay::{compare, compared, replay, Row};
use serde_json::Value;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/reports")
}

fn read(path: &PathBuf) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every saved report, with its name.
fn reports() -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = std::fs::read_dir(dir())
        .expect("tests/reports/")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.ends_with(".json") && !name.ends_with(".expected.json")
        })
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                read(&p),
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn expected(name: &str) -> Value {
    let path = dir().join(name.replace(".json", ".expected.json"));
    assert!(
        path.exists(),
        "{name} has no recorded answer: ./build.sh replay --record tests/reports/{name}"
    );
    read(&path)
}

fn differences(rows: &[Row]) -> Vec<String> {
    rows.iter()
        .filter(|r| r.differs())
        .map(|r| format!("{}: {} → {}", r.what, r.was, r.now))
        .collect()
}

fn edited(report: &Value) -> bool {
    report.get("edited").is_some()
}

#[test]
fn every_saved_report_decides_now_what_its_recorded_answer_says() {
    let all = reports();
    assert!(
        all.iter().filter(|(_, r)| !edited(r)).count() >= 2 && all.iter().any(|(_, r)| edited(r)),
        "reports made in a browser, and one edited to a changed page"
    );
    for (name, report) in &all {
        let now = replay(report).unwrap_or_else(|e| panic!("{name}: {e}"));
        let want = expected(name);
        assert_eq!(
            differences(&compare(&want, &now)),
            Vec::<String>::new(),
            "{name} decides otherwise now"
        );
        assert_eq!(now, want, "{name}");
    }
}

#[test]
fn a_report_made_in_a_browser_replays_to_what_the_browser_decided() {
    // The wasm in the browser and the core natively: one decision.
    for (name, report) in reports().iter().filter(|(_, r)| !edited(r)) {
        let now = replay(report).unwrap();
        let rows = compare(&report["decided"], &now);
        assert_eq!(differences(&rows), Vec::<String>::new(), "{name}");
        assert!(
            rows.iter().any(|r| !r.compared) || report["decided"]["logins"] == Value::Array(vec![]),
            "{name}: the field codes are shown, not compared"
        );
    }
}

#[test]
fn an_edited_report_shows_what_the_change_changed() {
    for (name, report) in reports().iter().filter(|(_, r)| edited(r)) {
        let now = replay(report).unwrap();
        assert!(
            !differences(&compare(&report["decided"], &now)).is_empty(),
            "{name}: the edit changed no decision"
        );
    }
}

/// A saved report made in a browser, its page changed by `edit`, compared
/// with the answer recorded for the page as it was.
fn changed(edit: impl Fn(&mut Value)) -> Vec<String> {
    let name = "mypage-not-digits-chromium.json";
    let mut report = read(&dir().join(name));
    edit(&mut report["page"]);
    let now = replay(&report).unwrap();
    differences(&compare(&expected(name), &now))
}

#[test]
fn a_removed_link_fails_the_comparison() {
    let diff = changed(|page| {
        let drop_reset = |links: &mut Value| {
            let kept: Vec<Value> = links
                .as_array()
                .unwrap()
                .iter()
                .filter(|l| !l["href"].as_str().unwrap().contains("/password/"))
                .cloned()
                .collect();
            *links = Value::Array(kept);
        };
        drop_reset(&mut page["links"]);
        drop_reset(&mut page["forms"][0]["links"]);
    });
    assert!(
        diff.iter().any(|d| d.starts_with("link 1 reset-password:")),
        "{diff:?}"
    );
}

#[test]
fn another_label_fails_the_comparison() {
    // The ID's box labelled as an e-mail address, without its length.
    let diff = changed(|page| {
        let id = &mut page["forms"][0]["fields"][0];
        id["label"] = "メールアドレス".into();
        id["maxlength"] = Value::Null;
    });
    assert!(diff.iter().any(|d| d.starts_with("login 1:")), "{diff:?}");
}

#[test]
fn the_unchanged_report_passes_the_comparison() {
    // The control for the two above: no edit, no difference.
    assert_eq!(changed(|_| {}), Vec::<String>::new());
}

#[test]
fn no_saved_report_holds_a_run_of_what_was_typed_to_make_it() {
    // tests/e2e/report.test-suite.mjs typed these on the page it reported.
    for (name, _) in reports() {
        let text = std::fs::read_to_string(dir().join(&name)).unwrap();
        for value in ["l234567", "Qz7!xv-9Kp"] {
            let chars: Vec<char> = value.chars().collect();
            for run in chars.windows(4) {
                let run: String = run.iter().collect();
                assert!(!text.contains(&run), "{name} holds {run:?}");
            }
        }
    }
}

#[test]
fn a_report_of_another_format_is_refused() {
    let mut report = read(&dir().join("mypage-not-digits-chromium.json"));
    report["format"] = 2.into();
    assert!(replay(&report).unwrap_err().contains("format"));
    assert_eq!(compared(&Value::Null)["site"], Value::Null);
}

#[test]
fn a_report_names_the_notices_the_person_closed() {
    let mut p = support::Page::new();
    let page = serde_json::json!({"url": "https://www.pasonacareer.jp/mypage/login/",
        "forms": [support::my_page_form(&["IDまたはパスワードが正しくありません"])]});
    p.scan(page.clone());
    let report = |p: &mut support::Page| {
        p.send(serde_json::json!({"type": "report", "page": page}))["report"]["report"].clone()
    };
    let r = report(&mut p);
    assert_eq!(
        (&r["closed"], &r["decided"]["pageCodes"]),
        (&serde_json::json!([]), &serde_json::json!(["login-failed"]))
    );
    p.send(serde_json::json!({"type": "press", "press": {"dismiss": {"code": "login-failed"}}}));
    let r = report(&mut p);
    assert_eq!(
        (&r["closed"], &r["decided"]["pageCodes"]),
        (&serde_json::json!(["login-failed"]), &serde_json::json!([]))
    );
}

#[test]
fn a_report_names_a_notice_closed_on_an_earlier_page() {
    // A browser notice closed once stays closed (the cause is stored): the
    // next page's report still says the person closed it.
    let now = plh::browser::days_from_civil(2026, 11, 26) * 86_400_000;
    let page = serde_json::json!({"url": "https://www.pasonacareer.jp/mypage/login/",
        "forms": [support::my_page_form(&[])]});
    let mut first = support::Page::new().with_browser(support::OLD_CHROME, now);
    first.scan(page.clone());
    first.send(
        serde_json::json!({"type": "press", "press": {"dismiss": {"code": "browser-outdated"}}}),
    );
    let mut next = support::Page::new().with_browser(support::OLD_CHROME, now);
    next.stored = first.stored.clone();
    next.scan(page.clone());
    let r =
        next.send(serde_json::json!({"type": "report", "page": page}))["report"]["report"].clone();
    assert_eq!(
        (&r["closed"], &r["decided"]["pageCodes"]),
        (
            &serde_json::json!(["browser-outdated"]),
            &serde_json::json!([])
        )
    );
}
