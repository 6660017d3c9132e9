//! ECMA-262 patterns that a linear-time engine can run, rewritten for it.
//!
//! [`regress`] backtracks: a pattern such as `^([0-9]+)+$` (Smithy's compliance suite has it)
//! takes exponential time on `000…0!`, so one request could hold a server thread for ever.
//! Most model patterns use only regular constructs (literals, classes, groups, alternation,
//! quantifiers, `^`/`$`), for which a finite-automaton engine gives the same answer to "is
//! there a match?" in `O(pattern × value)` time. This module rewrites such a pattern into
//! [`regex_lite`]'s syntax, spelling out what ECMA-262 means where the two differ (`\d`, `\w`,
//! `\s` and `.` are written as explicit classes; every other character as `\x{…}`), and
//! returns `None` for anything else (lookaround, backreferences, word boundaries, Annex B
//! oddities), which then stays with [`regress`].
//!
//! Both engines read a `&str` code point by code point, so the translation keeps the meaning.

/// ECMA-262 `\s`: WhiteSpace and LineTerminator.
const SPACE: &str = r"\x{9}-\x{D}\x{20}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}";
/// ECMA-262 `\d`.
const DIGIT: &str = r"0-9";
/// ECMA-262 `\w`.
const WORD: &str = r"0-9A-Za-z_";
/// ECMA-262 `.` without the `s` flag: anything but a line terminator.
const DOT: &str = r"[^\x{A}\x{D}\x{2028}\x{2029}]";

/// `source` in `regex_lite` syntax, or `None` when it uses something only a backtracking
/// engine (or an exact ECMA-262 reading) can run.
pub(super) fn translate(source: &str) -> Option<String> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len() * 2);
    let mut i = 0;
    // Whether the last item can take a quantifier (not after `(`, `|`, `^` or a quantifier).
    let mut quantifiable = false;
    while let Some(&c) = chars.get(i) {
        i += 1;
        match c {
            '^' | '$' => {
                out.push(c);
                quantifiable = false;
            }
            '|' => {
                out.push('|');
                quantifiable = false;
            }
            '(' => {
                // Only plain and non-capturing groups: no lookaround, no named groups.
                if chars.get(i) == Some(&'?') {
                    if chars.get(i + 1) != Some(&':') {
                        return None;
                    }
                    i += 2;
                }
                out.push_str("(?:");
                quantifiable = false;
            }
            ')' => {
                out.push(')');
                quantifiable = true;
            }
            '*' | '+' | '?' => {
                if !quantifiable {
                    return None;
                }
                out.push(c);
                i += lazy_suffix(&chars, i, &mut out);
                quantifiable = false;
            }
            '{' => {
                if !quantifiable {
                    return None;
                }
                // Only a well-formed `{n}`, `{n,}` or `{n,m}`; Annex B reads anything else
                // as a literal `{`, which is left to regress.
                let (text, used) = repetition(chars.get(i..)?)?;
                out.push_str(&text);
                i += used;
                i += lazy_suffix(&chars, i, &mut out);
                quantifiable = false;
            }
            '.' => {
                out.push_str(DOT);
                quantifiable = true;
            }
            '[' => {
                let used = class(chars.get(i..)?, &mut out)?;
                i += used;
                quantifiable = true;
            }
            '\\' => {
                let escape = *chars.get(i)?;
                i += 1;
                match escape {
                    'd' => out.push_str(&format!("[{DIGIT}]")),
                    'D' => out.push_str(&format!("[^{DIGIT}]")),
                    'w' => out.push_str(&format!("[{WORD}]")),
                    'W' => out.push_str(&format!("[^{WORD}]")),
                    's' => out.push_str(&format!("[{SPACE}]")),
                    'S' => out.push_str(&format!("[^{SPACE}]")),
                    _ => {
                        let (ch, used) = escaped_char(escape, chars.get(i..)?)?;
                        i += used;
                        push_literal(&mut out, ch);
                    }
                }
                quantifiable = true;
            }
            ']' | '}' => return None,
            c => {
                push_literal(&mut out, c);
                quantifiable = true;
            }
        }
    }
    Some(out)
}

