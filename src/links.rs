//! Which of the page's own links leads to password reset or ID recovery.
//! docs/domain.md: the reset address must come from the page, never be
//! invented; and only a link of the site's own domain over https is ever a
//! candidate (`site::own_link`): a page may carry links to anywhere.

use serde::Serialize;

use crate::site::{own_link, Site};
use crate::snapshot::{LinkSnapshot, LIMITS};
use crate::text::{char_count, fold};
use crate::warning::LoginKind;

/// A link of the page the extension offers as its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageLink {
    pub href: String,
    /// Found beside the login (in its section) rather than elsewhere on the
    /// page: where the page shows it next to the form, the extension's own
    /// copy is folded away instead of standing beside it as a twin.
    pub near: bool,
}

/// The best reset link near the login, else (for a lone login) on the page.
pub fn reset_password(
    near: &[LinkSnapshot],
    page: &[LinkSnapshot],
    site: Site,
) -> Option<PageLink> {
    best(near, reset_score, true, site).or_else(|| best(page, reset_score, false, site))
}

/// The page's own "forgot your ID / e-mail address" link, if any.
pub fn forgot_id(near: &[LinkSnapshot], page: &[LinkSnapshot], site: Site) -> Option<PageLink> {
    best(near, forgot_id_score, true, site).or_else(|| best(page, forgot_id_score, false, site))
}

fn best(
    links: &[LinkSnapshot],
    score: fn(&LinkSnapshot) -> u32,
    near: bool,
    site: Site,
) -> Option<PageLink> {
    let mut best: Option<(u32, &LinkSnapshot)> = None;
    for link in links.iter().filter(|l| own_link(&l.href, site).is_some()) {
        let s = score(link);
        if s > 0 && best.is_none_or(|(b, _)| s > b) {
            best = Some((s, link));
        }
    }
    best.map(|(_, l)| PageLink {
        href: l.href.clone(),
        near,
    })
}

const FORGOT: &[&str] = &[
    "忘れ",
    "わすれ",
    "わからない",
    "分からない",
    "forgot",
    "lost",
];

/// What the link says: its own text, or the sentence around a 「こちら」-style link.
fn wording(link: &LinkSnapshot) -> String {
    let text = fold(&link.text);
    if char_count(&text) <= LIMITS.short_link {
        [fold(&link.context), text].join(" ")
    } else {
        text
    }
}

fn reset_score(link: &LinkSnapshot) -> u32 {
    let text = wording(link);
    let href = link.href.to_ascii_lowercase();
    let mut score = 0;
    let about_password = text.contains("パスワード") || text.contains("password");
    let resets = ["再設定", "再発行", "リセット", "reset"];
    if about_password && (FORGOT.iter().chain(&resets).any(|w| text.contains(w))) {
        score += 3;
    }
    let href_password = ["password", "passwd", "pass", "pw"]
        .iter()
        .any(|w| href.contains(w));
    let href_reset = [
        "reset", "forget", "forgot", "remind", "reissue", "lost", "change",
    ]
    .iter()
    .any(|w| href.contains(w));
    if href_password && href_reset {
        score += 2;
    }
    score
}

/// The page's own link to the other login (its My Page login, from the
/// member login, and the other way round), if any: the wrong-login warning
/// points there.
pub fn other_login(
    near: &[LinkSnapshot],
    page: &[LinkSnapshot],
    other: LoginKind,
    site: Site,
) -> Option<PageLink> {
    let score = match other {
        LoginKind::MyPage => my_page_login_score,
        LoginKind::MemberService => member_login_score,
    };
    best(near, score, true, site).or_else(|| best(page, score, false, site))
}

/// A link to a login whose text names it and says it logs in, and is not
/// about a forgotten ID or password.
fn login_score(link: &LinkSnapshot, names: &[&str]) -> u32 {
    let text = wording(link);
    let logs_in = text.contains("ログイン") || text.contains("login");
    let forgot = FORGOT.iter().any(|w| text.contains(w));
    u32::from(logs_in && !forgot && names.iter().any(|w| text.contains(w))) * 3
}

fn my_page_login_score(link: &LinkSnapshot) -> u32 {
    login_score(link, &["マイページ", "mypage"])
}

fn member_login_score(link: &LinkSnapshot) -> u32 {
    login_score(link, &["会員", "メールアドレス", "member"])
}

