//! The whole server over real HTTP: a hand-written fake service, served by `axum::serve` on
//! 127.0.0.1, called with raw HTTP/1.1 over a `TcpStream`.

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::time::{Duration, SystemTime};

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use super::*;
use crate::protocol::{
    DecodeError, EncodeError, HttpRequest, HttpResponse, Operation, OperationError, OperationInfo, Protocol,
    UnhandledError,
};
use crate::rest_json::RestJson1;
use crate::{Unit, Validate, Validator};

/// The fake service's protocol: restJson1 with IVS's error message member.
const IVS: RestJson1 = RestJson1::new("exceptionMessage");

// ----- a fake service -----

/// `POST /echo/{name}` with a JSON body `{"count": n, "action": "..."}`.
struct Echo;

#[derive(Debug, Default)]
struct EchoInput {
    name: Option<String>,
    count: Option<i64>,
    action: Option<String>,
}

impl Validate for EchoInput {
    fn validate_into(&self, v: &mut Validator) {
        v.member("name", self.name.as_deref(), true, |v, name| {
            v.length_str(name, Some(1), Some(5))
        });
        v.member("count", self.count.as_ref(), false, |v, count| {
            v.range_int(*count, Some(0), Some(10))
        });
    }
}

#[derive(Debug)]
struct EchoOutput {
    greeting: String,
    header: String,
}

impl Validate for EchoOutput {
    fn validate_into(&self, _: &mut Validator) {}
}

#[derive(Debug)]
enum EchoError {
    Conflict(String),
    Unhandled(UnhandledError),
}

