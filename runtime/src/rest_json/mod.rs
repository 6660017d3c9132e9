//! The restJson1 protocol: the one runtime module that knows it.
//!
//! - [`RestJson1`] is the protocol as the client's call path and the server's dispatch see it
//!   ([`crate::protocol::Protocol`]): reading error responses, writing protocol errors.
//! - Generated `encode` functions fill a [`RequestBuilder`] or [`ResponseBuilder`] member by
//!   member; generated `decode` functions read members with [`label`], [`Query`], [`header`]
//!   and friends, then the body with [`json_body`]. Values cross the boundary as text through
//!   [`Param`] (enums and timestamps through the `_text`/`_with` forms, since their text form
//!   depends on the member).
//!
//! One file per concern: [`param`] (text forms), `request` and `response` (the builders),
//! [`headers`] (header values both ways), [`read`] (labels, query, bodies) and [`errors`]
//! (error responses both ways).

use bytes::Bytes;
use http::header::HeaderMap;
use serde::Serialize;

use crate::Violation;
use crate::protocol::{EncodeError, ErrorMeta, HttpResponse, Protocol};

pub mod errors;
pub mod headers;
#[cfg(test)]
mod malformed_tests;
pub mod param;
pub mod read;
mod request;
mod response;
#[cfg(test)]
mod tests;

pub use errors::{error_response, json_object, normalize_code};
pub use headers::{
    header, header_list, header_list_with, header_with, media_type_from_header, media_type_to_header, prefix_headers,
    split_header_list,
};
pub use param::Param;
pub use read::{Query, decode_component, json_body, json_payload, label, label_with, parse, payload};
pub use request::RequestBuilder;
pub use response::ResponseBuilder;

/// The content type of JSON bodies.
pub const JSON: &str = "application/json";

/// restJson1, with the name of the member that carries error messages in the model (IVS:
/// `exceptionMessage`; most services: `message`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RestJson1 {
    error_message: &'static str,
}

impl RestJson1 {
    /// The protocol for a model whose error structures carry their message in `error_message`.
    pub const fn new(error_message: &'static str) -> Self {
        RestJson1 { error_message }
    }

    /// The model's error message member.
    pub fn error_message_member(&self) -> &'static str {
        self.error_message
    }
}

impl Default for RestJson1 {
    /// Error messages in `message`, as most AWS models have them.
    fn default() -> Self {
        RestJson1::new("message")
    }
}

impl Protocol for RestJson1 {
    fn name(&self) -> &'static str {
        "restJson1"
    }

    fn error_meta(&self, headers: &HeaderMap, body: &[u8]) -> ErrorMeta {
        errors::error_meta(headers, body, self.error_message)
    }

    /// `X-Amzn-Errortype: code` and a JSON body with the message under both the model's member
    /// and `message` (what most AWS clients read).
    fn error_response(&self, status: u16, code: &str, message: Option<&str>) -> Result<HttpResponse, EncodeError> {
        errors::message_error(status, code, message, self.error_message)
    }

    fn framework_validation_error(&self, message: &str, fields: &[Violation]) -> Result<HttpResponse, EncodeError> {
        errors::framework_validation_error(message, fields)
    }

    fn media_type(&self) -> &'static str {
        JSON
    }
}

fn to_json<T: Serialize>(value: &T) -> Result<Bytes, EncodeError> {
    serde_json::to_vec(value)
        .map(Bytes::from)
        .map_err(|e| EncodeError::new(format!("cannot write the JSON body: {e}")))
}
