//! Smithy timestamps and their three wire formats.
//!
//! A [`Timestamp`] is a [`time::OffsetDateTime`]. Each Smithy
//! `@timestampFormat` has a module usable with serde's `with` attribute, plus
//! `format`/`parse` functions for the string form used in HTTP headers, query
//! strings and labels:
//!
//! | Module | Smithy format | JSON | String form |
//! |---|---|---|---|
//! | [`epoch_seconds`] | `epoch-seconds` | number `1700000000` or `1700000000.123` | same digits |
//! | [`date_time`] | `date-time` | string `"2024-01-02T03:04:05Z"` | same |
//! | [`http_date`] | `http-date` | string `"Tue, 29 Apr 2014 18:30:38 GMT"` | same |
//!
//! Every module has an `option` submodule for `Option<Timestamp>` members
//! (JSON `null` deserializes to `None`; pair it with `#[serde(default)]` so a
//! missing member is `None` too), and `list` and `map` submodules for optional
//! lists and maps of timestamps:
//!
//! ```
//! use smithy_runtime::{timestamp, Timestamp};
//!
//! #[derive(serde::Serialize, serde::Deserialize)]
//! struct Channel {
//!     #[serde(with = "timestamp::epoch_seconds")]
//!     created: Timestamp,
//!     #[serde(default, with = "timestamp::date_time::option")]
//!     updated: Option<Timestamp>,
//! }
//!
//! let c: Channel = serde_json::from_str(r#"{"created": 1700000000.5}"#).unwrap();
//! assert_eq!(c.updated, None);
//! assert_eq!(
//!     serde_json::to_string(&c).unwrap(),
//!     r#"{"created":1700000000.5,"updated":null}"#
//! );
//! ```
//!
//! Formatting always writes UTC with at most millisecond precision (finer
//! digits are truncated; `http-date` has whole seconds only). Parsing keeps
//! whatever precision the input has, up to nanoseconds, and normalizes the
//! result to UTC. Values outside the range [`Timestamp`] supports (years
//! -9999 to 9999) are parse errors.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What each format module needs besides its own `serialize`/`deserialize`: the
/// [`Format`] marker that the generic option helpers use, and the `option` submodule
/// that serde's `with = "...::option"` attribute names.
macro_rules! format_glue {
    ($marker:ident) => {
        pub(crate) struct $marker;

        impl crate::timestamp::Format for $marker {
            fn serialize<S: serde::Serializer>(t: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
                serialize(t, s)
            }
            fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
                deserialize(d)
            }
        }

        /// A timestamp that serializes in this format (for places serde's `with` cannot
        /// reach, such as a union variant written by hand-rolled `Serialize`).
        #[derive(Debug, Clone, Copy)]
        pub struct Formatted<'a>(pub &'a Timestamp);

        impl serde::Serialize for Formatted<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                serialize(self.0, s)
            }
        }

        /// The same format for `Option<Timestamp>`: `None` is JSON `null`, and `null`
        /// deserializes to `None`.
        pub mod option {
            use serde::{Deserializer, Serializer};

            use super::{Timestamp, $marker};

            /// Serializes `Some` as [`super::serialize`] does, `None` as `null`.
            pub fn serialize<S: Serializer>(t: &Option<Timestamp>, s: S) -> Result<S::Ok, S::Error> {
                crate::timestamp::serialize_option::<$marker, S>(t, s)
            }

            /// Deserializes `null` as `None`, anything else as [`super::deserialize`] does.
            pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Timestamp>, D::Error> {
                crate::timestamp::deserialize_option::<$marker, D>(d)
            }
        }

        /// The same format for a list of timestamps (`Option<Vec<Timestamp>>`): each item in
        /// this format, `None` as `null`.
        pub mod list {
            use serde::{Deserializer, Serializer};

            use super::{Timestamp, $marker};

            /// Serializes each item as [`super::serialize`] does, `None` as `null`.
            pub fn serialize<S: Serializer>(t: &Option<Vec<Timestamp>>, s: S) -> Result<S::Ok, S::Error> {
                crate::timestamp::serialize_list::<$marker, S>(t, s)
            }

            /// Deserializes `null` as `None`, each item as [`super::deserialize`] does.
            pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<Timestamp>>, D::Error> {
                crate::timestamp::deserialize_list::<$marker, D>(d)
            }
        }

        /// The same format for a map of timestamps (`Option<BTreeMap<K, Timestamp>>`): each
        /// value in this format, `None` as `null`.
        pub mod map {
            use serde::{Deserialize, Deserializer, Serialize, Serializer};
            use std::collections::BTreeMap;

            use super::{Timestamp, $marker};

            /// Serializes each value as [`super::serialize`] does, `None` as `null`.
            pub fn serialize<K: Serialize, S: Serializer>(
                t: &Option<BTreeMap<K, Timestamp>>,
                s: S,
            ) -> Result<S::Ok, S::Error> {
                crate::timestamp::serialize_map::<$marker, K, S>(t, s)
            }

            /// Deserializes `null` as `None`, each value as [`super::deserialize`] does.
            pub fn deserialize<'de, K: Deserialize<'de> + Ord, D: Deserializer<'de>>(
                d: D,
            ) -> Result<Option<BTreeMap<K, Timestamp>>, D::Error> {
                crate::timestamp::deserialize_map::<$marker, K, D>(d)
            }
        }
    };
}

