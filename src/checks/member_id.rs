//! The member-service ID: the e-mail address used at registration.

use crate::chars::{clean, impostor_fix, name_key, MY_PAGE_ID_LENGTH as LENGTH};
use crate::checks::typing::common;
use crate::confusable::at_risk_in_id;
use crate::email::{self, SyntaxProblem};
use crate::warning::{Code, Field, Level, Readback, Warning};

pub fn check(value: &str) -> Vec<Warning> {
    let mut warnings = common(value, Field::Id);
    let cleaned = clean(value);
    if cleaned.is_empty() {
        return warnings;
    }
    if cleaned.len() == LENGTH && cleaned.bytes().all(|b| b.is_ascii_digit()) {
        warnings.push(Warning::new(
            Code::WrongLogin,
            Field::Id,
            Level::Error,
            "w_wrong_login_id_in_member",
        ));
        return warnings;
    }

    // Cyrillic/Greek letters and foreign dashes: certainly wrong, certainly fixable.
    let latin: String = cleaned
        .chars()
        .map(|c| impostor_fix(c).unwrap_or(c))
        .collect();
    let chars: Vec<char> = cleaned.chars().collect();
    let local_end = chars.iter().rposition(|&c| c == '@').unwrap_or(chars.len());
    let risky = at_risk_in_id(&chars[..local_end]);
    if latin != cleaned {
        let fixed: String = value
            .chars()
            .map(|c| impostor_fix(c).unwrap_or(c))
            .collect();
        warnings.push(
            Warning::new(
                Code::Confusable,
                Field::Id,
                Level::Error,
                "w_confusable_impostor",
            )
            .with_readback(readback(&chars, &risky))
            .with_fix(Some(fixed)),
        );
    } else if !risky.is_empty() {
        warnings.push(
            Warning::new(Code::Confusable, Field::Id, Level::Info, "w_confusable_id")
                .with_readback(readback(&chars, &risky)),
        );
    }

    // An ending slip (".ne.j", "@gmail") reads best as its correction.
    let problem = email::syntax(&latin);
    let suggestion = match problem {
        None | Some(SyntaxProblem::BadTld | SyntaxProblem::DomainNoDot) => email::suggest(&latin),
        Some(_) => None,
    };
    if let Some(suggestion) = suggestion {
        warnings.push(
            Warning::new(
                Code::EmailDomain,
                Field::Id,
                Level::Warning,
                "w_email_domain",
            )
            .with_params([suggestion.clone()])
            .with_fix(Some(suggestion)),
        );
    } else if let Some(problem) = problem {
        warnings.push(Warning::new(
            Code::EmailFormat,
            Field::Id,
            format_level(problem, &latin),
            problem.message_key(),
        ));
    }
    warnings
}

/// Still typing ("taro@", "taro@gmail") is not yet an error: the address is
/// only unfinished. Anything else is certainly wrong.
fn format_level(problem: SyntaxProblem, value: &str) -> Level {
    let unfinished = match problem {
        SyntaxProblem::NoAt | SyntaxProblem::EmptyDomain | SyntaxProblem::DomainNoDot => true,
        SyntaxProblem::BadTld | SyntaxProblem::DomainDots => value.ends_with('.'),
        _ => false,
    };
    if unfinished {
        Level::Warning
    } else {
        Level::Error
    }
}

/// Each risky character once, in the order typed.
fn readback(chars: &[char], risky: &[usize]) -> Vec<Readback> {
    let mut out: Vec<Readback> = Vec::new();
    for &i in risky {
        let c = chars[i];
        let name = match name_key(c) {
            Some(name) => name,
            None if impostor_fix(c).is_some() => "ch_foreign_letter",
            None => continue,
        };
        if out.iter().all(|r| !r.ch.starts_with(c)) {
            out.push(Readback {
                ch: c.to_string(),
                name,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(value: &str) -> Vec<Code> {
        check(value).into_iter().map(|w| w.code).collect()
    }

    fn find(value: &str, code: Code) -> Warning {
        check(value)
            .into_iter()
            .find(|w| w.code == code)
            .unwrap_or_else(|| panic!("{code:?} for {value}"))
    }

    #[test]
    fn a_plain_email_is_silent() {
        assert_eq!(codes("taro.yamada@example.co.jp"), vec![]);
        assert_eq!(codes("hanako+job@gmail.com"), vec![]);
    }

    #[test]
    fn fullwidth_characters_are_an_error_with_a_fix() {
        let w = &check("taro＠example.com")[0];
        assert_eq!(w.code, Code::Fullwidth);
        assert_eq!(w.level, Level::Error);
        assert_eq!(w.fix.as_deref(), Some("taro@example.com"));
        assert_eq!(codes("ｔａｒｏ@example.com"), vec![Code::Fullwidth]);
    }

    #[test]
    fn a_my_page_id_is_the_wrong_login() {
        assert_eq!(codes("1234567"), vec![Code::WrongLogin]);
        assert_eq!(
            codes("１２３４５６７"),
            vec![Code::Fullwidth, Code::WrongLogin]
        );
        assert_ne!(codes("123456"), vec![Code::WrongLogin]);
    }

    #[test]
    fn a_domain_typo_is_offered_as_a_fix() {
        let w = find("taro@gmail.con", Code::EmailDomain);
        assert_eq!(w.fix.as_deref(), Some("taro@gmail.com"));
        assert_eq!(w.level, Level::Warning);
    }

    #[test]
    fn unfinished_addresses_warn_and_broken_ones_are_errors() {
        assert_eq!(find("taro", Code::EmailFormat).level, Level::Warning);
        assert_eq!(find("taro@gmail", Code::EmailFormat).level, Level::Warning);
        assert_eq!(
            find("taro@@gmail.com", Code::EmailFormat).level,
            Level::Error
        );
    }

    #[test]
    fn letters_beside_digits_are_read_back() {
        let w = find("taro1@example.com", Code::Confusable);
        assert_eq!(w.level, Level::Info);
        let read: Vec<_> = w.readback.iter().map(|r| (r.ch.as_str(), r.name)).collect();
        assert_eq!(read, vec![("o", "ch_lower_o"), ("1", "ch_digit_1")]);
        assert!(w.fix.is_none());
    }

    #[test]
    fn impostor_letters_and_dashes_are_errors_with_a_fix() {
        let w = find("tаro@example.com", Code::Confusable);
        assert_eq!(w.level, Level::Error);
        assert_eq!(w.fix.as_deref(), Some("taro@example.com"));
        assert_eq!(w.readback[0].name, "ch_foreign_letter");
        let w = find("taroーyamada@example.com", Code::Confusable);
        assert_eq!(w.fix.as_deref(), Some("taro-yamada@example.com"));
        assert!(!codes("tаro@example.com").contains(&Code::EmailFormat));
    }
}
