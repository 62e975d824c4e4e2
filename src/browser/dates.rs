//! Civil dates (Howard Hinnant's algorithms), proleptic Gregorian, UTC.

/// Days outside 1970-01-01 ..= 9999-12-31 are taken as the nearest end, so
/// that no date arithmetic here can overflow, whatever the page sent.
pub(super) fn clamp_day(day: i64) -> i64 {
    day.clamp(0, days_from_civil(9999, 12, 31))
}

/// Days since 1970-01-01 of `year-month-day`. `month` is 1–12 and `day` 1–31;
/// years beyond ±1,000,000,000 are clamped.
pub const fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if year > 1_000_000_000 {
        1_000_000_000
    } else if year < -1_000_000_000 {
        -1_000_000_000
    } else {
        year
    };
    let (m, d) = (month as i64, day as i64);
    let y = if m <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `(year, month, day)` of a count of days since 1970-01-01; counts beyond
/// ±100,000,000,000 are clamped.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days.clamp(-100_000_000_000, 100_000_000_000) + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m as u32, d as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        for d in (-800_000..800_000).step_by(97) {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
    }
}
