//! Reads Smithy model files, JSON AST and IDL alike, into one resolved model.
//!
//! Resolution here is purely structural: every file becomes [`FileShapes`] (IDL files once
//! every file's shape names are known, see [`crate::idl`]), shapes merge (a shape defined
//! twice must be defined identically), metadata merges as the spec says, prelude shapes are
//! added, elided members (`$name`) get their targets, `apply` merges traits into their
//! targets, mixins are flattened into the shapes that use them, Smithy 1.0 shapes are
//! upgraded to 2.0 (`set`, `@box`, zero defaults: see the `upgrade` module), and enum members without
//! a value get their name as value. Meaning is given later, by lowering. Every problem found is collected; nothing
//! panics on any input.

mod elision;
mod merge;
mod mixins;
mod upgrade;

pub use merge::merge_trait;

use crate::ast::{AstFile, AstShape, Traits};
use crate::error::ModelError;
use crate::idl;
use crate::prelude;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// A model file's name (for messages) and its text.
#[derive(Debug, Clone)]
pub struct ModelSource {
    /// The name used in error messages, e.g. `model/ivs.json`; a `.smithy` name means IDL.
    pub name: String,
    /// The file's text (JSON AST, or Smithy IDL).
    pub text: String,
}

impl ModelSource {
    /// A source from a file's bytes: refused, naming the file, unless they are UTF-8.
    pub fn from_bytes(name: &str, bytes: Vec<u8>) -> Result<ModelSource, ModelError> {
        match String::from_utf8(bytes) {
            Ok(text) => Ok(ModelSource {
                name: name.to_string(),
                text,
            }),
            Err(error) => {
                let offset = error.utf8_error().valid_up_to();
                Err(
                    ModelError::new(format!("not UTF-8 text: invalid byte sequence at byte offset {offset}"))
                        .in_file(Some(name)),
                )
            }
        }
    }
}

/// All shapes of the loaded files plus the prelude, after apply and mixins.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Shapes by absolute id.
    pub shapes: BTreeMap<String, AstShape>,
    /// The file each non-prelude shape was defined in.
    pub files: BTreeMap<String, String>,
    /// Model metadata, merged across files.
    pub metadata: serde_json::Map<String, Value>,
}

impl Model {
    /// The model as one JSON AST document, pretty-printed (prelude shapes left out, as Smithy's
    /// `smithy ast` does; mixins are already flattened and `apply` already applied).
    pub fn to_json_ast(&self) -> String {
        let shapes: serde_json::Map<String, Value> = self
            .shapes
            .iter()
            .filter(|(id, _)| self.files.contains_key(*id))
            .map(|(id, shape)| (id.clone(), serde_json::to_value(shape).unwrap_or(Value::Null)))
            .collect();
        let mut document = serde_json::Map::new();
        document.insert("smithy".to_string(), Value::String("2.0".to_string()));
        if !self.metadata.is_empty() {
            document.insert("metadata".to_string(), Value::Object(self.metadata.clone()));
        }
        document.insert("shapes".to_string(), Value::Object(shapes));
        serde_json::to_string_pretty(&Value::Object(document)).unwrap_or_default()
    }

    /// The file a shape was defined in, for error messages.
    pub fn file_of(&self, shape_id: &str) -> Option<&str> {
        let id = shape_id.split('$').next().unwrap_or(shape_id);
        self.files.get(id).map(String::as_str)
    }
}

/// One file's contribution to the model, whatever its format.
#[derive(Debug, Clone, Default)]
pub struct FileShapes {
    /// The file's name, for messages.
    pub name: String,
    /// Its Smithy version.
    pub version: String,
    /// Metadata entries in file order.
    pub metadata: Vec<(String, Value)>,
    /// Shapes defined, by absolute id.
    pub shapes: Vec<(String, AstShape)>,
    /// `apply` statements: target id (maybe `Shape$member`) and traits.
    pub applies: Vec<(String, Traits)>,
    /// Members whose target was elided (`$name`).
    pub elisions: Vec<Elision>,
}

/// A member written `$name`: its target comes from the bound resource or a mixin.
#[derive(Debug, Clone)]
pub struct Elision {
    pub shape: String,
    pub member: String,
    pub resource: Option<String>,
    pub mixins: Vec<String>,
    pub line: u32,
    pub column: u32,
}

/// A file read but not yet resolved.
enum Parsed {
    Json(String, AstFile),
    Idl(String, idl::syntax::IdlFile),
}

