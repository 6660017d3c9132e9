//! The restJson1 helpers, both directions of each binding, and the protocol's error responses.

use std::collections::BTreeMap;

use http::header::{HeaderMap, HeaderValue};

use super::errors::error_meta;
use super::*;
use crate::protocol::Protocol;

#[test]
fn json_payloads_are_none_when_empty() {
    #[derive(Debug, PartialEq, serde::Deserialize)]
    enum Choice {
        #[serde(rename = "a")]
        A(i32),
    }
    assert_eq!(json_payload::<Choice>(b""), Ok(None));
    assert_eq!(json_payload::<Choice>(b" \n"), Ok(None));
    assert_eq!(json_payload::<Choice>(br#"{"a": 1}"#), Ok(Some(Choice::A(1))));
    let error = json_payload::<Choice>(b"{").unwrap_err();
    assert!(error.to_string().contains("malformed"), "{error}");
}

#[test]
fn labels_encode_as_one_segment() {
    let mut b = RequestBuilder::new("GET");
    b.literal("tags");
    b.label_text(
        "resourceArn",
        Some("arn:aws:ivs:us-west-2:123456789012:channel/abcd EF".into()),
    )
    .unwrap();
    let request = b.build().unwrap();
    assert_eq!(
        request.uri(),
        "/tags/arn%3Aaws%3Aivs%3Aus-west-2%3A123456789012%3Achannel%2Fabcd%20EF"
    );
}

#[test]
fn greedy_labels_keep_slashes() {
    let mut b = RequestBuilder::new("PUT");
    b.literal("objects");
    b.greedy_label_text("key", Some("a/b c/d".into())).unwrap();
    b.query_literal("x-id", "PutObject");
    assert_eq!(b.build().unwrap().uri(), "/objects/a/b%20c/d?x-id=PutObject");
}

#[test]
fn empty_or_missing_labels_are_errors() {
    let mut b = RequestBuilder::new("GET");
    assert!(b.label_text("id", None).unwrap_err().message().contains("id"));
    assert!(b.label_text("id", Some(String::new())).is_err());
}

#[test]
fn query_lists_repeat_the_key_and_explicit_keys_win() {
    let mut b = RequestBuilder::new("GET");
    b.query_text("maxResults", Some(5.to_param()));
    b.query_list_text("ids", Some(vec!["a b".into(), "c&d".into()]));
    b.query_params(
        &["maxResults"],
        Some(vec![
            ("maxResults".to_owned(), vec!["9".to_owned()]),
            ("x".to_owned(), vec!["1".to_owned()]),
        ]),
    );
    let request = b.build().unwrap();
    assert_eq!(request.uri(), "/?maxResults=5&ids=a%20b&ids=c%26d&x=1");
    let query = Query::parse(request.uri()).unwrap();
    assert_eq!(query.one_with("maxResults", i32::from_param).unwrap(), Some(5));
    assert_eq!(
        query.all_with("ids", String::from_param).unwrap(),
        Some(vec!["a b".to_owned(), "c&d".to_owned()])
    );
    assert_eq!(query.rest(&["maxResults", "ids"]).unwrap()["x"], vec!["1".to_owned()]);
    let error = query.one_with("ids", i32::from_param).unwrap_err();
    assert_eq!(
        error.message(),
        "invalid value \"a b\" for query parameter ids: expected an integer between -2147483648 and 2147483647"
    );
}

#[test]
fn bad_percent_encoding_is_a_decode_error() {
    let uri: http::Uri = "/x?a=%FF".parse().unwrap();
    assert!(Query::parse(&uri).unwrap_err().message().contains("UTF-8"));
}

#[test]
fn headers_round_trip_lists_and_prefixes() {
    let mut b = ResponseBuilder::new(200);
    b.header_text("ETag", Some("abc".into())).unwrap();
    b.header_list_text("X-List", Some(vec!["a".into(), "b,c".into(), "d\"e".into()]))
        .unwrap();
    b.prefix_headers("x-meta-", Some(&BTreeMap::from([("k".to_owned(), "v".to_owned())])))
        .unwrap();
    let response = b.build().unwrap();
    let h = response.headers();
    assert_eq!(
        header_with(h, "etag", String::from_param).unwrap(),
        Some("abc".to_owned())
    );
    assert_eq!(
        header_list_with(h, "x-list", false, String::from_param).unwrap(),
        Some(vec!["a".to_owned(), "b,c".to_owned(), "d\"e".to_owned()])
    );
    assert_eq!(prefix_headers(h, "X-Meta-").unwrap().unwrap()["k"], "v");
    assert!(header_with(h, "etag", i32::from_param).is_err());
}

#[test]
fn http_date_lists_split_on_every_second_comma() {
    assert_eq!(
        split_header_list("Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 23:48:18 GMT", true),
        vec!["Mon, 16 Dec 2019 23:48:18 GMT", "Tue, 17 Dec 2019 23:48:18 GMT"]
    );
}

#[test]
fn invalid_header_values_are_encode_errors() {
    let mut b = RequestBuilder::new("GET");
    assert!(b.header_text("x-a", Some("line\nbreak".into())).is_err());
}

#[test]
fn floats_and_bools_have_protocol_text_forms() {
    assert_eq!(f64::NAN.to_param(), "NaN");
    assert_eq!(f32::NEG_INFINITY.to_param(), "-Infinity");
    assert_eq!(f64::from_param("1.5"), Ok(1.5));
    assert!(f64::from_param("inf").is_err());
    assert!(bool::from_param("TRUE").is_err());
}

#[test]
fn empty_json_body_is_the_default() {
    #[derive(serde::Deserialize, Default, PartialEq, Debug)]
    struct In {
        a: Option<i32>,
    }
    assert_eq!(json_body::<In>(b"").unwrap(), In::default());
    assert_eq!(json_body::<In>(b"{\"a\":1}").unwrap(), In { a: Some(1) });
    assert!(
        json_body::<In>(b"{\"a\":")
            .unwrap_err()
            .message()
            .starts_with("the JSON body is malformed")
    );
    assert!(json_body::<In>(b"{\"a\":\"x\"}").is_err());
}

#[test]
fn error_codes_are_read_the_rest_json_way() {
    let mut headers = HeaderMap::new();
    let body = br#"{"__type":"aws.ivs#ConflictException:http://internal","exceptionMessage":"in use"}"#;
    let meta = error_meta(&headers, body, "exceptionMessage");
    assert_eq!(meta.code.as_deref(), Some("ConflictException"));
    assert_eq!(meta.message.as_deref(), Some("in use"));
    headers.insert(
        "x-amzn-errortype",
        HeaderValue::from_static("ThrottlingException:http://x"),
    );
    headers.insert("x-amzn-requestid", HeaderValue::from_static("req-1"));
    let meta = error_meta(
        &headers,
        br#"{"code":"Other","Message":"slow down"}"#,
        "exceptionMessage",
    );
    assert_eq!(meta.code.as_deref(), Some("ThrottlingException"));
    assert_eq!(meta.message.as_deref(), Some("slow down"));
    assert_eq!(meta.request_id.as_deref(), Some("req-1"));
    assert_eq!(error_meta(&HeaderMap::new(), b"<html>", "exceptionMessage").code, None);
    assert_eq!(
        error_meta(&HeaderMap::new(), br#"{"code":"a.b#C"}"#, "exceptionMessage")
            .code
            .as_deref(),
        Some("C")
    );
}

#[test]
fn error_responses_carry_both_message_members() {
    let mut body = serde_json::Map::new();
    body.insert("exceptionMessage".into(), "bad".into());
    let response = error_response(409, "ConflictException", Some("bad"), body).unwrap();
    assert_eq!(response.status(), 409);
    assert_eq!(response.headers()["x-amzn-errortype"], "ConflictException");
    let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(json, serde_json::json!({"exceptionMessage": "bad", "message": "bad"}));
}

#[test]
fn member_forms_write_what_the_text_forms_write() {
    let mut b = RequestBuilder::new("GET");
    b.literal("tags");
    b.label("resourceArn", &Some("a:b".to_owned())).unwrap();
    b.query("maxResults", &Some(5));
    b.query("absent", &None::<i32>);
    b.query_list("ids", &Some(vec![true, false]));
    b.header("x-n", &Some(1.5f64)).unwrap();
    b.header_list("x-l", &Some(vec!["a".to_owned(), "b,c".to_owned()]))
        .unwrap();
    let request = b.build().unwrap();
    assert_eq!(request.uri(), "/tags/a%3Ab?maxResults=5&ids=true&ids=false");
    let h = request.headers();
    assert_eq!(header::<f64>(h, "x-n").unwrap(), Some(1.5));
    assert_eq!(
        header_list::<String>(h, "x-l").unwrap(),
        Some(vec!["a".to_owned(), "b,c".to_owned()])
    );
    assert_eq!(header::<String>(h, "x-absent").unwrap(), None);
    let query = Query::parse(request.uri()).unwrap();
    assert_eq!(query.one::<i32>("maxResults").unwrap(), Some(5));
    assert_eq!(query.all::<bool>("ids").unwrap(), Some(vec![true, false]));
    assert_eq!(label::<i32>(&["7".to_owned()], 0, "n").unwrap(), Some(7));
    assert!(label::<i32>(&[], 0, "n").is_err());
    assert!(b_label_missing().is_err());
}

fn b_label_missing() -> Result<(), crate::protocol::EncodeError> {
    RequestBuilder::new("GET").label::<String>("id", &None)
}

#[test]
fn the_protocol_uses_the_models_message_member() {
    let ivs = RestJson1::new("exceptionMessage");
    let response = ivs.error_response(404, "NotFound", Some("gone")).unwrap();
    assert_eq!(response.headers()["x-amzn-errortype"], "NotFound");
    let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(json, serde_json::json!({"exceptionMessage": "gone", "message": "gone"}));
    let meta = ivs.error_meta(response.headers(), response.body());
    assert_eq!(
        (meta.code.as_deref(), meta.message.as_deref()),
        (Some("NotFound"), Some("gone"))
    );

    let plain = RestJson1::default();
    let response = plain.error_response(400, "Bad", Some("no")).unwrap();
    let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(json, serde_json::json!({"message": "no"}));
    let body = br#"{"detail":"x","message":"fallback"}"#;
    let meta = RestJson1::new("detail").error_meta(&HeaderMap::new(), body);
    assert_eq!(meta.message.as_deref(), Some("x"));
    assert_eq!(plain.name(), "restJson1");
    assert_eq!(plain.media_type(), JSON);
}

#[test]
fn literal_segments_travel_as_written() {
    let mut b = RequestBuilder::new("GET");
    b.literal("ReDosLiteral");
    b.label_text("str", Some("a(b)+".into())).unwrap();
    b.literal("(a+)+");
    b.literal("x:y@z!$&'*,;=%41");
    b.literal("with space");
    assert_eq!(
        b.build().unwrap().uri(),
        "/ReDosLiteral/a%28b%29%2B/(a+)+/x:y@z!$&'*,;=%41/with%20space"
    );
}

#[test]
fn query_flags_have_no_equals_sign() {
    let mut b = RequestBuilder::new("GET");
    b.literal("ConstantQueryString");
    b.query_literal("foo", "bar");
    b.query_flag("hello");
    b.query_literal("empty", "");
    assert_eq!(b.build().unwrap().uri(), "/ConstantQueryString?foo=bar&hello&empty=");
}

#[test]
fn a_request_without_body_has_no_content_type() {
    let mut b = RequestBuilder::new("POST");
    b.header_text("X-Amz-Test-Id", Some("t-1".into())).unwrap();
    let request = b.build().unwrap();
    assert!(request.body().is_empty());
    assert!(!request.headers().contains_key("content-type"));
}

#[test]
fn an_unset_structure_payload_is_an_empty_object() {
    let mut b = RequestBuilder::new("POST");
    b.structure_payload::<BTreeMap<String, i32>>(&None).unwrap();
    let request = b.build().unwrap();
    assert_eq!(request.body().as_ref(), b"{}");
    assert_eq!(request.headers()["content-type"], "application/json");

    let mut r = ResponseBuilder::new(200);
    r.structure_payload(&Some(BTreeMap::from([("data".to_owned(), 25)])))
        .unwrap();
    let response = r.build().unwrap();
    assert_eq!(response.body().as_ref(), br#"{"data":25}"#);
    assert_eq!(response.headers()["content-type"], "application/json");
}

#[test]
fn a_server_answers_an_unset_structure_payload_with_no_body() {
    let mut r = ResponseBuilder::new(200);
    r.structure_payload::<BTreeMap<String, i32>>(&None).unwrap();
    let response = r.build().unwrap();
    assert!(response.body().is_empty());
    assert!(!response.headers().contains_key("content-type"));
}

#[test]
fn a_content_type_member_wins_over_the_payload_media_type() {
    // The member's header before the payload, and after it: the member wins both ways.
    let mut b = RequestBuilder::new("POST");
    b.header_text("Content-Type", Some("image/jpg".into())).unwrap();
    b.payload(Some(b"1234".to_vec()), "application/octet-stream").unwrap();
    assert_eq!(b.build().unwrap().headers()["content-type"], "image/jpg");

    let mut r = ResponseBuilder::new(200);
    r.payload(Some(b"1234".to_vec()), "text/plain").unwrap();
    r.header_text("Content-Type", Some("image/jpg".into())).unwrap();
    assert_eq!(r.build().unwrap().headers()["content-type"], "image/jpg");

    // Unset, the payload's media type applies.
    let mut b = RequestBuilder::new("POST");
    b.header_text("Content-Type", None).unwrap();
    b.payload(Some(b"blobby".to_vec()), "text/plain").unwrap();
    let request = b.build().unwrap();
    assert_eq!(request.headers()["content-type"], "text/plain");
    assert_eq!(request.body().as_ref(), b"blobby");
}

#[test]
fn an_invalid_media_type_is_an_error() {
    let mut b = RequestBuilder::new("POST");
    let error = b.payload(Some(b"x".to_vec()), "text/plain\n").unwrap_err();
    assert!(error.message().contains("Content-Type"), "{}", error.message());
}

#[test]
fn media_type_strings_are_base64_in_headers() {
    assert_eq!(media_type_to_header("true"), "dHJ1ZQ==");
    assert_eq!(media_type_from_header("dHJ1ZQ==").as_deref(), Ok("true"));
    assert_eq!(
        media_type_from_header(&media_type_to_header("{\"a\": \"é\"}")).as_deref(),
        Ok("{\"a\": \"é\"}")
    );
    assert!(media_type_from_header("not base64!").is_err());
    assert!(media_type_from_header("/w==").unwrap_err().contains("UTF-8"));
    let mut headers = HeaderMap::new();
    headers.insert("x-json", HeaderValue::from_static("dHJ1ZQ=="));
    assert_eq!(
        header_with(&headers, "X-Json", media_type_from_header)
            .unwrap()
            .as_deref(),
        Some("true")
    );
}
