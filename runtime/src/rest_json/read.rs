//! Reading a request's labels, query and body, and a response's body.

use std::collections::BTreeMap;
use std::fmt::Display;

use percent_encoding::percent_decode_str;
use serde::de::DeserializeOwned;

use super::param::Param;
use crate::protocol::DecodeError;

/// Parses one text value, naming where it came from in the error.
pub fn parse<T, E: Display>(text: &str, place: &str, parse: impl Fn(&str) -> Result<T, E>) -> Result<T, DecodeError> {
    parse(text).map_err(|e| DecodeError::new(format!("invalid value {text:?} for {place}: {e}")))
}

/// Reads a label's value (already percent-decoded by the router) as a [`Param`].
pub fn label<T: Param>(labels: &[String], index: usize, name: &str) -> Result<Option<T>, DecodeError> {
    label_with(labels, index, name, T::from_param)
}

/// Reads a label's value with `parse_value` (enums, timestamps).
pub fn label_with<T, E: Display>(
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

    /// The first value of a key, as a [`Param`].
    pub fn one<T: Param>(&self, name: &str) -> Result<Option<T>, DecodeError> {
        self.one_with(name, T::from_param)
    }

    /// The first value of a key, read with `parse_value` (enums, timestamps).
    pub fn one_with<T, E: Display>(
        &self,
        name: &str,
        parse_value: impl Fn(&str) -> Result<T, E>,
    ) -> Result<Option<T>, DecodeError> {
        match self.0.iter().find(|(k, _)| k == name) {
            Some((_, text)) => parse(text, &format!("query parameter {name}"), parse_value).map(Some),
            None => Ok(None),
        }
    }

    /// Every value of a repeated key as [`Param`]s, in order; `None` when the key is absent.
    pub fn all<T: Param>(&self, name: &str) -> Result<Option<Vec<T>>, DecodeError> {
        self.all_with(name, T::from_param)
    }

    /// Every value of a repeated key, read with `parse_value`, in order.
    pub fn all_with<T, E: Display>(
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

/// Reads a JSON body; an empty body is the empty structure. Structures, at any depth, must
/// be JSON objects (see [`crate::strict`]).
pub fn json_body<T: DeserializeOwned + Default>(body: &[u8]) -> Result<T, DecodeError> {
    if is_blank(body) {
        return Ok(T::default());
    }
    crate::strict::from_slice(body).map_err(|e| DecodeError::new(format!("the JSON body is malformed: {e}")))
}

/// A structure or union `@httpPayload` body: `None` when empty (a union has no empty value,
/// so it cannot use [`json_body`]).
pub fn json_payload<T: DeserializeOwned>(body: &[u8]) -> Result<Option<T>, DecodeError> {
    if is_blank(body) {
        return Ok(None);
    }
    crate::strict::from_slice(body)
        .map(Some)
        .map_err(|e| DecodeError::new(format!("the JSON body is malformed: {e}")))
}

/// Whether a body holds nothing but JSON whitespace (space, tab, line feed, carriage return:
/// not form feed, which `u8::is_ascii_whitespace` counts and JSON does not).
fn is_blank(body: &[u8]) -> bool {
    body.iter().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
}

/// An `@httpPayload` blob body: `None` when empty.
pub fn payload(body: &[u8]) -> Option<Vec<u8>> {
    if body.is_empty() { None } else { Some(body.to_vec()) }
}
