//! Lowering: the resolved Smithy model becomes our IR.
//!
//! This is where meaning is given: which shapes are reachable from the service, their Rust
//! names and homes, effective constraints, HTTP bindings. Every problem is collected into
//! one list, each located by file, shape, member and trait.

mod defaults;
mod http;
mod operations;
mod protocol;
mod request_traits;
mod selection;
mod sparse;
pub mod traits;
mod types;

pub use http::{UriTemplate, parse_uri};

use crate::ast::AstShape;
use crate::error::ModelError;
use crate::ir::{Home, Service, TypeDef};
use crate::loader::Model;
use crate::{docs, naming};
use std::collections::{BTreeMap, BTreeSet};
use traits::id;

/// Lowers the service `service` (an absolute id or a bare name; optional when the model
/// has exactly one service) into the IR.
pub fn lower(model: &Model, service: Option<&str>) -> Result<Service, Vec<ModelError>> {
    lower_excluding(model, service, &[])
}

/// The same, without the operations named in `excluded` (absolute ids or bare names).
pub fn lower_excluding(model: &Model, service: Option<&str>, excluded: &[String]) -> Result<Service, Vec<ModelError>> {
    let service_id = select_service(model, service).map_err(|e| vec![e])?;
    let mut cx = Lowering::new(model, &service_id);
    cx.collect_operations();
    cx.exclude_operations(excluded);
    cx.refuse_event_streams();
    cx.operation_inputs = cx
        .operations
        .iter()
        .filter_map(|op| model.shapes.get(op)?.input.as_ref().map(|r| r.target.clone()))
        .collect();
    cx.collect_types();
    cx.assign_names();
    cx.assign_homes();
    cx.check_wire_traits();
    let types = cx.lower_types();
    let operations = cx.lower_operations();
    let service = cx.lower_service(operations, types);
    if cx.errors.is_empty() {
        Ok(service)
    } else {
        cx.errors.sort();
        cx.errors.dedup();
        Err(cx.errors)
    }
}

fn select_service(model: &Model, wanted: Option<&str>) -> Result<String, ModelError> {
    let services: Vec<&String> = model
        .shapes
        .iter()
        .filter(|(_, s)| s.kind == "service")
        .map(|(id, _)| id)
        .collect();
    match wanted {
        Some(wanted) => services
            .iter()
            .find(|id| id.as_str() == wanted || id.split_once('#').map(|(_, n)| n) == Some(wanted))
            .map(|id| id.to_string())
            .ok_or_else(|| {
                let known: Vec<&str> = services.iter().map(|s| s.as_str()).collect();
                ModelError::new(format!(
                    "no service named `{wanted}` in the model (it has: {})",
                    known.join(", ")
                ))
            }),
        None => match services.as_slice() {
            [one] => Ok(one.to_string()),
            [] => Err(ModelError::new("the model defines no service shape")),
            many => Err(ModelError::new(format!(
                "the model defines {} services ({}); choose one",
                many.len(),
                many.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
            ))),
        },
    }
}

/// State shared by the lowering passes.
pub(crate) struct Lowering<'m> {
    pub(crate) model: &'m Model,
    pub(crate) service_id: String,
    /// Operation ids, sorted by name.
    pub(crate) operations: Vec<String>,
    /// Ids of the shapes that become generated types.
    pub(crate) type_ids: BTreeSet<String>,
    /// Rust type names by shape id.
    pub(crate) names: BTreeMap<String, String>,
    /// Homes by shape id.
    pub(crate) homes: BTreeMap<String, Home>,
    pub(crate) errors: Vec<ModelError>,
    /// Lists and maps being lowered, innermost last: catches collections that contain themselves.
    pub(crate) nesting: Vec<String>,
    /// "input of the `X` operation" for operation inputs and outputs, by shape id.
    pub(crate) io_roles: BTreeMap<String, String>,
    /// The input structures of the generated operations (looked up per member: a set, not a
    /// scan of every operation, which was quadratic on large models).
    pub(crate) operation_inputs: BTreeSet<String>,
    /// Check function names handed out so far, with the shape each checks.
    pub(crate) check_names: BTreeMap<String, String>,
    /// Pattern static names handed out so far, with their sources.
    pub(crate) pattern_names: BTreeMap<String, String>,
}

impl<'m> Lowering<'m> {
    fn new(model: &'m Model, service_id: &str) -> Self {
        Lowering {
            model,
            service_id: service_id.to_string(),
            operations: Vec::new(),
            type_ids: BTreeSet::new(),
            names: BTreeMap::new(),
            homes: BTreeMap::new(),
            errors: Vec::new(),
            nesting: Vec::new(),
            pattern_names: BTreeMap::new(),
            check_names: BTreeMap::new(),
            io_roles: BTreeMap::new(),
            operation_inputs: BTreeSet::new(),
        }
    }

