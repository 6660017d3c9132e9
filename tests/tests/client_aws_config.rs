//! The client in AWS environments: `Client::new(&SdkConfig)` and `Client::from_env()` through
//! `aws-config`'s default chains, each ending in a call that ivs-local (with SigV4 verification
//! on) accepts.
//!
//! `aws-config` reads the process environment and files, and its injectable environment is
//! crate-private, so every `from_env` case runs `probe` (below) in a child process with an
//! environment of its own (cleared, then set by the case): tests running in parallel never
//! change each other's environment. The fakes of the instance metadata service, of the
//! container credentials endpoint (ECS, and EKS Pod Identity with its token file) and of the
//! SSO portal are small axum servers on 127.0.0.1, started and stopped by each test.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use aws_config::retry::RetryConfig;
use aws_config::timeout::TimeoutConfig;
use aws_types::SdkConfig;
use aws_types::region::Region;
use axum::Router;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{any, get, put};
use ivs_client::{Client, Credentials, Error};
use ivs_server::{Auth, ServerConfig};
use smithy_runtime::client::{ProvideCredentials, SharedCredentialsProvider};

mod support;

const REGION: &str = "us-west-2";

/// A server on 127.0.0.1 that is stopped when dropped.
struct Server {
    url: String,
    task: tokio::task::JoinHandle<()>,
}

impl Server {
    async fn start(app: Router) -> Server {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let url = format!("http://{}", listener.local_addr().expect("local address"));
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.expect("server");
        });
        Server { url, task }
    }

    /// ivs-local, accepting only requests signed with one of `keys`.
    async fn ivs_local(keys: &[(&str, &str)]) -> Server {
        let emulator = ivs_local::Emulator::open(ivs_local::Settings::default()).expect("in-memory emulator");
        let auth = Auth::new(REGION, "ivs").keys(keys.iter().copied());
        Server::start(emulator.into_router(ServerConfig::default().with_auth(auth))).await
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A server answering every request with 500, counting them and keeping the last
/// `authorization` header.
async fn failing_server() -> (Server, Arc<AtomicU32>, Arc<std::sync::Mutex<String>>) {
    let hits = Arc::new(AtomicU32::new(0));
    let authorization = Arc::new(std::sync::Mutex::new(String::new()));
    let (counter, seen) = (hits.clone(), authorization.clone());
    let app = Router::new().fallback(any(move |headers: HeaderMap| {
        let (counter, seen) = (counter.clone(), seen.clone());
        async move {
            counter.fetch_add(1, Ordering::SeqCst);
            let value = headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("");
            *seen.lock().unwrap() = value.to_owned();
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                [("x-amzn-errortype", "InternalServerException")],
                "{}",
            )
        }
    }));
    (Server::start(app).await, hits, authorization)
}

fn sdk_config(url: &str) -> aws_types::sdk_config::Builder {
    SdkConfig::builder()
        .region(Region::new("us-east-2"))
        .credentials_provider(SharedCredentialsProvider::new(Credentials::new(
            "AKIDSDK",
            "sdk-secret",
            None,
            None,
            "test",
        )))
        .endpoint_url(url)
}

