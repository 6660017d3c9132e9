//! [`RequestBuilder`]: a request's path, query, headers and body, member by member.

use std::collections::BTreeMap;

use bytes::Bytes;
use http::header::HeaderMap;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

use super::JSON;
use super::headers::{default_content_type, join_header_list, set_header, set_prefix_headers};
use super::param::Param;
use crate::protocol::{EncodeError, HttpRequest};

/// Every byte but RFC 3986's unreserved characters is percent-encoded in labels and queries.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// The same, keeping `/` (greedy labels span segments).
const UNRESERVED_AND_SLASH: &AsciiSet = &UNRESERVED.remove(b'/');

/// What a literal path segment of the URI template keeps as written: RFC 3986's `pchar`
/// (unreserved, sub-delims, `:` and `@`) and `%` (the template is already URI text, so an
/// escape in it is kept). A template is matched character for character (`/(a+)+` must
/// reach the server as `/(a+)+`); anything a URI cannot hold (spaces, non-ASCII) is encoded.
const NOT_PCHAR: &AsciiSet = &UNRESERVED
    .remove(b'!')
    .remove(b'$')
    .remove(b'&')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'+')
    .remove(b',')
    .remove(b';')
    .remove(b'=')
    .remove(b':')
    .remove(b'@')
    .remove(b'%');

/// Builds a request: path segments, query parameters, headers and a body, in that order.
///
/// Each binding comes in two forms: one taking the member as generated code holds it
/// (`&Option<T>` of a [`Param`]), and one (`_text`) taking text the caller already formatted
/// (enums, timestamps).
#[derive(Debug)]
pub struct RequestBuilder {
    method: &'static str,
    path: String,
    /// Keys and values; a `None` value is a bare key (`?flag`).
    query: Vec<(String, Option<String>)>,
    headers: HeaderMap,
    body: Bytes,
}

impl RequestBuilder {
    /// A request with this method, path `/` and no body.
    pub fn new(method: &'static str) -> Self {
        RequestBuilder {
            method,
            path: String::new(),
            query: Vec::new(),
            headers: HeaderMap::new(),
            body: Bytes::new(),
        }
    }

    /// Appends a literal path segment as written in the URI template: a template is matched
    /// character for character, so `(a+)+` stays `(a+)+`; only what a URI cannot hold
    /// (spaces, non-ASCII) is percent-encoded.
    pub fn literal(&mut self, segment: &str) {
        self.path.push('/');
        self.path.extend(utf8_percent_encode(segment, NOT_PCHAR));
    }

    /// Appends a label (see [`RequestBuilder::label_text`]).
    pub fn label<T: Param>(&mut self, name: &str, value: &Option<T>) -> Result<(), EncodeError> {
        self.label_text(name, value.as_ref().map(Param::to_param))
    }

    /// Appends a label's value as one path segment: everything but unreserved characters is
    /// percent-encoded, so an ARN's `:` and `/` become `%3A` and `%2F`. A missing or empty
    /// value is an error: the URI would not name the resource.
    pub fn label_text(&mut self, name: &str, value: Option<String>) -> Result<(), EncodeError> {
        let value = required_label(name, value)?;
        self.path.push('/');
        self.path.extend(utf8_percent_encode(&value, UNRESERVED));
        Ok(())
    }

    /// Appends a greedy label (see [`RequestBuilder::greedy_label_text`]).
    pub fn greedy_label<T: Param>(&mut self, name: &str, value: &Option<T>) -> Result<(), EncodeError> {
        self.greedy_label_text(name, value.as_ref().map(Param::to_param))
    }

    /// Appends a greedy label's value (`{name+}`): like [`RequestBuilder::label_text`], but
    /// `/` stays a separator.
    pub fn greedy_label_text(&mut self, name: &str, value: Option<String>) -> Result<(), EncodeError> {
        let value = required_label(name, value)?;
        self.path.push('/');
        self.path.extend(utf8_percent_encode(&value, UNRESERVED_AND_SLASH));
        Ok(())
    }

    /// Adds a query parameter from the URI template (`?x-id=PutObject`).
    pub fn query_literal(&mut self, name: &str, value: &str) {
        self.query.push((name.to_owned(), Some(value.to_owned())));
    }

    /// Adds a key without a value from the URI template (`?hello`): sent as `hello`, not
    /// `hello=`, since a server may match the template's text.
    pub fn query_flag(&mut self, name: &str) {
        self.query.push((name.to_owned(), None));
    }

    /// Adds a query parameter when the member is set.
    pub fn query<T: Param>(&mut self, name: &str, value: &Option<T>) {
        self.query_text(name, value.as_ref().map(Param::to_param));
    }

    /// Adds a query parameter when the value is set.
    pub fn query_text(&mut self, name: &str, value: Option<String>) {
        if let Some(value) = value {
            self.query.push((name.to_owned(), Some(value)));
        }
    }

    /// Adds a list member as the same key repeated, once per item.
    pub fn query_list<T: Param>(&mut self, name: &str, values: &Option<Vec<T>>) {
        self.query_list_text(name, values.as_ref().map(|v| v.iter().map(Param::to_param).collect()));
    }

