//! The IDL tokenizer: turns text into tokens on demand, whitespace included.
//!
//! Whitespace is significant in the Smithy IDL (some statements need a space, others a line
//! break), so spaces, newlines, commas and comments are tokens too and the parser decides
//! where they may go. Tokens are produced lazily, so an error late in a file is reported only
//! after everything before it parsed, as Smithy's own loader does. Nothing here recurses.

use super::text;
use super::{Pos, SyntaxError};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Space,
    Newline,
    Comma,
    Comment,
    DocComment,
    Ident,
    Dot,
    Pound,
    Dollar,
    At,
    Colon,
    Walrus,
    Equal,
    LParen,
    RParen,
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    Str,
    TextBlock,
    Number,
    Eof,
}

impl Kind {
    /// How messages name this kind of token.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Space => "a space",
            Kind::Newline => "a line break",
            Kind::Comma => "`,`",
            Kind::Comment => "a comment",
            Kind::DocComment => "a documentation comment",
            Kind::Ident => "an identifier",
            Kind::Dot => "`.`",
            Kind::Pound => "`#`",
            Kind::Dollar => "`$`",
            Kind::At => "`@`",
            Kind::Colon => "`:`",
            Kind::Walrus => "`:=`",
            Kind::Equal => "`=`",
            Kind::LParen => "`(`",
            Kind::RParen => "`)`",
            Kind::LBrace => "`{`",
            Kind::RBrace => "`}`",
            Kind::LBracket => "`[`",
            Kind::RBracket => "`]`",
            Kind::Str => "a string",
            Kind::TextBlock => "a text block",
            Kind::Number => "a number",
            Kind::Eof => "the end of the file",
        }
    }

    /// Whitespace in the grammar's sense (`WS`): skipped between most tokens.
    pub fn is_ws(self) -> bool {
        matches!(
            self,
            Kind::Space | Kind::Newline | Kind::Comma | Kind::Comment | Kind::DocComment
        )
    }
}

/// One token: its kind, where it starts, its text, and for strings its decoded value.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub kind: Kind,
    pub pos: Pos,
    /// The token's text as written.
    pub text: &'a str,
    /// Strings and text blocks: the value after escapes; doc comments: the line's content.
    pub value: Option<String>,
}

impl Token<'_> {
    /// How messages name this token: its kind, and its text when short.
    pub fn describe(&self) -> String {
        match self.kind {
            Kind::Ident | Kind::Number => format!("{} `{}`", self.kind.describe(), self.text),
            Kind::Str if self.text.len() <= 40 && !self.text.contains('\n') => format!("string {}", self.text),
            _ => self.kind.describe().to_string(),
        }
    }

    /// True for an identifier spelled exactly `word`.
    pub fn is_word(&self, word: &str) -> bool {
        self.kind == Kind::Ident && self.text == word
    }
}

/// The tokenizer's position in the text; cheap to copy, so the parser can look ahead.
#[derive(Debug, Clone)]
pub struct Lexer<'a> {
    text: &'a str,
    offset: usize,
    pos: Pos,
    /// False for a look-ahead copy: string values are left undecoded (and unchecked).
    decode: bool,
}

impl<'a> Lexer<'a> {
    pub fn new(text: &'a str) -> Self {
        Lexer {
            text,
            offset: 0,
            pos: Pos { line: 1, column: 1 },
            decode: true,
        }
    }

    /// Makes this (look-ahead) lexer give strings without their decoded value.
    pub fn skip_decoding(&mut self) {
        self.decode = false;
    }

    /// Where the next token starts.
    pub fn pos(&self) -> Pos {
        self.pos
    }

    fn peek_byte(&self, ahead: usize) -> Option<u8> {
        self.text.as_bytes().get(self.offset + ahead).copied()
    }

    /// Moves over `len` bytes that contain no newline.
    fn advance(&mut self, len: usize) {
        let slice = &self.text.as_bytes()[self.offset..self.offset + len];
        self.offset += len;
        self.pos.column += char_count(slice);
    }

    /// Moves over `len` bytes that may contain newlines, keeping line and column right
    /// (a `\r` takes no column).
    fn advance_lines(&mut self, len: usize) {
        let slice = &self.text.as_bytes()[self.offset..self.offset + len];
        self.offset += len;
        let last_line = match slice.iter().rposition(|b| *b == b'\n') {
            Some(at) => {
                self.pos.line += slice[..at].iter().filter(|b| **b == b'\n').count() as u32 + 1;
                self.pos.column = 1;
                &slice[at + 1..]
            }
            None => slice,
        };
        let returns = last_line.iter().filter(|b| **b == b'\r').count() as u32;
        self.pos.column += char_count(last_line) - returns;
    }

    fn error_here(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError::new(self.pos, message)
    }

