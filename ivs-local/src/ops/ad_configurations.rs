//! Ad configurations: create, get, list, delete (refused while a channel uses it). The
//! MediaTailor playback configuration is recorded as given: there is no MediaTailor to ask.

use ivs_server::model::operation::{
    create_ad_configuration::CreateAdConfigurationError, delete_ad_configuration::DeleteAdConfigurationError,
    get_ad_configuration::GetAdConfigurationError, list_ad_configurations::ListAdConfigurationsError,
};
use ivs_server::model::runtime::Unit;
use ivs_server::model::*;

use super::channels;
use crate::faults::not_found;
use crate::ids::{Env, Kind};
use crate::paging::page;
use crate::state::State;

const DEFAULT_PAGE: usize = 100;

pub(crate) fn create(
    state: &mut State,
    env: &Env,
    input: CreateAdConfigurationRequest,
) -> Result<CreateAdConfigurationResponse, CreateAdConfigurationError> {
    let arn = env.new_arn(Kind::AdConfiguration);
    let mut configuration = AdConfiguration::default()
        .with_arn(arn.clone())
        .with_name(input.name.unwrap_or_default())
        .with_tags(std::collections::BTreeMap::new());
    configuration.media_tailor_playback_configurations = input.media_tailor_playback_configurations;
    state.ad_configurations.insert(arn, configuration.clone());
    Ok(CreateAdConfigurationResponse::default().with_ad_configuration(configuration))
}

pub(crate) fn get(
    state: &State,
    input: GetAdConfigurationRequest,
) -> Result<GetAdConfigurationResponse, GetAdConfigurationError> {
    let arn = input.arn.unwrap_or_default();
    let configuration = state
        .ad_configurations
        .get(&arn)
        .ok_or_else(|| not_found(Kind::AdConfiguration, &arn))?;
    Ok(GetAdConfigurationResponse::default().with_ad_configuration(configuration.clone()))
}

pub(crate) fn list(
    state: &State,
    input: ListAdConfigurationsRequest,
) -> Result<ListAdConfigurationsResponse, ListAdConfigurationsError> {
    let (configurations, next_token) = page(
        &state.ad_configurations,
        input.next_token.as_deref(),
        input.max_results,
        DEFAULT_PAGE,
        |_| true,
    )?;
    let summaries = configurations
        .into_iter()
        .map(|configuration| {
            let mut summary = AdConfigurationSummary::default();
            summary.arn = configuration.arn.clone();
            summary.name = configuration.name.clone();
            summary.media_tailor_playback_configurations = configuration.media_tailor_playback_configurations.clone();
            summary.tags = configuration.tags.clone();
            summary
        })
        .collect::<Vec<_>>();
    let mut response = ListAdConfigurationsResponse::default().with_ad_configurations(summaries);
    response.next_token = next_token;
    Ok(response)
}

pub(crate) fn delete(
    state: &mut State,
    input: DeleteAdConfigurationRequest,
) -> Result<Unit, DeleteAdConfigurationError> {
    let arn = input.arn.unwrap_or_default();
    if !state.ad_configurations.contains_key(&arn) {
        return Err(not_found(Kind::AdConfiguration, &arn).into());
    }
    channels::refuse_if_used(state, Kind::AdConfiguration, &arn)?;
    state.ad_configurations.remove(&arn);
    Ok(Unit {})
}
