//! Type definitions: structures, unions and enums, with serde, `Debug` (sensitive members
//! redacted), chainable setters and error `Display`.

use super::defaults;
use super::format::{doc_attrs, docs_or, ident};
use super::member_docs;
use super::rust_types::{Scope, member_serde_attrs, named, redacted, rust_type_in, serde_adapter, timestamp_path};
use crate::ir::{Enum, EnumValue, Home, Member, Service, Struct, TyKind, Union};
use crate::naming;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// A structure with its impls; member types are spelled for `scope`.
pub fn structure(service: &Service, s: &Struct, scope: Scope<'_>) -> TokenStream {
    let name = ident(&s.name);
    let docs = docs_or(&s.docs, || format!("The `{}` structure.", s.name));
    let fills_defaults = defaults::fills_defaults(s);
    let fields = s.members.iter().map(|m| {
        let field = ident(&m.field);
        let ty = rust_type_in(&m.ty, scope);
        let docs = member_docs(service, s, m);
        let serde = member_serde_attrs(&m.json_name, &m.ty, &m.binding, m.filled_default.is_some());
        let deprecated = m.deprecated.then(|| quote!(#[deprecated]));
        quote! { #docs #deprecated #serde pub #field: Option<#ty>, }
    });
    let sensitive = s.sensitive || s.members.iter().any(|m| redacted(&m.ty));
    let derive_debug = (!sensitive).then(|| quote!(Debug,));
    let debug = sensitive.then(|| debug_impl(s));
    let setters = setters(s, scope);
    let name_str = s.name.as_str();
    let error = s.error.as_ref().map(|e| {
        let message = match &e.message_field {
            Some(field) => {
                let field = ident(field);
                let with_message = format!("{name_str}: {{message}}");
                quote! {
                    match &self.#field {
                        Some(message) => write!(f, #with_message),
                        None => f.write_str(#name_str),
                    }
                }
            }
            None => quote!(f.write_str(#name_str)),
        };
        quote! {
            impl ::std::fmt::Display for #name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result { #message }
            }
            impl ::std::error::Error for #name {}
        }
    });
    // With Smithy defaults, `Default` is written out and serde takes missing members from it.
    let (derive_default, serde_default, default_impl) = if fills_defaults {
        (
            None,
            Some(quote!(#[serde(default)])),
            Some(defaults::default_impl(s, scope)),
        )
    } else {
        (Some(quote!(Default,)), None, None)
    };
    quote! {
        #docs
        #[derive(Clone, #derive_debug #derive_default PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        #serde_default
        #[non_exhaustive]
        pub struct #name { #(#fields)* }
        #default_impl
        #setters
        #debug
        #error
    }
}

/// `#[allow(deprecated)]` for an impl that names these members, when one of them is deprecated.
pub fn allow_deprecated(members: &[Member]) -> TokenStream {
    if members.iter().any(|m| m.deprecated) {
        quote!(#[allow(deprecated)])
    } else {
        TokenStream::new()
    }
}

fn member_docs(service: &Service, s: &Struct, m: &Member) -> TokenStream {
    let mut lines = if m.docs.is_empty() {
        vec![format!("The `{}` member.", m.wire_name)]
    } else {
        m.docs.clone()
    };
    // Inputs, outputs and errors are bound to HTTP; other structures only travel as JSON.
    let top_level = !matches!(s.home, Home::Shared(_));
    let note = member_docs::note(service, m, top_level);
    if !note.is_empty() {
        lines.push(String::new());
        lines.push(note);
    }
    doc_attrs(&lines)
}

/// `with_<field>` setters, so values build in one expression.
fn setters(s: &Struct, scope: Scope<'_>) -> TokenStream {
    let name = ident(&s.name);
    let methods = s.members.iter().map(|m| {
        let field = ident(&m.field);
        let setter = ident(&m.with_setter);
        let doc = format!(" Sets `{}`.", m.wire_name);
        let value = match &m.ty.kind {
            TyKind::Named { name, boxed: true, .. } => {
                let inner = named(name, scope);
                (quote!(impl Into<#inner>), quote!(Box::new(value.into())))
            }
            _ => {
                let ty = rust_type_in(&m.ty, scope);
                (quote!(impl Into<#ty>), quote!(value.into()))
            }
        };
        let (param, store) = value;
        quote! {
            #[doc = #doc]
            #[must_use]
            pub fn #setter(mut self, value: #param) -> Self { self.#field = Some(#store); self }
        }
    });
    if s.members.is_empty() {
        return TokenStream::new();
    }
    let allow = allow_deprecated(&s.members);
    quote! { #allow impl #name { #(#methods)* } }
}

/// `Debug` that shows sensitive members only as present or absent.
fn debug_impl(s: &Struct) -> TokenStream {
    let name = ident(&s.name);
    let name_str = &s.name;
    if s.sensitive {
        // The name goes into the format string: a literal argument is a clippy warning.
        let format = format!("{name_str} {{{{ {{}} }}}}");
        return quote! {
            impl ::std::fmt::Debug for #name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    write!(f, #format, rt::REDACTED)
                }
            }
        };
    }
    let fields = s.members.iter().map(|m| {
        let field = ident(&m.field);
        let label = naming::plain(&m.field);
        if redacted(&m.ty) {
            quote!(.field(#label, &self.#field.as_ref().map(|_| rt::REDACTED)))
        } else {
            quote!(.field(#label, &self.#field))
        }
    });
    let allow = allow_deprecated(&s.members);
    quote! {
        #allow
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#name_str) #(#fields)* .finish()
            }
        }
    }
}

/// A union as a Rust enum. On the wire it is an object with exactly one member; a member
/// this version does not know is kept by name in `Unknown`.
pub fn union(u: &Union, scope: Scope<'_>) -> TokenStream {
    let name = ident(&u.name);
    let docs = docs_or(&u.docs, || {
        format!("The `{}` union: exactly one variant is set.", u.name)
    });
    let variants = u.members.iter().map(|m| {
        let variant = ident(&m.field);
        let ty = rust_type_in(&m.ty, scope);
        let docs = docs_or(&m.docs, || format!("The `{}` member.", m.wire_name));
        quote! { #docs #variant(#ty), }
    });
    let sensitive = u.sensitive || u.members.iter().any(|m| redacted(&m.ty));
    let derive_debug = (!sensitive).then(|| quote!(Debug,));
    let debug = sensitive.then(|| {
        let format = format!("{}({{}})", u.name);
        quote! {
            impl ::std::fmt::Debug for #name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    write!(f, #format, rt::REDACTED)
                }
            }
        }
    });
    let serialize_arms = u.members.iter().map(|m| {
        let variant = ident(&m.field);
        let wire = &m.json_name;
        let value = match (&m.ty.kind, adapter(&m.ty)) {
            (_, Some(adapter)) => {
                let ty = rust_type_in(&m.ty, scope);
                quote!(&rt::serde_with::ser::SerializeAsWrap::<#ty, #adapter>::new(value))
            }
            (TyKind::Timestamp(format), None) => {
                let module = timestamp_path(*format);
                quote!(&#module::Formatted(value))
            }
            _ => quote!(value),
        };
        quote! { Self::#variant(value) => map.serialize_entry(#wire, #value)?, }
    });
    let deserialize_arms = u.members.iter().map(|m| {
        let variant = ident(&m.field);
        let wire = &m.json_name;
        let decode = match (&m.ty.kind, adapter(&m.ty)) {
            (_, Some(adapter)) => {
                let ty = rust_type_in(&m.ty, scope);
                quote!(<rt::serde_with::de::DeserializeAsWrap<#ty, #adapter> as ::serde::Deserialize>::deserialize(value).map(|w| w.into_inner()))
            }
            (TyKind::Timestamp(format), None) => {
                let module = timestamp_path(*format);
                quote!(#module::deserialize(value))
            }
            _ => quote!(::serde::Deserialize::deserialize(value)),
        };
        let decode = match &m.ty.kind {
            TyKind::Named { boxed: true, .. } => quote!(#decode.map(Box::new)),
            _ => decode,
        };
        quote! { #wire => #decode.map(Self::#variant), }
    });
    quote! {
        #docs
        #[derive(Clone, #derive_debug PartialEq)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// A member this version of the crate does not know, by name; its value is dropped.
            Unknown(String),
        }
        #debug
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap;
                let mut map = serializer.serialize_map(Some(1))?;
                match self {
                    #(#serialize_arms)*
                    Self::Unknown(member) => {
                        return Err(::serde::ser::Error::custom(format!("cannot send the unknown union member `{member}`")));
                    }
                }
                map.end()
            }
        }
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let (member, value) = rt::union::one_member(deserializer)?;
                let decoded = match member.as_str() {
                    #(#deserialize_arms)*
                    _ => return rt::union::unknown_member(member).map(Self::Unknown),
                };
                decoded.map_err(::serde::de::Error::custom)
            }
        }
    }
}

/// The `serde_with` adapter of a union variant's value, as a type, when it needs one.
fn adapter(ty: &crate::ir::Ty) -> Option<TokenStream> {
    // The adapter is Rust type syntax built by the generator itself, so it always parses.
    serde_adapter(ty).and_then(|a| a.parse().ok())
}

/// A string or int enum that keeps unknown values (and sends them back unchanged): the enum
/// with its documented variants, and one `rt::string_enum!` / `rt::int_enum!` call pairing
/// each variant with its wire value; the runtime's macro writes the impls.
pub fn enumeration(e: &Enum) -> TokenStream {
    let name = ident(&e.name);
    let docs = docs_or(&e.docs, || format!("The `{}` enum.", e.name));
    let variants: Vec<_> = e.variants.iter().map(|v| ident(&v.name)).collect();
    let variant_docs = e.variants.iter().map(|v| {
        let wire = match &v.value {
            EnumValue::Str(s) => format!("`{s}`"),
            EnumValue::Int(i) => format!("`{i}`"),
        };
        let mut lines = v.docs.clone();
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.push(format!("Wire value: {wire}."));
        doc_attrs(&lines)
    });
    // `@internal` values are paired apart: known, but not listed to callers.
    let pairs = |internal: bool| {
        let pairs: Vec<TokenStream> = e
            .variants
            .iter()
            .filter(|v| v.internal == internal)
            .map(|v| {
                let variant = ident(&v.name);
                let value = match &v.value {
                    EnumValue::Str(s) => Literal::string(s),
                    EnumValue::Int(i) => Literal::i32_unsuffixed(*i),
                };
                quote!(#variant = #value)
            })
            .collect();
        pairs
    };
    let listed = pairs(false);
    let internal = pairs(true);
    let internal = (!internal.is_empty()).then(|| quote!(, internal [#(#internal),*]));
    let (unknown, implement) = if e.int {
        (quote!(i32), quote!(rt::int_enum!))
    } else {
        (quote!(String), quote!(rt::string_enum!))
    };
    quote! {
        #docs
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #name {
            #( #variant_docs #variants, )*
            /// A value this version of the crate does not know, kept exactly as received.
            Unknown(#unknown),
        }
        #implement(#name, [#(#listed),*] #internal);
    }
}
