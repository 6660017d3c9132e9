//! The generated client drives every operation of the emulator over real HTTP on 127.0.0.1,
//! with SigV4 verification on: each resource's lifecycle, the documented defaults, pagination,
//! and every error the emulator answers, checked by variant, HTTP status and message.

use std::collections::BTreeMap;
use std::fmt::Debug;

use ivs_client::model::operation::{
    batch_get_channel::BatchGetChannelError, create_channel::CreateChannelError,
    create_recording_configuration::CreateRecordingConfigurationError, create_stream_key::CreateStreamKeyError,
    delete_ad_configuration::DeleteAdConfigurationError, delete_playback_key_pair::DeletePlaybackKeyPairError,
    delete_playback_restriction_policy::DeletePlaybackRestrictionPolicyError,
    delete_recording_configuration::DeleteRecordingConfigurationError, delete_stream_key::DeleteStreamKeyError,
    get_ad_configuration::GetAdConfigurationError, get_channel::GetChannelError,
    get_playback_key_pair::GetPlaybackKeyPairError, get_playback_restriction_policy::GetPlaybackRestrictionPolicyError,
    get_recording_configuration::GetRecordingConfigurationError, get_stream::GetStreamError,
    get_stream_key::GetStreamKeyError, get_stream_session::GetStreamSessionError,
    import_playback_key_pair::ImportPlaybackKeyPairError, insert_ad_break::InsertAdBreakError,
    list_channels::ListChannelsError, list_playback_key_pairs::ListPlaybackKeyPairsError,
    list_stream_keys::ListStreamKeysError, list_stream_sessions::ListStreamSessionsError,
    list_streams::ListStreamsError, list_tags_for_resource::ListTagsForResourceError, put_metadata::PutMetadataError,
    start_viewer_session_revocation::StartViewerSessionRevocationError, stop_stream::StopStreamError,
    tag_resource::TagResourceError, update_channel::UpdateChannelError,
    update_playback_restriction_policy::UpdatePlaybackRestrictionPolicyError,
};
use ivs_client::model::*;
use ivs_client::{Client, Error};
use support::{ACCESS_KEY, SECRET_KEY};

mod support;

const PUBLIC_KEY: &str = include_str!("data/p384-public.pem");
const OTHER_PUBLIC_KEY: &str = include_str!("data/p384-public-2.pem");
const P256_PUBLIC_KEY: &str = include_str!("data/p256-public.pem");
const UNKNOWN_CHANNEL: &str = "arn:aws:ivs:us-west-2:123456789012:channel/doesNotExist";
const MEDIATAILOR: &str = "arn:aws:mediatailor:us-west-2:123456789012:playbackConfiguration/local";

/// Starts the emulator (authentication on) and returns a client for it.
async fn start() -> Client {
    start_with(ivs_local::Settings::default()).await
}

async fn start_with(settings: ivs_local::Settings) -> Client {
    let emulator = ivs_local::Emulator::open(settings).unwrap();
    let auth = ivs_server::Auth::new("us-west-2", "ivs").key(ACCESS_KEY, SECRET_KEY);
    let app = emulator.into_router(ivs_server::ServerConfig::default().with_auth(auth));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    Client::new(support::config(&url, SECRET_KEY).build().unwrap())
}

/// The modeled error and HTTP status of a call that must fail with one.
fn failure<T: Debug, E: ivs_client::model::runtime::protocol::OperationError>(result: Result<T, Error<E>>) -> (E, u16) {
    match result {
        Err(Error::Service(error)) => {
            let status = error.status();
            (error.into_error(), status)
        }
        other => panic!("expected a modeled error, got {other:?}"),
    }
}

/// Asserts that `result` failed with `variant`, `status`, and a message containing `text`.
macro_rules! assert_fails {
    ($result:expr, $variant:pat, $status:expr, $text:expr) => {{
        let (error, status) = failure($result);
        assert!(matches!(error, $variant), "{error:?}");
        assert_eq!(status, $status, "{error}");
        assert!(
            error.to_string().contains($text),
            "{error} does not mention {:?}",
            $text
        );
    }};
}

