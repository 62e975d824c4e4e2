//! E-mail addresses typed as the member-service login ID: is it a deliverable
//! address at all ([`syntax`]), and does its domain look like a slip of a common
//! one ([`suggest`], in the spirit of mailcheck.js, tuned to Japan).
//!
//! Both take what the person typed after the caller has converted full-width
//! characters to half-width and trimmed white space at both ends. Neither
//! allocates in proportion to the input and neither slices inside a UTF-8
//! character, so megabytes of emoji, NULs or bidi controls are harmless.

use crate::chars::{self, is_dot_slip, is_full_stop};

/// Why an address cannot be a deliverable e-mail address. Input: the address
/// already converted to half-width and trimmed of leading/trailing white space
/// (the caller handles full-width and spaces separately).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxProblem {
    /// No '@' at all.
    NoAt,
    /// More than one '@'.
    ManyAt,
    /// Nothing before the '@'.
    EmptyLocal,
    /// Nothing after the '@'.
    EmptyDomain,
    /// More than 64 octets before the '@'.
    LocalTooLong,
    /// More than 254 octets in all.
    TooLong,
    /// A character that cannot stand unquoted before the '@' (quotes, commas,
    /// brackets, non-ASCII, control characters...).
    BadLocalChar,
    /// A dot at the start or end of the part before the '@', or two in a row.
    LocalDots,
    /// The domain has no dot ("taro@gmail").
    DomainNoDot,
    /// A character that cannot be in a domain name.
    BadDomainChar,
    /// The domain starts or ends with a dot or has two in a row.
    DomainDots,
    /// A part of the domain starts or ends with a hyphen.
    LabelHyphen,
    /// A part of the domain is longer than 63 characters.
    LabelTooLong,
    /// The last part of the domain is not a top-level domain ("gmail.c", "x.123").
    BadTld,
    /// White space (or an invisible space) somewhere inside.
    Space,
}

impl SyntaxProblem {
    /// The message key for the warning text; one per variant.
    pub fn message_key(self) -> &'static str {
        match self {
            SyntaxProblem::NoAt => "w_email_no_at",
            SyntaxProblem::ManyAt => "w_email_many_at",
            SyntaxProblem::EmptyLocal => "w_email_empty_local",
            SyntaxProblem::EmptyDomain => "w_email_empty_domain",
            SyntaxProblem::LocalTooLong => "w_email_local_too_long",
            SyntaxProblem::TooLong => "w_email_too_long",
            SyntaxProblem::BadLocalChar => "w_email_bad_local_char",
            SyntaxProblem::LocalDots => "w_email_local_dots",
            SyntaxProblem::DomainNoDot => "w_email_domain_no_dot",
            SyntaxProblem::BadDomainChar => "w_email_bad_domain_char",
            SyntaxProblem::DomainDots => "w_email_domain_dots",
            SyntaxProblem::LabelHyphen => "w_email_label_hyphen",
            SyntaxProblem::LabelTooLong => "w_email_label_too_long",
            SyntaxProblem::BadTld => "w_email_bad_tld",
            SyntaxProblem::Space => "w_email_space",
        }
    }
}

/// RFC 5321: at most 64 octets before the '@'.
const MAX_LOCAL: usize = 64;
/// RFC 5321 path limit (256) minus the angle brackets.
const MAX_TOTAL: usize = 254;
/// RFC 1035 label limit.
const MAX_LABEL: usize = 63;
/// Domains longer than this (in characters) get no suggestion: no common
/// domain is anywhere near, and it keeps the edit distance cheap.
const MAX_SUGGEST_DOMAIN: usize = 64;

