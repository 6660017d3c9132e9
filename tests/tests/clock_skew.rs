//! Clock-skew correction, end to end: the generated IVS server verifies SigV4 by a clock one
//! hour ahead of the client's and refuses the client's signatures (`Signature not yet
//! current`... or expired) with a `Date` from that clock; the client learns the offset, signs
//! again, and signs later calls with the corrected time. Real HTTP on 127.0.0.1.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use ivs_client::Client;
use ivs_server::model::operation::get_channel::GetChannelError;
use ivs_server::model::{GetChannelRequest, GetChannelResponse};
use ivs_server::{Auth, Ivs, RequestContext, ServerConfig};
use smithy_runtime::client::{Config, Credentials};

const REGION: &str = "us-west-2";
const ACCESS_KEY: &str = "AKIDSKEW";
const SECRET_KEY: &str = "skew-secret";
const ARN: &str = "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh";

/// Counts the calls that got past authentication.
#[derive(Clone, Default)]
struct Counting(Arc<AtomicUsize>);

impl Ivs for Counting {
    async fn get_channel(
        &self,
        _input: GetChannelRequest,
        _context: RequestContext,
    ) -> Result<GetChannelResponse, GetChannelError> {
        self.0.fetch_add(1, Ordering::SeqCst);
        Ok(GetChannelResponse::default())
    }
}

/// The server on 127.0.0.1:<ephemeral>; stopped when dropped.
struct Server {
    url: String,
    calls: Counting,
    task: tokio::task::JoinHandle<()>,
}

impl Server {
    /// A server whose clock is `offset` seconds from the real one (ahead if positive).
    async fn start(offset: i64) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("local address"));
        let auth = Auth::new(REGION, "ivs").key(ACCESS_KEY, SECRET_KEY).clock(move || {
            let by = Duration::from_secs(offset.unsigned_abs());
            if offset >= 0 {
                SystemTime::now() + by
            } else {
                SystemTime::now() - by
            }
        });
        let calls = Counting::default();
        let app = ivs_server::router(calls.clone(), ServerConfig::default().with_auth(auth));
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.expect("IVS server");
        });
        Server { url, calls, task }
    }

    fn client(&self, secret: &str, max_attempts: u32) -> Client {
        let config = Config::builder()
            .region(REGION)
            .endpoint_url(&self.url)
            .credentials(Credentials::new(ACCESS_KEY, secret, None, None, "test"))
            .max_attempts(max_attempts)
            .build()
            .expect("configuration");
        Client::new(config)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// An hour, in seconds.
const HOUR: i64 = 3600;

#[tokio::test]
async fn a_call_refused_for_clock_skew_is_signed_again_with_the_servers_time() {
    let server = Server::start(HOUR).await;
    let client = server.client(SECRET_KEY, 3);
    let result = client.get_channel().arn(ARN).send().await;
    assert!(result.is_ok(), "{result:?}");
    assert_eq!(server.calls.0.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn the_correction_is_kept_for_later_calls() {
    let server = Server::start(HOUR).await;
    // One attempt: the first call fails, but teaches the client the offset.
    let client = server.client(SECRET_KEY, 1);
    let error = client.get_channel().arn(ARN).send().await.expect_err("skewed");
    assert_eq!(error.code(), Some("InvalidSignatureException"), "{error:?}");
    assert_eq!(error.attempts(), 1);
    let result = client.get_channel().arn(ARN).send().await;
    assert!(result.is_ok(), "{result:?}");
    assert_eq!(server.calls.0.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_wrong_key_is_not_mistaken_for_clock_skew() {
    // Same code (`InvalidSignatureException`), but the clocks agree: no retry.
    let server = Server::start(0).await;
    let client = server.client("not-the-secret", 3);
    let error = client.get_channel().arn(ARN).send().await.expect_err("wrong key");
    assert_eq!(error.code(), Some("InvalidSignatureException"), "{error:?}");
    assert_eq!(error.attempts(), 1);
    assert_eq!(server.calls.0.load(Ordering::SeqCst), 0);
}

#[tokio::test]
async fn a_server_behind_the_client_is_corrected_too() {
    let server = Server::start(-HOUR).await;
    let result = server.client(SECRET_KEY, 2).get_channel().arn(ARN).send().await;
    assert!(result.is_ok(), "{result:?}");
    assert_eq!(server.calls.0.load(Ordering::SeqCst), 1);
}
