//! The API surface digest: one readable line per operation, member and error, so that an
//! API update reviews as a short changelog.

use crate::ir::*;
use std::fmt::Write;

/// The digest of a whole service.
pub fn digest(service: &Service) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "service {} {} ({} operations, {} types)",
        service.name,
        service.version,
        service.operations.len(),
        service.types.len()
    );
    for op in &service.operations {
        out.push('\n');
        let traits = [
            (op.readonly, " readonly"),
            (op.idempotent && !op.readonly, " idempotent"),
        ];
        let flags: String = traits.iter().filter(|(on, _)| *on).map(|(_, s)| *s).collect();
        let _ = writeln!(
            out,
            "operation {} {} {} -> {}{flags}",
            op.name, op.http.method, op.http.uri, op.http.code
        );
        // The traits that change a request after encoding (nothing for most operations).
        let mut request = Vec::new();
        if let Some(prefix) = &op.host_prefix {
            request.push(format!("host {prefix}"));
        }
        if op.checksum_required {
            request.push("Content-MD5".to_string());
        }
        if !op.request_compression.is_empty() {
            request.push(format!("compression {}", op.request_compression.join(", ")));
        }
        if let Some(token) = &op.idempotency_token {
            request.push(format!("idempotency token {token}"));
        }
        if !request.is_empty() {
            let _ = writeln!(out, "  request {}", request.join("; "));
        }
        if let Some(p) = &op.pagination {
            let _ = writeln!(
                out,
                "  paginated token {} -> {}, size {}, items {}",
                p.input_token,
                p.output_token,
                p.page_size.as_deref().unwrap_or("-"),
                p.items.as_deref().unwrap_or("-")
            );
        }
        for (direction, name) in [("in ", &op.input), ("out", &op.output)] {
            match name.as_ref().and_then(|n| service.types.get(n)) {
                Some(TypeDef::Struct(s)) => {
                    for m in &s.members {
                        let _ = writeln!(out, "  {direction} {}", member_line(m));
                    }
                }
                _ => {
                    let _ = writeln!(out, "  {direction} (none)");
                }
            }
        }
        for error in &op.errors {
            let status = match service.types.get(error) {
                Some(TypeDef::Struct(Struct { error: Some(info), .. })) => info.status.to_string(),
                _ => "?".to_string(),
            };
            let _ = writeln!(out, "  err {error} {status}");
        }
    }
    let io: std::collections::BTreeSet<&String> = service
        .operations
        .iter()
        .flat_map(|op| op.input.iter().chain(&op.output))
        .collect();
    for def in service.types.values().filter(|d| !io.contains(&d.name().to_string())) {
        out.push('\n');
        match def {
            TypeDef::Struct(s) => {
                let kind = match &s.error {
                    Some(e) => format!("error {} {:?}", e.status, e.fault).to_lowercase(),
                    None => "structure".to_string(),
                };
                let sensitive = if s.sensitive { " sensitive" } else { "" };
                let _ = writeln!(out, "{kind} {}{sensitive}", s.name);
                for m in &s.members {
                    let _ = writeln!(out, "  {}", member_line(m));
                }
            }
            TypeDef::Union(u) => {
                let _ = writeln!(out, "union {}", u.name);
                for m in &u.members {
                    let _ = writeln!(out, "  {}", member_line(m));
                }
            }
            TypeDef::Enum(e) => {
                let values: Vec<String> = e
                    .variants
                    .iter()
                    .map(|v| match &v.value {
                        EnumValue::Str(s) => s.clone(),
                        EnumValue::Int(i) => i.to_string(),
                    })
                    .collect();
                let kind = if e.int { "intEnum" } else { "enum" };
                let _ = writeln!(out, "{kind} {} [{}]", e.name, values.join(", "));
            }
        }
    }
    out
}

/// `name: Type required constraints binding default` in one line.
fn member_line(m: &Member) -> String {
    let mut line = format!("{}: {}", m.wire_name, ty_text(&m.ty));
    if m.required {
        line.push_str(" required");
    }
    match &m.binding {
        Binding::Body => {}
        Binding::Label => line.push_str(" @label"),
        Binding::Query(name) => {
            let _ = write!(line, " @query({name})");
        }
        Binding::QueryParams => line.push_str(" @queryParams"),
        Binding::Header(name) => {
            let _ = write!(line, " @header({name})");
        }
        Binding::PrefixHeaders(prefix) => {
            let _ = write!(line, " @prefixHeaders({prefix})");
        }
        Binding::Payload => line.push_str(" @payload"),
        Binding::ResponseCode => line.push_str(" @responseCode"),
    }
    if let Some(media_type) = &m.media_type {
        let _ = write!(line, " mediaType={media_type}");
    }
    if let Some(default) = &m.default {
        let _ = write!(line, " default={default}");
    }
    if m.deprecated {
        line.push_str(" deprecated");
    }
    line
}

/// A type with its constraints, e.g. `String len 1..=128 pattern /^[a-z]+$/`.
fn ty_text(ty: &Ty) -> String {
    let mut text = match &ty.kind {
        TyKind::Bool => "Boolean".to_string(),
        TyKind::Byte => "Byte".to_string(),
        TyKind::Short => "Short".to_string(),
        TyKind::Integer => "Integer".to_string(),
        TyKind::Long => "Long".to_string(),
        TyKind::Float => "Float".to_string(),
        TyKind::Double => "Double".to_string(),
        TyKind::BigInteger => "BigInteger".to_string(),
        TyKind::BigDecimal => "BigDecimal".to_string(),
        TyKind::String => "String".to_string(),
        TyKind::Blob => "Blob".to_string(),
        TyKind::Timestamp(f) => format!(
            "Timestamp({})",
            match f {
                TimestampFormat::EpochSeconds => "epoch-seconds",
                TimestampFormat::DateTime => "date-time",
                TimestampFormat::HttpDate => "http-date",
            }
        ),
        TyKind::Document => "Document".to_string(),
        TyKind::Unit => "Unit".to_string(),
        TyKind::Named { name, .. } => name.clone(),
        TyKind::List(item) => format!("List<{}>", ty_text(item)),
        TyKind::Nullable(item) => format!("Nullable<{}>", ty_text(item)),
        TyKind::Map { key, value } => format!("Map<{}, {}>", ty_text(key), ty_text(value)),
    };
    let c = &ty.constraints;
    let bound = |b: Option<String>| b.unwrap_or_default();
    if let Some(b) = &c.length {
        let _ = write!(
            text,
            " len {}..={}",
            bound(b.min.map(|n| n.to_string())),
            bound(b.max.map(|n| n.to_string()))
        );
    }
    if let Some(b) = &c.range {
        let _ = write!(
            text,
            " range {}..={}",
            bound(b.min.as_ref().map(|n| n.to_string())),
            bound(b.max.as_ref().map(|n| n.to_string()))
        );
    }
    if let Some(p) = &c.pattern {
        let _ = write!(text, " pattern /{}/", p.source);
    }
    if c.unique_items {
        text.push_str(" unique");
    }
    if ty.sensitive {
        text.push_str(" sensitive");
    }
    text
}
