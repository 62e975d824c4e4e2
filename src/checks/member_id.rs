//! The member-service ID: the e-mail address used at registration.

use crate::ambiguous::at_risk_in_id;
use crate::chars::{impostor_fix, is_dot_slip, is_full_stop, is_my_page_id, name_key};
use crate::checks::typing::common;
use crate::checks::Analysis;
use crate::email::{self, SyntaxProblem};
use crate::view::Arg;
use crate::warning::{Change, Code, Field, Level, Readback, Warning};

pub(crate) fn analyse(value: &str) -> Analysis {
    let mut out = common(value, Field::Id);
    let cleaned = out.cleaned.clone();
    if cleaned.is_empty() {
        return out;
    }
    if is_my_page_id(&cleaned) {
        out.note(Warning::new(
            Code::WrongLogin,
            Field::Id,
            Level::Error,
            "w_wrong_login_id_in_member",
        ));
        return out;
    }

    // Cyrillic/Greek letters and foreign dashes: certainly wrong, certainly
    // fixable. Which ones and where is said only when the user asks for the
    // read-back: the message itself names none of the ID's characters.
    let chars: Vec<char> = cleaned.chars().collect();
    let readback = readback(&chars, &at_risk_in_id(&chars));
    let latin: String = chars
        .iter()
        .map(|&c| impostor_fix(c).unwrap_or(c))
        .collect();
    if latin != cleaned {
        out.correct(
            Warning::new(
                Code::Confusable,
                Field::Id,
                Level::Error,
                "w_confusable_impostor",
            )
            .with_readback(readback),
            [Change::Latin],
        );
        out.corrected = latin.clone();
    } else if !readback.is_empty() {
        out.note(
            Warning::new(Code::Confusable, Field::Id, Level::Info, "w_confusable_id")
                .with_readback(readback),
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
        let dotted = email::fix_dots(&latin);
        let slip = latin.chars().find(|&c| is_dot_slip(c) || is_full_stop(c));
        match (problem, slip) {
            // The right letters and wrong dots: name the slip, not the address.
            (Some(_), Some(slip)) if dotted == suggestion => out.correct(
                Warning::new(Code::EmailFormat, Field::Id, level, "w_email_dot_slip")
                    .with_args(vec![Arg::Plain(slip.to_string())]),
                [Change::Dots],
            ),
            _ => {
                let domain = suggestion
                    .split_once('@')
                    .map_or(String::new(), |(_, d)| d.to_string());
                let mut changes = Vec::new();
                if dotted != latin {
                    changes.push(Change::Dots);
                }
                changes.push(Change::Domain(domain.clone()));
                out.correct(
                    Warning::new(Code::EmailDomain, Field::Id, level, "w_email_domain")
                        .with_params([domain]),
                    changes,
                );
            }
        }
        out.corrected = suggestion;
    } else if let Some(problem) = problem {
        out.note(Warning::new(
            Code::EmailFormat,
            Field::Id,
            format_level(problem, &latin),
            problem.message_key(),
        ));
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

/// Each risky character with its place (1-based) and its name, in the order typed.
fn readback(chars: &[char], risky: &[usize]) -> Vec<Readback> {
    risky
        .iter()
        .filter_map(|&i| {
            Some(Readback {
                ch: chars[i],
                position: i + 1,
                name: name_key(chars[i])?,
            })
        })
        .collect()
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
        warnings(value)
            .into_iter()
            .find_map(|w| w.fix)
            .map(|f| f.value)
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
        assert_eq!(
            fix("taro＠example.com").as_deref(),
            Some("taro@example.com")
        );
        assert!(w.args.is_empty(), "the address is never repeated");
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
        assert_eq!(fix("taro@gmail.con").as_deref(), Some("taro@gmail.com"));
        assert_eq!(w.level, Level::Warning);
        assert_eq!(
            w.args,
            vec![Arg::Plain("gmail.com".into())],
            "the domain only"
        );
        assert_eq!(
            w.fix.map(|f| f.changes),
            Some(vec![Change::Domain("gmail.com".into())])
        );
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
            assert_eq!(fix(typed).as_deref(), Some(want), "{typed}");
            let local = typed.split(['@', '。']).next().unwrap();
            assert!(
                w[0].args.iter().all(|a| !format!("{a:?}").contains(local)),
                "{typed}: never the part before the '@'"
            );
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
        assert_eq!(w[0].message, "w_fullwidth_id");
        assert_eq!(fix("taro\u{3000}@gmail.com"), None);
        assert_eq!(fix("taro yamada@gmail.com"), None);
    }

    #[test]
    fn unfinished_addresses_warn_and_broken_ones_are_errors() {
        assert_eq!(find("taro", Code::EmailFormat).level, Level::Warning);
        assert_eq!(find("taro@gmail", Code::EmailFormat).level, Level::Warning);
        // A domain ending in its dot is being typed; a dot elsewhere or an
        // ending that can be no top-level domain is wrong.
        for unfinished in ["taro@example.", "taro@example.co."] {
            assert_eq!(
                find(unfinished, Code::EmailFormat).level,
                Level::Warning,
                "{unfinished}"
            );
        }
        for broken in ["taro@@gmail.com", "taro@example..jp", "taro@example.123"] {
            assert_eq!(
                find(broken, Code::EmailFormat).level,
                Level::Error,
                "{broken}"
            );
        }
    }

    #[test]
    fn letters_beside_digits_are_read_back() {
        let w = find("taro1@example.com", Code::Confusable);
        assert_eq!(w.level, Level::Info);
        let read: Vec<_> = w
            .readback
            .iter()
            .map(|r| (r.ch, r.position, r.name))
            .collect();
        assert_eq!(read, vec![('o', 4, "ch_lower_o"), ('1', 5, "ch_digit_1")]);
        assert!(w.args.is_empty());
        assert!(w.fix.is_none());
    }

    #[test]
    fn a_dot_slip_names_the_slip_and_the_dots_change() {
        let w = find("taro@gmail,com", Code::EmailFormat);
        assert_eq!(w.args, vec![Arg::Plain(",".into())]);
        assert_eq!(w.fix.map(|f| f.changes), Some(vec![Change::Dots]));
        let w = find("taro@gmial,com", Code::EmailDomain);
        assert_eq!(
            w.fix.map(|f| f.changes),
            Some(vec![Change::Dots, Change::Domain("gmail.com".into())])
        );
    }

    #[test]
    fn impostor_letters_and_dashes_are_errors_with_a_fix() {
        let w = find("tаro@example.com", Code::Confusable);
        assert_eq!(w.level, Level::Error);
        assert_eq!(fix("tаro@example.com").as_deref(), Some("taro@example.com"));
        assert_eq!(w.readback[0].name, "ch_foreign_letter");
        assert_eq!(w.readback[0].position, 2);
        assert_eq!(w.fix.map(|f| f.changes), Some(vec![Change::Latin]));
        assert_eq!(
            fix("taroーyamada@example.com").as_deref(),
            Some("taro-yamada@example.com")
        );
        assert!(!codes("tаro@example.com").contains(&Code::EmailFormat));
    }

    #[test]
    fn an_impostor_in_the_domain_is_read_back_too() {
        for (typed, ch) in [("taro@gmаil.com", "а"), ("taro@so─net.ne.jp", "─")] {
            let w = find(typed, Code::Confusable);
            assert_eq!(w.message, "w_confusable_impostor", "{typed}");
            let read: Vec<_> = w.readback.iter().map(|r| r.ch.to_string()).collect();
            assert_eq!(read, vec![ch], "{typed}");
        }
    }
}
