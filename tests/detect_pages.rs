//! Login detection on page snapshots shaped like the ones the content script
//! sends (JSON, camelCase), one per page shape of issue 2 and then some.

use plh::detect::{detect, PageReport};
use plh::snapshot::PageSnapshot;
use plh::warning::LoginKind::{self, MemberService, MyPage};
use serde_json::{json, Value};

fn page(v: Value) -> PageSnapshot {
    PageSnapshot::read(&v)
}

fn kinds(v: Value) -> Vec<LoginKind> {
    detect(&page(v)).kinds
}

fn report(v: Value) -> PageReport {
    detect(&page(v))
}

fn password() -> Value {
    json!({"tag": "input", "type": "password", "name": "password", "label": "パスワード", "autocomplete": "current-password"})
}

#[test]
fn member_login_with_modern_labels_and_sns_buttons() {
    let r = report(json!({
        "title": "ログイン | パソナキャリア",
        "headings": ["会員サービス ログイン"],
        "forms": [{
            "text": "メールアドレスでログイン",
            "fields": [
                {"tag": "input", "type": "email", "name": "mail", "id": "login-mail", "label": "メールアドレス", "autocomplete": "username"},
                password()
            ],
            "buttons": ["ログインする", "LINEでログイン", "Yahoo! JAPAN IDでログイン", "Googleでログイン"],
            "links": [
                {"text": "パスワードを忘れた方はこちら", "href": "https://www.pasonacareer.jp/member/reminder/"},
                {"text": "新規会員登録", "href": "https://www.pasonacareer.jp/entry/"}
            ]
        }]
    }));
    assert_eq!(r.kinds, vec![MemberService]);
    let login = &r.logins[0];
    assert_eq!((login.id_field, login.password_field), (Some(0), Some(1)));
    assert_eq!(
        login.reset_link.as_ref().unwrap().href,
        "https://www.pasonacareer.jp/member/reminder/"
    );
}

#[test]
fn my_page_login_in_a_table_with_th_labels() {
    let r = report(json!({
        "title": "マイページ ログイン",
        "forms": [{
            "fields": [
                {"tag": "input", "type": "text", "name": "loginId", "label": "マイページID", "maxlength": 7},
                {"tag": "input", "type": "password", "name": "loginPw", "label": "パスワード"}
            ],
            "buttons": ["ログインする"],
            "links": [{"text": "パスワードをお忘れの方", "href": "https://www.pasonacareer.jp/mypage/pw/"}]
        }]
    }));
    assert_eq!(r.kinds, vec![MyPage]);
    assert_eq!(
        r.logins[0].reset_link.as_ref().unwrap().href,
        "https://www.pasonacareer.jp/mypage/pw/"
    );
}

#[test]
fn my_page_login_with_placeholders_only() {
    assert_eq!(
        kinds(json!({"forms": [{
            "fields": [
                {"tag": "input", "type": "text", "placeholder": "マイページID（半角数字7桁）"},
                {"tag": "input", "type": "password", "placeholder": "パスワード"}
            ],
            "buttons": ["ログイン"]
        }]})),
        vec![MyPage]
    );
}

#[test]
fn member_login_with_placeholders_only() {
    assert_eq!(
        kinds(json!({"forms": [{
            "fields": [
                {"tag": "input", "type": "text", "placeholder": "メールアドレス"},
                {"tag": "input", "type": "password", "placeholder": "パスワード（半角英数字）"}
            ],
            "buttons": ["ログインする"]
        }]})),
        vec![MemberService]
    );
}

#[test]
fn both_logins_on_one_page_each_with_its_own_reset_link() {
    let r = report(json!({
        "links": [{"text": "パスワードを忘れた方", "href": "https://www.pasonacareer.jp/page-wide/"}],
        "forms": [
            {
                "text": "会員サービスにログイン",
                "fields": [
                    {"tag": "input", "type": "email", "label": "メールアドレス"},
                    password()
                ],
                "buttons": ["ログインする"],
                "links": [{"text": "パスワードを忘れた方", "href": "https://www.pasonacareer.jp/member/pw/"}]
            },
            {
                "text": "マイページにログイン",
                "fields": [
                    {"tag": "input", "type": "text", "label": "ID", "inputmode": "numeric", "maxlength": 7},
                    password()
                ],
                "buttons": ["ログインする"],
                "links": []
            }
        ]
    }));
    assert_eq!(r.kinds, vec![MemberService, MyPage]);
    assert_eq!(r.logins[1].form, 1);
    assert_eq!(
        r.logins[0].reset_link.as_ref().unwrap().href,
        "https://www.pasonacareer.jp/member/pw/"
    );
    assert_eq!(
        r.logins[1].reset_link, None,
        "page-wide links are ambiguous with two logins"
    );
}

