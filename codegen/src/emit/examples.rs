//! Example inputs that pass validation, derived from the model: the same setter chain is shown
//! in an operation's docs and run by the generated example test, so no example can rot.
//!
//! Every required member is set, and a few optional ones of simple types so that examples show
//! them too. Values follow the constraints: an enum's first value, a range's minimum (or 1), a
//! length's minimum, and strings tried in order (from the member's name, from walking its
//! `@pattern`, then `example`), each checked against the real pattern and length before use.

use super::sample::sample;
use crate::ir::{Member, NamedKind, Operation, Service, Ty, TyKind, TypeDef};

/// At most this many optional members appear in an example, beside the required ones.
const OPTIONAL_SHOWN: usize = 2;

/// Nesting depth past which no value is built (recursive structures).
const MAX_DEPTH: usize = 4;

/// An operation's example input as fluent-builder setter calls.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Example {
    /// `.setter(args)` calls, in member order, e.g. `.arn("arn:aws:...")`.
    pub calls: Vec<String>,
    /// Required members no valid value could be built for (their wire names): the example
    /// cannot pass validation, and the example test expects it to fail.
    pub missing: Vec<String>,
}

impl Example {
    /// The calls as one chain, e.g. `.arn("...").name("...")`.
    pub fn chain(&self) -> String {
        self.calls.concat()
    }
}

/// The example input of `op`; named types are spelled `{types}::Name` (e.g. `ivs_client`).
pub fn input(service: &Service, op: &Operation, types: &str) -> Example {
    let mut example = Example::default();
    let Some(input) = op.input.as_ref().and_then(|n| service.structure(n)) else {
        return example;
    };
    let token = op.pagination.as_ref().map(|p| p.input_token.as_str());
    let mut optional = 0;
    for m in &input.members {
        if !m.required && (optional >= OPTIONAL_SHOWN || Some(m.field.as_str()) == token || !simple(&m.ty)) {
            continue;
        }
        let values = Values { service, types };
        match values.setter_args(m) {
            Some(args) => {
                optional += usize::from(!m.required);
                example.calls.push(format!(".{}({args})", m.builder_setters.0));
            }
            None if m.required => example.missing.push(m.wire_name.clone()),
            None => {}
        }
    }
    example
}

/// Types an optional member may show in an example without making it long.
fn simple(ty: &Ty) -> bool {
    match &ty.kind {
        TyKind::String | TyKind::Bool | TyKind::Integer | TyKind::Long => true,
        TyKind::Named { kind, .. } => matches!(kind, NamedKind::Enum | NamedKind::IntEnum),
        TyKind::Map { key, value } => simple(key) && simple(value),
        _ => false,
    }
}

struct Values<'a> {
    service: &'a Service,
    types: &'a str,
}

