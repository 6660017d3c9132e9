//! When a restJson1 request has a body, and which `Content-Type` it says, proved on the
//! request-bodies fixture (`tests/fixtures/models/request_bodies.smithy`): no input, an empty
//! input and bound members only send nothing; an unset structure payload sends `{}`; a raw
//! payload carries its `@mediaType` unless a `Content-Type` member says otherwise; a header
//! string with `@mediaType` is base64; a bare query key has no `=`; a literal path segment
//! travels as written. Then the generated client and server, over a loopback socket, agree.

use std::sync::{Arc, Mutex};

use fixture_request_bodies_client::model::operation::configure::{Configure, ConfigureError};
use fixture_request_bodies_client::model::operation::ping::{Ping, PingError};
use fixture_request_bodies_client::model::operation::tag::{Tag, TagError};
use fixture_request_bodies_client::model::operation::touch::{Touch, TouchError};
use fixture_request_bodies_client::model::operation::upload::{Upload, UploadError};
use fixture_request_bodies_client::model::{ConfigureInput, Settings, TagInput, TagOutput, TouchInput, UploadInput};
use fixture_request_bodies_server::{FixtureRequestBodies, RequestContext, ServerConfig};
use smithy_runtime::protocol::Operation;
use smithy_runtime::{Blob, Unit};

fn content_type(request: &http::Request<bytes::Bytes>) -> Option<&str> {
    request.headers().get("content-type").map(|v| v.to_str().unwrap())
}

#[test]
fn inputs_without_body_members_send_no_body_and_no_content_type() {
    let ping = Ping::encode_input(&Unit {}).unwrap();
    let touch = Touch::encode_input(&TouchInput::default()).unwrap();
    let tag = Tag::encode_input(&TagInput::default().with_id("a b")).unwrap();
    for (name, request) in [("Ping", &ping), ("Touch", &touch), ("Tag", &tag)] {
        assert!(request.body().is_empty(), "{name}: {:?}", request.body());
        assert_eq!(content_type(request), None, "{name}");
    }
    // The template's literal segment as written, the label encoded, the bare key without `=`.
    assert_eq!(tag.uri(), "/tag/a%20b/(v1+)?flag&mode=fast");
}

