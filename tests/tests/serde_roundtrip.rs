//! The JSON wire format of the generated crates: IVS response bodies in the shape the API
//! reference documents, timestamps, blobs, enums, omitted and unknown members, members bound
//! outside the body, and unions.
//!
//! The round trips compare `serde_json::Value`s, so key order and whitespace do not matter
//! but every key, value and JSON type does.

use std::collections::BTreeMap;

use fixture_constraints_model::{CheckInput, Color, Level};
use fixture_unions_model::{Pair, PutInput, PutOutput, Tree, Value};
use ivs_model::{
    ChannelLatencyMode, ChannelType, ContainerFormat, MultitrackMaximumResolution, MultitrackPolicy,
    RecordingConfigurationState, RecordingMode, RenditionConfigurationRendition,
    RenditionConfigurationRenditionSelection, StreamHealth, StreamState, ThumbnailConfigurationResolution,
    ThumbnailConfigurationStorage, TranscodePreset,
};
use serde_json::json;
use smithy_runtime::timestamp::date_time;
use smithy_runtime::{Blob, Timestamp, Validate};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// Deserializes `$json` into `$ty` and serializes it back:
/// `(typed value, original JSON value, re-serialized JSON value)`.
///
/// A macro rather than a generic function: this crate does not depend on `serde` itself,
/// so it cannot name the `Serialize`/`DeserializeOwned` bounds.
macro_rules! round_trip {
    ($ty:ty, $json:expr) => {{
        let json: &str = $json;
        let original: serde_json::Value = serde_json::from_str(json).expect("the example is valid JSON");
        let typed: $ty =
            serde_json::from_str(json).unwrap_or_else(|e| panic!("deserializing {}: {e}", stringify!($ty)));
        let back = serde_json::to_value(&typed).expect("serializes");
        // Deserializing the re-serialized form gives the same value again.
        let again: $ty = serde_json::from_value(back.clone()).expect("deserializes again");
        assert_eq!(again, typed);
        (typed, original, back)
    }};
}

/// Asserts an exact round trip and returns the typed value.
macro_rules! exact_round_trip {
    ($ty:ty, $json:expr) => {{
        let (typed, original, back) = round_trip!($ty, $json);
        assert_eq!(back, original, "{} did not round-trip exactly", stringify!($ty));
        typed
    }};
}

fn ts(seconds: i64) -> Timestamp {
    Timestamp::from_unix_timestamp(seconds).unwrap()
}

fn ts_millis(millis: i64) -> Timestamp {
    Timestamp::from_unix_timestamp_nanos(i128::from(millis) * 1_000_000).unwrap()
}

fn tags(entries: &[(&str, &str)]) -> BTreeMap<String, String> {
    entries.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// Replaces every string that is an RFC 3339 date-time by the runtime's canonical form of
/// the same instant, so that documents differing only in how they spell instants compare equal.
fn canonical_instants(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(s) => {
            if let Ok(t) = date_time::parse(s) {
                *s = date_time::format(&t);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(canonical_instants),
        serde_json::Value::Object(map) => map.values_mut().for_each(canonical_instants),
        _ => {}
    }
}

// 2023-07-09T16:08:25Z, 2024-03-21T09:15:02Z, 2024-03-21T09:45:47Z as Unix seconds.
const T_2023_07_09_16_08_25: i64 = 1_688_918_905;
const T_2024_03_21_09_15_02: i64 = 1_711_012_502;
const T_2024_03_21_09_45_47: i64 = 1_711_014_347;

const CHANNEL_ARN: &str = "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh";

// ---------------------------------------------------------------------------------------
// IVS response bodies
//
// The seed's text of the API reference (IVS Low-Latency Streaming API Reference, February
// 2025) has a "Response Syntax" block for every operation but no filled-in "Example"
// sections, so each body below follows one operation's Response Syntax member for member,
// with values of the documented types, valid values and patterns (ARNs as the reference
// writes them, `arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh`). Lost PDF
// punctuation (braces and brackets of the syntax blocks) is restored.
// ---------------------------------------------------------------------------------------

const CREATE_CHANNEL: &str = r#"{
  "channel": {
    "arn": "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh",
    "authorized": false,
    "containerFormat": "TS",
    "ingestEndpoint": "a1b2c3d4e5f6.global-contribute.live-video.net",
    "insecureIngest": false,
    "latencyMode": "LOW",
    "multitrackInputConfiguration": {
      "enabled": false,
      "maximumResolution": "FULL_HD",
      "policy": "ALLOW"
    },
    "name": "channel-1",
    "playbackRestrictionPolicyArn": "",
    "playbackUrl": "https://a1b2c3d4e5f6.us-west-2.playback.live-video.net/api/video/v1/us-west-2.123456789012.channel.abcdABCDefgh.m3u8",
    "preset": "",
    "recordingConfigurationArn": "",
    "srt": {
      "endpoint": "a1b2c3d4e5f6.srt.live-video.net",
      "passphrase": "AB1C2defGHijkLMNo3PqQRstUvwxyzaBCDEfghh4ijklMNOPqrStuVWxyzAbCdEfGhIj"
    },
    "tags": {},
    "type": "STANDARD"
  },
  "streamKey": {
    "arn": "arn:aws:ivs:us-west-2:123456789012:stream-key/g1H2I3j4k5L6",
    "channelArn": "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh",
    "tags": {},
    "value": "sk_us-west-2_abcdABCDefgh_567890abcdef"
  }
}"#;

const GET_CHANNEL: &str = r#"{
  "channel": {
    "arn": "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh",
    "authorized": true,
    "containerFormat": "FRAGMENTED_MP4",
    "ingestEndpoint": "a1b2c3d4e5f6.global-contribute.live-video.net",
    "insecureIngest": false,
    "latencyMode": "NORMAL",
    "multitrackInputConfiguration": {
      "enabled": true,
      "maximumResolution": "HD",
      "policy": "REQUIRE"
    },
    "name": "channel-1",
    "playbackRestrictionPolicyArn": "arn:aws:ivs:us-west-2:123456789012:playback-restriction-policy/ABcdef34ghIJ",
    "playbackUrl": "https://a1b2c3d4e5f6.us-west-2.playback.live-video.net/api/video/v1/us-west-2.123456789012.channel.abcdABCDefgh.m3u8",
    "preset": "HIGHER_BANDWIDTH_DELIVERY",
    "recordingConfigurationArn": "arn:aws:ivs:us-west-2:123456789012:recording-configuration/ABcdef34ghIJ",
    "srt": {
      "endpoint": "a1b2c3d4e5f6.srt.live-video.net",
      "passphrase": "BA1C2defGHijkLMNo3PqQRstUvwxyzaBCDEfghh4ijklMNOPqrStuVWxyzAbCdEfGhIj"
    },
    "tags": {
      "key1": "value1",
      "key2": "value2"
    },
    "type": "ADVANCED_HD"
  }
}"#;

