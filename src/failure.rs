//! Whether the page reports a failed login: the site's own message, in an
//! error-styled element at the form or in an alert anywhere on the page.

use crate::text::{char_count, fold};

/// What a failure says: "is not correct", "failed", "does not match"…
const FAILURE: &[&str] = &[
    "正しくありません",
    "正しくない",
    "間違って",
    "違います",
    "誤りがあります",
    "一致しません",
    "失敗しました",
    "できませんでした",
    "ログインできません",
    "認証に失敗",
    "認証できません",
    "incorrect",
    "invalid",
    "failed",
    "wrong",
    "doesnotmatch",
    "didnotmatch",
    "couldnotlog",
    "unabletolog",
];

/// What it is about: the ID, the password, the login.
const SUBJECT: &[&str] = &[
    "id",
    "パスワード",
    "ログイン",
    "メールアドレス",
    "認証",
    "password",
    "login",
    "signin",
    "e-mail",
    "email",
];

/// A text that reports a failed login. Texts beside the form need only say
/// "failed"; texts elsewhere on the page must also say what failed.
pub fn reports_failure(text: &str, at_the_form: bool) -> bool {
    // Messages are short; a long text is page content that happens to match.
    if char_count(text) > 300 {
        return false;
    }
    let t = fold(text);
    FAILURE.iter().any(|w| t.contains(w)) && (at_the_form || SUBJECT.iter().any(|w| t.contains(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sites_own_messages() {
        for text in [
            "IDまたはパスワードが正しくありません",
            "ログインに失敗しました。",
            "メールアドレスまたはパスワードが違います",
            "マイページIDまたはパスワードに誤りがあります。",
            "The e-mail address or password is incorrect.",
            "Login failed",
        ] {
            assert!(reports_failure(text, false), "{text}");
        }
    }

    #[test]
    fn a_bare_failure_counts_only_at_the_form() {
        assert!(reports_failure("入力内容が正しくありません", true));
        assert!(!reports_failure("入力内容が正しくありません", false));
    }

    #[test]
    fn ordinary_page_text_is_not_a_failure() {
        for text in [
            "パスワードを忘れた方はこちら",
            "ログインする",
            "求人情報の掲載に誤りがある場合はお知らせください。",
            "IDとパスワードを入力してください",
        ] {
            assert!(!reports_failure(text, false), "{text}");
        }
        assert!(!reports_failure(&"ログインに失敗しました".repeat(40), true));
    }

    #[test]
    fn a_message_is_three_hundred_characters_at_most() {
        let message = |n: usize| format!("ログインに失敗しました{}", "。".repeat(n - 11));
        assert!(reports_failure(&message(300), true));
        assert!(!reports_failure(&message(301), true));
    }
}
