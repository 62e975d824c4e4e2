//! E-mail addresses as typed into the member-service login: well-formed ones
//! that must be left alone, each syntax problem, domain slips and their
//! corrections, domains that must not be "corrected", and hostile input.

use plh::checks::{check, FieldInput, Keys};
use plh::email::{fix_dots, suggest, syntax, SyntaxProblem, SyntaxProblem::*};
use plh::warning::{Code, Field, LoginKind};

/// Well-formed, common or plausible: no warning, no suggestion.
const VALID: &[&str] = &[
    "taro@gmail.com",
    "taro.yamada@gmail.com",
    "taro+pasona@gmail.com",
    "Taro.Yamada@Gmail.COM",
    "t_yamada-1985@yahoo.co.jp",
    "yamada@mail.pasona.co.jp",
    "yamada@pasona.co.jp",
    "hanako@example.ne.jp",
    "hanako@plala.or.jp",
    "hanako@abc.plala.or.jp",
    "student@u-tokyo.ac.jp",
    "officer@mhlw.go.jp",
    "taro@例え.jp",
    "taro@パソナ.jp",
    "taro@xn--r8jz45g.jp",
    "taro@例え.テスト",
    "taro@example.xn--zckzah",
    "taro..yamada@docomo.ne.jp",
    "taro.@docomo.ne.jp",
    "taro.@ezweb.ne.jp",
    "a..b..c.@EZweb.ne.jp",
    "steve@me.com",
    "steve@mac.com",
    "taro@live.jp",
    "taro@live.com",
    "taro@i.softbank.jp",
    "taro@softbank.ne.jp",
    "taro@au.com",
    "taro@yahoo.ne.jp",
    "taro@outlook.jp",
    "taro@hotmail.co.jp",
    "taro@jcom.home.ne.jp",
    "taro@email.com",
    "taro@mail.com",
    "x@a.io",
    // RFC symbols company servers give out ("o'brien", "r&d", '=' and '#'
    // on some hosting): the rare ones ('|' '{' '}' '~' '^' '`') are reported
    "!#$%&'*/=?_+-@example.com",
    "o'brien@example.com",
    "r&d@example.co.jp",
    "1234567890@123.example.jp",
];

#[test]
fn well_formed_addresses_are_not_flagged_and_not_corrected() {
    for addr in VALID {
        assert_eq!(syntax(addr), None, "syntax({addr:?})");
        assert_eq!(suggest(addr), None, "suggest({addr:?})");
    }
}

/// Each problem with at least two inputs.
const PROBLEMS: &[(&str, SyntaxProblem)] = &[
    ("taro.gmail.com", NoAt),
    ("taro", NoAt),
    ("taro@@gmail.com", ManyAt),
    ("taro@gmail.com@gmail.com", ManyAt),
    ("\"a@b\"@example.com", ManyAt),
    ("@gmail.com", EmptyLocal),
    ("@", EmptyLocal),
    ("taro@", EmptyDomain),
    ("taro.yamada@", EmptyDomain),
    (
        "a23456789012345678901234567890123456789012345678901234567890123456@gmail.com",
        LocalTooLong,
    ),
    (
        "taro.yamada.taro.yamada.taro.yamada.taro.yamada.taro.yamada.taro.yamada@x.jp",
        LocalTooLong,
    ),
    ("\"taro\"@gmail.com", BadLocalChar),
    ("taro,yamada@gmail.com", BadLocalChar),
    ("taro(work)@gmail.com", BadLocalChar),
    ("たろう@gmail.com", BadLocalChar),
    ("taro\u{0}@gmail.com", BadLocalChar),
    ("taro<yamada>@gmail.com", BadLocalChar),
    ("taro|yamada@gmail.com", BadLocalChar),
    ("{taro}@gmail.com", BadLocalChar),
    ("taro~@docomo.ne.jp", BadLocalChar),
    ("ta^ro@example.com", BadLocalChar),
    ("`taro@example.com", BadLocalChar),
    (".taro@gmail.com", LocalDots),
    ("taro.@gmail.com", LocalDots),
    ("taro..yamada@gmail.com", LocalDots),
    (".taro@docomo.ne.jp", LocalDots),
    ("taro..yamada@docomo.co.jp", LocalDots),
    ("taro@gmail", DomainNoDot),
    ("taro@localhost", DomainNoDot),
    ("taro@gmail,com", BadDomainChar),
    ("taro@gmail_com.jp", BadDomainChar),
    ("taro@[192.168.0.1]", BadDomainChar),
    ("taro@gmail.com\u{202E}", BadDomainChar),
    ("taro@😀.jp", BadDomainChar),
    ("taro@gmail..com", DomainDots),
    ("taro@.gmail.com", DomainDots),
    ("taro@gmail.com.", DomainDots),
    ("taro@-pasona.co.jp", LabelHyphen),
    ("taro@pasona-.co.jp", LabelHyphen),
    ("taro@mail.pasona.-jp", LabelHyphen),
    ("taro@gmail.c", BadTld),
    ("taro@192.168.0.1", BadTld),
    ("taro@example.c0m", BadTld),
    ("taro@example.j", BadTld),
    (" taro@gmail.com", Space),
    ("taro @gmail.com", Space),
    ("taro@gmail .com", Space),
    ("taro@gmail.com\u{3000}", Space),
    ("taro\u{200B}@gmail.com", Space),
    ("taro\t@gmail.com", Space),
];

