//! What a field's host shows, right under the field: its warnings, each a
//! box with its level (a colour and a mark), and where one fix corrects
//! everything wrong with the value, one box that says what its button will
//! change. Nothing here repeats the typed value: messages name at most one
//! character, a suggested domain or a count, and the read-back (which names
//! the characters easy to mix up and where they are) shows only once asked.

use serde::Serialize;

use crate::checks::is_about_keys;
use crate::text::number;
use crate::view::{Arg, Attrs, Part, Press, Text};
use crate::warning::{subject_key, Code, Correction, Field, Level, Readback, Warning};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FieldHost {
    pub login: usize,
    /// `id` or `password`.
    #[cfg_attr(test, ts(as = "crate::warning::Field"))]
    pub field: &'static str,
    /// Drawn right after this field of this area.
    pub area: usize,
    pub index: usize,
    pub attrs: Attrs,
    pub parts: Vec<Part>,
    /// Said once to screen readers: a newly shown error.
    pub announce: Option<Text>,
}

/// The read-back of an ID, as far as the user asked for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadBack {
    /// Not asked, nothing to offer.
    None,
    /// Not asked; the ID is complete, fine, and has characters easy to mix
    /// up: a quiet offer to read them back.
    Offer,
    /// Asked: the characters with their places, shown in the look-alike
    /// box (or that there are none).
    Asked,
}

/// Where the other login is, for an ID typed into the wrong one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OtherLogin {
    /// On this page: its login index.
    Here(usize),
    /// Another page of the site the page links to.
    Link(String),
    Unknown,
}

/// Items drawn at most in a read-back: a longer list helps nobody.
const MAX_READBACK: usize = 12;

/// Key of the read-back's box: the focus goes there once the user asks.
pub const READBACK_KEY: &str = "w:confusable";

/// A box's text and attributes, for a warning (or the merged box) at `level`.
fn item(code: Code, field: Field, level: Level, also: &[Code], parts: Vec<Part>) -> Part {
    let mut p = Part::block(parts)
        .keyed(["w:", code.key()].concat())
        .attr("data-plh-warning", code.key())
        .attr("data-plh-field", subject_key(Some(field)))
        .attr("data-plh-level", level.key())
        .attr("class", ["item ", level.key()].concat());
    if !also.is_empty() {
        let keys: Vec<&str> = also.iter().map(|c| c.key()).collect();
        p = p.attr("data-plh-also", keys.join(" "));
    }
    p
}

/// The list of characters to read back: 「4文字目 o（小文字のオー）」…
pub fn readback_list(readback: &[Readback]) -> Arg {
    let mut list: Vec<Text> = readback
        .iter()
        .take(MAX_READBACK)
        .map(|r| {
            Text::with(
                "readback_item",
                vec![
                    Arg::Plain(number(r.position as i64, 0)),
                    Arg::Plain(r.ch.to_string()),
                    Arg::Text(Text::key(r.name)),
                ],
            )
        })
        .collect();
    if readback.len() > MAX_READBACK {
        list.push(Text::key("readback_more"));
    }
    Arg::List {
        list,
        sep: "readback_sep",
    }
}

fn read_back_button(login: usize) -> Part {
    Part::button(Text::key("read_back_button"), Press::ReadBack { login })
        .keyed("read-back")
        .attr("data-plh-action", "read-back")
        .attr("class", "quiet")
}

/// The way to the other login, under a wrong-login warning.
fn to_other_login(other: &OtherLogin, to: Text) -> Option<Part> {
    match other {
        OtherLogin::Here(login) => Some(
            Part::button(to, Press::GoTo { login: *login })
                .keyed("go-to")
                .attr("data-plh-action", "go-to-login")
                .attr("class", "secondary"),
        ),
        OtherLogin::Link(href) => Some(
            Part::block(vec![
                Part::link(href.clone(), to).attr("data-plh-action", "go-to-login")
            ])
            .keyed("go-to"),
        ),
        OtherLogin::Unknown => None,
    }
}

