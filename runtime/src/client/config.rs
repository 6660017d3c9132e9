//! The client's settings: region, credentials, endpoint, retries, timeouts, validation, the
//! HTTP client, and the switches of the operation traits that change a request.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use aws_credential_types::Credentials;
use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};

use super::endpoint::{Endpoint, Variant};
use super::env;
use super::http_client::HttpClient;
use super::idempotency::IdempotencyTokenProvider;
use super::proxy::{Proxies, ProxyConfig};
use super::request_body::{DEFAULT_REQUEST_MIN_COMPRESSION_SIZE_BYTES, MAX_REQUEST_MIN_COMPRESSION_SIZE_BYTES};
use super::retry::RetryClassifier;
use crate::protocol::Retry;

/// Default total attempts per call (the first one and two retries), as in the AWS SDKs.
pub const DEFAULT_MAX_ATTEMPTS: u32 = 3;
/// Default ceiling of the first retry's random wait; each later retry doubles it.
pub const DEFAULT_INITIAL_BACKOFF: Duration = Duration::from_millis(100);
/// Default cap on any wait between attempts, as in the AWS SDKs.
pub const DEFAULT_MAX_BACKOFF: Duration = Duration::from_secs(20);
/// Default limit on opening a connection (TCP and TLS), as in the AWS SDK for Rust.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_millis(3100);
/// Default limit on one attempt, from sending the request to the end of the response body:
/// IVS control-plane calls answer in well under a second, so this only catches a stuck peer.
pub const DEFAULT_ATTEMPT_TIMEOUT: Duration = Duration::from_secs(30);

/// How the client behaves. Build one with [`Config::builder`] or [`ConfigBuilder::from_env`];
/// it is immutable once built (use [`Config::to_builder`] to derive another).
#[derive(Clone)]
pub struct Config {
    region: String,
    credentials: SharedCredentialsProvider,
    endpoint_url: Option<String>,
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    connect_timeout: Option<Duration>,
    attempt_timeout: Option<Duration>,
    call_timeout: Option<Duration>,
    validate: bool,
    retry_classifier: Option<RetryClassifier>,
    http_client: Option<Arc<dyn HttpClient>>,
    disable_host_prefix: bool,
    disable_request_compression: bool,
    request_min_compression_size_bytes: u32,
    idempotency_token_provider: IdempotencyTokenProvider,
    endpoint_variant: Variant,
    proxy: ProxyConfig,
    root_certificates_pem: Vec<Arc<[u8]>>,
    /// Why every call fails, for a configuration made by [`ConfigBuilder::build_or_fail_calls`].
    problem: Option<ConfigError>,
    /// Built (and checked) once here, so that making a [`super::Handle`] cannot fail.
    tls: Arc<rustls::ClientConfig>,
    /// `proxy` read (from the environment, by default) and checked once here, likewise.
    proxies: Proxies,
}

impl Config {
    /// A builder with every default and neither region nor credentials.
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// A builder holding this configuration's settings.
    pub fn to_builder(&self) -> ConfigBuilder {
        ConfigBuilder {
            region: Some(self.region.clone()),
            credentials: Some(self.credentials.clone()),
            endpoint_url: self.endpoint_url.clone(),
            max_attempts: self.max_attempts,
            initial_backoff: self.initial_backoff,
            max_backoff: self.max_backoff,
            connect_timeout: self.connect_timeout,
            attempt_timeout: self.attempt_timeout,
            call_timeout: self.call_timeout,
            validate: self.validate,
            retry_classifier: self.retry_classifier.clone(),
            http_client: self.http_client.clone(),
            disable_host_prefix: self.disable_host_prefix,
            disable_request_compression: self.disable_request_compression,
            request_min_compression_size_bytes: self.request_min_compression_size_bytes,
            idempotency_token_provider: self.idempotency_token_provider.clone(),
            endpoint_variant: self.endpoint_variant,
            proxy: self.proxy.clone(),
            root_certificates_pem: self.root_certificates_pem.clone(),
            refused: None,
            notes: Vec::new(),
        }
    }

