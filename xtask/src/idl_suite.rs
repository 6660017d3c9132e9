//! Smithy's own IDL loader suite, run against our IDL reader (`cargo xtask idl-tests`).
//!
//! `valid/`: every `X.smithy` must load into the model its `X.json` describes (both loaded
//! with `__shared.json`, which holds shapes several tests use). `X.flattened.smithy` is what
//! `X.smithy` becomes once mixins are flattened and mixin shapes dropped, so the two are
//! compared that way (this is how Smithy's own tests use those files); an `X.smithy` with
//! neither (`trait-locations.smithy`, which Smithy uses for source locations only) must load.
//! `invalid/`: every file must be refused; when its first line names a line and column, the
//! first of our errors that has a position is compared with it.

use codegen::ModelSource;
use codegen::loader::{self, Model};
use std::fs;
use std::path::{Path, PathBuf};

/// What the suite run found.
#[derive(Debug, Default)]
pub struct SuiteReport {
    pub valid_total: usize,
    pub valid_ok: usize,
    pub invalid_total: usize,
    pub invalid_refused: usize,
    /// Invalid files whose expected line our first positioned error matches.
    pub at_expected_line: usize,
    /// Invalid files whose first line names a line.
    pub with_expected_line: usize,
    /// Of those at the expected line, the ones at the expected column too.
    pub at_expected_column: usize,
    /// One line per problem, naming the file.
    pub failures: Vec<String>,
}

impl SuiteReport {
    /// The summary line `cargo xtask idl-tests` ends with.
    pub fn summary(&self) -> String {
        format!(
            "idl: {}/{} valid files load as their JSON AST, {}/{} invalid files refused, {} at the expected line",
            self.valid_ok, self.valid_total, self.invalid_refused, self.invalid_total, self.at_expected_line
        )
    }
}

/// Runs the suite under `smithy_dir/idl-tests`.
pub fn run(smithy_dir: &Path) -> Result<SuiteReport, String> {
    let root = smithy_dir.join("idl-tests");
    if !root.is_dir() {
        return Err(format!("no Smithy IDL suite at {}", root.display()));
    }
    let mut report = SuiteReport::default();
    let valid = root.join("valid");
    let shared = valid.join("__shared.json");
    for file in model_files(&valid)? {
        let name = file.strip_prefix(&root).unwrap_or(&file).display().to_string();
        if !name.ends_with(".smithy") {
            continue;
        }
        report.valid_total += 1;
        match check_valid(&file, &shared) {
            Ok(()) => report.valid_ok += 1,
            Err(problem) => report.failures.push(format!("{name}: {problem}")),
        }
    }
    for file in model_files(&root.join("invalid"))? {
        let name = file.strip_prefix(&root).unwrap_or(&file).display().to_string();
        if !name.ends_with(".smithy") {
            continue;
        }
        report.invalid_total += 1;
        let text = fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let expected = expected_position(text.lines().next().unwrap_or(""));
        let errors = match loader::load(&[ModelSource {
            name: name.clone(),
            text,
        }]) {
            Ok(_) => {
                report.failures.push(format!("{name}: loaded, but must be refused"));
                continue;
            }
            Err(errors) => errors,
        };
        report.invalid_refused += 1;
        let Some((line, column)) = expected else { continue };
        report.with_expected_line += 1;
        match errors.iter().find_map(|e| e.pos()) {
            Some((ours, our_column)) if ours == line => {
                report.at_expected_line += 1;
                if our_column == column {
                    report.at_expected_column += 1;
                }
            }
            ours => {
                let first = &errors[0];
                let ours = ours.map_or("no position".to_string(), |(l, c)| format!("{l}:{c}"));
                report.failures.push(format!(
                    "{name}: refused at {ours}, expected line {line} (column {column}): {first}"
                ));
            }
        }
    }
    Ok(report)
}

/// `// Syntax error at line 5, column 29: ...` -> (5, 29).
fn expected_position(first_line: &str) -> Option<(u32, u32)> {
    let rest = &first_line[first_line.find("at line ")? + "at line ".len()..];
    let (line, rest) = rest.split_once(", column ")?;
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.trim().parse().ok()?, column.parse().ok()?))
}

fn check_valid(file: &Path, shared: &Path) -> Result<(), String> {
    let path = file.display().to_string();
    let base = path
        .strip_suffix(".flattened.smithy")
        .or_else(|| path.strip_suffix(".smithy"))
        .unwrap_or(&path);
    let json = PathBuf::from(format!("{base}.json"));
    let flattened = PathBuf::from(format!("{base}.flattened.smithy"));
    let is_flattened = path.ends_with(".flattened.smithy");
    if !is_flattened && json.is_file() {
        let ours = load(&[file, shared])?;
        let expected = load(&[&json, shared])?;
        return compare(&ours, &expected);
    }
    if flattened.is_file() {
        let original = PathBuf::from(format!("{base}.smithy"));
        let mut ours = load(&[&original, shared])?;
        ours.shapes.retain(|_, s| !s.traits.contains_key("smithy.api#mixin"));
        let expected = load(&[&flattened, shared])?;
        return compare(&ours, &expected);
    }
    load(&[file, shared]).map(|_| ())
}

fn load(files: &[&Path]) -> Result<Model, String> {
    let mut sources = Vec::new();
    for file in files {
        let bytes = fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let name = file
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        sources.push(ModelSource::from_bytes(&name, bytes).map_err(|e| e.to_string())?);
    }
    loader::load(&sources).map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))
}

/// Compares shapes (types, members, targets, traits and values) and metadata.
fn compare(ours: &Model, expected: &Model) -> Result<(), String> {
    for (id, shape) in &expected.shapes {
        match ours.shapes.get(id) {
            None => return Err(format!("shape `{id}` is missing")),
            Some(mine) if mine != shape => {
                return Err(format!(
                    "shape `{id}` differs:\n  ours:     {}\n  expected: {}",
                    to_json(mine),
                    to_json(shape)
                ));
            }
            Some(_) => {}
        }
    }
    if let Some(extra) = ours.shapes.keys().find(|id| !expected.shapes.contains_key(*id)) {
        return Err(format!("unexpected shape `{extra}`"));
    }
    if ours.metadata != expected.metadata {
        return Err(format!(
            "metadata differs:\n  ours:     {}\n  expected: {}",
            serde_json::Value::Object(ours.metadata.clone()),
            serde_json::Value::Object(expected.metadata.clone())
        ));
    }
    Ok(())
}

fn to_json(shape: &codegen::ast::AstShape) -> String {
    serde_json::to_string(shape).unwrap_or_default()
}

/// Every `.smithy` and `.json` file below `path` (or `path` itself), sorted.
pub fn model_files(path: &Path) -> Result<Vec<PathBuf>, String> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut found = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "smithy" || e == "json") {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}
