//! When to try again and how long to wait first: the AWS SDKs' *standard* retry mode.
//!
//! The decisions are pure functions of what one attempt produced, so they are tested here
//! without a network; [`crate::client::Handle`] only applies them.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use crate::protocol::Retry;

/// The user's hook that can make an error response retryable (see
/// [`crate::client::ConfigBuilder::retry_classifier`]).
#[derive(Clone)]
pub struct RetryClassifier(Arc<ClassifyFn>);

/// The hook's function: status and error code in, a kind of retry (or no opinion) out.
type ClassifyFn = dyn Fn(u16, &str) -> Option<Retry> + Send + Sync;

impl RetryClassifier {
    pub(crate) fn new(classify: impl Fn(u16, &str) -> Option<Retry> + Send + Sync + 'static) -> Self {
        RetryClassifier(Arc::new(classify))
    }
}

impl fmt::Debug for RetryClassifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RetryClassifier(..)")
    }
}

/// Error codes that mean "slow down": the request was fine, the caller was too fast.
const THROTTLING_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
];

/// Error codes of transient failures on the service's side, whatever their status.
const TRANSIENT_CODES: &[&str] = &[
    "RequestTimeout",
    "RequestTimeoutException",
    "InternalError",
    "ServiceUnavailable",
];

/// Why an attempt is worth repeating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RetryReason {
    /// HTTP 429 or a throttling error code.
    Throttling,
    /// A transient error: a `@retryable` one, or a transient code (`RequestTimeout`,
    /// `InternalError`, ...).
    TransientCode,
    /// A 5xx status.
    ServerError,
    /// The connection failed or broke (refused, reset, closed early).
    Transport,
    /// The attempt took longer than the attempt timeout.
    Timeout,
    /// The service refused the request's time, and its `Date` taught the client the offset
    /// (see [`super::clock_skew`]).
    ClockSkew,
}

impl fmt::Display for RetryReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RetryReason::Throttling => "throttled",
            RetryReason::TransientCode => "transient error",
            RetryReason::ServerError => "server error",
            RetryReason::Transport => "connection failed",
            RetryReason::Timeout => "attempt timed out",
            RetryReason::ClockSkew => "clock skew corrected",
        })
    }
}

/// Whether an error response is worth retrying, and why. In order: the user's hook, then what
/// the model says of the decoded error (`@retryable`, `modeled`), then
/// [`classify_response`], the standard mode's fallback for errors the model says nothing of.
pub(crate) fn classify_error(
    status: u16,
    code: &str,
    modeled: Option<Retry>,
    hook: Option<&RetryClassifier>,
) -> Option<RetryReason> {
    let from_hook = hook.and_then(|hook| (hook.0)(status, code));
    match from_hook.or(modeled) {
        Some(Retry::Throttling) => Some(RetryReason::Throttling),
        Some(Retry::Transient) => Some(RetryReason::TransientCode),
        None => classify_response(status, Some(code)),
    }
}

/// Whether an error response is worth retrying. `code` is the normalized error code, when
/// the response names one. Other 4xx are the caller's fault: sending them again cannot help.
/// 501 is excluded from the 5xx: it means the operation is not implemented (our own server
/// answers it for operations it does not provide), which no retry changes.
pub(crate) fn classify_response(status: u16, code: Option<&str>) -> Option<RetryReason> {
    if let Some(code) = code {
        if THROTTLING_CODES.contains(&code) {
            return Some(RetryReason::Throttling);
        }
        if TRANSIENT_CODES.contains(&code) {
            return Some(RetryReason::TransientCode);
        }
    }
    match status {
        429 => Some(RetryReason::Throttling),
        501 => None,
        500..=599 => Some(RetryReason::ServerError),
        _ => None,
    }
}

/// The longest wait before retry number `retry` (0 for the first retry):
/// `min(max, initial * 2^retry)`, saturating at `max` instead of overflowing.
pub(crate) fn backoff_ceiling(retry: u32, initial: Duration, max: Duration) -> Duration {
    2u32.checked_pow(retry)
        .and_then(|factor| initial.checked_mul(factor))
        .map_or(max, |delay| delay.min(max))
}

/// The wait before retry number `retry`: "full jitter", uniformly random between zero and
/// [`backoff_ceiling`], so that clients throttled together do not retry together.
pub(crate) fn backoff(retry: u32, initial: Duration, max: Duration) -> Duration {
    let ceiling = backoff_ceiling(retry, initial, max);
    let nanos = u64::try_from(ceiling.as_nanos()).unwrap_or(u64::MAX);
    Duration::from_nanos(fastrand::u64(0..=nanos))
}

/// The standard mode's retry quota, shared by every call of one handle: each retry spends
/// tokens and each success gives some back, so when a service is down the client stops
/// multiplying its load by `max_attempts` and fails fast instead.
#[derive(Debug)]
pub(crate) struct RetryQuota {
    available: AtomicU32,
}

/// The quota's size, as in the AWS SDKs.
const QUOTA_CAPACITY: u32 = 500;
/// What one retry costs.
const RETRY_COST: u32 = 5;
/// What one retry after a timeout or broken connection costs: those are likelier to mean the
/// service is overwhelmed.
const TIMEOUT_RETRY_COST: u32 = 10;
/// What a call that succeeds at the first attempt gives back.
const NO_RETRY_INCREMENT: u32 = 1;

impl RetryQuota {
    /// A full quota.
    pub(crate) fn new() -> Self {
        RetryQuota {
            available: AtomicU32::new(QUOTA_CAPACITY),
        }
    }

