//! What is known about real mail domains: the common ones a slip is corrected
//! to, the real ones that must never be "corrected", the ending slips, and how
//! a domain splits into a name and the suffix it is registered under.

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

/// Real mail domains beside the common ones. None is ever "corrected" (email.com
/// is one letter from gmail.com, sannet.ne.jp two from so-net.ne.jp), nor is
/// any of their subdomains (dion.ne.jp, eonet.ne.jp and odn.ne.jp hand out
/// "user@xx.dion.ne.jp"). One is suggested only for its own name typed whole
/// with a slipped ending (sannet.ne.jo); a changed name is never corrected to
/// one, which only stands in the way of a common domain as close (7mail.com).
/// The Japanese ones are providers, carriers and cable networks whose
/// subscribers log in with their address, from Thunderbird's ISPDB and
/// public lists of Japanese carrier and provider mail domains.
pub(super) const OTHER_REAL_DOMAINS: &[&str] = &[
    // Microsoft's Japanese Windows Live domain beside live.jp (ISPDB): with it
    // "live.co" is no certain slip of live.com
    "live.co.jp",
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

/// Real domains that are not a mail service people log in with, yet close
/// to one: never "corrected", never suggested, and a typed domain as close to
/// one as to a common domain gets no suggestion. SoftBank's site and its
/// company (staff mail under g.softbank.co.jp): "xsoftbank.jp" is no slip of
/// i.softbank.jp, nor "softbank.ci.jp" of softbank.ne.jp.
pub(super) const REAL_SITES: &[&str] = &["softbank.jp", "softbank.co.jp"];

pub(super) fn known_domains() -> impl Iterator<Item = &'static str> {
    COMMON_DOMAINS
        .iter()
        .chain(OTHER_REAL_DOMAINS)
        .chain(REAL_SITES)
        .copied()
}

/// The known domains that are not common.
pub(super) fn other_real_domains() -> impl Iterator<Item = &'static str> {
    OTHER_REAL_DOMAINS.iter().chain(REAL_SITES).copied()
}

/// Endings that exist nowhere, and the ending each was typed for: the name
/// before one is kept whatever it is ("pasona.con" -> "pasona.com"; ".co.jo":
/// Jordan has com.jo, not co.jo). An ending that can be real (".co" is
/// Colombia, ".jo" Jordan, ".cm" Cameroon) is never fixed by itself: only a
/// known name before it makes its slip certain (see `suggest`).
pub(super) const MADE_UP_ENDINGS: &[(&str, &str)] = &[
    (".con", ".com"),
    (".cmo", ".com"),
    (".ocm", ".com"),
    (".comm", ".com"),
    (".coom", ".com"),
    (".cpm", ".com"),
    (".xom", ".com"),
    (".vom", ".com"),
    (".co.jo", ".co.jp"),
    (".co.pj", ".co.jp"),
    (".cojp", ".co.jp"),
    (".co.j", ".co.jp"),
    (".ne.jo", ".ne.jp"),
    (".ne.pj", ".ne.jp"),
    (".nejp", ".ne.jp"),
    (".ne.j", ".ne.jp"),
    (".or.jo", ".or.jp"),
    (".orjp", ".or.jp"),
    (".or.j", ".or.jp"),
    (".ac.jo", ".ac.jp"),
    (".go.jo", ".go.jp"),
];

