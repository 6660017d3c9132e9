//! The restJson1 protocol's bindings, as helpers for generated code.
//!
//! Generated `encode` functions fill a [`RequestBuilder`] or [`ResponseBuilder`] member by
//! member; generated `decode` functions read members with [`label`], [`Query`], [`header`] and
//! friends, then the body with [`json_body`]. Values cross the boundary as text through
//! [`Param`] (timestamps through closures, since their text form depends on the member).
//! [`ErrorMeta`] reads an error response's code and message the restJson1 way, and
//! [`error_response`] writes one.

use std::collections::BTreeMap;
use std::fmt::Display;

use bytes::Bytes;
use http::header::{CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::protocol::{DecodeError, EncodeError, HttpRequest, HttpResponse};

/// Every byte but RFC 3986's unreserved characters is percent-encoded in labels and queries.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// The same, keeping `/` (greedy labels span segments).
const UNRESERVED_AND_SLASH: &AsciiSet = &UNRESERVED.remove(b'/');

/// The content type of JSON bodies.
pub const JSON: &str = "application/json";

/// A scalar that travels as text in a label, query parameter or header.
pub trait Param: Sized {
    /// The text form.
    fn to_param(&self) -> String;
    /// Parses the text form; the error says what was expected.
    fn from_param(text: &str) -> Result<Self, String>;
}

impl Param for String {
    fn to_param(&self) -> String {
        self.clone()
    }
    fn from_param(text: &str) -> Result<Self, String> {
        Ok(text.to_owned())
    }
}

impl Param for bool {
    fn to_param(&self) -> String {
        self.to_string()
    }
    fn from_param(text: &str) -> Result<Self, String> {
        match text {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err("expected true or false".to_owned()),
        }
    }
}

macro_rules! int_param {
    ($($t:ty),*) => {$(
        impl Param for $t {
            fn to_param(&self) -> String {
                self.to_string()
            }
            fn from_param(text: &str) -> Result<Self, String> {
                text.parse().map_err(|_| format!("expected an integer between {} and {}", <$t>::MIN, <$t>::MAX))
            }
        }
    )*};
}
int_param!(i8, i16, i32, i64);

macro_rules! float_param {
    ($($t:ty),*) => {$(
        impl Param for $t {
            fn to_param(&self) -> String {
                if self.is_nan() {
                    "NaN".to_owned()
                } else if self.is_infinite() {
                    if *self > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
                } else {
                    self.to_string()
                }
            }
            fn from_param(text: &str) -> Result<Self, String> {
                match text {
                    "NaN" => Ok(<$t>::NAN),
                    "Infinity" => Ok(<$t>::INFINITY),
                    "-Infinity" => Ok(<$t>::NEG_INFINITY),
                    _ if text.bytes().all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b)) => {
                        text.parse().map_err(|_| "expected a number".to_owned())
                    }
                    _ => Err("expected a number".to_owned()),
                }
            }
        }
    )*};
}
float_param!(f32, f64);

impl Param for crate::Blob {
    fn to_param(&self) -> String {
        self.to_base64()
    }
    fn from_param(text: &str) -> Result<Self, String> {
        crate::Blob::from_base64(text).map_err(|e| e.to_string())
    }
}

/// Builds a request: path segments, query parameters, headers and a body, in that order.
#[derive(Debug)]
pub struct RequestBuilder {
    method: &'static str,
    path: String,
    query: Vec<(String, String)>,
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

    /// Appends a literal path segment (as written in the URI template).
    pub fn literal(&mut self, segment: &str) {
        self.path.push('/');
        self.path.extend(utf8_percent_encode(segment, UNRESERVED));
    }

    /// Appends a label's value as one path segment: everything but unreserved characters is
    /// percent-encoded, so an ARN's `:` and `/` become `%3A` and `%2F`. A missing or empty
    /// value is an error: the URI would not name the resource.
    pub fn label(&mut self, name: &str, value: Option<String>) -> Result<(), EncodeError> {
        let value = required_label(name, value)?;
        self.path.push('/');
        self.path.extend(utf8_percent_encode(&value, UNRESERVED));
        Ok(())
    }

