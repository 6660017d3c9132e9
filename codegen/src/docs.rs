//! Smithy `documentation` strings (HTML as AWS writes it, or plain text) to
//! rustdoc Markdown that renders literally and raises no rustdoc lint.
//!
//! Rules: `<p>`, `<br>`, `<div>`-like tags and blank lines in text end a
//! paragraph; every paragraph is one line with whitespace collapsed and
//! leading whitespace removed. `<b>`/`<strong>` -> `**`, `<i>`/`<em>` -> `*`,
//! `<code>` -> a code span (or a ```` ```text ```` fenced block when its text
//! spans lines; `<pre>` always fences). `<a href>` -> `[text](url)`; a
//! root-relative href gets `https://docs.aws.amazon.com` in front; other
//! relative or fragment hrefs keep only the text. Lists become `- ` / `1. `
//! items, nested by indentation. `<note>`/`<important>`/`<warning>` start a
//! `**Note:**`-style paragraph; `<dt>` and `<h1>`..`<h6>` become bold
//! paragraphs (never real headings). Other lowercase tags are dropped, keeping
//! their text; a tag-like `<Name>` that is not HTML (as in `List<String>`) is
//! kept as text. Entities are decoded; malformed markup is kept as text. Text
//! is escaped (`\ ` ` * [ ] < > ~`, `_` at word edges, `&` before an entity
//! name, line-start `#`, `-`, `+` and `1.`), and bare `http(s)://` URLs become
//! `<url>` autolinks. Control and bidirectional-override characters are removed.

/// Where root-relative links in AWS documentation point.
const AWS_DOCS_ORIGIN: &str = "https://docs.aws.amazon.com";

const KNOWN_TAGS: &[&str] = &[
    "a",
    "abbr",
    "article",
    "b",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "dd",
    "del",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figure",
    "footer",
    "fullname",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "i",
    "important",
    "img",
    "ins",
    "kbd",
    "li",
    "note",
    "ol",
    "p",
    "para",
    "pre",
    "q",
    "s",
    "samp",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "warning",
];
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "fullname",
    "title",
    "header",
    "footer",
    "article",
    "figure",
    "caption",
    "hr",
    "body",
    "html",
    "br",
    "dl",
    "dd",
    "para",
    "center",
];
const CODE_TAGS: &[&str] = &["code", "tt", "kbd", "samp"];

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

/// Decodes the entity at `chars[i] == '&'`; returns the text and the next index.
fn entity(chars: &[char], i: usize) -> (String, usize) {
    let body: String = chars
        .iter()
        .skip(i + 1)
        .take(12)
        .take_while(|c| **c != ';')
        .collect();
    if chars.get(i + 1 + body.chars().count()) != Some(&';') {
        return ("&".into(), i + 1);
    }
    let code = if let Some(hex) = body.strip_prefix("#x").or_else(|| body.strip_prefix("#X")) {
        u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
    } else if let Some(dec) = body.strip_prefix('#') {
        dec.parse::<u32>().ok().and_then(char::from_u32)
    } else {
        let named = match body.as_str() {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            "ndash" => '–',
            "mdash" => '—',
            "hellip" => '…',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ldquo" => '“',
            "rdquo" => '”',
            "copy" => '©',
            "reg" => '®',
            "trade" => '™',
            "times" => '×',
            "bull" => '•',
            "rarr" => '→',
            "larr" => '←',
            _ => return ("&".into(), i + 1),
        };
        Some(named)
    };
    match code {
        Some(c) => (
            clean(c).map(String::from).unwrap_or_default(),
            i + 2 + body.chars().count(),
        ),
        None => ("&".into(), i + 1),
    }
}

