//! Which side is decoding: a server reading a request, or a client reading a response.
//!
//! The two read the same types through the same serde code, but restJson1 asks different
//! things of them. A client reads what a service sends leniently, as AWS SDKs do: a
//! `date-time` with a UTC offset (`RestJsonDateTimeWithNegativeOffset`), base64 without its
//! padding, a union member added after it was built (kept as `Unknown`). A server holds its
//! callers to the letter (`@httpMalformedRequestTests`): a `date-time` is UTC with a `Z`,
//! base64 is padded, a union member it does not know is a `SerializationException`.
//!
//! The decoding functions deep in the type tree (a timestamp in a list in a structure) cannot
//! be told which side calls them through serde's traits, so the server marks the thread while
//! it decodes a request ([`reading_request`]); decoding is synchronous, so the mark never
//! leaks into another request's work.

use std::cell::Cell;

thread_local! {
    static READING_REQUEST: Cell<bool> = const { Cell::new(false) };
}

/// Runs `decode` with the server's rules: while it runs, [`is_reading_request`] is true on
/// this thread. The previous state comes back afterwards, even if `decode` panics.
pub fn reading_request<T>(decode: impl FnOnce() -> T) -> T {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            READING_REQUEST.with(|flag| flag.set(self.0));
        }
    }
    let _restore = Restore(READING_REQUEST.with(|flag| flag.replace(true)));
    decode()
}

/// Whether this thread is decoding a request for a server (see [`reading_request`]).
pub fn is_reading_request() -> bool {
    READING_REQUEST.with(Cell::get)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mark_lasts_as_long_as_the_decoding() {
        assert!(!is_reading_request());
        let inside = reading_request(|| {
            // Nested marks restore the outer one.
            reading_request(|| ());
            is_reading_request()
        });
        assert!(inside);
        assert!(!is_reading_request());
    }

    #[test]
    fn a_panic_does_not_leave_the_mark_behind() {
        let result = std::panic::catch_unwind(|| reading_request(|| panic!("while decoding")));
        assert!(result.is_err());
        assert!(!is_reading_request());
    }
}
