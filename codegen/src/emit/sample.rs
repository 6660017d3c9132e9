//! A string that matches a `@pattern`, built by walking the expression's simple constructs:
//! literal characters, escapes, character classes (one allowed character, or a readable word
//! made only of allowed characters when repeated), groups, alternatives (the first that gives
//! a non-empty string) and quantifiers (their minimum, at least once for `+` and `*`).
//!
//! The result is only a candidate: the caller checks it against the real regular expression,
//! so a construct read wrongly here gives a rejected candidate, never a wrong example.
//! Anything else (look-arounds, back-references, Unicode escapes) gives `None`.

/// Words tried, in order, for a repeated character class: the first made only of characters
/// the class allows is used. They read as an id, a region and an account in an ARN.
const WORDS: [&str; 4] = ["abcdABCD1234", "us-west-2", "123456789012", "example"];

/// Single characters tried, in order, for a character class used once.
const PREFERRED: &str = "aA1-_.:/";

/// A string matching `pattern`, if its constructs are all simple enough.
pub fn sample(pattern: &str) -> Option<String> {
    let chars: Vec<char> = pattern.chars().collect();
    alternatives(&chars)
}

/// The first alternative (split at top-level `|`) that gives a non-empty string, else the first.
fn alternatives(chars: &[char]) -> Option<String> {
    let mut found: Option<String> = None;
    for part in split_alternatives(chars) {
        let Some(text) = sequence(part) else { continue };
        if !text.is_empty() {
            return Some(text);
        }
        found.get_or_insert(text);
    }
    found
}

