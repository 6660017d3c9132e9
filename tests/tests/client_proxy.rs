//! The default HTTP client through proxies and with custom trust: calls to ivs-local (on
//! 127.0.0.1, plain or behind TLS) through a small CONNECT and forwarding proxy written here,
//! `NO_PROXY` bypassing it, the process environment read by default (in a child process, so
//! parallel tests never change each other's environment), and a CA made in the test verifying
//! the TLS server, which without it is refused with a TLS error.
//!
//! The test proxy sends every connection to 127.0.0.1 whatever host the request names, so the
//! tests use host names (`ivs.test`) that only the proxy can resolve: a call that reaches the
//! server can only have gone through the proxy.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use ivs_client::{Client, Config, ConfigBuilder, Credentials, Error, ProxyConfig};
use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair, KeyUsagePurpose};
use smithy_runtime::client::TransportErrorKind;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls;

const REGION: &str = "us-west-2";
/// A name no resolver knows; only the test proxy connects to it (as 127.0.0.1).
const PROXY_ONLY_HOST: &str = "ivs.test";

// ---- the servers ----

/// A task serving on 127.0.0.1, stopped when dropped.
struct Served {
    addr: SocketAddr,
    task: JoinHandle<()>,
}

impl Drop for Served {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn ivs_local_router() -> axum::Router {
    let emulator = ivs_local::Emulator::open(ivs_local::Settings::default()).expect("in-memory emulator");
    emulator.into_router(ivs_server::ServerConfig::default())
}

/// ivs-local over plain HTTP.
async fn ivs_local() -> Served {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind 127.0.0.1:0");
    let addr = listener.local_addr().expect("local address");
    let task = tokio::spawn(async move {
        axum::serve(listener, ivs_local_router()).await.expect("ivs-local");
    });
    Served { addr, task }
}

/// ivs-local behind TLS, with a certificate for `ivs.test` and `localhost` issued by `pki`'s CA.
async fn ivs_local_over_tls(pki: &Pki) -> Served {
    let tcp = TcpListener::bind("127.0.0.1:0").await.expect("bind 127.0.0.1:0");
    let addr = tcp.local_addr().expect("local address");
    let listener = TlsListener {
        tcp,
        acceptor: TlsAcceptor::from(Arc::new(pki.server_config())),
    };
    let task = tokio::spawn(async move {
        axum::serve(listener, ivs_local_router())
            .await
            .expect("ivs-local over TLS");
    });
    Served { addr, task }
}

/// A TCP listener that hands axum TLS streams; a connection whose handshake fails (a client
/// that does not trust the certificate) is dropped and the next one awaited.
struct TlsListener {
    tcp: TcpListener,
    acceptor: TlsAcceptor,
}

impl axum::serve::Listener for TlsListener {
    type Io = tokio_rustls::server::TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            let Ok((tcp, addr)) = self.tcp.accept().await else {
                continue;
            };
            let handshake = tokio::time::timeout(Duration::from_secs(5), self.acceptor.accept(tcp));
            if let Ok(Ok(tls)) = handshake.await {
                return (tls, addr);
            }
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        self.tcp.local_addr()
    }
}

/// A CA made for one test, and a server certificate it issued.
struct Pki {
    ca_pem: String,
    server_chain: Vec<rustls::pki_types::CertificateDer<'static>>,
    server_key: Vec<u8>,
}

impl Pki {
    fn new() -> Pki {
        let mut ca = CertificateParams::new(Vec::<String>::new()).expect("CA parameters");
        ca.distinguished_name.push(DnType::CommonName, "ivs-tests CA");
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let ca = CertifiedIssuer::self_signed(ca, KeyPair::generate().expect("CA key")).expect("CA certificate");
        let server_key = KeyPair::generate().expect("server key");
        let server = CertificateParams::new(vec![PROXY_ONLY_HOST.to_owned(), "localhost".to_owned()])
            .expect("server parameters")
            .signed_by(&server_key, &*ca)
            .expect("server certificate");
        Pki {
            ca_pem: ca.pem(),
            server_chain: vec![server.der().clone()],
            server_key: server_key.serialize_der(),
        }
    }

    fn server_config(&self) -> rustls::ServerConfig {
        let key = rustls::pki_types::PrivateKeyDer::Pkcs8(self.server_key.clone().into());
        rustls::ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .expect("TLS versions")
            .with_no_client_auth()
            .with_single_cert(self.server_chain.clone(), key)
            .expect("server certificate and key")
    }
}

// ---- the proxy ----

