//! The toolbar popup: what the active tab shows (the page session answers
//! for its own tab), what the extension remembers, and nothing said twice.
//! It must fit Chrome's 600-pixel popup at its natural width: the warnings
//! first, then the links, the checklist folded, the memory in a line or two.

use serde::Serialize;

use crate::raw::{Raw, RawExt};
use crate::session::{Env, State};
use crate::site::{self, Site, PASONA_CAREER_URL};
use crate::stored::{Area, Effect, Stored, ATTEMPT_KEY, MEMORY_KEY, SHOWN_KEY};
use crate::view::{Attrs, Part, Press, Text};
use crate::warning::{LoginKind, Warning};

/// What the popup shows about one tab.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TabView {
    pub attrs: Attrs,
    pub parts: Vec<Part>,
}

/// The popup's own answer: the tab (when its page has no engine running)
/// and the memory.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PopupView {
    pub tab: Option<TabView>,
    pub memory: Vec<Part>,
    pub effects: Vec<Effect>,
}

/// What the popup knows of the tab without the page session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tab {
    /// The page session answered (the popup draws that answer).
    Page,
    /// The extension runs there but found no login (its URL's origin).
    NoLogin(String),
    /// The extension does not run there.
    Elsewhere,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PopupRequest {
    pub tab: Tab,
    pub forget: bool,
    pub stored: Stored,
    pub env: Env,
}

impl PopupRequest {
    pub fn read<R: Raw>(r: &R) -> Result<Self, crate::raw::DecodeError> {
        let env = Env::read(r.get("env").as_ref())?;
        let tab = match r.get("tab") {
            Some(t) if t.str_or_empty("type") == "page" => Tab::Page,
            Some(t) if t.str_or_empty("type") == "noLogin" => Tab::NoLogin(t.str_or_empty("url")),
            _ => Tab::Elsewhere,
        };
        Ok(PopupRequest {
            tab,
            forget: r.get("press").is_some_and(|p| p.get("forget").is_some()),
            stored: Stored::read(r.get("stored").as_ref(), env.today, env.now_ms),
            env,
        })
    }
}

pub fn handle(request: PopupRequest) -> PopupView {
    let PopupRequest {
        tab,
        forget,
        mut stored,
        env,
    } = request;
    let mut effects: Vec<Effect> = stored.repairs().into_iter().collect();
    if forget {
        effects.push(forget_all());
        stored.memory = None;
        stored.attempt = None;
        stored.once_a_day_shown = None;
    }
    let tab = match tab {
        Tab::Page => None,
        Tab::NoLogin(url) => Some(no_login(site::of(&url))),
        Tab::Elsewhere => Some(elsewhere()),
    };
    PopupView {
        tab,
        memory: memory_section(&stored, &env),
        effects,
    }
}

/// Erasing everything remembered (settings stay: they are the user's choice).
pub fn forget_all() -> Effect {
    Effect::remove(Area::Local, vec![MEMORY_KEY, ATTEMPT_KEY, SHOWN_KEY])
}

fn open_site() -> Part {
    Part::block(vec![Part::link(
        PASONA_CAREER_URL,
        Text::key("popup_open_site"),
    )
    .new_tab()])
}

fn elsewhere() -> TabView {
    TabView {
        attrs: vec![("data-plh-popup", "elsewhere".into())],
        parts: vec![
            Part::para(Text::key("popup_not_here")),
            Part::para(Text::key("popup_what")),
            open_site(),
        ],
    }
}

fn no_login(site: Site) -> TabView {
    let mut parts = vec![Part::para(Text::key("popup_no_login"))];
    if site != Site::PasonaCareer {
        parts.push(Part::para(Text::key("check_similar_service")));
        parts.push(open_site());
    }
    TabView {
        attrs: vec![
            ("data-plh-popup", site.key().into()),
            ("data-plh-kinds", "".into()),
        ],
        parts,
    }
}

