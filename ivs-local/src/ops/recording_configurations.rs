//! Recording configurations: create (ACTIVE at once: there is no S3 to wait for), get, list,
//! delete (refused while a channel uses it).

use ivs_server::model::operation::{
    create_recording_configuration::CreateRecordingConfigurationError,
    delete_recording_configuration::DeleteRecordingConfigurationError,
    get_recording_configuration::GetRecordingConfigurationError,
    list_recording_configurations::ListRecordingConfigurationsError,
};
use ivs_server::model::runtime::Unit;
use ivs_server::model::*;

use super::{channels, tags};
use crate::faults::{invalid, not_found};
use crate::ids::{Env, Kind};
use crate::paging::page;
use crate::state::State;

const DEFAULT_PAGE: usize = 100;
/// The documented default interval between thumbnails in INTERVAL mode.
const DEFAULT_THUMBNAIL_INTERVAL_SECONDS: i64 = 60;

pub(crate) fn create(
    state: &mut State,
    env: &Env,
    input: CreateRecordingConfigurationRequest,
) -> Result<CreateRecordingConfigurationResponse, CreateRecordingConfigurationError> {
    tags::check_new(input.tags.as_ref()).map_err(invalid)?;
    let mut thumbnails = input.thumbnail_configuration.unwrap_or_default();
    let mode = thumbnails.recording_mode.clone().unwrap_or(RecordingMode::Interval);
    if mode == RecordingMode::Interval && thumbnails.target_interval_seconds.is_none() {
        thumbnails.target_interval_seconds = Some(DEFAULT_THUMBNAIL_INTERVAL_SECONDS);
    }
    thumbnails
        .storage
        .get_or_insert_with(|| vec![ThumbnailConfigurationStorage::Sequential]);
    thumbnails.recording_mode = Some(mode);
    let renditions = input.rendition_configuration.unwrap_or_default();
    let selection = renditions
        .rendition_selection
        .unwrap_or(RenditionConfigurationRenditionSelection::All);
    if selection == RenditionConfigurationRenditionSelection::Custom
        && renditions.renditions.as_ref().is_none_or(Vec::is_empty)
    {
        return Err(
            invalid("renditionConfiguration: renditions are required when renditionSelection is CUSTOM").into(),
        );
    }
    let arn = env.new_arn(Kind::RecordingConfiguration);
    let mut configuration = RecordingConfiguration::default()
        .with_arn(arn.clone())
        .with_name(input.name.unwrap_or_default())
        .with_state(RecordingConfigurationState::Active)
        .with_tags(input.tags.unwrap_or_default())
        .with_thumbnail_configuration(thumbnails)
        .with_recording_reconnect_window_seconds(input.recording_reconnect_window_seconds.unwrap_or(0))
        .with_rendition_configuration(
            RenditionConfiguration::default()
                .with_rendition_selection(selection)
                .with_renditions(renditions.renditions.unwrap_or_default()),
        );
    configuration.destination_configuration = input.destination_configuration;
    state.recording_configurations.insert(arn, configuration.clone());
    Ok(CreateRecordingConfigurationResponse::default().with_recording_configuration(configuration))
}

pub(crate) fn get(
    state: &State,
    input: GetRecordingConfigurationRequest,
) -> Result<GetRecordingConfigurationResponse, GetRecordingConfigurationError> {
    let arn = input.arn.unwrap_or_default();
    let configuration = state
        .recording_configurations
        .get(&arn)
        .ok_or_else(|| not_found(Kind::RecordingConfiguration, &arn))?;
    Ok(GetRecordingConfigurationResponse::default().with_recording_configuration(configuration.clone()))
}

pub(crate) fn list(
    state: &State,
    input: ListRecordingConfigurationsRequest,
) -> Result<ListRecordingConfigurationsResponse, ListRecordingConfigurationsError> {
    let (configurations, next_token) = page(
        &state.recording_configurations,
        input.next_token.as_deref(),
        input.max_results,
        DEFAULT_PAGE,
        |_| true,
    )?;
    let summaries = configurations
        .into_iter()
        .map(|configuration| {
            let mut summary = RecordingConfigurationSummary::default();
            summary.arn = configuration.arn.clone();
            summary.name = configuration.name.clone();
            summary.destination_configuration = configuration.destination_configuration.clone();
            summary.state = configuration.state.clone();
            summary.tags = configuration.tags.clone();
            summary
        })
        .collect::<Vec<_>>();
    let mut response = ListRecordingConfigurationsResponse::default().with_recording_configurations(summaries);
    response.next_token = next_token;
    Ok(response)
}

pub(crate) fn delete(
    state: &mut State,
    input: DeleteRecordingConfigurationRequest,
) -> Result<Unit, DeleteRecordingConfigurationError> {
    let arn = input.arn.unwrap_or_default();
    if !state.recording_configurations.contains_key(&arn) {
        return Err(not_found(Kind::RecordingConfiguration, &arn).into());
    }
    channels::refuse_if_used(state, Kind::RecordingConfiguration, &arn)?;
    state.recording_configurations.remove(&arn);
    Ok(Unit {})
}