/// Parses a tag at `chars[i] == '<'`: `Some((token, next))`, with `token` None
/// for comments and declarations; None when this `<` is just text.
fn tag(chars: &[char], i: usize) -> Option<(Option<Token>, bool, usize)> {
    let at = |k: usize| chars.get(k).copied();
    let close_at = |from: usize| (from..chars.len()).find(|&k| at(k) == Some('>'));
    if at(i + 1) == Some('!') && at(i + 2) == Some('-') && at(i + 3) == Some('-') {
        let end = (i + 4..chars.len()).find(|&k| chars.get(k..k + 3) == Some(&['-', '-', '>']))?;
        return Some((None, false, end + 3));
    }
    if matches!(at(i + 1), Some('!' | '?')) {
        return Some((None, false, close_at(i + 1)? + 1));
    }
    let end_tag = at(i + 1) == Some('/');
    let mut k = if end_tag { i + 2 } else { i + 1 };
    if !at(k).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut name = String::new();
    while let Some(c) = at(k).filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | ':')) {
        name.push(c);
        k += 1;
    }
    let lower = name.to_ascii_lowercase();
    let known = KNOWN_TAGS.contains(&lower.as_str());
    if !known && name.chars().any(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let (mut href, mut self_closing) = (None, false);
    loop {
        match at(k)? {
            '>' => break,
            c if c.is_whitespace() || c == '/' => {
                self_closing = c == '/';
                k += 1;
            }
            _ => {
                let mut attr = String::new();
                while let Some(c) = at(k).filter(|c| !c.is_whitespace() && !"=>/".contains(*c)) {
                    attr.push(c);
                    k += 1;
                }
                while at(k).is_some_and(char::is_whitespace) {
                    k += 1;
                }
                if at(k) != Some('=') {
                    if !known {
                        return None;
                    }
                    self_closing = false;
                    continue;
                }
                k += 1;
                while at(k).is_some_and(char::is_whitespace) {
                    k += 1;
                }
                let quote = at(k).filter(|c| *c == '"' || *c == '\'');
                let start = if quote.is_some() { k + 1 } else { k };
                let stop = (start..chars.len()).find(|&j| match quote {
                    Some(q) => at(j) == Some(q),
                    None => at(j).is_some_and(|c| c.is_whitespace() || c == '>'),
                })?;
                let value = decode_text(chars.get(start..stop).unwrap_or_default());
                if attr.eq_ignore_ascii_case("href") {
                    href = Some(value);
                }
                k = if quote.is_some() { stop + 1 } else { stop };
                self_closing = false;
            }
        }
    }
    let token = if end_tag {
        Token::End(lower)
    } else {
        Token::Start(lower, href)
    };
    Some((Some(token), self_closing, k + 1))
}

fn decode_text(chars: &[char]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        if c == '&' {
            let (s, next) = entity(chars, i);
            out.push_str(&s);
            i = next;
        } else {
            out.extend(clean(c));
            i += 1;
        }
    }
    out
}

/// Tokens of `input`; without any known HTML tag the input is plain text.
fn tokenize(input: &str) -> Vec<Token> {
    let tokens = lex(input, true);
    let known = |n: &String| KNOWN_TAGS.contains(&n.as_str());
    if tokens
        .iter()
        .any(|t| matches!(t, Token::Start(n, _) | Token::End(n) if known(n)))
    {
        tokens
    } else {
        lex(input, false)
    }
}