#[test]
fn a_form_inserted_after_load_is_found_on_the_next_scan() {
    let before = json!({"title": "ログイン", "forms": []});
    assert_eq!(kinds(before), vec![]);
    let after = json!({"title": "ログイン", "forms": [{
        "fields": [
            {"tag": "input", "type": "email", "label": "メールアドレス"},
            password()
        ],
        "buttons": ["ログインする"]
    }]});
    assert_eq!(kinds(after), vec![MemberService]);
}

#[test]
fn a_job_page_with_a_search_form_has_no_login() {
    assert_eq!(
        kinds(json!({
            "title": "営業職の求人 | パソナキャリア",
            "headings": ["求人検索"],
            "forms": []
        })),
        vec![]
    );
}

#[test]
fn a_sign_up_form_with_new_password_and_confirmation_is_not_a_login() {
    assert_eq!(
        kinds(json!({"forms": [{
            "fields": [
                {"tag": "input", "type": "email", "label": "メールアドレス"},
                {"tag": "input", "type": "password", "label": "パスワード", "autocomplete": "new-password"},
                {"tag": "input", "type": "password", "label": "パスワード（確認用）", "autocomplete": "new-password"}
            ],
            "buttons": ["登録する"]
        }]})),
        vec![]
    );
}

#[test]
fn a_sign_up_form_with_one_new_password_is_not_a_login() {
    assert_eq!(
        kinds(json!({"forms": [{
            "fields": [
                {"tag": "input", "type": "email", "label": "メールアドレス"},
                {"tag": "input", "type": "password", "label": "パスワード", "autocomplete": "new-password"}
            ],
            "buttons": ["次へ"]
        }]})),
        vec![]
    );
}

#[test]
fn a_registration_form_with_many_fields_is_not_a_login() {
    assert_eq!(
        kinds(json!({"forms": [{
            "fields": [
                {"tag": "input", "type": "text", "label": "氏名"},
                {"tag": "input", "type": "text", "label": "フリガナ"},
                {"tag": "input", "type": "tel", "label": "電話番号"},
                {"tag": "input", "type": "email", "label": "メールアドレス"},
                {"tag": "input", "type": "password", "label": "パスワード"}
            ],
            "buttons": ["確認画面へ進む"]
        }]})),
        vec![]
    );
}

#[test]
fn a_registration_button_without_login_means_sign_up() {
    assert_eq!(
        kinds(json!({"forms": [{
            "fields": [
                {"tag": "input", "type": "email", "label": "メールアドレス"},
                {"tag": "input", "type": "password", "label": "パスワード"}
            ],
            "buttons": ["無料で会員登録する"]
        }]})),
        vec![]
    );
}

#[test]
fn a_bot_challenge_page_has_no_login() {
    assert_eq!(
        kinds(json!({
            "title": "Just a moment...",
            "headings": ["www.pasonacareer.jp needs to review the security of your connection"],
            "forms": [{"fields": [{"tag": "input", "type": "hidden", "name": "cf_token", "hidden": true}], "buttons": []}]
        })),
        vec![]
    );
}

#[test]
fn help_text_next_to_a_bare_id_label_is_enough() {
    assert_eq!(
        kinds(json!({"forms": [{
            "fields": [
                {"tag": "input", "type": "text", "label": "ID", "help": "マイページ開設時のメールに記載された7桁の番号です"},
                password()
            ],
            "buttons": ["ログインする"]
        }]})),
        vec![MyPage]
    );
}

#[test]
fn a_login_without_a_form_element_labelled_by_aria() {
    let r = report(json!({"forms": [{
        "fields": [
            {"tag": "input", "type": "text", "label": "メールアドレス", "autocomplete": "email"},
            {"tag": "input", "type": "password", "label": "パスワード"}
        ],
        "buttons": ["ログイン"]
    }]}));
    assert_eq!(r.kinds, vec![MemberService]);
}

#[test]
fn english_labels() {
    assert_eq!(
        kinds(json!({"forms": [{
            "fields": [{"tag": "input", "type": "text", "label": "My Page ID"}, password()],
            "buttons": ["Log in"]
        }]})),
        vec![MyPage]
    );
    assert_eq!(
        kinds(json!({"forms": [{
            "fields": [{"tag": "input", "type": "text", "label": "E-mail address"}, password()],
            "buttons": ["Log in"]
        }]})),
        vec![MemberService]
    );
}