/// Copies a `?` that makes the quantifier just written lazy; how many characters it used.
fn lazy_suffix(chars: &[char], at: usize, out: &mut String) -> usize {
    if chars.get(at) == Some(&'?') {
        out.push('?');
        1
    } else {
        0
    }
}

/// `{n}`, `{n,}` or `{n,m}` (after the `{`): the text to write and how many characters it used.
fn repetition(rest: &[char]) -> Option<(String, usize)> {
    let end = rest.iter().position(|&c| c == '}')?;
    let inner: String = rest.get(..end)?.iter().collect();
    let (min, max) = match inner.split_once(',') {
        Some((min, max)) => (min, Some(max)),
        None => (inner.as_str(), None),
    };
    let number = |text: &str| !text.is_empty() && text.len() <= 4 && text.chars().all(|c| c.is_ascii_digit());
    if !number(min) || max.is_some_and(|max| !max.is_empty() && !number(max)) {
        return None;
    }
    Some((format!("{{{inner}}}"), end + 1))
}

/// A character class (after the `[`), written to `out`; how many characters it used.
fn class(rest: &[char], out: &mut String) -> Option<usize> {
    let mut i = 0;
    out.push('[');
    if rest.first() == Some(&'^') {
        out.push('^');
        i += 1;
    }
    // `[]` and `[^]` mean "nothing" and "anything" in ECMA-262: left to regress.
    if rest.get(i) == Some(&']') {
        return None;
    }
    let mut items = 0;
    loop {
        let c = *rest.get(i)?;
        i += 1;
        let ch = match c {
            ']' => break,
            '\\' => {
                let escape = *rest.get(i)?;
                i += 1;
                match escape {
                    'd' => {
                        out.push_str(DIGIT);
                        items += 1;
                        continue;
                    }
                    'w' => {
                        out.push_str(WORD);
                        items += 1;
                        continue;
                    }
                    's' => {
                        out.push_str(SPACE);
                        items += 1;
                        continue;
                    }
                    // `\b` is a backspace in a class; negated shorthands need set algebra.
                    'b' | 'D' | 'W' | 'S' => return None,
                    _ => {
                        let (ch, used) = escaped_char(escape, rest.get(i..)?)?;
                        i += used;
                        ch
                    }
                }
            }
            c => c,
        };
        // A range `a-z`, unless the `-` is the last character of the class.
        if rest.get(i) == Some(&'-') && rest.get(i + 1).is_some_and(|&next| next != ']') {
            let end = match *rest.get(i + 1)? {
                '\\' => {
                    let escape = *rest.get(i + 2)?;
                    let (end, used) = escaped_char(escape, rest.get(i + 3..)?)?;
                    i += 3 + used;
                    end
                }
                '[' => return None,
                end => {
                    i += 2;
                    end
                }
            };
            if end < ch {
                return None;
            }
            push_literal(out, ch);
            out.push('-');
            push_literal(out, end);
        } else {
            push_literal(out, ch);
        }
        items += 1;
    }
    if items == 0 {
        return None;
    }
    out.push(']');
    Some(i)
}

/// The character an escape `\<escape>…` stands for, and how many characters after `escape`
/// it used; `None` for escapes that are not one character (backreferences, `\b`, `\cX`,
/// `\0`, Unicode properties) or that ECMA-262 reads in ways best left to regress.
fn escaped_char(escape: char, rest: &[char]) -> Option<(char, usize)> {
    match escape {
        't' => Some(('\t', 0)),
        'n' => Some(('\n', 0)),
        'r' => Some(('\r', 0)),
        'f' => Some(('\u{c}', 0)),
        'v' => Some(('\u{b}', 0)),
        'x' => hex(rest, 2).map(|c| (c, 2)),
        'u' => hex(rest, 4).map(|c| (c, 4)),
        c if c.is_ascii_punctuation() => Some((c, 0)),
        _ => None,
    }
}

