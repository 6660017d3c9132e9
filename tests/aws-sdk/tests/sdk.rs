//! The official Rust SDK for IVS (`aws-sdk-ivs` from crates.io) against ivs-local, served in
//! process with SigV4 authentication on: every call below is signed by the SDK and verified by
//! the emulator, and every answer is parsed by the SDK's own deserializers.

use std::collections::HashMap;

use aws_sdk_ivs::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_ivs::error::ProvideErrorMetadata;
use aws_sdk_ivs::operation::create_stream_key::CreateStreamKeyError;
use aws_sdk_ivs::operation::get_channel::GetChannelError;
use aws_sdk_ivs::types::{ChannelLatencyMode, ChannelType, MediaTailorPlaybackConfiguration};
use tokio::task::JoinHandle;

const REGION: &str = "us-west-2";
const ACCESS_KEY_ID: &str = "AKIDLOCALTEST";
const SECRET: &str = "local-test-secret";
const CHANNEL_ARN_PREFIX: &str = "arn:aws:ivs:us-west-2:123456789012:channel/";

/// An emulator with default settings (us-west-2, account 123456789012, in memory) serving on a
/// free local port, accepting only requests signed with `ACCESS_KEY_ID` / `SECRET`.
struct Local {
    url: String,
    server: JoinHandle<std::io::Result<()>>,
}

impl Local {
    async fn start() -> Local {
        let emulator = ivs_local::Emulator::open(ivs_local::Settings::default()).expect("emulator");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("local address"));
        let config = ivs_server::ServerConfig::default()
            .with_auth(ivs_server::Auth::new(REGION, "ivs").key(ACCESS_KEY_ID, SECRET));
        let server = tokio::spawn(async move { axum::serve(listener, emulator.into_router(config)).await });
        Local { url, server }
    }

    /// An SDK client for this emulator, signing with `secret`.
    fn client(&self, secret: &str) -> aws_sdk_ivs::Client {
        let config = aws_sdk_ivs::Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .region(Region::new(REGION))
            .endpoint_url(&self.url)
            .credentials_provider(Credentials::new(ACCESS_KEY_ID, secret, None, None, "test"))
            .build();
        aws_sdk_ivs::Client::from_conf(config)
    }
}

