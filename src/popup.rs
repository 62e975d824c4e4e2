//! The toolbar popup: what the active tab shows (the page session answers
//! for its own tab), what the extension remembers, and nothing said twice.
//! It must fit Chrome's 600-pixel popup at its natural width: the warnings
//! first, then the links, the checklist folded, the memory in a line or two.

use serde::Serialize;

use crate::common_parts::{open_site, remembered, report_button, Shown};
use crate::decode::{Raw, RawExt};
use crate::env::Env;
use crate::site::{self, Site};
use crate::stored::{Effect, Stored};
use crate::view::{Part, TabView, Text};

/// The popup's own answer: the tab (when its page has no engine running)
/// and the memory.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
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
    pub fn read<R: Raw>(r: &R) -> Result<Self, crate::decode::DecodeError> {
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
        effects.push(stored.forget());
    }
    let tab = match tab {
        Tab::Page => None,
        Tab::NoLogin(url) => Some(no_login(site::of(&url))),
        Tab::Elsewhere => Some(elsewhere()),
    };
    PopupView {
        tab,
        memory: remembered(&stored, &env, Shown::Popup),
        effects,
    }
}

fn elsewhere() -> TabView {
    TabView {
        has_login: false,
        attrs: vec![("data-plh-popup", "elsewhere".into())],
        parts: vec![
            Part::para(Text::key("popup_not_here")).attr("class", "status"),
            Part::para(Text::key("popup_what")),
            open_site(),
        ],
    }
}

fn no_login(site: Site) -> TabView {
    let mut parts = vec![Part::para(Text::key("popup_no_login")).attr("class", "status")];
    if site != Site::PasonaCareer {
        parts.push(Part::para(Text::key("popup_other_service")));
        parts.push(open_site());
    }
    // The loader alone runs here: asking for the report starts the engine.
    parts.push(report_button());
    TabView {
        has_login: false,
        attrs: vec![
            ("data-plh-popup", site.key().into()),
            ("data-plh-kinds", "".into()),
        ],
        parts,
    }
}

/// What [`PopupRequest::read`] reads (beside `op: "popup"`, `protocol`),
/// for the wire's declarations (`crate::wire`); held to the reader by the
/// test below.
#[cfg(test)]
pub(crate) mod mirror {
    use serde::Serialize;
    use ts_rs::TS;

    use crate::env::mirror::Env;
    use crate::stored::mirror::Stored;
    use crate::view::Press;

    #[derive(Serialize, TS)]
    #[ts(optional_fields = nullable)]
    pub struct PopupRequest {
        /// What the popup knows of the tab (`null`: the extension does not
        /// run there).
        pub tab: Option<Tab>,
        /// A button of the popup was pressed (only `forget` means anything).
        pub press: Option<Press>,
        pub stored: Option<Stored>,
        pub env: Env,
    }

    #[derive(Serialize, TS)]
    #[serde(tag = "type", rename_all = "camelCase")]
    #[ts(rename = "PopupTab")]
    pub enum Tab {
        /// The page session answered for the tab.
        Page,
        /// The extension runs there but found no login.
        NoLogin {
            /// The page's origin.
            #[ts(optional = nullable)]
            url: Option<String>,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::env::mirror as env;
    use crate::view::Press as P;

    fn request(tab: Option<mirror::Tab>, press: Option<P>) -> mirror::PopupRequest {
        mirror::PopupRequest {
            tab,
            press,
            stored: Some(crate::stored::mirror::Stored {
                sync: None,
                local: None,
            }),
            env: env::Env {
                now_ms: 86_400_000 * 20_000,
                browser: None,
            },
        }
    }

    fn read(r: &mirror::PopupRequest) -> Result<PopupRequest, crate::decode::DecodeError> {
        PopupRequest::read(&serde_json::to_value(r).unwrap())
    }

    #[test]
    fn the_popup_request_mirror_is_what_the_reader_reads() {
        let url = "https://www.pasona.co.jp";
        for (tab, read_as) in [
            (None, Tab::Elsewhere),
            (Some(mirror::Tab::Page), Tab::Page),
            (
                Some(mirror::Tab::NoLogin {
                    url: Some(url.into()),
                }),
                Tab::NoLogin(url.into()),
            ),
            (
                Some(mirror::Tab::NoLogin { url: None }),
                Tab::NoLogin(String::new()),
            ),
        ] {
            let r = read(&request(tab, None)).unwrap();
            assert_eq!((r.tab, r.forget), (read_as, false));
            assert!(r.stored.known);
            assert_eq!(r.env.today, 20_000);
        }
        // Any press is read; only `forget` forgets (`report` and `copy` are
        // the popup's own, never sent: read all the same).
        let presses = [
            (P::Forget {}, true),
            (P::Report {}, false),
            (P::Copy {}, false),
            (P::ReadBack { login: 0 }, false),
            (P::GoTo { login: 0 }, false),
            (
                P::Dismiss {
                    code: "login-failed",
                },
                false,
            ),
            (
                P::Fix {
                    code: "length",
                    login: 0,
                    field: "id",
                },
                false,
            ),
        ];
        for (press, forget) in presses {
            assert_eq!(read(&request(None, Some(press))).unwrap().forget, forget);
        }
        let r = mirror::PopupRequest {
            stored: None,
            ..request(None, None)
        };
        assert!(!read(&r).unwrap().stored.known);
        let mut v = serde_json::to_value(request(None, None)).unwrap();
        v.as_object_mut().unwrap().remove("env");
        assert!(PopupRequest::read(&v).is_err(), "`env` is required");
    }
}
