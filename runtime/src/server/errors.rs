//! The protocol errors the server machinery answers by itself, before or around a handler.
//!
//! Every one is written by the service's protocol ([`Protocol::error_response`]); for restJson1:
//! the code in `X-Amzn-Errortype` and a JSON body carrying the text twice, under the model's
//! message member (IVS: `exceptionMessage`, what its SDKs read) and `message` (what most
//! other AWS clients read).

use bytes::Bytes;

use crate::protocol::{HttpResponse, Protocol};
use crate::validate::{MAX_MESSAGE_BYTES as MAX_FIELD_BYTES, ValidationError, ValidationStyle, Violation, cut};

/// 400: the request could not be decoded (malformed JSON, a bad label, header or query value).
pub(crate) const SERIALIZATION: &str = "SerializationException";
/// 400: the decoded input breaks the model's constraints.
pub(crate) const VALIDATION: &str = "ValidationException";
/// 404: no operation's URI template matches the request.
pub(crate) const UNKNOWN_OPERATION: &str = "UnknownOperationException";
/// 405: an operation matches the path, but not with this method.
pub(crate) const METHOD_NOT_ALLOWED: &str = "MethodNotAllowedException";
/// 406: the request's `Accept` admits none of what the operation answers with.
pub(crate) const NOT_ACCEPTABLE: &str = "NotAcceptableException";
/// 408: the body did not arrive in time.
pub(crate) const REQUEST_TIMEOUT: &str = "RequestTimeoutException";
/// 413: the body is larger than the configured limit.
pub(crate) const TOO_LARGE: &str = "RequestEntityTooLargeException";
/// 415: the body's media type is not the one the operation reads.
pub(crate) const UNSUPPORTED_MEDIA_TYPE: &str = "UnsupportedMediaTypeException";
/// 500: the server failed (a handler panicked, or a response could not be encoded).
pub(crate) const INTERNAL: &str = "InternalServerException";

/// The longest message a protocol error carries, in bytes. Messages quote what the caller
/// sent (a JSON value the decoder choked on, a path, a media type); a longer one is cut, so
/// that no request gets an answer much bigger than a page of text (twice that, when the
/// protocol writes it twice). A validation message is already bounded (about 17 KiB, see
/// [`crate::ValidationError`]) and is never cut here.
pub(crate) const MAX_MESSAGE_BYTES: usize = 32 * 1024;

/// An error response with `code` and `message`, in `protocol`'s words, the message cut at
/// [`MAX_MESSAGE_BYTES`] (ending with `...`).
pub(crate) fn protocol_error(protocol: &dyn Protocol, status: u16, code: &str, message: &str) -> HttpResponse {
    let cut;
    let message = if message.len() > MAX_MESSAGE_BYTES {
        let mut end = MAX_MESSAGE_BYTES;
        while !message.is_char_boundary(end) {
            end -= 1;
        }
        cut = format!("{}...", message.get(..end).unwrap_or_default());
        cut.as_str()
    } else {
        message
    };
    match protocol.error_response(status, code, Some(message)) {
        Ok(response) => response,
        Err(error) => {
            // Only a code that is not a valid header value gets here, and every code this
            // module uses is a constant: still, answer something rather than nothing.
            tracing::error!(%error, code, "cannot encode a protocol error");
            bare(status)
        }
    }
}

/// 400 `ValidationException` for an input that breaks the model's constraints, in `style`:
/// AWS's one message ([`ValidationError`]'s `Display`) as any protocol error, or Smithy's
/// `message` and `fieldList`. The field list holds the violations the message lists (see
/// [`ValidationError::listed`]), each path and message cut at
/// [`crate::validate::MAX_MESSAGE_BYTES`], so the body stays bounded like the message.
pub(crate) fn validation_error(
    protocol: &dyn Protocol,
    style: ValidationStyle,
    error: &ValidationError,
) -> HttpResponse {
    let message = error.summary(style);
    if style == ValidationStyle::Aws {
        return protocol_error(protocol, 400, VALIDATION, &message);
    }
    let fields: Vec<Violation> = error
        .listed()
        .iter()
        .map(|field| Violation {
            path: bounded(&field.path),
            message: bounded(&field.message),
        })
        .collect();
    protocol
        .framework_validation_error(&message, &fields)
        .unwrap_or_else(|encode_error| {
            // Nothing here is a header value a caller chose; still, answer something.
            tracing::error!(%encode_error, "cannot encode a validation error");
            bare(400)
        })
}

