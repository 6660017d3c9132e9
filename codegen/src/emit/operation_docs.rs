//! An operation's documentation, shared by the client's method and the server trait's method:
//! the summary, the HTTP binding, the input members in a table, what it returns, the errors it
//! can return with their HTTP status, pagination and (client) an example that validates.
//!
//! Links go through the crate's `model` re-export, which both crates have.

use super::examples;
use super::member_docs;
use crate::ir::{Operation, Service, Ty, TyKind};
use crate::naming;

/// Which crate the docs are for.
#[derive(Debug, Clone, Copy)]
pub enum Side<'a> {
    /// The client crate, named like this in doc examples (`ivs_client`).
    Client(&'a str),
    /// The server crate.
    Server,
}

/// The Markdown lines of `op`'s docs on `side`.
pub fn lines(service: &Service, op: &Operation, side: Side<'_>) -> Vec<String> {
    let mut out = op.docs.clone();
    if out.is_empty() {
        out.push(format!("The `{}` operation.", op.name));
    }
    out.push(String::new());
    let traits = match (op.readonly, op.idempotent) {
        (true, _) => " Read-only.",
        (false, true) => " Idempotent.",
        _ => "",
    };
    out.push(format!(
        "**HTTP:** `{} {}`, success status {}.{traits}",
        op.http.method, op.http.uri, op.http.code
    ));
    input_table(service, op, &mut out);
    returns(service, op, side, &mut out);
    errors(service, op, &mut out);
    pagination(op, side, &mut out);
    if let Side::Client(krate) = side {
        example(service, op, krate, &mut out);
    }
    out
}

fn input_table(service: &Service, op: &Operation, out: &mut Vec<String>) {
    let Some(input) = op.input.as_ref().and_then(|n| service.structure(n)) else {
        out.push(String::new());
        out.push("**Input:** none.".to_string());
        return;
    };
    out.push(String::new());
    out.push(format!("**Input** ([`{0}`](crate::model::{0})):", input.name));
    if input.members.is_empty() {
        out.push(String::new());
        out.push("No members.".to_string());
        return;
    }
    out.push(String::new());
    out.push("| Member | Type | Required | Constraints | Sent as |".to_string());
    out.push("|---|---|---|---|---|".to_string());
    for m in &input.members {
        let field = naming::plain(&m.field);
        let name = if m.field.starts_with("r#") {
            format!("`{field}`")
        } else {
            format!("[`{field}`](crate::model::{}::{field})", input.name)
        };
        let mut constraints = member_docs::constraints(service, &m.ty);
        if let Some(default) = &m.default {
            constraints.push(format!("Default: {}.", crate::docs::code_span(&default.to_string())));
        }
        let required = if m.required { "yes" } else { "no" };
        let row = [
            name,
            type_text(&m.ty),
            required.to_string(),
            constraints.join(" "),
            member_docs::binding(m),
        ];
        out.push(format!("| {} |", row.map(|cell| cell.replace('|', "\\|")).join(" | ")));
    }
}

/// A member's Rust type as Markdown, generated types linked.
fn type_text(ty: &Ty) -> String {
    match &ty.kind {
        TyKind::Named { name, .. } => format!("[`{name}`](crate::model::{name})"),
        TyKind::List(item) => format!("`Vec<`{}`>`", type_text(item)),
        TyKind::Nullable(item) => format!("`Option<`{}`>`", type_text(item)),
        TyKind::Map { key, value } => format!("`BTreeMap<`{}`, `{}`>`", type_text(key), type_text(value)),
        TyKind::Bool => "`bool`".into(),
        TyKind::Byte => "`i8`".into(),
        TyKind::Short => "`i16`".into(),
        TyKind::Integer => "`i32`".into(),
        TyKind::Long => "`i64`".into(),
        TyKind::Float => "`f32`".into(),
        TyKind::Double => "`f64`".into(),
        TyKind::BigInteger | TyKind::BigDecimal => "`serde_json::Number`".into(),
        TyKind::String => "`String`".into(),
        TyKind::Blob => "`Blob`".into(),
        TyKind::Timestamp(_) => "`Timestamp`".into(),
        TyKind::Document => "`Document`".into(),
        TyKind::Unit => "`Unit`".into(),
    }
}

