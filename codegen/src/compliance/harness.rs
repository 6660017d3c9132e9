// The compliance harness: a capture HTTP client (through the client's `HttpClient` hook) and
// the comparisons every case uses. Emitted as-is into the generated test crate (it is not
// compiled as part of the generator).

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

/// The response the capture client answers with, exactly as the case gives it.
pub struct CannedResponse<'a> {
    pub code: u16,
    pub headers: &'a [(&'a str, &'a str)],
    pub body: &'a str,
}

type Captured = Arc<Mutex<Option<(http::request::Parts, Bytes)>>>;

/// The token the suite expects for an `@idempotencyToken` member left unset.
const IDEMPOTENCY_TOKEN: &str = "00000000-0000-4000-8000-000000000000";

/// Keeps the request the client would send and answers with the case's response exactly as
/// the case writes it: no `Date` or `Content-Length` added, as a real HTTP peer would.
#[derive(Debug)]
struct Capture {
    sent: Captured,
    status: u16,
    headers: Vec<(String, String)>,
    body: Bytes,
}

impl rt::client::HttpClient for Capture {
    fn send(&self, request: http::Request<Bytes>) -> rt::client::HttpFuture<'_> {
        *self.sent.lock().unwrap() = Some(request.into_parts());
        let mut builder = http::Response::builder().status(self.status);
        for (name, value) in &self.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        let response = builder.body(self.body.clone()).expect("the case's response");
        Box::pin(async move { Ok(response) })
    }
}

/// Runs `call` against a client whose HTTP client captures the request and answers
/// `response`; the endpoint is `https://` and the case's `host` (`example.com` when it gives
/// none). Returns what the call returned and the request the client sent.
pub fn exchange<T>(
    response: &CannedResponse<'_>,
    validate: bool,
    host: Option<&str>,
    call: impl AsyncFnOnce(client::Client) -> T,
) -> (T, Option<(http::request::Parts, Bytes)>) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime");
    runtime.block_on(async {
        let sent: Captured = Arc::default();
        let capture = Capture {
            sent: sent.clone(),
            status: response.code,
            headers: response.headers.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect(),
            body: Bytes::from(response.body.to_string()),
        };
        let config = rt::client::Config::builder()
            .region("us-east-1")
            .credentials(rt::client::Credentials::new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", None, None, "protocol-tests"))
            .endpoint_url(format!("https://{}", host.unwrap_or("example.com")))
            .http_client(capture)
            .idempotency_token_provider(|| IDEMPOTENCY_TOKEN.to_string())
            .max_attempts(1)
            .validate(validate)
            .build()
            .expect("client configuration");
        let result = call(client::Client::new(config)).await;
        let request = sent.lock().unwrap().take();
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
    // `resolvedHost` is the host the request goes to; without it, the case's `host` (whose
    // path part, if any, is the endpoint's path, not the host's).
    let host = expected.resolved_host.or(expected.host.map(|h| h.split('/').next().unwrap_or(h)));
    if let Some(host) = host {
        assert_eq!(parts.uri.host(), Some(host), "the request's host");
        let header = parts.headers.get("host").map(|v| v.to_str().unwrap_or("<not text>"));
        assert_eq!(header, Some(host), "header `host`");
    }
    check_body(&body, expected.body, expected.body_media_type);
}

pub fn check_body(actual: &[u8], expected: Option<&str>, media_type: Option<&str>) {
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
