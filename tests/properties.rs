//! Properties of the analysers on any input: no panic (a panic aborts the
//! wasm), fixes that really fix, passwords that never leak into a warning.

use plh::checks::{check, FieldInput, Keys};
use plh::detect::detect;
use plh::snapshot::{FieldSnapshot, FormSnapshot, LinkSnapshot, PageSnapshot};
use plh::warning::{Code, Field, Level, LoginKind};
use proptest::prelude::*;

const KINDS: [LoginKind; 2] = [LoginKind::MyPage, LoginKind::MemberService];
const FIELDS: [Field; 2] = [Field::Id, Field::Password];

/// Text biased towards what the checks react to, mixed with anything at all.
fn typed() -> impl Strategy<Value = String> {
    let interesting = prop::sample::select(vec![
        '1', 'l', 'I', 'i', '|', '7', '0', 'O', 'o', '2', 'Z', '6', 'b', '5', 'S', '8', 'B', 'v',
        'y', '-', 'ー', '_', '一', '‐', '−', '–', '—', '－', '@', '＠', '.', ' ', '\u{3000}',
        '\u{200B}', '\u{FEFF}', '\u{00A0}', '\u{202E}', 'а', 'о', 'Ο', '１', 'ａ', '\u{0301}',
        '😀', '\u{FFFD}', 'g', 'm', 'a', 'c', 'n', 'j', 'p', 'e', '〇', '○', '①', 'Ⅰ', '─', '━',
        '・', '･', '、', '。', ',', '，', '\u{2009}', '\u{2028}', 'ｒ', '3', '4',
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
        max_length: None,
    }
}

/// The value in a box without `maxlength`, with the My Page ID's 7, and with
/// one it exactly fills.
fn boxes(value: &str) -> [Option<usize>; 3] {
    [None, Some(7), Some(value.encode_utf16().count())]
}

fn boxed(kind: LoginKind, field: Field, value: &str, max_length: Option<usize>) -> FieldInput {
    FieldInput {
        max_length,
        ..input(kind, field, value.to_owned(), false, false)
    }
}

/// What a passing value may still get: the read-back, which only asks for a look.
fn passes(w: &[plh::warning::Warning]) -> bool {
    w.iter()
        .all(|x| x.code == Code::Confusable && x.level == Level::Info)
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
                prop_assert!(w.args.is_empty(), "{:?} has arguments", w.code);
                prop_assert!(w.readback.is_empty(), "{:?} has a read-back", w.code);
                prop_assert_eq!(w.field, Some(Field::Password));
            }
        }
    }

    #[test]
    fn a_fix_when_offered_passes_every_check(value in typed(), caps in any::<bool>(), ime in any::<bool>()) {
        for kind in KINDS {
            for field in [Field::Id, Field::Password] {
                for max_length in boxes(&value) {
                    let mut asked = boxed(kind, field, &value, max_length);
                    asked.keys = Keys { caps_lock: caps, composing: ime };
                    for w in check(&asked) {
                        let Some(fixed) = w.fix.clone().map(|f| f.value) else { continue };
                        prop_assert_ne!(&fixed, &value);
                        let again = check(&boxed(kind, field, &fixed, max_length));
                        prop_assert!(passes(&again), "{:?} fix {:?} -> {:?} gets {:?}", w.code, value, fixed, again);
                    }
                }
            }
        }
    }

    #[test]
    fn at_most_one_warning_per_check_carries_a_fix(value in typed(), caps in any::<bool>(), ime in any::<bool>()) {
        for kind in KINDS {
            for field in FIELDS {
                for max_length in boxes(&value) {
                    let mut asked = boxed(kind, field, &value, max_length);
                    asked.keys = Keys { caps_lock: caps, composing: ime };
                    let fixes = check(&asked).iter().filter(|w| w.fix.is_some()).count();
                    prop_assert!(fixes <= 1, "{} fixes for {:?}", fixes, value);
                }
            }
        }
    }

    #[test]
    fn warnings_come_error_warning_info_with_the_fix_first(value in typed(), ime in any::<bool>()) {
        for kind in KINDS {
            for field in [Field::Id, Field::Password] {
                let w = check(&input(kind, field, value.clone(), false, ime));
                for pair in w.windows(2) {
                    prop_assert!(pair[0].level >= pair[1].level, "{:?}", w);
                    if pair[0].level == pair[1].level {
                        prop_assert!(pair[1].fix.is_none(), "{:?}", w);
                    }
                }
                prop_assert_eq!(&w, &check(&input(kind, field, value.clone(), false, ime)));
            }
        }
    }

    #[test]
    fn a_fix_passes_and_no_message_carries_four_characters_of_the_value(value in typed()) {
        for kind in KINDS {
            for max_length in boxes(&value) {
                for w in check(&boxed(kind, Field::Id, &value, max_length)) {
                    if let Some(fix) = &w.fix {
                        let again = check(&boxed(kind, Field::Id, &fix.value, max_length));
                        prop_assert!(passes(&again), "{:?} fixed to {:?}: {:?}", value, fix.value, again);
                    }
                    if w.code == Code::EmailDomain {
                        continue; // names a suggested domain, which may share a run
                    }
                    let args = format!("{:?}", w.args);
                    let chars: Vec<char> = value.chars().collect();
                    for run in chars.windows(4) {
                        let run: String = run.iter().collect();
                        prop_assert!(!args.contains(&run), "{:?}: {:?}", value, w);
                    }
                }
            }
        }
    }

    #[test]
    fn a_length_is_never_zero_digits(value in typed()) {
        for max_length in boxes(&value) {
            for w in check(&boxed(LoginKind::MyPage, Field::Id, &value, max_length)) {
                prop_assert!(!(w.code == Code::Length && w.args == [plh::view::Arg::Plain("0".into())]), "{:?}", value);
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
            forms: vec![FormSnapshot { fields, links: vec![link], buttons: labels.clone(), errors: labels, text, top: 0 }],
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
        // An ID that long is too long, whatever it holds; a password is judged on it all.
        let w = check(&input(kind, Field::Id, big.clone(), true, true));
        assert!(w.iter().any(|w| w.message == "w_too_long"), "{w:?}");
        let w = check(&input(kind, Field::Password, big.clone(), true, true));
        assert!(w.iter().any(|w| w.code == Code::Invisible));
    }
}
