//! What the core remembers about one page between two events. It travels
//! with every request and comes back with every response, so the core holds
//! nothing itself and any copy of it (in the page, in the background) can
//! answer. It never holds a value typed into a field.

use serde::Serialize;

use crate::detect::Login;
use crate::guidance::Failed;
use crate::raw::{Raw, RawExt};
use crate::site::Site;
use crate::snapshot::LIMITS;
use crate::warning::{Code, Field, LoginKind};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct State {
    /// The page was read at least once.
    pub scanned: bool,
    pub site: Site,
    /// A login form of the look-alike service is on screen.
    pub shows_login: bool,
    pub logins: Vec<LoginState>,
    /// The site reported a failed login; `failedKind` says for which login.
    pub failed: bool,
    pub failed_kind: Option<LoginKind>,
    pub fields: Vec<FieldState>,
    /// Page notices the user closed.
    pub dismissed: Vec<Code>,
    /// This page showed the once-a-day notice, so it stays for the page's life.
    pub once_a_day: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            scanned: false,
            site: Site::PasonaCareer,
            shows_login: false,
            logins: Vec::new(),
            failed: false,
            failed_kind: None,
            fields: Vec::new(),
            dismissed: Vec::new(),
            once_a_day: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoginState {
    pub kind: LoginKind,
    /// Index of the login's area in the last snapshot.
    pub area: usize,
    pub id_field: Option<usize>,
    pub password_field: Option<usize>,
    /// The ID input's `maxlength`.
    pub id_max_length: Option<usize>,
    pub reset: Option<String>,
    /// The page shows its reset link beside the form.
    pub reset_near: bool,
    pub forgot: Option<String>,
    /// The user asked for the ID read in words.
    pub read_back: bool,
}

/// One field's record of what was judged: codes that waited for the value
/// to be complete are shown while typing only once they were shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
            read_back: false,
        }
    }

    /// Still the same login after a rescan: same place, same kind, same fields.
    pub fn same_as(&self, other: &LoginState) -> bool {
        (self.kind, self.area, self.id_field, self.password_field)
            == (other.kind, other.area, other.id_field, other.password_field)
    }
}

impl State {
    pub fn failed_login(&self) -> Option<Failed> {
        self.failed.then_some(Failed {
            kind: self.failed_kind,
        })
    }

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
                });
                self.fields.len() - 1
            }
        };
        &mut self.fields[at]
    }

    /// The state a script sent back; anything unreadable starts afresh, which
    /// costs at most a warning shown again.
    pub fn read<R: Raw>(r: Option<&R>) -> State {
        let Some(r) = r.filter(|r| r.is_object()) else {
            return State::default();
        };
        let kind = |r: &R, key: &str| {
            r.get(key)
                .and_then(|v| v.string())
                .and_then(|k| LoginKind::from_key(&k))
        };
        let index = |r: &R, key: &str| r.int(key).and_then(|n| usize::try_from(n).ok());
        let logins: Vec<LoginState> = r
            .list("logins", LIMITS.areas, |l| {
                Some(LoginState {
                    kind: kind(l, "kind")?,
                    area: index(l, "area")?,
                    id_field: index(l, "idField"),
                    password_field: index(l, "passwordField"),
                    id_max_length: index(l, "idMaxLength"),
                    reset: l.get("reset").and_then(|v| v.string()),
                    reset_near: l.bool_or("resetNear", false),
                    forgot: l.get("forgot").and_then(|v| v.string()),
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
                })
            })
            .into_iter()
            .flatten()
            .collect();
        State {
            scanned: r.bool_or("scanned", false),
            site: r
                .get("site")
                .and_then(|v| v.string())
                .and_then(|s| Site::from_key(&s))
                .unwrap_or(Site::PasonaCareer),
            shows_login: r.bool_or("showsLogin", false),
            failed: r.bool_or("failed", false),
            failed_kind: kind(r, "failedKind"),
            fields,
            dismissed: codes(r, "dismissed"),
            once_a_day: r.bool_or("onceADay", false),
            logins,
        }
    }
}
