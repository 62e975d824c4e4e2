//! The field codes of CONTRACT.md, case by case, for both logins and both
//! fields: what a user types, and exactly which codes (at which level) must
//! answer. Rows with no codes are the ones that must NOT warn.

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

type Case = (
    LoginKind,
    Field,
    &'static str,
    Keys,
    &'static [(Code, Level)],
);

const CASES: &[Case] = &[
    // ---- must not warn
    (P, Id, "1234567", NONE, &[]),
    (P, Id, "0000000", NONE, &[]),
    (P, Id, "9876543", NONE, &[]),
    (M, Id, "taro.yamada@example.co.jp", NONE, &[]),
    (M, Id, "hanako+job@gmail.com", NONE, &[]),
    (M, Id, "yamada@docomo.ne.jp", NONE, &[]),
    (M, Id, "taro..yamada.@docomo.ne.jp", NONE, &[]),
    (M, Id, "k-sato@i.softbank.jp", NONE, &[]),
    (M, Id, "sakura_t@yahoo.co.jp", NONE, &[]),
    (M, Id, "me@live.jp", NONE, &[]),
    (P, Password, "Sakura-Tokyo#2345", NONE, &[]),
    (M, Password, "correct horse battery stack", NONE, &[]),
    (M, Password, "Kyoto#Spring", NONE, &[]),
    (P, Password, "", NONE, &[]),
    (M, Id, "", NONE, &[]),
    // ---- fullwidth
    (P, Id, "１２３４５６７", NONE, &[(Fullwidth, E)]),
    (P, Id, "12345６７", NONE, &[(Fullwidth, E)]),
    (M, Id, "taro＠example.com", NONE, &[(Fullwidth, E)]),
    (M, Id, "ｔａｒｏ@example.com", NONE, &[(Fullwidth, E)]),
    (M, Id, "taro@example．com", NONE, &[(Fullwidth, E)]),
    (M, Password, "ｐａｓｓ", NONE, &[(Fullwidth, E)]),
    (P, Password, "pass９", NONE, &[(Fullwidth, E)]),
    (M, Password, "ＰＡＳＳ", NONE, &[(Fullwidth, E)]),
    (
        M,
        Password,
        "ＯＫ",
        NONE,
        &[(Fullwidth, E), (Confusable, I)],
    ),
    // ---- whitespace
    (P, Id, " 1234567", NONE, &[(Whitespace, W)]),
    (P, Id, "1234567 ", NONE, &[(Whitespace, W)]),
    (
        P,
        Id,
        "1234567\u{3000}",
        NONE,
        &[(Fullwidth, E), (Whitespace, W)],
    ),
    (M, Id, " taro@example.com", NONE, &[(Whitespace, W)]),
    (M, Id, "taro@example.com\t", NONE, &[(Whitespace, W)]),
    (M, Password, "secret ", NONE, &[(Whitespace, W)]),
    (P, Password, " secret", NONE, &[(Whitespace, W)]),
    // ---- invisible
    (P, Id, "\u{200B}1234567", NONE, &[(Invisible, E)]),
    (P, Id, "1234\u{FEFF}567", NONE, &[(Invisible, E)]),
    (P, Id, "1234567\u{00A0}", NONE, &[(Invisible, E)]),
    (M, Id, "taro@example.com\u{200B}", NONE, &[(Invisible, E)]),
    (M, Id, "\u{202E}taro@example.com", NONE, &[(Invisible, E)]),
    (M, Password, "sec\u{200B}ret", NONE, &[(Invisible, E)]),
    (P, Password, "secret\u{2060}", NONE, &[(Invisible, E)]),
    // ---- not-digits
    (P, Id, "l234567", NONE, &[(NotDigits, E)]),
    (P, Id, "I234567", NONE, &[(NotDigits, E)]),
    (P, Id, "123456O", NONE, &[(NotDigits, E)]),
    (P, Id, "12345b7", NONE, &[(NotDigits, E)]),
    (P, Id, "Z345678", NONE, &[(NotDigits, E)]),
    (P, Id, "123-4567", NONE, &[(NotDigits, E)]),
    (P, Id, "123ー4567", NONE, &[(NotDigits, E)]),
    (P, Id, "12345x7", NONE, &[(NotDigits, E), (Length, W)]),
    (P, Id, "ABCDEFG", NONE, &[(NotDigits, E), (Length, W)]),
    // ---- length
    (P, Id, "123456", NONE, &[(Length, W)]),
    (P, Id, "1", NONE, &[(Length, W)]),
    (P, Id, "12345678", NONE, &[(Length, E)]),
    (P, Id, "l23456", NONE, &[(NotDigits, E), (Length, W)]),
    (P, Id, "１２３", NONE, &[(Fullwidth, E), (Length, W)]),
    // ---- wrong-login
    (P, Id, "taro@example.com", NONE, &[(WrongLogin, E)]),
    (
        P,
        Id,
        "taro＠example.com",
        NONE,
        &[(Fullwidth, E), (WrongLogin, E)],
    ),
    (P, Id, "taro@", NONE, &[(WrongLogin, E)]),
    (M, Id, "1234567", NONE, &[(WrongLogin, E)]),
    (
        M,
        Id,
        "１２３４５６７",
        NONE,
        &[(Fullwidth, E), (WrongLogin, E)],
    ),
    (
        M,
        Id,
        " 1234567 ",
        NONE,
        &[(Whitespace, W), (WrongLogin, E)],
    ),
    // ---- email-format
    (M, Id, "taro", NONE, &[(EmailFormat, W)]),
    (M, Id, "taro@", NONE, &[(EmailFormat, W)]),
    (M, Id, "taro@gmail", NONE, &[(EmailFormat, W)]),
    (M, Id, "taro@@example.com", NONE, &[(EmailFormat, E)]),
    (M, Id, ".taro@example.com", NONE, &[(EmailFormat, E)]),
    (M, Id, "taro..yamada@example.com", NONE, &[(EmailFormat, E)]),
    (M, Id, "たろう@example.com", NONE, &[(EmailFormat, E)]),
    (M, Id, "taro yamada@example.com", NONE, &[(EmailFormat, E)]),
    (M, Id, "taro@exa_mple.com", NONE, &[(EmailFormat, E)]),
    (M, Id, "taro@-example.com", NONE, &[(EmailFormat, E)]),
    (M, Id, "@example.com", NONE, &[(EmailFormat, E)]),
    // ---- email-domain
    (M, Id, "taro@gmail.con", NONE, &[(EmailDomain, W)]),
    (M, Id, "taro@gmial.com", NONE, &[(EmailDomain, W)]),
    (M, Id, "taro@yahoo.co.jo", NONE, &[(EmailDomain, W)]),
    (M, Id, "taro@docomo.ne.jo", NONE, &[(EmailDomain, W)]),
    (M, Id, "taro@ezweb.ne.j", NONE, &[(EmailDomain, W)]),
    (M, Id, "taro@icloud.cmo", NONE, &[(EmailDomain, W)]),
    (M, Id, "taro@hotmial.co.jp", NONE, &[(EmailDomain, W)]),
    (M, Id, "taro@softbank.ne.jo", NONE, &[(EmailDomain, W)]),
    // ---- confusable
    (M, Id, "taro1@example.com", NONE, &[(Confusable, I)]),
    (M, Id, "hanako2020@example.com", NONE, &[(Confusable, I)]),
    (M, Id, "l1ly@example.com", NONE, &[(Confusable, I)]),
    (M, Id, "tаro@example.com", NONE, &[(Confusable, E)]),
    (M, Id, "taroーyamada@example.com", NONE, &[(Confusable, E)]),
    (
        M,
        Id,
        "tarо@gmail.con",
        NONE,
        &[(Confusable, E), (EmailDomain, W)],
    ),
    (M, Password, "hello1", NONE, &[(Confusable, I)]),
    (P, Password, "I0vePasona", NONE, &[(Confusable, I)]),
    (M, Password, "pass|word", NONE, &[(Confusable, I)]),
    (P, Password, "pаss", NONE, &[(Confusable, I)]),
    // ---- caps-lock
    (M, Password, "", CAPS, &[(CapsLock, W)]),
    (P, Password, "SECRET", CAPS, &[(CapsLock, W)]),
    (P, Id, "1234567", CAPS, &[]),
    (M, Id, "taro@example.com", CAPS, &[]),
    // ---- ime
    (P, Id, "", IME, &[(Ime, W)]),
    (P, Id, "１", IME, &[(Ime, W), (Fullwidth, E), (Length, W)]),
    (
        M,
        Id,
        "ｔ",
        IME,
        &[(Ime, W), (Fullwidth, E), (EmailFormat, W)],
    ),
    (M, Password, "ぱ", IME, &[(Ime, W)]),
    (P, Password, "", IME, &[(Ime, W)]),
];

