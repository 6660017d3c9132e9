//! [`operation_error!`](crate::operation_error): what every operation's error enum does, written
//! once. Generated code declares the enum (one documented variant per modeled error, named
//! like the error structure it holds, and `Unhandled`) and lists the variants again in one
//! call of the macro; everything else comes from the error structures' [`HttpError`]
//! implementations.
//!
//! [`HttpError`]: crate::protocol::HttpError

/// Implements `Display`, `std::error::Error`, `From` for each variant's structure and for
/// [`UnhandledError`](crate::protocol::UnhandledError), and
/// [`OperationError`](crate::protocol::OperationError) for an operation's error enum.
///
/// The enum must have one tuple variant per listed error structure, named like the structure,
/// and `Unhandled(UnhandledError)`:
///
/// ```
/// use smithy_runtime::protocol::{
///     DecodeError, EncodeError, Fault, HttpError, HttpResponse, OperationError, UnhandledError,
/// };
///
/// #[derive(Clone, Debug, PartialEq)]
/// pub struct NotFound;
/// impl std::fmt::Display for NotFound {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str("NotFound")
///     }
/// }
/// impl HttpError for NotFound {
///     const CODE: &'static str = "NotFound";
///     const STATUS: u16 = 404;
///     const FAULT: Fault = Fault::Client;
///     fn message(&self) -> Option<&str> {
///         None
///     }
///     fn encode(&self) -> Result<HttpResponse, EncodeError> {
///         Ok(HttpResponse::new(Default::default()))
///     }
///     fn decode(_: &smithy_runtime::http::response::Parts, _: &[u8]) -> Result<Self, DecodeError> {
///         Ok(NotFound)
///     }
/// }
///
/// /// Errors of `GetThing`.
/// #[derive(Clone, Debug, PartialEq)]
/// pub enum GetThingError {
///     /// The thing does not exist.
///     NotFound(NotFound),
///     /// Any other error.
///     Unhandled(UnhandledError),
/// }
/// smithy_runtime::operation_error!(GetThingError, [NotFound]);
///
/// let error = GetThingError::from(NotFound);
/// assert_eq!((error.code(), error.status()), ("NotFound", 404));
/// ```
#[macro_export]
macro_rules! operation_error {
    ($name:ident, [$($variant:ident),* $(,)?]) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    $( Self::$variant(e) => ::std::fmt::Display::fmt(e, f), )*
                    Self::Unhandled(e) => ::std::fmt::Display::fmt(e, f),
                }
            }
        }

        // `Display` already shows the inner error, so it is not repeated as a `source`.
        impl ::std::error::Error for $name {}

        $(
            impl ::std::convert::From<$variant> for $name {
                fn from(error: $variant) -> Self {
                    Self::$variant(error)
                }
            }
        )*

        impl ::std::convert::From<$crate::protocol::UnhandledError> for $name {
            fn from(error: $crate::protocol::UnhandledError) -> Self {
                Self::Unhandled(error)
            }
        }

        impl $crate::protocol::OperationError for $name {
            fn decode(
                code: &str,
                unhandled: $crate::protocol::UnhandledError,
                response: &$crate::http::response::Parts,
                body: &[u8],
            ) -> ::std::result::Result<Self, $crate::protocol::DecodeError> {
                $(
                    if code == <$variant as $crate::protocol::HttpError>::CODE {
                        return <$variant as $crate::protocol::HttpError>::decode(response, body).map(Self::$variant);
                    }
                )*
                let _ = (code, response, body);
                Ok(Self::Unhandled(unhandled))
            }

            fn encode(
                &self,
                protocol: &dyn $crate::protocol::Protocol,
            ) -> ::std::result::Result<$crate::protocol::HttpResponse, $crate::protocol::EncodeError> {
                match self {
                    $( Self::$variant(e) => $crate::protocol::HttpError::encode(e), )*
                    Self::Unhandled(e) => e.encode(protocol),
                }
            }

            fn unhandled(error: $crate::protocol::UnhandledError) -> Self {
                Self::Unhandled(error)
            }

            fn code(&self) -> &str {
                match self {
                    $( Self::$variant(_) => <$variant as $crate::protocol::HttpError>::CODE, )*
                    Self::Unhandled(e) => &e.code,
                }
            }

            fn message(&self) -> ::std::option::Option<&str> {
                match self {
                    $( Self::$variant(e) => $crate::protocol::HttpError::message(e), )*
                    Self::Unhandled(e) => e.message.as_deref(),
                }
            }

            fn status(&self) -> u16 {
                match self {
                    $( Self::$variant(_) => <$variant as $crate::protocol::HttpError>::STATUS, )*
                    Self::Unhandled(e) => e.status,
                }
            }

            fn retry(&self) -> ::std::option::Option<$crate::protocol::Retry> {
                match self {
                    $( Self::$variant(_) => <$variant as $crate::protocol::HttpError>::RETRY, )*
                    Self::Unhandled(_) => None,
                }
            }
        }
    };
}
