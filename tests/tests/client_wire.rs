//! The generated client on the wire, for all 40 operations, against a capture server: an
//! axum server on 127.0.0.1 that records every request as it arrived (method, raw path and
//! query, headers, body) and answers with queued responses.
//!
//! The expected requests, responses and error statuses come from `support/cases.rs`, which
//! writes them by hand from the IVS API reference. Each test walks every case and collects
//! every mismatch, so one run reports all of them, each naming its operation.

#[path = "support/cases.rs"]
mod cases;
mod support;

use std::collections::{BTreeSet, VecDeque};
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::response::Response;
use bytes::Bytes;
use cases::{Case, CaseOp, REQUEST_ID, Visitor, WireResponse};
use http::HeaderMap;
use serde_json::{Value, json};
use support::{ACCESS_KEY, REGION};

// ---------------------------------------------------------------------------------------
// The capture server
// ---------------------------------------------------------------------------------------

/// One request as the server received it.
#[derive(Debug)]
struct Captured {
    method: String,
    /// The request target exactly as sent: raw path, then `?` and the raw query if any.
    target: String,
    headers: HeaderMap,
    body: Bytes,
}

impl Captured {
    fn path(&self) -> &str {
        self.target
            .split_once('?')
            .map_or(self.target.as_str(), |(path, _)| path)
    }

    fn query(&self) -> &str {
        self.target.split_once('?').map_or("", |(_, query)| query)
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

#[derive(Default)]
struct Shared {
    requests: Vec<Captured>,
    responses: VecDeque<WireResponse>,
}

/// Serves on 127.0.0.1:<ephemeral> until dropped.
struct CaptureServer {
    url: String,
    shared: Arc<Mutex<Shared>>,
    task: tokio::task::JoinHandle<()>,
}

impl CaptureServer {
    async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let url = format!("http://{}", listener.local_addr().expect("local address"));
        let shared = Arc::new(Mutex::new(Shared::default()));
        let app = axum::Router::new().fallback(capture).with_state(shared.clone());
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.expect("capture server");
        });
        CaptureServer { url, shared, task }
    }

    /// Queues the answer to the next request.
    fn respond(&self, response: WireResponse) {
        self.shared.lock().unwrap().responses.push_back(response);
    }

    /// The requests received since the last call, and forgets unused queued answers.
    fn take(&self) -> Vec<Captured> {
        let mut shared = self.shared.lock().unwrap();
        shared.responses.clear();
        std::mem::take(&mut shared.requests)
    }
}

impl Drop for CaptureServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn capture(State(shared): State<Arc<Mutex<Shared>>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let body = axum::body::to_bytes(body, usize::MAX).await.unwrap_or_default();
    let canned = {
        let mut shared = shared.lock().unwrap();
        shared.requests.push(Captured {
            method: parts.method.to_string(),
            target: parts.uri.to_string(),
            headers: parts.headers,
            body,
        });
        shared.responses.pop_front()
    };
    // A request nobody expected gets an error no operation models, so it cannot pass for
    // a success.
    let canned = canned.unwrap_or_else(|| WireResponse {
        status: 418,
        headers: vec![("x-amzn-errortype", "NoCannedResponse".to_owned())],
        body: Some(json!({"message": "the capture server had no response queued"})),
    });
    let mut builder = http::Response::builder().status(canned.status);
    for (name, value) in &canned.headers {
        builder = builder.header(*name, value);
    }
    let body = match &canned.body {
        Some(value) => Body::from(serde_json::to_vec(value).unwrap()),
        None => Body::empty(),
    };
    builder.body(body).unwrap()
}

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// A client that makes exactly one attempt, so a 5xx or 429 answer is not retried.
fn one_attempt_client(url: &str) -> ivs_client::Client {
    ivs_client::Client::new(support::config(url).max_attempts(1).build().expect("configuration"))
}

/// An error response the way IVS sends one.
fn error_response(status: u16, code: &str, message: &str) -> WireResponse {
    WireResponse {
        status,
        headers: vec![
            ("content-type", "application/json".to_owned()),
            ("x-amzn-errortype", code.to_owned()),
            ("x-amzn-requestid", REQUEST_ID.to_owned()),
        ],
        body: Some(json!({"exceptionMessage": message})),
    }
}