    /// Appends a greedy label's value (`{name+}`): like [`RequestBuilder::label`], but `/`
    /// stays a separator.
    pub fn greedy_label(&mut self, name: &str, value: Option<String>) -> Result<(), EncodeError> {
        let value = required_label(name, value)?;
        self.path.push('/');
        self.path.extend(utf8_percent_encode(&value, UNRESERVED_AND_SLASH));
        Ok(())
    }

    /// Adds a query parameter from the URI template (`?x-id=PutObject`).
    pub fn query_literal(&mut self, name: &str, value: &str) {
        self.query.push((name.to_owned(), value.to_owned()));
    }

    /// Adds a query parameter when the value is set.
    pub fn query(&mut self, name: &str, value: Option<String>) {
        if let Some(value) = value {
            self.query.push((name.to_owned(), value));
        }
    }

    /// Adds a list as the same key repeated, once per item.
    pub fn query_list(&mut self, name: &str, values: Option<Vec<String>>) {
        for value in values.into_iter().flatten() {
            self.query.push((name.to_owned(), value));
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
                self.query.push((key.clone(), value));
            }
        }
    }

    /// Sets a header when the value is set.
    pub fn header(&mut self, name: &'static str, value: Option<String>) -> Result<(), EncodeError> {
        set_header(&mut self.headers, name, value)
    }

    /// Sets a list header: items joined with `, `, quoted when they hold a comma or a quote.
    pub fn header_list(&mut self, name: &'static str, values: Option<Vec<String>>) -> Result<(), EncodeError> {
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

    /// Sets the JSON body: the structure's body members (bound members are skipped by serde).
    pub fn json_body<T: Serialize>(&mut self, value: &T) -> Result<(), EncodeError> {
        self.body = to_json(value)?;
        self.headers.insert(CONTENT_TYPE, HeaderValue::from_static(JSON));
        Ok(())
    }

    /// Sets a raw `@httpPayload` body, when there is one.
    pub fn payload(&mut self, body: Option<Vec<u8>>, content_type: &'static str) {
        if let Some(body) = body {
            self.body = Bytes::from(body);
            self.headers
                .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
        }
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
            uri.push('=');
            uri.extend(utf8_percent_encode(value, UNRESERVED));
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

/// Builds a response: status, headers and a body.
#[derive(Debug)]
pub struct ResponseBuilder {
    status: u16,
    headers: HeaderMap,
    body: Bytes,
}

impl ResponseBuilder {
    /// A response with this status and no body.
    pub fn new(status: u16) -> Self {
        ResponseBuilder {
            status,
            headers: HeaderMap::new(),
            body: Bytes::new(),
        }
    }

    /// Replaces the status (`@httpResponseCode`), when set.
    pub fn status(&mut self, status: Option<i32>) {
        if let Some(status) = status.and_then(|s| u16::try_from(s).ok()) {
            self.status = status;
        }
    }

    /// Sets a header when the value is set.
    pub fn header(&mut self, name: &'static str, value: Option<String>) -> Result<(), EncodeError> {
        set_header(&mut self.headers, name, value)
    }

    /// Sets a list header (see [`RequestBuilder::header_list`]).
    pub fn header_list(&mut self, name: &'static str, values: Option<Vec<String>>) -> Result<(), EncodeError> {
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

    /// Sets the JSON body.
    pub fn json_body<T: Serialize>(&mut self, value: &T) -> Result<(), EncodeError> {
        self.body = to_json(value)?;
        self.headers.insert(CONTENT_TYPE, HeaderValue::from_static(JSON));
        Ok(())
    }

    /// Sets a raw `@httpPayload` body, when there is one.
    pub fn payload(&mut self, body: Option<Vec<u8>>, content_type: &'static str) {
        if let Some(body) = body {
            self.body = Bytes::from(body);
            self.headers
                .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
        }
    }

    /// Sets an error's JSON body and code: `body` (the error structure; its header-bound
    /// members are skipped by serde) with `message` added when the body lacks it, so that
    /// clients reading either IVS's `exceptionMessage` or the usual `message` show the text,
    /// and `X-Amzn-Errortype: code` (replacing any value a member set).
    pub fn error_body<T: Serialize>(&mut self, code: &str, message: Option<&str>, body: &T) -> Result<(), EncodeError> {
        let mut body = json_object(body)?;
        if let Some(message) = message {
            body.entry("message").or_insert_with(|| message.into());
        }
        self.json_body(&body)?;
        let value = HeaderValue::try_from(code)
            .map_err(|_| EncodeError::new(format!("error code {code:?} is not valid in an HTTP header")))?;
        self.headers.insert("x-amzn-errortype", value);
        Ok(())
    }

    /// The response.
    pub fn build(self) -> Result<HttpResponse, EncodeError> {
        let mut response = http::Response::builder()
            .status(self.status)
            .body(self.body)
            .map_err(|e| EncodeError::new(format!("cannot build the response: {e}")))?;
        *response.headers_mut() = self.headers;
        Ok(response)
    }
}

fn to_json<T: Serialize>(value: &T) -> Result<Bytes, EncodeError> {
    serde_json::to_vec(value)
        .map(Bytes::from)
        .map_err(|e| EncodeError::new(format!("cannot write the JSON body: {e}")))
}

fn set_header(headers: &mut HeaderMap, name: &'static str, value: Option<String>) -> Result<(), EncodeError> {
    let Some(value) = value else { return Ok(()) };
    let name = header_name(name)?;
    let value = HeaderValue::try_from(value)
        .map_err(|_| EncodeError::new(format!("the value of header {name} is not valid in an HTTP header")))?;
    headers.insert(name, value);
    Ok(())
}

fn set_prefix_headers(
    headers: &mut HeaderMap,
    prefix: &str,
    entries: Option<&BTreeMap<String, String>>,
) -> Result<(), EncodeError> {
    for (key, value) in entries.into_iter().flatten() {
        let full = format!("{prefix}{key}");
        let name = header_name(&full)?;
        let value = HeaderValue::try_from(value.as_str())
            .map_err(|_| EncodeError::new(format!("the value of header {full} is not valid in an HTTP header")))?;
        headers.insert(name, value);
    }
    Ok(())
}

/// Header names from the model keep their case; `HeaderName` lower-cases them (HTTP/1 header
/// names are case-insensitive).
fn header_name(name: &str) -> Result<HeaderName, EncodeError> {
    HeaderName::try_from(name).map_err(|_| EncodeError::new(format!("{name:?} is not a valid header name")))
}

fn join_header_list(values: &[String]) -> String {
    let quoted: Vec<String> = values
        .iter()
        .map(|v| {
            if v.contains([',', '"']) || v.starts_with(' ') || v.ends_with(' ') {
                format!("\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""))
            } else {
                v.clone()
            }
        })
        .collect();
    quoted.join(", ")
}

/// Splits a list header into items: commas separate, double quotes group (with `\` escapes),
/// spaces around items are trimmed. `http_date` items contain one comma each
/// (`Tue, 29 Apr 2014 18:30:38 GMT`), so they are split on every second comma.
pub fn split_header_list(value: &str, http_date: bool) -> Vec<String> {
    if http_date {
        let parts: Vec<&str> = value.split(',').collect();
        return parts.chunks(2).map(|pair| pair.join(",").trim().to_owned()).collect();
    }
    let mut items = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut was_quoted = false;
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted => quoted = false,
            '"' if current.trim().is_empty() => {
                current.clear();
                quoted = true;
                was_quoted = true;
            }
            '\\' if quoted => current.extend(chars.next()),
            ',' if !quoted => {
                items.push(finish_item(&mut current, was_quoted));
                was_quoted = false;
            }
            c => current.push(c),
        }
    }
    items.push(finish_item(&mut current, was_quoted));
    items
}

fn finish_item(current: &mut String, was_quoted: bool) -> String {
    let item = if was_quoted {
        current.clone()
    } else {
        current.trim().to_owned()
    };
    current.clear();
    item
}

/// Parses one text value, naming where it came from in the error.
pub fn parse<T, E: Display>(text: &str, place: &str, parse: impl Fn(&str) -> Result<T, E>) -> Result<T, DecodeError> {
    parse(text).map_err(|e| DecodeError::new(format!("invalid value {text:?} for {place}: {e}")))
}

/// Reads a label's value (already percent-decoded by the router).
pub fn label<T, E: Display>(
    labels: &[String],
    index: usize,
    name: &str,
    parse_value: impl Fn(&str) -> Result<T, E>,
) -> Result<Option<T>, DecodeError> {
    match labels.get(index) {
        Some(text) => parse(text, &format!("URI label {name}"), parse_value).map(Some),
        None => Err(DecodeError::new(format!(
            "the request URI has no value for label {name}"
        ))),
    }
}

/// A request's query parameters, percent-decoded, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query(Vec<(String, String)>);

impl Query {
    /// Reads the query string of a URI; malformed percent-encoding or non-UTF-8 text is an error.
    pub fn parse(uri: &http::Uri) -> Result<Self, DecodeError> {
        let Some(query) = uri.query() else {
            return Ok(Query::default());
        };
        let mut pairs = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            pairs.push((decode_component(key, "query")?, decode_component(value, "query")?));
        }
        Ok(Query(pairs))
    }

    /// The first value of a key.
    pub fn one<T, E: Display>(
        &self,
        name: &str,
        parse_value: impl Fn(&str) -> Result<T, E>,
    ) -> Result<Option<T>, DecodeError> {
        match self.0.iter().find(|(k, _)| k == name) {
            Some((_, text)) => parse(text, &format!("query parameter {name}"), parse_value).map(Some),
            None => Ok(None),
        }
    }

    /// Every value of a repeated key, in order; `None` when the key is absent.
    pub fn all<T, E: Display>(
        &self,
        name: &str,
        parse_value: impl Fn(&str) -> Result<T, E>,
    ) -> Result<Option<Vec<T>>, DecodeError> {
        let place = format!("query parameter {name}");
        let values: Vec<T> = self
            .0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, text)| parse(text, &place, &parse_value))
            .collect::<Result<_, _>>()?;
        Ok(if values.is_empty() { None } else { Some(values) })
    }

    /// The parameters no member binds by name (`@httpQueryParams`), grouped by key.
    pub fn rest(&self, bound: &[&str]) -> Option<BTreeMap<String, Vec<String>>> {
        let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (key, value) in self.0.iter().filter(|(k, _)| !bound.contains(&k.as_str())) {
            map.entry(key.clone()).or_default().push(value.clone());
        }
        if map.is_empty() { None } else { Some(map) }
    }
}

