//! The My Page ID: exactly seven half-width digits, from the My Page opening mail.

use crate::chars::{to_halfwidth, MY_PAGE_ID_LENGTH};
use crate::checks::typing::common;
use crate::checks::{looks_like_email, Analysis};
use crate::lookalike::digits_for;
use crate::warning::{Code, Field, Level, Warning};

pub(crate) fn analyse(value: &str, max_length: Option<usize>) -> Analysis {
    let mut out = common(value, Field::Id);
    let cleaned = out.cleaned.clone();
    if looks_like_email(&cleaned) {
        // Digit and length findings would only describe an e-mail address; the
        // one thing to say is that it belongs in the other login.
        out.push(
            Warning::new(
                Code::WrongLogin,
                Field::Id,
                Level::Error,
                "w_wrong_login_email_in_my_page",
            ),
            false,
        );
        return out;
    }
    if cleaned.is_empty() {
        return out;
    }

    // What the ID is once look-alikes are digits and separators are gone;
    // `None` when something is neither, and then no count means anything.
    let digits = digits_for(&cleaned).filter(|d| !d.is_empty());
    if !cleaned.bytes().all(|b| b.is_ascii_digit()) {
        let w = Warning::new(Code::NotDigits, Field::Id, Level::Error, "w_not_digits");
        let w = match &digits {
            // Only a value that passes is worth naming.
            Some(d) if d.len() == MY_PAGE_ID_LENGTH => w
                .with_message("w_not_digits_suggest")
                .with_params([d.clone()]),
            _ => w,
        };
        out.push(w, digits.is_some());
        if let Some(d) = &digits {
            out.corrected = d.clone();
        }
    }

    let Some(digits) = digits else {
        return out;
    };
    let count = digits.len();
    if was_cut(value, max_length) && count < MY_PAGE_ID_LENGTH {
        // "123-4567" in a maxlength=7 box arrives as "123-456": the digits
        // lost are unknown, so nothing can be offered but the reason.
        out.push(
            Warning::new(Code::Length, Field::Id, Level::Error, "w_length_cut"),
            false,
        );
    } else if count != MY_PAGE_ID_LENGTH {
        let (level, message) = if count < MY_PAGE_ID_LENGTH {
            (Level::Warning, "w_length_short")
        } else {
            (Level::Error, "w_length_long")
        };
        out.push(
            Warning::new(Code::Length, Field::Id, level, message).with_params([count.to_string()]),
            false,
        );
    }
    out
}

