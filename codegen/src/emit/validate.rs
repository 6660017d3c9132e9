//! `Validate` impls: one declarative call into the runtime per constraint.
//!
//! Members are visited in model order; every violation is recorded (nothing stops at the
//! first), at a JSON-pointer path made of wire names, list indexes and map keys.

use super::format::ident;
use super::rust_types::rust_type;
use crate::ir::{Bounds, Member, NamedKind, Service, Struct, Ty, TyKind, Union};
use proc_macro2::{Literal, TokenStream};
use quote::quote;
use std::collections::BTreeMap;

/// `impl Validate` for a structure.
pub fn structure(s: &Struct) -> TokenStream {
    let name = ident(&s.name);
    let members: Vec<TokenStream> = s.members.iter().filter_map(member_check).collect();
    let param = if members.is_empty() { quote!(_v) } else { quote!(v) };
    let allow = super::types::allow_deprecated(&s.members);
    quote! {
        #allow
        impl Validate for #name {
            fn validate_into(&self, #param: &mut rt::Validator) { #(#members)* }
        }
    }
}

/// `impl Validate` for a union: the set variant is checked at its member's path.
pub fn union(u: &Union) -> TokenStream {
    let name = ident(&u.name);
    let arms = u.members.iter().map(|m| {
        let variant = ident(&m.field);
        let wire = &m.wire_name;
        let checks = checks(&m.ty, &quote!(x));
        if checks.is_empty() {
            quote!(Self::#variant(_) => {})
        } else {
            quote!(Self::#variant(x) => v.member(#wire, Some(x), false, |v, x| { #(#checks)* }),)
        }
    });
    quote! {
        impl Validate for #name {
            #[allow(unused_variables)]
            fn validate_into(&self, v: &mut rt::Validator) {
                match self {
                    #(#arms)*
                    Self::Unknown(member) => v.unknown_union_member(member),
                }
            }
        }
    }
}

/// The check of one member, or nothing when the member is unconstrained and optional. A
/// member checked by one shared check function passes that function itself; a structure or
/// union checks itself.
fn member_check(m: &Member) -> Option<TokenStream> {
    let field = ident(&m.field);
    let wire = &m.wire_name;
    let required = m.required;
    let checks = checks(&m.ty, &quote!(x));
    if checks.is_empty() && !required {
        return None;
    }
    // Strings and lists are checked as `&str` and `&[T]`, like the shared check functions take them.
    let borrowed = match &m.ty.kind {
        TyKind::String | TyKind::List(_) | TyKind::Named { boxed: true, .. } => quote!(self.#field.as_deref()),
        _ => quote!(self.#field.as_ref()),
    };
    let check = match (&m.ty.check, &m.ty.kind) {
        _ if checks.is_empty() => quote!(|_, _| {}),
        (Some(name), _) => {
            let name = ident(name);
            quote!(checks::#name)
        }
        (
            None,
            TyKind::Named {
                kind: NamedKind::Struct | NamedKind::Union,
                ..
            },
        ) => quote!(|v, x| x.validate_into(v)),
        _ => quote!(|v, x| { #(#checks)* }),
    };
    Some(quote!(v.member(#wire, #borrowed, #required, #check);))
}

/// The checks of a value `x: &T` of this type: a call to the target shape's shared check
/// function when it has one, else the checks themselves.
fn checks(ty: &Ty, x: &TokenStream) -> Vec<TokenStream> {
    match &ty.check {
        Some(name) if !inline_checks(ty, &quote!(x)).is_empty() => {
            let name = ident(name);
            vec![quote!(checks::#name(v, #x);)]
        }
        Some(_) => Vec::new(),
        None => inline_checks(ty, x),
    }
}

/// `src/checks.rs`: one function per constrained model shape, shared by every member that
/// uses the shape as declared, so a constraint lives in one place of the generated code.
pub fn check_functions(service: &Service) -> TokenStream {
    let mut found: BTreeMap<&str, &Ty> = BTreeMap::new();
    for ty in service.member_types() {
        if let Some(name) = &ty.check {
            found.entry(name.as_str()).or_insert(ty);
        }
    }
    let functions = found.iter().filter_map(|(name, ty)| {
        let body = inline_checks(ty, &quote!(x));
        if body.is_empty() {
            return None;
        }
        let name = ident(name);
        let param = match &ty.kind {
            TyKind::String => quote!(&str),
            TyKind::List(item) => {
                let item = rust_type(item);
                quote!(&[#item])
            }
            _ => {
                let ty = rust_type(ty);
                quote!(&#ty)
            }
        };
        Some(quote! {
            pub(crate) fn #name(v: &mut rt::Validator, x: #param) { #(#body)* }
        })
    });
    quote! {
        #![doc = " The constraints of each constrained shape of the model, checked in one place."]
        #[allow(unused_imports)]
        use crate::*;
        #(#functions)*
    }
}

/// The checks of a value `x: &T` of this type, one statement each.
fn inline_checks(ty: &Ty, x: &TokenStream) -> Vec<TokenStream> {
    let c = &ty.constraints;
    let mut out = Vec::new();
    let length = c.length.as_ref().map(|b| (opt_u64(b.min), opt_u64(b.max)));
    match &ty.kind {
        TyKind::String => {
            if let Some((min, max)) = length {
                out.push(quote!(v.length_str(#x, #min, #max);));
            }
        }
        TyKind::Blob => {
            if let Some((min, max)) = length {
                out.push(quote!(v.length(#x.as_bytes().len(), #min, #max);));
            }
        }
        TyKind::List(item) => {
            if let Some((min, max)) = length {
                out.push(quote!(v.length(#x.len(), #min, #max);));
            }
            if c.unique_items {
                if hashable(item) {
                    out.push(quote!(v.unique_items_hashed(#x);));
                } else {
                    out.push(quote!(v.unique_items(#x);));
                }
            }
            let item_checks = checks(item, &quote!(x));
            if !item_checks.is_empty() {
                out.push(quote!(v.items(#x.iter(), |v, x| { #(#item_checks)* });));
            }
        }
        TyKind::Map { key, value } => {
            if let Some((min, max)) = length {
                out.push(quote!(v.length(#x.len(), #min, #max);));
            }
            let key_checks = key_checks(key);
            let value_checks = checks(value, &quote!(x));
            if !key_checks.is_empty() || !value_checks.is_empty() {
                // A closure without checks names no parameter, so nothing is unused.
                let key_closure = if key_checks.is_empty() {
                    quote!(|_, _| {})
                } else {
                    quote!(|v, k| { #(#key_checks)* })
                };
                let value_closure = if value_checks.is_empty() {
                    quote!(|_, _| {})
                } else {
                    quote!(|v, x| { #(#value_checks)* })
                };
                out.push(quote!(v.entries(#x.iter(), #key_closure, #value_closure);));
            }
        }
        TyKind::Named { name, kind, .. } => match kind {
            NamedKind::Enum | NamedKind::IntEnum => {
                let name = ident(name);
                out.push(quote!(v.enum_value(#x.is_known(), #name::VALUES);));
            }
            NamedKind::Struct | NamedKind::Union => out.push(quote!(Validate::validate_into(#x, v);)),
        },
        TyKind::Byte | TyKind::Short | TyKind::Integer => {
            if let Some(b) = &c.range {
                let (min, max) = int_bounds(b);
                out.push(quote!(v.range_int(i64::from(*#x), #min, #max);));
            }
        }
        TyKind::Long => {
            if let Some(b) = &c.range {
                let (min, max) = int_bounds(b);
                out.push(quote!(v.range_int(*#x, #min, #max);));
            }
        }
        TyKind::Float => {
            if let Some(b) = &c.range {
                // Compared as f32: a bound written `8.8` must admit the float `8.8`.
                let (min, max) = f32_bounds(b);
                out.push(quote!(v.range_f32(*#x, #min, #max);));
            }
        }
        TyKind::Double => {
            if let Some(b) = &c.range {
                let (min, max) = float_bounds(b);
                out.push(quote!(v.range_float(*#x, #min, #max);));
            }
        }
        TyKind::BigInteger | TyKind::BigDecimal => {
            if let Some(b) = &c.range {
                let (min, max) = float_bounds(b);
                out.push(quote!(v.range_float(#x.as_f64().unwrap_or(f64::NAN), #min, #max);));
            }
        }
        // A null item of a sparse collection has nothing to check; a present one is checked as
        // a dense item would be.
        TyKind::Nullable(item) => {
            let item_checks = checks(item, &quote!(x));
            if !item_checks.is_empty() {
                out.push(quote!(if let Some(x) = #x { #(#item_checks)* }));
            }
        }
        TyKind::Bool | TyKind::Timestamp(_) | TyKind::Document | TyKind::Unit => {}
    }
    if let Some(pattern) = &c.pattern {
        let name = ident(&pattern.static_name);
        let value = match &ty.kind {
            TyKind::Named { .. } => quote!(#x.as_str()),
            _ => quote!(#x),
        };
        out.push(quote!(v.pattern(#value, &patterns::#name);));
    }
    if ty.sensitive && !out.is_empty() {
        // Messages about a secret must not quote it.
        return vec![quote!(v.sensitive(|v| { #(#out)* });)];
    }
    out
}

/// Whether values of this type implement `Hash` + `Eq` (so `@uniqueItems` is checked in one
/// pass): not floats, big numbers, documents, structures or unions, nor what holds them.
fn hashable(ty: &Ty) -> bool {
    match &ty.kind {
        TyKind::String
        | TyKind::Bool
        | TyKind::Byte
        | TyKind::Short
        | TyKind::Integer
        | TyKind::Long
        | TyKind::Blob
        | TyKind::Timestamp(_) => true,
        TyKind::Named { kind, .. } => matches!(kind, NamedKind::Enum | NamedKind::IntEnum),
        TyKind::List(item) | TyKind::Nullable(item) => hashable(item),
        TyKind::Map { key, value } => hashable(key) && hashable(value),
        TyKind::Float | TyKind::Double | TyKind::BigInteger | TyKind::BigDecimal | TyKind::Document | TyKind::Unit => {
            false
        }
    }
}

/// Checks of a map key, which the runtime hands over as `k: &str`.
fn key_checks(key: &Ty) -> Vec<TokenStream> {
    match &key.kind {
        TyKind::Named { name, .. } => {
            let name = ident(name);
            // `from` knows the `@internal` values too, which `VALUES` does not list.
            vec![quote!(v.enum_value(#name::from(k).is_known(), #name::VALUES);)]
        }
        _ => checks(key, &quote!(k)),
    }
}

fn opt_u64(value: Option<u64>) -> TokenStream {
    match value {
        Some(n) => {
            let n = Literal::u64_unsuffixed(n);
            quote!(Some(#n))
        }
        None => quote!(None),
    }
}

fn int_bounds(b: &Bounds<serde_json::Number>) -> (TokenStream, TokenStream) {
    let one = |n: &Option<serde_json::Number>, round_up: bool| match n {
        None => quote!(None),
        Some(n) => {
            let value = n.as_i64().unwrap_or_else(|| {
                let f = n.as_f64().unwrap_or(0.0);
                // A fractional bound on an integer: the nearest integer inside the range.
                (if round_up { f.ceil() } else { f.floor() }) as i64
            });
            let value = Literal::i64_unsuffixed(value);
            quote!(Some(#value))
        }
    };
    (one(&b.min, true), one(&b.max, false))
}

fn f32_bounds(b: &Bounds<serde_json::Number>) -> (TokenStream, TokenStream) {
    let one = |n: &Option<serde_json::Number>| match n.as_ref().and_then(serde_json::Number::as_f64) {
        None => quote!(None),
        // The f32 nearest to the model's number; one past f32's range is infinite (which a
        // literal cannot spell).
        Some(f) => match f as f32 {
            f if f == f32::INFINITY => quote!(Some(f32::INFINITY)),
            f if f == f32::NEG_INFINITY => quote!(Some(f32::NEG_INFINITY)),
            f => {
                let value = Literal::f32_suffixed(f);
                quote!(Some(#value))
            }
        },
    };
    (one(&b.min), one(&b.max))
}

fn float_bounds(b: &Bounds<serde_json::Number>) -> (TokenStream, TokenStream) {
    let one = |n: &Option<serde_json::Number>| match n.as_ref().and_then(serde_json::Number::as_f64) {
        None => quote!(None),
        Some(f) => {
            let value = Literal::f64_suffixed(f);
            quote!(Some(#value))
        }
    };
    (one(&b.min), one(&b.max))
}
