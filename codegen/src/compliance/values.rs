//! A case's `params` as a Rust expression of the generated type, guided by the IR: the cases
//! write members by their model names, blobs as their raw text, timestamps as epoch seconds
//! and floats' special values as strings.

use crate::ir::{NamedKind, Service, Struct, Ty, TyKind, TypeDef};
use serde_json::Value;

/// The expression building structure `name` from `params` (an object, or absent for an empty
/// structure). An error names what the IR cannot express (e.g. a null in a dense list).
pub fn structure(service: &Service, name: &str, params: Option<&Value>) -> Result<String, String> {
    let Some(def) = service.structure(name) else {
        return Err(format!("no structure `{name}` in the generated crate"));
    };
    let empty = serde_json::Map::new();
    let fields = match params {
        None | Some(Value::Null) => &empty,
        Some(Value::Object(fields)) => fields,
        Some(other) => return Err(format!("params of `{name}` are not an object: {other}")),
    };
    struct_expr(service, def, fields)
}

fn struct_expr(service: &Service, def: &Struct, fields: &serde_json::Map<String, Value>) -> Result<String, String> {
    let mut out = format!(
        "{{ #[allow(unused_mut)] let mut value = model::{}::default();",
        def.name
    );
    for (key, value) in fields {
        let Some(member) = def.members.iter().find(|m| &m.wire_name == key) else {
            return Err(format!("`{}` has no member `{key}`", def.name));
        };
        if value.is_null() {
            continue;
        }
        let expr = expr(service, &member.ty, value)?;
        out.push_str(&format!(" value.{} = Some({expr});", member.field));
    }
    out.push_str(" value }");
    Ok(out)
}

/// The expression of a value of type `ty`.
pub fn expr(service: &Service, ty: &Ty, value: &Value) -> Result<String, String> {
    let number = || {
        value
            .as_number()
            .map(ToString::to_string)
            .ok_or(format!("expected a number, found {value}"))
    };
    let text = || value.as_str().ok_or(format!("expected a string, found {value}"));
    Ok(match &ty.kind {
        TyKind::Bool => value
            .as_bool()
            .ok_or(format!("expected a boolean, found {value}"))?
            .to_string(),
        TyKind::Byte => format!("({}i8)", number()?),
        TyKind::Short => format!("({}i16)", number()?),
        TyKind::Integer => format!("({}i32)", number()?),
        TyKind::Long => format!("({}i64)", number()?),
        TyKind::Float => float(value, "f32")?,
        TyKind::Double => float(value, "f64")?,
        TyKind::BigInteger | TyKind::BigDecimal => {
            format!(
                "::serde_json::from_str::<::serde_json::Number>({:?}).unwrap()",
                number()?
            )
        }
        TyKind::String => format!("String::from({:?})", text()?),
        TyKind::Blob => format!("rt::Blob::new({:?}.as_bytes().to_vec())", text()?),
        TyKind::Timestamp(_) => {
            let nanos = epoch_nanos(value).ok_or(format!("expected epoch seconds, found {value}"))?;
            format!("::time::OffsetDateTime::from_unix_timestamp_nanos({nanos}i128).unwrap()")
        }
        TyKind::Document => format!(
            "::serde_json::from_str::<::serde_json::Value>({:?}).unwrap()",
            value.to_string()
        ),
        TyKind::Unit => "rt::Unit {}".to_string(),
        TyKind::List(item) => {
            let items = value.as_array().ok_or(format!("expected a list, found {value}"))?;
            let items: Result<Vec<String>, String> = items
                .iter()
                .map(|v| match v {
                    Value::Null if !matches!(item.kind, TyKind::Nullable(_)) => {
                        Err("a null in a dense list (not @sparse)".to_string())
                    }
                    v => expr(service, item, v),
                })
                .collect();
            format!("vec![{}]", items?.join(", "))
        }
        TyKind::Nullable(item) => match value {
            Value::Null => "None".to_string(),
            value => format!("Some({})", expr(service, item, value)?),
        },
        TyKind::Map { key, value: value_ty } => {
            let entries = value.as_object().ok_or(format!("expected a map, found {value}"))?;
            let mut pairs = Vec::new();
            for (k, v) in entries {
                if v.is_null() && !matches!(value_ty.kind, TyKind::Nullable(_)) {
                    return Err("a null in a dense map (not @sparse)".to_string());
                }
                let k = expr(service, key, &Value::String(k.clone()))?;
                pairs.push(format!("({k}, {})", expr(service, value_ty, v)?));
            }
            format!("::std::collections::BTreeMap::from([{}])", pairs.join(", "))
        }
        TyKind::Named { name, kind, boxed } => {
            let inner = named(service, name, *kind, value)?;
            if *boxed { format!("Box::new({inner})") } else { inner }
        }
    })
}

