//! What in a typed value will make the login fail. One module per field of
//! each login; each returns every warning whose condition holds, so the page
//! can show them all and drop each the moment it no longer holds.

mod member_id;
mod my_page_id;

use serde::{Deserialize, Serialize};

use crate::warning::{Field, LoginKind, Warning};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldInput {
    pub kind: LoginKind,
    pub field: Field,
    pub value: String,
}

pub fn check(input: &FieldInput) -> Vec<Warning> {
    if input.value.is_empty() {
        return Vec::new();
    }
    match (input.kind, input.field) {
        (LoginKind::MyPage, Field::Id) => my_page_id::check(&input.value),
        (LoginKind::MemberService, Field::Id) => member_id::check(&input.value),
        // Password checks come with the full set of field codes (issue 3).
        (_, Field::Password) | (_, Field::Page) => Vec::new(),
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

    #[test]
    fn empty_values_never_warn() {
        for kind in [LoginKind::MyPage, LoginKind::MemberService] {
            for field in [Field::Id, Field::Password] {
                let input = FieldInput {
                    kind,
                    field,
                    value: String::new(),
                };
                assert!(check(&input).is_empty());
            }
        }
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