#[test]
fn a_bare_id_label_with_nothing_else_is_not_guessed() {
    assert_eq!(
        kinds(json!({"forms": [{
            "fields": [{"tag": "input", "type": "text", "label": "ID"}, password()],
            "buttons": ["ログイン"]
        }]})),
        vec![]
    );
}

#[test]
fn a_hidden_password_field_is_no_login() {
    assert_eq!(
        kinds(json!({"forms": [{
            "fields": [
                {"tag": "input", "type": "email", "label": "メールアドレス"},
                {"tag": "input", "type": "password", "hidden": true}
            ],
            "buttons": ["送信"]
        }]})),
        vec![]
    );
}

#[test]
fn a_heading_and_numeric_keyboard_identify_my_page() {
    assert_eq!(
        kinds(json!({"forms": [{
            "text": "マイページログイン",
            "fields": [{"tag": "input", "type": "text", "label": "ID", "inputmode": "numeric"}, password()],
            "buttons": ["ログインする"]
        }]})),
        vec![MyPage]
    );
}

#[test]
fn a_password_change_form_is_not_a_login() {
    assert_eq!(
        kinds(json!({"forms": [{
            "fields": [
                {"tag": "input", "type": "password", "label": "現在のパスワード"},
                {"tag": "input", "type": "password", "label": "新しいパスワード"},
                {"tag": "input", "type": "password", "label": "新しいパスワード（確認）"}
            ],
            "buttons": ["変更する"]
        }]})),
        vec![]
    );
}

#[test]
fn a_seven_digit_pattern_identifies_my_page() {
    assert_eq!(
        kinds(json!({"forms": [{
            "fields": [{"tag": "input", "type": "text", "label": "ログインID", "pattern": "[0-9]{7}"}, password()],
            "buttons": ["ログイン"]
        }]})),
        vec![MyPage]
    );
}

#[test]
fn a_lone_login_takes_the_reset_link_from_the_page() {
    let r = report(json!({
        "links": [
            {"text": "よくある質問", "href": "https://www.pasonacareer.jp/faq/"},
            {"text": "ID・パスワードを忘れた方", "href": "https://www.pasonacareer.jp/help/login/"}
        ],
        "forms": [{
            "fields": [{"tag": "input", "type": "email", "label": "メールアドレス"}, password()],
            "buttons": ["ログイン"]
        }]
    }));
    let login = &r.logins[0];
    assert_eq!(
        login.reset_link.as_ref().unwrap().href,
        "https://www.pasonacareer.jp/help/login/"
    );
    assert_eq!(
        login.forgot_id_link.as_ref().unwrap().href,
        "https://www.pasonacareer.jp/help/login/"
    );
}

#[test]
fn the_id_field_is_the_nearest_text_field_before_the_password() {
    let r = report(json!({"forms": [{
        "fields": [
            {"tag": "input", "type": "search", "label": "サイト内検索"},
            {"tag": "input", "type": "checkbox", "label": "ログイン状態を保持"},
            {"tag": "input", "type": "text", "label": "マイページID", "maxlength": 7},
            password()
        ],
        "buttons": ["ログイン"]
    }]}));
    assert_eq!(r.kinds, vec![MyPage]);
    assert_eq!(r.logins[0].id_field, Some(2));
}

#[test]
fn a_newsletter_form_without_password_is_no_login() {
    assert_eq!(
        kinds(json!({"forms": [{
            "fields": [{"tag": "input", "type": "email", "label": "メールアドレス"}],
            "buttons": ["登録"]
        }]})),
        vec![]
    );
}

#[test]
fn unknown_snapshot_fields_and_missing_ones_are_tolerated() {
    assert_eq!(
        kinds(json!({"forms": [{"fields": [{}], "future": 1}], "x": true})),
        vec![]
    );
}

#[test]
fn the_first_step_of_a_two_step_login_is_the_id_alone_with_next() {
    let r = report(json!({
        "title": "マイページ ログイン",
        "forms": [{
            "fields": [{"tag": "input", "type": "text", "label": "マイページID", "maxlength": 7}],
            "buttons": ["次へ"]
        }]
    }));
    assert_eq!(r.kinds, vec![MyPage]);
    assert_eq!(
        (r.logins[0].id_field, r.logins[0].password_field),
        (Some(0), None)
    );
}

#[test]
fn a_lone_field_with_next_is_no_login_where_nothing_says_login() {
    // A contact or entry form asks for an address and goes on to the next page.
    assert_eq!(
        kinds(json!({
            "title": "お問い合わせ",
            "forms": [{
                "fields": [{"tag": "input", "type": "email", "label": "メールアドレス"}],
                "buttons": ["次へ"]
            }]
        })),
        vec![]
    );
}

