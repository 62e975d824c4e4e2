//! The release calendars: which major of Chrome (and Edge), Firefox or Safari
//! is current on a day, and which Firefox ESR majors are still supported.
//!
//! "Current" never rests on a table of versions, which would go stale in the
//! store: it is estimated from each vendor's release calendar and the date.
//!
//! * Chrome (and Edge, which ships each major within days of it): four-week
//!   trains until Chrome 152, modelled as one major every 31.3 days from
//!   Chrome 138 (2025-06-24), the mean of the real calendar since 2021 (its
//!   summer and holiday gaps make a pure 28-day model gain about 1.4 majors a
//!   year). From Chrome 153 (2026-09-08) Google ships a major every two weeks.
//! * Firefox: every 28 days from Firefox 140 (2025-06-24) until 153; from
//!   Firefox 154 (2026-08-18) every two weeks. One ESR major a year (below).
//! * Safari: one major each September (the 15th here): 16 = 2022,
//!   17 = 2023, 18 = 2024, then year-numbered, 26 = 2025, 27 = 2026, …

use super::dates::{civil_from_days, clamp_day, days_from_civil};
use super::Family;

/// The previous Firefox ESR stays supported this long after the next one ships.
const ESR_OVERLAP_DAYS: i64 = 84;

/// A release train that changed speed once.
pub(super) struct Train {
    /// Before `fast_day`: `major` from `day`, one every `period_x10 / 10` days.
    major: i64,
    day: i64,
    period_x10: i64,
    /// From `fast_day` on: `fast_major`, then one every `fast_period` days.
    fast_major: i64,
    fast_day: i64,
    fast_period: i64,
}

impl Train {
    pub(super) fn major_on(&self, today: i64) -> i64 {
        if today >= self.fast_day {
            self.fast_major + (today - self.fast_day).div_euclid(self.fast_period)
        } else {
            let m = self.major + ((today - self.day) * 10).div_euclid(self.period_x10);
            m.min(self.fast_major - 1)
        }
    }

    /// The first day `major_on` reaches `major` (or passes it: a major the
    /// old train had not reached when the fast one started was never
    /// released, and is passed on the fast train's first day).
    pub(super) fn release_day(&self, major: i64) -> i64 {
        if major >= self.fast_major {
            self.fast_day + (major - self.fast_major) * self.fast_period
        } else {
            let d = self.day - (-(major - self.major) * self.period_x10).div_euclid(10);
            d.min(self.fast_day)
        }
    }
}

/// Chrome 138 = 2025-06-24; Chrome 153 = 2026-09-08, then every 14 days.
const CHROME: Train = Train {
    major: 138,
    day: days_from_civil(2025, 6, 24),
    period_x10: 313,
    fast_major: 153,
    fast_day: days_from_civil(2026, 9, 8),
    fast_period: 14,
};

/// Firefox 140 = 2025-06-24, every 28 days; Firefox 154 = 2026-08-18, then
/// every 14 days.
const FIREFOX: Train = Train {
    major: 140,
    day: days_from_civil(2025, 6, 24),
    period_x10: 280,
    fast_major: 154,
    fast_day: days_from_civil(2026, 8, 18),
    fast_period: 14,
};

pub(super) fn train(family: Family) -> Option<&'static Train> {
    match family {
        Family::Chrome | Family::Edge => Some(&CHROME),
        Family::Firefox => Some(&FIREFOX),
        Family::Opera | Family::Brave | Family::Vivaldi | Family::Yandex | Family::Safari => None,
    }
}

/// The estimated current stable major of Chrome, Edge, Firefox or Safari on
/// `today` (days since 1970-01-01, UTC, from JS
/// `Math.floor(Date.now() / 86400000)`); `None` for other families (their
/// own numbers follow no calendar here) or dates before the model starts.
pub fn current_major(family: Family, today: i64) -> Option<u32> {
    let today = clamp_day(today);
    let m = match family {
        Family::Safari => safari_major_of_year(safari_year(today))?,
        _ => train(family)?.major_on(today),
    };
    u32::try_from(m).ok().filter(|&m| m > 0)
}

/// The year of the latest Safari major released on or before `today`.
pub(super) fn safari_year(today: i64) -> i64 {
    let (y, m, d) = civil_from_days(today);
    if (m, d) >= (9, 15) {
        y
    } else {
        y - 1
    }
}

