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

    let ours = Consumer::ours(&root)?;
    let sdk = Consumer::sdk(&root, &sdk_version)?;
    let ours_deps = ours.dependency_count()?;
    let sdk_deps = sdk.dependency_count()?;

    // Alternate the builds so that a change in the machine's load hits both sides alike.
    let rounds = if options.smoke { 1 } else { 3 };
    let (mut ours_builds, mut sdk_builds) = (Vec::new(), Vec::new());
    for round in 1..=rounds {
        eprintln!("build_size: clean debug builds, round {round} of {rounds}");
        ours_builds.push(ours.clean_build()?);
        sdk_builds.push(sdk.clean_build()?);
    }
    let ours_build = median(&mut ours_builds);
    let sdk_build = median(&mut sdk_builds);

    let mut table = Table::new(&[
        "measure",
        "ours (`ivs-client`)",
        &format!("`aws-sdk-ivs` {sdk_version}"),
        "peer ÷ ours",
    ]);
    table.row(vec![
        "lines of Rust in the client crate (generated)".into(),
        format!("{ours_generated} (`ivs-model` + `ivs-client`)"),
        sdk_lines.to_string(),
        report::times_smaller(ours_generated as f64, sdk_lines as f64),
    ]);
    table.row(vec![
        "… plus the hand-written runtime".into(),
        format!("{} (+ `smithy-runtime` {ours_runtime})", ours_generated + ours_runtime),
        format!("{sdk_lines} (its runtime crates not counted)"),
        report::times_smaller((ours_generated + ours_runtime) as f64, sdk_lines as f64),
    ]);
    table.row(vec![
        "crates a program using the client depends on".into(),
        ours_deps.to_string(),
        sdk_deps.to_string(),
        report::times_smaller(ours_deps as f64, sdk_deps as f64),
    ]);
    table.row(vec![
        format!("clean debug build of that program (median of {rounds})"),
        report::duration(ours_build),
        report::duration(sdk_build),
        report::times_smaller(ours_build.as_secs_f64(), sdk_build.as_secs_f64()),
    ]);

    let mut out = report::heading(
        "5. Build and size",
        "build_size",
        "Lines: every line of the crates' `.rs` files (`find DIR -name '*.rs' | xargs cat | wc -l`); the SDK's \
         source is the crate as published on crates.io. Dependencies and build time: two scratch programs, \
         each a library with one async function that calls GetChannel through one client, built with \
         `cargo build` (dev profile) into a fresh target directory, alternating ours and the SDK's; both \
         use the versions pinned by `bench/Cargo.lock`. Dependencies are the distinct crates of \
         `cargo tree -e normal --prefix none`, the program itself included.",
    );
    out.push_str(&table.to_markdown());
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
