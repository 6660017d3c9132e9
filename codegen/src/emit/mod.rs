//! Emitters: one per artifact, each a function of the IR. None of them reads Smithy traits.
//!
//! What depends on the wire protocol is in [`protocol`] (one module per protocol); the rest is
//! the same for every protocol.

pub mod client_crate;
pub mod digest;
pub mod format;
pub mod model_crate;
mod operation;
pub mod protocol;
mod rust_types;
pub mod server_crate;
mod types;
mod validate;
