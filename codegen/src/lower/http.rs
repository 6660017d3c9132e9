//! Parsing the `@http` trait's URI template.

use crate::ir::PathSegment;

/// A parsed URI template: path segments and constant query parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UriTemplate {
    /// Path segments in order.
    pub path: Vec<PathSegment>,
    /// `?key=value` pairs; a key with no `=` has no value (`?flag` is `("flag", None)`).
    pub query: Vec<(String, Option<String>)>,
}

/// Parses `/a/{b}/c{d+}?x=y`-style templates as Smithy defines them.
pub fn parse_uri(uri: &str) -> Result<UriTemplate, String> {
    let (path, query) = match uri.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (uri, None),
    };
    let Some(rest) = path.strip_prefix('/') else {
        return Err(format!("URI `{uri}` must start with `/`"));
    };
    let mut segments = Vec::new();
    let mut labels: Vec<&str> = Vec::new();
    let parts: Vec<&str> = if rest.is_empty() {
        Vec::new()
    } else {
        rest.split('/').collect()
    };
    for (index, part) in parts.iter().enumerate() {
        if let Some(inner) = part.strip_prefix('{') {
            let Some(inner) = inner.strip_suffix('}') else {
                return Err(format!("URI `{uri}`: label `{part}` must fill its whole segment"));
            };
            let (name, greedy) = match inner.strip_suffix('+') {
                Some(name) => (name, true),
                None => (inner, false),
            };
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Err(format!("URI `{uri}`: `{part}` is not a valid label"));
            }
            if greedy && index + 1 != parts.len() {
                // Smithy allows a greedy label anywhere, but only one; keep the rule simple and safe.
                if parts[index + 1..].iter().any(|p| p.contains('{')) {
                    return Err(format!("URI `{uri}`: a greedy label must be the last label"));
                }
            }
            if labels.contains(&name) {
                return Err(format!("URI `{uri}`: label `{name}` appears twice"));
            }
            labels.push(name);
            segments.push(PathSegment::Label {
                member: name.to_string(),
                greedy,
            });
        } else if part.contains('{') || part.contains('}') {
            return Err(format!("URI `{uri}`: `{part}` mixes a label with literal text"));
        } else if part.is_empty() && index + 1 != parts.len() {
            return Err(format!("URI `{uri}` has an empty path segment"));
        } else {
            segments.push(PathSegment::Literal(part.to_string()));
        }
    }
    let mut literals = Vec::new();
    for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        if pair.contains('{') {
            return Err(format!("URI `{uri}`: labels are not allowed in the query string"));
        }
        // `?flag` and `?flag=` differ on the wire: the first is sent without `=`.
        let (key, value) = match pair.split_once('=') {
            Some((key, value)) => (key, Some(value.to_string())),
            None => (pair, None),
        };
        literals.push((key.to_string(), value));
    }
    Ok(UriTemplate {
        path: segments,
        query: literals,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_literals_labels_and_query() {
        let t = parse_uri("/tags/{resourceArn}").unwrap();
        assert_eq!(
            t.path,
            vec![
                PathSegment::Literal("tags".into()),
                PathSegment::Label {
                    member: "resourceArn".into(),
                    greedy: false
                }
            ]
        );
        let t = parse_uri("/a/{key+}?x-id=GetObject&flag&empty=").unwrap();
        assert_eq!(
            t.path[1],
            PathSegment::Label {
                member: "key".into(),
                greedy: true
            }
        );
        assert_eq!(
            t.query,
            vec![
                ("x-id".into(), Some("GetObject".into())),
                ("flag".into(), None),
                ("empty".into(), Some(String::new()))
            ]
        );
        assert_eq!(parse_uri("/").unwrap().path, vec![]);
    }

    #[test]
    fn rejects_bad_templates() {
        for (uri, expected) in [
            ("tags", "must start with `/`"),
            ("/a/{b", "must fill its whole segment"),
            ("/a/x{b}", "mixes a label"),
            ("/a/{}", "not a valid label"),
            ("/a/{b}/{b}", "appears twice"),
            ("/a//b", "empty path segment"),
            ("/a?x={y}", "not allowed in the query"),
            ("/{a+}/{b}", "greedy label must be the last"),
        ] {
            let error = parse_uri(uri).unwrap_err();
            assert!(error.contains(expected), "{uri}: {error}");
        }
    }
}