#[test]
fn each_syntax_problem_is_reported() {
    for (addr, want) in PROBLEMS {
        assert_eq!(syntax(addr), Some(*want), "syntax({addr:?})");
    }
}

#[test]
fn long_addresses() {
    let label = "a".repeat(63);
    let long_label = "a".repeat(64);
    let local = "b".repeat(64);
    // 64 + 1 + 63*3 + 2 + 3 = 259 octets
    let too_long = format!("{local}@{label}.{label}.{label}.jp");
    assert_eq!(syntax(&too_long), Some(TooLong));
    let too_long2 = format!("x@{label}.{label}.{label}.{label}.jp");
    assert_eq!(syntax(&too_long2), Some(TooLong));
    // exactly 254: fine
    let exact = format!("{}@{label}.{label}.{label}.jp", "b".repeat(59));
    assert_eq!(exact.len(), 254);
    assert_eq!(syntax(&exact), None);
    // the longest local part
    assert_eq!(syntax(&format!("{local}@gmail.com")), None);
    assert_eq!(syntax(&format!("x@{long_label}.jp")), Some(LabelTooLong));
    assert_eq!(
        syntax(&format!("x@mail.{long_label}.com")),
        Some(LabelTooLong)
    );
    assert_eq!(syntax(&format!("x@{label}.jp")), None);
}

#[test]
fn every_problem_has_a_distinct_w_email_key() {
    let all = [
        (NoAt, "w_email_no_at"),
        (ManyAt, "w_email_many_at"),
        (EmptyLocal, "w_email_empty_local"),
        (EmptyDomain, "w_email_empty_domain"),
        (LocalTooLong, "w_email_local_too_long"),
        (TooLong, "w_email_too_long"),
        (BadLocalChar, "w_email_bad_local_char"),
        (LocalDots, "w_email_local_dots"),
        (DomainNoDot, "w_email_domain_no_dot"),
        (BadDomainChar, "w_email_bad_domain_char"),
        (DomainDots, "w_email_domain_dots"),
        (LabelHyphen, "w_email_label_hyphen"),
        (LabelTooLong, "w_email_label_too_long"),
        (BadTld, "w_email_bad_tld"),
        (Space, "w_email_space"),
    ];
    for (p, key) in all {
        assert_eq!(p.message_key(), key);
    }
}

