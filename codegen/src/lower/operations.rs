//! Lowering operations: the `@http` binding (checked against the input's members), the
//! error list and `@paginated`.

use super::Lowering;
use super::http::parse_uri;
use super::traits::{self, id};
use crate::ast::AstShape;
use crate::ir::*;
use crate::{docs, naming, prelude};
use serde_json::Value;
use std::collections::BTreeSet;

/// Smithy's standard error for invalid input, whose form and texts the server then follows.
const FRAMEWORK_VALIDATION_EXCEPTION: &str = "smithy.framework#ValidationException";

impl Lowering<'_> {
    pub(crate) fn lower_operations(&mut self) -> Vec<Operation> {
        let mut operations = Vec::new();
        for op_id in self.operations.clone() {
            let Some(shape) = self.model.shapes.get(&op_id) else {
                continue;
            };
            let name = self.local_name(&op_id);
            let input = self.io_struct(&op_id, shape.input.as_ref().map(|r| r.target.as_str()), "input");
            let output = self.io_struct(&op_id, shape.output.as_ref().map(|r| r.target.as_str()), "output");
            let http = self.http(&op_id, shape);
            if let Some(http) = &http {
                self.check_bindings(&op_id, http, shape.input.as_ref().map(|r| r.target.as_str()), true);
            }
            self.check_bindings(
                &op_id,
                &Http::default_for_check(),
                shape.output.as_ref().map(|r| r.target.as_str()),
                false,
            );
            let readonly = traits::has(&shape.traits, id::READONLY);
            let pagination = self.pagination(&op_id, shape);
            let errors = self.operation_errors(&op_id, shape);
            let type_name = naming::type_name(&name);
            let error_enum = format!("{type_name}Error");
            // The marker type and error enum share a module with the types they name.
            for (what, own) in [("marker type", &type_name), ("error enum", &error_enum)] {
                if input.iter().chain(&output).chain(&errors).any(|t| t == own) {
                    self.error(
                        &op_id,
                        None,
                        None,
                        format!("the Rust name `{own}` of its {what} is also the name of its input, output or error; add a `rename` to the service"),
                    );
                }
            }
            let (host_prefix, host_labels) = self.host_prefix(&op_id, shape).unzip();
            let input_id = shape.input.as_ref().map(|r| r.target.as_str());
            let idempotency_token = self.idempotency_token(&op_id, input_id);
            let checksum_required = traits::has(&shape.traits, id::HTTP_CHECKSUM_REQUIRED);
            let request_compression = self.request_compression(&op_id, shape);
            let fn_name = naming::field_name(&name);
            let framework_validation = self.framework_validation(shape);
            operations.push(Operation {
                id: op_id.clone(),
                // The same rule as the homes of its types (a keyword gets `_`: `use_`).
                module: naming::module_name(&name),
                client_method: naming::client_method(&fn_name),
                fn_name,
                type_name,
                error_enum,
                name,
                docs: docs::to_markdown(traits::documentation(&shape.traits)),
                http: http.unwrap_or_else(Http::default_for_check),
                input,
                output,
                errors,
                readonly,
                idempotent: readonly || traits::has(&shape.traits, id::IDEMPOTENT),
                pagination,
                host_prefix,
                host_labels: host_labels.unwrap_or_default(),
                checksum_required,
                request_compression,
                idempotency_token,
                framework_validation,
            });
        }
        operations
    }

    /// The Rust name of an operation's input/output structure (`None` for Unit).
    fn io_struct(&mut self, op: &str, target: Option<&str>, what: &str) -> Option<String> {
        let target = target.filter(|t| *t != prelude::UNIT)?;
        match self.model.shapes.get(target) {
            Some(s) if s.kind == "structure" => self.names.get(target).cloned(),
            Some(s) => {
                self.error(
                    op,
                    None,
                    None,
                    format!("its {what} `{target}` must be a structure, not a {}", s.kind),
                );
                None
            }
            None => None, // reported when reachable shapes were collected
        }
    }

    fn http(&mut self, op: &str, shape: &AstShape) -> Option<Http> {
        let Some(value) = shape.traits.get(id::HTTP) else {
            self.error(
                op,
                None,
                Some(id::HTTP),
                "the operation has no @http trait; restJson1 needs one".to_string(),
            );
            return None;
        };
        let method = value.get("method").and_then(Value::as_str);
        let uri = value.get("uri").and_then(Value::as_str);
        let (Some(method), Some(uri)) = (method, uri) else {
            self.error(
                op,
                None,
                Some(id::HTTP),
                format!("expected `method` and `uri` strings, found {value}"),
            );
            return None;
        };
        let code = match value.get("code") {
            None => 200,
            Some(c) => match c
                .as_u64()
                .and_then(|c| u16::try_from(c).ok())
                .filter(|c| (100..600).contains(c))
            {
                Some(code) => code,
                None => {
                    self.error(
                        op,
                        None,
                        Some(id::HTTP),
                        format!("`code` must be an HTTP status, found {c}"),
                    );
                    200
                }
            },
        };
        match parse_uri(uri) {
            Ok(template) => Some(Http {
                method: method.to_ascii_uppercase(),
                uri: uri.to_string(),
                path: template.path,
                query_literals: template.query,
                code,
            }),
            Err(e) => {
                self.error(op, None, Some(id::HTTP), e);
                None
            }
        }
    }

    /// Labels and bound members must fit the URI and each other; bound members must target
    /// types the binding can carry.
    fn check_bindings(&mut self, op: &str, http: &Http, io: Option<&str>, is_input: bool) {
        let Some(io) = io.filter(|t| *t != prelude::UNIT) else {
            for segment in &http.path {
                if let PathSegment::Label { member, .. } = segment {
                    self.error(
                        op,
                        None,
                        Some(id::HTTP),
                        format!("label `{member}` needs an input member with @httpLabel"),
                    );
                }
            }
            return;
        };
        let Some(shape) = self.model.shapes.get(io) else { return };
        let labels: BTreeSet<&str> = http
            .path
            .iter()
            .filter_map(|s| match s {
                PathSegment::Label { member, .. } => Some(member.as_str()),
                PathSegment::Literal(_) => None,
            })
            .collect();
        // Bound query keys and (lower-cased) header names, with the member that binds them.
        let mut seen_names: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
        let mut payloads = 0;
        let mut body_members = 0;
        for (name, member) in &shape.members {
            let t = &member.traits;
            let target = self.model.shapes.get(&member.target);
            let kind = target.map_or("", |s| s.kind.as_str());
            let simple = is_simple(kind, target);
            let list_of_simple = kind == "list"
                && target
                    .and_then(|l| l.member.as_ref())
                    .and_then(|m| self.model.shapes.get(&m.target))
                    .is_some_and(|s| is_simple(&s.kind, Some(s)));
            let bad =
                |cx: &mut Self, trait_id: &str, message: String| cx.error(io, Some(name), Some(trait_id), message);
            if !is_input
                && [id::HTTP_LABEL, id::HTTP_QUERY, id::HTTP_QUERY_PARAMS]
                    .iter()
                    .any(|trait_id| traits::has(t, trait_id))
            {
                // Ignored outside an input, as Smithy says: a body member (see `binding`).
                body_members += 1;
            } else if traits::has(t, id::HTTP_LABEL) {
                if !labels.contains(name.as_str()) {
                    bad(
                        self,
                        id::HTTP_LABEL,
                        format!("no `{{{name}}}` label in `{}` of `{op}`", http.uri),
                    );
                } else if !traits::has(t, id::REQUIRED) {
                    bad(self, id::HTTP_LABEL, "a label member must be @required".to_string());
                }
                if !simple {
                    bad(self, id::HTTP_LABEL, format!("a label cannot carry a `{kind}`"));
                }
            } else if traits::has(t, id::HTTP_QUERY) {
                match t.get(id::HTTP_QUERY).and_then(Value::as_str) {
                    None => {} // not a string: reported where the binding was read
                    Some("") => bad(self, id::HTTP_QUERY, "the query parameter name is empty".to_string()),
                    Some(key) => {
                        if let Some(other) = seen_names.insert(format!("query:{key}"), name.clone()) {
                            bad(
                                self,
                                id::HTTP_QUERY,
                                format!("query parameter `{key}` is also bound by member `{other}`"),
                            );
                        }
                    }
                }
                if !(simple || list_of_simple) {
                    bad(
                        self,
                        id::HTTP_QUERY,
                        format!("a query parameter cannot carry a `{kind}`"),
                    );
                }
            } else if traits::has(t, id::HTTP_HEADER) {
                match t.get(id::HTTP_HEADER).and_then(Value::as_str) {
                    None => {} // not a string: reported where the binding was read
                    Some("") => bad(self, id::HTTP_HEADER, "the header name is empty".to_string()),
                    Some(header) => {
                        let key = format!("header:{}", header.to_ascii_lowercase());
                        if let Some(other) = seen_names.insert(key, name.clone()) {
                            let message = format!(
                                "header `{header}` is also bound by member `{other}` (names are case-insensitive)"
                            );
                            bad(self, id::HTTP_HEADER, message);
                        }
                    }
                }
                if !(simple || list_of_simple) {
                    bad(self, id::HTTP_HEADER, format!("a header cannot carry a `{kind}`"));
                }
            } else if traits::has(t, id::HTTP_PAYLOAD) {
                payloads += 1;
            } else if !(traits::has(t, id::HTTP_QUERY_PARAMS)
                || traits::has(t, id::HTTP_PREFIX_HEADERS)
                || traits::has(t, id::HTTP_RESPONSE_CODE))
            {
                body_members += 1;
            }
        }
        if payloads > 1 || (payloads == 1 && body_members > 0) {
            self.error(
                io,
                None,
                Some(id::HTTP_PAYLOAD),
                "@httpPayload must be the only member bound to the body".to_string(),
            );
        }
        for label in labels {
            let bound = shape
                .members
                .get(label)
                .is_some_and(|m| traits::has(&m.traits, id::HTTP_LABEL));
            if is_input && !bound {
                self.error(
                    op,
                    None,
                    Some(id::HTTP),
                    format!(
                        "label `{{{label}}}` of `{}` has no input member with @httpLabel",
                        http.uri
                    ),
                );
            }
        }
    }

    /// Whether the operation (or its service) lists Smithy's framework `ValidationException`.
    fn framework_validation(&self, shape: &AstShape) -> bool {
        let service_errors = self.service_shape().map(|s| s.errors.as_slice()).unwrap_or_default();
        shape
            .errors
            .iter()
            .chain(service_errors)
            .any(|r| r.target == FRAMEWORK_VALIDATION_EXCEPTION)
    }

    fn operation_errors(&mut self, op: &str, shape: &AstShape) -> Vec<String> {
        let service_errors = self.service_shape().map(|s| s.errors.clone()).unwrap_or_default();
        let mut errors = BTreeSet::new();
        for r in shape.errors.iter().chain(&service_errors) {
            match self.model.shapes.get(&r.target) {
                Some(s) if s.kind == "structure" && traits::has(&s.traits, id::ERROR) => {
                    if let Some(name) = self.names.get(&r.target) {
                        errors.insert(name.clone());
                    }
                }
                Some(_) => self.error(
                    op,
                    None,
                    None,
                    format!("error `{}` must be a structure with @error", r.target),
                ),
                None => {}
            }
        }
        errors.into_iter().collect()
    }

    fn pagination(&mut self, op: &str, shape: &AstShape) -> Option<Pagination> {
        let own = shape.traits.get(id::PAGINATED)?;
        let defaults = self
            .service_shape()
            .and_then(|s| s.traits.get(id::PAGINATED))
            .cloned()
            .unwrap_or(Value::Null);
        let get = |key: &str| {
            own.get(key)
                .or_else(|| defaults.get(key))
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        let input = shape.input.as_ref().map(|r| r.target.clone());
        let output = shape.output.as_ref().map(|r| r.target.clone());
        let (Some(input_token), Some(output_token)) = (get("inputToken"), get("outputToken")) else {
            self.error(
                op,
                None,
                Some(id::PAGINATED),
                "needs `inputToken` and `outputToken` (here or on the service)".to_string(),
            );
            return None;
        };
        let input_token = self.member_path(op, input.as_deref(), &input_token, "inputToken")?;
        let output_token = self.member_path(op, output.as_deref(), &output_token, "outputToken")?;
        let page_size = match get("pageSize") {
            Some(p) => Some(self.member_path(op, input.as_deref(), &p, "pageSize")?),
            None => None,
        };
        let items = match get("items") {
            Some(p) => Some(self.member_path(op, output.as_deref(), &p, "items")?),
            None => None,
        };
        Some(Pagination {
            input_token,
            output_token,
            page_size,
            items,
        })
    }

    /// Resolves a dot-separated member path to Rust field names, or records why it cannot.
    fn member_path(&mut self, op: &str, root: Option<&str>, path: &str, key: &str) -> Option<String> {
        let mut current = root.map(str::to_string);
        let mut fields = Vec::new();
        for part in path.split('.') {
            let member = current
                .as_deref()
                .and_then(|id| self.model.shapes.get(id))
                .and_then(|s| s.members.get(part));
            let Some(member) = member else {
                self.error(
                    op,
                    None,
                    Some(id::PAGINATED),
                    format!("`{key}` names `{path}`, which is not a member"),
                );
                return None;
            };
            fields.push(naming::field_name(part));
            current = Some(member.target.clone());
        }
        Some(fields.join("."))
    }
}

/// Scalars that fit in a label, query parameter or header.
fn is_simple(kind: &str, shape: Option<&AstShape>) -> bool {
    matches!(
        kind,
        "string"
            | "enum"
            | "intEnum"
            | "boolean"
            | "byte"
            | "short"
            | "integer"
            | "long"
            | "float"
            | "double"
            | "bigInteger"
            | "bigDecimal"
            | "timestamp"
    ) || (kind == "blob" && shape.is_some())
}

impl Http {
    /// A placeholder binding (no labels), used where the real one is missing or not relevant.
    fn default_for_check() -> Http {
        Http {
            method: "POST".to_string(),
            uri: "/".to_string(),
            path: Vec::new(),
            query_literals: Vec::new(),
            code: 200,
        }
    }
}