fn lex(input: &str, tags: bool) -> Vec<Token> {
    let chars: Vec<char> = input.replace("\r\n", "\n").chars().collect();
    let (mut tokens, mut text, mut i) = (Vec::new(), Vec::new(), 0);
    while let Some(&c) = chars.get(i) {
        let parsed = if c == '<' && tags {
            tag(&chars, i)
        } else {
            None
        };
        if let Some((token, self_closing, next)) = parsed {
            if !text.is_empty() {
                tokens.push(Token::Text(decode_text(&std::mem::take(&mut text))));
            }
            if let Some(Token::Start(name, href)) = token {
                tokens.push(Token::Start(name.clone(), href));
                if self_closing && name != "br" {
                    tokens.push(Token::End(name));
                }
            } else {
                tokens.extend(token);
            }
            i = next;
            continue;
        }
        text.push(c);
        i += 1;
    }
    if !text.is_empty() {
        tokens.push(Token::Text(decode_text(&text)));
    }
    tokens
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

enum Kind {
    Strong,
    Emph,
    Link(Option<String>),
    Plain,
}

struct Inline {
    kind: Kind,
    tag: String,
    opened: bool,
    ever: bool,
}

struct Frame {
    implicit: bool,
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
    capture: Option<(bool, String)>,
    last_in_list: bool,
    /// An emphasis closer just written after punctuation: a following letter needs a space.
    punct_close: bool,
    /// Kind and start of an emphasis closer that is still the end of `cur`.
    just_closed: Option<(bool, usize)>,
}

impl Writer {
    fn indent(&self) -> usize {
        self.lists.last().map_or(0, |f| f.content)
    }

    /// Emits a block (paragraph or fenced code), handling list markers and blank lines.
    fn block(&mut self, lines: Vec<String>) {
        let starts_item = self.lists.iter().any(|f| f.pending.is_some());
        if !(self.out.is_empty() || starts_item && self.last_in_list) {
            self.out.push(String::new());
        }
        let mut prefix = String::new();
        for frame in &mut self.lists {
            if let Some(marker) = frame.pending.take() {
                prefix.extend(std::iter::repeat_n(
                    ' ',
                    frame.base.saturating_sub(prefix.len()),
                ));
                prefix.push_str(&marker);
            }
        }
        let indent = self.indent();
        prefix.extend(std::iter::repeat_n(
            ' ',
            indent.saturating_sub(prefix.len()),
        ));
        for line in lines {
            let text = format!("{prefix}{line}").trim_end().to_owned();
            self.out.push(text);
            prefix = " ".repeat(indent);
        }
        self.last_in_list = !self.lists.is_empty();
    }

    fn flush(&mut self) {
        for inline in self.inlines.iter_mut().rev().filter(|i| i.opened) {
            inline.opened = false;
            self.cur.push_str(&closer(&inline.kind));
        }
        self.space = false;
        self.punct_close = false;
        self.just_closed = None;
        let text = std::mem::take(&mut self.cur);
        if !text.trim().is_empty() {
            self.block(vec![text.trim_end().to_owned()]);
        }
    }

    /// Prepares to write content starting with `next`: label, pending space,
    /// openers (merged with an adjacent closer of the same kind, spaced so
    /// CommonMark's flanking rules hold). Returns true at block start.
    fn open(&mut self, next: char) -> bool {
        if self.cur.is_empty() {
            self.space = false;
            if let Some(label) = self.label.take() {
                self.cur.push_str(label);
                self.space = true;
            }
        }
        self.space |= std::mem::take(&mut self.punct_close) && next.is_alphanumeric();
        let just_closed = self
            .just_closed
            .take()
            .filter(|(_, at)| !self.space && self.cur.is_char_boundary(*at));
        if std::mem::take(&mut self.space) && !self.cur.is_empty() {
            self.cur.push(' ');
        }
        for inline in self.inlines.iter_mut().filter(|i| !i.opened) {
            inline.opened = true;
            inline.ever = true;
            let strong = matches!(inline.kind, Kind::Strong);
            if let (Kind::Strong | Kind::Emph, Some((was_strong, at))) = (&inline.kind, just_closed)
            {
                if was_strong == strong && self.cur.len() == at + opener(&inline.kind).len() {
                    self.cur.truncate(at);
                    continue;
                }
            }
            let after_word = self.cur.ends_with(char::is_alphanumeric);
            if matches!(inline.kind, Kind::Strong | Kind::Emph)
                && after_word
                && !next.is_alphanumeric()
            {
                self.cur.push(' ');
            }
            self.cur.push_str(opener(&inline.kind));
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
                let in_link = self
                    .inlines
                    .iter()
                    .any(|i| matches!(i.kind, Kind::Link(Some(_))));
                self.cur.push_str(&escape(word, at_start, !in_link));
            }
            self.space |= part.ends_with(char::is_whitespace);
        }
    }

    fn push_inline(&mut self, kind: Kind, tag: &str) {
        let same = |a: &Kind, b: &Kind| std::mem::discriminant(a) == std::mem::discriminant(b);
        let kind = if self.inlines.iter().any(|i| same(&i.kind, &kind)) {
            Kind::Plain
        } else {
            kind
        };
        self.inlines.push(Inline {
            kind,
            tag: tag.to_owned(),
            opened: false,
            ever: false,
        });
    }

    fn close_inline(&mut self, tag: &str) {
        let Some(pos) = self.inlines.iter().rposition(|i| i.tag == tag) else {
            return;
        };
        while self.inlines.len() > pos {
            let Some(inline) = self.inlines.pop() else {
                break;
            };
            if inline.opened {
                if matches!(inline.kind, Kind::Strong | Kind::Emph) {
                    self.punct_close = !self
                        .cur
                        .trim_end_matches('*')
                        .ends_with(char::is_alphanumeric);
                    self.just_closed = Some((matches!(inline.kind, Kind::Strong), self.cur.len()));
                }
                self.cur.push_str(&closer(&inline.kind));
            } else if let (Kind::Link(Some(url)), false) = (&inline.kind, inline.ever) {
                self.open('<');
                self.cur.push_str(&format!("<{url}>"));
            }
        }
    }

    fn finish_capture(&mut self) {
        let Some((pre, raw)) = self.capture.take() else {
            return;
        };
        if pre || raw.trim().contains('\n') {
            self.flush();
            let mut lines: Vec<&str> = raw.lines().map(str::trim_end).collect();
            while lines.first().is_some_and(|l| l.is_empty()) {
                lines.remove(0);
            }
            while lines.last().is_some_and(|l| l.is_empty()) {
                lines.pop();
            }
            if lines.is_empty() {
                return;
            }
            let dedent = lines.iter().filter(|l| !l.is_empty());
            let dedent = dedent
                .map(|l| l.len() - l.trim_start_matches(' ').len())
                .min()
                .unwrap_or(0);
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
                self.cur
                    .push_str(&format!("{fence}{pad}{code}{pad}{fence}"));
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
            _ if BLOCK_TAGS.contains(&name) => self.flush(),
            "td" | "th" => self.space = true,
            "b" | "strong" => self.push_inline(Kind::Strong, name),
            "i" | "em" | "cite" | "dfn" | "var" => self.push_inline(Kind::Emph, name),
            "a" => self.push_inline(Kind::Link(href.and_then(resolve_href)), name),
            "pre" => self.capture = Some((true, String::new())),
            _ if CODE_TAGS.contains(&name) => self.capture = Some((false, String::new())),
            "ul" | "ol" => {
                self.flush();
                let base = self.indent();
                let ordered = name == "ol";
                let frame = Frame {
                    implicit: false,
                    ordered,
                    next: 1,
                    base,
                    content: base,
                    pending: None,
                };
                self.lists.push(frame);
            }
            "li" => {
                self.flush();
                if self.lists.is_empty() {
                    let frame = Frame {
                        implicit: true,
                        ordered: false,
                        next: 1,
                        base: 0,
                        content: 0,
                        pending: None,
                    };
                    self.lists.push(frame);
                }
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
            "dt" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.push_inline(Kind::Strong, name);
            }
            "note" | "important" | "warning" => {
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
            if (*pre && name == "pre") || (!*pre && CODE_TAGS.contains(&name)) {
                self.finish_capture();
            }
            return;
        }
        match name {
            _ if BLOCK_TAGS.contains(&name) => self.flush(),
            "ul" | "ol" | "li" => {
                self.flush();
                if name != "li" || self.lists.last().is_some_and(|f| f.implicit) {
                    self.lists.pop();
                }
            }
            "note" | "important" | "warning" => {
                self.flush();
                self.label = None;
            }
            _ => {
                self.close_inline(name);
                if name == "dt" || (name.len() == 2 && name.starts_with('h')) {
                    self.flush();
                }
            }
        }
    }
}

fn opener(kind: &Kind) -> &'static str {
    match kind {
        Kind::Strong => "**",
        Kind::Emph => "*",
        Kind::Link(Some(_)) => "[",
        Kind::Link(None) | Kind::Plain => "",
    }
}

