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

/// The lean loader with these variables (and `HOME` pointing nowhere, so no profile is read).
fn lean_for_ivs(vars: &[(&str, &str)]) -> ConfigBuilder {
    let mut all = vec![
        ("AWS_REGION", "us-west-2"),
        ("AWS_ACCESS_KEY_ID", "AKID"),
        ("AWS_SECRET_ACCESS_KEY", "S"),
        ("HOME", "/nonexistent-home-for-tests"),
    ];
    all.extend_from_slice(vars);
    ConfigBuilder::from_lookup_for(
        &|name| all.iter().rev().find(|(k, _)| *k == name).map(|(_, v)| v.to_string()),
        Some("ivs"),
    )
}

#[test]
fn the_lean_loader_reads_endpoint_and_retry_variables_for_a_service() {
    let plain = lean_for_ivs(&[]).build().unwrap();
    assert_eq!(plain.endpoint_url(), None);
    assert_eq!(plain.max_attempts(), DEFAULT_MAX_ATTEMPTS);
    assert!(!plain.use_fips() && !plain.use_dual_stack());

    let general = lean_for_ivs(&[("AWS_ENDPOINT_URL", "http://127.0.0.1:1")])
        .build()
        .unwrap();
    assert_eq!(general.endpoint_url(), Some("http://127.0.0.1:1"));
    let specific = lean_for_ivs(&[
        ("AWS_ENDPOINT_URL", "http://127.0.0.1:1"),
        ("AWS_ENDPOINT_URL_IVS", "http://127.0.0.1:2"),
    ])
    .build()
    .unwrap();
    assert_eq!(specific.endpoint_url(), Some("http://127.0.0.1:2"));

    let tuned = lean_for_ivs(&[
        ("AWS_MAX_ATTEMPTS", "1"),
        ("AWS_RETRY_MODE", "adaptive"),
        ("AWS_USE_FIPS_ENDPOINT", "true"),
        ("AWS_USE_DUALSTACK_ENDPOINT", "TRUE"),
    ])
    .build()
    .unwrap();
    assert_eq!(tuned.max_attempts(), 1);
    assert!(tuned.use_fips() && tuned.use_dual_stack());

    // `from_env` (no service) reads none of them.
    let vars = [("AWS_ENDPOINT_URL", "http://127.0.0.1:1"), ("AWS_MAX_ATTEMPTS", "1")];
    let unrelated =
        ConfigBuilder::from_lookup(&|name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string()))
            .region("us-west-2")
            .credentials(Credentials::new("AKID", "S", None, None, "test"))
            .build()
            .unwrap();
    assert_eq!(unrelated.endpoint_url(), None);
    assert_eq!(unrelated.max_attempts(), DEFAULT_MAX_ATTEMPTS);
}

#[test]
fn the_lean_loader_refuses_invalid_values_naming_them() {
    for (variable, value, expected) in [
        ("AWS_MAX_ATTEMPTS", "0", "a whole number of at least 1"),
        ("AWS_MAX_ATTEMPTS", "three", "a whole number of at least 1"),
        ("AWS_RETRY_MODE", "eager", "standard, legacy or adaptive"),
        ("AWS_USE_FIPS_ENDPOINT", "yes", "true or false"),
    ] {
        let error = lean_for_ivs(&[(variable, value)]).build().unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("invalid setting: {variable} is {value:?}; expected {expected}")
        );
    }
}

#[test]
fn the_lean_loader_reads_the_profile_after_the_environment() {
    let dir = std::env::temp_dir().join(format!("smithy-runtime-lean-profile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let config_file = dir.join("config");
    std::fs::write(
        &config_file,
        "[default]\nendpoint_url = http://127.0.0.1:3\nmax_attempts = 2\nuse_fips_endpoint = true\n",
    )
    .unwrap();
    let path = config_file.to_string_lossy().into_owned();
    let from_profile = lean_for_ivs(&[("AWS_CONFIG_FILE", &path)]).build().unwrap();
    assert_eq!(from_profile.endpoint_url(), Some("http://127.0.0.1:3"));
    assert_eq!(from_profile.max_attempts(), 2);
    assert!(from_profile.use_fips());
    let overridden = lean_for_ivs(&[("AWS_CONFIG_FILE", &path), ("AWS_MAX_ATTEMPTS", "4")])
        .build()
        .unwrap();
    assert_eq!(overridden.max_attempts(), 4);
    std::fs::remove_dir_all(&dir).unwrap();
}
