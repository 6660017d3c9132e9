//! The protocol seam of the generator: everything that depends on the wire protocol is
//! emitted by the one module of the service's protocol (`rest_json` for restJson1), behind
//! these functions. The other emitters (types, validation, the operation modules, the client
//! and server crates) are the same for every protocol.
//!
//! A second protocol is one more module here (its bindings and error impls) and one arm in
//! each `match` below; its runtime half is one module of `smithy-runtime` implementing
//! `protocol::Protocol`.

mod rest_json;

use crate::ir::{Operation, Protocol, Service, Struct};
use proc_macro2::TokenStream;

/// Items for the model crate's `lib.rs`: the `PROTOCOL` constant the operations, the client
/// and the server hand to the runtime, and the `rest`-style alias generated files use.
pub fn crate_items(service: &Service) -> TokenStream {
    match service.protocol {
        Protocol::RestJson1 => rest_json::crate_items(service),
    }
}

/// The four `Operation` methods that bind an operation's input and output to HTTP, both ways.
pub fn operation_bindings(service: &Service, op: &Operation) -> TokenStream {
    match service.protocol {
        Protocol::RestJson1 => rest_json::operation_bindings(service, op),
    }
}

/// `impl HttpError` for an `@error` structure (nothing for other structures).
pub fn error_structure(service: &Service, s: &Struct) -> TokenStream {
    match service.protocol {
        Protocol::RestJson1 => rest_json::error_structure(s),
    }
}

/// How a server types an operation's request or response body, for its `Content-Type` (415)
/// and `Accept` (406) checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyMedia<'a> {
    /// The protocol's own media type (restJson1: `application/json`).
    Protocol,
    /// No modeled body.
    None,
    /// Another media type (a raw `@httpPayload`'s), or `*/*` for any.
    Other(&'a str),
}

/// The request body an operation's server reads (`None` input: no input).
pub fn request_body_media<'a>(service: &Service, input: Option<&'a Struct>) -> BodyMedia<'a> {
    match service.protocol {
        Protocol::RestJson1 => rest_json::body_media(input),
    }
}

/// The response body an operation's server writes (`None` output: no output).
pub fn response_body_media<'a>(service: &Service, output: Option<&'a Struct>) -> BodyMedia<'a> {
    match service.protocol {
        Protocol::RestJson1 => rest_json::body_media(output),
    }
}
