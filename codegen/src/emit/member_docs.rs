//! What a member's docs say beside its description, in words: required, constraints
//! (`Length: 1 to 128 characters.`), default, sensitive, and where it travels on the wire.
//! One line per member, so the generated crates stay short; the crate docs explain the rest.

use crate::docs::code_span;
use crate::ir::{Binding, Member, NamedKind, Service, Ty, TyKind, TypeDef};

/// At most this many enum values are spelled out; more are left to the enum's own page.
const MAX_ENUM_VALUES: usize = 8;

/// The member's one-line note, e.g. ``Required. Length: 1 to 128 characters. JSON key `name`.``
pub fn note(service: &Service, m: &Member, top_level: bool) -> String {
    let mut parts = Vec::new();
    if m.required {
        parts.push("Required.".to_string());
    }
    parts.extend(constraints(service, &m.ty));
    if let Some(default) = &m.default {
        parts.push(format!("Default: {}.", code_span(&default.to_string())));
    }
    if m.ty.sensitive {
        parts.push("Sensitive: redacted in `Debug`.".to_string());
    }
    if top_level {
        parts.push(format!("{}.", capitalized(&binding(m))));
    } else if m.json_name != m.field {
        parts.push(format!("JSON key {}.", code_span(&m.json_name)));
    }
    parts.join(" ")
}

/// The constraints on a value of `ty` as sentences (`Length: ...`, `Pattern: ...`, `Range:
/// ...`, `One of: ...`, `Unique items.`), and those of its list items or map values.
pub fn constraints(service: &Service, ty: &Ty) -> Vec<String> {
    let c = &ty.constraints;
    let mut out = Vec::new();
    if let Some(length) = &c.length {
        let unit = match &ty.kind {
            TyKind::String => "characters",
            TyKind::Blob => "bytes",
            TyKind::Map { .. } => "entries",
            _ => "items",
        };
        let words = match (length.min, length.max) {
            (Some(min), Some(max)) if min == max => format!("exactly {min}"),
            (Some(min), Some(max)) => format!("{min} to {max}"),
            (Some(min), None) => format!("at least {min}"),
            (None, Some(max)) => format!("at most {max}"),
            (None, None) => String::new(),
        };
        if !words.is_empty() {
            out.push(format!("Length: {words} {unit}."));
        }
    }
    if let Some(range) = &c.range {
        let words = match (&range.min, &range.max) {
            (Some(min), Some(max)) => format!("{min} to {max}"),
            (Some(min), None) => format!("at least {min}"),
            (None, Some(max)) => format!("at most {max}"),
            (None, None) => String::new(),
        };
        if !words.is_empty() {
            out.push(format!("Range: {words}."));
        }
    }
    if let Some(pattern) = &c.pattern {
        out.push(format!("Pattern: {}.", code_span(&pattern.source)));
    }
    if c.unique_items {
        out.push("Unique items.".to_string());
    }
    match &ty.kind {
        TyKind::Named {
            name,
            kind: NamedKind::Enum | NamedKind::IntEnum,
            ..
        } => {
            if let Some(TypeDef::Enum(e)) = service.types.get(name) {
                let values: Vec<String> = e
                    .variants
                    .iter()
                    .take(MAX_ENUM_VALUES)
                    .map(|v| match &v.value {
                        crate::ir::EnumValue::Str(s) => code_span(s),
                        crate::ir::EnumValue::Int(i) => format!("`{i}`"),
                    })
                    .collect();
                let more = if e.variants.len() > MAX_ENUM_VALUES {
                    ", ..."
                } else {
                    ""
                };
                if !values.is_empty() {
                    out.push(format!("One of: {}{more}.", values.join(", ")));
                }
            }
        }
        TyKind::Nullable(item) => out.extend(constraints(service, item)),
        TyKind::List(item) => {
            out.extend(
                constraints(service, item)
                    .into_iter()
                    .map(|s| format!("Each item: {s}")),
            );
        }
        TyKind::Map { key, value } => {
            out.extend(constraints(service, key).into_iter().map(|s| format!("Each key: {s}")));
            out.extend(
                constraints(service, value)
                    .into_iter()
                    .map(|s| format!("Each value: {s}")),
            );
        }
        _ => {}
    }
    out
}

/// Where a top-level member travels, e.g. ``JSON key `name` `` or ``header `x-amz-id` ``.
pub fn binding(m: &Member) -> String {
    match &m.binding {
        Binding::Body => format!("JSON key {}", code_span(&m.json_name)),
        Binding::Label => format!("URI label {}", code_span(&format!("{{{}}}", m.wire_name))),
        Binding::Query(name) => format!("query parameter {}", code_span(name)),
        Binding::QueryParams => "other query parameters".to_string(),
        Binding::Header(name) => format!("header {}", code_span(name)),
        Binding::PrefixHeaders(prefix) => format!("headers {}", code_span(&format!("{prefix}*"))),
        Binding::Payload => "the whole body".to_string(),
        Binding::ResponseCode => "the HTTP status code".to_string(),
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
