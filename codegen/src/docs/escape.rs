//! Escaping text for Markdown, and links and URLs for rustdoc.

use super::html::*;
use std::fmt::Write;

pub(super) fn longest_backtick_run(s: &str) -> usize {
    s.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// Absolute URL for an href, percent-encoding what a Markdown link target cannot hold.
pub(super) fn resolve_href(href: &str) -> Option<String> {
    let href = href.trim();
    let lower = href.to_ascii_lowercase();
    let url = if ["https://", "http://", "mailto:"].iter().any(|s| lower.starts_with(s)) {
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
pub(super) fn url_len(chars: &[char], i: usize) -> usize {
    let rest: String = chars.iter().skip(i).take(8).collect();
    let rest = rest.to_ascii_lowercase();
    let Some(scheme) = ["https://", "http://"].iter().find(|s| rest.starts_with(*s)) else {
        return 0;
    };
    let mut len = chars.iter().skip(i).take_while(|c| !"<>\"'`\\".contains(**c)).count();
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
pub(super) fn escape(word: &str, at_start: bool, autolink: bool) -> String {
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
    let alnum = |k: Option<usize>| k.and_then(|k| chars.get(k)).is_some_and(|c| c.is_alphanumeric());
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
