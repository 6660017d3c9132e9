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
        ("<ul><li>first item</li><li>second</li></ul>", 50, "first item"),
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

#[test]
fn code_span_is_one_line_whatever_the_text() {
    assert_eq!(code_span("^[a-z]+$"), "`^[a-z]+$`");
    assert_eq!(code_span("a\r\n\tb\u{7}"), "`a\\r\\n\\tb\\u{7}`");
    assert_eq!(code_span("a`b"), "``a`b``");
    assert_eq!(code_span("`x`"), "`` `x` ``");
    assert_eq!(code_span(""), "`  `");
    for text in ["\r", "x\ry", "\u{2028}", "`", "a\u{0}b"] {
        let span = code_span(text);
        assert!(!span.chars().any(|c| c.is_control()), "{text:?} -> {span:?}");
    }
}
