//! The generated crates are consumable by other projects: a crate outside the workspace
//! depends on `generated/ivs-model`, `ivs-client` and `ivs-server` by path, builds, and runs
//! (it serves one operation and calls it).

use std::path::Path;
use std::process::Command;

#[test]
fn a_crate_outside_the_workspace_builds_against_the_generated_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("repository root");
    let manifest = root.join("tests/consumer/Cargo.toml");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let output = Command::new(cargo)
        .args(["run", "--quiet", "--manifest-path"])
        .arg(&manifest)
        // Its own target folder: the outer cargo may hold the workspace's.
        .env("CARGO_TARGET_DIR", root.join("target/consumer"))
        .output()
        .expect("cargo runs");
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
    assert!(stdout.contains("served: Some(\"demo\")"), "unexpected output: {stdout}");
    assert!(
        stdout.contains("sdk-config: Some(\"sdk\")"),
        "unexpected output: {stdout}"
    );
    assert!(
        stdout.contains("unimplemented: NotImplementedException: operation GetChannel is not implemented"),
        "unexpected output: {stdout}"
    );
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
