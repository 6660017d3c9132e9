//! Calls that succeed or fail before sending: what goes on the wire, and what does not.

use aws_credential_types::provider::error::CredentialsError as ProviderError;
use aws_credential_types::provider::{ProvideCredentials, future};

use http::Method;

use super::fake::{GetThing, ListThings, ThingInput, ThingOutput};
use super::server::{Action, Server};
use super::{config, handle};
use crate::client::Error;
use crate::client::handle::sends_content_length;

#[tokio::test]
async fn a_call_sends_a_complete_request_and_decodes_the_output() {
    let server = Server::start(vec![Action::page(&["a", "b"], Some("t1"))], Action::json(500, "")).await;
    let handle = handle(config(&server.url));
    let mut input = ThingInput::named("my thing");
    input.token = Some("a/b".into());
    input.note = Some("hello".into());
    let output = handle.call::<GetThing>(&input).await.unwrap();
    assert_eq!(
        output,
        ThingOutput {
            items: vec!["a".into(), "b".into()],
            next: Some("t1".into())
        }
    );

    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.method, "POST");
    assert_eq!(request.target, "/things/my%20thing?token=a%2Fb");
    assert_eq!(request.body, br#"{"note":"hello"}"#);
    let host = server.url.trim_start_matches("http://");
    assert_eq!(request.header("host"), Some(host));
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert_eq!(request.header("content-length"), Some("16"));
    let user_agent = request.header("user-agent").unwrap();
    assert!(
        user_agent.starts_with("smithy-runtime/0.1.0 api/things#2024-01-01"),
        "{user_agent}"
    );
    assert!(request.header("x-amz-date").is_some());
    assert!(
        request
            .header("authorization")
            .unwrap()
            .starts_with("AWS4-HMAC-SHA256 Credential=AKID/")
    );
    assert_eq!(request.header("x-amz-security-token"), None);
}

#[tokio::test]
async fn a_request_without_body_states_no_length_unless_its_method_expects_content() {
    let server = Server::start(vec![], Action::page(&["a"], None)).await;
    let handle = handle(config(&server.url));
    let mut input = ThingInput::named("ignored");
    input.token = Some("t".into());
    let output = handle.call::<ListThings>(&input).await.unwrap();
    assert_eq!(output.items, ["a"]);
    let request = &server.requests()[0];
    assert_eq!(
        (request.method.as_str(), request.target.as_str()),
        ("GET", "/things?token=t")
    );
    assert!(request.body.is_empty());
    assert_eq!(request.header("content-length"), None);
    assert_eq!(request.header("content-type"), None);
    assert!(request.header("authorization").is_some());

    for method in [Method::GET, Method::HEAD, Method::DELETE, Method::OPTIONS] {
        assert!(!sends_content_length(&method, 0), "{method}");
        assert!(sends_content_length(&method, 1), "{method}");
    }
    for method in [Method::POST, Method::PUT, Method::PATCH] {
        assert!(sends_content_length(&method, 0), "{method}");
    }
}

#[tokio::test]
async fn connections_are_reused() {
    let server = Server::start(vec![], Action::page(&[], None)).await;
    let handle = handle(config(&server.url));
    for _ in 0..3 {
        handle.call::<GetThing>(&ThingInput::named("x")).await.unwrap();
    }
    assert_eq!(server.requests().len(), 3);
    assert_eq!(server.connections(), 1);
}

#[tokio::test]
async fn an_invalid_input_is_not_sent() {
    let server = Server::start(vec![], Action::page(&[], None)).await;
    let handle = handle(config(&server.url));
    let error = handle
        .call::<GetThing>(&ThingInput::named("a name that is far too long"))
        .await
        .unwrap_err();
    let Error::Validation(validation) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(validation.violations.len(), 1);
    assert_eq!(
        error.to_string(),
        "1 validation error detected: Value with length 27 at '/name' failed to satisfy constraint: \
         Member must have length between 1 and 16, inclusive"
    );
    assert_eq!(error.attempts(), 0);
    let error = handle.call::<GetThing>(&ThingInput::default()).await.unwrap_err();
    assert!(
        error
            .to_string()
            .contains("Value at '/name' failed to satisfy constraint: Member must not be null")
    );
    tokio::task::yield_now().await;
    assert_eq!(server.connections(), 0);
}

#[tokio::test]
async fn validation_can_be_turned_off() {
    let server = Server::start(vec![], Action::page(&["ok"], None)).await;
    let handle = handle(config(&server.url).validate(false));
    let output = handle
        .call::<GetThing>(&ThingInput::named("a name that is far too long"))
        .await
        .unwrap();
    assert_eq!(output.items, ["ok"]);
    assert_eq!(server.requests().len(), 1);
    // An input that cannot be encoded still fails, before sending.
    let error = handle.call::<GetThing>(&ThingInput::default()).await.unwrap_err();
    assert!(matches!(error, Error::Encode(_)), "{error:?}");
    assert!(
        error
            .to_string()
            .starts_with("could not encode the request: member name"),
        "{error}"
    );
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn the_endpoint_path_is_a_prefix() {
    let server = Server::start(vec![], Action::page(&[], None)).await;
    let handle = handle(config(&format!("{}/base/", server.url)));
    handle.call::<GetThing>(&ThingInput::named("x")).await.unwrap();
    assert_eq!(server.requests()[0].target, "/base/things/x");
}

#[tokio::test]
async fn session_tokens_are_sent() {
    let server = Server::start(vec![], Action::page(&[], None)).await;
    let credentials = crate::client::Credentials::new("AKID", "SECRET", Some("TOKEN".into()), None, "test");
    let handle = handle(config(&server.url).credentials(credentials));
    handle.call::<GetThing>(&ThingInput::named("x")).await.unwrap();
    assert_eq!(server.requests()[0].header("x-amz-security-token"), Some("TOKEN"));
}

#[derive(Debug)]
struct NoCredentials;

impl ProvideCredentials for NoCredentials {
    fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        future::ProvideCredentials::ready(Err(ProviderError::not_loaded("nothing configured")))
    }
}

#[tokio::test]
async fn a_credentials_failure_sends_nothing() {
    let server = Server::start(vec![], Action::page(&[], None)).await;
    let handle = handle(config(&server.url).credentials_provider(NoCredentials));
    let error = handle.call::<GetThing>(&ThingInput::named("x")).await.unwrap_err();
    assert!(matches!(error, Error::Credentials(_)), "{error:?}");
    assert!(error.to_string().starts_with("could not load credentials"), "{error}");
    assert!(std::error::Error::source(&error).is_some());
    tokio::task::yield_now().await;
    assert_eq!(server.connections(), 0);
}

#[tokio::test]
async fn secrets_stay_out_of_debug_output() {
    let credentials = crate::client::Credentials::new("AKID", "VERYSECRET", Some("SESSIONTOKEN".into()), None, "test");
    let handle = handle(config("http://127.0.0.1:9").credentials(credentials));
    let text = format!("{handle:?}");
    assert!(!text.contains("VERYSECRET") && !text.contains("SESSIONTOKEN"), "{text}");
}

#[test]
fn calls_can_be_spawned() {
    fn assert_send<T: Send>(_: &T) {}
    let handle = handle(config("http://127.0.0.1:9"));
    let input = ThingInput::named("x");
    let call = handle.call::<GetThing>(&input);
    assert_send(&call);
}
