//! What the extension keeps in `chrome.storage`, read as it really is: the
//! user's switches in `sync` (which a newer version may have written), the
//! memory of the last login, the attempt in flight and the notices the user
//! closed in `local`. Whatever the shape, each field falls back to its
//! default on its own; a record that cannot be trusted is ignored and, where
//! it is ours to repair, removed. Nothing read here ever switches a check off
//! unless the user did.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::decode::{Raw, RawExt};
use crate::last_login::{Attempt, LastLogin, Method};
use crate::settings::{Settings, Switch};
use crate::snapshot::clip_chars;
use crate::text::char_count;
use crate::warning::Code;

/// Storage areas and the keys the extension uses in them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Area {
    Sync,
    Local,
}

pub const SETTINGS_KEY: &str = "settings";
pub const MEMORY_KEY: &str = "memory";
pub const ATTEMPT_KEY: &str = "attempt";
pub const DISMISSED_KEY: &str = "dismissed";
/// Version 0.1.0's day of the last once-a-day browser notice: no longer
/// used, removed where found.
pub const OBSOLETE_SHOWN_KEY: &str = "shown";

/// What the page reads from storage: `{sync: {settings}, local: {memory,
/// attempt, dismissed, shown}}`, keys as listed by [`KEYS`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stored {
    /// Storage has been read (until then the defaults apply and nothing is
    /// recorded or settled).
    pub known: bool,
    pub settings: Settings,
    pub memory: Option<LastLogin>,
    pub attempt: Option<Attempt>,
    /// Notices the user closed, each with the cause it had then: it stays
    /// away until its cause changes (a browser updated, then outdated again).
    pub dismissed: Dismissed,
    /// Keys of `local` records found broken or obsolete, to be removed.
    pub broken: Vec<&'static str>,
}

/// The notices closed for good, with their causes. Only codes whose notice
/// has a lasting cause are kept (the browser's); the rest close for the page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS), ts(as = "mirror::Dismissed"))]
pub struct Dismissed(pub Vec<(Code, String)>);

/// Codes whose dismissal is remembered across pages.
pub const LASTING: [Code; 2] = [Code::BrowserNotRecommended, Code::BrowserOutdated];

/// A cause is a short key (`outdated:chrome:150`): anything longer is not ours.
const MAX_CAUSE: usize = 64;

impl Dismissed {
    pub fn cause(&self, code: Code) -> Option<&str> {
        self.0
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, v)| v.as_str())
    }

    /// The record with `code` closed for `cause`.
    pub fn with(&self, code: Code, cause: &str) -> Dismissed {
        let mut out: Vec<(Code, String)> =
            self.0.iter().filter(|(c, _)| *c != code).cloned().collect();
        out.push((code, clip_chars(cause.to_string(), MAX_CAUSE)));
        Dismissed(out)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Dismissed {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("Dismissed", self.0.len())?;
        for (code, cause) in &self.0 {
            out.serialize_field(code.key(), cause)?;
        }
        out.end()
    }
}

/// The keys to read, per area: what `Stored::read` expects to be given.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Keys {
    pub sync: [&'static str; 1],
    pub local: [&'static str; 4],
}

pub const KEYS: Keys = Keys {
    sync: [SETTINGS_KEY],
    local: [MEMORY_KEY, ATTEMPT_KEY, DISMISSED_KEY, OBSOLETE_SHOWN_KEY],
};

/// A change to storage, applied by whichever script asked the core.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Effect {
    pub area: Area,
    /// Keys to set, with their values (`null` when there are none).
    pub set: Option<StoredValue>,
    /// Keys to remove.
    pub remove: Vec<&'static str>,
}

/// Values the core writes: never an ID, never a password.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum StoredValue {
    #[serde(rename = "settings")]
    Settings(Settings),
    #[serde(rename = "memory")]
    Memory(LastLogin),
    #[serde(rename = "attempt")]
    Attempt(Attempt),
    #[serde(rename = "dismissed")]
    Dismissed(Dismissed),
}

impl Effect {
    pub fn set(area: Area, value: StoredValue) -> Self {
        Effect {
            area,
            set: Some(value),
            remove: Vec::new(),
        }
    }

    pub fn remove(area: Area, keys: Vec<&'static str>) -> Self {
        Effect {
            area,
            set: None,
            remove: keys,
        }
    }
}

/// The latest day a record may carry: a little ahead of the browser's clock,
/// for time zones and clocks set slightly wrong; anything later is garbage.
const DAYS_AHEAD: i64 = 2;

