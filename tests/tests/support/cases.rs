//! One case per IVS operation (all 40): a valid input, the request it must become on the
//! wire, a canned response, the output that response decodes to, and the operation's
//! modeled errors with their HTTP status codes.
//!
//! Everything on the wire here is written by hand from the IVS API reference (the
//! "Request Syntax" / "Response Syntax" / "Errors" sections of the Low-Latency Streaming API
//! Reference, and the 2026-04-22 change for the ad-configuration operations and the batch
//! response headers), never derived from the generated code: that is what lets these cases
//! catch a binding the generator got wrong. Timestamps are ISO 8601 strings because the
//! model gives `Time` and `StreamStartTime` `@timestampFormat("date-time")`.
//!
//! The 2026 change documents the five ad-configuration operations only in boto3's format
//! (member names, no HTTP syntax). Their requests follow the `POST /<Operation>` + JSON body
//! form of every other non-tag IVS operation. Their error lists are the generated enums'
//! variants, which the `case!` macro checks exhaustively, with each error's status from the
//! reference's "Errors" sections.
//!
//! The cases are typed (`Case<O>` for operation marker `O`), so a test walks them with a
//! [`Visitor`]: `visit_all(&mut visitor)` hands it each case in turn.

#![allow(dead_code)] // client_wire and roundtrip each use their own part

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;

use ivs_client::Client;
use ivs_model::*;
use serde_json::{Value, json};
use smithy_runtime::protocol::{Operation, UnhandledError};
use smithy_runtime::time::{Date, Month};
use smithy_runtime::{Timestamp, Unit};

// ---------------------------------------------------------------------------------------
// What a case is made of
// ---------------------------------------------------------------------------------------

/// An operation whose input, output and error can be cloned and compared (every generated
/// one can; the bounds just say so to generic test code).
pub trait CaseOp:
    Operation<Input: Clone + PartialEq + Send, Output: Clone + PartialEq + Send + Sync, Error: Clone + PartialEq + Send>
    + 'static
{
}

impl<O> CaseOp for O where
    O: Operation<
            Input: Clone + PartialEq + Send,
            Output: Clone + PartialEq + Send + Sync,
            Error: Clone + PartialEq + Send,
        > + 'static
{
}

/// The request the client must send, as the API reference writes it.
#[derive(Debug, Clone)]
pub struct WireRequest {
    pub method: &'static str,
    /// The raw path, percent-encoded as sent (`/tags/arn%3Aaws%3A...`).
    pub path: String,
    /// The raw query string without `?`; empty when there is none.
    pub query: String,
    /// The JSON body; `None` when the request has no body at all.
    pub body: Option<Value>,
}

/// A response to answer with.
#[derive(Debug, Clone)]
pub struct WireResponse {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    /// The JSON body; `None` for an empty body.
    pub body: Option<Value>,
}

/// The request id every canned response carries (so tests can check it is kept).
pub const REQUEST_ID: &str = "7d5e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";

/// What a decoded modeled error holds, read from its variant by hand.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorFields {
    /// `exceptionMessage`.
    pub message: Option<String>,
    /// The member bound to the `x-amzn-ErrorType` response header.
    pub error_type: Option<String>,
}

/// One modeled error of an operation.
pub struct ErrorCase<E> {
    /// The error code (the shape name), as sent in `x-amzn-ErrorType`.
    pub code: &'static str,
    /// Its `@httpError` status, from the reference's "Errors" section.
    pub status: u16,
    /// The variant's fields when `error` is this variant, `None` otherwise. Matched on the
    /// enum variant directly, not through the generated `code()`.
    pub fields: fn(&E) -> Option<ErrorFields>,
    /// This variant with `exceptionMessage` set (what a server implementation returns).
    pub make: fn(String) -> E,
}

/// The client's future for one call.
pub type CallFuture<O> =
    Pin<Box<dyn Future<Output = Result<<O as Operation>::Output, ivs_client::Error<<O as Operation>::Error>>> + Send>>;

/// One operation's case.
pub struct Case<O: CaseOp> {
    /// The operation's name, e.g. `CreateChannel`.
    pub name: &'static str,
    pub input: O::Input,
    pub request: WireRequest,
    pub response: WireResponse,
    pub output: O::Output,
    pub errors: Vec<ErrorCase<O::Error>>,
    /// The unhandled error, when `error` is the `Unhandled` variant.
    pub unhandled: fn(&O::Error) -> Option<&UnhandledError>,
    /// `client.<op>().set_input(input).send()`.
    pub call: fn(&Client, O::Input) -> CallFuture<O>,
}

/// Something that runs over every case.
pub trait Visitor {
    fn visit<O: CaseOp>(&mut self, case: Case<O>) -> impl Future<Output = ()>;
}

/// Hands every one of the 40 cases to `visitor`, in the model's order.
pub async fn visit_all<V: Visitor>(visitor: &mut V) {
    visitor.visit(batch_get_channel()).await;
    visitor.visit(batch_get_stream_key()).await;
    visitor.visit(batch_start_viewer_session_revocation()).await;
    visitor.visit(create_ad_configuration()).await;
    visitor.visit(create_channel()).await;
    visitor.visit(create_playback_restriction_policy()).await;
    visitor.visit(create_recording_configuration()).await;
    visitor.visit(create_stream_key()).await;
    visitor.visit(delete_ad_configuration()).await;
    visitor.visit(delete_channel()).await;
    visitor.visit(delete_playback_key_pair()).await;
    visitor.visit(delete_playback_restriction_policy()).await;
    visitor.visit(delete_recording_configuration()).await;
    visitor.visit(delete_stream_key()).await;
    visitor.visit(get_ad_configuration()).await;
    visitor.visit(get_channel()).await;
    visitor.visit(get_playback_key_pair()).await;
    visitor.visit(get_playback_restriction_policy()).await;
    visitor.visit(get_recording_configuration()).await;
    visitor.visit(get_stream()).await;
    visitor.visit(get_stream_key()).await;
    visitor.visit(get_stream_session()).await;
    visitor.visit(import_playback_key_pair()).await;
    visitor.visit(insert_ad_break()).await;
    visitor.visit(list_ad_configurations()).await;
    visitor.visit(list_channels()).await;
    visitor.visit(list_playback_key_pairs()).await;
    visitor.visit(list_playback_restriction_policies()).await;
    visitor.visit(list_recording_configurations()).await;
    visitor.visit(list_stream_keys()).await;
    visitor.visit(list_stream_sessions()).await;
    visitor.visit(list_streams()).await;
    visitor.visit(list_tags_for_resource()).await;
    visitor.visit(put_metadata()).await;
    visitor.visit(start_viewer_session_revocation()).await;
    visitor.visit(stop_stream()).await;
    visitor.visit(tag_resource()).await;
    visitor.visit(untag_resource()).await;
    visitor.visit(update_channel()).await;
    visitor.visit(update_playback_restriction_policy()).await;
}

/// How many operations IVS has (2026-04-22).
pub const OPERATION_COUNT: usize = 40;

/// Defines `pub fn <module>() -> Case<Marker>`. `<module>` is at once the operation's
/// module in `ivs_model::operation` and the client's method. Naming an error the operation
/// does not have fails the build; missing one fails `every_case_lists_exactly_the_modeled_errors`
/// (the error enums are `#[non_exhaustive]`, so an exhaustive `match` cannot say it here).
macro_rules! case {
    (
        $module:ident => $op:ident, $error:ident;
        input: $input:expr;
        request: $request:expr;
        response: $response:expr;
        output: $output:expr;
        errors: [$($variant:ident = $status:literal),+ $(,)?];
    ) => {
        pub fn $module() -> Case<ivs_model::operation::$module::$op> {
            // Not imported: `BatchStartViewerSessionRevocationError` is also a shape's name.
            type OpError = ivs_model::operation::$module::$error;
            Case {
                name: stringify!($op),
                input: $input,
                request: $request,
                response: $response,
                output: $output,
                errors: vec![$(ErrorCase {
                    code: stringify!($variant),
                    status: $status,
                    fields: |error: &OpError| match error {
                        OpError::$variant(inner) => Some(ErrorFields {
                            message: inner.exception_message.clone(),
                            error_type: inner.x_amzn_error_type.clone(),
                        }),
                        _ => None,
                    },
                    make: |message| OpError::$variant($variant::default().with_exception_message(message)),
                }),+],
                unhandled: |error: &OpError| match error {
                    OpError::Unhandled(unhandled) => Some(unhandled),
                    _ => None,
                },
                call: |client, input| Box::pin(client.$module().set_input(input).send()),
            }
        }
    };
}

// ---------------------------------------------------------------------------------------
// Wire helpers
// ---------------------------------------------------------------------------------------