/// `yyyymmdd` of now and of a minute ago (a test may straddle midnight UTC).
fn recent_dates() -> [String; 2] {
    let now = smithy_runtime::time::OffsetDateTime::now_utc();
    let before = now - smithy_runtime::time::Duration::minutes(1);
    let day =
        |t: smithy_runtime::time::OffsetDateTime| format!("{:04}{:02}{:02}", t.year(), u8::from(t.month()), t.day());
    [day(now), day(before)]
}

/// SigV4 as IVS expects it: `x-amz-date` of today, and an `authorization` header scoped to
/// our key, that date, us-west-2 and the `ivs` signing name, signing at least host and date.
fn check_signature(request: &Captured) -> Result<(), String> {
    let date = request.header("x-amz-date").ok_or("no x-amz-date header")?;
    let well_formed = date.len() == 16
        && date.as_bytes()[8] == b'T'
        && date.ends_with('Z')
        && date[..8].bytes().chain(date[9..15].bytes()).all(|b| b.is_ascii_digit());
    if !well_formed {
        return Err(format!("x-amz-date {date:?} is not yyyymmddTHHMMSSZ"));
    }
    let day = &date[..8];
    if !recent_dates().iter().any(|d| d == day) {
        return Err(format!("x-amz-date {date} is not today (UTC)"));
    }
    let authorization = request.header("authorization").ok_or("no authorization header")?;
    let prefix = format!("AWS4-HMAC-SHA256 Credential={ACCESS_KEY}/{day}/{REGION}/ivs/aws4_request, SignedHeaders=");
    let Some(rest) = authorization.strip_prefix(&prefix) else {
        return Err(format!(
            "authorization {authorization:?} does not start with {prefix:?}"
        ));
    };
    let Some((signed, signature)) = rest.split_once(", Signature=") else {
        return Err(format!("authorization {authorization:?} has no signature"));
    };
    let signed: Vec<&str> = signed.split(';').collect();
    for needed in ["host", "x-amz-date"] {
        if !signed.contains(&needed) {
            return Err(format!("SignedHeaders {signed:?} lacks {needed}"));
        }
    }
    if signature.len() != 64 || !signature.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(format!("signature {signature:?} is not 64 hex digits"));
    }
    Ok(())
}

