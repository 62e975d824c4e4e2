//! The member-service ID: the e-mail address used at registration.

use crate::checks::my_page_id::LENGTH;
use crate::text::{halfwidth, has_fullwidth};
use crate::warning::{Code, Field, Level, Warning};

pub fn check(value: &str) -> Vec<Warning> {
    let half = halfwidth(value);
    let mut warnings = Vec::new();
    if has_fullwidth(value) {
        warnings.push(
            Warning::new(Code::Fullwidth, Field::Id, Level::Error, "w_fullwidth_id")
                .with_params([half.clone()])
                .with_fix(Some(half.clone())),
        );
    }
    let trimmed = half.trim();
    if trimmed.len() == LENGTH && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        warnings.push(Warning::new(
            Code::WrongLogin,
            Field::Id,
            Level::Error,
            "w_wrong_login_id_in_member",
        ));
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(value: &str) -> Vec<Code> {
        check(value).into_iter().map(|w| w.code).collect()
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
        assert_eq!(codes("123456"), vec![]);
        assert_eq!(codes("12345678"), vec![]);
    }
}
