//! What each of the extension's elements on the page shows: the page host
//! (page-level notices above the form), one form host per login (its help,
//! links and the memory's notices, after the form) and one field host per
//! field (that field's warnings, right under it).

use serde::Serialize;

use super::state::{LoginState, State};
use crate::guidance::{self, SUPPORT_ITEM};
use crate::memory::{self, Memory};
use crate::site::{SUPPORT_PHONE, SUPPORT_TEL};
use crate::view::{Arg, Attrs, Fix, Part, Press, Text};
use crate::warning::{Field, Level, LoginKind, Warning};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageHost {
    pub attrs: Attrs,
    /// Nothing to say: the host stays, hidden.
    pub hidden: bool,
    /// Drawn just before this login area (page notices sit above the form),
    /// else at the end of the page.
    pub before_area: Option<usize>,
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FormHost {
    pub login: usize,
    /// Drawn right after this login area.
    pub area: usize,
    /// The fields to watch, as indices into the area's fields.
    pub id_field: Option<usize>,
    pub password_field: Option<usize>,
    pub attrs: Attrs,
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldHost {
    pub login: usize,
    /// `id` or `password`.
    pub field: &'static str,
    /// Drawn right after this field of this area.
    pub area: usize,
    pub index: usize,
    pub attrs: Attrs,
    pub parts: Vec<Part>,
    /// Said once to screen readers: a newly shown error.
    pub announce: Option<Text>,
}

/// Per-login message keys, spelled out so a test can find every key in use.
pub struct KindTexts {
    pub kind: &'static str,
    pub region: &'static str,
    pub reset: &'static str,
    pub forgot_summary: &'static str,
    pub forgot: &'static str,
    pub forgot_link: &'static str,
}

pub fn texts(kind: LoginKind) -> KindTexts {
    match kind {
        LoginKind::MemberService => KindTexts {
            kind: "kind_member_service",
            region: "region_label_member_service",
            reset: "reset_password_member_service",
            forgot_summary: "forgot_id_member_service_summary",
            forgot: "forgot_id_member_service",
            forgot_link: "forgot_id_page_link_member_service",
        },
        LoginKind::MyPage => KindTexts {
            kind: "kind_my_page",
            region: "region_label_my_page",
            reset: "reset_password_my_page",
            forgot_summary: "forgot_id_my_page_summary",
            forgot: "forgot_id_my_page",
            forgot_link: "forgot_id_page_link_my_page",
        },
    }
}

/// Error → warning → info; within a level, the one with a fix first. Stable,
/// so the order is the checks' own otherwise: the same on every run, on the
/// page and in the popup.
pub fn order(warnings: &mut [Warning]) {
    // A handful of warnings: an insertion sort (stable) keeps the wasm free
    // of the standard library's general sort, as in `checks::check`.
    let key = |w: &Warning| (std::cmp::Reverse(w.level), w.fix.is_none());
    for i in 1..warnings.len() {
        let mut j = i;
        while j > 0 && key(&warnings[j]) < key(&warnings[j - 1]) {
            warnings.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// A warning's text: its message, the read-back list (if any) as `$1`.
pub fn warning_text(w: &Warning) -> Text {
    let mut args = Vec::new();
    if !w.readback.is_empty() {
        args.push(Arg::List {
            list: w
                .readback
                .iter()
                .map(|r| {
                    Text::with(
                        "readback_item",
                        [Arg::Plain(r.ch.clone()), Arg::Text(Text::key(r.name))],
                    )
                })
                .collect(),
            sep: "readback_sep",
        });
    }
    args.extend(w.params.iter().cloned().map(Arg::Plain));
    Text::with(w.message, args)
}

fn marked(w: &Warning, field: Field) -> Part {
    Part::block(Vec::new())
        .keyed(format!("w:{}", w.code.key()))
        .attr("data-plh-warning", w.code.key())
        .attr("data-plh-field", field.key())
        .attr("data-plh-level", w.level.key())
        .attr("class", format!("item {}", w.level.key()))
}

/// One field warning, with its fix button where a fix is offered.
pub fn field_item(w: &Warning, login: usize) -> Part {
    let mut parts = vec![Part::text(warning_text(w)).attr("class", "msg")];
    if let Some(fix) = &w.fix {
        parts.push(
            Part::fix_button(
                Text::key("fix_button"),
                w.code.key(),
                Fix {
                    login,
                    field: w.field.key(),
                    value: fix.clone(),
                },
            )
            .keyed("fix")
            .attr("data-plh-action", "fix")
            .attr("data-plh-for", w.code.key()),
        );
    }
    let mut item = marked(w, w.field);
    item.block = Some(parts);
    item
}

/// The offer to read the ID back in words, under an ID with look-alike characters.
pub fn read_back_button(login: usize) -> Part {
    Part::button(Text::key("read_back_button"), Press::ReadBack { login })
        .keyed("read-back")
        .attr("data-plh-action", "read-back")
        .attr("class", "quiet")
}

pub fn tel_link() -> Part {
    Part::link(SUPPORT_TEL, Text::verbatim(SUPPORT_PHONE)).attr("class", "tel")
}

fn support_line(key: &'static str) -> Part {
    Part::block(vec![Part::text(Text::key(key)), tel_link()])
}

/// The checklist as list items, the support item ending with the number.
pub fn checklist(keys: &[&'static str]) -> Part {
    Part::list(
        keys.iter()
            .map(|&key| {
                let mut item = vec![Part::text(Text::key(key))];
                if key == SUPPORT_ITEM {
                    item.push(tel_link());
                }
                item
            })
            .collect(),
    )
    .attr("class", "checklist")
}

/// The reset link of a login, marked as the contract's reset action.
pub fn reset_link(login: &LoginState) -> Option<Part> {
    let href = login.reset.as_ref()?;
    Some(
        Part::link(href.clone(), Text::key(texts(login.kind).reset))
            .attr("data-plh-action", "reset-password"),
    )
}

/// One page-level notice: its text, and its checklist, link or close button.
pub fn page_item(w: &Warning, state: &State) -> Part {
    let mut parts = vec![Part::text(Text::plain_args(w.message, &w.params)).attr("class", "msg")];
    let mut actions = Vec::new();
    if let Some(href) = w.href {
        actions.push(Part::link(href, Text::key("similar_link")));
    }
    if !w.checklist.is_empty() {
        parts.push(checklist(&w.checklist));
        // One reset link per login the failure may be about: the right one.
        let kind = state.failed_kind;
        let mut kinds_done = Vec::new();
        for login in &state.logins {
            if kind.is_some_and(|k| k != login.kind) || kinds_done.contains(&login.kind) {
                continue;
            }
            if let Some(href) = &login.reset {
                kinds_done.push(login.kind);
                actions.push(Part::link(href.clone(), Text::key(texts(login.kind).reset)));
            }
        }
        actions.push(
            Part::button(
                Text::key("dismiss_button"),
                Press::Dismiss { code: w.code.key() },
            )
            .keyed("dismiss")
            .attr("data-plh-action", "dismiss")
            .attr("class", "secondary"),
        );
    }
    if !actions.is_empty() {
        parts.push(Part::block(actions).attr("class", "actions"));
    }
    let mut item = marked(w, Field::Page);
    item.block = Some(parts);
    if !w.checklist.is_empty() {
        item.escape = Some(Press::Dismiss { code: w.code.key() });
    }
    item
}

/// 「前回は LINE でログインしました（今日）」 and, after months away, what may
/// have happened since.
pub fn notices(memory: Option<&Memory>, today: i64) -> Vec<Part> {
    memory::notices(memory, today)
        .into_iter()
        .map(|n| {
            Part::para(Text::with(n.message, n.args))
                .keyed(format!("n:{}", n.kind))
                .attr("data-plh-notice", n.kind)
                .attr("class", format!("notice {}", n.kind))
        })
        .collect()
}

/// The box after a login form: the memory's notices, then the help, folded.
pub fn form_host(index: usize, login: &LoginState, memory: &[Part]) -> FormHost {
    let t = texts(login.kind);
    let reset = reset_link(login);
    let mut help = vec![Part::para(Text::key(t.kind))];
    // Where the page shows its own reset link beside the form, ours is folded
    // into the help instead of standing next to it as a twin.
    let (reset_visible, reset_folded) = match reset {
        Some(link) if login.reset_near => (None, Some(link)),
        other => (other, None),
    };
    help.extend(reset_folded.map(|l| Part::block(vec![l])));
    let mut forgot = vec![Part::para(Text::key(t.forgot))];
    if let Some(href) = &login.forgot {
        forgot.push(Part::block(vec![Part::link(
            href.clone(),
            Text::key(t.forgot_link),
        )]));
    }
    forgot.push(support_line("support_line"));
    help.push(
        Part::details(Text::key(t.forgot_summary), forgot)
            .keyed("forgot")
            .attr("data-plh-action", "forgot-id"),
    );
    if login.id_field.is_some() {
        help.push(
            Part::button(
                Text::key("read_back_button"),
                Press::ReadBack { login: index },
            )
            .keyed("read-back")
            .attr("data-plh-action", "read-back")
            .attr("class", "secondary"),
        );
    }
    let mut parts = memory.to_vec();
    parts.extend(reset_visible.map(|l| Part::block(vec![l]).attr("class", "links")));
    parts.push(
        Part::details(Text::key("help_summary"), help)
            .keyed("help")
            .attr("data-plh-help", ""),
    );
    FormHost {
        login: index,
        area: login.area,
        id_field: login.id_field,
        password_field: login.password_field,
        attrs: vec![
            ("data-plh-form", "".into()),
            ("data-plh-kind", login.kind.key().into()),
            ("role", "region".into()),
            ("aria-label", Text::key(t.region).into()),
        ],
        parts,
    }
}

/// The page host's notices, ordered, and the attributes it carries.
pub fn page_host(state: &State, mut warnings: Vec<Warning>) -> PageHost {
    order(&mut warnings);
    let kinds: Vec<&str> = state.kinds().into_iter().map(LoginKind::key).collect();
    let parts: Vec<Part> = warnings.iter().map(|w| page_item(w, state)).collect();
    PageHost {
        attrs: vec![
            ("data-plh-page", "".into()),
            ("data-plh-kinds", kinds.join(" ").into()),
            ("data-plh-state", "ready".into()),
            ("role", "region".into()),
            ("aria-label", Text::key("page_region_label").into()),
        ],
        hidden: parts.is_empty(),
        before_area: state.logins.first().map(|l| l.area),
        parts,
    }
}

/// The failed-login notice for the state, if the site reported one.
pub fn failed_notice(state: &State) -> Option<Warning> {
    state.failed_login().map(guidance::failed_warning)
}

pub fn is_error(w: &Warning) -> bool {
    w.level == Level::Error
}
