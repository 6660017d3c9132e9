//! [`ConfigBuilder::from_env`] through `aws-config` (feature `aws-config`): the AWS SDKs'
//! default chains for the region (environment, profile, instance metadata), the credentials
//! (environment, profile with `role_arn`/`source_profile`, `credential_process`, SSO, web
//! identity and IRSA, ECS and EKS container credentials, IMDSv2), the endpoint
//! (`AWS_ENDPOINT_URL_<SDK ID>`, `AWS_ENDPOINT_URL`, the profile's `endpoint_url`), FIPS and
//! dual-stack (`AWS_USE_FIPS_ENDPOINT`, `AWS_USE_DUALSTACK_ENDPOINT`), retries
//! (`AWS_MAX_ATTEMPTS`, `AWS_RETRY_MODE`) and timeouts, then mapped as
//! [`ConfigBuilder::from_sdk_config`] maps any `SdkConfig`.
//!
//! `aws-config` reads the shared files and the environment, and caches nothing we need to:
//! the profile parser, the credential providers and their HTTP client are the library's.
//! What stays hand-written is the lean path (`env.rs`, `ini.rs`), for builds without this
//! feature, which read the environment and static keys of a profile only, and are the
//! fallback if the loader cannot run.
//!
//! `from_env` is synchronous and `aws-config`'s loader is async: the loader runs to the end
//! on a short-lived thread with its own single-threaded Tokio runtime, so `from_env` works
//! inside and outside a Tokio runtime. The providers it returns keep no tie to that runtime:
//! they do their I/O on the runtime of the call that asks them for credentials.

use aws_config::BehaviorVersion;
use aws_types::SdkConfig;

use super::ServiceInfo;
use super::config::{ConfigBuilder, ConfigError};

impl ConfigBuilder {
    /// A builder with everything `aws-config`'s default chains find for a client of
    /// `service`: the region (environment, profile, instance metadata), the credentials
    /// (environment, profile with `role_arn`/`source_profile`, `credential_process`, SSO, web
    /// identity and IRSA, ECS and EKS container credentials, IMDSv2), the endpoint
    /// (`AWS_ENDPOINT_URL_<SDK ID>`, `AWS_ENDPOINT_URL`, the profile's `endpoint_url`), FIPS
    /// and dual-stack (`AWS_USE_FIPS_ENDPOINT`, `AWS_USE_DUALSTACK_ENDPOINT`), retries
    /// (`AWS_MAX_ATTEMPTS`; `AWS_RETRY_MODE=adaptive` is read but runs as standard) and
    /// timeouts, mapped as [`ConfigBuilder::from_sdk_config`] maps any `SdkConfig`. A missing region is reported by
    /// [`ConfigBuilder::build`]; missing credentials by each call (a provider such as the
    /// instance metadata service can only be asked then).
    pub fn from_env_for(service: &ServiceInfo) -> ConfigBuilder {
        match load_defaults() {
            Ok(sdk_config) => ConfigBuilder::from_sdk_config(&sdk_config, service),
            Err(Failure::Refused(reason)) => ConfigBuilder::default().refuse(ConfigError::InvalidSetting(reason)),
            Err(Failure::NotRun(reason)) => ConfigBuilder::from_env().note(format!(
                "aws-config's default chain could not run ({reason}); only the environment and static profile keys were read"
            )),
        }
    }
}

/// Why `aws-config`'s loader gave no `SdkConfig`.
enum Failure {
    /// It stopped at a setting it refuses (it panics on an invalid `AWS_MAX_ATTEMPTS` or
    /// `AWS_RETRY_MODE`, say); the panic's message says which.
    Refused(String),
    /// No thread or runtime to run it on.
    NotRun(String),
}

/// `aws_config::load_defaults`, on a thread of its own.
fn load_defaults() -> Result<SdkConfig, Failure> {
    std::thread::scope(|scope| {
        let loader = std::thread::Builder::new()
            .name("aws-config".to_owned())
            .spawn_scoped(scope, || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .map_err(|e| Failure::NotRun(format!("no Tokio runtime: {e}")))?;
                Ok(runtime.block_on(aws_config::load_defaults(BehaviorVersion::latest())))
            })
            .map_err(|e| Failure::NotRun(format!("no thread: {e}")))?;
        loader.join().map_err(|panic| {
            let message = (panic.downcast_ref::<String>().map(String::as_str))
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("the loader failed");
            Failure::Refused(format!("aws-config: {message}"))
        })?
    })
}
