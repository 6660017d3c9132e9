//! The error values of the protocol layer: an error the operation does not model, and the
//! failures of encoding and decoding.

use std::fmt;

use super::{HttpResponse, Protocol};

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

    /// The response a server sends for this error, in `protocol`'s words.
    pub fn encode(&self, protocol: &dyn Protocol) -> Result<HttpResponse, EncodeError> {
        protocol.error_response(self.status, &self.code, self.message.as_deref())
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