fn split_alternatives(chars: &[char]) -> Vec<&[char]> {
    let (mut parts, mut start, mut depth, mut in_class, mut i) = (Vec::new(), 0, 0usize, false, 0);
    while let Some(&c) = chars.get(i) {
        match c {
            '\\' => i += 1,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => depth = depth.saturating_sub(1),
            '|' if !in_class && depth == 0 => {
                parts.push(chars.get(start..i).unwrap_or_default());
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    parts.push(chars.get(start..).unwrap_or_default());
    parts
}

/// One atom of a sequence: what it gives once, and what it gives repeated (for `+`, `*`).
struct Atom {
    once: String,
    repeated: String,
}

fn sequence(chars: &[char]) -> Option<String> {
    let mut out = String::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        i += 1;
        let atom = match c {
            '^' | '$' => continue,
            '\\' => {
                let escaped = *chars.get(i)?;
                i += 1;
                escape_atom(escaped)?
            }
            '[' => {
                let end = class_end(chars, i)?;
                let class = chars.get(i..end)?;
                i = end + 1;
                class_atom(class)?
            }
            '(' => {
                let end = group_end(chars, i)?;
                let inner = chars.get(i..end)?;
                i = end + 1;
                let inner = match inner {
                    ['?', ':', rest @ ..] => rest,
                    ['?', ..] => return None,
                    _ => inner,
                };
                let once = alternatives(inner)?;
                Atom {
                    repeated: once.clone(),
                    once,
                }
            }
            '.' => word_atom(|c| c != '\n'),
            '*' | '+' | '?' | '{' | ')' | ']' | '|' => return None,
            literal => Atom {
                once: literal.to_string(),
                repeated: literal.to_string(),
            },
        };
        match chars.get(i) {
            Some('?') => i += 1,
            Some('*' | '+') => {
                i += 1;
                out.push_str(&atom.repeated);
            }
            Some('{') => {
                let end = i + chars.get(i..)?.iter().position(|&c| c == '}')?;
                let body: String = chars.get(i + 1..end)?.iter().collect();
                let min: usize = body.split(',').next()?.trim().parse().ok()?;
                i = end + 1;
                out.push_str(&atom.once.repeat(min.min(64)));
            }
            _ => out.push_str(&atom.once),
        }
        if chars.get(i) == Some(&'?') {
            i += 1; // a lazy quantifier matches the same strings
        }
    }
    Some(out)
}

fn escape_atom(c: char) -> Option<Atom> {
    Some(match c {
        'd' => word_atom(|c| c.is_ascii_digit()),
        'w' => word_atom(|c| c.is_ascii_alphanumeric() || c == '_'),
        's' => word_atom(|c| c == ' '),
        'n' => literal_atom('\n'),
        't' => literal_atom('\t'),
        c if c.is_ascii_alphanumeric() => return None,
        c => literal_atom(c),
    })
}

fn literal_atom(c: char) -> Atom {
    Atom {
        once: c.to_string(),
        repeated: c.to_string(),
    }
}

/// An atom for a set of characters: one preferred character, or a word when repeated.
fn word_atom(allowed: impl Fn(char) -> bool) -> Atom {
    let single = PREFERRED
        .chars()
        .chain((0x21u8..0x7f).map(char::from))
        .chain([' '])
        .find(|&c| allowed(c));
    let once = single.map(String::from).unwrap_or_default();
    let repeated = WORDS
        .iter()
        .find(|w| w.chars().all(&allowed))
        .map_or_else(|| once.clone(), |w| (*w).to_string());
    Atom { once, repeated }
}

/// The index of the `]` closing a class whose content starts at `start`.
fn class_end(chars: &[char], start: usize) -> Option<usize> {
    let mut i = start;
    if chars.get(i) == Some(&'^') {
        i += 1;
    }
    if chars.get(i) == Some(&']') {
        i += 1; // `[]...]`: ECMA reads `[]` as an empty class; let the final check decide
    }
    while let Some(&c) = chars.get(i) {
        match c {
            '\\' => i += 2,
            ']' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// The index of the `)` closing a group whose content starts at `start`.
fn group_end(chars: &[char], start: usize) -> Option<usize> {
    let (mut depth, mut in_class, mut i) = (0usize, false, start);
    while let Some(&c) = chars.get(i) {
        match c {
            '\\' => i += 1,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class && depth == 0 => return Some(i),
            ')' if !in_class => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    None
}

/// A class's content (between `[` and `]`) as an atom.
fn class_atom(class: &[char]) -> Option<Atom> {
    let (negated, class) = match class {
        ['^', rest @ ..] => (true, rest),
        _ => (false, class),
    };
    let mut ranges: Vec<(char, char)> = Vec::new();
    let mut i = 0;
    while let Some(&c) = class.get(i) {
        i += 1;
        let low = if c == '\\' {
            let escaped = *class.get(i)?;
            i += 1;
            match escaped {
                'd' => {
                    ranges.push(('0', '9'));
                    continue;
                }
                'w' => {
                    ranges.extend([('a', 'z'), ('A', 'Z'), ('0', '9'), ('_', '_')]);
                    continue;
                }
                's' => {
                    ranges.push((' ', ' '));
                    continue;
                }
                c if c.is_ascii_alphanumeric() => return None,
                c => c,
            }
        } else {
            c
        };
        match (class.get(i), class.get(i + 1)) {
            (Some('-'), Some(&high)) if high != '\\' => {
                i += 2;
                ranges.push((low, high));
            }
            _ => ranges.push((low, low)),
        }
    }
    let inside = move |c: char| ranges.iter().any(|&(low, high)| low <= c && c <= high);
    Some(word_atom(move |c| inside(c) != negated))
}

#[cfg(test)]
mod tests {
    use super::sample;

    #[test]
    fn samples_match_the_ivs_patterns() {
        let table = [
            (
                "^arn:aws:ivs:[a-z0-9-]+:[0-9]+:channel/[a-zA-Z0-9-]+$",
                "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCD1234",
            ),
            (
                "^$|^arn:aws:ivs:[a-z0-9-]+:[0-9]+:recording-configuration/[a-zA-Z0-9-]+$",
                "arn:aws:ivs:us-west-2:123456789012:recording-configuration/abcdABCD1234",
            ),
            (
                "^arn:aws:ivs:[a-z0-9-]+:[0-9]+:[a-z-]/[a-zA-Z0-9-]+$",
                "arn:aws:ivs:us-west-2:123456789012:a/abcdABCD1234",
            ),
            ("^[a-zA-Z0-9-_]*$", "abcdABCD1234"),
            ("^[a-zA-Z0-9+/=_-]*$", "abcdABCD1234"),
            ("^[a-z0-9-.]+$", "us-west-2"),
            ("^st-[a-zA-Z0-9]+$", "st-abcdABCD1234"),
            ("^\\d{3}(?:-x)?[^a-z]$", "111A"),
            ("^(ab|cd)+\\.$", "ab."),
        ];
        for (pattern, expected) in table {
            let got = sample(pattern);
            assert_eq!(got.as_deref(), Some(expected), "{pattern}");
            let matches = smithy_runtime::Pattern::matches(pattern, expected);
            assert_eq!(matches, Ok(true), "{pattern}");
        }
    }

    #[test]
    fn unsupported_constructs_give_none_and_never_panic() {
        for pattern in ["(?=a)b", "\\p{L}+", "a{", "[abc", "(ab", "\\", "*a", "\\1"] {
            assert_eq!(sample(pattern), None, "{pattern}");
        }
    }
}
