//! What a generated crate tells the client and the server about each operation.
//!
//! A generated model crate implements these traits: [`Operation`] for a marker type per
//! operation (its input and output bindings), [`HttpError`] for each error structure and
//! [`OperationError`] for each operation's error enum. The client and server machinery (the `client` and `server`
//! features) is generic over [`Operation`], so nothing protocol-specific is repeated per
//! operation in generated code: it only binds members to the URI, query, headers and body.
//!
//! Both directions of every binding live on the same type, so a client and a server generated
//! from one model agree by construction, and one round-trip test exercises both.

use std::fmt;

use bytes::Bytes;
use http::HeaderMap;

use crate::{Validate, ValidationStyle, Violation};

mod errors;
mod host_prefix;
mod macros;
#[cfg(test)]
mod tests;

pub use errors::{DecodeError, EncodeError, UnhandledError};
pub use host_prefix::expand_host_prefix;

/// An HTTP request with its whole body in memory.
pub type HttpRequest = http::Request<Bytes>;

/// An HTTP response with its whole body in memory.
pub type HttpResponse = http::Response<Bytes>;

/// Static facts about one operation, from the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OperationInfo {
    /// The operation's name in the model, e.g. `CreateChannel`.
    pub name: &'static str,
    /// The HTTP method, upper case.
    pub method: &'static str,
    /// The `@http` URI template, e.g. `/tags/{resourceArn}`.
    pub uri: &'static str,
    /// The status code of a successful response.
    pub status: u16,
    /// `@idempotent` or `@readonly`.
    pub idempotent: bool,
}

/// One operation of a service: a marker type generated per operation, which owns the HTTP
/// bindings of its input and output in both directions (so a `Unit` input or output needs no
/// type of its own).
pub trait Operation {
    /// The facts from the model.
    const INFO: OperationInfo;
    /// The service's protocol, as the client's call path and the server's dispatch use it.
    const PROTOCOL: &'static dyn Protocol;
    /// `@endpoint`'s `hostPrefix`: prepended to the host of the client's endpoint
    /// (`runtime-` for `runtime-bedrock.us-east-1.amazonaws.com`). Empty for most operations.
    /// It may hold `{label}`s that [`Operation::host_prefix`] fills in from the input.
    const HOST_PREFIX: &'static str = "";
    /// `@httpChecksumRequired`: the client sends the body's MD5 in `Content-MD5`.
    const CHECKSUM_REQUIRED: bool = false;
    /// `@requestCompression`'s encodings, in the model's order (the client uses the first it
    /// supports). Empty for an operation without the trait.
    const REQUEST_COMPRESSION: &'static [&'static str] = &[];
    /// How the server reports an input that breaks the model's constraints: in AWS's words
    /// (the default: the service models its own `ValidationException`), or as Smithy's
    /// `smithy.framework#ValidationException` when the operation lists that error.
    const VALIDATION: ValidationStyle = ValidationStyle::Aws;
    /// The input structure (or [`crate::Unit`]).
    type Input: Validate + fmt::Debug + Send + Sync + 'static;
    /// The output structure (or [`crate::Unit`]). Clients validate it only when the response
    /// body is empty, to tell an empty answer from one that sets what the output requires.
    type Output: Validate + fmt::Debug + Send + 'static;
    /// The operation's error enum: its modeled errors and an unhandled case.
    type Error: OperationError;

    /// The request without host, signature or other transport headers: method, path and
    /// query (an origin-form URI), bound headers and the body. Clients call this.
    fn encode_input(input: &Self::Input) -> Result<HttpRequest, EncodeError>;

    /// Reads the input back from a request; `labels` are the URI labels' values, already
    /// percent-decoded, in the order the URI template has them. Servers call this.
    fn decode_input(request: &http::request::Parts, labels: &[String], body: &[u8])
    -> Result<Self::Input, DecodeError>;

    /// The successful response: status, bound headers and the body. Servers call this.
    fn encode_output(output: &Self::Output) -> Result<HttpResponse, EncodeError>;

    /// Reads the output back from a successful response. Clients call this.
    fn decode_output(response: &http::response::Parts, body: &[u8]) -> Result<Self::Output, DecodeError>;

    /// The host prefix for this input: [`Operation::HOST_PREFIX`] with its `{label}`s replaced
    /// by the input's `@hostLabel` members (see [`expand_host_prefix`]). Clients call this.
    fn host_prefix(_input: &Self::Input) -> Result<String, EncodeError> {
        Ok(Self::HOST_PREFIX.to_owned())
    }

    /// The input with its `@idempotencyToken` member set to `token()`, when the operation has
    /// such a member and `input` leaves it unset; `None` otherwise (the input is sent as it is).
    /// Clients call this before validating and encoding, so every attempt sends the same token.
    fn with_idempotency_token(_input: &Self::Input, _token: &dyn Fn() -> String) -> Option<Self::Input> {
        None
    }
}

