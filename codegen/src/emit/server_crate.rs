//! The server crate: one trait with an async method per operation (each with a default that
//! answers "not implemented", so a test double implements only what it needs), and a router
//! that hands every request to `smithy_runtime::server`, which routes, decodes, validates and
//! encodes. The generated part is only the trait and the table that ties operations to methods.

use super::format::{EmitError, RustFile, doc_attrs, ident, inner_doc_attrs, rust_files};
use super::manifest::{self, CrateManifest};
use super::operation_docs::{self, Side};
use super::protocol::{self, BodyMedia};
use super::rust_types::{Scope, io_type};
use crate::ir::{Operation, Service};
use crate::naming;
use proc_macro2::{Literal, TokenStream};
use quote::quote;
use std::collections::BTreeMap;

/// Names and paths the server crate needs.
#[derive(Debug, Clone)]
pub struct CrateOptions {
    /// The server crate's package name, e.g. `ivs-server`.
    pub crate_name: String,
    /// The model crate's package name, e.g. `ivs-model`.
    pub model_crate: String,
    /// Path from the crate's folder to the `smithy-runtime` crate.
    pub runtime_path: String,
    /// Package metadata for the manifest.
    pub package: crate::Package,
}

/// Every file of the server crate, by path relative to the crate folder.
pub fn files(service: &Service, options: &CrateOptions) -> Result<BTreeMap<String, String>, EmitError> {
    // Identifiers are built inside each file's function: tokens cannot cross threads.
    let model = options.model_crate.replace('-', "_");
    let krate = options.crate_name.replace('-', "_");
    let (model, krate) = (&model, &krate);
    let mut files = rust_files(vec![
        RustFile::new("src/service.rs", || trait_rs(service)),
        RustFile::new("src/dispatch.rs", || dispatch_rs(service)),
        RustFile::new("src/lib.rs", || lib_rs(service, &ident(model), krate)),
    ])?;
    let crate_manifest = manifest(options);
    files.insert(
        "Cargo.toml".to_string(),
        manifest::cargo_toml(service, &options.package, &crate_manifest),
    );
    files.insert("README.md".to_string(), manifest::readme(service, &crate_manifest));
    Ok(files)
}

/// The trait's name: the service's sdkId as a type name, e.g. `Ivs`.
pub fn trait_name(service: &Service) -> String {
    naming::type_name(&service.sdk_id)
}

