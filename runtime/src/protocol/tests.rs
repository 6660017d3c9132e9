//! [`crate::operation_error!`] over two error structures, one of them `@retryable`.

use serde::{Deserialize, Serialize};

use super::*;
use crate::rest_json::{ResponseBuilder, RestJson1};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct NotFound {
    #[serde(rename = "exceptionMessage", default, skip_serializing_if = "Option::is_none")]
    exception_message: Option<String>,
}

impl fmt::Display for NotFound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NotFound")
    }
}

impl HttpError for NotFound {
    const CODE: &'static str = "NotFound";
    const STATUS: u16 = 404;
    const FAULT: Fault = Fault::Client;
    fn message(&self) -> Option<&str> {
        self.exception_message.as_deref()
    }
    fn encode(&self) -> Result<HttpResponse, EncodeError> {
        ResponseBuilder::new(Self::STATUS).error(self)
    }
    fn decode(_: &http::response::Parts, body: &[u8]) -> Result<Self, DecodeError> {
        crate::rest_json::json_body(body)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct SlowDown {}

impl fmt::Display for SlowDown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SlowDown")
    }
}

impl HttpError for SlowDown {
    const CODE: &'static str = "SlowDown";
    const STATUS: u16 = 429;
    const FAULT: Fault = Fault::Client;
    const RETRY: Option<Retry> = Some(Retry::Throttling);
    fn message(&self) -> Option<&str> {
        None
    }
    fn encode(&self) -> Result<HttpResponse, EncodeError> {
        ResponseBuilder::new(Self::STATUS).error(self)
    }
    fn decode(_: &http::response::Parts, body: &[u8]) -> Result<Self, DecodeError> {
        crate::rest_json::json_body(body)
    }
}

#[derive(Clone, Debug, PartialEq)]
enum GetThingError {
    NotFound(NotFound),
    SlowDown(SlowDown),
    Unhandled(UnhandledError),
}
crate::operation_error!(GetThingError, [NotFound, SlowDown]);

const PROTOCOL: RestJson1 = RestJson1::new("exceptionMessage");

fn decode(response: HttpResponse) -> GetThingError {
    let meta = PROTOCOL.error_meta(response.headers(), response.body());
    let code = meta.code.unwrap_or_default();
    let status = response.status().as_u16();
    let unhandled = UnhandledError {
        code: code.clone(),
        message: meta.message,
        status,
    };
    let (parts, body) = response.into_parts();
    GetThingError::decode(&code, unhandled, &parts, &body).unwrap()
}

#[test]
fn modeled_errors_round_trip_through_their_structures() {
    let error = GetThingError::from(NotFound {
        exception_message: Some("gone".into()),
    });
    assert_eq!(
        (error.code(), error.status(), error.message()),
        ("NotFound", 404, Some("gone"))
    );
    assert_eq!(error.to_string(), "NotFound");
    assert_eq!(error.retry(), None);
    let back = decode(error.encode(&PROTOCOL).unwrap());
    assert_eq!(back, error);

    let throttled = GetThingError::from(SlowDown {});
    assert_eq!(throttled.retry(), Some(Retry::Throttling));
    assert_eq!(decode(throttled.encode(&PROTOCOL).unwrap()), throttled);
}

#[test]
fn other_codes_are_unhandled_and_keep_code_message_and_status() {
    let error = GetThingError::unhandled(UnhandledError::new("Teapot", "short and stout", 418));
    let response = error.encode(&PROTOCOL).unwrap();
    let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(json["exceptionMessage"], "short and stout");
    let back = decode(response);
    assert_eq!(back, error);
    assert_eq!((back.code(), back.status(), back.retry()), ("Teapot", 418, None));
    assert_eq!(back.to_string(), "Teapot: short and stout (HTTP 418)");
}
