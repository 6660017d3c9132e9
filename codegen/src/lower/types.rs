//! Lowering shapes into generated types, and member targets into `Ty` with their
//! effective constraints (member traits over target traits).

use super::Lowering;
use super::sparse;
use super::traits::{self, id};
use crate::ast::{AstMember, AstShape, Traits};
use crate::ir::*;
use crate::{docs, naming};
use serde_json::Value;
use std::collections::BTreeSet;

/// An opaque type standing in where the real one could not be built (the error is recorded).
fn placeholder() -> Ty {
    Ty {
        kind: TyKind::Document,
        constraints: Constraints::default(),
        sensitive: false,
        check: None,
    }
}

/// How deep lists and maps may nest; deeper models are surely mistakes, and the Rust
/// tooling that formats the output recurses on them.
const MAX_NESTING: usize = 16;

impl Lowering<'_> {
    /// One generated type, or `None` (with errors recorded) when it cannot be built.
    pub(crate) fn lower_type(&mut self, id: &str) -> Option<TypeDef> {
        let shape = self.model.shapes.get(id)?;
        let name = self.names.get(id)?.clone();
        let home = self.homes.get(id)?.clone();
        let mut docs = docs::to_markdown(traits::documentation(&shape.traits));
        if docs.is_empty()
            && let Some(role) = self.io_roles.get(id)
        {
            let mut role = role.clone();
            role[..1].make_ascii_uppercase();
            docs.push(format!("{role}."));
        }
        let sensitive = traits::has(&shape.traits, id::SENSITIVE);
        match shape.kind.as_str() {
            "structure" => {
                let members = self.lower_members(id, shape, false);
                let error = self.error_info(id, shape, &members);
                Some(TypeDef::Struct(Struct {
                    id: id.to_string(),
                    name,
                    docs,
                    members,
                    sensitive,
                    error,
                    home,
                }))
            }
            "union" => {
                let members = self.lower_members(id, shape, true);
                Some(TypeDef::Union(Union {
                    id: id.to_string(),
                    name,
                    docs,
                    members,
                    sensitive,
                    home,
                }))
            }
            "enum" | "intEnum" | "string" => {
                let int = shape.kind == "intEnum";
                let variants = if shape.kind == "string" {
                    self.enum_trait_variants(id, shape)
                } else {
                    self.enum_variants(id, shape, int)
                };
                Some(TypeDef::Enum(Enum {
                    id: id.to_string(),
                    name,
                    docs,
                    int,
                    variants,
                    home,
                }))
            }
            _ => None,
        }
    }

    fn lower_members(&mut self, id: &str, shape: &AstShape, union: bool) -> Vec<Member> {
        let mut members = Vec::new();
        // Clients treat every member of an `@input` structure as optional (no default filled).
        let input = traits::has(&shape.traits, id::INPUT);
        let mut seen = std::collections::BTreeMap::new();
        for (wire_name, member) in &shape.members {
            let field = if union {
                naming::variant_name(wire_name)
            } else {
                naming::field_name(wire_name)
            };
            if let Some(other) = seen.insert(naming::collision_key(&field), wire_name.clone()) {
                self.error(
                    id,
                    Some(wire_name),
                    None,
                    format!("its Rust name `{field}` collides with member `{other}`"),
                );
            }
            let binding = self.binding(id, wire_name, &member.traits);
            let mut ty = self.ty(id, wire_name, member);
            header_timestamp_default(&mut ty, &binding, &member.traits, self.model.shapes.get(&member.target));
            self.reject_nested_timestamps(id, wire_name, &ty, union);
            self.reject_sparse_outside_body(id, wire_name, &ty, &binding);
            let target_traits = self.model.shapes.get(&member.target).map(|t| &t.traits);
            let default = member
                .traits
                .get(id::DEFAULT)
                .or_else(|| target_traits.and_then(|t| t.get(id::DEFAULT)))
                .cloned()
                .filter(|d| !d.is_null());
            // Every default is checked against its member, filled in or not (an unresolved
            // target is reported already).
            let typed_default = match &default {
                Some(value) if !union && target_traits.is_some() => self.default_value(id, wire_name, &ty, value),
                _ => None,
            };
            let client_optional = traits::has(&member.traits, id::CLIENT_OPTIONAL);
            let server_default = typed_default.clone().filter(|_| input);
            let filled_default = typed_default.filter(|_| !input && !client_optional);
            let json_name = match traits::string(&member.traits, id::JSON_NAME) {
                Ok(name) => name.unwrap_or(wire_name).to_string(),
                Err(message) => {
                    self.error(id, Some(wire_name), Some(id::JSON_NAME), message);
                    wire_name.clone()
                }
            };
            let media_type = self.media_type(id, wire_name, &member.traits, target_traits);
            members.push(Member {
                media_type,
                wire_name: wire_name.clone(),
                json_name,
                with_setter: naming::with_setter(&field),
                builder_setters: naming::builder_setters(&field),
                field,
                docs: docs::to_markdown(traits::documentation(&member.traits)),
                required: traits::has(&member.traits, id::REQUIRED),
                default,
                filled_default,
                server_default,
                deprecated: traits::has(&member.traits, id::DEPRECATED),
                binding,
                ty,
            });
        }
        members
    }

    /// `@mediaType` of the member, else of its target. It becomes a `Content-Type` header
    /// value, so it must be one (visible ASCII and spaces).
    fn media_type(&mut self, id: &str, member: &str, own: &Traits, target: Option<&Traits>) -> Option<String> {
        let traits = if own.contains_key(id::MEDIA_TYPE) {
            Some(own)
        } else {
            target
        };
        let value = match traits::string(traits?, id::MEDIA_TYPE) {
            Ok(value) => value?,
            Err(message) => {
                self.error(id, Some(member), Some(id::MEDIA_TYPE), message);
                return None;
            }
        };
        if value.is_empty() || !value.bytes().all(|b| b == b' ' || b.is_ascii_graphic()) {
            self.error(
                id,
                Some(member),
                Some(id::MEDIA_TYPE),
                format!("{value:?} is not a valid Content-Type header value"),
            );
            return None;
        }
        Some(value.to_string())
    }

    fn binding(&mut self, id: &str, member: &str, t: &Traits) -> Binding {
        let named = |cx: &mut Self, trait_id: &str| match traits::string(t, trait_id) {
            Ok(value) => value.unwrap_or_default().to_string(),
            Err(e) => {
                cx.error(id, Some(member), Some(trait_id), e);
                String::new()
            }
        };
        // Labels and query bindings mean something only on an operation's input; Smithy
        // says that anywhere else they are "simply ignored", so the member is a body member.
        let input = self.is_operation_input(id);
        if input && traits::has(t, id::HTTP_LABEL) {
            Binding::Label
        } else if input && traits::has(t, id::HTTP_QUERY) {
            Binding::Query(named(self, id::HTTP_QUERY))
        } else if input && traits::has(t, id::HTTP_QUERY_PARAMS) {
            Binding::QueryParams
        } else if traits::has(t, id::HTTP_HEADER) {
            Binding::Header(named(self, id::HTTP_HEADER))
        } else if traits::has(t, id::HTTP_PREFIX_HEADERS) {
            Binding::PrefixHeaders(named(self, id::HTTP_PREFIX_HEADERS))
        } else if traits::has(t, id::HTTP_PAYLOAD) {
            Binding::Payload
        } else if traits::has(t, id::HTTP_RESPONSE_CODE) {
            Binding::ResponseCode
        } else {
            Binding::Body
        }
    }

    /// Whether the shape is the input of one of the generated operations.
    fn is_operation_input(&self, id: &str) -> bool {
        self.operation_inputs.contains(id)
    }

    /// The type of a member (or list member, map key/value) of `owner`.
    pub(crate) fn ty(&mut self, owner: &str, member_name: &str, member: &AstMember) -> Ty {
        let Some(target) = self.model.shapes.get(&member.target) else {
            // Reported when the reachable shapes were collected.
            return placeholder();
        };
        let effective = traits::effective(&target.traits, &member.traits);
        let collection = matches!(target.kind.as_str(), "list" | "set" | "map");
        if collection {
            if self.nesting.contains(&member.target) {
                self.error(
                    &member.target,
                    None,
                    None,
                    "the collection contains itself; recursion needs a structure or union in between".to_string(),
                );
                return placeholder();
            }
            if self.nesting.len() >= MAX_NESTING {
                self.error(
                    &member.target,
                    None,
                    None,
                    format!("lists and maps nest more than {MAX_NESTING} levels deep"),
                );
                return placeholder();
            }
            self.nesting.push(member.target.clone());
        }
        let kind = self.ty_kind(owner, member_name, &member.target, target, &effective);
        if collection {
            self.nesting.pop();
        }
        let constraints = self.constraints(owner, member_name, member, target, &kind, &effective);
        let check = self.check_name(&member.target, &member.traits, &kind);
        Ty {
            kind,
            constraints,
            sensitive: traits::has(&effective, id::SENSITIVE),
            check,
        }
    }

    /// A shared check function for a constrained model shape used as declared. Generated
    /// types validate themselves, so only simple shapes, lists and maps get one.
    fn check_name(&mut self, target_id: &str, member_traits: &Traits, kind: &TyKind) -> Option<String> {
        let own_constraint = [id::LENGTH, id::RANGE, id::PATTERN, id::UNIQUE_ITEMS, id::SENSITIVE]
            .iter()
            .any(|t| member_traits.contains_key(*t));
        let prelude = target_id.starts_with("smithy.api#");
        if own_constraint || prelude || matches!(kind, TyKind::Named { .. }) {
            return None;
        }
        let base = naming::field_name(&self.local_name(target_id))
            .trim_start_matches("r#")
            .to_string();
        let mut name = base.clone();
        let mut n = 1;
        while let Some(owner) = self.check_names.get(&name) {
            if owner == target_id {
                return Some(name);
            }
            n += 1;
            name = format!("{base}_{n}");
        }
        self.check_names.insert(name.clone(), target_id.to_string());
        Some(name)
    }

    fn ty_kind(&mut self, owner: &str, member: &str, target_id: &str, target: &AstShape, effective: &Traits) -> TyKind {
        if let Some(name) = self.names.get(target_id) {
            let kind = match target.kind.as_str() {
                "structure" => NamedKind::Struct,
                "union" => NamedKind::Union,
                "intEnum" => NamedKind::IntEnum,
                _ => NamedKind::Enum,
            };
            // Only a direct member needs a box: lists and maps already hold their items indirectly.
            let owner_is_aggregate = self
                .model
                .shapes
                .get(owner)
                .is_some_and(|s| matches!(s.kind.as_str(), "structure" | "union"));
            let boxed = matches!(kind, NamedKind::Struct | NamedKind::Union)
                && owner_is_aggregate
                && self.reaches(target_id, owner);
            return TyKind::Named {
                name: name.clone(),
                kind,
                boxed,
            };
        }
        match target.kind.as_str() {
            "boolean" => TyKind::Bool,
            "byte" => TyKind::Byte,
            "short" => TyKind::Short,
            "integer" => TyKind::Integer,
            "long" => TyKind::Long,
            "float" => TyKind::Float,
            "double" => TyKind::Double,
            "bigInteger" => TyKind::BigInteger,
            "bigDecimal" => TyKind::BigDecimal,
            "string" => TyKind::String,
            "blob" => TyKind::Blob,
            "document" => TyKind::Document,
            "timestamp" => {
                let format = match traits::string(effective, id::TIMESTAMP_FORMAT)
                    .and_then(|f| f.map(traits::timestamp_format).transpose())
                {
                    Ok(format) => format.unwrap_or(TimestampFormat::EpochSeconds),
                    Err(e) => {
                        self.error(owner, Some(member), Some(id::TIMESTAMP_FORMAT), e);
                        TimestampFormat::EpochSeconds
                    }
                };
                TyKind::Timestamp(format)
            }
            "list" => match &target.member {
                Some(item) => {
                    let item = self.ty(target_id, "member", item);
                    TyKind::List(Box::new(sparse::item(item, &target.traits)))
                }
                None => {
                    self.error(target_id, None, None, "a list must have a `member`".to_string());
                    TyKind::Document
                }
            },
            "map" => match (&target.key, &target.value) {
                (Some(key), Some(value)) => {
                    let key = self.ty(target_id, "key", key);
                    if !matches!(
                        key.kind,
                        TyKind::String
                            | TyKind::Named {
                                kind: NamedKind::Enum,
                                ..
                            }
                    ) {
                        self.error(
                            target_id,
                            Some("key"),
                            None,
                            "a map key must target a string or enum".to_string(),
                        );
                    }
                    let value = self.ty(target_id, "value", value);
                    TyKind::Map {
                        key: Box::new(key),
                        value: Box::new(sparse::item(value, &target.traits)),
                    }
                }
                _ => {
                    self.error(
                        target_id,
                        None,
                        None,
                        "a map must have a `key` and a `value`".to_string(),
                    );
                    TyKind::Document
                }
            },
            "structure" if target_id == crate::prelude::UNIT => TyKind::Unit,
            other => {
                self.error(
                    owner,
                    Some(member),
                    None,
                    format!("cannot target a shape of type `{other}` (`{target_id}`)"),
                );
                TyKind::Document
            }
        }
    }

    /// Timestamps travel through the runtime's serde `with` modules, which cover a timestamp,
    /// a list of them and a map of them as structure members; deeper nesting and collections
    /// of timestamps as union variants have no module yet and are refused by name.
    fn reject_nested_timestamps(&mut self, owner: &str, member: &str, ty: &Ty, union: bool) {
        let collection_item = match &ty.kind {
            TyKind::List(item) => Some(&**item),
            TyKind::Map { value, .. } => Some(&**value),
            _ => None,
        };
        let Some(item) = collection_item else { return };
        let message = if matches!(&item.kind, TyKind::Nullable(inner) if contains_timestamp(inner)) {
            "a @sparse list or map of timestamps is not supported yet (a dense one is)"
        } else if union && matches!(item.kind, TyKind::Timestamp(_)) {
            "a union variant cannot be a list or map of timestamps yet (a structure member can)"
        } else if contains_timestamp(item) && !matches!(item.kind, TyKind::Timestamp(_)) {
            "timestamps nested two collections deep are not supported yet (one list or map is)"
        } else {
            return;
        };
        self.error(owner, Some(member), None, message.to_string());
    }

    /// Whether `from` reaches `to` through structure/union members without passing through
    /// a list or map (which already give indirection): such a member must be boxed.
    fn reaches(&self, from: &str, to: &str) -> bool {
        let mut stack = vec![from.to_string()];
        let mut seen = BTreeSet::new();
        while let Some(id) = stack.pop() {
            if id == to {
                return true;
            }
            if !seen.insert(id.clone()) {
                continue;
            }
            if let Some(shape) = self.model.shapes.get(&id)
                && matches!(shape.kind.as_str(), "structure" | "union")
            {
                stack.extend(shape.members.values().map(|m| m.target.clone()));
            }
        }
        false
    }

    fn constraints(
        &mut self,
        owner: &str,
        member_name: &str,
        member: &AstMember,
        target: &AstShape,
        kind: &TyKind,
        t: &Traits,
    ) -> Constraints {
        let mut c = Constraints::default();
        let numeric = matches!(
            kind,
            TyKind::Byte
                | TyKind::Short
                | TyKind::Integer
                | TyKind::Long
                | TyKind::Float
                | TyKind::Double
                | TyKind::BigInteger
                | TyKind::BigDecimal
        );
        let sized = matches!(
            kind,
            TyKind::String | TyKind::Blob | TyKind::List(_) | TyKind::Map { .. }
        ) || matches!(
            kind,
            TyKind::Named {
                kind: NamedKind::Enum,
                ..
            }
        );
        let misplaced = |cx: &mut Self, trait_id: &str| {
            cx.error(
                owner,
                Some(member_name),
                Some(trait_id),
                format!(
                    "cannot apply to a shape of type `{}` (`{}`)",
                    target.kind, member.target
                ),
            );
        };
        if let Some(value) = t.get(id::LENGTH) {
            if !sized {
                misplaced(self, id::LENGTH);
            } else {
                match traits::length(value) {
                    Ok(bounds) => c.length = Some(bounds),
                    Err(e) => self.error(owner, Some(member_name), Some(id::LENGTH), e),
                }
            }
        }
        if let Some(value) = t.get(id::RANGE) {
            if !numeric {
                misplaced(self, id::RANGE);
            } else {
                match traits::range(value) {
                    Ok(bounds) => c.range = Some(bounds),
                    Err(e) => self.error(owner, Some(member_name), Some(id::RANGE), e),
                }
            }
        }
        if t.contains_key(id::PATTERN) {
            match traits::string(t, id::PATTERN) {
                Err(e) => self.error(owner, Some(member_name), Some(id::PATTERN), e),
                Ok(Some(_))
                    if !sized
                        || !matches!(
                            kind,
                            TyKind::String
                                | TyKind::Named {
                                    kind: NamedKind::Enum,
                                    ..
                                }
                        ) =>
                {
                    misplaced(self, id::PATTERN)
                }
                Ok(Some(source)) => match smithy_runtime::Pattern::check(source) {
                    Ok(()) => {
                        // The static is named after whoever declares the pattern.
                        let declared_on_member = member.traits.contains_key(id::PATTERN);
                        let static_name = if declared_on_member {
                            naming::const_name(&format!("{}_{member_name}", self.local_name(owner)))
                        } else {
                            naming::const_name(&self.local_name(&member.target))
                        };
                        let static_name = self.unique_pattern_name(static_name, source);
                        c.pattern = Some(PatternRef {
                            source: source.to_string(),
                            static_name,
                        });
                    }
                    Err(reason) => self.error(
                        owner,
                        Some(member_name),
                        Some(id::PATTERN),
                        format!("cannot compile `{source}` as ECMA-262 or as Java: {reason}"),
                    ),
                },
                Ok(None) => {}
            }
        }
        if traits::has(t, id::UNIQUE_ITEMS) {
            if matches!(kind, TyKind::List(_)) {
                c.unique_items = true;
            } else {
                misplaced(self, id::UNIQUE_ITEMS);
            }
        }
        c
    }

    /// The static's name, suffixed `_2`, `_3`... when another pattern already has it.
    fn unique_pattern_name(&mut self, base: String, source: &str) -> String {
        let mut name = base.clone();
        let mut n = 1;
        while let Some(existing) = self.pattern_names.get(&name) {
            if existing == source {
                return name;
            }
            n += 1;
            name = format!("{base}_{n}");
        }
        self.pattern_names.insert(name.clone(), source.to_string());
        name
    }

    fn error_info(&mut self, id: &str, shape: &AstShape, members: &[Member]) -> Option<ErrorInfo> {
        let fault = match shape.traits.get(id::ERROR)? {
            Value::String(s) if s == "client" => Fault::Client,
            Value::String(s) if s == "server" => Fault::Server,
            other => {
                self.error(
                    id,
                    None,
                    Some(id::ERROR),
                    format!("expected \"client\" or \"server\", found {other}"),
                );
                Fault::Client
            }
        };
        let status = match shape.traits.get(id::HTTP_ERROR) {
            None => {
                if fault == Fault::Client {
                    400
                } else {
                    500
                }
            }
            Some(v) => match v
                .as_u64()
                .and_then(|n| u16::try_from(n).ok())
                .filter(|n| (400..600).contains(n))
            {
                Some(status) => status,
                None => {
                    self.error(
                        id,
                        None,
                        Some(id::HTTP_ERROR),
                        format!("expected a status code from 400 to 599, found {v}"),
                    );
                    500
                }
            },
        };
        let is_message =
            |m: &&Member| matches!(m.ty.kind, TyKind::String) && m.wire_name.to_ascii_lowercase().ends_with("message");
        let message_field = ["message", "Message", "exceptionMessage", "errorMessage"]
            .iter()
            .find_map(|name| members.iter().find(|m| m.wire_name == *name))
            .or_else(|| members.iter().find(is_message))
            .map(|m| m.field.clone());
        let retryable = shape.traits.get(id::RETRYABLE);
        Some(ErrorInfo {
            // The shape's own name, whatever `rename` makes of the Rust type.
            code: id.split_once('#').map_or(id, |(_, name)| name).to_string(),
            fault,
            status,
            message_field,
            retryable: retryable.is_some(),
            throttling: retryable
                .and_then(|r| r.get("throttling"))
                .and_then(Value::as_bool)
                .unwrap_or(false),
        })
    }

    fn enum_variants(&mut self, id: &str, shape: &AstShape, int: bool) -> Vec<Variant> {
        let mut variants = Vec::new();
        for (name, member) in &shape.members {
            let value = match (member.traits.get(id::ENUM_VALUE), int) {
                (None, false) => EnumValue::Str(name.clone()),
                (Some(Value::String(s)), false) => EnumValue::Str(s.clone()),
                (Some(v), true) if v.as_i64().and_then(|n| i32::try_from(n).ok()).is_some() => {
                    EnumValue::Int(v.as_i64().and_then(|n| i32::try_from(n).ok()).unwrap_or_default())
                }
                (v, _) => {
                    let expected = if int {
                        "an integer enumValue within i32"
                    } else {
                        "a string enumValue"
                    };
                    self.error(
                        id,
                        Some(name),
                        Some(id::ENUM_VALUE),
                        format!(
                            "expected {expected}, found {}",
                            v.map_or("nothing".to_string(), |v| v.to_string())
                        ),
                    );
                    continue;
                }
            };
            variants.push(Variant {
                name: naming::variant_name(name),
                value,
                docs: docs::to_markdown(traits::documentation(&member.traits)),
                internal: traits::has(&member.traits, id::INTERNAL),
            });
        }
        self.check_variants(id, &variants);
        variants
    }

    /// Smithy 1.0's `@enum` trait on a string shape.
    fn enum_trait_variants(&mut self, id: &str, shape: &AstShape) -> Vec<Variant> {
        let Some(Value::Array(entries)) = shape.traits.get(id::ENUM) else {
            self.error(
                id,
                None,
                Some(id::ENUM),
                "expected a list of enum definitions".to_string(),
            );
            return Vec::new();
        };
        let mut variants = Vec::new();
        for entry in entries {
            let Some(value) = entry.get("value").and_then(Value::as_str) else {
                self.error(
                    id,
                    None,
                    Some(id::ENUM),
                    format!("an enum definition needs a string `value`, found {entry}"),
                );
                continue;
            };
            let name = entry.get("name").and_then(Value::as_str).unwrap_or(value);
            let doc = entry.get("documentation").and_then(Value::as_str).unwrap_or("");
            // Smithy turns an entry tagged `internal` into an `@internal` enum member.
            let internal = entry
                .get("tags")
                .and_then(Value::as_array)
                .is_some_and(|tags| tags.iter().any(|t| t.as_str() == Some("internal")));
            variants.push(Variant {
                name: naming::variant_name(name),
                value: EnumValue::Str(value.to_string()),
                docs: docs::to_markdown(doc),
                internal,
            });
        }
        self.check_variants(id, &variants);
        variants
    }

    fn check_variants(&mut self, id: &str, variants: &[Variant]) {
        let mut names: std::collections::BTreeMap<String, &EnumValue> = std::collections::BTreeMap::new();
        let mut values = BTreeSet::new();
        for v in variants {
            if let Some(other) = names.insert(naming::collision_key(&v.name), &v.value) {
                let message = format!(
                    "the enum values {} and {} both map to the Rust variant `{}`",
                    show_value(other),
                    show_value(&v.value),
                    v.name
                );
                self.error(id, None, None, message);
            }
            if !values.insert(show_value(&v.value)) {
                self.error(
                    id,
                    None,
                    None,
                    format!("the enum value {} appears twice", show_value(&v.value)),
                );
            }
        }
    }
}