#[tokio::test]
async fn sdk_config_region_endpoint_retries_and_timeouts_reach_the_wire() {
    let (server, hits, authorization) = failing_server().await;
    let retry = RetryConfig::standard()
        .with_max_attempts(2)
        .with_initial_backoff(Duration::from_millis(1));
    let config = sdk_config(&server.url).retry_config(retry).build();
    let client = Client::new(&config);
    let error = client.list_channels().send().await.unwrap_err();
    assert_eq!(error.attempts(), 2, "{error}");
    assert_eq!(hits.load(Ordering::SeqCst), 2);
    let header = authorization.lock().unwrap().clone();
    assert!(
        header.contains("Credential=AKIDSDK/") && header.contains("/us-east-2/ivs/aws4_request"),
        "{header}"
    );

    // The attempt timeout: a server that never answers, one attempt of 200 ms.
    let silent = Server::start(Router::new().fallback(any(|| async {
        tokio::time::sleep(Duration::from_secs(30)).await;
        ""
    })))
    .await;
    let timeouts = TimeoutConfig::builder()
        .operation_attempt_timeout(Duration::from_millis(200))
        .build();
    let config = sdk_config(&silent.url)
        .retry_config(RetryConfig::disabled())
        .timeout_config(timeouts)
        .build();
    let client = Client::new(&config);
    assert_eq!(client.config().attempt_timeout(), Some(Duration::from_millis(200)));
    let started = std::time::Instant::now();
    let error = client.list_channels().send().await.unwrap_err();
    assert!(matches!(error, Error::Timeout(_)), "{error}");
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
}

#[tokio::test]
async fn sdk_config_keys_sign_a_call_ivs_local_accepts() {
    let local = Server::ivs_local(&[("AKIDSDK", "sdk-secret")]).await;
    let config = sdk_config(&local.url).region(Region::new(REGION)).build();
    let client = Client::new(&config);
    let created = client
        .create_channel()
        .name("from-sdk-config")
        .send()
        .await
        .expect("signed call accepted");
    assert!(created.channel.and_then(|c| c.arn).is_some());
    let again = Client::new(&config);
    again.list_channels().send().await.expect("signed call accepted");
}

#[tokio::test]
async fn an_incomplete_sdk_config_makes_a_client_whose_calls_say_what_is_missing() {
    let (server, hits, _) = failing_server().await;
    let no_region = SdkConfig::builder().endpoint_url(&server.url).build();
    let error = Client::new(&no_region).list_channels().send().await.unwrap_err();
    assert!(matches!(error, Error::Config(_)), "{error}");
    assert!(error.to_string().contains("no region configured"), "{error}");
    assert_eq!(error.attempts(), 0);

    let no_credentials = SdkConfig::builder()
        .region(Region::new(REGION))
        .endpoint_url(&server.url)
        .build();
    let error = Client::new(&no_credentials).list_channels().send().await.unwrap_err();
    assert!(error.to_string().contains("no credentials configured"), "{error}");

    let bad_endpoint = sdk_config("ftp://example.com").build();
    let error = Client::new(&bad_endpoint).list_channels().send().await.unwrap_err();
    assert!(error.to_string().contains("invalid endpoint URL"), "{error}");
    assert_eq!(hits.load(Ordering::SeqCst), 0, "nothing is sent");
}

#[test]
fn fips_and_dual_stack_from_the_sdk_config() {
    let config = SdkConfig::builder()
        .region(Region::new(REGION))
        .use_fips(true)
        .use_dual_stack(true)
        .build();
    let client = Client::new(&config);
    assert!(client.config().use_fips() && client.config().use_dual_stack());
    assert_eq!(client.config().endpoint_url(), None);
}

// ---- from_env in a child process ----

/// Run by the other tests in a child process (`--ignored --exact probe`), with the environment
/// they set: `Client::from_env()`, then `IVS_PROBE_CALLS` calls (default 1), each reported on
/// a line starting with `PROBE`.
#[tokio::test]
#[ignore = "a child process of the from_env tests, which set its environment; not a test alone"]
async fn probe() {
    assert_child();
    let client = match Client::from_env() {
        Ok(client) => client,
        Err(error) => {
            println!("PROBE config-error {error}");
            return;
        }
    };
    let config = client.config();
    println!(
        "PROBE settings fips={} dual_stack={} max_attempts={} endpoint={}",
        config.use_fips(),
        config.use_dual_stack(),
        config.max_attempts(),
        config.endpoint_url().unwrap_or("default"),
    );
    let calls: u32 = std::env::var("IVS_PROBE_CALLS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    for _ in 0..calls {
        match client.list_channels().send().await {
            Ok(_) => println!("PROBE call ok"),
            Err(error) => println!("PROBE call error attempts={} {error}", error.attempts()),
        }
    }
}

