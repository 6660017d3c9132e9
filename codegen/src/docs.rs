//! Smithy `documentation` strings (HTML as AWS writes it, or plain text) to
//! rustdoc Markdown that renders literally and raises no rustdoc lint.
//!
//! Rules: `<p>`, `<br>`, `<div>`-like tags and blank lines in text end a
//! paragraph; every paragraph is one line, whitespace collapsed, no leading
//! spaces. `<b>`/`<strong>` -> `**`, `<i>`/`<em>` -> `*`, `<code>` -> a code
//! span, or a ```` ```text ```` fenced block when its text spans lines (`<pre>`
//! always fences). `<a href>` -> `[text](url)`; a root-relative href gets
//! `https://docs.aws.amazon.com` in front; other relative or fragment hrefs
//! keep only the text. Lists become `- ` / `1. ` items, nested by indentation.
//! `<note>`, `<important>` and `<warning>` start a `**Note:**`-style paragraph;
//! `<dt>` and `<h1>`..`<h6>` become bold paragraphs (never real headings).
//! Other lowercase tags are dropped, keeping their text; a tag-like `<Name>`
//! with an upper-case letter (as in `List<String>`) stays text, and input
//! without any known HTML tag is plain text throughout. Entities are decoded;
//! malformed markup stays text. Text is escaped: backslash, backtick, `*`,
//! `[`, `]`, `<`, `>`, `~`, `_` at word edges, `&` before a name, and `#`,
//! `-`, `+`, `=`, `1.` at line start; bare `http(s)://` URLs become `<url>`
//! autolinks; link targets are percent-encoded where Markdown needs it.
//! Bidirectional-override characters are removed, other control characters
//! become spaces. Lists nest at most `MAX_INDENT` columns deep and a tag longer
//! than `MAX_TAG` characters is text, so hostile input stays cheap.

use std::fmt::Write;

/// Where root-relative links in AWS documentation point.
const AWS_DOCS_ORIGIN: &str = "https://docs.aws.amazon.com";
const KNOWN_TAGS: &str = "a abbr article b blockquote body br caption center cite code dd del \
    dfn div dl dt em figure footer fullname h1 h2 h3 h4 h5 h6 header hr html i important img ins \
    kbd li note ol p para pre q s samp section small span strong sub sup table tbody td tfoot th \
    thead title tr tt u ul var warning";
const BLOCK_TAGS: &str = "p div section blockquote table thead tbody tfoot tr fullname title \
    header footer article figure caption hr body html br dl dd para center";
/// Longest tag or comment recognized.
const MAX_TAG: usize = 4096;
/// Deepest indentation of a nested list.
const MAX_INDENT: usize = 40;
const CODE_TAGS: &str = "code tt kbd samp";
const HEADING_TAGS: &str = "dt h1 h2 h3 h4 h5 h6";
const NOTE_TAGS: &str = "note important warning";
const ENTITIES: &str = "lt=< gt=> amp=& quot=\" apos=' ndash=– mdash=— hellip=… lsquo=‘ \
    rsquo=’ ldquo=“ rdquo=” copy=© reg=® trade=™ times=× bull=• rarr=→ larr=←";

fn is(list: &str, name: &str) -> bool {
    list.split_whitespace().any(|t| t == name)
}

#[derive(Debug, PartialEq)]
enum Token {
    Text(String),
    Start(String, Option<String>),
    End(String),
}

/// Drops characters that must not reach a doc comment; other controls become spaces.
fn clean(c: char) -> Option<char> {
    match c {
        '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{FEFF}' => None,
        '\n' | '\t' => Some(c),
        '\r' | '\u{2028}' | '\u{2029}' => Some('\n'),
        c if c.is_control() => Some(' '),
        c => Some(c),
    }
}