/// One warning's box: its message, the read-back where asked, the offer of
/// it where the look-alikes matter (after a failed login), the way to the
/// other login for a wrong-login warning.
fn single(w: &Warning, field: Field, login: usize, cx: &FieldContext) -> Part {
    let read_back = cx.read_back;
    let look_alike = w.code == Code::Confusable && !w.readback.is_empty();
    let mut parts = vec![Part::text(w.text()).attr("class", "msg")];
    if w.code == Code::WrongLogin {
        parts.extend(to_other_login(&cx.other_login, Text::key(cx.to_other)));
    }
    if look_alike && read_back == ReadBack::Asked {
        parts.push(
            Part::para(Text::with(
                "readback_list",
                vec![readback_list(&w.readback)],
            ))
            .attr("class", "readback"),
        );
    } else if look_alike && w.level == Level::Info {
        parts.push(read_back_button(login));
    }
    let mut p = item(w.code, field, w.level, &[], parts);
    if look_alike && read_back == ReadBack::Asked {
        p = p.attr("tabindex", "-1");
    }
    p
}

/// The one box for every correctable finding, when one fix corrects them
/// all: the first finding's words, what the button changes, and the button.
fn merged(fixable: &[&Warning], fix: &Correction, field: Field, login: usize) -> Part {
    let first = fixable[0];
    let level = fixable.iter().map(|w| w.level).max().unwrap_or(first.level);
    let also: Vec<Code> = fixable[1..].iter().map(|w| w.code).collect();
    let mut parts = vec![Part::text(first.text()).attr("class", "msg")];
    let label = match &fix.changes[..] {
        [one] => one.text(),
        changes => {
            parts.push(
                Part::para(Text::with(
                    "fix_will",
                    vec![Arg::List {
                        list: changes.iter().map(|c| c.text()).collect(),
                        sep: "change_sep",
                    }],
                ))
                .attr("class", "changes"),
            );
            Text::key("fix_all")
        }
    };
    parts.push(
        Part::fix_button(
            label,
            first.code.key(),
            crate::view::Fix {
                login,
                field: field.key(),
                value: fix.value.clone(),
            },
        )
        .keyed("fix")
        .attr("data-plh-action", "fix")
        .attr("data-plh-for", first.code.key()),
    );
    item(first.code, field, level, &also, parts)
}

/// What a field's boxes depend on besides its warnings.
pub struct FieldContext {
    pub read_back: ReadBack,
    /// The value holds characters easy to mix up (the read-back has something to say).
    pub has_look_alikes: bool,
    pub other_login: OtherLogin,
    /// The words of the way to the other login.
    pub to_other: &'static str,
}

