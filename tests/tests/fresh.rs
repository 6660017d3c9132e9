//! The checked-in generated crates are exactly what the generator makes of the model, and
//! the generator's output is deterministic.

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate lives in the repository")
}

/// Same check as `cargo xtask codegen --check`, so plain `cargo test` catches drift.
#[test]
fn generated_tree_is_fresh() {
    let mut problems = Vec::new();
    for job in xtask::default_jobs(root()) {
        let outcome = xtask::plan(root(), &job).unwrap_or_else(|e| panic!("{e}"));
        let show = |p: &std::path::PathBuf| xtask::display(root(), p);
        problems.extend(outcome.changed.iter().map(|p| format!("stale: {}", show(p))));
        problems.extend(outcome.missing.iter().map(|p| format!("missing: {}", show(p))));
        problems.extend(outcome.stale.iter().map(|p| format!("extra: {}", show(p))));
    }
    assert!(
        problems.is_empty(),
        "generated files are out of date; run `cargo xtask codegen`:\n{}",
        problems.join("\n")
    );
}

/// Generating twice from the same model gives byte-identical files.
#[test]
fn generation_is_deterministic() {
    let jobs = xtask::default_jobs(root());
    let ivs = jobs.iter().find(|j| j.name == "ivs").expect("the ivs job");
    let first = xtask::generate(root(), ivs).unwrap_or_else(|e| panic!("{e}"));
    let second = xtask::generate(root(), ivs).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        first.files.len() > 40,
        "expected a file per operation, got {}",
        first.files.len()
    );
    assert_eq!(first.files, second.files);
}