impl std::fmt::Display for EchoError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EchoError::Conflict(message) => write!(f, "ConflictException: {message}"),
            EchoError::Unhandled(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for EchoError {}

impl OperationError for EchoError {
    fn decode(_: &str, unhandled: UnhandledError, _: &http::response::Parts, _: &[u8]) -> Result<Self, DecodeError> {
        Ok(EchoError::Unhandled(unhandled))
    }
    fn encode(&self, protocol: &dyn Protocol) -> Result<HttpResponse, EncodeError> {
        match self {
            EchoError::Conflict(message) => {
                let mut body = serde_json::Map::new();
                body.insert("exceptionMessage".into(), message.as_str().into());
                crate::rest_json::error_response(409, "ConflictException", Some(message), body)
            }
            EchoError::Unhandled(error) => error.encode(protocol),
        }
    }
    fn unhandled(error: UnhandledError) -> Self {
        EchoError::Unhandled(error)
    }
    fn code(&self) -> &str {
        match self {
            EchoError::Conflict(_) => "ConflictException",
            EchoError::Unhandled(error) => &error.code,
        }
    }
    fn message(&self) -> Option<&str> {
        match self {
            EchoError::Conflict(message) => Some(message),
            EchoError::Unhandled(error) => error.message.as_deref(),
        }
    }
    fn status(&self) -> u16 {
        match self {
            EchoError::Conflict(_) => 409,
            EchoError::Unhandled(error) => error.status,
        }
    }
}

fn unused<T>() -> Result<T, EncodeError> {
    Err(EncodeError::new("not used by the server"))
}

fn not_decoded<T>() -> Result<T, DecodeError> {
    Err(DecodeError::new("not used by the server"))
}

impl Operation for Echo {
    const PROTOCOL: &'static dyn Protocol = &IVS;
    const INFO: OperationInfo = OperationInfo {
        name: "Echo",
        method: "POST",
        uri: "/echo/{name}",
        status: 200,
        idempotent: false,
    };
    type Input = EchoInput;
    type Output = EchoOutput;
    type Error = EchoError;

    fn encode_input(_: &EchoInput) -> Result<HttpRequest, EncodeError> {
        unused()
    }
    fn decode_input(_: &http::request::Parts, labels: &[String], body: &[u8]) -> Result<EchoInput, DecodeError> {
        let mut input = EchoInput {
            name: labels.first().cloned(),
            ..EchoInput::default()
        };
        if !body.is_empty() {
            let json: Value =
                serde_json::from_slice(body).map_err(|e| DecodeError::new(format!("malformed JSON body: {e}")))?;
            input.count = json.get("count").and_then(Value::as_i64);
            input.action = json.get("action").and_then(Value::as_str).map(str::to_owned);
        }
        Ok(input)
    }
    fn encode_output(output: &EchoOutput) -> Result<HttpResponse, EncodeError> {
        let mut builder = crate::rest_json::ResponseBuilder::new(200);
        builder.header_text("x-echo", Some(output.header.clone()))?;
        builder.json_body(&json!({ "greeting": output.greeting }))?;
        builder.build()
    }
    fn decode_output(_: &http::response::Parts, _: &[u8]) -> Result<EchoOutput, DecodeError> {
        not_decoded()
    }
}

/// `GET /tags/{resourceArn}`, `GET /objects/{key+}` and `GET /objects/{key+}?list`: answer
/// with their labels, to show what the router decoded.
struct Labels<const N: usize>;

#[derive(Debug)]
struct LabelsInput(Vec<String>);

impl Validate for LabelsInput {
    fn validate_into(&self, _: &mut Validator) {}
}

const LABEL_OPS: [OperationInfo; 3] = [
    OperationInfo {
        name: "GetTags",
        method: "GET",
        uri: "/tags/{resourceArn}",
        status: 200,
        idempotent: true,
    },
    OperationInfo {
        name: "GetObject",
        method: "GET",
        uri: "/objects/{key+}",
        status: 200,
        idempotent: true,
    },
    OperationInfo {
        name: "ListObject",
        method: "GET",
        uri: "/objects/{key+}?list",
        status: 200,
        idempotent: true,
    },
];

impl<const N: usize> Operation for Labels<N> {
    const PROTOCOL: &'static dyn Protocol = &IVS;
    const INFO: OperationInfo = LABEL_OPS[N];
    type Input = LabelsInput;
    type Output = Unit;
    type Error = EchoError;

    fn encode_input(_: &LabelsInput) -> Result<HttpRequest, EncodeError> {
        unused()
    }
    fn decode_input(_: &http::request::Parts, labels: &[String], _: &[u8]) -> Result<LabelsInput, DecodeError> {
        Ok(LabelsInput(labels.to_vec()))
    }
    fn encode_output(_: &Unit) -> Result<HttpResponse, EncodeError> {
        unused()
    }
    fn decode_output(_: &http::response::Parts, _: &[u8]) -> Result<Unit, DecodeError> {
        not_decoded()
    }
}

struct Fake;

static OPERATIONS: [OperationInfo; 5] = [Echo::INFO, LABEL_OPS[0], LABEL_OPS[1], LABEL_OPS[2], UPLOAD];

const UPLOAD: OperationInfo = OperationInfo {
    name: "Upload",
    method: "PUT",
    uri: "/upload",
    status: 200,
    idempotent: true,
};

/// The fake handler for every labels operation: a 409 whose message lists the operation and
/// its labels (a `Unit` output could not show them).
async fn show_labels(name: &str, input: LabelsInput) -> Result<Unit, EchoError> {
    Err(EchoError::Conflict(format!("{name} {}", input.0.join("|"))))
}

impl Dispatch for Fake {
    fn operations(&self) -> &'static [OperationInfo] {
        &OPERATIONS
    }

    fn protocol(&self) -> &'static dyn Protocol {
        &IVS
    }

    fn call(&self, index: usize, request: OperationRequest) -> Pin<Box<dyn Future<Output = HttpResponse> + Send + '_>> {
        match index {
            0 => Box::pin(handle::<Echo, _, _>(request, echo)),
            1 => Box::pin(handle::<Labels<0>, _, _>(request, |input, _| {
                show_labels("GetTags", input)
            })),
            2 => Box::pin(handle::<Labels<1>, _, _>(request, |input, _| {
                show_labels("GetObject", input)
            })),
            3 => Box::pin(handle::<Labels<2>, _, _>(request, |input, _| {
                show_labels("ListObject", input)
            })),
            // Reads its body as raw bytes: answers with their length.
            4 => Box::pin(async move {
                let message = format!("{} bytes", request.body.len());
                crate::rest_json::error_response(409, "ConflictException", Some(&message), serde_json::Map::new())
                    .unwrap()
            }),
            _ => Box::pin(std::future::ready(internal_error(self.protocol()))),
        }
    }

    fn request_media_type(&self, index: usize) -> Option<&'static str> {
        match index {
            // The labels operations read nothing but their labels.
            1..=3 => None,
            4 => Some("application/octet-stream"),
            _ => Some(crate::rest_json::JSON),
        }
    }

    fn response_media_type(&self, index: usize) -> Option<&'static str> {
        match index {
            1..=4 => None,
            _ => Some(crate::rest_json::JSON),
        }
    }
}

