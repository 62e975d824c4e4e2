//! What in a typed value will make the login fail. One module per field of
//! each login, plus `typing` for what any field can carry. Each analyser
//! returns every warning whose condition holds, so the page can show them all
//! and drop each the moment it no longer holds, together with the value that
//! every certain correction gives and those corrections in words. [`check`]
//! offers that value as the one fix (docs/contract.md: "one mistake, one
//! button"), and only when it passes.

mod member_id;
mod my_page_id;
mod password;
pub mod typing;

use std::cmp::Reverse;

use serde::Serialize;

use crate::snapshot::LIMITS;
use crate::warning::{Change, Code, Correction, Field, Level, LoginKind, Warning};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldInput {
    pub kind: LoginKind,
    pub field: Field,
    pub value: String,
    pub keys: Keys,
    /// The field's `maxlength` attribute: the browser silently drops what is
    /// typed or pasted beyond it.
    pub max_length: Option<usize>,
}

/// Keyboard state the content script saw on the field's last key or
/// composition event.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Keys {
    pub caps_lock: bool,
    /// An IME composition is in progress (Japanese input is on).
    pub composing: bool,
}

/// Every warning for one field, ordered error → warning → info; within a
/// level the one carrying the fix first, then by code in a fixed order.
pub fn check(input: &FieldInput) -> Vec<Warning> {
    let mut warnings = key_warnings(input);
    if !input.value.is_empty() {
        warnings.extend(field_warnings(input));
    }
    // A handful of warnings: an insertion sort keeps the wasm free of the
    // standard library's general sort.
    for i in 1..warnings.len() {
        let mut j = i;
        while j > 0 && order_key(&warnings[j]) < order_key(&warnings[j - 1]) {
            warnings.swap(j, j - 1);
            j -= 1;
        }
    }
    warnings
}

fn order_key(w: &Warning) -> (Reverse<Level>, bool, u8) {
    (Reverse(w.level), w.fix.is_none(), rank(w.code))
}

/// Codes about the keyboard, not the value: never part of a fix.
pub fn is_about_keys(code: Code) -> bool {
    matches!(code, Code::Ime | Code::CapsLock)
}

fn key_warnings(input: &FieldInput) -> Vec<Warning> {
    let mut out = Vec::new();
    if input.keys.composing {
        let message = match (input.field, input.kind) {
            (Field::Password, _) => "w_ime_password",
            (Field::Id, LoginKind::MyPage) => "w_ime_my_page_id",
            (Field::Id, LoginKind::MemberService) => "w_ime_id",
        };
        out.push(Warning::new(
            Code::Ime,
            input.field,
            Level::Warning,
            message,
        ));
    }
    if input.keys.caps_lock && input.field == Field::Password {
        out.push(Warning::new(
            Code::CapsLock,
            Field::Password,
            Level::Warning,
            "w_caps_lock",
        ));
    }
    out
}

/// One warning, and whether its own correction went into
/// [`Analysis::corrected`]: only such a warning may carry the fix.
pub(crate) struct Finding {
    pub warning: Warning,
    pub corrects: bool,
}

/// What an analyser found in a value, the value cleaned (what every check
/// judges), the value with every certain correction applied together, and
/// those corrections in words, in the order they were made.
pub(crate) struct Analysis {
    pub findings: Vec<Finding>,
    pub cleaned: String,
    pub corrected: String,
    pub changes: Vec<Change>,
}

impl Analysis {
    /// No finding yet, and no correction beyond cleaning.
    pub fn new(cleaned: String) -> Self {
        Analysis {
            findings: Vec::new(),
            corrected: cleaned.clone(),
            cleaned,
            changes: Vec::new(),
        }
    }

    /// A finding whose correction is not (or not certainly) in `corrected`.
    pub fn note(&mut self, warning: Warning) {
        self.findings.push(Finding {
            warning,
            corrects: false,
        });
    }

    /// A finding whose correction is in `corrected`, described by `changes`.
    pub fn correct(&mut self, warning: Warning, changes: impl IntoIterator<Item = Change>) {
        self.findings.push(Finding {
            warning,
            corrects: true,
        });
        self.changes.extend(changes);
    }

    /// Nothing left but the read-back, which only asks for a second look.
    fn passes(&self) -> bool {
        self.findings
            .iter()
            .all(|f| f.warning.code == Code::Confusable && f.warning.level == Level::Info)
    }
}

