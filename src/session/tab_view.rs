//! What the page session tells the toolbar popup about its tab: a status
//! line (which login this page is), the warnings it shows (ordered as on the
//! page, each saying which field it is about), the links with where they
//! lead, and the checklist folded. It must fit Chrome's 600-pixel popup.

use super::form_view::{forgot_id, texts};
use super::page_view::checklist;
use super::state::State;
use crate::common_parts::{link_with_host, open_site, report_button};
use crate::guidance;
use crate::site::Site;
use crate::view::{Attrs, Part, TabView, Text};
use crate::warning::{subject_key, Field, LoginKind, Warning};

/// The tab as its page session sees it. `ambiguous`: what was typed holds
/// characters easy to mix up.
pub fn tab_view(state: &State, mut warnings: Vec<Warning>, ambiguous: bool) -> TabView {
    let kinds = state.kinds();
    let keys: Vec<&str> = kinds.iter().map(|k| k.key()).collect();
    let attrs: Attrs = vec![
        ("data-plh-popup", state.site.key().into()),
        ("data-plh-kinds", keys.join(" ").into()),
    ];
    // Error → warning → info, stable: as on the page.
    for i in 1..warnings.len() {
        let mut j = i;
        while j > 0 && warnings[j].level > warnings[j - 1].level {
            warnings.swap(j, j - 1);
            j -= 1;
        }
    }
    let mut parts = Vec::new();
    let status = match kinds[..] {
        [] => "popup_no_login",
        [LoginKind::MyPage] => "popup_kind_my_page",
        [LoginKind::MemberService] => "popup_kind_member_service",
        _ => "popup_kind_both",
    };
    parts.push(Part::para(Text::key(status)).attr("class", "status"));
    // Warnings next: the reason the popup was opened.
    parts.extend(warnings.iter().map(line));
    if state.logins.is_empty() {
        if state.site != Site::PasonaCareer {
            parts.push(open_site());
        }
        parts.push(report_button());
        return TabView {
            has_login: false,
            attrs,
            parts,
        };
    }
    if warnings.is_empty() {
        parts.push(Part::para(Text::key("popup_no_warnings")).attr("class", "muted"));
    }
    let mut done: Vec<LoginKind> = Vec::new();
    for login in &state.logins {
        if done.contains(&login.kind) {
            continue;
        }
        done.push(login.kind);
        let t = texts(login.kind);
        if let Some(href) = &login.reset {
            parts.push(link_with_host(
                href,
                Text::key(t.reset),
                Some("reset-password"),
            ));
        }
        parts.push(
            Part::details(Text::key(t.forgot_summary), forgot_id(login))
                .attr("data-plh-action", "forgot-id"),
        );
    }
    let c = guidance::checklist(&kinds, ambiguous);
    let all: Vec<&'static str> = c.top.iter().chain(&c.rest).copied().collect();
    parts.push(
        Part::details(Text::key("popup_checklist_title"), vec![checklist(&all)])
            .attr("data-plh-checklist", ""),
    );
    parts.push(report_button());
    TabView {
        has_login: true,
        attrs,
        parts,
    }
}

/// One warning as a line of the popup: which field, then what is wrong.
fn line(w: &Warning) -> Part {
    let subject = match w.field {
        Some(Field::Id) => "popup_subject_id",
        Some(Field::Password) => "popup_subject_password",
        None => "popup_subject_page",
    };
    Part::block(vec![
        Part::text(Text::key(subject)).attr("class", "subject"),
        Part::text(w.text()),
    ])
    .attr("data-plh-warning", w.code.key())
    .attr("data-plh-field", subject_key(w.field))
    .attr("data-plh-level", w.level.key())
    .attr("class", ["line ", w.level.key()].concat())
}