/// The first reason `addr` cannot be a deliverable address, or `None` when it
/// is well-formed. Checks run left to right: spaces, '@', lengths, the part
/// before the '@', then the domain.
pub fn syntax(addr: &str) -> Option<SyntaxProblem> {
    use SyntaxProblem::*;
    if addr.chars().any(is_space) {
        return Some(Space);
    }
    // '@' is ASCII, so these byte indices are character boundaries.
    let at = match addr.find('@') {
        Some(i) => i,
        None => return Some(NoAt),
    };
    let (local, domain) = (&addr[..at], &addr[at + 1..]);
    if domain.contains('@') {
        return Some(ManyAt);
    }
    if local.is_empty() {
        return Some(EmptyLocal);
    }
    if domain.is_empty() {
        return Some(EmptyDomain);
    }
    if local.len() > MAX_LOCAL {
        return Some(LocalTooLong);
    }
    if addr.len() > MAX_TOTAL {
        return Some(TooLong);
    }
    // Only dot-atom: a person's login ID is never a quoted string, so quotes
    // (and anything else outside atext) are reported rather than parsed.
    if !local.bytes().all(|b| b == b'.' || is_atext(b)) {
        return Some(BadLocalChar);
    }
    if local_dots_bad(local, domain) {
        return Some(LocalDots);
    }
    domain_problem(domain)
}

/// RFC 5322 atext: letters, digits and !#$%&'*+-/=?^_`{|}~ (ASCII only).
fn is_atext(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~".contains(&b)
}

/// Any space, visible or zero-width. ZWJ and ZWNJ are left to the domain
/// check: some scripts need them.
fn is_space(c: char) -> bool {
    chars::is_space(c) || chars::is_zero_width_space(c)
}

/// Dot rules of the local part.
///
/// Japanese reality: the old feature-phone mail of NTT docomo (docomo.ne.jp)
/// and au (ezweb.ne.jp) let subscribers choose addresses that break RFC 5322's
/// dot-atom — two dots in a row ("taro..yamada@docomo.ne.jp") or a dot right
/// before the '@' ("taro.@ezweb.ne.jp"). Those addresses were issued, still
/// receive mail and are in use as login IDs, so for those two domains (also
/// when typed with a slip we would correct to them, e.g. "docomo.ne.jo") only
/// a leading dot is reported; the carriers never allowed that one.
fn local_dots_bad(local: &str, domain: &str) -> bool {
    if local.starts_with('.') {
        return true;
    }
    if !(local.ends_with('.') || local.contains("..")) {
        return false;
    }
    !is_dot_quirk_domain(domain)
}

const DOT_QUIRK_DOMAINS: [&str; 2] = ["docomo.ne.jp", "ezweb.ne.jp"];

fn is_dot_quirk_domain(domain: &str) -> bool {
    if domain.chars().nth(MAX_SUGGEST_DOMAIN).is_some() {
        return false;
    }
    let d = domain.to_ascii_lowercase();
    DOT_QUIRK_DOMAINS.contains(&d.as_str())
        || suggest_domain(&d).is_some_and(|s| DOT_QUIRK_DOMAINS.contains(&s.as_str()))
}

/// Combining marks of the blocks whose whole point is combining (Latin
/// diacritics, kana voiced sound marks...): a decomposed "が" is still a
/// letter of an internationalised domain name.
fn is_combining(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{3099}'..='\u{309A}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

/// Letters, digits, hyphens and dots; beyond ASCII any alphanumeric character
/// (internationalised domains such as "例え.jp").
fn is_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || c == '-'
        || c == '.'
        || (!c.is_ascii() && (c.is_alphanumeric() || is_combining(c)))
}

/// The first problem of a domain, `None` when it is well-formed.
fn domain_problem(domain: &str) -> Option<SyntaxProblem> {
    use SyntaxProblem::*;
    if !domain.chars().all(is_domain_char) {
        return Some(BadDomainChar);
    }
    if !domain.contains('.') {
        return Some(DomainNoDot);
    }
    if domain.split('.').any(str::is_empty) {
        return Some(DomainDots);
    }
    for label in domain.split('.') {
        // ASCII labels: characters are octets. Internationalised labels are
        // counted in characters, not in the length of their punycode form:
        // lenient, but the server is the judge of those anyway.
        if label.chars().count() > MAX_LABEL {
            return Some(LabelTooLong);
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Some(LabelHyphen);
        }
        if label.chars().next().is_some_and(is_combining) {
            return Some(BadDomainChar);
        }
    }
    let tld = domain.rsplit('.').next().unwrap_or_default();
    if tld_ok(tld) {
        None
    } else {
        Some(BadTld)
    }
}

