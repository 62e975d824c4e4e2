//! What the page host shows and where it stands: the failed-login checklist
//! right after the site's own message (the site speaks first), the
//! look-alike notice before the other service's form (and on the first
//! screen), anything else just above the first login.

use serde::Serialize;

use super::form_view::texts;
use super::notices::PageNotice;
use super::state::State;
use crate::common_parts::{link_with_host, support_line};
use crate::guidance::{MessageRef, SUPPORT_ITEM};
use crate::view::{Attrs, Part, Press, Text};
use crate::warning::{subject_key, Code, LoginKind, Warning};

/// Where the page host stands in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(tag = "at", rename_all = "camelCase")]
pub enum Place {
    /// Just before this login area.
    #[serde(rename_all = "camelCase")]
    BeforeArea { area: usize },
    /// Just after this message of the page (see `MessageRef`).
    #[serde(rename_all = "camelCase")]
    AfterMessage { area: Option<usize>, index: usize },
    /// First in the page's body: what it says must be on the first screen.
    Top,
    /// Where it is (nothing to say, or nowhere better).
    Stay,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PageHost {
    pub attrs: Attrs,
    /// Nothing to say: the host stays, hidden.
    pub hidden: bool,
    pub place: Place,
    pub parts: Vec<Part>,
}

/// Where the host goes for these notices.
pub fn place(state: &State, notices: &[PageNotice]) -> Place {
    let has = |code: Code| notices.iter().any(|n| n.warning.code == code);
    if let (true, Some(MessageRef { area, index })) = (has(Code::LoginFailed), state.failed_at) {
        return Place::AfterMessage { area, index };
    }
    if has(Code::SimilarService) {
        return state
            .lookalike_area
            .map_or(Place::Top, |area| Place::BeforeArea { area });
    }
    match state.logins.first() {
        Some(l) if !notices.is_empty() => Place::BeforeArea { area: l.area },
        _ => Place::Stay,
    }
}

/// The checklist as list items, the support item ending with the number.
pub fn checklist(keys: &[&'static str]) -> Part {
    Part::list(
        keys.iter()
            .map(|&key| {
                if key == SUPPORT_ITEM {
                    vec![support_line(key)]
                } else {
                    vec![Part::text(Text::key(key))]
                }
            })
            .collect(),
    )
    .attr("class", "checklist")
}

/// A box with the contract's marks for a page-level warning.
fn marked(w: &Warning, parts: Vec<Part>) -> Part {
    Part::block(parts)
        .keyed(["w:", w.code.key()].concat())
        .attr("data-plh-warning", w.code.key())
        .attr("data-plh-field", subject_key(None))
        .attr("data-plh-level", w.level.key())
        .attr("class", ["item ", w.level.key()].concat())
}

fn reset_link(kind: LoginKind, href: &str) -> Part {
    Part::link(href.to_string(), Text::key(texts(kind).reset))
        .attr("data-plh-action", "reset-password")
}

/// One page notice: its text, its checklist (the rest folded), its link,
/// and the control that closes it (Escape too).
pub fn page_item(n: &PageNotice) -> Part {
    let w = &n.warning;
    let mut parts = vec![Part::text(w.text()).attr("class", "msg")];
    if let Some(c) = &n.checklist {
        parts.push(checklist(&c.top));
        parts.push(
            Part::details(Text::key("checklist_more"), vec![checklist(&c.rest)])
                .keyed("more")
                .attr("data-plh-more", ""),
        );
    }
    let mut actions: Vec<Part> = n
        .resets
        .iter()
        .map(|(kind, href)| reset_link(*kind, href))
        .collect();
    if let Some(href) = n.link {
        actions.push(link_with_host(href, Text::key("similar_link"), None));
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
    parts.push(Part::block(actions).attr("class", "actions"));
    let mut item = marked(w, parts);
    item.escape = Some(Press::Dismiss { code: w.code.key() });
    item
}

/// The page host's notices, ordered, and the attributes it carries.
pub fn page_host(state: &State, mut notices: Vec<PageNotice>) -> PageHost {
    // Error → warning → info, stable.
    for i in 1..notices.len() {
        let mut j = i;
        while j > 0 && notices[j].warning.level > notices[j - 1].warning.level {
            notices.swap(j, j - 1);
            j -= 1;
        }
    }
    let kinds: Vec<&str> = state.kinds().into_iter().map(LoginKind::key).collect();
    let parts: Vec<Part> = notices.iter().map(page_item).collect();
    PageHost {
        attrs: vec![
            ("data-plh-page", "".into()),
            ("data-plh-kinds", kinds.join(" ").into()),
            ("data-plh-state", "ready".into()),
            ("role", "region".into()),
            ("aria-label", Text::key("page_region_label").into()),
        ],
        hidden: parts.is_empty(),
        place: place(state, &notices),
        parts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guidance;
    use crate::site::Site;
    use crate::warning::Level;

    fn notice(w: Warning) -> PageNotice {
        PageNotice {
            warning: w,
            link: None,
            checklist: None,
            resets: Vec::new(),
            cause: None,
        }
    }

    #[test]
    fn the_failure_stands_after_the_sites_message_the_look_alike_before_its_form() {
        let failed = notice(guidance::failed_warning(None));
        let state = State {
            failed_at: Some(MessageRef {
                area: Some(1),
                index: 2,
            }),
            ..State::default()
        };
        assert_eq!(
            place(&state, &[failed]),
            Place::AfterMessage {
                area: Some(1),
                index: 2
            }
        );
        let similar = || notice(guidance::similar_service(Site::Pasona, true).unwrap());
        let state = State {
            lookalike_area: Some(3),
            ..State::default()
        };
        assert_eq!(place(&state, &[similar()]), Place::BeforeArea { area: 3 });
        assert_eq!(place(&State::default(), &[similar()]), Place::Top);
        assert_eq!(place(&State::default(), &[]), Place::Stay);
    }

    #[test]
    fn any_other_notice_stands_before_the_first_login() {
        let state = State {
            logins: vec![crate::session::state::LoginState { area: 2, ..login() }],
            ..State::default()
        };
        let outdated = notice(Warning::page(Code::BrowserOutdated, Level::Warning, "m"));
        assert_eq!(place(&state, &[outdated]), Place::BeforeArea { area: 2 });
        assert_eq!(place(&state, &[]), Place::Stay, "nothing to say");
    }

    #[test]
    fn the_page_host_orders_its_notices_by_level() {
        let notices = vec![
            notice(Warning::page(Code::BrowserNotRecommended, Level::Info, "m")),
            notice(Warning::page(Code::BrowserOutdated, Level::Warning, "m")),
            notice(guidance::failed_warning(None)),
        ];
        let host = page_host(&State::default(), notices);
        let codes: Vec<_> = host
            .parts
            .iter()
            .map(|p| {
                p.attrs
                    .iter()
                    .find(|(n, _)| *n == "data-plh-warning")
                    .unwrap()
                    .1
                    .clone()
            })
            .collect();
        assert_eq!(
            codes,
            [
                "login-failed",
                "browser-outdated",
                "browser-not-recommended"
            ]
            .map(Into::into)
        );
    }

    fn login() -> crate::session::state::LoginState {
        crate::session::state::LoginState {
            kind: LoginKind::MyPage,
            area: 0,
            id_field: Some(0),
            password_field: Some(1),
            id_max_length: None,
            reset: None,
            reset_near: false,
            forgot: None,
            other_login: None,
            read_back: false,
        }
    }

    #[test]
    fn every_notice_can_be_closed() {
        let w = Warning::page(Code::BrowserOutdated, Level::Warning, "m");
        let item = page_item(&notice(w));
        assert!(item.escape.is_some());
        let actions = item.block.as_ref().unwrap().last().unwrap();
        assert!(actions.block.as_ref().unwrap()[0].button.is_some());
    }
}
