//! Content negotiation: whether a request's `Content-Type` names what the operation reads,
//! and whether its `Accept` admits what the operation answers with.
//!
//! An operation's media types come from [`crate::server::Dispatch`]: `None` when it has no
//! modeled body that way, `*/*` when any media type goes (a blob payload without
//! `@mediaType`), else one media type (`application/json`, or a payload's own).

use http::HeaderMap;
use http::header::{ACCEPT, CONTENT_TYPE};

/// The media type that stands for "any".
pub(crate) const ANY: &str = "*/*";

/// Why a request with a non-empty body is refused for its `Content-Type` (415), or `None`
/// when the type is right. `expected` is the media type the operation reads its body as,
/// `None` when it reads no body. Parameters (`charset=utf-8`) and case are ignored.
///
/// A body the operation does not read is ignored unless the request says what it is: a
/// `Content-Type` there is a client that thinks it sends something (restJson1's
/// `RestJsonWithoutBodyExpectsEmptyContentType`). A body the operation reads must say it is
/// of its type: with no `Content-Type` the server would have to guess.
pub(crate) fn content_type_problem(headers: &HeaderMap, expected: Option<&str>) -> Option<String> {
    let sent = headers.get(CONTENT_TYPE);
    match (expected, sent) {
        (None, None) => None,
        (None, Some(sent)) => Some(format!(
            "Unsupported Content-Type {:?}: this operation reads no request body",
            String::from_utf8_lossy(sent.as_bytes())
        )),
        (Some(ANY), _) => None,
        (Some(expected), None) => Some(format!(
            "A request body needs a Content-Type: this operation reads {expected}"
        )),
        (Some(expected), Some(sent)) => {
            let matches = sent
                .to_str()
                .is_ok_and(|text| essence(text).eq_ignore_ascii_case(expected));
            (!matches).then(|| {
                format!(
                    "Unsupported Content-Type {:?}: this operation reads {expected}",
                    String::from_utf8_lossy(sent.as_bytes())
                )
            })
        }
    }
}

/// Why the request's `Accept` admits none of what the operation answers with (406), or
/// `None` when it admits it (or says nothing, or the operation has no modeled body to
/// answer with). Each media range may be `*/*`, `type/*` or a media type; one with `q=0`
/// is a refusal.
pub(crate) fn accept_problem(headers: &HeaderMap, produced: Option<&str>) -> Option<String> {
    let produced = produced.filter(|p| *p != ANY)?;
    let mut sent = Vec::new();
    for value in headers.get_all(ACCEPT) {
        let Ok(text) = value.to_str() else {
            return Some("The Accept header is not visible ASCII".to_owned());
        };
        sent.extend(text.split(',').map(str::trim).filter(|range| !range.is_empty()));
    }
    // No Accept, or only empty ones, says nothing.
    if sent.is_empty() || sent.iter().any(|range| admits(range, produced)) {
        return None;
    }
    Some(format!(
        "Not acceptable: this operation answers with {produced}, and Accept {:?} does not admit it",
        sent.join(", ")
    ))
}

/// Whether one media range of an `Accept` header admits `produced`.
fn admits(range: &str, produced: &str) -> bool {
    let mut parts = range.split(';');
    let media = parts.next().unwrap_or_default().trim();
    let refused = parts.any(|param| {
        let (name, value) = param.split_once('=').unwrap_or((param, ""));
        name.trim().eq_ignore_ascii_case("q") && value.trim().parse::<f32>().is_ok_and(|q| q <= 0.0)
    });
    if refused {
        return false;
    }
    let (range_type, range_subtype) = media.split_once('/').unwrap_or((media, ""));
    let (produced_type, _) = produced.split_once('/').unwrap_or((produced, ""));
    match (range_type, range_subtype) {
        ("*", "*") => true,
        (range_type, "*") => range_type.eq_ignore_ascii_case(produced_type),
        _ => media.eq_ignore_ascii_case(produced),
    }
}

/// A `Content-Type`'s media type without its parameters.
fn essence(content_type: &str) -> &str {
    content_type.split(';').next().unwrap_or_default().trim()
}