/// A top-level domain: two or more letters (any script, for IDN TLDs such as
/// "テスト"), or an ASCII-compatible "xn--" form.
fn tld_ok(tld: &str) -> bool {
    let b = tld.as_bytes();
    if b.len() > 4 && b[..4].eq_ignore_ascii_case(b"xn--") {
        return b[4..]
            .iter()
            .all(|&c| c.is_ascii_alphanumeric() || c == b'-');
    }
    let mut chars = tld.chars();
    chars.next().is_some_and(char::is_alphabetic)
        && tld.chars().nth(1).is_some()
        && chars.all(|c| c.is_alphabetic() || (!c.is_ascii() && is_combining(c)))
}

// ---------------------------------------------------------------------------
// Suggestions
// ---------------------------------------------------------------------------

/// Domains people in Japan commonly log in with. A typed domain close to one of
/// these (and to no other) is suggested as that one; exact members are never
/// touched, so live.jp stays live.jp and me.com stays me.com.
pub const COMMON_DOMAINS: &[&str] = &[
    // Google, Apple, Microsoft, Yahoo, AOL
    "gmail.com",
    "googlemail.com",
    "icloud.com",
    "me.com",
    "mac.com",
    "outlook.jp",
    "outlook.com",
    "hotmail.co.jp",
    "hotmail.com",
    "live.jp",
    "live.com",
    "msn.com",
    "yahoo.co.jp",
    "yahoo.com",
    "aol.com",
    // Mobile carriers (old feature-phone and current smartphone mail)
    "docomo.ne.jp",
    "ezweb.ne.jp",
    "au.com",
    "auone.jp",
    "uqmobile.jp",
    "softbank.ne.jp",
    "i.softbank.jp",
    "ymobile.ne.jp",
    "yahoo.ne.jp", // Y!mobile
    "ymail.ne.jp",
    "mineo.jp",
    "rakumail.jp", // Rakuten Mobile
    // Internet providers
    "nifty.com",
    "biglobe.ne.jp",
    "ocn.ne.jp",
    "so-net.ne.jp",
    "plala.or.jp",
    "excite.co.jp",
    "jcom.home.ne.jp",
    "zaq.ne.jp",
    "ybb.ne.jp",
];

/// Real mail domains that are never suggested but must never be "corrected"
/// either (email.com is one letter from gmail.com, sannet.ne.jp two from
/// so-net.ne.jp), nor their subdomains (dion.ne.jp, eonet.ne.jp and odn.ne.jp
/// hand out "user@xx.dion.ne.jp"). The Japanese ones are providers, carriers
/// and cable networks whose subscribers log in with their address, from
/// Thunderbird's ISPDB and public lists of Japanese carrier and provider mail
/// domains.
const OTHER_REAL_DOMAINS: &[&str] = &[
    // Elsewhere
    "mail.com",
    "email.com",
    "gmx.com",
    "gmx.net",
    "aim.com",
    "ymail.com",
    "rocketmail.com",
    "protonmail.com",
    "proton.me",
    "zoho.com",
    "fastmail.com",
    "foxmail.com",
    "qq.com",
    "naver.com",
    "hanmail.net",
    // Japanese mobile carriers, old and new
    "mopera.net",
    "mopera.ne.jp",
    "disney.ne.jp",
    "y-mobile.ne.jp",
    "ymobile1.ne.jp",
    "emobile.ne.jp",
    "emnet.ne.jp",
    "pdx.ne.jp",
    "wcm.ne.jp",
    "willcom.com",
    "ido.ne.jp",
    "vodafone.ne.jp",
    "rakuten.jp",
    // Japanese providers
    "sannet.ne.jp",
    "dion.ne.jp",
    "au-one.jp",
    "auone-net.jp",
    "infoweb.ne.jp",
    "nifty.ne.jp",
    "nifty.jp",
    "mbn.or.jp",
    "tnc.ne.jp",
    "eonet.ne.jp",
    "odn.ne.jp",
    "hi-ho.ne.jp",
    "wakwak.com",
    "asahi-net.or.jp",
    "dream.jp",
    "dti.ne.jp",
    "iij4u.or.jp",
    "iijmio-mail.jp",
    "miobox.jp",
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
    "gyao.ne.jp",
    "spice.or.jp",
    "rim.or.jp",
    "janis.or.jp",
    "jet.ne.jp",
    "mnet.ne.jp",
    "hal.ne.jp",
    "ic-net.or.jp",
    "parabox.or.jp",
    "freebit.net",
    "rakuten.ne.jp",
    "infoseek.jp",
    "goo.jp",
    "mail.goo.ne.jp",
    "aol.jp",
    "bbexcite.jp",
    // Japanese cable networks
    "kcn.ne.jp",
    "kcn.jp",
    "itscom.net",
    "tiki.ne.jp",
    "cts.ne.jp",
    "c-able.ne.jp",
    "actv.ne.jp",
    "cc9.ne.jp",
    "cek.ne.jp",
    "clio.ne.jp",
    "cty-net.ne.jp",
    "icntv.ne.jp",
    "iiyama-catv.ne.jp",
    "sakunet.ne.jp",
    "mahoroba.ne.jp",
    "gunmanet.ne.jp",
    "wind.ne.jp",
];

