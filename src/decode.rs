//! Reading values of any shape: what a request, the page snapshot, the
//! session state and the stored data look like before the core trusts them.
//!
//! One reader serves every source: JavaScript objects in the browser (see
//! `wasm`) and `serde_json::Value` natively (tests, golden snapshots, fuzzing),
//! so the code that decodes a request is the same code everywhere. It is
//! written by hand, not derived: a derived `Deserialize` drags serde's generic
//! machinery and float formatting into the wasm, and it rejects a whole
//! request for one odd field where stored data must fall back field by field.

/// A value of unknown shape. Every accessor answers `None` for a value of
/// another type, for `null` and for a missing key: callers choose the default.
pub trait Raw: Sized {
    fn get(&self, key: &str) -> Option<Self>;
    fn string(&self) -> Option<String>;
    fn number(&self) -> Option<f64>;
    fn boolean(&self) -> Option<bool>;
    /// The first `max` items of an array.
    fn items(&self, max: usize) -> Option<Vec<Self>>;
    /// Whether this is an object (not an array, not null).
    fn is_object(&self) -> bool;
}

/// Why a request could not be read: which part, never the value (it may be
/// what the user typed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl DecodeError {
    pub fn missing(what: &str) -> Self {
        DecodeError([what, ": missing or of the wrong type"].concat())
    }

    /// An unknown name where one of a few is expected: its first 20
    /// characters (a name, never a typed value, but bounded all the same).
    pub fn unknown(what: &str, name: &str) -> Self {
        let name: String = name.chars().take(20).collect();
        DecodeError([what, ": unknown (", &name, ")"].concat())
    }
}

/// Reading helpers on any [`Raw`] value.
pub trait RawExt: Raw {
    fn str_or_empty(&self, key: &str) -> String {
        self.get(key).and_then(|v| v.string()).unwrap_or_default()
    }

    fn bool_or(&self, key: &str, default: bool) -> bool {
        self.get(key).and_then(|v| v.boolean()).unwrap_or(default)
    }

    /// A whole number in the `i64` range; `None` for fractions, NaN, infinities.
    fn int(&self, key: &str) -> Option<i64> {
        self.get(key).and_then(|v| v.number()).and_then(whole)
    }

    fn list<T>(&self, key: &str, max: usize, read: impl Fn(&Self) -> T) -> Vec<T> {
        self.get(key)
            .and_then(|v| v.items(max))
            .map(|items| items.iter().map(&read).collect())
            .unwrap_or_default()
    }

    fn strings(&self, key: &str, max: usize) -> Vec<String> {
        self.get(key)
            .and_then(|v| v.items(max))
            .map(|items| items.iter().filter_map(Raw::string).collect())
            .unwrap_or_default()
    }
}

impl<R: Raw> RawExt for R {}

/// `n` as an integer when it is one (JavaScript has only doubles).
pub fn whole(n: f64) -> Option<i64> {
    // 2^63 as f64; anything at or beyond it does not fit.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    (n.is_finite() && n.fract() == 0.0 && n.abs() < LIMIT).then_some(n as i64)
}

#[cfg(not(target_arch = "wasm32"))]
impl Raw for serde_json::Value {
    fn get(&self, key: &str) -> Option<Self> {
        self.as_object()?.get(key).filter(|v| !v.is_null()).cloned()
    }
    fn string(&self) -> Option<String> {
        self.as_str().map(str::to_owned)
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
    fn items(&self, max: usize) -> Option<Vec<Self>> {
        Some(self.as_array()?.iter().take(max).cloned().collect())
    }
    fn is_object(&self) -> bool {
        self.is_object()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn wrong_types_read_as_missing() {
        let v = json!({"a": "x", "b": 3, "c": true, "d": null, "e": [1, "2", 3.5], "f": 2.5});
        assert_eq!(v.str_or_empty("a"), "x");
        assert_eq!(v.str_or_empty("b"), "");
        assert_eq!(v.int("b"), Some(3));
        assert_eq!(v.int("f"), None, "fractions are not whole numbers");
        assert!(v.bool_or("c", false));
        assert!(v.bool_or("a", true), "a string is not a boolean");
        assert_eq!(Raw::get(&v, "d"), None, "null is missing");
        assert_eq!(v.strings("e", 10), vec!["2".to_string()]);
        assert_eq!(v.list("e", 2, |x| x.number()), vec![Some(1.0), None]);
    }

    #[test]
    fn whole_numbers_only() {
        assert_eq!(whole(20_000.0), Some(20_000));
        assert_eq!(whole(-1.0), Some(-1));
        assert_eq!(whole(f64::NAN), None);
        assert_eq!(whole(f64::INFINITY), None);
        // 2^63 is the first double beyond i64 (a cast would saturate to i64::MAX).
        assert_eq!(whole(9_223_372_036_854_775_808.0), None);
        assert_eq!(
            whole(9_223_372_036_854_774_784.0),
            Some(9_223_372_036_854_774_784)
        );
        assert_eq!(whole(1e300), None);
    }
}
