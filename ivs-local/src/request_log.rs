//! One line per request on stderr (method, path, status, error code, time), so a developer
//! running the emulator sees what their code sent and what it got back.
//!
//! The line is a `tracing` event; [`install`] sends such events to stderr through
//! `tracing-appender`'s non-blocking writer: a worker thread does the writing, and the request
//! only queues the line. So a stderr that is slow, full (a pipe nobody reads) or closed never
//! holds up or fails a request: lines that do not fit the queue are dropped, and write errors
//! are ignored. The runtime's own warnings and errors (a handler that panicked, connections
//! dropped at the shutdown deadline) go the same way, with their level in front.

use std::time::Instant;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::Layer as _;
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::layer::SubscriberExt as _;

/// The target of the request lines, so that they can be told from other events.
const TARGET: &str = "ivs_local::request";

/// Sends request lines (unless `quiet`) and warnings to stderr, without ever blocking.
/// Keep the guard until the end of `main`: dropping it flushes what is queued.
pub(crate) fn install(quiet: bool) -> WorkerGuard {
    let (writer, guard) = tracing_appender::non_blocking(std::io::stderr());
    let requests = tracing_subscriber::fmt::layer()
        .with_writer(writer.clone())
        .without_time()
        .with_level(false)
        .with_target(false)
        .with_ansi(false)
        .with_filter(Targets::new().with_target(TARGET, if quiet { LevelFilter::OFF } else { LevelFilter::INFO }));
    let warnings = tracing_subscriber::fmt::layer()
        .with_writer(writer)
        .without_time()
        .with_ansi(false)
        .with_filter(
            Targets::new()
                .with_default(LevelFilter::WARN)
                .with_target(TARGET, LevelFilter::OFF),
        );
    let subscriber = tracing_subscriber::registry().with(requests).with(warnings);
    // Only fails if a subscriber was set already, and then that one logs.
    let _ = tracing::subscriber::set_global_default(subscriber);
    guard
}

/// The axum middleware: `router.layer(axum::middleware::from_fn(request_log::log))`.
pub(crate) async fn log(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let code = response
        .headers()
        .get("x-amzn-errortype")
        .and_then(|code| code.to_str().ok())
        .map(|code| format!(" {code}"))
        .unwrap_or_default();
    let millis = started.elapsed().as_secs_f64() * 1000.0;
    tracing::info!(target: TARGET, "{method} {path} {}{code} {millis:.1} ms", response.status().as_u16());
    response
}
