//! Mixins: every mixin's members and traits are copied into the shapes that use it.

use super::Model;
use super::merge::Deferred;
use crate::ast::{AstMember, AstShape};
use crate::error::ModelError;
use std::collections::BTreeSet;

/// How deep mixins of mixins may go (the flattening recurses once per level).
const MAX_MIXIN_DEPTH: usize = 64;

/// Copies every mixin's members and traits into the shapes that use it, mixins of mixins first.
/// Flattens every shape's mixins; `apply`s to members inherited from mixins (`deferred`)
/// are applied as soon as their shape is flattened, so shapes mixing that one in get them.
pub(super) fn flatten_mixins(model: &mut Model, deferred: &mut Deferred, errors: &mut Vec<ModelError>) {
    let ids: Vec<String> = model
        .shapes
        .iter()
        .filter(|(_, s)| !s.mixins.is_empty())
        .map(|(id, _)| id.clone())
        .collect();
    let mut done = BTreeSet::new();
    for id in ids {
        let mut visiting = Vec::new();
        flatten_one(model, &id, &mut visiting, &mut done, deferred, errors);
    }
}

fn flatten_one(
    model: &mut Model,
    id: &str,
    visiting: &mut Vec<String>,
    done: &mut BTreeSet<String>,
    deferred: &mut Deferred,
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
    let kind = model.shapes.get(id).map(|s| s.kind.clone()).unwrap_or_default();
    let mut inherited = AstShape::of_kind(&kind);
    let mut conflicts = Vec::new();
    for mixin in &mixins {
        flatten_one(model, &mixin.target, visiting, done, deferred, errors);
        let file = model.file_of(id).map(str::to_string);
        let error = |message: String| ModelError::new(message).at_shape(id).in_file(file.as_deref());
        let Some(source) = model.shapes.get(&mixin.target) else {
            errors.push(error(format!("mixin `{}` does not exist", mixin.target)));
            continue;
        };
        if !source.traits.contains_key("smithy.api#mixin") {
            errors.push(error(format!(
                "`{}` is used as a mixin but has no @mixin trait",
                mixin.target
            )));
        }
        if source.kind != kind {
            errors.push(error(format!(
                "mixins may only be mixed into shapes of the same type: `{}` is a {}, this shape a {kind}",
                mixin.target, source.kind
            )));
            continue;
        }
        let local: BTreeSet<String> = source
            .traits
            .get("smithy.api#mixin")
            .and_then(|m| m.get("localTraits"))
            .and_then(|l| l.as_array())
            .map(|l| l.iter().filter_map(|t| t.as_str().map(str::to_string)).collect())
            .unwrap_or_default();
        inherit(&mut inherited, source, &mut conflicts);
        for (trait_id, value) in &source.traits {
            if trait_id != "smithy.api#mixin" && !local.contains(trait_id) {
                inherited.traits.insert(trait_id.clone(), value.clone());
            }
        }
    }
    visiting.pop();
    if let Some(shape) = model.shapes.get_mut(id) {
        conflicts.extend(overlay(shape, inherited));
        let file = model.file_of(id).map(str::to_string);
        for (name, mixin_target) in conflicts {
            errors.push(
                ModelError::new(format!(
                    "member conflicts with an inherited mixin member (which targets `{mixin_target}`)"
                ))
                .at_shape(id)
                .at_member(&name)
                .in_file(file.as_deref()),
            );
        }
    }
    let prefix = format!("{id}$");
    let (mine, others): (Deferred, Deferred) = std::mem::take(deferred)
        .into_iter()
        .partition(|(_, target, _)| target.starts_with(&prefix));
    *deferred = others;
    for (file, target, traits) in mine {
        if let Err(error) = super::merge::apply_now(model, &target, traits) {
            errors.push(error.in_file(Some(&file)));
        }
    }
    done.insert(id.to_string());
}

