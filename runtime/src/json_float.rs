//! Smithy `float` and `double` values in JSON documents.
//!
//! JSON numbers cannot express NaN or the infinities, so Smithy's JSON protocols write them
//! as the strings `"NaN"`, `"Infinity"` and `"-Infinity"` (restJson1 protocol page, and the
//! `RestJsonSupports*FloatInputs` compliance cases). serde_json would write them as `null`
//! and refuse the strings, so generated types route every float and double, wherever it
//! sits in a document (member, list item, map value, sparse or not, union variant), through
//! [`JsonFloat`], a [`serde_with`] adapter that composes with `Vec`, `BTreeMap` and
//! `Option`:
//!
//! ```
//! use smithy_runtime::JsonFloat;
//! use smithy_runtime::serde_with::As;
//!
//! #[derive(serde::Serialize, serde::Deserialize)]
//! struct Sample {
//!     #[serde(with = "As::<Option<Vec<JsonFloat>>>")]
//!     values: Option<Vec<f64>>,
//! }
//!
//! let sample: Sample = serde_json::from_str(r#"{"values": [1.5, "NaN", "-Infinity"]}"#).unwrap();
//! let values = sample.values.as_deref().unwrap();
//! assert!(values[1].is_nan() && values[2] == f64::NEG_INFINITY);
//! assert_eq!(
//!     serde_json::to_string(&sample).unwrap(),
//!     r#"{"values":[1.5,"NaN","-Infinity"]}"#
//! );
//! ```
//!
//! Any other string is refused, as a float must be a number. Headers, query strings and
//! labels spell the same three values the same way (see [`crate::rest_json::Param`]).

use std::fmt;

use serde::de::{Error as _, Unexpected, Visitor};
use serde::{Deserializer, Serializer};
use serde_with::{DeserializeAs, SerializeAs};

/// The serde adapter for `f32` and `f64` in JSON documents: finite values as numbers, NaN and
/// the infinities as the strings `"NaN"`, `"Infinity"` and `"-Infinity"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonFloat;

/// The string a non-finite value is written as; `None` for finite values (written as numbers).
fn special_name(value: f64) -> Option<&'static str> {
    if value.is_nan() {
        Some("NaN")
    } else if value == f64::INFINITY {
        Some("Infinity")
    } else if value == f64::NEG_INFINITY {
        Some("-Infinity")
    } else {
        None
    }
}

/// The value a special string stands for; `None` for any other string.
fn special_value(text: &str) -> Option<f64> {
    match text {
        "NaN" => Some(f64::NAN),
        "Infinity" => Some(f64::INFINITY),
        "-Infinity" => Some(f64::NEG_INFINITY),
        _ => None,
    }
}

/// Reads a number, or one of the three special strings, as `f64`.
struct FloatVisitor;

impl Visitor<'_> for FloatVisitor {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, or \"NaN\", \"Infinity\" or \"-Infinity\"")
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<f64, E> {
        Ok(v)
    }

    // Integers this large lose precision as floats; JSON readers do the same.
    #[allow(clippy::cast_precision_loss)]
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<f64, E> {
        Ok(v as f64)
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<f64, E> {
        special_value(v).ok_or_else(|| E::invalid_value(Unexpected::Str(v), &self))
    }
}

impl SerializeAs<f64> for JsonFloat {
    fn serialize_as<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
        match special_name(*value) {
            Some(name) => serializer.serialize_str(name),
            None => serializer.serialize_f64(*value),
        }
    }
}

impl<'de> DeserializeAs<'de, f64> for JsonFloat {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
        deserializer.deserialize_any(FloatVisitor)
    }
}

impl SerializeAs<f32> for JsonFloat {
    fn serialize_as<S: Serializer>(value: &f32, serializer: S) -> Result<S::Ok, S::Error> {
        match special_name(f64::from(*value)) {
            Some(name) => serializer.serialize_str(name),
            None => serializer.serialize_f32(*value),
        }
    }
}