#[test]
fn every_case_gives_exactly_its_codes_and_levels() {
    assert!(CASES.len() >= 80, "{} cases", CASES.len());
    let mut failures = Vec::new();
    for (kind, field, value, keys, expected) in CASES {
        let got: Vec<(Code, Level)> = check(&FieldInput {
            kind: *kind,
            field: *field,
            value: (*value).into(),
            keys: *keys,
        })
        .into_iter()
        .map(|w| (w.code, w.level))
        .collect();
        let mut want = expected.to_vec();
        let mut have = got.clone();
        want.sort_by_key(|(c, l)| (format!("{c:?}"), *l));
        have.sort_by_key(|(c, l)| (format!("{c:?}"), *l));
        if want != have {
            failures.push(format!(
                "{kind:?} {field:?} {value:?} {keys:?}: got {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_field_code_of_the_contract_is_covered_for_each_field_it_applies_to() {
    let covered = |code: Code, field: Field| {
        CASES
            .iter()
            .any(|(_, f, _, _, e)| *f == field && e.iter().any(|(c, _)| *c == code))
    };
    for code in [Fullwidth, Whitespace, Invisible, Confusable, Ime] {
        assert!(covered(code, Id) && covered(code, Password), "{code:?}");
    }
    for code in [NotDigits, Length, WrongLogin, EmailFormat, EmailDomain] {
        assert!(covered(code, Id), "{code:?}");
    }
    assert!(covered(CapsLock, Password));
}
