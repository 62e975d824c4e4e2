//! What a script draws: texts as message keys with their arguments, and small
//! trees of parts (paragraphs, links, lists, buttons, folded details), every
//! attribute the contract names already filled in. A script walks these and
//! creates elements; it never looks at a code, a key or a kind to decide.

use serde::Serialize;

/// A text from `_locales`: its key, and what goes into `$1`, `$2` …
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Text {
    pub key: &'static str,
    pub args: Vec<Arg>,
}

/// One substitution: plain text, another message, messages joined by a
/// separator message (the read-back list: 「l（小文字のエル）、1（数字のイチ）」),
/// or a date (days since 1970-01-01), written the reader's way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(untagged)]
pub enum Arg {
    Plain(String),
    Text(Text),
    List { list: Vec<Text>, sep: &'static str },
    Date { date: i64 },
}

impl Text {
    pub fn key(key: &'static str) -> Self {
        Text {
            key,
            args: Vec::new(),
        }
    }

    /// (One signature, not a generic one: every caller shares its code.)
    pub fn with(key: &'static str, args: Vec<Arg>) -> Self {
        Text { key, args }
    }

    /// A message whose arguments are all plain strings.
    pub fn plain_args(key: &'static str, args: &[String]) -> Self {
        Text::with(key, args.iter().cloned().map(Arg::Plain).collect())
    }

    /// Text that is the same in every language (a phone number).
    pub fn verbatim(s: impl Into<String>) -> Self {
        Text::with("verbatim", vec![Arg::Plain(s.into())])
    }
}

/// Attributes of the element a part becomes (`data-plh-*`, `role`,
/// `aria-label`, `class`); a value is plain or a message to translate.
pub type Attrs = Vec<(&'static str, AttrValue)>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(untagged)]
pub enum AttrValue {
    Plain(String),
    Text(Text),
}

impl From<&str> for AttrValue {
    fn from(s: &str) -> Self {
        AttrValue::Plain(s.to_string())
    }
}

impl From<String> for AttrValue {
    fn from(s: String) -> Self {
        AttrValue::Plain(s)
    }
}

impl From<Text> for AttrValue {
    fn from(t: Text) -> Self {
        AttrValue::Text(t)
    }
}

/// One piece of a drawn tree. Exactly one of the fields is set; `key` tells a
/// redraw which existing element is the same part, so a button under the
/// user's pointer is updated in place rather than replaced.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS), ts(optional_fields))]
#[serde(rename_all = "camelCase")]
pub struct Part {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, ts(as = "Option<_>", optional))]
    pub attrs: Attrs,
    /// Inline text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    /// A block holding more parts (`<div>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block: Option<Vec<Part>>,
    /// A bulleted list, one entry per item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list: Option<Vec<Vec<Part>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub button: Option<Button>,
    /// Folded content (`<details>`): its summary and what unfolds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<Details>,
    /// A switch (a labelled checkbox) on the options page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub toggle: Option<Toggle>,
    /// Escape pressed inside this part presses this (closing a notice).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub escape: Option<Press>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Toggle {
    pub label: Text,
    pub on: bool,
    /// The setting it switches, sent back with the new state.
    pub setting: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Link {
    pub href: String,
    pub text: Text,
    /// Opens elsewhere (extension pages link out to the site).
    #[serde(rename = "newTab")]
    pub new_tab: bool,
}

/// A button: pressing it sends `press` back to the core as an event; a fix
/// button first puts `fix.value` into the field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Button {
    pub label: Text,
    pub press: Press,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub fix: Option<Fix>,
}

/// The corrected value of a field. The script keeps it in memory only (it
/// may be a password), never in the page, and never sends it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Fix {
    pub login: usize,
    /// `id` or `password` (a `Field`'s key).
    #[cfg_attr(test, ts(type = "Field"))]
    pub field: &'static str,
    pub value: String,
}

/// What the toolbar popup shows about one tab, or what an extension page
/// shows in one of its sections.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TabView {
    /// The page holds a login: the popup listens to the frame that has one.
    pub has_login: bool,
    pub attrs: Attrs,
    pub parts: Vec<Part>,
}

/// What a button asks for, sent back as `{type: "press", press}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Press {
    /// A fix was pressed: the value it set is complete.
    Fix {
        /// A `Code`'s key, as is `Dismiss`'s.
        #[cfg_attr(test, ts(type = "Code"))]
        code: &'static str,
        login: usize,
        #[cfg_attr(test, ts(type = "Field"))]
        field: &'static str,
    },
    ReadBack {
        login: usize,
    },
    Dismiss {
        #[cfg_attr(test, ts(type = "Code"))]
        code: &'static str,
    },
    /// Go to another login of the page (the focus moves to its first field).
    GoTo {
        login: usize,
    },
    /// Extension pages: erase everything remembered.
    Forget {},
    /// The popup: show the report on the tab's page (`session::report`).
    Report {},
    /// The popup: copy the report shown.
    Copy {},
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Details {
    pub summary: Text,
    pub parts: Vec<Part>,
}

impl Part {
    pub fn text(text: Text) -> Part {
        Part {
            text: Some(text),
            ..Part::default()
        }
    }

    pub fn block(parts: Vec<Part>) -> Part {
        Part {
            block: Some(parts),
            ..Part::default()
        }
    }

    /// A paragraph of one text.
    pub fn para(text: Text) -> Part {
        Part::block(vec![Part::text(text)])
    }

    pub fn list(items: Vec<Vec<Part>>) -> Part {
        Part {
            list: Some(items),
            ..Part::default()
        }
    }

    pub fn link(href: String, text: Text) -> Part {
        Part {
            link: Some(Link {
                href,
                text,
                new_tab: false,
            }),
            ..Part::default()
        }
    }

    pub fn button(label: Text, press: Press) -> Part {
        Part {
            button: Some(Button {
                label,
                press,
                fix: None,
            }),
            ..Part::default()
        }
    }

    pub fn fix_button(label: Text, code: &'static str, fix: Fix) -> Part {
        Part {
            button: Some(Button {
                label,
                press: Press::Fix {
                    code,
                    login: fix.login,
                    field: fix.field,
                },
                fix: Some(fix),
            }),
            ..Part::default()
        }
    }

    pub fn details(summary: Text, parts: Vec<Part>) -> Part {
        Part {
            details: Some(Details { summary, parts }),
            ..Part::default()
        }
    }

    pub fn keyed(mut self, key: impl Into<String>) -> Part {
        self.key = Some(key.into());
        self
    }

    pub fn toggle(label: Text, on: bool, setting: &'static str) -> Part {
        Part {
            toggle: Some(Toggle { label, on, setting }),
            ..Part::default()
        }
    }

    pub fn attr(mut self, name: &'static str, value: impl Into<AttrValue>) -> Part {
        self.attrs.push((name, value.into()));
        self
    }

    pub fn new_tab(mut self) -> Part {
        if let Some(link) = &mut self.link {
            link.new_tab = true;
        }
        self
    }
}
