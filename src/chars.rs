//! Every character the checks know about, written once: what a Japanese IME
//! leaves in a field (full-width forms, its punctuation), every kind of space,
//! what a mail pastes along (zero-width and no-break characters), dashes and
//! look-alike letters and digits, and the `_locales` name of each character a
//! read-back can name. `text`, `confusable`, `lookalike`, `email` and `checks`
//! ask here; this module asks nobody.

/// A My Page ID is exactly this many half-width digits.
pub const MY_PAGE_ID_LENGTH: usize = 7;

/// Exactly [`MY_PAGE_ID_LENGTH`] ASCII digits: the shape of a My Page ID.
pub fn is_my_page_id(s: &str) -> bool {
    s.len() == MY_PAGE_ID_LENGTH && s.bytes().all(|b| b.is_ascii_digit())
}

// ---------------------------------------------------------------------------
// Width
// ---------------------------------------------------------------------------

/// The ideographic space an IME types instead of U+0020.
const IDEOGRAPHIC_SPACE: char = '\u{3000}';

/// Full-width forms of printable ASCII (U+FF01..=U+FF5E) and the ideographic space.
pub fn is_fullwidth(c: char) -> bool {
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

// ---------------------------------------------------------------------------
// Spaces and invisible characters
// ---------------------------------------------------------------------------

/// Every kind of space: all of Unicode's space separators (thin, hair, em,
/// figure, ideographic...), the line and paragraph separators, tab, line
/// feed, carriage return and their kin. Whichever one was typed or pasted,
/// it is a space to the person who sees it (the same set as Unicode's
/// White_Space, which the tests hold it to).
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | ' '
            | '\u{0085}'
            | '\u{00A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}'
    )
}

/// Spaces that take no room at all: an e-mail address with one inside has a
/// space in it as much as with a visible one.
pub fn is_zero_width_space(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}')
}

/// Characters that take no room on screen, or look like a plain space but
/// will not break a line: what copying an ID out of an HTML mail brings along.
/// The no-break spaces are spaces too, but they are reported as pasted
/// (docs/contract.md: `invisible` is "zero-width or no-break characters").
pub fn is_invisible(c: char) -> bool {
    is_zero_width_space(c)
        || matches!(
            c,
            '\u{00A0}' // no-break space
                | '\u{00AD}' // soft hyphen
                | '\u{034F}' // combining grapheme joiner
                | '\u{061C}' // Arabic letter mark
                | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers
                | '\u{2007}' // figure space (no-break)
                | '\u{200C}'..='\u{200F}' // joiners, LRM, RLM
                | '\u{202A}'..='\u{202F}' // bidi embeddings and overrides, narrow no-break space
                | '\u{2061}'..='\u{2064}' // invisible operators
                | '\u{2066}'..='\u{206F}' // bidi isolates, deprecated format controls
                | '\u{FE00}'..='\u{FE0F}' // variation selectors
        )
}

pub fn without_invisible(s: &str) -> String {
    s.chars().filter(|&c| !is_invisible(c)).collect()
}

/// The value as the user meant it: half-width, without invisible characters
/// or spaces at the ends. Every check judges this.
pub fn clean(s: &str) -> String {
    halfwidth_trimmed(s.chars().filter(|&c| !is_invisible(c)))
}

/// [`clean`] of a value already [`without_invisible`] characters.
pub fn clean_visible(visible: &str) -> String {
    halfwidth_trimmed(visible.chars())
}

fn halfwidth_trimmed(chars: impl Iterator<Item = char>) -> String {
    chars
        .map(to_halfwidth)
        .collect::<String>()
        .trim_matches(is_space)
        .to_string()
}

// ---------------------------------------------------------------------------
// Dashes, separators and dots
// ---------------------------------------------------------------------------

