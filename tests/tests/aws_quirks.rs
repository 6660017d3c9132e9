//! What AWS's published models need beyond IVS's, each proved on a fixture model of our own
//! (`tests/fixtures/models/`, generated into `tests/fixture-crates/` and compiled in the
//! workspace): patterns written for Java's regex engine, timestamps inside lists and maps, a
//! union as the whole HTTP payload, `@httpQuery` on an output member, and Rust keywords as
//! model names. Each test fails if its class of problem comes back.

use fixture_java_patterns_model::CheckInput;
use fixture_keywords_model::{MacroRules, Match, Type, UseInput};
use fixture_timestamp_collections_model::operation::record::Record;
use fixture_timestamp_collections_model::{RecordInput, RecordOutput};
use fixture_union_payload_model::operation::page::Page;
use fixture_union_payload_model::operation::update::Update;
use fixture_union_payload_model::{Change, UpdateInput, UpdateOutput};
use serde_json::{Value, json};
use smithy_runtime::Validate;
use smithy_runtime::protocol::Operation;
use std::collections::BTreeMap;
use std::time::Duration;

/// The member names of the violations of `input`, or an empty list when it validates.
fn violations<T: Validate>(input: &T) -> Vec<String> {
    match input.validate() {
        Ok(()) => Vec::new(),
        Err(error) => error.violations.iter().map(|v| v.path.to_string()).collect(),
    }
}

#[test]
fn java_patterns_accept_and_refuse_what_java_does() {
    let accepted = CheckInput::default()
        .with_any_text("two\nlines")
        .with_path("/abc")
        .with_pairs("a1b2c3")
        .with_word("abc")
        .with_label("héllo wörld 42")
        .with_ascii("abcd")
        .with_lines("a b\r\nc");
    assert_eq!(violations(&accepted), Vec::<String>::new());
    let refused = CheckInput::default()
        .with_any_text("")
        .with_path("//a")
        .with_pairs("abc")
        .with_word("abc1")
        .with_label("p{L}!")
        .with_ascii("é")
        .with_lines("A");
    assert_eq!(
        violations(&refused),
        ["/anyText", "/path", "/pairs", "/word", "/label", "/ascii", "/lines"]
    );
}

#[test]
fn a_pattern_with_a_carriage_return_keeps_its_doc_comment_whole() {
    let source = include_str!("../fixture-crates/fixture-java-patterns-model/src/patterns.rs");
    assert!(
        !source.contains('\r'),
        "a bare carriage return reached the generated source"
    );
    assert!(source.contains(r"`^[a-z \r\n]*$`"), "{source}");
}

fn at(seconds: u64) -> smithy_runtime::Timestamp {
    smithy_runtime::Timestamp::UNIX_EPOCH + Duration::from_secs(seconds)
}

#[test]
fn timestamps_in_lists_and_maps_use_their_format_per_item() {
    let input = RecordInput::default()
        .with_instants(vec![at(0), at(1_700_000_000)])
        .with_dates(vec![at(1)])
        .with_by_name(BTreeMap::from([("a".to_string(), at(2))]))
        .with_seen(vec![at(3), at(4)]);
    let request = Record::encode_input(&input).expect("encodes");
    let body: Value = serde_json::from_slice(request.body()).expect("JSON body");
    assert_eq!(
        body,
        json!({
            "instants": [0, 1_700_000_000],
            "dates": ["1970-01-01T00:00:01Z"],
            "byName": { "a": "Thu, 01 Jan 1970 00:00:02 GMT" }
        })
    );
    assert_eq!(
        request.headers()["x-seen"],
        "Thu, 01 Jan 1970 00:00:03 GMT, Thu, 01 Jan 1970 00:00:04 GMT"
    );
    let (parts, body) = request.into_parts();
    let decoded = Record::decode_input(&parts, &[], &body).expect("decodes");
    assert_eq!(decoded, input);

    let output = RecordOutput::default().with_instants(vec![at(5)]);
    let response = Record::encode_output(&output).expect("encodes");
    let (parts, body) = response.into_parts();
    assert_eq!(Record::decode_output(&parts, &body).expect("decodes"), output);
}

#[test]
fn a_union_payload_is_the_whole_body_both_ways() {
    let input = UpdateInput::default()
        .with_id("x")
        .with_change(Change::Rename("new".to_string()));
    let request = Update::encode_input(&input).expect("encodes");
    let body: Value = serde_json::from_slice(request.body()).expect("JSON body");
    assert_eq!(body, json!({ "rename": "new" }));
    let (parts, body) = request.into_parts();
    let decoded = Update::decode_input(&parts, &["x".to_string()], &body).expect("decodes");
    assert_eq!(decoded, input);

    let output = UpdateOutput::default().with_result(Change::Resize(3));
    let (parts, body) = Update::encode_output(&output).expect("encodes").into_parts();
    assert_eq!(Update::decode_output(&parts, &body).expect("decodes"), output);
    // An empty payload is no value, not an error.
    let (parts, _) = Update::encode_output(&UpdateOutput::default())
        .expect("encodes")
        .into_parts();
    assert_eq!(
        Update::decode_output(&parts, b"").expect("decodes"),
        UpdateOutput::default()
    );
}

#[test]
fn an_output_member_with_http_query_is_a_body_member() {
    let output = fixture_union_payload_model::PageOutput::default()
        .with_position("p2")
        .with_items(vec!["a".to_string()]);
    let (parts, body) = Page::encode_output(&output).expect("encodes").into_parts();
    let json: Value = serde_json::from_slice(&body).expect("JSON body");
    assert_eq!(json, json!({ "position": "p2", "items": ["a"] }));
    assert_eq!(Page::decode_output(&parts, &body).expect("decodes"), output);
}

#[test]
fn keywords_are_usable_names_that_keep_their_wire_names() {
    let mut input = UseInput::default();
    input.r#macro = Some("m".to_string());
    input.union = Some("u".to_string());
    input.r#gen = Some("g".to_string());
    input.self_ = Some("s".to_string());
    input.r#type = Some(Type::Self_);
    input.r#match = Some(Match::Where(1));
    input.r#box = Some(MacroRules::default().with_impl("i"));
    let json = serde_json::to_value(&input).expect("serializes");
    assert_eq!(
        json,
        json!({
            "macro": "m", "union": "u", "gen": "g", "self": "s", "type": "Self",
            "match": { "where": 1 }, "box": { "impl": "i" }
        })
    );
    assert_eq!(serde_json::from_value::<UseInput>(json).expect("deserializes"), input);
    assert_eq!(Type::from("macro"), Type::Macro);
}
