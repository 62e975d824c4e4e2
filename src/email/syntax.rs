//! Whether an address is well-formed: dot-atom before the '@', a host name
//! after it, RFC 5321's lengths, and no space anywhere.

use crate::chars;
use crate::text::char_count;

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
    /// brackets, non-ASCII, control characters...), or one of the RFC
    /// symbols nobody here has there ('|', '{', '}', '~', '^', '`').
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

/// The first reason `addr` cannot be a deliverable address (see
/// [`super::syntax`]); `dot_quirk` tells the domains whose addresses may break
/// the dot rules.
pub(super) fn problem(addr: &str, dot_quirk: fn(&str) -> bool) -> Option<SyntaxProblem> {
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
    if !local
        .bytes()
        .all(|b| b == b'.' || (is_atext(b) && !is_rare_symbol(b)))
    {
        return Some(BadLocalChar);
    }
    if local_dots_bad(local, domain, dot_quirk) {
        return Some(LocalDots);
    }
    domain_problem(domain)
}

/// RFC 5322 atext: letters, digits and !#$%&'*+-/=?^_`{|}~ (ASCII only).
fn is_atext(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~".contains(&b)
}

/// Symbols RFC 5322 allows before the '@' that are all but unheard of there,
/// and whose full-width forms an IME gives for something else.
///
/// The providers people in Japan log in with hand out letters, digits and
/// '.', '-', '_' only (Gmail and iCloud fewer; '+' is the tag Gmail, iCloud
/// and Outlook deliver), and company and hosting servers add a few symbols
/// of RFC's list ("o'brien", "r&d", '=' and '#'), which stay allowed. An
/// address holding one of these six is far likelier a slip than meant (a
/// hosting service or two allows braces: their users are told what most
/// sites would tell them), and where one was typed full-width it is not even
/// certain which character was meant: "｜" is read off a note for l, 1 or I
/// (its font twins), "～" is the IME's wave dash. Reporting them keeps the
/// checks from offering "taro|yamada@..." as the certain half-width fix of
/// "taro｜yamada@..." (a fix is offered only when its value passes every
/// check).
fn is_rare_symbol(b: u8) -> bool {
    b"|{}~^`".contains(&b)
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
fn local_dots_bad(local: &str, domain: &str, dot_quirk: fn(&str) -> bool) -> bool {
    if local.starts_with('.') {
        return true;
    }
    if !(local.ends_with('.') || local.contains("..")) {
        return false;
    }
    !dot_quirk(domain)
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
pub(super) fn domain_problem(domain: &str) -> Option<SyntaxProblem> {
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
        if char_count(label) > MAX_LABEL {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_only_the_rare_rfc_symbols_are_rare() {
        let rare: String = (0..=127u8)
            .filter(|&b| is_atext(b) && is_rare_symbol(b))
            .map(char::from)
            .collect();
        assert_eq!(rare, "^`{|}~");
        for b in b"!#$%&'*+-/=?_" {
            assert!(is_atext(*b) && !is_rare_symbol(*b), "{}", char::from(*b));
        }
    }

    #[test]
    fn a_tld_in_its_ascii_form_needs_something_after_xn() {
        assert!(tld_ok("xn--zckzah") && tld_ok("XN--ZCKZAH"));
        assert!(!tld_ok("xn--"), "the prefix alone");
        assert!(!tld_ok("xn--テスト"));
        assert!(tld_ok("テスト") && tld_ok("jp") && !tld_ok("j") && !tld_ok("c0m"));
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
}
