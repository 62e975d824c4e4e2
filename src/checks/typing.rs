//! Mistakes any field can carry, whatever it is for: the IME left on,
//! spaces at the ends, invisible characters pasted from a mail.

use crate::chars::{clean_visible, is_space, without_invisible};
use crate::checks::Analysis;
use crate::text::has_fullwidth;
use crate::warning::{Change, Code, Field, Level, Warning};

/// The warnings of this module for one field; each correction is certain, and
/// together they give [`crate::chars::clean`]. For a password no message
/// names a character or where it is: which end has the space is said for the
/// ID only.
pub(crate) fn common(value: &str, field: Field) -> Analysis {
    let password = field == Field::Password;
    // The one look for invisible characters: cleaning, the spaces at the ends
    // and the invisible warning all start from what is left without them.
    let visible = without_invisible(value);
    let mut out = Analysis::new(clean_visible(&visible));
    if has_fullwidth(value) {
        let message = if password {
            "w_fullwidth_password"
        } else {
            "w_fullwidth_id"
        };
        out.correct(
            Warning::new(Code::Fullwidth, field, Level::Error, message),
            [Change::Halfwidth],
        );
    }
    let (start, end) = (visible.starts_with(is_space), visible.ends_with(is_space));
    if start || end {
        let message = match (password, start, end) {
            (true, _, _) => "w_whitespace_password",
            (false, true, false) => "w_whitespace_start",
            (false, false, true) => "w_whitespace_end",
            (false, _, _) => "w_whitespace_both",
        };
        out.correct(
            Warning::new(Code::Whitespace, field, Level::Warning, message),
            [Change::Trim { start, end }],
        );
    }
    if visible.len() != value.len() {
        let message = if password {
            "w_invisible_password"
        } else {
            "w_invisible_id"
        };
        out.correct(
            Warning::new(Code::Invisible, field, Level::Error, message),
            [Change::RemoveInvisible],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(value: &str, field: Field) -> Vec<Code> {
        common(value, field)
            .findings
            .into_iter()
            .map(|f| f.warning.code)
            .collect()
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
        let a = common("  taro@example.com ", Field::Id);
        assert_eq!(a.corrected, "taro@example.com");
        assert_eq!(a.findings[0].warning.level, Level::Warning);
    }

    #[test]
    fn every_kind_of_space_at_an_end_is_a_space() {
        for v in [
            "1234567\u{2009}",
            "\u{2003}1234567",
            "1234567\u{200A}",
            "1234567\u{2028}",
            "1234567\u{2029}",
            "1234567\u{205F}",
        ] {
            assert_eq!(codes(v, Field::Id), vec![Code::Whitespace], "{v:?}");
            assert_eq!(common(v, Field::Id).corrected, "1234567");
        }
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
            "1234567\u{2007}",
        ] {
            assert_eq!(codes(v, Field::Id), vec![Code::Invisible], "{v:?}");
            assert_eq!(common(v, Field::Id).corrected, "1234567");
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
        assert_eq!(common("1234567 \u{200B}", Field::Id).corrected, "1234567");
    }

    #[test]
    fn the_id_says_which_end_has_the_space_the_password_does_not() {
        let message = |v: &str, field| common(v, field).findings[0].warning.message;
        assert_eq!(message(" 1234567", Field::Id), "w_whitespace_start");
        assert_eq!(message("1234567 ", Field::Id), "w_whitespace_end");
        assert_eq!(message(" 1234567 ", Field::Id), "w_whitespace_both");
        assert_eq!(message(" secret", Field::Password), "w_whitespace_password");
        assert_eq!(message("secret ", Field::Password), "w_whitespace_password");
        assert_eq!(
            common(" 1234567", Field::Id).changes,
            vec![Change::Trim {
                start: true,
                end: false
            }]
        );
    }

    #[test]
    fn password_warnings_never_carry_its_characters() {
        for f in common(" ｐａｓｓ\u{200B} ", Field::Password).findings {
            assert!(f.warning.args.is_empty(), "{:?}", f.warning.code);
            assert!(f.warning.readback.is_empty());
        }
    }
}