fn analyse(input: &FieldInput, value: &str) -> Analysis {
    match (input.kind, input.field) {
        (LoginKind::MyPage, Field::Id) => my_page_id::analyse(value, input.max_length),
        (LoginKind::MemberService, Field::Id) => member_id::analyse(value),
        (_, Field::Password) => password::analyse(value),
    }
}

/// A value longer than the core reads (`snapshot::LIMITS.value`): an ID
/// that long is too long whatever it holds, and nothing in it is worth
/// naming. (A password is judged on what was read.)
fn too_long(input: &FieldInput) -> Option<Warning> {
    if input.field != Field::Id || input.value.chars().nth(LIMITS.value).is_none() {
        return None;
    }
    let code = match input.kind {
        LoginKind::MyPage => Code::Length,
        LoginKind::MemberService => Code::EmailFormat,
    };
    Some(Warning::new(code, Field::Id, Level::Error, "w_too_long"))
}

fn field_warnings(input: &FieldInput) -> Vec<Warning> {
    if let Some(w) = too_long(input) {
        return vec![w];
    }
    let Analysis {
        mut findings,
        corrected,
        changes,
        ..
    } = analyse(input, &input.value);
    let fix_passes = corrected != input.value && analyse(input, &corrected).passes();
    if fix_passes {
        // The first in output order of those whose correction went in.
        if let Some(f) = findings
            .iter_mut()
            .filter(|f| f.corrects)
            .min_by_key(|f| (Reverse(f.warning.level), rank(f.warning.code)))
        {
            f.warning.fix = Some(Correction {
                value: corrected,
                changes,
            });
        }
    }
    findings.into_iter().map(|f| f.warning).collect()
}

/// The fixed order of codes within a level: how the value was typed first,
/// then what it is.
fn rank(code: Code) -> u8 {
    match code {
        Code::Ime => 0,
        Code::CapsLock => 1,
        Code::Fullwidth => 2,
        Code::Invisible => 3,
        Code::Whitespace => 4,
        Code::Confusable => 5,
        Code::WrongLogin => 6,
        Code::NotDigits => 7,
        Code::Length => 8,
        Code::EmailFormat => 9,
        Code::EmailDomain => 10,
        _ => 11,
    }
}

