//! Section 1 of BENCHMARKS.md: generation cost per stage, for IVS, its two sibling models and
//! synthetic models 10 and 100 times its size, beside what the peers need to start.

mod loading;
mod peers;
mod stages;
mod synthetic;

use ivs_bench::report::{self, Table};
use ivs_bench::{Options, repo_root};
use serde_json::Value;
use stages::Timings;
use std::path::Path;
use std::process::ExitCode;

/// One model to generate: a name for the table, its files, and how many runs to take the median of.
struct Subject {
    name: String,
    files: Vec<Value>,
    runs: usize,
}

fn main() -> ExitCode {
    ivs_bench::run_section("generation", run)
}

fn run(options: &Options) -> Result<String, String> {
    let root = repo_root();
    let ivs = vec![
        read_json(&root.join("model/ivs.json"))?,
        read_json(&root.join("model/ivs-fixes.json"))?,
    ];
    let runs = |full: usize| if options.smoke { 1 } else { full };
    let mut subjects = vec![Subject {
        name: "IVS".into(),
        files: ivs.clone(),
        runs: runs(9),
    }];
    let siblings = root.join("../shared/models");
    for (name, file) in [("IVS Chat", "ivschat.json"), ("IVS Real-Time", "ivs-realtime.json")] {
        let path = siblings.join(file);
        if path.exists() {
            subjects.push(Subject {
                name: name.into(),
                files: vec![read_json(&path)?],
                runs: runs(9),
            });
        } else {
            eprintln!("generation: {file} not found beside the project; that row is left out");
        }
    }
    // Smoke mode exercises the synthetic path on a small model; the real sizes take minutes in a debug build.
    let sizes: &[usize] = if options.smoke { &[2] } else { &[10, 100] };
    for &times in sizes {
        subjects.push(Subject {
            name: format!("IVS × {times} (synthetic)"),
            files: synthetic::repeat(&ivs, "com.amazonaws.ivs", times)?,
            // A run of the 100× model takes seconds: three are enough for a median.
            runs: runs(if times >= 100 { 3 } else { 9 }),
        });
    }

    let mut table = Table::new(&[
        "model",
        "shapes",
        "operations",
        "lines out",
        "load",
        "validate + lower",
        "emit",
        "format",
        "total",
        "ns per line out",
    ]);
    // The first subject is IVS itself; the peers are compared with its figures.
    let mut ivs_timings = None;
    for subject in &subjects {
        eprintln!("generation: {} ({} runs)", subject.name, subject.runs);
        let texts: Vec<String> = subject.files.iter().map(Value::to_string).collect();
        let t = stages::median_of(subject.runs, &texts)?;
        ivs_timings.get_or_insert(t);
        table.row(row(&subject.name, &t));
    }
    let ivs_timings = ivs_timings.ok_or("no model was measured")?;
    let (ours, ours_load) = (ivs_timings.total(), ivs_timings.load);

    let loading = loading::idl_vs_json(&root, runs(9))?;
    let jvm = peers::jvm_start(options);
    let botocore = peers::botocore_load(&root, options)?;
    let mut peer_table = Table::new(&["what", "time", "ours", "ratio"]);
    if let Some(jvm) = jvm {
        peer_table.row(vec![
            "JVM start alone (`java -version`), the floor under any smithy-rs run".into(),
            report::duration(jvm),
            format!("{} (all stages, IVS)", report::duration(ours)),
            report::times_smaller(ours.as_secs_f64(), jvm.as_secs_f64()),
        ]);
    }
    peer_table.row(vec![
        "botocore: load the IVS service model (new session each time)".into(),
        report::duration(botocore),
        format!("{} (load, IVS)", report::duration(ours_load)),
        report::times_smaller(ours_load.as_secs_f64(), botocore.as_secs_f64()),
    ]);

    let mut out = report::heading(
        "1. Generation",
        "generation",
        "The generator as a library, in process: **load** (parse the JSON AST files, merge `apply`, \
         flatten mixins), **validate + lower** (one pass that checks every constraint, trait and name and \
         builds the IR, collecting every problem), **emit** (token streams for the model, client and server \
         crates) and **format** (syn + prettyplease). Emit and format run file by file on every core \
         (`nproc` threads); their columns split that wall time in proportion to the time the threads spent \
         in each. Median of 9 runs \
         (3 for the 100× model). Synthetic models copy every IVS shape under new names (`CreateChannelX7`) \
         with new routes, so the generator does the full work for each copy.",
    );
    out.push_str(&table.to_markdown());
    if let Some(loading) = loading {
        out.push_str(
            "\n### Loading: the IDL reader beside the JSON AST loader\n\n\
             Load alone (parse, resolve names, merge, flatten mixins), each file's text as on disk: \
             Smithy's protocol compliance suite with the trait definitions it uses (`../shared/smithy`, IDL) \
             and `model/ivs.json` (JSON AST). Median of 9 runs.\n\n",
        );
        out.push_str(&loading.to_markdown());
    }
    out.push_str("\n### Peers\n\n");
    out.push_str(&peers::smithy_rs_note());
    out.push_str("\n\n");
    out.push_str(&peer_table.to_markdown());
    out.push('\n');
    Ok(out)
}

fn row(name: &str, t: &Timings) -> Vec<String> {
    vec![
        name.to_string(),
        t.shapes.to_string(),
        t.operations.to_string(),
        t.lines.to_string(),
        report::duration(t.load),
        report::duration(t.lower),
        report::duration(t.emit),
        report::duration(t.format),
        format!("**{}**", report::duration(t.total())),
        format!("{:.0}", t.total().as_nanos() as f64 / t.lines.max(1) as f64),
    ]
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{} is not JSON: {e}", path.display()))
}