    /// Records a problem at a shape (and optionally a member and trait).
    pub(crate) fn error(&mut self, shape: &str, member: Option<&str>, trait_id: Option<&str>, message: String) {
        let mut error = ModelError::new(message)
            .at_shape(shape)
            .in_file(self.model.file_of(shape));
        if let Some(member) = member {
            error = error.at_member(member);
        }
        if let Some(trait_id) = trait_id {
            error = error.at_trait(trait_id);
        }
        self.errors.push(error);
    }

    /// The shape with this id; records an unresolved-target error at `from` when missing.
    pub(crate) fn shape(&mut self, target: &str, from: &str, member: Option<&str>) -> Option<&'m AstShape> {
        let model = self.model;
        match model.shapes.get(target) {
            Some(shape) => Some(shape),
            None => {
                self.error(
                    from,
                    member,
                    None,
                    format!("target `{target}` does not resolve to a shape"),
                );
                None
            }
        }
    }

    pub(crate) fn service_shape(&self) -> Option<&'m AstShape> {
        self.model.shapes.get(&self.service_id)
    }

    /// The local name of a shape after the service's `rename`.
    pub(crate) fn local_name(&self, id: &str) -> String {
        if let Some(renamed) = self.service_shape().and_then(|s| s.rename.get(id)) {
            return renamed.clone();
        }
        id.split_once('#').map_or(id, |(_, name)| name).to_string()
    }

    /// Operations bound to the service directly or through resources, sorted by name.
    fn collect_operations(&mut self) {
        let mut found = BTreeSet::new();
        let mut resources_seen = BTreeSet::new();
        let Some(service) = self.service_shape() else { return };
        let mut stack: Vec<(String, &AstShape)> = vec![(self.service_id.clone(), service)];
        while let Some((owner, shape)) = stack.pop() {
            let bound: Vec<String> = if shape.kind == "service" {
                shape.operations.iter().map(|r| r.target.clone()).collect()
            } else {
                shape.resource_operations().map(|r| r.target.clone()).collect()
            };
            for op in bound {
                match self.shape(&op, &owner, None) {
                    Some(s) if s.kind == "operation" => {
                        found.insert(op);
                    }
                    Some(s) => self.error(
                        &owner,
                        None,
                        None,
                        format!("`{op}` is bound as an operation but is a {}", s.kind),
                    ),
                    None => {}
                }
            }
            for resource in shape.resources.iter().map(|r| r.target.clone()).collect::<Vec<_>>() {
                if !resources_seen.insert(resource.clone()) {
                    continue;
                }
                match self.shape(&resource, &owner, None) {
                    Some(s) if s.kind == "resource" => stack.push((resource, s)),
                    Some(s) => self.error(
                        &owner,
                        None,
                        None,
                        format!("`{resource}` is bound as a resource but is a {}", s.kind),
                    ),
                    None => {}
                }
            }
        }
        let mut ops: Vec<String> = found.into_iter().collect();
        ops.sort_by_key(|id| self.local_name(id));
        self.operations = ops;
    }

    /// Every structure, union and enum reachable from the operations and service errors.
    fn collect_types(&mut self) {
        // (target, referring shape, what the reference is) for the operations' references.
        let mut roots: Vec<(String, String, &str)> = Vec::new();
        if let Some(service) = self.service_shape() {
            roots.extend(
                service
                    .errors
                    .iter()
                    .map(|e| (e.target.clone(), self.service_id.clone(), "error")),
            );
        }
        for op in self.operations.clone() {
            let Some(shape) = self.model.shapes.get(&op) else {
                continue;
            };
            let refs = [("input", &shape.input), ("output", &shape.output)];
            let refs = refs.into_iter().filter_map(|(role, r)| r.as_ref().map(|r| (role, r)));
            let refs = refs.chain(shape.errors.iter().map(|r| ("error", r)));
            roots.extend(refs.map(|(role, r)| (r.target.clone(), op.clone(), role)));
        }
        let mut seen = BTreeSet::new();
        while let Some((id, from, role)) = roots.pop() {
            if !seen.insert(id.clone()) {
                continue;
            }
            let Some(shape) = self.model.shapes.get(&id) else {
                self.error(
                    &from,
                    None,
                    None,
                    format!("its {role} `{id}` does not resolve to a shape"),
                );
                continue;
            };
            if is_generated_type(&id, shape) {
                self.type_ids.insert(id.clone());
            }
            let members = shape.members.iter().map(|(n, m)| (n.as_str(), m));
            let singles = [("member", &shape.member), ("key", &shape.key), ("value", &shape.value)];
            let singles = singles.into_iter().filter_map(|(n, m)| m.as_ref().map(|m| (n, m)));
            for (name, member) in members.chain(singles) {
                if shape.kind == "enum" || shape.kind == "intEnum" {
                    continue;
                }
                match self.model.shapes.get(&member.target) {
                    Some(_) => roots.push((member.target.clone(), id.clone(), "member")),
                    None => self.error(
                        &id,
                        Some(name),
                        None,
                        format!("target `{}` does not resolve to a shape", member.target),
                    ),
                }
            }
        }
    }

    /// Rust type names, with collisions after case conversion reported.
    fn assign_names(&mut self) {
        let mut by_key: BTreeMap<String, String> = BTreeMap::new();
        for id in self.type_ids.clone() {
            let name = naming::type_name(&self.local_name(&id));
            if let Some(other) = by_key.insert(naming::collision_key(&name), id.clone()) {
                self.error(
                    &id,
                    None,
                    None,
                    format!("its Rust name `{name}` collides with the one of `{other}`; add a `rename` to the service"),
                );
            }
            self.names.insert(id, name);
        }
        let mut fn_names: BTreeMap<String, String> = BTreeMap::new();
        for op in self.operations.clone() {
            let name = naming::field_name(&self.local_name(&op));
            if let Some(other) = fn_names.insert(naming::collision_key(&name), op.clone()) {
                self.error(
                    &op,
                    None,
                    None,
                    format!("its Rust name `{name}` collides with the one of `{other}`"),
                );
            }
        }
    }

    /// Inputs and outputs used by exactly one operation live beside it; errors together;
    /// everything else in a module of its own.
    fn assign_homes(&mut self) {
        let mut owners: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for op in &self.operations {
            let Some(shape) = self.model.shapes.get(op) else {
                continue;
            };
            for r in shape.input.iter().chain(&shape.output) {
                owners.entry(r.target.clone()).or_default().insert(op.clone());
            }
        }
        let targeted: BTreeSet<&String> = self
            .type_ids
            .iter()
            .filter_map(|id| self.model.shapes.get(id))
            .flat_map(|s| s.members.values().chain(&s.member).chain(&s.key).chain(&s.value))
            .map(|m| &m.target)
            .collect();
        for id in &self.type_ids {
            let shape = &self.model.shapes[id];
            if let Some(ops) = owners.get(id) {
                let role = |op: &String| {
                    let op_shape = self.model.shapes.get(op);
                    let is_input = op_shape.and_then(|s| s.input.as_ref()).is_some_and(|r| &r.target == id);
                    format!(
                        "{} of the `{}` operation",
                        if is_input { "input" } else { "output" },
                        self.local_name(op)
                    )
                };
                let roles: Vec<String> = ops.iter().map(role).collect();
                self.io_roles.insert(id.clone(), roles.join(", "));
            }
            let home = if traits::has(&shape.traits, id::ERROR) {
                Home::Error
            } else {
                match owners.get(id) {
                    Some(ops) if ops.len() == 1 && !targeted.contains(id) => {
                        let op = ops.iter().next().map(|op| self.local_name(op)).unwrap_or_default();
                        Home::Operation(naming::module_name(&op))
                    }
                    _ => Home::Shared(naming::module_name(&self.names[id])),
                }
            };
            self.homes.insert(id.clone(), home);
        }
    }

    fn lower_types(&mut self) -> BTreeMap<String, TypeDef> {
        let mut types = BTreeMap::new();
        for id in self.type_ids.clone() {
            if let Some(def) = self.lower_type(&id) {
                types.insert(def.name().to_string(), def);
            }
        }
        types
    }

    fn lower_service(&mut self, operations: Vec<crate::ir::Operation>, types: BTreeMap<String, TypeDef>) -> Service {
        let id = self.service_id.clone();
        let shape = self.service_shape();
        let empty = crate::ast::Traits::new();
        let t = shape.map_or(&empty, |s| &s.traits);
        let name = self.local_name(&id);
        let aws = t.get(id::AWS_SERVICE);
        let aws_str = |key: &str| {
            aws.and_then(|a| a.get(key))
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let sdk_id = aws_str("sdkId").unwrap_or_else(|| name.clone());
        let signing_name = t
            .get(id::SIGV4)
            .and_then(|s| s.get("name"))
            .and_then(|v| v.as_str())
            .map(str::to_string);
        let endpoint_prefix = aws_str("endpointPrefix").or_else(|| signing_name.clone());
        let protocol = self.protocol();
        let error_message = protocol::error_message_member(&types);
        Service {
            id,
            title: t
                .get(id::TITLE)
                .and_then(|v| v.as_str())
                .map_or_else(|| name.clone(), str::to_string),
            crate_base: naming::module_name(&sdk_id).replace('_', "-"),
            sdk_id,
            name,
            version: shape.and_then(|s| s.version.clone()).unwrap_or_default(),
            docs: docs::to_markdown(traits::documentation(t)),
            signing_name,
            endpoint_prefix,
            protocol,
            error_message,
            operations,
            types,
        }
    }
}

/// Shapes that become a Rust type of their own: structures (but `Unit`), unions, enums.
fn is_generated_type(id: &str, shape: &AstShape) -> bool {
    match shape.kind.as_str() {
        "structure" => id != crate::prelude::UNIT && !traits::has(&shape.traits, id::MIXIN),
        "union" | "enum" | "intEnum" => true,
        "string" => traits::has(&shape.traits, id::ENUM),
        _ => false,
    }
}
