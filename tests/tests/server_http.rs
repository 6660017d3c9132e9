//! The generated IVS server over real HTTP, with raw requests (so nothing in between fixes a
//! request up): label decoding, every protocol error the server answers itself, validation
//! reporting every violation, the request id, and a panicking handler.

#[path = "support/tag_server.rs"]
mod tag_server;

use std::collections::BTreeMap;
use std::net::SocketAddr;

use ivs_model::GetStreamRequest;
use ivs_model::operation::get_stream::GetStreamError;
use ivs_server::{Ivs, RequestContext, ServerConfig};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A response as read off the socket.
#[derive(Debug)]
struct Raw {
    status: u16,
    headers: BTreeMap<String, String>,
    body: Value,
}

impl Raw {
    /// The error code and the message, checking that both message members carry it.
    fn error(&self) -> (&str, &str) {
        let code = self
            .headers
            .get("x-amzn-errortype")
            .map(String::as_str)
            .unwrap_or("<none>");
        let message = self.body["message"].as_str().unwrap_or("<none>");
        assert_eq!(self.body["exceptionMessage"].as_str(), Some(message), "{self:?}");
        (code, message)
    }
}

async fn serve(service: impl Ivs, config: ServerConfig) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = ivs_server::router(service, config);
    tokio::spawn(async move { axum::serve(listener, app).await });
    addr
}

/// Sends one HTTP/1.1 request as written and reads the whole response.
async fn send(addr: SocketAddr, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Raw {
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nhost: {addr}\r\nconnection: close\r\n");
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("content-length")) {
        head.push_str(&format!("content-length: {}\r\n", body.len()));
    }
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).await.unwrap();
    let _ = stream.write_all(body).await; // the server may answer 413 before reading it
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.unwrap();
    let text = String::from_utf8_lossy(&response);
    let (head, body) = text.split_once("\r\n\r\n").expect("a complete response");
    let mut lines = head.lines();
    let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(": "))
        .map(|(k, v)| (k.to_ascii_lowercase(), v.to_string()))
        .collect();
    let body = if body.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(body).expect(body)
    };
    Raw { status, headers, body }
}

const JSON: (&str, &str) = ("content-type", "application/json");

#[tokio::test]
async fn an_arn_label_arrives_decoded_and_tags_round_trip() {
    let addr = serve(tag_server::TagServer::default(), ServerConfig::default()).await;
    let created = send(
        addr,
        "POST",
        "/CreateChannel",
        &[JSON],
        br#"{"name":"raw","tags":{"a":"1"}}"#,
    )
    .await;
    assert_eq!(created.status, 200, "{created:?}");
    let arn = created.body["channel"]["arn"].as_str().unwrap().to_string();
    let encoded = arn.replace(':', "%3A").replace('/', "%2F");
    let tagged = send(
        addr,
        "POST",
        &format!("/tags/{encoded}"),
        &[JSON],
        br#"{"tags":{"b":"2"}}"#,
    )
    .await;
    assert_eq!(tagged.status, 200, "{tagged:?}");
    let listed = send(addr, "GET", &format!("/tags/{encoded}"), &[], b"").await;
    assert_eq!(listed.status, 200, "{listed:?}");
    assert_eq!(listed.body, json!({"tags": {"a": "1", "b": "2"}}));
    let untagged = send(
        addr,
        "DELETE",
        &format!("/tags/{encoded}?tagKeys=a&tagKeys=b"),
        &[],
        b"",
    )
    .await;
    assert_eq!(untagged.status, 200, "{untagged:?}");
    let listed = send(addr, "GET", &format!("/tags/{encoded}"), &[], b"").await;
    assert_eq!(listed.body, json!({"tags": {}}));
    // An unencoded ARN has slashes: it is not one segment, so no route matches.
    let raw_arn = send(addr, "GET", &format!("/tags/{arn}"), &[], b"").await;
    assert_eq!(raw_arn.status, 404, "{raw_arn:?}");
}