    /// The AWS region, e.g. `us-west-2`: where requests go and what they are signed for.
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The credentials provider.
    pub fn credentials_provider(&self) -> &SharedCredentialsProvider {
        &self.credentials
    }

    /// The endpoint set with [`ConfigBuilder::endpoint_url`]; `None` means the service's
    /// default endpoint for the region.
    pub fn endpoint_url(&self) -> Option<&str> {
        self.endpoint_url.as_deref()
    }

    /// Total attempts per call, the first one included (1 means no retries).
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// Ceiling of the wait before the first retry.
    pub fn initial_backoff(&self) -> Duration {
        self.initial_backoff
    }

    /// Cap on any wait between attempts.
    pub fn max_backoff(&self) -> Duration {
        self.max_backoff
    }

    /// Limit on opening a connection, if any.
    pub fn connect_timeout(&self) -> Option<Duration> {
        self.connect_timeout
    }

    /// Limit on one attempt (request sent, whole response read), if any.
    pub fn attempt_timeout(&self) -> Option<Duration> {
        self.attempt_timeout
    }

    /// Limit on a whole call (every attempt and the waits between them), if any.
    pub fn call_timeout(&self) -> Option<Duration> {
        self.call_timeout
    }

    /// Whether inputs are validated before they are sent.
    pub fn validate(&self) -> bool {
        self.validate
    }

    /// The hook set with [`ConfigBuilder::retry_classifier`], if any.
    pub(crate) fn retry_classifier(&self) -> Option<&RetryClassifier> {
        self.retry_classifier.as_ref()
    }

    /// The HTTP client set with [`ConfigBuilder::http_client`]; `None` means the default.
    pub fn http_client(&self) -> Option<&Arc<dyn HttpClient>> {
        self.http_client.as_ref()
    }

    /// Whether `@endpoint` host prefixes are left off (see [`ConfigBuilder::disable_host_prefix`]).
    pub fn disable_host_prefix(&self) -> bool {
        self.disable_host_prefix
    }

    /// Whether `@requestCompression` is turned off.
    pub fn disable_request_compression(&self) -> bool {
        self.disable_request_compression
    }

    /// The smallest body `@requestCompression` compresses, in bytes.
    pub fn request_min_compression_size_bytes(&self) -> u32 {
        self.request_min_compression_size_bytes
    }

    /// What makes the tokens of unset `@idempotencyToken` members.
    pub fn idempotency_token_provider(&self) -> &IdempotencyTokenProvider {
        &self.idempotency_token_provider
    }

    /// Whether the default endpoint is the FIPS one.
    pub fn use_fips(&self) -> bool {
        self.endpoint_variant.fips
    }

    /// Whether the default endpoint is the dual-stack (IPv6 and IPv4) one.
    pub fn use_dual_stack(&self) -> bool {
        self.endpoint_variant.dual_stack
    }

    pub(crate) fn endpoint_variant(&self) -> Variant {
        self.endpoint_variant
    }

    /// Why every call fails, when the settings this configuration was made from cannot work.
    pub(crate) fn problem(&self) -> Option<&ConfigError> {
        self.problem.as_ref()
    }

    /// The proxies of the default HTTP client, as given (see [`ConfigBuilder::proxy`]).
    pub fn proxy(&self) -> &ProxyConfig {
        &self.proxy
    }

    pub(crate) fn tls(&self) -> &rustls::ClientConfig {
        &self.tls
    }

