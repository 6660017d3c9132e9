//! Our generated client, `ivs_client`, as users configure it.

use ivs_client::{ChannelLatencyMode, ChannelType, Client, Config, Credentials};

use crate::check;
use crate::inputs::{ACCESS_KEY, NAME, PAGE, REGION, SECRET_KEY, TAGS};
use crate::operation::Operation;

const CLIENT: &str = "ivs_client";

/// Our client, pointed at the fixed-bytes server.
pub struct Ours {
    client: Client,
}

impl Ours {
    /// A client for `endpoint` with static credentials (so every request is really signed).
    pub fn new(endpoint: &str) -> Result<Ours, String> {
        let config = Config::builder()
            .region(REGION)
            .credentials(Credentials::new(ACCESS_KEY, SECRET_KEY, None, None, "bench"))
            .endpoint_url(endpoint)
            .build()
            .map_err(|e| format!("{CLIENT}: invalid configuration: {e}"))?;
        Ok(Ours {
            client: Client::new(config),
        })
    }

    /// The ARN of the channel in the server's CreateChannel answer (checked to look like one).
    pub async fn learn_arn(&self) -> Result<String, String> {
        let out = self.create().await?;
        let arn = out.channel.and_then(|channel| channel.arn).unwrap_or_default();
        if !arn.starts_with(&format!("arn:aws:ivs:{REGION}:")) {
            return Err(format!("{CLIENT}: CreateChannel answered no channel ARN but {arn:?}"));
        }
        Ok(arn)
    }

    /// Makes one call of `operation` and checks the answer; `arn` is the recorded channel's.
    pub async fn call(&self, operation: Operation, arn: &str) -> Result<(), String> {
        match operation {
            Operation::Create => {
                let out = self.create().await?;
                let channel = out.channel.unwrap_or_default();
                let tags = channel.tags.as_ref().map_or(0, |tags| tags.len());
                let key = out.stream_key.is_some_and(|key| key.value.is_some());
                check::created(CLIENT, channel.arn.as_deref(), channel.name.as_deref(), tags, key, arn)
            }
            Operation::Get => {
                let out = self
                    .client
                    .get_channel()
                    .arn(arn)
                    .send()
                    .await
                    .map_err(failed(operation))?;
                check::got(CLIENT, out.channel.as_ref().and_then(|c| c.arn.as_deref()), arn)
            }
            Operation::List => {
                let out = self
                    .client
                    .list_channels()
                    .max_results(PAGE as i32)
                    .send()
                    .await
                    .map_err(failed(operation))?;
                let channels = out.channels.unwrap_or_default();
                let tagged = channels
                    .iter()
                    .filter(|c| c.tags.as_ref().is_some_and(|tags| tags.len() == TAGS.len()))
                    .count();
                check::listed(CLIENT, channels.len(), tagged, out.next_token.is_some())
            }
        }
    }

    async fn create(&self) -> Result<ivs_client::CreateChannelResponse, String> {
        let mut request = self
            .client
            .create_channel()
            .name(NAME)
            .latency_mode(ChannelLatencyMode::Low)
            .r#type(ChannelType::Standard);
        for (key, value) in TAGS {
            request = request.tags(key, value);
        }
        request.send().await.map_err(failed(Operation::Create))
    }
}

/// Turns a client error into this benchmark's message.
fn failed<E: std::fmt::Display>(operation: Operation) -> impl Fn(E) -> String {
    move |error| format!("{CLIENT}: {} failed: {error}", operation.name())
}
