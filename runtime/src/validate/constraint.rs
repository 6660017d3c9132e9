//! What a violation broke, kept as data, and its message in each [`ValidationStyle`].
//!
//! The [`Validator`](super::Validator) records a [`Constraint`] (with the bounds, the value's
//! length, and the value itself where a message may show it) rather than a finished sentence,
//! so that one walk over the input can be reported in either style:
//!
//! - [`ValidationStyle::Aws`], for services that model their own `ValidationException` (IVS):
//!   the wording AWS services use, which shows a number that breaks a `@range` (unless it is
//!   `@sensitive`) and says `Value with repeated values` for `@uniqueItems`;
//! - [`ValidationStyle::SmithyFramework`], for services whose operations list Smithy's
//!   `smithy.framework#ValidationException`: exactly the texts of Smithy's restJson1
//!   validation compliance cases, which never show the value, and which place a map key's
//!   violation at the map (`/map`, not `/map/<key>`).

use std::fmt::Write as _;

/// How a service reports its validation errors; generated operations say which
/// ([`crate::protocol::Operation::VALIDATION`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ValidationStyle {
    /// The service models its own `ValidationException` (IVS): one message,
    /// `N validation errors detected: <msg>; <msg>`, under the model's message member.
    #[default]
    Aws,
    /// The operation lists `smithy.framework#ValidationException`: a `message`
    /// (`N validation errors detected. <msg>; <msg>`) and a `fieldList` of `{path, message}`,
    /// in Smithy's words.
    SmithyFramework,
}

/// One constraint that does not hold, with what its message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Constraint {
    /// `@required`: the member is missing (or null).
    Required,
    /// `@length`: `length` (characters, bytes or entries) is outside `min..=max`.
    Length {
        /// The value's length.
        length: usize,
        /// The inclusive lower bound, if any.
        min: Option<u64>,
        /// The inclusive upper bound, if any.
        max: Option<u64>,
    },
    /// `@range`: a number outside `min..=max` (bounds as the model's numbers print).
    Range {
        /// The value as text, or `None` when it is `@sensitive` (never shown).
        value: Option<String>,
        /// The inclusive lower bound, if any.
        min: Option<String>,
        /// The inclusive upper bound, if any.
        max: Option<String>,
    },
    /// `@pattern`: the string has no match of the (ECMA-262) `pattern`.
    Pattern {
        /// The pattern as the model writes it.
        pattern: String,
    },
    /// `@pattern` whose regular expression cannot be compiled: nothing could be checked.
    UncompilablePattern {
        /// The pattern as the model writes it.
        pattern: String,
        /// Why it does not compile.
        reason: String,
    },
    /// An enum value outside the set (`@internal` values are not listed).
    Enum {
        /// The values a caller may send, joined with `, `.
        listed: String,
    },
    /// A union set to a member this version does not know.
    UnknownUnionMember {
        /// The member's wire name.
        member: String,
    },
    /// `@uniqueItems`: two items of the list are equal.
    UniqueItems,
    /// A violation whose message was written whole by the caller ([`super::Validator::record`]).
    Custom(String),
}

impl Constraint {
    /// The message for a violation at `path`, in `style`'s words.
    pub fn message(&self, style: ValidationStyle, path: &str) -> String {
        let aws = style == ValidationStyle::Aws;
        let broke = "failed to satisfy constraint: Member must";
        match self {
            Constraint::Required => format!("Value at '{path}' {broke} not be null"),
            Constraint::Length { length, min, max } => {
                format!(
                    "Value with length {length} at '{path}' {broke} have length {}",
                    rule(min, max)
                )
            }
            Constraint::Range { value, min, max } => match value {
                // Smithy's texts never show the value; AWS's do, unless it is a secret.
                Some(value) if aws => format!("Value {value} at '{path}' {broke} be {}", rule(min, max)),
                _ => format!("Value at '{path}' {broke} be {}", rule(min, max)),
            },
            Constraint::Pattern { pattern } => {
                format!("Value at '{path}' {broke} satisfy regular expression pattern: {pattern}")
            }
            Constraint::UncompilablePattern { pattern, reason } => format!(
                "Value at '{path}' could not be checked: regular expression pattern {pattern} could not be compiled: {reason}"
            ),
            Constraint::Enum { listed } => format!("Value at '{path}' {broke} satisfy enum value set: [{listed}]"),
            Constraint::UnknownUnionMember { member } => {
                format!("Value at '{path}' {broke} set a known union member, not `{member}`")
            }
            Constraint::UniqueItems if aws => {
                format!("Value with repeated values at '{path}' {broke} have unique values")
            }
            Constraint::UniqueItems => format!("Value at '{path}' {broke} have unique values"),
            Constraint::Custom(message) => message.clone(),
        }
    }
}

/// `between 2 and 8, inclusive`, `greater than or equal to 2` or `less than or equal to 8`.
fn rule<N: std::fmt::Display>(min: &Option<N>, max: &Option<N>) -> String {
    let mut text = String::new();
    // Writing to a String cannot fail.
    let _ = match (min, max) {
        (Some(min), Some(max)) => write!(text, "between {min} and {max}, inclusive"),
        (Some(min), None) => write!(text, "greater than or equal to {min}"),
        (None, Some(max)) => write!(text, "less than or equal to {max}"),
        (None, None) => Ok(()),
    };
    text
}

/// Where a violation is reported in `style`: a map key's own violation is at the key's entry
/// (`/map/<key>`) for AWS, at the map itself (`/map`) for Smithy's framework (the key is not
/// a location in the input document). Escaped keys contain no `/`, so the map's path is
/// everything before the last one.
pub(crate) fn reported_path(path: &str, on_map_key: bool, style: ValidationStyle) -> &str {
    if on_map_key && style == ValidationStyle::SmithyFramework {
        path.rfind('/').and_then(|end| path.get(..end)).unwrap_or(path)
    } else {
        path
    }
}
