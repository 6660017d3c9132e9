//! Smithy constraint validation.
//!
//! Generated shapes implement [`Validate`]; their `validate_into` walks the
//! members with a [`Validator`], which keeps track of the current location as a
//! JSON pointer (RFC 6901) and records every constraint that does not hold, as data (a
//! [`Constraint`]: its kind, bounds, the value's length, the value where a message may show
//! it). [`Validator::finish_as`] turns them into [`Violation`]s worded in a
//! [`ValidationStyle`]: AWS's (the default, what IVS answers), for example
//! `Value at '/name' failed to satisfy constraint: Member must not be null`, or Smithy's
//! `smithy.framework#ValidationException` texts, for services whose operations list it.
//!
//! # Every violation, in both styles
//!
//! Every violation is reported, in either style. Smithy's compliance cases each break one
//! constraint, so they cannot tell; the reference servers they come from (smithy-rs) stop at
//! the first violation. We keep reporting all of them (up to the bounds below) because a
//! caller fixing a request should learn everything wrong with it in one round trip, and
//! because the count in `N validation errors detected` then means what it says.
//!
//! The current location is kept in a single reusable buffer: entering a member,
//! list item or map entry appends one segment and leaving it truncates the buffer
//! again, so validating valid input does not allocate per member. A string is
//! only copied out of the buffer when a violation is recorded.
//!
//! # Bounded output
//!
//! Input comes from strangers: a 1 MiB list of 340,000 empty ARNs breaks two
//! constraints per item. Recording (and later rendering) every violation would turn
//! that request into hundreds of megabytes of memory and of answer. So a
//! [`Validator`] keeps only the first [`MAX_LISTED_VIOLATIONS`] violations and
//! counts the rest ([`ValidationError::omitted`]): validation still reports the
//! correct total, but after the cap no message is even formatted. The
//! [`ValidationError`]'s text is bounded too (see its `Display`), since paths carry
//! map keys the caller chose.

use std::collections::HashSet;
use std::fmt::{self, Write as _};
use std::hash::Hash;

use crate::pattern::Pattern;

mod constraint;

pub use constraint::{Constraint, ValidationStyle};

/// How many violations a [`Validator`] keeps (and a [`ValidationError`] lists); the rest
/// are only counted. AWS services list every violation, but they also limit request
/// sizes per operation; a cap keeps a hostile input's answer small whatever the limits.
pub const MAX_LISTED_VIOLATIONS: usize = 100;

/// The most bytes of one violation's message that [`ValidationError`]'s `Display` shows
/// (a longer one, which can only come from a long map key in its path, is cut and ends
/// with `...`).
pub const MAX_MESSAGE_BYTES: usize = 1024;

/// The most bytes of violation messages `Display` lists in all; the violations past the
/// budget are counted in the `and N more` tail like those past the cap.
pub const MAX_LISTED_BYTES: usize = 16 * 1024;

/// A shape whose Smithy constraints can be checked.
pub trait Validate {
    /// Checks `self` at the validator's current path, recording every violation.
    fn validate_into(&self, v: &mut Validator);

    /// Validates from the root: `Ok(())`, or every violation found, in AWS's words.
    fn validate(&self) -> Result<(), ValidationError> {
        self.validate_as(ValidationStyle::Aws)
    }

    /// Validates from the root: `Ok(())`, or every violation found, worded in `style`.
    fn validate_as(&self, style: ValidationStyle) -> Result<(), ValidationError> {
        let mut v = Validator::new();
        self.validate_into(&mut v);
        v.finish_as(style)
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_into(&self, v: &mut Validator) {
        (**self).validate_into(v);
    }
}

/// One constraint that does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// JSON pointer (RFC 6901) to the offending value, such as `/channel/name`,
    /// `/tags/myKey` or `/items/0`; the empty string is the whole input. (In Smithy's
    /// framework style, a map key's violation is at the map: `/tags`.)
    pub path: String,
    /// The full sentence, in the style asked for, which repeats the path.
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Every violation found while validating one value (the first
/// [`MAX_LISTED_VIOLATIONS`] of them, and how many more there were).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    /// The violations, in the order they were found; at most [`MAX_LISTED_VIOLATIONS`].
    pub violations: Vec<Violation>,
    /// How many more violations were found but not kept (0 unless the cap was reached).
    pub omitted: usize,
}

impl ValidationError {
    /// How many violations were found, kept or not.
    pub fn total(&self) -> usize {
        self.violations.len().saturating_add(self.omitted)
    }
}

impl ValidationError {
    /// The summary of every violation: `1 validation error detected<sep> <msg>` or
    /// `3 validation errors detected<sep> <msg1>; <msg2>; <msg3>`, `<sep>` being `:` in AWS's
    /// style and `.` in Smithy's framework style. When there are more than fit
    /// ([`MAX_LISTED_VIOLATIONS`] violations, [`MAX_LISTED_BYTES`] of messages, each cut at
    /// [`MAX_MESSAGE_BYTES`]) the list ends with `; and <n> more`. The count in front is
    /// always the total. `Display` is the AWS style.
    pub fn summary(&self, style: ValidationStyle) -> String {
        let mut text = String::new();
        // Writing to a String cannot fail.
        let _ = self.write_summary(&mut text, style);
        text
    }

