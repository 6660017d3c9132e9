//! Tokenizing AWS documentation HTML: tags, attributes, entities, stray characters.

/// Where root-relative links in AWS documentation point.
pub(super) const AWS_DOCS_ORIGIN: &str = "https://docs.aws.amazon.com";
pub(super) const KNOWN_TAGS: &str = "a abbr article b blockquote body br caption center cite code dd del \
    dfn div dl dt em figure footer fullname h1 h2 h3 h4 h5 h6 header hr html i important img ins \
    kbd li note ol p para pre q s samp section small span strong sub sup table tbody td tfoot th \
    thead title tr tt u ul var warning";
pub(super) const BLOCK_TAGS: &str = "p div section blockquote table thead tbody tfoot tr fullname title \
    header footer article figure caption hr body html br dl dd para center";
/// Longest tag or comment recognized.
pub(super) const MAX_TAG: usize = 4096;
/// Deepest indentation of a nested list.
pub(super) const MAX_INDENT: usize = 40;
pub(super) const CODE_TAGS: &str = "code tt kbd samp";
pub(super) const HEADING_TAGS: &str = "dt h1 h2 h3 h4 h5 h6";
pub(super) const NOTE_TAGS: &str = "note important warning";
pub(super) const ENTITIES: &str = "lt=< gt=> amp=& quot=\" apos=' ndash=– mdash=— hellip=… lsquo=‘ \
    rsquo=’ ldquo=“ rdquo=” copy=© reg=® trade=™ times=× bull=• rarr=→ larr=←";

pub(super) fn is(list: &str, name: &str) -> bool {
    list.split_whitespace().any(|t| t == name)
}

#[derive(Debug, PartialEq)]
pub(super) enum Token {
    Text(String),
    Start(String, Option<String>),
    End(String),
}

/// Drops characters that must not reach a doc comment; other controls become spaces.
pub(super) fn clean(c: char) -> Option<char> {
    match c {
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{FEFF}' => None,
        '\n' | '\t' => Some(c),
        '\r' | '\u{2028}' | '\u{2029}' => Some('\n'),
        c if c.is_control() => Some(' '),
        c => Some(c),
    }
}

/// Decodes entities; an `&` that starts no known entity stays as it is.
pub(super) fn decode(chars: &[char]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        i += 1;
        if c != '&' {
            out.extend(clean(c));
            continue;
        }
        let body: String = chars.iter().skip(i).take(12).take_while(|c| **c != ';').collect();
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
pub(super) fn href(attrs: &str) -> Option<String> {
    let lower = attrs.to_ascii_lowercase();
    let after_space = |p: &usize| lower.get(..*p).is_some_and(|b| b.ends_with(char::is_whitespace));
    let pos = lower.match_indices("href").map(|(p, _)| p).find(after_space)?;
    let rest = attrs.get(pos + 4..)?.trim_start().strip_prefix('=')?.trim_start();
    let value = match rest.chars().next() {
        Some(q @ ('"' | '\'')) => rest.get(1..)?.split(q).next(),
        _ => rest.split(char::is_whitespace).next(),
    };
    Some(decode(&value?.chars().collect::<Vec<_>>()))
}

/// Parses a tag at `chars[i] == '<'` into (token, self-closing, next index);
/// the token is None for comments and declarations. None: this `<` is text.
pub(super) fn tag(chars: &[char], i: usize) -> Option<(Option<Token>, bool, usize)> {
    // Past MAX_TAG characters `<` is text: keeps scanning linear on hostile input.
    let chars = chars.get(..chars.len().min(i + MAX_TAG)).unwrap_or(chars);
    let at = |k: usize| chars.get(k).copied();
    let find = |from: usize, pat: &[char]| (from..chars.len()).find(|&k| chars.get(k..k + pat.len()) == Some(pat));
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
pub(super) fn tokenize(input: &str) -> Vec<Token> {
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
