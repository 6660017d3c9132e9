//! Per-call overrides (`customize(CallOptions)` on every fluent builder): attempts, timeouts
//! and extra headers for one call, checked on the wire against a local server; the client's
//! other calls keep its configuration.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::{HeaderMap, StatusCode};
use http::{HeaderName, HeaderValue};
use ivs_client::Client;
use smithy_runtime::client::{CallOptions, Config, Credentials, Error, TimeoutKind};

const ARN: &str = "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh";

/// What the server does, chosen by the request's `x-test-mode` header: `fail` answers 500
/// (retryable), `slow` answers after two seconds, anything else answers 200 at once. Every
/// request's headers are kept.
struct Server {
    url: String,
    seen: Arc<Mutex<Vec<HeaderMap>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Server {
    async fn start() -> Self {
        let seen: Arc<Mutex<Vec<HeaderMap>>> = Arc::default();
        let kept = seen.clone();
        let app = axum::Router::new().route(
            "/GetChannel",
            axum::routing::post(move |headers: HeaderMap| {
                let kept = kept.clone();
                async move {
                    let mode = headers.get("x-test-mode").map(|v| v.as_bytes().to_vec());
                    kept.lock().unwrap().push(headers);
                    match mode.as_deref() {
                        Some(b"fail") => (StatusCode::INTERNAL_SERVER_ERROR, "{}"),
                        Some(b"slow") => {
                            tokio::time::sleep(Duration::from_secs(2)).await;
                            (StatusCode::OK, "{}")
                        }
                        _ => (StatusCode::OK, "{}"),
                    }
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("local address"));
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.expect("server");
        });
        Server { url, seen, task }
    }

    fn client(&self) -> Client {
        let config = Config::builder()
            .region("us-west-2")
            .endpoint_url(&self.url)
            .credentials(Credentials::new("AKID", "secret", None, None, "test"))
            .max_attempts(3)
            .initial_backoff(Duration::from_millis(1))
            .build()
            .expect("configuration");
        Client::new(config)
    }

    fn requests(&self) -> Vec<HeaderMap> {
        std::mem::take(&mut *self.seen.lock().unwrap())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn mode(value: &'static str) -> CallOptions {
    CallOptions::new().header(HeaderName::from_static("x-test-mode"), HeaderValue::from_static(value))
}

#[tokio::test]
async fn extra_headers_are_sent_and_signed() {
    let server = Server::start().await;
    let options = CallOptions::new()
        .header(HeaderName::from_static("x-trace-id"), HeaderValue::from_static("abc"))
        .header(HeaderName::from_static("x-trace-id"), HeaderValue::from_static("def"));
    let result = server.client().get_channel().arn(ARN).customize(options).send().await;
    assert!(result.is_ok(), "{result:?}");
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let values: Vec<_> = requests[0].get_all("x-trace-id").iter().collect();
    assert_eq!(values, ["abc", "def"]);
    let authorization = requests[0]["authorization"].to_str().unwrap();
    assert!(authorization.contains("x-trace-id"), "unsigned: {authorization}");
}

#[tokio::test]
async fn max_attempts_applies_to_that_call_only() {
    let server = Server::start().await;
    let client = server.client();
    let error = client
        .get_channel()
        .arn(ARN)
        .customize(mode("fail").max_attempts(1))
        .send()
        .await
        .expect_err("500");
    assert_eq!(error.attempts(), 1, "{error:?}");
    assert_eq!(server.requests().len(), 1);
    // The same client, without overrides: the configured three attempts.
    let error = client
        .get_channel()
        .arn(ARN)
        .customize(mode("fail"))
        .send()
        .await
        .expect_err("500");
    assert_eq!(error.attempts(), 3, "{error:?}");
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn a_call_timeout_for_one_call() {
    let server = Server::start().await;
    let client = server.client();
    let options = mode("slow").call_timeout(Duration::from_millis(200));
    let error = client
        .get_channel()
        .arn(ARN)
        .customize(options)
        .send()
        .await
        .expect_err("timeout");
    match error {
        Error::Timeout(timeout) => {
            assert_eq!(timeout.kind(), TimeoutKind::Call);
            assert_eq!(timeout.limit(), Duration::from_millis(200));
        }
        other => panic!("expected a call timeout, got {other:?}"),
    }
    // Without the override the slow call completes (the configured attempt timeout is 30 s).
    let result = client.get_channel().arn(ARN).customize(mode("slow")).send().await;
    assert!(result.is_ok(), "{result:?}");
}