/// Decodes entities; an `&` that starts no known entity stays as it is.
fn decode(chars: &[char]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        i += 1;
        if c != '&' {
            out.extend(clean(c));
            continue;
        }
        let body: String = chars
            .iter()
            .skip(i)
            .take(12)
            .take_while(|c| **c != ';')
            .collect();
        let len = body.chars().count();
        if chars.get(i + len) != Some(&';') {
            out.push('&');
            continue;
        }
        let decoded = match body.strip_prefix('#') {
            Some(num) => match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse().ok(),
            }
            .and_then(char::from_u32),
            None if body == "nbsp" => Some(' '),
            None => ENTITIES.split(' ').find_map(|e| {
                let rest = e.strip_prefix(body.as_str())?.strip_prefix('=')?;
                rest.chars().next()
            }),
        };
        match decoded {
            Some(d) => {
                out.extend(clean(d));
                i += len + 1;
            }
            None => out.push('&'),
        }
    }
    out
}

/// The value of attribute `href` in the text between a tag name and `>`.
fn href(attrs: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let after_space = |p: &usize| {
        lower
            .get(..*p)
            .is_some_and(|b| b.ends_with(char::is_whitespace))
    };
    let pos = lower
        .match_indices("href")
        .map(|(p, _)| p)
        .find(after_space)?;
    let rest = attrs
        .get(pos + 4..)?
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let value = match rest.chars().next() {
        Some(q @ ('"' | '\'')) => rest.get(1..)?.split(q).next(),
        _ => rest.split(char::is_whitespace).next(),
    };
    Some(decode(&value?.chars().collect::<Vec<_>>()))
}

/// Parses a tag at `chars[i] == '<'` into (token, self-closing, next index);
/// the token is None for comments and declarations. None: this `<` is text.
fn tag(chars: &[char], i: usize) -> Option<(Option<Token>, bool, usize)> {
    // Past MAX_TAG characters `<` is text: keeps scanning linear on hostile input.
    let chars = chars.get(..chars.len().min(i + MAX_TAG)).unwrap_or(chars);
    let at = |k: usize| chars.get(k).copied();
    let find = |from: usize, pat: &[char]| {
        (from..chars.len()).find(|&k| chars.get(k..k + pat.len()) == Some(pat))
    };
    if chars.get(i + 1..i + 4) == Some(&['!', '-', '-']) {
        return Some((None, false, find(i + 4, &['-', '-', '>'])? + 3));
    }
    if matches!(at(i + 1), Some('!' | '?')) {
        return Some((None, false, find(i + 1, &['>'])? + 1));
    }
    let end_tag = at(i + 1) == Some('/');
    let mut k = i + 1 + usize::from(end_tag);
    let name_start = k;
    while at(k).is_some_and(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':') {
        k += 1;
    }
    let name: String = chars.get(name_start..k)?.iter().collect();
    let lower = name.to_ascii_lowercase();
    if !name.starts_with(|c: char| c.is_ascii_alphabetic())
        || !is(KNOWN_TAGS, &lower) && name.contains(|c: char| c.is_ascii_uppercase())
    {
        return None;
    }
    let (attrs, mut quote) = (k, None);
    loop {
        match (at(k)?, quote) {
            (c, Some(q)) if c == q => quote = None,
            (c @ ('"' | '\''), None) => quote = Some(c),
            ('>', None) => break,
            ('<', None) => return None,
            _ => {}
        }
        k += 1;
    }
    let self_closing = k > attrs && at(k - 1) == Some('/');
    let token = if end_tag {
        Token::End(lower)
    } else {
        let attrs: String = chars.get(attrs..k)?.iter().collect();
        Token::Start(lower, href(&attrs))
    };
    Some((Some(token), self_closing, k + 1))
}

/// Tokens of `input`; input without any known HTML tag is all text.
fn tokenize(input: &str) -> Vec<Token> {
    let chars: Vec<char> = input.replace("\r\n", "\n").chars().collect();
    let lex = |tags: bool| {
        let (mut tokens, mut text, mut i) = (Vec::new(), Vec::new(), 0);
        while let Some(&c) = chars.get(i) {
            let parsed = (tags && c == '<').then(|| tag(&chars, i)).flatten();
            let Some((token, self_closing, next)) = parsed else {
                text.push(c);
                i += 1;
                continue;
            };
            if !text.is_empty() {
                tokens.push(Token::Text(decode(&std::mem::take(&mut text))));
            }
            if let (Some(Token::Start(name, _)), true) = (&token, self_closing) {
                let end = (name != "br").then(|| Token::End(name.clone()));
                tokens.extend(token.into_iter().chain(end));
            } else {
                tokens.extend(token);
            }
            i = next;
        }
        if !text.is_empty() {
            tokens.push(Token::Text(decode(&text)));
        }
        tokens
    };
    let tokens = lex(true);
    let known = |n: &str| is(KNOWN_TAGS, n);
    let html = tokens
        .iter()
        .any(|t| matches!(t, Token::Start(n, _) | Token::End(n) if known(n)));
    if html { tokens } else { lex(false) }
}

