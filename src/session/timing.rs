//! When a field's findings are shown: reward early, punish late. A code about
//! the keystroke itself (full-width, invisible, Caps Lock, IME) shows as it
//! is typed; a code that judges the value waits until the value is complete
//! (the field is left, a paste or autofill put the whole value there, the
//! user paused, tried to submit or pressed a fix). While an input method is
//! composing only the IME notice shows. A shown finding goes the moment it
//! no longer holds, and is not shown again while typing until judged again.

use super::event::DomEvent;
use super::state::FieldState;
use crate::warning::{Code, Warning};

/// After this long without a keystroke, a value counts as complete.
pub const PAUSE_MS: u32 = 1000;

/// What a field event says about the value in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// A keystroke (or a deletion): the value may be unfinished.
    Typing,
    /// The value is complete: judge all of it.
    Complete,
    /// The input method is composing: nothing is committed yet.
    Composing,
    /// The value did not change (a key that moved nothing, another field's
    /// event): findings stay as they were judged.
    Unchanged,
}

/// The moment a DOM event on a field stands for.
pub fn moment(event: &DomEvent) -> Moment {
    if event.composing {
        return Moment::Composing;
    }
    match event.kind.as_str() {
        "compositionstart" | "compositionupdate" => Moment::Composing,
        // The committed text arrives whole, like a paste.
        "compositionend" | "change" | "blur" | "pause" | "attach" => Moment::Complete,
        "input" => match event.input_type.as_str() {
            "insertCompositionText" => Moment::Composing,
            t if t.starts_with("delete") || t.starts_with("history") => Moment::Typing,
            // One character typed; a longer insertion is a whole value (an
            // IME commit some browsers report as insertText).
            "insertText" if event.inserted <= 1 => Moment::Typing,
            // Paste, drop, autocorrect, autofill, a script's fill (no type).
            _ => Moment::Complete,
        },
        _ => Moment::Unchanged,
    }
}

/// Which of `findings` (every warning that holds, already filtered by the
/// user's settings) show now, updating the field's record. `moment` is the
/// event's for the field it happened in and `Typing` for the login's other
/// fields (their values did not change).
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

/// Some finding waits for the value to be complete: ask to be told when the
/// user pauses.
pub fn waits(findings: &[Warning], shown: &[Warning]) -> bool {
    findings.len() > shown.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::warning::{Field, Level};

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
        }
    }

    fn codes(ws: &[Warning]) -> Vec<Code> {
        ws.iter().map(|w| w.code).collect()
    }

    #[test]
    fn events_and_their_moments() {
        assert_eq!(moment(&event("input", "insertText", 1)), Moment::Typing);
        assert_eq!(
            moment(&event("input", "deleteContentBackward", 0)),
            Moment::Typing
        );
        assert_eq!(
            moment(&event("input", "insertFromPaste", 18)),
            Moment::Complete
        );
        assert_eq!(
            moment(&event("input", "insertFromDrop", 18)),
            Moment::Complete
        );
        assert_eq!(
            moment(&event("input", "insertReplacementText", 9)),
            Moment::Complete
        );
        assert_eq!(
            moment(&event("input", "", 0)),
            Moment::Complete,
            "autofill or a script"
        );
        assert_eq!(
            moment(&event("input", "insertText", 7)),
            Moment::Complete,
            "an IME commit"
        );
        assert_eq!(
            moment(&event("input", "insertCompositionText", 1)),
            Moment::Composing
        );
        assert_eq!(moment(&event("blur", "", 0)), Moment::Complete);
        assert_eq!(moment(&event("pause", "", 0)), Moment::Complete);
        assert_eq!(moment(&event("compositionend", "", 0)), Moment::Complete);
        assert_eq!(moment(&event("keydown", "", 0)), Moment::Unchanged);
        let mut composing = event("input", "insertText", 1);
        composing.composing = true;
        assert_eq!(moment(&composing), Moment::Composing);
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
        assert!(waits(&[w(Code::Length)], &[]));
    }
}
