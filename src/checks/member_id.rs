//! The member-service ID: the e-mail address used at registration.

use crate::chars::{impostor_fix, is_my_page_id, name_key};
use crate::checks::typing::common;
use crate::checks::Analysis;
use crate::confusable::at_risk_in_id;
use crate::email::{self, SyntaxProblem};
use crate::warning::{Code, Field, Level, Readback, Warning};

pub(crate) fn analyse(value: &str) -> Analysis {
    let mut out = common(value, Field::Id);
    let cleaned = out.cleaned.clone();
    if cleaned.is_empty() {
        return out;
    }
    if is_my_page_id(&cleaned) {
        out.push(
            Warning::new(
                Code::WrongLogin,
                Field::Id,
                Level::Error,
                "w_wrong_login_id_in_member",
            ),
            false,
        );
        return out;
    }

    // Cyrillic/Greek letters and foreign dashes: certainly wrong, certainly
    // fixable. The read-back names them wherever they are, domain included.
    let chars: Vec<char> = cleaned.chars().collect();
    let readback = readback(&chars, &at_risk_in_id(&chars));
    let latin: String = chars
        .iter()
        .map(|&c| impostor_fix(c).unwrap_or(c))
        .collect();
    if latin != cleaned {
        // Every impostor has a name, so the list is never empty; should one
        // ever lack it, the message must not end on an empty list.
        let message = if readback.is_empty() {
            "w_confusable_impostor_plain"
        } else {
            "w_confusable_impostor"
        };
        out.push(
            Warning::new(Code::Confusable, Field::Id, Level::Error, message)
                .with_readback(readback),
            true,
        );
        out.corrected = latin.clone();
    } else if !readback.is_empty() {
        out.push(
            Warning::new(Code::Confusable, Field::Id, Level::Info, "w_confusable_id")
                .with_readback(readback),
            false,
        );
    }

    // Whatever is wrong, a correction that makes a well-formed address is
    // the most useful thing to say about it.
    let problem = email::syntax(&latin);
    let suggestion = email::suggest(&latin).filter(|s| email::syntax(s).is_none());
    if let Some(suggestion) = suggestion {
        let level = match problem {
            // An ending slip (".ne.j", "@gmailcom") may just be unfinished.
            None | Some(SyntaxProblem::BadTld | SyntaxProblem::DomainNoDot) => Level::Warning,
            Some(_) => Level::Error,
        };
        let w = if problem.is_some() && email::fix_dots(&latin) == suggestion {
            Warning::new(Code::EmailFormat, Field::Id, level, "w_email_dot_slip")
        } else {
            Warning::new(Code::EmailDomain, Field::Id, level, "w_email_domain")
        };
        out.push(w.with_params([suggestion.clone()]), true);
        out.corrected = suggestion;
    } else if let Some(problem) = problem {
        out.push(
            Warning::new(
                Code::EmailFormat,
                Field::Id,
                format_level(problem, &latin),
                problem.message_key(),
            ),
            false,
        );
    }
    out
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
        let Some(name) = name_key(c) else {
            continue;
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
    use crate::checks::{check, FieldInput, Keys};
    use crate::warning::LoginKind;

    fn warnings(value: &str) -> Vec<Warning> {
        check(&FieldInput {
            kind: LoginKind::MemberService,
            field: Field::Id,
            value: value.into(),
            keys: Keys::default(),
            max_length: None,
        })
    }

    fn codes(value: &str) -> Vec<Code> {
        warnings(value).into_iter().map(|w| w.code).collect()
    }

    fn find(value: &str, code: Code) -> Warning {
        warnings(value)
            .into_iter()
            .find(|w| w.code == code)
            .unwrap_or_else(|| panic!("{code:?} for {value}"))
    }

    fn fix(value: &str) -> Option<String> {
        warnings(value).into_iter().find_map(|w| w.fix)
    }

    #[test]
    fn a_plain_email_is_silent() {
        assert_eq!(codes("taro.yamada@example.co.jp"), vec![]);
        assert_eq!(codes("hanako+job@gmail.com"), vec![]);
    }

    #[test]
    fn fullwidth_characters_are_an_error_with_a_fix() {
        let w = &warnings("taro＠example.com")[0];
        assert_eq!(w.code, Code::Fullwidth);
        assert_eq!(w.level, Level::Error);
        assert_eq!(w.fix.as_deref(), Some("taro@example.com"));
        assert_eq!(w.params, vec!["taro@example.com"]);
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
    fn every_syntax_problem_with_a_well_formed_correction_passes_it_on() {
        for (typed, want, code, level) in [
            (
                "taro@gmail,com",
                "taro@gmail.com",
                Code::EmailFormat,
                Level::Error,
            ),
            (
                "taro@gmail。com",
                "taro@gmail.com",
                Code::EmailFormat,
                Level::Error,
            ),
            (
                "taro@gmail・com",
                "taro@gmail.com",
                Code::EmailFormat,
                Level::Error,
            ),
            (
                "taro@gmail･com",
                "taro@gmail.com",
                Code::EmailFormat,
                Level::Error,
            ),
            (
                "taro@docomo.ne,jp",
                "taro@docomo.ne.jp",
                Code::EmailFormat,
                Level::Error,
            ),
            (
                "taro。yamada@gmail.com",
                "taro.yamada@gmail.com",
                Code::EmailFormat,
                Level::Error,
            ),
            (
                "taro@gmail..com",
                "taro@gmail.com",
                Code::EmailDomain,
                Level::Error,
            ),
            (
                "taro@gmial,com",
                "taro@gmail.com",
                Code::EmailDomain,
                Level::Error,
            ),
            (
                "taro@gmailcom",
                "taro@gmail.com",
                Code::EmailDomain,
                Level::Warning,
            ),
            (
                "taro@ezweb.ne.j",
                "taro@ezweb.ne.jp",
                Code::EmailDomain,
                Level::Warning,
            ),
        ] {
            let w = warnings(typed);
            assert_eq!(w.len(), 1, "{typed}: {w:?}");
            assert_eq!((w[0].code, w[0].level), (code, level), "{typed}");
            assert_eq!(w[0].fix.as_deref(), Some(want), "{typed}");
            assert_eq!(w[0].params, vec![want.to_string()], "{typed}");
        }
        assert_eq!(
            find("taro@gmail,com", Code::EmailFormat).message,
            "w_email_dot_slip"
        );
    }

    #[test]
    fn a_fullwidth_comma_or_space_gets_a_fix_only_when_all_of_it_is_fixed() {
        assert_eq!(fix("taro@gmail，com").as_deref(), Some("taro@gmail.com"));
        let w = warnings("taro@gmail，com");
        assert_eq!(w[0].code, Code::Fullwidth);
        assert_eq!(w[0].message, "w_fullwidth_id_plain", "taro@gmail,com fails");
        assert_eq!(fix("taro\u{3000}@gmail.com"), None);
        assert_eq!(fix("taro yamada@gmail.com"), None);
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

    #[test]
    fn an_impostor_in_the_domain_is_read_back_too() {
        for (typed, ch) in [("taro@gmаil.com", "а"), ("taro@so─net.ne.jp", "─")] {
            let w = find(typed, Code::Confusable);
            assert_eq!(w.message, "w_confusable_impostor", "{typed}");
            let read: Vec<_> = w.readback.iter().map(|r| r.ch.as_str()).collect();
            assert_eq!(read, vec![ch], "{typed}");
        }
    }
}
