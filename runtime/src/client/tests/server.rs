//! A scripted HTTP/1.1 server on 127.0.0.1: each request gets the next scripted action (or
//! the fallback once the script is used up); every connection and request is recorded.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// What the server does with the next request.
#[derive(Debug, Clone)]
pub(super) enum Action {
    /// Answers with this status, headers and body.
    Respond {
        status: u16,
        headers: Vec<(&'static str, String)>,
        body: String,
    },
    /// Closes the connection as soon as it is accepted, before reading anything.
    CloseOnAccept,
    /// Reads the request, then closes the connection without answering.
    CloseAfterRequest,
    /// Reads the request and never answers.
    Hang,
}

impl Action {
    /// A JSON response.
    pub(super) fn json(status: u16, body: &str) -> Self {
        let headers = vec![("content-type", "application/json".to_owned())];
        Action::Respond {
            status,
            headers,
            body: body.to_owned(),
        }
    }

    /// A restJson1 error response with a request id.
    pub(super) fn error(status: u16, code: &str, message: &str) -> Self {
        let headers = vec![
            ("content-type", "application/json".to_owned()),
            ("x-amzn-errortype", code.to_owned()),
            ("x-amzn-requestid", "req-1".to_owned()),
        ];
        let body = serde_json::json!({ "message": message }).to_string();
        Action::Respond { status, headers, body }
    }

    /// A page of the fake operation's output.
    pub(super) fn page(items: &[&str], next: Option<&str>) -> Self {
        Action::json(200, &serde_json::json!({ "items": items, "next": next }).to_string())
    }
}

/// A request as the server read it.
#[derive(Debug, Clone)]
pub(super) struct Captured {
    pub(super) method: String,
    /// The request target: path and query.
    pub(super) target: String,
    /// Names lower-cased, in the order received.
    pub(super) headers: Vec<(String, String)>,
    pub(super) body: Vec<u8>,
}

impl Captured {
    pub(super) fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

struct State {
    script: Mutex<VecDeque<Action>>,
    fallback: Action,
    connections: AtomicUsize,
    requests: Mutex<Vec<Captured>>,
}

impl State {
    fn next_action(&self) -> Action {
        self.script
            .lock()
            .unwrap()
            .pop_front()
            .unwrap_or_else(|| self.fallback.clone())
    }
}

/// The running server; it stops with the test's runtime.
pub(super) struct Server {
    /// `http://127.0.0.1:PORT`.
    pub(super) url: String,
    state: Arc<State>,
}

impl Server {
    /// Starts a server that plays `script`, then `fallback` for every later request.
    pub(super) async fn start(script: Vec<Action>, fallback: Action) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let state = Arc::new(State {
            script: Mutex::new(script.into()),
            fallback,
            connections: AtomicUsize::new(0),
            requests: Mutex::new(Vec::new()),
        });
        let accepting = state.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                accepting.connections.fetch_add(1, Ordering::SeqCst);
                tokio::spawn(serve(stream, accepting.clone()));
            }
        });
        Server { url, state }
    }

    /// Connections accepted so far.
    pub(super) fn connections(&self) -> usize {
        self.state.connections.load(Ordering::SeqCst)
    }

    /// Requests read so far.
    pub(super) fn requests(&self) -> Vec<Captured> {
        self.state.requests.lock().unwrap().clone()
    }
}

async fn serve(stream: TcpStream, state: Arc<State>) {
    {
        let mut script = state.script.lock().unwrap();
        if matches!(script.front(), Some(Action::CloseOnAccept)) {
            script.pop_front();
            return;
        }
    }
    let mut reader = BufReader::new(stream);
    while let Some(request) = read_request(&mut reader).await {
        state.requests.lock().unwrap().push(request);
        match state.next_action() {
            Action::Respond { status, headers, body } => {
                let mut response = format!("HTTP/1.1 {status} Scripted\r\ncontent-length: {}\r\n", body.len());
                for (name, value) in headers {
                    response.push_str(&format!("{name}: {value}\r\n"));
                }
                response.push_str("\r\n");
                response.push_str(&body);
                if reader.get_mut().write_all(response.as_bytes()).await.is_err() {
                    return;
                }
            }
            Action::CloseOnAccept | Action::CloseAfterRequest => return,
            Action::Hang => std::future::pending::<()>().await,
        }
    }
}

/// Reads one request; `None` at the end of the connection or on anything malformed.
async fn read_request(reader: &mut BufReader<TcpStream>) -> Option<Captured> {
    let mut line = String::new();
    if reader.read_line(&mut line).await.ok()? == 0 {
        return None;
    }
    let mut words = line.split_whitespace();
    let method = words.next()?.to_owned();
    let target = words.next()?.to_owned();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).await.ok()?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':')?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    let length = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .map_or(0, |(_, v)| v.parse().unwrap_or(0));
    let mut body = vec![0; length];
    reader.read_exact(&mut body).await.ok()?;
    Some(Captured {
        method,
        target,
        headers,
        body,
    })
}
