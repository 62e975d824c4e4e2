//! The one door into the core. The content script (in-page wasm) and the
//! background fallback (wasm over extension messaging) both send a `Request`
//! and get a `Response`, so each decision exists once whatever the page's CSP.

use serde::{Deserialize, Serialize};

use crate::browser::BrowserSignals;
use crate::checks::{self, FieldInput};
use crate::detect::{self, PageReport};
use crate::snapshot::PageSnapshot;
use crate::warning::Warning;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "camelCase")]
pub enum Request {
    /// Which logins the page shows, and the page-level guidance.
    Detect {
        page: Box<PageSnapshot>,
        #[serde(default)]
        browser: Option<BrowserSignals>,
        /// Days since 1970-01-01 (UTC), from the browser's clock.
        #[serde(default)]
        today: Option<i64>,
    },
    /// What is wrong with one field's value.
    Check { input: FieldInput },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "op", rename_all = "camelCase")]
pub enum Response {
    Detect { report: PageReport },
    Check { warnings: Vec<Warning> },
}

pub fn handle(request: &Request) -> Response {
    match request {
        Request::Detect {
            page,
            browser,
            today,
        } => Response::Detect {
            report: detect::report(
                page,
                detect::Context {
                    browser: browser.as_ref(),
                    today: *today,
                },
            ),
        },
        Request::Check { input } => Response::Check {
            warnings: checks::check(input),
        },
    }
}
