//! Which common domain a slip most likely meant, offered only when that is
//! certain, and the dot slips of an IME.

use super::distance::{is_key_slip, osa_distance_within};
use super::domains::{
    is_ending, is_real_suffix, known_domains, other_real_domains, split_suffix, COMMON_DOMAINS,
    DOT_QUIRK_DOMAINS, MADE_UP_ENDINGS, ONE_SUFFIX_PROVIDERS, REAL_SITES,
};
use super::syntax::domain_problem;
use super::MAX_SUGGEST_DOMAIN;
use crate::chars::{is_dot_slip, is_full_stop};
use crate::text::char_count;

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
        Some(d) => Some([fixed_local.as_deref().unwrap_or(local), "@", &d].concat()),
        None => fixed_local.map(|l| [&*l, "@", domain].concat()),
    }
}

/// The address with every dot slip that can only have meant a dot made one:
/// all of them after the '@', only an IME's full stop before it. When this is
/// all [`suggest`] changed, the address had the right letters and wrong dots.
pub fn fix_dots(addr: &str) -> String {
    // An IME's full stop is a dot slip too, so after the '@' the slips are all.
    match addr.split_once('@') {
        Some((local, domain)) => {
            [dots_for(local, is_full_stop), dots_for(domain, is_dot_slip)].join("@")
        }
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
        // A comma is never part of a domain, so the domain is judged on its
        // dotted form. That form is the answer by itself only where each
        // slip stands before an ending ("pasona,co,jp") or it makes a known
        // domain ("jcom,home.ne.jp"): a comma is also the key beside "m",
        // "k" and "l", so one inside a name may be a stray key ("ai,m.com" is
        // aim.com rather than ai.m.com).
        let dotted = dots_for(d, is_dot_slip);
        if known_domains().any(|k| k == dotted) {
            return Some(dotted);
        }
        return suggest_clean(&dotted).or_else(|| {
            (domain_problem(&dotted).is_none() && every_slip_before_an_ending(d)).then_some(dotted)
        });
    }
    suggest_clean(d)
}

/// Whether what follows each dot slip of `d` is an ending: a top-level domain
/// ("com", "jp") or a second level with its country ("co.jp", "co.uk").
fn every_slip_before_an_ending(d: &str) -> bool {
    d.char_indices()
        .filter(|&(_, c)| is_dot_slip(c))
        .all(|(i, c)| {
            let rest = dots_for(&d[i + c.len_utf8()..], is_dot_slip);
            is_ending(&rest)
        })
}

fn suggest_clean(d: &str) -> Option<String> {
    if known_domains().any(|k| k == d) || is_subdomain_of_known(d) {
        return None;
    }

    // 1. A known name as typed, its ending slipped or unfinished.
    match by_ending(d) {
        Verdict::One(k) => return Some(k.to_string()),
        Verdict::Many => return None,
        Verdict::None => {}
    }

    // 2. Close to exactly one common domain, or its name under another suffix.
    match closest_common(d) {
        Closest::Found(k) => return Some(k.to_string()),
        Closest::Blocked => return None,
        Closest::Nothing => {}
    }

    // 3. A name slip and an ending slip ("ootlook.co", "gmial.con").
    match by_name_and_ending(d) {
        Verdict::One(k) => return Some(k.to_string()),
        Verdict::Many => return None,
        Verdict::None => {}
    }

    // 4. A made-up ending fixed whatever the name ("pasona.con" ->
    //    "pasona.com"), once nothing known is near the fixed domain.
    let g = MADE_UP_ENDINGS.iter().find_map(|&(slip, fix)| {
        let stem = d.strip_suffix(slip)?;
        (!stem.is_empty() && !stem.ends_with('.')).then(|| [stem, fix].concat())
    })?;
    match closest_common(&g) {
        Closest::Found(k) => Some(k.to_string()),
        _ => domain_problem(&g).is_none().then_some(g),
    }
}