/// Splits text at blank lines (a line holding only whitespace between two newlines).
fn paragraphs(text: &str) -> Vec<String> {
    let pieces: Vec<&str> = text.split('\n').collect();
    let mut parts: Vec<Vec<&str>> = vec![Vec::new()];
    for (n, piece) in pieces.iter().enumerate() {
        if n > 0 && n + 1 < pieces.len() && piece.trim().is_empty() {
            parts.push(Vec::new());
        } else if let Some(last) = parts.last_mut() {
            last.push(piece);
        }
    }
    parts.iter().map(|p| p.join("\n")).collect()
}

/// An open inline element: `open` is `**`, `*`, `[` (a link to `url`) or empty.
struct Inline {
    open: &'static str,
    tag: String,
    url: String,
    opened: bool,
    ever: bool,
}

impl Inline {
    fn closer(&self) -> String {
        match self.open {
            "[" => format!("]({})", self.url),
            open => open.to_owned(),
        }
    }
}

#[derive(Default)]
struct Frame {
    ordered: bool,
    next: usize,
    base: usize,
    content: usize,
    pending: Option<String>,
}

#[derive(Default)]
struct Writer {
    out: Vec<String>,
    cur: String,
    space: bool,
    inlines: Vec<Inline>,
    lists: Vec<Frame>,
    label: Option<&'static str>,
    /// Raw text of an open `<pre>` (true) or `<code>` (false).
    capture: Option<(bool, String)>,
    last_in_list: bool,
    /// An emphasis closer just written after punctuation: a following letter needs a space.
    punct_close: bool,
}

impl Writer {
    fn indent(&self) -> usize {
        self.lists.last().map_or(0, |f| f.content)
    }

    /// Emits a block (paragraph or fenced code), with list markers and blank lines.
    fn block(&mut self, lines: Vec<String>) {
        let starts_item = self.lists.iter().any(|f| f.pending.is_some());
        if !(self.out.is_empty() || starts_item && self.last_in_list) {
            self.out.push(String::new());
        }
        let pad = |prefix: &mut String, to: usize| {
            let n = to.saturating_sub(prefix.len());
            prefix.extend(std::iter::repeat_n(' ', n));
        };
        let mut prefix = String::new();
        for frame in &mut self.lists {
            if let Some(marker) = frame.pending.take() {
                pad(&mut prefix, frame.base);
                prefix.push_str(&marker);
            }
        }
        let indent = self.indent();
        pad(&mut prefix, indent);
        for line in lines {
            self.out
                .push(format!("{prefix}{line}").trim_end().to_owned());
            prefix = " ".repeat(indent);
        }
        self.last_in_list = !self.lists.is_empty();
    }

    fn flush(&mut self) {
        for inline in self.inlines.iter_mut().rev().filter(|i| i.opened) {
            inline.opened = false;
            self.cur.push_str(&inline.closer());
        }
        (self.space, self.punct_close) = (false, false);
        let text = std::mem::take(&mut self.cur);
        if !text.trim().is_empty() {
            self.block(vec![text.trim_end().to_owned()]);
        }
    }

    /// Prepares to write content starting with `next`: label, pending space
    /// and openers, spaced so Markdown's flanking rules hold. Returns true
    /// at the start of a block.
    fn open(&mut self, next: char) -> bool {
        if self.cur.is_empty() {
            self.space = false;
            if let Some(label) = self.label.take() {
                self.cur.push_str(label);
                self.space = true;
            }
        }
        self.space |= std::mem::take(&mut self.punct_close) && next.is_alphanumeric();
        if std::mem::take(&mut self.space) && !self.cur.is_empty() {
            self.cur.push(' ');
        }
        for inline in self.inlines.iter_mut().filter(|i| !i.opened) {
            (inline.opened, inline.ever) = (true, true);
            let emphasis = inline.open.starts_with('*');
            if emphasis && self.cur.ends_with(char::is_alphanumeric) && !next.is_alphanumeric() {
                self.cur.push(' ');
            }
            self.cur.push_str(inline.open);
        }
        self.cur.is_empty()
    }

