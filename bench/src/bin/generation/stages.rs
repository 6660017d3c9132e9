//! One generation, stage by stage, exactly as `codegen::generate` runs it.

use codegen::{ModelSource, Options, emit::format::take_times};
use std::time::{Duration, Instant};

/// The time of each stage of one generation, and what it produced.
#[derive(Debug, Clone, Copy)]
pub struct Timings {
    pub load: Duration,
    pub lower: Duration,
    pub emit: Duration,
    pub format: Duration,
    pub shapes: usize,
    pub operations: usize,
    pub lines: usize,
}

impl Timings {
    pub fn total(&self) -> Duration {
        self.load + self.lower + self.emit + self.format
    }
}

/// Generates from the model texts (one service) `runs` times; each stage's median.
pub fn median_of(runs: usize, texts: &[String]) -> Result<Timings, String> {
    let all: Vec<Timings> = (0..runs.max(1)).map(|_| once(texts)).collect::<Result<_, _>>()?;
    let median = |pick: fn(&Timings) -> Duration| {
        let mut values: Vec<Duration> = all.iter().map(pick).collect();
        values.sort();
        values[values.len() / 2]
    };
    Ok(Timings {
        load: median(|t| t.load),
        lower: median(|t| t.lower),
        emit: median(|t| t.emit),
        format: median(|t| t.format),
        ..all[0]
    })
}

fn once(texts: &[String]) -> Result<Timings, String> {
    let sources: Vec<ModelSource> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| ModelSource {
            name: format!("model {i}"),
            text: text.clone(),
        })
        .collect();
    let started = Instant::now();
    let model = codegen::loader::load(&sources).map_err(|e| codegen::ModelErrors(e).to_string())?;
    let load = started.elapsed();

    let started = Instant::now();
    let service = codegen::lower::lower(&model, None).map_err(|e| codegen::ModelErrors(e).to_string())?;
    let lower = started.elapsed();

    take_times();
    let started = Instant::now();
    let options = Options {
        service: None,
        runtime_path: "runtime".into(),
        ..Options::default()
    };
    let files = codegen::emit_crates(&service, &options).map_err(|e| e.to_string())?;
    let emit_and_format = started.elapsed();
    // Files are built and formatted on every core at once: split the wall time in proportion
    // to the time the threads spent in each.
    let (build, format) = take_times();
    let format_share = format.as_secs_f64() / (build + format).as_secs_f64().max(f64::MIN_POSITIVE);
    let format = emit_and_format.mul_f64(format_share.min(1.0));

    Ok(Timings {
        load,
        lower,
        emit: emit_and_format.saturating_sub(format),
        format,
        shapes: model.shapes.len(),
        operations: service.operations.len(),
        lines: files.values().map(|text| text.lines().count()).sum(),
    })
}
