//! Reading the protocol compliance cases (`smithy.test#httpRequestTests`,
//! `httpResponseTests`, `httpMalformedRequestTests`) of one service out of the loaded model.

use crate::loader::Model;
use serde_json::Value;

/// The protocol whose cases are collected.
pub const REST_JSON: &str = "aws.protocols#restJson1";

/// Which side and direction a case exercises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// The client serializes a request.
    ClientRequest,
    /// The client deserializes a response (output or error).
    ClientResponse,
    /// The server deserializes a request.
    ServerRequest,
    /// The server serializes a response.
    ServerResponse,
    /// The server refuses a malformed request (one per `testParameters` expansion).
    Malformed,
}

/// One compliance case, as the model states it.
#[derive(Debug, Clone)]
pub struct Case {
    /// The case id; error response cases bound by several operations are `Operation:id`.
    pub id: String,
    /// What the case exercises.
    pub kind: Kind,
    /// The absolute id of the operation the case runs against.
    pub operation: String,
    /// For a response case on an error structure: the error's absolute id.
    pub error: Option<String>,
    /// For a malformed-request case: which `testParameters` expansion it is (0 otherwise).
    pub expansion: usize,
    /// The case object as the trait gives it.
    pub data: Value,
}

impl Case {
    /// The case's key in the expected-failures list: `request:`, `response:` (client),
    /// `server-request:`, `server-response:`, `malformed:`, or `validation:` for the malformed
    /// cases of the constraint validation service, then the id.
    pub fn key(&self, validation_service: bool) -> String {
        let prefix = match self.kind {
            Kind::ClientRequest => "request",
            Kind::ClientResponse => "response",
            Kind::ServerRequest => "server-request",
            Kind::ServerResponse => "server-response",
            Kind::Malformed if validation_service => "validation",
            Kind::Malformed => "malformed",
        };
        format!("{prefix}:{}", self.id)
    }
}

/// Every restJson1 case of the service's operations and of their errors, in a fixed order.
pub fn collect(model: &Model, service_id: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let Some(service) = model.shapes.get(service_id) else {
        return cases;
    };
    let mut operations: Vec<&str> = service.operations.iter().map(|r| r.target.as_str()).collect();
    operations.sort_unstable();
    // Errors bound by several operations run once per operation, named after it.
    let mut error_uses = std::collections::BTreeMap::<&str, usize>::new();
    for op in &operations {
        for error in model.shapes.get(*op).map(|s| s.errors.as_slice()).unwrap_or_default() {
            *error_uses.entry(error.target.as_str()).or_default() += 1;
        }
    }
    for op_id in operations {
        let Some(op) = model.shapes.get(op_id) else { continue };
        for (trait_name, client, server) in [
            ("smithy.test#httpRequestTests", Kind::ClientRequest, Kind::ServerRequest),
            (
                "smithy.test#httpResponseTests",
                Kind::ClientResponse,
                Kind::ServerResponse,
            ),
        ] {
            for data in restjson_cases(op.traits.get(trait_name)) {
                push_sides(&mut cases, &data, client, server, op_id, None, None);
            }
        }
        for data in restjson_cases(op.traits.get("smithy.test#httpMalformedRequestTests")) {
            for expansion in 0..expansions(&data) {
                let id = case_id(&data);
                let id = if expansion == 0 {
                    id
                } else {
                    format!("{id}_case{expansion}")
                };
                cases.push(Case {
                    id,
                    kind: Kind::Malformed,
                    operation: op_id.to_string(),
                    error: None,
                    expansion,
                    data: data.clone(),
                });
            }
        }
        for error in &op.errors {
            let Some(shape) = model.shapes.get(&error.target) else {
                continue;
            };
            let prefix = (error_uses.get(error.target.as_str()).copied().unwrap_or(0) > 1)
                .then(|| op_id.rsplit('#').next().unwrap_or(op_id).to_string());
            for data in restjson_cases(shape.traits.get("smithy.test#httpResponseTests")) {
                push_sides(
                    &mut cases,
                    &data,
                    Kind::ClientResponse,
                    Kind::ServerResponse,
                    op_id,
                    Some(&error.target),
                    prefix.as_deref(),
                );
            }
        }
    }
    cases
}

fn push_sides(
    cases: &mut Vec<Case>,
    data: &Value,
    client: Kind,
    server: Kind,
    operation: &str,
    error: Option<&str>,
    prefix: Option<&str>,
) {
    let applies_to = data.get("appliesTo").and_then(Value::as_str);
    let id = match prefix {
        Some(prefix) => format!("{prefix}:{}", case_id(data)),
        None => case_id(data),
    };
    for (kind, side) in [(client, "client"), (server, "server")] {
        if applies_to.is_none_or(|a| a == side) {
            cases.push(Case {
                id: id.clone(),
                kind,
                operation: operation.to_string(),
                error: error.map(str::to_string),
                expansion: 0,
                data: data.clone(),
            });
        }
    }
}

/// The restJson1 cases of a test trait's value.
fn restjson_cases(value: Option<&Value>) -> Vec<Value> {
    value
        .and_then(Value::as_array)
        .map(|cases| {
            cases
                .iter()
                .filter(|c| c.get("protocol").and_then(Value::as_str) == Some(REST_JSON))
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

fn case_id(data: &Value) -> String {
    data.get("id").and_then(Value::as_str).unwrap_or("<no id>").to_string()
}

/// How many cases a malformed-request case stands for: the length of its `testParameters`
/// lists (all the same length), or one.
fn expansions(data: &Value) -> usize {
    data.get("testParameters")
        .and_then(Value::as_object)
        .and_then(|params| params.values().filter_map(Value::as_array).map(Vec::len).max())
        .unwrap_or(1)
        .max(1)
}
