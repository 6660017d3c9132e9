//! Lowering the operation traits that change a request after it is encoded: `@endpoint`'s
//! host prefix and the `@hostLabel` members it names, `@idempotencyToken` and
//! `@requestCompression`. (`@httpChecksumRequired` is a flag read where operations are lowered.)

use super::Lowering;
use super::traits::{self, id};
use crate::ast::AstShape;
use crate::naming;
use serde_json::Value;

impl Lowering<'_> {
    /// `@endpoint`'s `hostPrefix`, and for each of its `{label}`s the input's Rust field that
    /// fills it: a `@hostLabel` member of that name targeting a string.
    pub(super) fn host_prefix(&mut self, op: &str, shape: &AstShape) -> Option<(String, Vec<(String, String)>)> {
        let value = shape.traits.get(id::ENDPOINT)?;
        let Some(prefix) = value.get("hostPrefix").and_then(Value::as_str) else {
            let message = format!("expected an object with a string `hostPrefix`, found {value}");
            self.error(op, None, Some(id::ENDPOINT), message);
            return None;
        };
        let input = shape.input.as_ref().map(|r| r.target.clone());
        let mut labels = Vec::new();
        let mut rest = prefix;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                let message = format!("the host prefix {prefix:?} has a `{{` without its `}}`");
                self.error(op, None, Some(id::ENDPOINT), message);
                return None;
            };
            let name = &after[..close];
            match self.host_label_field(input.as_deref(), name) {
                Ok(field) => labels.push((name.to_string(), field)),
                Err(reason) => {
                    let message = format!("the host prefix {prefix:?} has the label `{name}`, but {reason}");
                    self.error(op, None, Some(id::ENDPOINT), message);
                    return None;
                }
            }
            rest = &after[close + 1..];
        }
        Some((prefix.to_string(), labels))
    }

    fn host_label_field(&self, input: Option<&str>, name: &str) -> Result<String, String> {
        let member = input
            .and_then(|id| self.model.shapes.get(id))
            .and_then(|s| s.members.get(name))
            .ok_or("the input has no member of that name")?;
        if !traits::has(&member.traits, id::HOST_LABEL) {
            return Err("that input member has no @hostLabel".to_string());
        }
        if !self.is_plain_string(&member.target) {
            return Err(format!("that member targets `{}`, not a string", member.target));
        }
        Ok(naming::field_name(name))
    }

    /// A string without `@enum` (which would make it an enum type, not a `String`).
    fn is_plain_string(&self, target: &str) -> bool {
        self.model
            .shapes
            .get(target)
            .is_some_and(|s| s.kind == "string" && !traits::has(&s.traits, id::ENUM))
    }

    /// The input's Rust field with `@idempotencyToken`: one at most, targeting a string.
    pub(super) fn idempotency_token(&mut self, op: &str, input: Option<&str>) -> Option<String> {
        let model = self.model;
        let input_shape = model.shapes.get(input?)?;
        let tokens: Vec<(&String, &String)> = input_shape
            .members
            .iter()
            .filter(|(_, m)| traits::has(&m.traits, id::IDEMPOTENCY_TOKEN))
            .map(|(name, m)| (name, &m.target))
            .collect();
        match tokens.as_slice() {
            [] => None,
            [(name, target)] if self.is_plain_string(target) => Some(naming::field_name(name)),
            [(name, target)] => {
                let message = format!("the @idempotencyToken member `{name}` targets `{target}`, not a string");
                self.error(op, None, Some(id::IDEMPOTENCY_TOKEN), message);
                None
            }
            many => {
                let names: Vec<&str> = many.iter().map(|(n, _)| n.as_str()).collect();
                let message = format!(
                    "only one input member may be an @idempotencyToken; found {}",
                    names.join(", ")
                );
                self.error(op, None, Some(id::IDEMPOTENCY_TOKEN), message);
                None
            }
        }
    }

    /// `@requestCompression`'s `encodings`, in order (empty without the trait).
    pub(super) fn request_compression(&mut self, op: &str, shape: &AstShape) -> Vec<String> {
        let Some(value) = shape.traits.get(id::REQUEST_COMPRESSION) else {
            return Vec::new();
        };
        let encodings: Option<Vec<String>> = value
            .get("encodings")
            .and_then(Value::as_array)
            .and_then(|list| list.iter().map(|e| e.as_str().map(str::to_ascii_lowercase)).collect());
        match encodings {
            Some(encodings) => encodings,
            None => {
                let message = format!("expected an object with a list of strings `encodings`, found {value}");
                self.error(op, None, Some(id::REQUEST_COMPRESSION), message);
                Vec::new()
            }
        }
    }
}
