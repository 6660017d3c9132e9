//! The axum service: one fallback handler that takes every request through the protocol's
//! checks, in order, before the operation's handler sees it.

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::SystemTime;

use axum::body::{Body, HttpBody};
use bytes::Bytes;
use http::header::{ALLOW, CONTENT_LENGTH};
use http::{HeaderMap, HeaderValue};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use tracing::Instrument;

use crate::protocol::{HttpResponse, Protocol};
use crate::server::auth::{Auth, AuthError};
use crate::server::content_encoding::{self, Refusal};
use crate::server::context::{OperationRequest, RequestContext};
use crate::server::dispatch::Dispatch;
use crate::server::errors::{
    METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, REQUEST_TIMEOUT, SERIALIZATION, TOO_LARGE, UNKNOWN_OPERATION,
    UNSUPPORTED_MEDIA_TYPE, internal_error, protocol_error,
};
use crate::server::media;
use crate::server::panic::{self, CatchPanic};
use crate::server::router::{Route, RouteTable};
use crate::server::serve::Timeouts;

/// The response header that carries the request id.
pub const REQUEST_ID_HEADER: &str = "x-amzn-requestid";

/// How the server treats requests before they reach a handler.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The largest request body accepted, in bytes; larger ones are answered with 413
    /// `RequestEntityTooLargeException`. 1 MiB by default.
    pub body_limit: usize,
    /// When set, every request must carry a valid SigV4 signature from one of these keys;
    /// when `None`, requests are not authenticated at all.
    pub auth: Option<Auth>,
    /// How long clients may take: the body read limit applies in the router; the others
    /// apply when the router is served with [`crate::server::serve`].
    pub timeouts: Timeouts,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            body_limit: 1_048_576,
            auth: None,
            timeouts: Timeouts::default(),
        }
    }
}

impl ServerConfig {
    /// Replaces the body limit.
    pub fn with_body_limit(mut self, body_limit: usize) -> Self {
        self.body_limit = body_limit;
        self
    }

    /// Replaces the timeouts.
    pub fn with_timeouts(mut self, timeouts: Timeouts) -> Self {
        self.timeouts = timeouts;
        self
    }

    /// Requires SigV4 signatures, checked by `auth`.
    pub fn with_auth(mut self, auth: Auth) -> Self {
        self.auth = Some(auth);
        self
    }
}

/// The server: an axum router whose single fallback handler serves every operation of
/// `dispatch`. Serve it with `axum::serve(listener, router(dispatch, config))`, nest it, or
/// wrap it in tower middleware.
///
/// Every request goes through these steps; the first that fails answers (each error is JSON
/// with the text in both `message` and `exceptionMessage`, and its code in
/// `X-Amzn-Errortype`):
///
/// 1. A new request id, sent back in `x-amzn-requestid` on every response, errors included.
/// 2. With [`ServerConfig::auth`], 403 for a missing or malformed `Authorization`, a wrong
///    scope, an unknown key or a skewed clock (see [`crate::server::AuthError`]); and, when
///    the client signed its payload's hash (`x-amz-content-sha256`), a wrong signature. All
///    before anything else, so an unauthenticated caller learns nothing and makes the server
///    read no body (without a signed payload hash, the body must be read to check the
///    signature: a caller with a valid key id can make the server read one body, at most the
///    limit, before being refused).
/// 3. Routing by method and URI template: 404 `UnknownOperationException` when no operation
///    matches the path, 405 `MethodNotAllowedException` (with `Allow`) when one does but not
///    with this method, 400 `SerializationException` for a label that is not UTF-8.
/// 4. 415 `UnsupportedMediaTypeException` when the body is not empty and `Content-Type` is
///    missing or another media type than the operation reads
///    ([`Dispatch::request_media_type`], `application/json` unless overridden; parameters
///    such as `charset` are ignored, and `application/x-amz-json-1.x` is refused: it is
///    another protocol), or set at all when the operation reads no body. 406
///    `NotAcceptableException` when `Accept` admits none of what the operation answers with
///    ([`Dispatch::response_media_type`]; `*/*`, `type/*` and `q=0` are understood).
/// 5. 413 `RequestEntityTooLargeException` when `Content-Length` exceeds the limit.
/// 6. The body is read, at most the limit (413 when a body without `Content-Length` is
///    longer) and within [`Timeouts::body_read`] (408 `RequestTimeoutException`), then the
///    signature is verified over it, or its hash against the signed one (403
///    `InvalidSignatureException`).
/// 7. Trailing `gzip` codings of `Content-Encoding` are undone (the client's request
///    compression): the result is held to the limit (413), a body that is not gzip is 400
///    `SerializationException`.
/// 8. The operation runs ([`crate::server::handle`]).
///
/// A panic anywhere in these steps, the handler included, is answered with 500
/// `InternalServerException` (and logged); the server keeps serving.
pub fn router<D: Dispatch>(dispatch: D, config: ServerConfig) -> axum::Router {
    let server = Arc::new(Server {
        routes: RouteTable::new(dispatch.operations()),
        dispatch,
        config,
    });
    axum::Router::new().fallback(move |request: axum::extract::Request| {
        let server = Arc::clone(&server);
        async move { server.serve(request).await }
    })
}

