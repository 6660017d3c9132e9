//! Error responses the restJson1 way: reading an error's code, message and request id, and
//! writing a response for an error that has only a code and a message.

use http::header::HeaderMap;
use serde::Serialize;

use super::response::ResponseBuilder;
use crate::Violation;
use crate::protocol::{EncodeError, ErrorMeta, HttpResponse};

/// Reads the code, message and request id of an error response. The code comes from the
/// `X-Amzn-Errortype` header, else the body's `code`, else its `__type`, normalized (see
/// [`normalize_code`]); the message from the body's `message_member` (the model's), else
/// `message`, else `Message`.
pub fn error_meta(headers: &HeaderMap, body: &[u8], message_member: &str) -> ErrorMeta {
    let json: Option<serde_json::Map<String, serde_json::Value>> = serde_json::from_slice(body).ok();
    let field = |name: &str| {
        json.as_ref()
            .and_then(|map| map.get(name))
            .and_then(|v| v.as_str())
            .map(str::to_owned)
    };
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let code = header("x-amzn-errortype")
        .or_else(|| field("code"))
        .or_else(|| field("__type"))
        .map(|raw| normalize_code(&raw).to_owned())
        .filter(|code| !code.is_empty());
    let message = field(message_member)
        .or_else(|| field("message"))
        .or_else(|| field("Message"));
    ErrorMeta {
        code,
        message,
        request_id: header("x-amzn-requestid"),
    }
}

/// `aws.protocoltests#FooError:http://internal` -> `FooError`.
pub fn normalize_code(raw: &str) -> &str {
    let before_colon = raw.split(':').next().unwrap_or(raw);
    before_colon.rsplit('#').next().unwrap_or(before_colon).trim()
}

/// An error response: `status`, `X-Amzn-Errortype: code`, and a JSON body made of `body`
/// with `message` added (see [`ResponseBuilder::error_body`]).
pub fn error_response(
    status: u16,
    code: &str,
    message: Option<&str>,
    body: serde_json::Map<String, serde_json::Value>,
) -> Result<HttpResponse, EncodeError> {
    let mut builder = ResponseBuilder::new(status);
    builder.error_body(code, message, &body)?;
    builder.build()
}

/// An error response whose body is only its message, under both `message_member` (the
/// model's) and `message`: what servers answer for errors without a modeled structure.
pub fn message_error(
    status: u16,
    code: &str,
    message: Option<&str>,
    message_member: &str,
) -> Result<HttpResponse, EncodeError> {
    let mut body = serde_json::Map::new();
    if let Some(message) = message {
        body.insert(message_member.to_owned(), message.into());
    }
    error_response(status, code, message, body)
}

/// Smithy's `smithy.framework#ValidationException`: 400, `X-Amzn-Errortype:
/// ValidationException` and the body `{"message": ..., "fieldList": [{"path": ..., "message": ...}]}`
/// (no other member: the structure has only these two).
pub fn framework_validation_error(message: &str, fields: &[Violation]) -> Result<HttpResponse, EncodeError> {
    let fields: Vec<serde_json::Value> = fields
        .iter()
        .map(|field| serde_json::json!({"path": field.path, "message": field.message}))
        .collect();
    let mut body = serde_json::Map::new();
    body.insert("message".to_owned(), message.into());
    body.insert("fieldList".to_owned(), fields.into());
    error_response(400, "ValidationException", Some(message), body)
}

/// Serializes an error structure's body members into a JSON object.
pub fn json_object<T: Serialize>(value: &T) -> Result<serde_json::Map<String, serde_json::Value>, EncodeError> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::Object(map)) => Ok(map),
        Ok(_) => Err(EncodeError::new(
            "an error structure did not serialize to a JSON object",
        )),
        Err(e) => Err(EncodeError::new(format!("cannot write the JSON body: {e}"))),
    }
}
