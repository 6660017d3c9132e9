//! A client configured the way `aws-sdk-*` clients are, from an [`SdkConfig`] (feature
//! `sdk-config`): `Client::new(&aws_config::load_defaults(BehaviorVersion::latest()).await)`.
//!
//! [`ConfigBuilder::from_sdk_config`] says what maps.

use aws_types::SdkConfig;
use aws_types::service_config::ServiceConfigKey;

use super::ServiceInfo;
use super::config::{Config, ConfigBuilder};
use super::into_config::IntoConfig;

/// By reference only, as `aws_sdk_*::Client::new` takes it (an impl by value too would make
/// clippy ask callers to drop the `&` that SDK code writes).
impl IntoConfig for &SdkConfig {
    fn into_config(self, service: &'static ServiceInfo) -> Config {
        ConfigBuilder::from_sdk_config(self, service).build_or_fail_calls()
    }
}

impl ConfigBuilder {
    /// A builder holding what `sdk_config` says for a client of `service`; settings it does
    /// not give keep their defaults.
    ///
    /// What maps, and how:
    ///
    /// | `SdkConfig` | [`Config`] |
    /// | --- | --- |
    /// | `region` | [`ConfigBuilder::region`]; none makes every call fail ([`Error::Config`](super::Error::Config)) |
    /// | `credentials_provider` | [`ConfigBuilder::credentials_provider`], cached by the client; none makes every call fail |
    /// | `endpoint_url`, and the service's own (`AWS_ENDPOINT_URL_IVS`, the profile's `services` section) | [`ConfigBuilder::endpoint_url`], with the AWS SDKs' precedence: one set in code wins, then the service's, then the general one |
    /// | `use_fips`, `use_dual_stack` | [`ConfigBuilder::use_fips`], [`ConfigBuilder::use_dual_stack`] |
    /// | `retry_config`: max attempts, initial and max backoff | [`ConfigBuilder::max_attempts`], [`ConfigBuilder::initial_backoff`], [`ConfigBuilder::max_backoff`] |
    /// | `timeout_config`: connect, operation attempt, operation | [`ConfigBuilder::connect_timeout`], [`ConfigBuilder::attempt_timeout`], [`ConfigBuilder::call_timeout`]; an unset one keeps this crate's default |
    ///
    /// Not mapped, because this client has no such setting: the adaptive retry mode (the
    /// standard mode is used, with the same attempts and backoffs), the reconnect mode, the read
    /// timeout, `http_client`, `sleep_impl`, `time_source`, `identity_cache` (the client has its
    /// own credentials cache), `app_name`, the token provider, stalled-stream protection, request
    /// compression and checksum settings, the account-id endpoint mode and the auth scheme
    /// preference.
    pub fn from_sdk_config(sdk_config: &SdkConfig, service: &ServiceInfo) -> ConfigBuilder {
        let mut builder = ConfigBuilder::default();
        if let Some(region) = sdk_config.region() {
            builder = builder.region(region.as_ref());
        }
        if let Some(provider) = sdk_config.credentials_provider() {
            builder = builder.credentials_provider(provider);
        }
        if let Some(url) = endpoint_url(sdk_config, service) {
            builder = builder.endpoint_url(url);
        }
        builder = builder
            .use_fips(sdk_config.use_fips().unwrap_or(false))
            .use_dual_stack(sdk_config.use_dual_stack().unwrap_or(false));
        if let Some(retry) = sdk_config.retry_config() {
            builder = builder
                .max_attempts(retry.max_attempts())
                .initial_backoff(retry.initial_backoff())
                .max_backoff(retry.max_backoff());
        }
        if let Some(timeouts) = sdk_config.timeout_config() {
            if let Some(timeout) = timeouts.connect_timeout() {
                builder = builder.connect_timeout(timeout);
            }
            if let Some(timeout) = timeouts.operation_attempt_timeout() {
                builder = builder.attempt_timeout(timeout);
            }
            if let Some(timeout) = timeouts.operation_timeout() {
                builder = builder.call_timeout(timeout);
            }
        }
        builder
    }
}

/// The endpoint as the AWS SDKs pick it: one set in code on the loader wins; otherwise the
/// service's own (`AWS_ENDPOINT_URL_<SDK ID>`, or `endpoint_url` in the profile's `services`
/// section for the service), then the general one (`AWS_ENDPOINT_URL`, the profile's
/// `endpoint_url`).
fn endpoint_url(sdk_config: &SdkConfig, service: &ServiceInfo) -> Option<String> {
    let general = sdk_config.endpoint_url().map(str::to_owned);
    if sdk_config.get_origin("endpoint_url").is_client_config() {
        return general;
    }
    let key = ServiceConfigKey::builder()
        .service_id(service.sdk_id)
        .env("AWS_ENDPOINT_URL")
        .profile("endpoint_url")
        .build();
    let specific = key
        .ok()
        .and_then(|key| sdk_config.service_config().and_then(|loader| loader.load_config(key)));
    specific.or(general)
}
