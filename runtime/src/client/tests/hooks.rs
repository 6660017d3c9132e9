//! The pluggable HTTP client, and what operation traits change in a request: host prefixes
//! with labels, request compression, `Content-MD5` and idempotency tokens.

use std::io::Read;
use std::sync::{Arc, Mutex};

use bytes::Bytes;

use super::config;
use super::fake::{GetThing, ThingInput, ThingOutput};
use crate::client::{Error, Handle, HttpClient, HttpError, HttpFuture, TransportError, TransportErrorKind};
use crate::protocol::{DecodeError, EncodeError, HttpRequest, HttpResponse, Operation, OperationInfo, Protocol};
use crate::rest_json::{self as rest, RequestBuilder, RestJson1};

/// Records every request and answers each with a copy of one response.
#[derive(Debug, Clone)]
struct Capture {
    requests: Arc<Mutex<Vec<http::Request<Bytes>>>>,
    status: u16,
    body: &'static str,
}

impl Capture {
    fn answering(status: u16, body: &'static str) -> Self {
        Capture {
            requests: Arc::default(),
            status,
            body,
        }
    }

    fn requests(&self) -> Vec<http::Request<Bytes>> {
        self.requests.lock().unwrap().clone()
    }
}

impl HttpClient for Capture {
    fn send(&self, request: http::Request<Bytes>) -> HttpFuture<'_> {
        self.requests.lock().unwrap().push(request);
        let response = http::Response::builder()
            .status(self.status)
            .header("content-type", "application/json")
            .body(Bytes::from_static(self.body.as_bytes()))
            .map_err(|e| HttpError::Transport(TransportError::new(TransportErrorKind::Other, false, Box::new(e))));
        Box::pin(async move { response })
    }
}

/// `GetThing` with every request-changing trait: `@endpoint(hostPrefix: "{name}.data.")`,
/// `@httpChecksumRequired`, `@requestCompression(encodings: ["gzip"])` and an
/// `@idempotencyToken` member (`token`), as generated code declares them.
struct PutThing;

impl Operation for PutThing {
    const PROTOCOL: &'static dyn Protocol = &RestJson1::new("message");
    const INFO: OperationInfo = OperationInfo {
        name: "PutThing",
        method: "PUT",
        uri: "/things",
        status: 200,
        idempotent: true,
    };
    const HOST_PREFIX: &'static str = "{name}.data.";
    const CHECKSUM_REQUIRED: bool = true;
    const REQUEST_COMPRESSION: &'static [&'static str] = &["gzip"];
    type Input = ThingInput;
    type Output = ThingOutput;
    type Error = <GetThing as Operation>::Error;

    fn encode_input(input: &ThingInput) -> Result<HttpRequest, EncodeError> {
        let mut builder = RequestBuilder::new("PUT");
        builder.literal("things");
        builder.query("token", &input.token);
        builder.json_body(input)?;
        builder.build()
    }

    fn decode_input(_: &http::request::Parts, _: &[String], _: &[u8]) -> Result<ThingInput, DecodeError> {
        Err(DecodeError::new("clients do not decode inputs"))
    }

    fn encode_output(_: &ThingOutput) -> Result<HttpResponse, EncodeError> {
        Err(EncodeError::new("clients do not encode outputs"))
    }

    fn decode_output(_: &http::response::Parts, body: &[u8]) -> Result<ThingOutput, DecodeError> {
        rest::json_body(body)
    }

    fn host_prefix(input: &ThingInput) -> Result<String, EncodeError> {
        crate::protocol::expand_host_prefix(Self::HOST_PREFIX, &[("name", input.name.as_deref())])
    }

    fn with_idempotency_token(input: &ThingInput, token: &dyn Fn() -> String) -> Option<ThingInput> {
        input.token.is_none().then(|| ThingInput {
            token: Some(token()),
            ..input.clone()
        })
    }
}

fn with_client(client: &Capture, endpoint: &str) -> Handle {
    super::handle(config(endpoint).http_client(client.clone()))
}

#[tokio::test]
async fn a_custom_client_gets_the_signed_request_and_its_response_is_decoded() {
    let client = Capture::answering(200, r#"{"items":["x"],"next":"n"}"#);
    let handle = with_client(&client, "https://example.com/base");
    let output = handle.call::<GetThing>(&ThingInput::named("a")).await.unwrap();
    assert_eq!(
        output,
        ThingOutput {
            items: vec!["x".into()],
            next: Some("n".into())
        }
    );
    let requests = client.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.uri(), "https://example.com/base/things/a");
    assert_eq!(request.headers()["host"], "example.com");
    assert_eq!(request.headers()["content-length"], "2");
    let authorization = request.headers()["authorization"].to_str().unwrap();
    assert!(
        authorization.starts_with("AWS4-HMAC-SHA256 Credential=AKID/"),
        "{authorization}"
    );
    assert!(request.headers().contains_key("x-amz-date"));
}

#[tokio::test]
async fn a_custom_clients_errors_and_responses_go_through_retries_and_error_decoding() {
    #[derive(Debug)]
    struct Refusing;
    impl HttpClient for Refusing {
        fn send(&self, _: http::Request<Bytes>) -> HttpFuture<'_> {
            let error = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "no");
            Box::pin(async move { Err(TransportError::new(TransportErrorKind::Connect, true, Box::new(error)).into()) })
        }
    }
    let handle = super::handle(config("https://example.com").http_client(Refusing).max_attempts(2));
    let error = handle.call::<GetThing>(&ThingInput::named("a")).await.unwrap_err();
    let Error::Transport(transport) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(
        (transport.kind(), transport.attempts()),
        (TransportErrorKind::Connect, 2)
    );

    let client = Capture::answering(404, r#"{"__type":"ResourceNotFoundException","message":"gone"}"#);
    let handle = with_client(&client, "https://example.com");
    let error = handle.call::<GetThing>(&ThingInput::named("a")).await.unwrap_err();
    assert_eq!(
        error.as_service_error().map(|e| e.to_string()).as_deref(),
        Some("ResourceNotFoundException: Some(\"gone\")")
    );
}