/// `POST /<Operation>` with a JSON body: how the reference writes every operation but the
/// tag ones.
fn post(path: &str, body: Value) -> WireRequest {
    WireRequest {
        method: "POST",
        path: path.to_owned(),
        query: String::new(),
        body: Some(body),
    }
}

/// `HTTP/1.1 200` with a JSON body.
fn ok(body: Value) -> WireResponse {
    ok_with_headers(Vec::new(), body)
}

/// `HTTP/1.1 200` with a JSON body and extra headers (the batch operations' header members).
fn ok_with_headers(mut headers: Vec<(&'static str, String)>, body: Value) -> WireResponse {
    headers.push(("content-type", "application/json".to_owned()));
    headers.push(("x-amzn-requestid", REQUEST_ID.to_owned()));
    WireResponse {
        status: 200,
        headers,
        body: Some(body),
    }
}

/// `HTTP/1.1 200` and nothing else: the reference's response for operations whose output
/// has no members.
fn ok_empty() -> WireResponse {
    WireResponse {
        status: 200,
        headers: vec![("x-amzn-requestid", REQUEST_ID.to_owned())],
        body: None,
    }
}

/// `HTTP/1.1 204`: the deletes that return nothing, and `PutMetadata`.
fn no_content() -> WireResponse {
    WireResponse {
        status: 204,
        headers: vec![("x-amzn-requestid", REQUEST_ID.to_owned())],
        body: None,
    }
}

fn tags(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// A UTC instant, built with the `time` crate (not with the runtime's parser).
fn utc(year: i32, month: u8, day: u8, hour: u8, minute: u8, second: u8, milli: u16) -> Timestamp {
    Date::from_calendar_date(year, Month::try_from(month).unwrap(), day)
        .unwrap()
        .with_hms_milli(hour, minute, second, milli)
        .unwrap()
        .assume_utc()
}

// ---------------------------------------------------------------------------------------
// Resources the cases name
// ---------------------------------------------------------------------------------------

pub const CHANNEL_ARN: &str = "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh";
pub const CHANNEL_ARN_2: &str = "arn:aws:ivs:us-west-2:123456789012:channel/ijklIJKLmnop";
pub const STREAM_KEY_ARN: &str = "arn:aws:ivs:us-west-2:123456789012:stream-key/g1H2I3j4k5L6";
pub const STREAM_KEY_ARN_2: &str = "arn:aws:ivs:us-west-2:123456789012:stream-key/m7N8o9P0q1R2";
pub const RECORDING_ARN: &str = "arn:aws:ivs:us-west-2:123456789012:recording-configuration/EfGh1234IjKl";
pub const POLICY_ARN: &str = "arn:aws:ivs:us-west-2:123456789012:playback-restriction-policy/ABcdEF123456";
pub const KEY_PAIR_ARN: &str = "arn:aws:ivs:us-west-2:123456789012:playback-key/f99cde61c2b0";
pub const AD_CONFIGURATION_ARN: &str = "arn:aws:ivs:us-west-2:123456789012:ad-configuration/Xy12Zw34Ab56";
pub const MEDIATAILOR_ARN: &str = "arn:aws:mediatailor:us-west-2:123456789012:playbackConfiguration/live-midrolls";
/// 26 characters: `st-` and 23 alphanumerics, as `StreamId` requires.
pub const STREAM_ID: &str = "st-1A2b3C4d5E6f7G8h9I0jKlM";
pub const STREAM_ID_2: &str = "st-9Z8y7X6w5V4u3T2s1R0qPoN";
const STREAM_KEY_VALUE: &str = "sk_us-west-2_abcdABCDefgh_0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d";
const INGEST_ENDPOINT: &str = "a1b2c3d4e5f6.global-contribute.live-video.net";
const PLAYBACK_URL: &str = "https://a1b2c3d4e5f6.us-west-2.playback.live-video.net/api/video/v1/us-west-2.123456789012.channel.abcdABCDefgh.m3u8";
const SRT_ENDPOINT: &str = "a1b2c3d4e5f6.srt.live-video.net";
const NEXT_TOKEN: &str = "AQICAHh0c2VjcmV0LXBhZ2UtdG9rZW4tMg==";
const PUBLIC_KEY_PEM: &str = "-----BEGIN PUBLIC KEY-----\n\
MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEq3Jd0aR5vT1kWm8Nc2bLx7Pq4Ys9Ue6F\n\
tH0gZr1Vw5Ka8Bd3Jm6Qn2Xs7Lc4Pf9Ry1Ht5Gu8Iv0Jw3Kx6Ly9Mz2Na5Ob8Pc1Q\n\
d4Re7Sf0Tg3Uh6Vi9Wj2Xk5Yl8Zm1An4Bo7Cp0Dq3Er6Fs9Gt2Hu5Iv8Jw1Kx4Ly7\n\
-----END PUBLIC KEY-----\n";

// ---------------------------------------------------------------------------------------
// Resources as the service returns them: each JSON document next to the value it decodes to
// ---------------------------------------------------------------------------------------

/// A STANDARD channel with multitrack input (which requires fMP4), as `Channel` is in the
/// reference's response syntax, with the 2026 `adConfigurationArn`.
fn multitrack_channel_json() -> Value {
    json!({
        "arn": CHANNEL_ARN,
        "name": "lobby-cam",
        "latencyMode": "LOW",
        "type": "STANDARD",
        "recordingConfigurationArn": RECORDING_ARN,
        "ingestEndpoint": INGEST_ENDPOINT,
        "playbackUrl": PLAYBACK_URL,
        "authorized": true,
        "tags": {"team": "video", "env": "prod"},
        "insecureIngest": false,
        "srt": {"endpoint": SRT_ENDPOINT, "passphrase": "q5Cv8pZt2Lw9Xy3Rb6Nm1Ks4Dj7Fh0Ga"},
        "playbackRestrictionPolicyArn": POLICY_ARN,
        "multitrackInputConfiguration": {"enabled": true, "policy": "ALLOW", "maximumResolution": "FULL_HD"},
        "containerFormat": "FRAGMENTED_MP4",
        "adConfigurationArn": AD_CONFIGURATION_ARN
    })
}

fn multitrack_channel() -> Channel {
    Channel::default()
        .with_arn(CHANNEL_ARN)
        .with_name("lobby-cam")
        .with_latency_mode(ChannelLatencyMode::Low)
        .with_type(ChannelType::Standard)
        .with_recording_configuration_arn(RECORDING_ARN)
        .with_ingest_endpoint(INGEST_ENDPOINT)
        .with_playback_url(PLAYBACK_URL)
        .with_authorized(true)
        .with_tags(tags(&[("team", "video"), ("env", "prod")]))
        .with_insecure_ingest(false)
        .with_srt(
            Srt::default()
                .with_endpoint(SRT_ENDPOINT)
                .with_passphrase("q5Cv8pZt2Lw9Xy3Rb6Nm1Ks4Dj7Fh0Ga"),
        )
        .with_playback_restriction_policy_arn(POLICY_ARN)
        .with_multitrack_input_configuration(
            MultitrackInputConfiguration::default()
                .with_enabled(true)
                .with_policy(MultitrackPolicy::Allow)
                .with_maximum_resolution(MultitrackMaximumResolution::FullHd),
        )
        .with_container_format(ContainerFormat::FragmentedMp4)
        .with_ad_configuration_arn(AD_CONFIGURATION_ARN)
}

/// An ADVANCED_HD channel with a transcode preset, recording turned off (empty ARN) and
/// multitrack disabled.
fn advanced_channel_json() -> Value {
    json!({
        "arn": CHANNEL_ARN,
        "name": "main-stage",
        "latencyMode": "NORMAL",
        "type": "ADVANCED_HD",
        "recordingConfigurationArn": "",
        "ingestEndpoint": INGEST_ENDPOINT,
        "playbackUrl": PLAYBACK_URL,
        "authorized": false,
        "tags": {},
        "insecureIngest": true,
        "preset": "CONSTRAINED_BANDWIDTH_DELIVERY",
        "srt": {"endpoint": SRT_ENDPOINT},
        "playbackRestrictionPolicyArn": "",
        "multitrackInputConfiguration": {"enabled": false},
        "containerFormat": "TS",
        "adConfigurationArn": ""
    })
}

fn advanced_channel() -> Channel {
    Channel::default()
        .with_arn(CHANNEL_ARN)
        .with_name("main-stage")
        .with_latency_mode(ChannelLatencyMode::Normal)
        .with_type(ChannelType::AdvancedHd)
        .with_recording_configuration_arn("")
        .with_ingest_endpoint(INGEST_ENDPOINT)
        .with_playback_url(PLAYBACK_URL)
        .with_authorized(false)
        .with_tags(BTreeMap::new())
        .with_insecure_ingest(true)
        .with_preset(TranscodePreset::ConstrainedBandwidthDelivery)
        .with_srt(Srt::default().with_endpoint(SRT_ENDPOINT))
        .with_playback_restriction_policy_arn("")
        .with_multitrack_input_configuration(MultitrackInputConfiguration::default().with_enabled(false))
        .with_container_format(ContainerFormat::Ts)
        .with_ad_configuration_arn("")
}

fn stream_key_json(arn: &str) -> Value {
    json!({"arn": arn, "value": STREAM_KEY_VALUE, "channelArn": CHANNEL_ARN, "tags": {"owner": "studio-b"}})
}

fn stream_key(arn: &str) -> StreamKey {
    StreamKey::default()
        .with_arn(arn)
        .with_value(STREAM_KEY_VALUE)
        .with_channel_arn(CHANNEL_ARN)
        .with_tags(tags(&[("owner", "studio-b")]))
}

fn policy_json() -> Value {
    json!({
        "arn": POLICY_ARN,
        "allowedCountries": ["US", "CA", "MX"],
        "allowedOrigins": ["https://www.example.com", "https://app.example.com"],
        "enableStrictOriginEnforcement": true,
        "name": "north-america",
        "tags": {"team": "video"}
    })
}

fn policy() -> PlaybackRestrictionPolicy {
    PlaybackRestrictionPolicy::default()
        .with_arn(POLICY_ARN)
        .with_allowed_countries(strings(&["US", "CA", "MX"]))
        .with_allowed_origins(strings(&["https://www.example.com", "https://app.example.com"]))
        .with_enable_strict_origin_enforcement(true)
        .with_name("north-america")
        .with_tags(tags(&[("team", "video")]))
}

fn recording_configuration_json(state: &str) -> Value {
    json!({
        "arn": RECORDING_ARN,
        "name": "archive-hd",
        "destinationConfiguration": {"s3": {"bucketName": "ivs-recordings-us-west-2"}},
        "state": state,
        "tags": {"team": "video"},
        "thumbnailConfiguration": {
            "recordingMode": "INTERVAL",
            "targetIntervalSeconds": 30,
            "resolution": "HD",
            "storage": ["SEQUENTIAL", "LATEST"]
        },
        "recordingReconnectWindowSeconds": 60,
        "renditionConfiguration": {"renditionSelection": "CUSTOM", "renditions": ["HD", "FULL_HD"]}
    })
}

fn recording_configuration(state: RecordingConfigurationState) -> RecordingConfiguration {
    RecordingConfiguration::default()
        .with_arn(RECORDING_ARN)
        .with_name("archive-hd")
        .with_destination_configuration(destination())
        .with_state(state)
        .with_tags(tags(&[("team", "video")]))
        .with_thumbnail_configuration(thumbnails())
        .with_recording_reconnect_window_seconds(60)
        .with_rendition_configuration(renditions())
}

fn destination() -> DestinationConfiguration {
    DestinationConfiguration::default()
        .with_s3(S3DestinationConfiguration::default().with_bucket_name("ivs-recordings-us-west-2"))
}

fn thumbnails() -> ThumbnailConfiguration {
    ThumbnailConfiguration::default()
        .with_recording_mode(RecordingMode::Interval)
        .with_target_interval_seconds(30)
        .with_resolution(ThumbnailConfigurationResolution::Hd)
        .with_storage(vec![
            ThumbnailConfigurationStorage::Sequential,
            ThumbnailConfigurationStorage::Latest,
        ])
}

fn renditions() -> RenditionConfiguration {
    RenditionConfiguration::default()
        .with_rendition_selection(RenditionConfigurationRenditionSelection::Custom)
        .with_renditions(vec![
            RenditionConfigurationRendition::Hd,
            RenditionConfigurationRendition::FullHd,
        ])
}

fn key_pair_json() -> Value {
    json!({
        "arn": KEY_PAIR_ARN,
        "name": "player-auth",
        "fingerprint": "3a:5f:9c:1e:7b:2d:8a:4c:6e:0f:b1:d3:95:e7:29:4b",
        "tags": {"team": "video"}
    })
}

fn key_pair() -> PlaybackKeyPair {
    PlaybackKeyPair::default()
        .with_arn(KEY_PAIR_ARN)
        .with_name("player-auth")
        .with_fingerprint("3a:5f:9c:1e:7b:2d:8a:4c:6e:0f:b1:d3:95:e7:29:4b")
        .with_tags(tags(&[("team", "video")]))
}

fn ad_configuration_json() -> Value {
    json!({
        "arn": AD_CONFIGURATION_ARN,
        "name": "midroll-ads",
        "mediaTailorPlaybackConfigurations": [{"playbackConfigurationArn": MEDIATAILOR_ARN}],
        "tags": {"team": "ads"}
    })
}

fn ad_configuration() -> AdConfiguration {
    AdConfiguration::default()
        .with_arn(AD_CONFIGURATION_ARN)
        .with_name("midroll-ads")
        .with_media_tailor_playback_configurations(vec![media_tailor()])
        .with_tags(tags(&[("team", "ads")]))
}

fn media_tailor() -> MediaTailorPlaybackConfiguration {
    MediaTailorPlaybackConfiguration::default().with_playback_configuration_arn(MEDIATAILOR_ARN)
}

/// The seven headers the 2026-04-22 change bound to the batch operations' outputs.
fn batch_headers() -> Vec<(&'static str, String)> {
    vec![
        ("access-control-allow-origin", "*".to_owned()),
        (
            "access-control-expose-headers",
            "x-amzn-RequestId,x-amzn-ErrorType".to_owned(),
        ),
        ("cache-control", "no-store".to_owned()),
        ("content-security-policy", "default-src 'none'".to_owned()),
        (
            "strict-transport-security",
            "max-age=47304000; includeSubDomains".to_owned(),
        ),
        ("x-content-type-options", "nosniff".to_owned()),
        ("x-frame-options", "DENY".to_owned()),
    ]
}

// ---------------------------------------------------------------------------------------
// The 40 cases, in the model's order
// ---------------------------------------------------------------------------------------

case! {
    batch_get_channel => BatchGetChannel, BatchGetChannelError;
    input: BatchGetChannelRequest::default().with_arns(strings(&[CHANNEL_ARN, CHANNEL_ARN_2]));
    request: post("/BatchGetChannel", json!({"arns": [CHANNEL_ARN, CHANNEL_ARN_2]}));
    response: ok_with_headers(batch_headers(), json!({
        "channels": [multitrack_channel_json()],
        "errors": [{
            "arn": CHANNEL_ARN_2,
            "code": "ResourceNotFoundException",
            "message": "channel ijklIJKLmnop does not exist"
        }]
    }));
    output: BatchGetChannelResponse::default()
        .with_access_control_allow_origin("*")
        .with_access_control_expose_headers("x-amzn-RequestId,x-amzn-ErrorType")
        .with_cache_control("no-store")
        .with_content_security_policy("default-src 'none'")
        .with_strict_transport_security("max-age=47304000; includeSubDomains")
        .with_x_content_type_options("nosniff")
        .with_x_frame_options("DENY")
        .with_channels(vec![multitrack_channel()])
        .with_errors(vec![BatchError::default()
            .with_arn(CHANNEL_ARN_2)
            .with_code("ResourceNotFoundException")
            .with_message("channel ijklIJKLmnop does not exist")]);
    errors: [AccessDeniedException = 403, ServiceUnavailable = 503, ValidationException = 400];
}

case! {
    batch_get_stream_key => BatchGetStreamKey, BatchGetStreamKeyError;
    input: BatchGetStreamKeyRequest::default().with_arns(strings(&[STREAM_KEY_ARN, STREAM_KEY_ARN_2]));
    request: post("/BatchGetStreamKey", json!({"arns": [STREAM_KEY_ARN, STREAM_KEY_ARN_2]}));
    // Only two of the seven header members: the others must decode as absent.
    response: ok_with_headers(
        vec![("cache-control", "no-store".to_owned()), ("x-frame-options", "SAMEORIGIN".to_owned())],
        json!({"streamKeys": [stream_key_json(STREAM_KEY_ARN), stream_key_json(STREAM_KEY_ARN_2)], "errors": []}),
    );
    output: BatchGetStreamKeyResponse::default()
        .with_cache_control("no-store")
        .with_x_frame_options("SAMEORIGIN")
        .with_stream_keys(vec![stream_key(STREAM_KEY_ARN), stream_key(STREAM_KEY_ARN_2)])
        .with_errors(Vec::new());
    errors: [AccessDeniedException = 403, ServiceUnavailable = 503, ValidationException = 400];
}

case! {
    batch_start_viewer_session_revocation => BatchStartViewerSessionRevocation, BatchStartViewerSessionRevocationError;
    input: BatchStartViewerSessionRevocationRequest::default().with_viewer_sessions(vec![
        BatchStartViewerSessionRevocationViewerSession::default()
            .with_channel_arn(CHANNEL_ARN)
            .with_viewer_id("viewer-0042")
            .with_viewer_session_versions_less_than_or_equal_to(3),
        // The version has a Smithy default (0) and this structure is not an @input: left
        // out, the default is filled in and sent, as the spec says effective defaults are.
        BatchStartViewerSessionRevocationViewerSession::default()
            .with_channel_arn(CHANNEL_ARN_2)
            .with_viewer_id("viewer-0043"),
    ]);
    request: post("/BatchStartViewerSessionRevocation", json!({
        "viewerSessions": [
            {"channelArn": CHANNEL_ARN, "viewerId": "viewer-0042", "viewerSessionVersionsLessThanOrEqualTo": 3},
            {"channelArn": CHANNEL_ARN_2, "viewerId": "viewer-0043", "viewerSessionVersionsLessThanOrEqualTo": 0}
        ]
    }));
    response: ok_with_headers(batch_headers(), json!({
        "errors": [{
            "channelArn": CHANNEL_ARN_2,
            "viewerId": "viewer-0043",
            "code": "ResourceNotFoundException",
            "message": "channel ijklIJKLmnop does not exist"
        }]
    }));
    output: BatchStartViewerSessionRevocationResponse::default()
        .with_access_control_allow_origin("*")
        .with_access_control_expose_headers("x-amzn-RequestId,x-amzn-ErrorType")
        .with_cache_control("no-store")
        .with_content_security_policy("default-src 'none'")
        .with_strict_transport_security("max-age=47304000; includeSubDomains")
        .with_x_content_type_options("nosniff")
        .with_x_frame_options("DENY")
        .with_errors(vec![BatchStartViewerSessionRevocationError::default()
            .with_channel_arn(CHANNEL_ARN_2)
            .with_viewer_id("viewer-0043")
            .with_code("ResourceNotFoundException")
            .with_message("channel ijklIJKLmnop does not exist")]);
    errors: [
        AccessDeniedException = 403,
        PendingVerification = 403,
        ThrottlingException = 429,
        ValidationException = 400,
    ];
}

case! {
    create_ad_configuration => CreateAdConfiguration, CreateAdConfigurationError;
    input: CreateAdConfigurationRequest::default()
        .with_name("midroll-ads")
        .with_media_tailor_playback_configurations(vec![media_tailor()]);
    request: post("/CreateAdConfiguration", json!({
        "name": "midroll-ads",
        "mediaTailorPlaybackConfigurations": [{"playbackConfigurationArn": MEDIATAILOR_ARN}]
    }));
    response: ok(json!({"adConfiguration": ad_configuration_json()}));
    output: CreateAdConfigurationResponse::default().with_ad_configuration(ad_configuration());
    errors: [
        AccessDeniedException = 403,
        ConflictException = 409,
        InternalServerException = 500,
        PendingVerification = 403,
        ResourceNotFoundException = 404,
        ServiceQuotaExceededException = 402,
        ThrottlingException = 429,
        ValidationException = 400,
    ];
}

case! {
    create_channel => CreateChannel, CreateChannelError;
    // Every member but `preset`, which only ADVANCED channels take (see UpdateChannel).
    input: CreateChannelRequest::default()
        .with_name("lobby-cam")
        .with_latency_mode(ChannelLatencyMode::Low)
        .with_type(ChannelType::Standard)
        .with_authorized(true)
        .with_recording_configuration_arn(RECORDING_ARN)
        .with_tags(tags(&[("team", "video"), ("env", "prod")]))
        .with_insecure_ingest(false)
        .with_playback_restriction_policy_arn(POLICY_ARN)
        .with_multitrack_input_configuration(
            MultitrackInputConfiguration::default()
                .with_enabled(true)
                .with_policy(MultitrackPolicy::Allow)
                .with_maximum_resolution(MultitrackMaximumResolution::FullHd),
        )
        .with_container_format(ContainerFormat::FragmentedMp4)
        .with_ad_configuration_arn(AD_CONFIGURATION_ARN);
    request: post("/CreateChannel", json!({
        "name": "lobby-cam",
        "latencyMode": "LOW",
        "type": "STANDARD",
        "authorized": true,
        "recordingConfigurationArn": RECORDING_ARN,
        "tags": {"team": "video", "env": "prod"},
        "insecureIngest": false,
        "playbackRestrictionPolicyArn": POLICY_ARN,
        "multitrackInputConfiguration": {"enabled": true, "policy": "ALLOW", "maximumResolution": "FULL_HD"},
        "containerFormat": "FRAGMENTED_MP4",
        "adConfigurationArn": AD_CONFIGURATION_ARN
    }));
    response: ok(json!({"channel": multitrack_channel_json(), "streamKey": stream_key_json(STREAM_KEY_ARN)}));
    output: CreateChannelResponse::default()
        .with_channel(multitrack_channel())
        .with_stream_key(stream_key(STREAM_KEY_ARN));
    errors: [
        AccessDeniedException = 403,
        PendingVerification = 403,
        ResourceNotFoundException = 404,
        ServiceQuotaExceededException = 402,
        ValidationException = 400,
    ];
}

case! {
    create_playback_restriction_policy => CreatePlaybackRestrictionPolicy, CreatePlaybackRestrictionPolicyError;
    input: CreatePlaybackRestrictionPolicyRequest::default()
        .with_allowed_countries(strings(&["US", "CA", "MX"]))
        .with_allowed_origins(strings(&["https://www.example.com", "https://app.example.com"]))
        .with_enable_strict_origin_enforcement(true)
        .with_name("north-america")
        .with_tags(tags(&[("team", "video")]));
    request: post("/CreatePlaybackRestrictionPolicy", json!({
        "allowedCountries": ["US", "CA", "MX"],
        "allowedOrigins": ["https://www.example.com", "https://app.example.com"],
        "enableStrictOriginEnforcement": true,
        "name": "north-america",
        "tags": {"team": "video"}
    }));
    response: ok(json!({"playbackRestrictionPolicy": policy_json()}));
    output: CreatePlaybackRestrictionPolicyResponse::default().with_playback_restriction_policy(policy());
    errors: [
        AccessDeniedException = 403,
        PendingVerification = 403,
        ServiceQuotaExceededException = 402,
        ThrottlingException = 429,
        ValidationException = 400,
    ];
}

case! {
    create_recording_configuration => CreateRecordingConfiguration, CreateRecordingConfigurationError;
    input: CreateRecordingConfigurationRequest::default()
        .with_name("archive-hd")
        .with_destination_configuration(destination())
        .with_tags(tags(&[("team", "video")]))
        .with_thumbnail_configuration(thumbnails())
        .with_recording_reconnect_window_seconds(60)
        .with_rendition_configuration(renditions());
    request: post("/CreateRecordingConfiguration", json!({
        "name": "archive-hd",
        "destinationConfiguration": {"s3": {"bucketName": "ivs-recordings-us-west-2"}},
        "tags": {"team": "video"},
        "thumbnailConfiguration": {
            "recordingMode": "INTERVAL",
            "targetIntervalSeconds": 30,
            "resolution": "HD",
            "storage": ["SEQUENTIAL", "LATEST"]
        },
        "recordingReconnectWindowSeconds": 60,
        "renditionConfiguration": {"renditionSelection": "CUSTOM", "renditions": ["HD", "FULL_HD"]}
    }));
    response: ok(json!({"recordingConfiguration": recording_configuration_json("CREATING")}));
    output: CreateRecordingConfigurationResponse::default()
        .with_recording_configuration(recording_configuration(RecordingConfigurationState::Creating));
    errors: [
        AccessDeniedException = 403,
        ConflictException = 409,
        InternalServerException = 500,
        PendingVerification = 403,
        ServiceQuotaExceededException = 402,
        ValidationException = 400,
    ];
}

case! {
    create_stream_key => CreateStreamKey, CreateStreamKeyError;
    input: CreateStreamKeyRequest::default()
        .with_channel_arn(CHANNEL_ARN)
        .with_tags(tags(&[("owner", "studio-b")]));
    request: post("/CreateStreamKey", json!({"channelArn": CHANNEL_ARN, "tags": {"owner": "studio-b"}}));
    response: ok(json!({"streamKey": stream_key_json(STREAM_KEY_ARN)}));
    output: CreateStreamKeyResponse::default().with_stream_key(stream_key(STREAM_KEY_ARN));
    errors: [
        AccessDeniedException = 403,
        PendingVerification = 403,
        ResourceNotFoundException = 404,
        ServiceQuotaExceededException = 402,
        ValidationException = 400,
    ];
}

case! {
    delete_ad_configuration => DeleteAdConfiguration, DeleteAdConfigurationError;
    input: DeleteAdConfigurationRequest::default().with_arn(AD_CONFIGURATION_ARN);
    request: post("/DeleteAdConfiguration", json!({"arn": AD_CONFIGURATION_ARN}));
    response: no_content();
    output: Unit {};
    errors: [
        AccessDeniedException = 403,
        ConflictException = 409,
        InternalServerException = 500,
        ResourceNotFoundException = 404,
        ValidationException = 400,
    ];
}

case! {
    delete_channel => DeleteChannel, DeleteChannelError;
    input: DeleteChannelRequest::default().with_arn(CHANNEL_ARN);
    request: post("/DeleteChannel", json!({"arn": CHANNEL_ARN}));
    response: no_content();
    output: Unit {};
    errors: [
        AccessDeniedException = 403,
        ConflictException = 409,
        PendingVerification = 403,
        ResourceNotFoundException = 404,
        ValidationException = 400,
    ];
}

case! {
    delete_playback_key_pair => DeletePlaybackKeyPair, DeletePlaybackKeyPairError;
    input: DeletePlaybackKeyPairRequest::default().with_arn(KEY_PAIR_ARN);
    request: post("/DeletePlaybackKeyPair", json!({"arn": KEY_PAIR_ARN}));
    // The reference answers `HTTP/1.1 200` with no body; the output structure is empty.
    response: ok_empty();
    output: DeletePlaybackKeyPairResponse::default();
    errors: [
        AccessDeniedException = 403,
        PendingVerification = 403,
        ResourceNotFoundException = 404,
        ValidationException = 400,
    ];
}

case! {
    delete_playback_restriction_policy => DeletePlaybackRestrictionPolicy, DeletePlaybackRestrictionPolicyError;
    input: DeletePlaybackRestrictionPolicyRequest::default().with_arn(POLICY_ARN);
    request: post("/DeletePlaybackRestrictionPolicy", json!({"arn": POLICY_ARN}));
    response: no_content();
    output: Unit {};
    errors: [
        AccessDeniedException = 403,
        ConflictException = 409,
        PendingVerification = 403,
        ResourceNotFoundException = 404,
        ValidationException = 400,
    ];
}

case! {
    delete_recording_configuration => DeleteRecordingConfiguration, DeleteRecordingConfigurationError;
    input: DeleteRecordingConfigurationRequest::default().with_arn(RECORDING_ARN);
    request: post("/DeleteRecordingConfiguration", json!({"arn": RECORDING_ARN}));
    response: no_content();
    output: Unit {};
    errors: [
        AccessDeniedException = 403,
        ConflictException = 409,
        InternalServerException = 500,
        ResourceNotFoundException = 404,
        ValidationException = 400,
    ];
}

case! {
    delete_stream_key => DeleteStreamKey, DeleteStreamKeyError;
    input: DeleteStreamKeyRequest::default().with_arn(STREAM_KEY_ARN);
    request: post("/DeleteStreamKey", json!({"arn": STREAM_KEY_ARN}));
    response: no_content();
    output: Unit {};
    errors: [
        AccessDeniedException = 403,
        PendingVerification = 403,
        ResourceNotFoundException = 404,
        ValidationException = 400,
    ];
}

case! {
    get_ad_configuration => GetAdConfiguration, GetAdConfigurationError;
    input: GetAdConfigurationRequest::default().with_arn(AD_CONFIGURATION_ARN);
    request: post("/GetAdConfiguration", json!({"arn": AD_CONFIGURATION_ARN}));
    response: ok(json!({"adConfiguration": ad_configuration_json()}));
    output: GetAdConfigurationResponse::default().with_ad_configuration(ad_configuration());
    errors: [
        AccessDeniedException = 403,
        InternalServerException = 500,
        ResourceNotFoundException = 404,
        ValidationException = 400,
    ];
}

case! {
    get_channel => GetChannel, GetChannelError;
    input: GetChannelRequest::default().with_arn(CHANNEL_ARN);
    request: post("/GetChannel", json!({"arn": CHANNEL_ARN}));
    response: ok(json!({"channel": advanced_channel_json()}));
    output: GetChannelResponse::default().with_channel(advanced_channel());
    errors: [AccessDeniedException = 403, ResourceNotFoundException = 404, ValidationException = 400];
}

case! {
    get_playback_key_pair => GetPlaybackKeyPair, GetPlaybackKeyPairError;
    input: GetPlaybackKeyPairRequest::default().with_arn(KEY_PAIR_ARN);
    request: post("/GetPlaybackKeyPair", json!({"arn": KEY_PAIR_ARN}));
    response: ok(json!({"keyPair": key_pair_json()}));
    output: GetPlaybackKeyPairResponse::default().with_key_pair(key_pair());
    errors: [AccessDeniedException = 403, ResourceNotFoundException = 404, ValidationException = 400];
}

case! {
    get_playback_restriction_policy => GetPlaybackRestrictionPolicy, GetPlaybackRestrictionPolicyError;
    input: GetPlaybackRestrictionPolicyRequest::default().with_arn(POLICY_ARN);
    request: post("/GetPlaybackRestrictionPolicy", json!({"arn": POLICY_ARN}));
    response: ok(json!({"playbackRestrictionPolicy": policy_json()}));
    output: GetPlaybackRestrictionPolicyResponse::default().with_playback_restriction_policy(policy());
    errors: [
        AccessDeniedException = 403,
        PendingVerification = 403,
        ResourceNotFoundException = 404,
        ValidationException = 400,
    ];
}

case! {
    get_recording_configuration => GetRecordingConfiguration, GetRecordingConfigurationError;
    input: GetRecordingConfigurationRequest::default().with_arn(RECORDING_ARN);
    request: post("/GetRecordingConfiguration", json!({"arn": RECORDING_ARN}));
    response: ok(json!({"recordingConfiguration": recording_configuration_json("ACTIVE")}));
    output: GetRecordingConfigurationResponse::default()
        .with_recording_configuration(recording_configuration(RecordingConfigurationState::Active));
    errors: [
        AccessDeniedException = 403,
        InternalServerException = 500,
        ResourceNotFoundException = 404,
        ValidationException = 400,
    ];
}

case! {
    get_stream => GetStream, GetStreamError;
    input: GetStreamRequest::default().with_channel_arn(CHANNEL_ARN);
    request: post("/GetStream", json!({"channelArn": CHANNEL_ARN}));
    response: ok(json!({
        "stream": {
            "channelArn": CHANNEL_ARN,
            "streamId": STREAM_ID,
            "playbackUrl": PLAYBACK_URL,
            "startTime": "2024-06-10T18:25:19.123Z",
            "state": "LIVE",
            "health": "HEALTHY",
            "viewerCount": 1024
        }
    }));
    output: GetStreamResponse::default().with_stream(
        Stream::default()
            .with_channel_arn(CHANNEL_ARN)
            .with_stream_id(STREAM_ID)
            .with_playback_url(PLAYBACK_URL)
            .with_start_time(utc(2024, 6, 10, 18, 25, 19, 123))
            .with_state(StreamState::Live)
            .with_health(StreamHealth::Healthy)
            .with_viewer_count(1024),
    );
    errors: [
        AccessDeniedException = 403,
        ChannelNotBroadcasting = 404,
        ResourceNotFoundException = 404,
        ValidationException = 400,
    ];
}

case! {
    get_stream_key => GetStreamKey, GetStreamKeyError;
    input: GetStreamKeyRequest::default().with_arn(STREAM_KEY_ARN);
    request: post("/GetStreamKey", json!({"arn": STREAM_KEY_ARN}));
    response: ok(json!({"streamKey": stream_key_json(STREAM_KEY_ARN)}));
    output: GetStreamKeyResponse::default().with_stream_key(stream_key(STREAM_KEY_ARN));
    errors: [AccessDeniedException = 403, ResourceNotFoundException = 404, ValidationException = 400];
}

case! {
    get_stream_session => GetStreamSession, GetStreamSessionError;
    input: GetStreamSessionRequest::default().with_channel_arn(CHANNEL_ARN).with_stream_id(STREAM_ID);
    request: post("/GetStreamSession", json!({"channelArn": CHANNEL_ARN, "streamId": STREAM_ID}));
    response: ok(json!({
        "streamSession": {
            "streamId": STREAM_ID,
            "startTime": "2024-06-10T18:25:19.123Z",
            "endTime": "2024-06-10T20:02:44Z",
            "channel": multitrack_channel_json(),
            "ingestConfiguration": {
                "video": {
                    "avcProfile": "Baseline",
                    "avcLevel": "4.2",
                    "codec": "avc1.42C02A",
                    "encoder": "ffmpeg",
                    "targetBitrate": 8500000,
                    "targetFramerate": 30,
                    "videoHeight": 1080,
                    "videoWidth": 1920,
                    "level": "4.2",
                    "track": "Track0",
                    "profile": "Baseline"
                },
                "audio": {
                    "codec": "mp4a.40.2",
                    "targetBitrate": 160000,
                    "sampleRate": 48000,
                    "channels": 2,
                    "track": "Track0"
                }
            },
            "ingestConfigurations": {
                "videoConfigurations": [
                    {"codec": "avc1.64002A", "targetBitrate": 6000000, "targetFramerate": 60,
                     "videoHeight": 1080, "videoWidth": 1920, "level": "4.2", "profile": "High", "track": "Track0"},
                    {"codec": "avc1.4D401F", "targetBitrate": 2500000, "targetFramerate": 30,
                     "videoHeight": 720, "videoWidth": 1280, "level": "3.1", "profile": "Main", "track": "Track1"}
                ],
                "audioConfigurations": [
                    {"codec": "mp4a.40.2", "targetBitrate": 128000, "sampleRate": 44100, "channels": 2,
                     "track": "Track0"}
                ]
            },
            "recordingConfiguration": recording_configuration_json("ACTIVE"),
            "truncatedEvents": [
                {"name": "Session Created", "type": "IVS Stream State Change",
                 "eventTime": "2024-06-10T18:25:18.900Z"},
                {"name": "Session Ended", "type": "IVS Stream State Change",
                 "eventTime": "2024-06-10T20:02:44Z", "code": "StreamTakeoverMediaMismatch"}
            ]
        }
    }));
    output: GetStreamSessionResponse::default().with_stream_session(
        StreamSession::default()
            .with_stream_id(STREAM_ID)
            .with_start_time(utc(2024, 6, 10, 18, 25, 19, 123))
            .with_end_time(utc(2024, 6, 10, 20, 2, 44, 0))
            .with_channel(multitrack_channel())
            .with_ingest_configuration(
                IngestConfiguration::default()
                    .with_video(
                        VideoConfiguration::default()
                            .with_avc_profile("Baseline")
                            .with_avc_level("4.2")
                            .with_codec("avc1.42C02A")
                            .with_encoder("ffmpeg")
                            .with_target_bitrate(8_500_000)
                            .with_target_framerate(30)
                            .with_video_height(1080)
                            .with_video_width(1920)
                            .with_level("4.2")
                            .with_track("Track0")
                            .with_profile("Baseline"),
                    )
                    .with_audio(
                        AudioConfiguration::default()
                            .with_codec("mp4a.40.2")
                            .with_target_bitrate(160_000)
                            .with_sample_rate(48_000)
                            .with_channels(2)
                            .with_track("Track0"),
                    ),
            )
            .with_ingest_configurations(
                IngestConfigurations::default()
                    .with_video_configurations(vec![
                        VideoConfiguration::default()
                            .with_codec("avc1.64002A")
                            .with_target_bitrate(6_000_000)
                            .with_target_framerate(60)
                            .with_video_height(1080)
                            .with_video_width(1920)
                            .with_level("4.2")
                            .with_profile("High")
                            .with_track("Track0"),
                        VideoConfiguration::default()
                            .with_codec("avc1.4D401F")
                            .with_target_bitrate(2_500_000)
                            .with_target_framerate(30)
                            .with_video_height(720)
                            .with_video_width(1280)
                            .with_level("3.1")
                            .with_profile("Main")
                            .with_track("Track1"),
                    ])
                    .with_audio_configurations(vec![
                        AudioConfiguration::default()
                            .with_codec("mp4a.40.2")
                            .with_target_bitrate(128_000)
                            .with_sample_rate(44_100)
                            .with_channels(2)
                            .with_track("Track0"),
                    ]),
            )
            .with_recording_configuration(recording_configuration(RecordingConfigurationState::Active))
            .with_truncated_events(vec![
                StreamEvent::default()
                    .with_name("Session Created")
                    .with_type("IVS Stream State Change")
                    .with_event_time(utc(2024, 6, 10, 18, 25, 18, 900)),
                StreamEvent::default()
                    .with_name("Session Ended")
                    .with_type("IVS Stream State Change")
                    .with_event_time(utc(2024, 6, 10, 20, 2, 44, 0))
                    .with_code("StreamTakeoverMediaMismatch"),
            ]),
    );
    errors: [AccessDeniedException = 403, ResourceNotFoundException = 404, ValidationException = 400];
}

case! {
    import_playback_key_pair => ImportPlaybackKeyPair, ImportPlaybackKeyPairError;
    input: ImportPlaybackKeyPairRequest::default()
        .with_public_key_material(PUBLIC_KEY_PEM)
        .with_name("player-auth")
        .with_tags(tags(&[("team", "video")]));
    // The PEM's newlines travel as JSON `\n` escapes inside the string.
    request: post("/ImportPlaybackKeyPair", json!({
        "publicKeyMaterial": PUBLIC_KEY_PEM,
        "name": "player-auth",
        "tags": {"team": "video"}
    }));
    response: ok(json!({"keyPair": key_pair_json()}));
    output: ImportPlaybackKeyPairResponse::default().with_key_pair(key_pair());
    errors: [
        AccessDeniedException = 403,
        ConflictException = 409,
        PendingVerification = 403,
        ServiceQuotaExceededException = 402,
        ValidationException = 400,
    ];
}

case! {
    insert_ad_break => InsertAdBreak, InsertAdBreakError;
    input: InsertAdBreakRequest::default().with_channel_arn(CHANNEL_ARN).with_duration_seconds(90);
    request: post("/InsertAdBreak", json!({"channelArn": CHANNEL_ARN, "durationSeconds": 90}));
    response: ok(json!({"adBreakId": "Ab12Cd34Ef56"}));
    output: InsertAdBreakResponse::default().with_ad_break_id("Ab12Cd34Ef56");
    errors: [
        AccessDeniedException = 403,
        ChannelNotBroadcasting = 404,
        ConflictException = 409,
        InternalServerException = 500,
        ResourceNotFoundException = 404,
        ThrottlingException = 429,
        ValidationException = 400,
    ];
}

case! {
    list_ad_configurations => ListAdConfigurations, ListAdConfigurationsError;
    input: ListAdConfigurationsRequest::default().with_next_token(NEXT_TOKEN).with_max_results(25);
    request: post("/ListAdConfigurations", json!({"nextToken": NEXT_TOKEN, "maxResults": 25}));
    response: ok(json!({
        "adConfigurations": [{
            "arn": AD_CONFIGURATION_ARN,
            "name": "midroll-ads",
            "mediaTailorPlaybackConfigurations": [{"playbackConfigurationArn": MEDIATAILOR_ARN}],
            "tags": {"team": "ads"}
        }],
        "nextToken": "AQICAHh0c2VjcmV0LXBhZ2UtdG9rZW4tMw=="
    }));
    output: ListAdConfigurationsResponse::default()
        .with_ad_configurations(vec![AdConfigurationSummary::default()
            .with_arn(AD_CONFIGURATION_ARN)
            .with_name("midroll-ads")
            .with_media_tailor_playback_configurations(vec![media_tailor()])
            .with_tags(tags(&[("team", "ads")]))])
        .with_next_token("AQICAHh0c2VjcmV0LXBhZ2UtdG9rZW4tMw==");
    errors: [AccessDeniedException = 403, InternalServerException = 500, ValidationException = 400];
}

case! {
    list_channels => ListChannels, ListChannelsError;
    // One filter only: the service answers ConflictException to more than one.
    input: ListChannelsRequest::default()
        .with_filter_by_ad_configuration_arn(AD_CONFIGURATION_ARN)
        .with_next_token(NEXT_TOKEN)
        .with_max_results(50);
    request: post("/ListChannels", json!({
        "filterByAdConfigurationArn": AD_CONFIGURATION_ARN,
        "nextToken": NEXT_TOKEN,
        "maxResults": 50
    }));
    response: ok(json!({
        "channels": [
            {
                "arn": CHANNEL_ARN,
                "name": "lobby-cam",
                "latencyMode": "LOW",
                "authorized": true,
                "recordingConfigurationArn": RECORDING_ARN,
                "tags": {"team": "video"},
                "insecureIngest": false,
                "type": "STANDARD",
                "playbackRestrictionPolicyArn": POLICY_ARN,
                "adConfigurationArn": AD_CONFIGURATION_ARN
            },
            {
                "arn": CHANNEL_ARN_2,
                "name": "main-stage",
                "latencyMode": "NORMAL",
                "authorized": false,
                "recordingConfigurationArn": "",
                "tags": {},
                "insecureIngest": true,
                "type": "ADVANCED_SD",
                "preset": "HIGHER_BANDWIDTH_DELIVERY",
                "playbackRestrictionPolicyArn": "",
                "adConfigurationArn": AD_CONFIGURATION_ARN
            }
        ]
    }));
    output: ListChannelsResponse::default().with_channels(vec![
        ChannelSummary::default()
            .with_arn(CHANNEL_ARN)
            .with_name("lobby-cam")
            .with_latency_mode(ChannelLatencyMode::Low)
            .with_authorized(true)
            .with_recording_configuration_arn(RECORDING_ARN)
            .with_tags(tags(&[("team", "video")]))
            .with_insecure_ingest(false)
            .with_type(ChannelType::Standard)
            .with_playback_restriction_policy_arn(POLICY_ARN)
            .with_ad_configuration_arn(AD_CONFIGURATION_ARN),
        ChannelSummary::default()
            .with_arn(CHANNEL_ARN_2)
            .with_name("main-stage")
            .with_latency_mode(ChannelLatencyMode::Normal)
            .with_authorized(false)
            .with_recording_configuration_arn("")
            .with_tags(BTreeMap::new())
            .with_insecure_ingest(true)
            .with_type(ChannelType::AdvancedSd)
            .with_preset(TranscodePreset::HigherBandwidthDelivery)
            .with_playback_restriction_policy_arn("")
            .with_ad_configuration_arn(AD_CONFIGURATION_ARN),
    ]);
    errors: [AccessDeniedException = 403, ConflictException = 409, ValidationException = 400];
}

case! {
    list_playback_key_pairs => ListPlaybackKeyPairs, ListPlaybackKeyPairsError;
    input: ListPlaybackKeyPairsRequest::default().with_next_token(NEXT_TOKEN).with_max_results(1);
    request: post("/ListPlaybackKeyPairs", json!({"nextToken": NEXT_TOKEN, "maxResults": 1}));
    response: ok(json!({
        "keyPairs": [{"arn": KEY_PAIR_ARN, "name": "player-auth", "tags": {"team": "video"}}],
        "nextToken": "AQICAHh0c2VjcmV0LXBhZ2UtdG9rZW4tMw=="
    }));
    output: ListPlaybackKeyPairsResponse::default()
        .with_key_pairs(vec![PlaybackKeyPairSummary::default()
            .with_arn(KEY_PAIR_ARN)
            .with_name("player-auth")
            .with_tags(tags(&[("team", "video")]))])
        .with_next_token("AQICAHh0c2VjcmV0LXBhZ2UtdG9rZW4tMw==");
    errors: [AccessDeniedException = 403, ValidationException = 400];
}

case! {
    list_playback_restriction_policies => ListPlaybackRestrictionPolicies, ListPlaybackRestrictionPoliciesError;
    input: ListPlaybackRestrictionPoliciesRequest::default().with_next_token(NEXT_TOKEN).with_max_results(10);
    request: post("/ListPlaybackRestrictionPolicies", json!({"nextToken": NEXT_TOKEN, "maxResults": 10}));
    response: ok(json!({"playbackRestrictionPolicies": [policy_json()]}));
    output: ListPlaybackRestrictionPoliciesResponse::default().with_playback_restriction_policies(vec![
        PlaybackRestrictionPolicySummary::default()
            .with_arn(POLICY_ARN)
            .with_allowed_countries(strings(&["US", "CA", "MX"]))
            .with_allowed_origins(strings(&["https://www.example.com", "https://app.example.com"]))
            .with_enable_strict_origin_enforcement(true)
            .with_name("north-america")
            .with_tags(tags(&[("team", "video")])),
    ]);
    errors: [
        AccessDeniedException = 403,
        ConflictException = 409,
        PendingVerification = 403,
        ValidationException = 400,
    ];
}

case! {
    list_recording_configurations => ListRecordingConfigurations, ListRecordingConfigurationsError;
    input: ListRecordingConfigurationsRequest::default().with_next_token(NEXT_TOKEN).with_max_results(100);
    request: post("/ListRecordingConfigurations", json!({"nextToken": NEXT_TOKEN, "maxResults": 100}));
    response: ok(json!({
        "recordingConfigurations": [{
            "arn": RECORDING_ARN,
            "name": "archive-hd",
            "destinationConfiguration": {"s3": {"bucketName": "ivs-recordings-us-west-2"}},
            "state": "CREATE_FAILED",
            "tags": {"team": "video"}
        }],
        "nextToken": ""
    }));
    output: ListRecordingConfigurationsResponse::default()
        .with_recording_configurations(vec![RecordingConfigurationSummary::default()
            .with_arn(RECORDING_ARN)
            .with_name("archive-hd")
            .with_destination_configuration(destination())
            .with_state(RecordingConfigurationState::CreateFailed)
            .with_tags(tags(&[("team", "video")]))])
        .with_next_token("");
    errors: [AccessDeniedException = 403, InternalServerException = 500, ValidationException = 400];
}

case! {
    list_stream_keys => ListStreamKeys, ListStreamKeysError;
    input: ListStreamKeysRequest::default()
        .with_channel_arn(CHANNEL_ARN)
        .with_next_token(NEXT_TOKEN)
        .with_max_results(1);
    request: post("/ListStreamKeys", json!({"channelArn": CHANNEL_ARN, "nextToken": NEXT_TOKEN, "maxResults": 1}));
    response: ok(json!({
        "streamKeys": [{"arn": STREAM_KEY_ARN, "channelArn": CHANNEL_ARN, "tags": {"owner": "studio-b"}}]
    }));
    output: ListStreamKeysResponse::default().with_stream_keys(vec![StreamKeySummary::default()
        .with_arn(STREAM_KEY_ARN)
        .with_channel_arn(CHANNEL_ARN)
        .with_tags(tags(&[("owner", "studio-b")]))]);
    errors: [AccessDeniedException = 403, ResourceNotFoundException = 404, ValidationException = 400];
}

case! {
    list_stream_sessions => ListStreamSessions, ListStreamSessionsError;
    input: ListStreamSessionsRequest::default()
        .with_channel_arn(CHANNEL_ARN)
        .with_next_token(NEXT_TOKEN)
        .with_max_results(2);
    request: post("/ListStreamSessions", json!({"channelArn": CHANNEL_ARN, "nextToken": NEXT_TOKEN, "maxResults": 2}));
    // The live session has no endTime yet.
    response: ok(json!({
        "streamSessions": [
            {"streamId": STREAM_ID_2, "startTime": "2024-06-11T09:00:00Z", "hasErrorEvent": false},
            {"streamId": STREAM_ID, "startTime": "2024-06-10T18:25:19.123Z", "endTime": "2024-06-10T20:02:44Z",
             "hasErrorEvent": true}
        ],
        "nextToken": "AQICAHh0c2VjcmV0LXBhZ2UtdG9rZW4tMw=="
    }));
    output: ListStreamSessionsResponse::default()
        .with_stream_sessions(vec![
            StreamSessionSummary::default()
                .with_stream_id(STREAM_ID_2)
                .with_start_time(utc(2024, 6, 11, 9, 0, 0, 0))
                .with_has_error_event(false),
            StreamSessionSummary::default()
                .with_stream_id(STREAM_ID)
                .with_start_time(utc(2024, 6, 10, 18, 25, 19, 123))
                .with_end_time(utc(2024, 6, 10, 20, 2, 44, 0))
                .with_has_error_event(true),
        ])
        .with_next_token("AQICAHh0c2VjcmV0LXBhZ2UtdG9rZW4tMw==");
    errors: [AccessDeniedException = 403, ResourceNotFoundException = 404, ValidationException = 400];
}

case! {
    list_streams => ListStreams, ListStreamsError;
    input: ListStreamsRequest::default()
        .with_filter_by(StreamFilters::default().with_health(StreamHealth::Starving))
        .with_next_token(NEXT_TOKEN)
        .with_max_results(100);
    request: post("/ListStreams", json!({"filterBy": {"health": "STARVING"}, "nextToken": NEXT_TOKEN, "maxResults": 100}));
    response: ok(json!({
        "streams": [{
            "channelArn": CHANNEL_ARN,
            "streamId": STREAM_ID,
            "state": "LIVE",
            "health": "STARVING",
            "viewerCount": -1,
            "startTime": "2024-06-10T18:25:19.123Z"
        }]
    }));
    output: ListStreamsResponse::default().with_streams(vec![StreamSummary::default()
        .with_channel_arn(CHANNEL_ARN)
        .with_stream_id(STREAM_ID)
        .with_state(StreamState::Live)
        .with_health(StreamHealth::Starving)
        .with_viewer_count(-1)
        .with_start_time(utc(2024, 6, 10, 18, 25, 19, 123))]);
    errors: [AccessDeniedException = 403, ValidationException = 400];
}

case! {
    list_tags_for_resource => ListTagsForResource, ListTagsForResourceError;
    input: ListTagsForResourceRequest::default().with_resource_arn(CHANNEL_ARN);
    // `GET /tags/{resourceArn}`: the ARN is one path segment (`:` and `/` escaped), no body.
    request: WireRequest {
        method: "GET",
        path: "/tags/arn%3Aaws%3Aivs%3Aus-west-2%3A123456789012%3Achannel%2FabcdABCDefgh".to_owned(),
        query: String::new(),
        body: None,
    };
    response: ok(json!({"tags": {"team": "video", "env": "prod", "cost center": "4410"}}));
    output: ListTagsForResourceResponse::default()
        .with_tags(tags(&[("team", "video"), ("env", "prod"), ("cost center", "4410")]));
    errors: [InternalServerException = 500, ResourceNotFoundException = 404, ValidationException = 400];
}

case! {
    put_metadata => PutMetadata, PutMetadataError;
    input: PutMetadataRequest::default()
        .with_channel_arn(CHANNEL_ARN)
        .with_metadata(r#"{"question": "Who wins the final?", "options": ["red", "blue"]}"#);
    request: post("/PutMetadata", json!({
        "channelArn": CHANNEL_ARN,
        "metadata": r#"{"question": "Who wins the final?", "options": ["red", "blue"]}"#
    }));
    response: no_content();
    output: Unit {};
    errors: [
        AccessDeniedException = 403,
        ChannelNotBroadcasting = 404,
        ResourceNotFoundException = 404,
        ThrottlingException = 429,
        ValidationException = 400,
    ];
}

case! {
    start_viewer_session_revocation => StartViewerSessionRevocation, StartViewerSessionRevocationError;
    input: StartViewerSessionRevocationRequest::default()
        .with_channel_arn(CHANNEL_ARN)
        .with_viewer_id("viewer-0042")
        .with_viewer_session_versions_less_than_or_equal_to(2);
    request: post("/StartViewerSessionRevocation", json!({
        "channelArn": CHANNEL_ARN,
        "viewerId": "viewer-0042",
        "viewerSessionVersionsLessThanOrEqualTo": 2
    }));
    response: ok_empty();
    output: StartViewerSessionRevocationResponse::default();
    errors: [
        AccessDeniedException = 403,
        InternalServerException = 500,
        PendingVerification = 403,
        ResourceNotFoundException = 404,
        ThrottlingException = 429,
        ValidationException = 400,
    ];
}

case! {
    stop_stream => StopStream, StopStreamError;
    input: StopStreamRequest::default().with_channel_arn(CHANNEL_ARN);
    request: post("/StopStream", json!({"channelArn": CHANNEL_ARN}));
    response: ok_empty();
    output: StopStreamResponse::default();
    errors: [
        AccessDeniedException = 403,
        ChannelNotBroadcasting = 404,
        ResourceNotFoundException = 404,
        StreamUnavailable = 503,
        ValidationException = 400,
    ];
}

case! {
    tag_resource => TagResource, TagResourceError;
    input: TagResourceRequest::default()
        .with_resource_arn(RECORDING_ARN)
        .with_tags(tags(&[("team", "video"), ("cost center", "4410")]));
    // `POST /tags/{resourceArn}`: the label is in the path only, `tags` alone in the body.
    request: WireRequest {
        method: "POST",
        path: "/tags/arn%3Aaws%3Aivs%3Aus-west-2%3A123456789012%3Arecording-configuration%2FEfGh1234IjKl".to_owned(),
        query: String::new(),
        body: Some(json!({"tags": {"team": "video", "cost center": "4410"}})),
    };
    response: ok_empty();
    output: TagResourceResponse::default();
    errors: [InternalServerException = 500, ResourceNotFoundException = 404, ValidationException = 400];
}

case! {
    untag_resource => UntagResource, UntagResourceError;
    input: UntagResourceRequest::default()
        .with_resource_arn(CHANNEL_ARN)
        .with_tag_keys(strings(&["team", "cost center", "env/stage", "équipe"]));
    // `DELETE /tags/{resourceArn}?tagKeys=tagKeys`: one `tagKeys` per key, in order, each
    // percent-encoded as UTF-8 (space as %20, `/` as %2F, `é` as %C3%A9); no body.
    request: WireRequest {
        method: "DELETE",
        path: "/tags/arn%3Aaws%3Aivs%3Aus-west-2%3A123456789012%3Achannel%2FabcdABCDefgh".to_owned(),
        query: "tagKeys=team&tagKeys=cost%20center&tagKeys=env%2Fstage&tagKeys=%C3%A9quipe".to_owned(),
        body: None,
    };
    response: ok_empty();
    output: UntagResourceResponse::default();
    errors: [InternalServerException = 500, ResourceNotFoundException = 404, ValidationException = 400];
}

case! {
    update_channel => UpdateChannel, UpdateChannelError;
    // Turns recording and the restriction policy off with empty ARNs: empty strings must be
    // sent, not dropped.
    input: UpdateChannelRequest::default()
        .with_arn(CHANNEL_ARN)
        .with_name("main-stage")
        .with_latency_mode(ChannelLatencyMode::Normal)
        .with_type(ChannelType::AdvancedHd)
        .with_authorized(false)
        .with_recording_configuration_arn("")
        .with_insecure_ingest(true)
        .with_preset(TranscodePreset::ConstrainedBandwidthDelivery)
        .with_playback_restriction_policy_arn("")
        .with_multitrack_input_configuration(MultitrackInputConfiguration::default().with_enabled(false))
        .with_container_format(ContainerFormat::Ts)
        .with_ad_configuration_arn("");
    request: post("/UpdateChannel", json!({
        "arn": CHANNEL_ARN,
        "name": "main-stage",
        "latencyMode": "NORMAL",
        "type": "ADVANCED_HD",
        "authorized": false,
        "recordingConfigurationArn": "",
        "insecureIngest": true,
        "preset": "CONSTRAINED_BANDWIDTH_DELIVERY",
        "playbackRestrictionPolicyArn": "",
        "multitrackInputConfiguration": {"enabled": false},
        "containerFormat": "TS",
        "adConfigurationArn": ""
    }));
    response: ok(json!({"channel": advanced_channel_json()}));
    output: UpdateChannelResponse::default().with_channel(advanced_channel());
    errors: [
        AccessDeniedException = 403,
        ConflictException = 409,
        PendingVerification = 403,
        ResourceNotFoundException = 404,
        ValidationException = 400,
    ];
}

case! {
    update_playback_restriction_policy => UpdatePlaybackRestrictionPolicy, UpdatePlaybackRestrictionPolicyError;
    // An empty origin list (allow every origin) must be sent as `[]`.
    input: UpdatePlaybackRestrictionPolicyRequest::default()
        .with_arn(POLICY_ARN)
        .with_allowed_countries(strings(&["DE", "FR"]))
        .with_allowed_origins(Vec::<String>::new())
        .with_enable_strict_origin_enforcement(false)
        .with_name("europe");
    request: post("/UpdatePlaybackRestrictionPolicy", json!({
        "arn": POLICY_ARN,
        "allowedCountries": ["DE", "FR"],
        "allowedOrigins": [],
        "enableStrictOriginEnforcement": false,
        "name": "europe"
    }));
    response: ok(json!({
        "playbackRestrictionPolicy": {
            "arn": POLICY_ARN,
            "allowedCountries": ["DE", "FR"],
            "allowedOrigins": [],
            "enableStrictOriginEnforcement": false,
            "name": "europe",
            "tags": {"team": "video"}
        }
    }));
    output: UpdatePlaybackRestrictionPolicyResponse::default().with_playback_restriction_policy(
        PlaybackRestrictionPolicy::default()
            .with_arn(POLICY_ARN)
            .with_allowed_countries(strings(&["DE", "FR"]))
            .with_allowed_origins(Vec::<String>::new())
            .with_enable_strict_origin_enforcement(false)
            .with_name("europe")
            .with_tags(tags(&[("team", "video")])),
    );
    errors: [
        AccessDeniedException = 403,
        ConflictException = 409,
        PendingVerification = 403,
        ResourceNotFoundException = 404,
        ValidationException = 400,
    ];
}
