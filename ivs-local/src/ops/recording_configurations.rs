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
    let thumbnails = input.thumbnail_configuration.unwrap_or_default();
    let mode = thumbnails.recording_mode.unwrap_or(RecordingMode::Interval);
    let thumbnails = ThumbnailConfiguration {
        target_interval_seconds: match mode {
            RecordingMode::Interval => thumbnails
                .target_interval_seconds
                .or(Some(DEFAULT_THUMBNAIL_INTERVAL_SECONDS)),
            _ => thumbnails.target_interval_seconds,
        },
        recording_mode: Some(mode),
        resolution: thumbnails.resolution,
        storage: thumbnails
            .storage
            .or_else(|| Some(vec![ThumbnailConfigurationStorage::Sequential])),
    };
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
    let configuration = RecordingConfiguration {
        arn: Some(arn.clone()),
        name: Some(input.name.unwrap_or_default()),
        destination_configuration: input.destination_configuration,
        state: Some(RecordingConfigurationState::Active),
        tags: Some(input.tags.unwrap_or_default()),
        thumbnail_configuration: Some(thumbnails),
        recording_reconnect_window_seconds: Some(input.recording_reconnect_window_seconds.unwrap_or(0)),
        rendition_configuration: Some(RenditionConfiguration {
            rendition_selection: Some(selection),
            renditions: renditions.renditions.or_else(|| Some(Vec::new())),
        }),
    };
    state.recording_configurations.insert(arn, configuration.clone());
    Ok(CreateRecordingConfigurationResponse {
        recording_configuration: Some(configuration),
    })
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
    Ok(GetRecordingConfigurationResponse {
        recording_configuration: Some(configuration.clone()),
    })
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
        .map(|configuration| RecordingConfigurationSummary {
            arn: configuration.arn.clone(),
            name: configuration.name.clone(),
            destination_configuration: configuration.destination_configuration.clone(),
            state: configuration.state.clone(),
            tags: configuration.tags.clone(),
        })
        .collect();
    Ok(ListRecordingConfigurationsResponse {
        recording_configurations: Some(summaries),
        next_token,
    })
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
