//! What happened on the page, as the content script forwards it: the raw
//! facts of the DOM event (its type, `inputType`, how much was inserted),
//! never a conclusion. What they mean is decided in `timing` and `attempt`.

use crate::decode::{DecodeError, Raw, RawExt};
use crate::snapshot::{clip_chars, clip_text, PageSnapshot, LIMITS};
use crate::warning::{Code, Field};

#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The page was read (first scan, a DOM change, a rescan after a submit).
    Scan { page: Box<PageSnapshot> },
    /// Storage was read for the first time, or changed.
    Stored,
    /// Something happened in a field of a login.
    Field {
        login: usize,
        field: Field,
        dom: DomEvent,
    },
    /// A click on a control (button, link, `role=button`), inside a login's
    /// area or not.
    Control {
        login: Option<usize>,
        control: Control,
    },
    /// A form was submitted.
    Submit {
        login: Option<usize>,
        submitter: Option<Control>,
    },
    /// Buttons the core drew were pressed.
    ReadBack { login: usize },
    /// A fix was applied: the value it set (sent with the event) is complete.
    Fixed {
        code: Code,
        login: usize,
        field: Field,
    },
    /// A page notice was closed.
    Dismiss { code: Code },
    /// The person asked to go to another login of the page.
    GoTo { login: usize },
    /// The popup asks what the page shows.
    Status,
    /// The popup asks for the report on the page (read again just now).
    Report { page: Box<PageSnapshot> },
}

/// A DOM event on a field, as observed. Only events a person made reach the
/// core (the script drops every event whose `isTrusted` is false).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DomEvent {
    /// `input`, `change`, `blur`, `compositionstart`, `compositionupdate`,
    /// `compositionend`, `keydown`, `keyup`.
    pub kind: String,
    /// `InputEvent.inputType` (empty when the event had none: the browser's
    /// autofill set the value).
    pub input_type: String,
    /// Characters in `InputEvent.data`.
    pub inserted: usize,
    /// An input method composition is in progress (`isComposing`, or
    /// between `compositionstart` and `compositionend`).
    pub composing: bool,
}

/// A clicked control, as a person sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Control {
    /// Lower-case tag name.
    pub tag: String,
    /// Lower-case `type` attribute.
    pub kind: String,
    /// `role` attribute.
    pub role: String,
    pub label: String,
}

/// The current values of one login's fields, sent with every event so that
/// each answer can judge every field the page shows. A value is read up to
/// `LIMITS.value` + 1 characters: one more than the limit is enough for
/// every check to find it too long, and nothing longer is ever handled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Values {
    pub login: usize,
    pub id: Option<String>,
    pub password: Option<String>,
    /// Caps Lock, as the last key event in the login's fields reported it.
    pub caps_lock: bool,
}

impl Event {
    pub fn read<R: Raw>(r: &R) -> Result<Event, DecodeError> {
        let kind = r
            .get("type")
            .and_then(|t| t.string())
            .ok_or_else(|| DecodeError::missing("event.type"))?;
        let login = |required: bool| -> Result<Option<usize>, DecodeError> {
            match r.int("login").and_then(|n| usize::try_from(n).ok()) {
                None if required => Err(DecodeError::missing("event.login")),
                n => Ok(n),
            }
        };
        Ok(match kind.as_str() {
            "scan" => Event::Scan {
                page: Box::new(PageSnapshot::read(
                    &r.get("page")
                        .ok_or_else(|| DecodeError::missing("event.page"))?,
                )),
            },
            "stored" => Event::Stored,
            "field" => Event::Field {
                login: login(true)?.unwrap_or_default(),
                field: Field::from_key(&r.str_or_empty("field"))
                    .ok_or_else(|| DecodeError::missing("event.field"))?,
                dom: DomEvent {
                    kind: r.str_or_empty("event"),
                    input_type: r.str_or_empty("inputType"),
                    inserted: r
                        .int("inserted")
                        .and_then(|n| usize::try_from(n).ok())
                        .unwrap_or(0),
                    composing: r.bool_or("composing", false),
                },
            },
            "control" => Event::Control {
                login: login(false)?,
                control: r
                    .get("control")
                    .map(|c| Control::read(&c))
                    .ok_or_else(|| DecodeError::missing("event.control"))?,
            },
            "submit" => Event::Submit {
                login: login(false)?,
                submitter: r.get("submitter").map(|c| Control::read(&c)),
            },
            "press" => {
                let press = r
                    .get("press")
                    .ok_or_else(|| DecodeError::missing("event.press"))?;
                let code = |p: &R| {
                    p.get("code")
                        .and_then(|c| c.string())
                        .and_then(|c| Code::from_key(&c))
                        .ok_or_else(|| DecodeError::missing("event.press.code"))
                };
                if let Some(p) = press.get("readBack") {
                    Event::ReadBack {
                        login: p
                            .int("login")
                            .and_then(|n| usize::try_from(n).ok())
                            .ok_or_else(|| DecodeError::missing("event.press.readBack.login"))?,
                    }
                } else if let Some(p) = press.get("dismiss") {
                    Event::Dismiss { code: code(&p)? }
                } else if let Some(p) = press.get("goTo") {
                    Event::GoTo {
                        login: p
                            .int("login")
                            .and_then(|n| usize::try_from(n).ok())
                            .ok_or_else(|| DecodeError::missing("event.press.goTo.login"))?,
                    }
                } else if let Some(p) = press.get("fix") {
                    Event::Fixed {
                        code: code(&p)?,
                        login: p
                            .int("login")
                            .and_then(|n| usize::try_from(n).ok())
                            .ok_or_else(|| DecodeError::missing("event.press.fix.login"))?,
                        field: Field::from_key(&p.str_or_empty("field"))
                            .ok_or_else(|| DecodeError::missing("event.press.fix.field"))?,
                    }
                } else {
                    return Err(DecodeError::missing("event.press"));
                }
            }
            "status" => Event::Status,
            "report" => Event::Report {
                page: Box::new(PageSnapshot::read(
                    &r.get("page")
                        .ok_or_else(|| DecodeError::missing("event.page"))?,
                )),
            },
            _ => return Err(DecodeError::unknown("event.type", &kind)),
        })
    }
}

