//! Loading alone, per byte: the IDL reader on Smithy's protocol compliance suite (IDL) beside
//! the JSON AST loader on `model/ivs.json`, each file's text as it is on disk.

use codegen::ModelSource;
use ivs_bench::report::{self, Table};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The table, or `None` when `../shared/smithy` (the suite) is not beside the project.
pub fn idl_vs_json(root: &Path, runs: usize) -> Result<Option<Table>, String> {
    let smithy = root.join("../shared/smithy");
    if !smithy.is_dir() {
        eprintln!("generation: ../shared/smithy not found; the IDL loading rows are left out");
        return Ok(None);
    }
    let mut idl_files = smithy_files(&smithy.join("protocol-tests"))?;
    idl_files.extend(smithy_files(&smithy.join("traits"))?);
    let idl = read_all(&idl_files)?;
    let json = read_all(&[root.join("model/ivs.json")])?;
    let mut table = Table::new(&["what", "files", "bytes", "load (median)", "MB/s", "ns per byte"]);
    let mut rates = Vec::new();
    for (name, sources) in [
        (
            "IDL reader: protocol compliance suite + trait definitions (`.smithy`)",
            &idl,
        ),
        ("JSON AST loader: `model/ivs.json`", &json),
    ] {
        let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
        let time = median_load(sources, runs)?;
        let ns_per_byte = time.as_nanos() as f64 / bytes.max(1) as f64;
        rates.push(ns_per_byte);
        table.row(vec![
            name.to_string(),
            sources.len().to_string(),
            bytes.to_string(),
            report::duration(time),
            format!("{:.0}", bytes as f64 / time.as_secs_f64().max(f64::MIN_POSITIVE) / 1e6),
            format!("{ns_per_byte:.1}"),
        ]);
    }
    table.row(vec![
        "IDL per byte ÷ JSON per byte".to_string(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        format!("{:.2}", rates[0] / rates[1].max(f64::MIN_POSITIVE)),
    ]);
    Ok(Some(table))
}

fn median_load(sources: &[ModelSource], runs: usize) -> Result<Duration, String> {
    let mut times = Vec::new();
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        let model = codegen::loader::load(sources).map_err(|e| codegen::ModelErrors(e).to_string())?;
        times.push(started.elapsed());
        drop(model);
    }
    times.sort();
    Ok(times[times.len() / 2])
}

fn read_all(paths: &[PathBuf]) -> Result<Vec<ModelSource>, String> {
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            Ok(ModelSource {
                name: path.display().to_string(),
                text,
            })
        })
        .collect()
}

/// Every `.smithy` file below `dir`, sorted.
fn smithy_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "smithy") {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}