/// Percent-decodes a URI component; `+` is kept as is (it is not a space in restJson1).
pub fn decode_component(text: &str, place: &str) -> Result<String, DecodeError> {
    percent_decode_str(text)
        .decode_utf8()
        .map(|s| s.into_owned())
        .map_err(|_| {
            DecodeError::new(format!(
                "the {place} component {text:?} is not UTF-8 once percent-decoded"
            ))
        })
}

/// Reads a header's value.
pub fn header<T, E: Display>(
    headers: &HeaderMap,
    name: &str,
    parse_value: impl Fn(&str) -> Result<T, E>,
) -> Result<Option<T>, DecodeError> {
    match header_text(headers, name)? {
        Some(text) => parse(&text, &format!("header {name}"), parse_value).map(Some),
        None => Ok(None),
    }
}

/// Reads a list header (every occurrence, each split on commas).
pub fn header_list<T, E: Display>(
    headers: &HeaderMap,
    name: &str,
    http_date: bool,
    parse_value: impl Fn(&str) -> Result<T, E>,
) -> Result<Option<Vec<T>>, DecodeError> {
    let place = format!("header {name}");
    let mut values = Vec::new();
    for value in headers.get_all(name) {
        let text = value
            .to_str()
            .map_err(|_| DecodeError::new(format!("{place} is not visible ASCII")))?;
        for item in split_header_list(text, http_date) {
            values.push(parse(&item, &place, &parse_value)?);
        }
    }
    Ok(if values.is_empty() { None } else { Some(values) })
}

