//! Matching requests to operations by their `@http` URI templates.
//!
//! Every template is compiled once into [`Segment`]s (literal, `{label}`, `{greedy+}`) and the
//! literal query parameters after its `?`. A request's path is matched while still
//! percent-encoded, split on `/`, so an encoded `/` (`%2F`) inside a label value stays inside
//! that label; only the matched label values are then percent-decoded. When several templates
//! match, the most specific wins: see [`Specificity`].

use std::borrow::Cow;

use percent_encoding::percent_decode_str;

use crate::protocol::OperationInfo;

/// Where a request goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The operation at this index of the table, with its labels' values, percent-decoded,
    /// in the order the URI template has them.
    Matched {
        /// The operation's index in the slice the table was built from.
        index: usize,
        /// The labels' values.
        labels: Vec<String>,
    },
    /// The operation at this index matches, but a label's value is not UTF-8 once
    /// percent-decoded (answered with 400 `SerializationException`).
    InvalidLabel {
        /// The operation's index in the slice the table was built from.
        index: usize,
        /// What was wrong.
        message: String,
    },
    /// Some operation matches the path, but none with this method.
    MethodNotAllowed {
        /// The methods that do match the path, sorted, without duplicates.
        allowed: Vec<&'static str>,
    },
    /// No operation matches the path.
    NotFound,
}

/// The compiled URI templates of a service's operations.
#[derive(Debug, Clone)]
pub struct RouteTable {
    routes: Vec<Compiled>,
}

#[derive(Debug, Clone)]
struct Compiled {
    index: usize,
    method: &'static str,
    template: Template,
    specificity: Specificity,
}

/// One segment of a URI template's path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    /// Must equal the request's segment.
    Literal(String),
    /// `{name}`: exactly one non-empty segment.
    Label,
    /// `{name+}`: one or more segments, `/` included, non-empty as a whole.
    Greedy,
}

/// A compiled URI template.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Template {
    /// The path's segments, in order (none for `/`).
    segments: Vec<Segment>,
    /// Required query parameters: a key, and the value it must have (`None`: any value).
    query: Vec<(String, Option<String>)>,
}

/// How specific a template is; greater wins. Compared field by field: more literal segments,
/// then more single-segment labels (a greedy label matches more, so it is less specific), then
/// more literal query parameters, then, segment by segment from the left, literal over label
/// over greedy label (so `/a/b/{c}` beats `/a/{b}/c`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Specificity {
    literals: usize,
    labels: usize,
    query: usize,
    shape: Vec<u8>,
}

impl RouteTable {
    /// Compiles every operation's URI template. A template that cannot be compiled (an
    /// unterminated `{`, a label in the query, two greedy labels) is logged and never matches:
    /// the other operations keep working. [`RouteTable::try_new`] reports such errors instead.
    pub fn new(operations: &[OperationInfo]) -> Self {
        let mut routes = Vec::with_capacity(operations.len());
        for (index, info) in operations.iter().enumerate() {
            match compile(info.uri) {
                Ok(template) => routes.push(Compiled::new(index, info.method, template)),
                Err(error) => {
                    tracing::error!(operation = info.name, uri = info.uri, %error, "invalid URI template: never routed")
                }
            }
        }
        RouteTable { routes }
    }

    /// Compiles every operation's URI template, or says which one is invalid and why.
    pub fn try_new(operations: &[OperationInfo]) -> Result<Self, String> {
        let mut routes = Vec::with_capacity(operations.len());
        for (index, info) in operations.iter().enumerate() {
            let template = compile(info.uri).map_err(|e| format!("{} ({}): {e}", info.name, info.uri))?;
            routes.push(Compiled::new(index, info.method, template));
        }
        Ok(RouteTable { routes })
    }

