//! Error responses become typed service errors, and unreadable responses say why.

use super::fake::{GetThing, ThingError, ThingInput};
use super::server::{Action, Server};
use super::{config, handle};
use crate::client::Error;
use crate::protocol::UnhandledError;

async fn call_once(action: Action) -> Error<ThingError> {
    let server = Server::start(vec![], action).await;
    let handle = handle(config(&server.url).max_attempts(1));
    handle.call::<GetThing>(&ThingInput::named("x")).await.unwrap_err()
}

#[tokio::test]
async fn a_modeled_error_is_decoded() {
    let error = call_once(Action::error(404, "ResourceNotFoundException", "Thing not found")).await;
    assert_eq!(
        error.as_service_error(),
        Some(&ThingError::NotFound {
            message: Some("Thing not found".into())
        })
    );
    assert_eq!(error.code(), Some("ResourceNotFoundException"));
    assert_eq!(error.request_id(), Some("req-1"));
    assert_eq!(
        error.to_string(),
        "ResourceNotFoundException: Thing not found (HTTP 404, request id req-1)"
    );
    let Error::Service(service) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(service.status(), 404);
    assert_eq!(service.message(), Some("Thing not found"));
}

#[tokio::test]
async fn other_codes_are_unhandled_and_keep_code_message_and_status() {
    let body = r#"{"__type":"aws.things#ConflictException:http://internal","Message":"busy"}"#;
    let error = call_once(Action::json(409, body)).await;
    let expected = UnhandledError {
        code: "ConflictException".into(),
        message: Some("busy".into()),
        status: 409,
    };
    assert_eq!(error.as_service_error(), Some(&ThingError::Unhandled(expected)));
    assert_eq!(error.to_string(), "ConflictException: busy (HTTP 409)");
    assert_eq!(error.request_id(), None);

    let error = call_once(Action::json(403, "<html>Forbidden</html>")).await;
    assert_eq!(error.code(), Some("UnknownError"));
    assert_eq!(error.to_string(), "UnknownError (HTTP 403)");
    assert_eq!(
        error.into_service_error().map(|e| e.to_string()).as_deref(),
        Some("UnknownError (HTTP 403)")
    );
}

#[tokio::test]
async fn unreadable_responses_are_response_errors() {
    let error = call_once(Action::json(200, "{not json")).await;
    let Error::Response(response) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(response.status(), 200);
    assert!(response.message().starts_with("the JSON body is malformed"), "{error}");
    assert!(
        error
            .to_string()
            .starts_with("could not read the response (HTTP 200): "),
        "{error}"
    );
    assert!(error.as_service_error().is_none());

    let error = call_once(Action::error(400, "BrokenException", "x")).await;
    let Error::Response(response) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(response.status(), 400);
    assert_eq!(
        error.to_string(),
        "could not read the response (HTTP 400, request id req-1): \
         could not read the BrokenException error: the BrokenException body is malformed"
    );
    assert_eq!(error.request_id(), Some("req-1"));
}

#[tokio::test]
async fn service_messages_are_capped_and_control_characters_escaped() {
    let hostile = format!("first line\nforged line\u{1b}[2J{}", "x".repeat(1 << 20));
    let error = call_once(Action::error(400, "SomeOtherException", &hostile)).await;
    let text = error.to_string();
    assert!(text.len() < 5000, "{} bytes", text.len());
    assert!(!text.contains(['\n', '\u{1b}']), "{:?}", &text[..80]);
    assert!(
        text.starts_with("SomeOtherException: first line\\nforged line\\u{1b}[2Jxxx"),
        "{:?}",
        &text[..80]
    );
    let Error::Service(service) = &error else {
        panic!("{error:?}")
    };
    let message = service.message().unwrap();
    assert!(message.len() <= crate::client::untrusted::MAX_MESSAGE_BYTES + 3);

    // A message quoted in a decoding error is made safe too.
    let body = format!("{{\"items\": \"{}\\u001b\"}}", "y".repeat(1 << 20));
    let error = call_once(Action::json(200, &body)).await;
    let text = error.to_string();
    assert!(text.len() < 5000 && !text.contains('\u{1b}'), "{} bytes", text.len());
}

#[tokio::test]
async fn a_2xx_other_than_the_modeled_status_is_a_success() {
    let server = Server::start(vec![], Action::json(202, r#"{"items":["x"]}"#)).await;
    let handle = handle(config(&server.url));
    let output = handle.call::<GetThing>(&ThingInput::named("x")).await.unwrap();
    assert_eq!(output.items, ["x"]);
}