/// Docomo and au feature-phone addresses break the dot rules but exist; a
/// slip in the domain that we correct to theirs keeps that allowance.
#[test]
fn carrier_dot_quirk_follows_the_corrected_domain() {
    for addr in [
        "taro..yamada@docomo.ne.jo",
        "taro.@docomo.nejp",
        "taro.@ezweb.ne.j",
        "taro..@ezwed.ne.jp",
    ] {
        assert_ne!(syntax(addr), Some(LocalDots), "syntax({addr:?})");
        assert!(suggest(addr).is_some(), "suggest({addr:?})");
    }
    assert_eq!(syntax("taro..yamada@docomo.ne.jo"), None);
    assert_eq!(syntax("taro..@ezwed.ne.jp"), None);
    // ".j" is no top-level domain, but the dots are not what is wrong.
    assert_eq!(syntax("taro.@ezweb.ne.j"), Some(BadTld));
    assert_eq!(
        suggest("taro..yamada@docomo.ne.jo").as_deref(),
        Some("taro..yamada@docomo.ne.jp")
    );
    // Not for other domains, nor for subdomains of the carriers'.
    assert_eq!(syntax("taro.@softbank.ne.jp"), Some(LocalDots));
    assert_eq!(syntax("taro.@mail.docomo.ne.jp"), Some(LocalDots));
}