    /// Finds the operation for a request: `method` as sent (upper case), `path` and `query`
    /// as sent, still percent-encoded (the query without its `?`).
    pub fn route(&self, method: &str, path: &str, query: Option<&str>) -> Route {
        let segments = split_path(path);
        let query = parse_query(query.unwrap_or(""));
        let mut best: Option<(&Compiled, Vec<Cow<'_, str>>)> = None;
        let mut allowed: Vec<&'static str> = Vec::new();
        for route in &self.routes {
            let Some(raw_labels) = route.template.matches(&segments, &query) else {
                continue;
            };
            if route.method != method {
                allowed.push(route.method);
                continue;
            }
            // Ties keep the earlier operation, so routing never depends on anything but the table.
            if best.as_ref().is_none_or(|(b, _)| route.specificity > b.specificity) {
                best = Some((route, raw_labels));
            }
        }
        match best {
            Some((route, raw_labels)) => decode_labels(route.index, &raw_labels),
            None if !allowed.is_empty() => {
                allowed.sort_unstable();
                allowed.dedup();
                Route::MethodNotAllowed { allowed }
            }
            None => Route::NotFound,
        }
    }
}

impl Compiled {
    fn new(index: usize, method: &'static str, template: Template) -> Self {
        let specificity = template.specificity();
        Compiled {
            index,
            method,
            template,
            specificity,
        }
    }
}

/// Percent-decodes the winning route's label values.
fn decode_labels(index: usize, raw_labels: &[Cow<'_, str>]) -> Route {
    let mut labels = Vec::with_capacity(raw_labels.len());
    for raw in raw_labels {
        match percent_decode_str(raw.as_ref()).decode_utf8() {
            Ok(value) => labels.push(value.into_owned()),
            Err(_) => {
                return Route::InvalidLabel {
                    index,
                    message: format!("the URI label value {raw:?} is not UTF-8 once percent-decoded"),
                };
            }
        }
    }
    Route::Matched { index, labels }
}

/// The path's segments after the leading `/` (none for `/` itself); a trailing `/` makes an
/// empty last segment, which no label matches.
fn split_path(path: &str) -> Vec<&str> {
    let path = path.strip_prefix('/').unwrap_or(path);
    if path.is_empty() {
        Vec::new()
    } else {
        path.split('/').collect()
    }
}

/// The query's `key=value` pairs, percent-decoded (only to compare them with a template's
/// literals: a pair that is not UTF-8 once decoded can match nothing, so it is skipped).
fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = percent_decode_str(key).decode_utf8().ok()?;
            let value = percent_decode_str(value).decode_utf8().ok()?;
            Some((key.into_owned(), value.into_owned()))
        })
        .collect()
}

/// Compiles `/literal/{label}/{greedy+}?key=value&flag`.
fn compile(uri: &str) -> Result<Template, String> {
    let (path, query) = uri.split_once('?').unwrap_or((uri, ""));
    let Some(path) = path.strip_prefix('/') else {
        return Err("the path must start with '/'".to_owned());
    };
    let mut segments = Vec::new();
    if !path.is_empty() {
        for part in path.split('/') {
            segments.push(compile_segment(part)?);
        }
    }
    if segments.iter().filter(|s| **s == Segment::Greedy).count() > 1 {
        return Err("at most one greedy label is allowed".to_owned());
    }
    let mut literals = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        if pair.contains(['{', '}']) {
            return Err(format!("labels are not allowed in the query ({pair:?})"));
        }
        let (key, value) = match pair.split_once('=') {
            Some((key, value)) => (key, Some(value)),
            None => (pair, None),
        };
        let decode = |text: &str| {
            percent_decode_str(text)
                .decode_utf8()
                .map(|s| s.into_owned())
                .map_err(|_| format!("query literal {pair:?} is not UTF-8 once percent-decoded"))
        };
        literals.push((decode(key)?, value.map(decode).transpose()?));
    }
    Ok(Template {
        segments,
        query: literals,
    })
}

