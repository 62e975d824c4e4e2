//! The field codes of docs/contract.md, case by case, for both logins and both
//! fields: what a user types (into a box with which `maxlength`), exactly
//! which codes answer at which level in which order, and the one fix offered.
//! Rows with no codes are the ones that must NOT warn.

use plh::checks::{check, FieldInput, Keys};
use plh::warning::{Code, Field, Level, LoginKind};

use Code::*;
use Field::{Id, Password};
use Level::{Error as E, Info as I, Warning as W};
use LoginKind::{MemberService as M, MyPage as P};

const NONE: Keys = Keys {
    caps_lock: false,
    composing: false,
};
const CAPS: Keys = Keys {
    caps_lock: true,
    composing: false,
};
const IME: Keys = Keys {
    caps_lock: false,
    composing: true,
};
/// No `maxlength`, and the one of the My Page ID box that cuts "123-4567".
const N: Option<usize> = None;
const ML7: Option<usize> = Some(7);

type Case = (
    LoginKind,
    Field,
    &'static str,
    Keys,
    Option<usize>,
    &'static [(Code, Level)],
    Option<&'static str>,
);

const CASES: &[Case] = &[
    // ---- must not warn
    (P, Id, "1234567", NONE, N, &[], None),
    (P, Id, "0000000", NONE, N, &[], None),
    (P, Id, "9876543", NONE, ML7, &[], None),
    (M, Id, "taro.yamada@example.co.jp", NONE, N, &[], None),
    (M, Id, "hanako+job@gmail.com", NONE, N, &[], None),
    (M, Id, "yamada@docomo.ne.jp", NONE, N, &[], None),
    (M, Id, "taro..yamada.@docomo.ne.jp", NONE, N, &[], None),
    (M, Id, "k-sato@i.softbank.jp", NONE, N, &[], None),
    (M, Id, "sakura_t@yahoo.co.jp", NONE, N, &[], None),
    (M, Id, "me@live.jp", NONE, N, &[], None),
    (M, Id, "taro@hotmail.co.uk", NONE, N, &[], None),
    (M, Id, "taro@hotmail.co.nz", NONE, N, &[], None),
    (M, Id, "taro@hotmail.co.za", NONE, N, &[], None),
    (M, Id, "taro@yahoo.com.au", NONE, N, &[], None),
    (M, Id, "taro@hotmail.co.in", NONE, N, &[], None),
    (M, Id, "taro@hotmail.com.br", NONE, N, &[], None),
    (M, Id, "taro@sannet.ne.jp", NONE, N, &[], None),
    (M, Id, "taro@dion.ne.jp", NONE, N, &[], None),
    (M, Id, "taro@kcn.ne.jp", NONE, N, &[], None),
    (M, Id, "taro@y-mobile.ne.jp", NONE, N, &[], None),
    (P, Password, "Sakura-Tokyo#2345", NONE, N, &[], None),
    (
        M,
        Password,
        "correct horse battery stack",
        NONE,
        N,
        &[],
        None,
    ),
    (M, Password, "Kyoto#Spring", NONE, N, &[], None),
    (P, Password, "", NONE, N, &[], None),
    (M, Id, "", NONE, N, &[], None),
    // ---- fullwidth
    (
        P,
        Id,
        "１２３４５６７",
        NONE,
        N,
        &[(Fullwidth, E)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "12345６７",
        NONE,
        ML7,
        &[(Fullwidth, E)],
        Some("1234567"),
    ),
    (
        M,
        Id,
        "taro＠example.com",
        NONE,
        N,
        &[(Fullwidth, E)],
        Some("taro@example.com"),
    ),
    (
        M,
        Id,
        "ｔａｒｏ@example.com",
        NONE,
        N,
        &[(Fullwidth, E)],
        Some("taro@example.com"),
    ),
    (
        M,
        Id,
        "taro@example．com",
        NONE,
        N,
        &[(Fullwidth, E)],
        Some("taro@example.com"),
    ),
    (
        M,
        Password,
        "ｐａｓｓ",
        NONE,
        N,
        &[(Fullwidth, E)],
        Some("pass"),
    ),
    (
        P,
        Password,
        "pass９",
        NONE,
        N,
        &[(Fullwidth, E)],
        Some("pass9"),
    ),
    (
        M,
        Password,
        "ＰＡＳＳ",
        NONE,
        N,
        &[(Fullwidth, E)],
        Some("PASS"),
    ),
    (
        M,
        Password,
        "ＯＫ",
        NONE,
        N,
        &[(Fullwidth, E), (Confusable, I)],
        Some("OK"),
    ),
    // the IME's space inside an address: no fix, since "taro @gmail.com" fails too
    (
        M,
        Id,
        "taro\u{3000}@gmail.com",
        NONE,
        N,
        &[(Fullwidth, E), (EmailFormat, E)],
        None,
    ),
    // the IME's comma for a dot: one fix with both corrections
    (
        M,
        Id,
        "taro@gmail，com",
        NONE,
        N,
        &[(Fullwidth, E), (EmailFormat, E)],
        Some("taro@gmail.com"),
    ),
    // ---- one mistake, one button
    (
        M,
        Id,
        "taro＠gmail.con ",
        NONE,
        N,
        &[(Fullwidth, E), (Whitespace, W), (EmailDomain, W)],
        Some("taro@gmail.com"),
    ),
    (
        P,
        Id,
        "ｌ２３４５６７",
        NONE,
        N,
        &[(Fullwidth, E), (NotDigits, E)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        " 123ー4567\u{200B}",
        NONE,
        N,
        &[(Invisible, E), (NotDigits, E), (Whitespace, W)],
        Some("1234567"),
    ),
    (
        M,
        Id,
        " tаro@gmail.con",
        NONE,
        N,
        &[(Confusable, E), (Whitespace, W), (EmailDomain, W)],
        Some("taro@gmail.com"),
    ),
    (
        M,
        Password,
        " ｓｅｃｒｅｔ\u{200B}",
        NONE,
        N,
        &[(Fullwidth, E), (Invisible, E), (Whitespace, W)],
        Some("secret"),
    ),
    // ---- whitespace
    (
        P,
        Id,
        " 1234567",
        NONE,
        N,
        &[(Whitespace, W)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "1234567 ",
        NONE,
        N,
        &[(Whitespace, W)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "1234567\u{3000}",
        NONE,
        N,
        &[(Fullwidth, E), (Whitespace, W)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "1234567\u{2009}",
        NONE,
        N,
        &[(Whitespace, W)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "\u{2003}1234567",
        NONE,
        N,
        &[(Whitespace, W)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "1234567\u{200A}",
        NONE,
        N,
        &[(Whitespace, W)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "1234567\u{2028}",
        NONE,
        N,
        &[(Whitespace, W)],
        Some("1234567"),
    ),
    (
        M,
        Id,
        " taro@example.com",
        NONE,
        N,
        &[(Whitespace, W)],
        Some("taro@example.com"),
    ),
    (
        M,
        Id,
        "taro@example.com\t",
        NONE,
        N,
        &[(Whitespace, W)],
        Some("taro@example.com"),
    ),
    (
        M,
        Id,
        "taro@example.com\u{2009}",
        NONE,
        N,
        &[(Whitespace, W)],
        Some("taro@example.com"),
    ),
    (
        M,
        Id,
        "taro@example.com\u{2028}",
        NONE,
        N,
        &[(Whitespace, W)],
        Some("taro@example.com"),
    ),
    (
        M,
        Password,
        "secret ",
        NONE,
        N,
        &[(Whitespace, W)],
        Some("secret"),
    ),
    (
        P,
        Password,
        " secret",
        NONE,
        N,
        &[(Whitespace, W)],
        Some("secret"),
    ),
    // ---- invisible
    (
        P,
        Id,
        "\u{200B}1234567",
        NONE,
        N,
        &[(Invisible, E)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "1234\u{FEFF}567",
        NONE,
        N,
        &[(Invisible, E)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "1234567\u{00A0}",
        NONE,
        N,
        &[(Invisible, E)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "1234567\u{2007}",
        NONE,
        N,
        &[(Invisible, E)],
        Some("1234567"),
    ),
    (
        M,
        Id,
        "taro@example.com\u{200B}",
        NONE,
        N,
        &[(Invisible, E)],
        Some("taro@example.com"),
    ),
    (
        M,
        Id,
        "\u{202E}taro@example.com",
        NONE,
        N,
        &[(Invisible, E)],
        Some("taro@example.com"),
    ),
    (
        M,
        Password,
        "sec\u{200B}ret",
        NONE,
        N,
        &[(Invisible, E)],
        Some("secret"),
    ),
    (
        P,
        Password,
        "secret\u{2060}",
        NONE,
        N,
        &[(Invisible, E)],
        Some("secret"),
    ),
    // ---- not-digits
    (
        P,
        Id,
        "l234567",
        NONE,
        N,
        &[(NotDigits, E)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "I234567",
        NONE,
        N,
        &[(NotDigits, E)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "123456O",
        NONE,
        N,
        &[(NotDigits, E)],
        Some("1234560"),
    ),
    (
        P,
        Id,
        "12345b7",
        NONE,
        N,
        &[(NotDigits, E)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "Z345678",
        NONE,
        N,
        &[(NotDigits, E)],
        Some("2345678"),
    ),
    (
        P,
        Id,
        "123-4567",
        NONE,
        N,
        &[(NotDigits, E)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "123ー4567",
        NONE,
        N,
        &[(NotDigits, E)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "123─4567",
        NONE,
        N,
        &[(NotDigits, E)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "123━4567",
        NONE,
        N,
        &[(NotDigits, E)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "123一4567",
        NONE,
        N,
        &[(NotDigits, E)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "123\u{2009}4567",
        NONE,
        N,
        &[(NotDigits, E)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "123\u{2003}4567",
        NONE,
        N,
        &[(NotDigits, E)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "123\u{2028}4567",
        NONE,
        N,
        &[(NotDigits, E)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "123・4567",
        NONE,
        N,
        &[(NotDigits, E)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "〇〇12345",
        NONE,
        N,
        &[(NotDigits, E)],
        Some("0012345"),
    ),
    (
        P,
        Id,
        "○123456",
        NONE,
        N,
        &[(NotDigits, E)],
        Some("0123456"),
    ),
    (
        P,
        Id,
        "①②③4567",
        NONE,
        N,
        &[(NotDigits, E)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "Ⅰ234567",
        NONE,
        N,
        &[(NotDigits, E)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "ⅰ234567",
        NONE,
        N,
        &[(NotDigits, E)],
        Some("1234567"),
    ),
    (
        P,
        Id,
        "123456О",
        NONE,
        N,
        &[(NotDigits, E)],
        Some("1234560"),
    ),
    // nothing maps: no suggestion, and no digit count
    (P, Id, "12345x7", NONE, N, &[(NotDigits, E)], None),
    (P, Id, "ABCDEFG", NONE, N, &[(NotDigits, E)], None),
    (
        P,
        Id,
        "ｒ",
        IME,
        N,
        &[(Fullwidth, E), (NotDigits, E), (Ime, W)],
        None,
    ),
    (P, Id, "r", NONE, N, &[(NotDigits, E)], None),
    (P, Id, "---", NONE, N, &[(NotDigits, E)], None),
    // ---- length
    (P, Id, "123456", NONE, N, &[(Length, W)], None),
    (P, Id, "1", NONE, N, &[(Length, W)], None),
    (P, Id, "12345678", NONE, N, &[(Length, E)], None),
    (
        P,
        Id,
        "l23456",
        NONE,
        N,
        &[(NotDigits, E), (Length, W)],
        None,
    ),
    (
        P,
        Id,
        "１２３",
        NONE,
        N,
        &[(Fullwidth, E), (Length, W)],
        None,
    ),
    // cut by maxlength=7: explained, and no fix (the lost digit is unknown)
    (
        P,
        Id,
        "123-456",
        NONE,
        ML7,
        &[(NotDigits, E), (Length, E)],
        None,
    ),
    (
        P,
        Id,
        "123 456",
        NONE,
        ML7,
        &[(NotDigits, E), (Length, E)],
        None,
    ),
    (
        P,
        Id,
        "１２３－４５６",
        NONE,
        ML7,
        &[(Fullwidth, E), (NotDigits, E), (Length, E)],
        None,
    ),
    (
        P,
        Id,
        "123456 ",
        NONE,
        ML7,
        &[(Length, E), (Whitespace, W)],
        None,
    ),
    // the same box, but nothing was cut
    (
        P,
        Id,
        "123-45",
        NONE,
        ML7,
        &[(NotDigits, E), (Length, W)],
        None,
    ),
    (P, Id, "123456", NONE, ML7, &[(Length, W)], None),
    (
        P,
        Id,
        "l234567",
        NONE,
        ML7,
        &[(NotDigits, E)],
        Some("1234567"),
    ),
    // ---- wrong-login
    (P, Id, "taro@example.com", NONE, N, &[(WrongLogin, E)], None),
    (
        P,
        Id,
        "taro＠example.com",
        NONE,
        N,
        &[(Fullwidth, E), (WrongLogin, E)],
        None,
    ),
    (P, Id, "taro@", NONE, N, &[(WrongLogin, E)], None),
    (M, Id, "1234567", NONE, N, &[(WrongLogin, E)], None),
    (
        M,
        Id,
        "１２３４５６７",
        NONE,
        N,
        &[(Fullwidth, E), (WrongLogin, E)],
        None,
    ),
    (
        M,
        Id,
        " 1234567 ",
        NONE,
        N,
        &[(WrongLogin, E), (Whitespace, W)],
        None,
    ),
    // ---- email-format
    (M, Id, "taro", NONE, N, &[(EmailFormat, W)], None),
    (M, Id, "taro@", NONE, N, &[(EmailFormat, W)], None),
    (M, Id, "taro@gmail", NONE, N, &[(EmailFormat, W)], None),
    (
        M,
        Id,
        "taro@@example.com",
        NONE,
        N,
        &[(EmailFormat, E)],
        None,
    ),
    (
        M,
        Id,
        ".taro@example.com",
        NONE,
        N,
        &[(EmailFormat, E)],
        None,
    ),
    (
        M,
        Id,
        "taro..yamada@example.com",
        NONE,
        N,
        &[(EmailFormat, E)],
        None,
    ),
    (
        M,
        Id,
        "たろう@example.com",
        NONE,
        N,
        &[(EmailFormat, E)],
        None,
    ),
    (
        M,
        Id,
        "taro yamada@example.com",
        NONE,
        N,
        &[(EmailFormat, E)],
        None,
    ),
    (
        M,
        Id,
        "taro@exa_mple.com",
        NONE,
        N,
        &[(EmailFormat, E)],
        None,
    ),
    (
        M,
        Id,
        "taro@-example.com",
        NONE,
        N,
        &[(EmailFormat, E)],
        None,
    ),
    (M, Id, "@example.com", NONE, N, &[(EmailFormat, E)], None),
    (
        M,
        Id,
        "taro・yamada@example.com",
        NONE,
        N,
        &[(EmailFormat, E)],
        None,
    ),
    // a dot slip: the suggested address is passed on
    (
        M,
        Id,
        "taro@gmail,com",
        NONE,
        N,
        &[(EmailFormat, E)],
        Some("taro@gmail.com"),
    ),
    (
        M,
        Id,
        "taro@gmail。com",
        NONE,
        N,
        &[(EmailFormat, E)],
        Some("taro@gmail.com"),
    ),
    (
        M,
        Id,
        "taro@gmail・com",
        NONE,
        N,
        &[(EmailFormat, E)],
        Some("taro@gmail.com"),
    ),
    (
        M,
        Id,
        "taro@gmail･com",
        NONE,
        N,
        &[(EmailFormat, E)],
        Some("taro@gmail.com"),
    ),
    (
        M,
        Id,
        "taro@docomo.ne,jp",
        NONE,
        N,
        &[(EmailFormat, E)],
        Some("taro@docomo.ne.jp"),
    ),
    (
        M,
        Id,
        "taro。yamada@gmail.com",
        NONE,
        N,
        &[(EmailFormat, E)],
        Some("taro.yamada@gmail.com"),
    ),
    // ---- email-domain
    (
        M,
        Id,
        "taro@gmail.con",
        NONE,
        N,
        &[(EmailDomain, W)],
        Some("taro@gmail.com"),
    ),
    (
        M,
        Id,
        "taro@gmial.com",
        NONE,
        N,
        &[(EmailDomain, W)],
        Some("taro@gmail.com"),
    ),
    (
        M,
        Id,
        "taro@yahoo.co.jo",
        NONE,
        N,
        &[(EmailDomain, W)],
        Some("taro@yahoo.co.jp"),
    ),
    (
        M,
        Id,
        "taro@docomo.ne.jo",
        NONE,
        N,
        &[(EmailDomain, W)],
        Some("taro@docomo.ne.jp"),
    ),
    (
        M,
        Id,
        "taro@ezweb.ne.j",
        NONE,
        N,
        &[(EmailDomain, W)],
        Some("taro@ezweb.ne.jp"),
    ),
    (
        M,
        Id,
        "taro@icloud.cmo",
        NONE,
        N,
        &[(EmailDomain, W)],
        Some("taro@icloud.com"),
    ),
    (
        M,
        Id,
        "taro@hotmial.co.jp",
        NONE,
        N,
        &[(EmailDomain, W)],
        Some("taro@hotmail.co.jp"),
    ),
    (
        M,
        Id,
        "taro@softbank.ne.jo",
        NONE,
        N,
        &[(EmailDomain, W)],
        Some("taro@softbank.ne.jp"),
    ),
    (
        M,
        Id,
        "taro@gmail..com",
        NONE,
        N,
        &[(EmailDomain, E)],
        Some("taro@gmail.com"),
    ),
    // ---- confusable
    (
        M,
        Id,
        "taro1@example.com",
        NONE,
        N,
        &[(Confusable, I)],
        None,
    ),
    (
        M,
        Id,
        "hanako2020@example.com",
        NONE,
        N,
        &[(Confusable, I)],
        None,
    ),
    (M, Id, "l1ly@example.com", NONE, N, &[(Confusable, I)], None),
    (
        M,
        Id,
        "tаro@example.com",
        NONE,
        N,
        &[(Confusable, E)],
        Some("taro@example.com"),
    ),
    (
        M,
        Id,
        "taro@gmаil.com",
        NONE,
        N,
        &[(Confusable, E)],
        Some("taro@gmail.com"),
    ),
    (
        M,
        Id,
        "taroーyamada@example.com",
        NONE,
        N,
        &[(Confusable, E)],
        Some("taro-yamada@example.com"),
    ),
    (
        M,
        Id,
        "taro─yamada@example.com",
        NONE,
        N,
        &[(Confusable, E)],
        Some("taro-yamada@example.com"),
    ),
    (
        M,
        Id,
        "tarо@gmail.con",
        NONE,
        N,
        &[(Confusable, E), (EmailDomain, W)],
        Some("taro@gmail.com"),
    ),
    (M, Password, "hello1", NONE, N, &[(Confusable, I)], None),
    (P, Password, "I0vePasona", NONE, N, &[(Confusable, I)], None),
    (M, Password, "pass|word", NONE, N, &[(Confusable, I)], None),
    (P, Password, "pаss", NONE, N, &[(Confusable, I)], None),
    // ---- caps-lock
    (M, Password, "", CAPS, N, &[(CapsLock, W)], None),
    (P, Password, "SECRET", CAPS, N, &[(CapsLock, W)], None),
    (P, Id, "1234567", CAPS, N, &[], None),
    (M, Id, "taro@example.com", CAPS, N, &[], None),
    // ---- ime
    (P, Id, "", IME, N, &[(Ime, W)], None),
    (
        P,
        Id,
        "１",
        IME,
        N,
        &[(Fullwidth, E), (Ime, W), (Length, W)],
        None,
    ),
    (
        M,
        Id,
        "ｔ",
        IME,
        N,
        &[(Fullwidth, E), (Ime, W), (EmailFormat, W)],
        None,
    ),
    (M, Password, "ぱ", IME, N, &[(Ime, W)], None),
    (P, Password, "", IME, N, &[(Ime, W)], None),
    (
        P,
        Password,
        "ｐａｓｓ",
        IME,
        N,
        &[(Fullwidth, E), (Ime, W)],
        Some("pass"),
    ),
];

fn run(case: &Case) -> Vec<plh::warning::Warning> {
    let (kind, field, value, keys, max_length, _, _) = case;
    check(&FieldInput {
        kind: *kind,
        field: *field,
        value: (*value).into(),
        keys: *keys,
        max_length: *max_length,
    })
}

#[test]
fn every_case_gives_exactly_its_codes_levels_order_and_fix() {
    assert!(CASES.len() >= 150, "{} cases", CASES.len());
    let mut failures = Vec::new();
    for case in CASES {
        let (kind, field, value, keys, max_length, expected, fix) = case;
        let got = run(case);
        let codes: Vec<(Code, Level)> = got.iter().map(|w| (w.code, w.level)).collect();
        let fixes: Vec<&str> = got
            .iter()
            .filter_map(|w| w.fix.as_ref().map(|f| f.value.as_str()))
            .collect();
        if codes != *expected || fixes != fix.iter().copied().collect::<Vec<_>>() {
            failures.push(format!(
                "{kind:?} {field:?} {value:?} {keys:?} {max_length:?}: got {codes:?} fix {fixes:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_fix_is_on_the_first_warning_of_its_level() {
    for case in CASES {
        let got = run(case);
        if let Some(i) = got.iter().position(|w| w.fix.is_some()) {
            assert!(
                got[..i].iter().all(|w| w.level > got[i].level),
                "{:?}: {got:?}",
                case.2
            );
        }
    }
}

/// Every run of four characters of `value`, as typed and half-width.
fn runs_of_four(value: &str) -> Vec<String> {
    let mut out = Vec::new();
    for v in [value.to_string(), plh::text::halfwidth(value)] {
        let chars: Vec<char> = v.chars().collect();
        for w in chars.windows(4) {
            out.push(w.iter().collect());
        }
    }
    out
}

#[test]
fn no_message_carries_the_value_and_every_fix_passes() {
    for case in CASES {
        let (kind, field, value, _, max_length, _, _) = case;
        for w in run(case) {
            let args = format!("{:?}", w.args);
            let domain = match (w.code, &w.args[..]) {
                (EmailDomain, [plh::view::Arg::Plain(d)]) => Some(d.clone()),
                _ => None,
            };
            for run in runs_of_four(value) {
                if domain.as_ref().is_some_and(|d| d.contains(&run)) {
                    continue; // a suggested domain may be named
                }
                assert!(!args.contains(&run), "{value:?}: {w:?} carries {run:?}");
            }
            if let Some(fix) = &w.fix {
                let again = check(&FieldInput {
                    kind: *kind,
                    field: *field,
                    value: fix.value.clone(),
                    keys: Keys::default(),
                    max_length: *max_length,
                });
                assert!(
                    again.iter().all(|x| x.level == I),
                    "{value:?}: the fix {:?} gets {again:?}",
                    fix.value
                );
                assert!(
                    !fix.changes.is_empty(),
                    "{value:?}: a fix says what it changes"
                );
            }
        }
    }
}

#[test]
fn never_zero_digits_and_never_an_empty_read_back() {
    for case in CASES {
        for w in run(case) {
            assert!(
                !(w.code == Length && w.args == [plh::view::Arg::Plain("0".into())]),
                "{:?}",
                case.2
            );
            if w.message == "w_confusable_id" || w.message == "w_confusable_impostor" {
                assert!(!w.readback.is_empty(), "{:?}", case.2);
            }
        }
    }
}

#[test]
fn every_field_code_of_the_contract_is_covered_for_each_field_it_applies_to() {
    let covered = |code: Code, field: Field| {
        CASES
            .iter()
            .any(|(_, f, _, _, _, e, _)| *f == field && e.iter().any(|(c, _)| *c == code))
    };
    for code in [Fullwidth, Whitespace, Invisible, Confusable, Ime] {
        assert!(covered(code, Id) && covered(code, Password), "{code:?}");
    }
    for code in [NotDigits, Length, WrongLogin, EmailFormat, EmailDomain] {
        assert!(covered(code, Id), "{code:?}");
    }
    assert!(covered(CapsLock, Password));
}
