//! The client crate's landing page: setup, a first call with its errors matched by variant,
//! pagination and the validation switch, each a doctest built from the service's own
//! operations (chosen by rule, so every model gets one) with example inputs that validate.

use super::examples;
use crate::ir::{Operation, Service};

/// The Markdown lines of the client crate's docs.
pub fn lines(service: &Service, krate: &str) -> Vec<String> {
    let mut out = vec![
        format!("A client for {} (API version {}).", service.title, service.version),
        String::new(),
        "Every operation is a method of [`Client`] returning a fluent builder; `send()` validates the \
         input against the model's constraints (every violation is reported, nothing is sent), signs \
         the request with SigV4, retries throttling and transient errors, and decodes the output or \
         the operation's typed error. Each method's page lists the input's members with their \
         constraints, the errors with their HTTP status, and an example whose input validates."
            .to_string(),
        String::new(),
        "The model's types are re-exported here; [`model`] is the model crate itself.".to_string(),
    ];
    setup(krate, &mut out);
    // A read that can find nothing shows the most common error to match; else any error.
    let not_found = |op: &&Operation| op.readonly && op.errors.iter().any(|e| status(service, e) == Some(404));
    let errors = service.operations.iter().find(not_found);
    let errors = errors.or_else(|| service.operations.iter().find(|op| !op.errors.is_empty()));
    if let Some(op) = errors {
        first_call(service, op, krate, &mut out);
    }
    let paginated = service.operations.iter().find(|op| {
        op.pagination
            .as_ref()
            .is_some_and(|p| p.items.as_ref().is_some_and(|i| !i.contains('.')))
    });
    if let Some(op) = paginated {
        pagination(service, op, krate, &mut out);
    }
    validation(service, krate, &mut out);
    out
}

fn status(service: &Service, error: &str) -> Option<u16> {
    Some(service.structure(error)?.error.as_ref()?.status)
}

fn block(out: &mut Vec<String>, attrs: &str, code: &[String]) {
    out.push(String::new());
    out.push(format!("```{attrs}"));
    out.extend(code.iter().cloned());
    out.push("```".to_string());
}

fn setup(krate: &str, out: &mut Vec<String>) {
    out.extend([
        String::new(),
        "# Setup".to_string(),
        String::new(),
        "`Client::new` takes the `SdkConfig` that `aws-config` loads, as `aws-sdk-*` clients do \
         (feature `sdk-config`, on by default): region, credentials provider, endpoint, retry and \
         timeout settings. [`Client::from_env`] runs the same default chains itself (feature \
         `aws-config`, on by default; without it, only the environment and static profile keys \
         are read). A [`Config`] sets everything explicitly, and `endpoint_url` points the client \
         at another endpoint, such as a local server. Constructing a client never fails: a \
         setting that cannot work (no region) fails each call with `Error::Config`."
            .to_string(),
        String::new(),
        "The default HTTP client goes through the proxies that `HTTPS_PROXY`, `HTTP_PROXY`, \
         `ALL_PROXY` and `NO_PROXY` name (see [`ProxyConfig`] to set or disable them), and trusts \
         Mozilla's root certificates, the PEM certificates given to \
         `ConfigBuilder::add_root_certificates_pem`, and with feature `native-roots` the operating \
         system's store."
            .to_string(),
    ]);
    block(
        out,
        "no_run",
        &[
            format!("use {krate}::{{Client, Config, Credentials}};"),
            String::new(),
            "# async fn example() -> Result<(), Box<dyn std::error::Error>> {".to_string(),
            "# #[cfg(feature = \"aws-config\")] {".to_string(),
            format!(
                "let sdk_config = {krate}::aws_config::load_defaults({krate}::aws_config::BehaviorVersion::latest()).await;"
            ),
            "let client = Client::new(&sdk_config);".to_string(),
            "# let _ = client;".to_string(),
            "# }".to_string(),
            "let client = Client::from_env()?;".to_string(),
            "let local = Client::new(".to_string(),
            "    Config::builder()".to_string(),
            "        .region(\"us-west-2\")".to_string(),
            "        .credentials(Credentials::new(\"AKID\", \"SECRET\", None, None, \"example\"))".to_string(),
            "        .endpoint_url(\"http://127.0.0.1:8080\")".to_string(),
            "        .build()?,".to_string(),
            ");".to_string(),
            "# let _ = (client, local);".to_string(),
            "# Ok(())".to_string(),
            "# }".to_string(),
        ],
    );
}

