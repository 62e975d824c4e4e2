//! The vocabulary of the contract (`docs/contract.md`): logins, fields,
//! warning codes and levels.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LoginKind {
    /// 会員サービス: e-mail address (or an SNS account) + password.
    MemberService,
    /// マイページ: 7-digit half-width My Page ID + password.
    MyPage,
}

impl LoginKind {
    /// The contract's name for the login (`data-plh-kind`).
    pub fn key(self) -> &'static str {
        match self {
            LoginKind::MemberService => "member-service",
            LoginKind::MyPage => "my-page",
        }
    }

    pub fn from_key(key: &str) -> Option<LoginKind> {
        [LoginKind::MemberService, LoginKind::MyPage]
            .into_iter()
            .find(|k| k.key() == key)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    Id,
    Password,
    /// Page-level guidance, not tied to a field.
    Page,
}

impl Field {
    /// The contract's name (`data-plh-field`).
    pub fn key(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Password => "password",
            Field::Page => "page",
        }
    }

    /// The login field a key names: `id` or `password`. `page` names no
    /// field of a login, so it gives `None`, as any other key does.
    pub fn from_key(key: &str) -> Option<Field> {
        [Field::Id, Field::Password]
            .into_iter()
            .find(|f| f.key() == key)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    Fullwidth,
    Whitespace,
    Invisible,
    NotDigits,
    Length,
    WrongLogin,
    EmailFormat,
    EmailDomain,
    Confusable,
    CapsLock,
    Ime,
    BrowserNotRecommended,
    BrowserOutdated,
    SimilarService,
    LoginFailed,
}

impl Code {
    pub const ALL: [Code; 15] = [
        Code::Fullwidth,
        Code::Whitespace,
        Code::Invisible,
        Code::NotDigits,
        Code::Length,
        Code::WrongLogin,
        Code::EmailFormat,
        Code::EmailDomain,
        Code::Confusable,
        Code::CapsLock,
        Code::Ime,
        Code::BrowserNotRecommended,
        Code::BrowserOutdated,
        Code::SimilarService,
        Code::LoginFailed,
    ];

    /// The contract's name (`data-plh-warning`).
    pub fn key(self) -> &'static str {
        match self {
            Code::Fullwidth => "fullwidth",
            Code::Whitespace => "whitespace",
            Code::Invisible => "invisible",
            Code::NotDigits => "not-digits",
            Code::Length => "length",
            Code::WrongLogin => "wrong-login",
            Code::EmailFormat => "email-format",
            Code::EmailDomain => "email-domain",
            Code::Confusable => "confusable",
            Code::CapsLock => "caps-lock",
            Code::Ime => "ime",
            Code::BrowserNotRecommended => "browser-not-recommended",
            Code::BrowserOutdated => "browser-outdated",
            Code::SimilarService => "similar-service",
            Code::LoginFailed => "login-failed",
        }
    }

    pub fn from_key(key: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.key() == key)
    }

    /// Codes about the keystroke itself, true whatever comes next: shown as
    /// typed. Every other field code judges a value, which is only fair once
    /// the value is complete (reward early, punish late).
    pub fn is_instant(self) -> bool {
        matches!(
            self,
            Code::Fullwidth | Code::Invisible | Code::CapsLock | Code::Ime
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// Worth a look.
    Info,
    /// Probably wrong.
    Warning,
    /// Certainly wrong: this login will fail.
    Error,
}

impl Level {
    /// The contract's name (`data-plh-level`).
    pub fn key(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    pub code: Code,
    pub field: Field,
    pub level: Level,
    /// Key in `_locales/*/messages.json`; the text itself never lives in code.
    pub message: &'static str,
    /// Substitutions for the message (`$1`, `$2` …).
    pub params: Vec<String>,
    /// The corrected value, offered as a fix button, only where the correction
    /// is certain.
    pub fix: Option<String>,
    /// Characters of an ID named in words, for comparing with the user's note.
    /// Always empty for a password: its warnings name categories only.
    pub readback: Vec<Readback>,
    /// `_locales` keys of the checklist a page-level warning shows, in order.
    pub checklist: Vec<&'static str>,
    /// A page this warning points to (Pasona Career itself, from a look-alike).
    pub href: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Readback {
    pub ch: String,
    /// `_locales` key of the character's name.
    pub name: &'static str,
}

impl Warning {
    pub fn new(code: Code, field: Field, level: Level, message: &'static str) -> Self {
        Warning {
            code,
            field,
            level,
            message,
            params: Vec::new(),
            fix: None,
            readback: Vec::new(),
            checklist: Vec::new(),
            href: None,
        }
    }

    pub fn with_params(mut self, params: impl IntoIterator<Item = String>) -> Self {
        self.params = params.into_iter().collect();
        self
    }

    pub fn with_message(mut self, message: &'static str) -> Self {
        self.message = message;
        self
    }

    pub fn with_readback(mut self, readback: Vec<Readback>) -> Self {
        self.readback = readback;
        self
    }

    pub fn with_checklist(mut self, checklist: Vec<&'static str>) -> Self {
        self.checklist = checklist;
        self
    }

    pub fn with_href(mut self, href: &'static str) -> Self {
        self.href = Some(href);
        self
    }

    pub fn with_fix(mut self, fix: Option<String>) -> Self {
        self.fix = fix;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_login_field_is_read_from_its_key() {
        assert_eq!(Field::from_key("id"), Some(Field::Id));
        assert_eq!(Field::from_key("password"), Some(Field::Password));
        for key in ["page", "ID", "", "pass"] {
            assert_eq!(Field::from_key(key), None, "{key}");
        }
    }
}
