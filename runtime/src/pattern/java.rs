//! Java regular-expression syntax that AWS models use, rewritten into ECMA-262.
//!
//! Smithy says `@pattern` is ECMA-262, but AWS services validate with Java's engine, and
//! some published models use constructs only Java accepts. A user cannot fix AWS's model, so
//! a pattern the ECMA-262 engine refuses is read as Java and rewritten here into an
//! expression that accepts exactly the same strings:
//!
//! | Java | ECMA-262 |
//! | --- | --- |
//! | `(?s)rest`: inline flags `i`, `m`, `s` (and `-` to turn off) | `(?s:rest)`, a modifier group over the rest of the enclosing group, reopened after each `\|` |
//! | `X?+`, `X*+`, `X++`, `X{n,m}+`: possessive | `(?=(?<javaAtomicN>X?))\k<javaAtomicN>`: an atomic group, from a lookahead and a backreference |
//! | `(?>X)`: atomic group | the same construction |
//! | `X{11}{0,1011}`: a quantifier on a quantified atom | `(?:X{11}){0,1011}` |
//! | `${2,64}`: a quantifier on an assertion | `(?:$){2,64}` |
//! | `\Q...\E`: quoting | each character, escaped where it is special |
//! | `\A`, `\z`, `\Z` | `(?<![\s\S])`, `(?![\s\S])`, and the end before an optional final line terminator |
//! | `\p{Alpha}` and Java's other POSIX classes | their ASCII class (`[a-zA-Z]`), as Java defines them |
//! | `\e`, `\a`, `\v` | `\x1B`, `\x07`, Java's vertical whitespace class |
//!
//! A pattern that escapes a letter ECMA-262 has no escape for (`\p{L}`, `\Q`, `\A`) is read
//! as Java even when ECMA-262 accepts it, since ECMA-262 would read the escape as the bare
//! letter. Unicode property escapes (`\p{L}`) are kept: they are compiled in ECMA-262's
//! Unicode mode, where they mean what Java means. Anything else only Java accepts (class unions
//! `[a[b]]` and intersections `[a&&b]`, the flags `u`, `x`, `d`, `U`, `\h`, `\R`, `\X`, `\G`)
//! is refused with the reason, so the model error names it and an overlay can fix the
//! pattern. Outside the rewritten constructs the result is read as ECMA-262, like every other
//! pattern of the model.

/// How deep groups may nest before the pattern is refused (the rewrite recurses per group).
const MAX_DEPTH: usize = 200;

/// The ECMA-262 equivalent of a Java pattern, or why it has none here.
pub(super) fn to_ecma(source: &str) -> Result<String, String> {
    let mut rewrite = Rewrite {
        chars: source.chars().collect(),
        pos: 0,
        atomics: 0,
    };
    let out = rewrite.sequence(0)?;
    match rewrite.peek() {
        None => Ok(out),
        Some(_) => Err(format!("unmatched `)` at character {}", rewrite.pos)),
    }
}

/// Whether the pattern is plainly written for Java: it escapes a letter that ECMA-262 has
/// no escape for (`\p{L}`, `\Q`, `\A`, `\z`...). ECMA-262 outside Unicode mode reads such an
/// escape as the letter itself (`\p{L}` as the text `p{L}`), which is never what the model
/// means, so these patterns are read as Java even though ECMA-262 accepts them.
pub(super) fn written_for_java(source: &str) -> bool {
    let mut chars = source.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(c) if c.is_ascii_alphabetic() && !"dDwWsSbBnrtfvcxuk".contains(c) => return true,
                _ => {}
            }
        }
    }
    false
}

/// Whether the pattern uses Unicode property escapes (`\p{..}`, `\P{..}`), which ECMA-262
/// only understands in Unicode mode.
pub(super) fn uses_property_escapes(source: &str) -> bool {
    let mut chars = source.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('p' | 'P') if chars.clone().next() == Some('{') => return true,
                _ => {}
            }
        }
    }
    false
}

struct Rewrite {
    chars: Vec<char>,
    pos: usize,
    atomics: usize,
}

/// The last atom written to the output: where it starts and what follows it may need.
#[derive(Clone, Copy)]
struct Atom {
    start: usize,
    quantified: bool,
    assertion: bool,
}

