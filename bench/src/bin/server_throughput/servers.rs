//! The two Rust servers, each run as a hidden mode of this binary in a process of its own:
//! ivs-local's router, and the limit (a bare handler answering fixed bytes).

use axum::Router;
use axum::http::HeaderValue;
use axum::http::header::CONTENT_TYPE;
use axum::routing::post;
use bytes::Bytes;
use ivs_bench::process::{ChildGuard, spawn_self};
use serde_json::{Value, json};

use crate::setup::Answers;

/// The hidden argument that runs ivs-local.
const SERVE_IVS_LOCAL: &str = "--serve-ivs-local";
/// The hidden argument that runs the bare handler; the next argument is its answers' file.
const SERVE_BARE: &str = "--serve-bare";

/// Runs the server mode `args` name, if they name one.
pub fn serve_mode(args: &[String]) -> Option<Result<(), String>> {
    match args.first().map(String::as_str) {
        Some(SERVE_IVS_LOCAL) => Some(serve_ivs_local()),
        Some(SERVE_BARE) => Some(match args.get(1) {
            Some(file) => serve_bare(file),
            None => Err(format!("{SERVE_BARE} needs a file")),
        }),
        _ => None,
    }
}

/// Starts ivs-local in a child process; returns it and its `host:port`.
pub fn start_ivs_local() -> Result<(ChildGuard, String), String> {
    spawn_self(&[SERVE_IVS_LOCAL])
}

/// Starts the bare handler answering `answers` in a child process; returns it and its `host:port`.
pub fn start_bare(answers: &Answers) -> Result<(ChildGuard, String), String> {
    // The answers go through a file: a 100-channel page may be longer than one argument can be.
    let file = std::env::temp_dir().join(format!("ivs-bench-bare-{}.json", std::process::id()));
    let text = json!({
        "contentType": answers.content_type,
        "getChannel": utf8(&answers.get_channel)?,
        "listChannels": utf8(&answers.list_channels)?,
    });
    std::fs::write(&file, text.to_string()).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    let path = file.to_string_lossy().into_owned();
    let started = spawn_self(&[SERVE_BARE, &path]);
    // The child has read the file before announcing itself (or has failed).
    let _ = std::fs::remove_file(&file);
    started
}

fn utf8(body: &Bytes) -> Result<&str, String> {
    std::str::from_utf8(body).map_err(|e| format!("ivs-local answered non-UTF-8 JSON: {e}"))
}

/// ivs-local as `ivs-local` runs it, minus its request log: the generated router over the
/// emulator, state in memory, authentication off.
fn serve_ivs_local() -> Result<(), String> {
    let emulator = ivs_local::Emulator::open(ivs_local::Settings::default()).map_err(|e| e.to_string())?;
    serve(emulator.into_router(ivs_server::ServerConfig::default()))
}

/// The limit: the same answer bytes, with no decoding, validation or state.
fn serve_bare(file: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let saved: Value = serde_json::from_str(&text).map_err(|e| format!("{file} is not JSON: {e}"))?;
    let field = |name: &str| {
        saved[name]
            .as_str()
            .map(str::to_string)
            .ok_or(format!("{file} has no {name}"))
    };
    let content_type = HeaderValue::from_str(&field("contentType")?).map_err(|e| format!("bad content type: {e}"))?;
    let fixed = |body: String| {
        let (content_type, body) = (content_type.clone(), Bytes::from(body));
        // The request body is still read (as any server must, to keep the connection), not parsed.
        move |_request: Bytes| {
            let (content_type, body) = (content_type.clone(), body.clone());
            async move { ([(CONTENT_TYPE, content_type)], body) }
        }
    };
    let router = Router::new()
        .route("/GetChannel", post(fixed(field("getChannel")?)))
        .route("/ListChannels", post(fixed(field("listChannels")?)));
    serve(router)
}

/// Serves `router` on a free loopback port with one tokio worker thread (the machine's other
/// core runs the load generator), after printing the line `spawn_self` waits for.
fn serve(router: Router) -> Result<(), String> {
    let runtime = crate::runtime()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(|e| format!("cannot listen: {e}"))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        println!("listening on http://{addr}");
        axum::serve(listener, router).await.map_err(|e| e.to_string())
    })
}
