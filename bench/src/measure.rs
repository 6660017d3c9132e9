//! Timing: ns per call of a closure, process CPU time, latency percentiles.

use crate::Options;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// How long each of the timed batches of [`ns_per_call`] lasts.
const BATCH: Duration = Duration::from_millis(60);
/// How many batches [`ns_per_call`] times; the median is reported.
const BATCHES: usize = 15;

/// The median time of one call of `f`, in nanoseconds, over [`BATCHES`] batches that each
/// last about [`BATCH`]; in smoke mode, one call.
pub fn ns_per_call<T>(options: &Options, mut f: impl FnMut() -> T) -> f64 {
    if options.smoke {
        let start = Instant::now();
        black_box(f());
        return start.elapsed().as_nanos() as f64;
    }
    // Warm up and find a batch size that lasts about BATCH.
    let mut per_batch = 1u64;
    loop {
        let start = Instant::now();
        for _ in 0..per_batch {
            black_box(f());
        }
        if start.elapsed() >= BATCH / 4 {
            let once = start.elapsed().as_nanos() as f64 / per_batch as f64;
            per_batch = ((BATCH.as_nanos() as f64 / once).ceil() as u64).max(1);
            break;
        }
        per_batch *= 2;
    }
    let mut samples: Vec<f64> = (0..BATCHES)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_batch {
                black_box(f());
            }
            start.elapsed().as_nanos() as f64 / per_batch as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// CPU time (user + system) this process has used so far, all threads included.
pub fn process_cpu_time() -> Duration {
    // SAFETY: getrusage only writes into the struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// The `p`-th percentile (0 to 100) of sorted latencies; zero when there are none.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}
