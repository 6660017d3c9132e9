//! The generated crates are consumable by other projects: a crate outside the workspace
//! depends on `generated/ivs-model`, `ivs-client` and `ivs-server` by path, builds, and runs
//! (it serves two operations and calls them), using the `#[non_exhaustive]` types only in
//! ways a minor version cannot break; and the ways it can break are refused at compile time.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs cargo with `args` on the consumer crate, in its own target folder (the outer cargo
/// may hold the workspace's).
fn cargo_on_consumer(args: &[&str]) -> Output {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("repository root");
    let manifest: PathBuf = root.join("tests/consumer/Cargo.toml");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    Command::new(cargo)
        .args(args)
        .arg("--manifest-path")
        .arg(&manifest)
        .env("CARGO_TARGET_DIR", root.join("target/consumer"))
        .output()
        .expect("cargo runs")
}

#[test]
fn a_crate_outside_the_workspace_builds_against_the_generated_crate() {
    let output = cargo_on_consumer(&["run", "--quiet"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "consumer build failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.starts_with("valid: CreateChannelRequest {"),
        "unexpected output: {stdout}"
    );
    assert!(stdout.contains("name: Some(\"demo\")"), "unexpected output: {stdout}");
    assert!(
        stdout.contains("served: Some(\"demo\") tagged Some({\"team\": \"video\"})"),
        "unexpected output: {stdout}"
    );
    assert!(
        stdout.contains("enums: standard, unknown NEWER_TYPE"),
        "unexpected output: {stdout}"
    );
    assert!(stdout.contains("union: text hi"), "unexpected output: {stdout}");
    assert!(
        stdout.contains("modeled error: Some(\"no channel arn:aws:ivs:us-west-2:123456789012:channel/abc\")"),
        "unexpected output: {stdout}"
    );
    assert!(
        stdout.contains("sdk-config: Some(\"sdk\")"),
        "unexpected output: {stdout}"
    );
    assert!(
        stdout.contains("unimplemented: NotImplementedException: operation GetChannel is not implemented"),
        "unexpected output: {stdout}"
    );
}

/// What `#[non_exhaustive]` exists to refuse, refused downstream: `examples/refused_literal.rs`
/// builds a generated structure with a literal (E0639), `examples/refused_match.rs` matches a
/// string enum and an operation error enum without a wildcard arm (E0004 twice); each fails
/// with exactly those errors (and each compiles without the attribute).
#[test]
fn literals_and_exhaustive_matches_of_generated_types_are_refused_downstream() {
    for (example, expected) in [
        ("refused_literal", &["E0639"][..]),
        ("refused_match", &["E0004", "E0004"][..]),
    ] {
        let output = cargo_on_consumer(&["check", "--example", example]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "examples/{example}.rs compiled:\n{stderr}");
        let codes: Vec<&str> = stderr
            .match_indices("error[E")
            .map(|(at, _)| &stderr[at + "error[".len()..at + "error[E0000".len()])
            .collect();
        assert_eq!(codes, expected, "unexpected errors from {example}:\n{stderr}");
    }
}

#[test]
fn generated_manifests_carry_name_version_description_and_license() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("repository root");
    for name in ["ivs-model", "ivs-client", "ivs-server"] {
        let manifest = std::fs::read_to_string(root.join(format!("generated/{name}/Cargo.toml"))).expect("manifest");
        check_manifest(name, &manifest);
    }
}

fn check_manifest(name: &str, manifest: &str) {
    for field in [
        &format!("name = \"{name}\"") as &str,
        "version = \"0.1.0\"",
        "description = ",
        "license = \"Apache-2.0\"",
    ] {
        assert!(manifest.contains(field), "missing `{field}` in:\n{manifest}");
    }
    assert!(
        !manifest.contains(".workspace = true"),
        "generated manifests must not depend on this workspace"
    );
}