async fn echo(input: EchoInput, cx: RequestContext) -> Result<EchoOutput, EchoError> {
    tokio::task::yield_now().await;
    let name = input.name.unwrap_or_default();
    match input.action.as_deref() {
        Some("conflict") => Err(EchoError::Conflict(format!("{name} already exists"))),
        Some("panic") => panic!("the handler panicked on purpose"),
        Some("unimplemented") => Err(EchoError::unhandled(UnhandledError::not_implemented("Echo"))),
        // A header value HTTP cannot carry: the output cannot be encoded.
        Some("unencodable") => Ok(EchoOutput {
            greeting: name,
            header: "line\nbreak".into(),
        }),
        _ => Ok(EchoOutput {
            greeting: format!("hello {name}"),
            header: format!(
                "{}|{}|{}",
                cx.request_id,
                cx.access_key_id.unwrap_or_default(),
                cx.headers
                    .get("x-custom")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default()
            ),
        }),
    }
}

// ----- a raw HTTP/1.1 client -----

async fn start(config: ServerConfig) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router(Fake, config)).await.unwrap() });
    addr
}

#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("{e}: {:?}", String::from_utf8_lossy(&self.body)))
    }

    /// The code, and the message that both `message` and `exceptionMessage` must carry.
    fn error(&self) -> (u16, String, String) {
        let json = self.json();
        let message = json["message"].as_str().unwrap().to_owned();
        assert_eq!(json["exceptionMessage"].as_str(), Some(message.as_str()), "{json}");
        let code = self.header("x-amzn-errortype").unwrap().to_owned();
        (self.status, code, message)
    }
}

/// Sends a request (whose text may end before its declared body does) and reads the reply
/// until the server closes the connection.
async fn send_raw(addr: SocketAddr, raw: &[u8]) -> Reply {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(raw).await.unwrap();
    read_reply(&mut stream).await
}

async fn read_reply(stream: &mut TcpStream) -> Reply {
    let mut bytes = Vec::new();
    // The server may close before reading everything we sent (an early 413): a reset after
    // the reply is not a failure.
    let mut buffer = [0; 8192];
    loop {
        match stream.read(&mut buffer).await {
            Ok(0) | Err(_) => break,
            Ok(n) => bytes.extend_from_slice(&buffer[..n]),
        }
    }
    let text_end = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("no end of headers")
        + 4;
    let head = String::from_utf8(bytes[..text_end].to_vec()).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers: Vec<(String, String)> = lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (n, v) = l.split_once(':').unwrap();
            (n.trim().to_ascii_lowercase(), v.trim().to_owned())
        })
        .collect();
    let body = bytes[text_end..].to_vec();
    if let Some(len) = headers.iter().find(|(n, _)| n == "content-length") {
        assert_eq!(body.len(), len.1.parse::<usize>().unwrap());
    }
    Reply { status, headers, body }
}

/// A complete request with `Content-Length` and `Connection: close`.
fn request(method: &str, target: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut raw = format!("{method} {target} HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n");
    for (name, value) in headers {
        raw.push_str(&format!("{name}: {value}\r\n"));
    }
    raw.push_str(&format!("content-length: {}\r\n\r\n", body.len()));
    let mut raw = raw.into_bytes();
    raw.extend_from_slice(body);
    raw
}

async fn send(addr: SocketAddr, method: &str, target: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    send_raw(addr, &request(method, target, headers, body)).await
}

const JSON_TYPE: (&str, &str) = ("content-type", "application/json");

// ----- the tests -----

#[tokio::test]
async fn a_valid_request_reaches_the_handler() {
    let addr = start(ServerConfig::default()).await;
    let reply = send(
        addr,
        "POST",
        "/echo/bob",
        &[JSON_TYPE, ("x-custom", "c")],
        br#"{"count": 3}"#,
    )
    .await;
    assert_eq!(reply.status, 200, "{reply:?}");
    assert_eq!(reply.json(), json!({"greeting": "hello bob"}));
    let request_id = reply.header("x-amzn-requestid").unwrap();
    // The handler saw the same request id, no access key (auth is off) and the headers.
    assert_eq!(reply.header("x-echo").unwrap(), format!("{request_id}||c"));
    // No body and no content type at all is fine too.
    let reply = send(addr, "POST", "/echo/bob", &[], b"").await;
    assert_eq!(reply.status, 200, "{reply:?}");
}

