//! Sending a request and reading the whole response: hyper's pooled HTTP/1.1 client, over
//! rustls (ring; the roots of `trust.rs`) for `https` and plain TCP for `http`, directly or
//! through the proxy `proxy_connector.rs` picks.

use std::error::Error as StdError;
use std::io;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioTimer};

use super::cause::next_cause;
use super::error::{TransportError, TransportErrorKind};
use super::http_client::{HttpClient, HttpError, HttpFuture};
use super::proxy::Proxies;
use super::proxy_connector::ProxyConnector;

/// The largest response body read, so that a misbehaving peer cannot exhaust memory. IVS
/// responses are a few kilobytes; list pages at most a few hundred.
pub(crate) const MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

/// How long an idle pooled connection is kept (the AWS SDKs' value).
const POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(90);

/// The default [`HttpClient`]: cheap to share, keeps connections open for reuse.
#[derive(Debug, Clone)]
pub(crate) struct Transport {
    client: Client<HttpsConnector<ProxyConnector>, Full<Bytes>>,
    proxies: Proxies,
}

impl Transport {
    /// A client with this TLS configuration, connect timeout and proxies. Needs no runtime
    /// until the first request.
    pub(crate) fn new(tls: rustls::ClientConfig, connect_timeout: Option<Duration>, proxies: Proxies) -> Self {
        let mut http = HttpConnector::new();
        // The TLS layer handles `https`; the TCP connector must accept it too.
        http.enforce_http(false);
        http.set_connect_timeout(connect_timeout);
        http.set_nodelay(true);
        let connector = HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http()
            .enable_http1()
            .wrap_connector(ProxyConnector::new(http, proxies.clone(), connect_timeout));
        let client = Client::builder(TokioExecutor::new())
            .pool_timer(TokioTimer::new())
            .pool_idle_timeout(POOL_IDLE_TIMEOUT)
            .build(connector);
        Transport { client, proxies }
    }

    /// Sends the request and reads the whole response.
    async fn send_and_read(&self, mut request: http::Request<Bytes>) -> Result<http::Response<Bytes>, HttpError> {
        // A request for an `http` endpoint goes to its proxy as it is (in absolute form), so
        // it carries the proxy's credentials itself; an `https` one carries them in the
        // tunnel's `CONNECT` instead, where the endpoint never sees them. The header is not
        // signed, so adding it after signing is safe.
        if request.uri().scheme() == Some(&http::uri::Scheme::HTTP)
            && let Some(auth) = self.proxies.route(request.uri()).and_then(|route| route.auth)
        {
            request.headers_mut().insert(http::header::PROXY_AUTHORIZATION, auth);
        }
        let response = self.client.request(request.map(Full::new)).await.map_err(|error| {
            let (kind, retryable) = classify(&error, error.is_connect());
            HttpError::Transport(TransportError::new(kind, retryable, Box::new(error)))
        })?;
        let (parts, body) = response.into_parts();
        match Limited::new(body, MAX_RESPONSE_BYTES).collect().await {
            Ok(collected) => Ok(http::Response::from_parts(parts, collected.to_bytes())),
            Err(error) if error.is::<http_body_util::LengthLimitError>() => Err(HttpError::TooLarge {
                parts,
                limit: MAX_RESPONSE_BYTES,
            }),
            Err(error) => {
                let (kind, retryable) = classify(&*error, false);
                Err(HttpError::Transport(TransportError::new(kind, retryable, error)))
            }
        }
    }
}

impl HttpClient for Transport {
    fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_> {
        Box::pin(self.send_and_read(request))
    }
}

/// What kind of failure an HTTP client error is, and whether it is transient. Walks the
/// error's sources: a rustls error anywhere means TLS (not retried: a certificate will not
/// become trusted in a second); a failure to connect is retried (refused, DNS, connect
/// timeout); so are a connection reset, closed or aborted under way, or a response cut
/// short. Anything else (a malformed response, a request hyper refuses) is not.
pub(crate) fn classify(error: &(dyn StdError + 'static), is_connect: bool) -> (TransportErrorKind, bool) {
    let mut transient_io = false;
    let mut current = Some(error);
    while let Some(error) = current {
        if error.is::<rustls::Error>() {
            return (TransportErrorKind::Tls, false);
        }
        if let Some(io_error) = error.downcast_ref::<io::Error>() {
            transient_io |= is_transient_io(io_error.kind());
        }
        if let Some(hyper_error) = error.downcast_ref::<hyper::Error>() {
            transient_io |= hyper_error.is_incomplete_message()
                || hyper_error.is_canceled()
                || hyper_error.is_closed()
                || hyper_error.is_timeout();
        }
        current = next_cause(error);
    }
    if is_connect {
        (TransportErrorKind::Connect, true)
    } else if transient_io {
        (TransportErrorKind::Io, true)
    } else {
        (TransportErrorKind::Other, false)
    }
}

/// I/O error kinds that say the connection, not the request, was the problem.
fn is_transient_io(kind: io::ErrorKind) -> bool {
    matches!(
        kind,
        io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionRefused
            | io::ErrorKind::BrokenPipe
            | io::ErrorKind::NotConnected
            | io::ErrorKind::UnexpectedEof
            | io::ErrorKind::TimedOut
            | io::ErrorKind::Interrupted
    )
}

#[cfg(test)]
mod tests {
    use std::fmt;

    use super::*;

    /// An error wrapping another, as the HTTP client's errors do.
    #[derive(Debug)]
    struct Wrap(Box<dyn StdError + Send + Sync>);

    impl fmt::Display for Wrap {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("wrapped")
        }
    }

    impl StdError for Wrap {
        fn source(&self) -> Option<&(dyn StdError + 'static)> {
            Some(&*self.0)
        }
    }

    fn io(kind: io::ErrorKind) -> Wrap {
        Wrap(Box::new(io::Error::new(kind, "boom")))
    }

    #[test]
    fn broken_connections_are_transient() {
        for kind in [
            io::ErrorKind::ConnectionReset,
            io::ErrorKind::BrokenPipe,
            io::ErrorKind::UnexpectedEof,
        ] {
            assert_eq!(classify(&io(kind), false), (TransportErrorKind::Io, true), "{kind:?}");
        }
        assert_eq!(
            classify(&io(io::ErrorKind::ConnectionRefused), true),
            (TransportErrorKind::Connect, true)
        );
        assert_eq!(
            classify(&io(io::ErrorKind::Other), true),
            (TransportErrorKind::Connect, true)
        );
    }

    #[test]
    fn tls_and_other_failures_are_not() {
        let tls = Wrap(Box::new(io::Error::new(
            io::ErrorKind::InvalidData,
            rustls::Error::DecryptError,
        )));
        assert_eq!(classify(&tls, true), (TransportErrorKind::Tls, false));
        let tls = Wrap(Box::new(rustls::Error::DecryptError));
        assert_eq!(classify(&tls, false), (TransportErrorKind::Tls, false));
        // As hyper-rustls reports it: rustls's error in an io::Error in another.
        let inner = io::Error::new(io::ErrorKind::InvalidData, rustls::Error::DecryptError);
        let tls = Wrap(Box::new(io::Error::other(inner)));
        assert_eq!(classify(&tls, true), (TransportErrorKind::Tls, false));
        assert_eq!(
            classify(&io(io::ErrorKind::InvalidData), false),
            (TransportErrorKind::Other, false)
        );
    }
}
