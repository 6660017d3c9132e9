//! The signature that reached the server verifies: the captured request is signed again,
//! independently, with the same credentials and time, and the signatures must match.

use std::time::SystemTime;

use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use time::PrimitiveDateTime;
use time::macros::format_description;

use super::fake::{GetThing, ThingInput};
use super::server::{Action, Captured, Server};
use super::{config, handle};
use crate::client::Credentials;

/// The `authorization` header's parts: credential scope, signed header names, signature.
fn parse_authorization(value: &str) -> (String, Vec<String>, String) {
    let rest = value.strip_prefix("AWS4-HMAC-SHA256 ").unwrap();
    let mut credential = None;
    let mut signed = None;
    let mut signature = None;
    for part in rest.split(", ") {
        let (key, value) = part.split_once('=').unwrap();
        match key {
            "Credential" => credential = Some(value.to_owned()),
            "SignedHeaders" => signed = Some(value.split(';').map(str::to_owned).collect()),
            "Signature" => signature = Some(value.to_owned()),
            other => panic!("unexpected {other}"),
        }
    }
    (credential.unwrap(), signed.unwrap(), signature.unwrap())
}

fn parse_amz_date(value: &str) -> SystemTime {
    let format = format_description!("[year][month][day]T[hour][minute][second]Z");
    PrimitiveDateTime::parse(value, format).unwrap().assume_utc().into()
}

/// Signs the captured request again and returns the signature.
fn resign(request: &Captured, host: &str, signed_headers: &[String], credentials: &Credentials) -> String {
    let time = parse_amz_date(request.header("x-amz-date").unwrap());
    let identity: Identity = credentials.clone().into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region("us-west-2")
        .name("things")
        .time(time)
        .settings(SigningSettings::default())
        .build()
        .unwrap()
        .into();
    let headers = signed_headers
        .iter()
        .filter(|name| *name != "x-amz-date" && *name != "x-amz-security-token")
        .map(|name| (name.as_str(), request.header(name).unwrap()));
    let uri = format!("http://{host}{}", request.target);
    let signable = SignableRequest::new(&request.method, uri, headers, SignableBody::Bytes(&request.body)).unwrap();
    let (_, signature) = sign(signable, &params).unwrap().into_parts();
    signature
}

async fn verify(credentials: Credentials, name: &str) {
    let server = Server::start(vec![], Action::page(&[], None)).await;
    let handle = handle(config(&server.url).credentials(credentials.clone()));
    let mut input = ThingInput::named(name);
    input.token = Some("page 2/3".into());
    input.note = Some("body".into());
    handle.call::<GetThing>(&input).await.unwrap();
    let request = &server.requests()[0];

    let (scope, signed_headers, signature) = parse_authorization(request.header("authorization").unwrap());
    let date = &request.header("x-amz-date").unwrap()[..8];
    assert_eq!(scope, format!("AKID/{date}/us-west-2/things/aws4_request"));
    for header in ["host", "content-type", "content-length", "x-amz-date"] {
        assert!(
            signed_headers.iter().any(|h| h == header),
            "{header} is not signed: {signed_headers:?}"
        );
    }
    assert!(!signed_headers.iter().any(|h| h == "user-agent"), "{signed_headers:?}");
    if credentials.session_token().is_some() {
        assert!(
            signed_headers.iter().any(|h| h == "x-amz-security-token"),
            "{signed_headers:?}"
        );
    }

    let host = server.url.trim_start_matches("http://");
    assert_eq!(resign(request, host, &signed_headers, &credentials), signature);

    // The check can fail: another secret gives another signature.
    let wrong = Credentials::new(
        "AKID",
        "WRONG",
        credentials.session_token().map(str::to_owned),
        None,
        "test",
    );
    assert_ne!(resign(request, host, &signed_headers, &wrong), signature);
}

#[tokio::test]
async fn the_signature_verifies() {
    verify(Credentials::new("AKID", "SECRET", None, None, "test"), "plain").await;
}

#[tokio::test]
async fn the_signature_verifies_with_a_session_token_and_encoded_labels() {
    verify(
        Credentials::new("AKID", "SECRET", Some("TOKEN".into()), None, "test"),
        "arn:a/b c",
    )
    .await;
}
