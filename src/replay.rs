//! Running a report (`session::report`, made by the popup's 「このページの
//! 問題を報告」) again, natively: its snapshot through the real session —
//! `protocol::answer` with a scan event, then the report event, on the
//! report's date, for its browser, with its switches and the notices its
//! person had closed — and what the core decides now beside what the report
//! says it decided. `./build.sh replay REPORT.json` prints it
//! (`examples/replay.rs`); `tests/reports.rs` holds the saved reports to
//! their recorded answers. Native only: the extension never replays.
//!
//! What a replay can decide again is what the page decides: the site, the
//! logins and their fields, the page's codes and the links offered. The
//! codes under each field were for what was typed, which no report holds:
//! they are shown, never compared.

use serde_json::{json, Value};

use crate::browser::{days_from_civil, identify, Brand, BrowserSignals};
use crate::protocol::{answer, Response};
use crate::session::{Report, REPORT_FORMAT};

/// The parts of a decision a replay compares, in this order.
pub const COMPARED: [&str; 4] = ["site", "logins", "pageCodes", "links"];

/// What the core decides now on the report's page: the compared parts of
/// its `decided` (`{site, logins, pageCodes, links}`).
pub fn replay(report: &Value) -> Result<Value, String> {
    let format = report.get("format").and_then(Value::as_u64);
    if format != Some(u64::from(REPORT_FORMAT)) {
        return Err(format!(
            "not a report of format {REPORT_FORMAT} (format: {})",
            format.map_or("none".into(), |f| f.to_string())
        ));
    }
    let page = report.get("page").ok_or("the report has no page")?;
    let env = env_of(report)?;
    let stored = json!({"sync": {"settings": report.get("settings").cloned().unwrap_or(json!({}))}, "local": {}});
    let closed = report.get("closed").cloned().unwrap_or(json!([]));
    let scan = json!({"op": "page", "event": {"type": "scan", "page": page, "values": []},
        "state": {"dismissed": closed}, "stored": stored, "env": env});
    let Response::Page(scanned) = answer(&scan).map_err(|e| format!("scan refused: {}", e.0))?
    else {
        return Err("the scan got no page answer".into());
    };
    let state = serde_json::to_value(&scanned.state).map_err(|e| e.to_string())?;
    let ask = json!({"op": "page", "event": {"type": "report", "page": page, "values": []},
        "state": state, "stored": stored, "env": env});
    let Response::Page(answered) = answer(&ask).map_err(|e| format!("report refused: {}", e.0))?
    else {
        return Err("the report got no page answer".into());
    };
    let now = answered.report.ok_or("the core made no report")?.report;
    Ok(compared(&decided_of(&now)?))
}

fn decided_of(report: &Report) -> Result<Value, String> {
    serde_json::to_value(&report.decided).map_err(|e| e.to_string())
}

/// The compared parts of a `decided`.
pub fn compared(decided: &Value) -> Value {
    let mut out = serde_json::Map::new();
    for key in COMPARED {
        out.insert(key.into(), decided.get(key).cloned().unwrap_or(Value::Null));
    }
    Value::Object(out)
}

/// The request's `env`: noon (UTC) of the report's date, and a user agent
/// that the core names as the report's browser.
fn env_of(report: &Value) -> Result<Value, String> {
    let date = report.get("date").and_then(Value::as_str).unwrap_or("");
    let parts: Vec<i64> = date.split('-').filter_map(|p| p.parse().ok()).collect();
    let [y, m, d] = parts[..] else {
        return Err(format!("the report's date is not YYYY-MM-DD ({date:.20})"));
    };
    let (m, d) = (
        u32::try_from(m).map_err(|_| "bad month")?,
        u32::try_from(d).map_err(|_| "bad day")?,
    );
    let now_ms = days_from_civil(y, m, d) * 86_400_000 + 43_200_000;
    let mut env = json!({"nowMs": now_ms});
    if let Some(b) = report.get("browser").filter(|b| !b.is_null()) {
        let family = b.get("family").and_then(Value::as_str).unwrap_or("");
        let major = b.get("major").and_then(Value::as_u64).unwrap_or(0);
        let platform = b.get("platform").and_then(Value::as_str).unwrap_or("");
        let signals = stand_in(family, major, platform)
            .ok_or_else(|| format!("no stand-in for the browser {family} {major} on {platform}"))?;
        env["browser"] = json!({"userAgent": signals.user_agent, "brave": signals.brave,
            "brands": signals.brands.iter().map(|b| json!({"brand": b.brand, "version": b.version})).collect::<Vec<_>>()});
    }
    Ok(env)
}

