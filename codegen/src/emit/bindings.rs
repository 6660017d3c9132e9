//! restJson1 bindings: per operation a marker type implementing `protocol::Operation` (both
//! directions of its input and output), an error enum implementing `protocol::OperationError`,
//! and per error structure an `HttpError` impl. Both client and server use these, so they
//! cannot disagree about the wire.

use super::format::{docs_or, ident};
use super::rust_types::{io_type, rust_type, timestamp_path};
use crate::ir::{Binding, Fault, Member, NamedKind, Operation, PathSegment, Service, Struct, Ty, TyKind};
use proc_macro2::TokenStream;
use quote::quote;

fn rt() -> TokenStream {
    quote!(::smithy_runtime)
}

/// The marker type and error enum of one operation.
pub fn operation(service: &Service, op: &Operation) -> TokenStream {
    let rt = rt();
    let marker = ident(&op.type_name);
    let error_enum = ident(&op.error_enum);
    let input_struct = op.input.as_ref().and_then(|name| service.structure(name));
    let output_struct = op.output.as_ref().and_then(|name| service.structure(name));
    let input_ty = io_type(op.input.as_ref(), None);
    let output_ty = io_type(op.output.as_ref(), None);
    let (name, method, uri, status, idempotent) =
        (&op.name, &op.http.method, &op.http.uri, op.http.code, op.idempotent);
    let summary = format!(" The `{name}` operation: `{method} {uri}`.");
    let encode_input = encode_input(op, input_struct);
    let decode_input = decode_input(op, input_struct);
    let encode_output = encode_output(op, output_struct);
    let decode_output = decode_output(output_struct);
    let errors = error_enum_tokens(service, op);
    quote! {
        #[doc = #summary]
        ///
        /// Its input, output and error types, and its HTTP bindings in both directions.
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub struct #marker;

        impl #rt::protocol::Operation for #marker {
            const INFO: #rt::protocol::OperationInfo = #rt::protocol::OperationInfo {
                name: #name, method: #method, uri: #uri, status: #status, idempotent: #idempotent,
            };
            type Input = #input_ty;
            type Output = #output_ty;
            type Error = #error_enum;

            fn encode_input(input: &Self::Input) -> Result<#rt::protocol::HttpRequest, #rt::protocol::EncodeError> {
                #encode_input
            }

            fn decode_input(
                request: &#rt::http::request::Parts,
                labels: &[String],
                body: &[u8],
            ) -> Result<Self::Input, #rt::protocol::DecodeError> {
                #decode_input
            }

            fn encode_output(output: &Self::Output) -> Result<#rt::protocol::HttpResponse, #rt::protocol::EncodeError> {
                #encode_output
            }

            fn decode_output(
                response: &#rt::http::response::Parts,
                body: &[u8],
            ) -> Result<Self::Output, #rt::protocol::DecodeError> {
                #decode_output
            }
        }

        #errors
    }
}

/// The query keys bound by name (members' `@httpQuery` and the URI template's literals): an
/// `@httpQueryParams` map never overrides them.
fn bound_query_keys<'a>(op: &'a Operation, members: &'a [Member]) -> Vec<&'a str> {
    members
        .iter()
        .filter_map(|m| match &m.binding {
            Binding::Query(key) => Some(key.as_str()),
            _ => None,
        })
        .chain(op.http.query_literals.iter().map(|(k, _)| k.as_str()))
        .collect()
}

