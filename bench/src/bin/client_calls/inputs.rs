//! The requests every client sends, and what the recorded answers hold: one place, so the
//! recorded bodies, the Rust clients and boto3_calls.py agree.

/// The region the clients sign for (and the emulator's ARNs name).
pub const REGION: &str = "us-west-2";
/// Static credentials: the server does not verify them, but every client signs with them.
pub const ACCESS_KEY: &str = "AKIDBENCHCLIENTCALLS";
/// The secret of [`ACCESS_KEY`].
pub const SECRET_KEY: &str = "bench/client/calls/secret/key/0123456789";
/// The name of the created channel.
pub const NAME: &str = "bench-live-channel";
/// The latency mode of the created channel, as on the wire.
pub const LATENCY_MODE: &str = "LOW";
/// The type of the created channel, as on the wire.
pub const CHANNEL_TYPE: &str = "STANDARD";
/// The tags of every channel: a few, as real accounts tag for cost allocation.
pub const TAGS: [(&str, &str); 3] = [
    ("team", "video-platform"),
    ("env", "staging"),
    ("cost-center", "cc-4711"),
];
/// ListChannels' `maxResults`, and how many summaries the recorded page holds.
pub const PAGE: usize = 100;

/// The tags as a JSON object.
pub fn tags_json() -> serde_json::Value {
    TAGS.iter()
        .map(|(key, value)| (key.to_string(), serde_json::Value::from(*value)))
        .collect::<serde_json::Map<_, _>>()
        .into()
}
