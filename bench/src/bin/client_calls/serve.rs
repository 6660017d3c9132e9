//! The fixed-bytes server (hidden mode `serve`): answers every call of an operation with the
//! same recorded body, doing as little as possible, in its own process.

use std::convert::Infallible;
use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::header::CONTENT_TYPE;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;

use crate::bodies::{self, Bodies};

/// The argument that starts this mode.
pub const MODE: &str = "serve";

/// Records the bodies, prints `listening on http://ADDR` and serves until killed.
pub fn main() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("client_calls serve: cannot start a tokio runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("client_calls serve: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn serve() -> Result<(), String> {
    let bodies = Arc::new(bodies::from_ivs_local().await?);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| format!("cannot bind: {e}"))?;
    let addr = listener.local_addr().map_err(|e| format!("no local address: {e}"))?;
    // The parent reads this one line and then closes the pipe: nothing else goes to stdout.
    let mut stdout = std::io::stdout();
    writeln!(stdout, "listening on http://{addr}")
        .and_then(|()| stdout.flush())
        .map_err(|e| format!("cannot announce the address: {e}"))?;
    let requests = Arc::new(AtomicU64::new(0));
    loop {
        let (stream, _) = listener.accept().await.map_err(|e| format!("accept: {e}"))?;
        // Answers are written in one piece; without this, Nagle's algorithm could hold them.
        let _ = stream.set_nodelay(true);
        let (bodies, requests) = (bodies.clone(), requests.clone());
        let service =
            service_fn(move |request| answer(bodies.clone(), requests.fetch_add(1, Ordering::Relaxed), request));
        tokio::spawn(async move {
            if let Err(e) = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await
            {
                eprintln!("client_calls serve: connection: {e}");
            }
        });
    }
}

/// Reads the whole request (as a real server must) and answers the recorded body for its path,
/// with the headers IVS sends; an unknown path is a 404.
async fn answer(
    bodies: Arc<Bodies>,
    number: u64,
    request: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let body = match request.uri().path() {
        "/CreateChannel" => Some(bodies.create.clone()),
        "/GetChannel" => Some(bodies.get.clone()),
        "/ListChannels" => Some(bodies.list.clone()),
        _ => None,
    };
    let _ = request.into_body().collect().await;
    let (status, body) = match body {
        Some(body) => (StatusCode::OK, body),
        None => (
            StatusCode::NOT_FOUND,
            Bytes::from_static(br#"{"message":"not served here"}"#),
        ),
    };
    let mut response = Response::new(Full::new(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("application/json"),
    );
    if let Ok(id) = format!("00000000-0000-4000-8000-{number:012x}").parse() {
        headers.insert("x-amzn-requestid", id);
    }
    Ok(response)
}
