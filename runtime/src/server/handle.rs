//! Running one operation: decode, validate, call the handler, encode.

use std::future::Future;

use crate::protocol::{HttpResponse, Operation, OperationError};
use crate::server::context::{OperationRequest, RequestContext};
use crate::server::errors::{SERIALIZATION, internal_error, protocol_error, validation_error};
use crate::validate::Validate;

/// Runs operation `Op` for a routed request with the handler `f`.
///
/// - An input that cannot be decoded is answered with 400 `SerializationException`, the
///   decoder's message in the body. It is decoded with the server's rules (see
///   [`crate::decode_mode`]): stricter than a client's about timestamps, base64 and unions.
/// - An input that breaks the model's constraints is answered with 400 `ValidationException`,
///   whose message lists every violation, in the operation's [`Operation::VALIDATION`] style
///   (Smithy's framework style adds a `fieldList`); `f` is not called.
/// - Otherwise `f` is called with the input and the request's context: its output is encoded
///   with the operation's success status, its error as that error's response.
/// - A response that cannot be encoded becomes 500 `InternalServerException`.
pub async fn handle<Op, F, Fut>(request: OperationRequest, f: F) -> HttpResponse
where
    Op: Operation,
    F: FnOnce(Op::Input, RequestContext) -> Fut,
    Fut: Future<Output = Result<Op::Output, Op::Error>>,
{
    let OperationRequest {
        parts,
        labels,
        body,
        context,
    } = request;
    let operation = Op::INFO.name;
    let input = match crate::decode_mode::reading_request(|| Op::decode_input(&parts, &labels, &body)) {
        Ok(input) => input,
        Err(error) => {
            tracing::debug!(operation, %error, "cannot decode the input");
            return protocol_error(Op::PROTOCOL, 400, SERIALIZATION, error.message());
        }
    };
    // The decoded parts are not needed any more: free them before the handler runs.
    drop((parts, labels, body));
    if let Err(error) = input.validate_as(Op::VALIDATION) {
        tracing::debug!(operation, %error, "invalid input");
        return validation_error(Op::PROTOCOL, Op::VALIDATION, &error);
    }
    match f(input, context).await {
        Ok(output) => Op::encode_output(&output).unwrap_or_else(|error| {
            tracing::error!(operation, %error, "cannot encode the output");
            internal_error(Op::PROTOCOL)
        }),
        Err(error) => {
            tracing::debug!(
                operation,
                code = error.code(),
                status = error.status(),
                "the handler failed"
            );
            error.encode(Op::PROTOCOL).unwrap_or_else(|encode_error| {
                tracing::error!(operation, %error, %encode_error, "cannot encode the error");
                internal_error(Op::PROTOCOL)
            })
        }
    }
}
