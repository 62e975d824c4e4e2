//! Text as the page shows it: width undone, for matching cues and for what
//! the user typed. The character sets themselves live in `chars`.

use crate::chars::{is_fullwidth, is_space, to_halfwidth};

/// Words that name a login, as [`fold`] leaves them: on the controls that
/// log in (`last_login`), around a login form and on its buttons (`detect`).
pub const LOGIN_WORDS: [&str; 5] = ["ログイン", "login", "signin", "sign-in", "logon"];

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
