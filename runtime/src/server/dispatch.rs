//! The one trait a generated server implements.

use std::future::Future;
use std::pin::Pin;

use crate::protocol::{HttpResponse, OperationInfo, Protocol};
use crate::server::context::OperationRequest;

/// A service's operations and their handlers, as the server machinery sees them.
///
/// Generated server crates implement it over the user's handlers with a `match` on the
/// index that calls [`crate::server::handle`] with the operation's marker type:
///
/// ```ignore
/// fn call(&self, index: usize, request: OperationRequest) -> Pin<Box<dyn Future<Output = HttpResponse> + Send + '_>> {
///     match index {
///         0 => Box::pin(handle::<CreateChannel, _, _>(request, |input, cx| self.handler.create_channel(input, cx))),
///         // ...
///         // The router never passes another index; answer anyway rather than panic.
///         _ => Box::pin(std::future::ready(internal_error(self.protocol()))),
///     }
/// }
/// ```
pub trait Dispatch: Send + Sync + 'static {
    /// Every operation's static facts; the router matches requests against their URIs, and
    /// [`Dispatch::call`] receives the index of the matched one in this slice.
    fn operations(&self) -> &'static [OperationInfo];

    /// Runs the operation at `index` of [`Dispatch::operations`]. The router only passes
    /// indices of that slice; any other index should answer with an error response.
    fn call(&self, index: usize, request: OperationRequest) -> Pin<Box<dyn Future<Output = HttpResponse> + Send + '_>>;

    /// The service's protocol: it writes the protocol errors the server answers by itself.
    fn protocol(&self) -> &'static dyn Protocol;

    /// The media type (without parameters) the operation at `index` reads its request body
    /// as: `None` when it reads no body (no input, or only members bound elsewhere), `*/*`
    /// when it takes any (a blob `@httpPayload` without `@mediaType`). A non-empty body sent
    /// without this `Content-Type`, or with a `Content-Type` to an operation that reads none,
    /// is answered with 415 `UnsupportedMediaTypeException`. The protocol's by default;
    /// generated code overrides it for the operations that differ.
    fn request_media_type(&self, index: usize) -> Option<&'static str> {
        let _ = index;
        Some(self.protocol().media_type())
    }

    /// The media type the operation at `index` answers with: `None` when its output has no
    /// modeled body, `*/*` when it may be anything. A request whose `Accept` admits none of
    /// it is answered with 406 `NotAcceptableException`. The protocol's by default;
    /// generated code overrides it for the operations that differ.
    fn response_media_type(&self, index: usize) -> Option<&'static str> {
        let _ = index;
        Some(self.protocol().media_type())
    }
}
