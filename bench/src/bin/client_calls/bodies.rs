//! The fixed answers, recorded at start from ivs-local: real IVS answers, not hand-written JSON.

use std::net::SocketAddr;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1::SendRequest;
use hyper::{Request, StatusCode};
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};

use crate::inputs::{CHANNEL_TYPE, LATENCY_MODE, NAME, PAGE, tags_json};

/// The body the fixed-bytes server answers for each operation.
pub struct Bodies {
    /// CreateChannel: the channel and its stream key.
    pub create: Bytes,
    /// GetChannel of that channel.
    pub get: Bytes,
    /// The first ListChannels page of `PAGE` tagged summaries, with a next token.
    pub list: Bytes,
}

/// Starts ivs-local in this process on an ephemeral port, creates `PAGE + 1` tagged channels
/// (so a full page has a next token), and records the three answers.
pub async fn from_ivs_local() -> Result<Bodies, String> {
    let emulator =
        ivs_local::Emulator::open(ivs_local::Settings::default()).map_err(|e| format!("cannot open ivs-local: {e}"))?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .map_err(|e| format!("cannot bind ivs-local: {e}"))?;
    let addr = listener
        .local_addr()
        .map_err(|e| format!("ivs-local has no address: {e}"))?;
    let router = emulator.into_router(ivs_server::ServerConfig::default());
    let emulator = tokio::spawn(async move { axum::serve(listener, router).await });

    let mut ivs = Connection::open(addr).await?;
    let create = ivs.post("/CreateChannel", &create_request(NAME)).await?;
    let created: Value = serde_json::from_slice(&create).map_err(|e| format!("CreateChannel answer: {e}"))?;
    let arn = created["channel"]["arn"]
        .as_str()
        .ok_or("CreateChannel answered no ARN")?
        .to_string();
    for i in 1..=PAGE {
        ivs.post("/CreateChannel", &create_request(&format!("{NAME}-{i}")))
            .await?;
    }
    let get = ivs.post("/GetChannel", &json!({ "arn": arn })).await?;
    let list = ivs.post("/ListChannels", &json!({ "maxResults": PAGE })).await?;
    emulator.abort();
    Ok(Bodies { create, get, list })
}

/// The CreateChannel request every client sends, named `name`.
fn create_request(name: &str) -> Value {
    json!({ "name": name, "latencyMode": LATENCY_MODE, "type": CHANNEL_TYPE, "tags": tags_json() })
}

/// One HTTP/1.1 connection to ivs-local. Unsigned requests are fine: the emulator runs
/// without authentication.
struct Connection {
    sender: SendRequest<Full<Bytes>>,
}

impl Connection {
    async fn open(addr: SocketAddr) -> Result<Connection, String> {
        let stream = tokio::net::TcpStream::connect(addr)
            .await
            .map_err(|e| format!("cannot connect to ivs-local: {e}"))?;
        let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|e| format!("HTTP handshake with ivs-local: {e}"))?;
        tokio::spawn(connection);
        Ok(Connection { sender })
    }

    /// POSTs `body` to `path` and returns the answer's body, which must be a 200.
    async fn post(&mut self, path: &str, body: &Value) -> Result<Bytes, String> {
        let request = Request::post(path)
            .header(hyper::header::HOST, "localhost")
            .header(hyper::header::CONTENT_TYPE, "application/json")
            .body(Full::new(Bytes::from(body.to_string())))
            .map_err(|e| format!("{path}: {e}"))?;
        let response = self
            .sender
            .send_request(request)
            .await
            .map_err(|e| format!("ivs-local {path}: {e}"))?;
        let status = response.status();
        let bytes = response
            .into_body()
            .collect()
            .await
            .map_err(|e| format!("ivs-local {path}: {e}"))?
            .to_bytes();
        if status != StatusCode::OK {
            return Err(format!(
                "ivs-local {path} answered {status}: {}",
                String::from_utf8_lossy(&bytes)
            ));
        }
        Ok(bytes)
    }
}