/// Run by the STS tests in a child process: `Client::from_env()`, then its credentials
/// provider asked once (the chain calls moto's STS), then a call signed with those keys to an
/// ivs-local started here, which knows them only now (STS makes up new keys at each request).
#[tokio::test]
#[ignore = "a child process of the STS tests, which set its environment; not a test alone"]
async fn probe_sts() {
    assert_child();
    let client = Client::from_env().expect("AWS_REGION is set");
    let credentials = match client.config().credentials_provider().provide_credentials().await {
        Ok(credentials) => credentials,
        Err(error) => {
            let mut message = error.to_string();
            let mut source = std::error::Error::source(&error);
            while let Some(cause) = source {
                message.push_str(&format!(": {cause}"));
                source = cause.source();
            }
            println!("PROBE credentials-error {message}");
            return;
        }
    };
    // The provider's name is only in the Debug text (which redacts the secret).
    let debug = format!("{credentials:?}");
    let provider = debug
        .split("provider_name: \"")
        .nth(1)
        .and_then(|rest| rest.split('"').next());
    println!(
        "PROBE credentials from {} session_token={}",
        provider.unwrap_or("?"),
        credentials.session_token().is_some()
    );
    let local = Server::ivs_local(&[(credentials.access_key_id(), credentials.secret_access_key())]).await;
    let config = client
        .config()
        .to_builder()
        .credentials(credentials)
        .endpoint_url(&local.url);
    let client = Client::new(config.build().expect("complete configuration"));
    match client.list_channels().send().await {
        Ok(_) => println!("PROBE call ok"),
        Err(error) => println!("PROBE call error attempts={} {error}", error.attempts()),
    }
}

/// Stops a probe run by hand (`cargo test -- --ignored`): with the real environment it would
/// call the real service.
fn assert_child() {
    assert!(
        std::env::var_os("IVS_PROBE_CHILD").is_some(),
        "the probes run as child processes of the from_env tests, with the environment they set"
    );
}

/// An empty home folder for one child, so no real `~/.aws` is read; removed when dropped.
struct Home(PathBuf);