#[tokio::test]
async fn host_labels_fill_the_host_prefix_of_any_endpoint_unless_disabled() {
    let client = Capture::answering(200, "{}");
    let handle = with_client(&client, "https://example.com:8443/p");
    handle.call::<PutThing>(&ThingInput::named("bar")).await.unwrap();
    let request = &client.requests()[0];
    assert_eq!(request.uri().host(), Some("bar.data.example.com"));
    assert_eq!(request.headers()["host"], "bar.data.example.com:8443");
    assert!(request.uri().path().starts_with("/p/things"));

    // A label that is not one host label never leaves the process.
    let unvalidated = super::handle(
        config("https://example.com")
            .http_client(client.clone())
            .validate(false),
    );
    for bad in ["evil.com/x", "a.b", ""] {
        let error = unvalidated.call::<PutThing>(&ThingInput::named(bad)).await.unwrap_err();
        assert!(matches!(error, Error::Encode(_)), "{bad}: {error:?}");
        assert_eq!(error.attempts(), 0);
    }
    assert_eq!(client.requests().len(), 1);

    let client = Capture::answering(200, "{}");
    let direct = super::handle(
        config("http://127.0.0.1:9")
            .http_client(client.clone())
            .disable_host_prefix(true),
    );
    direct.call::<PutThing>(&ThingInput::named("bar")).await.unwrap();
    assert_eq!(client.requests()[0].headers()["host"], "127.0.0.1:9");
}

fn gunzip(bytes: &[u8]) -> String {
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes).read_to_string(&mut text).unwrap();
    text
}

#[tokio::test]
async fn large_bodies_are_gzipped_then_digested_then_signed() {
    let client = Capture::answering(200, "{}");
    let handle = with_client(&client, "https://example.com");
    let mut input = ThingInput::named("n");
    input.note = Some("x".repeat(20_000));
    handle.call::<PutThing>(&input).await.unwrap();
    let request = &client.requests()[0];
    let headers = request.headers();
    assert_eq!(headers["content-encoding"], "gzip");
    assert_eq!(
        gunzip(request.body()),
        format!(r#"{{"note":"{}"}}"#, "x".repeat(20_000))
    );
    assert_eq!(headers["content-length"], request.body().len().to_string().as_str());
    let mut digested = http::HeaderMap::new();
    super::super::request_body::add_content_md5(&mut digested, request.body()).unwrap();
    assert_eq!(headers["content-md5"], digested["content-md5"]);
    let signed = headers["authorization"].to_str().unwrap();
    assert!(
        signed.contains("content-encoding") && signed.contains("content-md5"),
        "{signed}"
    );

    // Small bodies, and every body when compression is off, go as they are, still digested.
    handle.call::<PutThing>(&ThingInput::named("n")).await.unwrap();
    let small = &client.requests()[1];
    assert_eq!(small.body().as_ref(), b"{}");
    assert!(!small.headers().contains_key("content-encoding"));
    assert_eq!(small.headers()["content-md5"], "mZFLkyvTelC5g8XnyQrpOw==");
    let client = Capture::answering(200, "{}");
    let uncompressed = super::handle(
        config("https://example.com")
            .http_client(client.clone())
            .disable_request_compression(true),
    );
    uncompressed.call::<PutThing>(&input).await.unwrap();
    assert!(!client.requests()[0].headers().contains_key("content-encoding"));
    // An operation without the traits gets neither.
    let client = Capture::answering(200, "{}");
    with_client(&client, "https://example.com")
        .call::<GetThing>(&input)
        .await
        .unwrap();
    let plain = client.requests()[0].headers().clone();
    assert!(!plain.contains_key("content-encoding") && !plain.contains_key("content-md5"));
}

#[tokio::test]
async fn an_unset_idempotency_token_is_filled_once_per_call_and_a_set_one_kept() {
    let client = Capture::answering(500, "{}");
    let counter = Arc::new(Mutex::new(0));
    let count = counter.clone();
    let handle = super::handle(
        config("https://example.com")
            .http_client(client.clone())
            .max_attempts(2)
            .idempotency_token_provider(move || {
                let mut n = count.lock().unwrap();
                *n += 1;
                format!("token-{n}")
            }),
    );
    handle.call::<PutThing>(&ThingInput::named("n")).await.unwrap_err();
    let queries: Vec<String> = client
        .requests()
        .iter()
        .map(|r| r.uri().query().unwrap_or("").to_owned())
        .collect();
    // Both attempts of the call send the same token.
    assert_eq!(queries, ["token=token-1", "token=token-1"]);
    let mut input = ThingInput::named("n");
    input.token = Some("mine".into());
    handle.call::<PutThing>(&input).await.unwrap_err();
    assert_eq!(client.requests()[2].uri().query(), Some("token=mine"));
    // GetThing has no idempotency token: nothing is filled in.
    handle.call::<GetThing>(&ThingInput::named("n")).await.unwrap_err();
    assert_eq!(client.requests()[4].uri().query(), None);
    assert_eq!(*counter.lock().unwrap(), 1);
}
