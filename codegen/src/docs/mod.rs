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

mod escape;
mod html;
#[cfg(test)]
mod tests;

use escape::*;
use html::*;
use std::fmt::Write;

/// Splits text at blank lines (a line holding only whitespace between two newlines).
pub(super) fn paragraphs(text: &str) -> Vec<String> {
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
            self.out.push(format!("{prefix}{line}").trim_end().to_owned());
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
            let first = lines.iter().position(|l| !l.is_empty()).unwrap_or(lines.len());
            let last = lines.iter().rposition(|l| !l.is_empty()).map_or(0, |l| l + 1);
            let lines = lines.get(first..last).unwrap_or_default();
            let margin = |l: &&str| l.len() - l.trim_start_matches(' ').len();
            let dedent = lines.iter().filter(|l| !l.is_empty()).map(margin).min();
            let Some(dedent) = dedent else { return };
            let fence = "`".repeat(longest_backtick_run(&raw).max(2) + 1);
            let mut block = vec![format!("{fence}text")];
            block.extend(lines.iter().map(|l| l.get(dedent..).unwrap_or(l).to_owned()));
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

/// Literal model text (a pattern, a default value) as one Markdown code span on one line:
/// control characters are shown as escapes (`\r`, `\n`, `\t`, `\u{..}`), since a bare
/// carriage return or line break would end the doc comment or split the span, and the
/// span's fence is one backtick longer than any run inside it.
#[must_use]
pub fn code_span(text: &str) -> String {
    let mut shown = String::new();
    for c in text.chars() {
        match c {
            '\r' => shown.push_str("\\r"),
            '\n' => shown.push_str("\\n"),
            '\t' => shown.push_str("\\t"),
            c if c.is_control() => shown.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => shown.push(c),
        }
    }
    let fence = "`".repeat(escape::longest_backtick_run(&shown) + 1);
    let pad = if shown.starts_with('`') || shown.ends_with('`') || shown.is_empty() {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{shown}{pad}{fence}")
}
