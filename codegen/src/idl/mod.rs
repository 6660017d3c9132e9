//! The Smithy IDL reader: `.smithy` files (IDL 1.0 and 2.0) into the same JSON AST shapes the
//! JSON loader reads, so everything after loading is shared.
//!
//! Reading happens in two steps, because a relative name can only be resolved once every
//! file is known (a shape of the current namespace defined in another file wins over the
//! prelude's):
//!
//! 1. [`parse`]: text to [`syntax::IdlFile`] (names as written). A hand-written
//!    recursive-descent parser over a lazy tokenizer ([`lexer`]) that keeps whitespace as
//!    tokens, because the IDL's grammar cares where spaces and line breaks are. Every syntax
//!    error is `file:line:column: expected X, found Y`. Only node values recurse, bounded by
//!    [`parser::MAX_NODE_DEPTH`].
//! 2. [`resolve`]: with every file's shape names known, to JSON AST shapes: ids resolved
//!    through `use`, the namespace and the prelude (targets, mixins, trait ids and unquoted
//!    node values alike), documentation comments become `@documentation`, `= value` becomes
//!    `@default` (or `@enumValue`), inline operation input and output become structures with
//!    `@input`/`@output`, annotation traits become `{}` (or `[]` for list-shaped traits).
//!
//! Choices where the spec is silent, with Smithy's own loader suite as the judge:
//! - A file without `$version` is Smithy 1.0 (as Smithy's loader assumes), so 2.0-only syntax
//!   in it (`enum`, `:=`, mixins, `= default`, `$member`, `for`) is refused.
//! - A byte order mark is not part of the grammar and is refused like any unexpected character.
//! - A number beyond `f64`'s range is kept as a string (see `text::number_value`).
//! - A `///` comment on the same line as the end of a statement is a plain comment (Smithy's
//!   suite, `expects-br.smithy`, has `string Bar /// Ignored`).
//! - A resource mixin may define neither properties nor identifiers (Smithy's suite refuses a
//!   mixin resource with identifiers, with a message about properties).
//! - Beyond the grammar, the loader refuses what Smithy's loader refuses while loading: lists
//!   without `member`, maps without `key`/`value`, empty enums, enum values of the wrong type,
//!   mixins of another shape type, members redeclared with another target than a mixin's,
//!   operation mixins with input or output, 2.0 syntax or `@mixin` in 1.0 files.
//! - Smithy 1.0 upgrade, in the loader for JSON AST files too: `set` becomes a list with
//!   `@uniqueItems`, unboxed booleans and numbers get their zero `@default`, `@box`ed members
//!   `@default(null)`, as Smithy's loader gives them.

pub mod lexer;
pub mod parser;
pub mod resolve;
mod shapes;
pub mod syntax;
pub mod text;

use std::fmt;

/// A position in a file: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

/// A syntax error: where, and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
}

impl SyntaxError {
    pub fn new(pos: Pos, message: impl Into<String>) -> Self {
        SyntaxError {
            pos,
            message: message.into(),
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.pos.line, self.pos.column, self.message)
    }
}

/// Parses one IDL file's text (names stay as written until [`resolve`]).
pub fn parse(text: &str) -> Result<syntax::IdlFile, SyntaxError> {
    parser::Parser::new(text).parse_file()
}

/// True when a model file's name or text says it is IDL rather than JSON AST: a `.smithy`
/// name, or (for other names) text that does not start with `{`.
pub fn is_idl(name: &str, text: &str) -> bool {
    if name.ends_with(".smithy") {
        return true;
    }
    if name.ends_with(".json") {
        return false;
    }
    !text.trim_start().starts_with('{')
}

/// Reads a JSON AST file with this reader's node parser: used for the rare JSON file that
/// `serde_json` refuses only because a number is beyond `f64` (kept as a string here).
pub fn parse_json(text: &str) -> Result<crate::ast::AstFile, String> {
    let node = parser::Parser::new(text)
        .parse_single_value()
        .map_err(|e| e.to_string())?;
    let value = json_value(&node)?;
    serde_json::from_value(value).map_err(|e| e.to_string())
}

fn json_value(node: &syntax::Node) -> Result<serde_json::Value, String> {
    use serde_json::Value;
    use syntax::Node;
    Ok(match node {
        Node::Null => Value::Null,
        Node::Bool(b) => Value::Bool(*b),
        Node::Number(n) => n.clone(),
        Node::Str(s) => Value::String(s.clone()),
        Node::Id(id) => {
            return Err(format!(
                "{}:{}: expected a JSON value, found `{}`",
                id.pos.line, id.pos.column, id.text
            ));
        }
        Node::Array(items) => Value::Array(items.iter().map(json_value).collect::<Result<_, _>>()?),
        Node::Object(entries) => Value::Object(
            entries
                .iter()
                .map(|(k, v)| Ok((k.clone(), json_value(v)?)))
                .collect::<Result<_, String>>()?,
        ),
    })
}
