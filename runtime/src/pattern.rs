//! `@pattern` regular expressions, compiled lazily once.
//!
//! Smithy patterns are ECMA-262 regular expressions and are matched as a
//! search: `[a-z]` accepts `"123a"`; a pattern that must cover the whole value
//! says so with `^` and `$`. They are compiled with [`regress`], which
//! implements ECMA-262 semantics (no flags, as in `new RegExp(source)`).
//!
//! Two readings go beyond that, because AWS services validate with Java's engine and
//! their published models are written for it:
//! - a pattern the ECMA-262 engine refuses, or one that escapes a letter ECMA-262 has no
//!   escape for (`\p{L}`, `\Q`, `\A`: ECMA-262 would silently read `\p{L}` as the text
//!   `p{L}`), is read as Java and rewritten into an equivalent expression (the private
//!   module `java` lists the constructs); Unicode property escapes are compiled in
//!   ECMA-262's Unicode mode, where they mean what Java means;
//! - a pattern that neither reading accepts is refused, with both reasons.
//!
//! [`regress`] backtracks, so a pattern like `^([0-9]+)+$` would take exponential time on
//! a value a stranger chose. Every pattern made only of regular constructs is therefore run
//! by [`regex_lite`] instead (worst case `O(pattern × value)`), rewritten for it by the
//! private module `linear`; regress still compiles every pattern (it decides what is valid)
//! and runs the others (lookaround, backreferences, Java rewrites).

use std::fmt;
use std::sync::OnceLock;

use regress::Regex;

mod java;
mod linear;

/// An ECMA-262 regular expression from a Smithy model, usable in a `static`:
///
/// ```
/// use smithy_runtime::Pattern;
///
/// static NAME: Pattern = Pattern::new("^[a-zA-Z0-9-_]*$");
/// assert!(NAME.is_match("my-channel_1"));
/// assert!(!NAME.is_match("my channel"));
/// ```
pub struct Pattern {
    source: &'static str,
    compiled: OnceLock<Result<Regex, String>>,
    /// The same pattern for the linear-time engine, when it can run it.
    linear: OnceLock<Option<regex_lite::Regex>>,
}

impl Pattern {
    /// A pattern that is compiled the first time it is used.
    pub const fn new(source: &'static str) -> Self {
        Self {
            source,
            compiled: OnceLock::new(),
            linear: OnceLock::new(),
        }
    }

    /// The pattern as written in the model.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Whether `value` contains a match (search semantics, not anchored).
    /// A pattern that cannot be compiled matches nothing.
    pub fn is_match(&self, value: &str) -> bool {
        self.search(value).unwrap_or(false)
    }

    /// Whether `value` contains a match, or why the pattern could not be compiled. The
    /// linear-time engine answers when it can run the pattern (see the module docs).
    pub(crate) fn search(&self, value: &str) -> Result<bool, &str> {
        let regex = self.regex()?;
        match self.linear.get_or_init(|| linear_for(self.source)) {
            Some(linear) => Ok(linear.is_match(value)),
            None => Ok(regex.find(value).is_some()),
        }
    }

    /// The compiled expression, or why `source` could not be compiled.
    pub(crate) fn regex(&self) -> Result<&Regex, &str> {
        self.compiled
            .get_or_init(|| compile(self.source))
            .as_ref()
            .map_err(String::as_str)
    }

    /// Compiles `source` to check it, as the generator does for every pattern
    /// in a model: `Err(reason)` if it is not a regular expression [`regress`]
    /// accepts.
    pub fn check(source: &str) -> Result<(), String> {
        compile(source).map(|_| ())
    }

    /// Whether `value` contains a match of `source` (search semantics, as [`Pattern::is_match`]),
    /// for a pattern known only at run time, as the generator's example values are checked;
    /// `Err(reason)` if `source` does not compile.
    pub fn matches(source: &str, value: &str) -> Result<bool, String> {
        let regex = compile(source)?;
        Ok(match linear_for(source) {
            Some(linear) => linear.is_match(value),
            None => regex.find(value).is_some(),
        })
    }
}

