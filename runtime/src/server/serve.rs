//! Serving a router on a TCP listener with the timeouts a public server needs, and a
//! graceful shutdown that ends.
//!
//! `axum::serve` sets none of them: a client that sends half a request head, or opens a
//! connection and sends nothing, holds a connection (and a file descriptor) forever, and a
//! graceful shutdown waits for it forever. [`serve`] runs each connection with hyper's HTTP/1
//! server directly, which can time out the request head, and bounds the shutdown.
//!
//! # What hyper answers by itself
//!
//! A request hyper cannot parse never reaches the router, so it is answered by hyper, not
//! with a restJson1 error: a malformed request line or header, or a header without a colon
//! (400), a URI over hyper's limit of 65,534 bytes (414), more than 100 headers or a head
//! over hyper's buffer (431). Those answers have an empty body, no `X-Amzn-Errortype` and
//! no request id, and the connection is closed after them. hyper 1 offers no hook to shape
//! them (its HTTP/1 parser writes them before any service is called); they are rare outside
//! attacks, and no AWS SDK can send such a request.

use std::future::Future;
use std::io;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::task::JoinSet;

/// How long a server waits for its clients.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// How long a connection may take to deliver a complete request head (request line and
    /// headers), counted from when it opens or from when its previous response was sent:
    /// this is also how long an idle keep-alive connection is kept. Past it the connection
    /// is closed without an answer (the client has not finished asking anything). 30 s by
    /// default, like hyper's own default; applied by [`serve`].
    pub header_read: Duration,
    /// How long the whole request body may take to arrive once the head is in; past it the
    /// request is answered with 408 `RequestTimeoutException` and the connection closed.
    /// 30 s by default; applied by the router itself, so under any server.
    pub body_read: Duration,
    /// After shutdown is requested, how long in-flight requests get to finish; then the
    /// remaining connections are dropped and [`serve`] returns. 10 s by default.
    pub shutdown: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            header_read: Duration::from_secs(30),
            body_read: Duration::from_secs(30),
            shutdown: Duration::from_secs(10),
        }
    }
}

/// Serves `app` (a [`crate::server::router`], possibly wrapped in middleware) on `listener`
/// over HTTP/1.1 until `shutdown` resolves; then it stops accepting, lets in-flight requests
/// finish for at most [`Timeouts::shutdown`], drops whatever connections are left, and
/// returns.
///
/// Every connection gets [`Timeouts::header_read`]. An error accepting a connection (such as
/// running out of file descriptors) is logged and retried after a pause rather than ending
/// the server; an error on one connection only ends that connection.
///
/// ```ignore
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
/// let config = ServerConfig::default();
/// let timeouts = config.timeouts;
/// serve(listener, router(service, config), timeouts, async { let _ = tokio::signal::ctrl_c().await; }).await?;
/// ```
pub async fn serve<F>(listener: TcpListener, app: axum::Router, timeouts: Timeouts, shutdown: F) -> io::Result<()>
where
    F: Future<Output = ()>,
{
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(timeouts.header_read);
    let graceful = GracefulShutdown::new();
    let mut connections = JoinSet::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    let service = TowerToHyperService::new(app.clone());
                    let connection = graceful.watch(builder.serve_connection(TokioIo::new(stream), service));
                    connections.spawn(async move {
                        if let Err(error) = connection.await {
                            tracing::debug!(%peer, %error, "connection ended with an error");
                        }
                    });
                }
                Err(error) => accept_failed(error).await,
            },
            // Reap finished connections, so the set holds only live ones.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    drop(listener);
    if tokio::time::timeout(timeouts.shutdown, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            connections = connections.len(),
            deadline = ?timeouts.shutdown,
            "connections still open at the shutdown deadline are dropped"
        );
    }
    connections.abort_all();
    Ok(())
}

/// A failed `accept`: a connection that went away before it was accepted is nothing; anything
/// else (out of file descriptors, typically) is logged, and accepting pauses for a moment so
/// that the loop does not spin while the condition lasts.
async fn accept_failed(error: io::Error) {
    if matches!(
        error.kind(),
        io::ErrorKind::ConnectionRefused | io::ErrorKind::ConnectionAborted | io::ErrorKind::ConnectionReset
    ) {
        return;
    }
    tracing::error!(%error, "cannot accept a connection");
    tokio::time::sleep(Duration::from_millis(100)).await;
}
