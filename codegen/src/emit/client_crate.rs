//! The client crate: a `Client` with one method per operation, each returning a fluent builder
//! whose `send` validates, signs, sends, retries and decodes through `smithy_runtime::client`.
//! Everything that is not specific to an operation lives in that hand-written runtime.

use super::format::{EmitError, RustFile, doc_attrs, ident, inner_doc_attrs, rust_files};
use super::manifest::{self, CrateManifest};
use super::operation_docs::{self, Side};
use super::rust_types::{Scope, io_type, rust_type_in};
use super::{client_landing, examples, member_docs};
use crate::ir::{Member, Operation, Service, Struct, TyKind};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use std::collections::BTreeMap;

/// Names and paths the client crate needs.
#[derive(Debug, Clone)]
pub struct CrateOptions {
    /// The client crate's package name, e.g. `ivs-client`.
    pub crate_name: String,
    /// The model crate's package name, e.g. `ivs-model`.
    pub model_crate: String,
    /// Path from the crate's folder to the `smithy-runtime` crate.
    pub runtime_path: String,
    /// Package metadata for the manifest.
    pub package: crate::Package,
}

/// Every file of the client crate, by path relative to the crate folder.
pub fn files(service: &Service, options: &CrateOptions) -> Result<BTreeMap<String, String>, EmitError> {
    // Identifiers are built inside each file's function: tokens cannot cross threads.
    let model = options.model_crate.replace('-', "_");
    let krate = options.crate_name.replace('-', "_");
    let (model, krate) = (&model, &krate);
    let mut rust = Vec::new();
    for op in &service.operations {
        let path = format!("src/fluent/{}.rs", op.module);
        rust.push(RustFile::new(path, move || fluent_builder(service, op)));
    }
    rust.push(RustFile::new("src/fluent/mod.rs", || {
        let modules = service.operations.iter().map(|op| {
            let module = ident(&op.module);
            let builder = builder_name(op);
            quote! { mod #module; pub use #module::#builder; }
        });
        quote! {
            #![doc = " One fluent builder per operation: set the input's members, then `send()`."]
            #(#modules)*
        }
    }));
    rust.push(RustFile::new("src/client.rs", || client_rs(service, krate)));
    rust.push(RustFile::new("src/examples.rs", || examples_rs(service)));
    rust.push(RustFile::new("src/lib.rs", || lib_rs(service, &ident(model), krate)));
    let mut files = rust_files(rust)?;
    let crate_manifest = manifest(options);
    files.insert(
        "Cargo.toml".to_string(),
        manifest::cargo_toml(service, &options.package, &crate_manifest),
    );
    files.insert("README.md".to_string(), manifest::readme(service, &crate_manifest));
    Ok(files)
}

/// A test that runs every operation's documented example: the input, built with the very
/// setter chain the docs show, validates and encodes. An example with a required member no
/// valid value could be derived for is expected to fail validation, and says which member.
fn examples_rs(service: &Service) -> TokenStream {
    let checks = service.operations.iter().map(|op| {
        let example = examples::input(service, op, "crate");
        let call = format!("client.{}(){}", op.client_method, example.chain());
        let call: TokenStream = call
            .parse()
            .unwrap_or_else(|_| quote!(compile_error!("unparsable example")));
        let module = ident(&op.module);
        let marker = ident(&op.type_name);
        let missing = example.missing.join(", ");
        quote! { example!(#module::#marker, #missing, #call); }
    });
    let count = service.operations.len();
    quote! {
        #![doc = " Every operation's documented example input validates and encodes."]
        use crate::model;

        #[test]
        fn every_documented_example_validates_and_encodes() {
            let config = crate::Config::builder()
                .region("us-west-2")
                .credentials(crate::Credentials::new("AKID", "SECRET", None, None, "examples"))
                .build()
                .expect("a static configuration");
            let client = crate::Client::new(config);
            let mut failures = Vec::new();
            // One line per operation: its marker, the members without a value, its example.
            macro_rules! example {
                ($marker:path, $missing:literal, $input:expr) => {
                    ::smithy_runtime::client::check_example::<$marker>(&mut failures, $missing, $input.as_input())
                };
            }
            use model::operation::*;
            #(#checks)*
            assert!(failures.is_empty(), "{} of {} examples fail:\n{}", failures.len(), #count, failures.join("\n"));
        }
    }
}

fn builder_name(op: &Operation) -> proc_macro2::Ident {
    format_ident!("{}FluentBuilder", op.type_name)
}

fn lib_rs(service: &Service, model: &proc_macro2::Ident, krate: &str) -> TokenStream {
    let docs = client_landing::lines(service, krate);
    let docs = inner_doc_attrs(&docs);
    quote! {
        #docs
        #![forbid(unsafe_code)]
        #![warn(missing_docs)]

        mod client;
        #[cfg(test)]
        mod examples;
        pub mod fluent;

        pub use client::Client;
        pub use ::#model as model;

        #[allow(unused_imports)]
        use ::smithy_runtime as rt;
        pub use ::#model::*;
        pub use ::smithy_runtime::client::{
            Config, ConfigBuilder, ConfigError, Credentials, Error, Items, Paginator, ProxyConfig, ServiceError,
        };
        /// The `aws-config` crate this client is built with (feature `aws-config`), to load the
        /// `SdkConfig` that [`Client::new`] takes without adding the dependency yourself.
        #[cfg(feature = "aws-config")]
        pub use ::smithy_runtime::client::aws_config;
    }
}

fn client_rs(service: &Service, krate: &str) -> TokenStream {
    let (sdk_id, version) = (&service.sdk_id, &service.version);
    let signing_name = service
        .signing_name
        .clone()
        .unwrap_or_else(|| service.crate_base.clone());
    let prefix = service.endpoint_prefix.clone().unwrap_or_else(|| signing_name.clone());
    let methods = service.operations.iter().map(|op| {
        let method = ident(&op.client_method);
        let builder = builder_name(op);
        let lines = operation_docs::lines(service, op, Side::Client(krate));
        let docs = doc_attrs(&lines);
        quote! {
            #docs
            pub fn #method(&self) -> crate::fluent::#builder {
                crate::fluent::#builder::new(self.handle.clone())
            }
        }
    });
    let title = format!(" A client for {}: one method per operation.", service.title);
    quote! {
        use ::smithy_runtime::client::{Config, ConfigBuilder, ConfigError, Handle, IntoConfig, ServiceInfo};

        /// What the runtime needs to know about the service: how to sign and where to send.
        static SERVICE: ServiceInfo = ServiceInfo {
            sdk_id: #sdk_id,
            signing_name: #signing_name,
            endpoint_prefix: #prefix,
            api_version: #version,
        };

        #[doc = #title]
        ///
        /// Cheap to clone: clones share the configuration and the connection pool.
        #[derive(Clone, Debug)]
        pub struct Client {
            handle: Handle,
        }

        impl Client {
            /// A client with this configuration: a [`Config`], or (feature `sdk-config`, on by
            /// default) an `aws_types::SdkConfig` as `aws_config::load_defaults` returns it, the way
            /// `aws-sdk-*` clients are made. Never fails: settings that cannot work (no region)
            /// make every call fail with [`Error::Config`](crate::Error::Config).
            pub fn new(config: impl IntoConfig) -> Self {
                Client { handle: Handle::new(config.into_config(&SERVICE), &SERVICE) }
            }

            /// A client configured from the environment. With feature `aws-config` (on by
            /// default): `aws-config`'s default chains, as the AWS SDKs read them (profiles with
            /// roles, SSO, `credential_process`, web identity, container credentials, IMDSv2;
            /// the service's endpoint variable; `AWS_MAX_ATTEMPTS`; FIPS and dual-stack). Without
            /// it: region from `AWS_REGION` (or the shared config file), credentials from
            /// `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` or the static keys of the shared files'
            /// `AWS_PROFILE`. Fails only when no region is found.
            pub fn from_env() -> Result<Self, ConfigError> {
                Ok(Self::new(ConfigBuilder::from_env_for(&SERVICE).build()?))
            }

            /// The client's configuration.
            pub fn config(&self) -> &Config {
                self.handle.config()
            }

            #(#methods)*
        }
    }
}

fn fluent_builder(service: &Service, op: &Operation) -> TokenStream {
    let builder = builder_name(op);
    let module = ident(&op.module);
    let marker = ident(&op.type_name);
    let error_enum = ident(&op.error_enum);
    let input_struct = op.input.as_ref().and_then(|n| service.structure(n));
    let input_ty = io_type(op.input.as_ref(), Scope::Outside);
    let output_ty = io_type(op.output.as_ref(), Scope::Outside);
    let setters = input_struct
        .map(|s| s.members.iter().map(|m| member_setters(service, m)))
        .into_iter()
        .flatten();
    // Intra-doc links cannot spell raw identifiers (`r#match`): those link to the client.
    let method = &op.client_method;
    let target = if method.starts_with("r#") {
        "crate::Client".to_string()
    } else {
        format!("crate::Client::{method}")
    };
    let summary = format!(
        " Builds and sends a `{}` request: see [`Client::{}`]({target}).",
        op.name,
        crate::naming::plain(method)
    );
    let pagination = op.pagination.as_ref().and_then(|p| {
        input_struct?;
        let output = op.output.as_ref().and_then(|n| service.structure(n))?;
        Some(paginator(p, output, (&marker, &input_ty, &output_ty)))
    });
    // The methods below other than the member setters are `naming::BUILDER_METHODS`.
    quote! {
        #[allow(unused_imports)]
        use crate::{model, rt};
        use crate::model::operation::#module as op;
        use ::smithy_runtime::client::{Error, Handle};

        #[doc = #summary]
        #[derive(Clone, Debug)]
        pub struct #builder {
            handle: Handle,
            input: #input_ty,
        }

        impl #builder {
            pub(crate) fn new(handle: Handle) -> Self {
                #builder { handle, input: Default::default() }
            }

            /// The input as built so far.
            pub fn as_input(&self) -> &#input_ty {
                &self.input
            }

            /// Replaces the whole input.
            #[must_use]
            pub fn set_input(mut self, input: #input_ty) -> Self {
                self.input = input;
                self
            }

            /// Overrides the client's configuration for this call only (attempts, timeouts,
            /// extra headers): see `CallOptions`.
            #[must_use]
            pub fn customize(mut self, options: ::smithy_runtime::client::CallOptions) -> Self {
                self.handle = self.handle.with_options(options);
                self
            }

            #(#setters)*

            /// Validates the input (unless the configuration turned validation off), then sends
            /// the request, retrying throttling and transient errors, and decodes the response.
            pub async fn send(self) -> Result<#output_ty, Error<op::#error_enum>> {
                self.handle.call::<op::#marker>(&self.input).await
            }

            #pagination
        }
    }
}