fn forgot_id_score(link: &LinkSnapshot) -> u32 {
    let text = wording(link);
    let about_id = ["id", "メールアドレス", "e-mail", "email"]
        .iter()
        .any(|w| text.contains(w));
    if about_id && FORGOT.iter().any(|w| text.contains(w)) {
        3
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SITE: Site = Site::PasonaCareer;

    fn link(text: &str, href: &str) -> LinkSnapshot {
        LinkSnapshot {
            text: text.into(),
            href: href.into(),
            context: String::new(),
        }
    }

    #[test]
    fn a_here_link_is_read_in_its_sentence() {
        let here = LinkSnapshot {
            text: "こちら".into(),
            href: "https://www.pasonacareer.jp/support/login/".into(),
            context: "ID・パスワードをお忘れの方はこちら".into(),
        };
        assert_eq!(
            reset_password(std::slice::from_ref(&here), &[], SITE)
                .unwrap()
                .href,
            here.href
        );
        assert_eq!(
            forgot_id(std::slice::from_ref(&here), &[], SITE)
                .unwrap()
                .href,
            here.href
        );
        let long = LinkSnapshot {
            text: "採用情報はこちらからご覧いただけます".into(),
            context: "パスワードをお忘れの方".into(),
            ..here
        };
        assert_eq!(
            reset_password(&[long], &[], SITE),
            None,
            "a link with its own words is read alone"
        );
    }

    #[test]
    fn the_page_text_decides_the_reset_link() {
        let links = [
            link("新規会員登録", "https://www.pasonacareer.jp/entry/"),
            link(
                "パスワードを忘れた方はこちら",
                "https://www.pasonacareer.jp/a/b",
            ),
        ];
        assert_eq!(
            reset_password(&links, &[], SITE).unwrap().href,
            "https://www.pasonacareer.jp/a/b"
        );
    }

    #[test]
    fn the_address_alone_is_weaker_evidence_than_the_text() {
        let links = [
            link("こちら", "https://www.pasonacareer.jp/password/reset"),
            link("パスワードの再設定", "https://www.pasonacareer.jp/x"),
        ];
        assert_eq!(
            reset_password(&links, &[], SITE).unwrap().href,
            "https://www.pasonacareer.jp/x"
        );
        assert!(reset_password(&links[..1], &[], SITE).is_some());
    }

    #[test]
    fn an_address_must_say_both_password_and_reset() {
        // The ID's recovery page and a page about passwords that resets
        // nothing are no password reset, however their addresses read.
        let id = link(
            "マイページIDをお忘れの方",
            "https://www.pasonacareer.jp/mypage/id/forget/",
        );
        let rules = link(
            "ご利用ガイド",
            "https://www.pasonacareer.jp/guide/password/",
        );
        assert_eq!(reset_password(&[id, rules], &[], SITE), None);
        let both = link(
            "こちら",
            "https://www.pasonacareer.jp/mypage/password/forget/",
        );
        assert!(reset_password(&[both], &[], SITE).is_some());
    }

    #[test]
    fn a_link_off_the_site_never_wins_however_well_it_scores() {
        let links = [
            link(
                "パスワードを忘れた方（再設定）",
                "https://evil.example/password/reset",
            ),
            link(
                "パスワード再設定",
                "https://www.pasonacareer.jp.evil.example/password/reset",
            ),
            link(
                "パスワードを忘れた方",
                "http://www.pasonacareer.jp/password/reset",
            ),
            link("パスワードをお忘れの方", "https://www.pasonacareer.jp/pw"),
        ];
        assert_eq!(
            reset_password(&links, &[], SITE).unwrap().href,
            "https://www.pasonacareer.jp/pw"
        );
        assert_eq!(reset_password(&links[..3], &[], SITE), None);
        assert_eq!(reset_password(&[], &links[..3], SITE), None);
    }

    #[test]
    fn the_link_to_the_other_login() {
        let links = [
            link(
                "マイページIDを忘れた方",
                "https://www.pasonacareer.jp/mypage/id/",
            ),
            link(
                "マイページへのログインはこちら",
                "https://www.pasonacareer.jp/mypage/login/",
            ),
            link(
                "会員サービスにログイン",
                "https://www.pasonacareer.jp/member/login/",
            ),
        ];
        assert_eq!(
            other_login(&links, &[], LoginKind::MyPage, SITE)
                .unwrap()
                .href,
            "https://www.pasonacareer.jp/mypage/login/"
        );
        assert_eq!(
            other_login(&links, &[], LoginKind::MemberService, SITE)
                .unwrap()
                .href,
            "https://www.pasonacareer.jp/member/login/"
        );
        assert_eq!(other_login(&links[..1], &[], LoginKind::MyPage, SITE), None);
    }

    #[test]
    fn script_links_are_never_offered() {
        let links = [link("パスワードを忘れた方", "javascript:void(0)")];
        assert_eq!(reset_password(&links, &[], SITE), None);
    }

    #[test]
    fn nearby_links_win_over_page_links() {
        let near = [link(
            "パスワードをお忘れの方",
            "https://www.pasonacareer.jp/near",
        )];
        let page = [link(
            "パスワードをお忘れの方",
            "https://www.pasonacareer.jp/page",
        )];
        assert_eq!(
            reset_password(&near, &page, SITE).unwrap().href,
            "https://www.pasonacareer.jp/near"
        );
        assert_eq!(
            reset_password(&[], &page, SITE).unwrap().href,
            "https://www.pasonacareer.jp/page"
        );
    }

    #[test]
    fn forgot_id_links() {
        let links = [
            link("パスワードを忘れた方", "https://www.pasonacareer.jp/pw"),
            link("マイページIDを忘れた方", "https://www.pasonacareer.jp/id"),
        ];
        assert_eq!(
            forgot_id(&links, &[], SITE).unwrap().href,
            "https://www.pasonacareer.jp/id"
        );
        assert_eq!(
            reset_password(&links, &[], SITE).unwrap().href,
            "https://www.pasonacareer.jp/pw"
        );
    }
}