/// The box is full, and not with digits alone: what was typed after the
/// hyphen or space that took a digit's place never arrived.
fn was_cut(value: &str, max_length: Option<usize>) -> bool {
    // `maxlength` counts UTF-16 code units.
    max_length.is_some_and(|n| value.encode_utf16().count() == n)
        && value.chars().any(|c| !to_halfwidth(c).is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::{check, FieldInput, Keys};
    use crate::warning::LoginKind;

    fn boxed(value: &str, max_length: Option<usize>) -> Vec<Warning> {
        check(&FieldInput {
            kind: LoginKind::MyPage,
            field: Field::Id,
            value: value.into(),
            keys: Keys::default(),
            max_length,
        })
    }

    fn id(value: &str) -> Vec<Warning> {
        boxed(value, None)
    }

    fn codes(value: &str) -> Vec<Code> {
        id(value).into_iter().map(|w| w.code).collect()
    }

    fn fix(value: &str) -> Option<String> {
        let w = id(value);
        assert!(w.iter().filter(|w| w.fix.is_some()).count() <= 1);
        w.into_iter().find_map(|w| w.fix)
    }

    #[test]
    fn a_valid_id_is_silent() {
        assert_eq!(codes("1234567"), vec![]);
        assert_eq!(codes("0000001"), vec![]);
    }

    #[test]
    fn fullwidth_digits_are_an_error_with_a_fix() {
        assert_eq!(codes("１２３４５６７"), vec![Code::Fullwidth]);
        assert_eq!(fix("１２３４５６７").as_deref(), Some("1234567"));
        assert_eq!(codes("12345６７"), vec![Code::Fullwidth]);
    }

    #[test]
    fn lookalike_letters_suggest_the_digits() {
        assert_eq!(codes("l234567"), vec![Code::NotDigits]);
        assert_eq!(fix("l234567").as_deref(), Some("1234567"));
        assert_eq!(fix("I23456O").as_deref(), Some("1234560"));
        let w = &id("12345b7")[0];
        assert_eq!(w.params, vec!["1234567".to_string()]);
        assert_eq!(w.message, "w_not_digits_suggest");
    }

    #[test]
    fn digit_forms_of_the_ime_suggest_the_digits() {
        for (typed, digits) in [
            ("〇〇12345", "0012345"),
            ("○123456", "0123456"),
            ("①②③4567", "1234567"),
            ("Ⅰ234567", "1234567"),
            ("ⅰ234567", "1234567"),
        ] {
            let w = id(typed);
            assert_eq!(w[0].code, Code::NotDigits, "{typed}");
            assert_eq!(w[0].params, vec![digits.to_string()], "{typed}");
            assert_eq!(w[0].fix.as_deref(), Some(digits), "{typed}");
        }
    }

    #[test]
    fn every_kind_of_space_or_line_inside_is_a_separator() {
        for typed in [
            "123\u{2009}4567",
            "123\u{2003}4567",
            "123\u{200A}4567",
            "123\u{2028}4567",
            "123─4567",
            "123━4567",
            "123・4567",
        ] {
            assert_eq!(codes(typed), vec![Code::NotDigits], "{typed:?}");
            assert_eq!(fix(typed).as_deref(), Some("1234567"), "{typed:?}");
        }
    }

    #[test]
    fn fullwidth_letters_get_one_fix_with_both_corrections() {
        let w = id("ｌ２３４５６７");
        let found: Vec<_> = w.iter().map(|w| w.code).collect();
        assert_eq!(found, vec![Code::Fullwidth, Code::NotDigits]);
        assert_eq!(w[0].fix.as_deref(), Some("1234567"));
        assert_eq!(w[0].message, "w_fullwidth_id_plain", "l234567 still fails");
        assert_eq!(w[1].fix, None);
    }

    #[test]
    fn unmappable_characters_have_no_fix_and_no_count() {
        assert_eq!(codes("12345x7"), vec![Code::NotDigits]);
        assert_eq!(fix("12345x7"), None);
        assert_eq!(codes("ｒ"), vec![Code::Fullwidth, Code::NotDigits]);
        assert_eq!(codes("---"), vec![Code::NotDigits]);
    }

    #[test]
    fn length_counts_the_corrected_digits() {
        let short = id("123456");
        assert_eq!(short[0].code, Code::Length);
        assert_eq!(short[0].level, Level::Warning);
        assert_eq!(short[0].params, vec!["6"]);
        let long = id("12345678");
        assert_eq!(long[0].level, Level::Error);
        assert_eq!(codes("123-4567"), vec![Code::NotDigits]);
        assert_eq!(codes("123ー4567"), vec![Code::NotDigits]);
        assert_eq!(codes("l23456"), vec![Code::NotDigits, Code::Length]);
        let w = id("l23456");
        assert_eq!(w[0].message, "w_not_digits", "123456 would still fail");
        assert!(w.iter().all(|w| w.fix.is_none()));
    }

    #[test]
    fn a_value_cut_by_maxlength_is_explained_without_a_fix() {
        let w = boxed("123-456", Some(7));
        let got: Vec<_> = w.iter().map(|w| (w.code, w.message)).collect();
        assert_eq!(
            got,
            vec![
                (Code::NotDigits, "w_not_digits"),
                (Code::Length, "w_length_cut")
            ]
        );
        assert!(w.iter().all(|w| w.fix.is_none() && w.params.is_empty()));
        assert_eq!(boxed("123 456", Some(7))[1].message, "w_length_cut");
        let w = boxed("123456 ", Some(7));
        assert_eq!(
            (w[0].message, w[1].code),
            ("w_length_cut", Code::Whitespace)
        );
        // Not cut: shorter than the box, only digits, or seven digits after all.
        assert_eq!(boxed("123-45", Some(7))[1].message, "w_length_short");
        assert_eq!(boxed("123456", Some(6))[0].message, "w_length_short");
        assert_eq!(codes_boxed("12-34567", Some(8)), vec![Code::NotDigits]);
        assert_eq!(
            boxed("123-4567", Some(8))[0].fix.as_deref(),
            Some("1234567")
        );
    }

    fn codes_boxed(value: &str, max_length: Option<usize>) -> Vec<Code> {
        boxed(value, max_length)
            .into_iter()
            .map(|w| w.code)
            .collect()
    }

    #[test]
    fn an_email_is_the_wrong_login_and_nothing_else() {
        assert_eq!(codes("taro@example.com"), vec![Code::WrongLogin]);
        assert_eq!(
            codes("taro＠example.com"),
            vec![Code::Fullwidth, Code::WrongLogin]
        );
        assert_eq!(id("taro@example.com")[0].level, Level::Error);
        assert!(id("taro＠example.com").iter().all(|w| w.fix.is_none()));
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
