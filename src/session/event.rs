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

/// What [`Event::read`] and [`Values::read_all`] read, for the wire's
/// declarations (`crate::wire`); held to the readers by the tests below.
#[cfg(test)]
pub(crate) mod mirror {
    use serde::Serialize;
    use ts_rs::TS;

    use crate::snapshot::PageSnapshot;
    use crate::warning::{Code, Field};

    /// One event of the page, with the values in the logins' fields now.
    #[derive(Serialize, TS)]
    pub struct PageEvent {
        #[serde(flatten)]
        pub event: Event,
        #[ts(optional = nullable)]
        pub values: Option<Vec<Values>>,
    }

    /// What happened, as observed (`type` says which).
    #[derive(Serialize, TS)]
    #[serde(tag = "type", rename_all = "camelCase")]
    pub enum Event {
        /// The page was read.
        Scan { page: PageSnapshot },
        /// Storage was read, or changed.
        Stored,
        /// A DOM event in a login's field.
        Field(FieldEvent),
        /// A click on a control, in a login's area (`login`) or not.
        Control {
            #[ts(optional = nullable)]
            login: Option<usize>,
            control: Control,
        },
        /// A submit that followed a person's click or key.
        Submit {
            #[ts(optional = nullable)]
            login: Option<usize>,
            #[ts(optional = nullable)]
            submitter: Option<Control>,
        },
        /// A button the core drew was pressed: what it asked for.
        Press { press: PagePress },
        /// The popup asks what the page shows.
        Status,
        /// The popup asks for the report on the page, read again just now.
        Report { page: PageSnapshot },
    }

    #[derive(Serialize, TS)]
    pub struct FieldEvent {
        pub login: usize,
        pub field: Field,
        #[serde(flatten)]
        pub dom: DomEvent,
    }

    /// The DOM event, as observed.
    #[derive(Serialize, TS)]
    #[serde(rename_all = "camelCase")]
    #[ts(optional_fields = nullable)]
    pub struct DomEvent {
        /// Its `type` (`input`, `blur`, `keydown`…).
        pub event: Option<String>,
        /// `InputEvent.inputType`.
        pub input_type: Option<String>,
        /// Characters in `InputEvent.data`.
        pub inserted: Option<usize>,
        /// An input method is composing.
        pub composing: Option<bool>,
    }

    /// A clicked control or a submitter, as a person sees it.
    #[derive(Serialize, TS)]
    #[ts(optional_fields = nullable)]
    pub struct Control {
        pub tag: Option<String>,
        #[serde(rename = "type")]
        pub kind: Option<String>,
        pub role: Option<String>,
        pub label: Option<String>,
    }

    /// The presses a page session reads: a drawn button's `press`, all but
    /// `forget` (which only the extension's own pages draw).
    #[derive(Serialize, TS)]
    #[serde(rename_all = "camelCase")]
    pub enum PagePress {
        Fix {
            code: Code,
            login: usize,
            field: Field,
        },
        ReadBack {
            login: usize,
        },
        Dismiss {
            code: Code,
        },
        GoTo {
            login: usize,
        },
    }

    /// The values in one login's fields (cut one past the core's value limit).
    #[derive(Serialize, TS)]
    #[serde(rename_all = "camelCase")]
    #[ts(optional_fields = nullable)]
    pub struct Values {
        pub login: usize,
        pub id: Option<String>,
        pub password: Option<String>,
        /// Caps Lock, as the last key event in the login's fields said.
        pub caps_lock: Option<bool>,
    }
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