/// A CONNECT and forwarding HTTP proxy on 127.0.0.1 that records the first request head of
/// each connection (`CONNECT host:port`, or the method and absolute URL, with the
/// `Proxy-Authorization` it carried) and answers 407 unless that header is `required_auth`.
struct TestProxy {
    served: Served,
    seen: Arc<Mutex<Vec<String>>>,
}

impl TestProxy {
    async fn start(required_auth: Option<&str>) -> TestProxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local address");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let required_auth = required_auth.map(str::to_owned);
        let task = tokio::spawn({
            let seen = seen.clone();
            async move {
                while let Ok((client, _)) = listener.accept().await {
                    tokio::spawn(relay(client, seen.clone(), required_auth.clone()));
                }
            }
        });
        TestProxy {
            served: Served { addr, task },
            seen,
        }
    }

    fn url(&self) -> String {
        format!("http://{}", self.served.addr)
    }

    fn seen(&self) -> Vec<String> {
        self.seen.lock().expect("proxy log").clone()
    }
}

/// One client connection: reads the request head, records it, then tunnels (CONNECT) or
/// forwards the request in origin form without the proxy's header, and relays both ways.
async fn relay(mut client: TcpStream, seen: Arc<Mutex<Vec<String>>>, required_auth: Option<String>) {
    let Some((head, early)) = read_head(&mut client).await else {
        return;
    };
    let mut lines = head.split("\r\n");
    let request_line = lines.next().unwrap_or_default().to_owned();
    let mut words = request_line.split(' ');
    let (method, target, version) = (
        words.next().unwrap_or_default(),
        words.next().unwrap_or_default(),
        words.next().unwrap_or_default(),
    );
    let (auth, other_headers): (Vec<&str>, Vec<&str>) = lines
        .filter(|line| !line.is_empty())
        .partition(|line| line.to_ascii_lowercase().starts_with("proxy-authorization:"));
    let auth = auth
        .first()
        .map(|line| line["proxy-authorization:".len()..].trim().to_owned());
    let record = match &auth {
        Some(auth) => format!("{method} {target} with {auth}"),
        None => format!("{method} {target}"),
    };
    seen.lock().expect("proxy log").push(record);
    if required_auth.is_some() && auth != required_auth {
        let _ = client
            .write_all(b"HTTP/1.1 407 Proxy Authentication Required\r\ncontent-length: 0\r\n\r\n")
            .await;
        return;
    }
    let (authority, upstream_head) = if method == "CONNECT" {
        (target.to_owned(), None)
    } else {
        let Some(rest) = target.strip_prefix("http://") else {
            return;
        };
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let mut head = format!("{method} {path} {version}\r\n");
        for header in other_headers {
            head.push_str(header);
            head.push_str("\r\n");
        }
        head.push_str("\r\n");
        (authority.to_owned(), Some(head))
    };
    let Some(port) = authority
        .rsplit_once(':')
        .and_then(|(_, port)| port.parse::<u16>().ok())
    else {
        return;
    };
    let Ok(mut upstream) = TcpStream::connect(("127.0.0.1", port)).await else {
        return;
    };
    let started = match upstream_head {
        None => client.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n").await,
        Some(head) => upstream.write_all(head.as_bytes()).await,
    };
    if started.is_ok() && upstream.write_all(&early).await.is_ok() {
        let _ = tokio::io::copy_bidirectional(&mut client, &mut upstream).await;
    }
}

/// The request head (up to the blank line) and whatever came after it; `None` if the
/// connection closes first or the head is over 64 KiB.
async fn read_head(stream: &mut TcpStream) -> Option<(String, Vec<u8>)> {
    let mut buffer = Vec::new();
    let mut chunk = [0; 4096];
    loop {
        if let Some(end) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            let early = buffer.split_off(end + 4);
            buffer.truncate(end);
            return String::from_utf8(buffer).ok().map(|head| (head, early));
        }
        if buffer.len() > 64 * 1024 {
            return None;
        }
        let read = stream.read(&mut chunk).await.ok().filter(|n| *n > 0)?;
        buffer.extend_from_slice(&chunk[..read]);
    }
}

// ---- the client ----

fn config(endpoint: &str) -> ConfigBuilder {
    Config::builder()
        .region(REGION)
        .credentials(Credentials::new("AKIDPROXY", "proxy-secret", None, None, "tests"))
        .endpoint_url(endpoint)
        .max_attempts(1)
}

/// Creates a channel and returns its ARN, or the call's error.
async fn create_channel(client: &Client, name: &str) -> Result<String, String> {
    match client.create_channel().name(name).send().await {
        Ok(created) => Ok(created
            .channel
            .and_then(|c| c.arn)
            .expect("a created channel has an ARN")),
        Err(error) => Err(error.to_string()),
    }
}