impl Stored {
    /// `raw` is `{sync: {...}, local: {...}}` or `null`/missing (not read yet).
    pub fn read<R: Raw>(raw: Option<&R>, today: i64, now_ms: i64) -> Stored {
        let Some(raw) = raw.filter(|r| r.is_object()) else {
            return Stored::default();
        };
        let mut stored = Stored {
            known: true,
            ..Stored::default()
        };
        if let Some(sync) = raw.get("sync") {
            if let Some(settings) = sync.get(SETTINGS_KEY) {
                stored.settings = settings_from(&settings);
            }
        }
        let local = raw.get("local");
        let local = local.as_ref();
        if let Some(m) = local.and_then(|l| l.get(MEMORY_KEY)) {
            match memory_from(&m, today) {
                Some(memory) => stored.memory = Some(memory),
                None => stored.broken.push(MEMORY_KEY),
            }
        }
        if let Some(a) = local.and_then(|l| l.get(ATTEMPT_KEY)) {
            match attempt_from(&a, now_ms) {
                Some(attempt) => stored.attempt = Some(attempt),
                None => stored.broken.push(ATTEMPT_KEY),
            }
        }
        if let Some(d) = local.and_then(|l| l.get(DISMISSED_KEY)) {
            match dismissed_from(&d) {
                Some(dismissed) => stored.dismissed = dismissed,
                None => stored.broken.push(DISMISSED_KEY),
            }
        }
        if local.and_then(|l| l.get(OBSOLETE_SHOWN_KEY)).is_some() {
            stored.broken.push(OBSOLETE_SHOWN_KEY);
        }
        stored
    }

    /// Whether anything is remembered that the user could erase.
    pub fn remembers(&self) -> bool {
        self.memory.is_some() || self.attempt.is_some() || !self.dismissed.is_empty()
    }

    /// Forgets everything remembered (settings stay: they are the user's
    /// choice): the records are dropped here, and the effect returned erases
    /// them from storage.
    pub fn forget(&mut self) -> Effect {
        self.memory = None;
        self.attempt = None;
        self.dismissed = Dismissed::default();
        Effect::remove(
            Area::Local,
            vec![MEMORY_KEY, ATTEMPT_KEY, DISMISSED_KEY, OBSOLETE_SHOWN_KEY],
        )
    }

    /// Removing what was found broken (local records only: `sync` may hold a
    /// newer version's settings, which this version ignores but keeps).
    pub fn repairs(&self) -> Option<Effect> {
        if !self.known || self.broken.is_empty() {
            return None;
        }
        Some(Effect::remove(Area::Local, self.broken.clone()))
    }
}

/// Each switch on unless it is exactly `false`: a missing, mistyped or
/// unknown value never turns a check off.
pub fn settings_from<R: Raw>(r: &R) -> Settings {
    Switch::ALL
        .into_iter()
        .fold(Settings::default(), |s, switch| {
            s.with(switch, r.bool_or(switch.key(), true))
        })
}

fn memory_from<R: Raw>(r: &R, today: i64) -> Option<LastLogin> {
    let method = Method::from_key(&r.get("method")?.string()?)?;
    let date = r
        .int("date")
        .filter(|d| *d >= 0 && *d <= today + DAYS_AHEAD)?;
    Some(LastLogin { method, date })
}

fn attempt_from<R: Raw>(r: &R, now_ms: i64) -> Option<Attempt> {
    let method = Method::from_key(&r.get("method")?.string()?)?;
    let at = r
        .int("at")
        .filter(|at| *at >= 0 && *at <= now_ms.saturating_add(DAYS_AHEAD * 86_400_000))?;
    Some(Attempt { method, at })
}

/// The closed notices: an object of causes by code; anything else is broken.
fn dismissed_from<R: Raw>(r: &R) -> Option<Dismissed> {
    if !r.is_object() {
        return None;
    }
    let mut out = Vec::new();
    for code in LASTING {
        if let Some(v) = r.get(code.key()) {
            let cause = v.string().filter(|c| char_count(c) <= MAX_CAUSE)?;
            out.push((code, cause));
        }
    }
    Some(Dismissed(out))
}

/// What the scripts send and see of storage, for the wire's declarations
/// (`crate::wire`): the shape of the hand-written `Serialize` of
/// [`Dismissed`], and what [`Stored::read`] reads (held to it by the tests
/// below).
#[cfg(test)]
pub(crate) mod mirror {
    use serde::Serialize;
    use ts_rs::TS;

    use crate::last_login::{Attempt, LastLogin};
    use crate::settings::Settings;

