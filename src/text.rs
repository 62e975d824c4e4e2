//! Character width: what a Japanese IME produces when it is left on.

/// The ideographic space an IME types instead of U+0020.
const IDEOGRAPHIC_SPACE: char = '\u{3000}';

/// Full-width forms of printable ASCII (U+FF01..=U+FF5E) and the ideographic space.
pub fn is_fullwidth_ascii(c: char) -> bool {
    matches!(c, '\u{FF01}'..='\u{FF5E}') || c == IDEOGRAPHIC_SPACE
}

/// The ASCII character a full-width form stands for, or the character itself.
pub fn to_halfwidth(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        IDEOGRAPHIC_SPACE => ' ',
        _ => c,
    }
}

pub fn halfwidth(s: &str) -> String {
    s.chars().map(to_halfwidth).collect()
}

pub fn has_fullwidth(s: &str) -> bool {
    s.chars().any(is_fullwidth_ascii)
}

/// Text folded for matching cues: half-width, lower case, no white space.
/// Only ASCII is lower-cased: every cue is ASCII or Japanese, and Unicode case
/// tables would cost the wasm several kilobytes for nothing.
pub fn fold(s: &str) -> String {
    s.chars()
        .map(to_halfwidth)
        .filter(|c| !c.is_whitespace())
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
    }
}
