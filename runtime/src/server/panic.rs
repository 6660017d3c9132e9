//! Turning a panic inside a request's future into an error response.
//!
//! Written by hand rather than taken from `futures` or `tower-http`: a boxed future is
//! `Unpin`, so polling it inside [`std::panic::catch_unwind`] takes a dozen lines of safe code.

use std::any::Any;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::task::{Context, Poll};

/// A panic's payload.
pub(crate) type Panic = Box<dyn Any + Send + 'static>;

/// Polls the inner future, catching a panic in any poll; `Err(payload)` then.
pub(crate) struct CatchPanic<'a, T> {
    /// `None` once it has panicked: a future that panicked must not be polled again.
    inner: Option<Pin<Box<dyn Future<Output = T> + Send + 'a>>>,
}

impl<'a, T> CatchPanic<'a, T> {
    pub(crate) fn new(inner: impl Future<Output = T> + Send + 'a) -> Self {
        CatchPanic {
            inner: Some(Box::pin(inner)),
        }
    }
}

impl<T> Future for CatchPanic<'_, T> {
    type Output = Result<T, Panic>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.get_mut();
        let Some(inner) = this.inner.as_mut() else {
            // Polled again after reporting the panic: there is nothing left to run.
            return Poll::Pending;
        };
        // Unwind safety: after a panic the inner future is dropped, never polled again, so no
        // state it left half-updated can be observed.
        match catch_unwind(AssertUnwindSafe(|| inner.as_mut().poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(value)) => Poll::Ready(Ok(value)),
            Err(payload) => {
                this.inner = None;
                Poll::Ready(Err(payload))
            }
        }
    }
}

/// The panic's message, when it has one (`panic!` with a literal or a format string).
pub(crate) fn message(payload: &Panic) -> &str {
    if let Some(text) = payload.downcast_ref::<&'static str>() {
        text
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text
    } else {
        "(no message)"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_panic_becomes_an_error_and_a_value_passes_through() {
        assert_eq!(CatchPanic::new(async { 7 }).await.unwrap(), 7);
        let flag = true;
        let caught = CatchPanic::new(async move {
            tokio::task::yield_now().await;
            if flag {
                panic!("boom {}", 1);
            }
            7
        })
        .await
        .unwrap_err();
        assert_eq!(message(&caught), "boom 1");
        let caught = CatchPanic::new(async { std::panic::panic_any(3_u8) })
            .await
            .unwrap_err();
        assert_eq!(message(&caught), "(no message)");
    }
}