#[tokio::test]
async fn routing_decodes_labels_and_prefers_the_most_specific() {
    let addr = start(ServerConfig::default()).await;
    let arn = "arn%3Aaws%3Aivs%3Aus-west-2%3A123%3Achannel%2Fabc";
    let reply = send(addr, "GET", &format!("/tags/{arn}"), &[], b"").await;
    assert_eq!(reply.error().2, "GetTags arn:aws:ivs:us-west-2:123:channel/abc");
    let reply = send(addr, "GET", "/objects/a/b%20c/d", &[], b"").await;
    assert_eq!(reply.error().2, "GetObject a/b c/d");
    let reply = send(addr, "GET", "/objects/a/b?list", &[], b"").await;
    assert_eq!(reply.error().2, "ListObject a/b");
}

#[tokio::test]
async fn unknown_paths_and_methods() {
    let addr = start(ServerConfig::default()).await;
    let reply = send(addr, "GET", "/nothing/here", &[], b"").await;
    let (status, code, message) = reply.error();
    assert_eq!((status, code.as_str()), (404, "UnknownOperationException"));
    assert_eq!(message, "No operation matches GET /nothing/here");
    assert!(reply.header("x-amzn-requestid").is_some());

    // An empty label matches nothing.
    assert_eq!(send(addr, "GET", "/tags/", &[], b"").await.status, 404);

    let reply = send(addr, "DELETE", "/echo/bob", &[], b"").await;
    let (status, code, message) = reply.error();
    assert_eq!((status, code.as_str()), (405, "MethodNotAllowedException"));
    assert_eq!(message, "Method DELETE is not allowed on /echo/bob; allowed: POST");
    assert_eq!(reply.header("allow"), Some("POST"));
    assert!(reply.header("x-amzn-requestid").is_some());

    let reply = send(addr, "GET", "/tags/%FF", &[], b"").await;
    let (status, code, message) = reply.error();
    assert_eq!((status, code.as_str()), (400, "SerializationException"));
    assert!(message.contains("not UTF-8"), "{message}");
}

