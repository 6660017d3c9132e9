//! Elided members (`$name`): the target comes from the bound resource's identifiers or
//! properties, or from a mixin's member of that name.

use super::{Elision, Model};
use crate::error::ModelError;

/// How deep mixins of mixins are searched for an elided member.
const MAX_DEPTH: usize = 64;

pub(super) fn resolve_elisions(model: &mut Model, elisions: &[(String, Elision)], errors: &mut Vec<ModelError>) {
    for (file, elision) in elisions {
        let error = |message: String| {
            ModelError::new(message)
                .at_shape(&elision.shape)
                .at_member(&elision.member)
                .in_file(Some(file))
                .at_pos(elision.line, elision.column)
        };
        let mut from_resource = None;
        if let Some(resource_id) = &elision.resource {
            match model.shapes.get(resource_id) {
                Some(resource) if resource.kind == "resource" => {
                    from_resource = resource
                        .identifiers
                        .get(&elision.member)
                        .or_else(|| resource.properties.get(&elision.member))
                        .map(|r| r.target.clone());
                }
                Some(other) => {
                    errors.push(error(format!(
                        "the target of `for` must be a resource shape, but `{resource_id}` is a {}",
                        other.kind
                    )));
                    continue;
                }
                None => {
                    errors.push(error(format!("the resource `{resource_id}` of `for` does not exist")));
                    continue;
                }
            }
        }
        if elision.member.is_empty() {
            // A `for` binding with no elided member: only the resource is checked.
            continue;
        }
        let from_mixin = elision
            .mixins
            .iter()
            .find_map(|mixin| mixin_member(model, mixin, &elision.member, 0));
        let target = match (from_resource, from_mixin) {
            (Some(a), Some((b, mixin))) if a != b => {
                errors.push(error(format!(
                    "member conflicts with an inherited mixin member: `{mixin}${}` targets `{b}`, the resource's `{a}`",
                    elision.member
                )));
                continue;
            }
            (Some(a), _) => a,
            (None, Some((b, _))) => b,
            (None, None) => {
                errors.push(error(
                    "member target was elided, but no bound resource or mixin has an identifier, property or member of that name"
                        .to_string(),
                ));
                continue;
            }
        };
        if let Some(member) = model
            .shapes
            .get_mut(&elision.shape)
            .and_then(|shape| super::merge::member_mut(shape, &elision.member))
        {
            member.target = target;
        }
    }
}

/// The target of `member` in mixin `id` (or in its own mixins), and the mixin defining it.
fn mixin_member(model: &Model, id: &str, member: &str, depth: usize) -> Option<(String, String)> {
    if depth > MAX_DEPTH {
        return None;
    }
    let shape = model.shapes.get(id)?;
    let own = match member {
        "member" => shape.member.as_ref(),
        "key" => shape.key.as_ref(),
        "value" => shape.value.as_ref(),
        _ => None,
    }
    .or_else(|| shape.members.get(member));
    if let Some(found) = own.filter(|m| !m.target.is_empty()) {
        return Some((found.target.clone(), id.to_string()));
    }
    shape
        .mixins
        .iter()
        .find_map(|mixin| mixin_member(model, &mixin.target, member, depth + 1))
}