/// What the typed domain is certainly a slip of.
enum Verdict {
    One(&'static str),
    /// More than one known domain: no certain answer.
    Many,
    None,
}

impl Verdict {
    fn add(self, k: &'static str) -> Verdict {
        match self {
            Verdict::None => Verdict::One(k),
            Verdict::One(h) if h == k => self,
            _ => Verdict::Many,
        }
    }
}

/// A known domain split after its name: ("docomo", ".ne.jp").
fn name_and_tail(k: &'static str) -> (&'static str, &'static str) {
    let name = split_suffix(k).0;
    (name, &k[name.len()..])
}

/// Whether `typed`, what follows a known name, is that domain's `tail`
/// (".com", ".ne.jp") slipped or unfinished: cut short (".c", ".ne.j"), its
/// first dot left out ("gmailcom", "ocnne.jp"), or one edit after that dot
/// (".con", ".c0m", ".ne.kp", ".co.op", ".comn"). An edit before the dot is
/// a change of the name ("me1.com" is not me.com), which this never allows:
/// short names are someone's domain.
fn ending_slip(typed: &str, tail: &str) -> bool {
    if typed == tail || typed.is_empty() {
        return false;
    }
    if tail.starts_with(typed) || typed == &tail[1..] {
        return true;
    }
    // A key no domain has, typed for the dot or beside it ("aol;com",
    // "aol/.com"): the name before it is still whole.
    if let Some(c) = typed.chars().next().filter(|&c| !is_name_char(c)) {
        let after = &typed[c.len_utf8()..];
        if after == tail || after == &tail[1..] {
            return true;
        }
    }
    let Some(rest) = typed.strip_prefix('.') else {
        return false;
    };
    let rest: Vec<char> = rest.chars().collect();
    osa_distance_within(&rest, &tail[1..], 1).is_some()
}

/// What a domain's name may hold: letters and digits of any script, hyphens
/// and the dots between its parts.
fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '.'
}

/// Rule 1: the typed domain is a known name followed by a slip of one of its
/// domains' endings, the same for every known domain it could be ("hotmail.c"
/// is hotmail.com or hotmail.co.jp: none). Ambiguity is judged among the
/// domains people here have: outlook.co.il exists, but nobody logging in to a
/// Japanese job site meant it by "outlook.co".
fn by_ending(d: &str) -> Verdict {
    let mut verdict = Verdict::None;
    for k in known_domains() {
        let (name, tail) = name_and_tail(k);
        if d.strip_prefix(name)
            .is_some_and(|typed| ending_slip(typed, tail))
        {
            verdict = verdict.add(k);
        }
    }
    // The other domains of the same name were judged by their endings just
    // now ("nifty.c" is nifty.com, not nifty.jp); one of another name may be
    // a single edit away ("ymobile.1ne.jp" is ymobile1.ne.jp with two keys
    // swapped). An unfinished ending is many edits from its domain, which
    // says nothing about which it was.
    match verdict {
        Verdict::One(k) if other_real_as_close(d, k, name_and_tail(k).0, 1) => Verdict::Many,
        Verdict::One(k) if REAL_SITES.contains(&k) => Verdict::Many,
        v => v,
    }
}

/// Rule 3: one edit in the name and a slip of the ending, together certain
/// only for the common domains' names of five letters or more (shorter ones
/// are someone's domain after one edit, see [`edit_limit`]), only where one
/// fits, and only when no other real domain is as close.
fn by_name_and_ending(d: &str) -> Verdict {
    let mut verdict = Verdict::None;
    for &k in COMMON_DOMAINS {
        let (name, tail) = name_and_tail(k);
        if char_count(name) < 5 {
            continue;
        }
        // A slipped ending is at most one character longer than the tail.
        let first = d.len().saturating_sub(tail.len() + 1).max(1);
        for (i, _) in d.char_indices().filter(|&(i, _)| i >= first) {
            let (typed_name, typed_tail) = d.split_at(i);
            if !ending_slip(typed_tail, tail) {
                continue;
            }
            let typed_name: Vec<char> = typed_name.chars().collect();
            if osa_distance_within(&typed_name, name, 1) == Some(1) {
                verdict = verdict.add(k);
            }
        }
    }
    if let Verdict::One(k) = verdict {
        if other_real_as_close(d, k, "", usize::MAX) {
            return Verdict::Many;
        }
    }
    verdict
}

/// Whether a real domain we never suggest is as close to `d` as the known
/// domain `k` it would be corrected to, which leaves no certain answer. At one
/// edit from both, the keyboard may tell: "7mail.com" is a finger's slip from
/// ymail.com (7 touches y) and not from gmail.com, "dmail.com" from
/// email.com; where both are slips the common one is the likelier
/// ("sonet.ne.jp" is so-net.ne.jp without its hyphen, and eonet.ne.jp with s
/// for e).
fn other_real_as_close(d: &str, k: &str, except_name: &str, within: usize) -> bool {
    let typed: Vec<char> = d.chars().collect();
    // Unbounded: the exact distance.
    let Some(dist) = osa_distance_within(&typed, k, usize::MAX) else {
        return false;
    };
    let slip_of_k = dist == 1 && is_key_slip(&typed, k);
    other_real_domains()
        .filter(|&o| o != k && split_suffix(o).0 != except_name)
        .any(|o| {
            osa_distance_within(&typed, o, dist.min(within))
                .is_some_and(|od| od < dist || dist > 1 || (!slip_of_k && is_key_slip(&typed, o)))
        })
}

