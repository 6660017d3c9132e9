//! Plain `serde_json` of the measured types, behind a trait because this crate does not depend
//! on `serde` itself: each impl names its concrete type, so the serde bounds are met there.

use ivs_model::{CreateChannelRequest, GetChannelResponse, ListChannelsResponse, TagResourceRequest};

/// A type measured with `serde_json` alone, beside its operation's binding.
pub trait Json: Sized {
    /// `serde_json::to_vec`.
    fn to_json(&self) -> serde_json::Result<Vec<u8>>;
    /// `serde_json::to_value` (the parameters handed to botocore).
    fn to_json_value(&self) -> serde_json::Result<serde_json::Value>;
}

macro_rules! json {
    ($($t:ty),* $(,)?) => {$(
        impl Json for $t {
            fn to_json(&self) -> serde_json::Result<Vec<u8>> {
                serde_json::to_vec(self)
            }
            fn to_json_value(&self) -> serde_json::Result<serde_json::Value> {
                serde_json::to_value(self)
            }
        }
    )*};
}

json!(
    CreateChannelRequest,
    TagResourceRequest,
    GetChannelResponse,
    ListChannelsResponse
);