/// Domain slips and the whole suggested address.
const TYPOS: &[(&str, &str)] = &[
    ("taro@gmial.com", "taro@gmail.com"),
    ("taro@gmai.com", "taro@gmail.com"),
    ("taro@gmaill.com", "taro@gmail.com"),
    ("taro@gamil.com", "taro@gmail.com"),
    ("taro@gmail.con", "taro@gmail.com"),
    ("taro@gmail.co", "taro@gmail.com"),
    ("taro@gmail.cmo", "taro@gmail.com"),
    ("taro@gmail.ocm", "taro@gmail.com"),
    ("taro@gmail.comm", "taro@gmail.com"),
    ("taro@gmail.cm", "taro@gmail.com"),
    ("taro@gmail.om", "taro@gmail.com"),
    ("taro@gmial.con", "taro@gmail.com"),
    ("taro@gmailcom", "taro@gmail.com"),
    ("taro@gmail,com", "taro@gmail.com"),
    ("taro@gmail.com.", "taro@gmail.com"),
    ("Taro.Yamada@GMIAL.COM", "Taro.Yamada@gmail.com"),
    ("taro@yahoo.co.jo", "taro@yahoo.co.jp"),
    ("taro@yaho.co.jp", "taro@yahoo.co.jp"),
    ("taro@yahooo.co.jp", "taro@yahoo.co.jp"),
    ("taro@yahoo.cojp", "taro@yahoo.co.jp"),
    ("taro@yahoo.co.pj", "taro@yahoo.co.jp"),
    ("taro@yahoo.co.j", "taro@yahoo.co.jp"),
    ("taro@yahoo,co,jp", "taro@yahoo.co.jp"),
    ("taro@yahoo.com.jp", "taro@yahoo.co.jp"),
    ("taro..yamada@docomo.ne.jo", "taro..yamada@docomo.ne.jp"),
    ("taro@docomo.nejp", "taro@docomo.ne.jp"),
    ("taro@docono.ne.jp", "taro@docomo.ne.jp"),
    ("taro@docomo.ne", "taro@docomo.ne.jp"),
    ("taro@docomo.ne.pj", "taro@docomo.ne.jp"),
    ("taro@ezweb.ne.j", "taro@ezweb.ne.jp"),
    ("taro@ezwed.ne.jp", "taro@ezweb.ne.jp"),
    ("taro@icloud.con", "taro@icloud.com"),
    ("taro@iclould.com", "taro@icloud.com"),
    ("taro@icoud.com", "taro@icloud.com"),
    ("taro@hotmial.co.jp", "taro@hotmail.co.jp"),
    ("taro@hotmail.cojp", "taro@hotmail.co.jp"),
    ("taro@softbank.ne.jo", "taro@softbank.ne.jp"),
    ("taro@i.softbank.jo", "taro@i.softbank.jp"),
    ("taro@i.sofbank.jp", "taro@i.softbank.jp"),
    ("taro@biglobe.ne.jo", "taro@biglobe.ne.jp"),
    ("taro@nifty.con", "taro@nifty.com"),
    ("taro@ocn.ne.jo", "taro@ocn.ne.jp"),
    ("taro@outlook.jo", "taro@outlook.jp"),
    ("taro@outloo.com", "taro@outlook.com"),
    ("taro@live.jo", "taro@live.jp"),
    ("taro@me.con", "taro@me.com"),
    ("taro@au.con", "taro@au.com"),
    ("taro@plala.or.jo", "taro@plala.or.jp"),
    ("taro@sonet.ne.jp", "taro@so-net.ne.jp"),
    ("taro@excite.co", "taro@excite.co.jp"),
    ("taro@ymobile.ne.jo", "taro@ymobile.ne.jp"),
    // A known name as typed, its ending a key away from ".jp" ("k", "h", "u",
    // "i", "n", "m" touch "j"; "o", "l", "[" touch "p"), doubled, left out,
    // swapped or unfinished.
    ("taro@docomo.ne.kp", "taro@docomo.ne.jp"),
    ("taro@docomo.ne.hp", "taro@docomo.ne.jp"),
    ("taro@docomo.ne.up", "taro@docomo.ne.jp"),
    ("taro@docomo.ne.np", "taro@docomo.ne.jp"),
    ("taro@docomo.ne.jl", "taro@docomo.ne.jp"),
    ("taro@docomo.ne.j[", "taro@docomo.ne.jp"),
    ("taro@docomo.ne.jpp", "taro@docomo.ne.jp"),
    ("taro@docomo.ne.jpo", "taro@docomo.ne.jp"),
    ("taro@docomo.n", "taro@docomo.ne.jp"),
    ("taro@yahoo.co.op", "taro@yahoo.co.jp"),
    ("taro@yahoo.co.mp", "taro@yahoo.co.jp"),
    ("taro@ocn.ne.kp", "taro@ocn.ne.jp"),
    ("taro@outlook.kp", "taro@outlook.jp"),
    ("taro@mineo.ip", "taro@mineo.jp"),
    // ... or ".com" slipped or cut short, whatever the length of the name.
    ("taro@aol.cim", "taro@aol.com"),
    ("taro@me.comn", "taro@me.com"),
    ("taro@mac.c0m", "taro@mac.com"),
    ("taro@gmail.c", "taro@gmail.com"),
    ("taro@icloud.c", "taro@icloud.com"),
    ("taro@nifty.c", "taro@nifty.com"),
    // The dot left out, doubled, or typed as a key no domain has.
    ("taro@aucom", "taro@au.com"),
    ("taro@mecom", "taro@me.com"),
    ("taro@ocnne.jp", "taro@ocn.ne.jp"),
    ("taro@yahooco.jp", "taro@yahoo.co.jp"),
    ("taro@ocn..ne.jp", "taro@ocn.ne.jp"),
    ("taro@aol;com", "taro@aol.com"),
    ("taro@aol/.com", "taro@aol.com"),
    // A name slip and an ending slip together.
    ("taro@ootlook.co", "taro@outlook.com"),
    ("taro@docono.ne.jpp", "taro@docomo.ne.jp"),
    // Two slips in a long name under a made-up ending.
    ("taro@sofbnak.ne.jo", "taro@softbank.ne.jp"),
    // A stray key before a common name, which is no subdomain of mail.com.
    ("taro@gmmail.com", "taro@gmail.com"),
    ("taro@.gmail.com", "taro@gmail.com"),
    ("taro@gmial.co", "taro@gmail.com"),
    ("taro@docono.ne.jo", "taro@docomo.ne.jp"),
    // A provider with mail under one suffix only, under another people here
    // type every day.
    ("taro@gmail.co.jp", "taro@gmail.com"),
    ("taro@gmail.jp", "taro@gmail.com"),
    ("taro@icloud.co.jp", "taro@icloud.com"),
    ("taro@googlemail.jp", "taro@googlemail.com"),
    ("taro@docomo.com", "taro@docomo.ne.jp"),
    ("taro@ezweb.com", "taro@ezweb.ne.jp"),
    // A made-up ending is fixed whatever the name before it.
    ("taro@pasona.con", "taro@pasona.com"),
    ("taro@pasona.co.jo", "taro@pasona.co.jp"),
    ("taro@pasona,co,jp", "taro@pasona.co.jp"),
];

#[test]
fn domain_slips_get_the_whole_corrected_address() {
    for (typed, want) in TYPOS {
        assert_eq!(suggest(typed).as_deref(), Some(*want), "suggest({typed:?})");
        // What we suggest is itself well-formed and needs no further fix.
        assert_eq!(syntax(want), None, "syntax({want:?})");
        assert_eq!(suggest(want), None, "suggest({want:?})");
    }
}

