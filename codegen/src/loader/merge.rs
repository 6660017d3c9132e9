//! Merging files into one model: shapes defined in several files, metadata, `apply`.

use super::{Elision, FileShapes, Model};
use crate::ast::{AstMember, AstShape, Traits};
use crate::error::ModelError;
use serde_json::Value;

/// Adds one file's shapes and metadata; collects its applies and elisions for later.
pub(super) fn add_file(
    model: &mut Model,
    file: FileShapes,
    applies: &mut Vec<(String, String, Traits)>,
    elisions: &mut Vec<(String, Elision)>,
    errors: &mut Vec<ModelError>,
) {
    for (key, value) in file.metadata {
        match model.metadata.get_mut(&key) {
            None => {
                model.metadata.insert(key, value);
            }
            // Metadata lists given in several files are concatenated; other values must agree.
            Some(Value::Array(existing)) if value.is_array() => {
                if let Value::Array(mut more) = value {
                    existing.append(&mut more);
                }
            }
            Some(existing) if *existing == value => {}
            Some(_) => errors.push(
                ModelError::new(format!("metadata `{key}` is given conflicting values in several files"))
                    .in_file(Some(&file.name)),
            ),
        }
    }
    for (id, shape) in file.shapes {
        match model.files.get(&id) {
            // The same definition read twice (a shared file, or a copy): nothing to add.
            Some(_) if model.shapes.get(&id) == Some(&shape) => {}
            Some(first) => errors.push(
                ModelError::new(format!("shape is defined twice, differently (first in {first})"))
                    .at_shape(&id)
                    .in_file(Some(&file.name)),
            ),
            None => {
                model.files.insert(id.clone(), file.name.clone());
                model.shapes.insert(id, shape);
            }
        }
    }
    for (target, traits) in file.applies {
        applies.push((file.name.clone(), target, traits));
    }
    for elision in file.elisions {
        elisions.push((file.name.clone(), elision));
    }
}

/// Adds a trait to a trait map as Smithy merges repeated applications: lists concatenate,
/// the same value twice is one application, and differing values conflict.
pub fn merge_trait(traits: &mut Traits, trait_id: &str, value: Value) -> Result<(), String> {
    match traits.get_mut(trait_id) {
        None => {
            traits.insert(trait_id.to_string(), value);
            Ok(())
        }
        Some(Value::Array(existing)) if value.is_array() => {
            if let Value::Array(mut more) = value {
                existing.append(&mut more);
            }
            Ok(())
        }
        Some(existing) if *existing == value => Ok(()),
        Some(_) => Err(format!("trait `{trait_id}` is applied twice with different values")),
    }
}

/// An `apply` that could not find its member yet (it may come from a mixin).
pub(super) type Deferred = Vec<(String, String, Traits)>;

/// Applies every `apply`; those targeting members not (yet) present are returned, to be
/// applied once mixins have been flattened.
pub(super) fn apply_all(
    model: &mut Model,
    applies: Vec<(String, String, Traits)>,
    errors: &mut Vec<ModelError>,
) -> Deferred {
    let mut deferred = Vec::new();
    for (file, id, traits) in applies {
        match apply(model, &id, traits) {
            Ok(()) => {}
            Err(Missing::Member(traits)) if has_mixins(model, &id) => deferred.push((file, id, traits)),
            Err(missing) => errors.push(missing.error(&id).in_file(Some(&file))),
        }
    }
    deferred
}

/// Applies one deferred `apply` now that its shape's mixin members exist.
pub(super) fn apply_now(model: &mut Model, id: &str, traits: Traits) -> Result<(), ModelError> {
    apply(model, id, traits).map_err(|missing| missing.error(id))
}

/// Reports what is still deferred after flattening: members that exist nowhere.
pub(super) fn report_unapplied(deferred: Deferred, errors: &mut Vec<ModelError>) {
    for (file, id, traits) in deferred {
        errors.push(Missing::Member(traits).error(&id).in_file(Some(&file)));
    }
}

fn has_mixins(model: &Model, id: &str) -> bool {
    let shape_id = id.split('$').next().unwrap_or(id);
    model.shapes.get(shape_id).is_some_and(|s| !s.mixins.is_empty())
}

enum Missing {
    Shape,
    Member(Traits),
}

impl Missing {
    fn error(&self, id: &str) -> ModelError {
        match (self, id.split_once('$')) {
            (Missing::Member(_), Some((shape, member))) => {
                ModelError::new("`apply` targets a member that does not exist")
                    .at_shape(shape)
                    .at_member(member)
            }
            _ => ModelError::new("`apply` targets a shape that does not exist").at_shape(id),
        }
    }
}

/// Merges an `apply`'s traits into its target shape or member. Lists concatenate (as in
/// Smithy); any other value replaces the target's (our fixes overlay relies on it, where
/// Smithy would report a conflict).
fn apply(model: &mut Model, id: &str, traits: Traits) -> Result<(), Missing> {
    let (shape_id, member) = match id.split_once('$') {
        Some((shape, member)) => (shape, Some(member)),
        None => (id, None),
    };
    let Some(shape) = model.shapes.get_mut(shape_id) else {
        return Err(Missing::Shape);
    };
    let target_traits = match member {
        None => &mut shape.traits,
        Some(name) => match member_mut(shape, name) {
            Some(member) => &mut member.traits,
            None => return Err(Missing::Member(traits)),
        },
    };
    for (trait_id, value) in traits {
        match (target_traits.get_mut(&trait_id), value) {
            (Some(Value::Array(existing)), Value::Array(mut more)) => existing.append(&mut more),
            (_, value) => {
                target_traits.insert(trait_id, value);
            }
        }
    }
    Ok(())
}

pub(super) fn member_mut<'a>(shape: &'a mut AstShape, name: &str) -> Option<&'a mut AstMember> {
    match name {
        "member" if shape.member.is_some() => shape.member.as_mut(),
        "key" if shape.key.is_some() => shape.key.as_mut(),
        "value" if shape.value.is_some() => shape.value.as_mut(),
        _ => shape.members.get_mut(name),
    }
}