/// Whether a value reads as an e-mail address someone meant to type, even
/// with the IME on: the sign that it belongs in the member login.
pub(crate) fn looks_like_email(halfwidth: &str) -> bool {
    match halfwidth.trim().split_once('@') {
        Some((local, domain)) => !local.is_empty() || domain.contains('.'),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(kind: LoginKind, field: Field, value: &str, keys: Keys) -> FieldInput {
        FieldInput {
            kind,
            field,
            value: value.into(),
            keys,
            max_length: None,
        }
    }

    fn plain(kind: LoginKind, field: Field, value: &str) -> Vec<Warning> {
        check(&input(kind, field, value, Keys::default()))
    }

    #[test]
    fn empty_values_never_warn() {
        for kind in [LoginKind::MyPage, LoginKind::MemberService] {
            for field in Field::ALL {
                assert!(check(&input(kind, field, "", Keys::default())).is_empty());
            }
        }
    }

    #[test]
    fn caps_lock_is_a_password_matter_even_before_typing() {
        let caps = Keys {
            caps_lock: true,
            composing: false,
        };
        let w = check(&input(LoginKind::MyPage, Field::Password, "", caps));
        assert_eq!(w.len(), 1);
        assert_eq!((w[0].code, w[0].level), (Code::CapsLock, Level::Warning));
        assert!(check(&input(LoginKind::MyPage, Field::Id, "", caps)).is_empty());
        assert!(is_about_keys(Code::CapsLock) && is_about_keys(Code::Ime));
        assert!(!is_about_keys(Code::Fullwidth));
    }

    #[test]
    fn composing_is_reported_for_both_fields_of_both_logins() {
        let ime = Keys {
            caps_lock: false,
            composing: true,
        };
        for (kind, field, message) in [
            (LoginKind::MyPage, Field::Id, "w_ime_my_page_id"),
            (LoginKind::MemberService, Field::Id, "w_ime_id"),
            (LoginKind::MyPage, Field::Password, "w_ime_password"),
            (LoginKind::MemberService, Field::Password, "w_ime_password"),
        ] {
            let w = check(&input(kind, field, "", ime));
            assert_eq!(
                (w[0].code, w[0].field, w[0].message),
                (Code::Ime, Some(field), message)
            );
        }
    }

    #[test]
    fn one_fix_with_every_correction_on_the_first_warning_that_made_one() {
        let w = plain(LoginKind::MemberService, Field::Id, "taro＠gmail.con ");
        let codes: Vec<_> = w.iter().map(|w| w.code).collect();
        assert_eq!(
            codes,
            vec![Code::Fullwidth, Code::Whitespace, Code::EmailDomain]
        );
        let fix = w[0].fix.as_ref().expect("one fix");
        assert_eq!(fix.value, "taro@gmail.com");
        assert_eq!(
            fix.changes,
            vec![
                Change::Halfwidth,
                Change::Trim {
                    start: false,
                    end: true
                },
                Change::Domain("gmail.com".into())
            ]
        );
        assert!(w[1..].iter().all(|w| w.fix.is_none()));
        assert!(w[0].args.is_empty(), "never names the value");
    }

    #[test]
    fn no_fix_when_the_corrected_value_still_fails() {
        for (kind, value) in [
            (LoginKind::MemberService, "taro\u{3000}yamada@gmail.com"),
            (LoginKind::MemberService, "taro＠gmail"),
            (LoginKind::MyPage, "１２３"),
            (LoginKind::MyPage, "l23456"),
        ] {
            for w in plain(kind, Field::Id, value) {
                assert!(w.fix.is_none(), "{value:?}: {:?}", w.code);
            }
        }
    }

    #[test]
    fn order_is_error_warning_info_with_the_fix_first() {
        let ime = Keys {
            caps_lock: false,
            composing: true,
        };
        let w = check(&input(
            LoginKind::MemberService,
            Field::Id,
            " tаro1@gmail.con",
            ime,
        ));
        let got: Vec<_> = w
            .iter()
            .map(|w| (w.level, w.code, w.fix.is_some()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Level::Error, Code::Confusable, true),
                (Level::Warning, Code::Ime, false),
                (Level::Warning, Code::Whitespace, false),
                (Level::Warning, Code::EmailDomain, false),
            ]
        );
        assert_eq!(
            w[0].fix.as_ref().map(|f| f.value.as_str()),
            Some("taro1@gmail.com")
        );
    }

    #[test]
    fn within_a_level_how_it_was_typed_comes_before_what_it_is() {
        let key = |code: Code, level: Level| order_key(&Warning::new(code, Field::Id, level, "m"));
        for (first, then, level) in [
            (Code::Ime, Code::CapsLock, Level::Warning),
            (Code::CapsLock, Code::Whitespace, Level::Warning),
            (Code::Fullwidth, Code::Invisible, Level::Error),
            (Code::Invisible, Code::Confusable, Level::Error),
            (Code::Confusable, Code::WrongLogin, Level::Error),
            (Code::WrongLogin, Code::NotDigits, Level::Error),
            (Code::NotDigits, Code::Length, Level::Error),
            (Code::Length, Code::EmailFormat, Level::Warning),
            (Code::EmailFormat, Code::EmailDomain, Level::Warning),
        ] {
            assert!(
                key(first, level) < key(then, level),
                "{first:?} before {then:?}"
            );
        }
    }

    #[test]
    fn a_value_beyond_what_the_core_reads_is_too_long() {
        let long = "a".repeat(LIMITS.value + 1);
        let w = plain(LoginKind::MemberService, Field::Id, &long);
        assert_eq!(
            (w.len(), w[0].code, w[0].message),
            (1, Code::EmailFormat, "w_too_long")
        );
        let w = plain(LoginKind::MyPage, Field::Id, &"1".repeat(LIMITS.value + 1));
        assert_eq!((w.len(), w[0].code), (1, Code::Length));
        let at_the_limit = format!("{}@gmail.com", "a".repeat(LIMITS.value - 10));
        assert!(plain(LoginKind::MemberService, Field::Id, &at_the_limit)
            .iter()
            .all(|w| w.message != "w_too_long"));
        assert!(plain(LoginKind::MyPage, Field::Password, &long).is_empty());
    }

    #[test]
    fn email_shapes() {
        assert!(looks_like_email("taro@example.com"));
        assert!(looks_like_email("taro@"));
        assert!(looks_like_email("@example.com"));
        assert!(!looks_like_email("@"));
        assert!(!looks_like_email("1234567"));
    }
}
