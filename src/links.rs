//! Which of the page's own links leads to password reset or ID recovery.
//! docs/domain.md: the reset address must come from the page, never be invented.

use serde::Serialize;

use crate::snapshot::{LinkSnapshot, LIMITS};
use crate::text::fold;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Link {
    pub href: String,
    /// Found beside the login (in its section) rather than elsewhere on the
    /// page: where the page shows it next to the form, the extension's own
    /// copy is folded away instead of standing beside it as a twin.
    pub near: bool,
}

/// The best reset link near the login, else (for a lone login) on the page.
pub fn reset_password(near: &[LinkSnapshot], page: &[LinkSnapshot]) -> Option<Link> {
    best(near, reset_score, true).or_else(|| best(page, reset_score, false))
}

/// The page's own "forgot your ID / e-mail address" link, if any.
pub fn forgot_id(near: &[LinkSnapshot], page: &[LinkSnapshot]) -> Option<Link> {
    best(near, forgot_id_score, true).or_else(|| best(page, forgot_id_score, false))
}

fn best(links: &[LinkSnapshot], score: fn(&LinkSnapshot) -> u32, near: bool) -> Option<Link> {
    let mut best: Option<(u32, &LinkSnapshot)> = None;
    for link in links.iter().filter(|l| is_navigable(&l.href)) {
        let s = score(link);
        if s > 0 && best.is_none_or(|(b, _)| s > b) {
            best = Some((s, link));
        }
    }
    best.map(|(_, l)| Link {
        href: l.href.clone(),
        near,
    })
}

/// Only ordinary web addresses: a `javascript:` or `data:` link from a page is
/// never something the extension should put its name to.
fn is_navigable(href: &str) -> bool {
    let h = href.trim_start().to_ascii_lowercase();
    h.starts_with("https://") || h.starts_with("http://")
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
    if text.chars().count() <= LIMITS.short_link {
        format!("{} {}", fold(&link.context), text)
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
            href: "https://x.example/support/login/".into(),
            context: "ID・パスワードをお忘れの方はこちら".into(),
        };
        assert_eq!(
            reset_password(std::slice::from_ref(&here), &[])
                .unwrap()
                .href,
            here.href
        );
        assert_eq!(
            forgot_id(std::slice::from_ref(&here), &[]).unwrap().href,
            here.href
        );
        let long = LinkSnapshot {
            text: "採用情報はこちらからご覧いただけます".into(),
            context: "パスワードをお忘れの方".into(),
            ..here
        };
        assert_eq!(
            reset_password(&[long], &[]),
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
            reset_password(&links, &[]).unwrap().href,
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
            reset_password(&links, &[]).unwrap().href,
            "https://www.pasonacareer.jp/x"
        );
        assert!(reset_password(&links[..1], &[]).is_some());
    }

    #[test]
    fn script_links_are_never_offered() {
        let links = [link("パスワードを忘れた方", "javascript:void(0)")];
        assert_eq!(reset_password(&links, &[]), None);
    }

    #[test]
    fn nearby_links_win_over_page_links() {
        let near = [link("パスワードをお忘れの方", "https://x.example/near")];
        let page = [link("パスワードをお忘れの方", "https://x.example/page")];
        assert_eq!(
            reset_password(&near, &page).unwrap().href,
            "https://x.example/near"
        );
        assert_eq!(
            reset_password(&[], &page).unwrap().href,
            "https://x.example/page"
        );
    }

    #[test]
    fn forgot_id_links() {
        let links = [
            link("パスワードを忘れた方", "https://x.example/pw"),
            link("マイページIDを忘れた方", "https://x.example/id"),
        ];
        assert_eq!(forgot_id(&links, &[]).unwrap().href, "https://x.example/id");
        assert_eq!(
            reset_password(&links, &[]).unwrap().href,
            "https://x.example/pw"
        );
    }
}
