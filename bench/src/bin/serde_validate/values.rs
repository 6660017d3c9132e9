//! The values measured: realistic IVS inputs and outputs, as the service would send them.

use std::collections::BTreeMap;

use ivs_model::{
    Channel, ChannelLatencyMode, ChannelSummary, ChannelType, ContainerFormat, CreateChannelRequest,
    GetChannelResponse, ListChannelsResponse, MultitrackInputConfiguration, MultitrackMaximumResolution,
    MultitrackPolicy, Srt, TagResourceRequest,
};

const REGION: &str = "us-west-2";
const ACCOUNT: &str = "123456789012";
const CHANNEL_ID: &str = "abcdEFGH1234";

/// An IVS ARN of `kind` (`channel`, `recording-configuration`, ...) with this resource id.
pub fn arn(kind: &str, id: &str) -> String {
    format!("arn:aws:ivs:{REGION}:{ACCOUNT}:{kind}/{id}")
}

/// The ARN of the channel every single-resource case is about.
pub fn channel_arn() -> String {
    arn("channel", CHANNEL_ID)
}

/// A 12-character resource id like the service's, different for each `seed`.
fn resource_id(seed: u64) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    // A multiplicative hash spreads consecutive seeds over the whole alphabet.
    let mut x = (seed + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (0..12)
        .map(|_| {
            let c = ALPHABET[(x % ALPHABET.len() as u64) as usize] as char;
            x = (x / ALPHABET.len() as u64) ^ x.rotate_left(17);
            c
        })
        .collect()
}

/// The few tags a team puts on every resource.
fn team_tags(n: usize) -> BTreeMap<String, String> {
    BTreeMap::from([
        ("team".to_string(), "live-video".to_string()),
        (
            "env".to_string(),
            if n.is_multiple_of(4) { "staging" } else { "prod" }.to_string(),
        ),
        ("cost-center".to_string(), format!("cc-{:04}", 4200 + n % 7)),
    ])
}

fn multitrack() -> MultitrackInputConfiguration {
    MultitrackInputConfiguration::default()
        .with_enabled(true)
        .with_policy(MultitrackPolicy::Allow)
        .with_maximum_resolution(MultitrackMaximumResolution::FullHd)
}

/// CreateChannel with a name, tags and every option a multitrack channel sets.
pub fn create_channel() -> CreateChannelRequest {
    CreateChannelRequest::default()
        .with_name("live-show-042")
        .with_latency_mode(ChannelLatencyMode::Low)
        .with_type(ChannelType::Standard)
        .with_authorized(true)
        .with_recording_configuration_arn(arn("recording-configuration", "RcFg5678abcd"))
        .with_tags(team_tags(1))
        .with_insecure_ingest(false)
        .with_playback_restriction_policy_arn(arn("playback-restriction-policy", "PrPo9012efgh"))
        .with_multitrack_input_configuration(multitrack())
        .with_container_format(ContainerFormat::FragmentedMp4)
        .with_ad_configuration_arn(arn("ad-configuration", "AdCf3456ijkl"))
}

/// GetChannel's answer for the channel [`create_channel`] makes: every member set.
pub fn get_channel() -> GetChannelResponse {
    let host = "a1b2c3d4e5f6";
    let channel = Channel::default()
        .with_arn(channel_arn())
        .with_name("live-show-042")
        .with_latency_mode(ChannelLatencyMode::Low)
        .with_type(ChannelType::Standard)
        .with_recording_configuration_arn(arn("recording-configuration", "RcFg5678abcd"))
        .with_ingest_endpoint(format!("{host}.global-contribute.live-video.net"))
        .with_playback_url(format!(
            "https://{host}.{REGION}.playback.live-video.net/api/video/v1/{REGION}.{ACCOUNT}.channel.{CHANNEL_ID}.m3u8"
        ))
        .with_authorized(true)
        .with_tags(team_tags(1))
        .with_insecure_ingest(false)
        .with_srt(
            Srt::default()
                .with_endpoint(format!("{host}.srt.live-video.net"))
                .with_passphrase("Zq8vN3xLr2TgW6yHkP4mB9sD1fJc7QeA"),
        )
        .with_playback_restriction_policy_arn(arn("playback-restriction-policy", "PrPo9012efgh"))
        .with_multitrack_input_configuration(multitrack())
        .with_container_format(ContainerFormat::FragmentedMp4)
        .with_ad_configuration_arn(arn("ad-configuration", "AdCf3456ijkl"));
    GetChannelResponse::default().with_channel(channel)
}

/// A full page of ListChannels: `items` summaries with tags, and a next token.
pub fn list_channels(items: usize) -> ListChannelsResponse {
    let channels: Vec<ChannelSummary> = (0..items)
        .map(|n| {
            // The service answers "" for an unset ARN, not nothing.
            ChannelSummary::default()
                .with_arn(arn("channel", &resource_id(n as u64)))
                .with_name(format!("channel-{n:03}"))
                .with_latency_mode(if n.is_multiple_of(3) {
                    ChannelLatencyMode::Normal
                } else {
                    ChannelLatencyMode::Low
                })
                .with_authorized(n.is_multiple_of(2))
                .with_recording_configuration_arn("")
                .with_tags(team_tags(n))
                .with_insecure_ingest(false)
                .with_type(ChannelType::Standard)
                .with_playback_restriction_policy_arn("")
                .with_ad_configuration_arn("")
        })
        .collect();
    ListChannelsResponse::default()
        .with_channels(channels)
        .with_next_token("AQICAHhQ1v3vZ8tK2mN5pR7sW0xY4bC6dE9fG1hJ3kL5nP7qR9sT2uV4wX6yZ8aB0cD2eF4gH6iJ8kL0mN2oP4qR6s==")
}

/// TagResource on the channel with `count` tags (50 is the most a request may carry).
pub fn tag_resource(count: usize) -> TagResourceRequest {
    let tags: BTreeMap<String, String> = (0..count)
        .map(|n| (format!("tag-key-{n:02}"), format!("value of tag number {n:02}")))
        .collect();
    TagResourceRequest::default()
        .with_resource_arn(channel_arn())
        .with_tags(tags)
}