impl Values<'_> {
    /// The arguments of the builder's setter: one item for a list (the setter appends), a key
    /// and a value for a map (the setter inserts), else the value.
    fn setter_args(&self, m: &Member) -> Option<String> {
        let hint = hint(m, &m.ty);
        match &m.ty.kind {
            TyKind::List(item) => {
                let min = m.ty.constraints.length.as_ref().and_then(|l| l.min).unwrap_or(0);
                (min <= 1).then_some(())?;
                self.value(item, &hint, false, 1)
            }
            TyKind::Map { key, value } => {
                let min = m.ty.constraints.length.as_ref().and_then(|l| l.min).unwrap_or(0);
                (min <= 1).then_some(())?;
                let k = self.value(key, &format!("{hint}-key"), false, 1)?;
                let v = self.value(value, &format!("{hint}-value"), false, 1)?;
                Some(format!("{k}, {v}"))
            }
            _ => self.value(&m.ty, &hint, false, 0),
        }
    }

    /// A Rust expression for a valid value of `ty`; `owned` when it must be the type itself
    /// (inside a `vec!` or a variant) rather than something `Into` it.
    fn value(&self, ty: &Ty, hint: &str, owned: bool, depth: usize) -> Option<String> {
        if depth > MAX_DEPTH {
            return None;
        }
        let types = self.types;
        let value = match &ty.kind {
            TyKind::String => {
                let text = string_value(ty, hint)?;
                if owned {
                    format!("{text:?}.to_string()")
                } else {
                    format!("{text:?}")
                }
            }
            TyKind::Bool => "true".to_string(),
            TyKind::Byte | TyKind::Short | TyKind::Integer | TyKind::Long => integer_value(ty)?.to_string(),
            TyKind::Float | TyKind::Double => format!("{:?}", float_value(ty)?),
            TyKind::Blob => format!("{types}::runtime::Blob::new(b\"example\".to_vec())"),
            TyKind::List(item) => {
                let min = ty.constraints.length.as_ref().and_then(|l| l.min).unwrap_or(1).max(1);
                let item = self.value(item, hint, true, depth + 1)?;
                let items = vec![item; usize::try_from(min).ok().filter(|&n| n <= 3)?];
                format!("vec![{}]", items.join(", "))
            }
            TyKind::Nullable(item) => format!("Some({})", self.value(item, hint, true, depth + 1)?),
            TyKind::Map { key, value } => {
                let key = self.value(key, &format!("{hint}-key"), true, depth + 1)?;
                let value = self.value(value, &format!("{hint}-value"), true, depth + 1)?;
                format!("::std::collections::BTreeMap::from([({key}, {value})])")
            }
            TyKind::Named { name, boxed, .. } => {
                let inner = self.named(name, depth)?;
                if *boxed && owned {
                    format!("Box::new({inner})")
                } else {
                    inner
                }
            }
            TyKind::BigInteger | TyKind::BigDecimal | TyKind::Timestamp(_) | TyKind::Document | TyKind::Unit => {
                return None;
            }
        };
        Some(value)
    }

    fn named(&self, name: &str, depth: usize) -> Option<String> {
        let types = self.types;
        match self.service.types.get(name)? {
            TypeDef::Enum(e) => Some(format!("{types}::{name}::{}", e.variants.first()?.name)),
            TypeDef::Struct(s) => {
                let mut out = format!("{types}::{name}::default()");
                for m in s.members.iter().filter(|m| m.required) {
                    let value = self.value(&m.ty, &hint(m, &m.ty), false, depth + 1)?;
                    out.push_str(&format!(".{}({value})", m.with_setter));
                }
                Some(out)
            }
            TypeDef::Union(u) => u.members.iter().find_map(|m| {
                let value = self.value(&m.ty, &hint(m, &m.ty), true, depth + 1)?;
                Some(format!("{types}::{name}::{}({value})", m.field))
            }),
        }
    }
}

/// A readable base for a string value: the member's target shape when it has a check of its
/// own (`channel_name` -> `my-channel-name`), else the member's name.
fn hint(m: &Member, ty: &Ty) -> String {
    let base = ty.check.as_deref().unwrap_or(&m.wire_name);
    let mut out = String::from("my-");
    for (i, c) in base.chars().enumerate() {
        if c == '_' {
            out.push('-');
        } else if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        }
    }
    out
}

/// The first candidate that, fitted to the length bounds, matches the pattern.
fn string_value(ty: &Ty, hint: &str) -> Option<String> {
    let c = &ty.constraints;
    let (min, max) = match &c.length {
        Some(b) => (b.min.unwrap_or(0), b.max.unwrap_or(u64::MAX)),
        None => (0, u64::MAX),
    };
    let from_pattern = c.pattern.as_ref().and_then(|p| sample(&p.source));
    let candidates = [Some(hint.to_string()), from_pattern, Some("example".to_string())];
    candidates.into_iter().flatten().find_map(|candidate| {
        let fitted = fit(&candidate, min, max)?;
        let matches = match &c.pattern {
            Some(p) => smithy_runtime::Pattern::matches(&p.source, &fitted).ok()?,
            None => true,
        };
        matches.then_some(fitted)
    })
}