/// Adds what a (flattened) mixin gives to what earlier mixins gave.
fn inherit(into: &mut AstShape, source: &AstShape, conflicts: &mut Vec<(String, String)>) {
    for (name, member) in &source.members {
        match into.members.get_mut(name) {
            // Several mixins with one member: their traits merge (the later mixin's win).
            Some(existing) if existing.target == member.target => existing.traits.extend(member.traits.clone()),
            Some(existing) => conflicts.push((name.clone(), existing.target.clone())),
            None => {
                into.members.insert(name.clone(), member.clone());
            }
        }
    }
    for (slot, from) in [
        (&mut into.member, &source.member),
        (&mut into.key, &source.key),
        (&mut into.value, &source.value),
    ] {
        if from.is_some() {
            *slot = from.clone();
        }
    }
    for (slot, from) in [
        (&mut into.input, &source.input),
        (&mut into.output, &source.output),
        (&mut into.create, &source.create),
        (&mut into.put, &source.put),
        (&mut into.read, &source.read),
        (&mut into.update, &source.update),
        (&mut into.delete, &source.delete),
        (&mut into.list, &source.list),
    ] {
        if from.is_some() {
            *slot = from.clone();
        }
    }
    if source.version.is_some() {
        into.version = source.version.clone();
    }
    for (list, from) in [
        (&mut into.operations, &source.operations),
        (&mut into.resources, &source.resources),
        (&mut into.errors, &source.errors),
        (&mut into.collection_operations, &source.collection_operations),
    ] {
        for item in from {
            if !list.contains(item) {
                list.push(item.clone());
            }
        }
    }
    into.identifiers.extend(source.identifiers.clone());
    into.properties.extend(source.properties.clone());
    into.rename.extend(source.rename.clone());
}

/// Puts a shape's own definition over what its mixins give; returns the members that
/// redeclare an inherited member with another target (name, inherited target).
fn overlay(shape: &mut AstShape, mut inherited: AstShape) -> Vec<(String, String)> {
    let mut conflicts = Vec::new();
    let mut redeclare = |name: &str, own: AstMember, inherited: &mut AstMember| {
        // A redeclared mixin member may only add traits.
        if !own.target.is_empty() && own.target != inherited.target {
            conflicts.push((name.to_string(), inherited.target.clone()));
        }
        inherited.traits.extend(own.traits);
    };
    for (name, member) in std::mem::take(&mut shape.members) {
        match inherited.members.get_mut(&name) {
            Some(from_mixin) => redeclare(&name, member, from_mixin),
            None => {
                inherited.members.insert(name, member);
            }
        }
    }
    shape.members = inherited.members;
    for (name, own, from_mixin) in [
        ("member", shape.member.take(), inherited.member.take()),
        ("key", shape.key.take(), inherited.key.take()),
        ("value", shape.value.take(), inherited.value.take()),
    ] {
        let merged = match (own, from_mixin) {
            (Some(own), Some(mut from_mixin)) => {
                redeclare(name, own, &mut from_mixin);
                Some(from_mixin)
            }
            (own, from_mixin) => own.or(from_mixin),
        };
        match name {
            "member" => shape.member = merged,
            "key" => shape.key = merged,
            _ => shape.value = merged,
        }
    }
    for (slot, from) in [
        (&mut shape.input, inherited.input),
        (&mut shape.output, inherited.output),
        (&mut shape.create, inherited.create),
        (&mut shape.put, inherited.put),
        (&mut shape.read, inherited.read),
        (&mut shape.update, inherited.update),
        (&mut shape.delete, inherited.delete),
        (&mut shape.list, inherited.list),
    ] {
        if slot.is_none() {
            *slot = from;
        }
    }
    if shape.version.is_none() {
        shape.version = inherited.version;
    }
    for (list, mut from) in [
        (&mut shape.operations, inherited.operations),
        (&mut shape.resources, inherited.resources),
        (&mut shape.errors, inherited.errors),
        (&mut shape.collection_operations, inherited.collection_operations),
    ] {
        from.retain(|item| !list.contains(item));
        from.append(list);
        *list = from;
    }
    inherited.identifiers.extend(std::mem::take(&mut shape.identifiers));
    shape.identifiers = inherited.identifiers;
    inherited.properties.extend(std::mem::take(&mut shape.properties));
    shape.properties = inherited.properties;
    inherited.rename.extend(std::mem::take(&mut shape.rename));
    shape.rename = inherited.rename;
    inherited.traits.extend(std::mem::take(&mut shape.traits));
    shape.traits = inherited.traits;
    shape.mixins.clear();
    conflicts
}