/// Signals that `browser::identify` names as `family` `major` on
/// `platform`, or none where no stand-in is named so.
pub fn stand_in(family: &str, major: u64, platform: &str) -> Option<BrowserSignals> {
    let system = match platform {
        "desktop" => "Windows NT 10.0; Win64; x64",
        "mac" => "Macintosh; Intel Mac OS X 10_15_7",
        "android" => "Android 14; Mobile",
        "ios" => "iPhone; CPU iPhone OS 18_0 like Mac OS X",
        _ => return None,
    };
    let chrome = |extra: &str| {
        format!("Mozilla/5.0 ({system}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{major}.0.0.0 Safari/537.36{extra}")
    };
    let mut signals = BrowserSignals::default();
    signals.user_agent = match family {
        "chrome" => chrome(""),
        "edge" => chrome(&format!(" Edg/{major}.0.0.0")),
        "opera" => chrome(&format!(" OPR/{major}.0.0.0")),
        "yandex" => chrome(&format!(" YaBrowser/{major}.0.0.0")),
        "vivaldi" => chrome(&format!(" Vivaldi/{major}.0")),
        "brave" => {
            signals.brave = true;
            signals.brands = vec![Brand {
                brand: "Brave".into(),
                version: major.to_string(),
            }];
            chrome("")
        }
        "firefox" if platform == "android" => {
            format!("Mozilla/5.0 ({system}; rv:{major}.0) Gecko/{major}.0 Firefox/{major}.0")
        }
        "firefox" => format!("Mozilla/5.0 ({system}; rv:{major}.0) Gecko/20100101 Firefox/{major}.0"),
        "safari" if platform == "ios" => format!(
            "Mozilla/5.0 ({system}) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{major}.0 Mobile/15E148 Safari/604.1"
        ),
        "safari" => format!(
            "Mozilla/5.0 ({system}) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/{major}.0 Safari/605.1.15"
        ),
        _ => return None,
    };
    let named = identify(&signals)?;
    let same = named.family.key() == family
        && u64::from(named.major) == major
        && crate::session::platform_key(named.platform) == platform;
    same.then_some(signals)
}

/// One line of the comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub what: String,
    pub was: String,
    pub now: String,
    /// Compared (the field codes are only shown).
    pub compared: bool,
}

impl Row {
    pub fn differs(&self) -> bool {
        self.compared && self.was != self.now
    }
}

/// `was` (a `decided`, or the compared parts of one) beside `now`, line by
/// line: the site, each login, the page's codes, each link, then the field
/// codes `was` holds (shown only).
pub fn compare(was: &Value, now: &Value) -> Vec<Row> {
    let mut rows = Vec::new();
    let text = |v: Option<&Value>| v.map_or("-".to_string(), one_line);
    let row = |what: String, was: String, now: String| Row {
        what,
        was,
        now,
        compared: true,
    };
    rows.push(row(
        "site".into(),
        text(was.get("site")),
        text(now.get("site")),
    ));
    let list = |v: &Value, key: &str| {
        v.get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let (wl, nl) = (list(was, "logins"), list(now, "logins"));
    for i in 0..wl.len().max(nl.len()).max(1) {
        rows.push(row(
            format!("login {}", i + 1),
            wl.get(i).map_or("-".into(), login_line),
            nl.get(i).map_or("-".into(), login_line),
        ));
    }
    let codes = |v: &Value| {
        let c: Vec<String> = list(v, "pageCodes").iter().map(one_line).collect();
        if c.is_empty() {
            "-".to_string()
        } else {
            c.join(" ")
        }
    };
    rows.push(row("page codes".into(), codes(was), codes(now)));
    let (wk, nk) = (list(was, "links"), list(now, "links"));
    for i in 0..wk.len().max(nk.len()) {
        let what = |l: Option<&Value>| l.and_then(|l| l.get("what")).map(one_line);
        let name = what(wk.get(i)).or(what(nk.get(i))).unwrap_or_default();
        let href = |l: Option<&Value>| l.map_or("-".into(), |l| text(l.get("href")));
        rows.push(row(
            format!("link {} {name}", i + 1),
            href(wk.get(i)),
            href(nk.get(i)),
        ));
    }
    for f in list(was, "fieldCodes") {
        let login = f.get("login").and_then(Value::as_u64).unwrap_or(0) + 1;
        let field = f.get("field").map(one_line).unwrap_or_default();
        let c: Vec<String> = list(&f, "codes").iter().map(one_line).collect();
        rows.push(Row {
            what: format!("login {login} {field} codes"),
            was: if c.is_empty() {
                "-".into()
            } else {
                c.join(" ")
            },
            now: "(not replayed: a report holds no typed value)".into(),
            compared: false,
        });
    }
    rows
}

fn one_line(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "-".into(),
        other => other.to_string(),
    }
}

