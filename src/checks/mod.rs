//! What in a typed value will make the login fail. One module per field of
//! each login, plus `typing` for what any field can carry; each returns every
//! warning whose condition holds, so the page can show them all and drop each
//! the moment it no longer holds.

mod member_id;
pub(crate) mod my_page_id;
mod password;
pub mod typing;

use serde::{Deserialize, Serialize};

use crate::warning::{Code, Field, Level, LoginKind, Warning};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldInput {
    pub kind: LoginKind,
    pub field: Field,
    pub value: String,
    #[serde(default)]
    pub keys: Keys,
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

pub fn check(input: &FieldInput) -> Vec<Warning> {
    let mut warnings = Vec::new();
    if input.keys.composing && input.field != Field::Page {
        warnings.push(Warning::new(
            Code::Ime,
            input.field,
            Level::Warning,
            if input.field == Field::Password {
                "w_ime_password"
            } else {
                "w_ime_id"
            },
        ));
    }
    if input.keys.caps_lock && input.field == Field::Password {
        warnings.push(Warning::new(
            Code::CapsLock,
            Field::Password,
            Level::Warning,
            "w_caps_lock",
        ));
    }
    if input.value.is_empty() {
        return warnings;
    }
    warnings.extend(match (input.kind, input.field) {
        (LoginKind::MyPage, Field::Id) => my_page_id::check(&input.value),
        (LoginKind::MemberService, Field::Id) => member_id::check(&input.value),
        (_, Field::Password) => password::check(&input.value),
        (_, Field::Page) => Vec::new(),
    });
    warnings
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
        }
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
    fn composing_is_reported_for_both_fields() {
        let ime = Keys {
            caps_lock: false,
            composing: true,
        };
        for field in [Field::Id, Field::Password] {
            let w = check(&input(LoginKind::MemberService, field, "ｔ", ime));
            assert_eq!(w[0].code, Code::Ime);
            assert_eq!(w[0].field, field);
        }
    }

    #[test]
    fn keys_may_be_left_out_of_the_request() {
        let v: FieldInput =
            serde_json::from_str(r#"{"kind":"my-page","field":"id","value":"1234567"}"#).unwrap();
        assert_eq!(v.keys, Keys::default());
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
