//! What the content script reads off a page: only what a person could see
//! (labels, placeholders, link and button texts, headings) plus the input
//! attributes a browser uses. Never a field's value.

use serde::Serialize;

use crate::decode::{Raw, RawExt};

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PageSnapshot {
    pub url: String,
    pub title: String,
    pub headings: Vec<String>,
    /// Every link on the page, for a lone login whose own section has no reset link.
    pub links: Vec<LinkSnapshot>,
    /// Texts of message elements anywhere on the page (`role=alert`, live
    /// regions, elements styled or named as errors), for a failed-login notice.
    pub alerts: Vec<String>,
    /// Candidate login areas: each `<form>` holding a password input, or for
    /// password inputs outside any form, the smallest container that also holds
    /// the text inputs before it.
    pub forms: Vec<FormSnapshot>,
    /// The height of the first screen (the viewport), in CSS pixels.
    pub viewport_height: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FormSnapshot {
    /// Inputs, selects and textareas in document order.
    pub fields: Vec<FieldSnapshot>,
    /// Links inside the area and in its section (up to the nearest ancestor
    /// that also contains another login area).
    pub links: Vec<LinkSnapshot>,
    /// Texts of buttons and submit inputs in the area.
    pub buttons: Vec<String>,
    /// Headings, legends and captions in or just before the area.
    pub text: String,
    /// Texts of error-styled or alert elements in the area or right around it.
    pub errors: Vec<String>,
    /// Where the area starts, in CSS pixels from the top of the document.
    pub top: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FieldSnapshot {
    pub tag: String,
    #[serde(rename = "type")]
    pub input_type: String,
    pub name: String,
    pub id: String,
    pub autocomplete: String,
    pub maxlength: Option<i64>,
    pub pattern: String,
    pub inputmode: String,
    pub placeholder: String,
    /// The text a person reads as this field's label: `<label>`, aria-label,
    /// the row's `<th>`, or the nearest text before the field.
    pub label: String,
    /// Help text near the field (aria-describedby, a note right after it).
    pub help: String,
    /// Not rendered (display:none, zero size, or `hidden`).
    pub hidden: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LinkSnapshot {
    pub text: String,
    pub href: String,
    /// The sentence around the link, for links that only say 「こちら」.
    pub context: String,
}

impl FieldSnapshot {
    /// The type a browser would use. The reader sends the attribute as
    /// written, and a browser draws a missing or unknown one (`type="mail"`,
    /// a typo) as a text box, so those are text; the types that draw no box
    /// to type into (`search` and `url` included: neither takes an ID) are
    /// `other`.
    pub fn effective_type(&self) -> &str {
        if self.tag != "input" && !self.tag.is_empty() {
            return "other";
        }
        match self.input_type.to_ascii_lowercase().as_str() {
            "email" => "email",
            "tel" => "tel",
            "number" => "number",
            "password" => "password",
            "search" | "url" | "button" | "checkbox" | "color" | "date" | "datetime-local"
            | "file" | "hidden" | "image" | "month" | "radio" | "range" | "reset" | "submit"
            | "time" | "week" => "other",
            _ => "text",
        }
    }

    pub fn is_password(&self) -> bool {
        !self.hidden && self.effective_type() == "password"
    }

    /// A visible field that could take an e-mail address or an ID.
    pub fn is_identifier_candidate(&self) -> bool {
        !self.hidden && matches!(self.effective_type(), "text" | "email" | "tel" | "number")
    }

    /// Everything a person reads about the field, folded for matching.
    pub fn description(&self) -> String {
        crate::text::fold(&[&*self.label, " ", &self.placeholder, " ", &self.help].concat())
    }
}

/// How much of a page the content script reads: its reading heuristics live
/// in JavaScript (they walk the DOM), their limits here. Sent to the page
/// reader at start-up (`start` request), and applied again when a snapshot is
/// decoded, whatever the reader sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    /// Login areas per page.
    pub areas: usize,
    /// Controls per area.
    pub fields: usize,
    /// Links per area's section.
    pub links: usize,
    /// Links of the whole page.
    pub page_links: usize,
    /// Buttons per area.
    pub buttons: usize,
    /// Message texts per area and for the page.
    pub messages: usize,
    /// Headings of the page.
    pub headings: usize,
    /// Characters kept of one text; longer texts are cut (a failure message
    /// is short, so a cut text is page content: see `failure`).
    pub text: usize,
    /// A link whose text has at most this many characters ("こちら") is read
    /// with the sentence it sits in.
    pub short_link: usize,
    /// Ancestors climbed from a password field without a form to find the
    /// smallest container that also holds an ID field.
    pub area_depth: usize,
    /// Ancestors climbed from an area to find the section its links belong
    /// to, stopping below one that holds another area.
    pub section_depth: usize,
    /// Open shadow roots searched for logins.
    pub roots: usize,
    /// Characters of a field's value sent to the core: longer values are
    /// cut to one more than this, which every check of an ID judges too long
    /// (an e-mail address has at most 254, a My Page ID 7).
    pub value: usize,
}

pub const LIMITS: Limits = Limits {
    areas: 20,
    fields: 40,
    links: 60,
    page_links: 200,
    buttons: 20,
    messages: 20,
    headings: 10,
    text: 600,
    short_link: 8,
    area_depth: 6,
    section_depth: 4,
    roots: 50,
    value: 256,
};

/// A text cut to the limit, on a character boundary.
pub(crate) fn clip_text(s: String) -> String {
    clip_chars(s, LIMITS.text)
}

/// `s` cut to its first `max` characters.
pub(crate) fn clip_chars(mut s: String, max: usize) -> String {
    if let Some((at, _)) = s.char_indices().nth(max) {
        s.truncate(at);
    }
    s
}

impl PageSnapshot {
    /// The snapshot the page reader sent, as far as it makes sense: missing
    /// or mistyped parts are empty, and every list is held to [`LIMITS`].
    pub fn read<R: Raw>(r: &R) -> Self {
        let text = |key: &str| clip_text(r.str_or_empty(key));
        PageSnapshot {
            url: text("url"),
            title: text("title"),
            headings: texts(r, "headings", LIMITS.headings),
            links: r.list("links", LIMITS.page_links, LinkSnapshot::read),
            alerts: texts(r, "alerts", LIMITS.messages),
            forms: r.list("forms", LIMITS.areas, FormSnapshot::read),
            viewport_height: r.int("viewportHeight").unwrap_or(0),
        }
    }
}

fn texts<R: Raw>(r: &R, key: &str, max: usize) -> Vec<String> {
    r.strings(key, max).into_iter().map(clip_text).collect()
}

impl FormSnapshot {
    fn read<R: Raw>(r: &R) -> Self {
        FormSnapshot {
            fields: r.list("fields", LIMITS.fields, FieldSnapshot::read),
            links: r.list("links", LIMITS.links, LinkSnapshot::read),
            buttons: texts(r, "buttons", LIMITS.buttons),
            text: clip_text(r.str_or_empty("text")),
            errors: texts(r, "errors", LIMITS.messages),
            top: r.int("top").unwrap_or(0),
        }
    }
}

impl FieldSnapshot {
    fn read<R: Raw>(r: &R) -> Self {
        let text = |key: &str| clip_text(r.str_or_empty(key));
        FieldSnapshot {
            tag: text("tag"),
            input_type: text("type"),
            name: text("name"),
            id: text("id"),
            autocomplete: text("autocomplete"),
            maxlength: r.int("maxlength").filter(|n| *n >= 0),
            pattern: text("pattern"),
            inputmode: text("inputmode"),
            placeholder: text("placeholder"),
            label: text("label"),
            help: text("help"),
            hidden: r.bool_or("hidden", false),
        }
    }
}

impl LinkSnapshot {
    fn read<R: Raw>(r: &R) -> Self {
        LinkSnapshot {
            text: clip_text(r.str_or_empty("text")),
            href: clip_text(r.str_or_empty("href")),
            context: clip_text(r.str_or_empty("context")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_snapshot_reads_back_as_it_was_written() {
        // The scripts' snapshot is declared from `Serialize` (`crate::wire`):
        // the reader must read every key it writes.
        let link = |s: &str| LinkSnapshot {
            text: format!("text {s}"),
            href: format!("https://www.pasonacareer.jp/{s}"),
            context: format!("context {s}"),
        };
        let snapshot = PageSnapshot {
            url: "https://www.pasonacareer.jp/login/".into(),
            title: "ログイン".into(),
            headings: vec!["見出し".into()],
            links: vec![link("a")],
            alerts: vec!["エラー".into()],
            forms: vec![FormSnapshot {
                fields: vec![FieldSnapshot {
                    tag: "input".into(),
                    input_type: "email".into(),
                    name: "mail".into(),
                    id: "mail-id".into(),
                    autocomplete: "username".into(),
                    maxlength: Some(7),
                    pattern: "[0-9]*".into(),
                    inputmode: "numeric".into(),
                    placeholder: "例".into(),
                    label: "メールアドレス".into(),
                    help: "半角".into(),
                    hidden: true,
                }],
                links: vec![link("b")],
                buttons: vec!["ログイン".into()],
                text: "会員サービス".into(),
                errors: vec!["誤り".into()],
                top: 320,
            }],
            viewport_height: 700,
        };
        let v = serde_json::to_value(&snapshot).unwrap();
        assert_eq!(PageSnapshot::read(&v), snapshot);
    }

    #[test]
    fn a_type_a_browser_does_not_know_is_a_text_box() {
        let kind = |tag: &str, t: &str| {
            let f = FieldSnapshot::read(&json!({"tag": tag, "type": t}));
            (f.effective_type().to_string(), f.is_identifier_candidate())
        };
        for t in ["", "text", "TEXT", "mail", "username"] {
            assert_eq!(kind("input", t), ("text".into(), true), "{t:?}");
        }
        for t in ["email", "tel", "number"] {
            assert_eq!(kind("input", t), (t.into(), true), "{t:?}");
        }
        assert_eq!(kind("input", "Password"), ("password".into(), false));
        for t in ["search", "url", "checkbox", "hidden", "submit", "date"] {
            assert_eq!(kind("input", t), ("other".into(), false), "{t:?}");
        }
        assert_eq!(kind("textarea", ""), ("other".into(), false));
        assert_eq!(kind("", "email"), ("email".into(), true));
    }

    #[test]
    fn a_field_without_maxlength_has_none() {
        // The DOM's maxLength is -1 where the attribute is missing.
        let read = |v: serde_json::Value| FieldSnapshot::read(&v).maxlength;
        assert_eq!(read(json!({"maxlength": -1})), None);
        assert_eq!(read(json!({})), None);
        assert_eq!(read(json!({"maxlength": 7})), Some(7));
        assert_eq!(read(json!({"maxlength": 0})), Some(0));
    }
}