impl Control {
    fn read<R: Raw>(r: &R) -> Control {
        let short = |key: &str| clip_text(r.str_or_empty(key));
        Control {
            tag: short("tag").to_ascii_lowercase(),
            kind: short("type").to_ascii_lowercase(),
            role: short("role").to_ascii_lowercase(),
            label: short("label"),
        }
    }

    /// Sends its form (and so tries to log in) when pressed.
    pub fn submits(&self) -> bool {
        match self.tag.as_str() {
            "button" => !matches!(self.kind.as_str(), "button" | "reset"),
            "input" => matches!(self.kind.as_str(), "submit" | "image"),
            _ => false,
        }
    }

    /// Something pressed rather than followed: a page may answer it with a
    /// message (a failed login) without loading a new page.
    pub fn is_button(&self) -> bool {
        self.tag == "button"
            || (self.tag == "input" && matches!(self.kind.as_str(), "submit" | "image" | "button"))
            || self.role == "button"
    }
}

impl Values {
    pub fn read_all<R: Raw>(r: &R) -> Vec<Values> {
        r.list("values", LIMITS.areas, |v| {
            Some(Values {
                login: v.int("login").and_then(|n| usize::try_from(n).ok())?,
                id: v.get("id").and_then(|s| s.string()).map(value),
                password: v.get("password").and_then(|s| s.string()).map(value),
                caps_lock: v.bool_or("capsLock", false),
            })
        })
        .into_iter()
        .flatten()
        .collect()
    }
}

/// A field's value as far as the core reads it.
fn value(s: String) -> String {
    clip_chars(s, LIMITS.value + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_are_read_up_to_one_past_the_limit() {
        let long = "1".repeat(20_000);
        let v = Values::read_all(&json!({"values": [{"login": 0, "id": long, "password": "x"}]}));
        assert_eq!(
            v[0].id.as_ref().map(|s| s.chars().count()),
            Some(LIMITS.value + 1)
        );
        assert_eq!(v[0].password.as_deref(), Some("x"));
        let v = Values::read_all(&json!({"values": [{"login": -1, "id": "a"}, {"id": "b"}, 3]}));
        assert!(v.is_empty(), "a value without its login is nobody's");
    }

    #[test]
    fn every_event_reads_and_refuses_what_it_lacks() {
        let read = |e: serde_json::Value| Event::read(&e);
        assert_eq!(read(json!({"type": "stored"})), Ok(Event::Stored));
        assert!(
            read(json!({"type": "field", "field": "id"})).is_err(),
            "no login"
        );
        assert!(read(json!({"type": "field", "login": 0, "field": "page"})).is_err());
        assert!(read(json!({"type": "press", "press": {}})).is_err());
        assert!(read(json!({"type": "press", "press": {"dismiss": {"code": "nope"}}})).is_err());
        assert_eq!(
            read(json!({"type": "press", "press": {"readBack": {"login": 1}}})),
            Ok(Event::ReadBack { login: 1 })
        );
        assert!(read(json!({"type": "teleport"})).is_err());
        assert!(read(json!({"kind": "scan"})).is_err());
    }
}
