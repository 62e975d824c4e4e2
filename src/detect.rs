//! Which logins a page shows, from what a person reads on it: never from one
//! id, one name or one URL, which nobody here has seen on the live site.

use serde::Serialize;

use crate::browser::BrowserSignals;
use crate::guidance;
use crate::links::{self, Link};
use crate::site::{self, Site};
use crate::snapshot::{FieldSnapshot, FormSnapshot, PageSnapshot};
use crate::text::{fold, halfwidth};
use crate::warning::{LoginKind, Warning};

/// A login must be this sure of its kind to be named: one clear cue
/// (a "マイページID" label, `type=email`, `maxlength=7`) or several weak ones.
const MIN_SCORE: u32 = 3;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageReport {
    pub site: Site,
    /// The kinds of the logins found, in page order, without repeats.
    pub kinds: Vec<LoginKind>,
    pub logins: Vec<Login>,
    /// Page-level guidance (look-alike service, failed login, browser).
    pub warnings: Vec<Warning>,
}

/// What the page is seen with, for the page-level guidance.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    pub browser: Option<&'a BrowserSignals>,
    /// Days since 1970-01-01 (UTC).
    pub today: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Login {
    /// Index into `PageSnapshot::forms`.
    pub form: usize,
    pub kind: LoginKind,
    /// Indices into that form's `fields`.
    pub id_field: usize,
    pub password_field: usize,
    /// The page's own password reset link for this login.
    pub reset_link: Option<Link>,
    /// The page's own "forgot your ID" link, if it has one.
    pub forgot_id_link: Option<Link>,
}

/// Logins only, as on a page seen without browser or date.
pub fn detect(page: &PageSnapshot) -> PageReport {
    report(page, Context::default())
}

pub fn report(page: &PageSnapshot, context: Context) -> PageReport {
    let site = site::of(&page.url);
    // A look-alike service's login is not one of ours to check; there it only
    // matters whether one is on screen.
    let (logins, shows_login) = if site == Site::PasonaCareer {
        let logins = logins(page);
        let shows = !logins.is_empty();
        (logins, shows)
    } else {
        let shows = page.forms.iter().any(|f| login_fields(f).is_some());
        (Vec::new(), shows)
    };
    let mut kinds = Vec::new();
    for login in &logins {
        if !kinds.contains(&login.kind) {
            kinds.push(login.kind);
        }
    }
    let warnings = guidance::page_warnings(
        page,
        site,
        &logins,
        shows_login,
        context.browser,
        context.today,
    );
    PageReport {
        site,
        kinds,
        logins,
        warnings,
    }
}

fn logins(page: &PageSnapshot) -> Vec<Login> {
    let found: Vec<(usize, LoginKind, usize, usize)> = page
        .forms
        .iter()
        .enumerate()
        .filter_map(|(i, form)| {
            let (id, pw) = login_fields(form)?;
            Some((i, id, pw))
        })
        .collect::<Vec<_>>()
        .into_iter()
        .filter_map(|(i, id, pw)| {
            let alone = page.forms.len() == 1;
            let kind = classify(&page.forms[i], &page.forms[i].fields[id], page, alone)?;
            Some((i, kind, id, pw))
        })
        .collect();

    let alone = found.len() == 1;
    found
        .into_iter()
        .map(|(form, kind, id_field, password_field)| {
            let f = &page.forms[form];
            // Page-wide links only speak for a login that is alone on the page.
            let page_links: &[_] = if alone { &page.links } else { &[] };
            Login {
                form,
                kind,
                id_field,
                password_field,
                reset_link: links::reset_password(&f.links, page_links),
                forgot_id_link: links::forgot_id(&f.links, page_links),
            }
        })
        .collect()
}

/// The (ID, password) field indices of a login area, or `None` where it is
/// not a login: no password, or a sign-up / password-change form.
fn login_fields(form: &FormSnapshot) -> Option<(usize, usize)> {
    let passwords: Vec<usize> = (0..form.fields.len())
        .filter(|&i| form.fields[i].is_password())
        .collect();
    let [pw] = passwords[..] else {
        // None, or a new password and its confirmation.
        return None;
    };
    if form.fields[pw].autocomplete.contains("new-password") || is_sign_up(form) {
        return None;
    }
    let candidate = |i: &usize| form.fields[*i].is_identifier_candidate();
    let id = (0..pw)
        .rev()
        .find(candidate)
        .or_else(|| (pw + 1..form.fields.len()).find(candidate))?;
    Some((id, pw))
}