fn safari_major_of_year(year: i64) -> Option<i64> {
    match year {
        2025.. => Some(year - 1999),
        2012..=2024 => Some(year - 2006),
        _ => None,
    }
}

/// The year a Safari major shipped. 19–25 were never released (Apple jumped
/// from 18 to 26); they count as 2025 so that they are never called outdated
/// before 26 is.
pub(super) fn safari_year_of_major(major: u32) -> i64 {
    let major = i64::from(major);
    match major {
        26.. => major + 1999,
        19..=25 => 2025,
        _ => major + 2006,
    }
}

// ---------------------------------------------------------------------------
// Firefox ESR

/// The ESR majors Mozilla has shipped, with their release days. Until the
/// two-week train one ESR came every 13 majors; with it the next number
/// cannot be predicted, so later years use [`esr_of_year`]'s window.
const ESR_KNOWN: [(u32, i64); 7] = [
    (78, days_from_civil(2020, 6, 30)),
    (91, days_from_civil(2021, 8, 10)),
    (102, days_from_civil(2022, 6, 28)),
    (115, days_from_civil(2023, 7, 4)),
    (128, days_from_civil(2024, 7, 9)),
    (140, days_from_civil(2025, 6, 24)),
    (153, days_from_civil(2026, 7, 21)),
];

/// The ESR of `year`: the range of majors it may be, and its release day.
/// After the known list, Mozilla's yearly ESR is assumed on July 1 and may be
/// any major current within three weeks of it (about four majors).
fn esr_of_year(year: i64) -> Option<(u32, u32, i64)> {
    if let Some(&(m, day)) = ESR_KNOWN
        .iter()
        .find(|(_, day)| civil_from_days(*day).0 == year)
    {
        return Some((m, m, day));
    }
    let last_known = civil_from_days(ESR_KNOWN[ESR_KNOWN.len() - 1].1).0;
    if year <= last_known {
        return None;
    }
    let day = days_from_civil(year, 7, 1);
    let lo = u32::try_from(FIREFOX.major_on(day - 21)).ok()?;
    let hi = u32::try_from(FIREFOX.major_on(day + 21)).ok()?;
    Some((lo, hi, day))
}

/// An ESR major in support on `today`: the newest ESR released, or the one
/// before it until [`ESR_OVERLAP_DAYS`] after the newest shipped.
pub(super) fn esr_supported(major: u32, today: i64) -> bool {
    let year = civil_from_days(today).0;
    let newest_year = match esr_of_year(year) {
        Some((_, _, day)) if day <= today => year,
        _ => year - 1,
    };
    let Some((lo, hi, released)) = esr_of_year(newest_year) else {
        return false;
    };
    if (lo..=hi).contains(&major) {
        return true;
    }
    matches!(
        esr_of_year(newest_year - 1),
        Some((plo, phi, _)) if (plo..=phi).contains(&major) && today < released + ESR_OVERLAP_DAYS
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn release_day_inverts_major_on() {
        // The real trains reach every old major before the switch; this one
        // (10 from day 0 every 10 days, 20 from day 50) skips 15 to 19.
        let short = Train {
            major: 10,
            day: 0,
            period_x10: 100,
            fast_major: 20,
            fast_day: 50,
            fast_period: 5,
        };
        assert_eq!(short.major_on(49), 14);
        assert_eq!(short.release_day(17), 50);
        for t in [&CHROME, &FIREFOX, &short] {
            for m in 1..400 {
                let d = t.release_day(m);
                assert!(t.major_on(d) >= m && t.major_on(d - 1) < m, "major {m}");
                if m <= t.major_on(t.fast_day - 1) || m >= t.fast_major {
                    assert_eq!(t.major_on(d), m, "major {m}");
                }
            }
        }
    }

    #[test]
    fn esr_windows() {
        assert_eq!(
            esr_of_year(2026),
            Some((153, 153, days_from_civil(2026, 7, 21)))
        );
        assert_eq!(esr_of_year(2019), None);
        let (lo, hi, _) = esr_of_year(2027).unwrap();
        assert!(lo < hi && hi - lo <= 3, "{lo}..={hi}");
    }
}