fn returns(service: &Service, op: &Operation, side: Side<'_>, out: &mut Vec<String>) {
    out.push(String::new());
    let error = format!("[`{0}`](crate::model::operation::{1}::{0})", op.error_enum, op.module);
    let output = match op.output.as_ref().and_then(|n| service.structure(n)) {
        Some(s) => {
            let members: Vec<String> = s
                .members
                .iter()
                .map(|m| format!("`{}`", naming::plain(&m.field)))
                .collect();
            let with = if members.is_empty() {
                String::new()
            } else {
                format!(" (members {})", members.join(", "))
            };
            format!("[`{0}`](crate::model::{0}){with}", s.name)
        }
        None => "nothing (`Unit`)".to_string(),
    };
    out.push(match side {
        Side::Client(_) => format!(
            "**Returns** {output}; on failure `Error<`{error}`>`, whose `Service` case holds the operation's error."
        ),
        Side::Server => format!("**Returns** {output}, or a {error} sent with its HTTP status."),
    });
}

/// One line, so forty operations do not make the crate long: each error linked, with its
/// HTTP status and whether the client retries it.
fn errors(service: &Service, op: &Operation, out: &mut Vec<String>) {
    if op.errors.is_empty() {
        return;
    }
    let items: Vec<String> = op
        .errors
        .iter()
        .map(|name| {
            let link = format!(
                "[`{name}`](crate::model::operation::{}::{}::{name})",
                op.module, op.error_enum
            );
            match service.structure(name).and_then(|s| s.error.as_ref()) {
                Some(e) => {
                    let retry = if e.retryable || e.throttling { ", retried" } else { "" };
                    format!("{link} (HTTP {}{retry})", e.status)
                }
                None => link,
            }
        })
        .collect();
    out.push(String::new());
    out.push(format!("**Errors:** {}.", items.join(", ")));
}

fn pagination(op: &Operation, side: Side<'_>, out: &mut Vec<String>) {
    let Some(p) = &op.pagination else { return };
    out.push(String::new());
    let size = p
        .page_size
        .as_ref()
        .map(|s| format!(", page size `{s}`"))
        .unwrap_or_default();
    out.push(match side {
        Side::Client(_) => {
            let builder = format!("crate::fluent::{}FluentBuilder", op.type_name);
            let items = p
                .items
                .as_ref()
                .filter(|i| !i.contains('.'))
                .map(|i| format!(", or every `{i}` item with [`into_items`]({builder}::into_items)"))
                .unwrap_or_default();
            format!(
                "**Paginated:** iterate the pages with [`into_paginator`]({builder}::into_paginator){items} \
                 (token `{}` in, `{}` out{size}).",
                p.input_token, p.output_token
            )
        }
        Side::Server => format!(
            "**Paginated:** the token arrives in `{}` and goes back in `{}`{size}.",
            p.input_token, p.output_token
        ),
    });
}

fn example(service: &Service, op: &Operation, krate: &str, out: &mut Vec<String>) {
    let example = examples::input(service, op, krate);
    out.push(String::new());
    out.push("**Example** (its input passes validation; the crate's tests check it):".to_string());
    out.push(String::new());
    out.push("```no_run".to_string());
    out.push(format!(
        "# async fn example(client: &{krate}::Client) -> Result<(), Box<dyn std::error::Error>> {{"
    ));
    out.push(format!(
        "let output = client.{}(){}.send().await?;",
        op.client_method,
        example.chain()
    ));
    out.push("# let _ = output;".to_string());
    out.push("# Ok(())".to_string());
    out.push("# }".to_string());
    out.push("```".to_string());
}
