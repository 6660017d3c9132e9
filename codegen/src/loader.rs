//! Reads one or several Smithy JSON AST files into one resolved model.
//!
//! Resolution here is purely structural: prelude shapes are added, `apply` shapes merge
//! their traits into their targets, mixins are flattened into the shapes that use them,
//! and Smithy 1.0 `set` shapes become lists with `@uniqueItems`. Meaning is given later,
//! by lowering. Every problem found is collected; nothing panics on any input.

use crate::ast::{AstFile, AstShape, Traits};
use crate::error::ModelError;
use crate::prelude;
use std::collections::{BTreeMap, BTreeSet};

/// A model file's name (for messages) and its text.
#[derive(Debug, Clone)]
pub struct ModelSource {
    /// The name used in error messages, e.g. `model/ivs.json`.
    pub name: String,
    /// The JSON text.
    pub text: String,
}

/// All shapes of the loaded files plus the prelude, after apply and mixins.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Shapes by absolute id.
    pub shapes: BTreeMap<String, AstShape>,
    /// The file each non-prelude shape was defined in.
    pub files: BTreeMap<String, String>,
}

impl Model {
    /// The file a shape was defined in, for error messages.
    pub fn file_of(&self, shape_id: &str) -> Option<&str> {
        let id = shape_id.split('$').next().unwrap_or(shape_id);
        self.files.get(id).map(String::as_str)
    }
}

/// Loads and merges the files; on any problem returns every problem found.
pub fn load(sources: &[ModelSource]) -> Result<Model, Vec<ModelError>> {
    let mut errors = Vec::new();
    let mut model = Model::default();
    let mut applies: Vec<(String, String, Traits)> = Vec::new();

    for source in sources {
        let file: AstFile = match serde_json::from_str(&source.text) {
            Ok(file) => file,
            Err(error) => {
                errors
                    .push(ModelError::new(format!("not a Smithy JSON AST file: {error}")).in_file(Some(&source.name)));
                continue;
            }
        };
        if !(file.smithy.starts_with("1.") || file.smithy.starts_with("2.") || file.smithy == "1" || file.smithy == "2")
        {
            errors.push(
                ModelError::new(format!(
                    "unsupported Smithy IDL version \"{}\"; expected 1.0 or 2.0",
                    file.smithy
                ))
                .in_file(Some(&source.name)),
            );
            continue;
        }
        for (id, shape) in file.shapes {
            if shape.kind == "apply" {
                applies.push((source.name.clone(), id, shape.traits));
            } else if let Some(first) = model.files.get(&id) {
                errors.push(
                    ModelError::new(format!("shape is defined twice (first in {first})"))
                        .at_shape(&id)
                        .in_file(Some(&source.name)),
                );
            } else {
                model.files.insert(id.clone(), source.name.clone());
                model.shapes.insert(id, normalize_v1(shape));
            }
        }
    }

    for (id, shape) in prelude::shapes() {
        model.shapes.entry(id).or_insert(shape);
    }
    for (file, id, traits) in applies {
        if let Err(error) = apply(&mut model, &id, traits) {
            errors.push(error.in_file(Some(&file)));
        }
    }
    flatten_mixins(&mut model, &mut errors);

    if errors.is_empty() { Ok(model) } else { Err(errors) }
}

/// Smithy 1.0's `set` is a list whose items are unique.
fn normalize_v1(mut shape: AstShape) -> AstShape {
    if shape.kind == "set" {
        shape.kind = "list".to_string();
        shape
            .traits
            .entry("smithy.api#uniqueItems".to_string())
            .or_insert(serde_json::json!({}));
    }
    shape
}

/// Merges an `apply` shape's traits into its target shape or member; applied traits win.
fn apply(model: &mut Model, id: &str, traits: Traits) -> Result<(), ModelError> {
    let (shape_id, member) = match id.split_once('$') {
        Some((shape, member)) => (shape, Some(member)),
        None => (id, None),
    };
    let Some(shape) = model.shapes.get_mut(shape_id) else {
        return Err(ModelError::new("`apply` targets a shape that does not exist").at_shape(id));
    };
    let target_traits = match member {
        None => &mut shape.traits,
        Some(name) => match member_mut(shape, name) {
            Some(member) => &mut member.traits,
            None => {
                return Err(ModelError::new("`apply` targets a member that does not exist")
                    .at_shape(shape_id)
                    .at_member(name));
            }
        },
    };
    target_traits.extend(traits);
    Ok(())
}