fn basic(user: &str, password: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
    format!("Basic {encoded}")
}

/// An environment of `vars` only, for [`ProxyConfig::from_env_with`].
fn environment(vars: &[(&str, String)]) -> ProxyConfig {
    let vars: Vec<(String, String)> = vars.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect();
    ProxyConfig::from_env_with(move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()))
}

// ---- the tests ----

#[tokio::test]
async fn an_http_endpoint_is_reached_through_the_proxy_in_absolute_form_with_its_credentials() {
    let local = ivs_local().await;
    let auth = basic("user", "pa ss");
    let proxy = TestProxy::start(Some(&auth)).await;
    let proxy_url = format!("http://user:pa%20ss@{}", proxy.served.addr);
    let endpoint = format!("http://{PROXY_ONLY_HOST}:{}", local.addr.port());
    let client = Client::new(
        config(&endpoint)
            .proxy(ProxyConfig::new().http(proxy_url))
            .build()
            .expect("valid configuration"),
    );

    let arn = create_channel(&client, "through-the-proxy")
        .await
        .expect("call through the proxy");
    assert!(arn.starts_with("arn:aws:ivs:us-west-2:"), "{arn}");
    assert_eq!(proxy.seen(), [format!("POST {endpoint}/CreateChannel with {auth}")]);
}

#[tokio::test]
async fn an_https_endpoint_is_reached_through_a_connect_tunnel_and_verified_with_the_given_ca() {
    let pki = Pki::new();
    let local = ivs_local_over_tls(&pki).await;
    let auth = basic("tunnel", "secret");
    let proxy = TestProxy::start(Some(&auth)).await;
    let endpoint = format!("https://{PROXY_ONLY_HOST}:{}", local.addr.port());
    let client = Client::new(
        config(&endpoint)
            .proxy(ProxyConfig::new().https(format!("http://tunnel:secret@{}", proxy.served.addr)))
            .add_root_certificates_pem(&pki.ca_pem)
            .build()
            .expect("valid configuration"),
    );

    create_channel(&client, "through-the-tunnel")
        .await
        .expect("call through the tunnel");
    // The proxy saw the tunnel's target only: the request itself went inside TLS.
    assert_eq!(
        proxy.seen(),
        [format!("CONNECT {PROXY_ONLY_HOST}:{} with {auth}", local.addr.port())]
    );
}

#[tokio::test]
async fn a_proxy_refusing_the_credentials_fails_the_call_naming_the_proxy() {
    let proxy = TestProxy::start(Some(&basic("right", "password"))).await;
    let client = Client::new(
        config("https://ivs.test:443")
            .proxy(ProxyConfig::new().all(format!("http://wrong:password@{}", proxy.served.addr)))
            .build()
            .expect("valid configuration"),
    );
    let error = client.list_channels().send().await.unwrap_err();
    let message = error.to_string();
    assert!(
        matches!(&error, Error::Transport(e) if e.kind() == TransportErrorKind::Connect),
        "{message}"
    );
    assert!(message.contains("proxy authorization required"), "{message}");
    assert!(message.contains(&proxy.served.addr.to_string()), "{message}");
    assert!(!message.contains("wrong:password"), "{message}");
    assert_eq!(proxy.seen().len(), 1);
}

#[tokio::test]
async fn no_proxy_from_the_environment_bypasses_the_proxy() {
    let local = ivs_local().await;
    let proxy = TestProxy::start(None).await;
    let endpoint = format!("http://127.0.0.1:{}", local.addr.port());

    // HTTP_PROXY alone: even a loopback endpoint goes through the proxy, as with curl.
    let proxied = environment(&[("HTTP_PROXY", proxy.url())]);
    let client = Client::new(config(&endpoint).proxy(proxied).build().expect("valid configuration"));
    create_channel(&client, "proxied")
        .await
        .expect("call through the proxy");
    assert_eq!(proxy.seen(), [format!("POST {endpoint}/CreateChannel")]);

    for no_proxy in ["127.0.0.1", "localhost, 127.0.0.0/8", "*"] {
        let bypassing = environment(&[("http_proxy", proxy.url()), ("NO_PROXY", no_proxy.to_owned())]);
        let client = Client::new(config(&endpoint).proxy(bypassing).build().expect("valid configuration"));
        create_channel(&client, "direct").await.expect("direct call");
        assert_eq!(proxy.seen().len(), 1, "NO_PROXY={no_proxy} bypasses the proxy");
    }
}

