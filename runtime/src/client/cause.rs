//! Walking an error's chain of causes, for both the transport (to classify a failure) and
//! the client's errors (to show the innermost message). Its own module so that neither of
//! those depends on the other.

use std::error::Error as StdError;
use std::io;

/// The error underneath `error`. An `io::Error`'s `source` skips the error it wraps (it
/// returns that error's source), and TLS failures arrive as a rustls error inside an
/// `io::Error` inside another, so step into the wrapped error instead.
pub(crate) fn next_cause<'a>(error: &'a (dyn StdError + 'static)) -> Option<&'a (dyn StdError + 'static)> {
    match error.downcast_ref::<io::Error>().and_then(io::Error::get_ref) {
        Some(inner) => Some(inner),
        None => error.source(),
    }
}