/// Providers whose mail exists under one domain only, and the suffixes under
/// which their name is a slip of it rather than another domain. Google and
/// Apple hand out mail under ".com" alone, so "gmail.co.jp" or "icloud.jp" is
/// the habit of a Japanese ending; docomo and au's ezweb only under ".ne.jp",
/// so "docomo.com" is the habit of ".com". Only across that line: under
/// another ".jp" category one Japanese company often holds its name too
/// (biglobe.co.jp is BIGLOBE's company, softbank.jp SoftBank's site,
/// docomo.co.jp stays a company's), nor under ".net" or other endings, where
/// the name may be anybody's (gmail.net). Providers with mail under several
/// suffixes (yahoo.co.jp, yahoo.com, yahoo.ne.jp; hotmail.co.jp, hotmail.com;
/// outlook.jp, outlook.com; live.jp, live.com) have no certain answer and are
/// not here.
pub(super) const ONE_SUFFIX_PROVIDERS: &[(&str, &[&str])] = &[
    ("gmail.com", &["jp", "co.jp", "ne.jp", "or.jp"]),
    ("googlemail.com", &["jp", "co.jp", "ne.jp", "or.jp"]),
    ("icloud.com", &["jp", "co.jp", "ne.jp", "or.jp"]),
    ("docomo.ne.jp", &["com"]),
    ("ezweb.ne.jp", &["com"]),
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

/// Domains whose addresses may break the dot rules (see the syntax check).
pub(super) const DOT_QUIRK_DOMAINS: [&str; 2] = ["docomo.ne.jp", "ezweb.ne.jp"];

/// (name, suffix): "docomo.ne.jp" -> ("docomo", "ne.jp"), "hotmail.co.uk" ->
/// ("hotmail", "co.uk"), "i.softbank.jp" -> ("i.softbank", "jp"),
/// "gmail.com" -> ("gmail", "com").
pub(super) fn split_suffix(d: &str) -> (&str, &str) {
    let Some((head, tld)) = d.rsplit_once('.') else {
        return (d, "");
    };
    if let Some((name, sld)) = head.rsplit_once('.') {
        if is_second_level(sld, tld) {
            // `name` ends at a '.', so this index is a boundary.
            return (name, &d[name.len() + 1..]);
        }
    }
    (head, tld)
}

/// Whether names are registered under `sld` in the country `tld`.
fn is_second_level(sld: &str, tld: &str) -> bool {
    if tld == "jp" {
        JP_SECOND_LEVEL.contains(&sld)
    } else {
        tld.len() == 2
            && tld.bytes().all(|b| b.is_ascii_lowercase())
            && FOREIGN_SECOND_LEVEL.contains(&sld)
    }
}

/// Whether `rest` is a whole ending: a real top-level domain ("com", "jp") or a
/// real second level with its country ("co.jp", "ne.jp", "co.uk").
pub(super) fn is_ending(rest: &str) -> bool {
    match rest.split_once('.') {
        None => is_real_suffix(rest),
        Some((sld, tld)) => is_second_level(sld, tld) && is_real_suffix(rest),
    }
}

/// Whether a suffix can end a real domain. The [`MADE_UP_ENDINGS`]
/// (".co.jo", ".ne.pj") cannot, even where their parts look like one.
pub(super) fn is_real_suffix(suffix: &str) -> bool {
    if MADE_UP_ENDINGS.iter().any(|(slip, _)| slip[1..] == *suffix) {
        return false;
    }
    if suffix.contains('.') {
        return true; // only the second levels above split that way
    }
    REAL_GENERIC_TLDS.contains(&suffix)
        || (suffix.len() == 2 && suffix.bytes().all(|b| b.is_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn email_endings_are_top_levels_or_second_levels_with_their_country() {
        for e in [
            "com", "jp", "net", "co.jp", "ne.jp", "or.jp", "co.uk", "com.au",
        ] {
            assert!(is_ending(e), "{e}");
        }
        for e in [
            "",
            "mail.com",
            "pasona.co.jp",
            "home.ne.jp",
            "co.jo",
            "con",
            "co.jpp",
            "x.y.z",
        ] {
            assert!(!is_ending(e), "{e}");
        }
        assert!(is_second_level("ne", "jp") && is_second_level("com", "au"));
        assert!(!is_second_level("com", "jp"), "Japan has no com.jp");
        assert!(!is_second_level("co", "com") && !is_second_level("co", "J1"));
    }

    #[test]
    fn email_made_up_endings_are_not_real_suffixes() {
        assert!(!is_real_suffix("co.jo"));
        assert!(is_real_suffix("co.uk") && is_real_suffix("ne.jp") && is_real_suffix("jo"));
    }
}
