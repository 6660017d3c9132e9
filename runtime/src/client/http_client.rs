//! The pluggable HTTP client: what the call path needs from whatever sends its requests.

use std::fmt;
use std::future::Future;
use std::pin::Pin;

use bytes::Bytes;

use super::error::TransportError;

/// What [`HttpClient::send`] returns: a boxed future, so that the trait stays object-safe.
pub type HttpFuture<'a> = Pin<Box<dyn Future<Output = Result<http::Response<Bytes>, HttpError>> + Send + 'a>>;

/// Sends one signed request and reads the whole response: the seam between the client's call
/// path (validation, encoding, signing, retries, decoding) and the network.
///
/// The default, used when [`ConfigBuilder::http_client`](super::ConfigBuilder::http_client) is
/// not called, is hyper's pooled HTTP/1.1 client over rustls, which already honours the proxy
/// variables ([`ProxyConfig`](super::ProxyConfig)) and extra CA certificates
/// ([`ConfigBuilder::add_root_certificates_pem`](super::ConfigBuilder::add_root_certificates_pem)).
/// Set another to share a client with the rest of an application, for TLS or proxy needs
/// beyond those, or to capture requests in a test. The request it gets is final: absolute URI,
/// `host`, `content-length`, the signature; it must send it as it is (a changed header
/// breaks the signature). It is called once per attempt; timeouts and retries stay with the
/// call path (the connect timeout, proxies and trust of [`Config`](super::Config) only apply to
/// the default).
///
/// ```
/// use smithy_runtime::bytes::Bytes;
/// use smithy_runtime::client::{HttpClient, HttpFuture};
///
/// /// Answers every request with `{}` without sending it anywhere.
/// #[derive(Debug)]
/// struct Canned;
///
/// impl HttpClient for Canned {
///     fn send(&self, _request: http::Request<Bytes>) -> HttpFuture<'_> {
///         Box::pin(async { Ok(http::Response::new(Bytes::from_static(b"{}"))) })
///     }
/// }
/// ```
pub trait HttpClient: fmt::Debug + Send + Sync {
    /// Sends `request` and returns the response with its whole body, or why there is none.
    fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_>;
}

/// Why an [`HttpClient`] has no whole response.
#[derive(Debug)]
#[non_exhaustive]
pub enum HttpError {
    /// The connection failed or broke (the error says whether that is worth a retry).
    Transport(TransportError),
    /// The response's body is larger than the client reads; the call fails with the status
    /// and headers that came.
    TooLarge {
        /// The response's status and headers.
        parts: http::response::Parts,
        /// The most the client reads, in bytes.
        limit: usize,
    },
}

impl fmt::Display for HttpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HttpError::Transport(error) => fmt::Display::fmt(error, f),
            HttpError::TooLarge { limit, .. } => write!(f, "the body is larger than {limit} bytes"),
        }
    }
}

impl std::error::Error for HttpError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            HttpError::Transport(error) => Some(error),
            HttpError::TooLarge { .. } => None,
        }
    }
}

impl From<TransportError> for HttpError {
    fn from(error: TransportError) -> Self {
        HttpError::Transport(error)
    }
}
