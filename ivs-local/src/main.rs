//! `ivs-local`: a local Amazon IVS on 127.0.0.1. See `--help`.

use std::io::Write as _;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use ivs_local::{Emulator, Settings};
use ivs_server::{Auth, ServerConfig, Timeouts, serve};

mod request_log;

/// A local Amazon IVS (low-latency streaming API 2020-07-14): every operation, no AWS account.
#[derive(Debug, Parser)]
#[command(version)]
struct Options {
    /// The port to listen on; 0 picks a free one (the endpoint line says which).
    #[arg(long, default_value_t = 4567)]
    port: u16,
    /// The address to listen on. Anything but a loopback address exposes the emulator to the network.
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    /// The region in ARNs and URLs, and the one requests must be signed for with authentication on.
    #[arg(long, env = "IVS_LOCAL_REGION", default_value = "us-west-2")]
    region: String,
    /// The account id in ARNs (12 digits).
    #[arg(long, env = "IVS_LOCAL_ACCOUNT_ID", default_value = "123456789012", value_parser = account_id)]
    account_id: String,
    /// Keep the state in this JSON file: loaded at start, saved after every change.
    #[arg(long, env = "IVS_LOCAL_STATE")]
    state: Option<PathBuf>,
    /// Verify SigV4 signatures made with this access key id (requires --secret-access-key or
    /// --secret-access-key-file); without it any signature, or none, is accepted.
    #[arg(long, env = "IVS_LOCAL_ACCESS_KEY_ID", requires = "secret")]
    access_key_id: Option<String>,
    /// Do not log each request on stderr.
    #[arg(long)]
    quiet: bool,
    /// Seconds a connection may take to send a complete request head, counted from when it
    /// opens or its previous response was sent (so also how long an idle connection is kept).
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0, value_parser = seconds)]
    header_timeout: f64,
    /// Seconds a request body may take to arrive; past it the answer is 408.
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0, value_parser = seconds)]
    body_timeout: f64,
    /// Seconds in-flight requests get to finish after Ctrl-C or SIGTERM; then the emulator
    /// stops anyway.
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0, value_parser = seconds)]
    shutdown_timeout: f64,
    /// The secret access key of --access-key-id. A command line is visible to every user of
    /// the machine: prefer --secret-access-key-file.
    #[arg(
        long,
        env = "IVS_LOCAL_SECRET_ACCESS_KEY",
        requires = "access_key_id",
        group = "secret",
        hide_env_values = true
    )]
    secret_access_key: Option<String>,
    /// A file holding the secret access key of --access-key-id (one line; a final newline
    /// is ignored).
    #[arg(
        long,
        env = "IVS_LOCAL_SECRET_ACCESS_KEY_FILE",
        value_name = "PATH",
        requires = "access_key_id",
        group = "secret"
    )]
    secret_access_key_file: Option<PathBuf>,
}

impl Options {
    /// The secret key, from the option or the file.
    fn secret(&self) -> Result<Option<String>, String> {
        if let Some(secret) = &self.secret_access_key {
            return Ok(Some(secret.clone()));
        }
        let Some(path) = &self.secret_access_key_file else {
            return Ok(None);
        };
        let text = std::fs::read_to_string(path)
            .map_err(|error| format!("cannot read the secret access key file {}: {error}", path.display()))?;
        let secret = text.strip_suffix('\n').unwrap_or(&text);
        let secret = secret.strip_suffix('\r').unwrap_or(secret);
        if secret.is_empty() || secret.contains('\n') {
            return Err(format!(
                "the secret access key file {} must hold the key on one line",
                path.display()
            ));
        }
        Ok(Some(secret.to_owned()))
    }
}

/// A future that resolves on Ctrl-C (SIGINT) or, on Unix, SIGTERM (what `docker stop` and
/// service managers send), so both let in-flight requests finish. The handlers are installed
/// here, before the endpoint is announced, so a signal sent right after it is not lost.
#[cfg(unix)]
fn stop_requested() -> Result<impl Future<Output = ()>, String> {
    use tokio::signal::unix::{SignalKind, signal};
    let install = |kind| signal(kind).map_err(|error| format!("cannot handle signals: {error}"));
    let (mut interrupt, mut terminate) = (install(SignalKind::interrupt())?, install(SignalKind::terminate())?);
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
    })
}

#[cfg(not(unix))]
fn stop_requested() -> Result<impl Future<Output = ()>, String> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}

fn seconds(value: &str) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(seconds) if seconds.is_finite() && seconds > 0.0 && seconds <= 86_400.0 => Ok(seconds),
        _ => Err(format!(
            "expected a number of seconds above 0 and up to 86400, not {value:?}"
        )),
    }
}

fn account_id(value: &str) -> Result<String, String> {
    if value.len() == 12 && value.bytes().all(|byte| byte.is_ascii_digit()) {
        Ok(value.to_owned())
    } else {
        Err(format!("an account id is 12 digits, not {value:?}"))
    }
}

fn main() -> ExitCode {
    let options = Options::parse();
    match tokio::runtime::Runtime::new()
        .map_err(|error| error.to_string())
        .and_then(|runtime| runtime.block_on(run(options)))
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // Not eprintln!: with stderr closed it would panic, and exit 101 instead of 1.
            let _ = writeln!(std::io::stderr(), "ivs-local: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(options: Options) -> Result<(), String> {
    let secret = options.secret()?;
    let settings = Settings {
        region: options.region.clone(),
        account_id: options.account_id,
        state_file: options.state,
    };
    let emulator = Emulator::open(settings).map_err(|error| error.to_string())?;
    let timeouts = Timeouts {
        header_read: Duration::from_secs_f64(options.header_timeout),
        body_read: Duration::from_secs_f64(options.body_timeout),
        shutdown: Duration::from_secs_f64(options.shutdown_timeout),
    };
    let mut config = ServerConfig::default().with_timeouts(timeouts);
    if let (Some(key), Some(secret)) = (options.access_key_id, secret) {
        config = config.with_auth(Auth::new(options.region, "ivs").key(key, secret));
    }
    let address = SocketAddr::new(options.bind, options.port);
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|error| format!("cannot listen on {address}: {error}"))?;
    let bound = listener.local_addr().map_err(|error| error.to_string())?;
    let stop = stop_requested()?;
    // The one line tools wait for: the endpoint to give clients (`--endpoint-url`).
    say(&format!("ivs-local listening on http://{bound}"));
    let _log = request_log::install(options.quiet);
    let mut app = emulator.into_router(config);
    if !options.quiet {
        app = app.layer(axum::middleware::from_fn(request_log::log));
    }
    serve(listener, app, timeouts, stop)
        .await
        .map_err(|error| error.to_string())?;
    say("ivs-local stopped");
    Ok(())
}

/// Prints a line on stdout, if anyone is still reading it: `ivs-local | head -1` closes the
/// pipe after the first line, and `println!` would then panic at the next.
fn say(line: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{line}").and_then(|()| stdout.flush());
}
