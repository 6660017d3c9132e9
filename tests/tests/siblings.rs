//! Opt-in generality check: AWS's published models of the sibling services (IVS Chat, IVS
//! Real-Time) and the sample of eight more restJson1 services in `../shared/models/aws/` (read
//! from there, never copied here) load and generate crates that build warning-free and
//! clippy-clean. Output goes to `target/siblings/`, which is not committed.
//!
//! Run: `cargo test -p ivs-tests --test siblings -- --ignored` (CI runs it).

use std::path::Path;
use std::process::Command;

/// Each model, the operations left out (event streams, which the generator refuses by name)
/// and the crate name stem it generates.
const MODELS: &[(&str, &[&str], &str)] = &[
    ("ivschat.json", &[], "ivschat"),
    ("ivs-realtime.json", &[], "ivs-real-time"),
    ("aws/amplify-2017-07-25.json", &[], "amplify"),
    ("aws/api-gateway-2015-07-09.json", &[], "api-gateway"),
    (
        "aws/bedrock-runtime-2023-09-30.json",
        &["ConverseStream", "InvokeModelWithResponseStream"],
        "bedrock-runtime",
    ),
    ("aws/codecatalyst-2022-09-28.json", &[], "code-catalyst"),
    ("aws/databrew-2017-07-25.json", &[], "data-brew"),
    ("aws/evidently-2021-02-01.json", &[], "evidently"),
    ("aws/lambda-2015-03-31.json", &["InvokeWithResponseStream"], "lambda"),
    ("aws/medical-imaging-2023-07-19.json", &[], "medical-imaging"),
];

#[test]
#[ignore = "opt-in: needs ../shared/models beside the repository and a few minutes"]
fn published_models_generate_crates_that_build_clippy_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("repository root");
    let models = root.join("../shared/models");
    if !models.is_dir() {
        println!("skipped: {} is missing", models.display());
        return;
    }
    let out = root.join("target/siblings");
    let _ = std::fs::remove_dir_all(&out);
    let mut crates = Vec::new();
    for (name, excluded, _) in MODELS {
        let job = xtask::Job {
            name: name.to_string(),
            models: vec![models.join(name)],
            out: out.clone(),
            service: None,
            exclude_operations: excluded.iter().map(|s| s.to_string()).collect(),
            package: codegen::Package::default(),
        };
        let outcome = xtask::plan(root, &job).unwrap_or_else(|e| panic!("{name} does not generate: {e}"));
        assert!(outcome.operations > 5, "{name}: only {} operations", outcome.operations);
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
        .args([
            "clippy",
            "--all-targets",
            "--keep-going",
            "--quiet",
            "--",
            "-D",
            "warnings",
        ])
        .current_dir(&out)
        .env("CARGO_TARGET_DIR", root.join("target/siblings-target"))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "generated crates fail clippy:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut expected: Vec<String> = MODELS
        .iter()
        .flat_map(|(_, _, stem)| ["client", "model", "server"].map(|kind| format!("{stem}-{kind}")))
        .collect();
    expected.sort();
    assert_eq!(crates, expected);
}
