//! Playback restriction policies: create, get, list, update, delete (refused while a channel
//! uses it).

use ivs_server::model::operation::{
    create_playback_restriction_policy::CreatePlaybackRestrictionPolicyError,
    delete_playback_restriction_policy::DeletePlaybackRestrictionPolicyError,
    get_playback_restriction_policy::GetPlaybackRestrictionPolicyError,
    list_playback_restriction_policies::ListPlaybackRestrictionPoliciesError,
    update_playback_restriction_policy::UpdatePlaybackRestrictionPolicyError,
};
use ivs_server::model::runtime::Unit;
use ivs_server::model::*;

use super::{channels, tags};
use crate::faults::{invalid, not_found};
use crate::ids::{Env, Kind};
use crate::paging::page;
use crate::state::State;

/// The documented default of `maxResults` for this list ("Default: 1").
const DEFAULT_PAGE: usize = 1;

pub(crate) fn create(
    state: &mut State,
    env: &Env,
    input: CreatePlaybackRestrictionPolicyRequest,
) -> Result<CreatePlaybackRestrictionPolicyResponse, CreatePlaybackRestrictionPolicyError> {
    tags::check_new(input.tags.as_ref()).map_err(invalid)?;
    let arn = env.new_arn(Kind::PlaybackRestrictionPolicy);
    let policy = PlaybackRestrictionPolicy::default()
        .with_arn(arn.clone())
        .with_allowed_countries(input.allowed_countries.unwrap_or_default())
        .with_allowed_origins(input.allowed_origins.unwrap_or_default())
        .with_enable_strict_origin_enforcement(input.enable_strict_origin_enforcement.unwrap_or(false))
        .with_name(input.name.unwrap_or_default())
        .with_tags(input.tags.unwrap_or_default());
    state.playback_restriction_policies.insert(arn, policy.clone());
    Ok(CreatePlaybackRestrictionPolicyResponse::default().with_playback_restriction_policy(policy))
}

pub(crate) fn get(
    state: &State,
    input: GetPlaybackRestrictionPolicyRequest,
) -> Result<GetPlaybackRestrictionPolicyResponse, GetPlaybackRestrictionPolicyError> {
    let arn = input.arn.unwrap_or_default();
    let policy = state
        .playback_restriction_policies
        .get(&arn)
        .ok_or_else(|| not_found(Kind::PlaybackRestrictionPolicy, &arn))?;
    Ok(GetPlaybackRestrictionPolicyResponse::default().with_playback_restriction_policy(policy.clone()))
}

pub(crate) fn list(
    state: &State,
    input: ListPlaybackRestrictionPoliciesRequest,
) -> Result<ListPlaybackRestrictionPoliciesResponse, ListPlaybackRestrictionPoliciesError> {
    let (policies, next_token) = page(
        &state.playback_restriction_policies,
        input.next_token.as_deref(),
        input.max_results,
        DEFAULT_PAGE,
        |_| true,
    )?;
    let summaries = policies
        .into_iter()
        .map(|policy| {
            let mut summary = PlaybackRestrictionPolicySummary::default();
            summary.arn = policy.arn.clone();
            summary.allowed_countries = policy.allowed_countries.clone();
            summary.allowed_origins = policy.allowed_origins.clone();
            summary.enable_strict_origin_enforcement = policy.enable_strict_origin_enforcement;
            summary.name = policy.name.clone();
            summary.tags = policy.tags.clone();
            summary
        })
        .collect::<Vec<_>>();
    let mut response = ListPlaybackRestrictionPoliciesResponse::default().with_playback_restriction_policies(summaries);
    response.next_token = next_token;
    Ok(response)
}

pub(crate) fn update(
    state: &mut State,
    input: UpdatePlaybackRestrictionPolicyRequest,
) -> Result<UpdatePlaybackRestrictionPolicyResponse, UpdatePlaybackRestrictionPolicyError> {
    let arn = input.arn.unwrap_or_default();
    let policy = state
        .playback_restriction_policies
        .get_mut(&arn)
        .ok_or_else(|| not_found(Kind::PlaybackRestrictionPolicy, &arn))?;
    if input.allowed_countries.is_some() {
        policy.allowed_countries = input.allowed_countries;
    }
    if input.allowed_origins.is_some() {
        policy.allowed_origins = input.allowed_origins;
    }
    if input.enable_strict_origin_enforcement.is_some() {
        policy.enable_strict_origin_enforcement = input.enable_strict_origin_enforcement;
    }
    if input.name.is_some() {
        policy.name = input.name;
    }
    Ok(UpdatePlaybackRestrictionPolicyResponse::default().with_playback_restriction_policy(policy.clone()))
}

pub(crate) fn delete(
    state: &mut State,
    input: DeletePlaybackRestrictionPolicyRequest,
) -> Result<Unit, DeletePlaybackRestrictionPolicyError> {
    let arn = input.arn.unwrap_or_default();
    if !state.playback_restriction_policies.contains_key(&arn) {
        return Err(not_found(Kind::PlaybackRestrictionPolicy, &arn).into());
    }
    channels::refuse_if_used(state, Kind::PlaybackRestrictionPolicy, &arn)?;
    state.playback_restriction_policies.remove(&arn);
    Ok(Unit {})
}
