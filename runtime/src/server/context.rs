//! What a handler learns about the request besides its input.

use bytes::Bytes;

/// Facts about the request that are not part of the operation's input.
#[derive(Debug, Clone)]
pub struct RequestContext {
    /// The id the server gave the request, also sent back in `x-amzn-requestid`.
    pub request_id: String,
    /// The caller's access key id, once its signature is verified; `None` when the server
    /// does not check signatures.
    pub access_key_id: Option<String>,
    /// The request's headers, as received.
    pub headers: http::HeaderMap,
}

/// A routed request on its way to an operation's handler: everything [`crate::server::handle`]
/// needs to decode the input.
#[derive(Debug)]
pub struct OperationRequest {
    /// The method, URI, version, headers and extensions, as received.
    pub parts: http::request::Parts,
    /// The URI labels' values, percent-decoded, in the order the URI template has them.
    pub labels: Vec<String>,
    /// The whole body.
    pub body: Bytes,
    /// What the handler is told about the request.
    pub context: RequestContext,
}