    /// What the reader makes of a mirrored event: every field of the mirror
    /// used, so a field added to it is a field this must read.
    fn expected(event: &mirror::Event) -> Event {
        let control = |c: &mirror::Control| {
            let mirror::Control {
                tag,
                kind,
                role,
                label,
            } = c;
            let s = |v: &Option<String>| v.clone().unwrap_or_default();
            // Names in lower case; the label as it is.
            let lower = |v: &Option<String>| s(v).to_ascii_lowercase();
            Control {
                tag: lower(tag),
                kind: lower(kind),
                role: lower(role),
                label: s(label),
            }
        };
        match event {
            mirror::Event::Scan { page } => Event::Scan {
                page: Box::new(page.clone()),
            },
            mirror::Event::Stored => Event::Stored,
            mirror::Event::Field(mirror::FieldEvent { login, field, dom }) => {
                let mirror::DomEvent {
                    event,
                    input_type,
                    inserted,
                    composing,
                } = dom;
                Event::Field {
                    login: *login,
                    field: *field,
                    dom: DomEvent {
                        kind: event.clone().unwrap_or_default(),
                        input_type: input_type.clone().unwrap_or_default(),
                        inserted: inserted.unwrap_or_default(),
                        composing: composing.unwrap_or_default(),
                    },
                }
            }
            mirror::Event::Control { login, control: c } => Event::Control {
                login: *login,
                control: control(c),
            },
            mirror::Event::Submit { login, submitter } => Event::Submit {
                login: *login,
                submitter: submitter.as_ref().map(control),
            },
            mirror::Event::Press { press } => match *press {
                mirror::PagePress::Fix { code, login, field } => {
                    Event::Fixed { code, login, field }
                }
                mirror::PagePress::ReadBack { login } => Event::ReadBack { login },
                mirror::PagePress::Dismiss { code } => Event::Dismiss { code },
                mirror::PagePress::GoTo { login } => Event::GoTo { login },
            },
            mirror::Event::Status => Event::Status,
            mirror::Event::Report { page } => Event::Report {
                page: Box::new(page.clone()),
            },
        }
    }

    /// Which event it is: a new event makes this fail to compile until the
    /// samples below cover it.
    fn variant(e: &Event) -> usize {
        match e {
            Event::Scan { .. } => 0,
            Event::Stored => 1,
            Event::Field { .. } => 2,
            Event::Control { .. } => 3,
            Event::Submit { .. } => 4,
            Event::ReadBack { .. } => 5,
            Event::Fixed { .. } => 6,
            Event::Dismiss { .. } => 7,
            Event::GoTo { .. } => 8,
            Event::Status => 9,
            Event::Report { .. } => 10,
        }
    }

    /// One of each mirrored event, every optional field set, then none.
    pub(crate) fn samples() -> Vec<mirror::Event> {
        let control = |s: &str| mirror::Control {
            tag: Some(format!("button{s}")),
            kind: Some(format!("submit{s}")),
            role: Some(format!("role{s}")),
            label: Some(format!("Log in{s}")),
        };
        let none = || mirror::Control {
            tag: None,
            kind: None,
            role: None,
            label: None,
        };
        let page = PageSnapshot {
            url: "https://www.pasonacareer.jp/login/".into(),
            title: "ログイン".into(),
            viewport_height: 700,
            ..PageSnapshot::default()
        };
        vec![
            mirror::Event::Scan { page: page.clone() },
            mirror::Event::Stored,
            mirror::Event::Field(mirror::FieldEvent {
                login: 1,
                field: Field::Password,
                dom: mirror::DomEvent {
                    event: Some("input".into()),
                    input_type: Some("insertText".into()),
                    inserted: Some(3),
                    composing: Some(true),
                },
            }),
            mirror::Event::Field(mirror::FieldEvent {
                login: 0,
                field: Field::Id,
                dom: mirror::DomEvent {
                    event: None,
                    input_type: None,
                    inserted: None,
                    composing: None,
                },
            }),
            mirror::Event::Control {
                login: Some(2),
                control: control("A"),
            },
            mirror::Event::Control {
                login: None,
                control: none(),
            },
            mirror::Event::Submit {
                login: Some(1),
                submitter: Some(control("B")),
            },
            mirror::Event::Submit {
                login: None,
                submitter: None,
            },
            mirror::Event::Press {
                press: mirror::PagePress::Fix {
                    code: Code::EmailDomain,
                    login: 1,
                    field: Field::Id,
                },
            },
            mirror::Event::Press {
                press: mirror::PagePress::ReadBack { login: 2 },
            },
            mirror::Event::Press {
                press: mirror::PagePress::Dismiss {
                    code: Code::BrowserOutdated,
                },
            },
            mirror::Event::Press {
                press: mirror::PagePress::GoTo { login: 3 },
            },
            mirror::Event::Status,
            mirror::Event::Report {
                page: PageSnapshot {
                    headings: vec!["マイページ".into()],
                    ..page
                },
            },
        ]
    }