    /// The next token (whitespace included), or the syntax error at this point.
    pub fn next_token(&mut self) -> Result<Token<'a>, SyntaxError> {
        let start = self.offset;
        let pos = self.pos;
        let Some(byte) = self.peek_byte(0) else {
            return Ok(self.token(Kind::Eof, start, pos, None));
        };
        let kind = match byte {
            b' ' | b'\t' => {
                let len = self.text[start..]
                    .bytes()
                    .take_while(|b| *b == b' ' || *b == b'\t')
                    .count();
                self.advance(len);
                Kind::Space
            }
            b'\n' => {
                self.advance_lines(1);
                Kind::Newline
            }
            b'\r' if self.peek_byte(1) == Some(b'\n') => {
                self.advance_lines(2);
                Kind::Newline
            }
            b',' => self.single(Kind::Comma),
            b'/' if self.peek_byte(1) == Some(b'/') => return Ok(self.comment(start, pos)),
            b'"' => return self.string(start, pos),
            b'-' | b'0'..=b'9' => {
                let len = text::number_length(&self.text[start..]).map_err(|m| SyntaxError::new(pos, m))?;
                self.advance(len);
                Kind::Number
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                self.identifier()?;
                Kind::Ident
            }
            b':' if self.peek_byte(1) == Some(b'=') => {
                self.advance(2);
                Kind::Walrus
            }
            b':' => self.single(Kind::Colon),
            b'.' => self.single(Kind::Dot),
            b'#' => self.single(Kind::Pound),
            b'$' => self.single(Kind::Dollar),
            b'@' => self.single(Kind::At),
            b'=' => self.single(Kind::Equal),
            b'(' => self.single(Kind::LParen),
            b')' => self.single(Kind::RParen),
            b'{' => self.single(Kind::LBrace),
            b'}' => self.single(Kind::RBrace),
            b'[' => self.single(Kind::LBracket),
            b']' => self.single(Kind::RBracket),
            _ => {
                let c = self.text[start..].chars().next().unwrap_or('?');
                let shown = if c == '\u{feff}' {
                    "a byte order mark (U+FEFF)".to_string()
                } else if c.is_control() {
                    format!("U+{:04X}", c as u32)
                } else {
                    format!("'{c}'")
                };
                return Err(self.error_here(format!("unexpected character {shown}")));
            }
        };
        Ok(self.token(kind, start, pos, None))
    }

    fn single(&mut self, kind: Kind) -> Kind {
        self.advance(1);
        kind
    }

    fn token(&self, kind: Kind, start: usize, pos: Pos, value: Option<String>) -> Token<'a> {
        Token {
            kind,
            pos,
            text: &self.text[start..self.offset],
            value,
        }
    }

    /// `//` or `///` to the end of the line, the line break included (a comment ends a line).
    fn comment(&mut self, start: usize, pos: Pos) -> Token<'a> {
        let rest = &self.text[start..];
        let line_len = rest.find('\n').map_or(rest.len(), |i| i + 1);
        let line = rest[..line_len].trim_end_matches(['\n', '\r']);
        let is_doc = line.starts_with("///");
        self.advance_lines(line_len);
        if is_doc {
            let content = &line[3..];
            let content = content.strip_prefix(' ').unwrap_or(content);
            self.token(Kind::DocComment, start, pos, Some(content.to_string()))
        } else {
            self.token(Kind::Comment, start, pos, None)
        }
    }

    /// Identifier: letters, digits and `_`, starting with a letter or with `_`s then a letter or digit.
    fn identifier(&mut self) -> Result<(), SyntaxError> {
        let bytes = &self.text.as_bytes()[self.offset..];
        let underscores = bytes.iter().take_while(|b| **b == b'_').count();
        if underscores > 0 && !bytes.get(underscores).is_some_and(|b| b.is_ascii_alphanumeric()) {
            self.advance(underscores);
            let found = self.text[self.offset..]
                .chars()
                .next()
                .map_or("end of file".to_string(), |c| format!("'{c}'"));
            return Err(self.error_here(format!("expected a letter or digit in the identifier, found {found}")));
        }
        let len = bytes
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
            .count();
        self.advance(len);
        Ok(())
    }

    /// A quoted string or a text block, decoded.
    fn string(&mut self, start: usize, pos: Pos) -> Result<Token<'a>, SyntaxError> {
        let rest = &self.text[start..];
        let block = rest.starts_with("\"\"\"");
        let open = if block { 3 } else { 1 };
        // Find the closing quote(s): the first unescaped `"` (or `"""`).
        let bytes = rest.as_bytes();
        let mut i = open;
        let close = loop {
            match bytes.get(i) {
                None => {
                    self.advance_lines(rest.len());
                    return Err(self.error_here("expected a closing `\"`, found the end of the file"));
                }
                Some(b'\\') => i += 2,
                Some(b'"') if !block => break i,
                Some(b'"') if bytes[i..].starts_with(b"\"\"\"") => break i,
                Some(_) => i += 1,
            }
        };
        let raw = &rest[open..close];
        if !self.decode {
            self.advance_lines(close + open);
            let kind = if block { Kind::TextBlock } else { Kind::Str };
            return Ok(self.token(kind, start, pos, None));
        }
        let value = if block {
            text::text_block(raw).map_err(|m| SyntaxError::new(pos, format!("bad text block: {m}")))?
        } else {
            text::unescape(raw).map_err(|m| SyntaxError::new(pos, format!("bad string: {m}")))?
        };
        self.advance_lines(close + open);
        let kind = if block { Kind::TextBlock } else { Kind::Str };
        Ok(self.token(kind, start, pos, Some(value)))
    }
}

/// The number of characters in UTF-8 bytes: every byte but continuation bytes starts one.
fn char_count(bytes: &[u8]) -> u32 {
    bytes.iter().filter(|b| (**b as i8) >= -0x40).count() as u32
}