/// Reads every header whose name starts with `prefix` (case-insensitively) into a map keyed by
/// the rest of the name, lower case.
pub fn prefix_headers(headers: &HeaderMap, prefix: &str) -> Result<Option<BTreeMap<String, String>>, DecodeError> {
    let prefix = prefix.to_ascii_lowercase();
    let mut map = BTreeMap::new();
    for (name, value) in headers {
        if let Some(key) = name.as_str().strip_prefix(&prefix) {
            let text = value
                .to_str()
                .map_err(|_| DecodeError::new(format!("header {name} is not visible ASCII")))?;
            map.insert(key.to_owned(), text.to_owned());
        }
    }
    Ok(if map.is_empty() { None } else { Some(map) })
}

fn header_text(headers: &HeaderMap, name: &str) -> Result<Option<String>, DecodeError> {
    match headers.get(name) {
        Some(value) => value
            .to_str()
            .map(|s| Some(s.to_owned()))
            .map_err(|_| DecodeError::new(format!("header {name} is not visible ASCII"))),
        None => Ok(None),
    }
}

/// Reads a JSON body; an empty body is the empty structure. Structures, at any depth, must
/// be JSON objects (see [`crate::strict`]).
pub fn json_body<T: DeserializeOwned + Default>(body: &[u8]) -> Result<T, DecodeError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    crate::strict::from_slice(body).map_err(|e| DecodeError::new(format!("the JSON body is malformed: {e}")))
}