#[tokio::test]
async fn decode_and_validation_errors() {
    let addr = start(ServerConfig::default()).await;
    let reply = send(addr, "POST", "/echo/bob", &[JSON_TYPE], b"{not json").await;
    let (status, code, message) = reply.error();
    assert_eq!((status, code.as_str()), (400, "SerializationException"));
    assert!(message.starts_with("malformed JSON body: "), "{message}");

    let reply = send(addr, "POST", "/echo/bobbybob", &[JSON_TYPE], br#"{"count": 11}"#).await;
    assert_eq!(reply.header("x-amzn-errortype"), Some("ValidationException"));
    let (status, _, message) = reply.error();
    assert_eq!(status, 400);
    assert_eq!(
        message,
        "2 validation errors detected: \
         Value with length 8 at '/name' failed to satisfy constraint: Member must have length between 1 and 5, inclusive; \
         Value 11 at '/count' failed to satisfy constraint: Member must be between 0 and 10, inclusive"
    );
}

#[tokio::test]
async fn handler_errors_keep_their_status_and_code() {
    let addr = start(ServerConfig::default()).await;
    let reply = send(addr, "POST", "/echo/bob", &[JSON_TYPE], br#"{"action": "conflict"}"#).await;
    assert_eq!(
        reply.error(),
        (409, "ConflictException".to_owned(), "bob already exists".to_owned())
    );

    let reply = send(
        addr,
        "POST",
        "/echo/bob",
        &[JSON_TYPE],
        br#"{"action": "unimplemented"}"#,
    )
    .await;
    let (status, code, message) = reply.error_without_exception_message();
    assert_eq!((status, code.as_str()), (501, "NotImplementedException"));
    assert_eq!(message, "operation Echo is not implemented by this server");

    let reply = send(addr, "POST", "/echo/bob", &[JSON_TYPE], br#"{"action": "unencodable"}"#).await;
    let (status, code, _) = reply.error();
    assert_eq!((status, code.as_str()), (500, "InternalServerException"));
    assert!(reply.header("x-amzn-requestid").is_some());
}

impl Reply {
    /// For errors encoded by the operation, which need not carry `exceptionMessage`.
    fn error_without_exception_message(&self) -> (u16, String, String) {
        let json = self.json();
        let code = self.header("x-amzn-errortype").unwrap().to_owned();
        (self.status, code, json["message"].as_str().unwrap().to_owned())
    }
}

#[tokio::test]
async fn a_panic_is_a_500_and_the_server_keeps_serving() {
    let addr = start(ServerConfig::default()).await;
    let reply = send(addr, "POST", "/echo/bob", &[JSON_TYPE], br#"{"action": "panic"}"#).await;
    let (status, code, _) = reply.error();
    assert_eq!((status, code.as_str()), (500, "InternalServerException"));
    assert!(reply.header("x-amzn-requestid").is_some());
    let reply = send(addr, "POST", "/echo/bob", &[JSON_TYPE], b"{}").await;
    assert_eq!(reply.status, 200);
}

#[tokio::test]
async fn media_types() {
    let addr = start(ServerConfig::default()).await;
    for content_type in ["application/json", "Application/JSON; charset=utf-8"] {
        let reply = send(addr, "POST", "/echo/bob", &[("content-type", content_type)], b"{}").await;
        assert_eq!(reply.status, 200, "{content_type}");
    }
    for content_type in ["text/plain", "application/x-amz-json-1.1", "application/jsonx"] {
        let reply = send(addr, "POST", "/echo/bob", &[("content-type", content_type)], b"{}").await;
        let (status, code, message) = reply.error();
        assert_eq!(
            (status, code.as_str()),
            (415, "UnsupportedMediaTypeException"),
            "{content_type}"
        );
        assert!(message.contains(content_type), "{message}");
    }
    // Without a body the content type does not matter.
    let reply = send(addr, "POST", "/echo/bob", &[("content-type", "text/plain")], b"").await;
    assert_eq!(reply.status, 200);
    // A chunked body is checked once read.
    let raw = b"POST /echo/bob HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-type: text/plain\r\n\
                transfer-encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
    assert_eq!(send_raw(addr, raw).await.status, 415);
    let raw = b"POST /echo/bob HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-type: text/plain\r\n\
                transfer-encoding: chunked\r\n\r\n0\r\n\r\n";
    assert_eq!(send_raw(addr, raw).await.status, 200);
    // An operation that reads another media type.
    let reply = send(
        addr,
        "PUT",
        "/upload",
        &[("content-type", "application/octet-stream")],
        b"abc",
    )
    .await;
    assert_eq!(reply.error_without_exception_message().2, "3 bytes");
    let reply = send(addr, "PUT", "/upload", &[JSON_TYPE], b"{}").await;
    assert_eq!(reply.status, 415);
    // A body that does not say what it is, to an operation that reads one.
    let reply = send(addr, "POST", "/echo/bob", &[], b"{}").await;
    let (status, code, message) = reply.error();
    assert_eq!((status, code.as_str()), (415, "UnsupportedMediaTypeException"));
    assert_eq!(
        message,
        "A request body needs a Content-Type: this operation reads application/json"
    );
    // A body that says what it is, to an operation that reads none; without a Content-Type
    // the body is ignored.
    let reply = send(addr, "GET", "/tags/a", &[JSON_TYPE], b"{}").await;
    assert_eq!(reply.error().0, 415);
    let reply = send(addr, "GET", "/tags/a", &[], b"{}").await;
    assert_eq!(reply.error().0, 409);
    let reply = send(addr, "GET", "/tags/a", &[JSON_TYPE], b"").await;
    assert_eq!(reply.error().0, 409);
}

#[tokio::test]
async fn accept_must_admit_the_answer() {
    let addr = start(ServerConfig::default()).await;
    for accept in [
        "application/json",
        "*/*",
        "application/*",
        "text/plain, application/json;q=0.1",
    ] {
        let reply = send(addr, "POST", "/echo/bob", &[JSON_TYPE, ("accept", accept)], b"{}").await;
        assert_eq!(reply.status, 200, "{accept}");
    }
    for accept in ["application/hal+json", "text/*", "application/json;q=0"] {
        let reply = send(addr, "POST", "/echo/bob", &[JSON_TYPE, ("accept", accept)], b"{}").await;
        let (status, code, message) = reply.error();
        assert_eq!((status, code.as_str()), (406, "NotAcceptableException"), "{accept}");
        assert!(message.contains(accept), "{message}");
    }
    // An operation without a modeled answer body accepts any Accept.
    let reply = send(addr, "GET", "/tags/a", &[("accept", "image/png")], b"").await;
    assert_eq!(reply.error().0, 409);
}

#[tokio::test]
async fn bodies_over_the_limit_are_refused_without_reading_them() {
    let addr = start(ServerConfig::default().with_body_limit(1024)).await;
    // Declared too large: refused before a byte of the body is sent.
    let raw = b"POST /echo/bob HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-type: application/json\r\n\
                content-length: 1000000000\r\n\r\n";
    let reply = send_raw(addr, raw).await;
    let (status, code, message) = reply.error();
    assert_eq!((status, code.as_str()), (413, "RequestEntityTooLargeException"));
    assert_eq!(message, "The request body is larger than the limit of 1024 bytes");
    assert!(reply.header("x-amzn-requestid").is_some());

    // Chunked, no length declared: refused once the limit is crossed, while the client is
    // still sending (it never sends the last chunk).
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(
            b"POST /echo/bob HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-type: application/json\r\n\
              transfer-encoding: chunked\r\n\r\n",
        )
        .await
        .unwrap();
    for _ in 0..3 {
        stream
            .write_all(format!("200\r\n{}\r\n", " ".repeat(512)).as_bytes())
            .await
            .unwrap();
    }
    let reply = tokio::time::timeout(Duration::from_secs(10), read_reply(&mut stream))
        .await
        .unwrap();
    assert_eq!(reply.error().1, "RequestEntityTooLargeException");

    // At the limit exactly is fine.
    let body = format!("{{\"count\": 1{}}}", " ".repeat(1024 - 12));
    assert_eq!(body.len(), 1024);
    assert_eq!(
        send(addr, "POST", "/echo/bob", &[JSON_TYPE], body.as_bytes())
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn every_response_has_a_distinct_request_id() {
    let addr = start(ServerConfig::default()).await;
    let mut ids = std::collections::HashSet::new();
    for (method, target) in [
        ("POST", "/echo/bob"),
        ("GET", "/nope"),
        ("PUT", "/echo/x"),
        ("POST", "/echo/toolongname"),
    ] {
        let reply = send(addr, method, target, &[], b"").await;
        let id = reply.header("x-amzn-requestid").unwrap().to_owned();
        assert_eq!(id.len(), 36, "{id}");
        assert_eq!(id.as_bytes()[14], b'4', "{id}");
        assert!(ids.insert(id));
    }
}

// ----- authentication over HTTP -----

const AKID: &str = "AKIDEXAMPLE";
const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

fn auth_config() -> ServerConfig {
    ServerConfig::default().with_auth(Auth::new("us-west-2", "ivs").key(AKID, SECRET))
}

/// A request signed by aws-sigv4 for `host`, as a client would send it.
fn signed(
    host: &str,
    target: &str,
    body: &[u8],
    secret: &str,
    region: &str,
    service: &str,
    time: SystemTime,
) -> Vec<u8> {
    let identity: Identity = Credentials::new(AKID, secret, None, None, "test").into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name(service)
        .time(time)
        .settings(SigningSettings::default())
        .build()
        .unwrap()
        .into();
    let headers = [("content-type", "application/json"), ("host", host)];
    let uri = format!("http://{host}{target}");
    let signable = SignableRequest::new("POST", uri, headers.into_iter(), SignableBody::Bytes(body)).unwrap();
    let (instructions, _) = sign(signable, &params).unwrap().into_parts();
    let mut raw =
        format!("POST {target} HTTP/1.1\r\nhost: {host}\r\nconnection: close\r\ncontent-type: application/json\r\n");
    for (name, value) in instructions.headers() {
        raw.push_str(&format!("{name}: {value}\r\n"));
    }
    raw.push_str(&format!("content-length: {}\r\n\r\n", body.len()));
    let mut raw = raw.into_bytes();
    raw.extend_from_slice(body);
    raw
}

#[tokio::test]
async fn signed_requests_pass_and_the_handler_sees_the_key() {
    let addr = start(auth_config()).await;
    let host = addr.to_string();
    let raw = signed(&host, "/echo/bob", b"{}", SECRET, "us-west-2", "ivs", SystemTime::now());
    let reply = send_raw(addr, &raw).await;
    assert_eq!(reply.status, 200, "{reply:?}");
    assert!(reply.header("x-echo").unwrap().ends_with(&format!("|{AKID}|")));
}

#[tokio::test]
async fn unsigned_or_badly_signed_requests_are_403() {
    let addr = start(auth_config()).await;
    let host = addr.to_string();
    let now = SystemTime::now();
    let reply = send(addr, "POST", "/echo/bob", &[JSON_TYPE], b"{}").await;
    assert_eq!(reply.error().0, 403);
    assert_eq!(reply.error().1, "MissingAuthenticationTokenException");
    assert!(reply.header("x-amzn-requestid").is_some());

    let cases: [(&str, Vec<u8>); 5] = [
        ("InvalidSignatureException", {
            // The body changed after signing.
            let raw = signed(&host, "/echo/bob", b"{}", SECRET, "us-west-2", "ivs", now);
            let mut raw = raw[..raw.len() - 2].to_vec();
            raw.extend_from_slice(b"[]");
            raw
        }),
        (
            "InvalidSignatureException",
            signed(&host, "/echo/bob", b"{}", "wrong", "us-west-2", "ivs", now),
        ),
        (
            "InvalidSignatureException",
            signed(&host, "/echo/bob", b"{}", SECRET, "us-east-1", "ivs", now),
        ),
        (
            "InvalidSignatureException",
            signed(&host, "/echo/bob", b"{}", SECRET, "us-west-2", "s3", now),
        ),
        (
            "InvalidSignatureException",
            signed(
                &host,
                "/echo/bob",
                b"{}",
                SECRET,
                "us-west-2",
                "ivs",
                now - Duration::from_secs(20 * 60),
            ),
        ),
    ];
    for (expected, raw) in cases {
        let reply = send_raw(addr, &raw).await;
        let (status, code, message) = reply.error();
        assert_eq!((status, code.as_str()), (403, expected), "{message}");
    }

    let raw = String::from_utf8(signed(&host, "/echo/bob", b"{}", SECRET, "us-west-2", "ivs", now)).unwrap();
    let raw = raw.replace("Credential=AKIDEXAMPLE/", "Credential=AKIDUNKNOWN/");
    let (status, code, _) = send_raw(addr, raw.as_bytes()).await.error();
    assert_eq!((status, code.as_str()), (403, "UnrecognizedClientException"));

    // Authentication comes first, as on AWS: an unsigned request learns nothing about routes.
    let reply = send(addr, "GET", "/nope", &[], b"").await;
    assert_eq!(reply.error().1, "MissingAuthenticationTokenException");
}

/// With a signed payload hash, a caller without the secret is refused on the head alone: the
/// server does not wait for (or buffer) the megabyte it announced.
#[tokio::test]
async fn a_signed_payload_hash_is_refused_without_reading_the_body() {
    let addr = start(auth_config()).await;
    let host = addr.to_string();
    let body = vec![b' '; 1_000_000];
    let identity: Identity = Credentials::new(AKID, "not-the-secret", None, None, "test").into();
    let mut settings = SigningSettings::default();
    settings.payload_checksum_kind = aws_sigv4::http_request::PayloadChecksumKind::XAmzSha256;
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region("us-west-2")
        .name("ivs")
        .time(SystemTime::now())
        .settings(settings)
        .build()
        .unwrap()
        .into();
    let headers = [("content-type", "application/json"), ("host", host.as_str())];
    let uri = format!("http://{host}/echo/bob");
    let signable = SignableRequest::new("POST", uri, headers.into_iter(), SignableBody::Bytes(&body)).unwrap();
    let (instructions, _) = sign(signable, &params).unwrap().into_parts();
    let mut head = format!("POST /echo/bob HTTP/1.1\r\nhost: {host}\r\ncontent-type: application/json\r\n");
    for (name, value) in instructions.headers() {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("content-length: 1000000\r\n\r\n");
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = vec![0u8; 4096];
    let read = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut answer))
        .await
        .expect("answered without the body")
        .unwrap();
    let answer = String::from_utf8_lossy(&answer[..read]).into_owned();
    assert!(answer.starts_with("HTTP/1.1 403"), "{answer}");
    assert!(answer.contains("InvalidSignatureException"), "{answer}");
    assert!(answer.to_ascii_lowercase().contains("connection: close"), "{answer}");
}