fn first_call(service: &Service, op: &Operation, krate: &str, out: &mut Vec<String>) {
    let variant = op.errors.iter().find(|e| status(service, e) == Some(404));
    let Some(variant) = variant.or(op.errors.first()) else {
        return;
    };
    out.extend([
        String::new(),
        "# A first call, and its errors".to_string(),
        String::new(),
        "[`Error`] says what failed: the input (`Validation`, nothing sent), the connection, or the \
         service (`Service`), whose `error()` is the operation's error enum, one variant per error \
         the model lists."
            .to_string(),
    ]);
    let chain = examples::input(service, op, krate).chain();
    let (module, error) = (&op.module, &op.error_enum);
    block(
        out,
        "no_run",
        &[
            format!("use {krate}::Error;"),
            format!("use {krate}::operation::{module}::{error};"),
            String::new(),
            format!("# async fn example(client: &{krate}::Client) {{"),
            format!("match client.{}(){chain}.send().await {{", op.client_method),
            "    Ok(output) => println!(\"{output:?}\"),".to_string(),
            "    Err(Error::Validation(error)) => eprintln!(\"not sent: {error}\"),".to_string(),
            "    Err(Error::Service(failure)) => match failure.error() {".to_string(),
            format!("        {error}::{variant}(e) => eprintln!(\"{variant}: {{e}}\"),"),
            "        other => eprintln!(\"the service refused: {other}\"),".to_string(),
            "    },".to_string(),
            "    Err(other) => eprintln!(\"{other}\"),".to_string(),
            "}".to_string(),
            "# }".to_string(),
        ],
    );
}

fn pagination(service: &Service, op: &Operation, krate: &str, out: &mut Vec<String>) {
    out.extend([
        String::new(),
        "# Pagination".to_string(),
        String::new(),
        "A paginated operation's builder has `into_paginator()` (every page, following the token) \
         and `into_items()` (every item of every page); both fetch pages as needed and stop after \
         the first error."
            .to_string(),
    ]);
    let chain = examples::input(service, op, krate).chain();
    block(
        out,
        "no_run",
        &[
            format!("# async fn example(client: &{krate}::Client) -> Result<(), Box<dyn std::error::Error>> {{"),
            format!("let mut items = client.{}(){chain}.into_items();", op.client_method),
            "while let Some(item) = items.next_item().await {".to_string(),
            "    println!(\"{:?}\", item?);".to_string(),
            "}".to_string(),
            "# Ok(())".to_string(),
            "# }".to_string(),
        ],
    );
}

/// Runs without a network: an input missing a required member fails `validate()`.
fn validation(service: &Service, krate: &str, out: &mut Vec<String>) {
    out.extend([
        String::new(),
        "# Validation".to_string(),
        String::new(),
        "`send()` validates first; [`Validate::validate`] does it alone, reporting every \
         violation. `Config::builder().validate(false)` turns it off, for a service that accepts \
         values this model does not know yet (the service still validates)."
            .to_string(),
    ]);
    let with_required = service.operations.iter().find_map(|op| {
        let input = service.structure(op.input.as_ref()?)?;
        input.members.iter().any(|m| m.required).then_some(input)
    });
    let Some(input) = with_required else { return };
    block(
        out,
        "",
        &[
            format!("use {krate}::{{Validate, {}}};", input.name),
            String::new(),
            format!("let error = {}::default().validate().unwrap_err();", input.name),
            "println!(\"{error}\"); // names every missing required member".to_string(),
        ],
    );
}
