//! Text as the page shows it: width undone, for matching cues and for what
//! the user typed. The character sets themselves live in `chars`.

use crate::chars::{is_fullwidth, is_space, to_halfwidth};

/// Words that name a login, as [`fold`] leaves them: on the controls that
/// log in (`last_login`), around a login form and on its buttons (`detect`).
pub const LOGIN_WORDS: [&str; 5] = ["ログイン", "login", "signin", "sign-in", "logon"];

/// `n` in decimal, at least `width` digits (zero-padded). Hand-written:
/// `format!` and `to_string` would keep `core::fmt` in the wasm for a few
/// numbers (about 1 kB gzipped once panics carry no message).
pub fn number(n: i64, width: usize) -> String {
    let mut digits = Vec::new();
    let mut rest = n.unsigned_abs();
    while rest > 0 || digits.len() < width.max(1) {
        digits.push(b'0' + (rest % 10) as u8);
        rest /= 10;
    }
    let mut out = String::with_capacity(digits.len() + 1);
    if n < 0 {
        out.push('-');
    }
    out.extend(digits.iter().rev().map(|&d| char::from(d)));
    out
}

pub fn halfwidth(s: &str) -> String {
    s.chars().map(to_halfwidth).collect()
}

pub fn has_fullwidth(s: &str) -> bool {
    s.chars().any(is_fullwidth)
}

/// Text folded for matching cues: half-width, lower case, no white space.
/// Only ASCII is lower-cased: every cue is ASCII or Japanese, and Unicode case
/// tables would cost the wasm several kilobytes for nothing.
pub fn fold(s: &str) -> String {
    s.chars()
        .map(to_halfwidth)
        .filter(|&c| !is_space(c))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_as_format_writes_them() {
        for n in [
            0i64,
            7,
            -7,
            10,
            99,
            120,
            2026,
            -40_000,
            1_766_793_600_000,
            i64::MAX,
            i64::MIN,
        ] {
            assert_eq!(super::number(n, 0), n.to_string());
            assert_eq!(super::number(n, 1), n.to_string());
        }
        assert_eq!(super::number(5, 2), "05");
        assert_eq!(super::number(12, 2), "12");
        assert_eq!(super::number(123, 2), "123");
        assert_eq!(super::number(7, 4), "0007");
        assert_eq!(super::number(-7, 3), "-007", "digits, the sign aside");
    }

    use super::*;

    #[test]
    fn halfwidth_maps_the_whole_fullwidth_ascii_block() {
        assert_eq!(
            halfwidth("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ"),
            "taro@example.com"
        );
        assert_eq!(halfwidth("１２３４５６７"), "1234567");
        assert_eq!(halfwidth("！～"), "!~");
        assert_eq!(halfwidth("a\u{3000}b"), "a b");
    }

    #[test]
    fn halfwidth_leaves_japanese_and_ascii_alone() {
        assert_eq!(halfwidth("パソナ abc 123"), "パソナ abc 123");
        assert!(!has_fullwidth("パソナキャリア"));
        assert!(has_fullwidth("abc１"));
    }

    #[test]
    fn fold_ignores_width_case_and_spaces() {
        assert_eq!(fold(" マイページ　ＩＤ "), "マイページid");
        assert_eq!(fold("E-Mail Address"), "e-mailaddress");
        assert_eq!(fold("マイページ\u{2009}ID"), "マイページid");
    }
}
