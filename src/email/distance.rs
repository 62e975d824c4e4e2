//! How many edits apart a typed domain and a known one are.

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
}