/// Fails the test with every collected mismatch.
fn assert_no_failures(what: &str, failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{what}: {} mismatch(es)\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------------------
// Requests and responses
// ---------------------------------------------------------------------------------------

struct RequestAndResponse {
    server: CaptureServer,
    client: ivs_client::Client,
    visited: Vec<&'static str>,
    failures: Vec<String>,
}

impl RequestAndResponse {
    /// The request must be exactly the reference's.
    fn check_request(&mut self, name: &str, expected: &cases::WireRequest, request: &Captured) {
        let mut fail = |what: String| self.failures.push(format!("{name}: {what}"));
        if request.method != expected.method {
            fail(format!("method {} (expected {})", request.method, expected.method));
        }
        if request.path() != expected.path {
            fail(format!("path {} (expected {})", request.path(), expected.path));
        }
        if request.query() != expected.query {
            fail(format!("query {:?} (expected {:?})", request.query(), expected.query));
        }
        match &expected.body {
            Some(body) => {
                match serde_json::from_slice::<Value>(&request.body) {
                    Ok(sent) if &sent == body => {}
                    Ok(sent) => fail(format!("body {sent} (expected {body})")),
                    Err(e) => fail(format!(
                        "body is not JSON ({e}): {:?}",
                        String::from_utf8_lossy(&request.body)
                    )),
                }
                if request.header("content-type") != Some("application/json") {
                    fail(format!(
                        "content-type {:?} (expected application/json)",
                        request.header("content-type")
                    ));
                }
            }
            None => {
                if !request.body.is_empty() {
                    fail(format!(
                        "a body {:?} (the reference has none)",
                        String::from_utf8_lossy(&request.body)
                    ));
                }
                // The reference's request syntax has no Content-type line without a body.
                if let Some(content_type) = request.header("content-type") {
                    fail(format!("content-type {content_type:?} on a request without a body"));
                }
            }
        }
        if let Err(e) = check_signature(request) {
            fail(e);
        }
    }
}

impl Visitor for RequestAndResponse {
    async fn visit<O: CaseOp>(&mut self, case: Case<O>) {
        let name = case.name;
        self.visited.push(name);
        if name != O::INFO.name {
            self.failures
                .push(format!("{name}: the case is paired with operation {}", O::INFO.name));
        }
        self.server.respond(case.response.clone());
        let result = (case.call)(&self.client, case.input.clone()).await;
        let requests = self.server.take();
        match requests.as_slice() {
            [request] => self.check_request(name, &case.request, request),
            other => self
                .failures
                .push(format!("{name}: {} requests sent (expected 1)", other.len())),
        }
        match result {
            Ok(output) if output == case.output => {}
            Ok(output) => self.failures.push(format!(
                "{name}: decoded output\n  {output:?}\nexpected\n  {:?}",
                case.output
            )),
            Err(error) => self.failures.push(format!("{name}: call failed: {error} ({error:?})")),
        }
    }
}

/// For every operation: the method, path, query, JSON body and signature the reference
/// gives, and the canned response decoded into exactly the expected output.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_operation_sends_the_documented_request_and_decodes_the_response() {
    let server = CaptureServer::start().await;
    let client = support::client(&server.url);
    let mut visitor = RequestAndResponse {
        server,
        client,
        visited: Vec::new(),
        failures: Vec::new(),
    };
    cases::visit_all(&mut visitor).await;

    let distinct: BTreeSet<&str> = visitor.visited.iter().copied().collect();
    assert_eq!(visitor.visited.len(), cases::OPERATION_COUNT, "one case per operation");
    assert_eq!(
        distinct.len(),
        cases::OPERATION_COUNT,
        "no operation twice: {:?}",
        visitor.visited
    );
    assert_no_failures("requests and responses", &visitor.failures);
}

// ---------------------------------------------------------------------------------------
// Modeled and unmodeled errors
// ---------------------------------------------------------------------------------------

struct ModeledErrors {
    server: CaptureServer,
    client: ivs_client::Client,
    errors_checked: usize,
    failures: Vec<String>,
}

impl Visitor for ModeledErrors {
    async fn visit<O: CaseOp>(&mut self, case: Case<O>) {
        for expected in &case.errors {
            let what = format!("{} / {}", case.name, expected.code);
            let message = format!("{} raised by {} for the test", expected.code, case.name);
            self.server
                .respond(error_response(expected.status, expected.code, &message));
            let result = (case.call)(&self.client, case.input.clone()).await;
            let sent = self.server.take().len();
            self.errors_checked += 1;
            if sent != 1 {
                self.failures
                    .push(format!("{what}: {sent} requests sent (expected 1, no retry)"));
            }
            let error = match result {
                Ok(output) => {
                    self.failures.push(format!("{what}: succeeded with {output:?}"));
                    continue;
                }
                Err(error) => error,
            };
            match &error {
                ivs_client::Error::Service(service) if service.status() == expected.status => {}
                ivs_client::Error::Service(service) => self.failures.push(format!(
                    "{what}: status {} (expected {})",
                    service.status(),
                    expected.status
                )),
                other => {
                    self.failures
                        .push(format!("{what}: not a service error: {other} ({other:?})"));
                    continue;
                }
            }
            let service_error = error.as_service_error().expect("a service error");
            match (expected.fields)(service_error) {
                Some(fields) => {
                    if fields.message.as_deref() != Some(message.as_str()) {
                        self.failures
                            .push(format!("{what}: exceptionMessage {:?}", fields.message));
                    }
                    // The member bound to `x-amzn-ErrorType` holds the header's value.
                    if fields.error_type.as_deref() != Some(expected.code) {
                        self.failures
                            .push(format!("{what}: xAmznErrorType member {:?}", fields.error_type));
                    }
                }
                None => self
                    .failures
                    .push(format!("{what}: decoded as the wrong variant: {service_error:?}")),
            }
            let display = error.to_string();
            if !display.contains(expected.code) || !display.contains(&message) {
                self.failures
                    .push(format!("{what}: Display {display:?} lacks the code or the message"));
            }
            if error.request_id() != Some(REQUEST_ID) {
                self.failures
                    .push(format!("{what}: request id {:?}", error.request_id()));
            }
        }
    }
}

