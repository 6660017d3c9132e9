//! What can go wrong in a call, as one [`Error`] per operation error type.
//!
//! Credentials never appear here: a failed credentials lookup keeps the provider's message,
//! and the request itself (with its signature) is never kept in an error.

use std::error::Error as StdError;
use std::fmt;
use std::time::Duration;

use super::config::ConfigError;
use crate::ValidationError;
use crate::protocol::{EncodeError, OperationError};

/// A boxed error that can cross threads.
type BoxError = Box<dyn StdError + Send + Sync + 'static>;

/// Why a call failed. `E` is the operation's error enum, for errors the service answered.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error<E> {
    /// The client's configuration cannot work (e.g. it was made from an `SdkConfig` without
    /// a region); nothing was sent.
    Config(ConfigError),
    /// The input breaks the model's constraints; nothing was sent.
    Validation(ValidationError),
    /// The input could not be put into a request (e.g. an empty URI label); nothing was sent.
    Encode(EncodeError),
    /// No credentials could be had, or the request could not be signed with them; nothing
    /// was sent.
    Credentials(CredentialsError),
    /// The connection could not be made or broke (I/O, DNS, TLS), at the last attempt.
    Transport(TransportError),
    /// An attempt, or the whole call, took too long.
    Timeout(TimeoutError),
    /// A response came back that could not be read.
    Response(ResponseError),
    /// The service answered with an error.
    Service(ServiceError<E>),
}

impl<E: OperationError> Error<E> {
    /// The operation's error, when the service answered with one.
    pub fn as_service_error(&self) -> Option<&E> {
        match self {
            Error::Service(error) => Some(error.error()),
            _ => None,
        }
    }

    /// The operation's error, when the service answered with one.
    pub fn into_service_error(self) -> Option<E> {
        match self {
            Error::Service(error) => Some(error.into_error()),
            _ => None,
        }
    }

    /// The request id the service gave the failed request, when it answered.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Service(error) => error.request_id(),
            Error::Response(error) => error.request_id(),
            _ => None,
        }
    }

    /// The service's error code (e.g. `ResourceNotFoundException`), when it answered with one.
    pub fn code(&self) -> Option<&str> {
        self.as_service_error().map(OperationError::code)
    }

    /// How many requests were sent: 0 when the call failed before sending (validation,
    /// encoding, credentials).
    pub fn attempts(&self) -> u32 {
        match self {
            Error::Config(_) | Error::Validation(_) | Error::Encode(_) | Error::Credentials(_) => 0,
            Error::Transport(error) => error.attempts(),
            Error::Timeout(error) => error.attempts(),
            Error::Response(error) => error.attempts(),
            Error::Service(error) => error.attempts(),
        }
    }
}

impl<E: OperationError> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Validation(error) => fmt::Display::fmt(error, f),
            Error::Config(error) => write!(f, "the client is not configured: {error}"),
            Error::Encode(error) => write!(f, "could not encode the request: {error}"),
            Error::Credentials(error) => fmt::Display::fmt(error, f),
            Error::Transport(error) => fmt::Display::fmt(error, f),
            Error::Timeout(error) => fmt::Display::fmt(error, f),
            Error::Response(error) => fmt::Display::fmt(error, f),
            Error::Service(error) => fmt::Display::fmt(error, f),
        }
    }
}

/// Each variant's `Display` already says what happened, so `source` is the cause underneath
/// it (the I/O error, the credentials provider's error), not the variant again.
impl<E: OperationError> StdError for Error<E> {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            Error::Validation(error) => error.source(),
            Error::Config(error) => error.source(),
            Error::Encode(error) => error.source(),
            Error::Credentials(error) => error.source(),
            Error::Transport(error) => error.source(),
            Error::Timeout(error) => error.source(),
            Error::Response(error) => error.source(),
            Error::Service(error) => error.source(),
        }
    }
}

/// The service answered with an error: the operation's error value, with the response's
/// status and request id.
#[derive(Debug)]
pub struct ServiceError<E> {
    error: E,
    request_id: Option<String>,
    status: u16,
    attempts: u32,
}

