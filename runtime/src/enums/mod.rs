//! Serde helpers for generated enums.
//!
//! A generated string enum keeps unknown values, so that a newer service can
//! send values an older client does not know:
//!
//! ```
//! use smithy_runtime::enums;
//!
//! #[derive(Debug, PartialEq)]
//! enum ChannelType { Basic, Standard, Unknown(String) }
//!
//! impl ChannelType {
//!     fn as_str(&self) -> &str {
//!         match self { Self::Basic => "BASIC", Self::Standard => "STANDARD", Self::Unknown(s) => s }
//!     }
//! }
//!
//! impl From<&str> for ChannelType {
//!     fn from(s: &str) -> Self {
//!         match s { "BASIC" => Self::Basic, "STANDARD" => Self::Standard, s => Self::Unknown(s.to_owned()) }
//!     }
//! }
//!
//! impl serde::Serialize for ChannelType {
//!     fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
//!         enums::serialize_str(self.as_str(), s)
//!     }
//! }
//!
//! impl<'de> serde::Deserialize<'de> for ChannelType {
//!     fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
//!         enums::deserialize_enum(d)
//!     }
//! }
//!
//! let t: ChannelType = serde_json::from_str(r#""NEW_TYPE""#).unwrap();
//! assert_eq!(t, ChannelType::Unknown("NEW_TYPE".into()));
//! assert_eq!(serde_json::to_string(&t).unwrap(), r#""NEW_TYPE""#);
//! ```

mod macros;

/// The `serde` crate, for the impls [`crate::string_enum!`] and [`crate::int_enum!`] write in
/// generated crates.
#[doc(hidden)]
pub use serde;

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Visitor};
use serde::{Deserializer, Serializer};

/// Serializes a string enum's wire value.
pub fn serialize_str<S: Serializer>(value: &str, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(value)
}

/// Deserializes a string enum's wire value (a JSON string, borrowed or owned).
pub fn deserialize_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    String::deserialize(d)
}

/// Deserializes a string enum straight through its `From<&str>`, without
/// allocating when the input can be borrowed.
pub fn deserialize_enum<'de, D, E>(d: D) -> Result<E, D::Error>
where
    D: Deserializer<'de>,
    E: for<'a> From<&'a str>,
{
    d.deserialize_str(EnumVisitor(PhantomData))
}

/// Deserializes an `intEnum` wire value: a JSON integer that fits in `i32`.
pub fn deserialize_i32<'de, D: Deserializer<'de>>(d: D) -> Result<i32, D::Error> {
    i32::deserialize(d)
}

struct EnumVisitor<E>(PhantomData<E>);

impl<E: for<'a> From<&'a str>> Visitor<'_> for EnumVisitor<E> {
    type Value = E;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an enum value as a string")
    }

    fn visit_str<Err: de::Error>(self, v: &str) -> Result<E, Err> {
        Ok(E::from(v))
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, PartialEq)]
    struct Wire(String);

    impl From<&str> for Wire {
        fn from(s: &str) -> Self {
            Wire(s.to_owned())
        }
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Doc {
        #[serde(deserialize_with = "deserialize_string")]
        s: String,
        #[serde(deserialize_with = "deserialize_i32")]
        n: i32,
        #[serde(deserialize_with = "deserialize_enum")]
        e: Wire,
    }

    #[test]
    fn serializes_the_wire_value() {
        let mut out = Vec::new();
        serialize_str("BASIC", &mut serde_json::Serializer::new(&mut out)).unwrap();
        assert_eq!(out, br#""BASIC""#);
    }

    #[test]
    fn deserializes_borrowed_and_owned_strings() {
        let doc: Doc = serde_json::from_str(r#"{"s":"BASIC","n":7,"e":"STANDARD"}"#).unwrap();
        assert_eq!(
            doc,
            Doc {
                s: "BASIC".into(),
                n: 7,
                e: Wire("STANDARD".into())
            }
        );
        // Escapes force an owned string.
        let doc: Doc = serde_json::from_str(r#"{"s":"B\u0041SIC","n":-1,"e":"\u00e9"}"#).unwrap();
        assert_eq!(
            doc,
            Doc {
                s: "BASIC".into(),
                n: -1,
                e: Wire("é".into())
            }
        );
        let value = serde_json::json!({"s": "X", "n": 2147483647, "e": "Y"});
        let doc: Doc = serde_json::from_value(value).unwrap();
        assert_eq!(
            doc,
            Doc {
                s: "X".into(),
                n: i32::MAX,
                e: Wire("Y".into())
            }
        );
    }

    #[test]
    fn rejects_wrong_types() {
        let err = |json: &str| serde_json::from_str::<Doc>(json).unwrap_err().to_string();
        assert!(err(r#"{"s":1,"n":1,"e":"x"}"#).contains("expected a string"));
        assert!(err(r#"{"s":"a","n":"1","e":"x"}"#).contains("expected i32"));
        assert!(err(r#"{"s":"a","n":2147483648,"e":"x"}"#).contains("expected i32"));
        assert!(err(r#"{"s":"a","n":1.5,"e":"x"}"#).contains("expected i32"));
        assert!(err(r#"{"s":"a","n":1,"e":null}"#).contains("expected an enum value as a string"));
    }

    #[test]
    fn redacted_constant() {
        assert_eq!(crate::REDACTED, "*** Sensitive Data Redacted ***");
    }
}