/// Every modeled error of every operation, sent with its status, `x-amzn-errortype` and an
/// `exceptionMessage`, comes back as its own variant with the message and the request id.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_modeled_error_decodes_to_its_variant() {
    let server = CaptureServer::start().await;
    let client = one_attempt_client(&server.url);
    let mut visitor = ModeledErrors {
        server,
        client,
        errors_checked: 0,
        failures: Vec::new(),
    };
    cases::visit_all(&mut visitor).await;
    // 3 to 8 errors per operation: a sanity check that the lists are not empty.
    assert!(
        visitor.errors_checked >= 150,
        "only {} errors checked",
        visitor.errors_checked
    );
    assert_no_failures("modeled errors", &visitor.failures);
}

/// Each case's error names, by operation.
#[derive(Default)]
struct ListedErrors(std::collections::BTreeMap<String, BTreeSet<String>>);

impl Visitor for ListedErrors {
    async fn visit<O: CaseOp>(&mut self, case: Case<O>) {
        let codes = case.errors.iter().map(|e| e.code.to_owned()).collect();
        self.0.insert(case.name.to_owned(), codes);
    }
}

/// The cases list exactly the errors the model gives each operation. The error enums are
/// `#[non_exhaustive]`, so the build cannot check this with an exhaustive `match`: the model
/// itself, lowered by the generator, is the reference.
#[tokio::test]
async fn every_case_lists_exactly_the_modeled_errors() {
    let sources = [
        codegen::ModelSource {
            name: "model/ivs.json".into(),
            text: include_str!("../../model/ivs.json").into(),
        },
        codegen::ModelSource {
            name: "model/ivs-fixes.json".into(),
            text: include_str!("../../model/ivs-fixes.json").into(),
        },
    ];
    let service = codegen::load_service(&sources, None).expect("the IVS model loads");
    let modeled: std::collections::BTreeMap<String, BTreeSet<String>> = service
        .operations
        .iter()
        .map(|op| (op.name.clone(), op.errors.iter().cloned().collect()))
        .collect();
    let mut listed = ListedErrors::default();
    cases::visit_all(&mut listed).await;
    assert_eq!(listed.0, modeled);
}

struct UnmodeledErrors {
    server: CaptureServer,
    client: ivs_client::Client,
    failures: Vec<String>,
}

impl Visitor for UnmodeledErrors {
    async fn visit<O: CaseOp>(&mut self, case: Case<O>) {
        let name = case.name;
        let message = "The security token included in the request is invalid.";
        self.server
            .respond(error_response(403, "UnrecognizedClientException", message));
        let result = (case.call)(&self.client, case.input.clone()).await;
        self.server.take();
        let error = match result {
            Ok(output) => return self.failures.push(format!("{name}: succeeded with {output:?}")),
            Err(error) => error,
        };
        let Some(service_error) = error.as_service_error() else {
            return self.failures.push(format!("{name}: not a service error: {error}"));
        };
        match (case.unhandled)(service_error) {
            Some(unhandled) => {
                if unhandled.code != "UnrecognizedClientException"
                    || unhandled.message.as_deref() != Some(message)
                    || unhandled.status != 403
                {
                    self.failures.push(format!("{name}: unhandled error {unhandled:?}"));
                }
            }
            None => self
                .failures
                .push(format!("{name}: not the Unhandled variant: {service_error:?}")),
        }
        if error.request_id() != Some(REQUEST_ID) {
            self.failures
                .push(format!("{name}: request id {:?}", error.request_id()));
        }
        let display = error.to_string();
        if !display.contains("UnrecognizedClientException") || !display.contains(message) {
            self.failures.push(format!("{name}: Display {display:?}"));
        }
    }
}