const LIST_CHANNELS: &str = r#"{
  "channels": [
    {
      "arn": "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh",
      "authorized": false,
      "insecureIngest": false,
      "latencyMode": "LOW",
      "name": "channel-1",
      "playbackRestrictionPolicyArn": "",
      "preset": "",
      "recordingConfigurationArn": "arn:aws:ivs:us-west-2:123456789012:recording-configuration/ABcdef34ghIJ",
      "tags": {},
      "type": "STANDARD"
    },
    {
      "arn": "arn:aws:ivs:us-west-2:123456789012:channel/efghEFGHijkl",
      "authorized": true,
      "insecureIngest": true,
      "latencyMode": "NORMAL",
      "name": "channel-2",
      "playbackRestrictionPolicyArn": "arn:aws:ivs:us-west-2:123456789012:playback-restriction-policy/ABcdef34ghIJ",
      "preset": "CONSTRAINED_BANDWIDTH_DELIVERY",
      "recordingConfigurationArn": "",
      "tags": {
        "team": "video"
      },
      "type": "ADVANCED_SD"
    }
  ],
  "nextToken": "eyJPZmZzZXQiOjJ9"
}"#;

const GET_STREAM: &str = r#"{
  "stream": {
    "channelArn": "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh",
    "health": "HEALTHY",
    "playbackUrl": "https://a1b2c3d4e5f6.us-west-2.playback.live-video.net/api/video/v1/us-west-2.123456789012.channel.abcdABCDefgh.m3u8",
    "startTime": "2023-07-09T16:08:25Z",
    "state": "LIVE",
    "streamId": "st-1A2b3c4D5e6F78ghij9Klmn",
    "viewerCount": 3
  }
}"#;

const GET_STREAM_SESSION: &str = r#"{
  "streamSession": {
    "channel": {
      "arn": "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh",
      "authorized": false,
      "containerFormat": "TS",
      "ingestEndpoint": "a1b2c3d4e5f6.global-contribute.live-video.net",
      "insecureIngest": false,
      "latencyMode": "LOW",
      "multitrackInputConfiguration": {
        "enabled": false,
        "maximumResolution": "FULL_HD",
        "policy": "ALLOW"
      },
      "name": "channel-1",
      "playbackRestrictionPolicyArn": "",
      "playbackUrl": "https://a1b2c3d4e5f6.us-west-2.playback.live-video.net/api/video/v1/us-west-2.123456789012.channel.abcdABCDefgh.m3u8",
      "preset": "",
      "recordingConfigurationArn": "arn:aws:ivs:us-west-2:123456789012:recording-configuration/ABcdef34ghIJ",
      "srt": {
        "endpoint": "a1b2c3d4e5f6.srt.live-video.net",
        "passphrase": "AB1C2defGHijkLMNo3PqQRstUvwxyzaBCDEfghh4ijklMNOPqrStuVWxyzAbCdEfGhIj"
      },
      "tags": {
        "key1": "value1"
      },
      "type": "STANDARD"
    },
    "endTime": "2024-03-21T09:45:47Z",
    "ingestConfiguration": {
      "audio": {
        "channels": 2,
        "codec": "mp4a.40.2",
        "sampleRate": 48000,
        "targetBitrate": 128000,
        "track": "Track0"
      },
      "video": {
        "avcLevel": "4.1",
        "avcProfile": "Baseline",
        "codec": "avc1.42C029",
        "encoder": "Lavf58.45.100",
        "level": "4.1",
        "profile": "Baseline",
        "targetBitrate": 3500000,
        "targetFramerate": 30,
        "track": "Track0",
        "videoHeight": 1080,
        "videoWidth": 1920
      }
    },
    "ingestConfigurations": {
      "audioConfigurations": [
        {
          "channels": 2,
          "codec": "mp4a.40.2",
          "sampleRate": 48000,
          "targetBitrate": 128000,
          "track": "Track0"
        }
      ],
      "videoConfigurations": [
        {
          "avcLevel": "4.1",
          "avcProfile": "Baseline",
          "codec": "avc1.42C029",
          "encoder": "Lavf58.45.100",
          "level": "4.1",
          "profile": "Baseline",
          "targetBitrate": 3500000,
          "targetFramerate": 30,
          "track": "Track0",
          "videoHeight": 1080,
          "videoWidth": 1920
        }
      ]
    },
    "recordingConfiguration": {
      "arn": "arn:aws:ivs:us-west-2:123456789012:recording-configuration/ABcdef34ghIJ",
      "destinationConfiguration": {
        "s3": {
          "bucketName": "demo-recording-bucket"
        }
      },
      "name": "test-recording-config",
      "recordingReconnectWindowSeconds": 60,
      "renditionConfiguration": {
        "renditions": ["HD", "SD"],
        "renditionSelection": "CUSTOM"
      },
      "state": "ACTIVE",
      "tags": {
        "key1": "value1",
        "key2": "value2"
      },
      "thumbnailConfiguration": {
        "recordingMode": "INTERVAL",
        "resolution": "LOWEST_RESOLUTION",
        "storage": ["SEQUENTIAL", "LATEST"],
        "targetIntervalSeconds": 30
      }
    },
    "startTime": "2024-03-21T09:15:02Z",
    "streamId": "st-1A2b3c4D5e6F78ghij9Klmn",
    "truncatedEvents": [
      {
        "eventTime": "2024-03-21T09:15:02Z",
        "name": "Session Created",
        "type": "IVS Stream State Change"
      },
      {
        "eventTime": "2024-03-21T09:15:02.123Z",
        "name": "Recording Start",
        "type": "IVS Recording State Change"
      },
      {
        "code": "StreamTakeoverInvalidPriority",
        "eventTime": "2024-03-21T09:45:47Z",
        "name": "Stream Takeover Failure",
        "type": "IVS Stream State Change"
      }
    ]
  }
}"#;

const BATCH_GET_CHANNEL: &str = r#"{
  "channels": [
    {
      "arn": "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh",
      "authorized": false,
      "containerFormat": "TS",
      "ingestEndpoint": "a1b2c3d4e5f6.global-contribute.live-video.net",
      "insecureIngest": false,
      "latencyMode": "LOW",
      "multitrackInputConfiguration": {
        "enabled": false,
        "maximumResolution": "FULL_HD",
        "policy": "ALLOW"
      },
      "name": "channel-1",
      "playbackRestrictionPolicyArn": "",
      "playbackUrl": "https://a1b2c3d4e5f6.us-west-2.playback.live-video.net/api/video/v1/us-west-2.123456789012.channel.abcdABCDefgh.m3u8",
      "preset": "",
      "recordingConfigurationArn": "",
      "srt": {
        "endpoint": "a1b2c3d4e5f6.srt.live-video.net",
        "passphrase": "AB1C2defGHijkLMNo3PqQRstUvwxyzaBCDEfghh4ijklMNOPqrStuVWxyzAbCdEfGhIj"
      },
      "tags": {},
      "type": "BASIC"
    }
  ],
  "errors": [
    {
      "arn": "arn:aws:ivs:us-west-2:123456789012:channel/efghEFGHijkl",
      "code": "ResourceNotFoundException",
      "message": "Channel not found."
    }
  ]
}"#;

