//! A small implementation of the generated `Ivs` trait for tests: channels and tags in memory.
//! Everything else is left to the trait's defaults (501 `NotImplementedException`).

use std::collections::BTreeMap;
use std::sync::Mutex;

use ivs_model::operation::create_channel::CreateChannelError;
use ivs_model::operation::get_channel::GetChannelError;
use ivs_model::operation::list_tags_for_resource::ListTagsForResourceError;
use ivs_model::operation::tag_resource::TagResourceError;
use ivs_model::operation::untag_resource::UntagResourceError;
use ivs_model::*;
use ivs_server::{Ivs, RequestContext};

/// The account every test ARN names.
pub const ACCOUNT: &str = "123456789012";

/// Channels by ARN, and tags by resource ARN.
#[derive(Default)]
pub struct TagServer {
    channels: Mutex<BTreeMap<String, Channel>>,
    tags: Mutex<BTreeMap<String, BTreeMap<String, String>>>,
    /// The access key id of the last caller, when authentication is on.
    pub last_caller: Mutex<Option<String>>,
}

fn not_found(arn: &str) -> ResourceNotFoundException {
    ResourceNotFoundException::default().with_exception_message(format!("resource {arn} does not exist"))
}

impl TagServer {
    fn exists(&self, arn: &str) -> bool {
        self.channels.lock().unwrap().contains_key(arn)
    }
}

impl Ivs for TagServer {
    async fn create_channel(
        &self,
        input: CreateChannelRequest,
        context: RequestContext,
    ) -> Result<CreateChannelResponse, CreateChannelError> {
        *self.last_caller.lock().unwrap() = context.access_key_id;
        let mut channels = self.channels.lock().unwrap();
        let arn = format!("arn:aws:ivs:us-west-2:{ACCOUNT}:channel/ch{:010}", channels.len());
        let channel = Channel::default()
            .with_arn(arn.clone())
            .with_name(input.name.unwrap_or_default())
            .with_type(input.r#type.unwrap_or(ChannelType::Standard))
            .with_tags(input.tags.clone().unwrap_or_default());
        channels.insert(arn.clone(), channel.clone());
        self.tags.lock().unwrap().insert(arn, input.tags.unwrap_or_default());
        Ok(CreateChannelResponse::default().with_channel(channel))
    }

    async fn get_channel(
        &self,
        input: GetChannelRequest,
        _context: RequestContext,
    ) -> Result<GetChannelResponse, GetChannelError> {
        let arn = input.arn.unwrap_or_default();
        match self.channels.lock().unwrap().get(&arn) {
            Some(channel) => Ok(GetChannelResponse::default().with_channel(channel.clone())),
            None => Err(not_found(&arn).into()),
        }
    }

    async fn tag_resource(
        &self,
        input: TagResourceRequest,
        _context: RequestContext,
    ) -> Result<TagResourceResponse, TagResourceError> {
        let arn = input.resource_arn.unwrap_or_default();
        if !self.exists(&arn) {
            return Err(not_found(&arn).into());
        }
        let mut tags = self.tags.lock().unwrap();
        tags.entry(arn).or_default().extend(input.tags.unwrap_or_default());
        Ok(TagResourceResponse::default())
    }

    async fn untag_resource(
        &self,
        input: UntagResourceRequest,
        _context: RequestContext,
    ) -> Result<UntagResourceResponse, UntagResourceError> {
        let arn = input.resource_arn.unwrap_or_default();
        if !self.exists(&arn) {
            return Err(not_found(&arn).into());
        }
        let mut tags = self.tags.lock().unwrap();
        let entry = tags.entry(arn).or_default();
        for key in input.tag_keys.unwrap_or_default() {
            entry.remove(&key);
        }
        Ok(UntagResourceResponse::default())
    }

    async fn list_tags_for_resource(
        &self,
        input: ListTagsForResourceRequest,
        _context: RequestContext,
    ) -> Result<ListTagsForResourceResponse, ListTagsForResourceError> {
        let arn = input.resource_arn.unwrap_or_default();
        if !self.exists(&arn) {
            return Err(not_found(&arn).into());
        }
        let tags = self.tags.lock().unwrap().get(&arn).cloned().unwrap_or_default();
        Ok(ListTagsForResourceResponse::default().with_tags(tags))
    }
}