/// A code the operation does not model is kept, with its message and status, in the
/// `Unhandled` variant.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unmodeled_error_codes_are_kept_as_unhandled() {
    let server = CaptureServer::start().await;
    let client = one_attempt_client(&server.url);
    let mut visitor = UnmodeledErrors {
        server,
        client,
        failures: Vec::new(),
    };
    cases::visit_all(&mut visitor).await;
    assert_no_failures("unmodeled errors", &visitor.failures);
}

/// restJson1 lets the error code come in the body instead of `x-amzn-errortype`: as `code`,
/// or as `__type` with a namespace and a URI suffix; a header value may carry the suffix
/// too. Each must still select the right variant.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn error_codes_are_found_in_the_body_and_stripped_of_namespace_and_suffix() {
    use ivs_model::operation::delete_channel::DeleteChannelError;
    use ivs_model::operation::get_channel::GetChannelError;
    use ivs_model::operation::update_channel::UpdateChannelError;

    let server = CaptureServer::start().await;
    let client = one_attempt_client(&server.url);
    let mut failures = Vec::new();

    // Only `__type`, namespaced and with a suffix.
    server.respond(WireResponse {
        status: 409,
        headers: vec![("content-type", "application/json".to_owned())],
        body: Some(json!({
            "__type": "aws.ivs#ConflictException:http://internal.amazon.com/coral/com.amazonaws.ivs/",
            "exceptionMessage": "the channel is live"
        })),
    });
    let error = client
        .delete_channel()
        .arn(cases::CHANNEL_ARN)
        .send()
        .await
        .expect_err("an error");
    match error.as_service_error() {
        Some(DeleteChannelError::ConflictException(e))
            if e.exception_message.as_deref() == Some("the channel is live") => {}
        other => failures.push(format!("__type: {other:?} ({error})")),
    }

    // Only `code`.
    server.respond(WireResponse {
        status: 404,
        headers: vec![("content-type", "application/json".to_owned())],
        body: Some(json!({"code": "ResourceNotFoundException", "exceptionMessage": "no such channel"})),
    });
    let error = client
        .get_channel()
        .arn(cases::CHANNEL_ARN)
        .send()
        .await
        .expect_err("an error");
    match error.as_service_error() {
        Some(GetChannelError::ResourceNotFoundException(e))
            if e.exception_message.as_deref() == Some("no such channel") => {}
        other => failures.push(format!("code: {other:?} ({error})")),
    }

    // The header, with a suffix after `:`.
    server.respond(error_response(
        409,
        "ConflictException:http://internal.amazon.com/coral/com.amazon.coral.validate/",
        "a stream is live on the channel",
    ));
    let error = client
        .update_channel()
        .arn(cases::CHANNEL_ARN)
        .name("renamed")
        .send()
        .await
        .expect_err("an error");
    match error.as_service_error() {
        Some(UpdateChannelError::ConflictException(e))
            if e.exception_message.as_deref() == Some("a stream is live on the channel") => {}
        other => failures.push(format!("header with suffix: {other:?} ({error})")),
    }
    assert_eq!(server.take().len(), 3);
    assert_no_failures("error codes", &failures);
}

// ---------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------

/// Each input breaks one of the model's constraints: the call fails with
/// `Error::Validation`, having sent nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_input_is_never_sent() {
    let server = CaptureServer::start().await;
    let client = support::client(&server.url);

    fn expect_validation<T: std::fmt::Debug, E: smithy_runtime::protocol::OperationError>(
        what: &str,
        result: Result<T, ivs_client::Error<E>>,
    ) {
        match result {
            Err(error @ ivs_client::Error::Validation(_)) => assert_eq!(error.attempts(), 0, "{what}"),
            other => panic!("{what}: expected a validation error, got {other:?}"),
        }
    }

    // Pattern `^[a-zA-Z0-9-_]*$`.
    expect_validation(
        "CreateChannel name",
        client.create_channel().name("spaces are not allowed").send().await,
    );
    // The label-bound ARN breaks `ResourceArn`'s pattern.
    expect_validation(
        "UntagResource resourceArn",
        client
            .untag_resource()
            .resource_arn("not-an-arn")
            .tag_keys("team")
            .send()
            .await,
    );
    // `StreamId` is exactly 26 characters.
    expect_validation(
        "GetStreamSession streamId",
        client
            .get_stream_session()
            .channel_arn(cases::CHANNEL_ARN)
            .stream_id("st-short")
            .send()
            .await,
    );
    // `AdDurationSeconds` is 1..300.
    expect_validation(
        "InsertAdBreak durationSeconds",
        client
            .insert_ad_break()
            .channel_arn(cases::CHANNEL_ARN)
            .duration_seconds(301)
            .send()
            .await,
    );
    // `arns` holds 1..50 items.
    expect_validation(
        "BatchGetChannel arns",
        client.batch_get_channel().set_arns(Some(Vec::new())).send().await,
    );
    // `tags` is required.
    expect_validation(
        "TagResource tags",
        client.tag_resource().resource_arn(cases::CHANNEL_ARN).send().await,
    );

    let sent = server.take();
    assert!(sent.is_empty(), "invalid requests reached the server: {sent:?}");
}