async fn new_channel(client: &Client, name: &str) -> Channel {
    client
        .create_channel()
        .name(name)
        .send()
        .await
        .unwrap()
        .channel
        .unwrap()
}

fn arn_of(channel: &Channel) -> String {
    channel.arn.clone().unwrap()
}

#[tokio::test]
async fn channels_have_the_documented_defaults_and_full_lifecycle() {
    let client = start().await;
    let created = client
        .create_channel()
        .name("first")
        .tags("team", "video")
        .send()
        .await
        .unwrap();
    let channel = created.channel.unwrap();
    let arn = arn_of(&channel);
    assert!(arn.starts_with("arn:aws:ivs:us-west-2:123456789012:channel/"), "{arn}");
    assert_eq!(channel.latency_mode, Some(ChannelLatencyMode::Low));
    assert_eq!(channel.r#type, Some(ChannelType::Standard));
    assert_eq!(channel.container_format, Some(ContainerFormat::Ts));
    assert_eq!(
        (channel.authorized, channel.insecure_ingest),
        (Some(false), Some(false))
    );
    assert_eq!(channel.preset.as_ref().map(TranscodePreset::as_str), Some(""));
    assert_eq!(channel.recording_configuration_arn.as_deref(), Some(""));
    assert!(
        channel
            .ingest_endpoint
            .as_deref()
            .unwrap()
            .ends_with(".global-contribute.live-video.net")
    );
    assert!(channel.playback_url.as_deref().unwrap().ends_with(".m3u8"));
    assert!(channel.srt.as_ref().unwrap().passphrase.is_some());
    assert_eq!(channel.tags.as_ref().unwrap()["team"], "video");
    let key = created.stream_key.unwrap();
    assert!(key.value.as_deref().unwrap().starts_with("sk_us-west-2_"));
    assert_eq!(key.channel_arn.as_deref(), Some(arn.as_str()));

    let got = client.get_channel().arn(&arn).send().await.unwrap().channel.unwrap();
    assert_eq!(got, channel);

    let advanced = client
        .create_channel()
        .r#type(ChannelType::AdvancedHd)
        .send()
        .await
        .unwrap()
        .channel
        .unwrap();
    assert_eq!(advanced.preset, Some(TranscodePreset::HigherBandwidthDelivery));
    assert_eq!(advanced.name.as_deref(), Some(""));

    let updated = client
        .update_channel()
        .arn(&arn)
        .name("renamed")
        .latency_mode(ChannelLatencyMode::Normal)
        .insecure_ingest(true)
        .send()
        .await
        .unwrap()
        .channel
        .unwrap();
    assert_eq!(updated.name.as_deref(), Some("renamed"));
    assert_eq!(updated.latency_mode, Some(ChannelLatencyMode::Normal));
    assert_eq!(
        updated.srt.as_ref().unwrap().passphrase,
        None,
        "no passphrase once ingest is insecure"
    );
    assert_eq!(updated.playback_url, channel.playback_url, "unchanged fields stay");

    let batch = client
        .batch_get_channel()
        .arns(&arn)
        .arns(UNKNOWN_CHANNEL)
        .send()
        .await
        .unwrap();
    assert_eq!(batch.channels.unwrap().len(), 1);
    let errors = batch.errors.unwrap();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].arn.as_deref(), Some(UNKNOWN_CHANNEL));
    assert_eq!(errors[0].code.as_deref(), Some("ResourceNotFoundException"));

    client.delete_channel().arn(&arn).send().await.unwrap();
    assert_fails!(
        client.get_channel().arn(&arn).send().await,
        GetChannelError::ResourceNotFoundException(_),
        404,
        &arn
    );
    let keys = client
        .batch_get_stream_key()
        .arns(key.arn.unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(
        keys.errors.unwrap().len(),
        1,
        "deleting a channel deletes its stream key"
    );
    assert_fails!(
        client.delete_channel().arn(&arn).send().await,
        ivs_client::model::operation::delete_channel::DeleteChannelError::ResourceNotFoundException(_),
        404,
        &arn
    );
}