/// The marker, input, output and error types of an operation, through the `model` re-export.
fn op_types(op: &Operation) -> (TokenStream, TokenStream, TokenStream, TokenStream) {
    let module = ident(&op.module);
    let marker = ident(&op.type_name);
    let error = ident(&op.error_enum);
    (
        quote!(model::operation::#module::#marker),
        io_type(op.input.as_ref(), Scope::Outside),
        io_type(op.output.as_ref(), Scope::Outside),
        quote!(model::operation::#module::#error),
    )
}

fn trait_rs(service: &Service) -> TokenStream {
    let name = ident(&trait_name(service));
    let methods = service.operations.iter().map(|op| {
        let method = ident(&op.fn_name);
        let (_, input, output, error) = op_types(op);
        let mut lines = operation_docs::lines(service, op, Side::Server);
        lines.push(String::new());
        lines.push(
            "The input arrives validated. Unless implemented, answers 501 `NotImplementedException`.".to_string(),
        );
        let docs = doc_attrs(&lines);
        let op_name = &op.name;
        quote! {
            #docs
            fn #method(
                &self,
                input: #input,
                context: RequestContext,
            ) -> impl Future<Output = Result<#output, #error>> + Send {
                let _ = (input, context);
                async { Err(UnhandledError::not_implemented(#op_name).into()) }
            }
        }
    });
    let doc = format!(" {}: one method per operation.", service.title);
    quote! {
        #[allow(unused_imports)]
        use crate::{model, rt};
        use ::smithy_runtime::protocol::UnhandledError;
        use ::smithy_runtime::server::RequestContext;
        use ::std::future::Future;

        #[doc = #doc]
        ///
        /// Every method has a default that answers 501 `NotImplementedException`, so an
        /// implementation provides only the operations it serves. Inputs arrive decoded and
        /// validated; a returned error is sent with its modeled status and code.
        // Methods are named after the operations (`New` -> `new`, `IntoX` -> `into_x`), not
        // after Rust's conventions for such names.
        #[allow(clippy::wrong_self_convention)]
        pub trait #name: Send + Sync + 'static {
            #(#methods)*
        }
    }
}

fn dispatch_rs(service: &Service) -> TokenStream {
    let name = ident(&trait_name(service));
    let count = Literal::usize_unsuffixed(service.operations.len());
    let infos = service.operations.iter().map(|op| {
        let (marker, ..) = op_types(op);
        quote!(<#marker as Operation>::INFO)
    });
    let arms = service.operations.iter().enumerate().map(|(index, op)| {
        let (marker, ..) = op_types(op);
        let method = ident(&op.fn_name);
        quote! {
            #index => handle::<#marker, _, _>(request, |input, context| self.0.#method(input, context)).await,
        }
    });
    // The operations whose bodies are not the protocol's media type, each way.
    let request_media = media_type_method(
        quote!(request_media_type),
        service
            .operations
            .iter()
            .map(|op| protocol::request_body_media(service, op.input.as_ref().and_then(|n| service.structure(n)))),
    );
    let response_media = media_type_method(
        quote!(response_media_type),
        service
            .operations
            .iter()
            .map(|op| protocol::response_body_media(service, op.output.as_ref().and_then(|n| service.structure(n)))),
    );
    quote! {
        use crate::model;
        use ::smithy_runtime::protocol::{HttpResponse, Operation, OperationInfo, Protocol};
        use ::smithy_runtime::server::{Dispatch, OperationRequest, handle, internal_error};
        use ::std::future::Future;
        use ::std::pin::Pin;

        /// Every operation, in the order `Dispatch::call` numbers them.
        static OPERATIONS: [OperationInfo; #count] = [#(#infos),*];

        /// Ties the router's operation numbers to the trait's methods.
        pub(crate) struct Dispatcher<S>(pub(crate) S);

        impl<S: crate::#name> Dispatch for Dispatcher<S> {
            fn operations(&self) -> &'static [OperationInfo] {
                &OPERATIONS
            }

            fn protocol(&self) -> &'static dyn Protocol {
                &model::PROTOCOL
            }

            fn call(&self, index: usize, request: OperationRequest) -> Pin<Box<dyn Future<Output = HttpResponse> + Send + '_>> {
                Box::pin(async move {
                    match index {
                        #(#arms)*
                        // The router only hands out indexes of `OPERATIONS`.
                        _ => internal_error(self.protocol()),
                    }
                })
            }

            #request_media
            #response_media
        }
    }
}

