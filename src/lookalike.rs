//! Characters people type for a digit they read on paper or in a mail
//! (the confusable table of DOMAIN.md, seen from the digit's side).

use crate::confusable::latin_for;

/// The digit a character is easily mistaken for, if any.
pub fn digit_for(c: char) -> Option<char> {
    Some(match c {
        'l' | 'I' | 'i' | '|' | '!' => '1',
        'O' | 'o' | 'Q' | 'D' => '0',
        'Z' | 'z' => '2',
        'b' | 'G' => '6',
        'S' | 's' => '5',
        'B' => '8',
        'g' | 'q' => '9',
        _ => return None,
    })
}

/// Characters people put between digit groups ("123-4567", "123 4567"): the
/// hyphen family of DOMAIN.md and spaces. Dropping them is the whole correction.
pub fn is_separator(c: char) -> bool {
    matches!(
        c,
        '-' | '_'
            | ' '
            | '.'
            | '\u{30FC}' // ー katakana long vowel mark
            | '\u{4E00}' // 一 kanji one
            | '\u{2010}'
            ..='\u{2015}' // ‐ ‑ ‒ – — ―
            | '\u{2212}' // − minus
            | '\u{FF70}' // ｰ half-width long vowel mark
    )
}

/// The all-digit ID a half-width string most likely stands for: look-alike
/// letters become digits, separators go. `None` when some character is
/// neither, because then no correction is certain.
pub fn digits_for(halfwidth: &str) -> Option<String> {
    let mut out = String::with_capacity(halfwidth.len());
    for c in halfwidth.chars() {
        if c.is_ascii_digit() {
            out.push(c);
        } else if let Some(d) = digit_for(c).or_else(|| latin_for(c).and_then(digit_for)) {
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
    fn separators_are_dropped() {
        assert_eq!(digits_for("123-4567").as_deref(), Some("1234567"));
        assert_eq!(digits_for("123ー4567").as_deref(), Some("1234567"));
        assert_eq!(digits_for("123 4567").as_deref(), Some("1234567"));
    }

    #[test]
    fn anything_else_means_no_certain_correction() {
        assert_eq!(digits_for("12345x7"), None);
        assert_eq!(digits_for("taro@example.com"), None);
        assert_eq!(digits_for("１２３"), None, "expects half-width input");
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
