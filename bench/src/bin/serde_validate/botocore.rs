//! The peer: `bench/python/botocore_serde.py` times botocore on the same documents.

use std::path::{Path, PathBuf};

use ivs_bench::Options;
use ivs_bench::process::run_python;
use serde_json::{Value, json};

use crate::case::{Case, Step};

/// What the script answered: versions, and ns per call by case id and step key.
#[derive(Debug)]
pub struct Botocore {
    /// botocore's version.
    pub version: String,
    /// The Python interpreter's version.
    pub python: String,
    ns: Value,
}

impl Botocore {
    /// botocore's ns per call of `step` on `case`; `None` when botocore has no such step.
    pub fn ns(&self, case: &Case, step: Step) -> Result<Option<f64>, String> {
        let Some(key) = step.botocore_key(case.direction) else {
            return Ok(None);
        };
        self.ns[case.id][key]
            .as_f64()
            .map(Some)
            .ok_or(format!("botocore_serde.py gave no `{key}` figure for {}", case.id))
    }
}

/// A temporary file, removed when dropped.
struct TempFile(PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Runs the script on the cases' documents (one short iteration in smoke mode).
pub fn measure(root: &Path, options: &Options, cases: &[Case]) -> Result<Botocore, String> {
    let documents = json!({ "cases": cases.iter().map(|c| &c.document).collect::<Vec<_>>() });
    // The process id keeps two runs on one machine apart.
    let file = TempFile(std::env::temp_dir().join(format!("ivs-bench-serde-{}.json", std::process::id())));
    std::fs::write(&file.0, documents.to_string()).map_err(|e| format!("cannot write {}: {e}", file.0.display()))?;
    let mut args = vec![file.0.display().to_string()];
    if options.smoke {
        args.push("--smoke".to_string());
    }
    let stdout = run_python(root, "botocore_serde.py", &args)?;
    let answer: Value =
        serde_json::from_str(&stdout).map_err(|e| format!("botocore_serde.py printed no JSON ({e}): {stdout}"))?;
    let text = |key: &str| {
        answer[key]
            .as_str()
            .map(str::to_string)
            .ok_or(format!("botocore_serde.py gave no `{key}`"))
    };
    Ok(Botocore {
        version: text("botocore")?,
        python: text("python")?,
        ns: answer["ns"].clone(),
    })
}
