//! The configuration's defaults, checks and messages.

use super::*;

fn base() -> ConfigBuilder {
    Config::builder()
        .region("us-west-2")
        .credentials(Credentials::new("AKID", "SECRET", None, None, "test"))
}

#[test]
fn defaults() {
    let config = base().build().unwrap();
    assert_eq!(config.region(), "us-west-2");
    assert_eq!(config.max_attempts(), 3);
    assert_eq!(config.initial_backoff(), DEFAULT_INITIAL_BACKOFF);
    assert_eq!(config.max_backoff(), Duration::from_secs(20));
    assert_eq!(config.connect_timeout(), Some(DEFAULT_CONNECT_TIMEOUT));
    assert_eq!(config.attempt_timeout(), Some(DEFAULT_ATTEMPT_TIMEOUT));
    assert_eq!(config.call_timeout(), None);
    assert!(config.validate());
    assert_eq!(config.endpoint_url(), None);
    let again = config
        .to_builder()
        .validate(false)
        .attempt_timeout(None)
        .build()
        .unwrap();
    assert!(!again.validate());
    assert_eq!(again.attempt_timeout(), None);
    assert_eq!(again.region(), "us-west-2");
}

#[test]
fn missing_and_invalid_settings_are_explained() {
    let error = Config::builder()
        .credentials(Credentials::new("A", "B", None, None, "test"))
        .build()
        .unwrap_err();
    assert!(matches!(error, ConfigError::MissingRegion { .. }));
    assert!(error.to_string().starts_with("no region configured"), "{error}");
    let error = Config::builder().region("us-west-2").build().unwrap_err();
    assert!(error.to_string().contains("AWS_ACCESS_KEY_ID"), "{error}");
    let error = base().region("US West").build().unwrap_err();
    assert_eq!(error, ConfigError::InvalidRegion("US West".into()));
    let error = base().endpoint_url("ftp://example.com").build().unwrap_err();
    assert!(matches!(error, ConfigError::InvalidEndpoint { .. }), "{error}");
    assert_eq!(
        base().max_attempts(0).build().unwrap_err(),
        ConfigError::InvalidMaxAttempts
    );
    assert_eq!(
        base().call_timeout(Duration::ZERO).build().unwrap_err(),
        ConfigError::ZeroTimeout("call_timeout")
    );
    assert!(base().endpoint_url("http://127.0.0.1:9").build().is_ok());
}

#[test]
fn from_env_notes_explain_missing_settings() {
    let builder = ConfigBuilder::from_lookup(&|name| (name == "AWS_ACCESS_KEY_ID").then(|| "AKID".to_owned()));
    let error = builder.region("us-east-1").build().unwrap_err();
    assert_eq!(
        error.to_string(),
        "no credentials configured: call ConfigBuilder::credentials or credentials_provider, or set \
         AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add aws_access_key_id and aws_secret_access_key \
         to the profile in ~/.aws/credentials; AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"
    );
    let vars = [
        ("AWS_REGION", "eu-west-1"),
        ("AWS_ACCESS_KEY_ID", "AKID"),
        ("AWS_SECRET_ACCESS_KEY", "S"),
    ];
    let config = ConfigBuilder::from_lookup(&|name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string()))
        .max_attempts(1)
        .build()
        .unwrap();
    assert_eq!(config.region(), "eu-west-1");
    assert_eq!(config.max_attempts(), 1);
}

#[test]
fn debug_shows_no_secret() {
    let config = base()
        .credentials(Credentials::new(
            "AKID",
            "TOPSECRET",
            Some("TOKEN".into()),
            None,
            "test",
        ))
        .build();
    let text = format!("{:?}", config.unwrap());
    assert!(!text.contains("TOPSECRET") && !text.contains("TOKEN"), "{text}");
}

#[test]
fn request_changing_switches_have_the_specs_defaults_and_bounds() {
    let config = base().build().unwrap();
    assert!(!config.disable_host_prefix());
    assert!(!config.disable_request_compression());
    assert_eq!(config.request_min_compression_size_bytes(), 10_240);
    assert!(config.http_client().is_none());
    assert_eq!(
        uuid::Uuid::parse_str(&config.idempotency_token_provider().token())
            .unwrap()
            .get_version_num(),
        4
    );
    let config = base()
        .disable_host_prefix(true)
        .disable_request_compression(true)
        .request_min_compression_size_bytes(0)
        .idempotency_token_provider(|| "fixed".to_owned())
        .build()
        .unwrap();
    let again = config.to_builder().build().unwrap();
    assert!(again.disable_host_prefix() && again.disable_request_compression());
    assert_eq!(again.request_min_compression_size_bytes(), 0);
    assert_eq!(again.idempotency_token_provider().token(), "fixed");
    assert!(base().request_min_compression_size_bytes(10_485_760).build().is_ok());
    let error = base()
        .request_min_compression_size_bytes(10_485_761)
        .build()
        .unwrap_err();
    assert_eq!(error, ConfigError::InvalidMinCompressionSize(10_485_761));
    assert_eq!(
        error.to_string(),
        "request_min_compression_size_bytes is 10485761; it must be between 0 and 10485760 bytes"
    );
}
