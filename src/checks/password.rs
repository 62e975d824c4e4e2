//! The password: only categories are ever reported, never which character
//! or where, because the warning text is on screen and in the DOM.

use crate::ambiguous::is_ambiguous_in_password;
use crate::checks::typing::common;
use crate::checks::Analysis;
use crate::warning::{Code, Field, Level, Warning};

pub(crate) fn analyse(value: &str) -> Analysis {
    let mut out = common(value, Field::Password);
    // The cleaned value is the typed one half-width; what cleaning drops
    // (invisible characters, spaces at the ends) is never ambiguous.
    if out.cleaned.chars().any(is_ambiguous_in_password) {
        out.note(Warning::new(
            Code::Confusable,
            Field::Password,
            Level::Info,
            "w_confusable_password",
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::{check, FieldInput, Keys};
    use crate::warning::LoginKind;

    fn check_password(value: &str) -> Vec<Warning> {
        check(&FieldInput {
            kind: LoginKind::MyPage,
            field: Field::Password,
            value: value.into(),
            keys: Keys::default(),
            max_length: None,
        })
    }

    fn codes(value: &str) -> Vec<Code> {
        check_password(value).into_iter().map(|w| w.code).collect()
    }

    #[test]
    fn an_unambiguous_password_is_silent() {
        assert!(codes("Sakura-Tokyo#2345").is_empty());
        assert!(codes("pass word").is_empty());
    }

    #[test]
    fn confusable_characters_are_reported_as_a_category() {
        for p in ["hello1", "Il1ness", "0range", "tаro-pass"] {
            let w = check_password(p);
            let c = w.iter().find(|w| w.code == Code::Confusable).expect(p);
            assert_eq!(c.level, Level::Info);
            assert!(c.args.is_empty() && c.readback.is_empty() && c.fix.is_none());
        }
    }

    #[test]
    fn one_combined_fix_but_no_parameter_carries_the_password() {
        let w = check_password(" ｓｅｃｒｅｔ１\u{200B}");
        assert_eq!(
            w.iter().map(|w| w.code).collect::<Vec<_>>(),
            vec![
                Code::Fullwidth,
                Code::Invisible,
                Code::Whitespace,
                Code::Confusable
            ]
        );
        for x in &w {
            assert!(x.args.is_empty() && x.readback.is_empty(), "{:?}", x.code);
        }
        assert_eq!(w[0].fix.as_ref().map(|f| f.value.as_str()), Some("secret1"));
        assert!(w[1..].iter().all(|w| w.fix.is_none()));
    }
}
