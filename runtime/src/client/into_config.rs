//! [`IntoConfig`]: what a generated client's `Client::new` accepts.

use super::ServiceInfo;
use super::config::Config;

/// A client's settings, in any form a generated `Client::new` accepts: a [`Config`], or (with
/// feature `sdk-config`) an `aws_types::SdkConfig`, as `aws_config::load_defaults` returns
/// it and as `aws-sdk-*` clients take it. Making the client from it never fails: settings
/// that cannot work make every call fail with the reason instead.
pub trait IntoConfig {
    /// The configuration of a client of `service` (whose SDK id picks the service-specific
    /// settings, such as `AWS_ENDPOINT_URL_IVS`).
    fn into_config(self, service: &'static ServiceInfo) -> Config;
}

impl IntoConfig for Config {
    fn into_config(self, _service: &'static ServiceInfo) -> Config {
        self
    }
}
