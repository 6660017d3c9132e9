//! Opt-in generality check: the sibling services' published models (IVS Chat, IVS Real-Time,
//! read from `../shared/models/`, never copied here) load and generate crates that build
//! warning-free and clippy-clean. Output goes to `target/siblings/`, which is not committed.
//!
//! Run: `cargo test -p ivs-tests --test siblings -- --ignored` (CI runs it).

use std::path::Path;
use std::process::Command;

#[test]
#[ignore = "opt-in: needs ../shared/models beside the repository and a few minutes"]
fn sibling_models_generate_crates_that_build_clippy_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("repository root");
    let models = root.join("../shared/models");
    let out = root.join("target/siblings");
    let _ = std::fs::remove_dir_all(&out);
    let mut crates = Vec::new();
    for name in ["ivschat.json", "ivs-realtime.json"] {
        let job = xtask::Job {
            name: name.to_string(),
            models: vec![models.join(name)],
            out: out.clone(),
            service: None,
        };
        let outcome = xtask::plan(root, &job).unwrap_or_else(|e| panic!("{name} does not generate: {e}"));
        assert!(
            outcome.operations > 10,
            "{name}: only {} operations",
            outcome.operations
        );
        xtask::apply(&outcome).expect("writes");
        crates.extend(outcome.contents.keys().filter_map(|p| {
            let rel = p.strip_prefix(&out).ok()?;
            Some(rel.components().next()?.as_os_str().to_string_lossy().into_owned())
        }));
    }
    crates.sort();
    crates.dedup();
    let members = crates.iter().map(|c| format!("{c:?}")).collect::<Vec<_>>().join(", ");
    std::fs::write(
        out.join("Cargo.toml"),
        format!("[workspace]\nresolver = \"3\"\nmembers = [{members}]\n"),
    )
    .expect("workspace manifest");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let output = Command::new(cargo)
        .args(["clippy", "--all-targets", "--quiet", "--", "-D", "warnings"])
        .current_dir(&out)
        .env("CARGO_TARGET_DIR", root.join("target/siblings-target"))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "sibling crates {crates:?} fail clippy:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        crates,
        [
            "ivs-real-time-client",
            "ivs-real-time-model",
            "ivs-real-time-server",
            "ivschat-client",
            "ivschat-model",
            "ivschat-server"
        ]
    );
}
