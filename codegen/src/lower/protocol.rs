//! Choosing the service's protocol, and refusing what the generator cannot put on the wire.
//!
//! The protocol is decided here, once: emitters and the runtime take it from the IR. A model
//! that needs something the generator does not implement (another protocol, a trait that
//! changes the wire format) is a model error reported with every other, never a crate that
//! silently speaks a different protocol than the model says.

use super::Lowering;
use crate::ir::{Protocol, Struct, TypeDef};
use std::collections::BTreeMap;

/// Protocol traits the generator knows of but does not implement.
const OTHER_PROTOCOLS: &[&str] = &[
    "aws.protocols#awsJson1_0",
    "aws.protocols#awsJson1_1",
    "aws.protocols#restXml",
    "aws.protocols#awsQuery",
    "aws.protocols#ec2Query",
    "smithy.protocols#rpcv2Cbor",
];

/// Traits that change what goes on the wire and that this generator does not implement, with
/// what each would change. Ignoring one would send or read something other than the model says.
/// (`@jsonName`, `@endpoint` with `@hostLabel`, `@httpChecksumRequired` and
/// `@requestCompression` are implemented; `@streaming` blobs are read whole, which puts the
/// same bytes on the wire; event streams are refused by operation.)
const UNIMPLEMENTED_WIRE_TRAITS: &[(&str, &str)] = &[("aws.protocols#httpChecksum", "checksum headers")];

impl Lowering<'_> {
    /// The service's protocol: restJson1, the one this generator implements (also for a
    /// service that names no protocol). A service that names only other protocols is an error.
    pub(super) fn protocol(&mut self) -> Protocol {
        let id = self.service_id.clone();
        let traits = self.service_shape().map(|s| s.traits.clone()).unwrap_or_default();
        let rest_json = Protocol::RestJson1.trait_id();
        let others: Vec<&str> = OTHER_PROTOCOLS
            .iter()
            .copied()
            .filter(|p| traits.contains_key(*p))
            .collect();
        if !traits.contains_key(rest_json) && !others.is_empty() {
            self.error(
                &id,
                None,
                Some(others[0]),
                format!(
                    "the service's protocol ({}) is not supported; this generator implements {rest_json}",
                    others.join(", ")
                ),
            );
        }
        Protocol::RestJson1
    }

    /// Every unimplemented wire trait on an operation, a generated type or one of its members
    /// (member traits over their target's), reported where it is.
    pub(super) fn check_wire_traits(&mut self) {
        let model = self.model;
        let mut found = Vec::new();
        for id in self.operations.iter().chain(&self.type_ids) {
            let Some(shape) = model.shapes.get(id) else { continue };
            for (trait_id, what) in UNIMPLEMENTED_WIRE_TRAITS {
                if shape.traits.contains_key(*trait_id) {
                    found.push((id.clone(), None, *trait_id, *what));
                }
                for (name, member) in &shape.members {
                    let on_target = model
                        .shapes
                        .get(&member.target)
                        .is_some_and(|t| t.traits.contains_key(*trait_id));
                    if member.traits.contains_key(*trait_id) || on_target {
                        found.push((id.clone(), Some(name.clone()), *trait_id, *what));
                    }
                }
            }
        }
        for (shape, member, trait_id, what) in found {
            self.error(
                &shape,
                member.as_deref(),
                Some(trait_id),
                format!("not implemented by this generator (it changes {what})"),
            );
        }
    }
}

/// The wire name of the member most error structures carry their message in (ties: the
/// first by name), else `message`.
pub(super) fn error_message_member(types: &BTreeMap<String, TypeDef>) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for def in types.values() {
        if let TypeDef::Struct(Struct {
            error: Some(info),
            members,
            ..
        }) = def
            && let Some(field) = &info.message_field
            && let Some(member) = members.iter().find(|m| &m.field == field)
        {
            *counts.entry(member.wire_name.as_str()).or_default() += 1;
        }
    }
    let most = counts.values().copied().max().unwrap_or(0);
    counts
        .into_iter()
        .find(|(_, n)| *n == most && most > 0)
        .map_or_else(|| "message".to_string(), |(name, _)| name.to_string())
}
