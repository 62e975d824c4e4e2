//! How many edits apart a typed domain and a known one are, and whether one
//! edit is a slip of a finger on a keyboard.

/// Optimal string alignment distance (Damerau–Levenshtein where each
/// substring is edited once: insertion, deletion, substitution, transposition
/// of neighbours), or `None` as soon as it must exceed `limit`.
pub(super) fn osa_distance_within(a: &[char], b: &str, limit: usize) -> Option<usize> {
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

/// A QWERTY keyboard's rows (a Japanese JIS keyboard has the same letters and
/// digits in the same places); each row sits about half a key to the right of
/// the one above, so a key touches two keys above and two below.
const ROWS: [&[u8]; 4] = [b"1234567890-", b"qwertyuiop[", b"asdfghjkl;", b"zxcvbnm,./"];

/// Whether two keys touch.
fn keys_touch(a: char, b: char) -> bool {
    let at = |c: char| {
        ROWS.iter().enumerate().find_map(|(r, row)| {
            let c = u8::try_from(c).ok()?;
            row.iter().position(|&k| k == c).map(|i| (r, i))
        })
    };
    let (Some((ra, ia)), Some((rb, ib))) = (at(a), at(b)) else {
        return false;
    };
    match rb as isize - ra as isize {
        0 => ia.abs_diff(ib) == 1,
        // The row below starts half a key further right.
        1 => ib == ia || ib + 1 == ia,
        -1 => ia == ib || ia + 1 == ib,
        _ => false,
    }
}

/// Whether `typed`, one edit from `target`, is what one finger's slip makes of
/// it: a key left out, two keys swapped, a key typed for one it touches, or a
/// key doubled or touching its neighbour added. "7mail" is such a slip of
/// ymail and not of gmail (7 is far from g); "sonet" of both so-net (a key
/// left out) and eonet (s touches e).
pub(super) fn is_key_slip(typed: &[char], target: &str) -> bool {
    let target: Vec<char> = target.chars().collect();
    let first = typed
        .iter()
        .zip(&target)
        .take_while(|(a, b)| a == b)
        .count();
    match typed.len() as isize - target.len() as isize {
        -1 => true,
        0 => {
            let swapped = first + 1 < typed.len()
                && typed[first] == target[first + 1]
                && typed[first + 1] == target[first];
            swapped
                || typed
                    .get(first)
                    .is_some_and(|&c| keys_touch(c, target[first]))
        }
        1 => {
            // The extra key beside one it repeats or touches.
            let extra = typed[first];
            let beside = [first.checked_sub(1), Some(first + 1)];
            beside
                .into_iter()
                .flatten()
                .filter_map(|i| typed.get(i))
                .any(|&c| c == extra || keys_touch(c, extra))
        }
        _ => false,
    }
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
    fn email_keys_touch_their_neighbours_on_three_rows() {
        for k in "uihknm".chars() {
            assert!(keys_touch('j', k) && keys_touch(k, 'j'), "j {k}");
        }
        for k in "ol0-[".chars() {
            assert!(keys_touch('p', k) && keys_touch(k, 'p'), "p {k}");
        }
        for k in "yogbj".chars().filter(|&k| k != 'j') {
            assert!(!keys_touch('j', k), "j {k}");
        }
        assert!(keys_touch('e', 's') && keys_touch('s', 'e'));
        assert!(keys_touch('m', ',') && keys_touch('.', 'l'));
        assert!(!keys_touch('g', '7') && !keys_touch('q', 'p'));
        assert!(!keys_touch('1', 'z'), "two rows apart");
        assert!(!keys_touch('j', 'j'), "a key does not touch itself");
        assert!(!keys_touch('あ', 'j') && !keys_touch('j', 'J'));
    }

    #[test]
    fn email_a_key_slip_is_one_fingers_mistake() {
        let slip = |a: &str, b: &str| is_key_slip(&a.chars().collect::<Vec<_>>(), b);
        assert!(slip("7mail.com", "ymail.com"), "7 touches y");
        assert!(!slip("7mail.com", "gmail.com"), "7 is far from g");
        assert!(slip("sonet.ne.jp", "so-net.ne.jp"), "a key left out");
        assert!(slip("sonet.ne.jp", "eonet.ne.jp"), "s touches e");
        assert!(slip("gmial.com", "gmail.com"), "two keys swapped");
        assert!(slip("mmail.com", "mail.com"), "a key doubled");
        assert!(slip("gmaill.com", "gmail.com"), "doubled at the end");
        assert!(slip("ypmobile.ne.jp", "y-mobile.ne.jp"), "p touches -");
        assert!(slip("gmakil.com", "gmail.com"), "k added beside l");
        assert!(
            !slip("ymobile2.ne.jp", "ymobile.ne.jp"),
            "2 is beside neither e nor ."
        );
        assert!(
            !slip("gxmail.com", "gmail.com"),
            "x is beside neither g nor m"
        );
        assert!(!slip("gmail.com", "gmail.com.br"), "not one edit");
    }

    #[test]
    fn email_osa_stops_over_the_limit() {
        assert_eq!(osa("gmial.con", "gmail.com", 1), None);
        assert_eq!(osa("pasona.co.jp", "yahoo.co.jp", 2), None);
        assert_eq!(osa("a", "abcdef", 2), None);
    }
}
