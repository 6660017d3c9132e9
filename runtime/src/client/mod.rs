//! The generic client (feature `client`).
//!
//! A generated client crate holds one [`Handle`] and calls [`Handle::call`] with the marker
//! type of each operation; everything between the typed input and the typed output lives
//! here, once, for every operation:
//!
//! 1. the input is validated (unless [`ConfigBuilder::validate`] turned that off), so a
//!    request that the service would reject never leaves the process;
//! 2. it is encoded by the generated [`Operation::encode_input`](crate::protocol::Operation::encode_input)
//!    (an unset `@idempotencyToken` member filled in first), then made absolute against the
//!    endpoint (with the operation's `@endpoint` host prefix), compressed
//!    (`@requestCompression`) and given a `Content-MD5` (`@httpChecksumRequired`), with
//!    `host`, `user-agent` and `content-length`;
//! 3. it is signed with SigV4 ([`aws_sigv4`]), again for every attempt (the signature holds
//!    the time);
//! 4. it is sent by the [`HttpClient`] (by default over HTTP/1.1: hyper, with rustls for `https`), under a per-attempt and a
//!    per-call timeout, and retried the way the AWS SDKs' *standard* retry mode does:
//!    throttling, transient errors, 5xx and I/O failures, with exponential backoff and full
//!    jitter, bounded by a retry quota;
//! 5. the response becomes the operation's output, or an [`Error`] that says what went wrong
//!    (for a service error: its code, message, status and request id).
//!
//! [`paginate`] turns a paginated operation into a [`futures_core::Stream`] of pages or of
//! items.
//!
//! # Example
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use smithy_runtime::client::{Config, ConfigBuilder, Credentials, Handle, ServiceInfo};
//!
//! static IVS: ServiceInfo =
//!     ServiceInfo { sdk_id: "ivs", signing_name: "ivs", endpoint_prefix: "ivs", api_version: "2020-07-14" };
//!
//! // Region and credentials from the environment and the shared AWS files...
//! let config = ConfigBuilder::from_env().build()?;
//! // ...or spelled out.
//! let config = Config::builder()
//!     .region("us-west-2")
//!     .credentials(Credentials::new("AKID", "SECRET", None, None, "example"))
//!     .max_attempts(5)
//!     .build()?;
//! let handle = Handle::new(config, &IVS);
//! // Generated code then calls `handle.call::<CreateChannel>(&input).await`.
//! # let _ = handle;
//! # Ok(())
//! # }
//! ```

mod call_options;
mod cause;
mod clock_skew;
mod config;
mod credentials;
#[cfg(feature = "aws-config")]
mod default_chain;
mod endpoint;
mod env;
mod error;
mod examples;
mod handle;
mod http_client;
mod idempotency;
mod ini;
mod into_config;
mod paginate;
mod proxy;
mod proxy_connector;
mod request_body;
mod retry;
#[cfg(feature = "sdk-config")]
mod sdk_config;
mod signing;
mod transport;
mod trust;
pub mod untrusted;

#[cfg(test)]
mod tests;

/// The `aws-config` crate, for generated crates to re-export: their users load the
/// `SdkConfig` they pass to `Client::new` with the version the client was built with.
#[cfg(feature = "aws-config")]
pub use aws_config;
pub use aws_credential_types::Credentials;
pub use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};

#[doc(hidden)]
pub use call_options::CallOptions;
pub use config::{
    Config, ConfigBuilder, ConfigError, DEFAULT_ATTEMPT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT, DEFAULT_INITIAL_BACKOFF,
    DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_BACKOFF,
};
pub use error::{
    CredentialsError, Error, ResponseError, ServiceError, TimeoutError, TimeoutKind, TransportError, TransportErrorKind,
};
pub use examples::check_example;
pub use handle::Handle;
pub use http_client::{HttpClient, HttpError, HttpFuture};
pub use idempotency::IdempotencyTokenProvider;
pub use into_config::IntoConfig;
pub use paginate::{Items, MAX_REMEMBERED_TOKENS, Paginator, paginate};
pub use proxy::ProxyConfig;
pub use request_body::{DEFAULT_REQUEST_MIN_COMPRESSION_SIZE_BYTES, MAX_REQUEST_MIN_COMPRESSION_SIZE_BYTES};
pub use retry::RetryClassifier;

/// What a generated client crate says about its service; generated code writes it as a
/// `static` and hands it to [`Handle::new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceInfo {
    /// The service's SDK id, e.g. `ivs`; goes into the `user-agent` and the tracing spans.
    pub sdk_id: &'static str,
    /// The SigV4 signing name (the service part of the credential scope), e.g. `ivs`.
    pub signing_name: &'static str,
    /// The first label of the default endpoint: `https://{endpoint_prefix}.{region}.amazonaws.com`.
    pub endpoint_prefix: &'static str,
    /// The model's API version, e.g. `2020-07-14`; goes into the `user-agent`.
    pub api_version: &'static str,
}