/// Plausibly real domains, or slips with no single likely fix.
const NOT_CORRECTED: &[&str] = &[
    // company and school domains far from the list
    "taro@pasona.co.jp",
    "taro@example.co.jp",
    "taro@example.com",
    "taro@tokyo-gas.co.jp",
    // members of the list are never turned into one another
    "taro@live.jp",
    "taro@me.com",
    "taro@mac.com",
    "taro@msn.com",
    "taro@outlook.com",
    "taro@yahoo.com",
    "taro@googlemail.com",
    // same name under another real suffix: a different domain, not a slip
    "taro@outlook.co.jp",
    "taro@docomo.co.jp",
    "taro@gmail.net",
    "taro@softbank.jp",
    "taro@hotmail.ne.jp",
    // ... also for the providers with mail under one suffix: under another
    // ".jp" category or ".net" the name may be a company's or anybody's
    "taro@docomo.jp",
    "taro@docomo.net",
    "taro@ezweb.co.jp",
    "taro@gmail.org",
    "taro@biglobe.com",
    // ... and as close to another common domain: gmail.com under ".ne.jp",
    // or ymail.ne.jp with g for y?
    "taro@gmail.ne.jp",
    // two common domains equally likely
    "taro@yahoo.co",
    "taro@hotmail.co",
    "taro@hotmail.c",
    "taro@yahoo.c",
    "taro@live.co",
    "taro@live.c",
    "taro@yahoo.jp",
    "taro@hotmail.jp",
    // as close to a real domain the list never suggests, and a finger's slip
    // only from that one
    "taro@7mail.com",
    "taro@dmail.com",
    "taro@mmail.com",
    "taro@4mobile.ne.jp",
    "taro@ymobile2.ne.jp",
    "taro@ymobile.1ne.jp",
    // an edit before the dot changes a short name, and a dot moved may make
    // a real ending ("om" is Oman)
    // a hyphen is part of a name, never a dot slip ("ocn-ne.jp" may be real)
    "taro@ocn-ne.jp",
    "taro@me-com",
    // SoftBank's site and company are real but no mail people log in with
    "taro@softbank.j",
    "taro@softbank.jo",
    "taro@xsoftbank.jp",
    "taro@softbank.ci.jp",
    "taro@me1.com",
    "taro@aol1.com",
    "taro@auc.om",
    // short names: every three- or four-letter .com is someone's domain
    "taro@abc.com",
    "taro@life.com",
    "taro@aim.com",
    "taro@nhk.or.jp",
    // subdomains of common domains
    "taro@abc.ocn.ne.jp",
    "taro@r6.dion.ne.jp",
    // too far from anything
    "taro@gmail",
    "taro@yahoo.jp.co",
    // a comma inside a name may be the key beside "m", "k" and "l" rather
    // than a dot: only one before an ending is certainly a dot
    "taro@ai,m.com",
    "taro@m,e.com",
    "taro@hot,mail.com",
    "taro@g,mail.com",
    "taro@mail,pasona.co.jp",
    // not one '@' / nothing to work on
    "taro",
    "taro@",
    "@gmial.com",
    "a@b@gmial.com",
];

#[test]
fn real_looking_domains_are_not_corrected() {
    for addr in NOT_CORRECTED {
        assert_eq!(suggest(addr), None, "suggest({addr:?})");
    }
}

#[test]
fn a_megabyte_of_input_is_handled() {
    let mb = "a".repeat(1 << 20);
    assert_eq!(syntax(&mb), Some(NoAt));
    assert_eq!(suggest(&mb), None);
    let local_mb = format!("{mb}@gmial.com");
    assert_eq!(syntax(&local_mb), Some(LocalTooLong));
    assert_eq!(suggest(&local_mb), Some(format!("{mb}@gmail.com")));
    let domain_mb = format!("taro@{mb}.com");
    assert_eq!(syntax(&domain_mb), Some(TooLong));
    assert_eq!(suggest(&domain_mb), None);
    let dots = format!("taro@{}", ".".repeat(1 << 20));
    assert!(syntax(&dots).is_some());
    assert_eq!(suggest(&dots), None);
    let ats = "@".repeat(1 << 20);
    assert_eq!(syntax(&ats), Some(ManyAt));
    assert_eq!(suggest(&ats), None);
    let emoji = "😀".repeat(1 << 18);
    assert_eq!(syntax(&emoji), Some(NoAt));
    let emoji_domain = format!("taro@{emoji}");
    assert!(syntax(&emoji_domain).is_some());
    assert_eq!(suggest(&emoji_domain), None);
}