#[tokio::test]
async fn channel_settings_follow_the_documented_rules() {
    let client = start().await;
    assert_fails!(
        client
            .create_channel()
            .preset(TranscodePreset::ConstrainedBandwidthDelivery)
            .send()
            .await,
        CreateChannelError::ValidationException(_),
        400,
        "preset can be set only on ADVANCED_SD and ADVANCED_HD channels"
    );
    let multitrack = MultitrackInputConfiguration::default()
        .with_enabled(true)
        .with_policy(MultitrackPolicy::Allow)
        .with_maximum_resolution(MultitrackMaximumResolution::FullHd);
    assert_fails!(
        client
            .create_channel()
            .multitrack_input_configuration(multitrack.clone())
            .send()
            .await,
        CreateChannelError::ValidationException(_),
        400,
        "FRAGMENTED_MP4"
    );
    let channel = client
        .create_channel()
        .multitrack_input_configuration(multitrack.clone())
        .container_format(ContainerFormat::FragmentedMp4)
        .send()
        .await
        .unwrap()
        .channel
        .unwrap();
    assert_fails!(
        client
            .update_channel()
            .arn(arn_of(&channel))
            .r#type(ChannelType::AdvancedSd)
            .send()
            .await,
        UpdateChannelError::ValidationException(_),
        400,
        "only on STANDARD channels"
    );
    assert_fails!(
        client.update_channel().arn(UNKNOWN_CHANNEL).name("x").send().await,
        UpdateChannelError::ResourceNotFoundException(_),
        404,
        UNKNOWN_CHANNEL
    );
    let missing_configuration = "arn:aws:ivs:us-west-2:123456789012:recording-configuration/nothingHere1";
    assert_fails!(
        client
            .create_channel()
            .recording_configuration_arn(missing_configuration)
            .send()
            .await,
        CreateChannelError::ResourceNotFoundException(_),
        404,
        missing_configuration
    );
    // The model's own constraints are checked by the server crate before the emulator runs.
    let unchecked = Client::new(
        support::config(&client_endpoint(&client), SECRET_KEY)
            .validate(false)
            .build()
            .unwrap(),
    );
    assert_fails!(
        unchecked.create_channel().name("has spaces").send().await,
        CreateChannelError::ValidationException(_),
        400,
        "/name"
    );
}

fn client_endpoint(client: &Client) -> String {
    client.config().endpoint_url().unwrap().to_string()
}

#[tokio::test]
async fn one_stream_key_per_channel() {
    let client = start().await;
    let channel = arn_of(&new_channel(&client, "keys").await);
    let keys = client
        .list_stream_keys()
        .channel_arn(&channel)
        .send()
        .await
        .unwrap()
        .stream_keys
        .unwrap();
    assert_eq!(keys.len(), 1);
    let first = keys[0].arn.clone().unwrap();
    assert_fails!(
        client.create_stream_key().channel_arn(&channel).send().await,
        CreateStreamKeyError::ServiceQuotaExceededException(_),
        402,
        "quota is 1 per channel"
    );
    client.delete_stream_key().arn(&first).send().await.unwrap();
    assert_fails!(
        client.get_stream_key().arn(&first).send().await,
        GetStreamKeyError::ResourceNotFoundException(_),
        404,
        &first
    );
    assert_fails!(
        client.delete_stream_key().arn(&first).send().await,
        DeleteStreamKeyError::ResourceNotFoundException(_),
        404,
        &first
    );
    let second = client
        .create_stream_key()
        .channel_arn(&channel)
        .tags("k", "v")
        .send()
        .await
        .unwrap();
    let second = second.stream_key.unwrap();
    let got = client
        .get_stream_key()
        .arn(second.arn.clone().unwrap())
        .send()
        .await
        .unwrap()
        .stream_key
        .unwrap();
    assert_eq!(got, second);
    let batch = client
        .batch_get_stream_key()
        .arns(second.arn.clone().unwrap())
        .arns(&first)
        .send()
        .await
        .unwrap();
    assert_eq!(batch.stream_keys.unwrap(), vec![second]);
    assert_eq!(batch.errors.unwrap()[0].arn.as_deref(), Some(first.as_str()));
    assert_fails!(
        client.create_stream_key().channel_arn(UNKNOWN_CHANNEL).send().await,
        CreateStreamKeyError::ResourceNotFoundException(_),
        404,
        UNKNOWN_CHANNEL
    );
    assert_fails!(
        client.list_stream_keys().channel_arn(UNKNOWN_CHANNEL).send().await,
        ListStreamKeysError::ResourceNotFoundException(_),
        404,
        UNKNOWN_CHANNEL
    );
}

