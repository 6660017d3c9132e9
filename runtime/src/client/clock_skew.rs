//! Clock-skew correction: signing with the service's idea of "now" once it has said that ours
//! is wrong.
//!
//! A SigV4 signature carries its time, and AWS refuses one more than 15 minutes away from its
//! own clock (`InvalidSignatureException: Signature expired ...`, `RequestTimeTooSkewed`, ...).
//! A machine whose clock drifted would otherwise fail every call until someone fixes the clock.
//! Like the AWS SDKs, the client then reads the response's `Date` header, remembers the offset
//! between the service's clock and ours, retries the attempt signed with the corrected time, and
//! signs every later call of the same client with it too.
//!
//! The correction is learned only from a clock-skew error whose `Date` is more than
//! [`MIN_CORRECTION`] away from the corrected time already in use: an error caused by something
//! else (a wrong key gives the same `InvalidSignatureException` code) comes with a `Date` close
//! to ours and is not retried, and a correction is never re-learned in a loop.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http::HeaderMap;

use crate::timestamp::http_date;

/// The error codes AWS services answer when a request's time is too far from theirs.
const CLOCK_SKEW_CODES: &[&str] = &[
    "InvalidSignatureException",
    "SignatureDoesNotMatch",
    "AuthFailure",
    "RequestExpired",
    "RequestInTheFuture",
    "RequestTimeTooSkewed",
];

/// How far the service's `Date` must be from the corrected time in use for a skew error to
/// change the correction (and be retried). `Date` has a resolution of one second and the
/// response took some time to arrive: a minute is far beyond both, and far below the 15
/// minutes AWS tolerates.
pub(crate) const MIN_CORRECTION: Duration = Duration::from_secs(60);

/// The offset to add to the local clock, shared by every call of one client.
#[derive(Debug, Default)]
pub(crate) struct ClockSkew {
    /// Service time minus local time, in milliseconds.
    offset_ms: AtomicI64,
}

impl ClockSkew {
    /// The time to sign with: `local` corrected by the learned offset.
    pub(crate) fn corrected(&self, local: SystemTime) -> SystemTime {
        shift(local, self.offset_ms.load(Ordering::Relaxed))
    }

    /// After an error response with `code`, received at `local`: when it is a clock-skew
    /// error and its `Date` header is more than [`MIN_CORRECTION`] from the corrected time,
    /// remembers the new offset and says `true` (the attempt is worth repeating).
    pub(crate) fn learn(&self, code: &str, headers: &HeaderMap, local: SystemTime) -> bool {
        if !CLOCK_SKEW_CODES.contains(&code) {
            return false;
        }
        let Some(server) = headers
            .get(http::header::DATE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| http_date::parse(v).ok())
        else {
            return false;
        };
        let server_ms = i64::try_from(server.unix_timestamp_nanos() / 1_000_000).unwrap_or(0);
        let offset = server_ms.saturating_sub(millis(local));
        let current = self.offset_ms.load(Ordering::Relaxed);
        let min = i64::try_from(MIN_CORRECTION.as_millis()).unwrap_or(i64::MAX);
        if offset.saturating_sub(current).saturating_abs() <= min {
            return false;
        }
        tracing::debug!(offset_ms = offset, "correcting the signing time for clock skew");
        self.offset_ms.store(offset, Ordering::Relaxed);
        true
    }
}

/// Milliseconds since the epoch (negative before it).
fn millis(t: SystemTime) -> i64 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_millis()).unwrap_or(i64::MAX),
        Err(before) => i64::try_from(before.duration().as_millis()).map_or(i64::MIN, |ms| -ms),
    }
}

/// `t` moved by `offset_ms` (unchanged if that leaves the representable range).
fn shift(t: SystemTime, offset_ms: i64) -> SystemTime {
    let by = Duration::from_millis(offset_ms.unsigned_abs());
    let moved = if offset_ms >= 0 {
        t.checked_add(by)
    } else {
        t.checked_sub(by)
    };
    moved.unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2015-08-30T12:36:00Z.
    fn local() -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(1_440_938_160)
    }

    fn dated(date: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(http::header::DATE, date.parse().unwrap());
        headers
    }

    #[test]
    fn a_skew_error_with_a_distant_date_corrects_later_signing_times() {
        let skew = ClockSkew::default();
        assert_eq!(skew.corrected(local()), local());
        // The service is one hour ahead.
        let headers = dated("Sun, 30 Aug 2015 13:36:00 GMT");
        assert!(skew.learn("InvalidSignatureException", &headers, local()));
        assert_eq!(skew.corrected(local()), local() + Duration::from_secs(3600));
        // The same correction again is not news: no retry loop.
        assert!(!skew.learn("InvalidSignatureException", &headers, local()));
    }

    #[test]
    fn a_service_behind_us_is_corrected_too() {
        let skew = ClockSkew::default();
        assert!(skew.learn("RequestTimeTooSkewed", &dated("Sun, 30 Aug 2015 11:36:00 GMT"), local()));
        assert_eq!(skew.corrected(local()), local() - Duration::from_secs(3600));
    }

    #[test]
    fn other_errors_and_close_or_missing_dates_change_nothing() {
        let skew = ClockSkew::default();
        let far = dated("Sun, 30 Aug 2015 13:36:00 GMT");
        assert!(!skew.learn("AccessDeniedException", &far, local()));
        // A wrong key: same code, but the clocks agree.
        assert!(!skew.learn(
            "InvalidSignatureException",
            &dated("Sun, 30 Aug 2015 12:36:30 GMT"),
            local()
        ));
        assert!(!skew.learn("InvalidSignatureException", &HeaderMap::new(), local()));
        assert!(!skew.learn("InvalidSignatureException", &dated("not a date"), local()));
        assert_eq!(skew.corrected(local()), local());
    }

    #[test]
    fn shifting_saturates_instead_of_panicking() {
        assert_eq!(
            shift(UNIX_EPOCH, i64::MIN),
            UNIX_EPOCH - Duration::from_millis(i64::MIN.unsigned_abs())
        );
        let _ = shift(local(), i64::MAX);
        assert_eq!(millis(UNIX_EPOCH - Duration::from_secs(1)), -1000);
    }
}