/// The tab as its page session sees it: the warnings it shows (ordered as
/// on the page: errors first), the logins, their links, the checklist folded.
pub fn tab_view(state: &State, mut warnings: Vec<Warning>) -> TabView {
    let mut kinds: Vec<LoginKind> = Vec::new();
    for l in &state.logins {
        if !kinds.contains(&l.kind) {
            kinds.push(l.kind);
        }
    }
    let attrs: Attrs = vec![
        ("data-plh-popup", state.site.key().into()),
        (
            "data-plh-kinds",
            kinds
                .iter()
                .map(|k| k.key())
                .collect::<Vec<_>>()
                .join(" ")
                .into(),
        ),
    ];
    let mut parts = Vec::new();
    crate::session::order(&mut warnings);
    // Warnings first: the reason the popup was opened.
    parts.extend(warnings.iter().map(|w| {
        Part::para(crate::session::warning_text(w))
            .attr("data-plh-warning", w.code.key())
            .attr("data-plh-field", w.field.key())
            .attr("data-plh-level", w.level.key())
            .attr("class", format!("line {}", w.level.key()))
    }));
    if state.logins.is_empty() {
        if parts.is_empty() {
            parts.push(Part::para(Text::key("popup_no_login")));
        }
        if state.site != Site::PasonaCareer {
            parts.push(open_site());
        }
        return TabView { attrs, parts };
    }
    if warnings.is_empty() {
        parts.push(Part::para(Text::key("popup_no_warnings")).attr("class", "muted"));
    }
    for &kind in &kinds {
        parts.push(
            Part::para(Text::key(popup_kind(kind)))
                .attr("data-plh-kind", kind.key())
                .attr("class", "kind"),
        );
    }
    for login in &state.logins {
        let t = crate::session::kind_texts(login.kind);
        if let Some(href) = &login.reset {
            parts.push(Part::block(vec![Part::link(
                href.clone(),
                Text::key(t.reset),
            )
            .attr("data-plh-action", "reset-password")
            .new_tab()]));
        }
        let mut forgot = vec![Part::para(Text::key(t.forgot))];
        if let Some(href) = &login.forgot {
            forgot.push(Part::block(vec![Part::link(
                href.clone(),
                Text::key(t.forgot_link),
            )
            .new_tab()]));
        }
        parts.push(
            Part::details(Text::key(t.forgot_summary), forgot).attr("data-plh-action", "forgot-id"),
        );
    }
    let checklist = crate::guidance::checklist(&kinds, state.failed);
    parts.push(
        Part::details(
            Text::key("popup_checklist_title"),
            vec![crate::session::checklist_part(&checklist)],
        )
        .attr("data-plh-checklist", ""),
    );
    TabView { attrs, parts }
}

fn popup_kind(kind: LoginKind) -> &'static str {
    match kind {
        LoginKind::MemberService => "popup_kind_member_service",
        LoginKind::MyPage => "popup_kind_my_page",
    }
}

/// The memory in a line or two, and the erase control only when something
/// is stored.
fn memory_section(stored: &Stored, env: &Env) -> Vec<Part> {
    let mut parts = Vec::new();
    if !stored.settings.memory {
        parts.push(
            Part::para(Text::key("popup_memory_off"))
                .attr("data-plh-memory", "off")
                .attr("class", "muted"),
        );
    } else if let Some(m) = &stored.memory {
        parts.extend(crate::session::notice_parts(Some(m), env.today));
        parts.push(
            Part::para(Text::with(
                "popup_memory_date",
                [crate::view::Arg::Date { date: m.date }],
            ))
            .attr("class", "muted"),
        );
    } else {
        parts.push(
            Part::para(Text::key("popup_memory_none"))
                .attr("data-plh-memory", "none")
                .attr("class", "muted"),
        );
    }
    if stored.memory.is_some() || stored.attempt.is_some() || stored.once_a_day_shown.is_some() {
        parts.push(
            Part::button(Text::key("popup_forget"), Press::Forget {})
                .keyed("forget")
                .attr("data-plh-action", "forget"),
        );
    }
    parts
}

/// The memory section, shared with the options page.
pub fn memory_parts(stored: &Stored, env: &Env) -> Vec<Part> {
    memory_section(stored, env)
}