fn member_setters(service: &Service, m: &Member) -> TokenStream {
    let field = ident(&m.field);
    let (setter, set) = (ident(&m.builder_setters.0), ident(&m.builder_setters.1));
    let ty = rust_type_in(&m.ty, Scope::Outside);
    let mut docs = first_paragraph(&m.docs);
    if docs.is_empty() {
        docs.push(format!("Sets `{}`.", m.wire_name));
    }
    let note = member_docs::note(service, m, true);
    if !note.is_empty() {
        docs.push(String::new());
        docs.push(note);
    }
    let docs = doc_attrs(&docs);
    let set_doc = format!(" Sets or clears `{}`.", m.wire_name);
    let deprecated = m.deprecated.then(|| quote!(#[deprecated]));
    // Setting a deprecated member is allowed; the builder's own method carries the warning.
    let assign = |statement: TokenStream| {
        if m.deprecated {
            quote!(#[allow(deprecated)] { #statement })
        } else {
            statement
        }
    };
    let push = assign(quote!(self.input.#field.get_or_insert_with(Vec::new).push(item.into());));
    let insert =
        assign(quote!(self.input.#field.get_or_insert_with(Default::default).insert(key.into(), value.into());));
    let set_one = assign(quote!(self.input.#field = Some(value.into());));
    let set_all = assign(quote!(self.input.#field = value;));
    let main = match &m.ty.kind {
        TyKind::List(item) => {
            let item = rust_type_in(item, Scope::Outside);
            quote! {
                #docs
                ///
                /// Appends one item; see the `set_` method to replace the list.
                #deprecated
                #[must_use]
                pub fn #setter(mut self, item: impl Into<#item>) -> Self {
                    #push
                    self
                }
            }
        }
        TyKind::Map { key, value } => {
            let (key, value) = (rust_type_in(key, Scope::Outside), rust_type_in(value, Scope::Outside));
            quote! {
                #docs
                ///
                /// Inserts one entry; see the `set_` method to replace the map.
                #deprecated
                #[must_use]
                pub fn #setter(mut self, key: impl Into<#key>, value: impl Into<#value>) -> Self {
                    #insert
                    self
                }
            }
        }
        _ => quote! {
            #docs
            #deprecated
            #[must_use]
            pub fn #setter(mut self, value: impl Into<#ty>) -> Self {
                #set_one
                self
            }
        },
    };
    quote! {
        #main
        #[doc = #set_doc]
        #deprecated
        #[must_use]
        pub fn #set(mut self, value: Option<#ty>) -> Self {
            #set_all
            self
        }
    }
}

fn first_paragraph(lines: &[String]) -> Vec<String> {
    lines.iter().take_while(|l| !l.is_empty()).cloned().collect()
}

fn paginator(
    p: &crate::ir::Pagination,
    output: &Struct,
    (marker, input_ty, output_ty): (&proc_macro2::Ident, &TokenStream, &TokenStream),
) -> TokenStream {
    let token_in = ident(&p.input_token);
    let token_out = field_path(&p.output_token);
    let items = p.items.as_ref().and_then(|path| {
        let first = path.split('.').next()?;
        let member = output.members.iter().find(|m| m.field == first)?;
        let TyKind::List(item) = &member.ty.kind else {
            return None;
        };
        if path.contains('.') {
            return None;
        }
        let item_ty = rust_type_in(item, Scope::Outside);
        let field = ident(first);
        Some(quote! {
            /// Every item of every page, fetching pages as needed; stops after the first error.
            pub fn into_items(self) -> rt::client::Items<op::#marker, #item_ty> {
                self.into_paginator().items(|output| output.#field.unwrap_or_default())
            }
        })
    });
    let doc = " Every page, following the pagination token; stops on a missing, empty or repeated token, and after the first error.";
    quote! {
        #[doc = #doc]
        pub fn into_paginator(self) -> rt::client::Paginator<op::#marker> {
            rt::client::paginate(
                self.handle,
                self.input,
                |input: &mut #input_ty, token: Option<String>| input.#token_in = token,
                |output: &#output_ty| #token_out,
            )
        }

        #items
    }
}

/// `output.a.clone()`, or `output.a.as_ref().and_then(|x| x.b.clone())` for a dot-separated
/// output path.
fn field_path(path: &str) -> TokenStream {
    let parts: Vec<_> = path.split('.').map(ident).collect();
    match parts.as_slice() {
        [] => quote!(None),
        [only] => quote!(output.#only.clone()),
        [first, middle @ .., last] => {
            let middle = middle.iter().map(|p| quote!(.and_then(|x| x.#p.as_ref())));
            quote!(output.#first.as_ref() #(#middle)* .and_then(|x| x.#last.clone()))
        }
    }
}

/// The client crate's features, forwarded to the runtime: the `aws-config` integration is
/// on by default, as in `aws-sdk-*`; `default-features = false` leaves a lean client that
/// reads the environment and static profile keys itself. `native-roots` is off by default, so
/// that trust is the same on every machine unless asked.
const FEATURES: &str = "\n[features]\ndefault = [\"aws-config\"]\n\
# `Client::new(&aws_types::SdkConfig)`.\n\
sdk-config = [\"smithy-runtime/sdk-config\"]\n\
# `Client::from_env` through aws-config's default chains (roles, SSO, credential_process, web identity, containers, IMDS).\n\
aws-config = [\"smithy-runtime/aws-config\"]\n\
# Trust the operating system's certificate store too, besides Mozilla's roots.\n\
native-roots = [\"smithy-runtime/native-roots\"]\n";

fn manifest(options: &CrateOptions) -> CrateManifest<'_> {
    CrateManifest {
        name: &options.crate_name,
        role: "the validated client",
        categories: &["api-bindings", "web-programming::http-client"],
        dependencies: format!(
            "[dependencies]\n{model} = {{ path = \"../{model}\", version = \"{version}\" }}\nsmithy-runtime = {{ path = {runtime:?}, version = \"0.1.0\", features = [\"client\"] }}\n{features}",
            model = options.model_crate,
            version = options.package.version,
            runtime = options.runtime_path,
            features = FEATURES,
        ),
    }
}