/// Whether a timestamp is reachable through lists and maps (not through named types).
fn contains_timestamp(ty: &Ty) -> bool {
    match &ty.kind {
        TyKind::Timestamp(_) => true,
        TyKind::List(item) | TyKind::Nullable(item) => contains_timestamp(item),
        TyKind::Map { value, .. } => contains_timestamp(value),
        _ => false,
    }
}

/// Timestamps bound to headers default to http-date, labels and query strings to date-time.
fn header_timestamp_default(ty: &mut Ty, binding: &Binding, member_traits: &Traits, target: Option<&AstShape>) {
    let explicit = member_traits.contains_key(id::TIMESTAMP_FORMAT)
        || target.is_some_and(|t| t.traits.contains_key(id::TIMESTAMP_FORMAT));
    if explicit {
        return;
    }
    let format = match binding {
        Binding::Header(_) => TimestampFormat::HttpDate,
        Binding::Label | Binding::Query(_) => TimestampFormat::DateTime,
        _ => return,
    };
    match &mut ty.kind {
        TyKind::Timestamp(f) => *f = format,
        TyKind::List(item) => {
            if let TyKind::Timestamp(f) = &mut item.kind {
                *f = format;
            }
        }
        _ => {}
    }
}

/// An enum value as the model writes it: `"red"` or `5`.
fn show_value(value: &EnumValue) -> String {
    match value {
        EnumValue::Str(s) => format!("{s:?}"),
        EnumValue::Int(i) => i.to_string(),
    }
}