    /// The notices closed for good: the cause each had then, by code (only
    /// the codes whose cause lasts).
    #[derive(Default, Serialize, TS)]
    pub struct Dismissed {
        #[serde(rename = "browser-not-recommended")]
        #[ts(optional)]
        pub browser_not_recommended: Option<String>,
        #[serde(rename = "browser-outdated")]
        #[ts(optional)]
        pub browser_outdated: Option<String>,
    }

    /// Storage as the script read it, under the keys `start` names (`null`
    /// until it is read). What the core wrote is read back as it was;
    /// anything else falls back field by field.
    #[derive(Serialize, TS)]
    #[ts(optional_fields = nullable)]
    pub struct Stored {
        pub sync: Option<SyncStored>,
        pub local: Option<LocalStored>,
    }

    #[derive(Serialize, TS)]
    #[ts(optional_fields = nullable)]
    pub struct SyncStored {
        pub settings: Option<Settings>,
    }

    #[derive(Serialize, TS)]
    #[ts(optional_fields = nullable)]
    pub struct LocalStored {
        pub memory: Option<LastLogin>,
        pub attempt: Option<Attempt>,
        pub dismissed: Option<super::Dismissed>,
        /// Version 0.1.0's record: removed wherever it is found.
        #[ts(type = "unknown", optional)]
        pub shown: Option<u8>,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const TODAY: i64 = 20_419;
    const NOW: i64 = TODAY * 86_400_000;

    fn read(v: serde_json::Value) -> Stored {
        Stored::read(Some(&v), TODAY, NOW)
    }

    #[test]
    fn nothing_read_yet_means_defaults_and_no_records() {
        let s = Stored::read::<serde_json::Value>(None, TODAY, NOW);
        assert!(!s.known);
        assert_eq!(s.settings, Settings::default());
        assert_eq!(s.repairs(), None);
    }

    #[test]
    fn everything_is_on_by_default_even_when_fields_are_missing() {
        let s = settings_from(&json!({"browser": false}));
        assert_eq!(s, Settings::default().with(Switch::Browser, false));
    }

    #[test]
    fn an_unexpected_setting_never_switches_checks_off() {
        let s = read(json!({"sync": {"settings": {
            "browser": "auto", "typing": 0, "idFormat": null, "confusable": false,
            "futureSwitch": true, "version": 2
        }}}));
        assert_eq!(
            s.settings,
            Settings::default().with(Switch::Confusable, false)
        );
        for garbage in [
            json!(7),
            json!("x"),
            json!([false]),
            json!({"settings": [1]}),
        ] {
            let s = read(json!({ "sync": { "settings": garbage } }));
            assert_eq!(s.settings, Settings::default());
            assert!(s.known);
        }
    }

    #[test]
    fn a_broken_memory_is_ignored_and_removed() {
        for memory in [
            json!({"method": "line", "date": TODAY + 400}),
            json!({"method": "carrier-pigeon", "date": TODAY}),
            json!({"method": "line", "date": "yesterday"}),
            json!({"method": "line", "date": 1.5}),
            json!({"method": "line", "date": -3}),
            json!("line"),
            json!([]),
        ] {
            let s = read(json!({ "local": { "memory": memory } }));
            assert_eq!(s.memory, None, "{memory}");
            assert_eq!(
                s.repairs(),
                Some(Effect::remove(Area::Local, vec![MEMORY_KEY]))
            );
        }
        let s =
            read(json!({"local": {"memory": {"method": "line", "date": TODAY - 3, "extra": 1}}}));
        assert_eq!(
            s.memory,
            Some(LastLogin {
                method: Method::Line,
                date: TODAY - 3
            })
        );
        assert_eq!(s.repairs(), None);
    }

    #[test]
    fn attempts_from_the_future_are_dropped() {
        let s =
            read(json!({"local": {"attempt": {"method": "my-page", "at": NOW + 10 * 86_400_000}}}));
        assert_eq!(s.attempt, None);
        let s = read(json!({"local": {"attempt": {"method": "my-page", "at": NOW - 1000}}}));
        assert_eq!(s.attempt.map(|a| a.method), Some(Method::MyPage));
    }

