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
    for job in xtask::default_jobs(root()).expect("default jobs") {
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
    let sources = || {
        ["model/ivs.json", "model/ivs-fixes.json"]
            .iter()
            .map(|p| codegen::ModelSource {
                name: p.to_string(),
                text: std::fs::read_to_string(root().join(p)).expect("model"),
            })
            .collect::<Vec<_>>()
    };
    let options = codegen::Options {
        service: None,
        runtime_path: "../runtime".to_string(),
    };
    let first = codegen::generate(&sources(), &options).expect("generates");
    let second = codegen::generate(&sources(), &options).expect("generates");
    assert!(
        first.files.len() > 40,
        "expected a file per operation, got {}",
        first.files.len()
    );
    assert_eq!(first.files, second.files);
}