#[test]
fn a_lone_field_on_a_login_page_that_does_not_move_on_is_no_login() {
    // The reminder form beside a login: an address and 「送信」.
    assert_eq!(
        kinds(json!({
            "title": "ログイン | パソナキャリア",
            "forms": [{
                "text": "パスワードを忘れた方はメールアドレスを入力してください",
                "fields": [{"tag": "input", "type": "email", "label": "メールアドレス"}],
                "buttons": ["送信"]
            }]
        })),
        vec![]
    );
}

#[test]
fn member_service_words_around_a_bare_id_field_name_the_member_login() {
    // The area's 会員サービス (2) and the lone login's heading 会員 (1) reach
    // the minimum together, with nothing from the field itself.
    assert_eq!(
        kinds(json!({
            "title": "会員サービス | パソナキャリア",
            "forms": [{
                "text": "会員サービスのIDでログイン",
                "fields": [{"tag": "input", "type": "text", "label": "ID"}, password()],
                "buttons": ["ログイン"]
            }]
        })),
        vec![MemberService]
    );
}

#[test]
fn digits_in_the_help_alone_tip_a_my_page_area_over() {
    for (text, label) in [
        ("マイページにログイン", "ログインID（半角数字）"),
        ("Log in to My Page", "Login ID (digits)"),
    ] {
        assert_eq!(
            kinds(json!({"forms": [{
                "text": text,
                "fields": [{"tag": "input", "type": "text", "label": label}, password()],
                "buttons": ["ログイン"]
            }]})),
            vec![MyPage],
            "{label}"
        );
    }
}

#[test]
fn the_second_step_of_a_two_step_login_is_the_password_alone_under_its_heading() {
    let r = report(json!({
        "title": "マイページ ログイン",
        "forms": [{"text": "マイページにログイン", "fields": [password()], "buttons": ["ログインする"]}]
    }));
    assert_eq!(r.kinds, vec![MyPage]);
    assert_eq!(
        (r.logins[0].id_field, r.logins[0].password_field),
        (None, Some(0))
    );
}

#[test]
fn a_password_alone_where_nothing_says_login_is_no_login() {
    // A My Page settings page asking for the password again before a change.
    assert_eq!(
        kinds(json!({
            "title": "マイページ 登録情報の変更",
            "forms": [{
                "text": "マイページの登録情報を変更するにはパスワードを入力してください",
                "fields": [password()],
                "buttons": ["確認"]
            }]
        })),
        vec![]
    );
}

#[test]
fn an_address_as_the_placeholder_speaks_for_the_member_login() {
    // The placeholder's '@' (2) and the lone login's heading 会員 (1).
    assert_eq!(
        kinds(json!({
            "title": "会員ログイン",
            "forms": [{
                "fields": [{"tag": "input", "type": "text", "label": "ログインID", "placeholder": "taro@example.jp"}, password()],
                "buttons": ["ログイン"]
            }]
        })),
        vec![MemberService]
    );
}

#[test]
fn a_field_named_for_my_page_tips_a_bare_id_login_over() {
    // A bare ID label under a login's words is no kind of its own (see
    // a_bare_id_label_with_nothing_else_is_not_guessed); the field's name
    // saying mypage adds what is missing.
    let with_name = |name: &str| {
        kinds(json!({"forms": [{
            "text": "マイページにログイン",
            "fields": [{"tag": "input", "type": "text", "label": "ID", "name": name}, password()],
            "buttons": ["ログイン"]
        }]}))
    };
    assert_eq!(with_name("mypage_login_id"), vec![MyPage]);
    assert_ne!(with_name("login_id"), vec![MyPage]);
}

#[test]
fn sns_buttons_count_for_the_member_login_but_not_alone() {
    // SNS logins (2) and the page's 会員 (1) reach the minimum; the SNS
    // buttons alone under a bare ID label are not enough to name a login.
    let page = |title: &str| {
        kinds(json!({
            "title": title,
            "forms": [{
                "text": "ログイン",
                "fields": [{"tag": "input", "type": "text", "label": "ID"}, password()],
                "buttons": ["ログイン", "LINEでログイン", "Googleでログイン"]
            }]
        }))
    };
    assert_eq!(page("会員ログイン"), vec![MemberService]);
    assert_eq!(page("ログイン"), vec![]);
}

#[test]
fn a_box_seven_characters_long_alone_names_my_page() {
    assert_eq!(
        kinds(json!({"forms": [{
            "text": "ログイン",
            "fields": [{"tag": "input", "type": "text", "label": "ID", "maxlength": 7}, password()],
            "buttons": ["ログイン"]
        }]})),
        vec![MyPage]
    );
}