/// Horizontal lines that are not the ASCII hyphen-minus an address or ID
/// contains: the hyphen family of docs/domain.md (ー, 一, ‐ − – —, －) and what
/// else a Japanese IME's conversion list or a mail's font offers for "-".
pub fn is_foreign_dash(c: char) -> bool {
    matches!(
        c,
        '\u{02D7}' // ˗ modifier letter minus
            | '\u{2010}'
            ..='\u{2015}' // ‐ ‑ ‒ – — ―
            | '\u{2043}' // ⁃ hyphen bullet
            | '\u{2212}' // − minus sign
            | '\u{23AF}' // ⎯ horizontal line extension
            | '\u{2500}' | '\u{2501}' // ─ ━ box drawing (罫線, offered for 「ー」)
            | '\u{2504}' | '\u{2505}' | '\u{2508}' | '\u{2509}' | '\u{254C}' | '\u{254D}' // dashed ones
            | '\u{2796}' // ➖ heavy minus sign
            | '\u{2E3A}' | '\u{2E3B}' // ⸺ ⸻ two- and three-em dash
            | '\u{2F00}' // ⼀ Kangxi radical one
            | '\u{30FC}' // ー katakana long vowel mark
            | '\u{3161}' // ㅡ Hangul letter eu
            | '\u{4E00}' // 一 kanji one
            | '\u{FE58}' // ﹘ small em dash
            | '\u{FE63}' // ﹣ small hyphen-minus
            | '\u{FF0D}' // － full-width hyphen-minus
            | '\u{FF70}' // ｰ half-width long vowel mark
    )
}

/// Characters typed for the dot: the comma beside it, the punctuation an IME
/// left on produces for "," "." and "/" (、。・ and their half-width forms),
/// and the full-width comma. A domain has only dots between its parts, so in
/// a domain each of these can only have meant one.
pub fn is_dot_slip(c: char) -> bool {
    matches!(
        c,
        ',' | '\u{3001}' // 、
            | '\u{3002}' // 。
            | '\u{30FB}' // ・ katakana middle dot
            | '\u{FF0C}' // ，
            | '\u{FF61}' // ｡
            | '\u{FF64}' // ､
            | '\u{FF65}' // ･
    )
}

/// The full stop an IME types for the "." key. Unlike a comma or 「・」 (the
/// IME's "/"), it stands for a dot wherever it is, even before the '@'.
pub fn is_full_stop(c: char) -> bool {
    matches!(c, '\u{3002}' | '\u{FF61}')
}

/// Characters people put between digit groups ("123-4567", "123 4567",
/// "123・4567"): any dash, any space, dots and their slips. Dropping them is
/// the whole correction.
pub fn is_separator(c: char) -> bool {
    matches!(c, '-' | '_' | '.') || is_space(c) || is_foreign_dash(c) || is_dot_slip(c)
}

// ---------------------------------------------------------------------------
// Look-alike letters and digits
// ---------------------------------------------------------------------------

/// The Latin letter a Cyrillic or Greek look-alike passes for.
pub fn latin_for(c: char) -> Option<char> {
    Some(match c {
        // Cyrillic
        'а' => 'a',
        'в' => 'B',
        'ԁ' => 'd',
        'е' => 'e',
        'һ' => 'h',
        'к' => 'k',
        'м' => 'M',
        'н' => 'H',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'т' => 'T',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'І' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        // Greek
        'α' => 'a',
        'ο' => 'o',
        'ν' => 'v',
        'ρ' => 'p',
        'ι' => 'i',
        'κ' => 'k',
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        _ => return None,
    })
}

/// A character that does not belong in an ID or password but looks like one
/// that does: a Cyrillic/Greek letter or a non-ASCII dash. The correction is certain.
pub fn impostor_fix(c: char) -> Option<char> {
    latin_for(c).or(if is_foreign_dash(c) { Some('-') } else { None })
}

/// The digit a character is easily mistaken for, if any: letters from the
/// confusable table of docs/domain.md seen from the digit's side (whatever their
/// width or alphabet), and the digit forms an IME's conversion list offers
/// (〇, ○, ①, Ⅰ, mathematical digits...).
pub fn digit_for(c: char) -> Option<char> {
    let c = to_halfwidth(c);
    let n = c as u32;
    let digit = |d: u32| char::from_digit(d, 10);
    match c {
        '0'..='9' => Some(c),
        'l' | 'I' | 'i' | '|' | '!' | 'Ⅰ' | 'ⅰ' | 'ǀ' => Some('1'),
        'O' | 'o' | 'Q' | 'D' | '〇' | '○' | '◯' | '⓪' | '⓿' => Some('0'),
        'Z' | 'z' => Some('2'),
        'b' | 'G' => Some('6'),
        'S' | 's' => Some('5'),
        'B' => Some('8'),
        'g' | 'q' => Some('9'),
        '①'..='⑨' => digit(n - 0x245F),
        '❶'..='❾' => digit(n - 0x2775),
        '➀'..='➈' => digit(n - 0x277F),
        '➊'..='➒' => digit(n - 0x2789),
        '\u{1D7CE}'..='\u{1D7FF}' => digit((n - 0x1D7CE) % 10),
        // A Cyrillic or Greek impostor reads as its Latin twin, which is ASCII.
        _ => latin_for(c).and_then(digit_for),
    }
}

