//! The protocol seam of the generator: everything that depends on the wire protocol is
//! emitted by the one module of the service's protocol (`rest_json` for restJson1), behind
//! these functions. The other emitters (types, validation, the operation modules, the client
//! and server crates) are the same for every protocol.
//!
//! A second protocol is one more module here (its bindings and error impls) and one arm in
//! each `match` below; its runtime half is one module of `smithy-runtime` implementing
//! `protocol::Protocol`.

mod rest_json;

use crate::ir::{Member, Operation, Protocol, Service, Struct};
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

/// The media type a server reads an operation's request body as, when it is not the
/// protocol's own: a raw `@httpPayload` (`payload` is that member).
pub fn raw_payload_media_type<'a>(service: &Service, payload: &'a Member) -> Option<&'a str> {
    match service.protocol {
        Protocol::RestJson1 => rest_json::raw_payload_media_type(payload),
    }
}
