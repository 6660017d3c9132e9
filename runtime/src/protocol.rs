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

use crate::Validate;

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
}

/// An `@error` structure.
pub trait HttpError: Sized + fmt::Debug {
    /// The error code: the shape name, as sent in `X-Amzn-Errortype`.
    const CODE: &'static str;
    /// The `@httpError` status code.
    const STATUS: u16;
    /// Whether the caller or the service is at fault.
    const FAULT: Fault;

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
    /// Reads the error whose code (already normalized, see [`crate::rest::ErrorMeta`]) is
    /// `code`; codes the operation does not model become the unhandled variant.
    fn decode(
        code: &str,
        unhandled: UnhandledError,
        response: &http::response::Parts,
        body: &[u8],
    ) -> Result<Self, DecodeError>;

    /// The response a server sends for this error.
    fn encode(&self) -> Result<HttpResponse, EncodeError>;

    /// Wraps an error the operation does not model.
    fn unhandled(error: UnhandledError) -> Self;

    /// The error code, e.g. `ResourceNotFoundException`.
    fn code(&self) -> &str;

    /// The error message, when there is one.
    fn message(&self) -> Option<&str>;

    /// The HTTP status code.
    fn status(&self) -> u16;
}

/// An error response the operation does not model: its code, message and status are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnhandledError {
    /// The error code (`UnknownError` when the response names none).
    pub code: String,
    /// The message, when the response has one.
    pub message: Option<String>,
    /// The HTTP status code.
    pub status: u16,
}

impl UnhandledError {
    /// An error with this code, message and status.
    pub fn new(code: impl Into<String>, message: impl Into<String>, status: u16) -> Self {
        UnhandledError {
            code: code.into(),
            message: Some(message.into()),
            status,
        }
    }

    /// What a server answers for an operation its implementation does not provide:
    /// 501 `NotImplementedException`.
    pub fn not_implemented(operation: &str) -> Self {
        Self::new(
            "NotImplementedException",
            format!("operation {operation} is not implemented by this server"),
            501,
        )
    }

    /// The response a server sends for this error: the message in both `exceptionMessage`
    /// (IVS's member) and `message`.
    pub fn encode(&self) -> Result<HttpResponse, EncodeError> {
        crate::rest::message_error(self.status, &self.code, self.message.as_deref())
    }
}

impl fmt::Display for UnhandledError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code)?;
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        write!(f, " (HTTP {})", self.status)
    }
}

impl std::error::Error for UnhandledError {}

/// A value could not be put into a request or response: a label without a value, or a header
/// value HTTP cannot carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodeError {
    message: String,
}

impl EncodeError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        EncodeError {
            message: message.into(),
        }
    }

    /// What was wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for EncodeError {}

/// A request or response could not be read: malformed JSON, a header or query value of the
/// wrong type, a label that is not UTF-8. Servers answer it with `SerializationException`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    message: String,
}

impl DecodeError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        DecodeError {
            message: message.into(),
        }
    }

    /// What was wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DecodeError {}