/// `text`, cut at [`MAX_FIELD_BYTES`] on a character boundary (ending with `...` when cut).
fn bounded(text: &str) -> String {
    let kept = cut(text, MAX_FIELD_BYTES);
    if kept.len() < text.len() {
        format!("{kept}...")
    } else {
        text.to_owned()
    }
}

/// A response with only a status (500 if `status` is not a valid status code).
fn bare(status: u16) -> HttpResponse {
    let mut response = http::Response::new(Bytes::new());
    *response.status_mut() = http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    response
}

/// 500 `InternalServerException`, with a message that reveals nothing about the server: what
/// the server answers when it fails (a handler panicked, a response could not be encoded).
/// Generated [`crate::server::Dispatch`] implementations answer it for an index they do not
/// know.
pub fn internal_error(protocol: &dyn Protocol) -> HttpResponse {
    protocol_error(
        protocol,
        500,
        INTERNAL,
        "The server encountered an internal error while processing the request",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rest_json::RestJson1;

    const IVS: RestJson1 = RestJson1::new("exceptionMessage");

    #[test]
    fn protocol_errors_carry_the_code_and_both_messages() {
        let response = protocol_error(&IVS, 413, TOO_LARGE, "too big");
        assert_eq!(response.status(), 413);
        assert_eq!(response.headers()["x-amzn-errortype"], TOO_LARGE);
        assert_eq!(response.headers()["content-type"], "application/json");
        let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"exceptionMessage": "too big", "message": "too big"})
        );
    }

    #[test]
    fn long_messages_are_cut_on_a_character_boundary() {
        let long = "é".repeat(MAX_MESSAGE_BYTES);
        let response = protocol_error(&IVS, 400, SERIALIZATION, &long);
        let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        let message = json["message"].as_str().unwrap();
        assert!(message.len() <= MAX_MESSAGE_BYTES + 3, "{}", message.len());
        assert!(message.ends_with("é..."));
        assert!(
            response.body().len() < 3 * MAX_MESSAGE_BYTES,
            "{}",
            response.body().len()
        );
    }

    /// The violations of `f` as the server reports them in `style`.
    fn invalid(style: ValidationStyle, f: impl FnOnce(&mut crate::Validator)) -> HttpResponse {
        let mut v = crate::Validator::new();
        f(&mut v);
        let error = v.finish_as(style).unwrap_err();
        validation_error(&crate::rest_json::RestJson1::default(), style, &error)
    }

    #[test]
    fn framework_validation_errors_are_exactly_message_and_field_list() {
        // RestJsonMalformedLengthMinString, compared as a JSON value: no other member.
        let response = invalid(ValidationStyle::SmithyFramework, |v| {
            v.at("minString", |v| v.length_str("a", Some(2), None))
        });
        assert_eq!(response.status(), 400);
        assert_eq!(response.headers()["x-amzn-errortype"], "ValidationException");
        let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        let text = "Value with length 1 at '/minString' failed to satisfy constraint: \
                    Member must have length greater than or equal to 2";
        assert_eq!(
            json,
            serde_json::json!({
                "message": format!("1 validation error detected. {text}"),
                "fieldList": [{"message": text, "path": "/minString"}]
            })
        );
    }

    #[test]
    fn aws_validation_errors_keep_one_message() {
        let response = invalid(ValidationStyle::Aws, |v| v.at("n", |v| v.range_int(9, None, Some(8))));
        let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        let text = "1 validation error detected: Value 9 at '/n' failed to satisfy constraint: \
                    Member must be less than or equal to 8";
        // The protocol's message member here is `message` (IVS's answers carry it twice).
        assert_eq!(json, serde_json::json!({"message": text}));
        assert_eq!(response.headers()["x-amzn-errortype"], VALIDATION);
    }

    #[test]
    fn framework_field_lists_are_bounded() {
        let key = "k".repeat(5 * MAX_FIELD_BYTES);
        let response = invalid(ValidationStyle::SmithyFramework, |v| {
            for _ in 0..crate::validate::MAX_LISTED_VIOLATIONS * 2 {
                v.at(&key, |v| v.length_str("", Some(1), None));
            }
        });
        let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        let fields = json["fieldList"].as_array().unwrap();
        assert!(!fields.is_empty() && fields.len() < crate::validate::MAX_LISTED_VIOLATIONS);
        assert!(fields[0]["path"].as_str().unwrap().ends_with("k..."));
        assert!(
            response.body().len() < 4 * MAX_MESSAGE_BYTES,
            "{}",
            response.body().len()
        );
    }

    #[test]
    fn an_unencodable_code_still_answers_with_the_status() {
        let response = protocol_error(&IVS, 418, "bad\ncode", "x");
        assert_eq!(response.status(), 418);
        assert!(response.body().is_empty());
    }
}
