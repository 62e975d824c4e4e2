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

/// What [`Env::read`] reads, for the wire's declarations (`crate::wire`);
/// held to the reader by the tests below.
#[cfg(test)]
pub(crate) mod mirror {
    use serde::Serialize;
    use ts_rs::TS;

    /// The moment of a request, and (from a page) the browser.
    #[derive(Serialize, TS)]
    #[serde(rename_all = "camelCase")]
    #[ts(optional_fields = nullable)]
    pub struct Env {
        /// `Date.now()`: a whole number of milliseconds.
        pub now_ms: i64,
        pub browser: Option<BrowserSignals>,
    }

    /// What the browser says of itself (`navigator`), each part optional.
    #[derive(Serialize, TS)]
    #[serde(rename_all = "camelCase")]
    #[ts(optional_fields = nullable)]
    pub struct BrowserSignals {
        pub user_agent: Option<String>,
        /// `navigator.userAgentData.brands`.
        pub brands: Option<Vec<Brand>>,
        pub mobile: Option<bool>,
        pub platform: Option<String>,
        /// `navigator.brave` exists.
        pub brave: Option<bool>,
    }

    #[derive(Serialize, TS)]
    #[ts(optional_fields = nullable)]
    pub struct Brand {
        pub brand: Option<String>,
        pub version: Option<String>,
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

    #[test]
    fn the_env_mirror_is_what_the_reader_reads() {
        let full = mirror::Env {
            now_ms: 86_400_000 * 5 + 7,
            browser: Some(mirror::BrowserSignals {
                user_agent: Some("UA".into()),
                brands: Some(vec![mirror::Brand {
                    brand: Some("Chromium".into()),
                    version: Some("150".into()),
                }]),
                mobile: Some(true),
                platform: Some("Windows".into()),
                brave: Some(true),
            }),
        };
        let env = Env::read(Some(&serde_json::to_value(&full).unwrap())).unwrap();
        assert_eq!(
            env,
            Env {
                today: 5,
                now_ms: 86_400_000 * 5 + 7,
                browser: Some(BrowserSignals {
                    user_agent: "UA".into(),
                    brands: vec![Brand {
                        brand: "Chromium".into(),
                        version: "150".into()
                    }],
                    mobile: true,
                    platform: "Windows".into(),
                    brave: true,
                }),
            }
        );
        // The optional parts, `null`: the defaults.
        let bare = mirror::Env {
            now_ms: 0,
            browser: Some(mirror::BrowserSignals {
                user_agent: None,
                brands: Some(vec![mirror::Brand {
                    brand: None,
                    version: None,
                }]),
                mobile: None,
                platform: None,
                brave: None,
            }),
        };
        let env = Env::read(Some(&serde_json::to_value(&bare).unwrap())).unwrap();
        assert_eq!(
            env.browser,
            Some(BrowserSignals {
                brands: vec![Brand::default()],
                ..BrowserSignals::default()
            })
        );
        let none = mirror::Env {
            now_ms: 0,
            browser: None,
        };
        let env = Env::read(Some(&serde_json::to_value(&none).unwrap())).unwrap();
        assert_eq!(env.browser, None);
        // `nowMs`, the one required field, is required.
        assert!(Env::read(Some(&json!({"browser": {}}))).is_err());
    }
}