struct Server<D> {
    dispatch: D,
    routes: RouteTable,
    config: ServerConfig,
}

impl<D: Dispatch> Server<D> {
    /// Serves one request, whatever happens: every response carries the request id.
    async fn serve(&self, request: axum::extract::Request) -> axum::response::Response {
        let request_id = new_request_id();
        let span = tracing::info_span!(
            "request",
            id = %request_id,
            method = %request.method(),
            path = request.uri().path(),
            operation = tracing::field::Empty,
        );
        let response = match CatchPanic::new(self.respond(request, &request_id))
            .instrument(span.clone())
            .await
        {
            Ok(response) => response,
            Err(payload) => {
                span.in_scope(|| tracing::error!(panic = panic::message(&payload), "the request panicked"));
                internal_error(self.dispatch.protocol())
            }
        };
        let mut response = response.map(Body::from);
        if let Ok(value) = HeaderValue::from_str(&request_id) {
            response.headers_mut().insert(REQUEST_ID_HEADER, value);
        }
        response
    }

    async fn respond(&self, request: axum::extract::Request, request_id: &str) -> HttpResponse {
        let (mut parts, body) = request.into_parts();
        // A request answered before its body is read leaves the body on the connection, where
        // it cannot be told from the next request: such answers close the connection, and say
        // so (`Connection: close`), so that the client does not send its next request on it.
        let unread = !body.is_end_stream();
        let early = |response: HttpResponse| if unread { closing(response) } else { response };

        // Authentication comes first, as on AWS: a caller who cannot sign learns nothing about
        // routes, media types or limits, and makes the server read no body.
        let (claim, verified) = match &self.config.auth {
            Some(auth) => {
                let checked = auth
                    .check_headers(&parts)
                    .and_then(|claim| Ok((auth.check_signature_before_body(&parts, &claim)?, claim)));
                match checked {
                    Ok((verified, claim)) => (Some((auth, claim)), verified),
                    Err(error) => return early(refused(self.dispatch.protocol(), auth, &error)),
                }
            }
            None => (None, false),
        };

        let (index, labels) = match self
            .routes
            .route(parts.method.as_str(), parts.uri.path(), parts.uri.query())
        {
            Route::Matched { index, labels } => (index, labels),
            Route::InvalidLabel { message, .. } => {
                return early(protocol_error(self.dispatch.protocol(), 400, SERIALIZATION, &message));
            }
            Route::MethodNotAllowed { allowed } => {
                let allowed = allowed.join(", ");
                let message = format!(
                    "Method {} is not allowed on {}; allowed: {allowed}",
                    parts.method,
                    parts.uri.path()
                );
                let mut response = protocol_error(self.dispatch.protocol(), 405, METHOD_NOT_ALLOWED, &message);
                if let Ok(value) = HeaderValue::from_str(&allowed) {
                    response.headers_mut().insert(ALLOW, value);
                }
                return early(response);
            }
            Route::NotFound => {
                let message = format!("No operation matches {} {}", parts.method, parts.uri.path());
                return early(protocol_error(
                    self.dispatch.protocol(),
                    404,
                    UNKNOWN_OPERATION,
                    &message,
                ));
            }
        };
        if let Some(info) = self.dispatch.operations().get(index) {
            tracing::Span::current().record("operation", info.name);
        }

        // The body's length, when known up front: hyper's exact size hint (from
        // `Content-Length`, or 0 for a request without a body), else the header itself.
        let declared = body.size_hint().exact().or_else(|| content_length(&parts.headers));
        let media_problem = media::content_type_problem(&parts.headers, self.dispatch.request_media_type(index));
        if let Some(problem) = &media_problem
            && declared.is_some_and(|len| len > 0)
        {
            return early(unsupported_media_type(self.dispatch.protocol(), problem));
        }
        if let Some(problem) = media::accept_problem(&parts.headers, self.dispatch.response_media_type(index)) {
            return early(protocol_error(self.dispatch.protocol(), 406, NOT_ACCEPTABLE, &problem));
        }
        let limit = self.config.body_limit;
        if declared.is_some_and(|len| len > u64::try_from(limit).unwrap_or(u64::MAX)) {
            return early(too_large(self.dispatch.protocol(), limit));
        }

        let deadline = self.config.timeouts.body_read;
        let body: Bytes = match tokio::time::timeout(deadline, Limited::new(body, limit).collect()).await {
            Err(_elapsed) => return body_timeout(self.dispatch.protocol(), deadline),
            Ok(Ok(collected)) => collected.to_bytes(),
            // The rest of the body is still coming.
            Ok(Err(error)) if error.is::<LengthLimitError>() => {
                return closing(too_large(self.dispatch.protocol(), limit));
            }
            Ok(Err(error)) => {
                tracing::debug!(%error, "cannot read the request body");
                return protocol_error(
                    self.dispatch.protocol(),
                    400,
                    SERIALIZATION,
                    &format!("Cannot read the request body: {error}"),
                );
            }
        };
        // A body without a declared length is only known to be non-empty once read.
        if let Some(problem) = &media_problem
            && !body.is_empty()
        {
            return unsupported_media_type(self.dispatch.protocol(), problem);
        }

        let access_key_id = match claim {
            Some((auth, claim)) => match if verified {
                auth.check_declared_hash(&body, &claim)
            } else {
                auth.check_signature(&parts, &body, &claim)
            } {
                Ok(()) => Some(claim.access_key_id),
                Err(error) => return refused(self.dispatch.protocol(), auth, &error),
            },
            None => None,
        };
        // The signature covers the bytes sent; the input is read from what they compress.
        let body = match content_encoding::decode(&mut parts.headers, body, limit) {
            Ok(body) => body,
            Err(Refusal::TooLarge) => return too_large(self.dispatch.protocol(), limit),
            Err(Refusal::Malformed(message)) => {
                return protocol_error(self.dispatch.protocol(), 400, SERIALIZATION, &message);
            }
        };

        let context = RequestContext {
            request_id: request_id.to_owned(),
            access_key_id,
            headers: parts.headers.clone(),
        };
        self.dispatch
            .call(
                index,
                OperationRequest {
                    parts,
                    labels,
                    body,
                    context,
                },
            )
            .await
    }
}

