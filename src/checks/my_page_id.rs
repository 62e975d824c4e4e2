//! The My Page ID: exactly seven half-width digits, from the My Page opening mail.

use crate::chars::clean;
use crate::checks::looks_like_email;
use crate::checks::typing::common;
use crate::lookalike::digits_for;
use crate::warning::{Code, Field, Level, Warning};

/// Kept for callers that name it here; the one definition is in `chars`.
pub const LENGTH: usize = crate::chars::MY_PAGE_ID_LENGTH;

pub fn check(value: &str) -> Vec<Warning> {
    let mut warnings = common(value, Field::Id);
    let cleaned = clean(value);
    if looks_like_email(&cleaned) {
        // Digit and length findings would only describe an e-mail address; the
        // one thing to say is that it belongs in the other login.
        warnings.push(Warning::new(
            Code::WrongLogin,
            Field::Id,
            Level::Error,
            "w_wrong_login_email_in_my_page",
        ));
        return warnings;
    }
    if cleaned.is_empty() {
        return warnings;
    }

    let suggestion = digits_for(&cleaned);
    if !cleaned.chars().all(|c| c.is_ascii_digit()) {
        let w = Warning::new(Code::NotDigits, Field::Id, Level::Error, "w_not_digits");
        warnings.push(match &suggestion {
            Some(digits) if !digits.is_empty() => w
                .with_params([digits.clone()])
                .with_fix(Some(digits.clone()))
                .with_message("w_not_digits_suggest"),
            _ => w,
        });
    }

    // Count what the ID would be once corrected, so "l23456" is one short.
    let digits =
        suggestion.unwrap_or_else(|| cleaned.chars().filter(char::is_ascii_digit).collect());
    let count = digits.chars().count();
    if count != LENGTH {
        let (level, message) = if count < LENGTH {
            (Level::Warning, "w_length_short")
        } else {
            (Level::Error, "w_length_long")
        };
        warnings.push(
            Warning::new(Code::Length, Field::Id, level, message)
                .with_params([count.to_string(), LENGTH.to_string()]),
        );
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(value: &str) -> Vec<Code> {
        check(value).into_iter().map(|w| w.code).collect()
    }

    fn fix_for(value: &str, code: Code) -> Option<String> {
        check(value).into_iter().find(|w| w.code == code)?.fix
    }

    #[test]
    fn a_valid_id_is_silent() {
        assert_eq!(codes("1234567"), vec![]);
        assert_eq!(codes("0000001"), vec![]);
    }

    #[test]
    fn fullwidth_digits_are_an_error_with_a_fix() {
        assert_eq!(codes("１２３４５６７"), vec![Code::Fullwidth]);
        assert_eq!(
            fix_for("１２３４５６７", Code::Fullwidth).as_deref(),
            Some("1234567")
        );
        assert_eq!(codes("12345６７"), vec![Code::Fullwidth]);
    }

    #[test]
    fn lookalike_letters_suggest_the_digits() {
        assert_eq!(codes("l234567"), vec![Code::NotDigits]);
        assert_eq!(
            fix_for("l234567", Code::NotDigits).as_deref(),
            Some("1234567")
        );
        assert_eq!(
            fix_for("I23456O", Code::NotDigits).as_deref(),
            Some("1234560")
        );
        let w = &check("12345b7")[0];
        assert_eq!(w.params, vec!["1234567".to_string()]);
        assert_eq!(w.message, "w_not_digits_suggest");
    }

    #[test]
    fn fullwidth_letters_get_both_fixes() {
        let found = codes("ｌ２３４５６７");
        assert_eq!(found, vec![Code::Fullwidth, Code::NotDigits]);
        assert_eq!(
            fix_for("ｌ２３４５６７", Code::Fullwidth).as_deref(),
            Some("l234567")
        );
        assert_eq!(
            fix_for("ｌ２３４５６７", Code::NotDigits).as_deref(),
            Some("1234567")
        );
    }

    #[test]
    fn unmappable_characters_have_no_fix() {
        assert_eq!(codes("12345x7"), vec![Code::NotDigits, Code::Length]);
        assert_eq!(fix_for("12345x7", Code::NotDigits), None);
    }

    #[test]
    fn length_counts_the_corrected_digits() {
        let short = check("123456");
        assert_eq!(short[0].code, Code::Length);
        assert_eq!(short[0].level, Level::Warning);
        assert_eq!(short[0].params, vec!["6", "7"]);
        let long = check("12345678");
        assert_eq!(long[0].level, Level::Error);
        assert_eq!(codes("123-4567"), vec![Code::NotDigits]);
        assert_eq!(codes("123ー4567"), vec![Code::NotDigits]);
        assert_eq!(codes("l23456"), vec![Code::NotDigits, Code::Length]);
    }

    #[test]
    fn an_email_is_the_wrong_login_and_nothing_else() {
        assert_eq!(codes("taro@example.com"), vec![Code::WrongLogin]);
        assert_eq!(
            codes("taro＠example.com"),
            vec![Code::Fullwidth, Code::WrongLogin]
        );
        assert_eq!(check("taro@example.com")[0].level, Level::Error);
    }

    #[test]
    fn spaces_and_pasted_characters_are_not_counted_as_letters() {
        assert_eq!(codes(" 1234567 "), vec![Code::Whitespace]);
        assert_eq!(codes("\u{200B}1234567"), vec![Code::Invisible]);
        assert_eq!(
            codes("1234567\u{3000}"),
            vec![Code::Fullwidth, Code::Whitespace]
        );
    }
}