    /// Adds a list as the same key repeated, once per item.
    pub fn query_list_text(&mut self, name: &str, values: Option<Vec<String>>) {
        for value in values.into_iter().flatten() {
            self.query.push((name.to_owned(), Some(value)));
        }
    }

    /// Adds `@httpQueryParams` entries, skipping keys that a member binds explicitly
    /// (`bound`): those always win.
    pub fn query_params<I>(&mut self, bound: &[&str], entries: Option<I>)
    where
        I: IntoIterator<Item = (String, Vec<String>)>,
    {
        for (key, values) in entries.into_iter().flatten() {
            if bound.contains(&key.as_str()) {
                continue;
            }
            for value in values {
                self.query.push((key.clone(), Some(value)));
            }
        }
    }

    /// Sets a header when the member is set.
    pub fn header<T: Param>(&mut self, name: &'static str, value: &Option<T>) -> Result<(), EncodeError> {
        self.header_text(name, value.as_ref().map(Param::to_param))
    }

    /// Sets a header when the value is set.
    pub fn header_text(&mut self, name: &'static str, value: Option<String>) -> Result<(), EncodeError> {
        set_header(&mut self.headers, name, value)
    }

    /// Sets a list header from a list member.
    pub fn header_list<T: Param>(&mut self, name: &'static str, values: &Option<Vec<T>>) -> Result<(), EncodeError> {
        self.header_list_text(name, values.as_ref().map(|v| v.iter().map(Param::to_param).collect()))
    }

    /// Sets a list header of http-dates: items joined with `, ` and never quoted, although
    /// each holds a comma (restJson1 says so; readers split on every second comma).
    pub fn header_date_list(&mut self, name: &'static str, values: Option<Vec<String>>) -> Result<(), EncodeError> {
        set_header(&mut self.headers, name, values.map(|v| v.join(", ")))
    }

    /// Sets a list header: items joined with `, `, quoted when they hold a comma or a quote.
    pub fn header_list_text(&mut self, name: &'static str, values: Option<Vec<String>>) -> Result<(), EncodeError> {
        set_header(&mut self.headers, name, values.map(|v| join_header_list(&v)))
    }

    /// Sets one header per map entry, the key appended to `prefix`.
    pub fn prefix_headers(
        &mut self,
        prefix: &str,
        entries: Option<&BTreeMap<String, String>>,
    ) -> Result<(), EncodeError> {
        set_prefix_headers(&mut self.headers, prefix, entries)
    }

    /// Sets the JSON body: the structure's body members (bound members are skipped by serde),
    /// or a structure, union or document `@httpPayload`. `Content-Type: application/json`
    /// unless a member sets the header (see [`RequestBuilder::payload`]).
    ///
    /// Generated code calls it only when the input has body members or a JSON payload is set:
    /// an input with neither (no input, an empty structure, only bound members) is sent with
    /// no body and no `Content-Type`, as restJson1's cases require.
    pub fn json_body<T: Serialize>(&mut self, value: &T) -> Result<(), EncodeError> {
        self.body = super::to_json(value)?;
        default_content_type(&mut self.headers, JSON)
    }

    /// Sets a structure `@httpPayload`: its JSON, or `{}` when unset. A structure has an empty
    /// value, and restJson1 sends it (`RestJsonHttpWithEmptyStructurePayload`); a union or
    /// document has none, so those send nothing when unset.
    pub fn structure_payload<T: Serialize>(&mut self, value: &Option<T>) -> Result<(), EncodeError> {
        match value {
            Some(value) => self.json_body(value),
            None => self.json_body(&serde_json::Map::new()),
        }
    }

    /// Sets a raw `@httpPayload` body (blob or text), when there is one, with `content_type`
    /// (the payload's `@mediaType`, else restJson1's default for its type). A `Content-Type`
    /// set by an `@httpHeader` member wins, before or after this call: the caller said what
    /// the bytes are.
    pub fn payload(&mut self, body: Option<Vec<u8>>, content_type: &str) -> Result<(), EncodeError> {
        if let Some(body) = body {
            self.body = Bytes::from(body);
            default_content_type(&mut self.headers, content_type)?;
        }
        Ok(())
    }

    /// The request, with an origin-form URI (`/path?query`).
    pub fn build(self) -> Result<HttpRequest, EncodeError> {
        let mut uri = if self.path.is_empty() {
            "/".to_owned()
        } else {
            self.path
        };
        for (i, (key, value)) in self.query.iter().enumerate() {
            uri.push(if i == 0 { '?' } else { '&' });
            uri.extend(utf8_percent_encode(key, UNRESERVED));
            if let Some(value) = value {
                uri.push('=');
                uri.extend(utf8_percent_encode(value, UNRESERVED));
            }
        }
        let mut request = http::Request::builder()
            .method(self.method)
            .uri(&uri)
            .body(self.body)
            .map_err(|e| EncodeError::new(format!("cannot build the request for {uri}: {e}")))?;
        *request.headers_mut() = self.headers;
        Ok(request)
    }
}

fn required_label(name: &str, value: Option<String>) -> Result<String, EncodeError> {
    match value {
        Some(value) if !value.is_empty() => Ok(value),
        _ => Err(EncodeError::new(format!(
            "member {name} is bound to the request URI and must be set to a non-empty value"
        ))),
    }
}
