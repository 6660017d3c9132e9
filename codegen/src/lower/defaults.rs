//! `@default` values: which members the generated types fill in, and each value checked
//! against the member's type (a value that does not fit is a located error, never a panic).

use super::Lowering;
use super::traits::id;
use crate::ir::{DefaultValue, NamedKind, Ty, TyKind};
use base64::Engine as _;
use serde_json::Value;

impl Lowering<'_> {
    /// The default of member `member` of `owner` as a typed value; `None` (with an error
    /// recorded) when `value` does not fit `ty`.
    pub(crate) fn default_value(&mut self, owner: &str, member: &str, ty: &Ty, value: &Value) -> Option<DefaultValue> {
        match typed_default(ty, value) {
            Ok(typed) => Some(typed),
            Err(expected) => {
                self.error(
                    owner,
                    Some(member),
                    Some(id::DEFAULT),
                    format!("the default value {value} does not fit the member: expected {expected}"),
                );
                None
            }
        }
    }
}

/// `value` as a default of type `ty`; `Err` says what was expected instead.
fn typed_default(ty: &Ty, value: &Value) -> Result<DefaultValue, &'static str> {
    let int_in = |min: i64, max: i64, what| {
        value
            .as_i64()
            .filter(|n| (min..=max).contains(n))
            .map(DefaultValue::Int)
            .ok_or(what)
    };
    match &ty.kind {
        TyKind::Bool => value.as_bool().map(DefaultValue::Bool).ok_or("a boolean"),
        TyKind::Byte => int_in(i8::MIN.into(), i8::MAX.into(), "a byte"),
        TyKind::Short => int_in(i16::MIN.into(), i16::MAX.into(), "a short"),
        TyKind::Integer => int_in(i32::MIN.into(), i32::MAX.into(), "an integer"),
        TyKind::Long => int_in(i64::MIN, i64::MAX, "a long"),
        TyKind::Float | TyKind::Double => value.as_f64().map(DefaultValue::Float).ok_or("a number"),
        TyKind::BigInteger | TyKind::BigDecimal => match value {
            Value::Number(n) => Ok(DefaultValue::Number(n.clone())),
            _ => Err("a number"),
        },
        TyKind::String => value
            .as_str()
            .map(|s| DefaultValue::String(s.to_string()))
            .ok_or("a string"),
        TyKind::Blob => value
            .as_str()
            .and_then(|s| base64::engine::general_purpose::STANDARD.decode(s).ok())
            .map(DefaultValue::Bytes)
            .ok_or("a base64 string"),
        TyKind::Timestamp(_) => epoch_nanos(value)
            .map(DefaultValue::EpochNanos)
            .ok_or("epoch seconds or a date-time string (within 1678 to 2261)"),
        // The spec allows scalars and the empty list and map only.
        TyKind::Document => match value {
            Value::Array(items) if !items.is_empty() => Err("a scalar, `[]` or `{}`"),
            Value::Object(members) if !members.is_empty() => Err("a scalar, `[]` or `{}`"),
            _ => Ok(DefaultValue::Document(value.clone())),
        },
        TyKind::List(_) => match value {
            Value::Array(items) if items.is_empty() => Ok(DefaultValue::EmptyList),
            _ => Err("the empty list `[]`"),
        },
        TyKind::Map { .. } => match value {
            Value::Object(entries) if entries.is_empty() => Ok(DefaultValue::EmptyMap),
            _ => Err("the empty map `{}`"),
        },
        TyKind::Named {
            kind: NamedKind::Enum, ..
        } => value
            .as_str()
            .map(|s| DefaultValue::Enum(s.to_string()))
            .ok_or("an enum value (a string)"),
        TyKind::Named {
            kind: NamedKind::IntEnum,
            ..
        } => value
            .as_i64()
            .and_then(|n| i32::try_from(n).ok())
            .map(DefaultValue::IntEnum)
            .ok_or("an int enum value"),
        TyKind::Named { .. } | TyKind::Unit | TyKind::Nullable(_) => {
            Err("no default (structures and unions have none)")
        }
    }
}

/// A timestamp default (epoch seconds, or a date-time string) in nanoseconds since the epoch,
/// when it fits an `i64` of nanoseconds.
fn epoch_nanos(value: &Value) -> Option<i64> {
    let nanos: i128 = match value {
        Value::Number(n) => match n.as_i64() {
            Some(seconds) => i128::from(seconds) * 1_000_000_000,
            // Fractional seconds: rounded to the nanosecond, which is all a timestamp holds.
            None => {
                let seconds = n.as_f64()?;
                (seconds * 1e9).round() as i128
            }
        },
        Value::String(text) => smithy_runtime::timestamp::date_time::parse(text)
            .ok()?
            .unix_timestamp_nanos(),
        _ => return None,
    };
    i64::try_from(nanos).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Constraints, TimestampFormat};
    use serde_json::json;

    fn ty(kind: TyKind) -> Ty {
        Ty {
            kind,
            constraints: Constraints::default(),
            sensitive: false,
            check: None,
        }
    }

    #[test]
    fn values_that_fit_are_typed() {
        assert_eq!(typed_default(&ty(TyKind::Byte), &json!(1)), Ok(DefaultValue::Int(1)));
        assert_eq!(
            typed_default(&ty(TyKind::Blob), &json!("YWJj")),
            Ok(DefaultValue::Bytes(b"abc".to_vec()))
        );
        assert_eq!(
            typed_default(&ty(TyKind::Timestamp(TimestampFormat::EpochSeconds)), &json!(1.5)),
            Ok(DefaultValue::EpochNanos(1_500_000_000))
        );
        assert_eq!(
            typed_default(
                &ty(TyKind::Timestamp(TimestampFormat::DateTime)),
                &json!("1970-01-01T00:00:02Z")
            ),
            Ok(DefaultValue::EpochNanos(2_000_000_000))
        );
        assert_eq!(
            typed_default(&ty(TyKind::List(Box::new(ty(TyKind::String)))), &json!([])),
            Ok(DefaultValue::EmptyList)
        );
        assert_eq!(
            typed_default(&ty(TyKind::Document), &json!({})),
            Ok(DefaultValue::Document(json!({})))
        );
    }

    #[test]
    fn values_that_do_not_fit_are_refused() {
        assert!(typed_default(&ty(TyKind::Byte), &json!(300)).is_err());
        assert!(typed_default(&ty(TyKind::Integer), &json!("1")).is_err());
        assert!(typed_default(&ty(TyKind::Blob), &json!("not base64!")).is_err());
        assert!(typed_default(&ty(TyKind::List(Box::new(ty(TyKind::String)))), &json!(["a"])).is_err());
        assert!(typed_default(&ty(TyKind::Document), &json!([1])).is_err());
        assert!(typed_default(&ty(TyKind::Timestamp(TimestampFormat::EpochSeconds)), &json!(1e300)).is_err());
    }
}