/// Loads and merges the files; on any problem returns every problem found.
pub fn load(sources: &[ModelSource]) -> Result<Model, Vec<ModelError>> {
    let mut errors = Vec::new();
    let mut parsed = Vec::new();
    for source in sources {
        match parse_source(source) {
            Ok(file) => parsed.push(file),
            Err(error) => errors.push(error),
        }
    }

    // Every shape name of every file, so IDL names resolve to shapes defined anywhere.
    let mut known: idl::resolve::KnownShapes = prelude::shapes()
        .into_iter()
        .map(|(id, shape)| (id, shape.kind))
        .collect();
    for file in &parsed {
        match file {
            Parsed::Json(_, ast) => known.extend(ast.shapes.iter().map(|(id, s)| (id.clone(), s.kind.clone()))),
            Parsed::Idl(_, idl_file) => known.extend(idl::resolve::defined_shapes(idl_file)),
        }
    }
    let mut files = Vec::new();
    for file in parsed {
        match file {
            Parsed::Json(name, ast) => files.push(json_file(name, ast)),
            Parsed::Idl(name, idl_file) => match idl::resolve::resolve(idl_file, &name, &known) {
                Ok(shapes) => files.push(shapes),
                Err(mut e) => errors.append(&mut e),
            },
        }
    }

    let v1_files: BTreeSet<String> = files
        .iter()
        .filter(|file| file.version.starts_with('1'))
        .map(|file| file.name.clone())
        .collect();
    let mut model = Model::default();
    let mut applies = Vec::new();
    let mut elisions = Vec::new();
    for file in files {
        merge::add_file(&mut model, file, &mut applies, &mut elisions, &mut errors);
    }
    for (id, shape) in prelude::shapes() {
        model.shapes.entry(id).or_insert(shape);
    }
    elision::resolve_elisions(&mut model, &elisions, &mut errors);
    let mut deferred = merge::apply_all(&mut model, applies, &mut errors);
    for shape in model.shapes.values_mut() {
        normalize(shape);
    }
    mixins::flatten_mixins(&mut model, &mut deferred, &mut errors);
    merge::report_unapplied(deferred, &mut errors);
    upgrade::upgrade(&mut model, &v1_files);

    if errors.is_empty() { Ok(model) } else { Err(errors) }
}

/// Reads one file's text as JSON AST or IDL, by its name (or its first character).
fn parse_source(source: &ModelSource) -> Result<Parsed, ModelError> {
    let name = source.name.clone();
    if idl::is_idl(&source.name, &source.text) {
        return match idl::parse(&source.text) {
            Ok(file) => Ok(Parsed::Idl(name, file)),
            Err(error) => Err(ModelError::new(error.message)
                .in_file(Some(&source.name))
                .at_pos(error.pos.line, error.pos.column)),
        };
    }
    let file: AstFile = match serde_json::from_str(&source.text) {
        Ok(file) => file,
        // `serde_json::Value` cannot hold a number beyond f64 (a `bigDecimal` trait value);
        // the IDL reader's node parser reads JSON too, and keeps such numbers as strings.
        Err(error) if error.to_string().starts_with("number out of range") => idl::parse_json(&source.text)
            .map_err(|e| ModelError::new(format!("not a Smithy JSON AST file: {e}")).in_file(Some(&source.name)))?,
        Err(error) => {
            return Err(ModelError::new(format!("not a Smithy JSON AST file: {error}")).in_file(Some(&source.name)));
        }
    };
    let version = &file.smithy;
    if !(version.starts_with("1.") || version.starts_with("2.") || version == "1" || version == "2") {
        return Err(ModelError::new(format!(
            "unsupported Smithy IDL version \"{version}\"; expected 1.0 or 2.0"
        ))
        .in_file(Some(&source.name)));
    }
    Ok(Parsed::Json(name, file))
}

fn json_file(name: String, ast: AstFile) -> FileShapes {
    let mut file = FileShapes {
        name,
        version: ast.smithy,
        metadata: ast.metadata.into_iter().collect(),
        ..FileShapes::default()
    };
    for (id, shape) in ast.shapes {
        if shape.kind == "apply" {
            file.applies.push((id, shape.traits));
        } else {
            file.shapes.push((id, shape));
        }
    }
    file
}

/// An enum member without a value has its name as value, and an operation without input or output has `smithy.api#Unit` (as
/// Smithy's loader gives them).
fn normalize(shape: &mut AstShape) {
    if shape.kind == "operation" {
        for slot in [&mut shape.input, &mut shape.output] {
            if slot.is_none() {
                *slot = Some(crate::ast::ShapeRef {
                    target: prelude::UNIT.to_string(),
                });
            }
        }
    }
    if shape.kind == "enum" {
        for (name, member) in shape.members.iter_mut() {
            member
                .traits
                .entry("smithy.api#enumValue".to_string())
                .or_insert_with(|| Value::String(name.clone()));
        }
    }
}
