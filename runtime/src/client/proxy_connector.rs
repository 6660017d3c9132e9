//! The connector under the TLS layer: a direct TCP connection, or one through the proxy that
//! [`Proxies`] picks for the endpoint. An `https` endpoint is reached through a `CONNECT`
//! tunnel (`hyper-util`'s `Tunnel`), so TLS still runs end to end with the endpoint; an `http`
//! endpoint through a plain connection to the proxy, marked as proxied so that hyper sends
//! the request in absolute form (`POST http://host/path`), which is what a forwarding proxy
//! reads. The transport adds that request's `Proxy-Authorization`.

use std::error::Error as StdError;
use std::fmt;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use http::Uri;
use http::uri::Scheme;
use hyper::rt::{Read, ReadBufCursor, Write};
use hyper_util::client::legacy::connect::proxy::Tunnel;
use hyper_util::client::legacy::connect::{Connected, Connection, HttpConnector};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;
use tower_service::Service;

use super::cause::next_cause;
use super::proxy::{Proxies, Route};

type BoxError = Box<dyn StdError + Send + Sync>;

/// Connects directly or through a proxy; wrapped by the TLS connector.
#[derive(Debug, Clone)]
pub(crate) struct ProxyConnector {
    tcp: HttpConnector,
    proxies: Proxies,
    /// Bounds the whole tunnel set-up (TCP to the proxy and its answer to `CONNECT`): the TCP
    /// connector's own timeout stops at the TCP handshake, and a proxy that accepts but never
    /// answers must not hold the attempt.
    connect_timeout: Option<Duration>,
}

impl ProxyConnector {
    pub(crate) fn new(tcp: HttpConnector, proxies: Proxies, connect_timeout: Option<Duration>) -> Self {
        ProxyConnector {
            tcp,
            proxies,
            connect_timeout,
        }
    }
}

impl Service<Uri> for ProxyConnector {
    type Response = ProxiedStream;
    type Error = BoxError;
    type Future = Pin<Box<dyn Future<Output = Result<ProxiedStream, BoxError>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), BoxError>> {
        self.tcp.poll_ready(cx).map_err(Into::into)
    }

    fn call(&mut self, destination: Uri) -> Self::Future {
        let Some(Route { proxy, auth }) = self.proxies.route(&destination) else {
            let connecting = self.tcp.call(destination);
            return Box::pin(async move { Ok(ProxiedStream::new(connecting.await?, false)) });
        };
        if destination.scheme() == Some(&Scheme::HTTPS) {
            let mut tunnel = Tunnel::new(proxy.clone(), self.tcp.clone());
            if let Some(auth) = auth {
                tunnel = tunnel.with_auth(auth);
            }
            // `Tunnel` is ready whenever the TCP connector is, which always is.
            let connecting = tunnel.call(destination);
            let limit = self.connect_timeout;
            Box::pin(async move {
                let tunnelled = match limit {
                    Some(limit) => tokio::time::timeout(limit, connecting).await.map_err(|_| {
                        let message = format!("the proxy opened no tunnel within {limit:?}");
                        ProxyError::new(&proxy, &io::Error::new(io::ErrorKind::TimedOut, message))
                    })?,
                    None => connecting.await,
                };
                let stream = tunnelled.map_err(|error| ProxyError::new(&proxy, &error))?;
                Ok(ProxiedStream::new(stream, false))
            })
        } else {
            let connecting = self.tcp.call(proxy.clone());
            Box::pin(async move {
                let stream = connecting.await.map_err(|error| ProxyError::new(&proxy, &error))?;
                Ok(ProxiedStream::new(stream, true))
            })
        }
    }
}

/// A connection to the endpoint or to a proxy: the TCP stream, and whether requests on it
/// are for a forwarding proxy (absolute form).
#[derive(Debug)]
pub(crate) struct ProxiedStream {
    tcp: TokioIo<TcpStream>,
    forwarding: bool,
}

impl ProxiedStream {
    fn new(tcp: TokioIo<TcpStream>, forwarding: bool) -> Self {
        ProxiedStream { tcp, forwarding }
    }
}

impl Connection for ProxiedStream {
    fn connected(&self) -> Connected {
        self.tcp.connected().proxy(self.forwarding)
    }
}

impl Read for ProxiedStream {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: ReadBufCursor<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().tcp).poll_read(cx, buf)
    }
}

impl Write for ProxiedStream {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().tcp).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().tcp).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().tcp).poll_shutdown(cx)
    }

    fn is_write_vectored(&self) -> bool {
        self.tcp.is_write_vectored()
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().tcp).poll_write_vectored(cx, bufs)
    }
}

/// A failure to reach the endpoint through a proxy. The message holds the whole chain of
/// causes (`proxy http://proxy:3128/: tunnel error: proxy authorization required`): the
/// client shows an error's innermost cause, and the tunnel's errors alone do not say which
/// proxy failed. The chain is flattened into the message, so this error has no source.
#[derive(Debug)]
struct ProxyError(String);

impl ProxyError {
    fn new(proxy: &Uri, error: &(dyn StdError + 'static)) -> Self {
        let mut message = format!("proxy {proxy}: {error}");
        let mut current = next_cause(error);
        while let Some(cause) = current {
            message.push_str(": ");
            message.push_str(&cause.to_string());
            current = next_cause(cause);
        }
        ProxyError(message)
    }
}

impl fmt::Display for ProxyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl StdError for ProxyError {}