#[test]
fn odd_unicode_never_panics() {
    let odd = [
        "",
        "@",
        "@@",
        ".",
        "..@..",
        "\u{0}",
        "taro@\u{0}",
        "\u{0}@\u{0}.\u{0}",
        "taro@gmail.com\u{202E}moc.liamg",
        "\u{202E}taro@gmail.com",
        "taro@e\u{301}xample.jp",
        "taro@\u{301}example.jp",
        "taro@example.\u{301}jp",
        "taro@か\u{3099}.jp",
        "taro@👨‍👩‍👧.jp",
        "taro@gmail.c😀m",
        "taro@gmai😀.com",
        "😀@😀.😀",
        "taro@\u{FEFF}gmail.com",
        "taro@ｇｍａｉｌ.com",
        "taro@gmail。com",
        "taro@gmail｡com",
        "taro@yahoo、co、jp",
        "taro@xn--.jp",
        "taro@a.xn--",
        "taro@a.xn--a",
        "taro@é.co",
        "taro@é.con",
        "taro@é.jo",
        "taro@.con",
        "taro@..con",
        "taro@x..con",
        "taro@-.con",
        "taro@\u{10FFFF}.jp",
        "\u{10FFFF}@\u{10FFFF}",
        "taro@İ.jp",
        "taro@ß.co",
    ];
    for s in odd {
        let _ = syntax(s);
        let _ = suggest(s).map(|x| assert!(x.contains('@'), "{s:?} -> {x:?}"));
    }
    // A few of them have a definite answer.
    assert_eq!(syntax("taro@example.xn--vermgensberater-ctb"), None);
    assert_eq!(syntax("taro@example.か\u{3099}き"), None);
    assert_eq!(syntax("taro@example.テ٣"), Some(BadTld), "a digit in a TLD");
    assert_eq!(syntax("taro@e\u{301}xample.jp"), None);
    assert_eq!(syntax("taro@か\u{3099}.jp"), None);
    assert_eq!(syntax("taro@\u{301}example.jp"), Some(BadDomainChar));
    assert_eq!(syntax("taro@\u{0}"), Some(BadDomainChar));
    assert_eq!(syntax("taro@xn--.jp"), Some(LabelHyphen));
    assert_eq!(syntax("taro@a.xn--a"), None);
    assert_eq!(
        suggest("taro@gmail。com").as_deref(),
        Some("taro@gmail.com")
    );
    assert_eq!(
        suggest("taro@yahoo、co、jp").as_deref(),
        Some("taro@yahoo.co.jp")
    );
    assert_eq!(suggest("taro@.con"), None);
    assert_eq!(suggest("taro@x..con"), None);
}

/// A known name under another country's real second level is that country's
/// domain (hotmail.co.uk is Microsoft's British one), never a slip of ours.
#[test]
fn foreign_second_level_domains_are_not_corrected() {
    for domain in [
        "hotmail.co.uk",
        "hotmail.co.nz",
        "hotmail.co.za",
        "hotmail.com.au",
        "hotmail.co.in",
        "hotmail.com.br",
        "hotmail.co.kr",
        "hotmail.com.tw",
        "hotmail.com.cn",
        "hotmail.co.th",
        "yahoo.co.uk",
        "yahoo.com.au",
        "yahoo.co.in",
        "yahoo.com.tw",
        "yahoo.com.hk",
        "yahoo.com.sg",
        "yahoo.co.id",
        "yahoo.com.mx",
        "live.co.uk",
        "live.com.au",
        "outlook.com.br",
        "gmail.com.br",
        "qq.com.cn",
        "naver.co.kr",
        "hotmial.co.uk",
        "yahooo.com.au",
    ] {
        let addr = format!("taro@{domain}");
        assert_eq!(syntax(&addr), None, "{addr}");
        assert_eq!(suggest(&addr), None, "{addr}");
    }
}

