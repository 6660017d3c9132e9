//! Expanding a malformed-request case's `testParameters`, as Smithy's spec says: in every
//! string of `request` and `response`, `$name:L` becomes the parameter's value, `$name:S` the
//! value as a quoted string literal, and `$$` a single `$` (the conventions of Smithy's
//! `CodeWriter`).

use serde_json::{Map, Value};

/// The case `data` with its `request` and `response` strings substituted for expansion
/// `index` (the parameters' values at that position).
///
/// `$$` is unescaped in every case, with or without parameters: the suite writes `$$` in
/// the expected messages of unparameterized cases too (`RestJsonMalformedPatternReDOSString`),
/// where only the unescaped text can match.
pub fn expand(data: &Value, index: usize) -> Value {
    let params: Vec<(String, String)> = data
        .get("testParameters")
        .and_then(Value::as_object)
        .map(|params| {
            params
                .iter()
                .filter_map(|(name, values)| Some((name.clone(), values.get(index)?.as_str()?.to_string())))
                .collect()
        })
        .unwrap_or_default();
    let mut expanded = data.clone();
    for part in ["request", "response"] {
        if let Some(value) = expanded.get_mut(part) {
            substitute_all(value, &params);
        }
    }
    expanded
}

fn substitute_all(value: &mut Value, params: &[(String, String)]) {
    match value {
        Value::String(text) => *text = substitute(text, params),
        Value::Array(items) => items.iter_mut().for_each(|v| substitute_all(v, params)),
        Value::Object(fields) => {
            // Header names are substituted too: rebuild the object in its order.
            let old = std::mem::take(fields);
            let mut new = Map::new();
            for (key, mut v) in old {
                substitute_all(&mut v, params);
                new.insert(substitute(&key, params), v);
            }
            *fields = new;
        }
        _ => {}
    }
}

/// One string, substituted. A `$` that starts no known `$name:L` or `$name:S` is kept.
pub fn substitute(text: &str, params: &[(String, String)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        if let Some(tail) = after.strip_prefix('$') {
            out.push('$');
            rest = tail;
            continue;
        }
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
            .unwrap_or(after.len());
        let (name, tail) = after.split_at(name_len);
        let value = params.iter().find(|(n, _)| n == name).map(|(_, v)| v);
        match (value, tail.strip_prefix(":L"), tail.strip_prefix(":S")) {
            (Some(value), Some(tail), _) => {
                out.push_str(value);
                rest = tail;
            }
            (Some(value), None, Some(tail)) => {
                out.push_str(&Value::String(value.clone()).to_string());
                rest = tail;
            }
            _ => {
                out.push('$');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn params() -> Vec<(String, String)> {
        vec![("value".to_string(), "a\"b".to_string())]
    }

    #[test]
    fn literal_and_string_formats() {
        assert_eq!(substitute("x=$value:L;", &params()), "x=a\"b;");
        assert_eq!(substitute("{ \"s\": $value:S }", &params()), "{ \"s\": \"a\\\"b\" }");
    }

    #[test]
    fn double_dollar_is_one_dollar_and_unknown_names_stay() {
        assert_eq!(substitute("^[a-m]+$$", &params()), "^[a-m]+$");
        assert_eq!(substitute("$other:L and $value", &params()), "$other:L and $value");
        assert_eq!(substitute("ends with $", &params()), "ends with $");
    }

    #[test]
    fn expansion_picks_the_index_in_request_and_response_only() {
        let case = json!({
            "id": "X",
            "documentation": "$v:L",
            "request": { "uri": "/a/$v:L", "headers": { "h": "$v:S" } },
            "response": { "code": 400, "body": { "assertion": { "contents": "p$$" } } },
            "testParameters": { "v": ["one", "two"] }
        });
        let expanded = expand(&case, 1);
        assert_eq!(expanded["request"]["uri"], "/a/two");
        assert_eq!(expanded["request"]["headers"]["h"], "\"two\"");
        assert_eq!(expanded["response"]["body"]["assertion"]["contents"], "p$");
        assert_eq!(expanded["documentation"], "$v:L");
    }
}