    /// The violations the summary lists (those that fit its bounds), in the order found.
    pub fn listed(&self) -> &[Violation] {
        let mut written = 0;
        let mut listed = 0;
        for violation in &self.violations {
            let shown = cut(&violation.message, MAX_MESSAGE_BYTES).len();
            // The first message is always shown, so the text is never just a count.
            if listed > 0 && written + shown > MAX_LISTED_BYTES {
                break;
            }
            written += shown;
            listed += 1;
        }
        self.violations.get(..listed).unwrap_or_default()
    }

    fn write_summary(&self, f: &mut impl fmt::Write, style: ValidationStyle) -> fmt::Result {
        let n = self.total();
        let noun = if n == 1 { "error" } else { "errors" };
        let separator = match style {
            ValidationStyle::Aws => ':',
            ValidationStyle::SmithyFramework => '.',
        };
        write!(f, "{n} validation {noun} detected{separator} ")?;
        let listed = self.listed();
        for (i, violation) in listed.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            let message = cut(&violation.message, MAX_MESSAGE_BYTES);
            f.write_str(message)?;
            if message.len() < violation.message.len() {
                f.write_str("...")?;
            }
        }
        let rest = n - listed.len();
        if rest > 0 {
            write!(f, "; and {rest} more")?;
        }
        Ok(())
    }
}

impl fmt::Display for ValidationError {
    /// [`ValidationError::summary`] in AWS's style.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_summary(f, ValidationStyle::Aws)
    }
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
pub(crate) fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

impl std::error::Error for ValidationError {}

/// Walks a value, tracking the current JSON pointer and collecting violations.
#[derive(Debug, Default)]
pub struct Validator {
    /// The current location: the concatenation of `/segment` for every level
    /// entered, each segment escaped per RFC 6901.
    path: String,
    /// The first [`MAX_LISTED_VIOLATIONS`] violations, in AWS's words (what
    /// [`Validator::violations`] lends).
    violations: Vec<Violation>,
    /// What each of `violations` broke, at the same index: enough to word it in any style.
    findings: Vec<Finding>,
    /// The violations found past the cap, only counted.
    omitted: usize,
    /// How many `@sensitive` values enclose the current location: inside one,
    /// messages never show a value.
    sensitive: u32,
    /// Whether the checks running are those of a map key (reported at the map in
    /// Smithy's framework style).
    on_map_key: bool,
}

/// What one recorded violation broke (its path is its [`Violation`]'s).
#[derive(Debug, Clone)]
struct Finding {
    on_map_key: bool,
    constraint: Constraint,
}

impl Validator {
    /// A validator positioned at the root (`''`) with nothing recorded.
    pub fn new() -> Self {
        Self::default()
    }

    /// Runs `check` on a `@sensitive` value: violations recorded inside do not
    /// show the value (range messages say `Value at ...` without the number).
    pub fn sensitive(&mut self, check: impl FnOnce(&mut Self)) {
        self.sensitive += 1;
        check(self);
        self.sensitive -= 1;
    }

    /// The JSON pointer of the current location (`""` at the root).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The violations kept so far (at most [`MAX_LISTED_VIOLATIONS`]), in the order found,
    /// in AWS's words.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// The violations kept so far, in the order found, worded in `style`.
    pub fn violations_as(&self, style: ValidationStyle) -> Vec<Violation> {
        match style {
            ValidationStyle::Aws => self.violations.clone(),
            ValidationStyle::SmithyFramework => self
                .violations
                .iter()
                .zip(&self.findings)
                .map(|(violation, finding)| {
                    let path = constraint::reported_path(&violation.path, finding.on_map_key, style);
                    Violation {
                        path: path.to_owned(),
                        message: finding.constraint.message(style, path),
                    }
                })
                .collect(),
        }
    }

    /// The constraints broken so far (the kept ones), each with its path, in the order found.
    pub fn constraints(&self) -> impl Iterator<Item = (&str, &Constraint)> {
        self.violations
            .iter()
            .zip(&self.findings)
            .map(|(violation, finding)| (violation.path.as_str(), &finding.constraint))
    }

    /// How many violations were found so far, kept or only counted.
    pub fn count(&self) -> usize {
        self.violations.len().saturating_add(self.omitted)
    }

