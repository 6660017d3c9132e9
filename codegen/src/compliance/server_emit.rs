//! The server cases of the test crate. Request and malformed-request cases go through the
//! generated `router(...)`, HTTP in and HTTP out, with a handler (the recorder) that records
//! the input it receives; response cases encode `params` the way the router does once the
//! handler returned them.
//!
//! One recorder implements every operation of a service, rather than one handler type per
//! test: each handler type instantiates the whole router again, and the suite has hundreds of
//! cases.

use super::cases::{Case, Kind};
use super::emit::{CrateNames, opt_str, pairs, strings};
use super::substitute;
use super::values;
use crate::ir::{Operation, Service};
use serde_json::Value;
use std::fmt::Write;

/// The start of a server test module: the service's crates under the names the tests use.
pub fn module_header(names: &CrateNames, recorder_module: &str) -> String {
    format!("{}use super::{recorder_module}::Recorder;\n", crates(names))
}

/// The recorder module: `Recorder`, implementing every operation of the service's trait by
/// recording the input and answering an empty output.
pub fn recorder(service: &Service, names: &CrateNames) -> String {
    let mut text = crates(names);
    let trait_name = crate::emit::server_crate::trait_name(service);
    let _ = write!(
        text,
        "\n/// Records what the router hands to the trait.\npub struct Recorder(pub std::sync::Arc<server_harness::Exchange>);\n\nimpl server::{trait_name} for Recorder {{\n"
    );
    for op in &service.operations {
        let _ = write!(
            text,
            "    async fn {method}(&self, input: {input}, _context: server::RequestContext) -> Result<{output}, {error}> {{\n        self.0.answer({name:?}, input)\n    }}\n",
            method = op.fn_name,
            input = io_type(op.input.as_deref()),
            output = io_type(op.output.as_deref()),
            error = error_enum(op),
            name = op.name,
        );
    }
    text.push_str("}\n");
    text
}

fn crates(names: &CrateNames) -> String {
    format!(
        "use super::*;\nuse {} as model;\nuse {} as server;\n",
        names.model.replace('-', "_"),
        names.server.replace('-', "_"),
    )
}

fn io_type(name: Option<&str>) -> String {
    match name {
        Some(name) => format!("model::{name}"),
        None => "rt::Unit".to_string(),
    }
}

fn error_enum(op: &Operation) -> String {
    format!("model::operation::{}::{}", op.module, op.error_enum)
}

/// The body of the test of a server case.
pub fn test_body(service: &Service, op: &Operation, case: &Case) -> String {
    let body = match case.kind {
        Kind::ServerRequest => request_test(service, op, &case.data),
        Kind::ServerResponse => response_test(service, op, case),
        Kind::Malformed => Ok(malformed_test(&substitute::expand(&case.data, case.expansion))),
        Kind::ClientRequest | Kind::ClientResponse => Err("a client case".to_string()),
    };
    body.unwrap_or_else(|reason| format!("    panic!({reason:?});\n"))
}

/// The router and the request of a case: `exchange` and `response` in the test.
fn send(request: &Value) -> String {
    format!(
        "    let exchange = std::sync::Arc::new(server_harness::Exchange::default());\n    let router = server::router(Recorder(exchange.clone()), server::ServerConfig::default());\n    let response = server_harness::send(router, &server_harness::Request {{\n        method: {method:?},\n        uri: {uri:?},\n        query_params: &{query},\n        headers: &{headers},\n        body: {body},\n        host: {host},\n    }});\n",
        method = request.get("method").and_then(Value::as_str).unwrap_or(""),
        uri = request.get("uri").and_then(Value::as_str).unwrap_or(""),
        query = strings(request.get("queryParams")),
        headers = pairs(request.get("headers")),
        body = opt_str(request.get("body")),
        host = opt_str(request.get("host")),
    )
}

fn request_test(service: &Service, op: &Operation, data: &Value) -> Result<String, String> {
    let input = io_type(op.input.as_deref());
    let expected = match &op.input {
        None => "rt::Unit {}".to_string(),
        Some(name) => values::structure(service, name, data.get("params"))
            .map_err(|reason| format!("cannot build the expected input: {reason}"))?,
    };
    Ok(format!(
        "    let expected: {input} = {expected};\n{send}    let actual: {input} = exchange.input({name:?}, &response);\n    harness::assert_same(&actual, &expected);\n",
        send = send(data),
        name = op.name,
    ))
}

fn response_test(service: &Service, op: &Operation, case: &Case) -> Result<String, String> {
    let data = &case.data;
    let params = data.get("params");
    let encode = match &case.error {
        Some(error) => {
            let name = service
                .types
                .values()
                .find(|t| t.id() == error)
                .map(|t| t.name().to_string())
                .ok_or(format!("no generated type for error `{error}`"))?;
            let value = values::structure(service, &name, params)
                .map_err(|reason| format!("cannot build the error: {reason}"))?;
            format!(
                "    let error = {}::{}({value});\n    let response = rt::protocol::OperationError::encode(&error, &model::PROTOCOL).expect(\"the error encodes\");\n",
                error_enum(op),
                name,
            )
        }
        None => {
            let value = match &op.output {
                Some(output) => values::structure(service, output, params)
                    .map_err(|reason| format!("cannot build the output: {reason}"))?,
                None => "rt::Unit {}".to_string(),
            };
            format!(
                "    let output: {} = {value};\n    let response = <model::operation::{}::{} as rt::protocol::Operation>::encode_output(&output).expect(\"the output encodes\");\n",
                io_type(op.output.as_deref()),
                op.module,
                op.type_name,
            )
        }
    };
    Ok(format!(
        "{encode}    server_harness::check_response(&response, &server_harness::ExpectedResponse {{\n        code: {code},\n        headers: &{headers},\n        body: {body},\n        body_media_type: {media},\n    }});\n",
        code = data.get("code").and_then(Value::as_u64).unwrap_or(200),
        headers = pairs(data.get("headers")),
        body = opt_str(data.get("body")),
        media = opt_str(data.get("bodyMediaType")),
    ))
}

fn malformed_test(data: &Value) -> String {
    let null = Value::Null;
    let request = data.get("request").unwrap_or(&null);
    let response = data.get("response").unwrap_or(&null);
    let body = response.get("body");
    let media_type = body
        .and_then(|b| b.get("mediaType"))
        .and_then(Value::as_str)
        .unwrap_or("application/json");
    let assertion = body.and_then(|b| b.get("assertion"));
    let check = match (
        assertion.and_then(|a| a.get("contents")).and_then(Value::as_str),
        assertion.and_then(|a| a.get("messageRegex")).and_then(Value::as_str),
    ) {
        (Some(contents), _) => {
            format!("server_harness::MalformedBody::Contents {{ media_type: {media_type:?}, contents: {contents:?} }}")
        }
        (None, Some(regex)) => format!("server_harness::MalformedBody::MessageRegex {{ regex: {regex:?} }}"),
        (None, None) => "server_harness::MalformedBody::Unchecked".to_string(),
    };
    format!(
        "{send}    exchange.assert_not_called(&response);\n    server_harness::check_malformed(&response, {code}, &{headers}, &{check});\n",
        send = send(request),
        code = response.get("code").and_then(Value::as_u64).unwrap_or(0),
        headers = pairs(response.get("headers")),
    )
}
