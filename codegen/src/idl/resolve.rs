//! From a parsed IDL file to JSON AST shapes, once every file's shape names are known.
//!
//! Relative shape ids resolve as the spec says: a `use` import, else a shape of that name in
//! the current namespace (in any file), else a prelude shape, else the current namespace.

use super::syntax::{IdlFile, MemberDef, Node, Ref, ShapeDef, TraitApp};
use crate::ast::{AstMember, AstShape, ShapeRef, Traits};
use crate::error::ModelError;
use crate::loader::{Elision, FileShapes, merge_trait};
use crate::prelude;
use serde_json::Value;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};

/// Every shape id of the model being loaded (all files and the prelude), with its type.
pub type KnownShapes = BTreeMap<String, String>;

/// The shape ids and types an IDL file defines (before resolution), for [`KnownShapes`].
pub fn defined_shapes(file: &IdlFile) -> Vec<(String, String)> {
    let Some(namespace) = &file.namespace else {
        return Vec::new();
    };
    file.shapes
        .iter()
        .map(|shape| (format!("{namespace}#{}", shape.name), shape.kind.clone()))
        .collect()
}

struct Resolver<'a> {
    source: &'a str,
    namespace: String,
    uses: BTreeMap<String, String>,
    known: &'a KnownShapes,
    /// Relative names already resolved (a file names the same traits and shapes many times).
    resolved: RefCell<HashMap<String, String>>,
    errors: Vec<ModelError>,
}

/// Resolves a parsed file into shapes, applies and metadata; every problem is reported.
/// The file is consumed: its strings and values move into the shapes rather than being copied.
pub fn resolve(mut file: IdlFile, source: &str, known: &KnownShapes) -> Result<FileShapes, Vec<ModelError>> {
    let mut resolver = Resolver {
        source,
        namespace: file.namespace.clone().unwrap_or_else(|| prelude::NAMESPACE.to_string()),
        uses: BTreeMap::new(),
        known,
        resolved: RefCell::default(),
        errors: Vec::new(),
    };
    for import in &file.uses {
        let name = import.text.split_once('#').map_or("", |(_, n)| n).to_string();
        match resolver.uses.get(&name) {
            Some(existing) if existing != &import.text => {
                let message = format!("cannot use `{}` because it conflicts with `{existing}`", import.text);
                resolver.error_at(import, message);
            }
            _ => {
                resolver.uses.insert(name, import.text.clone());
            }
        }
    }
    let mut out = FileShapes {
        name: source.to_string(),
        version: file.version.clone(),
        ..FileShapes::default()
    };
    for (key, node) in std::mem::take(&mut file.metadata) {
        let value = resolver.metadata_value(node);
        out.metadata.push((key, value));
    }
    for mut shape in std::mem::take(&mut file.shapes) {
        if let Some(imported) = resolver.uses.get(&shape.name) {
            let message = format!("shape name `{}` conflicts with imported shape `{imported}`", shape.name);
            resolver.errors.push(
                ModelError::new(message)
                    .at_shape(&format!("{}#{}", resolver.namespace, shape.name))
                    .in_file(Some(source))
                    .at_pos(shape.pos.line, shape.pos.column),
            );
            continue;
        }
        let id = format!("{}#{}", resolver.namespace, shape.name);
        let ast = resolver.shape(&file, &mut shape, &id, &mut out.elisions);
        out.shapes.push((id, ast));
    }
    for apply in std::mem::take(&mut file.applies) {
        let target = resolver.id(&apply.target);
        let traits = resolver.traits(&target, apply.traits);
        out.applies.push((target, traits));
    }
    if resolver.errors.is_empty() {
        Ok(out)
    } else {
        Err(resolver.errors)
    }
}

