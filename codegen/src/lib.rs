//! A Smithy-to-Rust code generator, as a pure library: model text in, file contents out.
//!
//! The pipeline has three layers. [`loader`] reads Smithy JSON AST files ([`ast`]) and Smithy
//! IDL files ([`idl`]) into one
//! resolved model; [`lower`] turns it into our own IR ([`ir`]), checking it and naming
//! everything once ([`naming`], [`docs`]); [`emit`] turns the IR into files. Nothing here
//! touches the file system: the `xtask` driver reads the model and writes the files.

pub mod ast;
pub mod compliance;
pub mod docs;
pub mod emit;
pub mod error;
pub mod idl;
pub mod ir;
pub mod loader;
pub mod lower;
pub mod naming;
pub mod prelude;

pub use error::{ModelError, ModelErrors};
pub use loader::ModelSource;

use std::collections::BTreeMap;

/// What to generate, besides the model.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The service to generate (absolute id or name); optional when the model has one.
    pub service: Option<String>,
    /// Path from the output folder to the `smithy-runtime` crate, as written in manifests.
    pub runtime_path: String,
    /// Operations to leave out (absolute ids or bare names), e.g. those using event streams.
    pub exclude_operations: Vec<String>,
    /// Package metadata for the generated crates' manifests.
    pub package: Package,
}

/// Package metadata written into every generated crate's manifest. The default suits crates
/// generated for a model of one's own: no license claimed and `publish = false`, so that
/// nothing reaches crates.io before its owner decides so.
#[derive(Debug, Clone)]
pub struct Package {
    /// The crates' version.
    pub version: String,
    /// SPDX license expression, if any.
    pub license: Option<String>,
    /// The minimum supported Rust version (at least the runtime's).
    pub rust_version: Option<String>,
    /// Where the crates' source lives.
    pub repository: Option<String>,
    /// Whether `cargo publish` may publish them.
    pub publish: bool,
}

impl Default for Package {
    fn default() -> Self {
        Package {
            version: "0.1.0".to_string(),
            license: None,
            rust_version: None,
            repository: None,
            publish: false,
        }
    }
}

/// The generated files and the IR they came from.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The lowered service.
    pub service: ir::Service,
    /// File contents by path relative to the output folder, e.g. `ivs-model/src/lib.rs`.
    pub files: BTreeMap<String, String>,
}

/// Why generation failed.
#[derive(Debug)]
pub enum GenerateError {
    /// The model has problems: all of them.
    Model(ModelErrors),
    /// The generator produced invalid Rust: a bug in the generator.
    Emit(emit::format::EmitError),
}

impl std::fmt::Display for GenerateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GenerateError::Model(e) => e.fmt(f),
            GenerateError::Emit(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for GenerateError {}

/// Loads and checks the model, lowers it, and emits every crate.
pub fn generate(sources: &[ModelSource], options: &Options) -> Result<Generated, GenerateError> {
    let model = loader::load(sources).map_err(|e| GenerateError::Model(ModelErrors(e)))?;
    let service = lower::lower_excluding(&model, options.service.as_deref(), &options.exclude_operations)
        .map_err(|e| GenerateError::Model(ModelErrors(e)))?;
    let files = emit_crates(&service, options).map_err(GenerateError::Emit)?;
    Ok(Generated { service, files })
}

/// Emits the model, client and server crates of a lowered service: file contents by path.
pub fn emit_crates(
    service: &ir::Service,
    options: &Options,
) -> Result<BTreeMap<String, String>, emit::format::EmitError> {
    let mut files = BTreeMap::new();
    let model_crate = format!("{}-model", service.crate_base);
    let crate_options = emit::model_crate::CrateOptions {
        crate_name: model_crate.clone(),
        runtime_path: format!("../{}", options.runtime_path),
        package: options.package.clone(),
    };
    for (path, text) in emit::model_crate::files(service, &crate_options)? {
        files.insert(format!("{model_crate}/{path}"), text);
    }
    let client_crate = format!("{}-client", service.crate_base);
    let client_options = emit::client_crate::CrateOptions {
        crate_name: client_crate.clone(),
        model_crate: model_crate.clone(),
        runtime_path: crate_options.runtime_path.clone(),
        package: options.package.clone(),
    };
    for (path, text) in emit::client_crate::files(service, &client_options)? {
        files.insert(format!("{client_crate}/{path}"), text);
    }
    let server_crate = format!("{}-server", service.crate_base);
    let server_options = emit::server_crate::CrateOptions {
        crate_name: server_crate.clone(),
        model_crate: model_crate.clone(),
        runtime_path: crate_options.runtime_path.clone(),
        package: options.package.clone(),
    };
    for (path, text) in emit::server_crate::files(service, &server_options)? {
        files.insert(format!("{server_crate}/{path}"), text);
    }
    Ok(files)
}

/// Loads, checks and lowers a model: the IR, or every problem found.
pub fn load_service(sources: &[ModelSource], service: Option<&str>) -> Result<ir::Service, ModelErrors> {
    let model = loader::load(sources).map_err(ModelErrors)?;
    lower::lower(&model, service).map_err(ModelErrors)
}
