//! Mistakes any field can carry, whatever it is for: the IME left on,
//! spaces at the ends, invisible characters pasted from a mail.

use crate::chars::{is_invisible, is_space, without_invisible};
use crate::text::{halfwidth, has_fullwidth};
use crate::warning::{Code, Field, Level, Warning};

/// The warnings of this module for one field. For a password no parameter
/// ever carries its characters; the fix values stay in extension memory.
pub fn common(value: &str, field: Field) -> Vec<Warning> {
    let mut out = Vec::new();
    if has_fullwidth(value) {
        let fixed = halfwidth(value);
        let w = Warning::new(
            Code::Fullwidth,
            field,
            Level::Error,
            message(field, "fullwidth"),
        );
        let w = if field == Field::Password {
            w
        } else {
            w.with_params([fixed.clone()])
        };
        out.push(w.with_fix(Some(fixed)));
    }
    let visible = without_invisible(value);
    if visible.starts_with(is_space) || visible.ends_with(is_space) {
        let trimmed = value.trim_matches(|c| is_space(c) || is_invisible(c));
        out.push(
            Warning::new(
                Code::Whitespace,
                field,
                Level::Warning,
                message(field, "whitespace"),
            )
            .with_fix(Some(trimmed.to_string())),
        );
    }
    if value.chars().any(is_invisible) {
        out.push(
            Warning::new(
                Code::Invisible,
                field,
                Level::Error,
                message(field, "invisible"),
            )
            .with_fix(Some(visible)),
        );
    }
    out
}

fn message(field: Field, what: &str) -> &'static str {
    match (field, what) {
        (Field::Password, "fullwidth") => "w_fullwidth_password",
        (_, "fullwidth") => "w_fullwidth_id",
        (Field::Password, "whitespace") => "w_whitespace_password",
        (_, "whitespace") => "w_whitespace_id",
        (Field::Password, "invisible") => "w_invisible_password",
        _ => "w_invisible_id",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(value: &str, field: Field) -> Vec<Code> {
        common(value, field).into_iter().map(|w| w.code).collect()
    }

    #[test]
    fn clean_values_have_nothing_to_say() {
        assert!(codes("taro@example.com", Field::Id).is_empty());
        assert!(codes("Passw0rd!", Field::Password).is_empty());
        assert!(
            codes("pass word", Field::Password).is_empty(),
            "inner spaces may be meant"
        );
    }

    #[test]
    fn spaces_at_either_end() {
        assert_eq!(codes(" 1234567", Field::Id), vec![Code::Whitespace]);
        assert_eq!(codes("1234567 ", Field::Id), vec![Code::Whitespace]);
        assert_eq!(codes("secret\t", Field::Password), vec![Code::Whitespace]);
        let w = &common("  taro@example.com ", Field::Id)[0];
        assert_eq!(w.fix.as_deref(), Some("taro@example.com"));
        assert_eq!(w.level, Level::Warning);
    }

    #[test]
    fn an_ideographic_space_is_both_fullwidth_and_a_space() {
        assert_eq!(
            codes("1234567\u{3000}", Field::Id),
            vec![Code::Fullwidth, Code::Whitespace]
        );
    }

    #[test]
    fn invisible_characters_from_mail() {
        for v in [
            "\u{200B}1234567",
            "1234\u{FEFF}567",
            "12345\u{00A0}67",
            "\u{202E}1234567",
        ] {
            assert_eq!(codes(v, Field::Id), vec![Code::Invisible], "{v:?}");
            assert_eq!(common(v, Field::Id)[0].fix.as_deref(), Some("1234567"));
        }
        assert_eq!(
            codes("pass\u{200D}word", Field::Password),
            vec![Code::Invisible]
        );
    }

    #[test]
    fn an_invisible_character_outside_a_space_still_counts_the_space() {
        assert_eq!(
            codes("1234567 \u{200B}", Field::Id),
            vec![Code::Whitespace, Code::Invisible]
        );
        assert_eq!(
            common("1234567 \u{200B}", Field::Id)[0].fix.as_deref(),
            Some("1234567")
        );
    }

    #[test]
    fn password_warnings_never_carry_its_characters() {
        for w in common(" ｐａｓｓ\u{200B} ", Field::Password) {
            assert!(w.params.is_empty(), "{:?}", w.code);
            assert!(w.readback.is_empty());
        }
    }
}
