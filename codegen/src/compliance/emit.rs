//! The test crate of a compliance run: one `#[test]` per case. A client case builds the typed
//! value from the case's `params` and checks the case's expectations through the real
//! client's call path, with a capture HTTP client in place of the network (the harness); the
//! server cases are written by `server_emit`.

use super::cases::{Case, Kind};
use super::{server_emit, values};
use crate::ir::{Operation, Service};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// The harness every generated test uses.
const HARNESS: &str = include_str!("harness.rs");
/// The server side of the harness.
const SERVER_HARNESS: &str = include_str!("server_harness.rs");

/// The generated test crate.
#[derive(Debug, Clone)]
pub struct TestCrate {
    /// File contents by path relative to the crate folder.
    pub files: BTreeMap<String, String>,
    /// The test path (`client_requests::name`) of each case that got a test, with the case's
    /// key ([`Case::key`]).
    pub tests: Vec<(String, String)>,
}

/// Names of the crates the tests use, and where the runtime is.
#[derive(Debug, Clone)]
pub struct CrateNames {
    /// The model crate's package name.
    pub model: String,
    /// The client crate's package name.
    pub client: String,
    /// The server crate's package name.
    pub server: String,
    /// Path from the test crate to the `smithy-runtime` crate.
    pub runtime_path: String,
}

/// One service's cases, with the service they run against.
#[derive(Debug, Clone)]
pub struct Suite<'a> {
    /// The lowered service (operations the generator refused are absent).
    pub service: &'a Service,
    /// Its cases, as [`super::cases::collect`] returns them.
    pub cases: &'a [Case],
    /// Its crates.
    pub names: CrateNames,
    /// Whether it is the constraint validation service, whose server cases go to the
    /// `validation` module (and whose client cases are not run).
    pub validation: bool,
}

/// Emits the test crate: the client cases of `main` and the server cases of `main` and
/// `validation`, for the operations that were generated.
pub fn test_crate(main: &Suite<'_>, validation: &Suite<'_>) -> TestCrate {
    let mut modules: BTreeMap<&str, String> = BTreeMap::new();
    let mut tests = Vec::new();
    let mut taken = BTreeSet::new();
    for suite in [main, validation] {
        let service = suite.service;
        let recorder = recorder_module(suite);
        for case in suite.cases {
            let Some(op) = service.operations.iter().find(|o| o.id == case.operation) else {
                continue;
            };
            let (module, body) = match (case.kind, suite.validation) {
                (Kind::ClientRequest, false) => ("client_requests", request_test(service, op, &case.data)),
                (Kind::ClientResponse, false) => ("client_responses", response_test(service, op, case)),
                (Kind::ClientRequest | Kind::ClientResponse, true) => continue,
                (_, true) => ("validation", server_emit::test_body(service, op, case)),
                (Kind::ServerRequest, false) => ("server_requests", server_emit::test_body(service, op, case)),
                (Kind::ServerResponse, false) => ("server_responses", server_emit::test_body(service, op, case)),
                (Kind::Malformed, false) => ("malformed", server_emit::test_body(service, op, case)),
            };
            let out = modules.entry(module).or_insert_with(|| match case.kind {
                Kind::ClientRequest | Kind::ClientResponse => "use super::*;\n".to_string(),
                _ => server_emit::module_header(&suite.names, recorder),
            });
            let name = unique_name(&case.id, &mut taken);
            let _ = write!(out, "\n/// Case `{}`.\n#[test]\nfn {name}() {{\n{body}}}\n", case.id);
            tests.push((format!("{module}::{name}"), case.key(suite.validation)));
        }
    }
    let mut files = BTreeMap::new();
    files.insert("Cargo.toml".to_string(), manifest(&main.names, &validation.names));
    let mut lib = format!(
        "//! Generated protocol compliance tests.\n#![cfg(test)]\n#![allow(unused, clippy::all)]\nuse {} as client;\nuse {} as model;\nuse ::smithy_runtime as rt;\nmod harness;\nmod server_harness;\n",
        main.names.client.replace('-', "_"),
        main.names.model.replace('-', "_")
    );
    for suite in [main, validation] {
        let module = recorder_module(suite);
        let _ = writeln!(lib, "mod {module};");
        files.insert(
            format!("src/{module}.rs"),
            server_emit::recorder(suite.service, &suite.names),
        );
    }
    for (module, text) in modules {
        let _ = writeln!(lib, "mod {module};");
        files.insert(format!("src/{module}.rs"), text);
    }
    files.insert("src/lib.rs".to_string(), lib);
    files.insert("src/harness.rs".to_string(), format!("use super::*;\n{HARNESS}"));
    files.insert(
        "src/server_harness.rs".to_string(),
        format!("use super::*;\n{SERVER_HARNESS}"),
    );
    TestCrate { files, tests }
}

