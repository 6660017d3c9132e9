//! Smithy 1.0 shapes upgraded to Smithy 2.0 meaning, so files of both versions (IDL or JSON
//! AST alike) load into one model.
//!
//! Smithy 1.0 had no `@default` trait: a boolean or number shape was non-null with a zero
//! value unless it, or the member targeting it, was marked `@box`. Smithy's loader makes that
//! explicit, and so do we:
//! - a 1.0 boolean or number shape without `@box` gets `@default(false)` or `@default(0)`;
//! - a 1.0 structure member gets its target's zero `@default` when the target is not boxed
//!   (no `@box`, and a zero default: a 1.0 unboxed shape or a prelude `Primitive*` shape);
//!   a `@box`ed member gets `@default(null)` (nullable, whatever its target's default);
//! - a 1.0 member targeting a `@streaming` blob, unless `@required`, gets `@default("")`, as
//!   Smithy 2.0 requires of streaming members.
//!
//! `set` (1.0) is a list with `@uniqueItems`, whatever the file's version.

use super::Model;
use crate::ast::{AstMember, AstShape};
use serde_json::{Value, json};
use std::collections::BTreeSet;

const BOX: &str = "smithy.api#box";
const DEFAULT: &str = "smithy.api#default";
const REQUIRED: &str = "smithy.api#required";
const STREAMING: &str = "smithy.api#streaming";
const UNIQUE_ITEMS: &str = "smithy.api#uniqueItems";

/// Upgrades every shape defined in a Smithy 1.0 file (`v1_files` names those files); runs
/// once `apply` and mixins are resolved, so `@box` given by `apply` counts.
pub(super) fn upgrade(model: &mut Model, v1_files: &BTreeSet<String>) {
    for shape in model.shapes.values_mut() {
        set_to_list(shape);
    }
    if v1_files.is_empty() {
        return;
    }
    let v1_shapes: Vec<String> = model
        .files
        .iter()
        .filter(|(_, file)| v1_files.contains(*file))
        .map(|(id, _)| id.clone())
        .collect();
    // Root shapes first: a member's default depends on whether its target is now unboxed.
    for id in &v1_shapes {
        if let Some(shape) = model.shapes.get_mut(id) {
            default_unboxed_shape(shape);
        }
    }
    for id in &v1_shapes {
        let Some(shape) = model.shapes.get(id) else { continue };
        if shape.kind != "structure" {
            continue;
        }
        let defaults: Vec<(String, Value)> = shape
            .members
            .iter()
            .filter_map(|(name, member)| Some((name.clone(), member_default(member, model)?)))
            .collect();
        if let Some(shape) = model.shapes.get_mut(id) {
            for (name, default) in defaults {
                if let Some(member) = shape.members.get_mut(&name) {
                    member.traits.insert(DEFAULT.to_string(), default);
                }
            }
        }
    }
}

fn set_to_list(shape: &mut AstShape) {
    if shape.kind == "set" {
        shape.kind = "list".to_string();
        shape.traits.entry(UNIQUE_ITEMS.to_string()).or_insert(json!({}));
    }
}

/// The zero value a 1.0 shape of this type had unless boxed (`None`: the type was nullable).
fn zero_value(kind: &str) -> Option<Value> {
    match kind {
        "boolean" => Some(json!(false)),
        "byte" | "short" | "integer" | "intEnum" | "long" | "float" | "double" => Some(json!(0)),
        _ => None,
    }
}

/// Whether a default is the zero value of the type (`0` and `0.0` alike).
fn is_zero(value: &Value) -> bool {
    match value {
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
        _ => false,
    }
}

fn default_unboxed_shape(shape: &mut AstShape) {
    if shape.traits.contains_key(BOX) || shape.traits.contains_key(DEFAULT) {
        return;
    }
    if let Some(zero) = zero_value(&shape.kind) {
        shape.traits.insert(DEFAULT.to_string(), zero);
    }
}

/// The `@default` a 1.0 structure member gets, if any.
fn member_default(member: &AstMember, model: &Model) -> Option<Value> {
    if member.traits.contains_key(DEFAULT) {
        return None;
    }
    if member.traits.contains_key(BOX) {
        return Some(Value::Null);
    }
    let target = model.shapes.get(&member.target)?;
    if let Some(zero) = zero_value(&target.kind) {
        // A target is unboxed when it carries a zero default and no `@box` (a 2.0 or prelude
        // shape without a zero default is nullable, as Smithy treats it).
        let unboxed = !target.traits.contains_key(BOX) && target.traits.get(DEFAULT).is_some_and(is_zero);
        return unboxed.then_some(zero);
    }
    let streaming_blob = target.kind == "blob" && target.traits.contains_key(STREAMING);
    (streaming_blob && !member.traits.contains_key(REQUIRED)).then(|| json!(""))
}