#[tokio::test]
async fn listing_pages_with_opaque_tokens_and_filters() {
    let client = start().await;
    let mut created = Vec::new();
    for name in ["a", "b", "c", "d", "e"] {
        created.push(arn_of(&new_channel(&client, name).await));
    }
    let mut paginator = client.list_channels().max_results(2).into_paginator();
    let mut pages = Vec::new();
    while let Some(page) = paginator.next_page().await {
        pages.push(page.unwrap().channels.unwrap().len());
    }
    assert_eq!(pages, vec![2, 2, 1]);
    let mut items = client.list_channels().max_results(2).into_items();
    let mut seen = Vec::new();
    while let Some(item) = items.next_item().await {
        seen.push(item.unwrap().arn.unwrap());
    }
    created.sort();
    assert_eq!(seen, created, "every channel once, in ARN order");

    let named = client.list_channels().filter_by_name("c").send().await.unwrap();
    assert_eq!(named.channels.unwrap().len(), 1);
    assert_eq!(named.next_token, None);
    assert_fails!(
        client
            .list_channels()
            .filter_by_name("c")
            .filter_by_recording_configuration_arn("")
            .send()
            .await,
        ListChannelsError::ConflictException(_),
        409,
        "mutually exclusive"
    );
    assert_fails!(
        client.list_channels().next_token("bm90LW91cnM").send().await,
        ListChannelsError::ValidationException(_),
        400,
        "invalid nextToken"
    );
    assert_fails!(
        client.list_playback_key_pairs().next_token("garbage").send().await,
        ListPlaybackKeyPairsError::ValidationException(_),
        400,
        "invalid nextToken"
    );
    assert_fails!(
        client.list_streams().next_token("garbage").send().await,
        ListStreamsError::ValidationException(_),
        400,
        "invalid nextToken"
    );
}

