//! Prints requests with the responses native code gives them, as JSON. The
//! browser test replays them through the built wasm in the extension's
//! background and expects the very same answers: one implementation, two targets.

use plh::browser::{days_from_civil, BrowserSignals};
use plh::checks::{FieldInput, Keys};
use plh::memory::{Memory, Method, Pending};
use plh::protocol::{handle, Request};
use plh::settings::Settings;
use plh::snapshot::{FieldSnapshot, FormSnapshot, LinkSnapshot, PageSnapshot};
use plh::warning::LoginKind::{MemberService, MyPage};
use plh::warning::{Field, LoginKind};

fn field(input_type: &str, label: &str) -> FieldSnapshot {
    FieldSnapshot {
        tag: "input".into(),
        input_type: input_type.into(),
        label: label.into(),
        ..Default::default()
    }
}

fn login_page(id: FieldSnapshot, text: &str) -> PageSnapshot {
    PageSnapshot {
        title: "ログイン".into(),
        forms: vec![FormSnapshot {
            fields: vec![id, field("password", "パスワード")],
            buttons: vec!["ログインする".into()],
            text: text.into(),
            links: vec![LinkSnapshot {
                text: "パスワードを忘れた方".into(),
                href: "https://www.pasonacareer.jp/reset/".into(),
                context: String::new(),
            }],
            errors: Vec::new(),
        }],
        ..Default::default()
    }
}

fn main() {
    let member = login_page(field("email", "メールアドレス"), "");
    let my_page = login_page(field("text", "ID"), "マイページにログイン");
    let mut failed = my_page.clone();
    failed.forms[0].errors = vec!["IDまたはパスワードが正しくありません".into()];
    let mut lookalike = member.clone();
    lookalike.url = "https://www.pasona.co.jp/login".into();
    let old_chrome = BrowserSignals {
        user_agent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36".into(),
        ..Default::default()
    };
    let edge = BrowserSignals {
        user_agent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/158.0.0.0 Safari/537.36 Edg/158.0.0.0".into(),
        ..Default::default()
    };
    let today = days_from_civil(2026, 11, 26);
    let detect = |page: &PageSnapshot, browser: Option<&BrowserSignals>| Request::Detect {
        page: Box::new(page.clone()),
        browser: browser.cloned(),
        today: browser.map(|_| today),
        settings: Settings::default(),
    };
    let mut requests = vec![
        detect(&PageSnapshot::default(), None),
        detect(&member, None),
        detect(&my_page, None),
        detect(&login_page(field("text", "ID"), ""), None),
        detect(&failed, None),
        detect(&lookalike, None),
        detect(&member, Some(&old_chrome)),
        detect(&my_page, Some(&edge)),
    ];
    let values = [
        "",
        "1234567",
        "１２３４５６７",
        "l234567",
        "123-4567",
        "123456",
        "12345678",
        "12345x7",
        "taro@example.com",
        "taro＠example.com",
        "ｔａｒｏ@example.com",
        " 1234567 ",
        "\u{200B}1234567",
        "😀",
        "ｌ２３４５６７",
        "パソナ",
        "a\u{0301}b",
        "\u{202E}7654321",
        "taro@gmail.con",
        "taro1@example.com",
        "tаro@example.com",
        "taro@@x.jp",
        "hello l1O0",
        "taro..x.@docomo.ne.jp",
        "ｓｅｃｒｅｔ ",
    ];
    for kind in [LoginKind::MyPage, LoginKind::MemberService] {
        for field in [Field::Id, Field::Password] {
            for value in values {
                for (caps_lock, composing) in [(false, false), (true, true)] {
                    requests.push(Request::Check {
                        settings: Settings::default(),
                        input: FieldInput {
                            kind,
                            field,
                            value: value.into(),
                            keys: Keys {
                                caps_lock,
                                composing,
                            },
                            max_length: None,
                        },
                    });
                }
            }
        }
    }
    let quiet = Settings {
        typing: false,
        browser: false,
        ..Settings::default()
    };
    requests.push(Request::Check {
        settings: quiet,
        input: FieldInput {
            kind: MyPage,
            field: Field::Id,
            value: "１２３４５６".into(),
            keys: Keys::default(),
            max_length: None,
        },
    });
    requests.push(Request::Detect {
        page: Box::new(member.clone()),
        browser: Some(old_chrome.clone()),
        today: Some(today),
        settings: quiet,
    });
    for label in ["LINEでログイン", "ログインする", "Googleで続ける"] {
        for kind in [None, Some(MemberService), Some(MyPage)] {
            requests.push(Request::Method {
                kind,
                label: Some(label.into()),
            });
        }
    }
    let pending = Pending {
        method: Method::Line,
        at: 1_000,
    };
    for (kinds, login_failed) in [
        (vec![], false),
        (vec![MemberService], false),
        (vec![MemberService], true),
    ] {
        requests.push(Request::Outcome {
            pending,
            now_ms: 5_000,
            today,
            kinds,
            login_failed,
        });
    }
    for age in [0, 10, 183] {
        requests.push(Request::Notices {
            memory: Some(Memory {
                method: Method::MyPage,
                date: today - age,
            }),
            today,
        });
    }
    requests.push(Request::Notices {
        memory: None,
        today,
    });
    for kinds in [vec![], vec![MyPage], vec![MemberService, MyPage]] {
        requests.push(Request::Checklist { kinds });
    }
    requests.push(Request::Groups {});
    let cases: Vec<_> = requests
        .iter()
        .map(|request| serde_json::json!({ "request": request, "response": handle(request) }))
        .collect();
    println!(
        "{}",
        serde_json::to_string_pretty(&cases).expect("cases serialise")
    );
}
