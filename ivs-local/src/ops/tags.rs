//! Tags on every taggable resource: TagResource, UntagResource, ListTagsForResource, and the
//! checks shared with the create operations' own `tags`.

use std::collections::BTreeMap;

use ivs_server::model::operation::{
    list_tags_for_resource::ListTagsForResourceError, tag_resource::TagResourceError,
    untag_resource::UntagResourceError,
};
use ivs_server::model::*;

use crate::faults::{invalid, not_found};
use crate::ids::{Env, Kind};
use crate::state::State;

/// The most tags one resource may carry.
const MAX_TAGS: usize = 50;
/// Tag keys with this prefix belong to AWS.
const RESERVED_PREFIX: &str = "aws:";

type Tags = BTreeMap<String, String>;

/// The rules of a resource's tags beyond what the model's constraints say: no reserved keys,
/// at most [`MAX_TAGS`] in all.
pub(crate) fn check_new(tags: Option<&Tags>) -> Result<(), String> {
    let Some(tags) = tags else { return Ok(()) };
    if let Some(key) = tags
        .keys()
        .find(|key| key.to_ascii_lowercase().starts_with(RESERVED_PREFIX))
    {
        return Err(format!("tag key {key:?} uses the reserved prefix {RESERVED_PREFIX:?}"));
    }
    if tags.len() > MAX_TAGS {
        return Err(format!(
            "a resource can have at most {MAX_TAGS} tags, not {}",
            tags.len()
        ));
    }
    Ok(())
}

pub(crate) fn tag(
    state: &mut State,
    env: &Env,
    input: TagResourceRequest,
) -> Result<TagResourceResponse, TagResourceError> {
    let arn = input.resource_arn.unwrap_or_default();
    let tags = tags_of(state, env, &arn).ok_or_else(|| missing(env, &arn))?;
    let mut merged = tags.clone().unwrap_or_default();
    merged.extend(input.tags.unwrap_or_default());
    check_new(Some(&merged)).map_err(invalid)?;
    *tags = Some(merged);
    Ok(TagResourceResponse::default())
}

pub(crate) fn untag(
    state: &mut State,
    env: &Env,
    input: UntagResourceRequest,
) -> Result<UntagResourceResponse, UntagResourceError> {
    let arn = input.resource_arn.unwrap_or_default();
    let tags = tags_of(state, env, &arn).ok_or_else(|| missing(env, &arn))?;
    let current = tags.get_or_insert_with(Tags::new);
    for key in input.tag_keys.unwrap_or_default() {
        current.remove(&key);
    }
    Ok(UntagResourceResponse::default())
}

pub(crate) fn list(
    state: &State,
    env: &Env,
    input: ListTagsForResourceRequest,
) -> Result<ListTagsForResourceResponse, ListTagsForResourceError> {
    let arn = input.resource_arn.unwrap_or_default();
    let tags = tags_in(state, env, &arn).ok_or_else(|| missing(env, &arn))?;
    Ok(ListTagsForResourceResponse::default().with_tags(tags.clone().unwrap_or_default()))
}

/// The tags of the resource `arn` names, if it exists.
fn tags_of<'a>(state: &'a mut State, env: &Env, arn: &str) -> Option<&'a mut Option<Tags>> {
    Some(match env.kind_of(arn)? {
        Kind::Channel => &mut state.channels.get_mut(arn)?.tags,
        Kind::StreamKey => &mut state.stream_keys.get_mut(arn)?.tags,
        Kind::RecordingConfiguration => &mut state.recording_configurations.get_mut(arn)?.tags,
        Kind::PlaybackKeyPair => &mut state.playback_key_pairs.get_mut(arn)?.tags,
        Kind::PlaybackRestrictionPolicy => &mut state.playback_restriction_policies.get_mut(arn)?.tags,
        Kind::AdConfiguration => &mut state.ad_configurations.get_mut(arn)?.tags,
    })
}

/// The tags of the resource `arn` names, if it exists, for reading.
fn tags_in<'a>(state: &'a State, env: &Env, arn: &str) -> Option<&'a Option<Tags>> {
    Some(match env.kind_of(arn)? {
        Kind::Channel => &state.channels.get(arn)?.tags,
        Kind::StreamKey => &state.stream_keys.get(arn)?.tags,
        Kind::RecordingConfiguration => &state.recording_configurations.get(arn)?.tags,
        Kind::PlaybackKeyPair => &state.playback_key_pairs.get(arn)?.tags,
        Kind::PlaybackRestrictionPolicy => &state.playback_restriction_policies.get(arn)?.tags,
        Kind::AdConfiguration => &state.ad_configurations.get(arn)?.tags,
    })
}

/// The not-found error for `arn`, naming its kind of resource when it is one of ours.
fn missing(env: &Env, arn: &str) -> ResourceNotFoundException {
    match env.kind_of(arn) {
        Some(kind) => not_found(kind, arn),
        None => ResourceNotFoundException::default()
            .with_exception_message(format!("resource {arn} does not exist in this region and account")),
    }
}
