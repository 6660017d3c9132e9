//! The load generator: C connections, each sending the same request in a loop, timing each one.

use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use ivs_bench::measure::{percentile, process_cpu_time};

use crate::http::{self, Sender, Template};

/// How long one request may take before it counts as failed (a hung server must not hang us).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// How much load, for how long.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    /// Concurrent connections, each with one request in flight.
    pub concurrency: usize,
    /// Time spent sending requests that are not measured, so connections, caches and the
    /// server's allocator are warm.
    pub warmup: Duration,
    /// Time spent measuring after the warm-up.
    pub measure: Duration,
    /// At most this many requests per connection (smoke mode), whatever the time.
    pub per_connection: Option<usize>,
}

/// The same call, sent to one server.
#[derive(Debug, Clone)]
pub struct Target {
    /// `host:port`.
    pub addr: String,
    /// The operation, which is also the path.
    pub operation: &'static str,
    /// The JSON body.
    pub body: Bytes,
}

/// What a run measured.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Latencies of the measured requests that succeeded, sorted.
    pub latencies: Vec<Duration>,
    /// From the end of the warm-up to the last answer.
    pub elapsed: Duration,
    /// Requests that failed, warm-up included.
    pub failures: usize,
    /// All requests sent, warm-up included.
    pub sent: usize,
    /// What went wrong first, if anything did.
    pub first_failure: Option<String>,
    /// CPU time the load generator used during the run: near the run's duration, the load
    /// generator (not the server) is what limits the rate.
    pub client_cpu: Duration,
    /// The whole run, warm-up included.
    pub wall: Duration,
}

impl Outcome {
    /// Measured requests answered per second.
    pub fn per_second(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64();
        if seconds > 0.0 {
            self.latencies.len() as f64 / seconds
        } else {
            0.0
        }
    }

    /// The share of the run (0 to 1) the load generator's thread was busy.
    pub fn client_busy(&self) -> f64 {
        self.client_cpu.as_secs_f64() / self.wall.as_secs_f64().max(1e-9)
    }

    /// The `p`-th latency percentile.
    pub fn latency(&self, p: f64) -> Duration {
        percentile(&self.latencies, p)
    }
}

/// Runs `plan` against `target`; every answer must be 200 with a body, anything else is a failure.
pub async fn run(target: &Target, plan: &Plan) -> Outcome {
    let template = match http::Template::new(&target.addr, target.operation, &target.body) {
        Ok(template) => Arc::new(template),
        Err(message) => {
            return Outcome {
                failures: 1,
                first_failure: Some(message),
                ..Outcome::default()
            };
        }
    };
    let cpu_before = process_cpu_time();
    let start = Instant::now();
    let measure_from = start + plan.warmup;
    let end = measure_from + plan.measure;
    let workers: Vec<_> = (0..plan.concurrency)
        .map(|_| tokio::spawn(worker(template.clone(), measure_from, end, plan.per_connection)))
        .collect();
    let mut outcome = Outcome::default();
    for worker in workers {
        match worker.await {
            Ok(one) => {
                outcome.latencies.extend(one.latencies);
                outcome.failures += one.failures;
                outcome.sent += one.sent;
                if outcome.first_failure.is_none() {
                    outcome.first_failure = one.first_failure;
                }
            }
            Err(e) => {
                outcome.failures += 1;
                outcome
                    .first_failure
                    .get_or_insert(format!("a connection's task failed: {e}"));
            }
        }
    }
    let finished = Instant::now();
    outcome.elapsed = finished.saturating_duration_since(measure_from);
    outcome.wall = finished - start;
    outcome.client_cpu = process_cpu_time().saturating_sub(cpu_before);
    outcome.latencies.sort_unstable();
    outcome
}

/// One connection's loop; it reconnects when the server closes the connection or a request fails.
async fn worker(template: Arc<Template>, measure_from: Instant, end: Instant, limit: Option<usize>) -> Outcome {
    let mut outcome = Outcome::default();
    let mut sender = None;
    loop {
        let start = Instant::now();
        if start >= end || limit.is_some_and(|n| outcome.sent >= n) {
            return outcome;
        }
        outcome.sent += 1;
        let result = tokio::time::timeout(REQUEST_TIMEOUT, exchange(&mut sender, &template))
            .await
            .unwrap_or_else(|_| Err(format!("no answer within {REQUEST_TIMEOUT:?}")));
        // The latency includes opening a connection when one is needed: servers that close
        // every connection make their clients pay for that on every request.
        let took = start.elapsed();
        match result {
            Ok(()) if start >= measure_from => outcome.latencies.push(took),
            Ok(()) => {}
            Err(message) => {
                sender = None;
                outcome.failures += 1;
                outcome.first_failure.get_or_insert(message);
            }
        }
    }
}

/// One request, on the connection in `sender` or on a new one; keeps the connection if the
/// server keeps it open.
async fn exchange(sender: &mut Option<Sender>, template: &Template) -> Result<(), String> {
    let mut current = match sender.take() {
        Some(current) => current,
        None => http::connect(template.addr()).await?,
    };
    let answer = http::send(&mut current, template.request()).await?;
    if !answer.closes {
        *sender = Some(current);
    }
    if answer.status != hyper::StatusCode::OK {
        return Err(format!("answer {} instead of 200", answer.status));
    }
    if answer.body.is_empty() {
        return Err("empty answer".to_string());
    }
    Ok(())
}