fn closer(kind: &Kind) -> String {
    match kind {
        Kind::Link(Some(url)) => format!("]({url})"),
        other => opener(other).to_owned(),
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
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// Length of a bare URL starting at `chars[i]`, without trailing punctuation.
fn url_len(chars: &[char], i: usize) -> usize {
    let rest: String = chars
        .iter()
        .skip(i)
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme = if rest.starts_with("https://") {
        8
    } else if rest.starts_with("http://") {
        7
    } else {
        return 0;
    };
    let mut len = chars
        .iter()
        .skip(i)
        .take_while(|c| !"<>\"'`\\".contains(**c))
        .count();
    while len > scheme {
        let url = chars.get(i..i + len).unwrap_or_default();
        let count = |c: char| url.iter().filter(|x| **x == c).count();
        match url.last() {
            Some('.' | ',' | ';' | ':' | '!' | '?' | '*' | '_' | '~') => len -= 1,
            Some(')') if count(')') > count('(') => len -= 1,
            Some(']') if count(']') > count('[') => len -= 1,
            _ => break,
        }
    }
    if len > scheme { len } else { 0 }
}

/// Escapes one whitespace-free word of text for Markdown.
fn escape(word: &str, at_start: bool, autolink: bool) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    if at_start {
        let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
        let list_number = (1..=9).contains(&digits) && digits + 1 == chars.len();
        if matches!(chars.first(), Some('#' | '-' | '+' | '=')) {
            out.push('\\');
        } else if let (true, Some(p @ ('.' | ')'))) = (list_number, chars.last()) {
            out.extend(chars.iter().take(digits));
            out.push('\\');
            out.push(*p);
            return out;
        }
    }
    while let Some(&c) = chars.get(i) {
        let len = if autolink { url_len(&chars, i) } else { 0 };
        if len > 0 {
            out.push('<');
            out.extend(chars.iter().skip(i).take(len));
            out.push('>');
            i += len;
            continue;
        }
        let alnum = |k: Option<usize>| {
            k.and_then(|k| chars.get(k))
                .is_some_and(|c| c.is_alphanumeric())
        };
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '~' => true,
            '_' => !(alnum(i.checked_sub(1)) && alnum(Some(i + 1))),
            '&' => chars
                .get(i + 1)
                .is_some_and(|n| n.is_alphanumeric() || *n == '#'),
            _ => false,
        };
        if escape {
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
    while let Some(inline) = w.inlines.last() {
        let tag = inline.tag.clone();
        w.close_inline(&tag);
    }
    w.flush();
    while w.out.last().is_some_and(|l| l.is_empty()) {
        w.out.pop();
    }
    w.out
}

/// The first paragraph only, as one line of plain text (no Markdown), for
/// short summaries in tables and digests: at most `max_chars` characters,
/// cut on a word boundary and ended with `...` when too long.
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
                BLOCK_TAGS.contains(&name.as_str())
                    || [
                        "pre",
                        "ul",
                        "ol",
                        "li",
                        "dt",
                        "note",
                        "important",
                        "warning",
                    ]
                    .contains(&name.as_str())
                    || (name.len() == 2 && name.starts_with('h'))
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
    format!(
        "{}...",
        cut.trim_end_matches(|c: char| c.is_whitespace() || ",;:".contains(c))
    )
}