/// Real domains Japanese users log in with (providers, carriers, cable
/// networks, universities, companies): each must be left exactly as typed,
/// however close it is to a common one.
const REAL_DOMAINS: &[&str] = &[
    // providers
    "sannet.ne.jp",
    "dion.ne.jp",
    "h2.dion.ne.jp",
    "infoweb.ne.jp",
    "nifty.ne.jp",
    "nifty.com",
    "ocn.ne.jp",
    "mbn.or.jp",
    "kcn.ne.jp",
    "tnc.ne.jp",
    "so-net.ne.jp",
    "biglobe.ne.jp",
    "plala.or.jp",
    "ybb.ne.jp",
    "odn.ne.jp",
    "eonet.ne.jp",
    "hi-ho.ne.jp",
    "asahi-net.or.jp",
    "dti.ne.jp",
    "iij4u.or.jp",
    "bekkoame.or.jp",
    "bbiq.jp",
    "pikara.ne.jp",
    "enjoy.ne.jp",
    "megaegg.ne.jp",
    "commufa.jp",
    "gol.com",
    "t-com.ne.jp",
    "tokai.or.jp",
    "ucom.ne.jp",
    "vectant.ne.jp",
    "wakwak.com",
    "dream.jp",
    "au-one.jp",
    "infoseek.jp",
    "excite.co.jp",
    "goo.jp",
    "mail.goo.ne.jp",
    "aol.jp",
    "janis.or.jp",
    "jet.ne.jp",
    "mnet.ne.jp",
    "ic-net.or.jp",
    "parabox.or.jp",
    // carriers
    "docomo.ne.jp",
    "ezweb.ne.jp",
    "softbank.ne.jp",
    "i.softbank.jp",
    "mopera.net",
    "disney.ne.jp",
    "y-mobile.ne.jp",
    "ymobile1.ne.jp",
    "emobile.ne.jp",
    "emnet.ne.jp",
    "pdx.ne.jp",
    "di.pdx.ne.jp",
    "willcom.com",
    "wcm.ne.jp",
    "d.vodafone.ne.jp",
    "rakuten.jp",
    "uqmobile.jp",
    "mineo.jp",
    // cable networks
    "kcn.jp",
    "itscom.net",
    "tiki.ne.jp",
    "cts.ne.jp",
    "cc9.ne.jp",
    "cty-net.ne.jp",
    "jcom.zaq.ne.jp",
    "jcom.home.ne.jp",
    // elsewhere
    "ymail.com",
    "foxmail.com",
    "rocketmail.com",
    // universities and companies: not on any list, left alone by the rules
    "u-tokyo.ac.jp",
    "kyoto-u.ac.jp",
    "keio.jp",
    "waseda.jp",
    "osaka-u.ac.jp",
    "tohoku.ac.jp",
    "nagoya-u.jp",
    "hokudai.ac.jp",
    "titech.ac.jp",
    "tsukuba.ac.jp",
    "meiji.ac.jp",
    "sophia.ac.jp",
    "ritsumei.ac.jp",
    "doshisha.ac.jp",
    "pasona.co.jp",
    "softbank.co.jp",
    "docomo.co.jp",
    "sony.co.jp",
    "hitachi.com",
    "toyota.jp",
];

#[test]
fn real_japanese_domains_are_never_corrected() {
    assert!(REAL_DOMAINS.len() >= 50, "{}", REAL_DOMAINS.len());
    for domain in REAL_DOMAINS {
        let addr = format!("hanako.s@{domain}");
        assert_eq!(syntax(&addr), None, "syntax({addr:?})");
        assert_eq!(suggest(&addr), None, "suggest({addr:?})");
    }
}

