//! The section's Markdown: what was measured, and one table.

use ivs_bench::report::{self, Table};

use crate::load::{Outcome, Plan};

/// The share of a run the load generator's thread must be busy for its rate to count as
/// possibly set by the load generator.
const CLIENT_BOUND: f64 = 0.9;

/// The three servers' outcomes for one call.
pub struct Row {
    /// The operation.
    pub operation: &'static str,
    /// The bare handler (the limit).
    pub bare: Outcome,
    /// ivs-local.
    pub ivs_local: Outcome,
    /// moto's server.
    pub moto: Outcome,
}

/// The whole section.
pub fn section(plan: &Plan, smoke: bool, rows: &[Row]) -> String {
    let timing = if smoke {
        "smoke run: a few requests per server and call, not a measurement".to_string()
    } else {
        format!(
            "{} s warm-up, then {} s measured per server and call",
            plan.warmup.as_secs_f64(),
            plan.measure.as_secs_f64()
        )
    };
    let what = format!(
        "GetChannel and ListChannels (one page of 100 channels, 2 tags each) under load: {c} concurrent \
         HTTP/1.1 connections from a Rust load generator (hyper, one tokio thread) on loopback, each sending \
         the same request in a loop; {timing}. Latency is from sending a request to the last byte of its \
         answer. Each server is its own process: the limit, a bare axum handler (one tokio worker thread) \
         that reads the request and answers ivs-local's answer bytes without decoding or validating \
         anything; ivs-local's router (authentication off, state in memory, one tokio worker thread); and \
         moto's server (Python, werkzeug) holding the same 100 channels. moto's server closes the \
         connection after every answer, so each of its requests opens a new connection, which its latency \
         includes.",
        c = plan.concurrency
    );
    let mut table = Table::new(&[
        "call",
        "limit req/s",
        "limit p50",
        "limit p99",
        "ivs-local req/s",
        "ivs-local p50",
        "ivs-local p99",
        "ivs-local / limit",
        "moto req/s",
        "moto p50",
        "moto p99",
        "ivs-local / moto",
    ]);
    for row in rows {
        let mut cells = vec![row.operation.to_string()];
        cells.extend(figures(&row.bare));
        cells.extend(figures(&row.ivs_local));
        cells.push(share(row.ivs_local.per_second(), row.bare.per_second()));
        cells.extend(figures(&row.moto));
        cells.push(report::times_larger(row.ivs_local.per_second(), row.moto.per_second()));
        table.row(cells);
    }
    format!(
        "{}{}{}",
        report::heading("3. Server throughput", "server_throughput", &what),
        table.to_markdown(),
        client_bound(smoke, rows)
    )
}

/// A note naming the runs whose rate the load generator, rather than the server, may have set.
fn client_bound(smoke: bool, rows: &[Row]) -> String {
    let mut runs = Vec::new();
    for row in rows {
        for (server, outcome) in [
            ("the limit", &row.bare),
            ("ivs-local", &row.ivs_local),
            ("moto", &row.moto),
        ] {
            if outcome.client_busy() >= CLIENT_BOUND {
                runs.push(format!(
                    "{} on {server} ({:.0}%)",
                    row.operation,
                    100.0 * outcome.client_busy()
                ));
            }
        }
    }
    if smoke || runs.is_empty() {
        return String::new();
    }
    let rates = if runs.len() == 1 {
        "that rate is"
    } else {
        "those rates are"
    };
    format!(
        "\nThe load generator's thread was busy nearly all the time during {}: {rates} what one client \
         thread can send as much as what the server can answer, so the server's own limit may be higher.\n",
        runs.join(", ")
    )
}

/// Requests per second, p50 and p99.
fn figures(outcome: &Outcome) -> [String; 3] {
    [
        report::rate(outcome.per_second()),
        report::duration(outcome.latency(50.0)),
        report::duration(outcome.latency(99.0)),
    ]
}

/// `part` as a percentage of `whole`.
fn share(part: f64, whole: f64) -> String {
    if whole > 0.0 {
        format!("{:.0}%", 100.0 * part / whole)
    } else {
        "n/a".to_string()
    }
}
