//! Retries, backoff and timeouts against a server that misbehaves on cue.

use std::time::{Duration, Instant};

use super::fake::{GetThing, ThingInput};
use super::server::{Action, Server};
use super::{config, handle};
use crate::client::{Error, TimeoutKind, TransportErrorKind};

#[tokio::test]
async fn a_connection_closed_on_accept_is_retried() {
    let server = Server::start(vec![Action::CloseOnAccept], Action::page(&["ok"], None)).await;
    let handle = handle(config(&server.url));
    let output = handle.call::<GetThing>(&ThingInput::named("x")).await.unwrap();
    assert_eq!(output.items, ["ok"]);
    assert_eq!(server.connections(), 2);
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_connection_closed_without_an_answer_is_retried() {
    let server = Server::start(vec![Action::CloseAfterRequest], Action::page(&["ok"], None)).await;
    let handle = handle(config(&server.url));
    handle.call::<GetThing>(&ThingInput::named("x")).await.unwrap();
    assert_eq!(server.requests().len(), 2);
    assert_eq!(server.connections(), 2);
}

#[tokio::test]
async fn a_server_error_is_retried() {
    let server = Server::start(
        vec![Action::error(500, "InternalServerException", "oops")],
        Action::page(&[], None),
    )
    .await;
    let handle = handle(config(&server.url));
    handle.call::<GetThing>(&ThingInput::named("x")).await.unwrap();
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    // Each attempt is signed anew (same request, fresh signature headers).
    assert!(requests.iter().all(|r| r.header("authorization").is_some()));
}

#[tokio::test]
async fn throttling_is_retried_after_a_backoff() {
    let script = vec![
        Action::json(429, ""),
        Action::error(400, "ThrottlingException", "slow down"),
    ];
    let server = Server::start(script, Action::page(&[], None)).await;
    let backoff = Duration::from_millis(20);
    let handle = handle(config(&server.url).initial_backoff(backoff).max_backoff(backoff));
    let started = Instant::now();
    handle.call::<GetThing>(&ThingInput::named("x")).await.unwrap();
    assert_eq!(server.requests().len(), 3);
    // Two waits of up to 20 ms each (full jitter: possibly much less), never more.
    assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
}

#[tokio::test]
async fn client_errors_are_not_retried() {
    let server = Server::start(vec![], Action::error(400, "ValidationException", "bad")).await;
    let handle = handle(config(&server.url));
    let error = handle.call::<GetThing>(&ThingInput::named("x")).await.unwrap_err();
    assert_eq!(error.code(), Some("ValidationException"));
    assert_eq!(error.attempts(), 1);
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn max_attempts_bounds_the_retries() {
    let server = Server::start(vec![], Action::json(503, "")).await;
    let handle = handle(config(&server.url).max_attempts(4));
    let error = handle.call::<GetThing>(&ThingInput::named("x")).await.unwrap_err();
    let Error::Service(service) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(service.status(), 503);
    assert_eq!(service.code(), "UnknownError");
    assert_eq!(error.attempts(), 4);
    assert_eq!(server.requests().len(), 4);

    let server = Server::start(vec![], Action::json(503, "")).await;
    let handle = super::handle(config(&server.url).max_attempts(1));
    let error = handle.call::<GetThing>(&ThingInput::named("x")).await.unwrap_err();
    assert_eq!(error.attempts(), 1);
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_silent_server_times_the_attempts_out() {
    let server = Server::start(vec![], Action::Hang).await;
    let limit = Duration::from_millis(150);
    let handle = handle(config(&server.url).attempt_timeout(limit).max_attempts(2));
    let error = handle.call::<GetThing>(&ThingInput::named("x")).await.unwrap_err();
    let Error::Timeout(timeout) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(timeout.kind(), TimeoutKind::Attempt);
    assert_eq!(timeout.limit(), limit);
    assert_eq!(error.attempts(), 2);
    assert_eq!(error.to_string(), "attempt timed out after 150ms (2 attempts)");
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn the_call_timeout_bounds_everything() {
    let server = Server::start(vec![], Action::Hang).await;
    let handle = handle(
        config(&server.url)
            .attempt_timeout(None)
            .call_timeout(Duration::from_millis(200)),
    );
    let started = Instant::now();
    let error = handle.call::<GetThing>(&ThingInput::named("x")).await.unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2));
    let Error::Timeout(timeout) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(timeout.kind(), TimeoutKind::Call);
    assert_eq!(error.attempts(), 1);
}

#[tokio::test]
async fn a_refused_connection_is_a_retried_transport_error() {
    // A port nobody listens on: bind one, then let it go.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let handle = handle(config(&format!("http://127.0.0.1:{port}")).max_attempts(2));
    let error = handle.call::<GetThing>(&ThingInput::named("x")).await.unwrap_err();
    let Error::Transport(transport) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(transport.kind(), TransportErrorKind::Connect);
    assert!(transport.is_retryable());
    assert_eq!(error.attempts(), 2);
    assert!(error.to_string().starts_with("could not connect: "), "{error}");
    assert!(error.to_string().ends_with(" (2 attempts)"), "{error}");
    assert!(std::error::Error::source(&error).is_some());
}

#[tokio::test]
async fn https_to_a_server_that_does_not_speak_tls_is_a_tls_error_and_not_retried() {
    // A peer that answers the TLS handshake with plain HTTP.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let accepted = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = accepted.clone();
    tokio::spawn(async move {
        use tokio::io::AsyncWriteExt;
        while let Ok((mut stream, _)) = listener.accept().await {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let _ = stream
                .write_all(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n")
                .await;
        }
    });
    let handle = handle(config(&format!("https://127.0.0.1:{port}")));
    let error = handle.call::<GetThing>(&ThingInput::named("x")).await.unwrap_err();
    let Error::Transport(transport) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(transport.kind(), TransportErrorKind::Tls, "{error}");
    assert!(!transport.is_retryable());
    assert_eq!(error.attempts(), 1);
    assert_eq!(accepted.load(std::sync::atomic::Ordering::SeqCst), 1);
}
