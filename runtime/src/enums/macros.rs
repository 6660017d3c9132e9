//! [`string_enum!`](crate::string_enum) and [`int_enum!`](crate::int_enum): what every generated
//! enum does, written once. Generated code declares the enum (one documented variant per known
//! value, and `Unknown`) and pairs each variant with its wire value in one call.

/// Implements, for a string enum with an `Unknown(String)` variant: `VALUES`, `INTERNAL_VALUES`,
/// `as_str`, `is_known`, `From<&str>`, `From<String>`, `AsRef<str>`, `Display` and serde (as the
/// wire string; unknown values are kept and sent back unchanged).
///
/// `@internal` values come after `internal`: they are known (accepted, matched, sent), but not
/// in `VALUES`, the set validation messages show callers.
///
/// ```
/// #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
/// pub enum ChannelType {
///     Basic,
///     Standard,
///     Unknown(String),
/// }
/// smithy_runtime::string_enum!(ChannelType, [Basic = "BASIC", Standard = "STANDARD"]);
///
/// assert_eq!(ChannelType::from("BASIC"), ChannelType::Basic);
/// assert_eq!(ChannelType::from("NEW").as_str(), "NEW");
/// assert!(!ChannelType::from("NEW").is_known());
/// assert_eq!(ChannelType::VALUES, ["BASIC", "STANDARD"]);
/// assert_eq!(serde_json::to_string(&ChannelType::Standard).unwrap(), r#""STANDARD""#);
///
/// #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
/// pub enum Tier {
///     Gold,
///     Staff,
///     Unknown(String),
/// }
/// smithy_runtime::string_enum!(Tier, [Gold = "gold"], internal [Staff = "staff"]);
///
/// assert_eq!(Tier::VALUES, ["gold"]);
/// assert!(Tier::from("staff").is_known());
/// ```
#[macro_export]
macro_rules! string_enum {
    ($name:ident, [$($variant:ident = $value:literal),* $(,)?]) => {
        $crate::string_enum!($name, [$($variant = $value),*], internal []);
    };
    ($name:ident, [$($variant:ident = $value:literal),* $(,)?], internal [$($internal:ident = $internal_value:literal),* $(,)?]) => {
        impl $name {
            /// Every known wire value callers are told about (not the `@internal` ones), in
            /// model order.
            pub const VALUES: &'static [&'static str] = &[$($value),*];

            /// The `@internal` wire values: known, but never listed to callers.
            pub const INTERNAL_VALUES: &'static [&'static str] = &[$($internal_value),*];

            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $value, )*
                    $( Self::$internal => $internal_value, )*
                    Self::Unknown(value) => value,
                }
            }

            /// Whether the value is one of [`Self::VALUES`] or [`Self::INTERNAL_VALUES`].
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Unknown(_))
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $( $value => Self::$variant, )*
                    $( $internal_value => Self::$internal, )*
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl ::std::convert::From<::std::string::String> for $name {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    $( $value => Self::$variant, )*
                    $( $internal_value => Self::$internal, )*
                    _ => Self::Unknown(value),
                }
            }
        }

        impl ::std::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::enums::serde::Serialize for $name {
            fn serialize<S: $crate::enums::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                $crate::enums::serialize_str(self.as_str(), serializer)
            }
        }

        impl<'de> $crate::enums::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::enums::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                $crate::enums::deserialize_string(deserializer).map(Self::from)
            }
        }
    };
}

/// Implements, for an int enum with an `Unknown(i32)` variant: `VALUES`, `INTERNAL_VALUES`,
/// `as_i32`, `is_known`, `From<i32>`, `Display` and serde (as the wire integer; unknown values
/// are kept). `@internal` values come after `internal`, as for [`string_enum!`](crate::string_enum).
///
/// ```
/// #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
/// pub enum Level {
///     Low,
///     High,
///     Unknown(i32),
/// }
/// smithy_runtime::int_enum!(Level, [Low = 1, High = 10]);
///
/// assert_eq!(Level::from(10), Level::High);
/// assert_eq!(Level::from(5).as_i32(), 5);
/// assert_eq!(serde_json::to_string(&Level::Low).unwrap(), "1");
/// ```
#[macro_export]
macro_rules! int_enum {
    ($name:ident, [$($variant:ident = $value:literal),* $(,)?]) => {
        $crate::int_enum!($name, [$($variant = $value),*], internal []);
    };
    ($name:ident, [$($variant:ident = $value:literal),* $(,)?], internal [$($internal:ident = $internal_value:literal),* $(,)?]) => {
        impl $name {
            /// Every known wire value callers are told about (not the `@internal` ones), in
            /// model order.
            pub const VALUES: &'static [i32] = &[$($value),*];

            /// The `@internal` wire values: known, but never listed to callers.
            pub const INTERNAL_VALUES: &'static [i32] = &[$($internal_value),*];

            /// The wire value.
            pub fn as_i32(&self) -> i32 {
                match self {
                    $( Self::$variant => $value, )*
                    $( Self::$internal => $internal_value, )*
                    Self::Unknown(value) => *value,
                }
            }

            /// Whether the value is one of [`Self::VALUES`] or [`Self::INTERNAL_VALUES`].
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Unknown(_))
            }
        }

        impl ::std::convert::From<i32> for $name {
            fn from(value: i32) -> Self {
                match value {
                    $( $value => Self::$variant, )*
                    $( $internal_value => Self::$internal, )*
                    other => Self::Unknown(other),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "{}", self.as_i32())
            }
        }

        impl $crate::enums::serde::Serialize for $name {
            fn serialize<S: $crate::enums::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_i32(self.as_i32())
            }
        }

        impl<'de> $crate::enums::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::enums::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                $crate::enums::deserialize_i32(deserializer).map(Self::from)
            }
        }
    };
}