impl std::ops::Deref for Home {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for Home {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn empty_home(name: &str) -> Home {
    let dir = std::env::temp_dir().join(format!("ivs-aws-config-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join(".aws")).expect("temp home");
    Home(dir)
}

/// Runs `probe` in a child process with only `vars` (and `PATH`, a `HOME` without AWS files,
/// the region, and instance metadata off unless `vars` says otherwise; an empty value removes
/// a variable); returns its `PROBE` lines.
async fn run_probe(home: &std::path::Path, vars: &[(&str, &str)]) -> Vec<String> {
    run_child("probe", home, vars).await
}

/// [`run_probe`] for the child test `name`.
async fn run_child(name: &str, home: &std::path::Path, vars: &[(&str, &str)]) -> Vec<String> {
    let mut command = tokio::process::Command::new(std::env::current_exe().expect("test binary"));
    command
        .args(["--ignored", "--exact", name, "--nocapture", "--test-threads=1"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", home)
        .env("AWS_REGION", REGION)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("IVS_PROBE_CHILD", "1")
        .kill_on_drop(true);
    for (name, value) in vars {
        if value.is_empty() {
            command.env_remove(name);
        } else {
            command.env(name, value);
        }
    }
    let output = tokio::time::timeout(Duration::from_secs(60), command.output())
        .await
        .expect("the probe finishes within a minute")
        .expect("run the probe");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "probe failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // libtest may print `test probe ... ` on the same line, before the probe's first line.
    let lines: Vec<String> = stdout
        .lines()
        .filter_map(|line| line.find("PROBE").map(|at| line[at..].to_owned()))
        .collect();
    assert!(!lines.is_empty(), "the probe did not run:\n{stdout}");
    lines
}

fn calls(lines: &[String]) -> Vec<&str> {
    lines.iter().filter_map(|l| l.strip_prefix("PROBE call ")).collect()
}

#[tokio::test]
async fn imds_v2_credentials() {
    let local = Server::ivs_local(&[("AKIDIMDS", "imds-secret")]).await;
    let token_requests = Arc::new(AtomicU32::new(0));
    let counter = token_requests.clone();
    let authorized = |headers: &HeaderMap| {
        headers
            .get("x-aws-ec2-metadata-token")
            .is_some_and(|t| t == "imds-token")
    };
    let app = Router::new()
        .route(
            "/latest/api/token",
            put(move |headers: HeaderMap| {
                let counter = counter.clone();
                async move {
                    counter.fetch_add(1, Ordering::SeqCst);
                    // The answer says how long the token lives, as IMDS does.
                    match headers.get("x-aws-ec2-metadata-token-ttl-seconds").cloned() {
                        Some(ttl) => (
                            StatusCode::OK,
                            [("x-aws-ec2-metadata-token-ttl-seconds", ttl)],
                            "imds-token",
                        ),
                        None => (
                            StatusCode::BAD_REQUEST,
                            [(
                                "x-aws-ec2-metadata-token-ttl-seconds",
                                axum::http::HeaderValue::from_static("0"),
                            )],
                            "",
                        ),
                    }
                }
            }),
        )
        .route(
            "/latest/meta-data/iam/security-credentials/",
            get(move |headers: HeaderMap| async move {
                if authorized(&headers) {
                    (StatusCode::OK, "test-role")
                } else {
                    (StatusCode::UNAUTHORIZED, "")
                }
            }),
        )
        .route(
            "/latest/meta-data/iam/security-credentials/test-role",
            get(move |headers: HeaderMap| async move {
                if !authorized(&headers) {
                    return (StatusCode::UNAUTHORIZED, String::new());
                }
                let body = serde_json::json!({
                    "Code": "Success", "Type": "AWS-HMAC", "LastUpdated": "2026-01-01T00:00:00Z",
                    "AccessKeyId": "AKIDIMDS", "SecretAccessKey": "imds-secret", "Token": "imds-session",
                    "Expiration": "2100-01-01T00:00:00Z",
                });
                (StatusCode::OK, body.to_string())
            }),
        );
    let imds = Server::start(app).await;
    let home = empty_home("imds");
    let lines = run_probe(
        &home,
        &[
            ("AWS_EC2_METADATA_DISABLED", "false"),
            ("AWS_EC2_METADATA_SERVICE_ENDPOINT", &imds.url),
            ("AWS_ENDPOINT_URL_IVS", &local.url),
        ],
    )
    .await;
    assert_eq!(calls(&lines), ["ok"], "{lines:?}");
    assert!(
        token_requests.load(Ordering::SeqCst) >= 1,
        "IMDSv2 asks for a token first"
    );
}

/// A container credentials endpoint issuing keys that expire in 30 s (inside the client's
/// 60 s refresh margin): the client asks again at each call, and gets the next keys.
#[tokio::test]
async fn container_credentials_are_refreshed_when_they_expire() {
    let local = Server::ivs_local(&[("AKIDECS1", "ecs-secret-1"), ("AKIDECS2", "ecs-secret-2")]).await;
    let issued = Arc::new(AtomicU32::new(0));
    let counter = issued.clone();
    let app = Router::new().route(
        "/credentials",
        get(move |headers: HeaderMap| {
            let counter = counter.clone();
            async move {
                if headers.get("authorization").is_none_or(|v| v != "container-token") {
                    return (StatusCode::UNAUTHORIZED, String::new());
                }
                let n = counter.fetch_add(1, Ordering::SeqCst) + 1;
                let expiry = time::OffsetDateTime::now_utc() + Duration::from_secs(30);
                let expiry = expiry
                    .format(&time::format_description::well_known::Rfc3339)
                    .expect("format");
                let body = serde_json::json!({
                    "AccessKeyId": format!("AKIDECS{n}"), "SecretAccessKey": format!("ecs-secret-{n}"),
                    "Token": format!("ecs-session-{n}"), "Expiration": expiry,
                });
                (StatusCode::OK, body.to_string())
            }
        }),
    );
    let ecs = Server::start(app).await;
    let home = empty_home("ecs");
    let uri = format!("{}/credentials", ecs.url);
    let lines = run_probe(
        &home,
        &[
            ("AWS_CONTAINER_CREDENTIALS_FULL_URI", &uri),
            ("AWS_CONTAINER_AUTHORIZATION_TOKEN", "container-token"),
            ("AWS_ENDPOINT_URL_IVS", &local.url),
            ("IVS_PROBE_CALLS", "2"),
        ],
    )
    .await;
    assert_eq!(calls(&lines), ["ok", "ok"], "{lines:?}");
    assert_eq!(
        issued.load(Ordering::SeqCst),
        2,
        "one fetch per call: the first keys were about to expire"
    );
}

#[tokio::test]
async fn credential_process_in_the_profile() {
    let local = Server::ivs_local(&[("AKIDPROCESS", "process-secret")]).await;
    let home = empty_home("process");
    std::fs::write(
        home.join(".aws/config"),
        "[profile build]\nregion = us-west-2\ncredential_process = printf '{\"Version\": 1, \"AccessKeyId\": \
         \"AKIDPROCESS\", \"SecretAccessKey\": \"process-secret\"}'\n",
    )
    .expect("write the config file");
    let lines = run_probe(&home, &[("AWS_PROFILE", "build"), ("AWS_ENDPOINT_URL_IVS", &local.url)]).await;
    assert_eq!(calls(&lines), ["ok"], "{lines:?}");
}

#[tokio::test]
async fn endpoint_variables_pick_the_endpoint() {
    let local = Server::ivs_local(&[("AKIDENV", "env-secret")]).await;
    let home = empty_home("endpoints");
    let keys = [
        ("AWS_ACCESS_KEY_ID", "AKIDENV"),
        ("AWS_SECRET_ACCESS_KEY", "env-secret"),
    ];
    // The general variable alone.
    let mut vars = keys.to_vec();
    vars.push(("AWS_ENDPOINT_URL", &local.url));
    assert_eq!(calls(&run_probe(&home, &vars).await), ["ok"]);
    // The service's own wins over the general one (which points at a closed port).
    let mut vars = keys.to_vec();
    vars.extend([
        ("AWS_ENDPOINT_URL", "http://127.0.0.1:9"),
        ("AWS_ENDPOINT_URL_IVS", &local.url),
    ]);
    let lines = run_probe(&home, &vars).await;
    assert_eq!(calls(&lines), ["ok"], "{lines:?}");
    assert!(lines[0].ends_with(&format!("endpoint={}", local.url)), "{lines:?}");
    // The profile's endpoint_url.
    std::fs::write(
        home.join(".aws/config"),
        format!("[default]\nendpoint_url = {}\n", local.url),
    )
    .expect("config file");
    assert_eq!(calls(&run_probe(&home, &keys).await), ["ok"]);
}

#[tokio::test]
async fn max_attempts_fips_and_dual_stack_from_the_environment() {
    let (server, hits, _) = failing_server().await;
    let home = empty_home("retries");
    let base = [
        ("AWS_ACCESS_KEY_ID", "AKIDENV"),
        ("AWS_SECRET_ACCESS_KEY", "env-secret"),
        ("AWS_ENDPOINT_URL_IVS", server.url.as_str()),
    ];
    let mut vars = base.to_vec();
    vars.push(("AWS_MAX_ATTEMPTS", "1"));
    let lines = run_probe(&home, &vars).await;
    assert!(lines[0].contains("max_attempts=1"), "{lines:?}");
    assert!(calls(&lines)[0].starts_with("error attempts=1 "), "{lines:?}");
    assert_eq!(hits.swap(0, Ordering::SeqCst), 1, "AWS_MAX_ATTEMPTS=1 stops retries");
    let mut vars = base.to_vec();
    vars.push(("AWS_MAX_ATTEMPTS", "2"));
    let lines = run_probe(&home, &vars).await;
    assert!(calls(&lines)[0].starts_with("error attempts=2 "), "{lines:?}");
    assert_eq!(hits.load(Ordering::SeqCst), 2);

    let lines = run_probe(
        &home,
        &[
            ("AWS_ACCESS_KEY_ID", "AKIDENV"),
            ("AWS_SECRET_ACCESS_KEY", "env-secret"),
            ("AWS_USE_FIPS_ENDPOINT", "true"),
            ("AWS_USE_DUALSTACK_ENDPOINT", "true"),
            // Read and accepted; the client retries in standard mode (documented).
            ("AWS_RETRY_MODE", "adaptive"),
            ("IVS_PROBE_CALLS", "0"),
        ],
    )
    .await;
    assert_eq!(
        lines,
        ["PROBE settings fips=true dual_stack=true max_attempts=3 endpoint=default"]
    );
}

#[tokio::test]
async fn from_env_without_a_region_says_so() {
    let home = empty_home("no-region");
    let lines = run_probe(&home, &[("AWS_REGION", "")]).await;
    assert!(
        lines[0].starts_with("PROBE config-error no region configured"),
        "{lines:?}"
    );
}

#[tokio::test]
async fn from_env_refuses_an_invalid_setting_clearly() {
    let home = empty_home("invalid");
    let lines = run_probe(&home, &[("AWS_MAX_ATTEMPTS", "0")]).await;
    assert!(
        lines[0].starts_with("PROBE config-error invalid setting: aws-config: "),
        "{lines:?}"
    );
    assert!(
        lines[0].contains("max_attempts") || lines[0].contains("max attempts"),
        "{lines:?}"
    );
}

#[tokio::test]
async fn web_identity_through_moto_sts() {
    let (_moto, moto_url) = support::start_moto();
    let home = empty_home("web-identity");
    let token_file = home.join("token");
    std::fs::write(&token_file, "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJl").expect("token file");
    let lines = run_child(
        "probe_sts",
        &home,
        &[
            ("AWS_WEB_IDENTITY_TOKEN_FILE", token_file.to_str().expect("UTF-8 path")),
            ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/web-identity-test"),
            ("AWS_ROLE_SESSION_NAME", "ivs-tests"),
            ("AWS_ENDPOINT_URL_STS", &moto_url),
        ],
    )
    .await;
    assert_eq!(
        lines,
        [
            "PROBE credentials from WebIdentityToken session_token=true",
            "PROBE call ok"
        ],
        "{lines:?}"
    );
}

#[tokio::test]
async fn profile_assume_role_through_moto_sts() {
    let (_moto, moto_url) = support::start_moto();
    let home = empty_home("assume-role");
    std::fs::write(
        home.join(".aws/config"),
        "[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n\n\
         [profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = base\n",
    )
    .expect("config file");
    let lines = run_child(
        "probe_sts",
        &home,
        &[("AWS_PROFILE", "deploy"), ("AWS_ENDPOINT_URL_STS", &moto_url)],
    )
    .await;
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].ends_with("session_token=true"), "{lines:?}");
    assert_eq!(lines[1], "PROBE call ok", "{lines:?}");
}

/// EKS Pod Identity: the container credentials endpoint with the token read from
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (the file EKS mounts into the pod).
#[tokio::test]
async fn eks_pod_identity_reads_the_token_file() {
    let local = Server::ivs_local(&[("AKIDEKS", "eks-secret")]).await;
    let app = Router::new().route(
        "/v1/credentials",
        get(|headers: HeaderMap| async move {
            if headers.get("authorization").is_none_or(|v| v != "pod-identity-token") {
                return (StatusCode::UNAUTHORIZED, String::new());
            }
            let body = serde_json::json!({
                "AccessKeyId": "AKIDEKS", "SecretAccessKey": "eks-secret",
                "Token": "eks-session", "Expiration": "2099-01-01T00:00:00Z",
            });
            (StatusCode::OK, body.to_string())
        }),
    );
    let eks = Server::start(app).await;
    let home = empty_home("eks");
    let token_file = home.join("eks-pod-identity-token");
    std::fs::write(&token_file, "pod-identity-token").expect("token file");
    let uri = format!("{}/v1/credentials", eks.url);
    let lines = run_probe(
        &home,
        &[
            ("AWS_CONTAINER_CREDENTIALS_FULL_URI", &uri),
            (
                "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
                token_file.to_str().expect("UTF-8 path"),
            ),
            ("AWS_ENDPOINT_URL_IVS", &local.url),
        ],
    )
    .await;
    assert_eq!(calls(&lines), ["ok"], "{lines:?}");
}

/// IAM Identity Center (SSO): a profile naming an `sso-session`, the session's cached token
/// (as `aws sso login` leaves it), and a fake SSO portal (`AWS_ENDPOINT_URL_SSO`) that trades
/// the token for role credentials.
#[tokio::test]
async fn sso_session_profile_through_a_fake_portal() {
    let local = Server::ivs_local(&[("AKIDSSO", "sso-secret")]).await;
    let app = Router::new().route(
        "/federation/credentials",
        get(|headers: HeaderMap, query: axum::extract::RawQuery| async move {
            let query = query.0.unwrap_or_default();
            if headers
                .get("x-amz-sso_bearer_token")
                .is_none_or(|v| v != "cached-sso-token")
                || !query.contains("role_name=Deployer")
                || !query.contains("account_id=123456789012")
            {
                return (StatusCode::UNAUTHORIZED, format!("refused: {query}"));
            }
            let body = serde_json::json!({"roleCredentials": {
                "accessKeyId": "AKIDSSO", "secretAccessKey": "sso-secret",
                "sessionToken": "sso-session", "expiration": 4_070_908_800_000_u64,
            }});
            (StatusCode::OK, body.to_string())
        }),
    );
    let portal = Server::start(app).await;
    let home = empty_home("sso");
    std::fs::write(
        home.join(".aws/config"),
        format!(
            "[profile dev]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Deployer\n\n\
             [sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = {REGION}\n"
        ),
    )
    .expect("config file");
    // The token cache file is named after the SHA-1 of the session name.
    let digest = ring::digest::digest(&ring::digest::SHA1_FOR_LEGACY_USE_ONLY, b"corp");
    let name: String = digest.as_ref().iter().map(|b| format!("{b:02x}")).collect();
    let cache = home.join(".aws/sso/cache");
    std::fs::create_dir_all(&cache).expect("cache folder");
    std::fs::write(
        cache.join(format!("{name}.json")),
        serde_json::json!({
            "accessToken": "cached-sso-token", "expiresAt": "2099-01-01T00:00:00Z",
            "startUrl": "https://corp.awsapps.com/start", "region": REGION,
        })
        .to_string(),
    )
    .expect("token cache");
    let lines = run_probe(
        &home,
        &[
            ("AWS_PROFILE", "dev"),
            ("AWS_ENDPOINT_URL_SSO", &portal.url),
            ("AWS_ENDPOINT_URL_IVS", &local.url),
        ],
    )
    .await;
    assert_eq!(calls(&lines), ["ok"], "{lines:?}");
}
