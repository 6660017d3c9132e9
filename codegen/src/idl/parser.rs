//! The recursive-descent parser: file sections, whitespace rules, traits and node values.
//! Shape statements are in `idl/shapes.rs`.
//!
//! Recursion happens only in node values (arrays and objects) and is bounded by
//! [`MAX_NODE_DEPTH`], so no input can overflow the stack.

use super::lexer::{Kind, Lexer, Token};
use super::syntax::{ApplyDef, IdlFile, Node, Ref, TraitApp};
use super::text;
use super::{Pos, SyntaxError};

/// How deeply node values (arrays and objects) may nest.
pub const MAX_NODE_DEPTH: usize = 128;

type Result<T> = std::result::Result<T, SyntaxError>;

pub struct Parser<'a> {
    lexer: Lexer<'a>,
    peeked: Option<Token<'a>>,
    /// Documentation comment lines seen since the last significant token.
    docs: Vec<String>,
    /// The line of the last significant token: a `///` after it on that line is a comment.
    last_line: u32,
    depth: usize,
    pub(super) file: IdlFile,
    input_suffix: String,
    output_suffix: String,
}

impl<'a> Parser<'a> {
    pub fn new(text: &'a str) -> Self {
        Parser {
            lexer: Lexer::new(text),
            peeked: None,
            docs: Vec::new(),
            last_line: 0,
            depth: 0,
            file: IdlFile {
                version: "1.0".to_string(),
                ..IdlFile::default()
            },
            input_suffix: "Input".to_string(),
            output_suffix: "Output".to_string(),
        }
    }

    // ---- tokens and whitespace -------------------------------------------------------

