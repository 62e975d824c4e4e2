//! What the extension keeps in `chrome.storage`, read as it really is: the
//! user's switches in `sync` (which a newer version may have written), the
//! memory of the last login and the attempt in flight in `local`. Whatever
//! the shape, each field falls back to its default on its own; a record that
//! cannot be trusted is ignored and, where it is ours to repair, removed.
//! Nothing read here ever switches a check off unless the user did.

use serde::Serialize;

use crate::memory::{Attempt, Memory, Method};
use crate::raw::{Raw, RawExt};
use crate::settings::Settings;

/// Storage areas and the keys the extension uses in them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Area {
    Sync,
    Local,
}

pub const SETTINGS_KEY: &str = "settings";
pub const MEMORY_KEY: &str = "memory";
pub const ATTEMPT_KEY: &str = "attempt";
pub const SHOWN_KEY: &str = "shown";

/// What the page reads from storage: `{sync: {settings}, local: {memory,
/// attempt, shown}}`, keys as listed by [`keys`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stored {
    /// Storage has been read (until then the defaults apply and nothing is
    /// recorded or settled).
    pub known: bool,
    pub settings: Settings,
    pub memory: Option<Memory>,
    pub attempt: Option<Attempt>,
    /// Day (since 1970-01-01) the once-a-day browser notice was last shown.
    pub once_a_day_shown: Option<i64>,
    /// Keys of `local` records found broken, to be removed.
    pub broken: Vec<&'static str>,
}

/// The keys to read, per area: what `Stored::read` expects to be given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Keys {
    pub sync: [&'static str; 1],
    pub local: [&'static str; 3],
}

pub const KEYS: Keys = Keys {
    sync: [SETTINGS_KEY],
    local: [MEMORY_KEY, ATTEMPT_KEY, SHOWN_KEY],
};

/// A change to storage, applied by whichever script asked the core.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Effect {
    pub area: Area,
    /// Keys to set, with their values (`null` when there are none).
    pub set: Option<StoredValue>,
    /// Keys to remove.
    pub remove: Vec<&'static str>,
}

/// Values the core writes: never an ID, never a password.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum StoredValue {
    #[serde(rename = "settings")]
    Settings(Settings),
    #[serde(rename = "memory")]
    Memory(Memory),
    #[serde(rename = "attempt")]
    Attempt(Attempt),
    #[serde(rename = "shown")]
    Shown(Shown),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Shown {
    pub once_a_day: i64,
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
        if let Some(s) = local.and_then(|l| l.get(SHOWN_KEY)) {
            match s.int("onceADay").filter(|d| *d <= today + DAYS_AHEAD) {
                Some(day) => stored.once_a_day_shown = Some(day),
                None => stored.broken.push(SHOWN_KEY),
            }
        }
        stored
    }

    /// Forgets everything remembered (settings stay: they are the user's
    /// choice): the records are dropped here, and the effect returned erases
    /// them from storage.
    pub fn forget(&mut self) -> Effect {
        self.memory = None;
        self.attempt = None;
        self.once_a_day_shown = None;
        Effect::remove(Area::Local, vec![MEMORY_KEY, ATTEMPT_KEY, SHOWN_KEY])
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
    let on = Settings::default();
    Settings {
        memory: r.bool_or("memory", on.memory),
        typing: r.bool_or("typing", on.typing),
        id_format: r.bool_or("idFormat", on.id_format),
        confusable: r.bool_or("confusable", on.confusable),
        browser: r.bool_or("browser", on.browser),
        guidance: r.bool_or("guidance", on.guidance),
    }
}

fn memory_from<R: Raw>(r: &R, today: i64) -> Option<Memory> {
    let method = Method::from_key(&r.get("method")?.string()?)?;
    let date = r
        .int("date")
        .filter(|d| *d >= 0 && *d <= today + DAYS_AHEAD)?;
    Some(Memory { method, date })
}

fn attempt_from<R: Raw>(r: &R, now_ms: i64) -> Option<Attempt> {
    let method = Method::from_key(&r.get("method")?.string()?)?;
    let at = r
        .int("at")
        .filter(|at| *at >= 0 && *at <= now_ms.saturating_add(DAYS_AHEAD * 86_400_000))?;
    Some(Attempt { method, at })
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
        assert!(s.memory && s.typing && s.id_format && s.confusable && s.guidance);
        assert!(!s.browser);
    }

    #[test]
    fn an_unexpected_setting_never_switches_checks_off() {
        let s = read(json!({"sync": {"settings": {
            "browser": "auto", "typing": 0, "idFormat": null, "confusable": false,
            "futureSwitch": true, "version": 2
        }}}));
        assert_eq!(
            s.settings,
            Settings {
                confusable: false,
                ..Settings::default()
            }
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
            Some(Memory {
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
}