/// A `Dispatch` media type method (`request_media_type` or `response_media_type`) with one
/// arm per operation (by index) whose body is not the protocol's media type; nothing when
/// there is none (the trait's default answers the protocol's).
fn media_type_method<'a>(method: TokenStream, media: impl Iterator<Item = BodyMedia<'a>>) -> Option<TokenStream> {
    let arms: Vec<TokenStream> = media
        .enumerate()
        .filter_map(|(index, media)| match media {
            BodyMedia::Protocol => None,
            BodyMedia::None => Some(quote!(#index => None,)),
            BodyMedia::Other(media_type) => Some(quote!(#index => Some(#media_type),)),
        })
        .collect();
    (!arms.is_empty()).then(|| {
        quote! {
            fn #method(&self, index: usize) -> Option<&'static str> {
                match index {
                    #(#arms)*
                    _ => Some(self.protocol().media_type()),
                }
            }
        }
    })
}

fn lib_rs(service: &Service, model: &proc_macro2::Ident, krate: &str) -> TokenStream {
    let name = ident(&trait_name(service));
    let trait_str = trait_name(service);
    let example_op = service
        .operations
        .iter()
        .find(|op| op.input.is_some() && op.output.is_some());
    let mut docs = vec![
        format!(
            "A server for {} (API version {}): implement [`{trait_str}`], serve [`router`].",
            service.title, service.version
        ),
        String::new(),
        "The router is an `axum::Router` (so any tower middleware wraps it). It routes each request \
         by method and URI template, decodes the query, headers and JSON body, validates the input \
         against the model (every violation in one `ValidationException`), calls the trait, and \
         encodes the output or error exactly as restJson1 says. Protocol errors (unknown route, \
         wrong method or media type, body too large, bad signature when authentication is on, a \
         panicking handler) get their own status and a JSON body that AWS clients parse."
            .to_string(),
    ];
    if let Some(op) = example_op {
        let (_, input, output, error) = op_types(op);
        // `model::X` as the doc example spells it: through this crate's `model` re-export.
        let plain = |t: TokenStream| {
            let t = t.to_string().replace(' ', "");
            match t.strip_prefix("model::") {
                Some(rest) => format!("{krate}::model::{rest}"),
                None => t,
            }
        };
        docs.extend([
            String::new(),
            "```no_run".to_string(),
            format!("use {krate}::{{{trait_str}, RequestContext, ServerConfig, serve}};"),
            String::new(),
            "struct Demo;".to_string(),
            String::new(),
            format!("impl {trait_str} for Demo {{"),
            format!("    async fn {}(", op.fn_name),
            "        &self,".to_string(),
            format!("        input: {},", plain(input)),
            "        _context: RequestContext,".to_string(),
            format!("    ) -> Result<{}, {}> {{", plain(output), plain(error)),
            "        let _ = input;".to_string(),
            "        Ok(Default::default())".to_string(),
            "    }".to_string(),
            "}".to_string(),
            String::new(),
            "# async fn run() -> std::io::Result<()> {".to_string(),
            "let listener = tokio::net::TcpListener::bind(\"127.0.0.1:8080\").await?;".to_string(),
            "let config = ServerConfig::default();".to_string(),
            "let timeouts = config.timeouts;".to_string(),
            "let stop = std::future::pending::<()>(); // or a signal: serving stops when it resolves".to_string(),
            format!("serve(listener, {krate}::router(Demo, config), timeouts, stop).await"),
            "# }".to_string(),
            "```".to_string(),
        ]);
    }
    let docs = inner_doc_attrs(&docs);
    quote! {
        #docs
        #![forbid(unsafe_code)]
        #![warn(missing_docs)]

        mod dispatch;
        mod service;

        pub use service::#name;
        pub use ::#model as model;
        pub use ::smithy_runtime::server::{Auth, RequestContext, ServerConfig, Timeouts, serve};

        #[allow(unused_imports)]
        use ::smithy_runtime as rt;

        /// The HTTP service for an implementation of the trait: an `axum::Router`, servable with
        /// [`serve`] (timeouts and a bounded graceful shutdown), `axum::serve`, and wrappable in
        /// any tower middleware.
        pub fn router<S: #name>(service: S, config: ServerConfig) -> ::axum::Router {
            ::smithy_runtime::server::router(dispatch::Dispatcher(service), config)
        }
    }
}

fn manifest(options: &CrateOptions) -> CrateManifest<'_> {
    CrateManifest {
        name: &options.crate_name,
        role: "the server trait and router",
        categories: &["api-bindings", "web-programming::http-server"],
        dependencies: format!(
            "[dependencies]\naxum = {{ version = \"0.8\", default-features = false }}\n{model} = {{ path = \"../{model}\", version = \"{version}\" }}\nsmithy-runtime = {{ path = {runtime:?}, version = \"0.1.0\", features = [\"server\"] }}\n\n[dev-dependencies]\naxum = {{ version = \"0.8\", default-features = false, features = [\"http1\", \"tokio\"] }}\ntokio = {{ version = \"1\", features = [\"net\", \"rt\"] }}\n",
            model = options.model_crate,
            version = options.package.version,
            runtime = options.runtime_path,
        ),
    }
}
