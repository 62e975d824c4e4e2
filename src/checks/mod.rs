//! What in a typed value will make the login fail. One module per field of
//! each login, plus `typing` for what any field can carry. Each analyser
//! returns every warning whose condition holds, so the page can show them all
//! and drop each the moment it no longer holds, together with the value that
//! every certain correction gives. [`check`] offers that value as the one fix
//! (docs/contract.md: "one mistake, one button"), and only when it passes.

mod member_id;
mod my_page_id;
mod password;
pub mod typing;

use std::cmp::Reverse;

use serde::{Deserialize, Deserializer, Serialize};

use crate::warning::{Code, Field, Level, LoginKind, Warning};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldInput {
    pub kind: LoginKind,
    pub field: Field,
    pub value: String,
    #[serde(default)]
    pub keys: Keys,
    /// The field's `maxlength` attribute: the browser silently drops what is
    /// typed or pasted beyond it. A DOM `maxLength` of -1 (none) reads as none.
    #[serde(default, deserialize_with = "non_negative")]
    pub max_length: Option<usize>,
}

fn non_negative<'de, D: Deserializer<'de>>(d: D) -> Result<Option<usize>, D::Error> {
    Ok(Option::<i64>::deserialize(d)?.and_then(|n| usize::try_from(n).ok()))
}

/// Keyboard state the content script saw on the field's last key or
/// composition event.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Keys {
    pub caps_lock: bool,
    /// An IME composition is in progress (Japanese input is on).
    pub composing: bool,
}

/// Every warning for one field, ordered error → warning → info; within a
/// level the one carrying the fix first, then by code in a fixed order.
pub fn check(input: &FieldInput) -> Vec<Warning> {
    let mut warnings = key_warnings(input);
    if !input.value.is_empty() && input.field != Field::Page {
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

fn key_warnings(input: &FieldInput) -> Vec<Warning> {
    let mut out = Vec::new();
    if input.keys.composing && input.field != Field::Page {
        let message = match (input.field, input.kind) {
            (Field::Password, _) => "w_ime_password",
            (_, LoginKind::MyPage) => "w_ime_my_page_id",
            (_, LoginKind::MemberService) => "w_ime_id",
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
/// judges) and the value with every certain correction applied together.
pub(crate) struct Analysis {
    pub findings: Vec<Finding>,
    pub cleaned: String,
    pub corrected: String,
}

impl Analysis {
    /// No finding yet, and no correction beyond cleaning.
    pub fn new(cleaned: String) -> Self {
        Analysis {
            findings: Vec::new(),
            corrected: cleaned.clone(),
            cleaned,
        }
    }

    pub fn push(&mut self, warning: Warning, corrects: bool) {
        self.findings.push(Finding { warning, corrects });
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
        _ => password::analyse(value),
    }
}

fn field_warnings(input: &FieldInput) -> Vec<Warning> {
    let Analysis {
        mut findings,
        cleaned,
        corrected,
    } = analyse(input, &input.value);
    let fix_passes = corrected != input.value && analyse(input, &corrected).passes();

    // The full-width notice names what to type only where that value passes:
    // never the typo of "taro＠gmail.con". Where a correction went beyond
    // cleaning, the cleaned value still has the mistake it corrects (an
    // impostor, a domain slip, a letter among the digits), which a second look
    // at it finds again: it passes only when it is the corrected value.
    if input.field == Field::Id && fix_passes && cleaned == corrected {
        if let Some(f) = findings
            .iter_mut()
            .find(|f| f.warning.code == Code::Fullwidth)
        {
            f.warning = f
                .warning
                .clone()
                .with_message("w_fullwidth_id")
                .with_params([cleaned]);
        }
    }
    if fix_passes {
        // The first in output order of those whose correction went in.
        if let Some(f) = findings
            .iter_mut()
            .filter(|f| f.corrects)
            .min_by_key(|f| (Reverse(f.warning.level), rank(f.warning.code)))
        {
            f.warning.fix = Some(corrected);
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
            for field in [Field::Id, Field::Password, Field::Page] {
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
                (Code::Ime, field, message)
            );
        }
    }

    #[test]
    fn keys_and_max_length_may_be_left_out_of_the_request() {
        let v: FieldInput =
            serde_json::from_str(r#"{"kind":"my-page","field":"id","value":"1234567"}"#).unwrap();
        assert_eq!(v.keys, Keys::default());
        assert_eq!(v.max_length, None);
        let v: FieldInput =
            serde_json::from_str(r#"{"kind":"my-page","field":"id","value":"1","maxLength":7}"#)
                .unwrap();
        assert_eq!(v.max_length, Some(7));
        let v: FieldInput =
            serde_json::from_str(r#"{"kind":"my-page","field":"id","value":"1","maxLength":-1}"#)
                .unwrap();
        assert_eq!(v.max_length, None, "the DOM's 'no maxlength'");
    }

    #[test]
    fn one_fix_with_every_correction_on_the_first_warning_that_made_one() {
        let w = plain(LoginKind::MemberService, Field::Id, "taro＠gmail.con ");
        let codes: Vec<_> = w.iter().map(|w| w.code).collect();
        assert_eq!(
            codes,
            vec![Code::Fullwidth, Code::Whitespace, Code::EmailDomain]
        );
        assert_eq!(w[0].fix.as_deref(), Some("taro@gmail.com"));
        assert!(w[1..].iter().all(|w| w.fix.is_none()));
        assert_eq!(w[0].message, "w_fullwidth_id_plain", "never names the typo");
        assert!(w[0].params.is_empty());
        assert_eq!(w[2].params, vec!["taro@gmail.com"]);
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
                assert!(
                    w.params.is_empty() || w.code == Code::Length,
                    "{value:?}: {w:?}"
                );
            }
        }
    }

    #[test]
    fn the_fullwidth_notice_names_a_value_that_passes() {
        let w = plain(LoginKind::MyPage, Field::Id, "１２３４５６７\u{3000}");
        assert_eq!(w[0].message, "w_fullwidth_id");
        assert_eq!(w[0].params, vec!["1234567"]);
        assert_eq!(w[0].fix.as_deref(), Some("1234567"));
        let w = plain(LoginKind::MemberService, Field::Id, "１２３４５６７");
        assert_eq!(
            w[0].message, "w_fullwidth_id_plain",
            "an ID, not an address"
        );
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
        assert_eq!(w[0].fix.as_deref(), Some("taro1@gmail.com"));
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