/// An `@httpPayload` blob body: `None` when empty.
pub fn payload(body: &[u8]) -> Option<Vec<u8>> {
    if body.is_empty() { None } else { Some(body.to_vec()) }
}

/// What an error response says about itself, read the restJson1 way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorMeta {
    /// The error code: from the `X-Amzn-Errortype` header, else the body's `code`, else its
    /// `__type`; cut at the first `:` and after the last `#`. `None` when none is present.
    pub code: Option<String>,
    /// From the body's `exceptionMessage`, `message` or `Message`.
    pub message: Option<String>,
    /// The `x-amzn-requestid` header.
    pub request_id: Option<String>,
}

impl ErrorMeta {
    /// Reads the code, message and request id of an error response.
    pub fn parse(headers: &HeaderMap, body: &[u8]) -> Self {
        let json: Option<serde_json::Map<String, serde_json::Value>> = serde_json::from_slice(body).ok();
        let field = |name: &str| {
            json.as_ref()
                .and_then(|map| map.get(name))
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        };
        let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned);
        let code = header("x-amzn-errortype")
            .or_else(|| field("code"))
            .or_else(|| field("__type"))
            .map(|raw| normalize_code(&raw).to_owned())
            .filter(|code| !code.is_empty());
        let message = field("exceptionMessage")
            .or_else(|| field("message"))
            .or_else(|| field("Message"));
        ErrorMeta {
            code,
            message,
            request_id: header("x-amzn-requestid"),
        }
    }
}

/// `aws.protocoltests#FooError:http://internal` -> `FooError`.
pub fn normalize_code(raw: &str) -> &str {
    let before_colon = raw.split(':').next().unwrap_or(raw);
    before_colon.rsplit('#').next().unwrap_or(before_colon).trim()
}

/// An error response: `status`, `X-Amzn-Errortype: code`, and a JSON body made of `body`
/// with `message` added (see [`ResponseBuilder::error_body`]).
pub fn error_response(
    status: u16,
    code: &str,
    message: Option<&str>,
    body: serde_json::Map<String, serde_json::Value>,
) -> Result<HttpResponse, EncodeError> {
    let mut builder = ResponseBuilder::new(status);
    builder.error_body(code, message, &body)?;
    builder.build()
}

