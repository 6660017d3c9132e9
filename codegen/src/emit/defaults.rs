//! Smithy `@default` values in the generated types.
//!
//! A structure with filled defaults (see `Member::filled_default`) gets a hand-written
//! `Default` that sets them, and `#[serde(default)]` on the container, so a member missing
//! from a JSON document decodes as its default too. Serializing writes what the value holds:
//! a value built from `Default` carries its defaults, so they are sent (the spec says
//! effective defaults SHOULD be serialized), and a member set to `None` on purpose is left
//! out. `@input` structures fill nothing, so a client never sends a default it was not
//! given (the service applies its own).

use super::format::ident;
use super::rust_types::{Scope, named};
use super::types::allow_deprecated;
use crate::ir::{DefaultValue, Struct, Ty, TyKind};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// Whether the structure fills any default (and so gets the `Default` of [`default_impl`]).
pub fn fills_defaults(s: &Struct) -> bool {
    s.members.iter().any(|m| m.filled_default.is_some())
}

/// `impl Default` setting each filled default, every other member `None`.
pub fn default_impl(s: &Struct, scope: Scope<'_>) -> TokenStream {
    let name = ident(&s.name);
    let fields = s.members.iter().map(|m| {
        let field = ident(&m.field);
        match &m.filled_default {
            Some(value) => {
                let value = value_expr(&m.ty, value, scope);
                quote!(#field: Some(#value),)
            }
            None => quote!(#field: None,),
        }
    });
    let allow = allow_deprecated(&s.members);
    quote! {
        #allow
        impl Default for #name {
            /// Every member with a Smithy `@default` set to it, every other member `None`.
            fn default() -> Self {
                Self { #(#fields)* }
            }
        }
    }
}

/// The Rust expression of a default of type `ty` (lowering checked that it fits).
pub fn value_expr(ty: &Ty, value: &DefaultValue, scope: Scope<'_>) -> TokenStream {
    match value {
        DefaultValue::Bool(b) => quote!(#b),
        // Unsuffixed: the field's type picks the width, and lowering checked the range.
        DefaultValue::Int(n) => {
            let n = Literal::i64_unsuffixed(*n);
            quote!(#n)
        }
        DefaultValue::Float(f) => float_literal(ty, *f),
        DefaultValue::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => quote!(::serde_json::Number::from(#i)),
            (None, Some(f)) => {
                let f = Literal::f64_suffixed(f);
                quote!(::serde_json::Number::from_f64(#f).unwrap_or_else(|| ::serde_json::Number::from(0)))
            }
            (None, None) => quote!(::serde_json::Number::from(0)),
        },
        DefaultValue::String(s) => quote!(String::from(#s)),
        DefaultValue::Bytes(bytes) => {
            let bytes = Literal::byte_string(bytes);
            quote!(rt::Blob::new(#bytes.to_vec()))
        }
        DefaultValue::EpochNanos(nanos) => {
            quote!(rt::time::OffsetDateTime::UNIX_EPOCH.saturating_add(rt::time::Duration::nanoseconds(#nanos)))
        }
        DefaultValue::Document(document) => document_expr(document),
        DefaultValue::Enum(v) => {
            let ty = enum_type(ty, scope);
            quote!(#ty::from(#v))
        }
        DefaultValue::IntEnum(v) => {
            let ty = enum_type(ty, scope);
            quote!(#ty::from(#v))
        }
        DefaultValue::EmptyList => quote!(Vec::new()),
        DefaultValue::EmptyMap => quote!(::std::collections::BTreeMap::new()),
    }
}

fn float_literal(ty: &Ty, f: f64) -> TokenStream {
    // Narrowing to f32 is what a `float` member holds; the model's text is a decimal anyway.
    #[allow(clippy::cast_possible_truncation)]
    let literal = match ty.kind {
        TyKind::Float => Literal::f32_unsuffixed(f as f32),
        _ => Literal::f64_unsuffixed(f),
    };
    quote!(#literal)
}

fn enum_type(ty: &Ty, scope: Scope<'_>) -> TokenStream {
    match &ty.kind {
        TyKind::Named { name, .. } => named(name, scope),
        // Lowering gives enum defaults to enum members only.
        _ => quote!(String),
    }
}

/// A document default: a scalar, `[]` or `{}` (lowering refuses anything else).
fn document_expr(document: &serde_json::Value) -> TokenStream {
    use serde_json::Value;
    match document {
        Value::Bool(b) => quote!(::serde_json::Value::Bool(#b)),
        Value::String(s) => quote!(::serde_json::Value::String(String::from(#s))),
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => quote!(::serde_json::Value::from(#i)),
            (None, Some(f)) => quote!(::serde_json::Value::from(#f)),
            (None, None) => quote!(::serde_json::Value::Null),
        },
        Value::Array(_) => quote!(::serde_json::Value::Array(Vec::new())),
        Value::Object(_) => quote!(::serde_json::Value::Object(::serde_json::Map::new())),
        Value::Null => quote!(::serde_json::Value::Null),
    }
}