const BATCH_GET_STREAM_KEY: &str = r#"{
  "errors": [],
  "streamKeys": [
    {
      "arn": "arn:aws:ivs:us-west-2:123456789012:stream-key/g1H2I3j4k5L6",
      "channelArn": "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh",
      "tags": {},
      "value": "sk_us-west-2_abcdABCDefgh_567890abcdef"
    },
    {
      "arn": "arn:aws:ivs:us-west-2:123456789012:stream-key/f1G2H3i4j5K6",
      "channelArn": "arn:aws:ivs:us-west-2:123456789012:channel/efghEFGHijkl",
      "tags": {
        "key": "value"
      },
      "value": "sk_us-west-2_efghEFGHijkl_123456abcdef"
    }
  ]
}"#;

const IMPORT_PLAYBACK_KEY_PAIR: &str = r#"{
  "keyPair": {
    "arn": "arn:aws:ivs:us-west-2:123456789012:playback-key/abcd1234efgh",
    "fingerprint": "12:a3:44:56:bc:7d:e8:9f:10:2a:33:4b:5c:6d:7e:8f",
    "name": "my-playback-key",
    "tags": {}
  }
}"#;

const LIST_STREAM_KEYS: &str = r#"{
  "streamKeys": [
    {
      "arn": "arn:aws:ivs:us-west-2:123456789012:stream-key/g1H2I3j4k5L6",
      "channelArn": "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh",
      "tags": {}
    }
  ]
}"#;

const LIST_STREAMS: &str = r#"{
  "nextToken": "eyJPZmZzZXQiOjF9",
  "streams": [
    {
      "channelArn": "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh",
      "health": "UNKNOWN",
      "startTime": "2023-07-09T16:08:25Z",
      "state": "LIVE",
      "streamId": "st-1A2b3c4D5e6F78ghij9Klmn",
      "viewerCount": 0
    },
    {
      "channelArn": "arn:aws:ivs:us-west-2:123456789012:channel/efghEFGHijkl",
      "health": "STARVING",
      "startTime": "2024-03-21T09:15:02.123Z",
      "state": "LIVE",
      "streamId": "st-2B3c4D5e6F78ghij9KlmnOP",
      "viewerCount": 1234567
    }
  ]
}"#;

/// The instants here carry an explicit `.000` / `.500`: the runtime writes the shortest
/// form (`...02Z`, `...00.5Z`), so this one is compared instant by instant.
const LIST_STREAM_SESSIONS: &str = r#"{
  "nextToken": "eyJQYWdlIjoyfQ==",
  "streamSessions": [
    {
      "endTime": "2024-03-21T09:45:47.000Z",
      "hasErrorEvent": false,
      "startTime": "2024-03-21T09:15:02.000Z",
      "streamId": "st-1A2b3c4D5e6F78ghij9Klmn"
    },
    {
      "hasErrorEvent": true,
      "startTime": "2024-03-21T10:00:00.500Z",
      "streamId": "st-2B3c4D5e6F78ghij9KlmnOP"
    }
  ]
}"#;

const GET_RECORDING_CONFIGURATION: &str = r#"{
  "recordingConfiguration": {
    "arn": "arn:aws:ivs:us-west-2:123456789012:recording-configuration/ABcdef34ghIJ",
    "destinationConfiguration": {
      "s3": {
        "bucketName": "demo-recording-bucket"
      }
    },
    "name": "test-recording-config",
    "recordingReconnectWindowSeconds": 0,
    "renditionConfiguration": {
      "renditions": [],
      "renditionSelection": "ALL"
    },
    "state": "CREATING",
    "tags": {},
    "thumbnailConfiguration": {
      "recordingMode": "DISABLED",
      "resolution": "FULL_HD",
      "storage": ["SEQUENTIAL"],
      "targetIntervalSeconds": 60
    }
  }
}"#;

const GET_PLAYBACK_RESTRICTION_POLICY: &str = r#"{
  "playbackRestrictionPolicy": {
    "allowedCountries": ["US", "MX"],
    "allowedOrigins": ["https://www.website.com", "https://*.example.org"],
    "arn": "arn:aws:ivs:us-west-2:123456789012:playback-restriction-policy/ABcdef34ghIJ",
    "enableStrictOriginEnforcement": false,
    "name": "test-playback-restriction-policy",
    "tags": {
      "key1": "value1"
    }
  }
}"#;

const LIST_TAGS_FOR_RESOURCE: &str = r#"{
  "tags": {
    "key1": "value1",
    "key2": "value2",
    "topic:nature": ""
  }
}"#;

