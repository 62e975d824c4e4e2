//! What the core remembers about one page between two events. It travels
//! with every request and comes back with every response, so the core holds
//! nothing itself and any copy of it (in the page, in the background, a
//! fresh one after a trap) can answer. It never holds a value typed into a
//! field, and every link in it is checked again when read back.

use serde::Serialize;

use crate::decode::{Raw, RawExt};
use crate::detect::Login;
use crate::guidance::MessageRef;
use crate::site::{own_link, Site};
use crate::snapshot::LIMITS;
use crate::warning::{Code, Field, LoginKind};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct State {
    /// The page was read at least once.
    pub scanned: bool,
    pub site: Site,
    /// A login form of the look-alike service is on screen.
    pub shows_login: bool,
    /// Where the look-alike notice stands: before this area, or (`None`
    /// while `shows_login`) at the top of the page, the form being further
    /// down than the first screen.
    pub lookalike_area: Option<usize>,
    pub logins: Vec<LoginState>,
    /// The site reported a failed login: where it said so, and (when clear)
    /// for which login.
    pub failed_at: Option<MessageRef>,
    pub failed_kind: Option<LoginKind>,
    pub fields: Vec<FieldState>,
    /// Page notices the user closed on this page.
    pub dismissed: Vec<Code>,
}

