//! An answer as a plain tree of values: built by serde from the derived
//! `Serialize` of the response types, then serialized once more as this one
//! type (by serde-wasm-bindgen, in the browser).
//!
//! Why: serde instantiates a serializer's generic code for every type it
//! serializes. serde-wasm-bindgen's per-type code (its object and array
//! serializers with their error paths, the `i64`/`u64` range errors and the
//! number formatting behind them, a cache of JavaScript strings in a hash
//! map) was about 11 kB of the gzipped wasm. Through [`Tree`] it is
//! instantiated for one type only, and the per-type code is this module's,
//! which is a push onto a `Vec`.
//!
//! The tree serializes exactly as the value it was built from: the same
//! keys in the same order, the same values, with serde-wasm-bindgen's
//! `json_compatible()` serializer as with `serde_json` (checked natively
//! below on whole sessions and in the fuzzer). Objects go out through
//! serde-wasm-bindgen's map serializer (plain objects in `json_compatible`
//! mode), which needs no string cache. Maps and bytes, which no answer
//! holds, are refused rather than carried.

use serde::ser::{self, Serialize};

/// A JSON value whose object keys are the `'static` names serde gives
/// fields and variants.
#[derive(Debug, Clone, PartialEq)]
pub enum Tree {
    Null,
    Bool(bool),
    /// An integer in JavaScript's safe range (checked when built).
    Int(i64),
    Float(f64),
    Str(String),
    Name(&'static str),
    Array(Vec<Tree>),
    Object(Vec<(&'static str, Tree)>),
}

/// A value serde-wasm-bindgen's JSON-compatible serializer refuses (an
/// integer beyond 2^53, a 128-bit one) or that responses never hold (maps,
/// bytes). Carries no text: nothing is formatted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsupported;

impl core::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("unsupported value")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: core::fmt::Display>(_: T) -> Self {
        Unsupported
    }
}

impl Tree {
    /// The tree of `value`.
    pub fn of<T: Serialize + ?Sized>(value: &T) -> Result<Tree, Unsupported> {
        value.serialize(Build)
    }
}

impl Serialize for Tree {
    fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Tree::Null => s.serialize_none(),
            Tree::Bool(b) => s.serialize_bool(*b),
            // In JavaScript's safe range by construction, so the same number
            // as serde-wasm-bindgen's `serialize_i64` gives, without its
            // range check and the error formatting behind it.
            #[cfg(target_arch = "wasm32")]
            Tree::Int(n) => s.serialize_f64(*n as f64),
            #[cfg(not(target_arch = "wasm32"))]
            Tree::Int(n) => s.serialize_i64(*n),
            Tree::Float(n) => s.serialize_f64(*n),
            Tree::Str(v) => s.serialize_str(v),
            Tree::Name(v) => s.serialize_str(v),
            Tree::Array(items) => s.collect_seq(items),
            Tree::Object(fields) => s.collect_map(fields.iter().map(|(k, v)| (k, v))),
        }
    }
}

/// The largest integer a JavaScript number holds exactly (2^53 - 1).
const MAX_SAFE: u64 = (1 << 53) - 1;

fn int(v: i64) -> Result<Tree, Unsupported> {
    if v.unsigned_abs() <= MAX_SAFE {
        Ok(Tree::Int(v))
    } else {
        Err(Unsupported)
    }
}

/// Builds a [`Tree`].
struct Build;

/// A sequence, tuple or struct under construction; `variant` wraps it as
/// `{variant: ...}` at the end.
struct Seq {
    variant: Option<&'static str>,
    items: Vec<Tree>,
}

struct Obj {
    variant: Option<&'static str>,
    fields: Vec<(&'static str, Tree)>,
}

fn wrap(variant: Option<&'static str>, tree: Tree) -> Tree {
    match variant {
        Some(v) => Tree::Object(vec![(v, tree)]),
        None => tree,
    }
}

impl ser::Serializer for Build {
    type Ok = Tree;
    type Error = Unsupported;
    type SerializeSeq = Seq;
    type SerializeTuple = Seq;
    type SerializeTupleStruct = Seq;
    type SerializeTupleVariant = Seq;
    type SerializeMap = ser::Impossible<Tree, Unsupported>;
    type SerializeStruct = Obj;
    type SerializeStructVariant = Obj;

