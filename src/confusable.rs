//! Characters people mistake for one another (DOMAIN.md's table and the
//! look-alikes that arrive by copy and paste), and how to name each in words
//! so a user can compare what they typed with their note.

/// How to read one character aloud: a `_locales` key, never the text itself.
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
        '\u{4E00}' => "ch_kanji_one",
        '\u{2010}' | '\u{2011}' => "ch_unicode_hyphen",
        '\u{2212}' => "ch_minus",
        '\u{2012}' | '\u{2013}' => "ch_en_dash",
        '\u{2014}' | '\u{2015}' => "ch_em_dash",
        '\u{FF0D}' => "ch_fullwidth_hyphen",
        '\u{FF70}' => "ch_halfwidth_long_vowel",
        _ => return None,
    })
}

/// Dashes that are not the ASCII hyphen-minus an address or ID contains.
pub fn is_foreign_dash(c: char) -> bool {
    matches!(
        c,
        '\u{30FC}' | '\u{4E00}' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FF0D}' | '\u{FF70}'
    )
}

/// The Latin letter a Cyrillic or Greek look-alike passes for.
pub fn latin_for(c: char) -> Option<char> {
    Some(match c {
        // Cyrillic
        'а' => 'a',
        'в' => 'B',
        'е' => 'e',
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

/// Characters whose look-alike is likely in a password font: l/I/1/|, O/0.
pub fn is_ambiguous_in_password(c: char) -> bool {
    matches!(c, 'l' | 'I' | '1' | '|' | 'O' | '0') || impostor_fix(c).is_some()
}

/// Characters worth reading back in an ID: a table character where letters
/// and digits meet ("taro1", "l23"), where the two are easiest to swap.
pub fn at_risk_in_id(chars: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if impostor_fix(c).is_some() {
            out.push(i);
            continue;
        }
        if name_key(c).is_none() || c == '-' || c == '_' {
            continue;
        }
        let kind = |x: char| {
            if x.is_ascii_digit() {
                1
            } else if x.is_ascii_alphabetic() || x == '|' {
                2
            } else {
                0
            }
        };
        let me = kind(c);
        let neighbour_differs = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|&n| kind(n) != 0 && kind(n) != me)
        };
        if me != 0 && (neighbour_differs(i.checked_sub(1)) || neighbour_differs(Some(i + 1))) {
            out.push(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn risky(s: &str) -> String {
        let chars: Vec<char> = s.chars().collect();
        at_risk_in_id(&chars)
            .into_iter()
            .map(|i| chars[i])
            .collect()
    }

    #[test]
    fn every_character_of_the_domain_table_has_a_name() {
        for c in "1liI|72Zz6bvVy0Oo5S8B-ー_一‐−–—－".chars() {
            assert!(name_key(c).is_some(), "{c}");
        }
    }

    #[test]
    fn letters_next_to_digits_are_read_back() {
        assert_eq!(risky("taro1"), "o1");
        assert_eq!(risky("l234567"), "l2");
        assert_eq!(risky("yamada"), "");
        assert_eq!(risky("hanako2020"), "o2");
    }

    #[test]
    fn impostors_are_always_at_risk_and_fixable() {
        assert_eq!(risky("tаro"), "а", "Cyrillic a");
        assert_eq!(impostor_fix('а'), Some('a'));
        assert_eq!(impostor_fix('ー'), Some('-'));
        assert_eq!(impostor_fix('a'), None);
    }
}
