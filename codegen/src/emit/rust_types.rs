//! How IR types are spelled in Rust, and how they travel through serde.

use super::format::ident;
use crate::ir::{Binding, TimestampFormat, Ty, TyKind};
use proc_macro2::TokenStream;
use quote::quote;

/// The Rust type of a value of this IR type (without the `Option` of optional members).
pub fn rust_type(ty: &Ty) -> TokenStream {
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
            if *boxed { quote!(Box<#name>) } else { quote!(#name) }
        }
        TyKind::List(item) => {
            let item = rust_type(item);
            quote!(Vec<#item>)
        }
        TyKind::Map { key, value } => {
            let (key, value) = (rust_type(key), rust_type(value));
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

/// Serde attributes for an optional structure member: body members by wire name, members
/// bound elsewhere in HTTP skipped (the body document never carries them).
pub fn member_serde_attrs(wire_name: &str, ty: &Ty, binding: &Binding) -> TokenStream {
    if *binding != Binding::Body {
        return quote!(#[serde(skip)]);
    }
    match &ty.kind {
        TyKind::Timestamp(format) => {
            let with = format!("{}::option", timestamp_module(*format));
            quote!(#[serde(rename = #wire_name, default, skip_serializing_if = "Option::is_none", with = #with)])
        }
        _ => quote!(#[serde(rename = #wire_name, default, skip_serializing_if = "Option::is_none")]),
    }
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
