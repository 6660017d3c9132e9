// The server side of the compliance harness: a case's request sent through the generated
// `router(...)` (HTTP in, HTTP out, no socket), a handler that records what it receives, and
// the comparisons of responses. Emitted as-is into the generated test crate (it is not
// compiled as part of the generator).

use std::any::Any;
use std::sync::Mutex;

use bytes::Bytes;
use tower::ServiceExt;

/// How long a request may take before the case fails as hanging: generous, as the machine
/// may be busy building other things.
const ANSWER_WITHIN: std::time::Duration = std::time::Duration::from_secs(20);

/// A request as a case writes it.
pub struct Request<'a> {
    pub method: &'a str,
    pub uri: &'a str,
    pub query_params: &'a [&'a str],
    pub headers: &'a [(&'a str, &'a str)],
    pub body: Option<&'a str>,
    pub host: Option<&'a str>,
}

/// What a case expects of a response (status, the headers it lists, the body).
pub struct ExpectedResponse<'a> {
    pub code: u16,
    pub headers: &'a [(&'a str, &'a str)],
    pub body: Option<&'a str>,
    pub body_media_type: Option<&'a str>,
}

/// How a malformed-request case checks the body of the refusal.
pub enum MalformedBody<'a> {
    /// Not checked (the case gives no body).
    Unchecked,
    /// Exactly this body: as JSON values when the media type is JSON, else as text.
    Contents { media_type: &'a str, contents: &'a str },
    /// The body's `message` matches this regular expression.
    MessageRegex { regex: &'a str },
}

/// Sends `request` through `router` and returns the whole response.
pub fn send(router: axum::Router, request: &Request<'_>) -> http::Response<Bytes> {
    let mut uri = request.uri.to_string();
    if !request.query_params.is_empty() {
        uri.push(if uri.contains('?') { '&' } else { '?' });
        uri.push_str(&request.query_params.join("&"));
    }
    let mut builder = http::Request::builder().method(request.method).uri(uri.as_str());
    let mut has_host = false;
    let mut has_length = false;
    for (name, value) in request.headers {
        has_host |= name.eq_ignore_ascii_case("host");
        has_length |= name.eq_ignore_ascii_case("content-length");
        builder = builder.header(*name, *value);
    }
    // Only the headers the case lists (a `Host` only when it gives one): cases binding every
    // header to a map (`@httpPrefixHeaders("")`) expect exactly those.
    if let (false, Some(host)) = (has_host, request.host) {
        builder = builder.header("host", host);
    }
    let body = request.body.unwrap_or("");
    // A real client declares the length of a body it sends.
    if !has_length && !body.is_empty() {
        builder = builder.header("content-length", body.len().to_string());
    }
    let request = builder
        .body(axum::body::Body::from(body.to_string()))
        .unwrap_or_else(|e| panic!("the case's request is not valid HTTP ({e}): {uri}"));
    // The exchange runs on its own thread so that a server that never answers (a pattern
    // stuck backtracking, say) fails the case instead of hanging the run; the stuck thread
    // ends with the test process.
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime");
        let response = runtime.block_on(async {
            let response = match router.oneshot(request).await {
                Ok(response) => response,
                Err(never) => match never {},
            };
            let (parts, body) = response.into_parts();
            let body = axum::body::to_bytes(body, usize::MAX).await.expect("the response body");
            http::Response::from_parts(parts, body)
        });
        let _ = sender.send(response);
    });
    match receiver.recv_timeout(ANSWER_WITHIN) {
        Ok(response) => response,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("the server did not answer within {} s", ANSWER_WITHIN.as_secs())
        }
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => panic!("the server panicked"),
    }
}

/// The status and body of a response, for failure messages.
pub fn describe(response: &http::Response<Bytes>) -> String {
    format!("status {}, body {:?}", response.status().as_u16(), String::from_utf8_lossy(response.body()))
}

/// What the handler was called with (the operation's name and its input), if it was.
#[derive(Default)]
pub struct Exchange {
    called: Mutex<Option<(&'static str, Box<dyn Any + Send>)>>,
}

impl Exchange {
    /// Records a call and answers with an empty output.
    pub fn answer<I: Any + Send, O: Default, E>(&self, operation: &'static str, input: I) -> Result<O, E> {
        *self.called.lock().unwrap() = Some((operation, Box::new(input)));
        Ok(O::default())
    }

    /// The input `operation`'s handler received; fails naming the response when no handler,
    /// or another one, was called.
    pub fn input<I: Any>(&self, operation: &str, response: &http::Response<Bytes>) -> I {
        match self.called.lock().unwrap().take() {
            Some((called, input)) if called == operation => {
                *input.downcast::<I>().expect("the recorded input has the operation's input type")
            }
            Some((called, _)) => panic!("the request reached {called}, not {operation}: {}", describe(response)),
            None => panic!("the handler was not called: {}", describe(response)),
        }
    }

    /// Fails when a handler was called: a malformed request must be refused before.
    pub fn assert_not_called(&self, response: &http::Response<Bytes>) {
        if let Some((called, _)) = self.called.lock().unwrap().as_ref() {
            panic!("the request was not refused: {called} was called ({})", describe(response));
        }
    }
}

fn check_headers(response: &http::Response<Bytes>, expected: &[(&str, &str)]) {
    for (name, value) in expected {
        let actual: Vec<&str> = response
            .headers()
            .get_all(*name)
            .iter()
            .map(|v| v.to_str().unwrap_or("<not text>"))
            .collect();
        assert_eq!(actual.join(", "), *value, "header `{name}` ({})", describe(response));
    }
}

/// Checks a response a case describes.
pub fn check_response(response: &http::Response<Bytes>, expected: &ExpectedResponse<'_>) {
    assert_eq!(response.status().as_u16(), expected.code, "status ({})", describe(response));
    check_headers(response, expected.headers);
    super::harness::check_body(response.body(), expected.body, expected.body_media_type);
}

/// Checks the refusal of a malformed request.
pub fn check_malformed(response: &http::Response<Bytes>, code: u16, headers: &[(&str, &str)], body: &MalformedBody<'_>) {
    assert_eq!(response.status().as_u16(), code, "status ({})", describe(response));
    check_headers(response, headers);
    match body {
        MalformedBody::Unchecked => {}
        MalformedBody::Contents { media_type, contents } => {
            super::harness::check_body(response.body(), Some(contents), Some(media_type))
        }
        MalformedBody::MessageRegex { regex } => {
            let body: serde_json::Value = serde_json::from_slice(response.body())
                .unwrap_or_else(|e| panic!("the body is not JSON ({e}): {}", describe(response)));
            let Some(message) = body.get("message").and_then(serde_json::Value::as_str) else {
                panic!("the body has no `message`: {}", describe(response));
            };
            let pattern = regex::Regex::new(regex).unwrap_or_else(|e| panic!("the case's regex `{regex}`: {e}"));
            assert!(pattern.is_match(message), "`message` {message:?} does not match `{regex}`");
        }
    }
}