    /// [`Validator::finish_as`] in AWS's words.
    pub fn finish(self) -> Result<(), ValidationError> {
        self.finish_as(ValidationStyle::Aws)
    }

    /// `Ok(())` when nothing was recorded, else the violations kept, in the order found and
    /// worded in `style`, and the count of the others.
    pub fn finish_as(self, style: ValidationStyle) -> Result<(), ValidationError> {
        if self.count() == 0 {
            return Ok(());
        }
        let violations = match style {
            ValidationStyle::Aws => self.violations,
            ValidationStyle::SmithyFramework => self.violations_as(style),
        };
        Err(ValidationError {
            violations,
            omitted: self.omitted,
        })
    }

    /// Records a violation at the current path. `message` is the complete
    /// sentence, the same in every style; use [`Validator::path`] to include the location
    /// in it. Past [`MAX_LISTED_VIOLATIONS`] it is only counted.
    pub fn record(&mut self, message: String) {
        self.record_with(|| Constraint::Custom(message));
    }

    /// Records the violation `constraint` makes, only when it will be kept: past the cap
    /// nothing is built, the violation is counted.
    fn record_with(&mut self, constraint: impl FnOnce() -> Constraint) {
        if self.count_if_full() {
            return;
        }
        let constraint = constraint();
        self.violations.push(Violation {
            path: self.path.clone(),
            message: constraint.message(ValidationStyle::Aws, &self.path),
        });
        self.findings.push(Finding {
            on_map_key: self.on_map_key,
            constraint,
        });
    }

    /// When the cap is reached, counts one more violation and returns true: the caller
    /// records nothing (and formats nothing).
    fn count_if_full(&mut self) -> bool {
        if self.violations.len() < MAX_LISTED_VIOLATIONS {
            return false;
        }
        self.omitted = self.omitted.saturating_add(1);
        true
    }

    /// Runs `check` with `segment` (escaped) appended to the path.
    pub fn at(&mut self, segment: &str, check: impl FnOnce(&mut Self)) {
        let len = self.path.len();
        self.path.push('/');
        push_escaped(&mut self.path, segment);
        check(self);
        self.path.truncate(len);
    }

    /// Runs `check` with a list index appended to the path.
    pub fn at_index(&mut self, index: usize, check: impl FnOnce(&mut Self)) {
        let len = self.path.len();
        // Writing to a String cannot fail.
        let _ = write!(self.path, "/{index}");
        check(self);
        self.path.truncate(len);
    }

    /// A member of a structure. If `value` is `None` and the member is
    /// `required`, records `Value at '<path>/<name>' failed to satisfy
    /// constraint: Member must not be null`; if it is `Some`, runs `check` on it
    /// with `name` appended to the path.
    pub fn member<T: ?Sized>(
        &mut self,
        name: &str,
        value: Option<&T>,
        required: bool,
        check: impl FnOnce(&mut Self, &T),
    ) {
        match value {
            Some(value) => self.at(name, |v| check(v, value)),
            None if required => self.at(name, |v| v.record_with(|| Constraint::Required)),
            None => {}
        }
    }