impl<E: OperationError> ServiceError<E> {
    pub(crate) fn new(error: E, request_id: Option<String>, status: u16, attempts: u32) -> Self {
        ServiceError {
            error,
            request_id,
            status,
            attempts,
        }
    }

    /// The operation's error.
    pub fn error(&self) -> &E {
        &self.error
    }

    /// The operation's error, by value.
    pub fn into_error(self) -> E {
        self.error
    }

    /// The `x-amzn-requestid` of the response, to quote to AWS support.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The response's HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The error code, e.g. `ResourceNotFoundException`.
    pub fn code(&self) -> &str {
        self.error.code()
    }

    /// The error message, when the service sent one.
    pub fn message(&self) -> Option<&str> {
        self.error.message()
    }

    /// How many requests were sent, this one included.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }
}

impl<E: OperationError> fmt::Display for ServiceError<E> {
    /// `ResourceNotFoundException: Channel not found (HTTP 404, request id abc)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.error.code())?;
        if let Some(message) = self.error.message() {
            write!(f, ": {message}")?;
        }
        write!(f, " (HTTP {}", self.status)?;
        if let Some(id) = &self.request_id {
            write!(f, ", request id {id}")?;
        }
        f.write_str(")")
    }
}

impl<E: OperationError> StdError for ServiceError<E> {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.error.source()
    }
}

/// Credentials could not be had from the provider, or the request could not be signed with
/// them. The message comes from the provider or the signer; it never holds a secret.
#[derive(Debug)]
pub struct CredentialsError {
    message: String,
    source: Option<BoxError>,
}

impl CredentialsError {
    pub(crate) fn new(message: impl Into<String>, source: Option<BoxError>) -> Self {
        CredentialsError {
            message: message.into(),
            source,
        }
    }

    /// What went wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for CredentialsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl StdError for CredentialsError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source.as_deref().map(|e| e as &(dyn StdError + 'static))
    }
}

/// What kind of connection failure a [`TransportError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// No connection could be made: DNS, refused, unreachable, connect timeout.
    Connect,
    /// The TLS handshake failed (e.g. the certificate is not trusted). Not retried.
    Tls,
    /// The connection failed while the request or the response was under way: reset,
    /// closed before the response was complete.
    Io,
    /// Anything else the HTTP client reported.
    Other,
}

impl fmt::Display for TransportErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TransportErrorKind::Connect => "could not connect",
            TransportErrorKind::Tls => "TLS handshake failed",
            TransportErrorKind::Io => "connection failed",
            TransportErrorKind::Other => "HTTP client error",
        })
    }
}

/// The connection could not be made or broke. Keeps the underlying error as its source.
#[derive(Debug)]
pub struct TransportError {
    kind: TransportErrorKind,
    retryable: bool,
    cause: String,
    source: BoxError,
    attempts: u32,
}

impl TransportError {
    /// An error of this kind caused by `source`; `retryable` says whether the call may try
    /// again (a custom [`HttpClient`](super::HttpClient) decides; the default retries failures to
    /// connect and broken connections, not TLS errors).
    pub fn new(kind: TransportErrorKind, retryable: bool, source: BoxError) -> Self {
        let cause = root_cause(&*source);
        TransportError {
            kind,
            retryable,
            cause,
            source,
            attempts: 0,
        }
    }

    pub(crate) fn with_attempts(mut self, attempts: u32) -> Self {
        self.attempts = attempts;
        self
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// Whether the failure was transient (so the call retried it while it could).
    pub fn is_retryable(&self) -> bool {
        self.retryable
    }

    /// How many requests were tried, the failed one included.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }
}

impl fmt::Display for TransportError {
    /// `could not connect: Connection refused (os error 111) (3 attempts)`: the kind and the
    /// innermost cause, since the HTTP client's own message (`client error (Connect)`) says
    /// little.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.cause)?;
        write_attempts(f, self.attempts)
    }
}

