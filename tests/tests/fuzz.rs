//! The fuzz harness of issue 17: property tests (proptest) that throw generated hostile input
//! at every part that reads what a stranger sends, and check that each answers within its
//! contract: no panic, no 5xx, an error shaped as the protocol says, an answer of bounded size.
//!
//! - The server, through its router, for all 40 operations: request decoding (labels, query,
//!   headers, JSON bodies built from the model's member names at any depth), routing (real and
//!   made-up paths and methods), media types, and validation; the handlers are ivs-local's, so
//!   what decodes also runs.
//! - The SigV4 verifier, with made-up `Authorization` and `X-Amz-Date` headers.
//! - The client's response decoding, for all 40 operations: outputs and errors from arbitrary
//!   statuses, headers and bodies.
//!
//! Why property tests and not `cargo fuzz`: cargo-fuzz needs a nightly compiler (its
//! sanitizer flags), and this project builds on stable only. proptest runs in `cargo test` on
//! stable, generates structured input (JSON with the model's names, label values, header
//! sets) that reaches far deeper than random bytes would, and shrinks a failure to a small
//! case. It is not coverage-guided; the generators make up for part of that by aiming at the
//! shapes the decoders branch on.
//!
//! The number of cases per property is `FUZZ_CASES` (default 200, a few seconds in all); CI
//! runs a bounded smoke of about a minute (`FUZZ_CASES=5000`, 4 properties).
//!
//! The requests are given to the router in process (tower's `oneshot`) rather than over a
//! socket: what is fuzzed is everything after hyper parsed the request, at a rate sockets
//! would cut by ten. The socket level (timeouts, hyper's own refusals) has its own tests in
//! `ivs-local/tests/hostile.rs`.

use std::sync::OnceLock;

use axum::body::Body;
use http_body_util::BodyExt;
use ivs_model::operation::*;
use ivs_model::runtime::protocol::{Operation, OperationError, OperationInfo, UnhandledError};
use proptest::prelude::*;
use proptest::strategy::ValueTree as _;
use serde_json::{Map, Value};
use tower::ServiceExt;

/// Every operation's marker type, as a list of checks over its static facts and decoders.
macro_rules! operations {
    ($($module:ident::$op:ident),* $(,)?) => {
        /// Every operation's method and URI template.
        const OPERATIONS: &[OperationInfo] = &[$(<$module::$op as Operation>::INFO),*];

        /// Decodes `body` (with `status` and `headers`) as each operation's client would.
        fn decode_everywhere(status: u16, headers: &http::HeaderMap, body: &[u8]) {
            $( decode_as::<$module::$op>(status, headers, body); )*
        }
    };
}

operations!(
    batch_get_channel::BatchGetChannel,
    batch_get_stream_key::BatchGetStreamKey,
    batch_start_viewer_session_revocation::BatchStartViewerSessionRevocation,
    create_ad_configuration::CreateAdConfiguration,
    create_channel::CreateChannel,
    create_playback_restriction_policy::CreatePlaybackRestrictionPolicy,
    create_recording_configuration::CreateRecordingConfiguration,
    create_stream_key::CreateStreamKey,
    delete_ad_configuration::DeleteAdConfiguration,
    delete_channel::DeleteChannel,
    delete_playback_key_pair::DeletePlaybackKeyPair,
    delete_playback_restriction_policy::DeletePlaybackRestrictionPolicy,
    delete_recording_configuration::DeleteRecordingConfiguration,
    delete_stream_key::DeleteStreamKey,
    get_ad_configuration::GetAdConfiguration,
    get_channel::GetChannel,
    get_playback_key_pair::GetPlaybackKeyPair,
    get_playback_restriction_policy::GetPlaybackRestrictionPolicy,
    get_recording_configuration::GetRecordingConfiguration,
    get_stream::GetStream,
    get_stream_key::GetStreamKey,
    get_stream_session::GetStreamSession,
    import_playback_key_pair::ImportPlaybackKeyPair,
    insert_ad_break::InsertAdBreak,
    list_ad_configurations::ListAdConfigurations,
    list_channels::ListChannels,
    list_playback_key_pairs::ListPlaybackKeyPairs,
    list_playback_restriction_policies::ListPlaybackRestrictionPolicies,
    list_recording_configurations::ListRecordingConfigurations,
    list_stream_keys::ListStreamKeys,
    list_stream_sessions::ListStreamSessions,
    list_streams::ListStreams,
    list_tags_for_resource::ListTagsForResource,
    put_metadata::PutMetadata,
    start_viewer_session_revocation::StartViewerSessionRevocation,
    stop_stream::StopStream,
    tag_resource::TagResource,
    untag_resource::UntagResource,
    update_channel::UpdateChannel,
    update_playback_restriction_policy::UpdatePlaybackRestrictionPolicy,
);

