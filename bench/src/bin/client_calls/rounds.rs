//! Timed rounds of sequential calls, and their medians.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use ivs_bench::Options;
use ivs_bench::measure::process_cpu_time;

use crate::operation::{Operation, Peer};

/// How long each round lasts and how many rounds each client runs per operation.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// A round stops at its first call ending after this; zero makes one-call rounds.
    pub round: Duration,
    /// Rounds per client and operation.
    pub rounds: usize,
}

impl Budget {
    /// Three rounds of 1.5 s, or one call in smoke mode.
    pub fn for_options(options: &Options) -> Budget {
        if options.smoke {
            Budget {
                round: Duration::ZERO,
                rounds: 1,
            }
        } else {
            Budget {
                round: Duration::from_millis(1500),
                rounds: 3,
            }
        }
    }
}

/// What one round measured.
#[derive(Debug, Clone, Copy)]
pub struct Round {
    /// Calls made.
    pub calls: u64,
    /// Wall-clock time of the round.
    pub wall: Duration,
    /// CPU time of the client process during the round.
    pub cpu: Duration,
}

impl Round {
    /// Calls per second of wall-clock time.
    pub fn calls_per_second(&self) -> f64 {
        self.calls as f64 / self.wall.as_secs_f64().max(f64::MIN_POSITIVE)
    }

    /// CPU nanoseconds per call.
    pub fn cpu_ns_per_call(&self) -> f64 {
        self.cpu.as_nanos() as f64 / self.calls.max(1) as f64
    }
}

/// Runs `call` sequentially until the round's time is up (at least once) and measures the
/// wall-clock and process CPU time.
pub async fn timed<F, Fut>(budget: Budget, mut call: F) -> Result<Round, String>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<(), String>>,
{
    let (wall, cpu) = (Instant::now(), process_cpu_time());
    let mut calls = 0;
    loop {
        call().await?;
        calls += 1;
        if wall.elapsed() >= budget.round {
            break;
        }
    }
    Ok(Round {
        calls,
        wall: wall.elapsed(),
        cpu: process_cpu_time() - cpu,
    })
}

/// Every round, by operation and client.
#[derive(Debug, Default)]
pub struct Results {
    rounds: BTreeMap<(Operation, Peer), Vec<Round>>,
}

impl Results {
    /// Records a round of `peer` calling `operation`.
    pub fn add(&mut self, operation: Operation, peer: Peer, round: Round) {
        self.rounds.entry((operation, peer)).or_default().push(round);
    }

    /// The rounds of `peer` calling `operation` (empty if none ran).
    pub fn rounds(&self, operation: Operation, peer: Peer) -> &[Round] {
        self.rounds.get(&(operation, peer)).map_or(&[], Vec::as_slice)
    }

    /// The median over the rounds of `peer` calling `operation` of `figure`; zero if none ran.
    pub fn median(&self, operation: Operation, peer: Peer, figure: impl Fn(&Round) -> f64) -> f64 {
        let mut values: Vec<f64> = self.rounds(operation, peer).iter().map(figure).collect();
        values.sort_by(f64::total_cmp);
        values.get(values.len() / 2).copied().unwrap_or(0.0)
    }

    /// All calls `peer` made to `operation` in timed rounds.
    pub fn calls(&self, operation: Operation, peer: Peer) -> u64 {
        self.rounds(operation, peer).iter().map(|round| round.calls).sum()
    }
}
