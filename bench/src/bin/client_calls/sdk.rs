//! The official `aws-sdk-ivs`, with the default settings users get.

use std::path::Path;

use aws_sdk_ivs::config::{Credentials, Region};
use aws_sdk_ivs::types::{ChannelLatencyMode, ChannelType};
use aws_sdk_ivs::{Client, Config};

use crate::check;
use crate::inputs::{ACCESS_KEY, NAME, PAGE, REGION, SECRET_KEY, TAGS};
use crate::operation::Operation;

const CLIENT: &str = "aws-sdk-ivs";

/// The SDK's client, pointed at the fixed-bytes server.
pub struct Sdk {
    client: Client,
}

impl Sdk {
    /// A client for `endpoint` with static credentials; everything else is the SDK's default.
    pub fn new(endpoint: &str) -> Sdk {
        let config = Config::builder()
            .behavior_version_latest()
            .endpoint_url(endpoint)
            .region(Region::new(REGION))
            .credentials_provider(Credentials::new(ACCESS_KEY, SECRET_KEY, None, None, "bench"))
            .build();
        Sdk {
            client: Client::from_conf(config),
        }
    }

    /// Makes one call of `operation` and checks the answer; `arn` is the recorded channel's.
    pub async fn call(&self, operation: Operation, arn: &str) -> Result<(), String> {
        match operation {
            Operation::Create => {
                let mut request = self
                    .client
                    .create_channel()
                    .name(NAME)
                    .latency_mode(ChannelLatencyMode::LowLatency)
                    .r#type(ChannelType::StandardChannelType);
                for (key, value) in TAGS {
                    request = request.tags(key, value);
                }
                let out = request.send().await.map_err(failed(operation))?;
                let channel = out.channel();
                let tags = channel.and_then(|c| c.tags()).map_or(0, |tags| tags.len());
                let key = out.stream_key().is_some_and(|key| key.value().is_some());
                check::created(
                    CLIENT,
                    channel.and_then(|c| c.arn()),
                    channel.and_then(|c| c.name()),
                    tags,
                    key,
                    arn,
                )
            }
            Operation::Get => {
                let out = self
                    .client
                    .get_channel()
                    .arn(arn)
                    .send()
                    .await
                    .map_err(failed(operation))?;
                check::got(CLIENT, out.channel().and_then(|c| c.arn()), arn)
            }
            Operation::List => {
                let out = self
                    .client
                    .list_channels()
                    .max_results(PAGE as i32)
                    .send()
                    .await
                    .map_err(failed(operation))?;
                let channels = out.channels();
                let tagged = channels
                    .iter()
                    .filter(|c| c.tags().is_some_and(|tags| tags.len() == TAGS.len()))
                    .count();
                check::listed(CLIENT, channels.len(), tagged, out.next_token().is_some())
            }
        }
    }
}

/// The SDK's version, read from bench/Cargo.lock (for the report; `?` if it cannot be read).
pub fn version(root: &Path) -> String {
    let lock = std::fs::read_to_string(root.join("bench/Cargo.lock")).unwrap_or_default();
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"aws-sdk-ivs\"" {
            let version = lines.next().and_then(|l| l.strip_prefix("version = \""));
            return version.map_or("?", |v| v.trim_end_matches('"')).to_string();
        }
    }
    "?".to_string()
}

/// Turns an SDK error into this benchmark's message, with the SDK's whole error chain.
fn failed<E: std::error::Error + 'static>(operation: Operation) -> impl Fn(E) -> String {
    move |error| {
        format!(
            "{CLIENT}: {} failed: {}",
            operation.name(),
            aws_sdk_ivs::error::DisplayErrorContext(&error)
        )
    }
}
