//! Which typed characters are worth a second look: docs/domain.md's table of
//! characters people mistake for one another, and the look-alikes that
//! arrive by copy and paste. The characters and their names are in `chars`.

use crate::chars::{has_font_twin, impostor_fix, name_key};

/// Characters whose look-alike is likely in a password font, and impostors.
pub fn is_ambiguous_in_password(c: char) -> bool {
    has_font_twin(c) || impostor_fix(c).is_some()
}

/// Characters worth reading back in an ID: every impostor, and a table
/// character where letters and digits meet ("taro1", "l23"), where the two
/// are easiest to swap.
pub fn at_risk_in_id(chars: &[char]) -> Vec<usize> {
    let kind = |x: char| {
        if x.is_ascii_digit() {
            1
        } else if x.is_ascii_alphabetic() || x == '|' {
            2
        } else {
            0
        }
    };
    let mut out = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if impostor_fix(c).is_some() {
            out.push(i);
            continue;
        }
        let me = kind(c);
        if me == 0 || name_key(c).is_none() {
            continue;
        }
        let neighbour_differs = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|&n| kind(n) != 0 && kind(n) != me)
        };
        if neighbour_differs(i.checked_sub(1)) || neighbour_differs(Some(i + 1)) {
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
    fn letters_next_to_digits_are_read_back() {
        assert_eq!(risky("taro1"), "o1");
        assert_eq!(risky("l234567"), "l2");
        assert_eq!(risky("yamada"), "");
        assert_eq!(risky("hanako2020"), "o2");
        assert_eq!(risky("taro-1"), "", "a hyphen between is no meeting");
    }

    #[test]
    fn impostors_are_always_at_risk_wherever_they_are() {
        assert_eq!(risky("tаro"), "а", "Cyrillic a");
        assert_eq!(risky("taro@gmаil.com"), "а", "in the domain too");
        assert_eq!(risky("taro─yamada"), "─");
    }

    #[test]
    fn passwords_flag_the_font_pairs_and_impostors() {
        assert!(is_ambiguous_in_password('l') && is_ambiguous_in_password('0'));
        assert!(is_ambiguous_in_password('а'));
        assert!(!is_ambiguous_in_password('a'));
    }
}