fn known_domains() -> impl Iterator<Item = &'static str> {
    COMMON_DOMAINS.iter().chain(OTHER_REAL_DOMAINS).copied()
}

/// Top-level and second-level slips: (typed ending, intended endings, whether
/// the typed ending can be a real domain). An ending that exists nowhere
/// (".con", ".co.jo": Jordan has com.jo, not co.jo) is fixed whatever the name
/// before it; a real one (".co" is Colombia, ".jo" Jordan, ".om" Oman, ".cm"
/// Cameroon, ".ne" Niger) only when the fix lands on a known domain.
const SLIPS: &[(&str, &[&str], bool)] = &[
    (".con", &[".com"], false),
    (".cmo", &[".com"], false),
    (".ocm", &[".com"], false),
    (".comm", &[".com"], false),
    (".coom", &[".com"], false),
    (".cpm", &[".com"], false),
    (".xom", &[".com"], false),
    (".vom", &[".com"], false),
    (".co", &[".com", ".co.jp"], true),
    (".cm", &[".com"], true),
    (".om", &[".com"], true),
    (".co.jo", &[".co.jp"], false),
    (".co.pj", &[".co.jp"], false),
    (".cojp", &[".co.jp"], false),
    (".co.j", &[".co.jp"], false),
    (".ne.jo", &[".ne.jp"], false),
    (".ne.pj", &[".ne.jp"], false),
    (".nejp", &[".ne.jp"], false),
    (".ne.j", &[".ne.jp"], false),
    (".ne", &[".ne.jp"], true),
    (".or.jo", &[".or.jp"], false),
    (".orjp", &[".or.jp"], false),
    (".or.j", &[".or.jp"], false),
    (".ac.jo", &[".ac.jp"], false),
    (".go.jo", &[".go.jp"], false),
    (".jo", &[".jp"], true),
];

/// Japanese second-level domains: "docomo.ne.jp" is the name "docomo" under
/// the suffix "ne.jp".
const JP_SECOND_LEVEL: [&str; 9] = ["co", "ne", "or", "ac", "ad", "ed", "go", "gr", "lg"];

/// Second levels other countries register names under ("hotmail.co.uk",
/// "yahoo.com.au", "gmx.co.in", "naver.co.kr"...): a name under one of them is
/// that country's domain, not a slip of a Japanese one.
const FOREIGN_SECOND_LEVEL: [&str; 11] = [
    "ac", "co", "com", "edu", "go", "gob", "gov", "ne", "net", "or", "org",
];

/// Generic top-level domains common enough that "name.<tld>" is plausibly a
/// real domain of its own. Two-letter endings are all treated as ccTLDs.
const REAL_GENERIC_TLDS: [&str; 12] = [
    "com", "net", "org", "info", "biz", "mobi", "name", "pro", "asia", "tokyo", "app", "dev",
];