    fn text(&mut self, text: &str) {
        if let Some((_, buf)) = &mut self.capture {
            buf.push_str(text);
            return;
        }
        for (n, part) in paragraphs(text).iter().enumerate() {
            if n > 0 {
                self.flush();
            }
            self.space |= part.starts_with(char::is_whitespace);
            for (k, word) in part.split_whitespace().enumerate() {
                self.space |= k > 0;
                let at_start = self.open(word.chars().next().unwrap_or(' '));
                let in_link = self.inlines.iter().any(|i| i.open == "[");
                self.cur.push_str(&escape(word, at_start, !in_link));
            }
            self.space |= part.ends_with(char::is_whitespace);
        }
    }

    /// Opens an inline element; one nested in another of its kind adds no markup.
    fn push_inline(&mut self, open: &'static str, tag: &str, url: Option<String>) {
        let nested = self.inlines.iter().any(|i| i.open == open);
        let open = if nested || (open == "[" && url.is_none()) {
            ""
        } else {
            open
        };
        let (tag, url) = (tag.to_owned(), url.unwrap_or_default());
        self.inlines.push(Inline {
            open,
            tag,
            url,
            opened: false,
            ever: false,
        });
    }

    fn close_inline(&mut self, tag: &str) {
        let Some(pos) = self.inlines.iter().rposition(|i| i.tag == tag) else {
            return;
        };
        for inline in self.inlines.split_off(pos).into_iter().rev() {
            if inline.opened {
                if inline.open.starts_with('*') {
                    let content = self.cur.trim_end_matches('*');
                    self.punct_close = !content.ends_with(char::is_alphanumeric);
                }
                self.cur.push_str(&inline.closer());
            } else if inline.open == "[" && !inline.ever {
                self.open('<');
                let _ = write!(self.cur, "<{}>", inline.url);
            }
        }
    }

    fn finish_capture(&mut self) {
        let Some((pre, raw)) = self.capture.take() else {
            return;
        };
        if pre || raw.trim().contains('\n') {
            self.flush();
            let lines: Vec<&str> = raw.lines().map(str::trim_end).collect();
            let first = lines
                .iter()
                .position(|l| !l.is_empty())
                .unwrap_or(lines.len());
            let last = lines
                .iter()
                .rposition(|l| !l.is_empty())
                .map_or(0, |l| l + 1);
            let lines = lines.get(first..last).unwrap_or_default();
            let margin = |l: &&str| l.len() - l.trim_start_matches(' ').len();
            let dedent = lines.iter().filter(|l| !l.is_empty()).map(margin).min();
            let Some(dedent) = dedent else { return };
            let fence = "`".repeat(longest_backtick_run(&raw).max(2) + 1);
            let mut block = vec![format!("{fence}text")];
            block.extend(
                lines
                    .iter()
                    .map(|l| l.get(dedent..).unwrap_or(l).to_owned()),
            );
            block.push(fence);
            self.block(block);
        } else {
            let code = raw.split_whitespace().collect::<Vec<_>>().join(" ");
            self.space |= raw.starts_with(char::is_whitespace);
            if !code.is_empty() {
                self.open('`');
                let fence = "`".repeat(longest_backtick_run(&code) + 1);
                let pad = if code.starts_with('`') || code.ends_with('`') {
                    " "
                } else {
                    ""
                };
                let _ = write!(self.cur, "{fence}{pad}{code}{pad}{fence}");
            }
            self.space |= raw.ends_with(char::is_whitespace);
        }
    }