fn compile_segment(part: &str) -> Result<Segment, String> {
    if let Some(inner) = part.strip_prefix('{') {
        let Some(name) = inner.strip_suffix('}') else {
            return Err(format!("segment {part:?} is not a label"));
        };
        let (name, greedy) = match name.strip_suffix('+') {
            Some(name) => (name, true),
            None => (name, false),
        };
        if name.is_empty() || name.contains(['{', '}', '+']) {
            return Err(format!("label {part:?} has no valid name"));
        }
        return Ok(if greedy { Segment::Greedy } else { Segment::Label });
    }
    if part.contains(['{', '}']) {
        return Err(format!("segment {part:?} mixes a label with literal text"));
    }
    if part.is_empty() {
        return Err("empty path segment".to_owned());
    }
    let literal = percent_decode_str(part)
        .decode_utf8()
        .map_err(|_| format!("segment {part:?} is not UTF-8 once percent-decoded"))?;
    Ok(Segment::Literal(literal.into_owned()))
}

impl Template {
    fn specificity(&self) -> Specificity {
        let count = |kind: &Segment| self.segments.iter().filter(|s| *s == kind).count();
        Specificity {
            literals: self
                .segments
                .iter()
                .filter(|s| matches!(s, Segment::Literal(_)))
                .count(),
            labels: count(&Segment::Label),
            query: self.query.len(),
            shape: self
                .segments
                .iter()
                .map(|s| match s {
                    Segment::Literal(_) => 2,
                    Segment::Label => 1,
                    Segment::Greedy => 0,
                })
                .collect(),
        }
    }

    /// The raw (still encoded) label values when the request matches, in template order.
    fn matches<'a>(&self, request: &[&'a str], query: &[(String, String)]) -> Option<Vec<Cow<'a, str>>> {
        let query_ok = self.query.iter().all(|(key, value)| {
            query
                .iter()
                .any(|(k, v)| k == key && value.as_ref().is_none_or(|value| v == value))
        });
        if !query_ok {
            return None;
        }
        let mut labels = Vec::new();
        match self.segments.iter().position(|s| *s == Segment::Greedy) {
            None => {
                if request.len() != self.segments.len() {
                    return None;
                }
                for (segment, raw) in self.segments.iter().zip(request) {
                    match_segment(segment, raw, &mut labels)?;
                }
            }
            Some(greedy) => {
                // The segments before the greedy label match from the start, those after it from
                // the end, and the greedy label takes the (at least one) segments in between.
                let (before, after) = self.segments.split_at_checked(greedy)?;
                let after = after.get(1..).unwrap_or_default();
                let (head, rest) = request.split_at_checked(before.len())?;
                let (middle, tail) = rest.split_at_checked(rest.len().checked_sub(after.len())?)?;
                for (segment, raw) in before.iter().zip(head) {
                    match_segment(segment, raw, &mut labels)?;
                }
                let value = greedy_value(middle)?;
                labels.push(value);
                for (segment, raw) in after.iter().zip(tail) {
                    match_segment(segment, raw, &mut labels)?;
                }
            }
        }
        Some(labels)
    }
}

/// The greedy label's raw value: its segments joined by `/`. Empty values never match.
fn greedy_value<'a>(middle: &[&'a str]) -> Option<Cow<'a, str>> {
    let joined = match middle {
        [] => return None,
        [one] => Cow::Borrowed(*one),
        many => Cow::Owned(many.join("/")),
    };
    if joined.is_empty() { None } else { Some(joined) }
}

