//! The model crate: one file per operation (its input and output), per shared shape and per
//! error, a patterns table, `lib.rs` and `Cargo.toml`. Paths are relative to the crate root.

use super::format::{EmitError, HEADER, RustFile, ident, inner_doc_attrs, rust_files};
use super::{bindings, types, validate};
use crate::ir::{Home, Service, TypeDef};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeMap;

/// Where the crate's dependencies come from.
#[derive(Debug, Clone)]
pub struct CrateOptions {
    /// The crate's package name.
    pub crate_name: String,
    /// Path from the crate's folder to the `smithy-runtime` crate.
    pub runtime_path: String,
}

/// Every file of the model crate, by path relative to the crate folder.
pub fn files(service: &Service, options: &CrateOptions) -> Result<BTreeMap<String, String>, EmitError> {
    let mut modules: BTreeMap<&'static str, BTreeMap<String, Vec<&TypeDef>>> = BTreeMap::new();
    for def in service.types.values() {
        let (folder, module) = match def.home() {
            Home::Operation(op) => ("operations", op.clone()),
            Home::Error => ("errors", crate::naming::module_name(def.name())),
            Home::Shared(module) => ("shapes", module.clone()),
        };
        modules.entry(folder).or_default().entry(module).or_default().push(def);
    }
    let mut rust = Vec::new();
    for (folder, entries) in &modules {
        for (module, defs) in entries {
            rust.push(RustFile::new(format!("src/{folder}/{module}.rs"), move || {
                let tokens: TokenStream = defs.iter().map(|def| type_tokens(def)).collect();
                quote! { #[allow(unused_imports)] use crate::*; #tokens }
            }));
        }
        rust.push(RustFile::new(format!("src/{folder}/mod.rs"), || module_index(entries)));
    }
    // Per operation, its marker type and error enum, in a module of their own: an error enum
    // named `{Op}Error` may share its name with a model shape (IVS has one).
    for op in &service.operations {
        let path = format!("src/operation/{}.rs", op.fn_name.trim_start_matches("r#"));
        rust.push(RustFile::new(path, move || {
            let tokens = bindings::operation(service, op);
            quote! { #[allow(unused_imports)] use crate::*; #tokens }
        }));
    }
    rust.push(RustFile::new("src/operation/mod.rs", || operation_index(service)));
    rust.push(RustFile::new("src/patterns.rs", || patterns(service)));
    rust.push(RustFile::new("src/checks.rs", || validate::check_functions(service)));
    let folders: Vec<&str> = modules.keys().copied().collect();
    rust.push(RustFile::new("src/lib.rs", move || lib_rs(service, &folders)));
    let mut files = rust_files(rust)?;
    files.insert("Cargo.toml".to_string(), manifest(service, options));
    Ok(files)
}

fn type_tokens(def: &TypeDef) -> TokenStream {
    match def {
        TypeDef::Struct(s) => {
            let (t, v, b) = (
                types::structure(s),
                validate::structure(s),
                bindings::error_structure(s),
            );
            quote!(#t #v #b)
        }
        TypeDef::Union(u) => {
            let (t, v) = (types::union(u), validate::union(u));
            quote!(#t #v)
        }
        TypeDef::Enum(e) => types::enumeration(e),
    }
}

/// `mod x; pub use x::{A, B};` for each module of a folder.
fn module_index(entries: &BTreeMap<String, Vec<&TypeDef>>) -> TokenStream {
    let items = entries.iter().map(|(module, defs)| {
        let module = ident(module);
        let names = defs.iter().map(|d| ident(d.name()));
        quote! { mod #module; pub use #module::{#(#names),*}; }
    });
    quote!(#(#items)*)
}

/// `pub mod x;` per operation.
fn operation_index(service: &Service) -> TokenStream {
    let modules = service.operations.iter().map(|op| {
        let doc = format!(
            " The `{}` operation: its marker type, error enum and HTTP bindings.",
            op.name
        );
        let module = ident(&op.fn_name);
        quote! { #[doc = #doc] pub mod #module; }
    });
    quote! {
        #![doc = " One module per operation: its marker type (implementing `protocol::Operation`, with the"]
        #![doc = " operation's HTTP bindings in both directions) and its error enum."]
        #(#modules)*
    }
}

fn lib_rs(service: &Service, folders: &[&str]) -> TokenStream {
    let mut docs = vec![format!(
        "Model types of {} (API version {}), with Smithy validation.",
        service.title, service.version
    )];
    docs.push(String::new());
    docs.push(
        "Every structure, union and enum of the model is re-exported here; `Validate::validate` \
         checks a value against the model's constraints and reports every violation."
            .to_string(),
    );
    if !service.docs.is_empty() {
        docs.push(String::new());
        docs.extend(service.docs.iter().cloned());
    }
    let docs = inner_doc_attrs(&docs);
    let folders: Vec<_> = folders.iter().map(|f| ident(f)).collect();
    quote! {
        #docs
        #![forbid(unsafe_code)]
        #![warn(missing_docs)]
        #![allow(clippy::large_enum_variant, clippy::should_implement_trait, clippy::field_reassign_with_default)]

        #( mod #folders; )*
        mod checks;
        pub mod operation;
        mod patterns;

        #( pub use #folders::*; )*
        pub use ::smithy_runtime as runtime;
        pub use ::smithy_runtime::{Validate, ValidationError, Violation};
    }
}

/// One lazily compiled static per declared `@pattern` (lowering gives each a unique name).
fn patterns(service: &Service) -> TokenStream {
    let found: BTreeMap<&str, &str> = service
        .member_types()
        .into_iter()
        .filter_map(|ty| ty.constraints.pattern.as_ref())
        .map(|p| (p.static_name.as_str(), p.source.as_str()))
        .collect();
    let statics = found.iter().map(|(name, source)| {
        let doc = format!(" {}", crate::docs::code_span(source));
        let name = ident(name);
        quote! { #[doc = #doc] pub(crate) static #name: ::smithy_runtime::Pattern = ::smithy_runtime::Pattern::new(#source); }
    });
    quote! {
        #![doc = " Every `@pattern` of the model, compiled once, on first use."]
        #(#statics)*
    }
}

fn manifest(service: &Service, options: &CrateOptions) -> String {
    let description = format!(
        "{} (API {}): model types with Smithy validation",
        service.title, service.version
    );
    format!(
        "{HEADER_TOML}\n[package]\nname = \"{name}\"\nversion = \"0.1.0\"\ndescription = {description:?}\nedition = \"2024\"\nlicense = \"Apache-2.0\"\n\n[dependencies]\nserde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\nsmithy-runtime = {{ path = {runtime:?}, version = \"0.1.0\" }}\n",
        HEADER_TOML = HEADER.replacen("//", "#", 1),
        name = options.crate_name,
        runtime = options.runtime_path,
    )
}
