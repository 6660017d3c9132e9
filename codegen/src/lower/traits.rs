//! Reading trait values: every malformed value becomes a located error, never a panic.

use crate::ast::Traits;
use crate::ir::{Bounds, TimestampFormat};
use serde_json::{Number, Value};

/// Smithy trait ids this generator understands.
pub mod id {
    pub const DOCUMENTATION: &str = "smithy.api#documentation";
    pub const REQUIRED: &str = "smithy.api#required";
    pub const DEFAULT: &str = "smithy.api#default";
    pub const LENGTH: &str = "smithy.api#length";
    pub const RANGE: &str = "smithy.api#range";
    pub const PATTERN: &str = "smithy.api#pattern";
    pub const UNIQUE_ITEMS: &str = "smithy.api#uniqueItems";
    pub const SPARSE: &str = "smithy.api#sparse";
    pub const CLIENT_OPTIONAL: &str = "smithy.api#clientOptional";
    pub const INPUT: &str = "smithy.api#input";
    pub const SENSITIVE: &str = "smithy.api#sensitive";
    pub const INTERNAL: &str = "smithy.api#internal";
    pub const TIMESTAMP_FORMAT: &str = "smithy.api#timestampFormat";
    pub const ENUM: &str = "smithy.api#enum";
    pub const ENUM_VALUE: &str = "smithy.api#enumValue";
    pub const ERROR: &str = "smithy.api#error";
    pub const HTTP_ERROR: &str = "smithy.api#httpError";
    pub const RETRYABLE: &str = "smithy.api#retryable";
    pub const HTTP: &str = "smithy.api#http";
    pub const JSON_NAME: &str = "smithy.api#jsonName";
    pub const MEDIA_TYPE: &str = "smithy.api#mediaType";
    pub const ENDPOINT: &str = "smithy.api#endpoint";
    pub const HOST_LABEL: &str = "smithy.api#hostLabel";
    pub const HTTP_CHECKSUM_REQUIRED: &str = "smithy.api#httpChecksumRequired";
    pub const REQUEST_COMPRESSION: &str = "smithy.api#requestCompression";
    pub const IDEMPOTENCY_TOKEN: &str = "smithy.api#idempotencyToken";
    pub const HTTP_LABEL: &str = "smithy.api#httpLabel";
    pub const HTTP_QUERY: &str = "smithy.api#httpQuery";
    pub const STREAMING: &str = "smithy.api#streaming";
    pub const HTTP_QUERY_PARAMS: &str = "smithy.api#httpQueryParams";
    pub const HTTP_HEADER: &str = "smithy.api#httpHeader";
    pub const HTTP_PREFIX_HEADERS: &str = "smithy.api#httpPrefixHeaders";
    pub const HTTP_PAYLOAD: &str = "smithy.api#httpPayload";
    pub const HTTP_RESPONSE_CODE: &str = "smithy.api#httpResponseCode";
    pub const READONLY: &str = "smithy.api#readonly";
    pub const IDEMPOTENT: &str = "smithy.api#idempotent";
    pub const PAGINATED: &str = "smithy.api#paginated";
    pub const DEPRECATED: &str = "smithy.api#deprecated";
    pub const MIXIN: &str = "smithy.api#mixin";
    pub const TITLE: &str = "smithy.api#title";
    pub const AWS_SERVICE: &str = "aws.api#service";
    pub const SIGV4: &str = "aws.auth#sigv4";
}

/// The traits of a member laid over the traits of its target: the member's win.
pub fn effective(target: &Traits, member: &Traits) -> Traits {
    let mut merged = target.clone();
    merged.extend(member.iter().map(|(k, v)| (k.clone(), v.clone())));
    merged
}

/// The documentation string, or "".
pub fn documentation(traits: &Traits) -> &str {
    traits.get(id::DOCUMENTATION).and_then(Value::as_str).unwrap_or("")
}

/// A string-valued trait; `Err` says what was expected.
pub fn string<'a>(traits: &'a Traits, trait_id: &str) -> Result<Option<&'a str>, String> {
    match traits.get(trait_id) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(format!("expected a string, found {other}")),
    }
}

/// `@length`: non-negative integer `min`/`max`, `min <= max`.
pub fn length(value: &Value) -> Result<Bounds<u64>, String> {
    let bound = |key: &str| -> Result<Option<u64>, String> {
        match value.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => v
                .as_u64()
                .map(Some)
                .ok_or_else(|| format!("`{key}` must be a non-negative integer, found {v}")),
        }
    };
    if !value.is_object() {
        return Err(format!("expected an object with `min` and/or `max`, found {value}"));
    }
    let bounds = Bounds {
        min: bound("min")?,
        max: bound("max")?,
    };
    if let (Some(min), Some(max)) = (bounds.min, bounds.max)
        && min > max
    {
        return Err(format!("`min` ({min}) is greater than `max` ({max})"));
    }
    Ok(bounds)
}

/// `@range`: numeric `min`/`max`, `min <= max`.
pub fn range(value: &Value) -> Result<Bounds<Number>, String> {
    let bound = |key: &str| -> Result<Option<Number>, String> {
        match value.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => Ok(Some(n.clone())),
            Some(v) => Err(format!("`{key}` must be a number, found {v}")),
        }
    };
    if !value.is_object() {
        return Err(format!("expected an object with `min` and/or `max`, found {value}"));
    }
    let bounds = Bounds {
        min: bound("min")?,
        max: bound("max")?,
    };
    if let (Some(min), Some(max)) = (&bounds.min, &bounds.max)
        && min.as_f64() > max.as_f64()
    {
        return Err(format!("`min` ({min}) is greater than `max` ({max})"));
    }
    Ok(bounds)
}

/// `@timestampFormat`.
pub fn timestamp_format(value: &str) -> Result<TimestampFormat, String> {
    match value {
        "epoch-seconds" => Ok(TimestampFormat::EpochSeconds),
        "date-time" => Ok(TimestampFormat::DateTime),
        "http-date" => Ok(TimestampFormat::HttpDate),
        other => Err(format!(
            "unknown format \"{other}\"; expected epoch-seconds, date-time or http-date"
        )),
    }
}

/// Whether a trait is present (annotation traits have `{}` as their value).
pub fn has(traits: &Traits, trait_id: &str) -> bool {
    traits.contains_key(trait_id)
}