fn member_mut<'a>(shape: &'a mut AstShape, name: &str) -> Option<&'a mut crate::ast::AstMember> {
    match name {
        "member" if shape.member.is_some() => shape.member.as_mut(),
        "key" if shape.key.is_some() => shape.key.as_mut(),
        "value" if shape.value.is_some() => shape.value.as_mut(),
        _ => shape.members.get_mut(name),
    }
}

/// How deep mixins of mixins may go (the flattening recurses once per level).
const MAX_MIXIN_DEPTH: usize = 64;

/// Copies every mixin's members and traits into the shapes that use it, mixins of mixins first.
fn flatten_mixins(model: &mut Model, errors: &mut Vec<ModelError>) {
    let ids: Vec<String> = model
        .shapes
        .iter()
        .filter(|(_, s)| !s.mixins.is_empty())
        .map(|(id, _)| id.clone())
        .collect();
    let mut done = BTreeSet::new();
    for id in ids {
        let mut visiting = Vec::new();
        flatten_one(model, &id, &mut visiting, &mut done, errors);
    }
}

fn flatten_one(
    model: &mut Model,
    id: &str,
    visiting: &mut Vec<String>,
    done: &mut BTreeSet<String>,
    errors: &mut Vec<ModelError>,
) {
    if done.contains(id) {
        return;
    }
    if visiting.iter().any(|v| v == id) {
        let file = model.file_of(id).map(str::to_string);
        errors.push(
            ModelError::new(format!("mixin cycle: {} -> {id}", visiting.join(" -> ")))
                .at_shape(id)
                .in_file(file.as_deref()),
        );
        done.insert(id.to_string());
        return;
    }
    if visiting.len() >= MAX_MIXIN_DEPTH {
        let file = model.file_of(id).map(str::to_string);
        errors.push(
            ModelError::new(format!("mixins nest more than {MAX_MIXIN_DEPTH} levels deep"))
                .at_shape(id)
                .in_file(file.as_deref()),
        );
        done.insert(id.to_string());
        return;
    }
    let Some(mixins) = model.shapes.get(id).map(|s| s.mixins.clone()) else {
        return;
    };
    visiting.push(id.to_string());
    let mut members = indexmap::IndexMap::new();
    let mut traits = Traits::new();
    for mixin in &mixins {
        flatten_one(model, &mixin.target, visiting, done, errors);
        let Some(source) = model.shapes.get(&mixin.target) else {
            let file = model.file_of(id).map(str::to_string);
            errors.push(
                ModelError::new(format!("mixin `{}` does not exist", mixin.target))
                    .at_shape(id)
                    .in_file(file.as_deref()),
            );
            continue;
        };
        if !source.traits.contains_key("smithy.api#mixin") {
            let file = model.file_of(id).map(str::to_string);
            errors.push(
                ModelError::new(format!("`{}` is used as a mixin but has no @mixin trait", mixin.target))
                    .at_shape(id)
                    .in_file(file.as_deref()),
            );
        }
        let local: BTreeSet<String> = source
            .traits
            .get("smithy.api#mixin")
            .and_then(|m| m.get("localTraits"))
            .and_then(|l| l.as_array())
            .map(|l| l.iter().filter_map(|t| t.as_str().map(str::to_string)).collect())
            .unwrap_or_default();
        for (name, member) in &source.members {
            members.insert(name.clone(), member.clone());
        }
        for (trait_id, value) in &source.traits {
            if trait_id != "smithy.api#mixin" && !local.contains(trait_id) {
                traits.insert(trait_id.clone(), value.clone());
            }
        }
    }
    visiting.pop();
    if let Some(shape) = model.shapes.get_mut(id) {
        for (name, member) in std::mem::take(&mut shape.members) {
            match members.get_mut(&name) {
                // A redeclared mixin member may only add traits.
                Some(inherited) => inherited.traits.extend(member.traits),
                None => {
                    members.insert(name, member);
                }
            }
        }
        shape.members = members;
        traits.extend(std::mem::take(&mut shape.traits));
        shape.traits = traits;
        shape.mixins.clear();
    }
    done.insert(id.to_string());
}
