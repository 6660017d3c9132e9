//! The operations, one module per kind of resource. Each function takes the state (mutable
//! only when the operation changes it) and the decoded, validated input, and returns the output
//! or the operation's own error enum.

pub(crate) mod ad_configurations;
pub(crate) mod channels;
pub(crate) mod playback_key_pairs;
pub(crate) mod recording_configurations;
pub(crate) mod restriction_policies;
pub(crate) mod stream_keys;
pub(crate) mod streams;
pub(crate) mod tags;