#[tokio::test]
async fn recording_configurations_restriction_policies_and_ad_configurations() {
    let client = start().await;
    let destination = DestinationConfiguration::default()
        .with_s3(S3DestinationConfiguration::default().with_bucket_name("recordings"));
    let recording = client
        .create_recording_configuration()
        .name("rec")
        .destination_configuration(destination.clone())
        .send()
        .await
        .unwrap()
        .recording_configuration
        .unwrap();
    assert_eq!(recording.state, Some(RecordingConfigurationState::Active));
    assert_eq!(recording.recording_reconnect_window_seconds, Some(0));
    let thumbnails = recording.thumbnail_configuration.clone().unwrap();
    assert_eq!(thumbnails.recording_mode, Some(RecordingMode::Interval));
    assert_eq!(thumbnails.target_interval_seconds, Some(60));
    let recording_arn = recording.arn.clone().unwrap();
    let got = client
        .get_recording_configuration()
        .arn(&recording_arn)
        .send()
        .await
        .unwrap();
    assert_eq!(got.recording_configuration.unwrap(), recording);
    let listed = client
        .list_recording_configurations()
        .send()
        .await
        .unwrap()
        .recording_configurations
        .unwrap();
    assert_eq!(listed[0].arn.as_deref(), Some(recording_arn.as_str()));
    assert_fails!(
        client
            .create_recording_configuration()
            .destination_configuration(destination)
            .rendition_configuration(
                RenditionConfiguration::default()
                    .with_rendition_selection(RenditionConfigurationRenditionSelection::Custom),
            )
            .send()
            .await,
        CreateRecordingConfigurationError::ValidationException(_),
        400,
        "renditions are required"
    );

    let policy = client
        .create_playback_restriction_policy()
        .allowed_countries("US")
        .name("policy")
        .send()
        .await
        .unwrap()
        .playback_restriction_policy
        .unwrap();
    assert_eq!(policy.allowed_origins, Some(vec![]));
    assert_eq!(policy.enable_strict_origin_enforcement, Some(false));
    let policy_arn = policy.arn.clone().unwrap();
    let updated = client
        .update_playback_restriction_policy()
        .arn(&policy_arn)
        .allowed_origins("https://example.com")
        .send()
        .await
        .unwrap()
        .playback_restriction_policy
        .unwrap();
    assert_eq!(
        updated.allowed_countries,
        Some(vec!["US".to_string()]),
        "unchanged fields stay"
    );
    assert_eq!(updated.allowed_origins, Some(vec!["https://example.com".to_string()]));
    let got = client
        .get_playback_restriction_policy()
        .arn(&policy_arn)
        .send()
        .await
        .unwrap();
    assert_eq!(got.playback_restriction_policy.unwrap(), updated);
    let listed = client.list_playback_restriction_policies().send().await.unwrap();
    assert_eq!(listed.playback_restriction_policies.unwrap().len(), 1);

    let ad = client
        .create_ad_configuration()
        .name("ads")
        .media_tailor_playback_configurations(
            MediaTailorPlaybackConfiguration::default().with_playback_configuration_arn(MEDIATAILOR),
        )
        .send()
        .await
        .unwrap()
        .ad_configuration
        .unwrap();
    let ad_arn = ad.arn.clone().unwrap();
    assert_eq!(
        client
            .get_ad_configuration()
            .arn(&ad_arn)
            .send()
            .await
            .unwrap()
            .ad_configuration
            .unwrap(),
        ad
    );
    assert_eq!(
        client
            .list_ad_configurations()
            .send()
            .await
            .unwrap()
            .ad_configurations
            .unwrap()
            .len(),
        1
    );

    // A channel using all three: none of them can be deleted until the channel lets go.
    let channel = client
        .create_channel()
        .recording_configuration_arn(&recording_arn)
        .playback_restriction_policy_arn(&policy_arn)
        .ad_configuration_arn(&ad_arn)
        .send()
        .await
        .unwrap()
        .channel
        .unwrap();
    let channel_arn = arn_of(&channel);
    for (filtered, expected) in [
        (
            client
                .list_channels()
                .filter_by_recording_configuration_arn(&recording_arn),
            1,
        ),
        (
            client
                .list_channels()
                .filter_by_playback_restriction_policy_arn(&policy_arn),
            1,
        ),
        (client.list_channels().filter_by_ad_configuration_arn(&ad_arn), 1),
        (client.list_channels().filter_by_name("nobody"), 0),
    ] {
        assert_eq!(filtered.send().await.unwrap().channels.unwrap().len(), expected);
    }
    assert_fails!(
        client.delete_recording_configuration().arn(&recording_arn).send().await,
        DeleteRecordingConfigurationError::ConflictException(_),
        409,
        &channel_arn
    );
    assert_fails!(
        client
            .delete_playback_restriction_policy()
            .arn(&policy_arn)
            .send()
            .await,
        DeletePlaybackRestrictionPolicyError::ConflictException(_),
        409,
        &channel_arn
    );
    assert_fails!(
        client.delete_ad_configuration().arn(&ad_arn).send().await,
        DeleteAdConfigurationError::ConflictException(_),
        409,
        &channel_arn
    );
    client
        .update_channel()
        .arn(&channel_arn)
        .recording_configuration_arn("")
        .playback_restriction_policy_arn("")
        .ad_configuration_arn("")
        .send()
        .await
        .unwrap();
    client
        .delete_recording_configuration()
        .arn(&recording_arn)
        .send()
        .await
        .unwrap();
    client
        .delete_playback_restriction_policy()
        .arn(&policy_arn)
        .send()
        .await
        .unwrap();
    client.delete_ad_configuration().arn(&ad_arn).send().await.unwrap();
    assert_fails!(
        client.get_recording_configuration().arn(&recording_arn).send().await,
        GetRecordingConfigurationError::ResourceNotFoundException(_),
        404,
        &recording_arn
    );
    assert_fails!(
        client.get_playback_restriction_policy().arn(&policy_arn).send().await,
        GetPlaybackRestrictionPolicyError::ResourceNotFoundException(_),
        404,
        &policy_arn
    );
    assert_fails!(
        client.get_ad_configuration().arn(&ad_arn).send().await,
        GetAdConfigurationError::ResourceNotFoundException(_),
        404,
        &ad_arn
    );
    assert_fails!(
        client
            .update_playback_restriction_policy()
            .arn(&policy_arn)
            .name("x")
            .send()
            .await,
        UpdatePlaybackRestrictionPolicyError::ResourceNotFoundException(_),
        404,
        &policy_arn
    );
}