/// What differs between wire protocols on the paths every operation shares: the client's
/// reading of an error response, and the responses a server writes for errors that have only
/// a code and a message (its protocol errors, and errors the operation does not model).
///
/// Each protocol is one runtime module implementing this (restJson1: [`crate::rest_json`]);
/// the client's call path and the server's dispatch reach the protocol only through it.
pub trait Protocol: fmt::Debug + Send + Sync + 'static {
    /// The protocol's Smithy name, e.g. `restJson1`.
    fn name(&self) -> &'static str;

    /// The error code, message and request id of an error response.
    fn error_meta(&self, headers: &HeaderMap, body: &[u8]) -> ErrorMeta;

    /// The response for an error that has only a code and a message.
    fn error_response(&self, status: u16, code: &str, message: Option<&str>) -> Result<HttpResponse, EncodeError>;

    /// The 400 response for Smithy's `smithy.framework#ValidationException`: its `message`
    /// and its `fieldList`, one `{path, message}` per violation in `fields`, and nothing else.
    fn framework_validation_error(&self, message: &str, fields: &[Violation]) -> Result<HttpResponse, EncodeError>;

    /// The media type (without parameters) of the request bodies the server reads, unless an
    /// operation says otherwise (a raw `@httpPayload`).
    fn media_type(&self) -> &'static str;
}

/// What an error response says about itself, as a [`Protocol`] reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorMeta {
    /// The error code, normalized (no namespace, nothing after a `:`); `None` when the response
    /// names none.
    pub code: Option<String>,
    /// The error message, when the response has one.
    pub message: Option<String>,
    /// The request id the service gave the response.
    pub request_id: Option<String>,
}

/// How a client retries an error the model marks `@retryable`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// `@retryable`: a transient failure; try again after the usual backoff.
    Transient,
    /// `@retryable(throttling: true)`: the caller was too fast; slow down, then try again.
    Throttling,
}

/// An `@error` structure.
pub trait HttpError: Sized + fmt::Debug {
    /// The error code: the shape name, as sent in `X-Amzn-Errortype`.
    const CODE: &'static str;
    /// The `@httpError` status code.
    const STATUS: u16;
    /// Whether the caller or the service is at fault.
    const FAULT: Fault;
    /// `@retryable`: whether, and how, a client retries this error. `None` leaves the decision
    /// to the client's fallback (status codes and well-known error codes).
    const RETRY: Option<Retry> = None;

    /// The error's message member, when set.
    fn message(&self) -> Option<&str>;

    /// The response a server sends for this error.
    fn encode(&self) -> Result<HttpResponse, EncodeError>;

    /// Reads the error from a response whose error code is [`HttpError::CODE`].
    fn decode(response: &http::response::Parts, body: &[u8]) -> Result<Self, DecodeError>;
}

/// Who is at fault for an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The caller: a 4xx error.
    Client,
    /// The service: a 5xx error.
    Server,
}

/// An operation's error enum: one variant per modeled error, plus [`UnhandledError`] for any
/// other error code.
pub trait OperationError: std::error::Error + Sized + Send + Sync + 'static {
    /// Reads the error whose code (already normalized, see [`ErrorMeta`]) is
    /// `code`; codes the operation does not model become the unhandled variant.
    fn decode(
        code: &str,
        unhandled: UnhandledError,
        response: &http::response::Parts,
        body: &[u8],
    ) -> Result<Self, DecodeError>;

    /// The response a server sends for this error; `protocol` writes the errors that have no
    /// structure of their own (the unhandled ones).
    fn encode(&self, protocol: &dyn Protocol) -> Result<HttpResponse, EncodeError>;

    /// Wraps an error the operation does not model.
    fn unhandled(error: UnhandledError) -> Self;

    /// The error code, e.g. `ResourceNotFoundException`.
    fn code(&self) -> &str;

    /// The error message, when there is one.
    fn message(&self) -> Option<&str>;

    /// The HTTP status code.
    fn status(&self) -> u16;

    /// What the model says about retrying this error (`@retryable`); `None` for errors the
    /// model does not mark, and for unhandled ones.
    fn retry(&self) -> Option<Retry> {
        None
    }
}
