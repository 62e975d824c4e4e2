//! Which common domain a slip most likely meant, offered only when that is
//! certain, and the dot slips of an IME.

use super::distance::osa_distance_within;
use super::domains::{
    is_ending, is_real_suffix, known_domains, split_suffix, COMMON_DOMAINS, DOT_QUIRK_DOMAINS,
    OTHER_REAL_DOMAINS, SLIPS,
};
use super::syntax::domain_problem;
use super::MAX_SUGGEST_DOMAIN;
use crate::chars::{is_dot_slip, is_full_stop};

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
    fn email_common_domains_are_well_formed_and_left_alone() {
        for d in known_domains() {
            assert_eq!(domain_problem(d), None, "{d}");
            assert_eq!(suggest_domain(d), None, "{d}");
        }
    }
}
