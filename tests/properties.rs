//! Properties of the analysers on any input: no panic (a panic aborts the
//! wasm), fixes that really fix, passwords that never leak into a warning.

use plh::checks::{check, FieldInput, Keys};
use plh::detect::detect;
use plh::snapshot::{FieldSnapshot, FormSnapshot, LinkSnapshot, PageSnapshot};
use plh::warning::{Code, Field, LoginKind};
use proptest::prelude::*;

const KINDS: [LoginKind; 2] = [LoginKind::MyPage, LoginKind::MemberService];
const FIELDS: [Field; 3] = [Field::Id, Field::Password, Field::Page];

/// Text biased towards what the checks react to, mixed with anything at all.
fn typed() -> impl Strategy<Value = String> {
    let interesting = prop::sample::select(vec![
        '1', 'l', 'I', 'i', '|', '7', '0', 'O', 'o', '2', 'Z', '6', 'b', '5', 'S', '8', 'B', 'v',
        'y', '-', 'ー', '_', '一', '‐', '−', '–', '—', '－', '@', '＠', '.', ' ', '\u{3000}',
        '\u{200B}', '\u{FEFF}', '\u{00A0}', '\u{202E}', 'а', 'о', 'Ο', '１', 'ａ', '\u{0301}',
        '😀', '\u{FFFD}', 'g', 'm', 'a', 'c', 'n', 'j', 'p', 'e',
    ]);
    prop_oneof![
        prop::collection::vec(interesting, 0..40).prop_map(|v| v.into_iter().collect()),
        any::<String>(),
        "[a-z0-9._+-]{1,12}@[a-z0-9-]{1,10}\\.(com|con|co\\.jp|co\\.jo|ne\\.jp|jp|cmo)",
    ]
}

fn input(
    kind: LoginKind,
    field: Field,
    value: String,
    caps_lock: bool,
    composing: bool,
) -> FieldInput {
    FieldInput {
        kind,
        field,
        value,
        keys: Keys {
            caps_lock,
            composing,
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn any_value_in_any_field_is_answered(value in typed(), caps in any::<bool>(), ime in any::<bool>()) {
        for kind in KINDS {
            for field in FIELDS {
                let _ = check(&input(kind, field, value.clone(), caps, ime));
            }
        }
    }

    #[test]
    fn password_warnings_carry_nothing_of_the_password(value in typed()) {
        for kind in KINDS {
            for w in check(&input(kind, Field::Password, value.clone(), false, false)) {
                prop_assert!(w.params.is_empty(), "{:?} has params", w.code);
                prop_assert!(w.readback.is_empty(), "{:?} has a read-back", w.code);
                prop_assert_eq!(w.field, Field::Password);
            }
        }
    }

    #[test]
    fn a_fix_removes_what_it_fixes(value in typed()) {
        for kind in KINDS {
            for field in [Field::Id, Field::Password] {
                for w in check(&input(kind, field, value.clone(), false, false)) {
                    let Some(fixed) = w.fix.clone() else { continue };
                    let again = check(&input(kind, field, fixed.clone(), false, false));
                    let repeats = again.iter().any(|x| x.code == w.code && x.level == w.level && x.fix.is_some());
                    // Fixing the width may reveal a confusable or a space, but never the same fixable problem.
                    prop_assert!(!repeats, "{:?} fix {:?} -> {:?} still has it", w.code, value, fixed);
                }
            }
        }
    }

    #[test]
    fn a_valid_my_page_id_never_warns(id in "[0-9]{7}") {
        prop_assert!(check(&input(LoginKind::MyPage, Field::Id, id, false, false)).is_empty());
    }

    #[test]
    fn any_snapshot_is_answered(
        labels in prop::collection::vec(typed(), 0..6),
        types in prop::collection::vec(prop::sample::select(vec!["text", "email", "password", "tel", "", "hidden", "checkbox", "PASSWORD"]), 0..6),
        maxlength in prop::option::of(any::<i64>()),
        text in typed(),
    ) {
        let fields = types.iter().zip(labels.iter().chain(std::iter::repeat(&String::new())))
            .map(|(t, l)| FieldSnapshot {
                tag: "input".into(),
                input_type: (*t).into(),
                label: l.clone(),
                placeholder: l.chars().rev().collect(),
                maxlength,
                pattern: text.clone(),
                ..Default::default()
            })
            .collect();
        let link = LinkSnapshot { text: text.clone(), href: format!("https://x.example/{text}"), context: text.clone() };
        let page = PageSnapshot {
            title: text.clone(),
            headings: labels.clone(),
            links: vec![link.clone()],
            alerts: vec![text.clone()],
            forms: vec![FormSnapshot { fields, links: vec![link], buttons: labels.clone(), errors: labels, text }],
            ..Default::default()
        };
        let report = detect(&page);
        let mut at = page.clone();
        at.url = format!("https://www.pasona.co.jp/{}", page.title);
        let _ = detect(&at);
        for login in &report.logins {
            let n = page.forms[login.form].fields.len();
            prop_assert!(login.id_field.is_none_or(|i| i < n));
            prop_assert!(login.password_field.is_none_or(|i| i < n));
            prop_assert!(login.id_field.is_some() || login.password_field.is_some());
        }
    }
}

#[test]
fn a_megabyte_paste_is_answered() {
    let mut big = "l0O1ー＠\u{200B} ".repeat(100_000);
    big.push_str("@gmail.con");
    for kind in KINDS {
        for field in [Field::Id, Field::Password] {
            let w = check(&input(kind, field, big.clone(), true, true));
            assert!(w.iter().any(|w| w.code == Code::Invisible));
        }
    }
}