/// Matches one template segment with one raw request segment, recording a label's value.
fn match_segment<'a>(segment: &Segment, raw: &'a str, labels: &mut Vec<Cow<'a, str>>) -> Option<()> {
    match segment {
        // Literals are compared decoded, so `/Create%43hannel` still names `/CreateChannel`.
        Segment::Literal(literal) => {
            let same = if raw.contains('%') {
                percent_decode_str(raw)
                    .decode_utf8()
                    .is_ok_and(|decoded| decoded == literal.as_str())
            } else {
                raw == literal
            };
            same.then_some(())
        }
        Segment::Label | Segment::Greedy => {
            if raw.is_empty() {
                return None;
            }
            labels.push(Cow::Borrowed(raw));
            Some(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(name: &'static str, method: &'static str, uri: &'static str) -> OperationInfo {
        OperationInfo {
            name,
            method,
            uri,
            status: 200,
            idempotent: false,
        }
    }

    fn matched(index: usize, labels: &[&str]) -> Route {
        Route::Matched {
            index,
            labels: labels.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn table(ops: &[OperationInfo]) -> RouteTable {
        RouteTable::try_new(ops).unwrap()
    }

    fn route(table: &RouteTable, method: &str, target: &str) -> Route {
        let (path, query) = match target.split_once('?') {
            Some((path, query)) => (path, Some(query)),
            None => (target, None),
        };
        table.route(method, path, query)
    }

    #[test]
    fn an_encoded_arn_is_one_label_decoded() {
        let t = table(&[op("TagResource", "POST", "/tags/{resourceArn}")]);
        assert_eq!(
            route(&t, "POST", "/tags/arn%3Aaws%3Aivs%3Aus-west-2%3A123%3Achannel%2Fabc"),
            matched(0, &["arn:aws:ivs:us-west-2:123:channel/abc"])
        );
        // An unencoded `/` splits the path, so the ARN no longer fits one label.
        assert_eq!(
            route(&t, "POST", "/tags/arn:aws:ivs:us-west-2:123:channel/abc"),
            Route::NotFound
        );
    }

    #[test]
    fn labels_come_in_template_order() {
        let t = table(&[op("Get", "GET", "/channels/{channel}/streams/{stream}")]);
        assert_eq!(route(&t, "GET", "/channels/c%20d/streams/s"), matched(0, &["c d", "s"]));
        assert_eq!(route(&t, "GET", "/channels/c/streams"), Route::NotFound);
        assert_eq!(route(&t, "GET", "/channels/c/streams/s/x"), Route::NotFound);
        assert_eq!(route(&t, "GET", "/channels/c/other/s"), Route::NotFound);
    }

    #[test]
    fn literals_beat_labels_and_labels_beat_greedy_labels() {
        let t = table(&[
            op("Greedy", "GET", "/a/{rest+}"),
            op("Label", "GET", "/a/{b}"),
            op("Literal", "GET", "/a/list"),
        ]);
        assert_eq!(route(&t, "GET", "/a/list"), matched(2, &[]));
        assert_eq!(route(&t, "GET", "/a/x"), matched(1, &["x"]));
        assert_eq!(route(&t, "GET", "/a/x/y%2Fz"), matched(0, &["x/y/z"]));
        assert_eq!(route(&t, "GET", "/a/x/list"), matched(0, &["x/list"]));
    }

    #[test]
    fn specificity_does_not_depend_on_table_order() {
        let forward = table(&[op("Label", "GET", "/a/{b}/c"), op("Literal", "GET", "/a/b/{c}")]);
        let backward = table(&[op("Literal", "GET", "/a/b/{c}"), op("Label", "GET", "/a/{b}/c")]);
        // Both have two literals and one label: the leftmost literal decides.
        assert_eq!(route(&forward, "GET", "/a/b/c"), matched(1, &["c"]));
        assert_eq!(route(&backward, "GET", "/a/b/c"), matched(0, &["c"]));
        assert_eq!(route(&forward, "GET", "/a/x/c"), matched(0, &["x"]));
    }

    #[test]
    fn literal_query_parameters_are_required_and_count() {
        let t = table(&[
            op("Put", "PUT", "/objects/{key+}"),
            op("PutObject", "PUT", "/objects/{key+}?x-id=PutObject"),
            op("Flagged", "PUT", "/flags/{key}?flag"),
        ]);
        assert_eq!(route(&t, "PUT", "/objects/a/b?x-id=PutObject"), matched(1, &["a/b"]));
        assert_eq!(
            route(&t, "PUT", "/objects/a/b?y=1&x-id=Put%4Fbject"),
            matched(1, &["a/b"])
        );
        assert_eq!(route(&t, "PUT", "/objects/a/b?x-id=Other"), matched(0, &["a/b"]));
        assert_eq!(route(&t, "PUT", "/objects/a/b"), matched(0, &["a/b"]));
        assert_eq!(route(&t, "PUT", "/flags/k?flag"), matched(2, &["k"]));
        assert_eq!(route(&t, "PUT", "/flags/k?flag=anything"), matched(2, &["k"]));
        assert_eq!(route(&t, "PUT", "/flags/k"), Route::NotFound);
    }

    #[test]
    fn empty_labels_never_match() {
        let t = table(&[op("Tag", "GET", "/tags/{arn}"), op("Object", "GET", "/objects/{key+}")]);
        assert_eq!(route(&t, "GET", "/tags/"), Route::NotFound);
        assert_eq!(route(&t, "GET", "/tags"), Route::NotFound);
        assert_eq!(route(&t, "GET", "/objects/"), Route::NotFound);
        assert_eq!(route(&t, "GET", "/objects"), Route::NotFound);
        // A greedy value may contain empty segments, as long as it is not empty as a whole.
        assert_eq!(route(&t, "GET", "/objects/a//b/"), matched(1, &["a//b/"]));
    }

    #[test]
    fn a_greedy_label_may_sit_between_literals() {
        let t = table(&[op("Mid", "GET", "/foo/{bar+}/baz/{id}")]);
        assert_eq!(route(&t, "GET", "/foo/a/b/baz/7"), matched(0, &["a/b", "7"]));
        assert_eq!(route(&t, "GET", "/foo/baz/7"), Route::NotFound);
        assert_eq!(route(&t, "GET", "/foo/a/baz"), Route::NotFound);
    }

    #[test]
    fn the_wrong_method_is_405_with_the_allowed_ones() {
        let t = table(&[
            op("Create", "POST", "/CreateChannel"),
            op("Put", "PUT", "/things/{id}"),
            op("Delete", "DELETE", "/things/{id}"),
            op("Delete2", "DELETE", "/things/{id}"),
        ]);
        assert_eq!(
            route(&t, "GET", "/CreateChannel"),
            Route::MethodNotAllowed { allowed: vec!["POST"] }
        );
        assert_eq!(
            route(&t, "GET", "/things/1"),
            Route::MethodNotAllowed {
                allowed: vec!["DELETE", "PUT"]
            }
        );
        assert_eq!(route(&t, "POST", "/CreateChannel"), matched(0, &[]));
        assert_eq!(route(&t, "POST", "/CreateChannel/"), Route::NotFound);
        assert_eq!(route(&t, "POST", "/Nope"), Route::NotFound);
        assert_eq!(route(&t, "POST", "/"), Route::NotFound);
    }

    #[test]
    fn literal_segments_compare_decoded() {
        let t = table(&[op("Create", "POST", "/CreateChannel"), op("Root", "GET", "/")]);
        assert_eq!(route(&t, "POST", "/Create%43hannel"), matched(0, &[]));
        assert_eq!(route(&t, "POST", "/Create%ZZhannel"), Route::NotFound);
        assert_eq!(route(&t, "GET", "/"), matched(1, &[]));
        assert_eq!(route(&t, "GET", ""), matched(1, &[]));
    }

    #[test]
    fn a_label_that_is_not_utf8_is_reported() {
        let t = table(&[op("Tag", "GET", "/tags/{arn}")]);
        let Route::InvalidLabel { index: 0, message } = route(&t, "GET", "/tags/%FF%FE") else {
            panic!("expected InvalidLabel")
        };
        assert!(message.contains("%FF%FE"), "{message}");
    }

    #[test]
    fn invalid_templates_are_reported_or_skipped() {
        for uri in [
            "tags",
            "/tags/{arn",
            "/tags/x{arn}",
            "/a/{}",
            "/a/{b+}/{c+}",
            "/a?x={y}",
            "/a//b",
        ] {
            assert!(RouteTable::try_new(&[op("Bad", "GET", uri)]).is_err(), "{uri}");
        }
        let t = RouteTable::new(&[op("Bad", "GET", "/tags/{arn"), op("Good", "GET", "/tags/{arn}")]);
        assert_eq!(route(&t, "GET", "/tags/x"), matched(1, &["x"]));
    }
}
