//! Section `client_calls` of BENCHMARKS.md: what one call costs a client, for our generated
//! client, the official `aws-sdk-ivs` and boto3, against one loopback server answering fixed
//! bytes recorded from ivs-local.
//!
//! The same binary, started with the hidden argument `serve`, is that server: it runs in a child
//! process so that this process's CPU time is the clients' work only.

mod bodies;
mod boto3;
mod check;
mod inputs;
mod operation;
mod ours;
mod rounds;
mod sdk;
mod section;
mod serve;

use std::process::ExitCode;

use ivs_bench::{Options, process, repo_root};

use crate::operation::{Operation, Peer};
use crate::rounds::{Budget, Results};

fn main() -> ExitCode {
    // The server mode is checked before `Options::from_args`, which refuses unknown arguments.
    if std::env::args().nth(1).as_deref() == Some(serve::MODE) {
        return serve::main();
    }
    ivs_bench::run_section("client_calls", run)
}

/// Measures every operation with every client and returns the section's Markdown.
fn run(options: &Options) -> Result<String, String> {
    let root = repo_root();
    process::ensure_python_peers(&root)?;
    // Kept alive until the end of this function: dropping it stops the server.
    let (_server, addr) = process::spawn_self(&[serve::MODE])?;
    let endpoint = format!("http://{addr}");
    eprintln!("client_calls: fixed-bytes server at {endpoint}");
    let budget = Budget::for_options(options);

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start a tokio runtime: {e}"))?;
    // The clients are made in the runtime's context: their connection pools belong to it.
    let _context = runtime.enter();
    let ours = ours::Ours::new(&endpoint)?;
    let sdk = sdk::Sdk::new(&endpoint);
    // The fixed CreateChannel answer names the channel every later check expects.
    let arn = runtime.block_on(ours.learn_arn())?;
    // These first calls also warm up: connection, credentials, lazily built state.
    for operation in Operation::ALL {
        runtime.block_on(ours.call(operation, &arn))?;
        runtime.block_on(sdk.call(operation, &arn))?;
    }
    let boto3 = boto3::Boto3::new(&root, &endpoint, &arn);
    let mut boto3_version = String::new();

    // Rounds alternate between the clients, so a change in the machine's load (it may be
    // shared) falls on all of them alike.
    let mut results = Results::default();
    for operation in Operation::ALL {
        for round in 0..budget.rounds {
            eprintln!(
                "client_calls: {} round {}/{}",
                operation.name(),
                round + 1,
                budget.rounds
            );
            let timed = runtime.block_on(rounds::timed(budget, || ours.call(operation, &arn)))?;
            results.add(operation, Peer::Ours, timed);
            let timed = runtime.block_on(rounds::timed(budget, || sdk.call(operation, &arn)))?;
            results.add(operation, Peer::Sdk, timed);
            let (timed, version) = boto3.round(operation, budget)?;
            results.add(operation, Peer::Boto3, timed);
            boto3_version = version;
        }
    }
    let versions = section::Versions {
        sdk: sdk::version(&root),
        boto3: boto3_version,
    };
    Ok(section::render(options, budget, &results, &versions))
}
