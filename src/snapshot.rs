//! What the content script reads off a page: only what a person could see
//! (labels, placeholders, link and button texts, headings) plus the input
//! attributes a browser uses. Never a field's value.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
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
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
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
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
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

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct LinkSnapshot {
    pub text: String,
    pub href: String,
    /// The sentence around the link, for links that only say 「こちら」.
    pub context: String,
}

impl FieldSnapshot {
    /// The type a browser would use: missing or unknown types behave as text.
    pub fn effective_type(&self) -> &str {
        if self.tag != "input" && !self.tag.is_empty() {
            return "other";
        }
        match self.input_type.to_ascii_lowercase().as_str() {
            "" | "text" => "text",
            "email" => "email",
            "tel" => "tel",
            "number" => "number",
            "password" => "password",
            "search" => "search",
            "url" => "url",
            _ => "other",
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
        crate::text::fold(&format!(
            "{} {} {}",
            self.label, self.placeholder, self.help
        ))
    }
}
