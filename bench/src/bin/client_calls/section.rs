//! The section's Markdown.

use ivs_bench::Options;
use ivs_bench::report::{Table, heading, nanos, rate, times_smaller};

use crate::inputs::{PAGE, TAGS};
use crate::operation::{Operation, Peer};
use crate::rounds::{Budget, Results, Round};

/// The peers' versions, for the text.
pub struct Versions {
    /// aws-sdk-ivs's version.
    pub sdk: String,
    /// boto3's and botocore's versions.
    pub boto3: String,
}

const PEERS: [Peer; 3] = [Peer::Ours, Peer::Sdk, Peer::Boto3];

/// The heading, the table and the line saying what the figures rest on.
pub fn render(options: &Options, budget: Budget, results: &Results, versions: &Versions) -> String {
    let what = format!(
        "What one call costs the client: validate, serialize, sign (SigV4), send, parse. Each client \
         makes sequential calls on one connection to one loopback server, in a child process, that \
         answers fixed bodies recorded from ivs-local (CreateChannel with {tags} tags and its stream key, \
         GetChannel, a ListChannels page of {PAGE} tagged summaries with a nextToken). CPU time is the \
         client process's own (getrusage, all threads; boto3: `time.process_time()`), so the server's \
         work is not in it. The Rust clients run on a tokio current-thread runtime; calls are timed {schedule}. Peers: \
         aws-sdk-ivs {sdk} with its default configuration, {boto3}. Every answer is checked.",
        tags = TAGS.len(),
        schedule = schedule(options, budget),
        sdk = versions.sdk,
        boto3 = versions.boto3,
    );
    let mut out = heading("2. Client per-call cost", "client_calls", &what);
    let mut table = Table::new(&[
        "Operation",
        "calls/s ours",
        "calls/s aws-sdk-ivs",
        "calls/s boto3",
        "CPU/call ours",
        "CPU/call aws-sdk-ivs",
        "CPU/call boto3",
        "aws-sdk-ivs CPU / ours",
        "boto3 CPU / ours",
    ]);
    for operation in Operation::ALL {
        let cpu = PEERS.map(|peer| results.median(operation, peer, Round::cpu_ns_per_call));
        let mut row = vec![label(operation)];
        row.extend(PEERS.map(|peer| rate(results.median(operation, peer, Round::calls_per_second))));
        row.extend(cpu.map(nanos));
        row.push(times_smaller(cpu[0], cpu[1]));
        row.push(times_smaller(cpu[0], cpu[2]));
        table.row(row);
    }
    out.push_str(&table.to_markdown());
    out.push('\n');
    let counts: Vec<String> = Operation::ALL
        .into_iter()
        .map(|operation| {
            let [ours, sdk, boto3] = PEERS.map(|peer| results.calls(operation, peer).to_string());
            format!("{} {ours} / {sdk} / {boto3}", operation.name())
        })
        .collect();
    out.push_str(&format!(
        "Calls timed, all rounds (ours / aws-sdk-ivs / boto3): {}.\n\n",
        counts.join("; ")
    ));
    if options.smoke {
        out.push_str("Smoke run: one call per client and operation; the figures mean nothing.\n\n");
    }
    out
}

/// How the calls were timed.
fn schedule(options: &Options, budget: Budget) -> String {
    if options.smoke {
        return "once each, after an untimed call (smoke run)".to_string();
    }
    format!(
        "in {rounds} rounds of {seconds} s per client and operation, alternating (ours, aws-sdk-ivs, boto3, \
         ours, …), each after untimed calls. Each figure is the median over the rounds",
        rounds = budget.rounds,
        seconds = budget.round.as_secs_f64(),
    )
}

fn label(operation: Operation) -> String {
    match operation {
        Operation::Create => format!("CreateChannel ({} tags)", TAGS.len()),
        Operation::Get => "GetChannel".to_string(),
        Operation::List => format!("ListChannels ({PAGE} items)"),
    }
}
