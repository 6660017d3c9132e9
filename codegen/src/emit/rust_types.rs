//! How IR types are spelled in Rust, and how they travel through serde.
//!
//! Generated files name the runtime `rt` (each crate's `lib.rs` imports `::smithy_runtime as
//! rt`), so paths stay short enough that the formatter does not wrap simple calls.

use super::format::ident;
use crate::ir::{Binding, TimestampFormat, Ty, TyKind};
use proc_macro2::TokenStream;
use quote::quote;

/// Where generated code names the model's types from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope<'a> {
    /// The model crate, where every type is in scope by name; `shadowed` is a type whose name
    /// an item of the file itself takes (an operation's error enum may be named like a model
    /// shape), spelled `crate::Name` there.
    Model {
        /// The type the file shadows, if any.
        shadowed: Option<&'a str>,
    },
    /// The client and server crates: through their `model` re-export (`model::Channel`).
    Outside,
}

/// The model crate's scope, with nothing shadowed.
pub const MODEL: Scope<'static> = Scope::Model { shadowed: None };

/// The Rust type of a value of this IR type (without the `Option` of optional members), as
/// the model crate spells it.
pub fn rust_type(ty: &Ty) -> TokenStream {
    rust_type_in(ty, MODEL)
}

/// The Rust type of a value of this IR type, as code in `scope` spells it.
pub fn rust_type_in(ty: &Ty, scope: Scope<'_>) -> TokenStream {
    match &ty.kind {
        TyKind::Bool => quote!(bool),
        TyKind::Byte => quote!(i8),
        TyKind::Short => quote!(i16),
        TyKind::Integer => quote!(i32),
        TyKind::Long => quote!(i64),
        TyKind::Float => quote!(f32),
        TyKind::Double => quote!(f64),
        TyKind::BigInteger | TyKind::BigDecimal => quote!(::serde_json::Number),
        TyKind::String => quote!(String),
        TyKind::Blob => quote!(rt::Blob),
        TyKind::Timestamp(_) => quote!(rt::Timestamp),
        TyKind::Document => quote!(rt::Document),
        TyKind::Unit => quote!(rt::Unit),
        TyKind::Named { name, boxed, .. } => {
            let path = named(name, scope);
            if *boxed { quote!(Box<#path>) } else { path }
        }
        TyKind::List(item) => {
            let item = rust_type_in(item, scope);
            quote!(Vec<#item>)
        }
        TyKind::Nullable(item) => {
            let item = rust_type_in(item, scope);
            quote!(Option<#item>)
        }
        TyKind::Map { key, value } => {
            let (key, value) = (rust_type_in(key, scope), rust_type_in(value, scope));
            quote!(::std::collections::BTreeMap<#key, #value>)
        }
    }
}

/// A generated type's name as code in `scope` spells it.
pub fn named(name: &str, scope: Scope<'_>) -> TokenStream {
    let id = ident(name);
    match scope {
        Scope::Model { shadowed } if shadowed == Some(name) => quote!(crate::#id),
        Scope::Model { .. } => quote!(#id),
        Scope::Outside => quote!(model::#id),
    }
}

/// The serde `with` module for a timestamp format.
pub fn timestamp_module(format: TimestampFormat) -> &'static str {
    match format {
        TimestampFormat::EpochSeconds => "rt::timestamp::epoch_seconds",
        TimestampFormat::DateTime => "rt::timestamp::date_time",
        TimestampFormat::HttpDate => "rt::timestamp::http_date",
    }
}

/// The same module as a path, for calling its `format`, `parse` or `Formatted` in code.
pub fn timestamp_path(format: TimestampFormat) -> TokenStream {
    match format {
        TimestampFormat::EpochSeconds => quote!(rt::timestamp::epoch_seconds),
        TimestampFormat::DateTime => quote!(rt::timestamp::date_time),
        TimestampFormat::HttpDate => quote!(rt::timestamp::http_date),
    }
}

/// An operation's input or output type: the named structure as code in `scope` spells it, or
/// the runtime's `Unit` when the model says `Unit`.
pub fn io_type(name: Option<&String>, scope: Scope<'_>) -> TokenStream {
    match name {
        None => quote!(rt::Unit),
        Some(name) => named(name, scope),
    }
}

/// Serde attributes for an optional structure member: body members by wire name, members
/// bound elsewhere in HTTP skipped (the body document never carries them). A missing member
/// decodes as `None`, or, when `filled_default` (the structure has `#[serde(default)]` and a
/// Smithy default for this member), as the structure's `Default` has it.
pub fn member_serde_attrs(wire_name: &str, ty: &Ty, binding: &Binding, filled_default: bool) -> TokenStream {
    if *binding != Binding::Body {
        return quote!(#[serde(skip)]);
    }
    let with = match (serde_adapter(ty), &ty.kind) {
        (Some(adapter), _) => Some(format!("rt::serde_with::As::<Option<{adapter}>>")),
        (None, TyKind::Timestamp(format)) => Some(timestamp_with(*format, "option")),
        (None, TyKind::List(item)) => match item.kind {
            TyKind::Timestamp(format) => Some(timestamp_with(format, "list")),
            _ => None,
        },
        (None, TyKind::Map { value, .. }) => match value.kind {
            TyKind::Timestamp(format) => Some(timestamp_with(format, "map")),
            _ => None,
        },
        _ => None,
    };
    let default = (!filled_default).then(|| quote!(default,));
    let with = with.map(|with| quote!(, with = #with));
    quote!(#[serde(rename = #wire_name, #default skip_serializing_if = "Option::is_none" #with)])
}

/// The `serde_with` adapter type (as Rust source) through which a value of `ty` travels in
/// JSON, when plain serde would get it wrong: floats and doubles (NaN and the infinities are
/// strings), wherever they sit in lists, maps and sparse items. `None` for everything else;
/// timestamps keep their own `with` modules (see [`timestamp_module`]).
pub fn serde_adapter(ty: &Ty) -> Option<String> {
    match &ty.kind {
        TyKind::Float | TyKind::Double => Some("rt::JsonFloat".to_string()),
        TyKind::List(item) => serde_adapter(item).map(|a| format!("Vec<{a}>")),
        TyKind::Nullable(item) => serde_adapter(item).map(|a| format!("Option<{a}>")),
        TyKind::Map { value, .. } => {
            serde_adapter(value).map(|a| format!("::std::collections::BTreeMap<rt::serde_with::Same, {a}>"))
        }
        _ => None,
    }
}

/// The `with` module of an optional member whose timestamps use the format's `module`
/// (`option`, `list` or `map`).
fn timestamp_with(format: TimestampFormat, module: &str) -> String {
    format!("{}::{module}", timestamp_module(format))
}

/// Whether a value of this type must be redacted in `Debug`: sensitive itself, or holding
/// sensitive items. Generated types redact their own sensitive content.
pub fn redacted(ty: &Ty) -> bool {
    ty.sensitive
        || match &ty.kind {
            TyKind::List(item) | TyKind::Nullable(item) => redacted(item),
            TyKind::Map { key, value } => redacted(key) || redacted(value),
            _ => false,
        }
}