fn content_length(headers: &HeaderMap) -> Option<u64> {
    headers.get(CONTENT_LENGTH)?.to_str().ok()?.trim().parse().ok()
}

fn unsupported_media_type(protocol: &dyn Protocol, problem: &str) -> HttpResponse {
    protocol_error(protocol, 415, UNSUPPORTED_MEDIA_TYPE, problem)
}

/// 408, with `Connection: close`: the rest of the body may still come, and it cannot be
/// told from the next request.
fn body_timeout(protocol: &dyn Protocol, deadline: std::time::Duration) -> HttpResponse {
    closing(protocol_error(
        protocol,
        408,
        REQUEST_TIMEOUT,
        &format!("The request body did not arrive within {} s", deadline.as_secs_f64()),
    ))
}

/// `response` with `Connection: close`: the server closes the connection after it.
fn closing(mut response: HttpResponse) -> HttpResponse {
    response
        .headers_mut()
        .insert(http::header::CONNECTION, HeaderValue::from_static("close"));
    response
}

fn too_large(protocol: &dyn Protocol, limit: usize) -> HttpResponse {
    protocol_error(
        protocol,
        413,
        TOO_LARGE,
        &format!("The request body is larger than the limit of {limit} bytes"),
    )
}

/// A new request id, formatted as a version 4 UUID. Unique within the process (a counter
/// goes into every one) and unpredictable across processes (the counter and the time are
/// hashed with a random per-process key), without a random number generator dependency.
fn new_request_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    static KEY: OnceLock<RandomState> = OnceLock::new();
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let key = KEY.get_or_init(RandomState::new);
    let half = |salt: u8| key.hash_one((salt, count, nanos));
    let mut id = (u128::from(half(0)) << 64) | u128::from(half(1));
    id = (id & !(0xF << 76)) | (0x4 << 76); // version 4
    id = (id & !(0x3 << 62)) | (0x2 << 62); // RFC 4122 variant
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        id >> 96,
        (id >> 80) & 0xFFFF,
        (id >> 64) & 0xFFFF,
        (id >> 48) & 0xFFFF,
        id & 0xFFFF_FFFF_FFFF
    )
}

/// 403 for a request `auth` refused, dated by the clock it was judged by: a client whose clock
/// drifted learns the offset from `Date` and signs again (as AWS's own clients do).
fn refused(protocol: &dyn Protocol, auth: &Auth, error: &AuthError) -> HttpResponse {
    tracing::debug!(%error, "not authenticated");
    let mut response = protocol_error(protocol, 403, error.code(), error.message());
    let now = crate::timestamp::Timestamp::from(auth.now());
    if let Ok(date) = http::HeaderValue::from_str(&crate::timestamp::http_date::format(&now)) {
        response.headers_mut().insert(http::header::DATE, date);
    }
    response
}
