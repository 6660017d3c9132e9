//! Section 5 of BENCHMARKS.md: lines of code, dependencies and clean debug build time of a
//! program using our client beside one using `aws-sdk-ivs`.

mod scratch;

use ivs_bench::report::{self, Table};
use ivs_bench::{Options, repo_root};
use scratch::{Consumer, Metadata};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

fn main() -> ExitCode {
    ivs_bench::run_section("build_size", run)
}

fn run(options: &Options) -> Result<String, String> {
    let root = repo_root();
    let metadata = Metadata::of(&root.join("bench/Cargo.toml"))?;
    let sdk_dir = metadata.package_dir("aws-sdk-ivs")?;
    let sdk_version = metadata.version("aws-sdk-ivs")?;

    let ours_generated = rust_lines(&[
        root.join("generated/ivs-model/src"),
        root.join("generated/ivs-client/src"),
    ])?;
    let ours_runtime = rust_lines(&[root.join("runtime/src")])?;
    let sdk_lines = rust_lines(&[sdk_dir.join("src")])?;

    let lean = Consumer::ours_lean(&root)?;
    let ours = Consumer::ours(&root)?;
    let sdk = Consumer::sdk(&root, &sdk_version)?;
    let lean_deps = lean.dependency_count()?;
    let ours_deps = ours.dependency_count()?;
    let sdk_deps = sdk.dependency_count()?;

    // Alternate the builds so that a change in the machine's load hits every side alike.
    let rounds = if options.smoke { 1 } else { 3 };
    let (mut lean_builds, mut ours_builds, mut sdk_builds) = (Vec::new(), Vec::new(), Vec::new());
    for round in 1..=rounds {
        eprintln!("build_size: clean debug builds, round {round} of {rounds}");
        lean_builds.push(lean.clean_build()?);
        ours_builds.push(ours.clean_build()?);
        sdk_builds.push(sdk.clean_build()?);
    }
    let lean_build = median(&mut lean_builds);
    let ours_build = median(&mut ours_builds);
    let sdk_build = median(&mut sdk_builds);

    let sdk_name = format!("`aws-sdk-ivs` {sdk_version}");
    let mut lines = Table::new(&["measure", "ours (`ivs-client`)", &sdk_name, "peer ÷ ours"]);
    lines.row(vec![
        "lines of Rust in the client crate (generated)".into(),
        format!("{ours_generated} (`ivs-model` + `ivs-client`)"),
        sdk_lines.to_string(),
        report::times_smaller(ours_generated as f64, sdk_lines as f64),
    ]);
    lines.row(vec![
        "… plus the hand-written runtime".into(),
        format!("{} (+ `smithy-runtime` {ours_runtime})", ours_generated + ours_runtime),
        format!("{sdk_lines} (its runtime crates not counted)"),
        report::times_smaller((ours_generated + ours_runtime) as f64, sdk_lines as f64),
    ]);

    let mut programs = Table::new(&[
        "program",
        "crates it depends on",
        "SDK ÷ it",
        &format!("clean debug build (median of {rounds})"),
        "SDK ÷ it",
    ]);
    for (name, deps, build) in [
        (
            "ours, lean (`default-features = false`, `Client::from_env()`)",
            lean_deps,
            lean_build,
        ),
        (
            "ours, default features (`aws-config`, `Client::new(&config)`)",
            ours_deps,
            ours_build,
        ),
        (
            "`aws-sdk-ivs` + `aws-config` (`Client::new(&config)`)",
            sdk_deps,
            sdk_build,
        ),
    ] {
        programs.row(vec![
            name.into(),
            deps.to_string(),
            report::times_smaller(deps as f64, sdk_deps as f64),
            report::duration(build),
            report::times_smaller(build.as_secs_f64(), sdk_build.as_secs_f64()),
        ]);
    }

    let mut out = report::heading(
        "5. Build and size",
        "build_size",
        "Lines: every line of the crates' `.rs` files (`find DIR -name '*.rs' | xargs cat | wc -l`); the SDK's \
         source is the crate as published on crates.io. Dependencies and build time: three scratch programs, \
         each a library with one async function that sets up one client and calls GetChannel through it \
         (ours without default features; ours and the SDK each loading `aws-config`'s default chain), \
         built with `cargo build` (dev profile) into a fresh target directory, in turn; all use the \
         versions pinned by `bench/Cargo.lock`. Dependencies are the distinct crates of \
         `cargo tree -e normal --prefix none`, the program itself included.",
    );
    out.push_str(&lines.to_markdown());
    out.push('\n');
    out.push_str(&programs.to_markdown());
    out.push('\n');
    Ok(out)
}

fn median(values: &mut [Duration]) -> Duration {
    values.sort();
    values[values.len() / 2]
}

/// Lines of every `.rs` file under the folders.
fn rust_lines(dirs: &[std::path::PathBuf]) -> Result<usize, String> {
    let mut total = 0;
    for dir in dirs {
        total += lines_under(dir)?;
    }
    Ok(total)
}

fn lines_under(dir: &Path) -> Result<usize, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut total = 0;
    for entry in entries {
        let path = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?.path();
        if path.is_dir() {
            total += lines_under(&path)?;
        } else if path.extension().is_some_and(|x| x == "rs") {
            let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            total += text.lines().count();
        }
    }
    Ok(total)
}