    fn serialize_bool(self, v: bool) -> Result<Tree, Unsupported> {
        Ok(Tree::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<Tree, Unsupported> {
        Ok(Tree::Int(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<Tree, Unsupported> {
        Ok(Tree::Int(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<Tree, Unsupported> {
        Ok(Tree::Int(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<Tree, Unsupported> {
        int(v)
    }
    fn serialize_u8(self, v: u8) -> Result<Tree, Unsupported> {
        Ok(Tree::Int(v.into()))
    }
    fn serialize_u16(self, v: u16) -> Result<Tree, Unsupported> {
        Ok(Tree::Int(v.into()))
    }
    fn serialize_u32(self, v: u32) -> Result<Tree, Unsupported> {
        Ok(Tree::Int(v.into()))
    }
    fn serialize_u64(self, v: u64) -> Result<Tree, Unsupported> {
        if v <= MAX_SAFE {
            Ok(Tree::Int(v as i64))
        } else {
            Err(Unsupported)
        }
    }
    fn serialize_f32(self, v: f32) -> Result<Tree, Unsupported> {
        Ok(Tree::Float(v.into()))
    }
    fn serialize_f64(self, v: f64) -> Result<Tree, Unsupported> {
        Ok(Tree::Float(v))
    }
    fn serialize_char(self, v: char) -> Result<Tree, Unsupported> {
        Ok(Tree::Str(v.into()))
    }
    fn serialize_str(self, v: &str) -> Result<Tree, Unsupported> {
        Ok(Tree::Str(v.into()))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<Tree, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_none(self) -> Result<Tree, Unsupported> {
        Ok(Tree::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Tree, Unsupported> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Tree, Unsupported> {
        Ok(Tree::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Tree, Unsupported> {
        Ok(Tree::Null)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Tree, Unsupported> {
        Ok(Tree::Name(variant))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Tree, Unsupported> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Tree, Unsupported> {
        Ok(wrap(Some(variant), value.serialize(self)?))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq, Unsupported> {
        Ok(Seq {
            variant: None,
            items: Vec::new(),
        })
    }
    fn serialize_tuple(self, _: usize) -> Result<Seq, Unsupported> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Seq, Unsupported> {
        self.serialize_seq(None)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Seq, Unsupported> {
        Ok(Seq {
            variant: Some(variant),
            items: Vec::new(),
        })
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
        Err(Unsupported)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Obj, Unsupported> {
        Ok(Obj {
            variant: None,
            fields: Vec::new(),
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Obj, Unsupported> {
        Ok(Obj {
            variant: Some(variant),
            fields: Vec::new(),
        })
    }
}

// Out of line: the generic callers only serialize the value.
#[inline(never)]
fn push(items: &mut Vec<Tree>, item: Result<Tree, Unsupported>) -> Result<(), Unsupported> {
    items.push(item?);
    Ok(())
}

#[inline(never)]
fn push_field(
    fields: &mut Vec<(&'static str, Tree)>,
    key: &'static str,
    value: Result<Tree, Unsupported>,
) -> Result<(), Unsupported> {
    fields.push((key, value?));
    Ok(())
}

impl ser::SerializeSeq for Seq {
    type Ok = Tree;
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        push(&mut self.items, value.serialize(Build))
    }
    fn end(self) -> Result<Tree, Unsupported> {
        Ok(wrap(self.variant, Tree::Array(self.items)))
    }
}

impl ser::SerializeTuple for Seq {
    type Ok = Tree;
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Tree, Unsupported> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Seq {
    type Ok = Tree;
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Tree, Unsupported> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Seq {
    type Ok = Tree;
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Tree, Unsupported> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeStruct for Obj {
    type Ok = Tree;
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        push_field(&mut self.fields, key, value.serialize(Build))
    }
    fn end(self) -> Result<Tree, Unsupported> {
        Ok(wrap(self.variant, Tree::Object(self.fields)))
    }
}

impl ser::SerializeStructVariant for Obj {
    type Ok = Tree;
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result<Tree, Unsupported> {
        ser::SerializeStruct::end(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::answer;
    use serde::Serialize;
    use serde_json::{json, Value};

    /// The tree of `value` writes the same JSON text as `value` itself.
    fn same<T: Serialize>(value: &T) {
        let direct = serde_json::to_string(value).unwrap();
        let tree = Tree::of(value).expect("supported");
        assert_eq!(serde_json::to_string(&tree).unwrap(), direct);
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Every {
        flag: bool,
        small: u8,
        index: usize,
        negative: i32,
        day: i64,
        ms: u64,
        fraction: f64,
        letter: char,
        text: String,
        name: &'static str,
        missing: Option<u32>,
        present: Option<&'static str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u32>,
        pair: (&'static str, u32),
        fixed: [&'static str; 2],
        empty: Vec<u32>,
        unit: (),
        unit_struct: UnitStruct,
        newtype: Newtype,
        tuple_struct: TupleStruct,
        kinds: Vec<Kind>,
        tagged: Vec<Tagged>,
        untagged: Vec<Untagged>,
    }

    #[derive(Serialize)]
    struct UnitStruct;

    #[derive(Serialize)]
    struct Newtype(u32);

    #[derive(Serialize)]
    struct TupleStruct(u32, &'static str);

    #[derive(Serialize)]
    #[serde(rename_all = "kebab-case")]
    enum Kind {
        MyPage,
        Newtype(u32),
        Tuple(u32, bool),
        Struct { login: usize },
        Empty {},
    }

    #[derive(Serialize)]
    #[serde(tag = "verdict", rename_all = "kebab-case")]
    enum Tagged {
        Recommended,
        Outdated { major: u32 },
    }

    #[derive(Serialize)]
    #[serde(untagged)]
    enum Untagged {
        Plain(String),
        Date { date: i64 },
    }

    #[test]
    fn every_shape_serializes_as_the_value_itself() {
        same(&Every {
            flag: true,
            small: 7,
            index: 3,
            negative: -12,
            day: 20_449,
            ms: 1_766_793_600_000,
            fraction: 0.25,
            letter: 'ｌ',
            text: "パスワード \"quoted\"".into(),
            name: "data-plh-warning",
            missing: None,
            present: Some("x"),
            skipped: None,
            pair: ("class", 2),
            fixed: ["memory", "attempt"],
            empty: vec![],
            unit: (),
            unit_struct: UnitStruct,
            newtype: Newtype(5),
            tuple_struct: TupleStruct(1, "a"),
            kinds: vec![
                Kind::MyPage,
                Kind::Newtype(1),
                Kind::Tuple(2, false),
                Kind::Struct { login: 0 },
                Kind::Empty {},
            ],
            tagged: vec![Tagged::Recommended, Tagged::Outdated { major: 120 }],
            untagged: vec![Untagged::Plain("p".into()), Untagged::Date { date: -1 }],
        });
    }

    #[test]
    fn integers_beyond_javascript_numbers_are_refused() {
        const MAX: i64 = (1 << 53) - 1;
        assert_eq!(Tree::of(&MAX), Ok(Tree::Int(MAX)));
        assert_eq!(Tree::of(&-MAX), Ok(Tree::Int(-MAX)));
        assert_eq!(Tree::of(&(MAX + 1)), Err(Unsupported));
        assert_eq!(Tree::of(&-(MAX + 1)), Err(Unsupported));
        assert_eq!(Tree::of(&i64::MIN), Err(Unsupported));
        assert_eq!(Tree::of(&(MAX as u64 + 1)), Err(Unsupported));
        assert_eq!(Tree::of(&1u128), Err(Unsupported));
    }

    #[test]
    fn maps_and_bytes_are_refused() {
        let map: std::collections::BTreeMap<&str, u32> = [("a", 1)].into();
        assert_eq!(Tree::of(&map), Err(Unsupported));
        struct Bytes;
        impl Serialize for Bytes {
            fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(b"ab")
            }
        }
        assert_eq!(Tree::of(&Bytes), Err(Unsupported));
    }

    fn login_page(id: Value, text: &str, errors: &[&str]) -> Value {
        json!({
            "url": "https://www.pasonacareer.jp/login/",
            "title": "ログイン",
            "forms": [{
                "fields": [id, {"tag": "input", "type": "password", "label": "パスワード"}],
                "buttons": ["ログインする"],
                "text": text,
                "errors": errors,
                "links": [{"text": "パスワードを忘れた方", "href": "https://www.pasonacareer.jp/reset/"}]
            }]
        })
    }

    /// Every answer of whole sessions (scans, keystrokes, submits, the
    /// guidance, the popup and the options page, over storage of every
    /// shape) serializes through its tree as it does directly.
    #[test]
    fn answers_serialize_as_themselves() {
        let now = 1_766_793_600_000i64;
        let old_chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
        let pages = [
            login_page(
                json!({"tag": "input", "type": "text", "label": "マイページID", "maxlength": 7}),
                "マイページにログイン",
                &[],
            ),
            login_page(
                json!({"tag": "input", "type": "email", "label": "メールアドレス"}),
                "",
                &[],
            ),
            login_page(
                json!({"tag": "input", "type": "text", "label": "ID"}),
                "マイページにログイン",
                &["IDまたはパスワードが正しくありません"],
            ),
        ];
        let storages = [
            Value::Null,
            json!({"sync": {}, "local": {}}),
            json!({"sync": {"settings": {"browser": false}}, "local": {"memory": {"method": "line", "date": now / 86_400_000 - 183}}}),
            json!({"sync": {}, "local": {"attempt": {"method": "my-page", "at": now - 1000}, "dismissed": {"browser-outdated": "outdated:chrome:120"}}}),
        ];
        let mut answers = 0;
        let mut ask = |request: Value| {
            if let Ok(response) = answer(&request) {
                same(&response);
                answers += 1;
                serde_json::to_value(response).unwrap()
            } else {
                Value::Null
            }
        };
        ask(json!({"op": "start"}));
        for (i, stored) in storages.iter().enumerate() {
            let env = if i % 2 == 0 {
                json!({"nowMs": now})
            } else {
                json!({"nowMs": now, "browser": {"userAgent": old_chrome}})
            };
            for page in &pages {
                let mut state = Value::Null;
                let mut events = vec![json!({"type": "scan", "page": page})];
                for (field, value) in [
                    ("id", "l234567"),
                    ("id", "taro＠gmail.con "),
                    ("password", "ｓｅｃ\u{200B}ret"),
                ] {
                    let mut typed = String::new();
                    for c in value.chars() {
                        typed.push(c);
                        events.push(json!({"type": "field", "login": 0, "field": field, "event": "input",
                            "inputType": "insertText", "inserted": 1, "values": [{"login": 0, field: typed}]}));
                    }
                    events.push(
                        json!({"type": "field", "login": 0, "field": field, "event": "blur",
                        "values": [{"login": 0, field: typed}]}),
                    );
                }
                events.push(json!({"type": "press", "press": {"readBack": {"login": 0}}, "values": [{"login": 0, "id": "l234567"}]}));
                events.push(json!({"type": "submit", "login": 0, "values": [{"login": 0, "id": "l234567", "password": "x"}]}));
                events.push(json!({"type": "status", "values": []}));
                events.push(json!({"type": "scan", "page": {"title": "トップ", "forms": []}}));
                for event in events {
                    let r = ask(
                        json!({"op": "page", "event": event, "state": state, "stored": stored, "env": env}),
                    );
                    state = r["state"].clone();
                }
            }
            ask(json!({"op": "popup", "tab": {"type": "page"}, "stored": stored, "env": env}));
            ask(
                json!({"op": "popup", "tab": {"type": "noLogin", "url": "https://www.pasona.co.jp"}, "stored": stored, "env": env}),
            );
            ask(json!({"op": "options", "event": {"type": "load"}, "stored": stored, "env": env}));
            ask(
                json!({"op": "options", "event": {"type": "toggle", "setting": "memory", "on": false}, "stored": stored, "env": env}),
            );
        }
        assert!(answers > 200, "{answers} answers");
    }
}
