//! Judging the values in the login fields: every warning that holds (the
//! checks), which of them show now (timing), whether the one fix is offered
//! now, and what each field's host draws.

use super::event::Values;
use super::field_view::{self, FieldContext, FieldHost, OtherLogin, ReadBack};
use super::state::{LoginState, State};
use super::timing::{self, Moment};
use crate::ambiguous::{at_risk_in_id, is_ambiguous_in_password};
use crate::chars::clean;
use crate::checks::{self, is_about_keys, FieldInput, Keys};
use crate::settings::Settings;
use crate::warning::{Code, Field, Level, Warning};

/// A field host, and the warnings it shows (the popup lists them).
pub struct Judged {
    pub host: FieldHost,
    pub shown: Vec<Warning>,
}

/// Judges every field whose value came with the event, at the moment
/// `moment_of` gives for it.
pub fn judge_all(
    state: &mut State,
    settings: &Settings,
    values: &[Values],
    moment_of: impl Fn(usize, Field) -> Moment,
) -> Vec<Judged> {
    let mut out = Vec::new();
    for v in values {
        let Some(login) = state.logins.get(v.login).cloned() else {
            continue;
        };
        let fields = [
            (Field::Id, login.id_field, &v.id),
            (Field::Password, login.password_field, &v.password),
        ];
        for (field, index, value) in fields {
            let (Some(index), Some(value)) = (index, value) else {
                continue;
            };
            let moment = moment_of(v.login, field);
            let input = FieldInput {
                kind: login.kind,
                field,
                value: value.clone(),
                max_length: login.id_max_length.filter(|_| field == Field::Id),
                keys: Keys {
                    caps_lock: v.caps_lock,
                    composing: moment == Moment::Composing,
                },
            };
            out.push(judge(
                state, settings, v.login, &login, field, index, &input, moment,
            ));
        }
    }
    out
}

/// Every field as it stands: a look (the popup's status, the report). One
/// function for both, so `judge_all` is compiled once for them.
pub fn as_they_stand(_: usize, _: Field) -> Moment {
    Moment::Unchanged
}

/// Judges the fields of `login` as complete values, every other field as it
/// stands (all of them, for `None`).
pub fn judge_complete(
    state: &mut State,
    settings: &Settings,
    values: &[Values],
    login: Option<usize>,
) -> Vec<FieldHost> {
    judge_all(state, settings, values, |l, _| {
        if Some(l) == login {
            Moment::Complete
        } else {
            Moment::Unchanged
        }
    })
    .into_iter()
    .map(|j| j.host)
    .collect()
}

#[allow(clippy::too_many_arguments)]
fn judge(
    state: &mut State,
    settings: &Settings,
    at: usize,
    login: &LoginState,
    field: Field,
    index: usize,
    input: &FieldInput,
    moment: Moment,
) -> Judged {
    let all = settings.filter(checks::check(input));
    let is_look_alike = |w: &Warning| w.code == Code::Confusable && w.level == Level::Info;
    let has_look_alikes = all.iter().any(|w| w.code == Code::Confusable);
    // The characters easy to mix up in an ID are worth a look only where the
    // user can act on it: once asked, or after the site said the login failed.
    let asked = field == Field::Id && login.read_back;
    let wanted = asked || (field == Field::Id && state.failed_for(login.kind));
    let findings: Vec<Warning> = all
        .iter()
        .filter(|w| !is_look_alike(w) || wanted)
        .cloned()
        .collect();
    let record = state.field_mut(at, field);
    let mut shown = timing::visible(findings.clone(), moment, record);
    order(&mut shown);
    // The fix is offered once every finding it corrects is on screen: while
    // the value is typed, a correction of what is still unfinished (a domain
    // being typed) would be a guess.
    let fix = all.iter().find_map(|w| w.fix.as_ref()).filter(|_| {
        findings
            .iter()
            .filter(|w| !is_about_keys(w.code) && !is_look_alike(w))
            .all(|w| shown.iter().any(|s| s.code == w.code))
    });
    let announce = shown
        .iter()
        .find(|w| w.level == Level::Error && !record.visible.contains(&w.code))
        .map(Warning::text);
    record.visible = shown.iter().map(|w| w.code).collect();
    let read_back = if asked {
        ReadBack::Asked
    } else if field == Field::Id && record.settled && all.iter().any(is_look_alike) {
        ReadBack::Offer
    } else {
        ReadBack::None
    };
    let other_kind = login.kind.other();
    let other_login = match state.logins.iter().position(|l| l.kind == other_kind) {
        Some(i) => OtherLogin::Here(i),
        None => login
            .other_login
            .clone()
            .map_or(OtherLogin::Unknown, OtherLogin::Link),
    };
    let cx = FieldContext {
        read_back,
        has_look_alikes,
        other_login,
        to_other: match other_kind {
            crate::warning::LoginKind::MyPage => "go_to_my_page",
            crate::warning::LoginKind::MemberService => "go_to_member",
        },
    };
    let parts = field_view::parts(&shown, fix, field, at, &cx);
    Judged {
        host: FieldHost {
            login: at,
            field: field.key(),
            area: login.area,
            index,
            attrs: vec![
                ("data-plh-field-host", "".into()),
                ("data-plh-kind", login.kind.key().into()),
                ("data-plh-field", field.key().into()),
            ],
            parts,
            announce,
        },
        shown,
    }
}

/// Error → warning → info; within a level, the one with a fix first. Stable,
/// so the order is the checks' own otherwise: the same on every run, on the
/// page and in the popup.
pub fn order(warnings: &mut [Warning]) {
    // A handful of warnings: an insertion sort (stable) keeps the wasm free
    // of the standard library's general sort, as in `checks::check`.
    let key = |w: &Warning| (std::cmp::Reverse(w.level), w.fix.is_none());
    for i in 1..warnings.len() {
        let mut j = i;
        while j > 0 && key(&warnings[j]) < key(&warnings[j - 1]) {
            warnings.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// What was typed holds characters easy to mix up (l and 1, O and 0): the
/// failed-login checklist brings that cause forward.
pub fn typed_ambiguous(state: &State, values: &[Values]) -> bool {
    values.iter().any(|v| {
        let Some(login) = state.logins.get(v.login) else {
            return false;
        };
        let id =
            v.id.as_ref()
                .filter(|_| login.id_field.is_some())
                .is_some_and(|id| {
                    let chars: Vec<char> = clean(id).chars().collect();
                    !at_risk_in_id(&chars).is_empty()
                });
        let password = v
            .password
            .as_ref()
            .filter(|_| login.password_field.is_some())
            .is_some_and(|p| clean(p).chars().any(is_ambiguous_in_password));
        id || password
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::warning::Correction;

    #[test]
    fn order_is_level_first_then_the_fix_and_otherwise_as_found() {
        let w = |code, level| Warning::new(code, Field::Id, level, "m");
        let mut fixed = w(Code::Whitespace, Level::Warning);
        fixed.fix = Some(Correction {
            value: "v".into(),
            changes: vec![],
        });
        let mut list = vec![
            w(Code::Confusable, Level::Info),
            w(Code::Ime, Level::Warning),
            fixed,
            w(Code::NotDigits, Level::Error),
        ];
        order(&mut list);
        let codes: Vec<Code> = list.iter().map(|w| w.code).collect();
        // The error comes from the end to the front: three places, not one.
        assert_eq!(
            codes,
            [
                Code::NotDigits,
                Code::Whitespace,
                Code::Ime,
                Code::Confusable
            ]
        );
    }
}