    /// Takes the cost of one retry for `reason`; `None` (and nothing taken) when the quota
    /// cannot pay for it.
    pub(crate) fn acquire(&self, reason: RetryReason) -> Option<u32> {
        let cost = match reason {
            RetryReason::Transport | RetryReason::Timeout => TIMEOUT_RETRY_COST,
            _ => RETRY_COST,
        };
        self.available
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |available| {
                available.checked_sub(cost)
            })
            .ok()
            .map(|_| cost)
    }

    /// A call succeeded: gives back the cost of its last retry (`Some`), or a little when it
    /// needed none, never beyond the capacity.
    pub(crate) fn release(&self, last_retry_cost: Option<u32>) {
        let amount = last_retry_cost.unwrap_or(NO_RETRY_INCREMENT);
        // The closure always returns Some, so the update cannot fail.
        let _ = self
            .available
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |available| {
                Some(available.saturating_add(amount).min(QUOTA_CAPACITY))
            });
    }

    #[cfg(test)]
    pub(crate) fn available(&self) -> u32 {
        self.available.load(Ordering::Acquire)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttling_and_transient_codes_are_retried_whatever_the_status() {
        for code in THROTTLING_CODES {
            assert_eq!(
                classify_response(400, Some(code)),
                Some(RetryReason::Throttling),
                "{code}"
            );
        }
        for code in TRANSIENT_CODES {
            assert_eq!(
                classify_response(400, Some(code)),
                Some(RetryReason::TransientCode),
                "{code}"
            );
        }
    }

    #[test]
    fn statuses_decide_when_the_code_does_not() {
        assert_eq!(classify_response(429, None), Some(RetryReason::Throttling));
        assert_eq!(
            classify_response(500, Some("InternalServerException")),
            Some(RetryReason::ServerError)
        );
        assert_eq!(classify_response(502, None), Some(RetryReason::ServerError));
        assert_eq!(
            classify_response(503, Some("UnknownError")),
            Some(RetryReason::ServerError)
        );
        assert_eq!(classify_response(504, None), Some(RetryReason::ServerError));
        assert_eq!(classify_response(501, Some("NotImplementedException")), None);
        for status in [300, 304, 400, 401, 403, 404, 409, 413] {
            assert_eq!(classify_response(status, Some("ValidationException")), None, "{status}");
            assert_eq!(classify_response(status, None), None, "{status}");
        }
        // Codes are compared exactly, as the SDKs do.
        assert_eq!(classify_response(400, Some("throttlingexception")), None);
    }

    #[test]
    fn the_hook_then_the_model_decide_before_the_fallback() {
        let hook = RetryClassifier::new(|status, code| (status == 409 && code == "Busy").then_some(Retry::Transient));
        assert_eq!(
            classify_error(409, "Busy", None, Some(&hook)),
            Some(RetryReason::TransientCode)
        );
        assert_eq!(classify_error(409, "Other", None, Some(&hook)), None);
        // `@retryable(throttling: true)` on an error the fallback would not retry.
        assert_eq!(
            classify_error(400, "SlowerPlease", Some(Retry::Throttling), None),
            Some(RetryReason::Throttling)
        );
        assert_eq!(
            classify_error(400, "TryAgain", Some(Retry::Transient), None),
            Some(RetryReason::TransientCode)
        );
        // Nothing modeled: the code list and the status decide.
        assert_eq!(
            classify_error(400, "ThrottlingException", None, None),
            Some(RetryReason::Throttling)
        );
        assert_eq!(
            classify_error(503, "Whatever", None, None),
            Some(RetryReason::ServerError)
        );
        assert_eq!(classify_error(400, "Whatever", None, None), None);
        assert_eq!(format!("{hook:?}"), "RetryClassifier(..)");
    }

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let ms = Duration::from_millis;
        assert_eq!(backoff_ceiling(0, ms(100), ms(20_000)), ms(100));
        assert_eq!(backoff_ceiling(1, ms(100), ms(20_000)), ms(200));
        assert_eq!(backoff_ceiling(3, ms(100), ms(20_000)), ms(800));
        assert_eq!(backoff_ceiling(8, ms(100), ms(20_000)), ms(20_000));
        assert_eq!(backoff_ceiling(40, ms(100), ms(20_000)), ms(20_000));
        assert_eq!(backoff_ceiling(u32::MAX, Duration::MAX, ms(1)), ms(1));
        for retry in 0..10 {
            let delay = backoff(retry, ms(10), ms(50));
            assert!(delay <= backoff_ceiling(retry, ms(10), ms(50)), "{delay:?}");
        }
        assert_eq!(backoff(3, Duration::ZERO, ms(50)), Duration::ZERO);
    }

    #[test]
    fn the_quota_runs_out_and_refills() {
        let quota = RetryQuota::new();
        assert_eq!(quota.acquire(RetryReason::ServerError), Some(RETRY_COST));
        assert_eq!(quota.acquire(RetryReason::Timeout), Some(TIMEOUT_RETRY_COST));
        assert_eq!(quota.available(), QUOTA_CAPACITY - RETRY_COST - TIMEOUT_RETRY_COST);
        quota.release(Some(TIMEOUT_RETRY_COST));
        assert_eq!(quota.available(), QUOTA_CAPACITY - RETRY_COST);
        while quota.acquire(RetryReason::Throttling).is_some() {}
        assert!(quota.available() < RETRY_COST);
        assert_eq!(quota.acquire(RetryReason::Throttling), None);
        quota.release(None);
        quota.release(Some(RETRY_COST));
        assert_eq!(quota.acquire(RetryReason::Throttling), Some(RETRY_COST));
        for _ in 0..1000 {
            quota.release(None);
        }
        assert_eq!(quota.available(), QUOTA_CAPACITY);
    }
}
