//! The report a person asks for in the popup (「このページの問題を報告」),
//! to show, copy and paste into the repository's issues when the extension
//! gets a page wrong; `./build.sh replay` runs it again (`crate::replay`).
//!
//! The core decides what goes in it: the extension's version, the browser as
//! `browser::identify` names it, the date, the switches, the page's snapshot
//! as the reader took it, and what the core decided on it (the site, the
//! logins with their fields, the codes each field and the page show now, the
//! links offered). Never a value: the reader never reads one, and since a
//! page can echo what was typed (a message, a counter, a note after the
//! field), every text of the snapshot holding a run of four characters of a
//! value typed now is left out whole, and every address loses its query,
//! fragment and `;` parameters (where search words and session ids travel).
//! Nothing in it is sent anywhere: the person copies it.

use serde::Serialize;

use super::event::Values;
use super::judge::{as_they_stand, judge_all, typed_ambiguous};
use super::notices::page_notices;
use super::request::PageResponse;
use super::scan;
use super::state::State;
use crate::browser::{civil_from_days, identify, Platform};
use crate::env::Env;
use crate::settings::Settings;
use crate::snapshot::{LinkSnapshot, PageSnapshot};
use crate::stored::{Dismissed, Stored};
use crate::text::{fold, number};
use crate::view::{Part, Press, Text};

/// The report's shape; a replay refuses another.
pub const FORMAT: u32 = 1;
/// What stands in for a text that held a run of what was typed.
pub const LEFT_OUT: &str = "(left out: it held what was typed)";
/// The contract's run: no four characters of a value in a row.
const RUN: usize = 4;

/// The report and how the popup shows it: what it is and that nothing was
/// sent (before), the report itself (drawn as it is, pretty JSON), the copy
/// button (after), and what is said once it is copied or could not be.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReportView {
    pub before: Vec<Part>,
    pub report: Report,
    pub after: Vec<Part>,
    pub copied: Text,
    pub not_copied: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub format: u32,
    /// The version of the extension (the manifest's, kept equal to the
    /// crate's: `tests/static/store.test.mjs`).
    pub extension: &'static str,
    pub browser: Option<ReportBrowser>,
    /// `YYYY-MM-DD` (UTC), the day the decisions were made for.
    pub date: String,
    /// The switches: a switched-off group shows nothing.
    pub settings: Settings,
    /// Page notices the person closed: shown by nothing now, and closed again in a replay.
    #[cfg_attr(test, ts(as = "Vec<crate::warning::Code>"))]
    pub closed: Vec<&'static str>,
    pub page: PageSnapshot,
    /// How many texts were left out for holding a run of what was typed.
    pub left_out: usize,
    pub decided: Decided,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ReportBrowser {
    pub family: &'static str,
    pub major: u32,
    pub platform: &'static str,
}

/// What the core decided on the page, now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Decided {
    #[cfg_attr(test, ts(as = "crate::site::Site"))]
    pub site: &'static str,
    pub logins: Vec<DecidedLogin>,
    /// The page's notices (`data-plh-field="page"`).
    #[cfg_attr(test, ts(as = "Vec<crate::warning::Code>"))]
    pub page_codes: Vec<&'static str>,
    /// What each field shows now, for what was typed (which the report
    /// never holds: a replay cannot judge it again).
    pub field_codes: Vec<FieldCodes>,
    /// Every link the page's boxes offer, in order.
    pub links: Vec<Offered>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DecidedLogin {
    #[cfg_attr(test, ts(as = "crate::warning::LoginKind"))]
    pub kind: &'static str,
    /// Indices into the snapshot: the area (`page.forms`), its fields.
    pub area: usize,
    pub id_field: Option<usize>,
    pub password_field: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct FieldCodes {
    pub login: usize,
    #[cfg_attr(test, ts(as = "crate::warning::Field"))]
    pub field: &'static str,
    #[cfg_attr(test, ts(as = "Vec<crate::warning::Code>"))]
    pub codes: Vec<&'static str>,
}

/// A link offered: what it is for (its `data-plh-action`, else its text's
/// key) and where it goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Offered {
    pub what: String,
    pub href: String,
}

pub fn platform_key(p: Platform) -> &'static str {
    match p {
        Platform::Desktop => "desktop",
        Platform::Mac => "mac",
        Platform::Android => "android",
        Platform::Ios => "ios",
    }
}