#[tokio::test]
async fn an_unusable_proxy_in_the_environment_is_refused_by_name() {
    let socks = environment(&[("HTTPS_PROXY", "socks5://user:hunter2@proxy:1080".to_owned())]);
    let error = config("https://ivs.test").proxy(socks).build().unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("HTTPS_PROXY") && message.contains("socks5"),
        "{message}"
    );
    assert!(!message.contains("hunter2"), "{message}");
}

#[tokio::test]
async fn the_given_ca_verifies_a_tls_server_and_without_it_the_handshake_fails() {
    let pki = Pki::new();
    let local = ivs_local_over_tls(&pki).await;
    let endpoint = format!("https://localhost:{}", local.addr.port());

    let trusting = config(&endpoint)
        .proxy(ProxyConfig::disabled())
        .add_root_certificates_pem(&pki.ca_pem)
        .build()
        .expect("valid configuration");
    create_channel(&Client::new(trusting), "trusted")
        .await
        .expect("verified TLS call");

    let untrusting = config(&endpoint)
        .proxy(ProxyConfig::disabled())
        .max_attempts(3)
        .build()
        .expect("valid configuration");
    let error = Client::new(untrusting).list_channels().send().await.unwrap_err();
    let message = error.to_string();
    assert!(
        matches!(&error, Error::Transport(e) if e.kind() == TransportErrorKind::Tls),
        "{message}"
    );
    assert!(message.starts_with("TLS handshake failed: "), "{message}");
    assert!(message.contains("certificate"), "{message}");
    assert_eq!(error.attempts(), 1, "a certificate does not become trusted on a retry");

    let other_ca = Pki::new();
    let wrong = config(&endpoint)
        .proxy(ProxyConfig::disabled())
        .add_root_certificates_pem(&other_ca.ca_pem)
        .build()
        .expect("valid configuration");
    let error = Client::new(wrong).list_channels().send().await.unwrap_err();
    assert!(
        matches!(&error, Error::Transport(e) if e.kind() == TransportErrorKind::Tls),
        "{error}"
    );
}

#[tokio::test]
async fn a_pem_without_a_certificate_is_refused_when_the_configuration_is_built() {
    let error = config("https://ivs.test")
        .add_root_certificates_pem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
        .build()
        .unwrap_err();
    assert!(
        error.to_string().contains("no `-----BEGIN CERTIFICATE-----` block"),
        "{error}"
    );
}

// ---- the process environment, in a child process ----

/// The default configuration reads the real process environment: a child process started
/// with `HTTP_PROXY` and `NO_PROXY` calls ivs-local twice, once by a name `NO_PROXY` does not
/// list (through the proxy, since only the proxy can resolve it) and once by `127.0.0.1`,
/// which it lists (directly).
#[tokio::test]
async fn the_process_environment_is_read_by_default() {
    let local = ivs_local().await;
    let proxy = TestProxy::start(None).await;
    let through = format!("http://{PROXY_ONLY_HOST}:{}", local.addr.port());
    let direct = format!("http://127.0.0.1:{}", local.addr.port());
    let child = tokio::process::Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--ignored",
            "--exact",
            "environment_probe",
            "--nocapture",
            "--test-threads=1",
        ])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("IVS_PROXY_PROBE", format!("{through} {direct}"))
        .env("HTTP_PROXY", proxy.url())
        .env("NO_PROXY", "127.0.0.1")
        .kill_on_drop(true)
        .output();
    let output = tokio::time::timeout(Duration::from_secs(60), child)
        .await
        .expect("the probe finishes within a minute")
        .expect("run the probe");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = stdout
        .lines()
        .filter_map(|line| line.find("PROBE").map(|at| &line[at..]))
        .collect();
    assert_eq!(
        lines,
        ["PROBE ok", "PROBE ok"],
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(proxy.seen(), [format!("POST {through}/CreateChannel")]);
}

/// The child of [`the_process_environment_is_read_by_default`]: one call to each endpoint of
/// `IVS_PROXY_PROBE` with the default proxy settings, each reported on a `PROBE` line.
#[tokio::test]
#[ignore = "a child process of the_process_environment_is_read_by_default, which sets its environment; not a test alone"]
async fn environment_probe() {
    let endpoints = std::env::var("IVS_PROXY_PROBE").expect("run by the_process_environment_is_read_by_default");
    for endpoint in endpoints.split(' ') {
        let client = Client::new(config(endpoint).build().expect("valid configuration"));
        match create_channel(&client, "probe").await {
            Ok(_) => println!("PROBE ok"),
            Err(error) => println!("PROBE error {error}"),
        }
    }
}