/// `digits` hex digits at the start of `rest` as a character (not a lone surrogate).
fn hex(rest: &[char], digits: usize) -> Option<char> {
    let text: String = rest.get(..digits)?.iter().collect();
    if !text.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    char::from_u32(u32::from_str_radix(&text, 16).ok()?)
}

/// One literal character: ASCII letters and digits as they are, anything else as `\x{…}`,
/// which means the character itself in and out of classes.
fn push_literal(out: &mut String, c: char) {
    if c.is_ascii_alphanumeric() {
        out.push(c);
    } else {
        out.push_str(&format!("\\x{{{:X}}}", u32::from(c)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `source` (translated) finds a match in `value`, as regex_lite runs it.
    fn lite(source: &str, value: &str) -> bool {
        let translated = translate(source).unwrap_or_else(|| panic!("{source} is not translated"));
        regex_lite::Regex::new(&translated)
            .unwrap_or_else(|e| panic!("{source} -> {translated}: {e}"))
            .is_match(value)
    }

    /// What regress, the reference, says.
    fn ecma(source: &str, value: &str) -> bool {
        regress::Regex::new(source).unwrap().find(value).is_some()
    }

    #[test]
    fn regular_patterns_agree_with_regress() {
        let patterns = [
            "^[a-zA-Z0-9-_]*$",
            "^arn:aws:ivs:[a-z0-9-]+:[0-9]+:[a-z-]+/[a-zA-Z0-9-]+$",
            "^[a-m]+$",
            "^([0-9]+)+$",
            r"^\d{3,5}$",
            r"^\w+@\w+\.com$",
            r"^\s*$",
            r"\S",
            r"^\D\W$",
            "^.{2}$",
            "^(?:ab|cd)*?e$",
            "[a-z]",
            r"^[\d.-]+$",
            r"^[\]\\]$",
            "^[^a-c]+$",
            r"^\u00e9\x41$",
            "^a{2,}$",
            "^(a|b)?c$",
            "^[-a]$",
            "^[a-]$",
            "^é+$",
        ];
        let values = [
            "",
            "a",
            "abc",
            "ABC",
            "xyz",
            "123",
            "12345",
            "123456",
            "a-b_c",
            "0000!",
            "foo@bar.com",
            " \t",
            "\u{a0}",
            "é",
            "éé",
            "\u{1F44D}",
            "ababe",
            "e",
            "cde",
            "bc",
            "c",
            "-",
            "]",
            "\\",
            "aa",
            "a.b",
            "line\nbreak",
            "1.2-3",
            "Aa",
            "x\u{2028}",
            "arn:aws:ivs:us-west-2:123456789012:channel/AbCdEfGhIjKl",
        ];
        for pattern in patterns {
            for value in values {
                assert_eq!(lite(pattern, value), ecma(pattern, value), "{pattern:?} on {value:?}");
            }
        }
    }

    #[test]
    fn what_only_a_backtracking_engine_runs_is_left_to_regress() {
        for source in [
            r"^(?=.*\d)[a-z\d]{3,}$",
            r"(a)\1",
            r"\bword\b",
            "(?<name>a)",
            "a{",
            "a{,3}",
            "[]",
            "[^]",
            r"[\D]",
            r"\p{L}",
            r"\cA",
            "*a",
        ] {
            assert_eq!(translate(source), None, "{source}");
        }
    }

    #[test]
    fn the_suites_redos_pattern_answers_at_once() {
        let evil = format!("{}!", "0".repeat(5_000));
        let started = std::time::Instant::now();
        assert!(!lite("^([0-9]+)+$", &evil));
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    }
}
