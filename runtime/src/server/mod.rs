//! The generic server (feature `server`): routing, protocol checks, SigV4 verification,
//! decoding, validation and error responses for restJson1 services, as an axum router.
//!
//! A generated server crate implements [`Dispatch`] over the user's handlers, calling
//! [`handle`] for each operation; [`router`] turns it into an [`axum::Router`]:
//!
//! ```ignore
//! let config = ServerConfig::default();
//! let timeouts = config.timeouts;
//! let app = smithy_runtime::server::router(MyService::new(handlers), config);
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! smithy_runtime::server::serve(listener, app, timeouts, shutdown_signal).await?;
//! ```
//!
//! [`serve`] adds what `axum::serve` lacks for a server facing strangers: a deadline for
//! request heads (and idle keep-alive connections) and a graceful shutdown that ends.
//!
//! The protocol errors the server answers by itself (see [`router`] for when):
//!
//! | status | code (`X-Amzn-Errortype`) | when |
//! | --- | --- | --- |
//! | 400 | `SerializationException` | the input cannot be decoded, a label is not UTF-8, a `Content-Encoding: gzip` body is not gzip |
//! | 400 | `ValidationException` | the input breaks the model's constraints (every violation listed; as Smithy's `message` and `fieldList` where [`Operation::VALIDATION`](crate::protocol::Operation::VALIDATION) says so) |
//! | 403 | `MissingAuthenticationTokenException` | auth is on and there is no `Authorization` |
//! | 403 | `IncompleteSignatureException` | a malformed, repeated `Authorization` or `X-Amz-Date`, `host` or `x-amz-date` unsigned, `SignedHeaders` not sorted lower case or naming an absent header |
//! | 403 | `InvalidSignatureException` | a wrong signature, region, service or date, or a clock skew over 15 minutes (every 403 carries the server's `Date`, so clients can correct their clock) |
//! | 403 | `UnrecognizedClientException` | an unknown access key id |
//! | 404 | `UnknownOperationException` | no operation matches the path |
//! | 405 | `MethodNotAllowedException` | an operation matches the path, not the method (with `Allow`) |
//! | 406 | `NotAcceptableException` | `Accept` admits none of what the operation answers with |
//! | 408 | `RequestTimeoutException` | the body did not arrive within [`Timeouts::body_read`] |
//! | 413 | `RequestEntityTooLargeException` | the body exceeds [`ServerConfig::body_limit`] (a `gzip` body: once decompressed) |
//! | 415 | `UnsupportedMediaTypeException` | a non-empty body without the media type the operation reads, or sent to one that reads none |
//! | 500 | `InternalServerException` | a panic, or a response that cannot be encoded |
//! | 501 | `NotImplementedException` | [`crate::protocol::UnhandledError::not_implemented`], for operations a server leaves out |
//!
//! Each is written by the service's [`Protocol`](crate::protocol::Protocol): for restJson1, a JSON body with the
//! text under both the model's message member (IVS: `exceptionMessage`) and
//! `message`, and, like every response, the request id in `x-amzn-requestid`.
//! Requests hyper itself cannot parse (a bad request line or header, a URI over 64 KiB, too
//! many headers) never reach the router and get hyper's bare 400, 414 or 431 instead (see
//! [`serve`]).

mod auth;
mod content_encoding;
mod context;
mod dispatch;
mod errors;
mod handle;
mod media;
mod panic;
mod router;
mod serve;
mod service;

pub use auth::{Auth, AuthError};
pub use context::{OperationRequest, RequestContext};
pub use dispatch::Dispatch;
pub use errors::internal_error;
pub use handle::handle;
pub use router::{Route, RouteTable};
pub use serve::{Timeouts, serve};
pub use service::{REQUEST_ID_HEADER, ServerConfig, router};

#[cfg(test)]
mod tests;