/// The typed address with its domain corrected to the common domain it most
/// likely meant and its dot slips made dots, or `None` when there is nothing
/// to correct or no correction is certain. Before the '@' only an IME's full
/// stop is changed (its comma or 「・」 may have been meant as "," or "/");
/// the rest is kept exactly as typed. A corrected domain is lowercased.
pub fn suggest(addr: &str) -> Option<String> {
    let at = addr.find('@')?;
    let (local, domain) = (&addr[..at], &addr[at + 1..]);
    if local.is_empty() || domain.is_empty() || domain.contains('@') {
        return None;
    }
    if domain.chars().nth(MAX_SUGGEST_DOMAIN).is_some() {
        return None;
    }
    let fixed_local = local.contains(is_full_stop).then(|| fix_dots(local));
    match suggest_domain(&domain.to_ascii_lowercase()) {
        Some(d) => Some(format!("{}@{d}", fixed_local.as_deref().unwrap_or(local))),
        None => fixed_local.map(|l| format!("{l}@{domain}")),
    }
}

/// The address with every dot slip that can only have meant a dot made one:
/// all of them after the '@', only an IME's full stop before it. When this is
/// all [`suggest`] changed, the address had the right letters and wrong dots.
pub fn fix_dots(addr: &str) -> String {
    // An IME's full stop is a dot slip too, so after the '@' the slips are all.
    match addr.split_once('@') {
        Some((local, domain)) => format!(
            "{}@{}",
            dots_for(local, is_full_stop),
            dots_for(domain, is_dot_slip)
        ),
        None => dots_for(addr, is_full_stop),
    }
}

/// The text with each character `slip` says was typed for a dot made one.
fn dots_for(text: &str, slip: fn(char) -> bool) -> String {
    text.chars()
        .map(|c| if slip(c) { '.' } else { c })
        .collect()
}

/// The corrected domain for a lowercased domain of at most
/// [`MAX_SUGGEST_DOMAIN`] characters.
fn suggest_domain(d: &str) -> Option<String> {
    if d.chars().nth(MAX_SUGGEST_DOMAIN).is_some() {
        return None;
    }
    if d.chars().any(is_dot_slip) {
        // A comma is never part of a domain: the dot fix alone is certain,
        // and whatever else needs fixing is judged on the dotted form.
        let dotted = dots_for(d, is_dot_slip);
        return suggest_clean(&dotted)
            .or_else(|| domain_problem(&dotted).is_none().then_some(dotted));
    }
    suggest_clean(d)
}

fn suggest_clean(d: &str) -> Option<String> {
    if known_domains().any(|k| k == d) || is_subdomain_of_known(d) {
        return None;
    }

    // 1. Known ending slips, keeping the name before them.
    let mut hit: Option<&'static str> = None;
    let mut ambiguous = false;
    let mut generic: Option<String> = None;
    for &(slip, fixes, real) in SLIPS {
        let Some(stem) = d.strip_suffix(slip) else {
            continue;
        };
        if stem.is_empty() || stem.ends_with('.') {
            continue;
        }
        for fix in fixes {
            let candidate = format!("{stem}{fix}");
            if let Some(k) = known_domains().find(|k| *k == candidate) {
                match hit {
                    None => hit = Some(k),
                    Some(h) if h == k => {}
                    Some(_) => ambiguous = true,
                }
            }
        }
        if !real && generic.is_none() {
            generic = Some(format!("{stem}{}", fixes[0]));
        }
    }
    if ambiguous {
        // "yahoo.co": yahoo.com or yahoo.co.jp? Both are common; do not guess.
        return None;
    }
    if let Some(h) = hit {
        return Some(h.to_string());
    }

    // 2. Close to exactly one common domain.
    match closest_common(d) {
        Closest::Found(k) => return Some(k.to_string()),
        Closest::Blocked => return None,
        Closest::Nothing => {}
    }

    // 3. A made-up ending fixed, then judged again ("gmial.con" -> "gmial.com"
    //    -> "gmail.com"; "pasona.con" -> "pasona.com").
    let g = generic?;
    match closest_common(&g) {
        Closest::Found(k) => Some(k.to_string()),
        _ => domain_problem(&g).is_none().then_some(g),
    }
}

fn is_subdomain_of_known(d: &str) -> bool {
    known_domains().any(|k| {
        d.strip_suffix(k)
            .is_some_and(|head| head.len() > 1 && head.ends_with('.'))
    })
}

