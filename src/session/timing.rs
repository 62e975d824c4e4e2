//! When a field's findings are shown: reward early, punish late. A code about
//! the keystroke itself (full-width, invisible, Caps Lock, IME) shows as it
//! is typed; a code that judges the value waits until the value is complete:
//! the person left the field, tried to submit or pressed a fix, or a paste,
//! autofill or drop put a whole value there. A pause is not the end of a
//! value (people read their ID off a letter and stop), and neither is the
//! input method committing (Japanese input commits a value in pieces). While
//! an input method is composing only the IME notice shows. A shown finding
//! goes the moment it no longer holds, and is not shown again while typing
//! until judged again.

use super::event::DomEvent;
use super::state::FieldState;
use crate::warning::{Code, Warning};

/// What a field event says about the value in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// A keystroke, a deletion or the input method's commit: the value may
    /// be unfinished.
    Typing,
    /// The value is complete: judge all of it.
    Complete,
    /// The input method is composing: nothing is committed yet.
    Composing,
    /// The value did not change (a key that moved nothing, another field's
    /// event): findings stay as they were judged.
    Unchanged,
}

/// The moment a DOM event on a field stands for, given what the field's
/// last events were (`record.composed`: the input method has just committed).
pub fn moment(event: &DomEvent, record: &FieldState) -> Moment {
    if event.composing {
        return Moment::Composing;
    }
    match event.kind.as_str() {
        "compositionstart" | "compositionupdate" => Moment::Composing,
        // The commit is part of typing: the next piece may follow.
        "compositionend" => Moment::Typing,
        "change" | "blur" => Moment::Complete,
        "input" => match event.input_type.as_str() {
            "insertCompositionText" => Moment::Composing,
            // Safari's commit after `compositionend`.
            "insertFromComposition" => Moment::Typing,
            t if t.starts_with("delete") || t.starts_with("history") => Moment::Typing,
            "insertText" if event.inserted <= 1 || record.composed => Moment::Typing,
            // Paste, drop, autocorrect, autofill: a whole value arrived. (A
            // longer `insertText` right after a commit is that commit, as
            // some browsers report it.)
            _ => Moment::Complete,
        },
        _ => Moment::Unchanged,
    }
}

/// Keeps the field's record of the input method up to date: a commit is
/// remembered until the `input` that carries it (or the field is left).
pub fn note_composition(event: &DomEvent, record: &mut FieldState) {
    match event.kind.as_str() {
        "compositionend" => record.composed = true,
        "input" | "blur" | "change" | "compositionstart" => record.composed = false,
        _ => {}
    }
}

