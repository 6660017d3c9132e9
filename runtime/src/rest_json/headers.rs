//! Header values: writing members into headers (lists joined, prefixes expanded) and reading
//! them back.

use std::collections::BTreeMap;
use std::fmt::Display;

use http::header::{CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue};

use super::param::Param;
use super::read::parse;
use crate::protocol::{DecodeError, EncodeError};

pub(super) fn set_header(
    headers: &mut HeaderMap,
    name: &'static str,
    value: Option<String>,
) -> Result<(), EncodeError> {
    let Some(value) = value else { return Ok(()) };
    let name = header_name(name)?;
    let value = HeaderValue::try_from(value)
        .map_err(|_| EncodeError::new(format!("the value of header {name} is not valid in an HTTP header")))?;
    headers.insert(name, value);
    Ok(())
}

pub(super) fn set_prefix_headers(
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

/// Sets `Content-Type` to the body's media type unless an `@httpHeader("Content-Type")` member
/// already did (restJson1 lets a member carry a custom one; `RestJsonTestPayloadBlob`).
pub(super) fn default_content_type(headers: &mut HeaderMap, content_type: &str) -> Result<(), EncodeError> {
    if !headers.contains_key(CONTENT_TYPE) {
        let value = HeaderValue::try_from(content_type)
            .map_err(|_| EncodeError::new(format!("{content_type:?} is not a valid Content-Type")))?;
        headers.insert(CONTENT_TYPE, value);
    }
    Ok(())
}

/// Header names from the model keep their case; `HeaderName` lower-cases them (HTTP/1 header
/// names are case-insensitive).
fn header_name(name: &str) -> Result<HeaderName, EncodeError> {
    HeaderName::try_from(name).map_err(|_| EncodeError::new(format!("{name:?} is not a valid header name")))
}

pub(super) fn join_header_list(values: &[String]) -> String {
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

/// Reads a header's value as a [`Param`].
pub fn header<T: Param>(headers: &HeaderMap, name: &str) -> Result<Option<T>, DecodeError> {
    header_with(headers, name, T::from_param)
}

/// Reads a header's value with `parse_value` (enums, timestamps).
pub fn header_with<T, E: Display>(
    headers: &HeaderMap,
    name: &str,
    parse_value: impl Fn(&str) -> Result<T, E>,
) -> Result<Option<T>, DecodeError> {
    match header_text(headers, name)? {
        Some(text) => parse(&text, &format!("header {name}"), parse_value).map(Some),
        None => Ok(None),
    }
}

/// Reads a list header of [`Param`]s (every occurrence, each split on commas).
pub fn header_list<T: Param>(headers: &HeaderMap, name: &str) -> Result<Option<Vec<T>>, DecodeError> {
    header_list_with(headers, name, false, T::from_param)
}

/// Reads a list header with `parse_value`; `http_date` items are split on every second comma.
pub fn header_list_with<T, E: Display>(
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

/// The header form of a string with `@mediaType`: base64 of its UTF-8 bytes (http-bindings:
/// such strings "are always base64 encoded" in headers, since a JSON or XML document may hold
/// characters a header cannot).
pub fn media_type_to_header(value: &str) -> String {
    crate::Blob::new(value.as_bytes()).to_base64()
}

/// Reads a string with `@mediaType` from its header form: base64, then UTF-8.
pub fn media_type_from_header(text: &str) -> Result<String, String> {
    let bytes = crate::Blob::from_base64(text).map_err(|e| e.to_string())?.into_inner();
    String::from_utf8(bytes).map_err(|_| "expected base64 of UTF-8 text".to_owned())
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
