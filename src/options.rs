//! The options page: each group of checks on or off, remembering on or off
//! (off erases it at once), and what is stored, in words.

use serde::Serialize;

use crate::common_parts::{remembered, Shown};
use crate::decode::{DecodeError, Raw, RawExt};
use crate::env::Env;
use crate::settings::Switch;
use crate::stored::{Area, Effect, Stored, StoredValue};
use crate::view::{Part, Text};

#[derive(Debug, Clone, PartialEq)]
pub enum OptionsEvent {
    Load,
    /// A switch was turned on or off (`setting` as the switch names it).
    Toggle {
        setting: String,
        on: bool,
    },
    Forget,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OptionsRequest {
    pub event: OptionsEvent,
    pub stored: Stored,
    pub env: Env,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct OptionsView {
    pub parts: Vec<Part>,
    pub effects: Vec<Effect>,
}

impl OptionsRequest {
    pub fn read<R: Raw>(r: &R) -> Result<Self, DecodeError> {
        let env = Env::read(r.get("env").as_ref())?;
        let event = r.get("event");
        let forget = r.get("press").is_some_and(|p| p.get("forget").is_some());
        let event = match event.as_ref().map(|e| e.str_or_empty("type")).as_deref() {
            _ if forget => OptionsEvent::Forget,
            Some("toggle") => {
                let e = event.as_ref().expect("read above");
                OptionsEvent::Toggle {
                    setting: e.str_or_empty("setting"),
                    on: e
                        .get("on")
                        .and_then(|v| v.boolean())
                        .ok_or_else(|| DecodeError::missing("event.on"))?,
                }
            }
            _ => OptionsEvent::Load,
        };
        Ok(OptionsRequest {
            event,
            stored: Stored::read(r.get("stored").as_ref(), env.today, env.now_ms),
            env,
        })
    }
}

pub fn handle(request: OptionsRequest) -> OptionsView {
    let OptionsRequest {
        event,
        mut stored,
        env,
    } = request;
    let mut effects: Vec<Effect> = stored.repairs().into_iter().collect();
    let mut saved = false;
    match event {
        OptionsEvent::Load => {}
        OptionsEvent::Toggle { setting, on } => {
            if let Some(switch) = Switch::from_key(&setting) {
                let settings = stored.settings.with(switch, on);
                stored.settings = settings;
                effects.push(Effect::set(Area::Sync, StoredValue::Settings(settings)));
                if !settings.memory() {
                    effects.push(stored.forget());
                }
                saved = true;
            }
        }
        OptionsEvent::Forget => {
            effects.push(stored.forget());
        }
    }
    OptionsView {
        parts: parts(&stored, &env, saved),
        effects,
    }
}

fn parts(stored: &Stored, env: &Env, saved: bool) -> Vec<Part> {
    let s = stored.settings;
    let toggle = |switch: Switch, label: &'static str| {
        Part::toggle(Text::key(label), s.is_on(switch), switch.key())
            .keyed(switch.key())
            .attr("data-plh-setting", switch.key())
    };
    let mut checks = vec![Part::text(Text::key("options_checks_title")).attr("class", "h2")];
    for (switch, label) in Switch::CHECKS {
        checks.push(toggle(switch, label));
    }
    let mut memory = vec![
        Part::text(Text::key("options_memory_title")).attr("class", "h2"),
        toggle(Switch::Memory, "options_memory_on"),
        Part::para(Text::key("options_memory_explain")),
        Part::text(Text::key("options_stored_title")).attr("class", "h3"),
    ];
    memory.push(Part::block(remembered(stored, env, Shown::Options)).attr("data-plh-stored", ""));
    let mut out = vec![
        Part::block(checks).attr("class", "section"),
        Part::block(memory).attr("class", "section"),
    ];
    out.push(
        Part::block(if saved {
            vec![Part::text(Text::key("options_saved"))]
        } else {
            Vec::new()
        })
        .keyed("saved")
        .attr("role", "status")
        .attr("data-plh-saved", ""),
    );
    out
}

/// What [`OptionsRequest::read`] reads (beside `op: "options"`,
/// `protocol`), for the wire's declarations (`crate::wire`); held to the
/// reader by the test below.
#[cfg(test)]
pub(crate) mod mirror {
    use serde::Serialize;
    use ts_rs::TS;

    use crate::env::mirror::Env;
    use crate::stored::mirror::Stored;
    use crate::view::Press;

    #[derive(Serialize, TS)]
    #[ts(optional_fields = nullable)]
    pub struct OptionsRequest {
        /// What happened (`null`: the page is drawn afresh).
        pub event: Option<OptionsEvent>,
        /// A button of the page was pressed (`forget` erases what is
        /// remembered, whatever `event` says; others mean nothing).
        pub press: Option<Press>,
        pub stored: Option<Stored>,
        pub env: Env,
    }

    #[derive(Serialize, TS)]
    #[serde(tag = "type", rename_all = "camelCase")]
    pub enum OptionsEvent {
        /// The page was opened.
        Load,
        /// A switch was turned on or off.
        Toggle {
            /// The switch's `setting`, as the page drew it.
            #[ts(optional = nullable)]
            setting: Option<String>,
            on: bool,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::env::mirror as env;
    use crate::view::Press;

    fn request(event: Option<mirror::OptionsEvent>, press: Option<Press>) -> serde_json::Value {
        serde_json::to_value(mirror::OptionsRequest {
            event,
            press,
            stored: None,
            env: env::Env {
                now_ms: 86_400_000 * 20_000,
                browser: None,
            },
        })
        .unwrap()
    }

    #[test]
    fn the_options_request_mirror_is_what_the_reader_reads() {
        let toggle = |setting: Option<&str>| mirror::OptionsEvent::Toggle {
            setting: setting.map(str::to_string),
            on: false,
        };
        for (event, press, read_as) in [
            (None, None, OptionsEvent::Load),
            (Some(mirror::OptionsEvent::Load), None, OptionsEvent::Load),
            (
                Some(toggle(Some("typing"))),
                None,
                OptionsEvent::Toggle {
                    setting: "typing".into(),
                    on: false,
                },
            ),
            (
                Some(toggle(None)),
                None,
                OptionsEvent::Toggle {
                    setting: String::new(),
                    on: false,
                },
            ),
            (None, Some(Press::Forget {}), OptionsEvent::Forget),
            (
                Some(toggle(Some("typing"))),
                Some(Press::Forget {}),
                OptionsEvent::Forget,
            ),
            (None, Some(Press::GoTo { login: 0 }), OptionsEvent::Load),
        ] {
            let r = OptionsRequest::read(&request(event, press)).unwrap();
            assert_eq!(r.event, read_as);
            assert_eq!(r.env.today, 20_000);
        }
        // A toggle's `on` and the request's `env` are required.
        let mut v = request(Some(toggle(Some("typing"))), None);
        v["event"].as_object_mut().unwrap().remove("on");
        assert!(OptionsRequest::read(&v).is_err());
        let mut v = request(None, None);
        v.as_object_mut().unwrap().remove("env");
        assert!(OptionsRequest::read(&v).is_err());
    }
}
