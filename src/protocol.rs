//! The one door into the core. The content script (in-page wasm), the
//! background fallback (wasm over extension messaging) and the extension's
//! own pages (popup, options) all send a `Request` and get a `Response`, so
//! each decision exists once whatever the page's CSP.

use serde::{Deserialize, Serialize};

use crate::browser::BrowserSignals;
use crate::checks::{self, FieldInput};
use crate::detect::{self, PageReport};
use crate::guidance;
use crate::memory::{self, Memory, Method, Notice, Outcome, Pending};
use crate::settings::{Group, Settings, GROUPS};
use crate::snapshot::PageSnapshot;
use crate::warning::{LoginKind, Warning};

/// Externally tagged (`{"detect": {...}}`): an internally tagged enum would
/// make serde buffer every request into its generic `Content` first, which
/// costs time and a good part of the wasm. The browser writes `{op: "detect",
/// ...}`; the wasm binding moves it under its tag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Request {
    /// Which logins the page shows, and the page-level guidance.
    Detect {
        page: Box<PageSnapshot>,
        #[serde(default)]
        browser: Option<BrowserSignals>,
        /// Days since 1970-01-01 (UTC), from the browser's clock.
        #[serde(default)]
        today: Option<i64>,
        #[serde(default)]
        settings: Settings,
    },
    /// What is wrong with one field's value.
    Check {
        input: FieldInput,
        #[serde(default)]
        settings: Settings,
    },
    /// Which login method a submit or an SNS button click is.
    Method {
        #[serde(default)]
        kind: Option<LoginKind>,
        #[serde(default)]
        label: Option<String>,
    },
    /// What the page after a submit says about it.
    #[serde(rename_all = "camelCase")]
    Outcome {
        pending: Pending,
        now_ms: i64,
        today: i64,
        kinds: Vec<LoginKind>,
        login_failed: bool,
    },
    /// What the remembered login has to say today.
    Notices {
        #[serde(default)]
        memory: Option<Memory>,
        today: i64,
    },
    /// The checklist of causes for the logins on screen (popup).
    Checklist { kinds: Vec<LoginKind> },
    /// The switchable groups of checks (options page).
    Groups {},
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "op", rename_all = "camelCase")]
pub enum Response {
    Detect { report: PageReport },
    Check { warnings: Vec<Warning> },
    Method { method: Option<Method> },
    Outcome { outcome: Outcome },
    Notices { notices: Vec<Notice> },
    Checklist { checklist: Vec<&'static str> },
    Groups { groups: Vec<GroupInfo> },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GroupInfo {
    pub group: Group,
    pub label: &'static str,
}

pub fn handle(request: &Request) -> Response {
    match request {
        Request::Detect {
            page,
            browser,
            today,
            settings,
        } => {
            let mut report = detect::report(
                page,
                detect::Context {
                    browser: browser.as_ref(),
                    today: *today,
                },
            );
            report.warnings = settings.filter(std::mem::take(&mut report.warnings));
            Response::Detect { report }
        }
        Request::Check { input, settings } => Response::Check {
            warnings: settings.filter(checks::check(input)),
        },
        Request::Method { kind, label } => Response::Method {
            method: label
                .as_deref()
                .and_then(memory::sns_of)
                .or(kind.map(Method::for_form)),
        },
        Request::Outcome {
            pending,
            now_ms,
            today,
            kinds,
            login_failed,
        } => {
            let kind = match pending.method {
                Method::MyPage => LoginKind::MyPage,
                _ => LoginKind::MemberService,
            };
            Response::Outcome {
                outcome: memory::outcome(
                    pending,
                    *now_ms,
                    *today,
                    *login_failed,
                    kinds.contains(&kind),
                ),
            }
        }
        Request::Notices { memory, today } => Response::Notices {
            notices: memory::notices(memory.as_ref(), *today),
        },
        Request::Checklist { kinds } => Response::Checklist {
            checklist: guidance::checklist(kinds),
        },
        Request::Groups {} => Response::Groups {
            groups: GROUPS
                .iter()
                .map(|&(group, label)| GroupInfo { group, label })
                .collect(),
        },
    }
}