#[test]
fn create_channel_response() {
    let r = exact_round_trip!(ivs_model::CreateChannelResponse, CREATE_CHANNEL);
    let channel = r.channel.as_ref().unwrap();
    assert_eq!(channel.arn.as_deref(), Some(CHANNEL_ARN));
    assert_eq!(channel.latency_mode, Some(ChannelLatencyMode::Low));
    assert_eq!(channel.r#type, Some(ChannelType::Standard));
    assert_eq!(channel.container_format, Some(ContainerFormat::Ts));
    assert_eq!(channel.authorized, Some(false));
    // An empty map is present (and sent back as `{}`), not absent.
    assert_eq!(channel.tags, Some(BTreeMap::new()));
    // The reference documents `preset` as "" for BASIC and STANDARD channels; "" is not one
    // of `TranscodePreset`'s values, so it is kept as an unknown value and sent back as "".
    assert_eq!(channel.preset, Some(TranscodePreset::Unknown(String::new())));
    let multitrack = channel.multitrack_input_configuration.as_ref().unwrap();
    assert_eq!(multitrack.enabled, Some(false));
    assert_eq!(multitrack.maximum_resolution, Some(MultitrackMaximumResolution::FullHd));
    assert_eq!(multitrack.policy, Some(MultitrackPolicy::Allow));
    let key = r.stream_key.as_ref().unwrap();
    assert_eq!(key.value.as_deref(), Some("sk_us-west-2_abcdABCDefgh_567890abcdef"));
    assert_eq!(key.channel_arn.as_deref(), Some(CHANNEL_ARN));
    // Sensitive values are redacted in Debug but travel on the wire.
    let debug = format!("{r:?}");
    assert!(
        !debug.contains("sk_us-west-2_abcdABCDefgh_567890abcdef") && !debug.contains("AB1C2defGH"),
        "{debug}"
    );
}

#[test]
fn get_channel_response() {
    let r = exact_round_trip!(ivs_model::GetChannelResponse, GET_CHANNEL);
    let channel = r.channel.as_ref().unwrap();
    assert_eq!(channel.latency_mode, Some(ChannelLatencyMode::Normal));
    assert_eq!(channel.r#type, Some(ChannelType::AdvancedHd));
    assert_eq!(channel.preset, Some(TranscodePreset::HigherBandwidthDelivery));
    assert_eq!(channel.container_format, Some(ContainerFormat::FragmentedMp4));
    assert_eq!(channel.tags, Some(tags(&[("key1", "value1"), ("key2", "value2")])));
    assert_eq!(
        channel.srt.as_ref().unwrap().endpoint.as_deref(),
        Some("a1b2c3d4e5f6.srt.live-video.net")
    );
    let multitrack = channel.multitrack_input_configuration.as_ref().unwrap();
    assert_eq!(
        (multitrack.enabled, &multitrack.maximum_resolution, &multitrack.policy),
        (
            Some(true),
            &Some(MultitrackMaximumResolution::Hd),
            &Some(MultitrackPolicy::Require)
        )
    );
    // Every value satisfies the model's constraints.
    assert_eq!(r.validate(), Ok(()));
}

#[test]
fn list_channels_response() {
    let r = exact_round_trip!(ivs_model::ListChannelsResponse, LIST_CHANNELS);
    let channels = r.channels.as_ref().unwrap();
    assert_eq!(channels.len(), 2);
    assert_eq!(channels[0].name.as_deref(), Some("channel-1"));
    assert_eq!(channels[0].latency_mode, Some(ChannelLatencyMode::Low));
    assert_eq!(channels[1].r#type, Some(ChannelType::AdvancedSd));
    assert_eq!(channels[1].preset, Some(TranscodePreset::ConstrainedBandwidthDelivery));
    assert_eq!(channels[1].insecure_ingest, Some(true));
    assert_eq!(channels[1].tags, Some(tags(&[("team", "video")])));
    assert_eq!(r.next_token.as_deref(), Some("eyJPZmZzZXQiOjJ9"));
}

#[test]
fn get_stream_response() {
    let r = exact_round_trip!(ivs_model::GetStreamResponse, GET_STREAM);
    let stream = r.stream.as_ref().unwrap();
    assert_eq!(stream.start_time, Some(ts(T_2023_07_09_16_08_25)));
    assert_eq!(stream.state, Some(StreamState::Live));
    assert_eq!(stream.health, Some(StreamHealth::Healthy));
    assert_eq!(stream.viewer_count, Some(3));
    assert_eq!(stream.stream_id.as_deref(), Some("st-1A2b3c4D5e6F78ghij9Klmn"));
    assert_eq!(r.validate(), Ok(()));
}

#[test]
fn get_stream_session_response() {
    let r = exact_round_trip!(ivs_model::GetStreamSessionResponse, GET_STREAM_SESSION);
    let session = r.stream_session.as_ref().unwrap();
    assert_eq!(session.start_time, Some(ts(T_2024_03_21_09_15_02)));
    assert_eq!(session.end_time, Some(ts(T_2024_03_21_09_45_47)));
    assert_eq!(
        session.channel.as_ref().unwrap().recording_configuration_arn.as_deref(),
        Some("arn:aws:ivs:us-west-2:123456789012:recording-configuration/ABcdef34ghIJ")
    );

    let ingest = session.ingest_configuration.as_ref().unwrap();
    let video = ingest.video.as_ref().unwrap();
    assert_eq!(
        (video.video_width, video.video_height, video.target_framerate),
        (Some(1920), Some(1080), Some(30))
    );
    assert_eq!(video.target_bitrate, Some(3_500_000));
    let audio = ingest.audio.as_ref().unwrap();
    assert_eq!((audio.channels, audio.sample_rate), (Some(2), Some(48_000)));
    let all = session.ingest_configurations.as_ref().unwrap();
    assert_eq!(all.video_configurations.as_deref(), Some(std::slice::from_ref(video)));
    assert_eq!(all.audio_configurations.as_deref(), Some(std::slice::from_ref(audio)));

    let recording = session.recording_configuration.as_ref().unwrap();
    assert_eq!(recording.state, Some(RecordingConfigurationState::Active));
    assert_eq!(recording.recording_reconnect_window_seconds, Some(60));
    assert_eq!(
        recording
            .destination_configuration
            .as_ref()
            .unwrap()
            .s3
            .as_ref()
            .unwrap()
            .bucket_name
            .as_deref(),
        Some("demo-recording-bucket")
    );
    let renditions = recording.rendition_configuration.as_ref().unwrap();
    assert_eq!(
        renditions.rendition_selection,
        Some(RenditionConfigurationRenditionSelection::Custom)
    );
    assert_eq!(
        renditions.renditions,
        Some(vec![
            RenditionConfigurationRendition::Hd,
            RenditionConfigurationRendition::Sd
        ])
    );
    let thumbnails = recording.thumbnail_configuration.as_ref().unwrap();
    assert_eq!(thumbnails.recording_mode, Some(RecordingMode::Interval));
    assert_eq!(
        thumbnails.resolution,
        Some(ThumbnailConfigurationResolution::LowestResolution)
    );
    assert_eq!(
        thumbnails.storage,
        Some(vec![
            ThumbnailConfigurationStorage::Sequential,
            ThumbnailConfigurationStorage::Latest
        ])
    );

    let events = session.truncated_events.as_ref().unwrap();
    assert_eq!(events.len(), 3);
    assert_eq!(events[0].event_time, Some(ts(T_2024_03_21_09_15_02)));
    assert_eq!(events[0].code, None);
    assert_eq!(
        events[1].event_time,
        Some(ts_millis(T_2024_03_21_09_15_02 * 1000 + 123))
    );
    assert_eq!(events[2].code.as_deref(), Some("StreamTakeoverInvalidPriority"));
    assert_eq!(events[2].r#type.as_deref(), Some("IVS Stream State Change"));
}

#[test]
fn batch_get_channel_response() {
    let r = exact_round_trip!(ivs_model::BatchGetChannelResponse, BATCH_GET_CHANNEL);
    let channels = r.channels.as_ref().unwrap();
    assert_eq!(channels.len(), 1);
    assert_eq!(channels[0].r#type, Some(ChannelType::Basic));
    let errors = r.errors.as_ref().unwrap();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].code.as_deref(), Some("ResourceNotFoundException"));
    assert_eq!(
        errors[0].arn.as_deref(),
        Some("arn:aws:ivs:us-west-2:123456789012:channel/efghEFGHijkl")
    );
    // The response's header members are not in the body.
    assert_eq!(r.cache_control, None);
}

#[test]
fn batch_get_stream_key_response() {
    let r = exact_round_trip!(ivs_model::BatchGetStreamKeyResponse, BATCH_GET_STREAM_KEY);
    // An empty list is present (and sent back as `[]`), not absent.
    assert_eq!(r.errors, Some(Vec::new()));
    let keys = r.stream_keys.as_ref().unwrap();
    assert_eq!(keys[1].value.as_deref(), Some("sk_us-west-2_efghEFGHijkl_123456abcdef"));
    assert_eq!(keys[1].tags, Some(tags(&[("key", "value")])));
    assert_eq!(r.validate(), Ok(()));
}

#[test]
fn import_playback_key_pair_response() {
    let r = exact_round_trip!(ivs_model::ImportPlaybackKeyPairResponse, IMPORT_PLAYBACK_KEY_PAIR);
    let pair = r.key_pair.as_ref().unwrap();
    assert_eq!(
        pair.fingerprint.as_deref(),
        Some("12:a3:44:56:bc:7d:e8:9f:10:2a:33:4b:5c:6d:7e:8f")
    );
    assert_eq!(pair.name.as_deref(), Some("my-playback-key"));
    assert_eq!(r.validate(), Ok(()));
}

#[test]
fn list_stream_keys_response() {
    let r = exact_round_trip!(ivs_model::ListStreamKeysResponse, LIST_STREAM_KEYS);
    assert_eq!(r.next_token, None);
    let keys = r.stream_keys.as_ref().unwrap();
    assert_eq!(keys.len(), 1);
    assert_eq!(keys[0].channel_arn.as_deref(), Some(CHANNEL_ARN));
    assert_eq!(r.validate(), Ok(()));
}

#[test]
fn list_streams_response() {
    let r = exact_round_trip!(ivs_model::ListStreamsResponse, LIST_STREAMS);
    let streams = r.streams.as_ref().unwrap();
    // The wire value "UNKNOWN" is a known value of `StreamHealth` (its variant is renamed
    // so as not to clash with the catch-all `Unknown(String)`).
    assert_eq!(streams[0].health, Some(StreamHealth::UnknownValue));
    assert!(streams[0].health.as_ref().unwrap().is_known());
    assert_eq!(streams[0].viewer_count, Some(0));
    assert_eq!(streams[1].health, Some(StreamHealth::Starving));
    assert_eq!(streams[1].viewer_count, Some(1_234_567));
    assert_eq!(
        streams[1].start_time,
        Some(ts_millis(T_2024_03_21_09_15_02 * 1000 + 123))
    );
    assert_eq!(r.validate(), Ok(()));
}

#[test]
fn list_stream_sessions_response() {
    // Not byte-exact: the service may write "2024-03-21T09:15:02.000Z" and the runtime writes
    // the same instant as "2024-03-21T09:15:02Z" (and ".500Z" as ".5Z"). Both are RFC 3339
    // spellings of one instant, so the instants are compared; everything else is exact.
    let (r, mut original, back) = round_trip!(ivs_model::ListStreamSessionsResponse, LIST_STREAM_SESSIONS);
    assert_ne!(back, original);
    assert_eq!(back["streamSessions"][0]["startTime"], "2024-03-21T09:15:02Z");
    assert_eq!(back["streamSessions"][1]["startTime"], "2024-03-21T10:00:00.5Z");
    canonical_instants(&mut original);
    assert_eq!(back, original);

    let sessions = r.stream_sessions.as_ref().unwrap();
    assert_eq!(sessions[0].start_time, Some(ts(T_2024_03_21_09_15_02)));
    assert_eq!(sessions[0].end_time, Some(ts(T_2024_03_21_09_45_47)));
    assert_eq!(sessions[0].has_error_event, Some(false));
    // A live session has no end time, and none is sent back.
    assert_eq!(sessions[1].end_time, None);
    assert!(back["streamSessions"][1].get("endTime").is_none());
    assert_eq!(
        sessions[1].start_time,
        Some(ts_millis((T_2024_03_21_09_15_02 + 2698) * 1000 + 500))
    );
    assert_eq!(r.next_token.as_deref(), Some("eyJQYWdlIjoyfQ=="));
}

#[test]
fn get_recording_configuration_response() {
    let r = exact_round_trip!(
        ivs_model::GetRecordingConfigurationResponse,
        GET_RECORDING_CONFIGURATION
    );
    let recording = r.recording_configuration.as_ref().unwrap();
    assert_eq!(recording.state, Some(RecordingConfigurationState::Creating));
    assert_eq!(recording.recording_reconnect_window_seconds, Some(0));
    let renditions = recording.rendition_configuration.as_ref().unwrap();
    assert_eq!(
        renditions.rendition_selection,
        Some(RenditionConfigurationRenditionSelection::All)
    );
    assert_eq!(renditions.renditions, Some(Vec::new()));
    let thumbnails = recording.thumbnail_configuration.as_ref().unwrap();
    assert_eq!(thumbnails.recording_mode, Some(RecordingMode::Disabled));
    assert_eq!(thumbnails.resolution, Some(ThumbnailConfigurationResolution::FullHd));
    assert_eq!(thumbnails.target_interval_seconds, Some(60));
    assert_eq!(r.validate(), Ok(()));
}

#[test]
fn get_playback_restriction_policy_response() {
    let r = exact_round_trip!(
        ivs_model::GetPlaybackRestrictionPolicyResponse,
        GET_PLAYBACK_RESTRICTION_POLICY
    );
    let policy = r.playback_restriction_policy.as_ref().unwrap();
    assert_eq!(policy.allowed_countries, Some(vec!["US".to_string(), "MX".to_string()]));
    assert_eq!(policy.allowed_origins.as_ref().map(Vec::len), Some(2));
    assert_eq!(policy.enable_strict_origin_enforcement, Some(false));
    assert_eq!(r.validate(), Ok(()));
}

#[test]
fn list_tags_for_resource_response() {
    let r = exact_round_trip!(ivs_model::ListTagsForResourceResponse, LIST_TAGS_FOR_RESOURCE);
    assert_eq!(
        r.tags,
        Some(tags(&[("key1", "value1"), ("key2", "value2"), ("topic:nature", "")]))
    );
}

// ---------------------------------------------------------------------------------------
// Timestamps
// ---------------------------------------------------------------------------------------

#[test]
fn date_time_members_parse_iso_8601_and_serialize_rfc_3339() {
    let parse = |start: &str| -> ivs_model::Stream { serde_json::from_value(json!({ "startTime": start })).unwrap() };
    let expected = Some(ts(T_2023_07_09_16_08_25));
    // The same instant with an offset, lower-case separators, explicit zero fraction.
    for spelling in [
        "2023-07-09T16:08:25Z",
        "2023-07-09T18:38:25+02:30",
        "2023-07-09T11:08:25-05:00",
        "2023-07-09t16:08:25z",
        "2023-07-09T16:08:25.000Z",
    ] {
        let stream = parse(spelling);
        assert_eq!(stream.start_time, expected, "{spelling}");
        // Always written back in UTC, as a JSON string.
        assert_eq!(
            serde_json::to_value(&stream).unwrap(),
            json!({ "startTime": "2023-07-09T16:08:25Z" }),
            "{spelling}"
        );
    }
    // Built in code, too.
    let session = ivs_model::StreamSession::default().with_start_time(ts(T_2024_03_21_09_15_02));
    assert_eq!(
        serde_json::to_value(&session).unwrap(),
        json!({ "startTime": "2024-03-21T09:15:02Z" })
    );
    // Not a date-time: rejected.
    for bad in [
        json!("2023-07-09"),
        json!("2023-07-09T16:08:25"),
        json!("yesterday"),
        json!(T_2023_07_09_16_08_25),
    ] {
        let error = serde_json::from_value::<ivs_model::Stream>(json!({ "startTime": bad }))
            .unwrap_err()
            .to_string();
        assert!(error.contains("date-time"), "{bad}: {error}");
    }
}

#[test]
fn date_time_fractional_seconds() {
    let parse =
        |start: &str| -> ivs_model::StreamSession { serde_json::from_value(json!({ "startTime": start })).unwrap() };
    let base = T_2024_03_21_09_15_02 * 1000;
    let s = parse("2024-03-21T09:15:02.123Z");
    assert_eq!(s.start_time, Some(ts_millis(base + 123)));
    assert_eq!(
        serde_json::to_value(&s).unwrap()["startTime"],
        "2024-03-21T09:15:02.123Z"
    );
    let s = parse("2024-03-21T09:15:02.5Z");
    assert_eq!(s.start_time, Some(ts_millis(base + 500)));
    assert_eq!(serde_json::to_value(&s).unwrap()["startTime"], "2024-03-21T09:15:02.5Z");
    // Parsing keeps sub-millisecond digits; writing truncates to milliseconds.
    let s = parse("2024-03-21T09:15:02.123456789Z");
    assert_eq!(
        s.start_time.unwrap().unix_timestamp_nanos(),
        i128::from(T_2024_03_21_09_15_02) * 1_000_000_000 + 123_456_789
    );
    assert_eq!(
        serde_json::to_value(&s).unwrap()["startTime"],
        "2024-03-21T09:15:02.123Z"
    );
}

#[test]
fn epoch_seconds_members_are_json_numbers() {
    // `when` targets `smithy.api#Timestamp` without @timestampFormat: epoch-seconds in restJson1.
    let value = CheckInput::default().with_when(ts(1_700_000_000));
    assert_eq!(serde_json::to_value(&value).unwrap(), json!({ "when": 1_700_000_000 }));
    assert_eq!(serde_json::to_string(&value).unwrap(), r#"{"when":1700000000}"#);

    let parsed: CheckInput = serde_json::from_str(r#"{"when":1700000000}"#).unwrap();
    assert_eq!(parsed.when, Some(ts(1_700_000_000)));
    // Negative (before 1970) and zero.
    let parsed: CheckInput = serde_json::from_str(r#"{"when":-1}"#).unwrap();
    assert_eq!(parsed.when, Some(ts(-1)));
    assert_eq!(serde_json::to_string(&parsed).unwrap(), r#"{"when":-1}"#);
    let parsed: CheckInput = serde_json::from_str(r#"{"when":0}"#).unwrap();
    assert_eq!(parsed.when, Some(Timestamp::UNIX_EPOCH));

    // A date-time string is not an epoch-seconds value.
    let error = serde_json::from_str::<CheckInput>(r#"{"when":"2023-11-14T22:13:20Z"}"#)
        .unwrap_err()
        .to_string();
    assert!(error.contains("epoch seconds"), "{error}");
}

#[test]
fn epoch_seconds_fractions() {
    let parsed: CheckInput = serde_json::from_str(r#"{"when":1700000000.5}"#).unwrap();
    assert_eq!(parsed.when, Some(ts_millis(1_700_000_000_500)));
    assert_eq!(serde_json::to_string(&parsed).unwrap(), r#"{"when":1700000000.5}"#);
    let parsed: CheckInput = serde_json::from_str(r#"{"when":1700000000.123}"#).unwrap();
    assert_eq!(parsed.when, Some(ts_millis(1_700_000_000_123)));
    assert_eq!(serde_json::to_string(&parsed).unwrap(), r#"{"when":1700000000.123}"#);
    // A whole number written as a float comes back as an integer.
    let parsed: CheckInput = serde_json::from_str(r#"{"when":1700000000.0}"#).unwrap();
    assert_eq!(serde_json::to_string(&parsed).unwrap(), r#"{"when":1700000000}"#);
    // Built with milliseconds.
    let value = CheckInput::default().with_when(ts_millis(-500));
    assert_eq!(serde_json::to_string(&value).unwrap(), r#"{"when":-0.5}"#);
}

// ---------------------------------------------------------------------------------------
// Blobs
// ---------------------------------------------------------------------------------------

#[test]
fn blobs_are_base64() {
    let value = CheckInput::default().with_data(Blob::new([0_u8, 1, 2, 0xff]));
    assert_eq!(serde_json::to_value(&value).unwrap(), json!({ "data": "AAEC/w==" }));
    let parsed: CheckInput = serde_json::from_str(r#"{"data":"AAEC/w=="}"#).unwrap();
    assert_eq!(parsed.data.as_ref().map(Blob::as_bytes), Some(&[0_u8, 1, 2, 0xff][..]));
    assert_eq!(parsed, value);
    // Text bytes, and the empty blob.
    let hello = exact_round_trip!(CheckInput, r#"{"data":"aGVsbG8gd29ybGQ="}"#);
    assert_eq!(hello.data.unwrap().as_bytes(), b"hello world");
    let empty = exact_round_trip!(CheckInput, r#"{"data":""}"#);
    assert_eq!(empty.data, Some(Blob::default()));
    // Unpadded input is accepted; output is always padded.
    let unpadded: CheckInput = serde_json::from_str(r#"{"data":"AAEC/w"}"#).unwrap();
    assert_eq!(serde_json::to_value(&unpadded).unwrap(), json!({ "data": "AAEC/w==" }));
    // Not base64: an error, not garbage bytes.
    let error = serde_json::from_str::<CheckInput>(r#"{"data":"not base64!"}"#)
        .unwrap_err()
        .to_string();
    assert!(error.contains("invalid base64 blob"), "{error}");
}

// ---------------------------------------------------------------------------------------
// Floats and sparse collections
// ---------------------------------------------------------------------------------------

#[test]
fn special_floats_travel_as_strings() {
    // `ratio` is a double member, `weights` a sparse map of doubles. (NaN is not equal to
    // itself, so the exact round trip uses the infinities; NaN is checked field by field.)
    let input = exact_round_trip!(
        CheckInput,
        r#"{"ratio":"Infinity","weights":{"a":"Infinity","b":"-Infinity","c":null,"d":1.5}}"#
    );
    assert_eq!(input.ratio, Some(f64::INFINITY));
    let weights = input.weights.unwrap();
    assert_eq!(weights["a"], Some(f64::INFINITY));
    assert_eq!(weights["b"], Some(f64::NEG_INFINITY));
    assert_eq!((weights["c"], weights["d"]), (None, Some(1.5)));
    let nan: CheckInput = serde_json::from_str(r#"{"ratio":"NaN"}"#).unwrap();
    assert!(nan.ratio.unwrap().is_nan());
    assert_eq!(serde_json::to_value(&nan).unwrap(), json!({ "ratio": "NaN" }));
    // Built in code, a special value is written as its string.
    assert_eq!(
        serde_json::to_value(CheckInput::default().with_ratio(f64::NEG_INFINITY)).unwrap(),
        json!({ "ratio": "-Infinity" })
    );
    // Any other string is refused, as before.
    let error = serde_json::from_str::<CheckInput>(r#"{"ratio":"infinity"}"#).unwrap_err();
    assert!(
        error.to_string().contains("\"NaN\", \"Infinity\" or \"-Infinity\""),
        "{error}"
    );
}

#[test]
fn sparse_lists_keep_their_nulls() {
    let input = exact_round_trip!(CheckInput, r#"{"sparseIds":["a",null,"b"]}"#);
    assert_eq!(
        input.sparse_ids,
        Some(vec![Some("a".to_string()), None, Some("b".to_string())])
    );
    // A dense list still refuses a null item.
    assert!(serde_json::from_str::<CheckInput>(r#"{"ids":["a",null]}"#).is_err());
}

// ---------------------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------------------

#[test]
fn unknown_enum_values_round_trip_unchanged() {
    // `Channel` has Smithy defaults, so a document that omits them does not round-trip
    // exactly: this one spells them out.
    let channel = exact_round_trip!(
        ivs_model::Channel,
        &channel_with_defaults(json!({"type": "ULTRA_HD"})).to_string()
    );
    assert_eq!(channel.r#type, Some(ChannelType::Unknown("ULTRA_HD".to_string())));
    assert!(!channel.r#type.as_ref().unwrap().is_known());
    assert_eq!(serde_json::to_value(&channel).unwrap()["type"], json!("ULTRA_HD"));

    // Built in code, an unknown value is sent as written.
    let channel = ivs_model::Channel::default().with_latency_mode(ChannelLatencyMode::from("ULTRA_LOW"));
    assert_eq!(
        serde_json::to_value(&channel).unwrap(),
        channel_with_defaults(json!({ "latencyMode": "ULTRA_LOW" }))
    );

    // Case matters: "low" is not "LOW".
    let summary = exact_round_trip!(
        ivs_model::ChannelSummary,
        &summary_with_defaults(json!({"latencyMode": "low"})).to_string()
    );
    assert_eq!(
        summary.latency_mode,
        Some(ChannelLatencyMode::Unknown("low".to_string()))
    );

    // Lists of enums keep unknown items in place.
    let thumbnails = exact_round_trip!(
        ivs_model::ThumbnailConfiguration,
        // `recordingMode` spelled out: it is the Smithy default, filled in when missing.
        r#"{"recordingMode":"INTERVAL","storage":["LATEST","ARCHIVE","SEQUENTIAL"]}"#
    );
    assert_eq!(
        thumbnails.storage,
        Some(vec![
            ThumbnailConfigurationStorage::Latest,
            ThumbnailConfigurationStorage::Unknown("ARCHIVE".to_string()),
            ThumbnailConfigurationStorage::Sequential
        ])
    );

    // Fixture string and int enums.
    let input = exact_round_trip!(CheckInput, r#"{"color":"blue","level":5}"#);
    assert_eq!(input.color, Some(Color::Unknown("blue".to_string())));
    assert_eq!(input.level, Some(Level::Unknown(5)));
    let input = exact_round_trip!(CheckInput, r#"{"color":"red","level":10}"#);
    assert_eq!((input.color, input.level), (Some(Color::Red), Some(Level::High)));
    // An intEnum is a JSON number, never a string.
    assert!(serde_json::from_str::<CheckInput>(r#"{"level":"10"}"#).is_err());
}

// ---------------------------------------------------------------------------------------
// Absent and unknown members
// ---------------------------------------------------------------------------------------

#[test]
fn unset_members_are_omitted() {
    assert_eq!(
        serde_json::to_string(&ivs_model::CreateChannelRequest::default()).unwrap(),
        "{}"
    );
    assert_eq!(serde_json::to_string(&CheckInput::default()).unwrap(), "{}");
    // Outside @input structures, `Default` holds the Smithy defaults, and they are sent.
    assert_eq!(
        serde_json::to_value(ivs_model::Channel::default()).unwrap(),
        channel_with_defaults(json!({}))
    );
    // Members with a documented default are still omitted when unset: the default is the
    // service's, not sent by the client.
    let request = ivs_model::CreateChannelRequest::default().with_name("my-channel");
    assert_eq!(serde_json::to_value(&request).unwrap(), json!({ "name": "my-channel" }));
    // `false`, `0` and "" are values, not absence.
    let request = ivs_model::CreateChannelRequest::default()
        .with_authorized(false)
        .with_name("");
    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        json!({ "authorized": false, "name": "" })
    );
}

#[test]
fn unknown_fields_are_ignored_and_null_is_absent() {
    let json = r#"{
        "name": "my-channel",
        "someFutureMember": {"nested": [1, 2, 3]},
        "latencyMode": "LOW",
        "recordingConfigurationArn": null
    }"#;
    let request: ivs_model::CreateChannelRequest = serde_json::from_str(json).unwrap();
    assert_eq!(
        request,
        ivs_model::CreateChannelRequest::default()
            .with_name("my-channel")
            .with_latency_mode(ChannelLatencyMode::Low)
    );
    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        json!({ "name": "my-channel", "latencyMode": "LOW" })
    );

    // Unknown members inside nested structures and list items too.
    let r: ivs_model::ListChannelsResponse =
        serde_json::from_str(r#"{"channels":[{"name":"a","newField":true}],"pagination":{}}"#).unwrap();
    assert_eq!(
        serde_json::to_value(&r).unwrap(),
        json!({ "channels": [summary_with_defaults(json!({ "name": "a" }))] })
    );
}

/// A `Channel` document: `members` over the Smithy defaults of `Channel`.
fn channel_with_defaults(members: serde_json::Value) -> serde_json::Value {
    let mut document = json!({
        "latencyMode": "LOW",
        "type": "STANDARD",
        "recordingConfigurationArn": "",
        "authorized": false,
        "insecureIngest": false,
        "playbackRestrictionPolicyArn": "",
        "containerFormat": "TS"
    });
    merge(&mut document, members);
    document
}

/// A `ChannelSummary` document: `members` over the Smithy defaults of `ChannelSummary`.
fn summary_with_defaults(members: serde_json::Value) -> serde_json::Value {
    let mut document = json!({
        "latencyMode": "LOW",
        "type": "STANDARD",
        "recordingConfigurationArn": "",
        "authorized": false,
        "insecureIngest": false,
        "playbackRestrictionPolicyArn": ""
    });
    merge(&mut document, members);
    document
}

fn merge(document: &mut serde_json::Value, members: serde_json::Value) {
    if let (Some(document), serde_json::Value::Object(members)) = (document.as_object_mut(), members) {
        document.extend(members);
    }
}

// ---------------------------------------------------------------------------------------
// Members bound outside the body (headers, labels, query strings)
// ---------------------------------------------------------------------------------------

#[test]
fn header_members_are_not_in_the_body() {
    let response = ivs_model::BatchGetChannelResponse::default()
        .with_access_control_allow_origin("*")
        .with_access_control_expose_headers("x-amzn-RequestId")
        .with_cache_control("no-store")
        .with_content_security_policy("default-src 'self'")
        .with_strict_transport_security("max-age=47304000; includeSubDomains")
        .with_x_content_type_options("nosniff")
        .with_x_frame_options("DENY")
        .with_channels(Vec::new());
    assert_eq!(serde_json::to_value(&response).unwrap(), json!({ "channels": [] }));

    // Neither the member names nor the header names are read from a body.
    let body = r#"{"cacheControl":"no-store","Cache-Control":"no-store","xFrameOptions":"DENY","X-Frame-Options":"DENY","channels":[]}"#;
    let parsed: ivs_model::BatchGetChannelResponse = serde_json::from_str(body).unwrap();
    assert_eq!(
        parsed,
        ivs_model::BatchGetChannelResponse::default().with_channels(Vec::new())
    );

    let keys = ivs_model::BatchGetStreamKeyResponse::default().with_cache_control("no-store");
    assert_eq!(serde_json::to_string(&keys).unwrap(), "{}");
    let revocations = ivs_model::BatchStartViewerSessionRevocationResponse::default().with_x_frame_options("DENY");
    assert_eq!(serde_json::to_string(&revocations).unwrap(), "{}");
}

#[test]
fn label_and_query_members_are_not_in_the_body() {
    let tag = ivs_model::TagResourceRequest::default()
        .with_resource_arn(CHANNEL_ARN)
        .with_tags(tags(&[("topic", "nature")]));
    assert_eq!(
        serde_json::to_value(&tag).unwrap(),
        json!({ "tags": { "topic": "nature" } })
    );
    let parsed: ivs_model::TagResourceRequest = serde_json::from_str(&format!(
        r#"{{"resourceArn":"{CHANNEL_ARN}","tags":{{"topic":"nature"}}}}"#
    ))
    .unwrap();
    assert_eq!(parsed.resource_arn, None);
    assert_eq!(parsed.tags, Some(tags(&[("topic", "nature")])));

    // `resourceArn` is a label and `tagKeys` a query parameter: the body is empty.
    let untag = ivs_model::UntagResourceRequest::default()
        .with_resource_arn(CHANNEL_ARN)
        .with_tag_keys(vec!["topic".to_string()]);
    assert_eq!(serde_json::to_string(&untag).unwrap(), "{}");
    let list = ivs_model::ListTagsForResourceRequest::default().with_resource_arn(CHANNEL_ARN);
    assert_eq!(serde_json::to_string(&list).unwrap(), "{}");
}

// ---------------------------------------------------------------------------------------
// Unions
// ---------------------------------------------------------------------------------------

#[test]
fn union_string_variant() {
    let value = exact_round_trip!(Value, r#"{"text":"hi"}"#);
    assert_eq!(value, Value::Text("hi".to_string()));
    assert_eq!(
        serde_json::to_string(&Value::Text("hi".to_string())).unwrap(),
        r#"{"text":"hi"}"#
    );
    let value = exact_round_trip!(Value, r#"{"number":-7}"#);
    assert_eq!(value, Value::Number(-7));
    let value = exact_round_trip!(Value, r#"{"items":["a","b"]}"#);
    assert_eq!(value, Value::Items(vec!["a".to_string(), "b".to_string()]));
}

#[test]
fn union_timestamp_variant() {
    // `when` targets `smithy.api#Timestamp`: epoch seconds.
    let value = exact_round_trip!(Value, r#"{"when":1700000000}"#);
    assert_eq!(value, Value::When(ts(1_700_000_000)));
    let value = exact_round_trip!(Value, r#"{"when":1700000000.25}"#);
    assert_eq!(value, Value::When(ts_millis(1_700_000_000_250)));
    assert_eq!(serde_json::to_value(Value::When(ts(0))).unwrap(), json!({ "when": 0 }));
}

#[test]
fn union_structure_and_nested_union_variants() {
    let value = exact_round_trip!(Value, r#"{"pair":{"left":"l","right":"r"}}"#);
    assert_eq!(value, Value::Pair(Pair::default().with_left("l").with_right("r")));
    let value = exact_round_trip!(Value, r#"{"nested":{"nested":{"pair":{"left":"x"}}}}"#);
    assert_eq!(
        value,
        Value::Nested(Box::new(Value::Nested(Box::new(Value::Pair(
            Pair::default().with_left("x")
        )))))
    );

    // In a structure.
    let input = exact_round_trip!(PutInput, r#"{"value":{"nested":{"text":"deep"}}}"#);
    assert_eq!(
        input.value,
        Some(Value::Nested(Box::new(Value::Text("deep".to_string()))))
    );
    let output = exact_round_trip!(PutOutput, r#"{}"#);
    assert_eq!(output.value, None);
}

#[test]
fn union_must_have_exactly_one_member() {
    assert!(serde_json::from_str::<Value>(r#"{}"#).is_err());
    assert!(serde_json::from_str::<Value>(r#"{"text":"a","number":1}"#).is_err());
    assert!(serde_json::from_str::<Value>(r#""text""#).is_err());
}

#[test]
fn recursive_structure_several_levels_deep() {
    let json = r#"{
      "tree": {
        "label": "root",
        "children": [
          {"label": "a", "next": {"label": "a2", "next": {"label": "a3"}}},
          {"label": "b", "children": [{"label": "b1", "children": []}]}
        ],
        "next": {"next": {"next": {"label": "four"}}}
      },
      "value": {"text": "hi"}
    }"#;
    let input = exact_round_trip!(PutInput, json);
    let tree = input.tree.as_ref().unwrap();
    assert_eq!(tree.label.as_deref(), Some("root"));
    let children = tree.children.as_ref().unwrap();
    let a3 = children[0].next.as_ref().unwrap().next.as_ref().unwrap();
    assert_eq!(a3.label.as_deref(), Some("a3"));
    assert_eq!(children[1].children.as_ref().unwrap()[0].children, Some(Vec::new()));
    let four = tree
        .next
        .as_ref()
        .unwrap()
        .next
        .as_ref()
        .unwrap()
        .next
        .as_ref()
        .unwrap();
    assert_eq!(**four, Tree::default().with_label("four"));

    // A long chain built in code survives the trip too.
    let mut chain = Tree::default().with_label("end");
    for i in 0..60 {
        chain = Tree::default().with_label(format!("n{i}")).with_next(chain);
    }
    let json = serde_json::to_string(&chain).unwrap();
    assert!(
        json.starts_with(r#"{"label":"n59","next":{"label":"n58","next":"#),
        "{json}"
    );
    let back: Tree = serde_json::from_str(&json).unwrap();
    assert_eq!(back, chain);
}

/// A union member targeting `smithy.api#Unit` is `{"nothing": {}}` on the wire.
#[test]
fn union_unit_variant() {
    let value: Value = serde_json::from_value(json!({ "nothing": {} })).unwrap();
    assert_eq!(value, Value::Nothing(smithy_runtime::Unit {}));
    assert_eq!(serde_json::to_value(&value).unwrap(), json!({ "nothing": {} }));
    assert!(serde_json::from_value::<Value>(json!({ "nothing": 1 })).is_err());
}

/// A member this version does not know is kept by name (so a client survives a service
/// adding a union member); `null` members and `__type` are ignored; `Unknown` cannot be sent.
#[test]
fn union_unknown_member_is_kept_and_cannot_be_sent() {
    let value: Value = serde_json::from_str(r#"{"hologram": {"depth": 3}}"#).unwrap();
    assert_eq!(value, Value::Unknown("hologram".to_string()));
    let error = serde_json::to_string(&value).unwrap_err().to_string();
    assert_eq!(error, "cannot send the unknown union member `hologram`");

    let value: Value = serde_json::from_str(r#"{"text": null, "number": 4, "__type": "Value"}"#).unwrap();
    assert_eq!(value, Value::Number(4));

    let error = serde_json::from_str::<Value>(r#"{"text":"a","number":1}"#)
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("a union must have exactly one member set, found `"),
        "{error}"
    );
    let error = serde_json::from_str::<Value>(r#"{"number":"seven"}"#)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("invalid type: string \"seven\", expected i32"),
        "{error}"
    );
}

/// Validation reports an unknown union member at the union's path.
#[test]
fn union_unknown_member_fails_validation() {
    use smithy_runtime::Validate;
    let input = PutInput::default().with_value(Value::Unknown("hologram".to_string()));
    let error = input.validate().unwrap_err();
    assert_eq!(
        error.to_string(),
        "1 validation error detected: Value at '/value' failed to satisfy constraint: Member must set a known union member, not `hologram`"
    );
}