fn login_line(l: &Value) -> String {
    let field = |k: &str| {
        l.get(k)
            .filter(|v| !v.is_null())
            .map_or("-".into(), one_line)
    };
    format!(
        "{} (area {}, id {}, password {})",
        field("kind"),
        field("area"),
        field("idField"),
        field("passwordField")
    )
}

/// The rows as a table: `!` marks a difference.
pub fn table(rows: &[Row]) -> String {
    let w0 = rows
        .iter()
        .map(|r| r.what.chars().count())
        .max()
        .unwrap_or(0);
    let w1 = rows
        .iter()
        .map(|r| r.was.chars().count())
        .chain([13])
        .max()
        .unwrap_or(0);
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.chars().count())));
    let mut out = format!(
        "  {}  {}  {}\n",
        pad("", w0),
        pad("in the report", w1),
        "now"
    );
    for r in rows {
        let mark = if r.differs() { "!" } else { " " };
        out.push_str(&format!(
            "{mark} {}  {}  {}\n",
            pad(&r.what, w0),
            pad(&r.was, w1),
            r.now
        ));
    }
    let differ = rows.iter().filter(|r| r.differs()).count();
    let compared = rows.iter().filter(|r| r.compared).count();
    out.push_str(&format!("{} of {compared} compared lines differ\n", differ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stand_in_is_named_as_the_browser_it_stands_in_for() {
        for (family, platforms) in [
            ("chrome", &["desktop", "mac"][..]),
            ("edge", &["desktop", "mac"]),
            ("opera", &["desktop"]),
            ("yandex", &["desktop"]),
            ("vivaldi", &["desktop"]),
            ("brave", &["desktop"]),
            ("firefox", &["desktop", "mac", "android"]),
            ("safari", &["mac", "ios"]),
        ] {
            for platform in platforms {
                assert!(
                    stand_in(family, 140, platform).is_some(),
                    "{family} on {platform}"
                );
            }
        }
        assert!(stand_in("netscape", 4, "desktop").is_none());
        assert!(stand_in("chrome", 140, "amiga").is_none());
    }

    #[test]
    fn a_replay_runs_at_noon_of_the_reports_date() {
        let env = env_of(&json!({"date": "2026-11-27"})).unwrap();
        assert_eq!(
            env["nowMs"],
            days_from_civil(2026, 11, 27) * 86_400_000 + 12 * 3_600_000
        );
        assert!(env_of(&json!({"date": "27.11.2026"})).is_err());
    }

    #[test]
    fn a_firefox_stand_in_has_its_platforms_own_gecko_token() {
        let ua = |platform: &str| stand_in("firefox", 140, platform).unwrap().user_agent;
        assert!(ua("android").contains("Gecko/140.0 Firefox/140.0"));
        assert!(ua("desktop").contains("Gecko/20100101 Firefox/140.0"));
    }

    #[test]
    fn a_safari_stand_in_on_an_iphone_is_mobile_safari() {
        let ua = |platform: &str| stand_in("safari", 18, platform).unwrap().user_agent;
        assert!(ua("ios").contains("Mobile/15E148 Safari/604.1"));
        assert!(!ua("mac").contains("Mobile/"));
    }

    #[test]
    fn a_difference_is_marked_and_field_codes_are_never_compared() {
        let was = json!({"site": "pasona-career", "logins": [{"kind": "my-page", "area": 0, "idField": 0, "passwordField": 1}],
            "pageCodes": [], "links": [{"what": "reset-password", "href": "https://www.pasonacareer.jp/pw/"}],
            "fieldCodes": [{"login": 0, "field": "id", "codes": ["not-digits"]}]});
        let mut now = compared(&was);
        assert!(compare(&was, &now).iter().all(|r| !r.differs()));
        let login = compare(&was, &now)
            .into_iter()
            .find(|r| r.what == "login 1")
            .unwrap();
        assert_eq!(login.was, "my-page (area 0, id 0, password 1)");
        now["links"] = json!([]);
        let rows = compare(&was, &now);
        let differ: Vec<&Row> = rows.iter().filter(|r| r.differs()).collect();
        assert_eq!(differ.len(), 1);
        assert_eq!(differ[0].what, "link 1 reset-password");
        assert_eq!(differ[0].now, "-");
        assert!(table(&rows).contains("! link 1 reset-password"));
        assert!(rows.iter().any(|r| !r.compared && r.was == "not-digits"));
    }
}