#[tokio::test]
async fn playback_key_pairs_need_a_real_p384_public_key() {
    let client = start().await;
    let pair = client
        .import_playback_key_pair()
        .public_key_material(PUBLIC_KEY)
        .name("viewer-tokens")
        .send()
        .await
        .unwrap()
        .key_pair
        .unwrap();
    let fingerprint = pair.fingerprint.clone().unwrap();
    assert_eq!(fingerprint.split(':').count(), 32, "{fingerprint}");
    let arn = pair.arn.clone().unwrap();
    assert!(
        arn.starts_with("arn:aws:ivs:us-west-2:123456789012:playback-key/"),
        "{arn}"
    );
    assert_eq!(
        client
            .get_playback_key_pair()
            .arn(&arn)
            .send()
            .await
            .unwrap()
            .key_pair
            .unwrap(),
        pair
    );
    assert_fails!(
        client
            .import_playback_key_pair()
            .public_key_material(PUBLIC_KEY)
            .send()
            .await,
        ImportPlaybackKeyPairError::ConflictException(_),
        409,
        &arn
    );
    for garbage in ["not a key", P256_PUBLIC_KEY] {
        assert_fails!(
            client
                .import_playback_key_pair()
                .public_key_material(garbage)
                .send()
                .await,
            ImportPlaybackKeyPairError::ValidationException(_),
            400,
            "not a PEM-encoded ECDSA P-384 public key"
        );
    }
    let other = client
        .import_playback_key_pair()
        .public_key_material(OTHER_PUBLIC_KEY)
        .send()
        .await
        .unwrap();
    assert_ne!(other.key_pair.unwrap().fingerprint.unwrap(), fingerprint);
    let listed = client
        .list_playback_key_pairs()
        .send()
        .await
        .unwrap()
        .key_pairs
        .unwrap();
    assert_eq!(listed.len(), 2);
    client.delete_playback_key_pair().arn(&arn).send().await.unwrap();
    assert_fails!(
        client.get_playback_key_pair().arn(&arn).send().await,
        GetPlaybackKeyPairError::ResourceNotFoundException(_),
        404,
        &arn
    );
    assert_fails!(
        client.delete_playback_key_pair().arn(&arn).send().await,
        DeletePlaybackKeyPairError::ResourceNotFoundException(_),
        404,
        &arn
    );
}

