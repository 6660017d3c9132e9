//! boto3 (a real AWS client, from PyPI) drives ivs-local, the local Amazon IVS, through a full
//! scenario: channels and their documented defaults, stream keys and their quota, recording
//! configurations, playback key pairs, restriction policies, ad configurations, tags on every
//! kind of resource, deleting resources in use, the stream operations of a channel that is not
//! live, boto3's own paginators, and every error's code and status. A second test checks the
//! page sizes the API reference documents for lists called without `maxResults`. The script is
//! tests/python/local_boto3.py; it fails on any mismatch.

mod support;

use std::path::Path;

use support::{ACCESS_KEY, SECRET_KEY};

/// Serves a fresh in-memory emulator on 127.0.0.1 and runs the boto3 script against it in `mode`.
async fn run_boto3(mode: &str) {
    let emulator = ivs_local::Emulator::open(ivs_local::Settings::default()).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let app = emulator.into_router(ivs_server::ServerConfig::default());
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    let keys = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ivs-local/tests/data");
    let args = vec![
        url,
        ACCESS_KEY.into(),
        SECRET_KEY.into(),
        keys.display().to_string(),
        mode.into(),
    ];
    support::run_python_script("local_boto3.py", args, "all local boto3 checks passed").await;
    server.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn boto3_drives_the_local_emulator() {
    run_boto3("scenario").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lists_without_max_results_answer_the_documented_page_size() {
    run_boto3("page-defaults").await;
}