/// An error response whose body is only its message, under both `exceptionMessage` (IVS's
/// member) and `message`: what servers answer for errors without a modeled structure.
pub fn message_error(status: u16, code: &str, message: Option<&str>) -> Result<HttpResponse, EncodeError> {
    let mut body = serde_json::Map::new();
    if let Some(message) = message {
        body.insert("exceptionMessage".to_owned(), message.into());
    }
    error_response(status, code, message, body)
}

/// Serializes an error structure's body members into a JSON object.
pub fn json_object<T: Serialize>(value: &T) -> Result<serde_json::Map<String, serde_json::Value>, EncodeError> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::Object(map)) => Ok(map),
        Ok(_) => Err(EncodeError::new(
            "an error structure did not serialize to a JSON object",
        )),
        Err(e) => Err(EncodeError::new(format!("cannot write the JSON body: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_encode_as_one_segment() {
        let mut b = RequestBuilder::new("GET");
        b.literal("tags");
        b.label(
            "resourceArn",
            Some("arn:aws:ivs:us-west-2:123456789012:channel/abcd EF".into()),
        )
        .unwrap();
        let request = b.build().unwrap();
        assert_eq!(
            request.uri(),
            "/tags/arn%3Aaws%3Aivs%3Aus-west-2%3A123456789012%3Achannel%2Fabcd%20EF"
        );
    }

    #[test]
    fn greedy_labels_keep_slashes() {
        let mut b = RequestBuilder::new("PUT");
        b.literal("objects");
        b.greedy_label("key", Some("a/b c/d".into())).unwrap();
        b.query_literal("x-id", "PutObject");
        assert_eq!(b.build().unwrap().uri(), "/objects/a/b%20c/d?x-id=PutObject");
    }

    #[test]
    fn empty_or_missing_labels_are_errors() {
        let mut b = RequestBuilder::new("GET");
        assert!(b.label("id", None).unwrap_err().message().contains("id"));
        assert!(b.label("id", Some(String::new())).is_err());
    }

    #[test]
    fn query_lists_repeat_the_key_and_explicit_keys_win() {
        let mut b = RequestBuilder::new("GET");
        b.query("maxResults", Some(5.to_param()));
        b.query_list("ids", Some(vec!["a b".into(), "c&d".into()]));
        b.query_params(
            &["maxResults"],
            Some(vec![
                ("maxResults".to_owned(), vec!["9".to_owned()]),
                ("x".to_owned(), vec!["1".to_owned()]),
            ]),
        );
        let request = b.build().unwrap();
        assert_eq!(request.uri(), "/?maxResults=5&ids=a%20b&ids=c%26d&x=1");
        let query = Query::parse(request.uri()).unwrap();
        assert_eq!(query.one("maxResults", i32::from_param).unwrap(), Some(5));
        assert_eq!(
            query.all("ids", String::from_param).unwrap(),
            Some(vec!["a b".to_owned(), "c&d".to_owned()])
        );
        assert_eq!(query.rest(&["maxResults", "ids"]).unwrap()["x"], vec!["1".to_owned()]);
        let error = query.one("ids", i32::from_param).unwrap_err();
        assert_eq!(
            error.message(),
            "invalid value \"a b\" for query parameter ids: expected an integer between -2147483648 and 2147483647"
        );
    }

    #[test]
    fn bad_percent_encoding_is_a_decode_error() {
        let uri: http::Uri = "/x?a=%FF".parse().unwrap();
        assert!(Query::parse(&uri).unwrap_err().message().contains("UTF-8"));
    }

    #[test]
    fn headers_round_trip_lists_and_prefixes() {
        let mut b = ResponseBuilder::new(200);
        b.header("ETag", Some("abc".into())).unwrap();
        b.header_list("X-List", Some(vec!["a".into(), "b,c".into(), "d\"e".into()]))
            .unwrap();
        b.prefix_headers("x-meta-", Some(&BTreeMap::from([("k".to_owned(), "v".to_owned())])))
            .unwrap();
        let response = b.build().unwrap();
        let h = response.headers();
        assert_eq!(header(h, "etag", String::from_param).unwrap(), Some("abc".to_owned()));
        assert_eq!(
            header_list(h, "x-list", false, String::from_param).unwrap(),
            Some(vec!["a".to_owned(), "b,c".to_owned(), "d\"e".to_owned()])
        );
        assert_eq!(prefix_headers(h, "X-Meta-").unwrap().unwrap()["k"], "v");
        assert!(header(h, "etag", i32::from_param).is_err());
    }

    #[test]
    fn http_date_lists_split_on_every_second_comma() {
        assert_eq!(
            split_header_list("Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 23:48:18 GMT", true),
            vec!["Mon, 16 Dec 2019 23:48:18 GMT", "Tue, 17 Dec 2019 23:48:18 GMT"]
        );
    }

    #[test]
    fn invalid_header_values_are_encode_errors() {
        let mut b = RequestBuilder::new("GET");
        assert!(b.header("x-a", Some("line\nbreak".into())).is_err());
    }

    #[test]
    fn floats_and_bools_have_protocol_text_forms() {
        assert_eq!(f64::NAN.to_param(), "NaN");
        assert_eq!(f32::NEG_INFINITY.to_param(), "-Infinity");
        assert_eq!(f64::from_param("1.5"), Ok(1.5));
        assert!(f64::from_param("inf").is_err());
        assert!(bool::from_param("TRUE").is_err());
    }

    #[test]
    fn empty_json_body_is_the_default() {
        #[derive(serde::Deserialize, Default, PartialEq, Debug)]
        struct In {
            a: Option<i32>,
        }
        assert_eq!(json_body::<In>(b"").unwrap(), In::default());
        assert_eq!(json_body::<In>(b"{\"a\":1}").unwrap(), In { a: Some(1) });
        assert!(
            json_body::<In>(b"{\"a\":")
                .unwrap_err()
                .message()
                .starts_with("the JSON body is malformed")
        );
        assert!(json_body::<In>(b"{\"a\":\"x\"}").is_err());
        assert!(
            json_body::<In>(b"[1]").is_err(),
            "a structure is an object, not an array"
        );
    }

    #[test]
    fn error_codes_are_read_the_rest_json_way() {
        let mut headers = HeaderMap::new();
        let body = br#"{"__type":"aws.ivs#ConflictException:http://internal","exceptionMessage":"in use"}"#;
        let meta = ErrorMeta::parse(&headers, body);
        assert_eq!(meta.code.as_deref(), Some("ConflictException"));
        assert_eq!(meta.message.as_deref(), Some("in use"));
        headers.insert(
            "x-amzn-errortype",
            HeaderValue::from_static("ThrottlingException:http://x"),
        );
        headers.insert("x-amzn-requestid", HeaderValue::from_static("req-1"));
        let meta = ErrorMeta::parse(&headers, br#"{"code":"Other","Message":"slow down"}"#);
        assert_eq!(meta.code.as_deref(), Some("ThrottlingException"));
        assert_eq!(meta.message.as_deref(), Some("slow down"));
        assert_eq!(meta.request_id.as_deref(), Some("req-1"));
        assert_eq!(ErrorMeta::parse(&HeaderMap::new(), b"<html>").code, None);
        assert_eq!(
            ErrorMeta::parse(&HeaderMap::new(), br#"{"code":"a.b#C"}"#)
                .code
                .as_deref(),
            Some("C")
        );
    }

    #[test]
    fn error_responses_carry_both_message_members() {
        let mut body = serde_json::Map::new();
        body.insert("exceptionMessage".into(), "bad".into());
        let response = error_response(409, "ConflictException", Some("bad"), body).unwrap();
        assert_eq!(response.status(), 409);
        assert_eq!(response.headers()["x-amzn-errortype"], "ConflictException");
        let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        assert_eq!(json, serde_json::json!({"exceptionMessage": "bad", "message": "bad"}));
    }
}
