//! Stream keys: one per channel, made with the channel or by CreateStreamKey after the first
//! one was deleted.

use std::collections::BTreeMap;

use ivs_server::model::operation::{
    batch_get_stream_key::BatchGetStreamKeyError, create_stream_key::CreateStreamKeyError,
    delete_stream_key::DeleteStreamKeyError, get_stream_key::GetStreamKeyError, list_stream_keys::ListStreamKeysError,
};
use ivs_server::model::runtime::Unit;
use ivs_server::model::*;

use super::{batch_lookup, tags};
use crate::faults::{invalid, not_found, quota_exceeded};
use crate::ids::{Env, Kind};
use crate::paging::page;
use crate::state::State;

/// The service's quota of stream keys per channel.
const KEYS_PER_CHANNEL: usize = 1;
/// The documented default of `maxResults` for this list ("Default: 1").
const DEFAULT_PAGE: usize = 1;

/// Adds a new key for `channel_arn` (which the caller has checked) and returns it.
pub(crate) fn insert(
    state: &mut State,
    env: &Env,
    channel_arn: &str,
    tags: Option<BTreeMap<String, String>>,
) -> StreamKey {
    let arn = env.new_arn(Kind::StreamKey);
    let key = StreamKey::default()
        .with_arn(arn.clone())
        .with_value(env.stream_key_value())
        .with_channel_arn(channel_arn)
        .with_tags(tags.unwrap_or_default());
    state.stream_keys.insert(arn, key.clone());
    key
}

pub(crate) fn create(
    state: &mut State,
    env: &Env,
    input: CreateStreamKeyRequest,
) -> Result<CreateStreamKeyResponse, CreateStreamKeyError> {
    let channel_arn = input.channel_arn.unwrap_or_default();
    if !state.channels.contains_key(&channel_arn) {
        return Err(not_found(Kind::Channel, &channel_arn).into());
    }
    tags::check_new(input.tags.as_ref()).map_err(invalid)?;
    let existing = state
        .stream_keys
        .values()
        .filter(|key| key.channel_arn.as_deref() == Some(&channel_arn))
        .count();
    if existing >= KEYS_PER_CHANNEL {
        return Err(quota_exceeded(format!(
            "channel {channel_arn} already has {existing} stream key; the quota is {KEYS_PER_CHANNEL} per channel"
        ))
        .into());
    }
    Ok(CreateStreamKeyResponse::default().with_stream_key(insert(state, env, &channel_arn, input.tags)))
}

pub(crate) fn get(state: &State, input: GetStreamKeyRequest) -> Result<GetStreamKeyResponse, GetStreamKeyError> {
    let arn = input.arn.unwrap_or_default();
    let key = state
        .stream_keys
        .get(&arn)
        .ok_or_else(|| not_found(Kind::StreamKey, &arn))?;
    Ok(GetStreamKeyResponse::default().with_stream_key(key.clone()))
}

pub(crate) fn batch_get(
    state: &State,
    input: BatchGetStreamKeyRequest,
) -> Result<BatchGetStreamKeyResponse, BatchGetStreamKeyError> {
    let (keys, errors) = batch_lookup(&state.stream_keys, Kind::StreamKey, input.arns.unwrap_or_default());
    Ok(BatchGetStreamKeyResponse::default()
        .with_stream_keys(keys)
        .with_errors(errors))
}

pub(crate) fn list(state: &State, input: ListStreamKeysRequest) -> Result<ListStreamKeysResponse, ListStreamKeysError> {
    let channel_arn = input.channel_arn.unwrap_or_default();
    if !state.channels.contains_key(&channel_arn) {
        return Err(not_found(Kind::Channel, &channel_arn).into());
    }
    let of_channel = |key: &StreamKey| key.channel_arn.as_deref() == Some(channel_arn.as_str());
    let (keys, next_token) = page(
        &state.stream_keys,
        input.next_token.as_deref(),
        input.max_results,
        DEFAULT_PAGE,
        of_channel,
    )?;
    let summaries = keys
        .into_iter()
        .map(|key| {
            let mut summary = StreamKeySummary::default();
            summary.arn = key.arn.clone();
            summary.channel_arn = key.channel_arn.clone();
            summary.tags = key.tags.clone();
            summary
        })
        .collect::<Vec<_>>();
    let mut response = ListStreamKeysResponse::default().with_stream_keys(summaries);
    response.next_token = next_token;
    Ok(response)
}

pub(crate) fn delete(state: &mut State, input: DeleteStreamKeyRequest) -> Result<Unit, DeleteStreamKeyError> {
    let arn = input.arn.unwrap_or_default();
    state
        .stream_keys
        .remove(&arn)
        .ok_or_else(|| not_found(Kind::StreamKey, &arn))?;
    Ok(Unit {})
}