impl Resolver<'_> {
    fn error_at(&mut self, at: &Ref, message: String) {
        self.errors.push(
            ModelError::new(message)
                .in_file(Some(self.source))
                .at_pos(at.pos.line, at.pos.column),
        );
    }

    /// An absolute shape id for an id as written.
    fn id(&self, written: &Ref) -> String {
        let text = written.text.as_str();
        if text.contains('#') {
            return text.to_string();
        }
        let (name, member) = match text.split_once('$') {
            Some((name, member)) => (name, Some(member)),
            None => (text, None),
        };
        let mut resolved = self.resolved.borrow_mut();
        let root = match resolved.get(name) {
            Some(root) => root,
            None => resolved.entry(name.to_string()).or_insert(self.resolve_name(name)),
        };
        match member {
            Some(member) => format!("{root}${member}"),
            None => root.clone(),
        }
    }

    /// The absolute id of a relative shape name (no member).
    fn resolve_name(&self, name: &str) -> String {
        let local = format!("{}#{name}", self.namespace);
        let prelude_id = format!("{}#{name}", prelude::NAMESPACE);
        if let Some(imported) = self.uses.get(name) {
            imported.clone()
        } else if self.known.contains_key(&local) {
            local
        } else if self.known.contains_key(&prelude_id) || prelude::shape_kind(name).is_some() {
            prelude_id
        } else {
            local
        }
    }

    /// The type of a shape of the model (or of the prelude).
    fn kind_of(&self, id: &str) -> Option<&str> {
        if let Some(kind) = self.known.get(id) {
            return Some(kind);
        }
        id.strip_prefix("smithy.api#").and_then(prelude::shape_kind)
    }

    fn target(&self, written: &Ref) -> ShapeRef {
        ShapeRef {
            target: self.id(written),
        }
    }

    /// A node value; unquoted strings are shape ids, resolved like any other.
    fn value(&self, node: Node) -> Value {
        match node {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(b),
            Node::Number(n) => n,
            Node::Str(s) => Value::String(s),
            Node::Id(id) => Value::String(self.id(&id)),
            Node::Array(items) => Value::Array(items.into_iter().map(|i| self.value(i)).collect()),
            Node::Object(entries) => Value::Object(entries.into_iter().map(|(k, v)| (k, self.value(v))).collect()),
        }
    }

    /// Metadata has no namespace: unquoted strings must name prelude shapes (or be absolute).
    fn metadata_value(&mut self, node: Node) -> Value {
        match node {
            Node::Id(id) if !id.text.contains('#') => {
                let resolved = format!("{}#{}", prelude::NAMESPACE, id.text);
                if prelude::shape_kind(&id.text).is_none() {
                    let message = format!(
                        "syntactic shape id `{}` does not resolve to a shape: `{resolved}` (quote it if it is a string)",
                        id.text
                    );
                    self.error_at(&id, message);
                }
                Value::String(resolved)
            }
            Node::Array(items) => Value::Array(items.into_iter().map(|i| self.metadata_value(i)).collect()),
            Node::Object(entries) => {
                Value::Object(entries.into_iter().map(|(k, v)| (k, self.metadata_value(v))).collect())
            }
            other => self.value(other),
        }
    }

    /// Trait applications to `target`, in order; a trait given twice merges as Smithy says.
    fn traits(&mut self, target: &str, apps: Vec<TraitApp>) -> Traits {
        let mut traits = Traits::new();
        for app in apps {
            let trait_id = self.id(&app.id);
            let value = match app.value {
                Some(node) => self.value(node),
                None => match self.kind_of(&trait_id) {
                    Some("list" | "set") => Value::Array(Vec::new()),
                    _ => Value::Object(Default::default()),
                },
            };
            if let Err(message) = merge_trait(&mut traits, &trait_id, value) {
                self.error_at(&app.id, format!("{target}: {message}"));
            }
        }
        traits
    }

    fn shape(&mut self, file: &IdlFile, def: &mut ShapeDef, id: &str, elisions: &mut Vec<Elision>) -> AstShape {
        let kind = if def.kind == "set" { "set" } else { def.kind.as_str() };
        let mut shape = AstShape::of_kind(kind);
        shape.traits = self.traits(id, std::mem::take(&mut def.traits));
        shape.mixins = def.mixins.iter().map(|m| self.target(m)).collect();
        let resource = def.for_resource.as_ref().map(|r| self.id(r));
        if let Some(for_resource) = &def.for_resource {
            elisions.push(Elision {
                shape: id.to_string(),
                member: String::new(),
                resource: resource.clone(),
                mixins: Vec::new(),
                line: for_resource.pos.line,
                column: for_resource.pos.column,
            });
        }
        for mut member in std::mem::take(&mut def.members) {
            let ast = self.member(def, id, &mut member);
            if member.target.is_none() {
                elisions.push(Elision {
                    shape: id.to_string(),
                    member: member.name.clone(),
                    resource: resource.clone(),
                    mixins: shape.mixins.iter().map(|m| m.target.clone()).collect(),
                    line: member.pos.line,
                    column: member.pos.column,
                });
            }
            match (def.kind.as_str(), member.name.as_str()) {
                ("list" | "set", "member") => shape.member = Some(ast),
                ("map", "key") => shape.key = Some(ast),
                ("map", "value") => shape.value = Some(ast),
                ("list" | "set" | "map", other) => {
                    let message = format!("{id}: a {} has no member named `{other}`", def.kind);
                    self.errors.push(
                        ModelError::new(message)
                            .in_file(Some(self.source))
                            .at_pos(member.pos.line, member.pos.column),
                    );
                }
                _ => {
                    shape.members.insert(member.name, ast);
                }
            }
        }
        if let Some(input) = &def.input {
            shape.input = Some(self.target(input));
        }
        if let Some(output) = &def.output {
            shape.output = Some(self.target(output));
        }
        shape.errors = def.errors.iter().map(|e| self.target(e)).collect();
        for (key, node) in std::mem::take(&mut def.properties) {
            self.property(file, def, id, &mut shape, &key, node);
        }
        if let Some(problem) = shape_problem(file, def, &shape) {
            self.errors.push(
                ModelError::new(problem)
                    .at_shape(id)
                    .in_file(Some(self.source))
                    .at_pos(def.pos.line, def.pos.column),
            );
        }
        shape
    }

    fn member(&mut self, def: &ShapeDef, shape_id: &str, member: &mut MemberDef) -> AstMember {
        let member_id = format!("{shape_id}${}", member.name);
        let mut traits = self.traits(&member_id, std::mem::take(&mut member.traits));
        if let Some(node) = member.value.take() {
            let value = self.value(node);
            let trait_id = if matches!(def.kind.as_str(), "enum" | "intEnum") {
                "smithy.api#enumValue"
            } else {
                "smithy.api#default"
            };
            if let Err(message) = merge_trait(&mut traits, trait_id, value) {
                self.errors.push(
                    ModelError::new(format!("{member_id}: {message}"))
                        .in_file(Some(self.source))
                        .at_pos(member.pos.line, member.pos.column),
                );
            }
        }
        AstMember {
            target: member.target.as_ref().map(|t| self.id(t)).unwrap_or_default(),
            traits,
        }
    }

    /// One entry of a service or resource body.
    fn property(&mut self, file: &IdlFile, def: &ShapeDef, id: &str, shape: &mut AstShape, key: &str, node: Node) {
        let is_service = def.kind == "service";
        let mut problem = None;
        match (is_service, key) {
            (true, "version") => match node {
                Node::Str(s) => shape.version = Some(s),
                _ => problem = Some("`version` must be a string".to_string()),
            },
            (true, "rename") => match self.value(node) {
                Value::Object(map) => {
                    for (from, to) in map {
                        match to {
                            Value::String(to) => {
                                shape.rename.insert(from, to);
                            }
                            _ => problem = Some("`rename` values must be strings".to_string()),
                        }
                    }
                }
                _ => problem = Some("`rename` must be an object".to_string()),
            },
            (_, "operations" | "resources" | "errors") | (false, "collectionOperations") => match self.id_list(&node) {
                Some(list) => match key {
                    "operations" => shape.operations = list,
                    "resources" => shape.resources = list,
                    "errors" if is_service => shape.errors = list,
                    "collectionOperations" => shape.collection_operations = list,
                    _ => problem = Some(format!("unknown property `{key}`")),
                },
                None => problem = Some(format!("`{key}` must be a list of shape ids")),
            },
            (false, "identifiers" | "properties") => {
                if key == "properties" && file.is_v1() {
                    problem = Some("resource properties can only be used in Smithy version 2 or later".to_string());
                } else {
                    match self.id_map(&node) {
                        Some(map) if key == "identifiers" => shape.identifiers = map,
                        Some(map) => shape.properties = map,
                        None => problem = Some(format!("`{key}` must map names to shape ids")),
                    }
                }
            }
            (false, "create" | "put" | "read" | "update" | "delete" | "list") => match node {
                Node::Id(r) => {
                    let target = Some(self.target(&r));
                    match key {
                        "create" => shape.create = target,
                        "put" => shape.put = target,
                        "read" => shape.read = target,
                        "update" => shape.update = target,
                        "delete" => shape.delete = target,
                        _ => shape.list = target,
                    }
                }
                _ => problem = Some(format!("`{key}` must be a shape id")),
            },
            _ => problem = Some(format!("unknown property `{key}` for {} {id}", def.kind)),
        }
        if let Some(message) = problem {
            self.errors.push(
                ModelError::new(message)
                    .at_shape(id)
                    .in_file(Some(self.source))
                    .at_pos(def.pos.line, def.pos.column),
            );
        }
    }

    fn id_list(&self, node: &Node) -> Option<Vec<ShapeRef>> {
        let Node::Array(items) = node else { return None };
        items
            .iter()
            .map(|item| match item {
                Node::Id(r) => Some(self.target(r)),
                Node::Str(s) if s.contains('#') => Some(ShapeRef { target: s.clone() }),
                _ => None,
            })
            .collect()
    }

    fn id_map(&self, node: &Node) -> Option<indexmap::IndexMap<String, ShapeRef>> {
        let Node::Object(entries) = node else { return None };
        entries
            .iter()
            .map(|(name, value)| match value {
                Node::Id(r) => Some((name.clone(), self.target(r))),
                Node::Str(s) if s.contains('#') => Some((name.clone(), ShapeRef { target: s.clone() })),
                _ => None,
            })
            .collect()
    }
}