#[tokio::test]
async fn tags_on_every_taggable_resource() {
    let client = start().await;
    let channel = arn_of(&new_channel(&client, "tagged").await);
    let key = client
        .list_stream_keys()
        .channel_arn(&channel)
        .send()
        .await
        .unwrap()
        .stream_keys
        .unwrap()[0]
        .arn
        .clone()
        .unwrap();
    let pair = client
        .import_playback_key_pair()
        .public_key_material(PUBLIC_KEY)
        .send()
        .await
        .unwrap();
    let policy = client.create_playback_restriction_policy().send().await.unwrap();
    let ad = client
        .create_ad_configuration()
        .media_tailor_playback_configurations(
            MediaTailorPlaybackConfiguration::default().with_playback_configuration_arn(MEDIATAILOR),
        )
        .send()
        .await
        .unwrap();
    let recording = client
        .create_recording_configuration()
        .destination_configuration(
            DestinationConfiguration::default()
                .with_s3(S3DestinationConfiguration::default().with_bucket_name("bucket")),
        )
        .send()
        .await
        .unwrap();
    let arns = [
        channel.clone(),
        key,
        pair.key_pair.unwrap().arn.unwrap(),
        policy.playback_restriction_policy.unwrap().arn.unwrap(),
        ad.ad_configuration.unwrap().arn.unwrap(),
        recording.recording_configuration.unwrap().arn.unwrap(),
    ];
    for arn in &arns {
        client
            .tag_resource()
            .resource_arn(arn)
            .tags("stage", "test")
            .tags("owner", "me")
            .send()
            .await
            .unwrap();
        client
            .untag_resource()
            .resource_arn(arn)
            .tag_keys("owner")
            .send()
            .await
            .unwrap();
        let tags = client
            .list_tags_for_resource()
            .resource_arn(arn)
            .send()
            .await
            .unwrap()
            .tags
            .unwrap();
        assert_eq!(
            tags,
            BTreeMap::from([("stage".to_string(), "test".to_string())]),
            "{arn}"
        );
    }
    let got = client
        .get_channel()
        .arn(&channel)
        .send()
        .await
        .unwrap()
        .channel
        .unwrap();
    assert_eq!(
        got.tags.unwrap()["stage"],
        "test",
        "the resource's own tags are the same tags"
    );

    let forty_nine: BTreeMap<String, String> = (0..49).map(|i| (format!("k{i}"), "v".to_string())).collect();
    client
        .tag_resource()
        .resource_arn(&channel)
        .set_tags(Some(forty_nine))
        .send()
        .await
        .unwrap();
    assert_fails!(
        client
            .tag_resource()
            .resource_arn(&channel)
            .tags("one-too-many", "v")
            .send()
            .await,
        TagResourceError::ValidationException(_),
        400,
        "at most 50 tags"
    );
    assert_fails!(
        client
            .tag_resource()
            .resource_arn(&channel)
            .tags("aws:reserved", "v")
            .send()
            .await,
        TagResourceError::ValidationException(_),
        400,
        "reserved prefix"
    );
    assert_fails!(
        client
            .list_tags_for_resource()
            .resource_arn(UNKNOWN_CHANNEL)
            .send()
            .await,
        ListTagsForResourceError::ResourceNotFoundException(_),
        404,
        UNKNOWN_CHANNEL
    );
    let elsewhere = "arn:aws:ivs:eu-west-1:123456789012:channel/abcdABCDefgh";
    assert_fails!(
        client
            .tag_resource()
            .resource_arn(elsewhere)
            .tags("a", "b")
            .send()
            .await,
        TagResourceError::ResourceNotFoundException(_),
        404,
        elsewhere
    );
}

