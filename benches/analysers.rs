//! Native throughput of the analysers (criterion), for `./build.sh bench`:
//! one field check on typical values, login detection on a realistic page
//! snapshot, and one check of a 1 MB value (a paste gone wrong).
//!
//! `cargo bench --bench analysers -- --noplot`; `tests/bench/run.mjs` reads
//! the samples from `target/criterion/<group>/<id>/new/sample.json`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use plh::checks::{check, FieldInput, Keys};
use plh::detect::detect;
use plh::snapshot::PageSnapshot;
use plh::warning::{Field, LoginKind};
use serde_json::{json, Value};

fn input(kind: LoginKind, field: Field, value: &str) -> FieldInput {
    FieldInput {
        kind,
        field,
        value: value.to_owned(),
        keys: Keys::default(),
        max_length: None,
    }
}

/// A site-wide header and footer around the My Page login table, shaped like
/// what `content/read.js` reads off a real page of the site.
fn login_page() -> PageSnapshot {
    let nav = [
        ("求人検索", "/search/"),
        ("職種から探す", "/search/job/"),
        ("勤務地から探す", "/search/area/"),
        ("業種から探す", "/search/industry/"),
        ("年収から探す", "/search/income/"),
        ("転職ノウハウ", "/knowhow/"),
        ("転職成功事例", "/success/"),
        ("キャリアアドバイザー紹介", "/advisor/"),
        ("ハイクラス転職", "/highclass/"),
        ("女性の転職", "/woman/"),
        ("よくある質問", "/faq/"),
        ("お問い合わせ", "/contact/"),
        ("会員登録（無料）", "/entry/"),
        ("会員サービス ログイン", "/member/login/"),
        ("個人情報保護方針", "/privacy/"),
        ("サイトマップ", "/sitemap/"),
        ("運営会社", "https://www.pasona.co.jp/"),
        ("パソナ・マスターズ", "https://www.pasona-masters.co.jp/"),
    ];
    let links: Vec<Value> = nav
        .iter()
        .map(|(text, path)| {
            let href = if path.starts_with("https://") {
                (*path).to_owned()
            } else {
                format!("https://www.pasonacareer.jp{path}")
            };
            json!({"text": text, "href": href, "context": ""})
        })
        .chain([
            json!({"text": "パスワードをお忘れの方", "href": "https://www.pasonacareer.jp/mypage/password/forget/", "context": ""}),
            json!({"text": "マイページIDをお忘れの方", "href": "https://www.pasonacareer.jp/mypage/id/forget/", "context": ""}),
        ])
        .collect();
    // Through the reader the product uses (the one decoder of page data).
    PageSnapshot::read(&json!({
        "url": "https://www.pasonacareer.jp/mypage/login/",
        "title": "マイページ ログイン | パソナキャリア",
        "headings": ["マイページ", "ログイン", "はじめてご利用の方へ"],
        "links": links,
        "alerts": [],
        "forms": [{
            "text": "マイページ",
            "fields": [
                {"tag": "input", "type": "text", "name": "loginId", "label": "マイページID", "maxlength": 7},
                {"tag": "input", "type": "password", "name": "loginPw", "label": "パスワード"}
            ],
            "buttons": ["ログインする"],
            "links": [
                {"text": "パスワードをお忘れの方", "href": "https://www.pasonacareer.jp/mypage/password/forget/", "context": ""},
                {"text": "マイページIDをお忘れの方", "href": "https://www.pasonacareer.jp/mypage/id/forget/", "context": ""}
            ],
            "errors": []
        }]
    }))
}

/// `PLH_BENCH_SHORT=1` (CI): a few quick samples, only to keep the bench working.
fn short() -> bool {
    std::env::var_os("PLH_BENCH_SHORT").is_some_and(|v| v != "0")
}

fn config() -> Criterion {
    let c = Criterion::default();
    if short() {
        c.sample_size(10)
            .warm_up_time(Duration::from_millis(100))
            .measurement_time(Duration::from_millis(300))
    } else {
        c
    }
}

fn field_checks(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    group.throughput(Throughput::Elements(1));
    let cases = [
        (
            "my_page_id",
            input(LoginKind::MyPage, Field::Id, "l23456７"),
        ),
        (
            "email",
            input(
                LoginKind::MemberService,
                Field::Id,
                "taro.yamada＠example.co.jp",
            ),
        ),
        (
            "password",
            input(LoginKind::MyPage, Field::Password, "Passw0rd ２"),
        ),
    ];
    for (name, case) in &cases {
        group.bench_function(*name, |b| b.iter(|| check(black_box(case))));
    }
    group.finish();
}

fn page_detection(c: &mut Criterion) {
    let page = login_page();
    assert_eq!(detect(&page).kinds, vec![LoginKind::MyPage]);
    let mut group = c.benchmark_group("detect");
    group.throughput(Throughput::Elements(1));
    group.bench_function("login_page", |b| b.iter(|| detect(black_box(&page))));
    group.finish();
}

/// 1 MiB of what a wrong paste looks like: digits, full-width digits,
/// look-alike letters, spaces, an `@` now and then.
fn one_megabyte() -> String {
    let unit = "12３4l6O 7＠x.jp\u{200b}ａｂ";
    let mut s = String::with_capacity(1 << 20);
    while s.len() + unit.len() <= 1 << 20 {
        s.push_str(unit);
    }
    while s.len() < 1 << 20 {
        s.push('1');
    }
    s
}

fn one_megabyte_checks(c: &mut Criterion) {
    let value = one_megabyte();
    let mut group = c.benchmark_group("check_1mb");
    group.throughput(Throughput::Bytes(value.len() as u64));
    // Every sample the same few calls, so each sample is one repeat of "check 1 MB".
    group.sampling_mode(SamplingMode::Flat);
    if !short() {
        group.sample_size(20);
        group.measurement_time(Duration::from_secs(8));
    }
    for (name, kind, field) in [
        ("my_page_id", LoginKind::MyPage, Field::Id),
        ("email", LoginKind::MemberService, Field::Id),
        ("password", LoginKind::MyPage, Field::Password),
    ] {
        let case = input(kind, field, &value);
        group.bench_function(name, |b| b.iter(|| check(black_box(&case))));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = config();
    targets = field_checks, page_detection, one_megabyte_checks
}
criterion_main!(benches);
