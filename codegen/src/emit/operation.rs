//! One module per operation in the model crate: its input and output structures, its marker
//! type (implementing `protocol::Operation`, with the protocol's bindings) and its error enum
//! (the variant list; the runtime's `operation_error!` implements the rest). Read top to bottom,
//! the file is the operation as the model describes it.

use super::format::{docs_or, ident};
use super::rust_types::{Scope, io_type};
use super::{protocol, types, validate};
use crate::ir::{Operation, Service, Struct};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// The tokens of `src/operation/<op>.rs`; `structures` are the operation's own input and
/// output (the types whose home is the operation).
pub fn module(service: &Service, op: &Operation, structures: &[&Struct]) -> TokenStream {
    // The error enum takes its name in this module: a model shape of the same name (IVS has
    // one) is spelled `crate::Name` here.
    let scope = Scope::Model {
        shadowed: Some(&op.error_enum),
    };
    let structures = structures.iter().map(|s| {
        let (t, v) = (types::structure(service, s, scope), validate::structure(s));
        quote!(#t #v)
    });
    let marker = marker(service, op, scope);
    let errors = error_enum(service, op);
    quote! {
        use crate::*;

        #(#structures)*
        #marker
        #errors
    }
}

fn marker(service: &Service, op: &Operation, scope: Scope<'_>) -> TokenStream {
    let marker = ident(&op.type_name);
    let error_enum = ident(&op.error_enum);
    let input = io_type(op.input.as_ref(), scope);
    let output = io_type(op.output.as_ref(), scope);
    let (name, method, uri, idempotent) = (&op.name, &op.http.method, &op.http.uri, op.idempotent);
    let status = Literal::u16_unsuffixed(op.http.code);
    let summary = format!(" The `{name}` operation: `{method} {uri}`.");
    let bindings = protocol::operation_bindings(service, op);
    let (trait_consts, trait_fns) = request_traits(op);
    quote! {
        #[doc = #summary]
        ///
        /// Its input, output and error types, and its HTTP bindings in both directions.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct #marker;

        impl protocol::Operation for #marker {
            const INFO: protocol::OperationInfo = protocol::OperationInfo {
                name: #name, method: #method, uri: #uri, status: #status, idempotent: #idempotent,
            };
            const PROTOCOL: &'static dyn protocol::Protocol = &crate::PROTOCOL;
            #(#trait_consts)*
            type Input = #input;
            type Output = #output;
            type Error = #error_enum;

            #bindings
            #(#trait_fns)*
        }
    }
}

/// The `protocol::Operation` items of the traits that change a request after encoding, each
/// only where the model has it (the trait's defaults say "none"): constants, then functions
/// where a value comes from the input (thin calls into the runtime).
fn request_traits(op: &Operation) -> (Vec<TokenStream>, Vec<TokenStream>) {
    let mut items = Vec::new();
    if let Some(prefix) = &op.host_prefix {
        items.push(quote!(const HOST_PREFIX: &'static str = #prefix;));
    }
    if op.checksum_required {
        items.push(quote!(
            const CHECKSUM_REQUIRED: bool = true;
        ));
    }
    if !op.request_compression.is_empty() {
        let encodings = &op.request_compression;
        items.push(quote!(const REQUEST_COMPRESSION: &'static [&'static str] = &[#(#encodings),*];));
    }
    if op.framework_validation {
        items.push(quote!(
            const VALIDATION: rt::ValidationStyle = rt::ValidationStyle::SmithyFramework;
        ));
    }
    let mut fns = Vec::new();
    if !op.host_labels.is_empty() {
        let labels = op.host_labels.iter().map(|(label, field)| {
            let field = ident(field);
            quote!((#label, input.#field.as_deref()))
        });
        fns.push(quote! {
            fn host_prefix(input: &Self::Input) -> Result<String, EncodeError> {
                protocol::expand_host_prefix(Self::HOST_PREFIX, &[#(#labels),*])
            }
        });
    }
    if let Some(field) = &op.idempotency_token {
        let field = ident(field);
        fns.push(quote! {
            fn with_idempotency_token(input: &Self::Input, token: &dyn Fn() -> String) -> Option<Self::Input> {
                if input.#field.is_some() {
                    return None;
                }
                let mut filled = input.clone();
                filled.#field = Some(token());
                Some(filled)
            }
        });
    }
    (items, fns)
}

/// The operation's error enum: one documented variant per modeled error, and `Unhandled`.
fn error_enum(service: &Service, op: &Operation) -> TokenStream {
    let name = ident(&op.error_enum);
    let doc = format!(
        " Errors of the `{}` operation: those the model lists, and any other.",
        op.name
    );
    let errors: Vec<(&str, Option<&Struct>)> = op.errors.iter().map(|e| (e.as_str(), service.structure(e))).collect();
    let variants = errors.iter().map(|(e, s)| {
        let v = ident(e);
        let docs = docs_or(s.map(|s| s.docs.as_slice()).unwrap_or_default(), || {
            format!("The `{e}` error.")
        });
        quote! { #docs #v(#v), }
    });
    let idents = errors.iter().map(|(e, _)| ident(e));
    quote! {
        #[doc = #doc]
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// An error the model does not list for this operation: its code, message and status.
            Unhandled(protocol::UnhandledError),
        }

        rt::operation_error!(#name, [#(#idents),*]);
    }
}
