//! Prints, as a JSON array of at most one warning, the page-level browser
//! notice native code gives for a user agent (argument 1, with optional brands
//! as "Brand/version" arguments after it) today, with its level and its cause.
//! The browser tests compare the extension's answer for the machine's own
//! Chromium and Firefox with this, rather than with a verdict that would go
//! stale as the calendar moves on.

use plh::browser::{page_notice, Brand, BrowserSignals};
use std::time::{SystemTime, UNIX_EPOCH};

fn main() {
    let mut args = std::env::args().skip(1);
    let user_agent = args.next().unwrap_or_default();
    let brands = args
        .filter_map(|b| {
            let (brand, version) = b.rsplit_once('/')?;
            Some(Brand {
                brand: brand.into(),
                version: version.into(),
            })
        })
        .collect();
    let today = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| (d.as_secs() / 86_400) as i64);
    let signals = BrowserSignals {
        user_agent,
        brands,
        ..Default::default()
    };
    let codes: Vec<_> = page_notice(&signals, today)
        .into_iter()
        .map(|n| {
            serde_json::json!({
                "code": n.warning.code,
                "message": n.warning.message,
                "level": n.warning.level,
                "cause": n.cause,
            })
        })
        .collect();
    println!("{}", serde_json::Value::Array(codes));
}