/// (name, suffix): "docomo.ne.jp" -> ("docomo", "ne.jp"), "hotmail.co.uk" ->
/// ("hotmail", "co.uk"), "i.softbank.jp" -> ("i.softbank", "jp"),
/// "gmail.com" -> ("gmail", "com").
fn split_suffix(d: &str) -> (&str, &str) {
    let Some((head, tld)) = d.rsplit_once('.') else {
        return (d, "");
    };
    if let Some((name, sld)) = head.rsplit_once('.') {
        let second_level = if tld == "jp" {
            JP_SECOND_LEVEL.contains(&sld)
        } else {
            tld.len() == 2
                && tld.bytes().all(|b| b.is_ascii_lowercase())
                && FOREIGN_SECOND_LEVEL.contains(&sld)
        };
        if second_level {
            // `name` ends at a '.', so this index is a boundary.
            return (name, &d[name.len() + 1..]);
        }
    }
    (head, tld)
}

/// Whether a suffix can end a real domain. The made-up endings of [`SLIPS`]
/// (".co.jo", ".ne.pj") cannot, even where their parts look like one.
fn is_real_suffix(suffix: &str) -> bool {
    if SLIPS
        .iter()
        .any(|(slip, _, real)| !real && slip[1..] == *suffix)
    {
        return false;
    }
    if suffix.contains('.') {
        return true; // only the second levels above split that way
    }
    REAL_GENERIC_TLDS.contains(&suffix)
        || (suffix.len() == 2 && suffix.bytes().all(|b| b.is_ascii_lowercase()))
}

/// How many edits a typed domain may be from a common one: none for names of
/// up to four letters (every short .com is registered: abc.com is not a slip of
/// aol.com, life.com not of live.com), one up to seven, two only from eight
/// on, where two changes still leave most of the name (sannet is two from
/// so-net and a provider of its own); at most one when the typed domain
/// itself has six characters or fewer.
fn edit_limit(common: &str, typed_len: usize) -> usize {
    let by_name = match split_suffix(common).0.chars().count() {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    };
    if typed_len <= 6 {
        by_name.min(1)
    } else {
        by_name
    }
}

