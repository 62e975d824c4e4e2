//! Prints requests with the responses native code gives them, as JSON. The
//! browser test replays them through the built wasm in the extension's
//! background and expects the very same answers: one implementation, two targets.

use plh::checks::{FieldInput, Keys};
use plh::protocol::{handle, Request};
use plh::snapshot::{FieldSnapshot, FormSnapshot, LinkSnapshot, PageSnapshot};
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
        }],
        ..Default::default()
    }
}

fn main() {
    let mut requests = vec![
        Request::Detect {
            page: PageSnapshot::default(),
        },
        Request::Detect {
            page: login_page(field("email", "メールアドレス"), ""),
        },
        Request::Detect {
            page: login_page(field("text", "ID"), "マイページにログイン"),
        },
        Request::Detect {
            page: login_page(field("text", "ID"), ""),
        },
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
                        input: FieldInput {
                            kind,
                            field,
                            value: value.into(),
                            keys: Keys {
                                caps_lock,
                                composing,
                            },
                        },
                    });
                }
            }
        }
    }
    let cases: Vec<_> = requests
        .iter()
        .map(|request| serde_json::json!({ "request": request, "response": handle(request) }))
        .collect();
    println!(
        "{}",
        serde_json::to_string_pretty(&cases).expect("cases serialise")
    );
}