/// The module holding a suite's recording handler.
fn recorder_module(suite: &Suite<'_>) -> &'static str {
    if suite.validation {
        "validation_recorder"
    } else {
        "recorder"
    }
}

fn manifest(names: &CrateNames, validation: &CrateNames) -> String {
    format!(
        r#"[package]
name = "protocol-compliance-tests"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
{client} = {{ path = "../{client}" }}
{model} = {{ path = "../{model}" }}
{server} = {{ path = "../{server}" }}
{vmodel} = {{ path = "../{vmodel}" }}
{vserver} = {{ path = "../{vserver}" }}
smithy-runtime = {{ path = "{runtime}", features = ["client", "server"] }}
axum = {{ version = "0.8", default-features = false }}
bytes = "1"
http = "1"
regex = "1"
serde_json = {{ version = "1", features = ["preserve_order"] }}
time = "0.3"
tokio = {{ version = "1", features = ["rt", "time"] }}
tower = {{ version = "0.5", features = ["util"] }}
"#,
        client = names.client,
        model = names.model,
        server = names.server,
        vmodel = validation.model,
        vserver = validation.server,
        runtime = names.runtime_path,
    )
}

/// A Rust function name for a case id, distinct from those already taken.
fn unique_name(id: &str, taken: &mut BTreeSet<String>) -> String {
    let mut base: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if base.is_empty() || base.starts_with(|c: char| c.is_ascii_digit()) {
        base.insert_str(0, "case_");
    }
    let mut name = base.clone();
    let mut n = 2;
    while !taken.insert(name.clone()) {
        name = format!("{base}_{n}");
        n += 1;
    }
    name
}

fn request_test(service: &Service, op: &Operation, data: &Value) -> String {
    let method = &op.client_method;
    let (input, set_input) = match &op.input {
        None => ("()".to_string(), String::new()),
        Some(name) => match values::structure(service, name, data.get("params")) {
            Ok(expr) => (expr, ".set_input(input)".to_string()),
            Err(reason) => return format!("    panic!({:?});\n", format!("cannot build the input: {reason}")),
        },
    };
    format!(
        "    let input = {input};\n    let response = harness::CannedResponse {{ code: 200, headers: &[(\"content-type\", \"application/json\")], body: \"{{}}\" }};\n    let (result, sent) = harness::exchange(&response, true, {host}, async move |client: client::Client| client.{method}(){set_input}.send().await.map(|_| ()).map_err(|e| format!(\"{{e:?}}\")));\n    harness::check_request(sent, result.err(), &harness::ExpectedRequest {{\n        method: {method_lit:?},\n        uri: {uri:?},\n        query_params: &{qp},\n        forbid_query_params: &{fqp},\n        require_query_params: &{rqp},\n        headers: &{headers},\n        forbid_headers: &{fh},\n        require_headers: &{rh},\n        body: {body},\n        body_media_type: {media},\n        host: {host},\n        resolved_host: {resolved},\n    }});\n",
        method_lit = data.get("method").and_then(Value::as_str).unwrap_or(""),
        uri = data.get("uri").and_then(Value::as_str).unwrap_or(""),
        qp = strings(data.get("queryParams")),
        fqp = strings(data.get("forbidQueryParams")),
        rqp = strings(data.get("requireQueryParams")),
        headers = pairs(data.get("headers")),
        fh = strings(data.get("forbidHeaders")),
        rh = strings(data.get("requireHeaders")),
        body = opt_str(data.get("body")),
        media = opt_str(data.get("bodyMediaType")),
        host = opt_str(data.get("host")),
        resolved = opt_str(data.get("resolvedHost")),
    )
}

fn response_test(service: &Service, op: &Operation, case: &Case) -> String {
    let data = &case.data;
    let params = data.get("params");
    let expected = match (&case.error, &op.output) {
        (Some(error), _) => {
            let name = service
                .types
                .values()
                .find(|t| t.id() == error)
                .map(|t| t.name().to_string());
            match name {
                Some(name) => values::structure(service, &name, params).map(|e| (e, Some(name))),
                None => Err(format!("no generated type for error `{error}`")),
            }
        }
        (None, Some(output)) => values::structure(service, output, params).map(|e| (e, None)),
        (None, None) => Ok(("rt::Unit {}".to_string(), None)),
    };
    let (expected, error) = match expected {
        Ok(found) => found,
        Err(reason) => {
            return format!(
                "    panic!({:?});\n",
                format!("cannot build the expected value: {reason}")
            );
        }
    };
    let check = match error {
        None => "    match result {\n        Ok(actual) => harness::assert_same(&actual, &expected),\n        Err(error) => panic!(\"the client failed: {error:?}\"),\n    }\n".to_string(),
        Some(name) => format!(
            "    match result.map_err(|e| e.into_service_error()) {{\n        Err(Some(model::operation::{module}::{enum_name}::{name}(actual))) => harness::assert_same(&actual, &expected),\n        other => panic!(\"expected the error `{name}`, found {{other:?}}\"),\n    }}\n",
            module = op.module,
            enum_name = op.error_enum,
        ),
    };
    format!(
        "    let expected = {expected};\n    let response = harness::CannedResponse {{ code: {code}, headers: &{headers}, body: {body:?} }};\n    let (result, _) = harness::exchange(&response, false, None, async move |client: client::Client| client.{method}().send().await);\n{check}",
        code = data.get("code").and_then(Value::as_u64).unwrap_or(200),
        headers = pairs(data.get("headers")),
        body = data.get("body").and_then(Value::as_str).unwrap_or(""),
        method = op.client_method,
    )
}

pub(super) fn strings(value: Option<&Value>) -> String {
    let items: Vec<String> = value
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(|s| format!("{s:?}")).collect())
        .unwrap_or_default();
    format!("[{}]", items.join(", "))
}

pub(super) fn pairs(value: Option<&Value>) -> String {
    let items: Vec<String> = value
        .and_then(Value::as_object)
        .map(|o| {
            o.iter()
                .filter_map(|(k, v)| Some(format!("({k:?}, {:?})", v.as_str()?)))
                .collect()
        })
        .unwrap_or_default();
    format!("[{}]", items.join(", "))
}

pub(super) fn opt_str(value: Option<&Value>) -> String {
    match value.and_then(Value::as_str) {
        Some(s) => format!("Some({s:?})"),
        None => "None".to_string(),
    }
}
