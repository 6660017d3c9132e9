//! The state every server serves: 100 channels, and the answers to the two measured calls.

use bytes::Bytes;
use serde_json::{Value, json};

use crate::http;

/// How many channels are created, and the size of the ListChannels page.
pub const CHANNELS: usize = 100;

/// The body of the measured GetChannel request.
pub fn get_channel_body(arn: &str) -> Bytes {
    Bytes::from(json!({ "arn": arn }).to_string())
}

/// The body of the measured ListChannels request: one page of all the channels.
pub fn list_channels_body() -> Bytes {
    Bytes::from(json!({ "maxResults": CHANNELS }).to_string())
}

/// A server's answers to the two measured requests.
#[derive(Debug, Clone)]
pub struct Answers {
    /// The `Content-Type` of the answers.
    pub content_type: String,
    /// The GetChannel answer's body.
    pub get_channel: Bytes,
    /// The ListChannels answer's body.
    pub list_channels: Bytes,
}

/// Creates [`CHANNELS`] channels with two tags each on the server at `addr`; returns the first's ARN.
pub async fn create_channels(server: &str, addr: &str) -> Result<String, String> {
    let mut first = None;
    for index in 0..CHANNELS {
        let body = json!({
            "name": format!("bench-{index:03}"),
            "latencyMode": "LOW",
            "tags": { "team": "bench", "index": index.to_string() },
        });
        let answer = http::post(addr, "CreateChannel", &Bytes::from(body.to_string())).await?;
        let created = json_of(server, "CreateChannel", &answer)?;
        if first.is_none() {
            let arn = created["channel"]["arn"].as_str();
            first = Some(
                arn.ok_or(format!("{server}: CreateChannel answered no channel ARN"))?
                    .to_string(),
            );
        }
    }
    first.ok_or(format!("{server}: no channel created"))
}

/// Asks the server at `addr` the two measured calls and checks that the answers hold the channel
/// `arn` and a page of [`CHANNELS`] channels.
pub async fn check_answers(server: &str, addr: &str, arn: &str) -> Result<Answers, String> {
    let got = http::post(addr, "GetChannel", &get_channel_body(arn)).await?;
    let channel = json_of(server, "GetChannel", &got)?;
    if channel["channel"]["arn"].as_str() != Some(arn) {
        return Err(format!("{server}: GetChannel did not answer channel {arn}"));
    }
    let listed = http::post(addr, "ListChannels", &list_channels_body()).await?;
    let page = json_of(server, "ListChannels", &listed)?;
    let count = page["channels"].as_array().map_or(0, Vec::len);
    if count != CHANNELS {
        return Err(format!(
            "{server}: ListChannels answered {count} channels, not {CHANNELS}"
        ));
    }
    Ok(Answers {
        content_type: got.content_type,
        get_channel: got.body,
        list_channels: listed.body,
    })
}

/// The JSON body of a 200 answer.
fn json_of(server: &str, operation: &str, answer: &http::Answer) -> Result<Value, String> {
    if answer.status != hyper::StatusCode::OK {
        let body = String::from_utf8_lossy(&answer.body);
        return Err(format!("{server}: {operation} answered {}: {body}", answer.status));
    }
    serde_json::from_slice(&answer.body).map_err(|e| format!("{server}: {operation} answered no JSON: {e}"))
}
