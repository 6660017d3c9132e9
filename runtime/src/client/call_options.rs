//! [`CallOptions`]: settings for one call that override the client's configuration.

use std::time::Duration;

use http::{HeaderMap, HeaderName, HeaderValue};

use super::config::Config;

/// Overrides for one call, given to a fluent builder's `customize` (the client and its other
/// calls keep their configuration):
///
/// ```ignore
/// let options = CallOptions::new()
///     .max_attempts(1)
///     .call_timeout(Duration::from_secs(2))
///     .header(HeaderName::from_static("x-trace-id"), HeaderValue::from_static("abc"));
/// client.get_channel().arn(arn).customize(options).send().await?;
/// ```
///
/// What is not set here comes from the client's [`Config`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CallOptions {
    max_attempts: Option<u32>,
    attempt_timeout: Option<Option<Duration>>,
    call_timeout: Option<Option<Duration>>,
    headers: HeaderMap,
}

impl CallOptions {
    /// No overrides.
    pub fn new() -> Self {
        Self::default()
    }

    /// Total attempts for this call, the first included (1 disables retries; 0 counts as 1).
    #[must_use]
    pub fn max_attempts(mut self, max_attempts: u32) -> Self {
        self.max_attempts = Some(max_attempts.max(1));
        self
    }

    /// The longest one attempt of this call may take.
    #[must_use]
    pub fn attempt_timeout(mut self, limit: Duration) -> Self {
        self.attempt_timeout = Some(Some(limit));
        self
    }

    /// The longest this call may take, every attempt and wait included.
    #[must_use]
    pub fn call_timeout(mut self, limit: Duration) -> Self {
        self.call_timeout = Some(Some(limit));
        self
    }

    /// No attempt or call timeout for this call, whatever the configuration says.
    #[must_use]
    pub fn no_timeouts(mut self) -> Self {
        self.attempt_timeout = Some(None);
        self.call_timeout = Some(None);
        self
    }

    /// A header to send with this call's request, signed with it. It replaces a header of the
    /// same name the operation would send, except `host`, `user-agent`, `content-length` and
    /// the signature's headers, which the client always sets itself. Repeating a name sends
    /// every value.
    #[must_use]
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.append(name, value);
        self
    }

    /// The headers to add.
    pub(crate) fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The settings in effect for a call of a client configured with `config`.
    pub(crate) fn effective(&self, config: &Config) -> Effective {
        Effective {
            max_attempts: self.max_attempts.unwrap_or(config.max_attempts()),
            attempt_timeout: self.attempt_timeout.unwrap_or(config.attempt_timeout()),
            call_timeout: self.call_timeout.unwrap_or(config.call_timeout()),
        }
    }
}

/// The per-call settings after the overrides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Effective {
    pub(crate) max_attempts: u32,
    pub(crate) attempt_timeout: Option<Duration>,
    pub(crate) call_timeout: Option<Duration>,
}

/// Adds `extra` to `headers`: names in `extra` replace those in `headers`, every value kept.
pub(crate) fn apply_headers(headers: &mut HeaderMap, extra: &HeaderMap) {
    for name in extra.keys() {
        headers.remove(name);
        for value in extra.get_all(name) {
            headers.append(name.clone(), value.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config::builder()
            .region("us-west-2")
            .credentials(crate::client::Credentials::new("AKID", "secret", None, None, "test"))
            .max_attempts(5)
            .attempt_timeout(Duration::from_secs(3))
            .build()
            .unwrap()
    }

    #[test]
    fn unset_options_take_the_configuration() {
        let effective = CallOptions::new().effective(&config());
        assert_eq!(effective.max_attempts, 5);
        assert_eq!(effective.attempt_timeout, Some(Duration::from_secs(3)));
        assert_eq!(effective.call_timeout, None);
    }

    #[test]
    fn set_options_override_it() {
        let options = CallOptions::new().max_attempts(0).call_timeout(Duration::from_secs(1));
        let effective = options.effective(&config());
        assert_eq!(effective.max_attempts, 1, "0 counts as 1");
        assert_eq!(effective.attempt_timeout, Some(Duration::from_secs(3)));
        assert_eq!(effective.call_timeout, Some(Duration::from_secs(1)));
        let effective = options.no_timeouts().effective(&config());
        assert_eq!((effective.attempt_timeout, effective.call_timeout), (None, None));
    }

    #[test]
    fn extra_headers_replace_same_named_ones_and_keep_every_value() {
        let mut headers = HeaderMap::new();
        headers.insert("x-a", HeaderValue::from_static("model"));
        headers.insert("x-b", HeaderValue::from_static("kept"));
        let options = CallOptions::new()
            .header(HeaderName::from_static("x-a"), HeaderValue::from_static("1"))
            .header(HeaderName::from_static("x-a"), HeaderValue::from_static("2"));
        apply_headers(&mut headers, options.headers());
        let a: Vec<_> = headers.get_all("x-a").iter().collect();
        assert_eq!(a, ["1", "2"]);
        assert_eq!(headers["x-b"], "kept");
    }
}
