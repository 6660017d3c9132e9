//! The operation traits that change a request after encoding, through a generated client
//! (the `request_traits` fixture): `@endpoint` with a `@hostLabel`, `@requestCompression`,
//! `@httpChecksumRequired` and `@idempotencyToken`; with a capture `HttpClient` (what the call
//! path hands to the network), with the default transport against a real loopback server
//! (what arrives), and against the generated server, which undoes the compression.

use std::io::Read;
use std::sync::{Arc, Mutex};

use base64::Engine;
use bytes::Bytes;
use fixture_request_traits_client::{Client, Config, Credentials, Error};
use md5::{Digest, Md5};
use serde_json::{Value, json};
use smithy_runtime::client::{HttpClient, HttpFuture};

const TOKEN: &str = "00000000-0000-4000-8000-000000000000";

/// Records each request and answers 200 with an empty JSON object.
#[derive(Debug, Clone, Default)]
struct Capture(Arc<Mutex<Vec<http::Request<Bytes>>>>);

impl HttpClient for Capture {
    fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_> {
        self.0.lock().unwrap().push(request);
        Box::pin(async { Ok(http::Response::new(Bytes::from_static(b"{}"))) })
    }
}

fn config(endpoint: &str) -> smithy_runtime::client::ConfigBuilder {
    Config::builder()
        .region("us-west-2")
        .credentials(Credentials::new("AKID", "SECRET", None, None, "test"))
        .endpoint_url(endpoint)
        .max_attempts(1)
}

fn gunzip(bytes: &[u8]) -> Value {
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .expect("a gzip body");
    serde_json::from_str(&text).expect("JSON inside the gzip")
}

fn md5_base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(Md5::digest(bytes))
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn every_request_trait_changes_the_request_handed_to_the_http_client() {
    let capture = Capture::default();
    let client = Client::new(
        config("https://example.com/base")
            .http_client(capture.clone())
            .idempotency_token_provider(|| TOKEN.to_owned())
            .build()
            .unwrap(),
    );
    let data = "x".repeat(20_000);
    runtime().block_on(async {
        let put = client
            .put_object()
            .bucket("photos")
            .encoding("custom")
            .data(data.as_str());
        put.send().await.unwrap();
        client.ping().send().await.unwrap();
    });
    let requests = capture.0.lock().unwrap().clone();
    let put = &requests[0];
    assert_eq!(put.uri().host(), Some("photos.data.example.com"));
    assert_eq!(put.uri().path(), "/base/objects");
    assert_eq!(put.uri().query(), Some(format!("token={TOKEN}").as_str()));
    let headers = put.headers();
    assert_eq!(headers["host"], "photos.data.example.com");
    assert_eq!(headers["content-encoding"], "custom, gzip");
    assert_eq!(gunzip(put.body()), json!({ "bucket": "photos", "data": data }));
    assert_eq!(headers["content-md5"], md5_base64(put.body()).as_str());
    assert_eq!(headers["content-length"], put.body().len().to_string().as_str());

    // An operation without the traits: the endpoint's host, no encoding, no checksum.
    let ping = &requests[1];
    assert_eq!(ping.headers()["host"], "example.com");
    assert!(!ping.headers().contains_key("content-encoding"));
    assert!(!ping.headers().contains_key("content-md5"));
}

#[test]
fn a_host_label_that_is_not_one_dns_label_is_refused_before_sending() {
    let capture = Capture::default();
    let client = Client::new(
        config("https://example.com")
            .http_client(capture.clone())
            .build()
            .unwrap(),
    );
    for bucket in ["evil.com/", "a.b", "-a", "a b"] {
        let error = runtime()
            .block_on(client.put_object().bucket(bucket).send())
            .unwrap_err();
        assert!(matches!(error, Error::Encode(_)), "{bucket}: {error:?}");
        assert!(error.to_string().contains("not a valid host label"), "{error}");
    }
    assert!(capture.0.lock().unwrap().is_empty());
}

/// What the loopback server received.
type Received = Arc<Mutex<Vec<(http::request::Parts, Bytes)>>>;

#[test]
fn the_default_transport_sends_the_changed_request_over_a_real_socket() {
    runtime().block_on(async {
        let received: Received = Arc::default();
        let sink = received.clone();
        let app = axum::Router::new().fallback(move |request: axum::extract::Request| {
            let sink = sink.clone();
            async move {
                let (parts, body) = request.into_parts();
                let body = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
                sink.lock().unwrap().push((parts, body));
                http::Response::new(axum::body::Body::from("{}"))
            }
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = tokio::spawn(async move { axum::serve(listener, app).await });
        // A loopback address has no `photos.data.` subdomain: host prefixes are turned off.
        let config = config(&format!("http://127.0.0.1:{port}")).disable_host_prefix(true);
        let client = Client::new(config.build().unwrap());
        let data = "y".repeat(12_000);
        client
            .put_object()
            .bucket("photos")
            .data(data.as_str())
            .send()
            .await
            .unwrap();
        server.abort();

        let received = received.lock().unwrap();
        let (parts, body) = &received[0];
        assert_eq!(parts.headers["host"], format!("127.0.0.1:{port}").as_str());
        assert_eq!(parts.headers["content-encoding"], "gzip");
        assert_eq!(parts.headers["content-md5"], md5_base64(body).as_str());
        assert_eq!(gunzip(body), json!({ "bucket": "photos", "data": data }));
        // The default token provider: a random UUID, version 4.
        let query = parts.uri.query().unwrap_or_default();
        let token = query.strip_prefix("token=").expect("a token");
        assert_eq!((token.len(), &token[14..15]), (36, "4"), "{token}");
    });
}

/// The generated server's handler for PutObject: keeps each input it receives.
#[derive(Clone, Default)]
struct Keep(Arc<Mutex<Vec<fixture_request_traits_server::model::PutObjectInput>>>);

impl fixture_request_traits_server::FixtureRequestTraits for Keep {
    async fn put_object(
        &self,
        input: fixture_request_traits_server::model::PutObjectInput,
        _context: fixture_request_traits_server::RequestContext,
    ) -> Result<smithy_runtime::Unit, fixture_request_traits_server::model::operation::put_object::PutObjectError> {
        self.0.lock().unwrap().push(input);
        Ok(smithy_runtime::Unit {})
    }
}

#[test]
fn the_generated_server_reads_a_compressed_request() {
    runtime().block_on(async {
        let kept = Keep::default();
        let app =
            fixture_request_traits_server::router(kept.clone(), fixture_request_traits_server::ServerConfig::default());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = tokio::spawn(async move { axum::serve(listener, app).await });
        let config = config(&format!("http://127.0.0.1:{port}")).disable_host_prefix(true);
        let client = Client::new(config.build().unwrap());
        // Large enough to be compressed; the input's own encoding goes before `gzip`.
        let data = "z".repeat(12_000);
        let result = client
            .put_object()
            .bucket("photos")
            .encoding("custom")
            .data(data.as_str())
            .send()
            .await;
        server.abort();
        assert!(result.is_ok(), "{result:?}");
        let kept = kept.0.lock().unwrap();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].data.as_deref(), Some(data.as_str()));
        assert_eq!(
            kept[0].encoding.as_deref(),
            Some("custom"),
            "gzip is taken off the header"
        );
    });
}