mod civil;
pub mod date_time;
pub mod epoch_seconds;
pub mod http_date;

/// A Smithy `timestamp`.
pub type Timestamp = time::OffsetDateTime;

/// A string that is not a timestamp in the expected format, or is out of range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimestampError {
    format: &'static str,
    input: String,
    reason: &'static str,
}

/// Inputs longer than this are shortened in error messages.
const MAX_ECHOED_CHARS: usize = 64;

impl TimestampError {
    pub(crate) fn new(format: &'static str, input: &str, reason: &'static str) -> Self {
        let input = match input.char_indices().nth(MAX_ECHOED_CHARS) {
            Some((end, _)) => format!("{}...", input.get(..end).unwrap_or_default()),
            None => input.to_owned(),
        };
        Self { format, input, reason }
    }

    /// The Smithy format that was expected: `epoch-seconds`, `date-time` or `http-date`.
    pub fn format(&self) -> &'static str {
        self.format
    }

    /// The rejected input (shortened to 64 characters followed by `...` if longer).
    pub fn input(&self) -> &str {
        &self.input
    }

    /// Why the input was rejected.
    pub fn reason(&self) -> &'static str {
        self.reason
    }
}

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {} timestamp {:?}: {}", self.format, self.input, self.reason)
    }
}

impl std::error::Error for TimestampError {}

/// Builds a timestamp from a count of nanoseconds since the Unix epoch.
pub(crate) fn from_unix_nanos(format: &'static str, input: &str, nanos: i128) -> Result<Timestamp, TimestampError> {
    Timestamp::from_unix_timestamp_nanos(nanos)
        .map_err(|_| TimestampError::new(format, input, "out of the supported range"))
}

/// One wire format, so that the `option` modules can share their code.
pub(crate) trait Format {
    fn serialize<S: Serializer>(t: &Timestamp, s: S) -> Result<S::Ok, S::Error>;
    fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error>;
}

struct Ser<'a, F>(&'a Timestamp, PhantomData<F>);

impl<F: Format> Serialize for Ser<'_, F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        F::serialize(self.0, s)
    }
}

struct De<F>(Timestamp, PhantomData<F>);

impl<'de, F: Format> Deserialize<'de> for De<F> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        F::deserialize(d).map(|t| De(t, PhantomData))
    }
}

pub(crate) fn serialize_option<F: Format, S: Serializer>(t: &Option<Timestamp>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_some(&Ser::<F>(t, PhantomData)),
        None => s.serialize_none(),
    }
}

pub(crate) fn deserialize_option<'de, F: Format, D: Deserializer<'de>>(d: D) -> Result<Option<Timestamp>, D::Error> {
    Ok(Option::<De<F>>::deserialize(d)?.map(|De(t, _)| t))
}

