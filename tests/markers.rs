//! The `start` answer's `markers` (the selector the scripts use to leave the
//! extension's own elements out of what they read, and to remove a former
//! copy's) select every host a page answer draws: the page's, each login's
//! and each field's.

mod support;

use plh::protocol::answer;
use serde_json::{json, Value};
use support::*;

/// The attribute names a `[name], [name]` selector lists.
fn selected(markers: &str) -> Vec<String> {
    markers
        .split(',')
        .map(|s| {
            s.trim()
                .trim_start_matches('[')
                .trim_end_matches(']')
                .to_string()
        })
        .collect()
}

fn marked(host: &Value, names: &[String]) -> bool {
    names.iter().any(|n| attr(host, n).is_some())
}

#[test]
fn the_markers_select_the_page_form_and_field_hosts() {
    let start = serde_json::to_value(answer(&json!({"op": "start"})).unwrap()).unwrap();
    let names = selected(start["markers"].as_str().expect("markers"));
    assert_eq!(names.len(), 3, "{names:?}");
    let mut page = Page::new();
    let scanned = page.scan(json!({"title": "ログイン", "forms": [my_page_form(&[])]}));
    let typed = page.paste(0, "id", "１２３４５６７");
    assert!(marked(&scanned["page"], &names), "{}", scanned["page"]);
    let forms = scanned["forms"].as_array().expect("forms");
    assert!(!forms.is_empty() && forms.iter().all(|f| marked(f, &names)));
    let fields = typed["fields"].as_array().expect("fields");
    assert!(!fields.is_empty() && fields.iter().all(|f| marked(f, &names)));
}
