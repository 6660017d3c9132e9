//! boto3 (a real AWS client, from PyPI) against the generated IVS server: channels, tags with
//! a real ARN in the path, a ValidationException with every violation, a 404, a 501, and SigV4
//! authentication. The script is tests/python/boto3_server.py; it fails on any mismatch.

mod support;
#[path = "support/tag_server.rs"]
mod tag_server;

use std::path::Path;
use std::process::Command;

use ivs_server::{Auth, ServerConfig};
use support::{ACCESS_KEY, REGION, SECRET_KEY};

/// Serves `config` on 127.0.0.1 and runs the boto3 script against it in `mode`.
async fn run_boto3(config: ServerConfig, mode: &str) {
    support::python_peers();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let app = ivs_server::router(tag_server::TagServer::default(), config);
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("python/boto3_server.py");
    let mode = mode.to_string();
    let output = tokio::task::spawn_blocking(move || {
        Command::new(support::python())
            .arg(script)
            .args([url.as_str(), ACCESS_KEY, SECRET_KEY, mode.as_str()])
            .output()
            .expect("run python3 (install boto3 with: pip install boto3)")
    })
    .await
    .unwrap();
    server.abort();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "boto3 script failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains("all boto3 checks passed"), "{stdout}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn boto3_calls_the_generated_server() {
    run_boto3(ServerConfig::default(), "open").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn boto3_signatures_verify_and_a_wrong_secret_is_refused() {
    let auth = Auth::new(REGION, "ivs").key(ACCESS_KEY, SECRET_KEY);
    run_boto3(ServerConfig::default().with_auth(auth), "auth").await;
}
