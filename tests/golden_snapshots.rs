//! Detection on the snapshots the content script's reader really produced
//! in a browser (tests/golden/snapshots, recorded by tests/e2e/golden.test.mjs),
//! against what each fixture page must show (tests/golden/pages.json, which
//! the end-to-end tests read too).

mod support;

use plh::detect::detect;
use plh::snapshot::PageSnapshot;
use serde_json::{json, Value};
use std::fs;
use support::{attr, Page};

fn pages() -> Vec<Value> {
    let text = fs::read_to_string("tests/golden/pages.json").expect("pages.json");
    serde_json::from_str::<Value>(&text)
        .expect("JSON")
        .as_array()
        .expect("a list")
        .clone()
}

fn snapshot_of(path: &str) -> Value {
    let name = format!(
        "tests/golden/snapshots/{}.json",
        path.trim_start_matches('/')
            .replace('/', "-")
            .trim_end_matches(".html")
    );
    let text = fs::read_to_string(&name)
        .unwrap_or_else(|_| panic!("{name}: record it (PLH_GOLDEN=write)"));
    serde_json::from_str(&text).expect("JSON")
}

#[test]
fn every_fixture_page_is_recorded_and_detected_as_the_end_to_end_tests_expect() {
    let mut checked = 0;
    for page in pages() {
        if page["strictCsp"] == json!(true) {
            continue; // the same DOM as its twin
        }
        let path = page["path"].as_str().unwrap();
        let raw = snapshot_of(path);
        let report = detect(&PageSnapshot::read(&raw));
        let kinds: Vec<&str> = report.kinds.iter().map(|k| k.key()).collect();
        let expected: Vec<&str> = page["kinds"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap())
            .collect();
        assert_eq!(kinds, expected, "{path}: kinds");
        let forms = page["forms"].as_array().unwrap();
        assert_eq!(report.logins.len(), forms.len(), "{path}: logins");
        for (login, form) in report.logins.iter().zip(forms) {
            assert_eq!(login.kind.key(), form["kind"], "{path}: kind");
            assert_eq!(
                login.reset_link.as_ref().map(|l| l.href.as_str()),
                form["reset"].as_str(),
                "{path}: reset link of {}",
                form["kind"]
            );
            assert_eq!(
                login.id_field.is_some(),
                !form["id"].is_null(),
                "{path}: an ID field"
            );
            if let Some(link) = form["forgotIdLink"].as_str() {
                assert_eq!(
                    login.forgot_id_link.as_ref().map(|l| l.href.as_str()),
                    Some(link),
                    "{path}: forgot-id link"
                );
            }
        }
        checked += 1;
    }
    assert!(checked >= 11, "{checked} pages checked");
}

#[test]
fn the_session_draws_one_form_host_per_login_with_its_reset_link() {
    for page in pages()
        .into_iter()
        .filter(|p| p["strictCsp"] != json!(true))
    {
        let path = page["path"].as_str().unwrap();
        let r = Page::new().scan(snapshot_of(path));
        let hosts = r["forms"].as_array().unwrap();
        let forms = page["forms"].as_array().unwrap();
        assert_eq!(hosts.len(), forms.len(), "{path}");
        for (host, form) in hosts.iter().zip(forms) {
            assert_eq!(
                attr(host, "data-plh-kind").unwrap(),
                &form["kind"],
                "{path}"
            );
            let mut resets = Vec::new();
            support::with_attr(&host["parts"], "data-plh-action", &mut resets);
            let reset = resets
                .iter()
                .find(|p| attr(p, "data-plh-action") == Some(&json!("reset-password")))
                .and_then(|p| p["link"]["href"].as_str());
            assert_eq!(
                reset,
                form["reset"].as_str(),
                "{path}: the form host's reset link"
            );
        }
    }
}