/// The linear-time engine's form of an ECMA-262 `source` (never of one read as Java), when
/// it can run it.
fn linear_for(source: &str) -> Option<regex_lite::Regex> {
    if java::written_for_java(source) || java::uses_property_escapes(source) {
        return None;
    }
    let translated = linear::translate(source)?;
    regex_lite::Regex::new(&translated).ok()
}

fn compile(source: &str) -> Result<Regex, String> {
    let flags = if java::uses_property_escapes(source) { "u" } else { "" };
    let ecma_error = if java::written_for_java(source) {
        "it escapes a letter ECMA-262 has no escape for".to_string()
    } else {
        match Regex::new(source) {
            Ok(regex) => return Ok(regex),
            Err(error) => error.to_string(),
        }
    };
    let rewritten = java::to_ecma(source).map_err(|java| format!("{ecma_error}; read as Java: {java}"))?;
    Regex::with_flags(&rewritten, flags)
        .map_err(|error| format!("{ecma_error}; read as Java and rewritten to `{rewritten}`: {error}"))
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAME: &str = "^[a-zA-Z0-9-_]*$";
    const ARN: &str = "^arn:aws:ivs:[a-z0-9-]+:[0-9]+:[a-z-]+/[a-zA-Z0-9-]+$";

    static STATIC_NAME: Pattern = Pattern::new(NAME);

    #[test]
    fn usable_in_a_static_and_compiled_once() {
        assert!(STATIC_NAME.is_match("abc"));
        let first: *const Regex = STATIC_NAME.regex().unwrap();
        let second: *const Regex = STATIC_NAME.regex().unwrap();
        assert_eq!(first, second);
        assert_eq!(STATIC_NAME.source(), NAME);
    }

    #[test]
    fn aws_name_pattern() {
        let p = Pattern::new(NAME);
        for ok in ["", "my-channel", "My_Channel-01", "_-_"] {
            assert!(p.is_match(ok), "{ok:?} should match");
        }
        for bad in ["my channel", "café", "a/b", "name!", "line\nbreak"] {
            assert!(!p.is_match(bad), "{bad:?} should not match");
        }
    }

    #[test]
    fn aws_arn_pattern() {
        let p = Pattern::new(ARN);
        assert!(p.is_match("arn:aws:ivs:us-west-2:123456789012:channel/AbCdEfGhIjKl"));
        assert!(p.is_match("arn:aws:ivs:eu-central-1:1:stream-key/abc-123"));
        assert!(!p.is_match("arn:aws:ivs:us-west-2:123456789012:channel/"));
        assert!(!p.is_match("arn:aws:s3:us-west-2:123456789012:channel/abc"));
        assert!(!p.is_match("xarn:aws:ivs:us-west-2:1:channel/abc"));
        assert!(!p.is_match("arn:aws:ivs:us-west-2:1:channel/abc "));
    }

    #[test]
    fn search_is_not_anchored() {
        let p = Pattern::new("[a-z]");
        assert!(p.is_match("123a"));
        assert!(p.is_match("a123"));
        assert!(!p.is_match("123"));
        assert!(!p.is_match(""));
        let p = Pattern::new("^[a-z]");
        assert!(!p.is_match("123a"));
    }

    #[test]
    fn ecma_syntax() {
        // Features beyond a basic regex engine: lookahead and \d.
        let p = Pattern::new(r"^(?=.*\d)[a-z\d]{3,}$");
        assert!(p.is_match("abc1"));
        assert!(!p.is_match("abcd"));
        assert!(!p.is_match("a1"));
        // Non-ASCII values are matched by character.
        assert!(Pattern::new("^.{2}$").is_match("éé"));
    }

    #[test]
    fn check_accepts_valid_and_explains_invalid() {
        assert_eq!(Pattern::check(NAME), Ok(()));
        assert_eq!(Pattern::check(ARN), Ok(()));
        for bad in ["[a-z", "(abc", "a{2,1}", "*a", "\\"] {
            let reason = Pattern::check(bad).unwrap_err();
            assert!(!reason.is_empty(), "{bad:?}");
        }
    }

    #[test]
    fn invalid_pattern_matches_nothing_and_does_not_panic() {
        let p = Pattern::new("(unclosed");
        assert!(!p.is_match("(unclosed"));
        assert!(p.regex().is_err());
        assert_eq!(format!("{p:?}"), "Pattern(\"(unclosed\")");
    }
}