/// Which of `findings` (every warning that holds, already filtered by the
/// user's settings) show now, updating the field's record. `moment` is the
/// event's for the field it happened in and `Unchanged` for the others.
pub fn visible(findings: Vec<Warning>, moment: Moment, record: &mut FieldState) -> Vec<Warning> {
    let codes: Vec<Code> = findings.iter().map(|w| w.code).collect();
    match moment {
        Moment::Complete => {
            record.judged = codes.iter().copied().filter(|c| !c.is_instant()).collect();
        }
        // Reward early: whatever no longer holds is forgotten at once.
        _ => record.judged.retain(|c| codes.contains(c)),
    }
    match moment {
        Moment::Complete => record.settled = true,
        Moment::Typing | Moment::Composing => record.settled = false,
        Moment::Unchanged => {}
    }
    findings
        .into_iter()
        .filter(|w| match moment {
            Moment::Composing => w.code == Code::Ime,
            _ => w.code.is_instant() || record.judged.contains(&w.code),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::warning::{Field, Level};

    fn at(e: &DomEvent) -> Moment {
        moment(e, &record())
    }

    fn event(kind: &str, input_type: &str, inserted: usize) -> DomEvent {
        DomEvent {
            kind: kind.into(),
            input_type: input_type.into(),
            inserted,
            composing: false,
        }
    }

    fn w(code: Code) -> Warning {
        Warning::new(code, Field::Id, Level::Error, "x")
    }

    fn record() -> FieldState {
        FieldState {
            login: 0,
            field: Field::Id,
            judged: Vec::new(),
            visible: Vec::new(),
            settled: false,
            composed: false,
        }
    }

    fn codes(ws: &[Warning]) -> Vec<Code> {
        ws.iter().map(|w| w.code).collect()
    }

    #[test]
    fn events_and_their_moments() {
        assert_eq!(at(&event("input", "insertText", 1)), Moment::Typing);
        assert_eq!(
            at(&event("input", "deleteContentBackward", 0)),
            Moment::Typing
        );
        assert_eq!(at(&event("input", "insertFromPaste", 18)), Moment::Complete);
        assert_eq!(at(&event("input", "insertFromDrop", 18)), Moment::Complete);
        assert_eq!(
            at(&event("input", "insertReplacementText", 9)),
            Moment::Complete
        );
        assert_eq!(at(&event("input", "", 0)), Moment::Complete, "autofill");
        assert_eq!(
            at(&event("input", "insertText", 7)),
            Moment::Complete,
            "several characters at once, no input method"
        );
        assert_eq!(
            at(&event("input", "insertCompositionText", 1)),
            Moment::Composing
        );
        assert_eq!(
            at(&event("input", "insertFromComposition", 3)),
            Moment::Typing,
            "Safari's commit"
        );
        assert_eq!(at(&event("blur", "", 0)), Moment::Complete);
        assert_eq!(at(&event("change", "", 0)), Moment::Complete);
        assert_eq!(
            at(&event("compositionend", "", 0)),
            Moment::Typing,
            "a commit is not the end of the value"
        );
        assert_eq!(
            at(&event("pause", "", 0)),
            Moment::Unchanged,
            "no pause rule"
        );
        assert_eq!(at(&event("keydown", "", 0)), Moment::Unchanged);
        let mut composing = event("input", "insertText", 1);
        composing.composing = true;
        assert_eq!(at(&composing), Moment::Composing);
    }

    #[test]
    fn a_commit_reported_as_insert_text_is_typing() {
        let mut r = record();
        note_composition(&event("compositionend", "", 0), &mut r);
        assert!(r.composed);
        note_composition(&event("keyup", "", 0), &mut r);
        assert_eq!(moment(&event("input", "insertText", 4), &r), Moment::Typing);
        note_composition(&event("input", "insertText", 4), &mut r);
        assert!(!r.composed, "only the input right after the commit");
        assert_eq!(
            moment(&event("input", "insertText", 4), &r),
            Moment::Complete
        );
        note_composition(&event("compositionend", "", 0), &mut r);
        note_composition(&event("blur", "", 0), &mut r);
        assert!(!r.composed);
    }

    #[test]
    fn judging_waits_for_a_complete_value() {
        let mut r = record();
        let typing = visible(vec![w(Code::EmailFormat)], Moment::Typing, &mut r);
        assert!(typing.is_empty(), "an unfinished value gets nothing");
        let done = visible(vec![w(Code::EmailFormat)], Moment::Complete, &mut r);
        assert_eq!(codes(&done), [Code::EmailFormat]);
        // Typing on: still wrong, still shown (with its new text).
        let still = visible(vec![w(Code::EmailFormat)], Moment::Typing, &mut r);
        assert_eq!(codes(&still), [Code::EmailFormat]);
        // Fixed: gone at once, and not back while typing.
        assert!(visible(vec![], Moment::Typing, &mut r).is_empty());
        assert!(visible(vec![w(Code::EmailFormat)], Moment::Typing, &mut r).is_empty());
    }

    #[test]
    fn instant_codes_show_as_typed_and_composing_shows_only_ime() {
        let mut r = record();
        let shown = visible(
            vec![w(Code::Fullwidth), w(Code::Length)],
            Moment::Typing,
            &mut r,
        );
        assert_eq!(codes(&shown), [Code::Fullwidth]);
        let shown = visible(
            vec![w(Code::Ime), w(Code::Fullwidth), w(Code::Length)],
            Moment::Composing,
            &mut r,
        );
        assert_eq!(codes(&shown), [Code::Ime]);
    }
}