/// The client's decoding of one response, as `Handle::call` does it: the output for a 2xx,
/// else the error's code and message, then the operation's error. Any result is fine; a
/// panic fails the property.
fn decode_as<Op: Operation>(status: u16, headers: &http::HeaderMap, body: &[u8]) {
    let mut parts = http::Response::new(()).into_parts().0;
    parts.status = http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::OK);
    parts.headers = headers.clone();
    if parts.status.is_success() {
        let _ = Op::decode_output(&parts, body);
    } else {
        let meta = Op::PROTOCOL.error_meta(&parts.headers, body);
        let code = meta.code.unwrap_or_else(|| "UnknownError".to_owned());
        let unhandled = UnhandledError {
            code: code.clone(),
            message: meta.message,
            status,
        };
        if let Ok(error) = Op::Error::decode(&code, unhandled, &parts, body) {
            let _ = (error.to_string(), error.code(), error.message());
        }
    }
}

/// Member names of the model, so that generated JSON reaches the decoders' structures.
const NAMES: &[&str] = &[
    "arn",
    "arns",
    "name",
    "type",
    "latencyMode",
    "tags",
    "authorized",
    "maxResults",
    "nextToken",
    "recordingConfigurationArn",
    "srt",
    "passphrase",
    "multitrackInputConfiguration",
    "enabled",
    "policy",
    "maximumResolution",
    "containerFormat",
    "insecureIngest",
    "preset",
    "destinationConfiguration",
    "s3",
    "bucketName",
    "thumbnailConfiguration",
    "recordingMode",
    "targetIntervalSeconds",
    "storage",
    "resolution",
    "renditionConfiguration",
    "renditions",
    "renditionSelection",
    "recordingReconnectWindowSeconds",
    "resourceArn",
    "tagKeys",
    "channelArn",
    "metadata",
    "publicKeyMaterial",
    "playbackRestrictionPolicyArn",
    "allowedCountries",
    "allowedOrigins",
    "enableStrictOriginEnforcement",
    "viewerId",
    "viewerSessionVersionsLessThanOrEqualTo",
    "viewerSessions",
    "streamId",
    "durationSeconds",
    "mediaTailorPlaybackConfigurations",
    "playbackConfigurationArn",
    "filterByName",
    "filterByState",
    "filterByHealth",
    "filterByRecordingConfigurationArn",
    "filterByPlaybackRestrictionPolicyArn",
    "adConfigurationArn",
    "exceptionMessage",
    "message",
    "code",
    "__type",
    "channel",
    "channels",
    "streamKey",
    "streamKeys",
    "errors",
    "stream",
    "streams",
    "streamSession",
    "keyPair",
    "",
];