#[tokio::test]
async fn streams_are_never_live() {
    let client = start().await;
    let channel = arn_of(&new_channel(&client, "offline").await);
    assert_fails!(
        client.get_stream().channel_arn(&channel).send().await,
        GetStreamError::ChannelNotBroadcasting(_),
        404,
        &channel
    );
    assert_fails!(
        client.stop_stream().channel_arn(&channel).send().await,
        StopStreamError::ChannelNotBroadcasting(_),
        404,
        &channel
    );
    assert_fails!(
        client
            .put_metadata()
            .channel_arn(&channel)
            .metadata("hello")
            .send()
            .await,
        PutMetadataError::ChannelNotBroadcasting(_),
        404,
        &channel
    );
    assert_fails!(
        client
            .insert_ad_break()
            .channel_arn(&channel)
            .duration_seconds(30)
            .send()
            .await,
        InsertAdBreakError::ChannelNotBroadcasting(_),
        404,
        &channel
    );
    assert_fails!(
        client.get_stream().channel_arn(UNKNOWN_CHANNEL).send().await,
        GetStreamError::ResourceNotFoundException(_),
        404,
        UNKNOWN_CHANNEL
    );
    assert_fails!(
        client.stop_stream().channel_arn(UNKNOWN_CHANNEL).send().await,
        StopStreamError::ResourceNotFoundException(_),
        404,
        UNKNOWN_CHANNEL
    );
    assert_fails!(
        client
            .put_metadata()
            .channel_arn(UNKNOWN_CHANNEL)
            .metadata("x")
            .send()
            .await,
        PutMetadataError::ResourceNotFoundException(_),
        404,
        UNKNOWN_CHANNEL
    );
    assert_fails!(
        client
            .insert_ad_break()
            .channel_arn(UNKNOWN_CHANNEL)
            .duration_seconds(30)
            .send()
            .await,
        InsertAdBreakError::ResourceNotFoundException(_),
        404,
        UNKNOWN_CHANNEL
    );
    let streams = client.list_streams().send().await.unwrap();
    assert_eq!((streams.streams.unwrap().len(), streams.next_token), (0, None));
    let sessions = client
        .list_stream_sessions()
        .channel_arn(&channel)
        .send()
        .await
        .unwrap();
    assert_eq!(sessions.stream_sessions.unwrap().len(), 0);
    assert_fails!(
        client.list_stream_sessions().channel_arn(UNKNOWN_CHANNEL).send().await,
        ListStreamSessionsError::ResourceNotFoundException(_),
        404,
        UNKNOWN_CHANNEL
    );
    assert_fails!(
        client
            .get_stream_session()
            .channel_arn(&channel)
            .stream_id("st-1AbCdEfGhIjKlMnOpQrStUv")
            .send()
            .await,
        GetStreamSessionError::ResourceNotFoundException(_),
        404,
        "st-1AbCdEfGhIjKlMnOpQrStUv"
    );

    client
        .start_viewer_session_revocation()
        .channel_arn(&channel)
        .viewer_id("viewer-1")
        .send()
        .await
        .unwrap();
    assert_fails!(
        client
            .start_viewer_session_revocation()
            .channel_arn(UNKNOWN_CHANNEL)
            .viewer_id("v")
            .send()
            .await,
        StartViewerSessionRevocationError::ResourceNotFoundException(_),
        404,
        UNKNOWN_CHANNEL
    );
    let session = |channel: &str, viewer: &str| {
        BatchStartViewerSessionRevocationViewerSession::default()
            .with_channel_arn(channel)
            .with_viewer_id(viewer)
    };
    let batch = client
        .batch_start_viewer_session_revocation()
        .viewer_sessions(session(&channel, "viewer-1"))
        .viewer_sessions(session(UNKNOWN_CHANNEL, "viewer-2"))
        .send()
        .await
        .unwrap();
    let errors = batch.errors.unwrap();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].channel_arn.as_deref(), Some(UNKNOWN_CHANNEL));
    assert_eq!(errors[0].viewer_id.as_deref(), Some("viewer-2"));
    assert_eq!(errors[0].code.as_deref(), Some("ResourceNotFoundException"));
}

#[tokio::test]
async fn a_batch_of_unknown_channels_is_all_errors() {
    let client = start().await;
    let batch = client.batch_get_channel().arns(UNKNOWN_CHANNEL).send().await.unwrap();
    assert_eq!(batch.channels, Some(vec![]));
    assert_eq!(
        batch.errors.unwrap()[0].message.as_deref(),
        Some(format!("channel {UNKNOWN_CHANNEL} does not exist").as_str())
    );
    // The model requires at least one ARN: the client refuses an empty batch before sending.
    let empty: Result<_, Error<BatchGetChannelError>> = client.batch_get_channel().send().await;
    assert!(matches!(empty, Err(Error::Validation(_))), "{empty:?}");
}

#[test]
fn a_state_file_that_cannot_be_created_is_refused_at_start() {
    let unwritable = std::env::temp_dir()
        .join(format!("ivs-local-{}-no-such-dir", std::process::id()))
        .join("state.json");
    let settings = ivs_local::Settings {
        state_file: Some(unwritable),
        ..ivs_local::Settings::default()
    };
    // Refused before serving anything, rather than at the first change (the binary's tests
    // check that a change that cannot be saved is undone and answered with a 500).
    let error = ivs_local::Emulator::open(settings).err().expect("refused");
    assert!(error.to_string().contains("no-such-dir"), "{error}");
}