    fn start(&mut self, name: &str, href: Option<&str>) {
        if let Some((pre, buf)) = &mut self.capture {
            match name {
                "br" => buf.push('\n'),
                "pre" => *pre = true,
                _ => {}
            }
            return;
        }
        match name {
            _ if is(BLOCK_TAGS, name) => self.flush(),
            "td" | "th" => self.space = true,
            "b" | "strong" => self.push_inline("**", name, None),
            "i" | "em" | "cite" | "dfn" | "var" => self.push_inline("*", name, None),
            "a" => self.push_inline("[", name, href.and_then(resolve_href)),
            "pre" => self.capture = Some((true, String::new())),
            _ if is(CODE_TAGS, name) => self.capture = Some((false, String::new())),
            "ul" | "ol" => {
                self.flush();
                let (base, ordered) = (self.indent().min(MAX_INDENT), name == "ol");
                self.lists.push(Frame {
                    ordered,
                    next: 1,
                    base,
                    content: base,
                    ..Frame::default()
                });
            }
            "li" => {
                self.flush();
                if let Some(frame) = self.lists.last_mut() {
                    let marker = if frame.ordered {
                        format!("{}. ", frame.next)
                    } else {
                        "- ".into()
                    };
                    frame.next += 1;
                    frame.content = frame.base + marker.len();
                    frame.pending = Some(marker);
                }
            }
            _ if is(HEADING_TAGS, name) => {
                self.flush();
                self.push_inline("**", name, None);
            }
            _ if is(NOTE_TAGS, name) => {
                self.flush();
                self.label = Some(match name {
                    "note" => "**Note:**",
                    "important" => "**Important:**",
                    _ => "**Warning:**",
                });
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if let Some((pre, _)) = &self.capture {
            if (*pre && name == "pre") || (!*pre && is(CODE_TAGS, name)) {
                self.finish_capture();
            }
            return;
        }
        match name {
            _ if is(BLOCK_TAGS, name) => self.flush(),
            "ul" | "ol" | "li" => {
                self.flush();
                if name != "li" {
                    self.lists.pop();
                }
            }
            _ if is(NOTE_TAGS, name) => {
                self.flush();
                self.label = None;
            }
            _ => {
                self.close_inline(name);
                if is(HEADING_TAGS, name) {
                    self.flush();
                }
            }
        }
    }
}

fn longest_backtick_run(s: &str) -> usize {
    s.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// Absolute URL for an href, percent-encoding what a Markdown link target cannot hold.
fn resolve_href(href: &str) -> Option<String> {
    let href = href.trim();
    let lower = href.to_ascii_lowercase();
    let url = if ["https://", "http://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        href.to_owned()
    } else if href.starts_with("//") {
        format!("https:{href}")
    } else if href.starts_with('/') {
        format!("{AWS_DOCS_ORIGIN}{href}")
    } else {
        return None;
    };
    let mut out = String::new();
    for c in url.chars() {
        if c.is_whitespace() || c.is_control() || "()<>\\`".contains(c) {
            for b in c.encode_utf8(&mut [0u8; 4]).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// Length of a bare URL starting at `chars[i]`, without trailing punctuation.
fn url_len(chars: &[char], i: usize) -> usize {
    let rest: String = chars.iter().skip(i).take(8).collect();
    let rest = rest.to_ascii_lowercase();
    let Some(scheme) = ["https://", "http://"]
        .iter()
        .find(|s| rest.starts_with(*s))
    else {
        return 0;
    };
    let mut len = chars
        .iter()
        .skip(i)
        .take_while(|c| !"<>\"'`\\".contains(**c))
        .count();
    while len > scheme.len() {
        let url = chars.get(i..i + len).unwrap_or_default();
        let count = |c: char| url.iter().filter(|x| **x == c).count();
        match url.last() {
            Some('.' | ',' | ';' | ':' | '!' | '?' | '*' | '_' | '~') => len -= 1,
            Some(')') if count(')') > count('(') => len -= 1,
            Some(']') if count(']') > count('[') => len -= 1,
            _ => break,
        }
    }
    if len > scheme.len() { len } else { 0 }
}

/// Escapes one whitespace-free word of text for Markdown.
fn escape(word: &str, at_start: bool, autolink: bool) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::new();
    if at_start {
        let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
        let list_number = (1..=9).contains(&digits) && digits + 1 == chars.len();
        if matches!(chars.first(), Some('#' | '-' | '+' | '=')) {
            out.push('\\');
        } else if let (true, Some(p @ ('.' | ')'))) = (list_number, chars.last()) {
            return format!("{}\\{p}", word.trim_end_matches(['.', ')']));
        }
    }
    let alnum = |k: Option<usize>| {
        k.and_then(|k| chars.get(k))
            .is_some_and(|c| c.is_alphanumeric())
    };
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let len = if autolink { url_len(&chars, i) } else { 0 };
        if len > 0 {
            out.extend(std::iter::once('<').chain(chars.iter().copied().skip(i).take(len)));
            out.push('>');
            i += len;
            continue;
        }
        let next = chars.get(i + 1).copied();
        if match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '~' => true,
            '_' => !(alnum(i.checked_sub(1)) && alnum(Some(i + 1))),
            '&' => next.is_some_and(|n| n.is_alphanumeric() || n == '#'),
            _ => false,
        } {
            out.push('\\');
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Converts a Smithy `documentation` string (HTML as AWS writes it, or plain
/// text) to Markdown lines for rustdoc. Returns lines without the leading
/// `///`, trimmed of trailing whitespace, with no leading or trailing blank
/// lines; empty input gives an empty vector.
#[must_use]
pub fn to_markdown(html: &str) -> Vec<String> {
    let mut w = Writer::default();
    for token in tokenize(html) {
        match token {
            Token::Text(text) => w.text(&text),
            Token::Start(name, href) => w.start(&name, href.as_deref()),
            Token::End(name) => w.end(&name),
        }
    }
    w.finish_capture();
    while let Some(tag) = w.inlines.last().map(|i| i.tag.clone()) {
        w.close_inline(&tag);
    }
    w.flush();
    w.out
}

/// The first paragraph only, as one line of plain text (no Markdown), for
/// short summaries in tables and digests: at most `max_chars` characters,
/// cut on a word boundary and ended with `...` when too long.
#[must_use]
pub fn summary(html: &str, max_chars: usize) -> String {
    let mut text = String::new();
    for token in tokenize(html) {
        let boundary = match token {
            Token::Text(t) => {
                let parts = paragraphs(&t);
                for (n, part) in parts.iter().enumerate() {
                    if n > 0 && !text.trim().is_empty() {
                        break;
                    }
                    text.push_str(part);
                }
                parts.len() > 1
            }
            Token::Start(name, _) | Token::End(name) => {
                let breaks = "pre ul ol li dt note important warning h1 h2 h3 h4 h5 h6";
                is(BLOCK_TAGS, &name) || is(breaks, &name)
            }
        };
        if boundary && !text.trim().is_empty() {
            break;
        }
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max_chars {
        return text;
    }
    let Some(budget) = max_chars.checked_sub(3) else {
        return ".".repeat(max_chars);
    };
    let head: String = text.chars().take(budget).collect();
    let at_boundary = text.chars().nth(budget).is_some_and(char::is_whitespace);
    let cut = match head.rfind(' ') {
        Some(pos) if !at_boundary && pos > 0 => head.get(..pos).unwrap_or(&head),
        _ => head.as_str(),
    };
    let cut = cut.trim_end_matches(|c: char| c.is_whitespace() || ",;:".contains(c));
    format!("{cut}...")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cases for `to_markdown`: a line `<< input` (with `\n` for a newline),
    /// then one line `|` + space + text per expected output line (`|` alone
    /// for an empty line). No `|` line: no output.
    const CASES: &str = r##"
<< <p>One.</p><p>Two.</p>
| One.
|
| Two.
<< a<br/>b<br>c
| a
|
| b
|
| c
<< Use <code>x_y</code> now, <code>a`b</code> and <code>`x`</code>.
| Use `x_y` now, ``a`b`` and `` `x` ``.
<< <b>B</b> <strong>S</strong> <i>I</i> <em>E</em> <b><b>x</b></b> <b>a <i>b</i></b>
| **B** **S** *I* *E* **x** **a *b***
<< <b>Note:</b>text and x<i>(y)</i>
| **Note:** text and x *(y)*
<< <a href="https://x.com/a">X</a>, <a>GetChannel</a>, <a href="#f">frag</a>, <a href="x.html">rel</a>
| [X](https://x.com/a), GetChannel, frag, rel
<< <a href="/ivs/latest/userguide/x.html">guide</a> <a href=' https://x.com/a b(c) '>y</a>
| [guide](https://docs.aws.amazon.com/ivs/latest/userguide/x.html) [y](https://x.com/a%20b%28c%29)
<< <a href="https://x.com"></a> <a href="mailto:a@b.c">m</a> <a href="//cdn.x.com/a">c</a>
| <https://x.com> [m](mailto:a@b.c) [c](https://cdn.x.com/a)
<< <a href="https://a.com">https://a.com [x]</a>
| [https://a.com \[x\]](https://a.com)
<< <p>Intro</p><ul><li>a</li><li><p>b</p><p>b2</p></li></ul><p>After</p>
| Intro
|
| - a
| - b
|
|   b2
|
| After
<< <ol><li>one<ul><li>sub</li></ul></li><li>two</li></ol>
| 1. one
|    - sub
| 2. two
<< <ul><li><ul><li>deep</li></ul></li><li>x<pre>code</pre>more</li></ul>
| - - deep
| - x
|
|   ```text
|   code
|   ```
|
|   more
<< <note><p>Careful.</p></note><important>Must.</important><warning></warning>
| **Note:** Careful.
|
| **Important:** Must.
<< <pre>let x = 1;\n  y</pre>
| ```text
| let x = 1;
|   y
| ```
<< <p>Example:</p><code>\n  {\n    "a": 1\n  }\n</code><pre>```\nx</pre><pre> </pre>
| Example:
|
| ```text
| {
|   "a": 1
| }
| ```
|
| ````text
| ```
| x
| ````
<< <dl><dt>Term</dt><dd>Definition</dd></dl><h2>Title</h2><p>Body</p>
| **Term**
|
| Definition
|
| **Title**
|
| Body
<< <p><span class="x">kept</span> <foo>also</foo></p><table><tr><td>a</td><td>b</td></tr></table>
| kept also
|
| a b
<< &lt;a&gt; &amp; &quot;q&quot; &apos;s &#39; &#x27; a&nbsp;b &#8212; &#0;.
| \<a\> & "q" 's ' ' a b — .
<< First line\nsame para.\n\n   Second.\n    \n\n    indented
| First line same para.
|
| Second.
|
| indented
<< <p>Match [a-z]* or arn:aws:ivs:* with _x_, snake_case, 2*3, a_</p>
| Match \[a-z\]\* or arn:aws:ivs:\* with \_x\_, snake_case, 2\*3, a\_
<< <p>Vec&lt;u8&gt; a > b `x` ~y~ a\b AT&amp;T &amp;lt;</p>
| Vec\<u8\> a \> b \`x\` \~y\~ a\\b AT\&T \&lt;
<< <p># h</p><p>- l</p><p>1. o</p><p>2) p</p><p>+ x</p><p>= y</p><p>> q</p><p>1.5 ok</p>
| \# h
|
| \- l
|
| 1\. o
|
| 2\) p
|
| \+ x
|
| \= y
|
| \> q
|
| 1.5 ok
<< <p>See https://example.com/a_b. Or (http://x.org/y), 'https://q.io'.</p>
| See <https://example.com/a_b>. Or (<http://x.org/y>), '<https://q.io>'.
<< <p>\n     lots    of\n\t space   </p>
| lots of space
<< <p>unclosed <b>bold <a href="https://x.com">link
| unclosed **bold [link](https://x.com)**
<< a < b & c < <a <!-- x &amp y &#; &bogus; &#xD800;
| a \< b & c \< \<a \<!-- x \&amp y \&#; \&bogus; \&#xD800;
<< </b></p>text</ul></li> <p>a<!-- hidden -->b<!DOCTYPE x></p> <p>List<String> x</p>
| text
|
| ab
|
| List\<String\> x
<< <p/>
<< <p> </p><b></b>
<< <p>Channel ARN, for example <code>arn:aws:ivs:us-west-2:123456789012:channel/abcdEFGH</code>. See <a href="/ivs/latest/userguide/channels.html">Channels</a>. Names match [a-zA-Z0-9-_]*.</p> <ul> <li> <p> <code>BASIC</code> &#x2014; up to 1080p.</p> </li> <li> <p><code>STANDARD</code>: see https://aws.amazon.com/ivs/pricing/.</p> </li> </ul>
| Channel ARN, for example `arn:aws:ivs:us-west-2:123456789012:channel/abcdEFGH`. See [Channels](https://docs.aws.amazon.com/ivs/latest/userguide/channels.html). Names match \[a-zA-Z0-9-\_\]\*.
|
| - `BASIC` — up to 1080p.
| - `STANDARD`: see <https://aws.amazon.com/ivs/pricing/>.
<< <ul>\n <li>\n <p>\n <code>\n <b>Accept:</b>\n </code> application/json</p>\n </li>\n</ul>
| - `Accept:` application/json
"##;

    fn cases() -> Vec<(String, Vec<String>)> {
        let mut cases: Vec<(String, Vec<String>)> = Vec::new();
        for line in CASES.lines() {
            if let Some(input) = line.strip_prefix("<< ") {
                let input = input.replace("\\n", "\n").replace("\\t", "\t");
                cases.push((input, Vec::new()));
            } else if let (Some(out), Some(case)) = (line.strip_prefix('|'), cases.last_mut()) {
                case.1.push(out.strip_prefix(' ').unwrap_or(out).to_owned());
            }
        }
        cases
    }

    #[test]
    fn to_markdown_table() {
        let cases = cases();
        assert!(cases.len() > 30);
        for (input, want) in cases {
            assert_eq!(to_markdown(&input), want, "input {input:?}");
        }
    }

    #[test]
    fn removes_bidi_and_control_characters() {
        let lines = to_markdown("a\u{202E}b\u{2066}c\u{7}d\re &#x202E;f\u{FEFF}");
        assert_eq!(lines, ["abc d e f"]);
        assert_eq!(to_markdown(""), Vec::<String>::new());
    }

    #[test]
    fn never_panics_and_keeps_invariants() {
        let pieces = "<|>|&|;|#|x| |\n|<p>|</p>|<b>|</i>|<a href=\"|\"|https://a.b|<ul>|<li>|</ol>|\
            <pre>|</code>|<code>|`|*|_|[|&#|&lt|<!--|é|1.|-|<note>|\0|\r|<dt>|</a>|</b>";
        let pieces: Vec<&str> = pieces.split('|').collect();
        let mut seed = 7u64;
        for _ in 0..3000 {
            let mut input = String::new();
            for _ in 0..(seed % 24) {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let piece = pieces.get((seed >> 33) as usize % pieces.len());
                input.push_str(piece.unwrap_or(&""));
            }
            let lines = to_markdown(&input);
            assert!(lines.first().is_none_or(|l| !l.is_empty()), "{input:?}");
            assert!(lines.last().is_none_or(|l| !l.is_empty()), "{input:?}");
            for line in &lines {
                assert!(!line.ends_with(char::is_whitespace), "{input:?}");
                assert!(!line.contains(['\n', '\r', '\0']), "{input:?}");
            }
            assert!(summary(&input, 10).chars().count() <= 10);
        }
    }

    #[test]
    fn summary_table() {
        let cases: &[(&str, usize, &str)] = &[
            ("<p>First para.</p><p>Second.</p>", 100, "First para."),
            ("Plain first.\n\nSecond.", 100, "Plain first."),
            (
                "<p>The <code>Channel</code> &amp; <b>key</b>.</p>",
                100,
                "The Channel & key.",
            ),
            ("<note>Careful</note><p>x</p>", 50, "Careful"),
            (
                "<ul><li>first item</li><li>second</li></ul>",
                50,
                "first item",
            ),
            ("<p>\n  spaced\n  out  </p>", 50, "spaced out"),
            ("one two three four five", 12, "one two..."),
            ("one two, three", 11, "one two..."),
            ("abcdefghijkl", 8, "abcde..."),
            ("hello world", 5, "he..."),
            ("hello", 2, ".."),
            ("hello", 0, ""),
            ("", 10, ""),
            ("日本語のテキスト", 5, "日本..."),
        ];
        for (input, max, want) in cases {
            assert_eq!(summary(input, *max), *want, "input {input:?}");
        }
    }
}
