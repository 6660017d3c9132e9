//! Section `server_throughput` of BENCHMARKS.md: requests per second and latency of GetChannel
//! and ListChannels on ivs-local, against the limit (a bare axum handler answering the same
//! bytes) and moto's server, each in its own process, under load from a Rust load generator.

mod http;
mod load;
mod moto;
mod servers;
mod setup;
mod table;

use std::process::ExitCode;
use std::time::Duration;

use ivs_bench::Options;
use ivs_bench::process::ensure_python_peers;

use crate::load::{Outcome, Plan, Target};
use crate::table::Row;

/// Concurrent connections, the same for every server.
const CONCURRENCY: usize = 32;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match servers::serve_mode(&args) {
        Some(Ok(())) => ExitCode::SUCCESS,
        Some(Err(message)) => {
            eprintln!("server_throughput: {message}");
            ExitCode::FAILURE
        }
        None => ivs_bench::run_section("server_throughput", run),
    }
}

/// A tokio runtime with one worker thread: the machine has two cores, one for the load
/// generator and one for the server under load.
fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start tokio: {e}"))
}

/// Measures everything and prints the section.
fn run(options: &Options) -> Result<String, String> {
    let plan = if options.smoke {
        Plan {
            concurrency: CONCURRENCY,
            warmup: Duration::ZERO,
            measure: Duration::from_secs(30),
            per_connection: Some(2),
        }
    } else {
        Plan {
            concurrency: CONCURRENCY,
            warmup: Duration::from_secs(1),
            measure: Duration::from_secs(5),
            per_connection: None,
        }
    };
    ensure_python_peers(&ivs_bench::repo_root())?;
    let rows = runtime()?.block_on(measure(&plan))?;
    Ok(table::section(&plan, options.smoke, &rows))
}

/// Starts the three servers, gives them the same channels, and loads each with each call.
async fn measure(plan: &Plan) -> Result<Vec<Row>, String> {
    eprintln!(
        "server_throughput: starting ivs-local, creating {} channels",
        setup::CHANNELS
    );
    let (_ivs_local, ivs_addr) = servers::start_ivs_local()?;
    let ivs_arn = setup::create_channels("ivs-local", &ivs_addr).await?;
    let answers = setup::check_answers("ivs-local", &ivs_addr, &ivs_arn).await?;

    eprintln!("server_throughput: starting the bare handler");
    let (_bare, bare_addr) = servers::start_bare(&answers)?;
    setup::check_answers("bare handler", &bare_addr, &ivs_arn).await?;

    eprintln!(
        "server_throughput: starting moto, creating {} channels",
        setup::CHANNELS
    );
    let (_moto, moto_addr) = moto::start()?;
    let moto_arn = setup::create_channels("moto", &moto_addr).await?;
    setup::check_answers("moto", &moto_addr, &moto_arn).await?;

    let mut rows = Vec::new();
    let mut failures = Vec::new();
    for operation in ["GetChannel", "ListChannels"] {
        let body = |arn: &str| match operation {
            "GetChannel" => setup::get_channel_body(arn),
            _ => setup::list_channels_body(),
        };
        let target = |addr: &str, arn: &str| Target {
            addr: addr.to_string(),
            operation,
            body: body(arn),
        };
        rows.push(Row {
            operation,
            bare: load("the bare handler", &target(&bare_addr, &ivs_arn), plan, &mut failures).await,
            ivs_local: load("ivs-local", &target(&ivs_addr, &ivs_arn), plan, &mut failures).await,
            moto: load("moto", &target(&moto_addr, &moto_arn), plan, &mut failures).await,
        });
    }
    if failures.is_empty() {
        Ok(rows)
    } else {
        Err(format!("some requests failed:\n  {}", failures.join("\n  ")))
    }
}

/// Loads `server` with `target`; notes in `failures` what failed.
async fn load(server: &str, target: &Target, plan: &Plan, failures: &mut Vec<String>) -> Outcome {
    eprintln!("server_throughput: {} on {server}", target.operation);
    let outcome = load::run(target, plan).await;
    eprintln!(
        "server_throughput:   {} requests, load generator busy {:.0}% of the time",
        outcome.sent,
        100.0 * outcome.client_busy()
    );
    if let Some(first) = &outcome.first_failure {
        failures.push(format!(
            "{server} {}: {} of {} requests failed, the first: {first}",
            target.operation, outcome.failures, outcome.sent
        ));
    }
    outcome
}