#[test]
fn an_unset_structure_payload_is_an_empty_object() {
    let request = Configure::encode_input(&ConfigureInput::default().with_version("2")).unwrap();
    assert_eq!(request.body().as_ref(), b"{}");
    assert_eq!(content_type(&request), Some("application/json"));

    let set = ConfigureInput::default().with_settings(Settings::default().with_level(3));
    let request = Configure::encode_input(&set).unwrap();
    assert_eq!(request.body().as_ref(), br#"{"level":3}"#);
}

#[test]
fn a_raw_payload_carries_its_media_type_unless_a_member_sets_one() {
    let input = UploadInput::default().with_data(Blob::new("hello"));
    let request = Upload::encode_input(&input).unwrap();
    assert_eq!(content_type(&request), Some("text/plain"));
    assert_eq!(request.body().as_ref(), b"hello");

    let request = Upload::encode_input(&input.with_content_type("image/jpg")).unwrap();
    assert_eq!(content_type(&request), Some("image/jpg"));

    let request = Upload::encode_input(&UploadInput::default()).unwrap();
    assert!(request.body().is_empty());
    assert_eq!(content_type(&request), None);
}

#[test]
fn a_media_type_header_string_is_base64_both_ways() {
    let input = TagInput::default().with_id("x").with_json("true");
    let request = Tag::encode_input(&input).unwrap();
    assert_eq!(request.headers()["x-json"], "dHJ1ZQ==");
    let (parts, body) = request.into_parts();
    assert_eq!(Tag::decode_input(&parts, &["x".to_string()], &body).unwrap(), input);

    let output = TagOutput::default().with_json(r#"{"a": "é"}"#);
    let (parts, body) = Tag::encode_output(&output).unwrap().into_parts();
    assert_eq!(parts.headers["x-json"], "eyJhIjogIsOpIn0=");
    assert_eq!(Tag::decode_output(&parts, &body).unwrap(), output);

    // Text that is not base64 is a clear decode error, not a panic.
    let mut parts = parts;
    parts
        .headers
        .insert("x-json", http::HeaderValue::from_static("{not base64}"));
    let error = Tag::decode_output(&parts, &body).unwrap_err();
    assert!(error.message().contains("X-Json"), "{}", error.message());
}

/// A request's method, target, `Content-Length` and `Content-Type`, as the server saw them.
type Head = (String, String, Option<String>, Option<String>);

/// What the server saw: each request's head, and the inputs it decoded.
#[derive(Clone, Default)]
struct Seen {
    heads: Arc<Mutex<Vec<Head>>>,
    inputs: Arc<Mutex<Vec<String>>>,
}

impl Seen {
    fn input(&self, text: String) {
        self.inputs.lock().unwrap().push(text);
    }
}

impl FixtureRequestBodies for Seen {
    async fn ping(&self, _: Unit, _: RequestContext) -> Result<Unit, PingError> {
        self.input("ping".into());
        Ok(Unit {})
    }

    async fn touch(&self, input: TouchInput, _: RequestContext) -> Result<Unit, TouchError> {
        self.input(format!("{input:?}"));
        Ok(Unit {})
    }

    async fn tag(&self, input: TagInput, _: RequestContext) -> Result<TagOutput, TagError> {
        self.input(format!("{input:?}"));
        Ok(TagOutput::default().with_json(input.json.unwrap_or_default() + "!"))
    }

    async fn upload(&self, input: UploadInput, _: RequestContext) -> Result<Unit, UploadError> {
        self.input(format!("{input:?}"));
        Ok(Unit {})
    }

    async fn configure(&self, input: ConfigureInput, _: RequestContext) -> Result<Unit, ConfigureError> {
        self.input(format!("{input:?}"));
        Ok(Unit {})
    }
}

#[tokio::test]
async fn the_generated_client_and_server_agree_on_the_wire() {
    let seen = Seen::default();
    let heads = seen.heads.clone();
    let record = move |request: axum::extract::Request| {
        let header = |name: &str| {
            request
                .headers()
                .get(name)
                .map(|v| v.to_str().unwrap_or("<not text>").to_string())
        };
        let target = request
            .uri()
            .path_and_query()
            .map(|p| p.to_string())
            .unwrap_or_default();
        heads.lock().unwrap().push((
            request.method().to_string(),
            target,
            header("content-length"),
            header("content-type"),
        ));
        request
    };
    let app = fixture_request_bodies_server::router(seen.clone(), ServerConfig::default())
        .layer(tower::util::MapRequestLayer::new(record));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let config = fixture_request_bodies_client::Config::builder()
        .region("us-west-2")
        .credentials(fixture_request_bodies_client::Credentials::new(
            "AKID", "SECRET", None, None, "tests",
        ))
        .endpoint_url(&url)
        .max_attempts(1)
        .build()
        .unwrap();
    let client = fixture_request_bodies_client::Client::new(config);
    client.ping().send().await.unwrap();
    client.touch().send().await.unwrap();
    let output = client.tag().id("a/b").json("[1]").send().await.unwrap();
    assert_eq!(output.json.as_deref(), Some("[1]!"));
    client.upload().data(Blob::new("text")).send().await.unwrap();
    client.configure().version("2").send().await.unwrap();
    server.abort();

    let heads = seen.heads.lock().unwrap().clone();
    let expected = [
        ("GET", "/ping", None, None),
        ("POST", "/touch", Some("0"), None),
        ("PUT", "/tag/a%2Fb/(v1+)?flag&mode=fast", Some("0"), None),
        ("POST", "/upload", Some("4"), Some("text/plain")),
        ("POST", "/configure", Some("2"), Some("application/json")),
    ];
    assert_eq!(heads.len(), expected.len(), "{heads:?}");
    for (head, (method, target, length, media)) in heads.iter().zip(expected) {
        assert_eq!(
            (head.0.as_str(), head.1.as_str(), head.2.as_deref(), head.3.as_deref()),
            (method, target, length, media)
        );
    }
    let inputs = seen.inputs.lock().unwrap().clone();
    assert_eq!(
        inputs,
        [
            "ping".to_string(),
            format!("{:?}", TouchInput::default()),
            format!("{:?}", TagInput::default().with_id("a/b").with_json("[1]")),
            // The server reads the header the payload's media type filled in into the member.
            format!(
                "{:?}",
                UploadInput::default()
                    .with_data(Blob::new("text"))
                    .with_content_type("text/plain")
            ),
            // The `{}` an unset structure payload is sent as decodes as the empty structure.
            format!(
                "{:?}",
                ConfigureInput::default()
                    .with_version("2")
                    .with_settings(Settings::default())
            ),
        ]
    );
}