#[tokio::test]
async fn protocol_errors_have_their_status_code_and_message() {
    let addr = serve(
        tag_server::TagServer::default(),
        ServerConfig::default().with_body_limit(1024),
    )
    .await;

    let malformed = send(addr, "POST", "/CreateChannel", &[JSON], br#"{"name": "#).await;
    assert_eq!(malformed.status, 400);
    let (code, message) = malformed.error();
    assert_eq!(code, "SerializationException");
    assert!(message.contains("JSON"), "{message}");

    let wrong_type = send(addr, "POST", "/CreateChannel", &[JSON], br#"{"authorized": "yes"}"#).await;
    assert_eq!(
        (wrong_type.status, wrong_type.error().0),
        (400, "SerializationException")
    );

    let unknown = send(addr, "POST", "/NoSuchOperation", &[JSON], b"{}").await;
    assert_eq!((unknown.status, unknown.error().0), (404, "UnknownOperationException"));

    let wrong_method = send(addr, "GET", "/CreateChannel", &[], b"").await;
    assert_eq!(
        (wrong_method.status, wrong_method.error().0),
        (405, "MethodNotAllowedException")
    );

    let media = send(
        addr,
        "POST",
        "/CreateChannel",
        &[("content-type", "text/plain")],
        b"name=x",
    )
    .await;
    assert_eq!((media.status, media.error().0), (415, "UnsupportedMediaTypeException"));

    let large = vec![b' '; 4096];
    let too_large = send(addr, "POST", "/CreateChannel", &[JSON], &large).await;
    assert_eq!(
        (too_large.status, too_large.error().0),
        (413, "RequestEntityTooLargeException")
    );

    let missing = send(
        addr,
        "POST",
        "/GetChannel",
        &[JSON],
        br#"{"arn":"arn:aws:ivs:us-west-2:1:channel/none"}"#,
    )
    .await;
    assert_eq!(missing.status, 404);
    let (code, message) = missing.error();
    assert_eq!(code, "ResourceNotFoundException");
    assert!(message.contains("arn:aws:ivs:us-west-2:1:channel/none"), "{message}");

    let not_implemented = send(
        addr,
        "POST",
        "/ListStreamKeys",
        &[JSON],
        br#"{"channelArn":"arn:aws:ivs:us-west-2:1:channel/x"}"#,
    )
    .await;
    assert_eq!(
        (not_implemented.status, not_implemented.error().0),
        (501, "NotImplementedException")
    );

    // Every response, errors included, carries a request id, each a different one.
    let ids: std::collections::BTreeSet<&String> = [&malformed, &unknown, &wrong_method, &media, &too_large, &missing]
        .iter()
        .map(|r| r.headers.get("x-amzn-requestid").expect("a request id"))
        .collect();
    assert_eq!(ids.len(), 6);
}

#[tokio::test]
async fn validation_reports_every_violation_at_once() {
    let addr = serve(tag_server::TagServer::default(), ServerConfig::default()).await;
    let tags: serde_json::Map<String, Value> = (0..51).map(|i| (format!("k{i}"), json!("v"))).collect();
    let body = json!({"name": "not valid!", "latencyMode": "FAST", "tags": tags});
    let response = send(addr, "POST", "/CreateChannel", &[JSON], body.to_string().as_bytes()).await;
    assert_eq!(response.status, 400);
    let (code, message) = response.error();
    assert_eq!(code, "ValidationException");
    assert!(message.starts_with("3 validation errors detected: "), "{message}");
    for path in ["'/name'", "'/latencyMode'", "'/tags'"] {
        assert!(message.contains(path), "{path} missing from {message}");
    }
}

/// A service whose GetStream handler panics.
struct Panicky;

impl Ivs for Panicky {
    async fn get_stream(
        &self,
        _input: GetStreamRequest,
        _context: RequestContext,
    ) -> Result<ivs_model::GetStreamResponse, GetStreamError> {
        panic!("handler bug")
    }
}

#[tokio::test]
async fn a_panicking_handler_is_a_500_and_the_server_keeps_serving() {
    let addr = serve(Panicky, ServerConfig::default()).await;
    let body = br#"{"channelArn":"arn:aws:ivs:us-west-2:123456789012:channel/abc"}"#;
    for _ in 0..2 {
        let response = send(addr, "POST", "/GetStream", &[JSON], body).await;
        assert_eq!((response.status, response.error().0), (500, "InternalServerException"));
        assert!(
            !response.error().1.contains("handler bug"),
            "panic messages stay in the logs"
        );
    }
    let other = send(
        addr,
        "POST",
        "/GetChannel",
        &[JSON],
        br#"{"arn":"arn:aws:ivs:us-west-2:1:channel/x"}"#,
    )
    .await;
    assert_eq!(other.status, 501);
}
