//! Channels: create (with its stream key), get, batch get, list with filters, update, delete.

use ivs_server::model::operation::{
    batch_get_channel::BatchGetChannelError, create_channel::CreateChannelError, delete_channel::DeleteChannelError,
    get_channel::GetChannelError, list_channels::ListChannelsError, update_channel::UpdateChannelError,
};
use ivs_server::model::runtime::Unit;
use ivs_server::model::*;

use super::{batch_lookup, stream_keys, tags};
use crate::faults::{conflict, invalid, not_found};
use crate::ids::{Env, Kind};
use crate::paging::page;
use crate::state::State;

/// The largest page ListChannels returns when `maxResults` is absent.
const DEFAULT_PAGE: usize = 100;

pub(crate) fn create(
    state: &mut State,
    env: &Env,
    input: CreateChannelRequest,
) -> Result<CreateChannelResponse, CreateChannelError> {
    tags::check_new(input.tags.as_ref()).map_err(invalid)?;
    let arn = env.new_arn(Kind::Channel);
    let endpoints = env.channel_endpoints(&arn);
    let mut channel = Channel::default()
        .with_arn(arn.clone())
        .with_name(input.name.unwrap_or_default())
        .with_latency_mode(input.latency_mode.unwrap_or(ChannelLatencyMode::Low))
        .with_type(input.r#type.unwrap_or(ChannelType::Standard))
        .with_recording_configuration_arn(input.recording_configuration_arn.unwrap_or_default())
        .with_ingest_endpoint(endpoints.ingest)
        .with_playback_url(endpoints.playback_url)
        .with_authorized(input.authorized.unwrap_or(false))
        .with_tags(input.tags.unwrap_or_default())
        .with_insecure_ingest(input.insecure_ingest.unwrap_or(false))
        .with_srt(Srt::default().with_endpoint(endpoints.srt))
        .with_playback_restriction_policy_arn(input.playback_restriction_policy_arn.unwrap_or_default())
        .with_container_format(input.container_format.unwrap_or(ContainerFormat::Ts))
        .with_ad_configuration_arn(input.ad_configuration_arn.unwrap_or_default());
    channel.multitrack_input_configuration = input.multitrack_input_configuration;
    settle(&mut channel, input.preset).map_err(invalid)?;
    check_references(state, &channel)?;
    let stream_key = stream_keys::insert(state, env, &arn, None);
    state.channels.insert(arn, channel.clone());
    Ok(CreateChannelResponse::default()
        .with_channel(channel)
        .with_stream_key(stream_key))
}

pub(crate) fn get(state: &State, input: GetChannelRequest) -> Result<GetChannelResponse, GetChannelError> {
    let arn = input.arn.unwrap_or_default();
    let channel = state.channels.get(&arn).ok_or_else(|| not_found(Kind::Channel, &arn))?;
    Ok(GetChannelResponse::default().with_channel(channel.clone()))
}

pub(crate) fn batch_get(
    state: &State,
    input: BatchGetChannelRequest,
) -> Result<BatchGetChannelResponse, BatchGetChannelError> {
    let (channels, errors) = batch_lookup(&state.channels, Kind::Channel, input.arns.unwrap_or_default());
    Ok(BatchGetChannelResponse::default()
        .with_channels(channels)
        .with_errors(errors))
}

pub(crate) fn list(state: &State, input: ListChannelsRequest) -> Result<ListChannelsResponse, ListChannelsError> {
    let filters = [
        input.filter_by_name.as_ref().map(|name| (name, Field::Name)),
        input
            .filter_by_recording_configuration_arn
            .as_ref()
            .map(|arn| (arn, Field::RecordingConfiguration)),
        input
            .filter_by_playback_restriction_policy_arn
            .as_ref()
            .map(|arn| (arn, Field::PlaybackRestrictionPolicy)),
        input
            .filter_by_ad_configuration_arn
            .as_ref()
            .map(|arn| (arn, Field::AdConfiguration)),
    ];
    let mut given = filters.into_iter().flatten();
    let filter = given.next();
    if given.next().is_some() {
        return Err(conflict(
            "filterByName, filterByRecordingConfigurationArn, filterByPlaybackRestrictionPolicyArn and \
             filterByAdConfigurationArn are mutually exclusive: give at most one",
        )
        .into());
    }
    let keep = |channel: &Channel| filter.is_none_or(|(wanted, field)| field.of(channel) == Some(wanted.as_str()));
    let (channels, next_token) = page(
        &state.channels,
        input.next_token.as_deref(),
        input.max_results,
        DEFAULT_PAGE,
        keep,
    )?;
    let mut response =
        ListChannelsResponse::default().with_channels(channels.into_iter().map(summary).collect::<Vec<_>>());
    response.next_token = next_token;
    Ok(response)
}

pub(crate) fn update(
    state: &mut State,
    input: UpdateChannelRequest,
) -> Result<UpdateChannelResponse, UpdateChannelError> {
    let arn = input.arn.unwrap_or_default();
    let mut channel = state
        .channels
        .get(&arn)
        .cloned()
        .ok_or_else(|| not_found(Kind::Channel, &arn))?;
    set(&mut channel.name, input.name);
    set(&mut channel.latency_mode, input.latency_mode);
    set(&mut channel.r#type, input.r#type);
    set(&mut channel.authorized, input.authorized);
    set(
        &mut channel.recording_configuration_arn,
        input.recording_configuration_arn,
    );
    set(&mut channel.insecure_ingest, input.insecure_ingest);
    set(
        &mut channel.playback_restriction_policy_arn,
        input.playback_restriction_policy_arn,
    );
    set(
        &mut channel.multitrack_input_configuration,
        input.multitrack_input_configuration,
    );
    set(&mut channel.container_format, input.container_format);
    set(&mut channel.ad_configuration_arn, input.ad_configuration_arn);
    settle(&mut channel, input.preset).map_err(invalid)?;
    check_references(state, &channel)?;
    state.channels.insert(arn, channel.clone());
    Ok(UpdateChannelResponse::default().with_channel(channel))
}

pub(crate) fn delete(state: &mut State, input: DeleteChannelRequest) -> Result<Unit, DeleteChannelError> {
    let arn = input.arn.unwrap_or_default();
    state
        .channels
        .remove(&arn)
        .ok_or_else(|| not_found(Kind::Channel, &arn))?;
    state
        .stream_keys
        .retain(|_, key| key.channel_arn.as_deref() != Some(arn.as_str()));
    Ok(Unit {})
}

/// Replaces `target` with `value` when the update gives one.
fn set<T>(target: &mut Option<T>, value: Option<T>) {
    if value.is_some() {
        *target = value;
    }
}

/// The summary ListChannels returns for `channel`.
fn summary(channel: &Channel) -> ChannelSummary {
    let mut summary = ChannelSummary::default();
    summary.arn = channel.arn.clone();
    summary.name = channel.name.clone();
    summary.latency_mode = channel.latency_mode.clone();
    summary.authorized = channel.authorized;
    summary.recording_configuration_arn = channel.recording_configuration_arn.clone();
    summary.tags = channel.tags.clone();
    summary.insecure_ingest = channel.insecure_ingest;
    summary.r#type = channel.r#type.clone();
    summary.preset = channel.preset.clone();
    summary.playback_restriction_policy_arn = channel.playback_restriction_policy_arn.clone();
    summary.ad_configuration_arn = channel.ad_configuration_arn.clone();
    summary
}

/// The channel fields ListChannels filters on.
#[derive(Clone, Copy)]
enum Field {
    Name,
    RecordingConfiguration,
    PlaybackRestrictionPolicy,
    AdConfiguration,
}

impl Field {
    fn of(self, channel: &Channel) -> Option<&str> {
        match self {
            Field::Name => channel.name.as_deref(),
            Field::RecordingConfiguration => channel.recording_configuration_arn.as_deref(),
            Field::PlaybackRestrictionPolicy => channel.playback_restriction_policy_arn.as_deref(),
            Field::AdConfiguration => channel.ad_configuration_arn.as_deref(),
        }
    }
}

/// Applies the documented rules that tie a channel's settings together, after a create or an
/// update: the transcode preset exists only on ADVANCED channels (default
/// HIGHER_BANDWIDTH_DELIVERY, and `""` on the others, as the service returns it); multitrack
/// input needs a STANDARD channel, a policy, a maximum resolution and fMP4; an SRT passphrase
/// exists only while ingest is secure.
fn settle(channel: &mut Channel, preset: Option<TranscodePreset>) -> Result<(), String> {
    let advanced = matches!(channel.r#type, Some(ChannelType::AdvancedSd | ChannelType::AdvancedHd));
    match (advanced, preset) {
        (true, Some(preset)) => channel.preset = Some(preset),
        (true, None) => {
            if !channel.preset.as_ref().is_some_and(TranscodePreset::is_known) {
                channel.preset = Some(TranscodePreset::HigherBandwidthDelivery);
            }
        }
        (false, Some(_)) => {
            return Err(format!(
                "preset can be set only on ADVANCED_SD and ADVANCED_HD channels, not on a {} channel",
                channel.r#type.as_ref().map_or("STANDARD", ChannelType::as_str)
            ));
        }
        (false, None) => channel.preset = Some(TranscodePreset::from("")),
    }
    if let Some(multitrack) = &channel.multitrack_input_configuration
        && multitrack.enabled == Some(true)
    {
        if channel.r#type != Some(ChannelType::Standard) {
            return Err("multitrack input can be enabled only on STANDARD channels".into());
        }
        if multitrack.policy.is_none() || multitrack.maximum_resolution.is_none() {
            return Err("multitrack input needs a policy and a maximumResolution".into());
        }
        if channel.container_format != Some(ContainerFormat::FragmentedMp4) {
            return Err("multitrack input needs containerFormat FRAGMENTED_MP4".into());
        }
    }
    if let Some(srt) = &mut channel.srt {
        srt.passphrase = match channel.insecure_ingest {
            Some(true) => None,
            _ => srt.passphrase.take().or_else(|| Some(crate::ids::random(32))),
        };
    }
    Ok(())
}

/// Every resource a channel points at must exist (an empty ARN points at nothing).
fn check_references(state: &State, channel: &Channel) -> Result<(), ResourceNotFoundException> {
    let references = [
        (Kind::RecordingConfiguration, &channel.recording_configuration_arn),
        (
            Kind::PlaybackRestrictionPolicy,
            &channel.playback_restriction_policy_arn,
        ),
        (Kind::AdConfiguration, &channel.ad_configuration_arn),
    ];
    for (kind, arn) in references {
        let Some(arn) = arn.as_deref().filter(|arn| !arn.is_empty()) else {
            continue;
        };
        let exists = match kind {
            Kind::RecordingConfiguration => state.recording_configurations.contains_key(arn),
            Kind::PlaybackRestrictionPolicy => state.playback_restriction_policies.contains_key(arn),
            _ => state.ad_configurations.contains_key(arn),
        };
        if !exists {
            return Err(not_found(kind, arn));
        }
    }
    Ok(())
}

/// Refuses, with ConflictException naming the channels, to delete the resource `arn` of
/// `kind` while a channel still refers to it.
pub(crate) fn refuse_if_used(state: &State, kind: Kind, arn: &str) -> Result<(), ConflictException> {
    let uses = |channel: &Channel| {
        [
            &channel.recording_configuration_arn,
            &channel.playback_restriction_policy_arn,
            &channel.ad_configuration_arn,
        ]
        .into_iter()
        .any(|reference| reference.as_deref() == Some(arn))
    };
    let users: Vec<&str> = state
        .channels
        .values()
        .filter(|channel| uses(channel))
        .filter_map(|channel| channel.arn.as_deref())
        .collect();
    if users.is_empty() {
        return Ok(());
    }
    Err(conflict(format!(
        "{} {arn} is used by channel {}; remove it from the channel first",
        kind.noun(),
        users.join(", ")
    )))
}
