//! Retries decided by the model first: an error the model marks `@retryable(throttling: true)`
//! is retried although neither its status (400) nor its code would make the standard fallback
//! retry it; a modeled error without `@retryable` is not; and the configuration's hook can make
//! any error response retryable. Real HTTP against a scripted local server.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::StatusCode;
use axum::response::IntoResponse;
use fixture_constraints_model::CheckInput;
use fixture_constraints_model::operation::check::{Check, CheckError};
use smithy_runtime::client::{Config, ConfigBuilder, Credentials, Error, Handle, ServiceInfo};
use smithy_runtime::protocol::{OperationError, Retry};

static SERVICE: ServiceInfo = ServiceInfo {
    sdk_id: "fixture",
    signing_name: "fixtureconstraints",
    endpoint_prefix: "fixture",
    api_version: "2024-01-01",
};

/// A server that answers `POST /check` from a script (then 200 `{}`), counting requests.
struct Scripted {
    url: String,
    requests: Arc<Mutex<usize>>,
    task: tokio::task::JoinHandle<()>,
}

impl Scripted {
    async fn start(script: &[(u16, &'static str)]) -> Self {
        let script: Arc<Mutex<VecDeque<(u16, &'static str)>>> = Arc::new(Mutex::new(script.iter().copied().collect()));
        let requests = Arc::new(Mutex::new(0));
        let counter = requests.clone();
        let app = axum::Router::new().route(
            "/check",
            axum::routing::post(move || {
                let (script, counter) = (script.clone(), counter.clone());
                async move {
                    *counter.lock().unwrap() += 1;
                    match script.lock().unwrap().pop_front() {
                        Some((status, code)) => (
                            StatusCode::from_u16(status).unwrap(),
                            [("x-amzn-errortype", code), ("content-type", "application/json")],
                            r#"{"message":"scripted"}"#,
                        )
                            .into_response(),
                        None => ([("content-type", "application/json")], "{}").into_response(),
                    }
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let task = tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Scripted { url, requests, task }
    }

    fn config(&self) -> ConfigBuilder {
        Config::builder()
            .region("us-west-2")
            .credentials(Credentials::new("AKID", "SECRET", None, None, "tests"))
            .endpoint_url(&self.url)
            .validate(false)
            .initial_backoff(Duration::from_millis(1))
            .max_backoff(Duration::from_millis(5))
    }

    async fn call(&self, config: ConfigBuilder) -> Result<(), Error<CheckError>> {
        let handle = Handle::new(config.build().unwrap(), &SERVICE);
        handle.call::<Check>(&CheckInput::default()).await.map(|_| ())
    }

    fn requests(&self) -> usize {
        *self.requests.lock().unwrap()
    }
}

impl Drop for Scripted {
    fn drop(&mut self) {
        self.task.abort();
    }
}

#[tokio::test]
async fn a_retryable_modeled_error_is_retried() {
    let server = Scripted::start(&[(400, "PleaseWait"), (400, "PleaseWait")]).await;
    server.call(server.config()).await.unwrap();
    assert_eq!(server.requests(), 3);
}

#[tokio::test]
async fn a_modeled_error_without_retryable_is_not_retried() {
    let server = Scripted::start(&[(400, "BadInput")]).await;
    let error = server.call(server.config()).await.unwrap_err();
    match error {
        Error::Service(service) => {
            assert!(matches!(service.error(), CheckError::BadInput(_)), "{service:?}");
            assert_eq!(service.error().retry(), None);
        }
        other => panic!("expected the modeled error, got {other:?}"),
    }
    assert_eq!(server.requests(), 1);
}

#[tokio::test]
async fn the_configuration_hook_makes_an_error_retryable() {
    let server = Scripted::start(&[(409, "Busy")]).await;
    assert!(server.call(server.config()).await.is_err());
    assert_eq!(server.requests(), 1, "not retried without the hook");

    let server = Scripted::start(&[(409, "Busy"), (409, "Busy")]).await;
    let config = server
        .config()
        .retry_classifier(|status, code| (status == 409 && code == "Busy").then_some(Retry::Transient));
    server.call(config).await.unwrap();
    assert_eq!(server.requests(), 3);
}
