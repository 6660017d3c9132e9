//! The model crate: one module per operation (`operation/`: its input and output, bindings and
//! errors), one file per shared shape and per error, the shared checks and patterns, `lib.rs`
//! and `Cargo.toml`. Paths are relative to the crate root.

use super::format::{EmitError, RustFile, ident, inner_doc_attrs, rust_files};
use super::manifest::{self, CrateManifest};
use super::rust_types::MODEL;
use super::{operation, protocol, types, validate};
use crate::ir::{Home, Service, Struct, TypeDef};
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
    /// Package metadata for the manifest.
    pub package: crate::Package,
}

/// Every file of the model crate, by path relative to the crate folder.
pub fn files(service: &Service, options: &CrateOptions) -> Result<BTreeMap<String, String>, EmitError> {
    let mut modules: BTreeMap<&'static str, BTreeMap<String, Vec<&TypeDef>>> = BTreeMap::new();
    // Each operation's input and output, by the operation's module: looked up once per
    // operation (a scan of every type per operation is quadratic on large models).
    let mut io: BTreeMap<&str, Vec<&Struct>> = BTreeMap::new();
    for def in service.types.values() {
        let (folder, module) = match def.home() {
            // Emitted in the operation's own module, below.
            Home::Operation(op) => {
                if let TypeDef::Struct(s) = def {
                    io.entry(op.as_str()).or_default().push(s);
                }
                continue;
            }
            Home::Error => ("errors", crate::naming::module_name(def.name())),
            Home::Shared(module) => ("shapes", module.clone()),
        };
        modules.entry(folder).or_default().entry(module).or_default().push(def);
    }
    let mut rust = Vec::new();
    for (folder, entries) in &modules {
        for (module, defs) in entries {
            rust.push(RustFile::new(format!("src/{folder}/{module}.rs"), move || {
                let tokens: TokenStream = defs.iter().map(|def| type_tokens(service, def)).collect();
                // Every type's impls name the runtime or `Validate`: the import is always used.
                quote! { use crate::*; #tokens }
            }));
        }
        rust.push(RustFile::new(format!("src/{folder}/mod.rs"), || module_index(entries)));
    }
    // Per operation, a module of its own: its error enum, named `{Op}Error`, may share its
    // name with a model shape (IVS has one), so it is not re-exported at the root.
    for op in &service.operations {
        let path = format!("src/operation/{}.rs", op.module);
        let structures = io.get(op.module.as_str()).cloned().unwrap_or_default();
        rust.push(RustFile::new(path, move || operation::module(service, op, &structures)));
    }
    rust.push(RustFile::new("src/operation/mod.rs", || operation_index(service)));
    rust.push(RustFile::new("src/patterns.rs", || patterns(service)));
    rust.push(RustFile::new("src/checks.rs", || validate::check_functions(service)));
    let folders: Vec<&str> = modules.keys().copied().collect();
    let io = &io;
    rust.push(RustFile::new("src/lib.rs", move || lib_rs(service, &folders, io)));
    let mut files = rust_files(rust)?;
    let crate_manifest = manifest(options);
    files.insert(
        "Cargo.toml".to_string(),
        manifest::cargo_toml(service, &options.package, &crate_manifest),
    );
    files.insert("README.md".to_string(), manifest::readme(service, &crate_manifest));
    Ok(files)
}

fn type_tokens(service: &Service, def: &TypeDef) -> TokenStream {
    match def {
        TypeDef::Struct(s) => {
            let (t, v, b) = (
                types::structure(service, s, MODEL),
                validate::structure(s),
                protocol::error_structure(service, s),
            );
            quote!(#t #v #b)
        }
        TypeDef::Union(u) => {
            let (t, v) = (types::union(u, MODEL), validate::union(u));
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
            " The `{}` operation: its input and output, marker type, HTTP bindings and error enum.",
            op.name
        );
        let module = ident(&op.module);
        quote! { #[doc = #doc] pub mod #module; }
    });
    quote! {
        #![doc = " One module per operation: its input and output structures (also re-exported at the"]
        #![doc = " crate root), its marker type (implementing `protocol::Operation`, with the operation's"]
        #![doc = " HTTP bindings in both directions) and its error enum."]
        #(#modules)*
    }
}

fn lib_rs(service: &Service, folders: &[&str], io: &BTreeMap<&str, Vec<&Struct>>) -> TokenStream {
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
    docs.push(String::new());
    docs.push(
        "Structures, unions, enums and operation error enums are `#[non_exhaustive]`, so that a new \
         member, enum value or error is a minor version: build a structure with `Default` and its \
         `with_<member>` setters (its fields are public, to read and assign), and give a `match` on \
         an enum a wildcard arm."
            .to_string(),
    );
    if !service.docs.is_empty() {
        docs.push(String::new());
        docs.extend(service.docs.iter().cloned());
    }
    let docs = inner_doc_attrs(&docs);
    let folders: Vec<_> = folders.iter().map(|f| ident(f)).collect();
    // The operations' inputs and outputs, re-exported at the root like every other type.
    let io = service.operations.iter().filter_map(|op| {
        let module = ident(&op.module);
        let names: Vec<_> = io
            .get(op.module.as_str())
            .into_iter()
            .flatten()
            .map(|s| ident(&s.name))
            .collect();
        (!names.is_empty()).then(|| quote!(#module::{#(#names),*}))
    });
    let protocol_items = protocol::crate_items(service);
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
        pub use operation::{#(#io),*};
        pub use ::smithy_runtime as runtime;
        pub use ::smithy_runtime::{Validate, ValidationError, Violation};

        // Short names for every generated file (`use crate::*`): the runtime, and the modules
        // of it that bindings use.
        #[allow(unused_imports)]
        use ::smithy_runtime::{self as rt, http, protocol};
        #[allow(unused_imports)]
        use ::smithy_runtime::protocol::{DecodeError, EncodeError, HttpRequest, HttpResponse};

        #protocol_items
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
        quote! { #[doc = #doc] pub(crate) static #name: rt::Pattern = rt::Pattern::new(#source); }
    });
    quote! {
        #![doc = " Every `@pattern` of the model, compiled once, on first use."]
        #[allow(unused_imports)]
        use crate::*;
        #(#statics)*
    }
}

fn manifest(options: &CrateOptions) -> CrateManifest<'_> {
    CrateManifest {
        name: &options.crate_name,
        role: "model types with Smithy validation",
        categories: &["api-bindings"],
        dependencies: format!(
            "[dependencies]\nserde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\nsmithy-runtime = {{ path = {runtime:?}, version = \"0.1.0\" }}\n",
            runtime = options.runtime_path,
        ),
    }
}
