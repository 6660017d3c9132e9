//! Hand-written operations, as a generated crate would write them: `POST /things/{name}`
//! with a `token` query parameter and a JSON body, and `GET /things` without a body; the
//! output is a page of items.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::client::ServiceInfo;
use crate::protocol::{
    DecodeError, EncodeError, HttpRequest, HttpResponse, Operation, OperationError, OperationInfo, Protocol,
    UnhandledError,
};
use crate::rest_json::{self as rest, RequestBuilder, RestJson1};
use crate::{Validate, Validator};

pub(super) static SERVICE: ServiceInfo = ServiceInfo {
    sdk_id: "Things",
    signing_name: "things",
    endpoint_prefix: "things",
    api_version: "2024-01-01",
};

/// The operation's marker type.
pub(super) struct GetThing;

#[derive(Debug, Clone, Default, Serialize)]
pub(super) struct ThingInput {
    /// Bound to the URI label; required, 1 to 16 characters.
    #[serde(skip)]
    pub(super) name: Option<String>,
    /// Bound to the `token` query parameter.
    #[serde(skip)]
    pub(super) token: Option<String>,
    /// In the JSON body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) note: Option<String>,
}

impl ThingInput {
    pub(super) fn named(name: &str) -> Self {
        ThingInput {
            name: Some(name.to_owned()),
            ..ThingInput::default()
        }
    }
}

impl Validate for ThingInput {
    fn validate_into(&self, v: &mut Validator) {
        v.member("name", self.name.as_deref(), true, |v, name| {
            v.length_str(name, Some(1), Some(16))
        });
    }
}

#[derive(Debug, Default, Deserialize, PartialEq, Eq)]
pub(super) struct ThingOutput {
    #[serde(default)]
    pub(super) items: Vec<String>,
    pub(super) next: Option<String>,
}

/// Nothing is required: an empty body is a valid page.
impl Validate for ThingOutput {
    fn validate_into(&self, _: &mut Validator) {}
}

/// The operation's errors: one modeled, one that cannot be decoded, and the rest.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum ThingError {
    NotFound { message: Option<String> },
    Unhandled(UnhandledError),
}

impl fmt::Display for ThingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ThingError::NotFound { message } => write!(f, "ResourceNotFoundException: {message:?}"),
            ThingError::Unhandled(error) => fmt::Display::fmt(error, f),
        }
    }
}

impl std::error::Error for ThingError {}

impl OperationError for ThingError {
    fn decode(
        code: &str,
        unhandled: UnhandledError,
        _response: &http::response::Parts,
        body: &[u8],
    ) -> Result<Self, DecodeError> {
        #[derive(Deserialize, Default)]
        struct NotFoundBody {
            message: Option<String>,
        }
        match code {
            "ResourceNotFoundException" => {
                let body: NotFoundBody = rest::json_body(body)?;
                Ok(ThingError::NotFound { message: body.message })
            }
            "BrokenException" => Err(DecodeError::new("the BrokenException body is malformed")),
            _ => Ok(ThingError::Unhandled(unhandled)),
        }
    }

    fn encode(&self, _: &dyn Protocol) -> Result<HttpResponse, EncodeError> {
        Err(EncodeError::new("clients do not encode errors"))
    }

    fn unhandled(error: UnhandledError) -> Self {
        ThingError::Unhandled(error)
    }

    fn code(&self) -> &str {
        match self {
            ThingError::NotFound { .. } => "ResourceNotFoundException",
            ThingError::Unhandled(error) => &error.code,
        }
    }

    fn message(&self) -> Option<&str> {
        match self {
            ThingError::NotFound { message } => message.as_deref(),
            ThingError::Unhandled(error) => error.message.as_deref(),
        }
    }

    fn status(&self) -> u16 {
        match self {
            ThingError::NotFound { .. } => 404,
            ThingError::Unhandled(error) => error.status,
        }
    }
}

impl Operation for GetThing {
    const PROTOCOL: &'static dyn Protocol = &RestJson1::new("exceptionMessage");
    const INFO: OperationInfo = OperationInfo {
        name: "GetThing",
        method: "POST",
        uri: "/things/{name}",
        status: 200,
        idempotent: false,
    };
    type Input = ThingInput;
    type Output = ThingOutput;
    type Error = ThingError;

    fn encode_input(input: &ThingInput) -> Result<HttpRequest, EncodeError> {
        let mut builder = RequestBuilder::new("POST");
        builder.literal("things");
        builder.label("name", &input.name)?;
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

    fn decode_output(_response: &http::response::Parts, body: &[u8]) -> Result<ThingOutput, DecodeError> {
        rest::json_body(body)
    }
}

/// `GET /things?token=`: an input with no body members, so no body.
pub(super) struct ListThings;

impl Operation for ListThings {
    const PROTOCOL: &'static dyn Protocol = GetThing::PROTOCOL;
    const INFO: OperationInfo = OperationInfo {
        name: "ListThings",
        method: "GET",
        uri: "/things",
        status: 200,
        idempotent: true,
    };
    type Input = ThingInput;
    type Output = ThingOutput;
    type Error = ThingError;

    fn encode_input(input: &ThingInput) -> Result<HttpRequest, EncodeError> {
        let mut builder = RequestBuilder::new("GET");
        builder.literal("things");
        builder.query("token", &input.token);
        builder.build()
    }

    fn decode_input(_: &http::request::Parts, _: &[String], _: &[u8]) -> Result<ThingInput, DecodeError> {
        Err(DecodeError::new("clients do not decode inputs"))
    }

    fn encode_output(_: &ThingOutput) -> Result<HttpResponse, EncodeError> {
        Err(EncodeError::new("clients do not encode outputs"))
    }

    fn decode_output(_response: &http::response::Parts, body: &[u8]) -> Result<ThingOutput, DecodeError> {
        rest::json_body(body)
    }
}
