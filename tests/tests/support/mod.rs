//! What the end-to-end tests share: client configuration for local servers, child processes
//! (moto, Python scripts) that are stopped when the test ends, and the AWS CLI.

#![allow(dead_code)] // each test binary uses its own part

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

/// The access key every local test signs with.
pub const ACCESS_KEY: &str = "AKIDLOCALTEST";
/// Its secret.
pub const SECRET_KEY: &str = "local-test-secret";
/// The region every local test uses.
pub const REGION: &str = "us-west-2";

/// A client for a local server at `url`, with tiny backoffs so retry tests stay fast.
pub fn client(url: &str) -> ivs_client::Client {
    ivs_client::Client::new(config(url).build().expect("test configuration is complete"))
}

/// The configuration builder behind [`client`], for tests that change a setting.
pub fn config(url: &str) -> ivs_client::ConfigBuilder {
    ivs_client::Config::builder()
        .region(REGION)
        .credentials(ivs_client::Credentials::new(
            ACCESS_KEY, SECRET_KEY, None, None, "tests",
        ))
        .endpoint_url(url)
        .initial_backoff(Duration::from_millis(1))
        .max_backoff(Duration::from_millis(20))
}

/// The Python interpreter: `$PYTHON`, else `python3`.
pub fn python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_string())
}

/// Makes sure the Python peers (boto3, moto's server, the AWS CLI) can be imported, installing
/// `tests/python/requirements.txt` with pip once when they cannot, so that `cargo test` works
/// on a fresh machine that reaches PyPI. Fails the test, with pip's output, when that fails.
pub fn python_peers() {
    static READY: OnceLock<Result<(), String>> = OnceLock::new();
    let ready = READY.get_or_init(|| {
        let importable = |python: &str| {
            Command::new(python)
                .args(["-c", "import boto3, moto.server, awscli"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        };
        if importable(&python()) {
            return Ok(());
        }
        let requirements = Path::new(env!("CARGO_MANIFEST_DIR")).join("python/requirements.txt");
        let output = Command::new(python())
            .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r"])
            .arg(&requirements)
            .output()
            .map_err(|e| format!("cannot run {}: {e}", python()))?;
        if output.status.success() && importable(&python()) {
            Ok(())
        } else {
            Err(format!(
                "boto3, moto or awscli is missing and `pip install -r {}` failed:\n{}",
                requirements.display(),
                String::from_utf8_lossy(&output.stderr)
            ))
        }
    });
    if let Err(message) = ready {
        panic!("{message}");
    }
}

/// Runs the AWS CLI (`python -m awscli`, so it uses the same interpreter as the other peers)
/// against `url` with `args` after `aws`, signing with the test credentials, in the test region,
/// with JSON output. No configuration or credentials file of the machine is read, and there is
/// no pager and no retry.
pub fn aws_cli(url: &str, args: &[&str]) -> Output {
    python_peers();
    let nowhere = Path::new(env!("CARGO_MANIFEST_DIR")).join("python/no-such-aws-file");
    Command::new(python())
        .args(["-m", "awscli"])
        .args(args)
        .args(["--endpoint-url", url, "--region", REGION, "--output", "json"])
        .env("AWS_ACCESS_KEY_ID", ACCESS_KEY)
        .env("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
        .env("AWS_DEFAULT_REGION", REGION)
        .env("AWS_CONFIG_FILE", &nowhere)
        .env("AWS_SHARED_CREDENTIALS_FILE", &nowhere)
        .env("AWS_PAGER", "")
        .env("AWS_MAX_ATTEMPTS", "1")
        .env("AWS_RETRY_MODE", "standard")
        .env_remove("AWS_PROFILE")
        .env_remove("AWS_SESSION_TOKEN")
        .env_remove("AWS_ENDPOINT_URL")
        .env_remove("AWS_CA_BUNDLE")
        .stdin(Stdio::null())
        .output()
        .expect("run python3 -m awscli (install it with: pip install awscli)")
}

/// Runs `tests/python/<script>` with `args` and asserts that it exits 0 and prints
/// `passed_line`. It runs on a blocking thread, so a server the test spawned on the async
/// runtime keeps serving while the script calls it.
pub async fn run_python_script(script: &str, args: Vec<String>, passed_line: &str) {
    python_peers();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("python").join(script);
    let output = tokio::task::spawn_blocking(move || {
        Command::new(python())
            .arg(&script)
            .args(&args)
            .output()
            .expect("run python3")
    })
    .await
    .expect("the script's thread");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "the Python script failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains(passed_line), "{stdout}\n{stderr}");
}

/// A child process killed when dropped.
pub struct ChildGuard(pub Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts moto's server on 127.0.0.1 and waits until it accepts connections (installing the
/// Python peers first if needed).
pub fn start_moto() -> (ChildGuard, String) {
    python_peers();
    // Port 0: moto's server binds a free port itself and prints it. Choosing one here and passing
    // it on would race with other tests doing the same: a second server fails to bind, and the
    // test would talk to the first one's server until that test ends.
    let mut child = Command::new(python())
        .args(["-m", "moto.server", "-H", "127.0.0.1", "-p", "0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start python3 (install moto with: pip install 'moto[server]')");
    let stderr = child.stderr.take().expect("moto's stderr is piped");
    let guard = ChildGuard(child);
    let mut lines = BufReader::new(stderr).lines();
    let port = loop {
        match lines.next() {
            Some(Ok(line)) => {
                if let Some(port) = line.trim().strip_prefix("* Running on http://127.0.0.1:") {
                    break port.to_string();
                }
            }
            _ => panic!("moto's server (pip install 'moto[server]') exited before saying its port"),
        }
    };
    // Keep reading its request log, so that a full pipe never blocks it.
    std::thread::spawn(move || lines.for_each(drop));
    (guard, format!("http://127.0.0.1:{port}"))
}
