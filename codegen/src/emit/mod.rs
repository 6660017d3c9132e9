//! Emitters: one per artifact, each a function of the IR. None of them reads Smithy traits.
//!
//! What depends on the wire protocol is in [`protocol`] (one module per protocol); the rest is
//! the same for every protocol.

pub mod client_crate;
mod client_landing;
mod defaults;
pub mod digest;
mod examples;
pub mod format;
pub mod manifest;
mod member_docs;
pub mod model_crate;
mod operation;
mod operation_docs;
pub mod protocol;
mod rust_types;
mod sample;
pub mod server_crate;
mod types;
mod validate;