/// What Smithy's loader refuses in a shape as written (before mixins and `apply`).
fn shape_problem(file: &IdlFile, def: &ShapeDef, shape: &AstShape) -> Option<String> {
    let is_mixin = shape.traits.contains_key("smithy.api#mixin");
    if is_mixin && file.is_v1() {
        return Some(format!(
            "mixins can only be used in Smithy version 2 or later (this file is {})",
            file.version
        ));
    }
    let no_mixins = shape.mixins.is_empty();
    match def.kind.as_str() {
        "list" | "set" if no_mixins && shape.member.is_none() => {
            Some(format!("a {} must define its `member`", def.kind))
        }
        "map" if no_mixins && (shape.key.is_none() || shape.value.is_none()) => {
            Some("a map must define its `key` and `value`".to_string())
        }
        "enum" | "intEnum" if no_mixins && shape.members.is_empty() => {
            Some(format!("an {} must have at least one member", def.kind))
        }
        "enum" | "intEnum" => shape.members.iter().find_map(|(name, member)| {
            let value = member.traits.get("smithy.api#enumValue");
            let problem = match (def.kind.as_str(), value) {
                ("enum", Some(Value::String(_)) | None) => return None,
                ("enum", Some(other)) => format!("enum members can only be assigned string values, found {other}"),
                (_, Some(Value::Number(n))) if n.is_f64() => {
                    format!("intEnum members do not support floating point values, found {n}")
                }
                (_, Some(Value::Number(n))) if n.as_i64().is_some_and(|v| i32::try_from(v).is_ok()) => return None,
                (_, Some(Value::Number(n))) => format!("intEnum members must fit within an integer, found {n}"),
                (_, Some(other)) => format!("intEnum members require integer values, found {other}"),
                (_, None) if no_mixins => "intEnum members require a value".to_string(),
                (_, None) => return None,
            };
            Some(format!("member `{name}`: {problem}"))
        }),
        "operation" if is_mixin => {
            let is_unit = |r: &Option<ShapeRef>| r.as_ref().is_none_or(|r| r.target == prelude::UNIT);
            (!is_unit(&shape.input) || !is_unit(&shape.output))
                .then(|| "an operation mixin must have `smithy.api#Unit` as input and output".to_string())
        }
        // Smithy's loader refuses identifiers here too (its suite's case defines only those).
        "resource" if is_mixin && !(shape.properties.is_empty() && shape.identifiers.is_empty()) => {
            Some("a resource mixin may not define identifiers or properties".to_string())
        }
        _ => None,
    }
}
