//! The vocabulary of the contract (`docs/contract.md`): logins, fields,
//! warning codes and levels.

use serde::Serialize;

use crate::view::{Arg, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
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

    /// The login an ID of the wrong kind belongs to.
    pub fn other(self) -> LoginKind {
        match self {
            LoginKind::MemberService => LoginKind::MyPage,
            LoginKind::MyPage => LoginKind::MemberService,
        }
    }
}

/// A field of a login. Page-level warnings have none (`Warning::field` is
/// `None`), and the contract names their subject `page`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    Id,
    Password,
}

impl Field {
    pub const ALL: [Field; 2] = [Field::Id, Field::Password];

    /// The contract's name (`data-plh-field`).
    pub fn key(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::Password => "password",
        }
    }

    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// `data-plh-field` of a warning: its field, or `page`.
pub fn subject_key(field: Option<Field>) -> &'static str {
    field.map_or("page", Field::key)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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
    /// The field it is about; `None` for the page.
    pub field: Option<Field>,
    pub level: Level,
    /// Key in `_locales/*/messages.json`; the text itself never lives in code.
    pub message: &'static str,
    /// Substitutions for the message (`$1`, `$2` …). Never the typed value:
    /// at most one character of it, or a suggested domain.
    pub args: Vec<Arg>,
    /// The corrected value and what it changes, offered as one fix button,
    /// only where the correction is certain and passes every check.
    pub fix: Option<Correction>,
    /// The value's characters worth reading back, for when the user asks.
    /// Always empty for a password: its warnings name categories only.
    pub readback: Vec<Readback>,
}

/// A value with every certain correction applied, and the corrections in
/// words: the fix button says what it changes, never the value it sets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Correction {
    /// Held by the script in memory only (it may be a password).
    pub value: String,
    pub changes: Vec<Change>,
}

/// One kind of correction, as the button names it (「半角にする」,
/// 「l を 1 に」, 「gmail.com に直す」).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Change {
    /// Full-width letters, digits, symbols and spaces to half-width.
    Halfwidth,
    /// Spaces removed from the start, the end, or both.
    Trim { start: bool, end: bool },
    /// Zero-width and no-break characters removed.
    RemoveInvisible,
    /// A letter that stands for a digit (`l` → `1`).
    Digit { from: char, to: char },
    /// Hyphens, dots and spaces between digit groups removed.
    RemoveSeparators,
    /// Cyrillic or Greek look-alikes and foreign dashes to their ASCII twins.
    Latin,
    /// An IME's full stop or a comma where a dot belongs.
    Dots,
    /// The domain after the '@' replaced by this one.
    Domain(String),
}

impl Change {
    /// The change in words: what a fix button says.
    pub fn text(&self) -> Text {
        match self {
            Change::Halfwidth => Text::key("change_halfwidth"),
            Change::Trim {
                start: true,
                end: false,
            } => Text::key("change_trim_start"),
            Change::Trim {
                start: false,
                end: true,
            } => Text::key("change_trim_end"),
            Change::Trim { .. } => Text::key("change_trim"),
            Change::RemoveInvisible => Text::key("change_invisible"),
            Change::Digit { from, to } => Text::with(
                "change_digit",
                vec![Arg::Plain(from.to_string()), Arg::Plain(to.to_string())],
            ),
            Change::RemoveSeparators => Text::key("change_separators"),
            Change::Latin => Text::key("change_latin"),
            Change::Dots => Text::key("change_dots"),
            Change::Domain(d) => Text::with("change_domain", vec![Arg::Plain(d.clone())]),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Readback {
    pub ch: char,
    /// 1-based, counted in characters of the value as cleaned (what the user
    /// meant: no spaces at the ends, no invisible characters).
    pub position: usize,
    /// `_locales` key of the character's name.
    pub name: &'static str,
}

impl Warning {
    /// A warning about a field of a login.
    pub fn new(code: Code, field: Field, level: Level, message: &'static str) -> Self {
        Warning::about(code, Some(field), level, message)
    }

    /// A page-level warning.
    pub fn page(code: Code, level: Level, message: &'static str) -> Self {
        Warning::about(code, None, level, message)
    }

    fn about(code: Code, field: Option<Field>, level: Level, message: &'static str) -> Self {
        Warning {
            code,
            field,
            level,
            message,
            args: Vec::new(),
            fix: None,
            readback: Vec::new(),
        }
    }

    /// Plain-text substitutions.
    pub fn with_params(mut self, params: impl IntoIterator<Item = String>) -> Self {
        self.args = params.into_iter().map(Arg::Plain).collect();
        self
    }

    pub fn with_args(mut self, args: Vec<Arg>) -> Self {
        self.args = args;
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

    /// The warning's text: its message with its arguments.
    pub fn text(&self) -> Text {
        Text::with(self.message, self.args.clone())
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
        assert_eq!(subject_key(None), "page");
        assert_eq!(subject_key(Some(Field::Password)), "password");
    }

    #[test]
    fn each_change_has_its_own_words() {
        let trims = [(true, false), (false, true), (true, true)]
            .map(|(start, end)| Change::Trim { start, end }.text().key);
        assert_eq!(
            trims,
            ["change_trim_start", "change_trim_end", "change_trim"]
        );
        let digit = Change::Digit { from: 'l', to: '1' }.text();
        assert_eq!(
            digit.args,
            vec![Arg::Plain("l".into()), Arg::Plain("1".into())]
        );
    }
}