/// The report on `page` (read just now) for a session in `state`: a look
/// on a scratch copy, as the popup's status is; nothing is recorded.
pub fn report(
    state: &State,
    page: PageSnapshot,
    stored: &Stored,
    env: &Env,
    values: &[Values],
) -> ReportView {
    let mut scratch = state.clone();
    scan::take_in(&mut scratch, &page);
    let ambiguous = typed_ambiguous(&scratch, values);
    // What the person closed: the notices that would show without their
    // closing, less those that show.
    let all = page_notices(
        &mut State {
            dismissed: Vec::new(),
            ..scratch.clone()
        },
        &Stored {
            dismissed: Dismissed::default(),
            ..stored.clone()
        },
        env,
        ambiguous,
    );
    let notices = page_notices(&mut scratch, stored, env, ambiguous);
    let shown: Vec<&'static str> = notices.iter().map(|n| n.warning.code.key()).collect();
    let closed = all
        .iter()
        .map(|n| n.warning.code.key())
        .filter(|c| !shown.contains(c))
        .collect();
    // The links offered: those the page's boxes draw now.
    let mut drawn = PageResponse::default();
    super::draw_page(&mut scratch.clone(), stored, env, values, &mut drawn);
    let mut links = Vec::new();
    if let Some(host) = &drawn.page {
        collect_links(&host.parts, &mut links);
    }
    for host in drawn.forms.iter().flatten() {
        collect_links(&host.parts, &mut links);
    }
    let judged = judge_all(&mut scratch, &stored.settings, values, as_they_stand);
    let field_codes = judged
        .iter()
        .map(|j| FieldCodes {
            login: j.host.login,
            field: j.host.field,
            codes: j.shown.iter().map(|w| w.code.key()).collect(),
        })
        .collect();
    let runs = typed_runs(values);
    let mut left_out = 0;
    let mut page = page;
    scrub_snapshot(&mut page, &runs, &mut left_out);
    for l in &mut links {
        l.href = scrub_address(std::mem::take(&mut l.href), &runs, &mut left_out);
    }
    let (y, m, d) = civil_from_days(env.today);
    let report = Report {
        format: FORMAT,
        extension: env!("CARGO_PKG_VERSION"),
        browser: env
            .browser
            .as_ref()
            .and_then(identify)
            .map(|b| ReportBrowser {
                family: b.family.key(),
                major: b.major,
                platform: platform_key(b.platform),
            }),
        date: [number(y, 4), number(m.into(), 2), number(d.into(), 2)].join("-"),
        settings: stored.settings,
        closed,
        page,
        left_out,
        decided: Decided {
            site: scratch.site.key(),
            logins: scratch
                .logins
                .iter()
                .map(|l| DecidedLogin {
                    kind: l.kind.key(),
                    area: l.area,
                    id_field: l.id_field,
                    password_field: l.password_field,
                })
                .collect(),
            page_codes: shown,
            field_codes,
            links,
        },
    };
    ReportView {
        before: vec![
            Part::para(Text::key("report_title"))
                .attr("role", "heading")
                .attr("aria-level", "2")
                .attr("class", "report-title"),
            Part::para(Text::key("report_not_sent")).attr("data-plh-report-note", ""),
            Part::para(Text::key("report_what")).attr("class", "muted"),
        ],
        report,
        after: vec![Part::button(Text::key("report_copy"), Press::Copy {})
            .attr("data-plh-action", "copy-report")],
        copied: Text::key("report_copied"),
        not_copied: Text::key("report_not_copied"),
    }
}

fn collect_links(parts: &[Part], out: &mut Vec<Offered>) {
    for p in parts {
        if let Some(link) = &p.link {
            let action = p.attrs.iter().find(|(name, _)| *name == "data-plh-action");
            let what = match action {
                Some((_, crate::view::AttrValue::Plain(a))) => a.clone(),
                _ => link.text.key.to_string(),
            };
            out.push(Offered {
                what,
                href: link.href.clone(),
            });
        }
        collect_links(p.block.as_deref().unwrap_or_default(), out);
        for item in p.list.iter().flatten() {
            collect_links(item, out);
        }
        if let Some(d) = &p.details {
            collect_links(&d.parts, out);
        }
    }
}