impl StdError for TransportError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&*self.source)
    }
}

/// Which limit a [`TimeoutError`] hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeoutKind {
    /// One attempt (sending the request and reading the whole response) took too long, and
    /// no attempt was left to retry it.
    Attempt,
    /// The whole call (every attempt and the waits between them) took too long.
    Call,
}

/// An attempt or the whole call took longer than its configured limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeoutError {
    kind: TimeoutKind,
    limit: Duration,
    attempts: u32,
}

impl TimeoutError {
    pub(crate) fn new(kind: TimeoutKind, limit: Duration, attempts: u32) -> Self {
        TimeoutError { kind, limit, attempts }
    }

    /// Which limit was hit.
    pub fn kind(&self) -> TimeoutKind {
        self.kind
    }

    /// The limit that was hit.
    pub fn limit(&self) -> Duration {
        self.limit
    }

    /// How many requests were started.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }
}

impl fmt::Display for TimeoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            TimeoutKind::Attempt => "attempt",
            TimeoutKind::Call => "call",
        };
        write!(f, "{what} timed out after {:?}", self.limit)?;
        write_attempts(f, self.attempts)
    }
}

impl StdError for TimeoutError {}

/// A response came back that could not be read: a body that does not decode, an error
/// response whose error does not decode, a body over the size limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseError {
    status: u16,
    message: String,
    request_id: Option<String>,
    attempts: u32,
}

impl ResponseError {
    /// `message` often quotes the response (a decoder's error names the value it choked
    /// on), so it is made safe to show ([`super::untrusted::message`]).
    pub(crate) fn new(status: u16, message: impl Into<String>, request_id: Option<String>, attempts: u32) -> Self {
        let message = message.into();
        ResponseError {
            status,
            message: super::untrusted::message(&message).into_owned(),
            request_id,
            attempts,
        }
    }

    /// The response's HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// What was wrong with it.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The response's `x-amzn-requestid`, when it had one.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// How many requests were sent, this one included.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }
}

impl fmt::Display for ResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "could not read the response (HTTP {}", self.status)?;
        if let Some(id) = &self.request_id {
            write!(f, ", request id {id}")?;
        }
        write!(f, "): {}", self.message)
    }
}

impl StdError for ResponseError {}

/// ` (3 attempts)`, said only when there was more than one.
fn write_attempts(f: &mut fmt::Formatter<'_>, attempts: u32) -> fmt::Result {
    if attempts > 1 {
        write!(f, " ({attempts} attempts)")
    } else {
        Ok(())
    }
}

/// The message of the innermost error of a chain: for an HTTP client error that is the
/// one that says what happened (`Connection refused`, `connection closed before message
/// completed`).
fn root_cause(error: &(dyn StdError + 'static)) -> String {
    let mut current = error;
    while let Some(next) = super::cause::next_cause(current) {
        current = next;
    }
    current.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_and_transport_errors_say_which_and_how_many() {
        let timeout = TimeoutError::new(TimeoutKind::Attempt, Duration::from_millis(250), 3);
        assert_eq!(timeout.to_string(), "attempt timed out after 250ms (3 attempts)");
        let timeout = TimeoutError::new(TimeoutKind::Call, Duration::from_secs(2), 1);
        assert_eq!(timeout.to_string(), "call timed out after 2s");

        let io = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "Connection refused");
        let outer: BoxError = Box::new(Wrapper(Box::new(io)));
        let transport = TransportError::new(TransportErrorKind::Connect, true, outer).with_attempts(2);
        assert_eq!(
            transport.to_string(),
            "could not connect: Connection refused (2 attempts)"
        );
        assert_eq!(transport.source().map(ToString::to_string).as_deref(), Some("wrapper"));
    }

    #[derive(Debug)]
    struct Wrapper(BoxError);

    impl fmt::Display for Wrapper {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("wrapper")
        }
    }

    impl StdError for Wrapper {
        fn source(&self) -> Option<&(dyn StdError + 'static)> {
            Some(&*self.0)
        }
    }
}
