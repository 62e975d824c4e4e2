//! What every request carries about its moment: the date and, from a page,
//! the browser. Read here once for the page session, the popup and the
//! options page alike.

use crate::browser::{Brand, BrowserSignals};
use crate::decode::{DecodeError, Raw, RawExt};

/// The date and the browser, as the script saw them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Env {
    /// Days since 1970-01-01 (UTC).
    pub today: i64,
    /// `Date.now()`.
    pub now_ms: i64,
    pub browser: Option<BrowserSignals>,
}

/// Brands of `navigator.userAgentData` read at most.
const MAX_BRANDS: usize = 16;

impl Env {
    pub fn read<R: Raw>(r: Option<&R>) -> Result<Env, DecodeError> {
        let r = r.ok_or_else(|| DecodeError::missing("env"))?;
        let now_ms = r
            .int("nowMs")
            .ok_or_else(|| DecodeError::missing("env.nowMs"))?;
        Ok(Env {
            today: now_ms.div_euclid(86_400_000),
            now_ms,
            browser: r.get("browser").map(|b| read_browser(&b)),
        })
    }
}

fn read_browser<R: Raw>(r: &R) -> BrowserSignals {
    BrowserSignals {
        user_agent: r.str_or_empty("userAgent"),
        brands: r.list("brands", MAX_BRANDS, |b| Brand {
            brand: b.str_or_empty("brand"),
            version: b.str_or_empty("version"),
        }),
        mobile: r.bool_or("mobile", false),
        platform: r.str_or_empty("platform"),
        brave: r.bool_or("brave", false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_date_comes_from_the_clock_and_the_browser_is_optional() {
        let env = Env::read(Some(&json!({"nowMs": 86_400_000 * 3 + 5}))).unwrap();
        assert_eq!((env.today, env.browser), (3, None));
        let env = Env::read(Some(&json!({"nowMs": -1}))).unwrap();
        assert_eq!(env.today, -1, "before 1970 is the day before");
        assert!(Env::read(Some(&json!({"nowMs": "now"}))).is_err());
        assert!(Env::read::<serde_json::Value>(None).is_err());
        let env = Env::read(Some(
            &json!({"nowMs": 0, "browser": {"userAgent": "X", "brave": true,
            "brands": [{"brand": "Brave", "version": "150"}]}}),
        ))
        .unwrap();
        let b = env.browser.unwrap();
        assert!(b.brave && b.user_agent == "X" && b.brands[0].version == "150");
    }
}
