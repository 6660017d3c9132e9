//! `cargo xtask bench`: builds the benchmark crate (`bench/`, outside the workspace), runs its
//! section binaries in order and writes their Markdown into `BENCHMARKS.md`, each section
//! headed by the machine and the date it was measured on.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

/// The sections, in the order of the report; each is a binary of the bench crate.
const SECTIONS: &[&str] = &[
    "generation",
    "client_calls",
    "server_throughput",
    "serde_validate",
    "build_size",
    "state_writes",
];

const PREAMBLE: &str = "# Benchmarks

Written by `cargo xtask bench`, which builds `bench/` in release mode and runs every section
(`cargo xtask bench --only SECTION` reruns one and replaces just it). Every figure of a section
comes from one run on one machine, named under its title, with each peer measured in that same
run; **ratios are peer ÷ ours**, so a ratio above 1× means ours takes less time, less CPU or
less space, or (for rates) that ours serves more. CI runs `cargo xtask bench --smoke` (one
short iteration of everything) so the benchmarks cannot rot; it never writes this file.
";

/// What `cargo xtask bench` was asked for (parsed by clap in `main.rs`).
#[derive(Debug, Default)]
pub struct Args {
    /// One short iteration of everything, into `target/bench/BENCHMARKS.smoke.md`.
    pub smoke: bool,
    /// Run these sections only, replacing just them in the report.
    pub only: Vec<String>,
    /// Write this file instead of the default.
    pub out: Option<PathBuf>,
}

/// The section names, for the command line's list of accepted values.
pub fn sections() -> &'static [&'static str] {
    SECTIONS
}

/// Runs the task with its arguments.
pub fn run(args: &Args) -> Result<ExitCode, String> {
    let root = xtask::repo_root();
    let out = args.out.clone().unwrap_or_else(|| {
        if args.smoke {
            root.join("target/bench/BENCHMARKS.smoke.md")
        } else {
            root.join("BENCHMARKS.md")
        }
    });
    let selected: Vec<&str> = SECTIONS
        .iter()
        .copied()
        .filter(|s| args.only.is_empty() || args.only.iter().any(|o| o == s))
        .collect();

    let profile = if args.smoke { "debug" } else { "release" };
    build(&root, args.smoke)?;
    let mut results = Vec::new();
    for section in &selected {
        eprintln!("== bench: {section}");
        let binary = root.join("target/bench").join(profile).join(section);
        let mut command = Command::new(&binary);
        if args.smoke {
            command.arg("--smoke");
        }
        let output = command
            .current_dir(&root)
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
        if !output.status.success() {
            return Err(format!("benchmark section `{section}` failed ({})", output.status));
        }
        let markdown =
            String::from_utf8(output.stdout).map_err(|e| format!("section `{section}` printed non-UTF-8: {e}"))?;
        results.push((section.to_string(), markdown));
    }

    let run_line = run_line(&root, args.smoke);
    let existing = if args.only.is_empty() {
        String::new()
    } else {
        std::fs::read_to_string(&out).unwrap_or_default()
    };
    let text = assemble(&existing, &results, &run_line);
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(&out, text).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!("wrote {}", xtask::display(&root, &out));
    Ok(ExitCode::SUCCESS)
}

/// Builds every section binary: release for measurements, the dev profile for a smoke run.
fn build(root: &Path, smoke: bool) -> Result<(), String> {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command
        .args(["build", "--bins", "--manifest-path"])
        .arg(root.join("bench/Cargo.toml"))
        .arg("--target-dir")
        .arg(root.join("target/bench"));
    if !smoke {
        command.arg("--release");
    }
    let status = command.status().map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err("the benchmark crate (bench/) does not build".into())
    }
}

/// The sections in report order: new results replace old ones, old ones are kept otherwise.
fn assemble(existing: &str, results: &[(String, String)], run_line: &str) -> String {
    let mut text = PREAMBLE.to_string();
    for section in SECTIONS {
        let body = match results.iter().find(|(name, _)| name == section) {
            Some((_, markdown)) => Some(with_run_line(markdown, run_line)),
            None => old_section(existing, section),
        };
        if let Some(body) = body {
            text.push_str(&format!(
                "\n<!-- bench:{section} -->\n{}<!-- /bench:{section} -->\n",
                body
            ));
        }
    }
    text
}

/// The section's Markdown with the run line after its title.
fn with_run_line(markdown: &str, run_line: &str) -> String {
    let (title, rest) = markdown.split_once('\n').unwrap_or((markdown, ""));
    let mut body = format!(
        "{title}\n\n{}\n\n{}",
        run_line.trim_end(),
        rest.trim_start_matches('\n')
    );
    if !body.ends_with('\n') {
        body.push('\n');
    }
    body
}

fn old_section(existing: &str, section: &str) -> Option<String> {
    let start_marker = format!("<!-- bench:{section} -->\n");
    let end_marker = format!("<!-- /bench:{section} -->");
    let start = existing.find(&start_marker)? + start_marker.len();
    let end = start + existing[start..].find(&end_marker)?;
    Some(existing[start..end].to_string())
}

/// The date, the machine and the peers' versions, as one italic line.
fn run_line(root: &Path, smoke: bool) -> String {
    let date = output_of("date", &["-u", "+%Y-%m-%d"]).unwrap_or_else(|| "unknown date".into());
    let cores = output_of("nproc", &[]).unwrap_or_else(|| "?".into());
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let rustc = output_of("rustc", &["--version"]).unwrap_or_else(|| "rustc ?".into());
    let python = output_of(
        "python3",
        &[
            "-c",
            "import sys, boto3, botocore, moto; \
             print(f'Python {sys.version.split()[0]}, boto3 {boto3.__version__}, botocore {botocore.__version__}, moto {moto.__version__}')",
        ],
    )
    .unwrap_or_else(|| "Python peers not installed".into());
    let sdk = locked_version(root, "aws-sdk-ivs").unwrap_or_else(|| "?".into());
    format!(
        "_Measured {date} on `nproc` = {cores}, {cpu}; {rustc}; aws-sdk-ivs {sdk}; {python}{}._\n",
        if smoke {
            "; SMOKE RUN (one iteration, debug build): figures mean nothing"
        } else {
            ""
        }
    )
}

fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).stderr(Stdio::null()).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// A package's version in `bench/Cargo.lock`.
fn locked_version(root: &Path, package: &str) -> Option<String> {
    let lock = std::fs::read_to_string(root.join("bench/Cargo.lock")).ok()?;
    let name_line = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    lines.find(|l| *l == name_line)?;
    lines
        .next()?
        .strip_prefix("version = \"")?
        .strip_suffix('"')
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rerunning_one_section_keeps_the_others() {
        let first = assemble(
            "",
            &[
                ("generation".into(), "## 1. Generation\n\nold one\n".into()),
                ("build_size".into(), "## 5. Build\n\nold five\n".into()),
            ],
            "_run A_\n",
        );
        assert!(first.contains("## 1. Generation\n\n_run A_\n\nold one\n"));
        let second = assemble(
            &first,
            &[("build_size".into(), "## 5. Build\n\nnew five\n".into())],
            "_run B_\n",
        );
        assert!(second.contains("_run A_\n\nold one"), "{second}");
        assert!(second.contains("_run B_\n\nnew five"), "{second}");
        assert!(!second.contains("old five"), "{second}");
    }
}
