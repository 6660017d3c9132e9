//! boto3 (a real AWS client, from PyPI) against the generated IVS server: channels, tags with
//! a real ARN in the path, a ValidationException with every violation, a 404, a 501, and SigV4
//! authentication. The script is tests/python/boto3_server.py; it fails on any mismatch.

mod support;
#[path = "support/tag_server.rs"]
mod tag_server;

use ivs_server::{Auth, ServerConfig};
use support::{ACCESS_KEY, REGION, SECRET_KEY};

/// Serves `config` on 127.0.0.1 and runs the boto3 script against it in `mode`.
async fn run_boto3(config: ServerConfig, mode: &str) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let app = ivs_server::router(tag_server::TagServer::default(), config);
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    let args = vec![url, ACCESS_KEY.into(), SECRET_KEY.into(), mode.into()];
    support::run_python_script("boto3_server.py", args, "all boto3 checks passed").await;
    server.abort();
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
