//! Streams and viewer sessions. ivs-local has no ingest, so no channel is ever live: the stream
//! operations answer `ChannelNotBroadcasting` for an existing channel, the stream lists are
//! empty, and viewer-session revocations are accepted (there is nothing to revoke yet).

use std::collections::BTreeMap;

use ivs_server::model::operation::{
    batch_start_viewer_session_revocation::BatchStartViewerSessionRevocationError, get_stream::GetStreamError,
    get_stream_session::GetStreamSessionError, insert_ad_break::InsertAdBreakError,
    list_stream_sessions::ListStreamSessionsError, list_streams::ListStreamsError, put_metadata::PutMetadataError,
    start_viewer_session_revocation::StartViewerSessionRevocationError, stop_stream::StopStreamError,
};
use ivs_server::model::runtime::Unit;
use ivs_server::model::*;

use crate::faults::{not_broadcasting, not_found, not_found_message};
use crate::ids::Kind;
use crate::paging::page;
use crate::state::State;

/// The live streams: always none. Listing still goes through [`page`] so that a bad token is
/// refused as it is on every other list.
const NO_STREAMS: BTreeMap<String, ()> = BTreeMap::new();
const DEFAULT_PAGE: usize = 100;

/// The channel `arn`, or the operation's not-found error.
fn channel<'a>(state: &'a State, arn: Option<&str>) -> Result<&'a Channel, ResourceNotFoundException> {
    let arn = arn.unwrap_or_default();
    state.channels.get(arn).ok_or_else(|| not_found(Kind::Channel, arn))
}

pub(crate) fn get(state: &State, input: GetStreamRequest) -> Result<GetStreamResponse, GetStreamError> {
    channel(state, input.channel_arn.as_deref())?;
    Err(not_broadcasting(input.channel_arn.as_deref().unwrap_or_default()).into())
}

pub(crate) fn stop(state: &State, input: StopStreamRequest) -> Result<StopStreamResponse, StopStreamError> {
    channel(state, input.channel_arn.as_deref())?;
    Err(not_broadcasting(input.channel_arn.as_deref().unwrap_or_default()).into())
}

pub(crate) fn put_metadata(state: &State, input: PutMetadataRequest) -> Result<Unit, PutMetadataError> {
    channel(state, input.channel_arn.as_deref())?;
    Err(not_broadcasting(input.channel_arn.as_deref().unwrap_or_default()).into())
}

pub(crate) fn insert_ad_break(
    state: &State,
    input: InsertAdBreakRequest,
) -> Result<InsertAdBreakResponse, InsertAdBreakError> {
    channel(state, input.channel_arn.as_deref())?;
    Err(not_broadcasting(input.channel_arn.as_deref().unwrap_or_default()).into())
}

pub(crate) fn list(input: ListStreamsRequest) -> Result<ListStreamsResponse, ListStreamsError> {
    let (_, next_token) = page(
        &NO_STREAMS,
        input.next_token.as_deref(),
        input.max_results,
        DEFAULT_PAGE,
        |_| true,
    )?;
    let mut response = ListStreamsResponse::default().with_streams(Vec::new());
    response.next_token = next_token;
    Ok(response)
}

pub(crate) fn list_sessions(
    state: &State,
    input: ListStreamSessionsRequest,
) -> Result<ListStreamSessionsResponse, ListStreamSessionsError> {
    channel(state, input.channel_arn.as_deref())?;
    let (_, next_token) = page(
        &NO_STREAMS,
        input.next_token.as_deref(),
        input.max_results,
        DEFAULT_PAGE,
        |_| true,
    )?;
    let mut response = ListStreamSessionsResponse::default().with_stream_sessions(Vec::new());
    response.next_token = next_token;
    Ok(response)
}

pub(crate) fn get_session(
    state: &State,
    input: GetStreamSessionRequest,
) -> Result<GetStreamSessionResponse, GetStreamSessionError> {
    let channel_arn = input.channel_arn.as_deref().unwrap_or_default();
    channel(state, Some(channel_arn))?;
    let message = match input.stream_id {
        Some(id) => format!("stream session {id} of channel {channel_arn} does not exist"),
        None => format!("channel {channel_arn} has no stream sessions (ivs-local has no ingest)"),
    };
    Err(ResourceNotFoundException::default()
        .with_exception_message(message)
        .into())
}

pub(crate) fn start_revocation(
    state: &State,
    input: StartViewerSessionRevocationRequest,
) -> Result<StartViewerSessionRevocationResponse, StartViewerSessionRevocationError> {
    channel(state, input.channel_arn.as_deref())?;
    Ok(StartViewerSessionRevocationResponse::default())
}

pub(crate) fn batch_start_revocation(
    state: &State,
    input: BatchStartViewerSessionRevocationRequest,
) -> Result<BatchStartViewerSessionRevocationResponse, BatchStartViewerSessionRevocationError> {
    let errors = input
        .viewer_sessions
        .unwrap_or_default()
        .into_iter()
        .filter_map(|session| {
            let arn = session.channel_arn.unwrap_or_default();
            (!state.channels.contains_key(&arn)).then(|| {
                let mut error = ivs_server::model::BatchStartViewerSessionRevocationError::default()
                    .with_code("ResourceNotFoundException")
                    .with_message(not_found_message(Kind::Channel, &arn))
                    .with_channel_arn(arn);
                error.viewer_id = session.viewer_id;
                error
            })
        })
        .collect::<Vec<_>>();
    Ok(BatchStartViewerSessionRevocationResponse::default().with_errors(errors))
}
