//! The options page: each group of checks on or off, remembering on or off
//! (off erases it at once), and what is stored, in words.

use serde::Serialize;

use crate::popup::memory_section;
use crate::raw::{DecodeError, Raw, RawExt};
use crate::session::Env;
use crate::settings::{Settings, GROUPS};
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
            if let Some(settings) = switched(stored.settings, &setting, on) {
                stored.settings = settings;
                effects.push(Effect::set(Area::Sync, StoredValue::Settings(settings)));
                if !settings.memory {
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

/// The settings with one switch changed; `None` for a switch that does not exist.
fn switched(mut s: Settings, setting: &str, on: bool) -> Option<Settings> {
    let field = match setting {
        "memory" => &mut s.memory,
        "typing" => &mut s.typing,
        "idFormat" => &mut s.id_format,
        "confusable" => &mut s.confusable,
        "browser" => &mut s.browser,
        "guidance" => &mut s.guidance,
        _ => return None,
    };
    *field = on;
    Some(s)
}

fn parts(stored: &Stored, env: &Env, saved: bool) -> Vec<Part> {
    let s = stored.settings;
    let mut checks = vec![Part::text(Text::key("options_checks_title")).attr("class", "h2")];
    for (group, label) in GROUPS {
        checks.push(
            Part::toggle(Text::key(label), s.allows(group), group.key())
                .keyed(group.key())
                .attr("data-plh-setting", group.key()),
        );
    }
    let mut memory = vec![
        Part::text(Text::key("options_memory_title")).attr("class", "h2"),
        Part::toggle(Text::key("options_memory_on"), s.memory, "memory")
            .keyed("memory")
            .attr("data-plh-setting", "memory"),
        Part::para(Text::key("options_memory_explain")),
        Part::text(Text::key("options_stored_title")).attr("class", "h3"),
    ];
    memory.push(Part::block(memory_section(stored, env)).attr("data-plh-stored", ""));
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
