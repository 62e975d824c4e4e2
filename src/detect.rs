//! Which logins a page shows, from what a person reads on it: never from one
//! id, one name or one URL, which nobody here has seen on the live site.

use serde::Serialize;

use crate::chars::{is_my_page_id, MY_PAGE_ID_LENGTH};
use crate::links::{self, PageLink};
use crate::site::{self, Site};
use crate::snapshot::{FieldSnapshot, FormSnapshot, PageSnapshot};
use crate::text::{fold, halfwidth, number, LOGIN_WORDS};
use crate::warning::LoginKind;

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
    /// Some login form is on screen, Pasona Career's or (on a look-alike
    /// site) the other service's own.
    pub shows_login: bool,
    /// On a look-alike site, the other service's first login form (index
    /// into `PageSnapshot::forms`): the notice stands before it.
    pub lookalike_form: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Login {
    /// Index into `PageSnapshot::forms`.
    pub form: usize,
    pub kind: LoginKind,
    /// Indices into that form's `fields`. A login asked in two steps has
    /// only the ID on its first page and only the password on its second.
    pub id_field: Option<usize>,
    pub password_field: Option<usize>,
    /// The page's own password reset link for this login.
    pub reset_link: Option<PageLink>,
    /// The page's own "forgot your ID" link, if it has one.
    pub forgot_id_link: Option<PageLink>,
    /// The page's own link to the other login, if it has one.
    pub other_login_link: Option<PageLink>,
}

pub fn detect(page: &PageSnapshot) -> PageReport {
    let site = site::of(&page.url);
    // A look-alike service's login is not one of ours to check; there it only
    // matters whether one is on screen.
    if site != Site::PasonaCareer {
        let lookalike_form = page
            .forms
            .iter()
            .position(|f| login_fields(f, page).is_some());
        return PageReport {
            site,
            kinds: Vec::new(),
            logins: Vec::new(),
            shows_login: lookalike_form.is_some(),
            lookalike_form,
        };
    }
    let logins = logins(page);
    let mut kinds = Vec::new();
    for login in &logins {
        if !kinds.contains(&login.kind) {
            kinds.push(login.kind);
        }
    }
    PageReport {
        site,
        kinds,
        shows_login: !logins.is_empty(),
        lookalike_form: None,
        logins,
    }
}

fn logins(page: &PageSnapshot) -> Vec<Login> {
    let site = site::of(&page.url);
    let candidates: Vec<(usize, Fields)> = page
        .forms
        .iter()
        .enumerate()
        .filter_map(|(i, form)| Some((i, login_fields(form, page)?)))
        .collect();
    // The page's title and headings speak for a login only when it is alone.
    let alone = candidates.len() == 1;
    let found: Vec<(usize, LoginKind, Fields)> = candidates
        .into_iter()
        .filter_map(|(i, fields)| {
            let kind = classify(&page.forms[i], fields, page, alone)?;
            Some((i, kind, fields))
        })
        .collect();

    let alone = found.len() == 1;
    found
        .into_iter()
        .map(|(form, kind, (id_field, password_field))| {
            let f = &page.forms[form];
            // Page-wide links only speak for a login that is alone on the page.
            let page_links: &[_] = if alone { &page.links } else { &[] };
            Login {
                form,
                kind,
                id_field,
                password_field,
                reset_link: links::reset_password(&f.links, page_links, site),
                forgot_id_link: links::forgot_id(&f.links, page_links, site),
                other_login_link: links::other_login(&f.links, &page.links, kind.other(), site),
            }
        })
        .collect()
}

/// (ID, password) field indices of a login area; at least one is set.
type Fields = (Option<usize>, Option<usize>);