/// With validation turned off, the same invalid inputs are sent as they are, and the
/// service's own `ValidationException` comes back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn turning_validation_off_sends_invalid_input() {
    use ivs_model::operation::create_channel::CreateChannelError;
    use ivs_model::operation::insert_ad_break::InsertAdBreakError;

    let server = CaptureServer::start().await;
    let config = support::config(&server.url)
        .validate(false)
        .build()
        .expect("configuration");
    let client = ivs_client::Client::new(config);

    server.respond(error_response(
        400,
        "ValidationException",
        "name failed to satisfy constraint",
    ));
    let error = client
        .create_channel()
        .name("spaces are not allowed")
        .send()
        .await
        .expect_err("rejected");
    assert!(
        matches!(
            error.as_service_error(),
            Some(CreateChannelError::ValidationException(_))
        ),
        "{error:?}"
    );
    let sent = server.take();
    assert_eq!(sent.len(), 1, "the invalid request was sent");
    let body: Value = serde_json::from_slice(&sent[0].body).unwrap();
    assert_eq!(body, json!({"name": "spaces are not allowed"}));

    server.respond(error_response(
        400,
        "ValidationException",
        "durationSeconds out of range",
    ));
    let error = client
        .insert_ad_break()
        .channel_arn(cases::CHANNEL_ARN)
        .duration_seconds(301)
        .send()
        .await
        .expect_err("rejected");
    assert!(
        matches!(
            error.as_service_error(),
            Some(InsertAdBreakError::ValidationException(_))
        ),
        "{error:?}"
    );
    let sent = server.take();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].path(), "/InsertAdBreak");
    let body: Value = serde_json::from_slice(&sent[0].body).unwrap();
    assert_eq!(body, json!({"channelArn": cases::CHANNEL_ARN, "durationSeconds": 301}));
}

/// Members left unset are not sent, even those with a documented default (the service
/// applies defaults; a client must not send values the caller did not set), so an input
/// with nothing set is `{}`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unset_members_are_not_sent() {
    let server = CaptureServer::start().await;
    let client = support::client(&server.url);

    server.respond(WireResponse {
        status: 200,
        headers: vec![("content-type", "application/json".to_owned())],
        body: Some(json!({"channels": []})),
    });
    let listed = client.list_channels().send().await.expect("ListChannels");
    assert_eq!(listed.channels, Some(Vec::new()));

    server.respond(WireResponse {
        status: 200,
        headers: vec![("content-type", "application/json".to_owned())],
        body: Some(json!({"channel": {"arn": cases::CHANNEL_ARN, "name": "defaults"}})),
    });
    client
        .create_channel()
        .name("defaults")
        .send()
        .await
        .expect("CreateChannel");

    let sent = server.take();
    assert_eq!(sent.len(), 2);
    let bodies: Vec<Value> = sent.iter().map(|r| serde_json::from_slice(&r.body).unwrap()).collect();
    assert_eq!(bodies[0], json!({}), "ListChannels with nothing set");
    // latencyMode, type, authorized, insecureIngest, containerFormat, ... have defaults in
    // the model; none is sent.
    assert_eq!(bodies[1], json!({"name": "defaults"}), "CreateChannel with only a name");
}
