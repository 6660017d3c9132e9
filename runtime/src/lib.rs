//! Runtime support for Rust crates generated from Smithy models.
//!
//! Generated crates depend on this crate for the pieces that are the same in
//! every service and are better written (and tested) once by hand:
//!
//! - [`validate`]: Smithy constraint traits (`@required`, `@length`, `@range`,
//!   `@pattern`, enum membership, `@uniqueItems`) checked by a [`Validator`] that
//!   records every [`Violation`] with a JSON pointer to the offending member and
//!   an AWS-style message.
//! - [`pattern`]: lazily compiled ECMA-262 regular expressions ([`Pattern`]).
//! - [`timestamp`]: the three Smithy timestamp formats (`epoch-seconds`,
//!   `date-time`, `http-date`), as serde `with` modules and as string forms for
//!   HTTP headers and query strings.
//! - [`blob`]: binary data ([`Blob`]), serialized as base64 text.
//! - [`enums`]: what every generated string and integer enum does
//!   ([`string_enum!`], [`int_enum!`]).
//! - [`protocol`]: the traits a generated model crate implements per operation and error
//!   ([`operation_error!`] writes an error enum's), and [`protocol::Protocol`], the one
//!   interface through which the client and the server reach the wire protocol.
//! - [`rest_json`]: restJson1, the protocol generated crates speak: binding helpers and error
//!   responses.
//!
//! Nothing in this crate panics on input data: malformed or out-of-range values
//! are reported as errors.
//!
//! # Example
//!
//! What generated code does with a structure that has constrained members:
//!
//! ```
//! use smithy_runtime::{Pattern, Validate, Validator};
//!
//! struct CreateChannelRequest {
//!     name: Option<String>,
//!     tags: std::collections::BTreeMap<String, String>,
//! }
//!
//! static NAME: Pattern = Pattern::new("^[a-zA-Z0-9-_]*$");
//!
//! impl Validate for CreateChannelRequest {
//!     fn validate_into(&self, v: &mut Validator) {
//!         v.member("name", self.name.as_deref(), true, |v, name| {
//!             v.length_str(name, Some(0), Some(128));
//!             v.pattern(name, &NAME);
//!         });
//!         v.member("tags", Some(&self.tags), false, |v, tags| {
//!             v.length(tags.len(), None, Some(50));
//!             v.entries(tags, |v, key| v.length_str(key, Some(1), Some(128)), |v, value: &String| {
//!                 v.length_str(value, None, Some(256))
//!             });
//!         });
//!     }
//! }
//!
//! let request = CreateChannelRequest {
//!     name: Some("my channel".into()),
//!     tags: [("".to_string(), "x".to_string())].into(),
//! };
//! let error = request.validate().unwrap_err();
//! assert_eq!(
//!     error.to_string(),
//!     "2 validation errors detected: \
//!      Value at '/name' failed to satisfy constraint: \
//!      Member must satisfy regular expression pattern: ^[a-zA-Z0-9-_]*$; \
//!      Value with length 0 at '/tags/' failed to satisfy constraint: \
//!      Member must have length between 1 and 128, inclusive"
//! );
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)
)]

pub mod blob;
#[cfg(feature = "client")]
pub mod client;
pub mod decode_mode;
pub mod enums;
pub mod json_float;
pub mod pattern;
pub mod protocol;
pub mod rest_json;
#[cfg(feature = "server")]
pub mod server;
pub mod strict;
pub mod timestamp;
pub mod union;
pub mod unit;
pub mod validate;

pub use blob::{Blob, BlobError};
pub use json_float::JsonFloat;
pub use pattern::Pattern;
pub use timestamp::{Timestamp, TimestampError};
pub use unit::Unit;
pub use validate::{Constraint, Validate, ValidationError, ValidationStyle, Validator, Violation};

/// The `http` crate (requests, responses, headers), re-exported for generated bindings.
pub use http;

/// The `serde_with` crate, re-exported: generated types name `serde_with::As` with
/// [`JsonFloat`] in their serde attributes.
pub use serde_with;

/// The `bytes` crate, re-exported: bodies are [`bytes::Bytes`].
pub use bytes;

/// The `time` crate, re-exported so generated crates and their users can build
/// [`Timestamp`] values without naming a matching dependency themselves.
pub use time;

/// A Smithy `document`: untyped JSON-like data.
pub type Document = serde_json::Value;

/// The text that generated `Debug` implementations print in place of members
/// marked `@sensitive`.
pub const REDACTED: &str = "*** Sensitive Data Redacted ***";