    #[test]
    fn closed_notices_keep_their_cause_and_garbage_is_removed() {
        let s = read(json!({"local": {"dismissed": {
            "browser-outdated": "outdated:chrome:150", "similar-service": "x", "other": 3
        }}}));
        assert_eq!(
            s.dismissed.cause(Code::BrowserOutdated),
            Some("outdated:chrome:150")
        );
        assert_eq!(
            s.dismissed.cause(Code::SimilarService),
            None,
            "closed for the page only"
        );
        assert_eq!(s.repairs(), None);
        for garbage in [
            json!("x"),
            json!([1]),
            json!({"browser-outdated": 7}),
            json!({"browser-outdated": "x".repeat(65)}),
        ] {
            let s = read(json!({"local": {"dismissed": garbage}}));
            assert!(s.dismissed.is_empty());
            assert_eq!(
                s.repairs(),
                Some(Effect::remove(Area::Local, vec![DISMISSED_KEY]))
            );
        }
        let d = Dismissed::default()
            .with(Code::BrowserOutdated, "a")
            .with(Code::BrowserOutdated, "b");
        assert_eq!(
            d.0,
            vec![(Code::BrowserOutdated, "b".to_string())],
            "one cause per code"
        );
        assert_eq!(
            serde_json::to_value(&d).unwrap(),
            json!({"browser-outdated": "b"})
        );
    }

    #[test]
    fn version_0_1_0s_once_a_day_record_is_removed_and_nothing_else() {
        let s = read(json!({"local": {"shown": {"onceADay": TODAY},
            "memory": {"method": "line", "date": TODAY - 1}}}));
        assert!(s.memory.is_some());
        assert_eq!(
            s.repairs(),
            Some(Effect::remove(Area::Local, vec![OBSOLETE_SHOWN_KEY]))
        );
    }

    #[test]
    fn forgetting_erases_every_record_and_keeps_the_settings() {
        let mut s = read(json!({"sync": {"settings": {"typing": false}}, "local": {
            "memory": {"method": "line", "date": TODAY},
            "dismissed": {"browser-outdated": "x"}}}));
        assert!(s.remembers());
        let e = s.forget();
        assert!(!s.remembers());
        assert!(!s.settings.is_on(Switch::Typing));
        assert_eq!(e.remove.len(), 4);
    }

    #[test]
    fn the_declared_dismissed_is_what_is_serialized() {
        // The declaration is written by hand (`mirror::Dismissed`): one
        // optional key per lasting code, its cause a string.
        let all = LASTING
            .iter()
            .fold(Dismissed::default(), |d, code| d.with(*code, "cause"));
        let declared = mirror::Dismissed {
            browser_not_recommended: Some("cause".into()),
            browser_outdated: Some("cause".into()),
        };
        assert_eq!(
            serde_json::to_value(&all).unwrap(),
            serde_json::to_value(&declared).unwrap()
        );
        assert_eq!(
            serde_json::to_value(Dismissed::default()).unwrap(),
            json!({})
        );
    }

    #[test]
    fn the_stored_mirror_is_what_the_reader_reads() {
        // Every field of `mirror::Stored` set: each is read as it was written.
        let settings = Settings::default().with(Switch::Typing, false);
        let memory = LastLogin {
            method: Method::Line,
            date: TODAY - 1,
        };
        let attempt = Attempt {
            method: Method::MyPage,
            at: NOW - 1000,
        };
        let dismissed = Dismissed::default().with(Code::BrowserOutdated, "outdated:chrome:150");
        let full = mirror::Stored {
            sync: Some(mirror::SyncStored {
                settings: Some(settings),
            }),
            local: Some(mirror::LocalStored {
                memory: Some(memory),
                attempt: Some(attempt),
                dismissed: Some(dismissed.clone()),
                shown: Some(1),
            }),
        };
        let s = read(serde_json::to_value(&full).unwrap());
        assert_eq!(
            (
                s.known,
                s.settings,
                s.memory,
                s.attempt,
                s.dismissed,
                s.broken
            ),
            (
                true,
                settings,
                Some(memory),
                Some(attempt),
                dismissed,
                vec![OBSOLETE_SHOWN_KEY]
            )
        );
        // Every field is optional (`null` or missing): the defaults.
        let empty = |v: serde_json::Value| {
            let s = read(v);
            assert!(s.known && s.settings == Settings::default() && !s.remembers());
            assert_eq!(s.repairs(), None);
        };
        empty(
            serde_json::to_value(mirror::Stored {
                sync: Some(mirror::SyncStored { settings: None }),
                local: Some(mirror::LocalStored {
                    memory: None,
                    attempt: None,
                    dismissed: None,
                    shown: None,
                }),
            })
            .unwrap(),
        );
        empty(
            serde_json::to_value(mirror::Stored {
                sync: None,
                local: None,
            })
            .unwrap(),
        );
        empty(json!({}));
    }
}
