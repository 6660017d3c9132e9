//! The generated `Ivs` trait, implemented by delegating each operation to its module: reads
//! take the state shared, changes take it exclusively and are saved before the answer.

use ivs_server::model::operation::*;
use ivs_server::model::runtime::Unit;
use ivs_server::model::*;
use ivs_server::{Ivs, RequestContext};

use crate::Emulator;
use crate::ops::{
    ad_configurations, channels, playback_key_pairs, recording_configurations, restriction_policies, stream_keys,
    streams, tags,
};

impl Ivs for Emulator {
    async fn batch_get_channel(
        &self,
        input: BatchGetChannelRequest,
        _context: RequestContext,
    ) -> Result<BatchGetChannelResponse, batch_get_channel::BatchGetChannelError> {
        self.read(|state, _| channels::batch_get(state, input))
    }
    async fn batch_get_stream_key(
        &self,
        input: BatchGetStreamKeyRequest,
        _context: RequestContext,
    ) -> Result<BatchGetStreamKeyResponse, batch_get_stream_key::BatchGetStreamKeyError> {
        self.read(|state, _| stream_keys::batch_get(state, input))
    }
    async fn batch_start_viewer_session_revocation(
        &self,
        input: BatchStartViewerSessionRevocationRequest,
        _context: RequestContext,
    ) -> Result<
        BatchStartViewerSessionRevocationResponse,
        batch_start_viewer_session_revocation::BatchStartViewerSessionRevocationError,
    > {
        self.read(|state, _| streams::batch_start_revocation(state, input))
    }
    async fn create_ad_configuration(
        &self,
        input: CreateAdConfigurationRequest,
        _context: RequestContext,
    ) -> Result<CreateAdConfigurationResponse, create_ad_configuration::CreateAdConfigurationError> {
        self.write(move |state, env| ad_configurations::create(state, env, input))
            .await
    }
    async fn create_channel(
        &self,
        input: CreateChannelRequest,
        _context: RequestContext,
    ) -> Result<CreateChannelResponse, create_channel::CreateChannelError> {
        self.write(move |state, env| channels::create(state, env, input)).await
    }
    async fn create_playback_restriction_policy(
        &self,
        input: CreatePlaybackRestrictionPolicyRequest,
        _context: RequestContext,
    ) -> Result<
        CreatePlaybackRestrictionPolicyResponse,
        create_playback_restriction_policy::CreatePlaybackRestrictionPolicyError,
    > {
        self.write(move |state, env| restriction_policies::create(state, env, input))
            .await
    }
    async fn create_recording_configuration(
        &self,
        input: CreateRecordingConfigurationRequest,
        _context: RequestContext,
    ) -> Result<CreateRecordingConfigurationResponse, create_recording_configuration::CreateRecordingConfigurationError>
    {
        self.write(move |state, env| recording_configurations::create(state, env, input))
            .await
    }
    async fn create_stream_key(
        &self,
        input: CreateStreamKeyRequest,
        _context: RequestContext,
    ) -> Result<CreateStreamKeyResponse, create_stream_key::CreateStreamKeyError> {
        self.write(move |state, env| stream_keys::create(state, env, input))
            .await
    }
    async fn delete_ad_configuration(
        &self,
        input: DeleteAdConfigurationRequest,
        _context: RequestContext,
    ) -> Result<Unit, delete_ad_configuration::DeleteAdConfigurationError> {
        self.write(move |state, _| ad_configurations::delete(state, input))
            .await
    }
    async fn delete_channel(
        &self,
        input: DeleteChannelRequest,
        _context: RequestContext,
    ) -> Result<Unit, delete_channel::DeleteChannelError> {
        self.write(move |state, _| channels::delete(state, input)).await
    }
    async fn delete_playback_key_pair(
        &self,
        input: DeletePlaybackKeyPairRequest,
        _context: RequestContext,
    ) -> Result<DeletePlaybackKeyPairResponse, delete_playback_key_pair::DeletePlaybackKeyPairError> {
        self.write(move |state, _| playback_key_pairs::delete(state, input))
            .await
    }
    async fn delete_playback_restriction_policy(
        &self,
        input: DeletePlaybackRestrictionPolicyRequest,
        _context: RequestContext,
    ) -> Result<Unit, delete_playback_restriction_policy::DeletePlaybackRestrictionPolicyError> {
        self.write(move |state, _| restriction_policies::delete(state, input))
            .await
    }
    async fn delete_recording_configuration(
        &self,
        input: DeleteRecordingConfigurationRequest,
        _context: RequestContext,
    ) -> Result<Unit, delete_recording_configuration::DeleteRecordingConfigurationError> {
        self.write(move |state, _| recording_configurations::delete(state, input))
            .await
    }
    async fn delete_stream_key(
        &self,
        input: DeleteStreamKeyRequest,
        _context: RequestContext,
    ) -> Result<Unit, delete_stream_key::DeleteStreamKeyError> {
        self.write(move |state, _| stream_keys::delete(state, input)).await
    }
    async fn get_ad_configuration(
        &self,
        input: GetAdConfigurationRequest,
        _context: RequestContext,
    ) -> Result<GetAdConfigurationResponse, get_ad_configuration::GetAdConfigurationError> {
        self.read(|state, _| ad_configurations::get(state, input))
    }
    async fn get_channel(
        &self,
        input: GetChannelRequest,
        _context: RequestContext,
    ) -> Result<GetChannelResponse, get_channel::GetChannelError> {
        self.read(|state, _| channels::get(state, input))
    }
    async fn get_playback_key_pair(
        &self,
        input: GetPlaybackKeyPairRequest,
        _context: RequestContext,
    ) -> Result<GetPlaybackKeyPairResponse, get_playback_key_pair::GetPlaybackKeyPairError> {
        self.read(|state, _| playback_key_pairs::get(state, input))
    }
    async fn get_playback_restriction_policy(
        &self,
        input: GetPlaybackRestrictionPolicyRequest,
        _context: RequestContext,
    ) -> Result<GetPlaybackRestrictionPolicyResponse, get_playback_restriction_policy::GetPlaybackRestrictionPolicyError>
    {
        self.read(|state, _| restriction_policies::get(state, input))
    }
    async fn get_recording_configuration(
        &self,
        input: GetRecordingConfigurationRequest,
        _context: RequestContext,
    ) -> Result<GetRecordingConfigurationResponse, get_recording_configuration::GetRecordingConfigurationError> {
        self.read(|state, _| recording_configurations::get(state, input))
    }
    async fn get_stream(
        &self,
        input: GetStreamRequest,
        _context: RequestContext,
    ) -> Result<GetStreamResponse, get_stream::GetStreamError> {
        self.read(|state, _| streams::get(state, input))
    }
    async fn get_stream_key(
        &self,
        input: GetStreamKeyRequest,
        _context: RequestContext,
    ) -> Result<GetStreamKeyResponse, get_stream_key::GetStreamKeyError> {
        self.read(|state, _| stream_keys::get(state, input))
    }
    async fn get_stream_session(
        &self,
        input: GetStreamSessionRequest,
        _context: RequestContext,
    ) -> Result<GetStreamSessionResponse, get_stream_session::GetStreamSessionError> {
        self.read(|state, _| streams::get_session(state, input))
    }
    async fn import_playback_key_pair(
        &self,
        input: ImportPlaybackKeyPairRequest,
        _context: RequestContext,
    ) -> Result<ImportPlaybackKeyPairResponse, import_playback_key_pair::ImportPlaybackKeyPairError> {
        self.write(move |state, env| playback_key_pairs::import(state, env, input))
            .await
    }
    async fn insert_ad_break(
        &self,
        input: InsertAdBreakRequest,
        _context: RequestContext,
    ) -> Result<InsertAdBreakResponse, insert_ad_break::InsertAdBreakError> {
        self.read(|state, _| streams::insert_ad_break(state, input))
    }
    async fn list_ad_configurations(
        &self,
        input: ListAdConfigurationsRequest,
        _context: RequestContext,
    ) -> Result<ListAdConfigurationsResponse, list_ad_configurations::ListAdConfigurationsError> {
        self.read(|state, _| ad_configurations::list(state, input))
    }
    async fn list_channels(
        &self,
        input: ListChannelsRequest,
        _context: RequestContext,
    ) -> Result<ListChannelsResponse, list_channels::ListChannelsError> {
        self.read(|state, _| channels::list(state, input))
    }
    async fn list_playback_key_pairs(
        &self,
        input: ListPlaybackKeyPairsRequest,
        _context: RequestContext,
    ) -> Result<ListPlaybackKeyPairsResponse, list_playback_key_pairs::ListPlaybackKeyPairsError> {
        self.read(|state, _| playback_key_pairs::list(state, input))
    }
    async fn list_playback_restriction_policies(
        &self,
        input: ListPlaybackRestrictionPoliciesRequest,
        _context: RequestContext,
    ) -> Result<
        ListPlaybackRestrictionPoliciesResponse,
        list_playback_restriction_policies::ListPlaybackRestrictionPoliciesError,
    > {
        self.read(|state, _| restriction_policies::list(state, input))
    }
    async fn list_recording_configurations(
        &self,
        input: ListRecordingConfigurationsRequest,
        _context: RequestContext,
    ) -> Result<ListRecordingConfigurationsResponse, list_recording_configurations::ListRecordingConfigurationsError>
    {
        self.read(|state, _| recording_configurations::list(state, input))
    }
    async fn list_stream_keys(
        &self,
        input: ListStreamKeysRequest,
        _context: RequestContext,
    ) -> Result<ListStreamKeysResponse, list_stream_keys::ListStreamKeysError> {
        self.read(|state, _| stream_keys::list(state, input))
    }
    async fn list_stream_sessions(
        &self,
        input: ListStreamSessionsRequest,
        _context: RequestContext,
    ) -> Result<ListStreamSessionsResponse, list_stream_sessions::ListStreamSessionsError> {
        self.read(|state, _| streams::list_sessions(state, input))
    }
    async fn list_streams(
        &self,
        input: ListStreamsRequest,
        _context: RequestContext,
    ) -> Result<ListStreamsResponse, list_streams::ListStreamsError> {
        streams::list(input)
    }
    async fn list_tags_for_resource(
        &self,
        input: ListTagsForResourceRequest,
        _context: RequestContext,
    ) -> Result<ListTagsForResourceResponse, list_tags_for_resource::ListTagsForResourceError> {
        self.read(|state, env| tags::list(state, env, input))
    }
    async fn put_metadata(
        &self,
        input: PutMetadataRequest,
        _context: RequestContext,
    ) -> Result<Unit, put_metadata::PutMetadataError> {
        self.read(|state, _| streams::put_metadata(state, input))
    }
    async fn start_viewer_session_revocation(
        &self,
        input: StartViewerSessionRevocationRequest,
        _context: RequestContext,
    ) -> Result<StartViewerSessionRevocationResponse, start_viewer_session_revocation::StartViewerSessionRevocationError>
    {
        self.read(|state, _| streams::start_revocation(state, input))
    }
    async fn stop_stream(
        &self,
        input: StopStreamRequest,
        _context: RequestContext,
    ) -> Result<StopStreamResponse, stop_stream::StopStreamError> {
        self.read(|state, _| streams::stop(state, input))
    }
    async fn tag_resource(
        &self,
        input: TagResourceRequest,
        _context: RequestContext,
    ) -> Result<TagResourceResponse, tag_resource::TagResourceError> {
        self.write(move |state, env| tags::tag(state, env, input)).await
    }
    async fn untag_resource(
        &self,
        input: UntagResourceRequest,
        _context: RequestContext,
    ) -> Result<UntagResourceResponse, untag_resource::UntagResourceError> {
        self.write(move |state, env| tags::untag(state, env, input)).await
    }
    async fn update_channel(
        &self,
        input: UpdateChannelRequest,
        _context: RequestContext,
    ) -> Result<UpdateChannelResponse, update_channel::UpdateChannelError> {
        self.write(move |state, _| channels::update(state, input)).await
    }
    async fn update_playback_restriction_policy(
        &self,
        input: UpdatePlaybackRestrictionPolicyRequest,
        _context: RequestContext,
    ) -> Result<
        UpdatePlaybackRestrictionPolicyResponse,
        update_playback_restriction_policy::UpdatePlaybackRestrictionPolicyError,
    > {
        self.write(move |state, _| restriction_policies::update(state, input))
            .await
    }
}