/// Every run of [`RUN`] characters of every value typed now, as typed and
/// folded (half-width, lower case, no spaces: a page may echo it so).
fn typed_runs(values: &[Values]) -> Vec<String> {
    let mut runs: Vec<String> = Vec::new();
    let typed = values
        .iter()
        .flat_map(|v| [v.id.as_deref(), v.password.as_deref()])
        .flatten();
    for value in typed {
        for form in [value.to_string(), fold(value)] {
            let chars: Vec<char> = form.chars().collect();
            for w in chars.windows(RUN) {
                let run: String = w.iter().collect();
                if !runs.contains(&run) {
                    runs.push(run);
                }
            }
        }
    }
    runs
}

fn holds_typed(s: &str, runs: &[String]) -> bool {
    if runs.is_empty() {
        return false;
    }
    let folded = fold(s);
    runs.iter()
        .any(|r| s.contains(r.as_str()) || folded.contains(r.as_str()))
}

/// A text as it goes into the report: whole, or left out.
fn scrub(s: String, runs: &[String], left_out: &mut usize) -> String {
    if holds_typed(&s, runs) {
        *left_out += 1;
        LEFT_OUT.to_string()
    } else {
        s
    }
}

/// An address without its query, fragment or `;` parameters, then scrubbed.
fn scrub_address(mut href: String, runs: &[String], left_out: &mut usize) -> String {
    if let Some(at) = href.find(['?', '#', ';']) {
        href.truncate(at);
    }
    scrub(href, runs, left_out)
}

/// Every text and address of the snapshot, scrubbed in place.
fn scrub_snapshot(page: &mut PageSnapshot, runs: &[String], n: &mut usize) {
    let text = |s: &mut String, n: &mut usize| *s = scrub(std::mem::take(s), runs, n);
    let address = |s: &mut String, n: &mut usize| *s = scrub_address(std::mem::take(s), runs, n);
    let links = |links: &mut Vec<LinkSnapshot>, n: &mut usize| {
        for l in links.iter_mut() {
            text(&mut l.text, n);
            address(&mut l.href, n);
            text(&mut l.context, n);
        }
    };
    address(&mut page.url, n);
    links(&mut page.links, n);
    text(&mut page.title, n);
    for s in page.headings.iter_mut().chain(page.alerts.iter_mut()) {
        text(s, n);
    }
    for f in page.forms.iter_mut() {
        links(&mut f.links, n);
        for x in f.fields.iter_mut() {
            for s in [
                &mut x.tag,
                &mut x.input_type,
                &mut x.name,
                &mut x.id,
                &mut x.autocomplete,
                &mut x.pattern,
                &mut x.inputmode,
                &mut x.placeholder,
                &mut x.label,
                &mut x.help,
            ] {
                text(s, n);
            }
        }
        for s in f.buttons.iter_mut().chain(f.errors.iter_mut()) {
            text(s, n);
        }
        text(&mut f.text, n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(id: &str, password: &str) -> Vec<Values> {
        vec![Values {
            login: 0,
            id: Some(id.into()),
            password: Some(password.into()),
            caps_lock: false,
        }]
    }

    #[test]
    fn a_text_holding_a_run_of_four_typed_characters_is_left_out_whole() {
        let runs = typed_runs(&values("taro@example.com", "Qz7!xv9K"));
        let mut n = 0;
        assert_eq!(
            scrub("「taro@ex」は登録されていません".into(), &runs, &mut n),
            LEFT_OUT
        );
        assert_eq!(
            scrub("ＴＡＲＯ様".into(), &runs, &mut n),
            LEFT_OUT,
            "folded"
        );
        assert_eq!(scrub("パスワード: z7!x".into(), &runs, &mut n), LEFT_OUT);
        assert_eq!(scrub("ログインID".into(), &runs, &mut n), "ログインID");
        assert_eq!(scrub("tar".into(), &runs, &mut n), "tar", "three is no run");
        assert_eq!(n, 3);
        assert!(typed_runs(&values("abc", "")).is_empty());
    }

    #[test]
    fn addresses_lose_query_fragment_and_parameters() {
        let mut n = 0;
        for (href, want) in [
            (
                "https://www.pasonacareer.jp/search?q=abc",
                "https://www.pasonacareer.jp/search",
            ),
            (
                "https://www.pasonacareer.jp/a;jsessionid=XYZ?x#y",
                "https://www.pasonacareer.jp/a",
            ),
            (
                "https://www.pasonacareer.jp/",
                "https://www.pasonacareer.jp/",
            ),
        ] {
            assert_eq!(scrub_address(href.into(), &[], &mut n), want);
        }
        assert_eq!(n, 0);
    }
}