impl Default for State {
    fn default() -> Self {
        State {
            scanned: false,
            site: Site::PasonaCareer,
            shows_login: false,
            lookalike_area: None,
            logins: Vec::new(),
            failed_at: None,
            failed_kind: None,
            fields: Vec::new(),
            dismissed: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LoginState {
    pub kind: LoginKind,
    /// Index of the login's area in the last snapshot.
    pub area: usize,
    pub id_field: Option<usize>,
    pub password_field: Option<usize>,
    /// The ID input's `maxlength`.
    pub id_max_length: Option<usize>,
    /// The page's own reset link (https, on the site's own domain).
    pub reset: Option<String>,
    /// The page shows its reset link beside the form.
    pub reset_near: bool,
    pub forgot: Option<String>,
    /// The page's own link to the other login (https, the site's own).
    pub other_login: Option<String>,
    /// The user asked for the ID read back, and has not changed it since.
    pub read_back: bool,
}

/// One field's record of what was judged: codes that waited for the value
/// to be complete are shown while typing only once they were shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FieldState {
    pub login: usize,
    pub field: Field,
    /// Codes judged on a complete value that still hold.
    pub judged: Vec<Code>,
    /// Codes on screen now (a newly shown error is announced once).
    pub visible: Vec<Code>,
    /// The value was judged complete and has not been typed into since.
    pub settled: bool,
    /// The input method has just committed: the `input` that follows
    /// carries its text, which is typing, not a whole value.
    pub composed: bool,
}

impl LoginState {
    pub fn of(login: &Login, max_length: Option<usize>) -> Self {
        LoginState {
            kind: login.kind,
            area: login.form,
            id_field: login.id_field,
            password_field: login.password_field,
            id_max_length: max_length,
            reset: login.reset_link.as_ref().map(|l| l.href.clone()),
            reset_near: login.reset_link.as_ref().is_some_and(|l| l.near),
            forgot: login.forgot_id_link.as_ref().map(|l| l.href.clone()),
            other_login: login.other_login_link.as_ref().map(|l| l.href.clone()),
            read_back: false,
        }
    }

    /// A login of `kind` in area 0 (ID field 0, password field 1) with the
    /// given reset link: what the views' tests start from.
    #[cfg(test)]
    pub fn sample(kind: LoginKind, reset: Option<&str>, reset_near: bool) -> Self {
        LoginState {
            kind,
            area: 0,
            id_field: Some(0),
            password_field: Some(1),
            id_max_length: None,
            reset: reset.map(str::to_string),
            reset_near,
            forgot: None,
            other_login: None,
            read_back: false,
        }
    }

    /// Still the same login after a rescan: same place, same kind, same fields.
    pub fn same_as(&self, other: &LoginState) -> bool {
        (self.kind, self.area, self.id_field, self.password_field)
            == (other.kind, other.area, other.id_field, other.password_field)
    }

    /// The login's field at `field`, if the page shows it.
    pub fn has(&self, field: Field) -> bool {
        match field {
            Field::Id => self.id_field.is_some(),
            Field::Password => self.password_field.is_some(),
        }
    }
}

impl State {
    /// The kinds of login on the page, each once, in page order.
    pub fn kinds(&self) -> Vec<LoginKind> {
        let mut kinds = Vec::new();
        for l in &self.logins {
            if !kinds.contains(&l.kind) {
                kinds.push(l.kind);
            }
        }
        kinds
    }

    /// The site reported a failed login of this login (or of an unclear one).
    pub fn failed_for(&self, kind: LoginKind) -> bool {
        self.failed_at.is_some() && self.failed_kind.is_none_or(|k| k == kind)
    }

    pub fn field_mut(&mut self, login: usize, field: Field) -> &mut FieldState {
        let at = match self
            .fields
            .iter()
            .position(|f| f.login == login && f.field == field)
        {
            Some(at) => at,
            None => {
                self.fields.push(FieldState {
                    login,
                    field,
                    judged: Vec::new(),
                    visible: Vec::new(),
                    settled: false,
                    composed: false,
                });
                self.fields.len() - 1
            }
        };
        &mut self.fields[at]
    }

    /// The state a script sent back; anything unreadable starts afresh, which
    /// costs at most a warning shown again. A link that is not the site's
    /// own is dropped, whoever wrote it.
    pub fn read<R: Raw>(r: Option<&R>) -> State {
        let Some(r) = r.filter(|r| r.is_object()) else {
            return State::default();
        };
        let site = r
            .get("site")
            .and_then(|v| v.string())
            .and_then(|s| Site::from_key(&s))
            .unwrap_or(Site::PasonaCareer);
        let kind = |r: &R, key: &str| {
            r.get(key)
                .and_then(|v| v.string())
                .and_then(|k| LoginKind::from_key(&k))
        };
        let index = |r: &R, key: &str| r.int(key).and_then(|n| usize::try_from(n).ok());
        let link = |r: &R, key: &str| {
            r.get(key)
                .and_then(|v| v.string())
                .filter(|href| own_link(href, site).is_some())
        };
        let logins: Vec<LoginState> = r
            .list("logins", LIMITS.areas, |l| {
                Some(LoginState {
                    kind: kind(l, "kind")?,
                    area: index(l, "area")?,
                    id_field: index(l, "idField"),
                    password_field: index(l, "passwordField"),
                    id_max_length: index(l, "idMaxLength"),
                    reset: link(l, "reset"),
                    reset_near: l.bool_or("resetNear", false),
                    forgot: link(l, "forgot"),
                    other_login: link(l, "otherLogin"),
                    read_back: l.bool_or("readBack", false),
                })
            })
            .into_iter()
            .flatten()
            .collect();
        let codes = |r: &R, key: &str| -> Vec<Code> {
            r.strings(key, Code::ALL.len())
                .iter()
                .filter_map(|c| Code::from_key(c))
                .collect()
        };
        let fields = r
            .list("fields", 2 * LIMITS.areas, |f| {
                let field = Field::from_key(&f.get("field")?.string()?)?;
                Some(FieldState {
                    login: index(f, "login").filter(|&l| l < logins.len())?,
                    field,
                    judged: codes(f, "judged"),
                    visible: codes(f, "visible"),
                    settled: f.bool_or("settled", false),
                    composed: f.bool_or("composed", false),
                })
            })
            .into_iter()
            .flatten()
            .collect();
        let failed_at = r.get("failedAt").and_then(|m| {
            Some(MessageRef {
                area: index(&m, "area"),
                index: index(&m, "index")?,
            })
        });
        State {
            scanned: r.bool_or("scanned", false),
            site,
            shows_login: r.bool_or("showsLogin", false),
            lookalike_area: index(r, "lookalikeArea"),
            failed_at,
            failed_kind: kind(r, "failedKind"),
            fields,
            dismissed: codes(r, "dismissed"),
            logins,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_state_reads_back_as_it_was_written() {
        let mut s = State {
            scanned: true,
            site: Site::PasonaCareer,
            shows_login: true,
            lookalike_area: Some(2),
            logins: vec![LoginState {
                kind: LoginKind::MyPage,
                area: 1,
                id_field: Some(0),
                password_field: Some(1),
                id_max_length: Some(7),
                reset: Some("https://www.pasonacareer.jp/pw".into()),
                reset_near: true,
                forgot: None,
                other_login: Some("https://www.pasonacareer.jp/member/login/".into()),
                read_back: true,
            }],
            failed_at: Some(MessageRef {
                area: None,
                index: 3,
            }),
            failed_kind: Some(LoginKind::MyPage),
            fields: Vec::new(),
            dismissed: vec![Code::LoginFailed],
        };
        s.field_mut(0, Field::Id).composed = true;
        s.field_mut(0, Field::Id).judged = vec![Code::Length];
        let v = serde_json::to_value(&s).unwrap();
        assert_eq!(State::read(Some(&v)), s);
    }

    #[test]
    fn links_off_the_site_do_not_survive_the_trip() {
        let v = json!({"site": "pasona-career", "logins": [{"kind": "my-page", "area": 0,
            "reset": "https://evil.example/reset", "forgot": "http://www.pasonacareer.jp/id"}]});
        let s = State::read(Some(&v));
        assert_eq!(
            (s.logins[0].reset.clone(), s.logins[0].forgot.clone()),
            (None, None)
        );
        let v = json!({"site": "pasona", "logins": [{"kind": "my-page", "area": 0,
            "reset": "https://www.pasonacareer.jp/reset"}]});
        assert_eq!(
            State::read(Some(&v)).logins[0].reset,
            None,
            "the page's own site"
        );
    }

    #[test]
    fn anything_unreadable_starts_afresh() {
        for v in [json!(null), json!([]), json!("state"), json!(7)] {
            assert_eq!(State::read(Some(&v)), State::default());
        }
        let v = json!({"logins": [{"kind": "nope", "area": 0}, {"kind": "my-page"}],
            "fields": [{"login": 5, "field": "id"}], "failedAt": {"area": 1}});
        let s = State::read(Some(&v));
        assert!(s.logins.is_empty() && s.fields.is_empty() && s.failed_at.is_none());
        let v = json!({"logins": [{"kind": "my-page", "area": 0}],
            "fields": [{"login": 0, "field": "id"}, {"login": 1, "field": "id"}]});
        let s = State::read(Some(&v));
        assert_eq!(
            s.fields.iter().map(|f| f.login).collect::<Vec<_>>(),
            [0],
            "a field of a login the state does not have is dropped"
        );
    }
}
