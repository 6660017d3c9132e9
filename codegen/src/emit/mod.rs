//! Emitters: one per artifact, each a function of the IR. None of them reads Smithy traits.

pub mod bindings;
pub mod client_crate;
pub mod digest;
pub mod format;
pub mod model_crate;
mod rust_types;
pub mod server_crate;
mod types;
mod validate;