/// The boxes of one field, error → warning → info, the one with the fix
/// first within its level.
pub fn parts(
    shown: &[Warning],
    fix: Option<&Correction>,
    field: Field,
    login: usize,
    cx: &FieldContext,
) -> Vec<Part> {
    let (read_back, has_look_alikes) = (cx.read_back, cx.has_look_alikes);
    let fixable: Vec<&Warning> = shown
        .iter()
        .filter(|w| {
            !(is_about_keys(w.code) || w.code == Code::Confusable && w.level == Level::Info)
        })
        .collect();
    let mut boxes: Vec<(Level, bool, Part)> = Vec::new();
    match fix {
        Some(fix) if !fixable.is_empty() && !fix.changes.is_empty() => {
            let level = fixable.iter().map(|w| w.level).max().unwrap_or(Level::Info);
            boxes.push((level, true, merged(&fixable, fix, field, login)));
            for w in shown
                .iter()
                .filter(|w| !fixable.iter().any(|f| f.code == w.code))
            {
                boxes.push((w.level, false, single(w, field, login, cx)));
            }
        }
        _ => {
            for w in shown {
                boxes.push((w.level, false, single(w, field, login, cx)));
            }
        }
    }
    // Stable: the checks' own order within a level otherwise.
    for i in 1..boxes.len() {
        let mut j = i;
        let key = |b: &(Level, bool, Part)| (std::cmp::Reverse(b.0), !b.1);
        while j > 0 && key(&boxes[j]) < key(&boxes[j - 1]) {
            boxes.swap(j, j - 1);
            j -= 1;
        }
    }
    let mut out: Vec<Part> = boxes.into_iter().map(|(_, _, p)| p).collect();
    match read_back {
        ReadBack::Asked if !has_look_alikes => out.push(
            Part::para(Text::key("readback_none"))
                .keyed("read-back-none")
                .attr("data-plh-note", "read-back")
                .attr("tabindex", "-1"),
        ),
        ReadBack::Offer if out.is_empty() => out.push(read_back_button(login)),
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::warning::Change;

    fn cx(read_back: ReadBack, has_look_alikes: bool) -> FieldContext {
        FieldContext {
            read_back,
            has_look_alikes,
            other_login: OtherLogin::Unknown,
            to_other: "go_to_member",
        }
    }

    fn w(code: Code, level: Level) -> Warning {
        Warning::new(code, Field::Id, level, "m")
    }

    fn attr<'a>(p: &'a Part, name: &str) -> Option<&'a crate::view::AttrValue> {
        p.attrs.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    #[test]
    fn one_fix_for_everything_is_one_box_that_names_the_changes() {
        let shown = [
            w(Code::Fullwidth, Level::Error),
            w(Code::Whitespace, Level::Warning),
            w(Code::EmailDomain, Level::Warning),
        ];
        let fix = Correction {
            value: "v".into(),
            changes: vec![Change::Halfwidth, Change::Domain("gmail.com".into())],
        };
        let p = parts(&shown, Some(&fix), Field::Id, 0, &cx(ReadBack::None, false));
        assert_eq!(p.len(), 1);
        assert_eq!(attr(&p[0], "data-plh-warning"), Some(&"fullwidth".into()));
        assert_eq!(
            attr(&p[0], "data-plh-also"),
            Some(&"whitespace email-domain".into())
        );
        let inner = p[0].block.as_ref().unwrap();
        assert_eq!(
            inner[1].block.as_ref().unwrap()[0]
                .text
                .as_ref()
                .unwrap()
                .key,
            "fix_will"
        );
        let button = inner[2].button.as_ref().unwrap();
        assert_eq!(button.label.key, "fix_all");
        assert_eq!(button.fix.as_ref().unwrap().value, "v");
    }

    #[test]
    fn an_impostor_letter_is_corrected_by_the_same_fix_as_the_rest() {
        // A Cyrillic letter is an error with a certain fix, unlike the
        // look-alikes read back (info), which have none.
        let shown = [
            w(Code::Fullwidth, Level::Error),
            w(Code::Confusable, Level::Error),
        ];
        let fix = Correction {
            value: "v".into(),
            changes: vec![Change::Halfwidth],
        };
        let p = parts(&shown, Some(&fix), Field::Id, 0, &cx(ReadBack::None, false));
        assert_eq!(p.len(), 1);
        assert_eq!(attr(&p[0], "data-plh-also"), Some(&"confusable".into()));
    }

    #[test]
    fn a_single_change_is_the_buttons_own_words() {
        let shown = [w(Code::NotDigits, Level::Error)];
        let fix = Correction {
            value: "1234567".into(),
            changes: vec![Change::Digit { from: 'l', to: '1' }],
        };
        let p = parts(&shown, Some(&fix), Field::Id, 0, &cx(ReadBack::None, false));
        let inner = p[0].block.as_ref().unwrap();
        assert_eq!(inner.len(), 2, "no list of changes for one change");
        assert_eq!(inner[1].button.as_ref().unwrap().label.key, "change_digit");
    }

    #[test]
    fn keys_and_look_alikes_keep_their_own_boxes_and_the_order_holds() {
        let shown = [
            w(Code::Ime, Level::Warning),
            w(Code::Fullwidth, Level::Error),
        ];
        let fix = Correction {
            value: "v".into(),
            changes: vec![Change::Halfwidth],
        };
        let p = parts(&shown, Some(&fix), Field::Id, 0, &cx(ReadBack::None, false));
        let codes: Vec<_> = p
            .iter()
            .map(|p| attr(p, "data-plh-warning").cloned())
            .collect();
        assert_eq!(codes, vec![Some("fullwidth".into()), Some("ime".into())]);
        let p = parts(&shown, None, Field::Id, 0, &cx(ReadBack::None, false));
        let codes: Vec<_> = p
            .iter()
            .map(|p| attr(p, "data-plh-warning").cloned())
            .collect();
        assert_eq!(codes, vec![Some("fullwidth".into()), Some("ime".into())]);
    }

    #[test]
    fn the_read_back_names_characters_only_once_asked() {
        let look = w(Code::Confusable, Level::Info).with_readback(vec![Readback {
            ch: 'l',
            position: 3,
            name: "ch_lower_l",
        }]);
        let offered = parts(
            std::slice::from_ref(&look),
            None,
            Field::Id,
            0,
            &cx(ReadBack::None, true),
        );
        let inner = offered[0].block.as_ref().unwrap();
        assert!(inner[1].button.is_some(), "the offer, after a failed login");
        let asked = parts(&[look], None, Field::Id, 0, &cx(ReadBack::Asked, true));
        let inner = asked[0].block.as_ref().unwrap();
        assert_eq!(
            inner[1].block.as_ref().unwrap()[0]
                .text
                .as_ref()
                .unwrap()
                .key,
            "readback_list"
        );
        assert_eq!(attr(&asked[0], "tabindex"), Some(&"-1".into()));
        let none = parts(&[], None, Field::Id, 0, &cx(ReadBack::Asked, false));
        assert_eq!(none[0].key.as_deref(), Some("read-back-none"));
        let offer = parts(&[], None, Field::Id, 0, &cx(ReadBack::Offer, true));
        assert!(offer[0].button.is_some());
        let busy = parts(
            &[w(Code::Length, Level::Warning)],
            None,
            Field::Id,
            0,
            &cx(ReadBack::Offer, true),
        );
        assert_eq!(busy.len(), 1, "no offer beside a warning");
    }

    #[test]
    fn a_wrong_login_points_to_the_other_one() {
        let shown = [w(Code::WrongLogin, Level::Error)];
        let mut c = cx(ReadBack::None, false);
        c.other_login = OtherLogin::Here(1);
        let p = parts(&shown, None, Field::Id, 0, &c);
        let go = p[0].block.as_ref().unwrap()[1].button.as_ref().unwrap();
        assert_eq!(go.press, Press::GoTo { login: 1 });
        c.other_login = OtherLogin::Link("https://www.pasonacareer.jp/mypage/login/".into());
        let p = parts(&shown, None, Field::Id, 0, &c);
        assert!(p[0].block.as_ref().unwrap()[1].block.as_ref().unwrap()[0]
            .link
            .is_some());
        let p = parts(&shown, None, Field::Id, 0, &cx(ReadBack::None, false));
        assert_eq!(
            p[0].block.as_ref().unwrap().len(),
            1,
            "nowhere to point: the words alone"
        );
    }

    #[test]
    fn a_long_read_back_is_cut() {
        let many: Vec<Readback> = (1..=20)
            .map(|i| Readback {
                ch: '1',
                position: i,
                name: "ch_digit_1",
            })
            .collect();
        let Arg::List { list, .. } = readback_list(&many) else {
            panic!("a list")
        };
        assert_eq!(list.len(), MAX_READBACK + 1);
        assert_eq!(list.last().unwrap().key, "readback_more");
    }
}