impl Drop for Local {
    fn drop(&mut self) {
        self.server.abort();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn channel_lifecycle_with_the_official_sdk() {
    let local = Local::start().await;
    let ivs = local.client(SECRET);

    // Create: the channel, its defaults and its stream key.
    let created = ivs
        .create_channel()
        .name("sdk-first")
        .tags("team", "video")
        .tags("env", "test")
        .send()
        .await
        .expect("CreateChannel");
    let channel = created.channel().expect("channel in CreateChannel's response");
    let arn = channel.arn().expect("channel ARN").to_owned();
    assert!(arn.starts_with(CHANNEL_ARN_PREFIX), "channel ARN {arn}");
    assert!(arn.len() > CHANNEL_ARN_PREFIX.len(), "channel ARN {arn} has no id");
    assert_eq!(channel.name(), Some("sdk-first"));
    assert_eq!(channel.latency_mode(), Some(&ChannelLatencyMode::LowLatency));
    assert_eq!(channel.r#type(), Some(&ChannelType::StandardChannelType));
    assert!(!channel.authorized());
    let expected_tags = HashMap::from([
        ("team".to_owned(), "video".to_owned()),
        ("env".to_owned(), "test".to_owned()),
    ]);
    assert_eq!(channel.tags(), Some(&expected_tags));
    let stream_key = created.stream_key().expect("stream key in CreateChannel's response");
    assert_eq!(stream_key.channel_arn(), Some(arn.as_str()));
    let value = stream_key.value().expect("stream key value");
    assert!(value.starts_with("sk_us-west-2_"), "stream key value {value}");

    // Get: the same channel.
    let got = ivs.get_channel().arn(&arn).send().await.expect("GetChannel");
    assert_eq!(got.channel(), Some(channel));

    // List with the SDK's paginator, 2 per page: 5 channels, each exactly once, in 3 pages.
    let mut created_arns = vec![arn.clone()];
    for n in 2..=5 {
        let more = ivs
            .create_channel()
            .name(format!("sdk-{n}"))
            .send()
            .await
            .expect("CreateChannel");
        created_arns.push(more.channel().and_then(|c| c.arn()).expect("channel ARN").to_owned());
    }
    // (aws-sdk-ivs generates `items()` only on the ListAdConfigurations and
    // ListFailoverSlateConfigurations paginators, not on ListChannels': the channels are taken
    // from the pages here, and `items()` is exercised on ListAdConfigurations below.)
    let pages = ivs
        .list_channels()
        .into_paginator()
        .page_size(2)
        .send()
        .collect::<Result<Vec<_>, _>>()
        .await
        .expect("ListChannels, every page");
    let sizes: Vec<usize> = pages.iter().map(|page| page.channels().len()).collect();
    assert_eq!(sizes, [2, 2, 1]);
    assert!(pages.last().expect("a page").next_token().is_none());
    let listed: Vec<_> = pages.iter().flat_map(|page| page.channels()).collect();
    for created_arn in &created_arns {
        let times = listed
            .iter()
            .filter(|summary| summary.arn() == Some(created_arn))
            .count();
        assert_eq!(times, 1, "{created_arn} listed {times} times in {listed:?}");
    }
    assert_eq!(listed.len(), created_arns.len(), "listed: {listed:?}");
    let first = listed
        .iter()
        .find(|summary| summary.arn() == Some(&arn))
        .expect("listed");
    assert_eq!(first.name(), Some("sdk-first"));
    assert_eq!(first.tags(), Some(&expected_tags));

    // Get on an ARN that was never created: the modeled ResourceNotFoundException.
    let unknown = format!("{CHANNEL_ARN_PREFIX}abcdABCD1234");
    let err = ivs
        .get_channel()
        .arn(&unknown)
        .send()
        .await
        .expect_err("GetChannel on an unknown ARN");
    assert_eq!(err.raw_response().map(|raw| raw.status().as_u16()), Some(404));
    match err.into_service_error() {
        GetChannelError::ResourceNotFoundException(not_found) => {
            let message = not_found.message().unwrap_or_default();
            assert!(message.contains(&unknown), "message: {message}");
        }
        other => panic!("expected ResourceNotFoundException, got {other:?}"),
    }

    // Delete, then get: not found.
    ivs.delete_channel().arn(&arn).send().await.expect("DeleteChannel");
    let err = ivs
        .get_channel()
        .arn(&arn)
        .send()
        .await
        .expect_err("GetChannel after DeleteChannel");
    match err.into_service_error() {
        GetChannelError::ResourceNotFoundException(not_found) => {
            let message = not_found.message().unwrap_or_default();
            assert!(message.contains(&arn), "message: {message}");
        }
        other => panic!("expected ResourceNotFoundException, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn items_paginator_over_ad_configurations() {
    let local = Local::start().await;
    let ivs = local.client(SECRET);
    let mut created = Vec::new();
    for n in 1..=3 {
        let playback = MediaTailorPlaybackConfiguration::builder()
            .playback_configuration_arn(format!(
                "arn:aws:mediatailor:us-west-2:123456789012:playbackConfiguration/p{n}"
            ))
            .build();
        let output = ivs
            .create_ad_configuration()
            .name(format!("ads-{n}"))
            .media_tailor_playback_configurations(playback)
            .send()
            .await
            .expect("CreateAdConfiguration");
        let arn = output.ad_configuration().expect("ad configuration").arn();
        assert!(
            arn.starts_with("arn:aws:ivs:us-west-2:123456789012:ad-configuration/"),
            "ad configuration ARN {arn}"
        );
        created.push(arn.to_owned());
    }
    let listed = ivs
        .list_ad_configurations()
        .into_paginator()
        .page_size(2)
        .items()
        .send()
        .collect::<Result<Vec<_>, _>>()
        .await
        .expect("ListAdConfigurations, every item");
    assert_eq!(listed.len(), created.len(), "listed: {listed:?}");
    for arn in &created {
        let times = listed.iter().filter(|summary| summary.arn() == arn).count();
        assert_eq!(times, 1, "{arn} listed {times} times");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_stream_key_exceeds_the_quota() {
    let local = Local::start().await;
    let ivs = local.client(SECRET);
    let created = ivs
        .create_channel()
        .name("one-key")
        .send()
        .await
        .expect("CreateChannel");
    let arn = created.channel().and_then(|c| c.arn()).expect("channel ARN");
    assert!(
        created.stream_key().is_some(),
        "CreateChannel makes the channel's stream key"
    );

    let err = ivs
        .create_stream_key()
        .channel_arn(arn)
        .send()
        .await
        .expect_err("CreateStreamKey on a channel that has one");
    assert_eq!(err.code(), Some("ServiceQuotaExceededException"));
    assert_eq!(err.raw_response().map(|raw| raw.status().as_u16()), Some(402));
    match err.into_service_error() {
        CreateStreamKeyError::ServiceQuotaExceededException(quota) => {
            let message = quota.message().unwrap_or_default();
            assert!(message.contains(arn), "message: {message}");
        }
        other => panic!("expected ServiceQuotaExceededException, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_secret_is_refused() {
    let local = Local::start().await;
    let impostor = local.client("not-the-secret");
    let err = impostor
        .list_channels()
        .send()
        .await
        .expect_err("ListChannels signed with a wrong secret");
    assert_eq!(err.raw_response().map(|raw| raw.status().as_u16()), Some(403));
    assert_eq!(err.code(), Some("InvalidSignatureException"), "error: {err:?}");

    // The right secret on the same emulator is accepted.
    let ivs = local.client(SECRET);
    let listed = ivs.list_channels().send().await.expect("ListChannels, rightly signed");
    assert!(listed.channels().is_empty());
}