/// Slips people really make with those domains: still corrected.
#[test]
fn real_typos_are_still_corrected() {
    for (typed, want) in [
        ("gmial.com", "gmail.com"),
        ("gmail.con", "gmail.com"),
        ("gamil.com", "gmail.com"),
        ("yahoo.co.jo", "yahoo.co.jp"),
        ("yaho.co.jp", "yahoo.co.jp"),
        ("docomo.ne.jo", "docomo.ne.jp"),
        ("docomo.nejp", "docomo.ne.jp"),
        ("docono.ne.jp", "docomo.ne.jp"),
        ("ezwed.ne.jp", "ezweb.ne.jp"),
        ("ezweb.ne.j", "ezweb.ne.jp"),
        ("softbnak.ne.jp", "softbank.ne.jp"),
        ("sofbank.ne.jp", "softbank.ne.jp"),
        ("i.sofbank.jp", "i.softbank.jp"),
        ("hotmial.co.jp", "hotmail.co.jp"),
        ("icloud.cmo", "icloud.com"),
        ("iclod.com", "icloud.com"),
        ("outlook.jo", "outlook.jp"),
        ("sonet.ne.jp", "so-net.ne.jp"),
        ("biglobe.ne.jo", "biglobe.ne.jp"),
        ("sannet.ne.jo", "sannet.ne.jp"),
        ("dion.ne.jo", "dion.ne.jp"),
        ("gmail,com", "gmail.com"),
        ("gmail・com", "gmail.com"),
        ("gmail･com", "gmail.com"),
        ("docomo.ne,jp", "docomo.ne.jp"),
        ("jcom,home.ne.jp", "jcom.home.ne.jp"),
        ("i,softbank.jp", "i.softbank.jp"),
        ("gmail..com", "gmail.com"),
    ] {
        let addr = format!("taro@{typed}");
        assert_eq!(
            suggest(&addr),
            Some(format!("taro@{want}")),
            "suggest({addr:?})"
        );
    }
}

#[test]
fn an_ime_full_stop_is_a_dot_anywhere_other_slips_only_in_the_domain() {
    assert_eq!(
        suggest("taro。yamada@gmail.com").as_deref(),
        Some("taro.yamada@gmail.com")
    );
    assert_eq!(
        suggest("taro｡yamada@gmail・com").as_deref(),
        Some("taro.yamada@gmail.com")
    );
    assert_eq!(suggest("taro・yamada@gmail.com"), None, "may be \"/\"");
    assert_eq!(suggest("taro、yamada@gmail.com"), None);
    assert_eq!(fix_dots("a、b。c@d、e・f"), "a、b.c@d.e.f");
}

/// The member ID check as the page asks it: each warning's code and the one
/// fix offered.
fn member_id(value: &str) -> (Vec<Code>, Option<String>) {
    let warnings = check(&FieldInput {
        kind: LoginKind::MemberService,
        field: Field::Id,
        value: value.into(),
        keys: Keys::default(),
        max_length: None,
    });
    let fix = warnings.iter().find_map(|w| w.fix.clone()).map(|f| f.value);
    (warnings.into_iter().map(|w| w.code).collect(), fix)
}

/// A full-width symbol is made half-width only where the half-width address
/// is one people have: "｜" is no certain '|' (an address holding '|' would
/// not log in anyway), "＋" is the '+' of a Gmail tag.
#[test]
fn a_fullwidth_rare_symbol_gets_no_fix_a_common_one_does() {
    for typed in [
        "taro｜yamada@gmail.com",
        "taro～@docomo.ne.jp",
        "｛taro｝@example.com",
        "ta＾ro@example.com",
        "｀taro@example.com",
    ] {
        let (codes, fix) = member_id(typed);
        assert_eq!(fix, None, "{typed}");
        assert!(codes.contains(&Code::Fullwidth), "{typed}: {codes:?}");
        assert!(codes.contains(&Code::EmailFormat), "{typed}: {codes:?}");
    }
    for (typed, want) in [
        ("taro＋job@gmail.com", "taro+job@gmail.com"),
        ("taro＿yamada@yahoo.co.jp", "taro_yamada@yahoo.co.jp"),
        ("taro．yamada@gmail.com", "taro.yamada@gmail.com"),
        ("o＇brien@example.com", "o'brien@example.com"),
    ] {
        assert_eq!(
            member_id(typed),
            (vec![Code::Fullwidth], Some(want.into())),
            "{typed}"
        );
    }
}