fn encode_input(op: &Operation, input: Option<&Struct>) -> TokenStream {
    let rt = rt();
    let method = &op.http.method;
    let members = input.map(|s| s.members.as_slice()).unwrap_or_default();
    let path = op.http.path.iter().map(|segment| match segment {
        PathSegment::Literal(text) => quote!(r.literal(#text);),
        PathSegment::Label { member, greedy } => {
            let Some(m) = members.iter().find(|m| &m.wire_name == member) else {
                return quote!();
            };
            let field = ident(&m.field);
            let text = text_fn(&m.ty);
            let add = if *greedy { quote!(greedy_label) } else { quote!(label) };
            quote!(r.#add(#member, input.#field.as_ref().map(#text))?;)
        }
    });
    let literals = op
        .http
        .query_literals
        .iter()
        .map(|(k, v)| quote!(r.query_literal(#k, #v);));
    let bound_query = bound_query_keys(op, members);
    let bindings = members.iter().map(|m| {
        let field = ident(&m.field);
        match &m.binding {
            Binding::Query(key) => match &m.ty.kind {
                TyKind::List(item) => {
                    let text = text_fn(item);
                    quote!(r.query_list(#key, input.#field.as_ref().map(|list| list.iter().map(#text).collect()));)
                }
                _ => {
                    let text = text_fn(&m.ty);
                    quote!(r.query(#key, input.#field.as_ref().map(#text));)
                }
            },
            Binding::QueryParams => {
                let entries = match &m.ty.kind {
                    TyKind::Map { value, .. } if matches!(value.kind, TyKind::List(_)) => {
                        quote!(map.iter().map(|(k, v)| (k.clone(), v.clone())))
                    }
                    _ => quote!(map.iter().map(|(k, v)| (k.clone(), vec![v.clone()]))),
                };
                quote!(r.query_params(&[#(#bound_query),*], input.#field.as_ref().map(|map| #entries));)
            }
            Binding::Header(_) | Binding::PrefixHeaders(_) => headers_encode(m, quote!(input)),
            Binding::Payload => payload_encode(&field, &m.ty, quote!(input)),
            Binding::Body | Binding::Label | Binding::ResponseCode => quote!(),
        }
    });
    let body = has_body(members).then(|| quote!(r.json_body(input)?;));
    let unused = input.is_none().then(|| quote!(let _ = input;));
    quote! {
        #unused
        let mut r = #rt::rest::RequestBuilder::new(#method);
        #(#path)*
        #(#literals)*
        #(#bindings)*
        #body
        r.build()
    }
}

fn decode_input(op: &Operation, input: Option<&Struct>) -> TokenStream {
    let rt = rt();
    let Some(input) = input else {
        return quote! { let _ = (request, labels, body); Ok(#rt::Unit {}) };
    };
    let labels: Vec<&str> = op
        .http
        .path
        .iter()
        .filter_map(|s| match s {
            PathSegment::Label { member, .. } => Some(member.as_str()),
            PathSegment::Literal(_) => None,
        })
        .collect();
    let needs_query = input
        .members
        .iter()
        .any(|m| matches!(m.binding, Binding::Query(_) | Binding::QueryParams));
    let query = needs_query.then(|| quote!(let query = #rt::rest::Query::parse(&request.uri)?;));
    let bound_query = bound_query_keys(op, &input.members);
    let reads = input.members.iter().map(|m| {
        let field = ident(&m.field);
        match &m.binding {
            Binding::Label => {
                let index = labels.iter().position(|l| *l == m.wire_name).unwrap_or_default();
                let parse = parse_fn(&m.ty);
                let name = &m.wire_name;
                quote!(value.#field = #rt::rest::label(labels, #index, #name, #parse)?;)
            }
            Binding::Query(key) => match &m.ty.kind {
                TyKind::List(item) => {
                    let parse = parse_fn(item);
                    quote!(value.#field = query.all(#key, #parse)?;)
                }
                _ => {
                    let parse = parse_fn(&m.ty);
                    quote!(value.#field = query.one(#key, #parse)?;)
                }
            },
            Binding::QueryParams => match &m.ty.kind {
                TyKind::Map { value, .. } if matches!(value.kind, TyKind::List(_)) => {
                    quote!(value.#field = query.rest(&[#(#bound_query),*]);)
                }
                _ => quote! {
                    value.#field = query.rest(&[#(#bound_query),*]).map(|map| {
                        map.into_iter().filter_map(|(k, mut v)| if v.is_empty() { None } else { Some((k, v.swap_remove(0))) }).collect()
                    });
                },
            },
            Binding::Header(_) | Binding::PrefixHeaders(_) => headers_decode(m, quote!(request)),
            Binding::Payload => payload_decode(&field, &m.ty),
            Binding::Body | Binding::ResponseCode => quote!(),
        }
    });
    let start = body_start(input);
    let unused_labels = labels.is_empty().then(|| quote!(let _ = labels;));
    let unused_request = (!input.members.iter().any(|m| {
        matches!(
            m.binding,
            Binding::Query(_) | Binding::QueryParams | Binding::Header(_) | Binding::PrefixHeaders(_)
        )
    }))
    .then(|| quote!(let _ = request;));
    quote! {
        #unused_labels
        #unused_request
        #start
        #query
        #(#reads)*
        Ok(value)
    }
}

fn encode_output(op: &Operation, output: Option<&Struct>) -> TokenStream {
    let rt = rt();
    let status = op.http.code;
    let Some(output) = output else {
        return quote! { let _ = output; #rt::rest::ResponseBuilder::new(#status).build() };
    };
    let writes = output.members.iter().map(|m| {
        let field = ident(&m.field);
        match &m.binding {
            Binding::Header(_) | Binding::PrefixHeaders(_) => headers_encode(m, quote!(output)),
            Binding::Payload => payload_encode(&field, &m.ty, quote!(output)),
            Binding::ResponseCode => quote!(r.status(output.#field);),
            _ => quote!(),
        }
    });
    let body = has_body(&output.members).then(|| quote!(r.json_body(output)?;));
    quote! {
        let mut r = #rt::rest::ResponseBuilder::new(#status);
        #(#writes)*
        #body
        r.build()
    }
}

fn decode_output(output: Option<&Struct>) -> TokenStream {
    let rt = rt();
    let Some(output) = output else {
        return quote! { let _ = (response, body); Ok(#rt::Unit {}) };
    };
    response_reads(output)
}

/// Reads a response into a structure: the body, then header-bound members and the status.
fn response_reads(s: &Struct) -> TokenStream {
    let reads = s.members.iter().map(|m| {
        let field = ident(&m.field);
        match &m.binding {
            Binding::Header(_) | Binding::PrefixHeaders(_) => headers_decode(m, quote!(response)),
            Binding::Payload => payload_decode(&field, &m.ty),
            Binding::ResponseCode => {
                quote!(value.#field = Some(i32::from(response.status.as_u16()));)
            }
            _ => quote!(),
        }
    });
    let start = body_start(s);
    let unused = (!s.members.iter().any(|m| {
        matches!(
            m.binding,
            Binding::Header(_) | Binding::PrefixHeaders(_) | Binding::ResponseCode
        )
    }))
    .then(|| quote!(let _ = response;));
    quote! {
        #unused
        #start
        #(#reads)*
        Ok(value)
    }
}

/// `let mut value = ...;` from the JSON body, the payload, or nothing (`mut` only when members
/// bound elsewhere are read next).
fn body_start(s: &Struct) -> TokenStream {
    let rt = rt();
    let ty = ident(&s.name);
    let mutable = s
        .members
        .iter()
        .any(|m| m.binding != Binding::Body)
        .then(|| quote!(mut));
    if has_body(&s.members) {
        quote!(let #mutable value: #ty = #rt::rest::json_body(body)?;)
    } else if s.members.iter().any(|m| m.binding == Binding::Payload) {
        quote!(let #mutable value = #ty::default();)
    } else {
        quote!(let _ = body; let #mutable value = #ty::default();)
    }
}

/// Whether the structure travels as a JSON body: it has body members, or no members at all
/// (an empty structure is sent as `{}`).
fn has_body(members: &[Member]) -> bool {
    members.is_empty() || members.iter().any(|m| m.binding == Binding::Body)
}

/// Writes a header-bound (`@httpHeader`, `@httpPrefixHeaders`) member of `from` into the
/// builder `r`; nothing for other members.
fn headers_encode(m: &Member, from: TokenStream) -> TokenStream {
    let field = ident(&m.field);
    match (&m.binding, &m.ty.kind) {
        (Binding::Header(name), TyKind::List(item)) => {
            let text = text_fn(item);
            quote!(r.header_list(#name, #from.#field.as_ref().map(|list| list.iter().map(#text).collect()))?;)
        }
        (Binding::Header(name), _) => {
            let text = text_fn(&m.ty);
            quote!(r.header(#name, #from.#field.as_ref().map(#text))?;)
        }
        (Binding::PrefixHeaders(prefix), _) => quote!(r.prefix_headers(#prefix, #from.#field.as_ref())?;),
        _ => quote!(),
    }
}

/// Reads a header-bound member from the headers of `from` (a request's or response's parts)
/// into `value`; nothing for other members.
fn headers_decode(m: &Member, from: TokenStream) -> TokenStream {
    let rt = rt();
    let field = ident(&m.field);
    match (&m.binding, &m.ty.kind) {
        (Binding::Header(name), TyKind::List(item)) => {
            let http_date = matches!(item.kind, TyKind::Timestamp(crate::ir::TimestampFormat::HttpDate));
            let parse = parse_fn(item);
            quote!(value.#field = #rt::rest::header_list(&#from.headers, #name, #http_date, #parse)?;)
        }
        (Binding::Header(name), _) => {
            let parse = parse_fn(&m.ty);
            quote!(value.#field = #rt::rest::header(&#from.headers, #name, #parse)?;)
        }
        (Binding::PrefixHeaders(prefix), _) => {
            quote!(value.#field = #rt::rest::prefix_headers(&#from.headers, #prefix)?;)
        }
        _ => quote!(),
    }
}

/// The media type of a raw `@httpPayload` (a blob or text); `None` for a JSON payload.
pub fn raw_payload_media_type(ty: &Ty) -> Option<&'static str> {
    match &ty.kind {
        TyKind::Blob => Some("application/octet-stream"),
        TyKind::String
        | TyKind::Named {
            kind: NamedKind::Enum, ..
        } => Some("text/plain"),
        _ => None,
    }
}

fn payload_encode(field: &proc_macro2::Ident, ty: &Ty, from: TokenStream) -> TokenStream {
    let Some(media_type) = raw_payload_media_type(ty) else {
        return quote!(if let Some(v) = &#from.#field { r.json_body(v)?; });
    };
    let bytes = match &ty.kind {
        TyKind::Named { .. } => quote!(v.as_str().as_bytes().to_vec()),
        _ => quote!(v.as_bytes().to_vec()),
    };
    quote!(r.payload(#from.#field.as_ref().map(|v| #bytes), #media_type);)
}

fn payload_decode(field: &proc_macro2::Ident, ty: &Ty) -> TokenStream {
    let rt = rt();
    match &ty.kind {
        TyKind::Blob => quote!(value.#field = #rt::rest::payload(body).map(#rt::Blob::new);),
        TyKind::String => quote! {
            value.#field = #rt::rest::payload(body)
                .map(|b| String::from_utf8(b).map_err(|_| #rt::protocol::DecodeError::new("the body is not UTF-8 text")))
                .transpose()?;
        },
        TyKind::Named {
            kind: NamedKind::Enum,
            name,
            ..
        } => {
            let name = ident(name);
            quote! {
                value.#field = #rt::rest::payload(body)
                    .map(|b| String::from_utf8(b).map(|s| #name::from(s.as_str())).map_err(|_| #rt::protocol::DecodeError::new("the body is not UTF-8 text")))
                    .transpose()?;
            }
        }
        _ => quote!(value.#field = #rt::rest::json_payload(body)?;),
    }
}

/// A `Fn(&T) -> String` giving the text form of a scalar for a label, query parameter or header.
fn text_fn(ty: &Ty) -> TokenStream {
    let rt = rt();
    match &ty.kind {
        TyKind::Named {
            kind: NamedKind::Enum,
            name,
            ..
        } => {
            let name = ident(name);
            quote!(|v: &#name| v.as_str().to_owned())
        }
        TyKind::Named {
            kind: NamedKind::IntEnum,
            name,
            ..
        } => {
            let name = ident(name);
            quote!(|v: &#name| v.as_i32().to_string())
        }
        TyKind::Timestamp(format) => {
            let module = timestamp_path(*format);
            quote!(#module::format)
        }
        TyKind::BigInteger | TyKind::BigDecimal => quote!(::std::string::ToString::to_string),
        _ => quote!(#rt::rest::Param::to_param),
    }
}

/// A `Fn(&str) -> Result<T, impl Display>` that parses the text form of a scalar.
fn parse_fn(ty: &Ty) -> TokenStream {
    let rt = rt();
    match &ty.kind {
        TyKind::Named {
            kind: NamedKind::Enum,
            name,
            ..
        } => {
            let name = ident(name);
            quote!(|s: &str| Ok::<_, ::std::convert::Infallible>(#name::from(s)))
        }
        TyKind::Named {
            kind: NamedKind::IntEnum,
            name,
            ..
        } => {
            let name = ident(name);
            quote!(|s: &str| <i32 as #rt::rest::Param>::from_param(s).map(#name::from))
        }
        TyKind::Timestamp(format) => {
            let module = timestamp_path(*format);
            quote!(#module::parse)
        }
        TyKind::BigInteger | TyKind::BigDecimal => {
            quote!(|s: &str| s.parse::<::serde_json::Number>())
        }
        _ => {
            let ty = rust_type(ty);
            quote!(<#ty as #rt::rest::Param>::from_param)
        }
    }
}

fn error_enum_tokens(service: &Service, op: &Operation) -> TokenStream {
    let rt = rt();
    let name = ident(&op.error_enum);
    let doc = format!(
        " Errors of the `{}` operation: those the model lists, and any other.",
        op.name
    );
    let errors: Vec<(&str, Option<&Struct>)> = op.errors.iter().map(|e| (e.as_str(), service.structure(e))).collect();
    let variants = errors.iter().map(|(e, s)| {
        let v = ident(e);
        let docs = docs_or(s.map(|s| s.docs.as_slice()).unwrap_or_default(), || {
            format!("The `{e}` error.")
        });
        quote! { #docs #v(#v), }
    });
    let idents: Vec<_> = errors.iter().map(|(e, _)| ident(e)).collect();
    let codes: Vec<&str> = errors
        .iter()
        .map(|(e, s)| s.map_or(*e, |s| shape_name(&s.id)))
        .collect();
    let statuses: Vec<u16> = errors
        .iter()
        .map(|(_, s)| s.and_then(|s| s.error.as_ref()).map_or(500, |e| e.status))
        .collect();
    let decode_body = if idents.is_empty() {
        quote! {
            let _ = (code, response, body);
            Ok(Self::Unhandled(unhandled))
        }
    } else {
        quote! {
            match code {
                #( #codes => Ok(Self::#idents(#rt::protocol::HttpError::decode(response, body)?)), )*
                _ => Ok(Self::Unhandled(unhandled)),
            }
        }
    };
    let froms = idents.iter().map(|v| {
        quote! {
            impl From<#v> for #name {
                fn from(error: #v) -> Self { Self::#v(error) }
            }
        }
    });
    quote! {
        #[doc = #doc]
        #[derive(Clone, Debug, PartialEq)]
        pub enum #name {
            #(#variants)*
            /// An error the model does not list for this operation: its code, message and status.
            Unhandled(#rt::protocol::UnhandledError),
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #( Self::#idents(e) => ::std::fmt::Display::fmt(e, f), )*
                    Self::Unhandled(e) => ::std::fmt::Display::fmt(e, f),
                }
            }
        }

        // `Display` already shows the inner error, so it is not repeated as a `source`.
        impl ::std::error::Error for #name {}

        #(#froms)*

        impl From<#rt::protocol::UnhandledError> for #name {
            fn from(error: #rt::protocol::UnhandledError) -> Self { Self::Unhandled(error) }
        }

        impl #rt::protocol::OperationError for #name {
            fn decode(
                code: &str,
                unhandled: #rt::protocol::UnhandledError,
                response: &#rt::http::response::Parts,
                body: &[u8],
            ) -> Result<Self, #rt::protocol::DecodeError> {
                #decode_body
            }

            fn encode(&self) -> Result<#rt::protocol::HttpResponse, #rt::protocol::EncodeError> {
                match self {
                    #( Self::#idents(e) => #rt::protocol::HttpError::encode(e), )*
                    Self::Unhandled(e) => e.encode(),
                }
            }

            fn unhandled(error: #rt::protocol::UnhandledError) -> Self { Self::Unhandled(error) }

            fn code(&self) -> &str {
                match self {
                    #( Self::#idents(_) => #codes, )*
                    Self::Unhandled(e) => &e.code,
                }
            }

            fn message(&self) -> Option<&str> {
                match self {
                    #( Self::#idents(e) => #rt::protocol::HttpError::message(e), )*
                    Self::Unhandled(e) => e.message.as_deref(),
                }
            }

            fn status(&self) -> u16 {
                match self {
                    #( Self::#idents(_) => #statuses, )*
                    Self::Unhandled(e) => e.status,
                }
            }
        }
    }
}

/// The shape name of an absolute shape id: the error code on the wire.
fn shape_name(id: &str) -> &str {
    id.rsplit('#').next().unwrap_or(id)
}

/// `HttpError` for an `@error` structure.
pub fn error_structure(s: &Struct) -> TokenStream {
    let rt = rt();
    let Some(info) = &s.error else { return quote!() };
    let name = ident(&s.name);
    let code = shape_name(&s.id);
    let status = info.status;
    let fault = match info.fault {
        Fault::Client => quote!(Client),
        Fault::Server => quote!(Server),
    };
    let message = match &info.message_field {
        Some(field) => {
            let field = ident(field);
            quote!(self.#field.as_deref())
        }
        None => quote!(None),
    };
    let writes = s.members.iter().map(|m| headers_encode(m, quote!(self)));
    let reads = response_reads(s);
    quote! {
        impl #rt::protocol::HttpError for #name {
            const CODE: &'static str = #code;
            const STATUS: u16 = #status;
            const FAULT: #rt::protocol::Fault = #rt::protocol::Fault::#fault;

            fn message(&self) -> Option<&str> { #message }

            fn encode(&self) -> Result<#rt::protocol::HttpResponse, #rt::protocol::EncodeError> {
                let mut r = #rt::rest::ResponseBuilder::new(#status);
                #(#writes)*
                r.error_body(#code, #rt::protocol::HttpError::message(self), self)?;
                r.build()
            }

            fn decode(response: &#rt::http::response::Parts, body: &[u8]) -> Result<Self, #rt::protocol::DecodeError> {
                #reads
            }
        }
    }
}