    pub(crate) fn proxies(&self) -> &Proxies {
        &self.proxies
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The credentials provider's Debug does not show secrets (Credentials redacts them);
        // the TLS configuration is left out as noise.
        f.debug_struct("Config")
            .field("region", &self.region)
            .field("credentials", &self.credentials)
            .field("endpoint_url", &self.endpoint_url)
            .field("max_attempts", &self.max_attempts)
            .field("initial_backoff", &self.initial_backoff)
            .field("max_backoff", &self.max_backoff)
            .field("connect_timeout", &self.connect_timeout)
            .field("attempt_timeout", &self.attempt_timeout)
            .field("call_timeout", &self.call_timeout)
            .field("validate", &self.validate)
            .field("retry_classifier", &self.retry_classifier)
            .field("http_client", &self.http_client)
            .field("disable_host_prefix", &self.disable_host_prefix)
            .field("disable_request_compression", &self.disable_request_compression)
            .field(
                "request_min_compression_size_bytes",
                &self.request_min_compression_size_bytes,
            )
            .field("endpoint_variant", &self.endpoint_variant)
            .field("proxy", &self.proxy)
            .field("root_certificates_pem", &self.root_certificates_pem.len())
            .field("problem", &self.problem)
            .finish_non_exhaustive()
    }
}

/// Builds a [`Config`]. Region and credentials are required; everything else has a default.
#[derive(Debug, Clone)]
pub struct ConfigBuilder {
    region: Option<String>,
    credentials: Option<SharedCredentialsProvider>,
    endpoint_url: Option<String>,
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    connect_timeout: Option<Duration>,
    attempt_timeout: Option<Duration>,
    call_timeout: Option<Duration>,
    validate: bool,
    retry_classifier: Option<RetryClassifier>,
    http_client: Option<Arc<dyn HttpClient>>,
    disable_host_prefix: bool,
    disable_request_compression: bool,
    request_min_compression_size_bytes: u32,
    idempotency_token_provider: IdempotencyTokenProvider,
    endpoint_variant: Variant,
    proxy: ProxyConfig,
    root_certificates_pem: Vec<Arc<[u8]>>,
    /// What [`ConfigBuilder::build`] reports whatever else is set: a setting of the
    /// environment that the loader refused.
    refused: Option<ConfigError>,
    /// Why [`ConfigBuilder::from_env`] passed over a source, to explain a missing setting.
    notes: Vec<String>,
}

impl Default for ConfigBuilder {
    fn default() -> Self {
        ConfigBuilder {
            region: None,
            credentials: None,
            endpoint_url: None,
            max_attempts: DEFAULT_MAX_ATTEMPTS,
            initial_backoff: DEFAULT_INITIAL_BACKOFF,
            max_backoff: DEFAULT_MAX_BACKOFF,
            connect_timeout: Some(DEFAULT_CONNECT_TIMEOUT),
            attempt_timeout: Some(DEFAULT_ATTEMPT_TIMEOUT),
            call_timeout: None,
            validate: true,
            retry_classifier: None,
            http_client: None,
            disable_host_prefix: false,
            disable_request_compression: false,
            request_min_compression_size_bytes: DEFAULT_REQUEST_MIN_COMPRESSION_SIZE_BYTES,
            idempotency_token_provider: IdempotencyTokenProvider::default(),
            endpoint_variant: Variant::default(),
            proxy: ProxyConfig::default(),
            root_certificates_pem: Vec::new(),
            refused: None,
            notes: Vec::new(),
        }
    }
}

impl ConfigBuilder {
    /// A builder with the region and static credentials found in the environment and the
    /// shared AWS files, the way the AWS CLI finds them:
    ///
    /// - region: `AWS_REGION`, else `AWS_DEFAULT_REGION`, else the profile's `region`;
    /// - credentials: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`,
    ///   else the profile's `aws_access_key_id`, `aws_secret_access_key` and
    ///   `aws_session_token`;
    /// - the profile is `AWS_PROFILE` (default `default`): section `[name]` of the
    ///   credentials file (`AWS_SHARED_CREDENTIALS_FILE`, default `~/.aws/credentials`),
    ///   then section `[profile name]` (or `[default]`) of the config file
    ///   (`AWS_CONFIG_FILE`, default `~/.aws/config`).
    ///
    /// What is not found is left unset, and [`ConfigBuilder::build`] says where it looked.
    /// Roles, SSO and `credential_process` profiles are not read here: with feature
    /// `aws-config`, [`ConfigBuilder::from_env_for`] (what a generated `Client::from_env`
    /// calls) reads them all; otherwise pass a provider to
    /// [`ConfigBuilder::credentials_provider`].
    pub fn from_env() -> Self {
        Self::from_lookup(&|name| std::env::var(name).ok())
    }

