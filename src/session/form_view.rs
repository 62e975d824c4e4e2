//! What a login's host shows, right after its form: how the user last logged
//! in, the login's help, folded (which login this is, where the password is
//! reset, how to find the ID, the support line), and the reset link in sight
//! only where nothing else on screen offers one.

use serde::Serialize;

use super::state::LoginState;
use crate::common_parts::support_line;
use crate::last_login::Notice;
use crate::view::{Attrs, Part, Press, Text};
use crate::warning::LoginKind;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
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

/// Per-login message keys, spelled out so a test can find every key in use.
pub struct KindTexts {
    pub kind: &'static str,
    pub region: &'static str,
    pub reset: &'static str,
    pub no_reset: &'static str,
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
            no_reset: "no_reset_member_service",
            forgot_summary: "forgot_id_member_service_summary",
            forgot: "forgot_id_member_service",
            forgot_link: "forgot_id_page_link_member_service",
        },
        LoginKind::MyPage => KindTexts {
            kind: "kind_my_page",
            region: "region_label_my_page",
            reset: "reset_password_my_page",
            no_reset: "no_reset_my_page",
            forgot_summary: "forgot_id_my_page_summary",
            forgot: "forgot_id_my_page",
            forgot_link: "forgot_id_page_link_my_page",
        },
    }
}

/// The login's reset link, marked as the contract's reset action.
pub fn reset_link(login: &LoginState) -> Option<Part> {
    let href = login.reset.as_ref()?;
    Some(
        Part::link(href.clone(), Text::key(texts(login.kind).reset))
            .attr("data-plh-action", "reset-password"),
    )
}

/// How to recover the ID: the page's own link where there is one, and the
/// support line.
pub fn forgot_id(login: &LoginState) -> Vec<Part> {
    let t = texts(login.kind);
    let mut parts = vec![Part::para(Text::key(t.forgot))];
    if let Some(href) = &login.forgot {
        parts.push(Part::block(vec![Part::link(
            href.clone(),
            Text::key(t.forgot_link),
        )]));
    }
    parts.push(support_line("support_line"));
    parts
}

/// A notice of the memory, as a paragraph.
pub fn notice_part(n: &Notice) -> Part {
    Part::para(Text::with(n.message, n.args.clone()))
        .keyed(["n:", n.kind].concat())
        .attr("data-plh-notice", n.kind)
        .attr("class", ["notice ", n.kind].concat())
}

/// What the form host is given besides its login.
pub struct FormContext<'a> {
    /// 「前回は LINE でログインしました」, where remembered.
    pub last_login: Option<&'a Notice>,
    /// Months without a login, said calmly in the help.
    pub inactive: Option<&'a Notice>,
    /// A notice on screen already offers this login's reset link (the
    /// failed-login checklist): ours stays folded.
    pub reset_shown_elsewhere: bool,
}

/// The box after a login form.
pub fn form_host(index: usize, login: &LoginState, cx: &FormContext) -> FormHost {
    let t = texts(login.kind);
    let reset = reset_link(login);
    // One reset link in sight: the page's own where it is beside the form,
    // else the failure notice's, else ours here; every other copy is folded.
    let in_sight = !login.reset_near && !cx.reset_shown_elsewhere;
    let mut help = vec![Part::para(Text::key(t.kind))];
    let mut parts: Vec<Part> = cx.last_login.map(notice_part).into_iter().collect();
    match reset {
        Some(link) if in_sight => {
            parts.push(Part::block(vec![link]).attr("class", "links"));
        }
        Some(link) => help.push(Part::block(vec![link])),
        // No address is invented: where the page has no reset link of its
        // own, the help says where to look and who to call.
        None => help.push(support_line(t.no_reset)),
    }
    help.push(
        Part::details(Text::key(t.forgot_summary), forgot_id(login))
            .keyed("forgot")
            .attr("data-plh-action", "forgot-id"),
    );
    if let Some(n) = cx.inactive {
        help.push(notice_part(n));
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn login(reset: Option<&str>, near: bool) -> LoginState {
        LoginState::sample(LoginKind::MyPage, reset, near)
    }

    fn in_sight(host: &FormHost) -> bool {
        host.parts.iter().any(|p| {
            p.block
                .as_ref()
                .is_some_and(|b| b.iter().any(|x| x.link.is_some()))
        })
    }

    const NONE: FormContext = FormContext {
        last_login: None,
        inactive: None,
        reset_shown_elsewhere: false,
    };

    #[test]
    fn one_reset_link_in_sight() {
        let href = Some("https://www.pasonacareer.jp/pw");
        assert!(in_sight(&form_host(0, &login(href, false), &NONE)));
        assert!(
            !in_sight(&form_host(0, &login(href, true), &NONE)),
            "the page shows its own"
        );
        let elsewhere = FormContext {
            reset_shown_elsewhere: true,
            ..NONE
        };
        assert!(!in_sight(&form_host(0, &login(href, false), &elsewhere)));
        assert!(!in_sight(&form_host(0, &login(None, false), &NONE)));
    }

    #[test]
    fn without_a_reset_link_the_help_says_where_to_look() {
        let host = form_host(0, &login(None, false), &NONE);
        let help = host.parts.last().unwrap().details.as_ref().unwrap();
        let first = help.parts[1].block.as_ref().unwrap()[0]
            .text
            .as_ref()
            .unwrap();
        assert_eq!(first.key, "no_reset_my_page");
    }
}
