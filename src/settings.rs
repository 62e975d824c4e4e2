//! What the user can switch off (options page, `chrome.storage.sync`), and
//! which warning codes each switch covers. The switches' names are written
//! once, here ([`Switch::key`]): storage, the options page and the answers all
//! take them from this table.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::warning::{Code, Warning};

/// One switch of the options page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Switch {
    /// Remember the last login method and date.
    Memory,
    /// The IME, width, spaces, invisible characters, Caps Lock.
    Typing,
    /// The shape of the ID: digits, length, e-mail syntax and domain, wrong login.
    IdFormat,
    Confusable,
    Browser,
    /// Look-alike services and the failed-login checklist.
    Guidance,
}

impl Switch {
    pub const ALL: [Switch; 6] = [
        Switch::Memory,
        Switch::Typing,
        Switch::IdFormat,
        Switch::Confusable,
        Switch::Browser,
        Switch::Guidance,
    ];

    /// The switches that hide groups of warnings, in the order the options
    /// page lists them, with their `_locales` labels.
    pub const CHECKS: [(Switch, &'static str); 5] = [
        (Switch::Typing, "group_typing"),
        (Switch::IdFormat, "group_id_format"),
        (Switch::Confusable, "group_confusable"),
        (Switch::Browser, "group_browser"),
        (Switch::Guidance, "group_guidance"),
    ];

    /// The setting's name in storage and on the options page.
    pub fn key(self) -> &'static str {
        match self {
            Switch::Memory => "memory",
            Switch::Typing => "typing",
            Switch::IdFormat => "idFormat",
            Switch::Confusable => "confusable",
            Switch::Browser => "browser",
            Switch::Guidance => "guidance",
        }
    }

    pub fn from_key(key: &str) -> Option<Switch> {
        Switch::ALL.into_iter().find(|s| s.key() == key)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Every switch, on unless the user turned it off. Read from storage by
/// `stored::settings_from`, switch by switch; written as
/// `{memory: true, typing: true, …}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS), ts(as = "mirror::Settings"))]
pub struct Settings {
    on: [bool; Switch::ALL.len()],
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            on: [true; Switch::ALL.len()],
        }
    }
}

impl Settings {
    pub fn is_on(&self, switch: Switch) -> bool {
        self.on[switch.index()]
    }

    pub fn with(mut self, switch: Switch, on: bool) -> Settings {
        self.on[switch.index()] = on;
        self
    }

    /// Whether the last login is remembered.
    pub fn memory(&self) -> bool {
        self.is_on(Switch::Memory)
    }

    pub fn allows(&self, code: Code) -> bool {
        self.is_on(switch_of(code))
    }

    pub fn filter(&self, warnings: Vec<Warning>) -> Vec<Warning> {
        warnings
            .into_iter()
            .filter(|w| self.allows(w.code))
            .collect()
    }
}

impl Serialize for Settings {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("Settings", Switch::ALL.len())?;
        for switch in Switch::ALL {
            out.serialize_field(switch.key(), &self.is_on(switch))?;
        }
        out.end()
    }
}

/// The switch that hides a code.
pub fn switch_of(code: Code) -> Switch {
    match code {
        Code::Fullwidth | Code::Whitespace | Code::Invisible | Code::CapsLock | Code::Ime => {
            Switch::Typing
        }
        Code::NotDigits
        | Code::Length
        | Code::WrongLogin
        | Code::EmailFormat
        | Code::EmailDomain => Switch::IdFormat,
        Code::Confusable => Switch::Confusable,
        Code::BrowserNotRecommended | Code::BrowserOutdated => Switch::Browser,
        Code::SimilarService | Code::LoginFailed => Switch::Guidance,
    }
}

/// The shape of what the scripts see of the hand-written `Serialize` above,
/// for the wire's declarations (`crate::wire`): one boolean per switch.
#[cfg(test)]
pub(crate) mod mirror {
    /// Every switch, `true` when on (as stored in `chrome.storage.sync` and
    /// as written by the core's effects).
    #[derive(Default, serde::Serialize, ts_rs::TS)]
    #[serde(rename_all = "camelCase")]
    pub struct Settings {
        pub memory: bool,
        pub typing: bool,
        pub id_format: bool,
        pub confusable: bool,
        pub browser: bool,
        pub guidance: bool,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::warning::{Field, Level};

    #[test]
    fn a_switched_off_group_drops_its_codes_only() {
        let s = Settings::default().with(Switch::Typing, false);
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

    #[test]
    fn each_switch_has_its_own_key_and_reads_back() {
        for s in Switch::ALL {
            assert_eq!(Switch::from_key(s.key()), Some(s));
            assert!(!Settings::default().with(s, false).is_on(s));
            for other in Switch::ALL.into_iter().filter(|o| *o != s) {
                assert!(Settings::default().with(s, false).is_on(other));
            }
        }
        assert_eq!(Switch::from_key("idformat"), None);
    }

    #[test]
    fn every_code_has_a_switch_and_every_check_switch_a_code() {
        for (switch, _) in Switch::CHECKS {
            assert!(Code::ALL.into_iter().any(|c| switch_of(c) == switch));
        }
        assert!(Code::ALL
            .into_iter()
            .all(|c| switch_of(c) != Switch::Memory));
    }

    #[test]
    fn settings_are_stored_under_the_switches_keys() {
        let v = serde_json::to_value(Settings::default().with(Switch::IdFormat, false)).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"memory": true, "typing": true, "idFormat": false,
                "confusable": true, "browser": true, "guidance": true})
        );
    }

    #[test]
    fn the_declared_settings_are_what_is_serialized() {
        // The declaration is written by hand (`mirror::Settings`): it must
        // name the keys the `Serialize` above writes, each a boolean.
        let shape = |v: serde_json::Value| -> Vec<(String, bool)> {
            let mut keys: Vec<(String, bool)> = v
                .as_object()
                .expect("an object")
                .iter()
                .map(|(k, v)| (k.clone(), v.is_boolean()))
                .collect();
            keys.sort();
            keys
        };
        let written = shape(serde_json::to_value(Settings::default()).unwrap());
        assert_eq!(written.len(), Switch::ALL.len());
        assert_eq!(
            written,
            shape(serde_json::to_value(mirror::Settings::default()).unwrap())
        );
    }
}