#[cfg(test)]
mod tests {
    use http::HeaderValue;

    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_bytes(value.as_bytes()).unwrap());
        }
        map
    }

    const JSON: Option<&str> = Some("application/json");

    #[test]
    fn a_body_must_be_of_the_type_the_operation_reads() {
        for sent in [
            "application/json",
            "Application/JSON; charset=utf-8",
            " application/json ",
        ] {
            assert_eq!(
                content_type_problem(&headers(&[("content-type", sent)]), JSON),
                None,
                "{sent}"
            );
        }
        // restJson1's RestJsonWithBodyExpectsApplicationJsonContentType and ...NoHeaders.
        for sent in [
            "application/hal+json",
            "text/plain",
            "application/x-amz-json-1.1",
            "application/jsonx",
        ] {
            let problem = content_type_problem(&headers(&[("content-type", sent)]), JSON).unwrap();
            assert!(
                problem.contains(sent) && problem.contains("application/json"),
                "{problem}"
            );
        }
        let problem = content_type_problem(&HeaderMap::new(), JSON).unwrap();
        assert_eq!(
            problem,
            "A request body needs a Content-Type: this operation reads application/json"
        );
        // RestJsonStringPayloadNoContentType, RestJsonWithPayloadExpectsModeledContentType.
        assert!(content_type_problem(&HeaderMap::new(), Some("text/plain")).is_some());
        let jpeg = Some("image/jpeg");
        assert!(content_type_problem(&headers(&[("content-type", "application/json")]), jpeg).is_some());
        assert_eq!(
            content_type_problem(&headers(&[("content-type", "image/jpeg")]), jpeg),
            None
        );
    }

    #[test]
    fn a_blob_payload_without_media_type_takes_anything() {
        // RestJsonHttpPayloadTraitsWithBlobAcceptsAllContentTypes and ...AcceptsNoContentType.
        for sent in [&[("content-type", "image/jpeg")][..], &[]] {
            assert_eq!(content_type_problem(&headers(sent), Some(ANY)), None);
        }
    }

    #[test]
    fn an_operation_without_a_body_refuses_one_that_says_what_it_is() {
        // RestJsonWithoutBodyExpectsEmptyContentType.
        let problem = content_type_problem(&headers(&[("content-type", "application/json")]), None).unwrap();
        assert_eq!(
            problem,
            "Unsupported Content-Type \"application/json\": this operation reads no request body"
        );
        assert_eq!(content_type_problem(&HeaderMap::new(), None), None);
    }

    #[test]
    fn a_content_type_that_is_not_text_never_matches() {
        let problem = content_type_problem(&headers(&[("content-type", "application/json\u{e9}")]), JSON);
        assert!(problem.is_some());
    }

    #[test]
    fn accept_admits_matching_ranges() {
        for accept in [
            "application/json",
            "APPLICATION/JSON",
            "*/*",
            "application/*",
            "text/html, application/json;q=0.5",
            "application/json; charset=utf-8",
        ] {
            assert_eq!(accept_problem(&headers(&[("accept", accept)]), JSON), None, "{accept}");
        }
        // No Accept, or an empty one: anything goes.
        assert_eq!(accept_problem(&HeaderMap::new(), JSON), None);
        assert_eq!(accept_problem(&headers(&[("accept", " , ")]), JSON), None);
        // Several Accept headers: any one may admit it.
        assert_eq!(
            accept_problem(
                &headers(&[("accept", "text/plain"), ("accept", "application/json")]),
                JSON
            ),
            None
        );
    }

    #[test]
    fn accept_refuses_other_types_and_q_zero() {
        // RestJsonWithBodyExpectsApplicationJsonAccept and the payload cases.
        for (accept, produced) in [
            ("application/hal+json", "application/json"),
            ("application/json", "image/jpeg"),
            ("application/json", "text/plain"),
            ("text/*", "application/json"),
            ("application/json;q=0", "application/json"),
            ("*/*; q=0.0", "application/json"),
        ] {
            let problem = accept_problem(&headers(&[("accept", accept)]), Some(produced)).unwrap();
            assert!(problem.contains(produced) && problem.contains(accept), "{problem}");
        }
        assert!(accept_problem(&headers(&[("accept", "application/json\u{e9}")]), JSON).is_some());
    }

    #[test]
    fn operations_without_a_typed_answer_accept_anything() {
        let jpeg = headers(&[("accept", "image/jpeg")]);
        // RestJsonHttpPayloadTraitsWithBlobAcceptsAllAccepts: a blob without @mediaType.
        assert_eq!(accept_problem(&jpeg, Some(ANY)), None);
        assert_eq!(accept_problem(&jpeg, None), None);
    }
}