/// `text` cut to `max` characters or padded with its last character to `min`.
fn fit(text: &str, min: u64, max: u64) -> Option<String> {
    let (min, max) = (usize::try_from(min).ok()?, usize::try_from(max).unwrap_or(usize::MAX));
    if min > max || min > 4096 {
        return None;
    }
    let mut out: String = text.chars().take(max).collect();
    let pad = out.chars().last().unwrap_or('a');
    while out.chars().count() < min {
        out.push(pad);
    }
    Some(out)
}

fn integer_value(ty: &Ty) -> Option<i64> {
    let (min, max) = match &ty.constraints.range {
        Some(b) => (
            b.min
                .as_ref()
                .map(|n| n.as_f64().map(|f| f.ceil() as i64))
                .unwrap_or(None),
            b.max
                .as_ref()
                .map(|n| n.as_f64().map(|f| f.floor() as i64))
                .unwrap_or(None),
        ),
        None => (None, None),
    };
    let value = min.unwrap_or(1).max(1);
    let value = match max {
        Some(max) if value > max => min.unwrap_or(max),
        _ => value,
    };
    let limit = match ty.kind {
        TyKind::Byte => i64::from(i8::MAX),
        TyKind::Short => i64::from(i16::MAX),
        TyKind::Integer => i64::from(i32::MAX),
        _ => i64::MAX,
    };
    (value.abs() <= limit && max.is_none_or(|max| value <= max)).then_some(value)
}

fn float_value(ty: &Ty) -> Option<f64> {
    let min = ty.constraints.range.as_ref().and_then(|b| b.min.as_ref()?.as_f64());
    let max = ty.constraints.range.as_ref().and_then(|b| b.max.as_ref()?.as_f64());
    let value = min.unwrap_or(1.0).max(1.0);
    let value = match max {
        Some(max) if value > max => min.unwrap_or(max),
        _ => value,
    };
    value.is_finite().then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Bounds, Constraints, PatternRef};

    fn string(length: Option<(u64, u64)>, pattern: Option<&str>) -> Ty {
        Ty {
            kind: TyKind::String,
            constraints: Constraints {
                length: length.map(|(min, max)| Bounds {
                    min: Some(min),
                    max: Some(max),
                }),
                pattern: pattern.map(|p| PatternRef {
                    source: p.to_string(),
                    static_name: "P".to_string(),
                }),
                ..Constraints::default()
            },
            sensitive: false,
            check: None,
        }
    }

    #[test]
    fn strings_fit_length_and_pattern() {
        let arn = "^arn:aws:ivs:[a-z0-9-]+:[0-9]+:channel/[a-zA-Z0-9-]+$";
        let table = [
            (string(None, None), "my-name"),
            (string(Some((0, 4)), None), "my-n"),
            (string(Some((10, 20)), None), "my-nameeee"),
            (string(Some((1, 128)), Some("^[a-zA-Z0-9-_]*$")), "my-name"),
            (
                string(Some((1, 128)), Some(arn)),
                "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCD1234",
            ),
            (string(None, Some("^[0-9]+$")), "123456789012"),
        ];
        for (ty, expected) in table {
            assert_eq!(string_value(&ty, "my-name").as_deref(), Some(expected), "{ty:?}");
        }
    }

    #[test]
    fn impossible_strings_give_none() {
        assert_eq!(string_value(&string(Some((5, 2)), None), "my-name"), None);
        assert_eq!(string_value(&string(None, Some("(?=x)y")), "my-name"), None);
    }

    #[test]
    fn integers_respect_ranges() {
        let ranged = |min: i64, max: i64| Ty {
            kind: TyKind::Integer,
            constraints: Constraints {
                range: Some(Bounds {
                    min: Some(min.into()),
                    max: Some(max.into()),
                }),
                ..Constraints::default()
            },
            sensitive: false,
            check: None,
        };
        assert_eq!(integer_value(&ranged(1, 100)), Some(1));
        assert_eq!(integer_value(&ranged(5, 10)), Some(5));
        assert_eq!(integer_value(&ranged(-10, -5)), Some(-10));
        assert_eq!(integer_value(&ranged(0, 0)), Some(0));
    }
}