impl Rewrite {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek();
        self.pos += usize::from(c.is_some());
        c
    }

    fn eat(&mut self, text: &str) -> bool {
        let len = text.chars().count();
        if self
            .chars
            .get(self.pos..self.pos + len)
            .is_some_and(|s| s.iter().copied().eq(text.chars()))
        {
            self.pos += len;
            true
        } else {
            false
        }
    }

    /// A disjunction up to the `)` that closes the current group (not consumed) or the end.
    fn sequence(&mut self, depth: usize) -> Result<String, String> {
        if depth > MAX_DEPTH {
            return Err(format!("groups nest more than {MAX_DEPTH} deep"));
        }
        let mut out = String::new();
        let mut scopes: Vec<String> = Vec::new();
        let mut last: Option<Atom> = None;
        while let Some(c) = self.peek() {
            let start = out.len();
            match c {
                ')' => break,
                '|' => {
                    self.pos += 1;
                    out.push_str(&")".repeat(scopes.len()));
                    out.push('|');
                    scopes.iter().for_each(|s| out.push_str(s));
                    last = None;
                    continue;
                }
                '*' | '+' | '?' | '{' => {
                    let quantifier = self.quantifier()?;
                    let Some(atom) = last.as_mut() else {
                        return Err(format!("nothing to repeat before `{quantifier}`"));
                    };
                    self.quantify(&mut out, atom, &quantifier);
                    continue;
                }
                '(' => {
                    self.pos += 1;
                    if let Some(scope) = self.group(&mut out, depth)? {
                        scopes.push(scope);
                        last = None;
                        continue;
                    }
                }
                '[' => {
                    self.pos += 1;
                    self.class(&mut out)?;
                }
                '\\' => {
                    self.pos += 1;
                    if self.escape(&mut out, &mut last)? {
                        continue;
                    }
                }
                '^' | '$' | '.' => {
                    self.pos += 1;
                    out.push(c);
                }
                _ => {
                    self.pos += 1;
                    push_literal(&mut out, c);
                }
            }
            let assertion = matches!(&out[start..], "^" | "$" | "\\b" | "\\B")
                || out[start..].starts_with("(?=")
                || out[start..].starts_with("(?!")
                || out[start..].starts_with("(?<=")
                || out[start..].starts_with("(?<!");
            last = Some(Atom {
                start,
                quantified: false,
                assertion,
            });
        }
        out.push_str(&")".repeat(scopes.len()));
        Ok(out)
    }

    /// Writes `quantifier` after the atom, rewriting the forms only Java accepts.
    fn quantify(&mut self, out: &mut String, atom: &mut Atom, quantifier: &str) {
        if atom.quantified || atom.assertion {
            out.insert_str(atom.start, "(?:");
            out.push(')');
        }
        if let Some(greedy) = quantifier.strip_suffix('+').filter(|q| !q.is_empty()) {
            let inner = out.split_off(atom.start);
            let name = format!("javaAtomic{}", self.atomics);
            self.atomics += 1;
            out.push_str(&format!("(?=(?<{name}>{inner}{greedy}))\\k<{name}>"));
        } else {
            out.push_str(quantifier);
        }
        atom.quantified = true;
        atom.assertion = false;
    }

    /// `*`, `+`, `?` or `{n}`, `{n,}`, `{n,m}`, with a lazy `?` or possessive `+` suffix.
    fn quantifier(&mut self) -> Result<String, String> {
        let mut q = String::new();
        match self.next() {
            Some('{') => {
                q.push('{');
                let mut digits = 0;
                while let Some(c) = self.peek().filter(|c| c.is_ascii_digit() || *c == ',') {
                    digits += usize::from(c.is_ascii_digit());
                    q.push(c);
                    self.pos += 1;
                }
                if digits == 0 || q.starts_with("{,") || q.matches(',').count() > 1 || self.next() != Some('}') {
                    return Err(format!("`{q}` does not start a repetition (Java refuses it)"));
                }
                q.push('}');
            }
            Some(c) => q.push(c),
            None => return Err("a quantifier was expected".to_string()),
        }
        if let Some(c @ ('?' | '+')) = self.peek() {
            self.pos += 1;
            q.push(c);
        }
        Ok(q)
    }

    /// A group after its `(`: written to `out`, or, for inline flags `(?s)`, the scope
    /// `(?s:` that the rest of the enclosing group takes (returned, and opened in `out`).
    fn group(&mut self, out: &mut String, depth: usize) -> Result<Option<String>, String> {
        let atomic = self.eat("?>");
        let prefix = if atomic {
            "(?:".to_string()
        } else if self.peek() != Some('?') {
            "(".to_string()
        } else if let Some(p) = ["?:", "?=", "?!", "?<=", "?<!"].into_iter().find(|p| self.eat(p)) {
            format!("({p}")
        } else if self.eat("?<") {
            let mut name = String::from("(?<");
            while let Some(c) = self.next() {
                name.push(c);
                if c == '>' {
                    break;
                }
            }
            name
        } else {
            self.pos += 1;
            let mut flags = String::new();
            loop {
                match self.next() {
                    Some(c @ ('i' | 'm' | 's' | '-')) => flags.push(c),
                    Some(')') => {
                        check_flags(&flags)?;
                        let scope = format!("(?{flags}:");
                        out.push_str(&scope);
                        return Ok(Some(scope));
                    }
                    Some(':') => {
                        check_flags(&flags)?;
                        break format!("(?{flags}:");
                    }
                    Some(c) => return Err(format!("the inline flag `{c}` has no ECMA-262 equivalent")),
                    None => return Err("unterminated group".to_string()),
                }
            }
        };
        let inner = self.sequence(depth + 1)?;
        if self.next() != Some(')') {
            return Err("unterminated group".to_string());
        }
        if atomic {
            let name = format!("javaAtomic{}", self.atomics);
            self.atomics += 1;
            out.push_str(&format!("(?=(?<{name}>{inner}))\\k<{name}>"));
        } else {
            out.push_str(&prefix);
            out.push_str(&inner);
            out.push(')');
        }
        Ok(None)
    }

    /// A character class after its `[`, copied; Java's unions and intersections are refused.
    fn class(&mut self, out: &mut String) -> Result<(), String> {
        out.push('[');
        if self.peek() == Some('^') {
            self.pos += 1;
            out.push('^');
        }
        loop {
            match self.next() {
                None => return Err("unterminated character class".to_string()),
                Some(']') => break,
                Some('[') => return Err("Java's character class union `[a[b]]` has no ECMA-262 equivalent".to_string()),
                Some('&') if self.peek() == Some('&') => {
                    return Err("Java's character class intersection `&&` has no ECMA-262 equivalent".to_string());
                }
                Some('\\') => match self.next() {
                    None => return Err("the pattern ends with `\\`".to_string()),
                    Some(letter @ ('p' | 'P')) if self.peek() == Some('{') => {
                        let negated = letter == 'P';
                        let name = self.property_name()?;
                        match posix_class(&name) {
                            Some(_) if negated => {
                                return Err(format!("`\\P{{{name}}}` inside a class has no ECMA-262 equivalent"));
                            }
                            Some(class) => out.push_str(&class[1..class.len() - 1]),
                            None => out.push_str(&format!("\\{}{{{name}}}", if negated { 'P' } else { 'p' })),
                        }
                    }
                    Some(c) => self.escaped_char(out, c, true)?,
                },
                Some(c) => out.push(c),
            }
        }
        out.push(']');
        Ok(())
    }

    /// An escape after its `\`. Returns true when it wrote nothing that a quantifier could
    /// follow as one atom (`\Q...\E` sets `last` itself).
    fn escape(&mut self, out: &mut String, last: &mut Option<Atom>) -> Result<bool, String> {
        let Some(c) = self.next() else {
            return Err("the pattern ends with `\\`".to_string());
        };
        match c {
            'Q' => {
                while self.peek().is_some() && !self.eat("\\E") {
                    let start = out.len();
                    push_literal(out, self.next().unwrap_or_default());
                    *last = Some(Atom {
                        start,
                        quantified: false,
                        assertion: false,
                    });
                }
                return Ok(true);
            }
            'A' => out.push_str("(?<![\\s\\S])"),
            'z' => out.push_str("(?![\\s\\S])"),
            'Z' => out.push_str("(?=(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])?(?![\\s\\S]))"),
            'p' | 'P' if self.peek() == Some('{') => {
                let name = self.property_name()?;
                match (posix_class(&name), c == 'P') {
                    (Some(class), false) => out.push_str(&class),
                    (Some(class), true) => out.push_str(&format!("[^{}", &class[1..])),
                    (None, _) => out.push_str(&format!("\\{c}{{{name}}}")),
                }
            }
            c => self.escaped_char(out, c, false)?,
        }
        Ok(false)
    }

    /// An escaped character other than the constructs above, inside or outside a class.
    fn escaped_char(&mut self, out: &mut String, c: char, in_class: bool) -> Result<(), String> {
        match c {
            'd' | 'D' | 'w' | 'W' | 's' | 'S' | 'n' | 't' | 'r' | 'f' | '0'..='9' => {
                out.push('\\');
                out.push(c);
            }
            'b' | 'B' if !in_class => {
                out.push('\\');
                out.push(c);
            }
            'x' | 'u' | 'c' => {
                out.push('\\');
                out.push(c);
            }
            'e' => out.push_str("\\x1B"),
            'a' => out.push_str("\\x07"),
            'v' if in_class => out.push_str("\\n\\x0B\\f\\r\\u0085\\u2028\\u2029"),
            'v' => out.push_str("[\\n\\x0B\\f\\r\\u0085\\u2028\\u2029]"),
            c if c.is_ascii_alphanumeric() => {
                return Err(format!("the escape `\\{c}` has no ECMA-262 equivalent here"));
            }
            c if in_class => push_class_literal(out, c),
            c => push_literal(out, c),
        }
        Ok(())
    }

    /// The name of `\p{name}` (after the `p`), without its braces.
    fn property_name(&mut self) -> Result<String, String> {
        self.pos += 1; // `{`
        let mut name = String::new();
        loop {
            match self.next() {
                Some('}') => return Ok(name),
                Some(c) => name.push(c),
                None => return Err("unterminated `\\p{`".to_string()),
            }
        }
    }
}