/// Characters most fonts draw almost alike (l/I/1/|, O/0): in a password,
/// where nothing may be read back, only this category can be named.
pub fn has_font_twin(c: char) -> bool {
    matches!(c, 'l' | 'I' | '1' | '|' | 'O' | '0')
}

// ---------------------------------------------------------------------------
// Names for a read-back
// ---------------------------------------------------------------------------

/// How to read one character aloud: a `_locales` key, never the text itself.
/// Every impostor has one, so a read-back never leaves one out.
pub fn name_key(c: char) -> Option<&'static str> {
    Some(match c {
        '1' => "ch_digit_1",
        'l' => "ch_lower_l",
        'I' => "ch_upper_i",
        'i' => "ch_lower_i",
        '|' => "ch_vertical_bar",
        '7' => "ch_digit_7",
        '2' => "ch_digit_2",
        'Z' => "ch_upper_z",
        'z' => "ch_lower_z",
        '6' => "ch_digit_6",
        'b' => "ch_lower_b",
        'v' => "ch_lower_v",
        'V' => "ch_upper_v",
        'y' => "ch_lower_y",
        '0' => "ch_digit_0",
        'O' => "ch_upper_o",
        'o' => "ch_lower_o",
        '5' => "ch_digit_5",
        'S' => "ch_upper_s",
        's' => "ch_lower_s",
        '8' => "ch_digit_8",
        'B' => "ch_upper_b",
        '-' => "ch_hyphen",
        '_' => "ch_underscore",
        '\u{30FC}' => "ch_long_vowel",
        '\u{4E00}' | '\u{2F00}' => "ch_kanji_one",
        '\u{2212}' | '\u{2796}' => "ch_minus",
        '\u{2012}' | '\u{2013}' => "ch_en_dash",
        '\u{2014}' | '\u{2015}' | '\u{2E3A}' | '\u{2E3B}' | '\u{FE58}' => "ch_em_dash",
        '\u{FF0D}' => "ch_fullwidth_hyphen",
        '\u{FF70}' => "ch_halfwidth_long_vowel",
        '\u{23AF}' | '\u{2500}'..='\u{257F}' => "ch_box_line",
        c if is_foreign_dash(c) => "ch_unicode_hyphen",
        c if latin_for(c).is_some() => "ch_foreign_letter",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFF).filter_map(char::from_u32)
    }

    #[test]
    fn every_kind_of_space_is_a_space() {
        for c in all_chars() {
            assert_eq!(is_space(c), c.is_whitespace(), "U+{:04X}", c as u32);
        }
        for c in "\u{2009}\u{2003}\u{200A}\u{2007}\u{2028}\u{2029}\u{3000}\t\n".chars() {
            assert!(is_space(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn width_maps_the_whole_fullwidth_ascii_block() {
        for c in '\u{FF01}'..='\u{FF5E}' {
            assert!(is_fullwidth(c));
            let h = to_halfwidth(c);
            assert!(h.is_ascii_graphic(), "{c}");
        }
        assert_eq!(to_halfwidth('\u{3000}'), ' ');
        assert_eq!(to_halfwidth('ア'), 'ア');
    }

    #[test]
    fn clean_undoes_width_invisible_and_edge_spaces() {
        assert_eq!(clean(" \u{200B}１２３４５６７\u{3000}"), "1234567");
        assert_eq!(clean("\u{2009}1234567\u{2028}"), "1234567");
        assert_eq!(clean("12 34"), "12 34", "inner spaces stay");
    }

    #[test]
    fn no_break_spaces_are_spaces_reported_as_pasted() {
        for c in ['\u{00A0}', '\u{2007}', '\u{202F}'] {
            assert!(is_space(c) && is_invisible(c));
        }
        assert!(!is_invisible(' ') && !is_invisible('\u{2009}'));
    }

    #[test]
    fn every_dash_is_a_separator_and_an_impostor_with_a_name() {
        for c in "ー一‐‑‒–—―−－ｰ─━⼀﹣".chars() {
            assert!(is_foreign_dash(c), "{c}");
            assert!(is_separator(c), "{c}");
            assert_eq!(impostor_fix(c), Some('-'), "{c}");
            assert!(name_key(c).is_some(), "{c}");
        }
        assert_eq!(name_key('─'), Some("ch_box_line"));
    }

    #[test]
    fn dot_slips_include_the_ime_middle_dot() {
        for c in ",、。・，｡､･".chars() {
            assert!(is_dot_slip(c), "{c}");
        }
        assert!(is_full_stop('。') && !is_full_stop('・'));
    }

    #[test]
    fn digit_look_alikes() {
        let digits: String = "〇○①②⑨⓪ⅠⅰlIOoZSBb❶➀➊𝟘𝟙𝟗"
            .chars()
            .map(|c| digit_for(c).unwrap_or('?'))
            .collect();
        assert_eq!(digits, "0012901111002586111019");
        assert_eq!(digit_for('Ｏ'), Some('0'), "full-width O");
        assert_eq!(digit_for('О'), Some('0'), "Cyrillic O");
        assert_eq!(digit_for('x'), None);
        assert_eq!(digit_for('З'), None, "Cyrillic Ze has no Latin twin here");
    }

    #[test]
    fn every_impostor_can_be_named() {
        for c in all_chars() {
            if impostor_fix(c).is_some() {
                assert!(name_key(c).is_some(), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn cyrillic_and_greek_impostors_read_as_their_latin_twins() {
        let impostors = "авԁеһкмнорстухіјѕАВЕКМНОРСТХІЈЅαονρικΑΒΕΖΗΙΚΜΝΟΡΤΥΧ";
        let twins: String = impostors
            .chars()
            .map(|c| latin_for(c).unwrap_or('?'))
            .collect();
        assert_eq!(twins, "aBdehkMHopcTyxijsABEKMHOPCTXIJSaovpikABEZHIKMNOPTYX");
        assert_eq!(latin_for('a'), None, "a Latin letter is itself");
        assert_eq!(latin_for('З'), None);
    }

    #[test]
    fn each_character_is_read_back_by_its_own_name() {
        let named = [
            ('1', "ch_digit_1"),
            ('l', "ch_lower_l"),
            ('I', "ch_upper_i"),
            ('i', "ch_lower_i"),
            ('|', "ch_vertical_bar"),
            ('7', "ch_digit_7"),
            ('2', "ch_digit_2"),
            ('Z', "ch_upper_z"),
            ('z', "ch_lower_z"),
            ('6', "ch_digit_6"),
            ('b', "ch_lower_b"),
            ('v', "ch_lower_v"),
            ('V', "ch_upper_v"),
            ('y', "ch_lower_y"),
            ('0', "ch_digit_0"),
            ('O', "ch_upper_o"),
            ('o', "ch_lower_o"),
            ('5', "ch_digit_5"),
            ('S', "ch_upper_s"),
            ('s', "ch_lower_s"),
            ('8', "ch_digit_8"),
            ('B', "ch_upper_b"),
            ('-', "ch_hyphen"),
            ('_', "ch_underscore"),
            ('ー', "ch_long_vowel"),
            ('一', "ch_kanji_one"),
            ('⼀', "ch_kanji_one"),
            ('−', "ch_minus"),
            ('➖', "ch_minus"),
            ('–', "ch_en_dash"),
            ('—', "ch_em_dash"),
            ('⸻', "ch_em_dash"),
            ('－', "ch_fullwidth_hyphen"),
            ('ｰ', "ch_halfwidth_long_vowel"),
            ('⎯', "ch_box_line"),
            ('━', "ch_box_line"),
            ('‐', "ch_unicode_hyphen"),
            ('ㅡ', "ch_unicode_hyphen"),
            ('о', "ch_foreign_letter"),
            ('Ν', "ch_foreign_letter"),
        ];
        for (c, key) in named {
            assert_eq!(name_key(c), Some(key), "{c}");
        }
        assert_eq!(name_key('x'), None, "nobody mistakes an x");
    }

    #[test]
    fn every_character_of_the_domain_table_has_a_name() {
        for c in "1liI|72Zz6bvVy0Oo5S8B-ー_一‐−–—－".chars() {
            assert!(name_key(c).is_some(), "{c}");
        }
    }
}