/// JSON values of any shape, at most a few levels deep, keyed by the model's names.
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "[ -~]{0,40}".prop_map(Value::String),
        any::<String>().prop_map(Value::String),
        prop::sample::select(NAMES).prop_map(|name| Value::String(name.to_owned())),
        Just(Value::String(
            "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCD1234".into()
        )),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(NAMES), inner), 0..8).prop_map(|members| {
                Value::Object(
                    members
                        .into_iter()
                        .map(|(k, v)| (k.to_owned(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

/// A request body: JSON built from the model's names, an object of them, or raw bytes.
fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => prop::collection::vec((prop::sample::select(NAMES), json()), 0..6).prop_map(|members| {
            let object: Map<String, Value> = members.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
            serde_json::to_vec(&object).unwrap()
        }),
        2 => json().prop_map(|value| serde_json::to_vec(&value).unwrap()),
        1 => prop::collection::vec(any::<u8>(), 0..200),
        1 => Just(Vec::new()),
    ]
}

/// A URI label's value, percent-encoded as a client would (or not at all).
fn label() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("arn%3Aaws%3Aivs%3Aus-west-2%3A123456789012%3Achannel%2FabcdABCD1234".to_owned()),
        "[a-zA-Z0-9%:/_.~-]{0,30}",
        any::<String>().prop_map(|s| s.bytes().map(|b| format!("%{b:02X}")).collect()),
    ]
}

/// A request: an operation's method and URI (labels filled), or a made-up one; a query, a
/// content type, extra headers and a body.
fn request() -> impl Strategy<Value = http::Request<Body>> {
    let target = prop_oneof![
        4 => (0..OPERATIONS.len(), label()).prop_map(|(index, value)| {
            let info = &OPERATIONS[index];
            let uri = info.uri.replace("{resourceArn}", &value);
            (info.method.to_owned(), uri)
        }),
        1 => (prop::sample::select(&["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"][..]), "/[ -~&&[^ #?]]{0,40}")
            .prop_map(|(method, path)| (method.to_owned(), path)),
    ];
    let query = prop_oneof![
        Just(String::new()),
        prop::collection::vec(
            (
                prop::sample::select(&["tagKeys", "maxResults", "nextToken", "x"][..]),
                label()
            ),
            0..4
        )
        .prop_map(|pairs| {
            let joined: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("?{}", joined.join("&"))
        }),
    ];
    let content_type = prop::sample::select(
        &[
            None,
            Some("application/json"),
            Some("application/json; charset=utf-8"),
            Some("text/plain"),
            Some("application/x-amz-json-1.1"),
            Some("\u{1}"),
        ][..],
    );
    (target, query, content_type, body()).prop_filter_map(
        "a valid URI",
        |((method, uri), query, content_type, body)| {
            let mut builder = http::Request::builder()
                .method(method.as_str())
                .uri(format!("{uri}{query}"));
            if let Some(content_type) = content_type {
                builder = builder.header("content-type", content_type);
            }
            builder.body(Body::from(body)).ok()
        },
    )
}

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        // A failure prints its shrunk case; no regression files are written into the tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
    })
}

/// ivs-local's router, in memory; with authentication when `auth`.
fn router(auth: bool) -> axum::Router {
    let emulator = ivs_local::Emulator::open(ivs_local::Settings::default()).unwrap();
    let mut config = ivs_server::ServerConfig::default();
    if auth {
        config = config.with_auth(ivs_server::Auth::new("us-west-2", "ivs").key("AKIDFUZZ", "fuzz-secret"));
    }
    emulator.into_router(config)
}

/// Sends `request` to `app` and checks the answer's contract; returns its status.
fn answer_within_contract(app: &axum::Router, request: http::Request<Body>) -> Result<u16, TestCaseError> {
    // An answer to HEAD has no body (axum drops it, as HTTP says).
    let head = request.method() == http::Method::HEAD;
    let response = runtime().block_on(app.clone().oneshot(request)).unwrap();
    let (parts, body) = response.into_parts();
    let body = runtime().block_on(body.collect()).unwrap().to_bytes();
    let status = parts.status.as_u16();
    let text = String::from_utf8_lossy(&body);
    prop_assert!(status < 500, "status {status}: {text}");
    prop_assert!(parts.headers.contains_key("x-amzn-requestid"));
    prop_assert!(body.len() < 128 * 1024, "an answer of {} bytes", body.len());
    if status >= 400 {
        prop_assert!(
            parts.headers.contains_key("x-amzn-errortype"),
            "{status} without a code: {text}"
        );
        if head {
            return Ok(status);
        }
        let json: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        prop_assert!(json["message"].is_string(), "{status} without a message: {text}");
    }
    Ok(status)
}