    #[test]
    fn the_event_mirror_is_what_the_reader_reads() {
        let mut seen = Vec::new();
        for sample in samples() {
            let v = serde_json::to_value(&sample).unwrap();
            let read = Event::read(&v).unwrap_or_else(|e| panic!("{v}: {e:?}"));
            assert_eq!(read, expected(&sample), "{v}");
            seen.push(variant(&read));
        }
        seen.sort();
        seen.dedup();
        assert_eq!(seen, (0..11).collect::<Vec<_>>(), "every event mirrored");
    }

    /// Every key set in `v`, as JSON pointers (not inside a snapshot: its
    /// own reader defaults every part).
    fn keys_set(v: &serde_json::Value, at: &str, out: &mut Vec<String>) {
        for (k, v) in v.as_object().into_iter().flatten() {
            if v.is_null() {
                continue;
            }
            let path = format!("{at}/{k}");
            if k != "page" {
                keys_set(v, &path, out);
            }
            out.push(path);
        }
    }

    #[test]
    fn what_the_mirror_requires_the_reader_requires() {
        // The samples with every optional field `null`: what is left is
        // what the declarations require, and without any one of those the
        // reader refuses the event.
        let minimal = samples()
            .into_iter()
            .enumerate()
            .filter(|(i, _)| ![2, 4, 6].contains(i))
            .map(|(_, e)| serde_json::to_value(e).unwrap());
        let mut required = Vec::new();
        for v in minimal {
            let mut keys = Vec::new();
            keys_set(&v, "", &mut keys);
            for key in keys {
                let mut without = v.clone();
                let (parent, last) = key.rsplit_once('/').unwrap();
                without
                    .pointer_mut(parent)
                    .and_then(|p| p.as_object_mut())
                    .unwrap()
                    .remove(last);
                assert!(Event::read(&without).is_err(), "{key} of {v}");
                required.push(key);
            }
        }
        required.sort();
        required.dedup();
        assert_eq!(
            required,
            [
                "/control",
                "/field",
                "/login",
                "/page",
                "/press",
                "/press/dismiss",
                "/press/dismiss/code",
                "/press/fix",
                "/press/fix/code",
                "/press/fix/field",
                "/press/fix/login",
                "/press/goTo",
                "/press/goTo/login",
                "/press/readBack",
                "/press/readBack/login",
                "/type",
            ]
        );
    }

    #[test]
    fn the_values_mirror_is_what_the_reader_reads() {
        let full = mirror::Values {
            login: 2,
            id: Some("a@example.com".into()),
            password: Some("pw".into()),
            caps_lock: Some(true),
        };
        let bare = mirror::Values {
            login: 0,
            id: None,
            password: None,
            caps_lock: None,
        };
        let event = mirror::PageEvent {
            event: mirror::Event::Stored,
            values: Some(vec![full, bare]),
        };
        let v = serde_json::to_value(&event).unwrap();
        assert_eq!(Event::read(&v), Ok(Event::Stored), "the event beside them");
        assert_eq!(
            Values::read_all(&v),
            vec![
                Values {
                    login: 2,
                    id: Some("a@example.com".into()),
                    password: Some("pw".into()),
                    caps_lock: true,
                },
                Values {
                    login: 0,
                    id: None,
                    password: None,
                    caps_lock: false,
                },
            ]
        );
        // `login`, the one required field, is required: values without it
        // are nobody's.
        let mut v = v;
        v["values"][0].as_object_mut().unwrap().remove("login");
        assert_eq!(Values::read_all(&v).len(), 1);
        let none = mirror::PageEvent {
            event: mirror::Event::Status,
            values: None,
        };
        assert!(Values::read_all(&serde_json::to_value(&none).unwrap()).is_empty());
    }
}
