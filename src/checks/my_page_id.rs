//! The My Page ID: exactly seven half-width digits, from the My Page opening mail.

use crate::chars::{digit_for, is_separator, is_space, name_key, to_halfwidth, MY_PAGE_ID_LENGTH};
use crate::checks::typing::common;
use crate::checks::{looks_like_email, Analysis};
use crate::digit_lookalikes::digits_for;
use crate::text::number;
use crate::view::{Arg, Text};
use crate::warning::{Change, Code, Field, Level, Warning};

pub(crate) fn analyse(value: &str, max_length: Option<usize>) -> Analysis {
    let mut out = common(value, Field::Id);
    let cleaned = out.cleaned.clone();
    if looks_like_email(&cleaned) {
        // Digit and length findings would only describe an e-mail address; the
        // one thing to say is that it belongs in the other login.
        out.note(Warning::new(
            Code::WrongLogin,
            Field::Id,
            Level::Error,
            "w_wrong_login_email_in_my_page",
        ));
        return out;
    }
    if cleaned.is_empty() {
        return out;
    }

    // What the ID is once look-alikes are digits and separators are gone;
    // `None` when something is neither, and then no count means anything.
    let digits = digits_for(&cleaned).filter(|d| !d.is_empty());
    if let Some(c) = cleaned.chars().find(|c| !c.is_ascii_digit()) {
        // The character named is one the user can find: the first that is
        // not a digit, a letter before a separator (「l」 says more than 「-」).
        let named = cleaned
            .chars()
            .find(|c| !c.is_ascii_digit() && !is_separator(*c))
            .unwrap_or(c);
        let w = not_digits(named);
        match &digits {
            Some(d) => {
                out.correct(w, digit_changes(&cleaned));
                out.corrected = d.clone();
            }
            None => out.note(w),
        }
    }

    let Some(digits) = digits else {
        return out;
    };
    let count = digits.len();
    if was_cut(value, max_length) && count < MY_PAGE_ID_LENGTH {
        // "123-4567" in a maxlength=7 box arrives as "123-456": the digits
        // lost are unknown, so nothing can be offered but the reason.
        out.note(Warning::new(
            Code::Length,
            Field::Id,
            Level::Error,
            "w_length_cut",
        ));
    } else if count != MY_PAGE_ID_LENGTH {
        let (level, message) = if count < MY_PAGE_ID_LENGTH {
            (Level::Warning, "w_length_short")
        } else {
            (Level::Error, "w_length_long")
        };
        out.note(
            Warning::new(Code::Length, Field::Id, level, message)
                .with_params([number(count as i64, 0)]),
        );
    }
    out
}

/// 「「l」（小文字のエル）が入っています」: one character of the ID, never more,
/// so the message cannot carry the ID; a space is named as a space.
fn not_digits(c: char) -> Warning {
    let w = Warning::new(Code::NotDigits, Field::Id, Level::Error, "w_not_digits");
    let shown = if is_space(c) {
        Arg::Text(Text::key("ch_space"))
    } else {
        Arg::Plain(c.to_string())
    };
    match name_key(c) {
        Some(name) => w
            .with_message("w_not_digits_named")
            .with_args(vec![shown, Arg::Text(Text::key(name))]),
        None => w.with_args(vec![shown]),
    }
}

/// What turning `cleaned` into digits changes, in words: each look-alike
/// once (「l を 1 に」), then the separators dropped, if any.
fn digit_changes(cleaned: &str) -> Vec<Change> {
    let mut changes: Vec<Change> = Vec::new();
    let mut separators = false;
    for c in cleaned.chars().filter(|c| !c.is_ascii_digit()) {
        match digit_for(c) {
            Some(to) => {
                let change = Change::Digit { from: c, to };
                if !changes.contains(&change) {
                    changes.push(change);
                }
            }
            None => separators = true,
        }
    }
    if separators {
        changes.push(Change::RemoveSeparators);
    }
    changes
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
        w.into_iter().find_map(|w| w.fix).map(|f| f.value)
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
        assert_eq!(w.message, "w_not_digits_named");
        assert_eq!(
            w.args,
            vec![Arg::Plain("b".into()), Arg::Text(Text::key("ch_lower_b"))],
            "the one character, never the digits"
        );
        assert_eq!(
            w.fix.as_ref().map(|f| f.changes.clone()),
            Some(vec![Change::Digit { from: 'b', to: '6' }])
        );
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
            assert_eq!(w[0].args.len(), 1, "{typed}: the character alone");
            assert_eq!(
                w[0].fix.as_ref().map(|f| f.value.as_str()),
                Some(digits),
                "{typed}"
            );
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
        assert_eq!(w[0].fix.as_ref().map(|f| f.value.as_str()), Some("1234567"));
        assert_eq!(
            w[0].fix.as_ref().map(|f| f.changes.clone()),
            Some(vec![
                Change::Halfwidth,
                Change::Digit { from: 'l', to: '1' }
            ])
        );
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
        assert_eq!(short[0].args, vec![Arg::Plain("6".into())]);
        let long = id("12345678");
        assert_eq!(long[0].level, Level::Error);
        assert_eq!(codes("123-4567"), vec![Code::NotDigits]);
        assert_eq!(codes("123ー4567"), vec![Code::NotDigits]);
        assert_eq!(codes("l23456"), vec![Code::NotDigits, Code::Length]);
        let w = id("l23456");
        assert_eq!(
            w[0].args[0],
            Arg::Plain("l".into()),
            "123456 would still fail"
        );
        assert!(w.iter().all(|w| w.fix.is_none()));
    }

    #[test]
    fn a_value_cut_by_maxlength_is_explained_without_a_fix() {
        let w = boxed("123-456", Some(7));
        let got: Vec<_> = w.iter().map(|w| (w.code, w.message)).collect();
        assert_eq!(
            got,
            vec![
                (Code::NotDigits, "w_not_digits_named"),
                (Code::Length, "w_length_cut")
            ]
        );
        assert!(w.iter().all(|w| w.fix.is_none()));
        assert!(w[1].args.is_empty());
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
            boxed("123-4567", Some(8))[0]
                .fix
                .as_ref()
                .map(|f| f.value.as_str()),
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
    fn the_separator_is_named_and_dropped() {
        let w = id("123-4567");
        assert_eq!(
            w[0].args,
            vec![Arg::Plain("-".into()), Arg::Text(Text::key("ch_hyphen"))]
        );
        assert_eq!(
            w[0].fix.as_ref().map(|f| f.changes.clone()),
            Some(vec![Change::RemoveSeparators])
        );
        let w = id("123 4567");
        assert_eq!(w[0].args, vec![Arg::Text(Text::key("ch_space"))]);
        let w = id("l23-4567");
        assert_eq!(w[0].args[0], Arg::Plain("l".into()), "a letter says more");
        assert_eq!(
            w[0].fix.as_ref().map(|f| f.changes.clone()),
            Some(vec![
                Change::Digit { from: 'l', to: '1' },
                Change::RemoveSeparators
            ])
        );
        let w = id("ll34567");
        assert_eq!(
            w[0].fix.as_ref().map(|f| f.changes.len()),
            Some(1),
            "each look-alike once"
        );
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
