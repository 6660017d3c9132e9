//! `epoch-seconds`: seconds since 1970-01-01T00:00:00Z, with optional
//! millisecond precision.
//!
//! In JSON it is a number: an integer (`1700000000`) when there is no
//! sub-second part, else a float with millisecond precision
//! (`1700000000.123`). Deserializing accepts any JSON integer or float; floats
//! are rounded to the microsecond, the most a 64-bit float carries for current
//! dates. The string form ([`format()`], [`parse`]) has the same digits.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};

use super::{Timestamp, TimestampError, civil, from_unix_nanos};

const FORMAT: &str = "epoch-seconds";
const SYNTAX: &str = "expected seconds since the Unix epoch, such as 1700000000 or 1700000000.123";
const RANGE: &str = "out of the supported range";

/// Whole seconds and truncated milliseconds, as a count of milliseconds.
fn total_millis(t: &Timestamp) -> (i128, u16) {
    let millis = u16::try_from(t.nanosecond() / 1_000_000).unwrap_or(0);
    (i128::from(t.unix_timestamp()) * 1000 + i128::from(millis), millis)
}

/// Serializes as a JSON integer, or a float when there are milliseconds.
pub fn serialize<S: Serializer>(t: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
    match total_millis(t) {
        (_, 0) => s.serialize_i64(t.unix_timestamp()),
        // Exact integers divided once: the nearest double to the decimal value,
        // which prints back as the same digits.
        (total, _) => s.serialize_f64(total as f64 / 1000.0),
    }
}

/// Deserializes a JSON integer or float.
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
    d.deserialize_any(EpochVisitor)
}

/// The string form: `1700000000`, `1700000000.123` or `-0.5`.
pub fn format(t: &Timestamp) -> String {
    let (total, _) = total_millis(t);
    let mut out = String::new();
    if total < 0 {
        out.push('-');
    }
    let magnitude = total.unsigned_abs();
    out.push_str(&(magnitude / 1000).to_string());
    // For negative values the digits differ from `nanosecond()`: -0.5 is -1 s + 500 ms.
    civil::push_millis(&mut out, u16::try_from(magnitude % 1000).unwrap_or(0));
    out
}

/// Parses the string form: an optional `-`, digits, and optionally `.` and
/// more digits (beyond nanoseconds they are ignored). Nothing else is accepted:
/// no `+`, exponent or surrounding whitespace.
pub fn parse(s: &str) -> Result<Timestamp, TimestampError> {
    let syntax = || TimestampError::new(FORMAT, s, SYNTAX);
    let range = || TimestampError::new(FORMAT, s, RANGE);
    let (negative, unsigned) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let all_digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) || !fraction.is_none_or(all_digits) {
        return Err(syntax());
    }
    let seconds: i128 = whole.parse().map_err(|_| range())?;
    let nanos = fraction.map_or(0, fraction_nanos);
    let total = seconds
        .checked_mul(1_000_000_000)
        .and_then(|n| n.checked_add(nanos))
        .ok_or_else(range)?;
    from_unix_nanos(FORMAT, s, if negative { -total } else { total })
}

/// Nanoseconds from fraction digits (already checked to be ASCII digits).
fn fraction_nanos(digits: &str) -> i128 {
    let mut nanos = 0;
    let mut scale = 1_000_000_000;
    for b in digits.bytes().take(9) {
        scale /= 10;
        nanos += i128::from(b - b'0') * scale;
    }
    nanos
}

fn from_f64<E: de::Error>(v: f64) -> Result<Timestamp, E> {
    let error = |reason| E::custom(TimestampError::new(FORMAT, &v.to_string(), reason));
    if !v.is_finite() {
        return Err(error("not a finite number"));
    }
    // Split first: the fraction of a large value is exact, its product with 1e6 is not.
    let seconds = v.floor();
    if seconds.abs() >= 1e15 {
        return Err(error(RANGE));
    }
    let micros = ((v - seconds) * 1e6).round();
    // Both are integral and well within i128, so the conversions are exact.
    let nanos = seconds as i128 * 1_000_000_000 + micros as i128 * 1000;
    Timestamp::from_unix_timestamp_nanos(nanos).map_err(|_| error(RANGE))
}

struct EpochVisitor;

impl Visitor<'_> for EpochVisitor {
    type Value = Timestamp;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("epoch seconds as a JSON number")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Timestamp, E> {
        Timestamp::from_unix_timestamp(v).map_err(|_| E::custom(TimestampError::new(FORMAT, &v.to_string(), RANGE)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Timestamp, E> {
        match i64::try_from(v) {
            Ok(v) => self.visit_i64(v),
            Err(_) => Err(E::custom(TimestampError::new(FORMAT, &v.to_string(), RANGE))),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Timestamp, E> {
        from_f64(v)
    }
}

format_glue!(EpochSeconds);

#[cfg(test)]
mod tests;
