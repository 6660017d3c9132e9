// The compliance harness: a loopback HTTP peer and the comparisons every case uses. Emitted
// as-is into the generated test crate (it is not compiled as part of the generator).

use std::sync::{Arc, Mutex};

use bytes::Bytes;

/// What a case expects of the request the client sends.
pub struct ExpectedRequest<'a> {
    pub method: &'a str,
    pub uri: &'a str,
    pub query_params: &'a [&'a str],
    pub forbid_query_params: &'a [&'a str],
    pub require_query_params: &'a [&'a str],
    pub headers: &'a [(&'a str, &'a str)],
    pub forbid_headers: &'a [&'a str],
    pub require_headers: &'a [&'a str],
    pub body: Option<&'a str>,
    pub body_media_type: Option<&'a str>,
    pub host: Option<&'a str>,
    pub resolved_host: Option<&'a str>,
}

/// The response a loopback peer sends.
pub struct CannedResponse<'a> {
    pub code: u16,
    pub headers: &'a [(&'a str, &'a str)],
    pub body: &'a str,
}

type Captured = Arc<Mutex<Option<(http::request::Parts, Bytes)>>>;

/// Runs `call` against a client whose endpoint is a loopback peer answering `response`;
/// returns what the call returned and the request the peer received.
pub fn exchange<T>(
    response: &CannedResponse<'_>,
    validate: bool,
    call: impl AsyncFnOnce(client::Client) -> T,
) -> (T, Option<(http::request::Parts, Bytes)>) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime");
    runtime.block_on(async {
        let captured: Captured = Arc::default();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind a loopback port");
        let port = listener.local_addr().expect("local address").port();
        let mut builder = http::Response::builder().status(response.code);
        for (name, value) in response.headers {
            builder = builder.header(*name, *value);
        }
        let canned = builder.body(Bytes::from(response.body.to_string())).expect("canned response");
        let (canned_parts, canned_body) = canned.into_parts();
        let sink = captured.clone();
        let app = axum::Router::new().fallback(move |request: axum::extract::Request| {
            let sink = sink.clone();
            let (parts, body) = (canned_parts.clone(), canned_body.clone());
            async move {
                let (request_parts, request_body) = request.into_parts();
                let bytes = axum::body::to_bytes(request_body, usize::MAX).await.unwrap_or_default();
                *sink.lock().unwrap() = Some((request_parts, bytes));
                http::Response::from_parts(parts, axum::body::Body::from(body))
            }
        });
        let server = tokio::spawn(async move { axum::serve(listener, app).await });
        let config = rt::client::Config::builder()
            .region("us-east-1")
            .credentials(rt::client::Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None, None, "protocol-tests"))
            .endpoint_url(format!("http://127.0.0.1:{port}"))
            .max_attempts(1)
            .validate(validate)
            .build()
            .expect("client configuration");
        let result = call(client::Client::new(config)).await;
        server.abort();
        let request = captured.lock().unwrap().take();
        (result, request)
    })
}

/// Checks the request a case describes against the one the client sent.
pub fn check_request(sent: Option<(http::request::Parts, Bytes)>, error: Option<String>, expected: &ExpectedRequest<'_>) {
    let Some((parts, body)) = sent else {
        panic!("the client sent no request: {}", error.unwrap_or_default());
    };
    assert_eq!(parts.method.as_str(), expected.method, "method");
    assert_eq!(parts.uri.path(), expected.uri, "URI path");
    let query: Vec<&str> = parts.uri.query().unwrap_or("").split('&').filter(|p| !p.is_empty()).collect();
    let key = |p: &str| p.split_once('=').map_or(p, |(k, _)| k).to_string();
    for param in expected.query_params {
        assert!(query.contains(param), "query parameter `{param}` missing from {query:?}");
    }
    for name in expected.forbid_query_params {
        assert!(!query.iter().any(|p| key(p) == *name), "query parameter `{name}` forbidden: {query:?}");
    }
    for name in expected.require_query_params {
        assert!(query.iter().any(|p| key(p) == *name), "query parameter `{name}` required: {query:?}");
    }
    for (name, value) in expected.headers {
        let actual: Vec<&str> = parts.headers.get_all(*name).iter().map(|v| v.to_str().unwrap_or("<not text>")).collect();
        assert_eq!(actual.join(", "), *value, "header `{name}`");
    }
    for name in expected.forbid_headers {
        assert!(!parts.headers.contains_key(*name), "header `{name}` forbidden");
    }
    for name in expected.require_headers {
        assert!(parts.headers.contains_key(*name), "header `{name}` required");
    }
    if let Some(resolved) = expected.resolved_host.filter(|r| Some(*r) != expected.host) {
        panic!("the case expects host `{resolved}`, which a loopback endpoint cannot show");
    }
    check_body(&body, expected.body, expected.body_media_type);
}

fn check_body(actual: &[u8], expected: Option<&str>, media_type: Option<&str>) {
    let Some(expected) = expected else { return };
    if expected.is_empty() {
        assert!(actual.is_empty(), "expected an empty body, found {:?}", String::from_utf8_lossy(actual));
        return;
    }
    if media_type.is_some_and(|m| m.contains("json")) {
        let actual: serde_json::Value = serde_json::from_slice(actual)
            .unwrap_or_else(|e| panic!("body is not JSON ({e}): {:?}", String::from_utf8_lossy(actual)));
        let expected: serde_json::Value = serde_json::from_str(expected).expect("the case's JSON body");
        assert_eq!(actual, expected, "JSON body");
    } else {
        assert_eq!(String::from_utf8_lossy(actual), expected, "body");
    }
}

/// Equal, or (for values holding NaN, which is never equal to itself) equal as `Debug` shows them.
pub fn assert_same<T: PartialEq + std::fmt::Debug>(actual: &T, expected: &T) {
    if actual != expected {
        assert_eq!(format!("{actual:?}"), format!("{expected:?}"));
    }
}