fn is_subdomain_of_known(d: &str) -> bool {
    known_domains().any(|k| {
        d.strip_suffix(k)
            .is_some_and(|head| head.len() > 1 && head.ends_with('.'))
    })
}

/// How many edits a typed domain may be from a common one: none for names of
/// up to four letters (every short .com is registered: abc.com is not a slip of
/// aol.com, life.com not of live.com), one up to seven, two only from eight
/// on, where two changes still leave most of the name (sannet is two from
/// so-net and a provider of its own); at most one when the typed domain
/// itself has six characters or fewer.
fn edit_limit(common: &str, typed_len: usize) -> usize {
    let by_name = match char_count(split_suffix(common).0) {
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
    /// domain, not a slip (docomo.co.jp, outlook.co.jp, gmail.net), unless
    /// it is one of the [`ONE_SUFFIX_PROVIDERS`] under a suffix it lists.
    /// Also a provider's name under another suffix that is as close to a
    /// different common domain ("gmail.ne.jp", "ymail.ne.jp").
    Blocked,
    Nothing,
}

fn closest_common(d: &str) -> Closest {
    let (name, suffix) = split_suffix(d);
    let real_suffix = is_real_suffix(suffix);
    let other_suffix = ONE_SUFFIX_PROVIDERS
        .iter()
        .find(|(k, suffixes)| split_suffix(k).0 == name && suffixes.contains(&suffix))
        .map(|&(k, _)| k);
    if real_suffix && other_suffix.is_none() && known_domains().any(|k| split_suffix(k).0 == name) {
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
    if let Some(k) = other_suffix {
        return match best {
            None => Closest::Found(k),
            Some(_) => Closest::Blocked,
        };
    }
    let Some(best) = best else {
        return Closest::Nothing;
    };
    if ties > 0 {
        return Closest::Nothing;
    }
    if other_real_as_close(d, best, "", usize::MAX) {
        return Closest::Nothing;
    }
    Closest::Found(best)
}

/// Whether `domain` is one of [`DOT_QUIRK_DOMAINS`], or a slip this module
/// corrects to one ("docomo.ne.jo").
pub(super) fn is_dot_quirk_domain(domain: &str) -> bool {
    if domain.chars().nth(MAX_SUGGEST_DOMAIN).is_some() {
        return false;
    }
    let d = domain.to_ascii_lowercase();
    DOT_QUIRK_DOMAINS.contains(&d.as_str())
        || suggest_domain(&d).is_some_and(|s| DOT_QUIRK_DOMAINS.contains(&s.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_two_edits_only_for_long_names() {
        assert_eq!(edit_limit("so-net.ne.jp", 12), 1);
        assert_eq!(edit_limit("softbank.ne.jp", 14), 2);
        assert_eq!(edit_limit("gmail.com", 9), 1);
        assert_eq!(edit_limit("ocn.ne.jp", 9), 0);
        assert_eq!(suggest_domain("sannet.ne.jp"), None);
    }

    #[test]
    fn email_an_ending_slip_keeps_the_name_whole() {
        for (typed, tail) in [
            (".c", ".com"),
            (".co", ".com"),
            (".", ".com"),
            ("com", ".com"),
            ("ne.jp", ".ne.jp"),
            (".con", ".com"),
            (".comm", ".com"),
            (".cmo", ".com"),
            (".om", ".com"),
            (".ne.kp", ".ne.jp"),
            (".nejp", ".ne.jp"),
            ("..ne.jp", ".ne.jp"),
            (";com", ".com"),
            ("/.com", ".com"),
            ("・com", ".com"),
        ] {
            assert!(ending_slip(typed, tail), "{typed} {tail}");
        }
        for (typed, tail) in [
            ("", ".com"),
            (".com", ".com"),
            ("1.com", ".com"),
            ("c.om", ".com"),
            ("x.com", ".com"),
            ("xcom", ".com"),
            (".co.jp", ".com"),
            (".net", ".com"),
            (".jp", ".ne.jp"),
            (";;com", ".com"),
            (".comxx", ".com"),
        ] {
            assert!(!ending_slip(typed, tail), "{typed} {tail}");
        }
    }

    #[test]
    fn email_a_domain_splits_after_its_name() {
        assert_eq!(name_and_tail("docomo.ne.jp"), ("docomo", ".ne.jp"));
        assert_eq!(name_and_tail("i.softbank.jp"), ("i.softbank", ".jp"));
        assert_eq!(name_and_tail("gmail.com"), ("gmail", ".com"));
    }

    #[test]
    fn email_each_rule_names_one_domain_or_none() {
        let one = |v: Verdict| match v {
            Verdict::One(k) => Some(k),
            _ => None,
        };
        assert_eq!(one(by_ending("icloud.c")), Some("icloud.com"));
        assert!(matches!(by_ending("hotmail.c"), Verdict::Many));
        assert!(matches!(by_ending("live.co"), Verdict::Many));
        assert!(matches!(by_ending("ymobile.1ne.jp"), Verdict::Many));
        assert!(matches!(by_ending("pasona.con"), Verdict::None));
        assert_eq!(one(by_name_and_ending("ootlook.co")), Some("outlook.com"));
        assert_eq!(one(by_name_and_ending("gmial.con")), Some("gmail.com"));
        assert!(matches!(by_name_and_ending("hotmial.c"), Verdict::Many));
        assert!(matches!(by_name_and_ending("uymail.con"), Verdict::None));
        assert!(
            matches!(by_name_and_ending("aol1.cm"), Verdict::None),
            "short name"
        );
        assert!(
            matches!(by_name_and_ending("emial.co"), Verdict::None),
            "email.com is real"
        );
    }

    #[test]
    fn email_a_real_domain_as_close_leaves_no_answer() {
        assert!(other_real_as_close(
            "7mail.com",
            "gmail.com",
            "",
            usize::MAX
        ));
        assert!(other_real_as_close(
            "dmail.com",
            "gmail.com",
            "",
            usize::MAX
        ));
        assert!(!other_real_as_close(
            "sonet.ne.jp",
            "so-net.ne.jp",
            "",
            usize::MAX
        ));
        assert!(!other_real_as_close(
            "gmial.com",
            "gmail.com",
            "",
            usize::MAX
        ));
        assert!(other_real_as_close(
            "softbank.ci.jp",
            "softbank.ne.jp",
            "",
            usize::MAX
        ));
        // A real domain typed as it is, and one as far as the common domain
        // two edits away.
        assert!(other_real_as_close(
            "eonet.ne.jp",
            "sonet.ne.jp",
            "",
            usize::MAX
        ));
        assert!(other_real_as_close(
            "eonxx.ne.jp",
            "eonyy.ne.jp",
            "",
            usize::MAX
        ));
        assert!(!other_real_as_close(
            "eonxx.ne.jp",
            "eonxy.ne.jp",
            "",
            usize::MAX
        ));
        // Only within one edit, and not the same name's other domains.
        assert!(!other_real_as_close("nifty.c", "nifty.com", "nifty", 1));
        assert!(other_real_as_close("nifty.c", "nifty.com", "", 2));
        assert!(!other_real_as_close("ymail.n", "ymail.ne.jp", "ymail", 1));
    }

    #[test]
    fn email_two_common_domains_as_close_leave_no_answer() {
        // by_ending answers this one first; closest_common on its own must
        // not pick either.
        assert!(matches!(closest_common("yahoo.no.jp"), Closest::Nothing));
        assert!(matches!(by_ending("yahoo.no.jp"), Verdict::Many));
        assert!(matches!(
            closest_common("yahooo.co.jp"),
            Closest::Found("yahoo.co.jp")
        ));
    }

    #[test]
    fn email_a_comma_is_a_dot_before_an_ending() {
        assert!(every_slip_before_an_ending("pasona,co,jp"));
        assert!(every_slip_before_an_ending("gmail、com"));
        assert!(!every_slip_before_an_ending("ai,m.com"));
        assert!(!every_slip_before_an_ending("mail,pasona.co.jp"));
        assert!(!every_slip_before_an_ending("pasona,co,jp,"));
    }

    #[test]
    fn email_common_domains_are_well_formed_and_left_alone() {
        for d in known_domains() {
            assert_eq!(domain_problem(d), None, "{d}");
            assert_eq!(suggest_domain(d), None, "{d}");
        }
    }
}
