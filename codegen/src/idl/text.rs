//! String literals, text blocks and numbers of the IDL, as the spec defines them.

use serde_json::Value;

/// The length of the number at the start of `text` (JSON's number grammar), or why it is not one.
pub fn number_length(text: &str) -> Result<usize, String> {
    let bytes = text.as_bytes();
    let digits = |from: usize| bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let mut i = 0;
    if bytes.first() == Some(&b'-') {
        i = 1;
    }
    let int = digits(i);
    if int == 0 {
        return Err(format!("bad number '{}': '-' must be followed by a digit", &text[..i]));
    }
    // A leading zero stands alone (`01` is `0` then `1`).
    i += if bytes[i] == b'0' { 1 } else { int };
    if bytes.get(i) == Some(&b'.') {
        let frac = digits(i + 1);
        if frac == 0 {
            return Err(format!("bad number '{}': '.' must be followed by a digit", &text[..=i]));
        }
        i += 1 + frac;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(bytes.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let exp = digits(j);
        if exp == 0 {
            return Err(format!(
                "bad number '{}': 'e', '+' and '-' must be followed by a digit",
                &text[..j]
            ));
        }
        i = j + exp;
    }
    Ok(i)
}

/// A number literal as a JSON value, the way `serde_json` reads the same text: integers as
/// `i64`/`u64` when they fit, otherwise `f64`. A number beyond `f64`'s range (a `bigDecimal`
/// trait value like `1e400`) cannot be a `serde_json::Number`, so it is kept as the string of
/// its normalized literal (see [`big_number`]); both loaders do this, so models still compare.
pub fn number_value(literal: &str) -> Value {
    let integral = !literal.contains(['.', 'e', 'E']);
    if integral {
        if let Ok(n) = literal.parse::<u64>() {
            return Value::from(n);
        }
        if let Ok(n) = literal.parse::<i64>() {
            return Value::from(n);
        }
    }
    match literal.parse::<f64>() {
        Ok(f) if f.is_finite() => serde_json::Number::from_f64(f).map_or_else(|| big_number(literal), Value::Number),
        _ => big_number(literal),
    }
}

/// The string kept for a number `f64` cannot hold: the literal with `E` upper-case and the
/// exponent's sign explicit, so `2e+308` and `2E308` are the same value.
pub fn big_number(literal: &str) -> Value {
    let normalized = match literal.find(['e', 'E']) {
        Some(at) => {
            let (mantissa, exponent) = (&literal[..at], &literal[at + 1..]);
            let exponent = if exponent.starts_with(['+', '-']) {
                exponent.to_string()
            } else {
                format!("+{exponent}")
            };
            format!("{mantissa}E{exponent}")
        }
        None => literal.to_string(),
    };
    Value::String(normalized)
}

/// Decodes the escapes of a quoted string's content; `\r\n` becomes `\n`.
pub fn unescape(raw: &str) -> Result<String, String> {
    // Most strings have nothing to decode: one copy.
    if !raw.contains(['\\', '\r']) {
        return Ok(raw.to_string());
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\\' => match chars.next() {
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                Some('/') => out.push('/'),
                Some('b') => out.push('\u{8}'),
                Some('f') => out.push('\u{c}'),
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some('t') => out.push('\t'),
                // A backslash before a line break joins the lines.
                Some('\n') => {}
                Some('\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                }
                Some('u') => {
                    let first = hex4(&mut chars)?;
                    let code = if (0xD800..0xDC00).contains(&first) {
                        // A surrogate pair is written as two escapes.
                        let second = match (chars.next(), chars.next()) {
                            (Some('\\'), Some('u')) => hex4(&mut chars)?,
                            _ => return Err("unpaired surrogate in a unicode escape".to_string()),
                        };
                        if !(0xDC00..0xE000).contains(&second) {
                            return Err("unpaired surrogate in a unicode escape".to_string());
                        }
                        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    } else {
                        first
                    };
                    out.push(char::from_u32(code).ok_or("unpaired surrogate in a unicode escape")?);
                }
                Some(other) => return Err(format!("invalid escape `\\{other}`")),
                None => return Err("unfinished escape".to_string()),
            },
            other => out.push(other),
        }
    }
    Ok(out)
}

fn hex4(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Result<u32, String> {
    let mut code = 0;
    for _ in 0..4 {
        match chars.next() {
            Some(c) if c.is_ascii_hexdigit() => code = code * 16 + c.to_digit(16).unwrap_or(0),
            Some(c) => return Err(format!("invalid character `{c}` in a unicode escape")),
            None => return Err("unclosed unicode escape".to_string()),
        }
    }
    Ok(code)
}

/// A text block's value from the text between its `"""`s: the opening line break dropped,
/// incidental indentation and trailing spaces removed (as the spec's algorithm says), then
/// escapes decoded.
pub fn text_block(raw: &str) -> Result<String, String> {
    if raw.is_empty() {
        return Err("the text block is empty".to_string());
    }
    let raw = raw.replace("\r\n", "\n");
    let after_spaces = raw.trim_start_matches([' ', '\t']);
    let Some(content) = after_spaces.strip_prefix('\n') else {
        return Err("a text block must start with a line break after `\"\"\"`".to_string());
    };
    let lines: Vec<&str> = content.split('\n').collect();
    let last = lines.len() - 1;
    let indent = lines
        .iter()
        .enumerate()
        .filter(|(i, line)| *i == last || !line.trim().is_empty())
        .map(|(_, line)| line.len() - line.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let mut joined = String::with_capacity(content.len());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            joined.push('\n');
        }
        let stripped = line.get(indent..).unwrap_or("");
        joined.push_str(stripped.trim_end_matches(' '));
    }
    unescape(&joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_like_serde_json() {
        assert_eq!(number_value("10"), serde_json::json!(10));
        assert_eq!(number_value("-3"), serde_json::json!(-3));
        assert_eq!(number_value("1.5"), serde_json::json!(1.5));
        assert_eq!(
            number_value("9223372036854775808"),
            serde_json::json!(9223372036854775808u64)
        );
        assert_eq!(number_value("2e+308"), Value::String("2E+308".into()));
        assert_eq!(number_value("2E308"), Value::String("2E+308".into()));
        assert_eq!(number_length("1.0e+5x"), Ok(6));
        assert!(number_length("1.").is_err());
        assert!(number_length("-").is_err());
    }

    #[test]
    fn text_blocks_lose_incidental_indentation() {
        assert_eq!(
            text_block("\n    Foo\n        Baz\n\n  \n    Bar\n    ").unwrap(),
            "Foo\n    Baz\n\n\nBar\n"
        );
        assert_eq!(text_block("\n    a \\\n    b").unwrap(), "a b");
        assert!(text_block("").is_err());
        assert!(text_block("foo").is_err());
    }

    #[test]
    fn escapes_decode() {
        assert_eq!(unescape(r#"a\"b\\c\u00e9\ud83d\ude00"#).unwrap(), "a\"b\\cé😀");
        assert!(unescape(r"\'").is_err());
        assert!(unescape(r"\u12").is_err());
    }
}
