//! What the page session tells the toolbar popup about its tab: the
//! warnings it shows (ordered as on the page: errors first), the logins,
//! their links, the checklist folded. It must fit Chrome's 600-pixel popup.

use serde::Serialize;

use super::hosts::{checklist, order, reset_link, texts, warning_text};
use super::state::State;
use crate::site::{Site, PASONA_CAREER_URL};
use crate::view::{Attrs, Part, Text};
use crate::warning::{LoginKind, Warning};

/// What the popup shows about one tab.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TabView {
    pub attrs: Attrs,
    pub parts: Vec<Part>,
}

pub fn open_site() -> Part {
    Part::block(vec![Part::link(
        PASONA_CAREER_URL,
        Text::key("popup_open_site"),
    )
    .new_tab()])
}

/// The tab as its page session sees it: the warnings it shows (ordered as
/// on the page: errors first), the logins, their links, the checklist folded.
pub fn tab_view(state: &State, mut warnings: Vec<Warning>) -> TabView {
    let kinds = state.kinds();
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
    order(&mut warnings);
    // Warnings first: the reason the popup was opened.
    parts.extend(warnings.iter().map(|w| {
        Part::para(warning_text(w))
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
        let t = texts(login.kind);
        if let Some(link) = reset_link(login) {
            parts.push(Part::block(vec![link.new_tab()]));
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
    let keys = crate::guidance::checklist(&kinds, state.failed);
    parts.push(
        Part::details(Text::key("popup_checklist_title"), vec![checklist(&keys)])
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
