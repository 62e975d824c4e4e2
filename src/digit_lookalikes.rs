//! The all-digit ID a typed value stands for (the confusable table of
//! docs/domain.md, seen from the digit's side). The characters are in `chars`.

use crate::chars::{digit_for, is_separator};

/// The all-digit ID a half-width string most likely stands for: look-alike
/// letters and digit forms become digits, separators go. `None` when some
/// character is neither, because then no correction is certain.
pub fn digits_for(halfwidth: &str) -> Option<String> {
    let mut out = String::with_capacity(halfwidth.len());
    for c in halfwidth.chars() {
        if let Some(d) = digit_for(c) {
            out.push(d);
        } else if !is_separator(c) {
            return None;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_from_the_confusable_table_become_digits() {
        assert_eq!(digits_for("l234567").as_deref(), Some("1234567"));
        assert_eq!(digits_for("I23O5b7").as_deref(), Some("1230567"));
        assert_eq!(digits_for("Z0S8B").as_deref(), Some("20588"));
    }

    #[test]
    fn digit_forms_of_the_ime_become_digits() {
        assert_eq!(digits_for("〇〇12345").as_deref(), Some("0012345"));
        assert_eq!(digits_for("①②③4567").as_deref(), Some("1234567"));
        assert_eq!(digits_for("Ⅰ234567").as_deref(), Some("1234567"));
        assert_eq!(digits_for("○123456").as_deref(), Some("0123456"));
    }

    #[test]
    fn separators_are_dropped() {
        for v in [
            "123-4567",
            "123ー4567",
            "123 4567",
            "123─4567",
            "123━4567",
            "123\u{2009}4567",
            "123\u{2028}4567",
            "123・4567",
            "123_4567",
        ] {
            assert_eq!(digits_for(v).as_deref(), Some("1234567"), "{v:?}");
        }
    }

    #[test]
    fn anything_else_means_no_certain_correction() {
        assert_eq!(digits_for("12345x7"), None);
        assert_eq!(digits_for("taro@example.com"), None);
        assert_eq!(
            digits_for("12З4567"),
            None,
            "Cyrillic Ze has no Latin twin here"
        );
        assert_eq!(
            digits_for("123456О").as_deref(),
            Some("1234560"),
            "Cyrillic O"
        );
    }
}