impl<'de> DeserializeAs<'de, f32> for JsonFloat {
    // A JSON number is read as f64 and narrowed, as serde's own `f32` does; values beyond the
    // f32 range are refused rather than turned into infinities nobody sent.
    #[allow(clippy::cast_possible_truncation)]
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<f32, D::Error> {
        let wide = deserializer.deserialize_any(FloatVisitor)?;
        let narrow = wide as f32;
        if wide.is_finite() && !narrow.is_finite() {
            return Err(D::Error::invalid_value(
                Unexpected::Float(wide),
                &"a number in the range of a float",
            ));
        }
        Ok(narrow)
    }
}

#[cfg(test)]
mod tests {
    use serde_with::As;

    use super::JsonFloat;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Doubles {
        #[serde(default, with = "As::<Option<JsonFloat>>")]
        one: Option<f64>,
        #[serde(default, with = "As::<Option<Vec<Option<JsonFloat>>>>")]
        sparse: Option<Vec<Option<f64>>>,
        #[serde(
            default,
            with = "As::<Option<std::collections::BTreeMap<serde_with::Same, JsonFloat>>>"
        )]
        map: Option<std::collections::BTreeMap<String, f64>>,
    }

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Floats {
        #[serde(with = "As::<Vec<JsonFloat>>")]
        values: Vec<f32>,
    }

    #[test]
    fn special_values_are_written_as_strings() {
        let value = Doubles {
            one: Some(f64::NAN),
            sparse: Some(vec![Some(f64::INFINITY), None, Some(-0.5)]),
            map: Some([("low".to_string(), f64::NEG_INFINITY)].into()),
        };
        assert_eq!(
            serde_json::to_string(&value).unwrap(),
            r#"{"one":"NaN","sparse":["Infinity",null,-0.5],"map":{"low":"-Infinity"}}"#
        );
        let floats = Floats {
            values: vec![f32::NAN, f32::INFINITY, f32::NEG_INFINITY, 1.25],
        };
        assert_eq!(
            serde_json::to_string(&floats).unwrap(),
            r#"{"values":["NaN","Infinity","-Infinity",1.25]}"#
        );
    }

    #[test]
    fn special_strings_and_numbers_are_read() {
        let value: Doubles =
            serde_json::from_str(r#"{"one":"Infinity","sparse":["-Infinity",null,2],"map":{"x":"NaN"}}"#).unwrap();
        assert_eq!(value.one, Some(f64::INFINITY));
        assert_eq!(value.sparse, Some(vec![Some(f64::NEG_INFINITY), None, Some(2.0)]));
        assert!(value.map.unwrap()["x"].is_nan());
        let floats: Floats = serde_json::from_str(r#"{"values":["NaN",-3,1.5e3]}"#).unwrap();
        assert!(floats.values[0].is_nan());
        assert_eq!(&floats.values[1..], &[-3.0, 1500.0]);
    }

    #[test]
    fn other_strings_and_out_of_range_floats_are_refused() {
        let error = serde_json::from_str::<Doubles>(r#"{"one":"nan"}"#).unwrap_err();
        assert!(
            error.to_string().contains("\"NaN\", \"Infinity\" or \"-Infinity\""),
            "{error}"
        );
        assert!(serde_json::from_str::<Doubles>(r#"{"one":true}"#).is_err());
        assert!(serde_json::from_str::<Floats>(r#"{"values":[1e300]}"#).is_err());
    }

    #[test]
    fn finite_values_round_trip_exactly() {
        let value = Doubles {
            one: Some(0.1),
            sparse: None,
            map: None,
        };
        let text = serde_json::to_string(&value).unwrap();
        assert_eq!(text, r#"{"one":0.1,"sparse":null,"map":null}"#);
        assert_eq!(serde_json::from_str::<Doubles>(&text).unwrap(), value);
    }
}