fn is_sign_up(form: &FormSnapshot) -> bool {
    let buttons: Vec<String> = form.buttons.iter().map(|b| fold(b)).collect();
    let says = |b: &String, words: &[&str]| words.iter().any(|w| b.contains(w));
    let sign_up_words = [
        "登録",
        "申し込",
        "申込",
        "signup",
        "sign-up",
        "register",
        "createaccount",
    ];
    let login_words = ["ログイン", "login", "signin", "sign-in", "logon"];
    let registers = buttons.iter().any(|b| says(b, &sign_up_words));
    let logs_in = buttons.iter().any(|b| says(b, &login_words));
    if registers && !logs_in {
        return true;
    }
    // A login asks for two things; a registration asks for name, kana, birth date…
    let visible_inputs = form
        .fields
        .iter()
        .filter(|f| f.is_identifier_candidate())
        .count();
    visible_inputs >= 4
}

fn classify(
    form: &FormSnapshot,
    id: &FieldSnapshot,
    page: &PageSnapshot,
    alone: bool,
) -> Option<LoginKind> {
    let (mut my_page, mut member) = field_scores(id);

    let area = fold(&format!("{} {}", form.text, form.buttons.join(" ")));
    if area.contains("マイページ") || area.contains("mypage") {
        my_page += 2;
    }
    if area.contains("会員サービス") || area.contains("memberservice") {
        member += 2;
    }
    if offers_sns_login(form) {
        member += 2;
    }
    if alone {
        let context = fold(&format!("{} {}", page.title, page.headings.join(" ")));
        if context.contains("マイページ") {
            my_page += 1;
        }
        if context.contains("会員") {
            member += 1;
        }
    }

    match my_page.cmp(&member) {
        std::cmp::Ordering::Greater if my_page >= MIN_SCORE => Some(LoginKind::MyPage),
        std::cmp::Ordering::Less if member >= MIN_SCORE => Some(LoginKind::MemberService),
        _ => None,
    }
}

/// (My Page, member service) evidence carried by the ID field itself.
fn field_scores(id: &FieldSnapshot) -> (u32, u32) {
    let desc = id.description();
    let names = fold(&format!("{} {}", id.name, id.id));
    let input_type = id.effective_type();
    let autocomplete = id.autocomplete.to_ascii_lowercase();
    let mut my_page = 0;
    let mut member = 0;

    if desc.contains("マイページid") || desc.contains("mypageid") {
        my_page += 4;
    } else if desc.contains("マイページ") || desc.contains("mypage") {
        my_page += 2;
    }
    if id.maxlength == Some(7) {
        my_page += 3;
    }
    let pattern = fold(&id.pattern);
    if pattern.contains("{7}") || pattern.contains("{7,7}") {
        my_page += 3;
    }
    let placeholder = halfwidth(id.placeholder.trim());
    if (placeholder.len() == 7 && placeholder.bytes().all(|b| b.is_ascii_digit()))
        || desc.contains("7桁")
        || desc.contains("7digits")
    {
        my_page += 2;
    }
    if desc.contains("数字") || desc.contains("digits") {
        my_page += 1;
    }
    if id.inputmode.eq_ignore_ascii_case("numeric") || matches!(input_type, "tel" | "number") {
        my_page += 1;
    }
    if names.contains("mypage") {
        my_page += 1;
    }

    if input_type == "email" {
        member += 4;
    }
    if autocomplete.contains("email") {
        member += 3;
    }
    if desc.contains("メール") || desc.contains("mail") {
        member += 3;
    }
    if placeholder.contains('@') {
        member += 2;
    }
    if names.contains("mail") {
        member += 1;
    }
    (my_page, member)
}

/// SNS login buttons ("LINEでログイン", "Googleで続ける") belong to the member service only.
fn offers_sns_login(form: &FormSnapshot) -> bool {
    let services = ["line", "yahoo", "google", "facebook", "apple", "twitter"];
    form.buttons
        .iter()
        .chain(form.links.iter().map(|l| &l.text))
        .map(|t| fold(t))
        .any(|t| {
            services.iter().any(|s| t.contains(s))
                && ["ログイン", "login", "で", "signin", "続け"]
                    .iter()
                    .any(|w| t.contains(w))
        })
}
