//! One line per request on stderr (method, path, status, error code, time), so a developer
//! running the emulator sees what their code sent and what it got back.

use std::time::Instant;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;

/// The axum middleware: `router.layer(axum::middleware::from_fn(request_log::log))`.
pub(crate) async fn log(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let code = response
        .headers()
        .get("x-amzn-errortype")
        .and_then(|code| code.to_str().ok())
        .map(|code| format!(" {code}"))
        .unwrap_or_default();
    let millis = started.elapsed().as_secs_f64() * 1000.0;
    eprintln!("{method} {path} {}{code} {millis:.1} ms", response.status().as_u16());
    response
}