    /// A builder from the environment for a client of `service`. Without feature
    /// `aws-config`: what [`ConfigBuilder::from_env`] reads, plus, as the AWS SDKs read them,
    /// the endpoint (`AWS_ENDPOINT_URL_<SERVICE>`, e.g. `AWS_ENDPOINT_URL_IVS`, then
    /// `AWS_ENDPOINT_URL`, then the profile's `endpoint_url`), `AWS_MAX_ATTEMPTS`,
    /// `AWS_RETRY_MODE` (`standard`, `legacy` and `adaptive` all get this client's standard
    /// retries), `AWS_USE_FIPS_ENDPOINT` and `AWS_USE_DUALSTACK_ENDPOINT` (each variable
    /// before its profile key: `max_attempts`, `retry_mode`, `use_fips_endpoint`,
    /// `use_dualstack_endpoint`). An invalid value makes [`ConfigBuilder::build`] fail,
    /// naming it.
    #[cfg(not(feature = "aws-config"))]
    pub fn from_env_for(service: &super::ServiceInfo) -> Self {
        Self::from_lookup_for(&|name| std::env::var(name).ok(), Some(service.sdk_id))
    }

    /// Makes [`ConfigBuilder::build`] fail with `error`.
    pub(crate) fn refuse(mut self, error: ConfigError) -> Self {
        self.refused = Some(error);
        self
    }

    /// Adds a reason a source was passed over, shown if a setting turns out missing.
    #[cfg_attr(not(feature = "aws-config"), allow(dead_code))]
    pub(crate) fn note(mut self, note: String) -> Self {
        self.notes.push(note);
        self
    }

    /// [`ConfigBuilder::from_env`] with `lookup` for environment variables.
    pub(crate) fn from_lookup(lookup: &dyn Fn(&str) -> Option<String>) -> Self {
        Self::from_lookup_for(lookup, None)
    }

    /// The lean `from_env_for` with `lookup` for environment variables; `service` is the SDK
    /// id, `None` for what [`ConfigBuilder::from_env`] reads.
    pub(crate) fn from_lookup_for(lookup: &dyn Fn(&str) -> Option<String>, service: Option<&str>) -> Self {
        let settings = env::load_for(lookup, service);
        let defaults = ConfigBuilder::default();
        let builder = ConfigBuilder {
            region: settings.region,
            credentials: settings.credentials.map(SharedCredentialsProvider::new),
            endpoint_url: settings.endpoint_url,
            max_attempts: settings.max_attempts.unwrap_or(defaults.max_attempts),
            endpoint_variant: Variant {
                fips: settings.use_fips.unwrap_or(false),
                dual_stack: settings.use_dual_stack.unwrap_or(false),
            },
            notes: settings.notes,
            ..defaults
        };
        match settings.refused {
            Some(reason) => builder.refuse(ConfigError::InvalidSetting(reason)),
            None => builder,
        }
    }