pub(crate) fn serialize_list<F: Format, S: Serializer>(t: &Option<Vec<Timestamp>>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(items) => s.collect_seq(items.iter().map(|t| Ser::<F>(t, PhantomData))),
        None => s.serialize_none(),
    }
}

pub(crate) fn deserialize_list<'de, F: Format, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<Timestamp>>, D::Error> {
    let items = Option::<Vec<De<F>>>::deserialize(d)?;
    Ok(items.map(|items| items.into_iter().map(|De(t, _)| t).collect()))
}

pub(crate) fn serialize_map<F: Format, K: Serialize, S: Serializer>(
    t: &Option<BTreeMap<K, Timestamp>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match t {
        Some(entries) => s.collect_map(entries.iter().map(|(k, t)| (k, Ser::<F>(t, PhantomData)))),
        None => s.serialize_none(),
    }
}

pub(crate) fn deserialize_map<'de, F: Format, K: Deserialize<'de> + Ord, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<BTreeMap<K, Timestamp>>, D::Error> {
    let entries = Option::<BTreeMap<K, De<F>>>::deserialize(d)?;
    Ok(entries.map(|entries| entries.into_iter().map(|(k, De(t, _))| (k, t)).collect()))
}

/// A serde visitor for the string formats: `parse` turns the text into a timestamp.
pub(crate) struct StrVisitor {
    pub(crate) expecting: &'static str,
    pub(crate) parse: fn(&str) -> Result<Timestamp, TimestampError>,
}

impl serde::de::Visitor<'_> for StrVisitor {
    type Value = Timestamp;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Timestamp, E> {
        (self.parse)(v).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_display_and_accessors() {
        let e = TimestampError::new("date-time", "yesterday", "expected an RFC 3339 date-time");
        assert_eq!(
            e.to_string(),
            "invalid date-time timestamp \"yesterday\": expected an RFC 3339 date-time"
        );
        assert_eq!(e.format(), "date-time");
        assert_eq!(e.input(), "yesterday");
        assert_eq!(e.reason(), "expected an RFC 3339 date-time");
        let _: &dyn std::error::Error = &e;
    }

    #[test]
    fn error_shortens_long_input() {
        let long = "é".repeat(1000);
        let e = TimestampError::new("http-date", &long, "bad");
        assert_eq!(e.input().chars().count(), 64 + 3);
        assert!(e.input().ends_with("..."));
        let exact = "x".repeat(64);
        assert_eq!(TimestampError::new("http-date", &exact, "bad").input(), exact);
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Collections {
        #[serde(default, with = "epoch_seconds::list")]
        list: Option<Vec<Timestamp>>,
        #[serde(default, with = "http_date::map")]
        map: Option<BTreeMap<String, Timestamp>>,
    }

    #[test]
    fn lists_and_maps_of_timestamps_use_the_format_per_item() {
        let text = r#"{"list":[0,1.5],"map":{"a":"Thu, 01 Jan 1970 00:00:01 GMT"}}"#;
        let value: Collections = serde_json::from_str(text).unwrap();
        assert_eq!(
            value.list,
            Some(vec![
                Timestamp::UNIX_EPOCH,
                Timestamp::UNIX_EPOCH + time::Duration::milliseconds(1500)
            ])
        );
        assert_eq!(
            value.map.as_ref().map(|m| m["a"]),
            Some(Timestamp::UNIX_EPOCH + time::Duration::SECOND)
        );
        assert_eq!(serde_json::to_string(&value).unwrap(), text);
        let empty: Collections = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, Collections { list: None, map: None });
        assert_eq!(serde_json::to_string(&empty).unwrap(), r#"{"list":null,"map":null}"#);
        let error = serde_json::from_str::<Collections>(r#"{"list":["yesterday"]}"#).unwrap_err();
        assert!(error.to_string().contains("epoch"), "{error}");
    }

    #[test]
    fn out_of_range_nanos_are_errors() {
        assert!(from_unix_nanos("epoch-seconds", "x", i128::MAX).is_err());
        assert!(from_unix_nanos("epoch-seconds", "x", i128::MIN).is_err());
        assert_eq!(from_unix_nanos("epoch-seconds", "0", 0), Ok(Timestamp::UNIX_EPOCH));
    }
}
