//! restJson1: per operation the four binding methods of `protocol::Operation` (both directions
//! of its input and output), and per error structure its `HttpError` impl. Both client and
//! server use these, so they cannot disagree about the wire. Each member is one call into
//! `smithy_runtime::rest_json` (`rest` in generated code).

use crate::emit::defaults::value_expr;
use crate::emit::format::ident;
use crate::emit::rust_types::{Scope, rust_type, timestamp_path};
use crate::ir::{Binding, Member, NamedKind, Operation, PathSegment, Service, Struct, TimestampFormat, Ty, TyKind};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

pub(super) fn crate_items(service: &Service) -> TokenStream {
    let message = &service.error_message;
    let doc = format!(" The service's protocol: restJson1, error messages in `{message}`.");
    quote! {
        #[allow(unused_imports)]
        use ::smithy_runtime::rest_json as rest;

        #[doc = #doc]
        pub const PROTOCOL: rt::rest_json::RestJson1 = rt::rest_json::RestJson1::new(#message);
    }
}

pub(super) fn operation_bindings(service: &Service, op: &Operation) -> TokenStream {
    let input = op.input.as_ref().and_then(|name| service.structure(name));
    let output = op.output.as_ref().and_then(|name| service.structure(name));
    let encode_input = encode_input(op, input);
    let decode_input = decode_input(op, input);
    let encode_output = encode_output(op, output);
    let decode_output = decode_output(output);
    quote!(#encode_input #decode_input #encode_output #decode_output)
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

/// `name` when the value is read, `_name` when it is not (no `let _ = name;` needed).
fn param(name: &str, used: bool) -> proc_macro2::Ident {
    if used { ident(name) } else { ident(&format!("_{name}")) }
}

fn encode_input(op: &Operation, input: Option<&Struct>) -> TokenStream {
    let method = &op.http.method;
    let members = input.map(|s| s.members.as_slice()).unwrap_or_default();
    let path = op.http.path.iter().map(|segment| match segment {
        PathSegment::Literal(text) => quote!(r.literal(#text);),
        PathSegment::Label { member, greedy } => {
            let Some(m) = members.iter().find(|m| &m.wire_name == member) else {
                return quote!();
            };
            let field = ident(&m.field);
            match (text_fn(&m.ty), greedy) {
                (None, false) => quote!(r.label(#member, &input.#field)?;),
                (None, true) => quote!(r.greedy_label(#member, &input.#field)?;),
                (Some(text), false) => quote!(r.label_text(#member, input.#field.as_ref().map(#text))?;),
                (Some(text), true) => quote!(r.greedy_label_text(#member, input.#field.as_ref().map(#text))?;),
            }
        }
    });
    let literals = op.http.query_literals.iter().map(|(k, v)| match v {
        Some(v) => quote!(r.query_literal(#k, #v);),
        None => quote!(r.query_flag(#k);),
    });
    let bound_query = bound_query_keys(op, members);
    let bindings: Vec<TokenStream> = members.iter().map(|m| {
        let field = ident(&m.field);
        match &m.binding {
            Binding::Query(key) => match &m.ty.kind {
                TyKind::List(item) => match text_fn(item) {
                    None => quote!(r.query_list(#key, &input.#field);),
                    Some(text) => {
                        quote!(r.query_list_text(#key, input.#field.as_ref().map(|list| list.iter().map(#text).collect()));)
                    }
                },
                _ => match text_fn(&m.ty) {
                    None => quote!(r.query(#key, &input.#field);),
                    Some(text) => quote!(r.query_text(#key, input.#field.as_ref().map(#text));),
                },
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
            Binding::Payload => payload_encode(m, quote!(input)),
            Binding::Body | Binding::Label | Binding::ResponseCode => quote!(),
        }
    }).collect();
    // Unlike a response (always a JSON object, `{}` at least), a request has a JSON body only
    // when the input has body members: no input, an empty structure and bound members only
    // mean no body and no `Content-Type` (restJson1's `RestJsonEmptyInputAndEmptyOutput`,
    // `RestJsonHttpPostWithNoInput`, `RestJsonHttpGetWithNoModeledBody`).
    let body = members
        .iter()
        .any(|m| m.binding == Binding::Body)
        .then(|| quote!(r.json_body(input)?;));
    let reads_label = op.http.path.iter().any(|segment| {
        matches!(segment, PathSegment::Label { member, .. } if members.iter().any(|m| &m.wire_name == member))
    });
    let reads_input = body.is_some() || reads_label || bindings.iter().any(|t| !t.is_empty());
    let input_param = param("input", reads_input);
    quote! {
        fn encode_input(#input_param: &Self::Input) -> Result<HttpRequest, EncodeError> {
            let mut r = rest::RequestBuilder::new(#method);
            #(#path)*
            #(#literals)*
            #(#bindings)*
            #body
            r.build()
        }
    }
}

fn decode_input(op: &Operation, input: Option<&Struct>) -> TokenStream {
    let signature = |request: bool, labels: bool, body: bool| {
        let (request, labels, body) = (param("request", request), param("labels", labels), param("body", body));
        quote! {
            fn decode_input(#request: &http::request::Parts, #labels: &[String], #body: &[u8]) -> Result<Self::Input, DecodeError>
        }
    };
    let Some(input) = input else {
        let signature = signature(false, false, false);
        return quote!(#signature { Ok(rt::Unit {}) });
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
    let query = needs_query.then(|| quote!(let query = rest::Query::parse(&request.uri)?;));
    // A server's `@httpQueryParams` map gets every parameter, those bound to other members
    // too (the suite's `RestJsonServersPutAllQueryParamsInMap`); only the URI's literal query
    // keys, which route the request, are not data.
    let bound_query: Vec<&str> = op.http.query_literals.iter().map(|(k, _)| k.as_str()).collect();
    let reads = input.members.iter().map(|m| {
        let field = ident(&m.field);
        match &m.binding {
            Binding::Label => {
                let index = Literal::usize_unsuffixed(labels.iter().position(|l| *l == m.wire_name).unwrap_or_default());
                let name = &m.wire_name;
                match parse_fn(&m.ty) {
                    None => quote!(value.#field = rest::label(labels, #index, #name)?;),
                    Some(parse) => quote!(value.#field = rest::label_with(labels, #index, #name, #parse)?;),
                }
            }
            Binding::Query(key) => match &m.ty.kind {
                TyKind::List(item) => match parse_fn(item) {
                    None => quote!(value.#field = query.all(#key)?;),
                    Some(parse) => quote!(value.#field = query.all_with(#key, #parse)?;),
                },
                _ => match parse_fn(&m.ty) {
                    None => quote!(value.#field = query.one(#key)?;),
                    Some(parse) => quote!(value.#field = query.one_with(#key, #parse)?;),
                },
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
    let reads_request = input.members.iter().any(|m| {
        matches!(
            m.binding,
            Binding::Query(_) | Binding::QueryParams | Binding::Header(_) | Binding::PrefixHeaders(_)
        )
    });
    let signature = signature(reads_request, !labels.is_empty(), reads_body(input));
    let only_body = input.members.iter().all(|m| m.binding == Binding::Body);
    let input_defaults = input_defaults(op, input);
    let body = if only_body && input_defaults.is_empty() {
        quote!(rest::json_body(body))
    } else if only_body {
        quote!(let mut value: Self::Input = rest::json_body(body)?; #input_defaults Ok(value))
    } else {
        let start = body_start(input, &quote!(Self::Input));
        let defaults = bound_defaults(input, &quote!(Self::Input));
        quote!(#start #query #(#reads)* #defaults #input_defaults Ok(value))
    };
    quote!(#signature { #body })
}

fn encode_output(op: &Operation, output: Option<&Struct>) -> TokenStream {
    let status = Literal::u16_unsuffixed(op.http.code);
    let Some(output) = output else {
        return quote! {
            fn encode_output(_output: &Self::Output) -> Result<HttpResponse, EncodeError> {
                rest::ResponseBuilder::new(#status).build()
            }
        };
    };
    let writes = output.members.iter().map(|m| {
        let field = ident(&m.field);
        match &m.binding {
            Binding::Header(_) | Binding::PrefixHeaders(_) => headers_encode(m, quote!(output)),
            Binding::Payload => payload_encode(m, quote!(output)),
            Binding::ResponseCode => quote!(r.status(output.#field);),
            _ => quote!(),
        }
    });
    // Without a payload member the body is the JSON document of the body members, `{}`
    // when there are none (the suite's `RestJsonHttpResponseCode`): a response says it is
    // JSON even when every member is bound elsewhere.
    let has_payload = output.members.iter().any(|m| m.binding == Binding::Payload);
    let body = (!has_payload).then(|| quote!(r.json_body(output)?;));
    quote! {
        fn encode_output(output: &Self::Output) -> Result<HttpResponse, EncodeError> {
            let mut r = rest::ResponseBuilder::new(#status);
            #(#writes)*
            #body
            r.build()
        }
    }
}

fn decode_output(output: Option<&Struct>) -> TokenStream {
    let Some(output) = output else {
        return quote! {
            fn decode_output(_response: &http::response::Parts, _body: &[u8]) -> Result<Self::Output, DecodeError> {
                Ok(rt::Unit {})
            }
        };
    };
    let (response, body) = (
        param("response", reads_response(output)),
        param("body", reads_body(output)),
    );
    let reads = response_reads(output, quote!(Self::Output));
    quote! {
        fn decode_output(#response: &http::response::Parts, #body: &[u8]) -> Result<Self::Output, DecodeError> {
            #reads
        }
    }
}

/// Whether reading the structure from a response looks at the response's parts.
fn reads_response(s: &Struct) -> bool {
    s.members.iter().any(|m| {
        matches!(
            m.binding,
            Binding::Header(_) | Binding::PrefixHeaders(_) | Binding::ResponseCode
        )
    })
}

/// Whether reading the structure looks at the body.
fn reads_body(s: &Struct) -> bool {
    has_body(&s.members) || s.members.iter().any(|m| m.binding == Binding::Payload)
}

/// Reads a response into a structure (of type `ty`): the body, then header-bound members and
/// the status.
fn response_reads(s: &Struct, ty: TokenStream) -> TokenStream {
    if s.members.iter().all(|m| m.binding == Binding::Body) {
        return quote!(rest::json_body(body));
    }
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
    let start = body_start(s, &ty);
    let defaults = bound_defaults(s, &ty);
    quote! {
        #start
        #(#reads)*
        #defaults
        Ok(value)
    }
}

/// Puts back the Smithy default of each member bound outside the body (header, payload...)
/// that the message did not carry: its read leaves `None`, while serde fills body members.
fn bound_defaults(s: &Struct, ty: &TokenStream) -> TokenStream {
    let fields: Vec<_> = s
        .members
        .iter()
        .filter(|m| m.binding != Binding::Body && m.filled_default.is_some())
        .map(|m| ident(&m.field))
        .collect();
    if fields.is_empty() {
        return TokenStream::new();
    }
    quote! {
        let defaults = <#ty as Default>::default();
        #( if value.#fields.is_none() { value.#fields = defaults.#fields; } )*
    }
}

/// Fills in the `@default` of each input member the request left out: the input structure
/// (`@input`) has no filled defaults, so that clients send only what callers set, but a
/// server sees the effective value (the suite's `RestJsonServerPopulatesDefaultsWhenMissingInRequestBody`).
fn input_defaults(op: &Operation, input: &Struct) -> TokenStream {
    let scope = Scope::Model {
        shadowed: Some(&op.error_enum),
    };
    // Not a payload: its absence is an empty body, which the handler sees as unset (a
    // streaming blob's implicit `@default("")`, the suite's
    // `RestJsonStreamingTraitsRequireLengthWithNoBlobBody`).
    let fills = input
        .members
        .iter()
        .filter(|m| m.binding != Binding::Payload)
        .filter_map(|m| {
            let value = value_expr(&m.ty, m.server_default.as_ref()?, scope);
            let field = ident(&m.field);
            Some(quote!(if value.#field.is_none() { value.#field = Some(#value); }))
        });
    quote!(#(#fills)*)
}

/// `let mut value = ...;` from the JSON body, the payload, or nothing (`mut` only when members
/// bound elsewhere are read next).
fn body_start(s: &Struct, ty: &TokenStream) -> TokenStream {
    let mutable = s
        .members
        .iter()
        .any(|m| m.binding != Binding::Body)
        .then(|| quote!(mut));
    if has_body(&s.members) {
        quote!(let #mutable value: #ty = rest::json_body(body)?;)
    } else {
        quote!(let #mutable value: #ty = Default::default();)
    }
}

/// Whether the structure travels as a JSON body in a response: it has body members, or no
/// members at all (an empty structure is sent as `{}`). Requests follow another rule (see
/// `encode_input`).
fn has_body(members: &[Member]) -> bool {
    members.is_empty() || members.iter().any(|m| m.binding == Binding::Body)
}

/// Writes a header-bound (`@httpHeader`, `@httpPrefixHeaders`) member of `from` into the
/// builder `r`; nothing for other members.
fn headers_encode(m: &Member, from: TokenStream) -> TokenStream {
    let field = ident(&m.field);
    match (&m.binding, &m.ty.kind) {
        (Binding::Header(name), TyKind::List(item)) => match text_fn(item) {
            None => quote!(r.header_list(#name, &#from.#field)?;),
            // http-dates hold a comma each but are never quoted in a list (restJson1).
            Some(text) if matches!(item.kind, TyKind::Timestamp(TimestampFormat::HttpDate)) => {
                quote!(r.header_date_list(#name, #from.#field.as_ref().map(|list| list.iter().map(#text).collect()))?;)
            }
            Some(text) => {
                quote!(r.header_list_text(#name, #from.#field.as_ref().map(|list| list.iter().map(#text).collect()))?;)
            }
        },
        (Binding::Header(name), TyKind::String) if m.media_type.is_some() => {
            quote!(r.header_text(#name, #from.#field.as_deref().map(rest::media_type_to_header))?;)
        }
        (Binding::Header(name), _) => match text_fn(&m.ty) {
            None => quote!(r.header(#name, &#from.#field)?;),
            Some(text) => quote!(r.header_text(#name, #from.#field.as_ref().map(#text))?;),
        },
        (Binding::PrefixHeaders(prefix), _) => quote!(r.prefix_headers(#prefix, #from.#field.as_ref())?;),
        _ => quote!(),
    }
}

/// Reads a header-bound member from the headers of `from` (a request's or response's parts)
/// into `value`; nothing for other members.
fn headers_decode(m: &Member, from: TokenStream) -> TokenStream {
    let field = ident(&m.field);
    match (&m.binding, &m.ty.kind) {
        (Binding::Header(name), TyKind::List(item)) => match parse_fn(item) {
            None => quote!(value.#field = rest::header_list(&#from.headers, #name)?;),
            Some(parse) => {
                let http_date = matches!(item.kind, TyKind::Timestamp(TimestampFormat::HttpDate));
                quote!(value.#field = rest::header_list_with(&#from.headers, #name, #http_date, #parse)?;)
            }
        },
        (Binding::Header(name), TyKind::String) if m.media_type.is_some() => {
            quote!(value.#field = rest::header_with(&#from.headers, #name, rest::media_type_from_header)?;)
        }
        (Binding::Header(name), _) => match parse_fn(&m.ty) {
            None => quote!(value.#field = rest::header(&#from.headers, #name)?;),
            Some(parse) => quote!(value.#field = rest::header_with(&#from.headers, #name, #parse)?;),
        },
        (Binding::PrefixHeaders(prefix), _) => {
            quote!(value.#field = rest::prefix_headers(&#from.headers, #prefix)?;)
        }
        _ => quote!(),
    }
}

/// The media type of a raw `@httpPayload` (a blob or text): its `@mediaType`, else
/// restJson1's default for the type; `None` for a JSON payload.
pub(super) fn raw_payload_media_type(payload: &Member) -> Option<&str> {
    let default = match &payload.ty.kind {
        TyKind::Blob => "application/octet-stream",
        TyKind::String
        | TyKind::Named {
            kind: NamedKind::Enum, ..
        } => "text/plain",
        _ => return None,
    };
    Some(payload.media_type.as_deref().unwrap_or(default))
}

fn payload_encode(m: &Member, from: TokenStream) -> TokenStream {
    let field = ident(&m.field);
    let Some(media_type) = raw_payload_media_type(m) else {
        // A structure has an empty value, `{}`, sent when unset; a union or document has none.
        return match &m.ty.kind {
            TyKind::Named {
                kind: NamedKind::Struct,
                ..
            } => quote!(r.structure_payload(&#from.#field)?;),
            _ => quote!(if let Some(v) = &#from.#field { r.json_body(v)?; }),
        };
    };
    let bytes = match &m.ty.kind {
        TyKind::Named { .. } => quote!(v.as_str().as_bytes().to_vec()),
        _ => quote!(v.as_bytes().to_vec()),
    };
    quote!(r.payload(#from.#field.as_ref().map(|v| #bytes), #media_type)?;)
}

fn payload_decode(field: &proc_macro2::Ident, ty: &Ty) -> TokenStream {
    match &ty.kind {
        TyKind::Blob => quote!(value.#field = rest::payload(body).map(rt::Blob::new);),
        TyKind::String => quote! {
            value.#field = rest::payload(body)
                .map(|b| String::from_utf8(b).map_err(|_| DecodeError::new("the body is not UTF-8 text")))
                .transpose()?;
        },
        TyKind::Named {
            kind: NamedKind::Enum,
            name,
            ..
        } => {
            let name = ident(name);
            quote! {
                value.#field = rest::payload(body)
                    .map(|b| String::from_utf8(b).map(|s| #name::from(s.as_str())).map_err(|_| DecodeError::new("the body is not UTF-8 text")))
                    .transpose()?;
            }
        }
        _ => quote!(value.#field = rest::json_payload(body)?;),
    }
}

/// Whether a scalar travels as text through the runtime's `Param` (the member forms of the
/// builders and readers); `false` for enums, timestamps and big numbers, which need `_text` /
/// `_with` and a function.
fn is_param(ty: &Ty) -> bool {
    matches!(
        ty.kind,
        TyKind::Bool
            | TyKind::Byte
            | TyKind::Short
            | TyKind::Integer
            | TyKind::Long
            | TyKind::Float
            | TyKind::Double
            | TyKind::String
            | TyKind::Blob
    )
}

/// For a scalar that is not a `Param`, a `Fn(&T) -> String` giving its text form.
fn text_fn(ty: &Ty) -> Option<TokenStream> {
    if is_param(ty) {
        return None;
    }
    Some(match &ty.kind {
        TyKind::Named {
            kind: NamedKind::IntEnum,
            name,
            ..
        } => {
            let name = ident(name);
            quote!(|v: &#name| v.as_i32().to_string())
        }
        TyKind::Named { name, .. } => {
            let name = ident(name);
            quote!(|v: &#name| v.as_str().to_owned())
        }
        TyKind::Timestamp(format) => {
            let module = timestamp_path(*format);
            quote!(#module::format)
        }
        _ => quote!(::std::string::ToString::to_string),
    })
}

/// For a scalar that is not a `Param`, a `Fn(&str) -> Result<T, impl Display>` that parses it.
fn parse_fn(ty: &Ty) -> Option<TokenStream> {
    if is_param(ty) {
        return None;
    }
    Some(match &ty.kind {
        TyKind::Named {
            kind: NamedKind::IntEnum,
            name,
            ..
        } => {
            let name = ident(name);
            quote!(|s: &str| <i32 as rest::Param>::from_param(s).map(#name::from))
        }
        TyKind::Named { name, .. } => {
            let name = ident(name);
            quote!(|s: &str| Ok::<_, ::std::convert::Infallible>(#name::from(s)))
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
            quote!(<#ty as rest::Param>::from_param)
        }
    })
}

/// `impl HttpError` for an `@error` structure: its code, status, fault and `@retryable` from
/// the IR, its header-bound members written and read one call each.
pub(super) fn error_structure(s: &Struct) -> TokenStream {
    let Some(info) = &s.error else { return quote!() };
    let name = ident(&s.name);
    let (code, status) = (&info.code, Literal::u16_unsuffixed(info.status));
    let fault = match info.fault {
        crate::ir::Fault::Client => quote!(Client),
        crate::ir::Fault::Server => quote!(Server),
    };
    let retry = match (info.retryable, info.throttling) {
        (false, _) => quote!(),
        (true, false) => quote!(
            const RETRY: Option<protocol::Retry> = Some(protocol::Retry::Transient);
        ),
        (true, true) => quote!(
            const RETRY: Option<protocol::Retry> = Some(protocol::Retry::Throttling);
        ),
    };
    let message = match &info.message_field {
        Some(field) => {
            let field = ident(field);
            quote!(self.#field.as_deref())
        }
        None => quote!(None),
    };
    let writes: Vec<TokenStream> = s.members.iter().map(|m| headers_encode(m, quote!(self))).collect();
    let builder = if writes.iter().all(TokenStream::is_empty) {
        quote!(rest::ResponseBuilder::new(Self::STATUS).error(self))
    } else {
        quote! {
            let mut r = rest::ResponseBuilder::new(Self::STATUS);
            #(#writes)*
            r.error(self)
        }
    };
    let (response, body) = (param("response", reads_response(s)), param("body", reads_body(s)));
    let reads = response_reads(s, quote!(Self));
    quote! {
        impl protocol::HttpError for #name {
            const CODE: &'static str = #code;
            const STATUS: u16 = #status;
            const FAULT: protocol::Fault = protocol::Fault::#fault;
            #retry

            fn message(&self) -> Option<&str> { #message }

            fn encode(&self) -> Result<HttpResponse, EncodeError> {
                #builder
            }

            fn decode(#response: &http::response::Parts, #body: &[u8]) -> Result<Self, DecodeError> {
                #reads
            }
        }
    }
}