proptest! {
    #![proptest_config(config())]

    /// The router, the decoding of every operation's input, the validator and the handlers.
    #[test]
    fn every_request_gets_a_protocol_answer(request in request()) {
        static APP: OnceLock<axum::Router> = OnceLock::new();
        answer_within_contract(APP.get_or_init(|| router(false)), request)?;
    }

    /// The SigV4 verifier: made-up signatures are refused with a 403 (never accepted, never a 5xx).
    #[test]
    fn made_up_signatures_are_refused(
        request in request(),
        algorithm in prop::sample::select(&["AWS4-HMAC-SHA256 ", "AWS4-HMAC-SHA256", "AWS4-HMAC-SHA1 ", ""][..]),
        key in prop::sample::select(&["AKIDFUZZ", "AKIDOTHER", ""][..]),
        date in "(2026[01][0-9][0-3][0-9]|[0-9]{0,9})",
        region in prop::sample::select(&["us-west-2", "eu-west-1", ""][..]),
        service in prop::sample::select(&["ivs", "s3", ""][..]),
        signed in prop::collection::vec(prop::sample::select(&["host", "x-amz-date", "content-type", "Host", "x-amz-content-sha256", ""][..]), 0..5),
        signature in "[0-9a-fA-Fg]{0,70}",
        amz_date in "(2026[01][0-9][0-3][0-9]T[0-2][0-9][0-5][0-9][0-5][0-9]Z|[ -~]{0,20})",
        extra in prop::sample::select(&[None, Some("authorization"), Some("x-amz-date"), Some("x-amz-content-sha256")][..]),
    ) {
        static APP: OnceLock<axum::Router> = OnceLock::new();
        let (mut parts, body) = request.into_parts();
        let value = format!(
            "{algorithm}Credential={key}/{date}/{region}/{service}/aws4_request, SignedHeaders={}, Signature={signature}",
            signed.join(";")
        );
        for (name, value) in [("authorization", value.as_str()), ("x-amz-date", amz_date.as_str()), ("host", "ivs")] {
            if let Ok(value) = http::HeaderValue::from_str(value) {
                parts.headers.insert(name, value);
            }
        }
        if let Some(name) = extra {
            parts.headers.append(name, http::HeaderValue::from_static("0000"));
        }
        let status = answer_within_contract(APP.get_or_init(|| router(true)), http::Request::from_parts(parts, body))?;
        prop_assert_eq!(status, 403);
    }

    /// The client's decoding of outputs and errors, for every operation.
    #[test]
    fn every_response_decodes_or_fails_cleanly(
        status in prop::sample::select(&[200u16, 201, 204, 400, 403, 404, 409, 429, 500, 503][..]),
        code in prop::sample::select(&[None, Some("ResourceNotFoundException"), Some("ValidationException"), Some("aws.ivs#ConflictException:http://x"), Some("Throttling")][..]),
        headers in prop::collection::vec((prop::sample::select(&["x-amzn-requestid", "content-type", "access-control-allow-origin", "cache-control", "x-amz-meta-a"][..]), "[ -~]{0,30}"), 0..4),
        body in body(),
    ) {
        let mut map = http::HeaderMap::new();
        if let Some(code) = code {
            map.insert("x-amzn-errortype", http::HeaderValue::from_static(code));
        }
        for (name, value) in headers {
            if let Ok(value) = http::HeaderValue::from_str(&value) {
                map.append(name, value);
            }
        }
        decode_everywhere(status, &map, &body);
    }
}

/// The generators reach what they aim at: requests are routed to real operations, decoded,
/// validated and run, not all refused at the door (a harness whose inputs all fail the same
/// first check tests nothing).
#[test]
fn the_generated_requests_reach_every_outcome() {
    let app = router(false);
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = request();
    let mut statuses = std::collections::BTreeMap::new();
    for _ in 0..400 {
        let request = strategy.new_tree(&mut runner).unwrap().current();
        let status = answer_within_contract(&app, request).unwrap();
        *statuses.entry(status).or_insert(0) += 1;
    }
    for status in [200, 400, 404] {
        assert!(statuses.contains_key(&status), "no {status} among {statuses:?}");
    }
}
