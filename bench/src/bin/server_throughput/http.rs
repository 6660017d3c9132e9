//! The HTTP/1.1 client side: one connection, one request and its whole answer.

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1::{self, SendRequest};
use hyper::header::{AUTHORIZATION, CONNECTION, CONTENT_TYPE, HOST, HeaderValue};
use hyper::{HeaderMap, Method, Request, StatusCode, Uri};
use hyper_util::rt::TokioIo;

/// A client's end of one connection.
pub type Sender = SendRequest<Full<Bytes>>;

/// A SigV4-shaped `Authorization` header. moto picks the service and region from its credential
/// scope; ivs-local (authentication off) and the bare handler ignore it. Every server gets it so
/// that all three receive the same request.
const AUTHORIZATION_VALUE: &str =
    "AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-west-2/ivs/aws4_request, SignedHeaders=host, Signature=00";

/// A whole answer.
#[derive(Debug, Clone)]
pub struct Answer {
    /// The status code.
    pub status: StatusCode,
    /// The `Content-Type` header, empty when there is none.
    pub content_type: String,
    /// The body.
    pub body: Bytes,
    /// Whether the server said it closes the connection after this answer.
    pub closes: bool,
}

/// Opens a connection to `addr` (`host:port`) and drives it on a task of the current runtime.
pub async fn connect(addr: &str) -> Result<Sender, String> {
    let stream = tokio::net::TcpStream::connect(addr)
        .await
        .map_err(|e| format!("cannot connect to {addr}: {e}"))?;
    // Small requests and answers: do not let Nagle's algorithm hold them back.
    stream
        .set_nodelay(true)
        .map_err(|e| format!("cannot set TCP_NODELAY: {e}"))?;
    let (sender, connection) = http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| format!("HTTP handshake with {addr} failed: {e}"))?;
    tokio::spawn(async move {
        // Its errors reach the sender as failed requests, where they are counted.
        let _ = connection.await;
    });
    Ok(sender)
}

/// The restJson1 request `POST /{operation}` with a JSON body, built once and copied for each
/// sending so that the load generator spends its time on the connection, not on parsing.
#[derive(Debug, Clone)]
pub struct Template {
    addr: String,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
}

impl Template {
    /// The request for `operation` on the server at `addr` (`host:port`).
    pub fn new(addr: &str, operation: &str, body: &Bytes) -> Result<Template, String> {
        let bad = |e: String| format!("cannot build the {operation} request: {e}");
        let uri = format!("/{operation}").parse().map_err(|e| bad(format!("{e}")))?;
        let mut headers = HeaderMap::new();
        headers.insert(HOST, HeaderValue::from_str(addr).map_err(|e| bad(format!("{e}")))?);
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        headers.insert(AUTHORIZATION, HeaderValue::from_static(AUTHORIZATION_VALUE));
        Ok(Template {
            addr: addr.to_string(),
            uri,
            headers,
            body: body.clone(),
        })
    }

    /// The server's `host:port`.
    pub fn addr(&self) -> &str {
        &self.addr
    }

    /// A copy of the request.
    pub fn request(&self) -> Request<Full<Bytes>> {
        let mut request = Request::new(Full::new(self.body.clone()));
        *request.method_mut() = Method::POST;
        *request.uri_mut() = self.uri.clone();
        *request.headers_mut() = self.headers.clone();
        request
    }
}

/// Sends `request` on `sender` and reads the whole answer.
pub async fn send(sender: &mut Sender, request: Request<Full<Bytes>>) -> Result<Answer, String> {
    sender.ready().await.map_err(|e| format!("connection lost: {e}"))?;
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| format!("request failed: {e}"))?;
    let status = response.status();
    let header = |name| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    let content_type = header(CONTENT_TYPE);
    let closes = header(CONNECTION).eq_ignore_ascii_case("close");
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(|e| format!("cannot read the answer: {e}"))?
        .to_bytes();
    Ok(Answer {
        status,
        content_type,
        body,
        closes,
    })
}

/// One request on a connection of its own (for the setup, where speed does not matter).
pub async fn post(addr: &str, operation: &str, body: &Bytes) -> Result<Answer, String> {
    let mut sender = connect(addr).await?;
    send(&mut sender, Template::new(addr, operation, body)?.request())
        .await
        .map_err(|e| format!("{operation} on {addr}: {e}"))
}