fn check_flags(flags: &str) -> Result<(), String> {
    let letters: Vec<char> = flags.chars().filter(|c| *c != '-').collect();
    let unique = letters
        .iter()
        .enumerate()
        .all(|(i, c)| !letters.iter().take(i).any(|l| l == c));
    if letters.is_empty() || !unique || flags.matches('-').count() > 1 {
        return Err(format!("the inline flags `(?{flags})` have no ECMA-262 equivalent"));
    }
    Ok(())
}

/// Java's POSIX character classes (US-ASCII only, as Java defines them by default).
fn posix_class(name: &str) -> Option<String> {
    let class = match name {
        "Lower" => "[a-z]",
        "Upper" => "[A-Z]",
        "ASCII" => "[\\x00-\\x7F]",
        "Alpha" => "[a-zA-Z]",
        "Digit" => "[0-9]",
        "Alnum" => "[a-zA-Z0-9]",
        "Punct" => "[!-\\/:-@\\[-`{-~]",
        "Graph" => "[!-~]",
        "Print" => "[ -~]",
        "Blank" => "[ \\t]",
        "Cntrl" => "[\\x00-\\x1F\\x7F]",
        "XDigit" => "[0-9a-fA-F]",
        "Space" => "[ \\t\\n\\x0B\\f\\r]",
        _ => return None,
    };
    Some(class.to_string())
}

