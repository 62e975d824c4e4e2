//! Parts that the page, the toolbar popup and the options page all draw:
//! the support line, a link out to Pasona Career, a link with its
//! destination shown, and what the extension remembers, in words. They sit
//! below every view that uses them, so no view imports another.

use crate::env::Env;
use crate::last_login::last_login_notice;
use crate::site::{PASONA_CAREER_URL, SUPPORT_PHONE};
use crate::stored::Stored;
use crate::view::{Arg, Part, Press, Text};

/// The support line: its words, then the number as text. (Not a `tel:`
/// link: every link the extension offers is an https address of the site.)
pub fn support_line(key: &'static str) -> Part {
    Part::block(vec![
        Part::text(Text::key(key)),
        Part::text(Text::verbatim(SUPPORT_PHONE)).attr("class", "tel"),
    ])
}

/// A link that opens elsewhere, with the host it leads to beside it, so the
/// person sees where it goes before pressing it. `action`: the contract's
/// `data-plh-action` of the link, if any.
pub fn link_with_host(href: &str, text: Text, action: Option<&'static str>) -> Part {
    let mut link = Part::link(href.to_string(), text).new_tab();
    if let Some(action) = action {
        link = link.attr("data-plh-action", action);
    }
    Part::block(vec![
        link,
        Part::text(Text::with(
            "link_host",
            vec![Arg::Plain(host_of(href).into())],
        ))
        .attr("class", "host"),
    ])
    .attr("class", "out")
}

/// The host of an address the extension offers (already checked to be an
/// https address of the site: see `site::own_link`).
pub fn host_of(href: &str) -> &str {
    crate::site::https_host(href).unwrap_or(href)
}

/// The popup's button that asks for the report on the tab's page
/// (`session::report`), on any page of the three sites.
pub fn report_button() -> Part {
    Part::button(Text::key("report_open"), Press::Report {}).attr("data-plh-action", "report")
}

/// Pasona Career's top page, from an extension page or a look-alike site.
pub fn open_site() -> Part {
    link_with_host(PASONA_CAREER_URL, Text::key("popup_open_site"), None)
}

/// Where the memory is shown: the popup says how to turn it on; the options
/// page is where that is done, and always shows the erase button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Popup,
    Options,
}

/// What is remembered, in a line or two, and the erase control: in the
/// popup only when something is stored; on the options page always, and
/// disabled when there is nothing to erase.
pub fn remembered(stored: &Stored, env: &Env, on: Shown) -> Vec<Part> {
    let mut parts = Vec::new();
    if !stored.settings.memory() {
        let key = match on {
            Shown::Popup => "popup_memory_off",
            Shown::Options => "options_memory_off",
        };
        parts.push(
            Part::para(Text::key(key))
                .attr("data-plh-memory", "off")
                .attr("class", "muted"),
        );
    } else if let Some(m) = &stored.memory {
        let n = last_login_notice(m, env.today);
        parts.push(
            Part::para(Text::with(n.message, n.args))
                .keyed("n:last-login")
                .attr("data-plh-notice", n.kind)
                .attr("class", "notice"),
        );
        parts.push(
            Part::para(Text::with(
                "popup_memory_date",
                vec![Arg::Date { date: m.date }],
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
    if !stored.dismissed.is_empty() {
        parts.push(Part::para(Text::key("stored_dismissed")).attr("class", "muted"));
    }
    let something = stored.remembers();
    if something || on == Shown::Options {
        let mut forget = Part::button(Text::key("popup_forget"), Press::Forget {})
            .keyed("forget")
            .attr("data-plh-action", "forget")
            .attr("class", "secondary");
        if !something {
            forget = forget.attr("disabled", "");
        }
        parts.push(forget);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_of_offered_links() {
        assert_eq!(
            host_of("https://www.pasonacareer.jp/x?y#z"),
            "www.pasonacareer.jp"
        );
        assert_eq!(
            host_of("https://mypage.pasonacareer.jp"),
            "mypage.pasonacareer.jp"
        );
        assert_eq!(
            host_of("https://www.pasonacareer.jp:443/"),
            "www.pasonacareer.jp"
        );
    }

    #[test]
    fn the_erase_button_is_there_on_the_options_page_but_off_with_nothing_stored() {
        let stored = Stored {
            known: true,
            ..Stored::default()
        };
        let env = Env::default();
        let find = |parts: &[Part]| {
            parts
                .iter()
                .find(|p| p.button.is_some())
                .map(|p| p.attrs.iter().any(|(n, _)| *n == "disabled"))
        };
        assert_eq!(find(&remembered(&stored, &env, Shown::Popup)), None);
        assert_eq!(find(&remembered(&stored, &env, Shown::Options)), Some(true));
        let mut with_memory = stored.clone();
        with_memory.memory = Some(crate::last_login::LastLogin {
            method: crate::last_login::Method::Line,
            date: 3,
        });
        assert_eq!(
            find(&remembered(&with_memory, &env, Shown::Options)),
            Some(false)
        );
        assert_eq!(
            find(&remembered(&with_memory, &env, Shown::Popup)),
            Some(false)
        );
    }
}