    /// Runs `check` on each item of a list, at path segment = its 0-based index.
    pub fn items<'a, T: 'a, I: IntoIterator<Item = &'a T>>(&mut self, items: I, mut check: impl FnMut(&mut Self, &T)) {
        for (index, item) in items.into_iter().enumerate() {
            self.at_index(index, |v| check(v, item));
        }
    }

    /// Runs `key_check` on the key and `value_check` on the value of each entry
    /// of a string-keyed map, both at path segment = the key.
    pub fn entries<'a, K, V, I>(
        &mut self,
        entries: I,
        mut key_check: impl FnMut(&mut Self, &str),
        mut value_check: impl FnMut(&mut Self, &V),
    ) where
        K: AsRef<str> + 'a + ?Sized,
        V: 'a,
        I: IntoIterator<Item = (&'a K, &'a V)>,
    {
        for (key, value) in entries {
            let key = key.as_ref();
            self.at(key, |v| {
                v.on_map_key = true;
                key_check(v, key);
                v.on_map_key = false;
                value_check(v, value);
            });
        }
    }

    /// `@length` on a string: counts Unicode scalar values (`char`s), not bytes.
    pub fn length_str(&mut self, value: &str, min: Option<u64>, max: Option<u64>) {
        if min.is_none() && max.is_none() {
            return;
        }
        let count = value.chars().count();
        self.length(count, min, max);
    }

    /// `@length` on a list or map (entries) or a blob (bytes): the caller
    /// passes the count.
    pub fn length(&mut self, len: usize, min: Option<u64>, max: Option<u64>) {
        let n = u64::try_from(len).unwrap_or(u64::MAX);
        if min.is_some_and(|min| n < min) || max.is_some_and(|max| n > max) {
            self.record_with(|| Constraint::Length { length: len, min, max });
        }
    }

    /// `@range` (inclusive) on an integral value.
    pub fn range_int(&mut self, value: i64, min: Option<i64>, max: Option<i64>) {
        if min.is_some_and(|min| value < min) || max.is_some_and(|max| value > max) {
            self.record_range(value, min, max);
        }
    }

    /// `@range` (inclusive) on a floating-point value; NaN fails any bound.
    pub fn range_float(&mut self, value: f64, min: Option<f64>, max: Option<f64>) {
        let below = min.is_some_and(|min| value.is_nan() || value < min);
        let above = max.is_some_and(|max| value.is_nan() || value > max);
        if below || above {
            self.record_range(value, min, max);
        }
    }

    /// `@range` (inclusive) on a `float` (32-bit) value, compared as 32-bit floats: a bound
    /// the model writes as `8.8` is the `f32` nearest to it, so the value `8.8` is in range
    /// (compared as `f64`, it would be 8.80000019... > 8.8). NaN fails any bound.
    pub fn range_f32(&mut self, value: f32, min: Option<f32>, max: Option<f32>) {
        let below = min.is_some_and(|min| value.is_nan() || value < min);
        let above = max.is_some_and(|max| value.is_nan() || value > max);
        if below || above {
            self.record_range(value, min, max);
        }
    }

    fn record_range<N: fmt::Display>(&mut self, value: N, min: Option<N>, max: Option<N>) {
        let sensitive = self.sensitive > 0;
        self.record_with(|| Constraint::Range {
            value: (!sensitive).then(|| value.to_string()),
            min: min.map(|n| n.to_string()),
            max: max.map(|n| n.to_string()),
        });
    }

    /// `@pattern`: the value must contain a match (a search, not implicitly
    /// anchored) of the ECMA-262 regular expression. The value is not echoed in
    /// the message, since it may be a secret. A pattern that cannot be compiled
    /// is recorded as a violation too.
    pub fn pattern(&mut self, value: &str, pattern: &Pattern) {
        let source = pattern.source();
        match pattern.search(value) {
            Ok(true) => {}
            Ok(false) => self.record_with(|| Constraint::Pattern {
                pattern: source.to_owned(),
            }),
            Err(reason) => self.record_with(|| Constraint::UncompilablePattern {
                pattern: source.to_owned(),
                reason: reason.to_string(),
            }),
        }
    }

    /// Enum membership: `known` is false when the value is not one of `allowed`,
    /// which the message lists.
    pub fn enum_value<D: fmt::Display>(&mut self, known: bool, allowed: &[D]) {
        if known {
            return;
        }
        self.record_with(|| {
            let mut listed = String::new();
            for (i, value) in allowed.iter().enumerate() {
                if i > 0 {
                    listed.push_str(", ");
                }
                // Writing to a String cannot fail.
                let _ = write!(listed, "{value}");
            }
            Constraint::Enum { listed }
        });
    }

    /// A union holding a member this version does not know.
    pub fn unknown_union_member(&mut self, member: &str) {
        self.record_with(|| Constraint::UnknownUnionMember {
            member: member.to_owned(),
        });
    }

    /// `@uniqueItems`: records one violation if any two items are equal. This compares every
    /// pair (quadratic): the generator uses it only for items that cannot be hashed (those
    /// holding floats, structures, unions, documents); see [`Validator::unique_items_hashed`].
    pub fn unique_items<T: PartialEq>(&mut self, items: &[T]) {
        let repeated = items
            .iter()
            .enumerate()
            .any(|(i, a)| items.iter().skip(i + 1).any(|b| a == b));
        if repeated {
            self.record_with(|| Constraint::UniqueItems);
        }
    }

    /// `@uniqueItems` for items that hash (strings, integers, booleans, blobs, enums,
    /// timestamps, and lists and maps of them): one pass with a hash set, so a list of a
    /// hundred thousand distinct items from a stranger costs milliseconds, not minutes.
    pub fn unique_items_hashed<T: Hash + Eq>(&mut self, items: &[T]) {
        let mut seen = HashSet::with_capacity(items.len());
        if items.iter().any(|item| !seen.insert(item)) {
            self.record_with(|| Constraint::UniqueItems);
        }
    }
}

/// Appends `segment` escaped per RFC 6901: `~` becomes `~0`, `/` becomes `~1`.
fn push_escaped(out: &mut String, segment: &str) {
    if !segment.contains(['~', '/']) {
        out.push_str(segment);
        return;
    }
    for c in segment.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod framework_tests;
#[cfg(test)]
mod message_tests;
#[cfg(test)]
mod path_tests;