    pub(super) fn peek(&mut self) -> Result<&Token<'a>> {
        if self.peeked.is_none() {
            self.peeked = Some(self.lexer.next_token()?);
        }
        Ok(self.peeked.as_ref().expect("just filled"))
    }

    pub(super) fn peek_kind(&mut self) -> Result<Kind> {
        Ok(self.peek()?.kind)
    }

    pub(super) fn peek_word(&mut self, word: &str) -> Result<bool> {
        Ok(self.peek()?.is_word(word))
    }

    /// Takes the next token; a significant token ends any pending documentation comment.
    pub(super) fn bump(&mut self) -> Result<Token<'a>> {
        let mut token = match self.peeked.take() {
            Some(token) => token,
            None => self.lexer.next_token()?,
        };
        match token.kind {
            Kind::DocComment if token.pos.line != self.last_line => {
                // Nothing reads a doc comment's token but this, so its line moves.
                self.docs.push(token.value.take().unwrap_or_default())
            }
            kind if !kind.is_ws() => {
                self.docs.clear();
                self.last_line = token.pos.line;
            }
            _ => {}
        }
        Ok(token)
    }

    /// The documentation comment lines just before this point, joined, and forgotten.
    pub(super) fn take_docs(&mut self) -> Option<String> {
        if self.docs.is_empty() {
            None
        } else {
            let docs = self.docs.join("\n");
            self.docs.clear();
            Some(docs)
        }
    }

    /// An error at the next token: "expected X, found Y".
    pub(super) fn unexpected(&mut self, expected: &str) -> SyntaxError {
        match self.peek() {
            Ok(token) => SyntaxError::new(token.pos, format!("expected {expected}, found {}", token.describe())),
            Err(error) => error,
        }
    }

    pub(super) fn expect(&mut self, kind: Kind) -> Result<Token<'a>> {
        self.expect_named(kind, kind.describe())
    }

    pub(super) fn expect_named(&mut self, kind: Kind, expected: &str) -> Result<Token<'a>> {
        if self.peek_kind()? == kind {
            self.bump()
        } else {
            Err(self.unexpected(expected))
        }
    }

    /// Optional whitespace of any kind (`[WS]`).
    pub(super) fn ws(&mut self) -> Result<()> {
        while self.peek_kind()?.is_ws() {
            self.bump()?;
        }
        Ok(())
    }

    /// Required whitespace of any kind (`WS`).
    pub(super) fn require_ws(&mut self) -> Result<()> {
        if !self.peek_kind()?.is_ws() {
            return Err(self.unexpected("whitespace"));
        }
        self.ws()
    }

    /// Optional spaces and tabs on the same line (`[SP]`).
    pub(super) fn sp(&mut self) -> Result<()> {
        while self.peek_kind()? == Kind::Space {
            self.bump()?;
        }
        Ok(())
    }

    /// A required space (`SP`).
    pub(super) fn require_sp(&mut self) -> Result<()> {
        self.expect(Kind::Space)?;
        self.sp()
    }

    /// The end of a statement (`BR`): a line break or comment, or the end of the file.
    pub(super) fn br(&mut self) -> Result<()> {
        self.sp()?;
        match self.peek_kind()? {
            Kind::Newline | Kind::Comment | Kind::DocComment => self.ws(),
            Kind::Eof => Ok(()),
            _ => Err(self.unexpected("a line break")),
        }
    }

    // ---- names ------------------------------------------------------------------------

    pub(super) fn identifier(&mut self) -> Result<Token<'a>> {
        self.expect_named(Kind::Ident, "an identifier")
    }

    /// `ns.part#Name$member`, each part optional except the first name; no spaces inside.
    pub(super) fn shape_id(&mut self) -> Result<Ref> {
        let first = self.expect_named(Kind::Ident, "a shape id")?;
        let pos = first.pos;
        let mut text = first.text.to_string();
        while self.peek_kind()? == Kind::Dot {
            self.bump()?;
            text.push('.');
            text.push_str(self.identifier()?.text);
        }
        if self.peek_kind()? == Kind::Pound {
            self.bump()?;
            text.push('#');
            text.push_str(self.identifier()?.text);
        }
        if self.peek_kind()? == Kind::Dollar {
            self.bump()?;
            text.push('$');
            text.push_str(self.identifier()?.text);
        }
        Ok(Ref { text, pos })
    }

    /// A namespace: `part(.part)*`.
    fn namespace_name(&mut self) -> Result<String> {
        let mut text = self.expect_named(Kind::Ident, "a namespace")?.text.to_string();
        while self.peek_kind()? == Kind::Dot {
            self.bump()?;
            text.push('.');
            text.push_str(self.identifier()?.text);
        }
        Ok(text)
    }

    /// A whole text that is one node value (a JSON document), surrounded by whitespace.
    pub fn parse_single_value(mut self) -> Result<Node> {
        self.ws()?;
        let value = self.node()?;
        self.ws()?;
        self.expect_named(Kind::Eof, "the end of the file")?;
        Ok(value)
    }

    // ---- the file -----------------------------------------------------------------------

    pub fn parse_file(mut self) -> Result<IdlFile> {
        self.ws()?;
        let mut version_seen = false;
        while self.peek_kind()? == Kind::Dollar {
            self.control_statement(&mut version_seen)?;
        }
        while self.peek_word("metadata")? {
            self.bump()?;
            self.require_sp()?;
            let key = self.object_key()?;
            self.sp()?;
            self.expect(Kind::Equal)?;
            self.sp()?;
            let value = self.node()?;
            self.file.metadata.push((key, value));
            self.br()?;
        }
        if self.peek_kind()? == Kind::Eof {
            return Ok(self.file);
        }
        if !self.peek_word("namespace")? {
            return Err(self.unexpected("a namespace statement"));
        }
        self.bump()?;
        self.require_sp()?;
        let namespace = self.namespace_name()?;
        self.file.namespace = Some(namespace);
        self.br()?;
        while self.peek_word("use")? {
            self.bump()?;
            self.require_sp()?;
            let pos = self.peek()?.pos;
            let mut text = self.namespace_name()?;
            self.expect(Kind::Pound)?;
            text.push('#');
            text.push_str(self.identifier()?.text);
            if self.peek_kind()? == Kind::Dollar {
                return Err(SyntaxError::new(pos, "use statements cannot import members"));
            }
            self.file.uses.push(Ref { text, pos });
            self.br()?;
        }
        while self.peek_kind()? != Kind::Eof {
            self.shape_or_apply_statement()?;
            self.br()?;
        }
        Ok(self.file)
    }

    fn control_statement(&mut self, version_seen: &mut bool) -> Result<()> {
        self.bump()?;
        let key = self.object_key()?;
        self.sp()?;
        self.expect(Kind::Colon)?;
        self.sp()?;
        let value_pos = self.peek()?.pos;
        let value = self.node()?;
        match key.as_str() {
            "version" => {
                if *version_seen {
                    return Err(SyntaxError::new(
                        value_pos,
                        "the `version` control statement is given twice",
                    ));
                }
                *version_seen = true;
                let Node::Str(version) = value else {
                    return Err(SyntaxError::new(
                        value_pos,
                        "the $version control statement must have a string value",
                    ));
                };
                if !matches!(version.as_str(), "1" | "1.0" | "2" | "2.0") {
                    let pos = self.lexer_pos()?;
                    return Err(SyntaxError::new(
                        pos,
                        format!("unsupported Smithy version number: {version} (expected 1.0 or 2.0)"),
                    ));
                }
                self.file.version = version;
            }
            "operationInputSuffix" | "operationOutputSuffix" => {
                let Node::Str(suffix) = value else {
                    return Err(SyntaxError::new(value_pos, format!("${key} must be a string")));
                };
                if key == "operationInputSuffix" {
                    self.input_suffix = suffix;
                } else {
                    self.output_suffix = suffix;
                }
            }
            // Unknown control statements are ignored, as the spec says.
            _ => {}
        }
        self.br()
    }

    /// Where the next token starts.
    fn lexer_pos(&mut self) -> Result<Pos> {
        Ok(self.peek()?.pos)
    }

    pub(super) fn inline_suffixes(&self) -> (String, String) {
        (self.input_suffix.clone(), self.output_suffix.clone())
    }

    /// `apply Target @trait` or `apply Target { traits }` (the `apply` word already taken).
    pub(super) fn apply_statement(&mut self) -> Result<()> {
        self.require_sp()?;
        let target = self.shape_id()?;
        self.require_ws()?;
        let traits = match self.peek_kind()? {
            Kind::At => vec![self.trait_app()?],
            Kind::LBrace => {
                self.bump()?;
                self.ws()?;
                let traits = self.traits()?;
                self.expect(Kind::RBrace)?;
                traits
            }
            _ => return Err(self.unexpected("`@` or `{`")),
        };
        self.file.applies.push(ApplyDef { target, traits });
        Ok(())
    }

    // ---- traits -------------------------------------------------------------------------

    /// `*(Trait [WS])`, with the documentation comment before them as `@documentation`.
    pub(super) fn docs_and_traits(&mut self) -> Result<Vec<TraitApp>> {
        let docs = self.take_docs();
        let mut traits = Vec::new();
        if let Some(docs) = docs {
            let pos = self.lexer_pos()?;
            traits.push(TraitApp {
                id: Ref {
                    text: "smithy.api#documentation".to_string(),
                    pos,
                },
                value: Some(Node::Str(docs)),
            });
        }
        traits.extend(self.traits()?);
        Ok(traits)
    }

    pub(super) fn traits(&mut self) -> Result<Vec<TraitApp>> {
        let mut traits = Vec::new();
        while self.peek_kind()? == Kind::At {
            traits.push(self.trait_app()?);
            self.ws()?;
        }
        Ok(traits)
    }

    fn trait_app(&mut self) -> Result<TraitApp> {
        self.expect(Kind::At)?;
        let id = self.shape_id()?;
        if self.peek_kind()? != Kind::LParen {
            return Ok(TraitApp { id, value: None });
        }
        self.bump()?;
        self.ws()?;
        let value = if self.peek_kind()? == Kind::RParen {
            None
        } else if self.starts_key_value()? {
            let mut entries = Vec::new();
            while self.peek_kind()? != Kind::RParen {
                entries.push(self.key_value()?);
                self.ws()?;
            }
            Some(Node::Object(entries))
        } else {
            let value = self.node()?;
            self.ws()?;
            Some(value)
        };
        self.expect(Kind::RParen)?;
        Ok(TraitApp { id, value })
    }

    /// True when the next tokens are `key [WS] :` (a structured trait body).
    fn starts_key_value(&mut self) -> Result<bool> {
        if !matches!(self.peek_kind()?, Kind::Str | Kind::Ident) {
            return Ok(false);
        }
        let mut ahead = self.lexer.clone();
        // Only kinds are looked at: strings ahead need not be decoded.
        ahead.skip_decoding();
        loop {
            match ahead.next_token() {
                Ok(token) if token.kind.is_ws() => continue,
                Ok(token) => return Ok(token.kind == Kind::Colon),
                Err(_) => return Ok(false),
            }
        }
    }

    // ---- node values --------------------------------------------------------------------

    fn object_key(&mut self) -> Result<String> {
        match self.peek_kind()? {
            Kind::Str | Kind::Ident => {
                let token = self.bump()?;
                Ok(token.value.unwrap_or_else(|| token.text.to_string()))
            }
            _ => Err(self.unexpected("an object key (identifier or string)")),
        }
    }

    fn key_value(&mut self) -> Result<(String, Node)> {
        let key = self.object_key()?;
        self.ws()?;
        self.expect(Kind::Colon)?;
        self.ws()?;
        let value = self.node()?;
        Ok((key, value))
    }

    pub(super) fn node(&mut self) -> Result<Node> {
        match self.peek_kind()? {
            Kind::LBrace => self.nested(|p| {
                p.bump()?;
                p.ws()?;
                let mut entries = Vec::new();
                while p.peek_kind()? != Kind::RBrace {
                    if !matches!(p.peek_kind()?, Kind::Str | Kind::Ident) {
                        return Err(p.unexpected("`}` or an object key"));
                    }
                    entries.push(p.key_value()?);
                    p.ws()?;
                }
                p.bump()?;
                Ok(Node::Object(entries))
            }),
            Kind::LBracket => self.nested(|p| {
                p.bump()?;
                p.ws()?;
                let mut items = Vec::new();
                while p.peek_kind()? != Kind::RBracket {
                    items.push(p.node()?);
                    p.ws()?;
                }
                p.bump()?;
                Ok(Node::Array(items))
            }),
            Kind::Str | Kind::TextBlock => Ok(Node::Str(self.bump()?.value.unwrap_or_default())),
            Kind::Number => Ok(Node::Number(text::number_value(self.bump()?.text))),
            Kind::Ident => {
                let word = self.peek()?.text;
                let keyword = match word {
                    "true" => Some(Node::Bool(true)),
                    "false" => Some(Node::Bool(false)),
                    "null" => Some(Node::Null),
                    _ => None,
                };
                match keyword {
                    Some(node) => {
                        self.bump()?;
                        Ok(node)
                    }
                    None => Ok(Node::Id(self.shape_id()?)),
                }
            }
            _ => Err(self.unexpected("a value (string, text block, number, identifier, `{` or `[`)")),
        }
    }

    fn nested(&mut self, parse: impl FnOnce(&mut Self) -> Result<Node>) -> Result<Node> {
        if self.depth >= MAX_NODE_DEPTH {
            let pos = self.lexer_pos()?;
            return Err(SyntaxError::new(
                pos,
                format!("values nest more than {MAX_NODE_DEPTH} levels deep"),
            ));
        }
        self.depth += 1;
        let result = parse(self);
        self.depth -= 1;
        result
    }
}