/// The (ID, password) field indices of a login area, or `None` where it is
/// not a login: no login cue, or a sign-up / password-change form.
fn login_fields(form: &FormSnapshot, page: &PageSnapshot) -> Option<Fields> {
    let passwords: Vec<usize> = (0..form.fields.len())
        .filter(|&i| form.fields[i].is_password())
        .collect();
    if passwords.len() > 1 {
        // A new password and its confirmation.
        return None;
    }
    if is_sign_up(form) {
        return None;
    }
    let candidate = |i: &usize| form.fields[*i].is_identifier_candidate();
    let Some(&pw) = passwords.first() else {
        // The first step of a two-step login: one ID field and 「次へ」.
        let ids: Vec<usize> = (0..form.fields.len()).filter(candidate).collect();
        return match ids[..] {
            [id] if moves_on(form) && area_says_login(form, page) => Some((Some(id), None)),
            _ => None,
        };
    };
    if form.fields[pw].autocomplete.contains("new-password") {
        return None;
    }
    let id = (0..pw)
        .rev()
        .find(candidate)
        .or_else(|| (pw + 1..form.fields.len()).find(candidate));
    match id {
        Some(id) => Some((Some(id), Some(pw))),
        // The second step: the password alone, under the login's heading.
        None if area_says_login(form, page) => Some((None, Some(pw))),
        None => None,
    }
}

fn folded_buttons(form: &FormSnapshot) -> Vec<String> {
    form.buttons.iter().map(|b| fold(b)).collect()
}

/// A button that goes on to the next step rather than logging in.
fn moves_on(form: &FormSnapshot) -> bool {
    const NEXT: [&str; 5] = ["次へ", "次に進", "next", "continue", "続ける"];
    folded_buttons(form)
        .iter()
        .any(|b| NEXT.iter().any(|w| b.contains(w)))
}

/// The area, its buttons or the page say this is a login.
fn area_says_login(form: &FormSnapshot, page: &PageSnapshot) -> bool {
    let context = fold(
        &[
            &*form.text,
            " ",
            &form.buttons.join(" "),
            " ",
            &page.title,
            " ",
            &page.headings.join(" "),
        ]
        .concat(),
    );
    LOGIN_WORDS.iter().any(|w| context.contains(w))
}

fn is_sign_up(form: &FormSnapshot) -> bool {
    let buttons = folded_buttons(form);
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
    let registers = buttons.iter().any(|b| says(b, &sign_up_words));
    let logs_in = buttons.iter().any(|b| says(b, &LOGIN_WORDS));
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
    (id, _): Fields,
    page: &PageSnapshot,
    alone: bool,
) -> Option<LoginKind> {
    let (mut my_page, mut member) = match id {
        Some(id) => field_scores(&form.fields[id]),
        None => (0, 0),
    };

    let area = fold(&[&*form.text, " ", &form.buttons.join(" ")].concat());
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
        let context = fold(&[&*page.title, " ", &page.headings.join(" ")].concat());
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
    let names = fold(&[&*id.name, " ", &id.id].concat());
    let input_type = id.effective_type();
    let autocomplete = id.autocomplete.to_ascii_lowercase();
    let mut my_page = 0;
    let mut member = 0;

    if desc.contains("マイページid") || desc.contains("mypageid") {
        my_page += 4;
    } else if desc.contains("マイページ") || desc.contains("mypage") {
        my_page += 2;
    }
    if id.maxlength == Some(MY_PAGE_ID_LENGTH as i64) {
        my_page += 3;
    }
    let pattern = fold(&id.pattern);
    let n = number(MY_PAGE_ID_LENGTH as i64, 0);
    let exactly = ["{", &n, "}"].concat();
    let range = ["{", &n, ",", &n, "}"].concat();
    if pattern.contains(&exactly) || pattern.contains(&range) {
        my_page += 3;
    }
    let placeholder = halfwidth(id.placeholder.trim());
    let digits_cue = [[&*n, "桁"].concat(), [&*n, "digits"].concat()];
    if is_my_page_id(&placeholder) || digits_cue.iter().any(|c| desc.contains(c.as_str())) {
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
