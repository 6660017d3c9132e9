//! UTC calendar fields of a timestamp, computed from its Unix time.
//!
//! Converting with `OffsetDateTime::to_offset` can panic when the UTC value
//! falls outside the range `time` supports (for example
//! `9999-12-31T23:59:59-01:00`); this arithmetic cannot.

use std::fmt::Write as _;

use super::Timestamp;

/// Calendar fields in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Civil {
    pub year: i64,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31.
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// 0 (Monday) to 6 (Sunday).
    pub weekday: u8,
    /// Milliseconds within the second, truncated.
    pub millis: u16,
}

pub(super) fn utc(t: &Timestamp) -> Civil {
    let secs = t.unix_timestamp();
    let days = secs.div_euclid(86_400);
    let in_day = secs.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    Civil {
        year,
        month: narrow(month),
        day: narrow(day),
        hour: narrow(in_day / 3600),
        minute: narrow(in_day / 60 % 60),
        second: narrow(in_day % 60),
        // 1970-01-01 was a Thursday (3 when Monday is 0).
        weekday: narrow((days + 3).rem_euclid(7)),
        millis: u16::try_from(t.nanosecond() / 1_000_000).unwrap_or(0),
    }
}

/// Values here are small by construction; 0 would only show up on a bug.
fn narrow(n: i64) -> u8 {
    u8::try_from(n).unwrap_or(0)
}

/// Howard Hinnant's `civil_from_days`: (year, month, day) of a count of days
/// since 1970-01-01 in the proleptic Gregorian calendar. Exact for any input
/// within ±2^40 days, far beyond what a `Timestamp` holds.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Appends a year as four digits, with a leading `-` before year 0 and more
/// digits after 9999 (neither occurs for timestamps in the RFC 3339 range).
pub(super) fn push_year(out: &mut String, year: i64) {
    if year < 0 {
        out.push('-');
    }
    let _ = write!(out, "{:04}", year.unsigned_abs());
}

/// Appends `.123`, `.12` or `.1` (trailing zeros trimmed), or nothing for 0.
pub(super) fn push_millis(out: &mut String, millis: u16) {
    if millis == 0 {
        return;
    }
    let mut digits = format!(".{millis:03}");
    while digits.ends_with('0') {
        digits.pop();
    }
    out.push_str(&digits);
}

pub(super) fn weekday_name(weekday: u8) -> &'static str {
    match weekday {
        0 => "Mon",
        1 => "Tue",
        2 => "Wed",
        3 => "Thu",
        4 => "Fri",
        5 => "Sat",
        _ => "Sun",
    }
}

pub(super) fn month_name(month: u8) -> &'static str {
    match month {
        1 => "Jan",
        2 => "Feb",
        3 => "Mar",
        4 => "Apr",
        5 => "May",
        6 => "Jun",
        7 => "Jul",
        8 => "Aug",
        9 => "Sep",
        10 => "Oct",
        11 => "Nov",
        _ => "Dec",
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn matches_time_for_many_dates() {
        // Every 7 hours and 13 seconds across ±400 years around the epoch, plus the extremes.
        let step = 7 * 3600 + 13;
        let mut secs = -12_700_000_000_i64;
        let mut checked = 0;
        while secs < 12_700_000_000 {
            let t = Timestamp::from_unix_timestamp(secs).unwrap();
            let c = utc(&t);
            assert_eq!(c.year, i64::from(t.year()), "{t}");
            assert_eq!(c.month, u8::from(t.month()), "{t}");
            assert_eq!(c.day, t.day(), "{t}");
            assert_eq!((c.hour, c.minute, c.second), (t.hour(), t.minute(), t.second()), "{t}");
            assert_eq!(c.weekday, t.weekday().number_days_from_monday(), "{t}");
            secs += step * 97;
            checked += 1;
        }
        assert!(checked > 10_000);
    }

    #[test]
    fn extremes_and_offsets() {
        let max = datetime!(9999-12-31 23:59:59.999_999_999 UTC);
        let c = utc(&max);
        assert_eq!((c.year, c.month, c.day, c.second, c.millis), (9999, 12, 31, 59, 999));
        let min = datetime!(-9999-01-01 00:00:00 UTC);
        assert_eq!(utc(&min).year, -9999);
        // A UTC value past the end of what `time` supports does not panic.
        let past_end = datetime!(9999-12-31 23:59:59 -01:00);
        let c = utc(&past_end);
        assert_eq!((c.year, c.month, c.day, c.hour), (10000, 1, 1, 0));
        let before = datetime!(1969-12-31 23:59:59.5 UTC);
        let c = utc(&before);
        assert_eq!(
            (c.year, c.month, c.day, c.second, c.millis, c.weekday),
            (1969, 12, 31, 59, 500, 2)
        );
    }

    #[test]
    fn years_and_millis() {
        let mut s = String::new();
        push_year(&mut s, 7);
        s.push(' ');
        push_year(&mut s, -1);
        s.push(' ');
        push_year(&mut s, 10000);
        assert_eq!(s, "0007 -0001 10000");
        for (ms, text) in [
            (0, ""),
            (1, ".001"),
            (10, ".01"),
            (100, ".1"),
            (120, ".12"),
            (123, ".123"),
        ] {
            let mut s = String::new();
            push_millis(&mut s, ms);
            assert_eq!(s, text);
        }
    }
}
