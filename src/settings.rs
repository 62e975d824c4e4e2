//! What the user can switch off (options page, `chrome.storage.sync`), and
//! which warning codes each switch covers.

use serde::Serialize;

use crate::warning::{Code, Warning};

/// Read from storage by `stored::settings_from`, field by field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// Remember the last login method and date (on unless switched off).
    pub memory: bool,
    pub typing: bool,
    pub id_format: bool,
    pub confusable: bool,
    pub browser: bool,
    pub guidance: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            memory: true,
            typing: true,
            id_format: true,
            confusable: true,
            browser: true,
            guidance: true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Group {
    /// The IME, width, spaces, invisible characters, Caps Lock.
    Typing,
    /// The shape of the ID: digits, length, e-mail syntax and domain, wrong login.
    IdFormat,
    Confusable,
    Browser,
    /// Look-alike services and the failed-login checklist.
    Guidance,
}

impl Group {
    /// The setting's name in storage (camelCase, as serialized).
    pub fn key(self) -> &'static str {
        match self {
            Group::Typing => "typing",
            Group::IdFormat => "idFormat",
            Group::Confusable => "confusable",
            Group::Browser => "browser",
            Group::Guidance => "guidance",
        }
    }
}

/// The groups in the order the options page lists them, with their `_locales` labels.
pub const GROUPS: [(Group, &str); 5] = [
    (Group::Typing, "group_typing"),
    (Group::IdFormat, "group_id_format"),
    (Group::Confusable, "group_confusable"),
    (Group::Browser, "group_browser"),
    (Group::Guidance, "group_guidance"),
];

pub fn group_of(code: Code) -> Group {
    match code {
        Code::Fullwidth | Code::Whitespace | Code::Invisible | Code::CapsLock | Code::Ime => {
            Group::Typing
        }
        Code::NotDigits
        | Code::Length
        | Code::WrongLogin
        | Code::EmailFormat
        | Code::EmailDomain => Group::IdFormat,
        Code::Confusable => Group::Confusable,
        Code::BrowserNotRecommended | Code::BrowserOutdated => Group::Browser,
        Code::SimilarService | Code::LoginFailed => Group::Guidance,
    }
}

impl Settings {
    pub fn allows(&self, group: Group) -> bool {
        match group {
            Group::Typing => self.typing,
            Group::IdFormat => self.id_format,
            Group::Confusable => self.confusable,
            Group::Browser => self.browser,
            Group::Guidance => self.guidance,
        }
    }

    pub fn filter(&self, warnings: Vec<Warning>) -> Vec<Warning> {
        warnings
            .into_iter()
            .filter(|w| self.allows(group_of(w.code)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::warning::{Field, Level};

    #[test]
    fn a_switched_off_group_drops_its_codes_only() {
        let s = Settings {
            typing: false,
            ..Settings::default()
        };
        let w = |code| Warning::new(code, Field::Id, Level::Error, "x");
        let kept = s.filter(vec![
            w(Code::Fullwidth),
            w(Code::NotDigits),
            w(Code::CapsLock),
        ]);
        assert_eq!(
            kept.iter().map(|w| w.code).collect::<Vec<_>>(),
            vec![Code::NotDigits]
        );
    }
}