fn named(service: &Service, name: &str, kind: NamedKind, value: &Value) -> Result<String, String> {
    match (kind, service.types.get(name)) {
        (NamedKind::Enum, _) => Ok(format!(
            "model::{name}::from({:?})",
            value
                .as_str()
                .ok_or(format!("expected an enum string, found {value}"))?
        )),
        (NamedKind::IntEnum, _) => Ok(format!(
            "model::{name}::from({}i32)",
            value.as_i64().ok_or(format!("expected an int enum, found {value}"))?
        )),
        (NamedKind::Struct, Some(TypeDef::Struct(def))) => {
            let fields = value.as_object().ok_or(format!("expected an object, found {value}"))?;
            struct_expr(service, def, fields)
        }
        (NamedKind::Union, Some(TypeDef::Union(def))) => {
            let fields = value
                .as_object()
                .ok_or(format!("expected a union object, found {value}"))?;
            let [(key, inner)] = fields.iter().collect::<Vec<_>>()[..] else {
                return Err(format!("a union value must set one member: {value}"));
            };
            let member = def
                .members
                .iter()
                .find(|m| &m.wire_name == key)
                .ok_or(format!("union `{name}` has no member `{key}`"))?;
            Ok(format!(
                "model::{name}::{}({})",
                member.field,
                expr(service, &member.ty, inner)?
            ))
        }
        _ => Err(format!("no type `{name}` in the generated crate")),
    }
}

/// A float from a number or from `NaN`, `Infinity`, `-Infinity`.
fn float(value: &Value, suffix: &str) -> Result<String, String> {
    match value {
        Value::Number(n) => {
            let f = n.as_f64().ok_or(format!("not a float: {n}"))?;
            Ok(format!("({f:?}{suffix})"))
        }
        Value::String(s) if s == "NaN" => Ok(format!("{suffix}::NAN")),
        Value::String(s) if s == "Infinity" => Ok(format!("{suffix}::INFINITY")),
        Value::String(s) if s == "-Infinity" => Ok(format!("{suffix}::NEG_INFINITY")),
        other => Err(format!("expected a float, found {other}")),
    }
}

/// Epoch seconds, as the case writes them (`946845296.123`), in nanoseconds, read from the
/// decimal text so that no float rounding moves the fraction.
fn epoch_nanos(value: &Value) -> Option<i128> {
    let text = value.as_number()?.to_string();
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest.to_string()),
        None => (false, text),
    };
    if text.contains(['e', 'E']) {
        return Some((value.as_f64()? * 1e9).round() as i128);
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut digits: String = fraction.chars().take(9).collect();
    while digits.len() < 9 {
        digits.push('0');
    }
    let nanos = whole.parse::<i128>().ok()? * 1_000_000_000 + digits.parse::<i128>().ok()?;
    Some(if negative { -nanos } else { nanos })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_seconds_keep_their_exact_fraction() {
        assert_eq!(
            epoch_nanos(&serde_json::json!(946845296.123)),
            Some(946_845_296_123_000_000)
        );
        assert_eq!(
            epoch_nanos(&serde_json::json!(1576540098)),
            Some(1_576_540_098_000_000_000)
        );
        assert_eq!(epoch_nanos(&serde_json::json!(-1.5)), Some(-1_500_000_000));
        assert_eq!(epoch_nanos(&serde_json::json!("x")), None);
    }

    #[test]
    fn special_floats_are_spelled_as_constants() {
        assert_eq!(float(&serde_json::json!("NaN"), "f64").unwrap(), "f64::NAN");
        assert_eq!(
            float(&serde_json::json!("-Infinity"), "f32").unwrap(),
            "f32::NEG_INFINITY"
        );
        assert_eq!(float(&serde_json::json!(1.5), "f32").unwrap(), "(1.5f32)");
        assert!(float(&serde_json::json!(true), "f32").is_err());
    }
}