enum Closest {
    Found(&'static str),
    /// Same name as a known domain under another real suffix: a different
    /// domain, not a slip (docomo.co.jp, outlook.co.jp, gmail.net).
    Blocked,
    Nothing,
}

fn closest_common(d: &str) -> Closest {
    let (name, suffix) = split_suffix(d);
    let real_suffix = is_real_suffix(suffix);
    if real_suffix && known_domains().any(|k| split_suffix(k).0 == name) {
        return Closest::Blocked;
    }
    // Under a real second level ("co.uk", "ne.jp") only the name can be the
    // slip: "hotmial.co.uk" is not one of hotmail.co.jp.
    let same_suffix_only = real_suffix && suffix.contains('.');
    let typed: Vec<char> = d.chars().collect();
    let mut best: Option<&'static str> = None;
    let mut best_dist = usize::MAX;
    let mut ties = 0;
    for &k in COMMON_DOMAINS {
        if same_suffix_only && split_suffix(k).1 != suffix {
            continue;
        }
        let limit = edit_limit(k, typed.len());
        if limit == 0 {
            continue;
        }
        if let Some(dist) = osa_distance_within(&typed, k, limit) {
            if dist < best_dist {
                best = Some(k);
                best_dist = dist;
                ties = 0;
            } else if dist == best_dist {
                ties += 1;
            }
        }
    }
    let Some(best) = best else {
        return Closest::Nothing;
    };
    if ties > 0 {
        return Closest::Nothing;
    }
    // A real domain we never suggest but which is even closer wins by default
    // (best_dist >= 1: exact matches never get here).
    if OTHER_REAL_DOMAINS
        .iter()
        .any(|k| best_dist > 0 && osa_distance_within(&typed, k, best_dist - 1).is_some())
    {
        return Closest::Nothing;
    }
    Closest::Found(best)
}

/// Optimal string alignment distance (Damerau–Levenshtein where each
/// substring is edited once: insertion, deletion, substitution, transposition
/// of neighbours), or `None` as soon as it must exceed `limit`.
fn osa_distance_within(a: &[char], b: &str, limit: usize) -> Option<usize> {
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let n = b.len();
    let mut prev2: Vec<usize> = vec![0; n + 1];
    let mut prev: Vec<usize> = (0..=n).collect();
    let mut cur: Vec<usize> = vec![0; n + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        // Every later cell is at least the minimum of this row (a
        // transposition from two rows up costs no less than the substitution
        // path through this one), so the distance can only grow from here.
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[n];
    (d <= limit).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn osa(a: &str, b: &str, limit: usize) -> Option<usize> {
        let a: Vec<char> = a.chars().collect();
        osa_distance_within(&a, b, limit)
    }

    #[test]
    fn email_osa_counts_each_kind_of_edit_once() {
        assert_eq!(osa("gmail.com", "gmail.com", 2), Some(0));
        assert_eq!(osa("gmial.com", "gmail.com", 2), Some(1));
        assert_eq!(osa("gmai.com", "gmail.com", 2), Some(1));
        assert_eq!(osa("gmaill.com", "gmail.com", 2), Some(1));
        assert_eq!(osa("gnail.com", "gmail.com", 2), Some(1));
        assert_eq!(osa("gmial.con", "gmail.com", 2), Some(2));
        assert_eq!(osa("abc", "", 3), Some(3));
        assert_eq!(osa("", "abc", 3), Some(3));
    }

    #[test]
    fn email_osa_stops_over_the_limit() {
        assert_eq!(osa("gmial.con", "gmail.com", 1), None);
        assert_eq!(osa("pasona.co.jp", "yahoo.co.jp", 2), None);
        assert_eq!(osa("a", "abcdef", 2), None);
    }

    #[test]
    fn email_split_suffix_knows_japanese_second_levels() {
        assert_eq!(split_suffix("docomo.ne.jp"), ("docomo", "ne.jp"));
        assert_eq!(split_suffix("i.softbank.jp"), ("i.softbank", "jp"));
        assert_eq!(split_suffix("jcom.home.ne.jp"), ("jcom.home", "ne.jp"));
        assert_eq!(split_suffix("gmail.com"), ("gmail", "com"));
        assert_eq!(split_suffix("localhost"), ("localhost", ""));
        assert_eq!(split_suffix("co.jp"), ("co", "jp"));
        assert_eq!(split_suffix("hotmail.co.uk"), ("hotmail", "co.uk"));
        assert_eq!(split_suffix("yahoo.com.au"), ("yahoo", "com.au"));
        assert_eq!(split_suffix("yahoo.com.jp"), ("yahoo.com", "jp"));
    }

    #[test]
    fn email_two_edits_only_for_long_names() {
        assert_eq!(edit_limit("so-net.ne.jp", 12), 1);
        assert_eq!(edit_limit("softbank.ne.jp", 14), 2);
        assert_eq!(edit_limit("gmail.com", 9), 1);
        assert_eq!(edit_limit("ocn.ne.jp", 9), 0);
        assert_eq!(suggest_domain("sannet.ne.jp"), None);
    }

    #[test]
    fn email_made_up_endings_are_not_real_suffixes() {
        assert!(!is_real_suffix("co.jo"));
        assert!(is_real_suffix("co.uk") && is_real_suffix("ne.jp") && is_real_suffix("jo"));
    }

    #[test]
    fn email_every_problem_has_its_own_key() {
        use SyntaxProblem::*;
        let all = [
            NoAt,
            ManyAt,
            EmptyLocal,
            EmptyDomain,
            LocalTooLong,
            TooLong,
            BadLocalChar,
            LocalDots,
            DomainNoDot,
            BadDomainChar,
            DomainDots,
            LabelHyphen,
            LabelTooLong,
            BadTld,
            Space,
        ];
        let mut keys: Vec<_> = all.iter().map(|p| p.message_key()).collect();
        assert!(keys.iter().all(|k| k.starts_with("w_email_")));
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), all.len());
    }

    #[test]
    fn email_common_domains_are_well_formed_and_left_alone() {
        for d in known_domains() {
            assert_eq!(domain_problem(d), None, "{d}");
            assert_eq!(suggest_domain(d), None, "{d}");
        }
    }
}