/// A literal outside a class, escaped when ECMA-262 would read it as syntax. Other
/// characters are written bare, which both ECMA-262 modes accept.
fn push_literal(out: &mut String, c: char) {
    if "^$\\.*+?()[]{}|/".contains(c) {
        out.push('\\');
    }
    out.push(c);
}

/// A literal inside a class.
fn push_class_literal(out: &mut String, c: char) {
    if "\\]^-[/".contains(c) {
        out.push('\\');
    }
    out.push(c);
}

#[cfg(test)]
mod tests {
    use super::to_ecma;
    use crate::Pattern;

    /// Each Java-only pattern, what it accepts and what it refuses (as Java's engine does).
    #[test]
    fn java_constructs_match_as_java_does() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            // Inline flags: `.` matches line breaks after `(?s)`.
            ("^(?s).+$", &["a\nb", "x"], &[""]),
            ("^(?i)abc$", &["ABC", "aBc"], &["abd"]),
            ("^a(?i)b|c$", &["aB", "C"], &["Ab", "AB", "d"]),
            ("^(?s)", &["", "anything"], &[]),
            // Possessive quantifiers never give back what they took.
            ("^[\\/]?+[a-z]+$", &["/abc", "abc"], &["/", "//a", ""]),
            ("^a*+a$", &[], &["a", "aaa"]),
            ("^(?:ab)++$", &["ab", "abab"], &["aba", ""]),
            ("^a{1,3}+b$", &["ab", "aaab"], &["aaaab", "b"]),
            ("^(?>a|ab)c$", &["ac"], &["abc"]),
            // A quantifier on a quantified atom repeats the whole.
            (
                "^[0-9a-zA-Z]{2}{0,3}$",
                &["", "ab", "abcdef"],
                &["a", "abc", "abcdefgh"],
            ),
            // A quantifier on an assertion.
            ("^[a-z]+${2,64}", &["abc"], &["abc1", ""]),
            // Quoting, anchors and POSIX classes.
            ("^\\Q.*+\\E$", &[".*+"], &["ab", ".*++"]),
            ("^\\Qab\\E+$", &["ab", "abbb"], &["abab"]),
            ("\\Aab\\z", &["ab"], &["ab\n", "xab"]),
            ("^ab\\Z", &["ab", "ab\n", "ab\r\n"], &["ab\n\n", "abc"]),
            ("^\\p{Alpha}+\\p{Digit}$", &["ab1"], &["é1", "ab"]),
            ("^[\\p{Alnum}_]+$", &["a_1"], &["a-1"]),
            ("^\\P{Digit}$", &["a"], &["1"]),
            // Unicode properties mean what Java means.
            (
                "^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$",
                &["héllo wörld 42", "a-b@c"],
                &["a!b", "p{L}"],
            ),
            ("^\\p{ASCII}{0,4}$", &["abcd", ""], &["é", "abcde"]),
        ];
        for (source, accepted, refused) in cases {
            let pattern = Pattern::new(source);
            let rewritten = to_ecma(source);
            assert!(
                Pattern::check(source).is_ok(),
                "{source:?}: {:?} / {rewritten:?}",
                Pattern::check(source)
            );
            for value in *accepted {
                assert!(
                    pattern.is_match(value),
                    "{source:?} (as {rewritten:?}) should accept {value:?}"
                );
            }
            for value in *refused {
                assert!(
                    !pattern.is_match(value),
                    "{source:?} (as {rewritten:?}) should refuse {value:?}"
                );
            }
        }
    }

    #[test]
    fn patterns_ecma_accepts_are_read_as_ecma() {
        // ECMA-262 (Annex B) reads `\_` as `_`; the rewrite is never consulted.
        assert!(Pattern::new("^\\_$").is_match("_"));
        // ECMA-262's `$` ends the input; Java's would also allow a final newline.
        assert!(!Pattern::new("^a$").is_match("a\n"));
    }

    #[test]
    fn constructs_without_an_equivalent_are_refused_with_the_reason() {
        for (source, reason) in [
            ("^[a-z&&[^b]]+$", "intersection"),
            ("^[a[b]]+$", "union"),
            ("^(?x)a b$", "inline flag `x`"),
            ("^\\R$", "escape `\\R`"),
            ("^a{,2}+$", "does not start a repetition"),
            ("*+", "nothing to repeat"),
            ("^(?s)(a$", "unterminated group"),
        ] {
            let error = to_ecma(source).unwrap_err();
            assert!(error.contains(reason), "{source:?}: {error}");
        }
        // The model check gives both readings' reasons.
        let error = Pattern::check("^(?x)a b$").unwrap_err();
        assert!(
            error.contains("Invalid group modifier") && error.contains("read as Java: the inline flag `x`"),
            "{error}"
        );
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let source = format!("{}a{}*+", "(".repeat(100_000), ")".repeat(100_000));
        let error = to_ecma(&source).unwrap_err();
        assert!(error.contains("nest more than"), "{error}");
    }

    #[test]
    fn rewrites_read_as_expected() {
        assert_eq!(to_ecma("^(?s).+$").unwrap(), "^(?s:.+$)");
        assert_eq!(to_ecma("a{2}{0,3}").unwrap(), "(?:a{2}){0,3}");
        assert_eq!(to_ecma("${2,64}").unwrap(), "(?:$){2,64}");
        assert_eq!(to_ecma("x?+").unwrap(), "(?=(?<javaAtomic0>x?))\\k<javaAtomic0>");
        assert_eq!(to_ecma("a(?i)b|c").unwrap(), "a(?i:b)|(?i:c)");
    }
}
