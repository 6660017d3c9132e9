//! How IR types are spelled in Rust, and how they travel through serde.

use super::format::ident;
use crate::ir::{Binding, TimestampFormat, Ty, TyKind};
use proc_macro2::TokenStream;
use quote::quote;

/// The Rust type of a value of this IR type (without the `Option` of optional members).
pub fn rust_type(ty: &Ty) -> TokenStream {
    rust_type_in(ty, None)
}

/// The same, with the model's types qualified by `krate` (`::ivs_model::Channel`) when the code
/// lives in another crate.
pub fn rust_type_in(ty: &Ty, krate: Option<&proc_macro2::Ident>) -> TokenStream {
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
        TyKind::Blob => quote!(::smithy_runtime::Blob),
        TyKind::Timestamp(_) => quote!(::smithy_runtime::Timestamp),
        TyKind::Document => quote!(::smithy_runtime::Document),
        TyKind::Unit => quote!(::smithy_runtime::Unit),
        TyKind::Named { name, boxed, .. } => {
            let name = ident(name);
            let path = match krate {
                Some(krate) => quote!(::#krate::#name),
                None => quote!(#name),
            };
            if *boxed { quote!(Box<#path>) } else { path }
        }
        TyKind::List(item) => {
            let item = rust_type_in(item, krate);
            quote!(Vec<#item>)
        }
        TyKind::Map { key, value } => {
            let (key, value) = (rust_type_in(key, krate), rust_type_in(value, krate));
            quote!(::std::collections::BTreeMap<#key, #value>)
        }
    }
}

/// The serde `with` module for a timestamp format.
pub fn timestamp_module(format: TimestampFormat) -> &'static str {
    match format {
        TimestampFormat::EpochSeconds => "::smithy_runtime::timestamp::epoch_seconds",
        TimestampFormat::DateTime => "::smithy_runtime::timestamp::date_time",
        TimestampFormat::HttpDate => "::smithy_runtime::timestamp::http_date",
    }
}

/// The same module as a path, for calling its `format`, `parse` or `Formatted` in code.
pub fn timestamp_path(format: TimestampFormat) -> TokenStream {
    match format {
        TimestampFormat::EpochSeconds => quote!(::smithy_runtime::timestamp::epoch_seconds),
        TimestampFormat::DateTime => quote!(::smithy_runtime::timestamp::date_time),
        TimestampFormat::HttpDate => quote!(::smithy_runtime::timestamp::http_date),
    }
}

/// An operation's input or output type: the named structure (qualified by `krate` when the
/// code lives outside the model crate), or the runtime's `Unit` when the model says `Unit`.
pub fn io_type(name: Option<&String>, krate: Option<&proc_macro2::Ident>) -> TokenStream {
    match (name, krate) {
        (None, _) => quote!(::smithy_runtime::Unit),
        (Some(name), None) => {
            let name = ident(name);
            quote!(#name)
        }
        (Some(name), Some(krate)) => {
            let name = ident(name);
            quote!(::#krate::#name)
        }
    }
}

/// Serde attributes for an optional structure member: body members by wire name, members
/// bound elsewhere in HTTP skipped (the body document never carries them).
pub fn member_serde_attrs(wire_name: &str, ty: &Ty, binding: &Binding) -> TokenStream {
    if *binding != Binding::Body {
        return quote!(#[serde(skip)]);
    }
    match &ty.kind {
        TyKind::Timestamp(format) => serde_with(wire_name, *format, "option"),
        TyKind::List(item) => match item.kind {
            TyKind::Timestamp(format) => serde_with(wire_name, format, "list"),
            _ => quote!(#[serde(rename = #wire_name, default, skip_serializing_if = "Option::is_none")]),
        },
        TyKind::Map { value, .. } => match value.kind {
            TyKind::Timestamp(format) => serde_with(wire_name, format, "map"),
            _ => quote!(#[serde(rename = #wire_name, default, skip_serializing_if = "Option::is_none")]),
        },
        _ => quote!(#[serde(rename = #wire_name, default, skip_serializing_if = "Option::is_none")]),
    }
}

/// The attributes of an optional member whose timestamps use the format's `module`
/// (`option`, `list` or `map`).
fn serde_with(wire_name: &str, format: TimestampFormat, module: &str) -> TokenStream {
    let with = format!("{}::{module}", timestamp_module(format));
    quote!(#[serde(rename = #wire_name, default, skip_serializing_if = "Option::is_none", with = #with)])
}

/// Whether a value of this type must be redacted in `Debug`: sensitive itself, or holding
/// sensitive items. Generated types redact their own sensitive content.
pub fn redacted(ty: &Ty) -> bool {
    ty.sensitive
        || match &ty.kind {
            TyKind::List(item) => redacted(item),
            TyKind::Map { key, value } => redacted(key) || redacted(value),
            _ => false,
        }
}