    /// The AWS region, e.g. `us-west-2`.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Fixed credentials.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(SharedCredentialsProvider::new(credentials));
        self
    }

    /// A credentials provider, e.g. `aws-config`'s default chain. What it returns is reused
    /// until shortly before it expires.
    pub fn credentials_provider(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.credentials = Some(SharedCredentialsProvider::new(provider));
        self
    }

    /// Where to send requests instead of `https://{endpoint_prefix}.{region}.amazonaws.com`:
    /// `http://` or `https://`, a host, an optional port and an optional path prefix
    /// (operation paths are appended to it), e.g. `http://127.0.0.1:8080`. An operation's
    /// `@endpoint` host prefix goes in front of this host too, as the spec says; see
    /// [`ConfigBuilder::disable_host_prefix`] for a server that has no such names.
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.endpoint_url = Some(url.into());
        self
    }

    /// Total attempts per call, the first one included (default 3; 1 disables retries).
    pub fn max_attempts(mut self, max_attempts: u32) -> Self {
        self.max_attempts = max_attempts;
        self
    }

    /// Ceiling of the random wait before the first retry (default 100 ms); retry `n` waits
    /// up to `initial_backoff * 2^n`, capped by [`ConfigBuilder::max_backoff`].
    pub fn initial_backoff(mut self, initial_backoff: Duration) -> Self {
        self.initial_backoff = initial_backoff;
        self
    }

    /// A hook that can make an error response retryable: called with the status and the
    /// error code of every error response, before anything else decides; `Some` retries the
    /// call (subject to [`ConfigBuilder::max_attempts`] and the retry quota) with that kind of
    /// backoff, `None` leaves the decision to the model's `@retryable` traits and then to the
    /// standard fallback (throttling and transient codes, 429 and 5xx but 501).
    ///
    /// ```
    /// use smithy_runtime::client::Config;
    /// use smithy_runtime::protocol::Retry;
    ///
    /// // This service answers 409 ConflictException while a resource settles: try again.
    /// let builder = Config::builder()
    ///     .retry_classifier(|status, code| (status == 409 && code == "ConflictException").then_some(Retry::Transient));
    /// # let _ = builder;
    /// ```
    pub fn retry_classifier(mut self, classify: impl Fn(u16, &str) -> Option<Retry> + Send + Sync + 'static) -> Self {
        self.retry_classifier = Some(RetryClassifier::new(classify));
        self
    }

    /// Cap on any wait between attempts (default 20 s).
    pub fn max_backoff(mut self, max_backoff: Duration) -> Self {
        self.max_backoff = max_backoff;
        self
    }

    /// Limit on opening a connection (default 3.1 s); `None` for no limit.
    pub fn connect_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.connect_timeout = timeout.into();
        self
    }

    /// Limit on one attempt, from sending the request to the end of the response (default
    /// 30 s); an attempt that times out is retried. `None` for no limit.
    pub fn attempt_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.attempt_timeout = timeout.into();
        self
    }

    /// Limit on a whole call, every attempt and wait included (default none: a call is then
    /// bounded by `max_attempts` times the attempt timeout plus the backoffs).
    pub fn call_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.call_timeout = timeout.into();
        self
    }

    /// Whether to validate inputs against the model's constraints before sending them
    /// (default `true`). Turn it off when the service has loosened a constraint that this
    /// client's model does not know about yet; the service still validates.
    pub fn validate(mut self, validate: bool) -> Self {
        self.validate = validate;
        self
    }

    /// The HTTP client that sends requests, instead of the default (hyper's HTTP/1.1 client
    /// over rustls with Mozilla's roots). See [`HttpClient`] for what it gets and returns.
    /// The default's [`proxy`](ConfigBuilder::proxy) and
    /// [root certificates](ConfigBuilder::add_root_certificates_pem) do not apply to it.
    pub fn http_client(mut self, client: impl HttpClient + 'static) -> Self {
        self.http_client = Some(Arc::new(client));
        self
    }

    /// The proxies the default HTTP client goes through (default
    /// [`ProxyConfig::from_env`]: `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY`,
    /// read by [`ConfigBuilder::build`]); [`ProxyConfig::disabled`] for none.
    pub fn proxy(mut self, proxy: ProxyConfig) -> Self {
        self.proxy = proxy;
        self
    }

    /// Trusts the CA certificates in `pem` (one or more `-----BEGIN CERTIFICATE-----` blocks),
    /// besides Mozilla's roots (and the operating system's, with feature `native-roots`): a
    /// corporate TLS-inspecting proxy's CA, or a private endpoint's. Each call adds more;
    /// [`ConfigBuilder::build`] fails if a PEM holds no usable certificate.
    ///
    /// ```no_run
    /// use smithy_runtime::client::Config;
    ///
    /// # fn demo() -> Result<(), Box<dyn std::error::Error>> {
    /// let builder = Config::builder().add_root_certificates_pem(std::fs::read("corporate-ca.pem")?);
    /// # let _ = builder;
    /// # Ok(())
    /// # }
    /// ```
    pub fn add_root_certificates_pem(mut self, pem: impl AsRef<[u8]>) -> Self {
        self.root_certificates_pem.push(Arc::from(pem.as_ref()));
        self
    }

    /// Leaves `@endpoint` host prefixes off (default `false`): requests of every operation go
    /// to the endpoint's host as it is, e.g. to a local server that does not answer to
    /// `data.localhost`. Members bound to host labels are still sent wherever else the model
    /// binds them.
    pub fn disable_host_prefix(mut self, disable: bool) -> Self {
        self.disable_host_prefix = disable;
        self
    }

    /// Turns `@requestCompression` off (default `false`: operations with the trait send
    /// large bodies gzipped).
    pub fn disable_request_compression(mut self, disable: bool) -> Self {
        self.disable_request_compression = disable;
        self
    }

    /// The smallest body, in bytes, that `@requestCompression` compresses (default 10240;
    /// 0 to 10485760, as the spec bounds it: [`ConfigBuilder::build`] refuses more).
    pub fn request_min_compression_size_bytes(mut self, bytes: u32) -> Self {
        self.request_min_compression_size_bytes = bytes;
        self
    }

    /// What makes the value of an `@idempotencyToken` member the caller left unset (default:
    /// a random UUID). One token is made per call and every retry sends it again.
    ///
    /// ```
    /// use smithy_runtime::client::Config;
    ///
    /// // Reproducible requests in a test.
    /// let builder = Config::builder().idempotency_token_provider(|| "00000000-0000-4000-8000-000000000000".to_owned());
    /// # let _ = builder;
    /// ```
    pub fn idempotency_token_provider(mut self, make: impl Fn() -> String + Send + Sync + 'static) -> Self {
        self.idempotency_token_provider = IdempotencyTokenProvider::new(make);
        self
    }

    /// Whether to use the FIPS variant of the service's default endpoint,
    /// `https://{endpoint_prefix}-fips.{region}.amazonaws.com` (default `false`; an
    /// [`endpoint_url`](ConfigBuilder::endpoint_url) is used as given).
    pub fn use_fips(mut self, use_fips: bool) -> Self {
        self.endpoint_variant.fips = use_fips;
        self
    }

    /// Whether to use the dual-stack (IPv6 and IPv4) variant of the service's default
    /// endpoint, `https://{endpoint_prefix}.{region}.api.aws` (default `false`; an
    /// [`endpoint_url`](ConfigBuilder::endpoint_url) is used as given).
    pub fn use_dual_stack(mut self, use_dual_stack: bool) -> Self {
        self.endpoint_variant.dual_stack = use_dual_stack;
        self
    }

    /// The configuration, never failing: when [`ConfigBuilder::build`] would refuse the
    /// settings, each setting it refuses is replaced by a harmless one and every call made
    /// with the configuration fails with the reason ([`Error::Config`](super::Error::Config)).
    /// That is how `aws-sdk-*` clients made from an `SdkConfig` without a region behave, and
    /// what `Client::new(&sdk_config)` needs, since it cannot return an error.
    #[cfg(feature = "sdk-config")]
    pub(crate) fn build_or_fail_calls(self) -> Config {
        let problem = match self.clone().build() {
            Ok(config) => return config,
            Err(problem) => problem,
        };
        let mut usable = self;
        usable.refused = None;
        usable.region = Some(
            usable
                .region
                .filter(|region| is_valid_region(region))
                .unwrap_or_else(|| "no-region".to_owned()),
        );
        if usable.credentials.is_none() {
            // Never asked: the problem fails every call first.
            usable = usable.credentials(Credentials::new("", "", None, None, "none"));
        }
        if usable
            .endpoint_url
            .as_deref()
            .is_some_and(|url| Endpoint::parse(url).is_err())
        {
            usable.endpoint_url = None;
        }
        usable.max_attempts = usable.max_attempts.max(1);
        if usable.proxy.resolve().is_err() {
            usable.proxy = ProxyConfig::disabled();
        }
        if super::trust::tls_config(&usable.root_certificates_pem).is_err() {
            usable.root_certificates_pem.clear();
        }
        usable.request_min_compression_size_bytes = usable
            .request_min_compression_size_bytes
            .min(MAX_REQUEST_MIN_COMPRESSION_SIZE_BYTES);
        for timeout in [
            &mut usable.connect_timeout,
            &mut usable.attempt_timeout,
            &mut usable.call_timeout,
        ] {
            if *timeout == Some(Duration::ZERO) {
                *timeout = None;
            }
        }
        #[allow(
            clippy::expect_used,
            reason = "every setting build() checks was made valid above (an unusable proxy or certificate was \
                      dropped); the TLS set-up left cannot fail with ring's provider (it supports TLS 1.2 and 1.3)"
        )]
        let mut config = usable.build().expect("valid settings");
        config.problem = Some(problem);
        config
    }

    /// The configuration, or what is missing or wrong.
    pub fn build(self) -> Result<Config, ConfigError> {
        if let Some(error) = self.refused {
            return Err(error);
        }
        let notes = self.notes;
        let region = self
            .region
            .ok_or_else(|| ConfigError::MissingRegion { notes: notes.clone() })?;
        if !is_valid_region(&region) {
            return Err(ConfigError::InvalidRegion(region));
        }
        let credentials = self.credentials.ok_or(ConfigError::MissingCredentials { notes })?;
        if let Some(url) = &self.endpoint_url {
            Endpoint::parse(url).map_err(|reason| ConfigError::InvalidEndpoint {
                url: url.clone(),
                reason,
            })?;
        }
        if self.max_attempts == 0 {
            return Err(ConfigError::InvalidMaxAttempts);
        }
        if self.request_min_compression_size_bytes > MAX_REQUEST_MIN_COMPRESSION_SIZE_BYTES {
            return Err(ConfigError::InvalidMinCompressionSize(
                self.request_min_compression_size_bytes,
            ));
        }
        for (name, timeout) in [
            ("connect_timeout", self.connect_timeout),
            ("attempt_timeout", self.attempt_timeout),
            ("call_timeout", self.call_timeout),
        ] {
            if timeout == Some(Duration::ZERO) {
                return Err(ConfigError::ZeroTimeout(name));
            }
        }
        let tls = super::trust::tls_config(&self.root_certificates_pem)?;
        let proxies = self.proxy.resolve()?;
        Ok(Config {
            region,
            credentials,
            endpoint_url: self.endpoint_url,
            max_attempts: self.max_attempts,
            initial_backoff: self.initial_backoff,
            max_backoff: self.max_backoff,
            connect_timeout: self.connect_timeout,
            attempt_timeout: self.attempt_timeout,
            call_timeout: self.call_timeout,
            validate: self.validate,
            retry_classifier: self.retry_classifier,
            http_client: self.http_client,
            disable_host_prefix: self.disable_host_prefix,
            disable_request_compression: self.disable_request_compression,
            request_min_compression_size_bytes: self.request_min_compression_size_bytes,
            idempotency_token_provider: self.idempotency_token_provider,
            endpoint_variant: self.endpoint_variant,
            proxy: self.proxy,
            root_certificates_pem: self.root_certificates_pem,
            problem: None,
            tls: Arc::new(tls),
            proxies,
        })
    }
}

/// A region is a DNS label or a few of them (`us-west-2`, `eu-isoe-west-1`): it goes into
/// the default endpoint's host name and the signature's scope.
fn is_valid_region(region: &str) -> bool {
    !region.is_empty()
        && region.len() <= 63
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !region.starts_with('-')
        && !region.ends_with('-')
}

mod error;
pub use error::ConfigError;

#[cfg(test)]
mod tests;
