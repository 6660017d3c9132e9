//! Shared pieces of the benchmark binaries: options, timing, Markdown, child processes.
//!
//! Each binary in `src/bin` measures one section of `BENCHMARKS.md` and prints that section as
//! Markdown on stdout; `cargo xtask bench` runs them in order and writes the file. Progress and
//! diagnostics go to stderr.

pub mod measure;
pub mod process;
pub mod report;

use std::path::PathBuf;

/// The command line every section binary takes.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// One short iteration of everything (CI), instead of a real measurement.
    pub smoke: bool,
}

impl Options {
    /// Reads `--smoke` from the command line; anything else is refused.
    pub fn from_args() -> Options {
        let mut smoke = false;
        for arg in std::env::args().skip(1) {
            match arg.as_str() {
                "--smoke" => smoke = true,
                other => {
                    eprintln!("unknown argument `{other}` (the only option is --smoke)");
                    std::process::exit(2);
                }
            }
        }
        Options { smoke }
    }
}

/// Runs a section: reads the options, prints its Markdown on stdout, or its error on stderr
/// with a failing exit code.
pub fn run_section(name: &str, run: impl FnOnce(&Options) -> Result<String, String>) -> std::process::ExitCode {
    let options = Options::from_args();
    match run(&options) {
        Ok(markdown) => {
            print!("{markdown}");
            std::process::ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{name}: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// The repository root (the parent of this crate's folder).
pub fn repo_root() -> PathBuf {
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().unwrap_or(here).to_path_buf()
}

/// The command that reruns one section, as printed in the report.
pub fn section_command(section: &str) -> String {
    format!("cargo xtask bench --only {section}")
}
