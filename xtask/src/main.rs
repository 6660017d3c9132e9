//! The project's tasks, run as `cargo xtask <task>`; `cargo xtask --help` lists them and
//! `cargo xtask <task> --help` explains one. The command line is parsed by clap.

mod bench;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Parser, Subcommand};

/// The project's tasks.
#[derive(Debug, Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Debug, Subcommand)]
enum Task {
    /// Regenerate generated/ from model/ and the fixture crates from tests/fixtures/models/ (or,
    /// with --model and --out, generate the crates of any model into a folder).
    Codegen(CodegenArgs),
    /// Build the benchmarks (bench/, release) and run every section into BENCHMARKS.md.
    Bench {
        /// One short iteration of everything (what CI runs), into target/bench/BENCHMARKS.smoke.md.
        #[arg(long)]
        smoke: bool,
        /// Run these sections only and replace just them in the file (repeat for several).
        #[arg(long, value_name = "SECTION", value_parser = clap::builder::PossibleValuesParser::new(bench::sections()))]
        only: Vec<String>,
        /// Write this file instead.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Run Smithy's own IDL loader suite (DIR/idl-tests) against our reader.
    IdlTests {
        /// Where Smithy's material is [default: ../shared/smithy].
        #[arg(long, value_name = "DIR")]
        smithy: Option<PathBuf>,
    },
    /// Generate Smithy's restJson1 protocol compliance suite (DIR/protocol-tests) into
    /// target/protocol-tests, run its client and server cases, and compare the failures with
    /// tests/protocol-tests/expected-failures.txt (skipped, saying so, when DIR is missing).
    ProtocolTests {
        /// Where Smithy's material is [default: ../shared/smithy].
        #[arg(long, value_name = "DIR")]
        smithy: Option<PathBuf>,
        /// Rewrite that list to the failures of this run (review the diff).
        #[arg(long)]
        update_expected: bool,
    },
    /// Load model files (IDL or JSON AST; folders: every model file below) and print the merged
    /// model as JSON AST, like `smithy ast`.
    SmithyJson {
        /// The model files or folders.
        #[arg(required = true, value_name = "FILE|DIR")]
        paths: Vec<PathBuf>,
    },
}

/// The options of `cargo xtask codegen`.
#[derive(Debug, Args)]
struct CodegenArgs {
    /// Write nothing; fail, naming each stale, missing or extra file, if anything would change.
    #[arg(long)]
    check: bool,
    /// Generate from these model files instead (repeat to merge several): Smithy IDL (.smithy)
    /// or JSON AST (.json); a folder means every model file below it.
    #[arg(long, value_name = "PATH", requires = "out")]
    model: Vec<PathBuf>,
    /// With --model: the folder to write the crates into.
    #[arg(long, value_name = "DIR", requires = "model")]
    out: Option<PathBuf>,
    /// With --model: the service to generate when the model has several.
    #[arg(long, value_name = "NAME", requires = "model")]
    service: Option<String>,
    /// With --model: leave this operation out (repeat for several), e.g. one using an event
    /// stream, which the generator refuses.
    #[arg(long, value_name = "NAME", requires = "model")]
    exclude_operation: Vec<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.task {
        Task::Codegen(args) => codegen(args),
        Task::Bench { smoke, only, out } => bench::run(&bench::Args { smoke, only, out }),
        Task::IdlTests { smithy } => idl_tests(smithy),
        Task::ProtocolTests {
            smithy,
            update_expected,
        } => protocol_tests(smithy, update_expected),
        Task::SmithyJson { paths } => smithy_json(paths),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn codegen(args: CodegenArgs) -> Result<ExitCode, String> {
    let CodegenArgs {
        check,
        model: models,
        out,
        service,
        exclude_operation: exclude_operations,
    } = args;
    let root = xtask::repo_root();
    let jobs = match (models.is_empty(), out) {
        (true, None) => xtask::default_jobs(&root),
        (false, Some(out)) => vec![xtask::Job {
            name: "model".to_string(),
            models,
            out,
            service,
            exclude_operations,
            package: codegen::Package::default(),
        }],
        // clap makes --model and --out require each other.
        _ => unreachable!("--model and --out go together"),
    };

    let started = Instant::now();
    let mut stale_anything = false;
    for job in &jobs {
        let outcome = xtask::plan(&root, job)?;
        let show = |p: &PathBuf| xtask::display(&root, p);
        if check {
            for path in &outcome.changed {
                println!("stale:   {}", show(path));
            }
            for path in &outcome.missing {
                println!("missing: {}", show(path));
            }
            for path in &outcome.stale {
                println!("extra:   {}", show(path));
            }
        } else {
            xtask::apply(&outcome)?;
        }
        let differs = outcome.changed.len() + outcome.missing.len() + outcome.stale.len();
        stale_anything |= differs > 0;
        println!(
            "{}: {} operations, {} types -> {}: {} {}, {} unchanged, {} {}",
            job.name,
            outcome.operations,
            outcome.types,
            show(&job.out),
            outcome.changed.len() + outcome.missing.len(),
            if check { "differ" } else { "written" },
            outcome.unchanged,
            outcome.stale.len(),
            if check { "extra" } else { "removed" },
        );
    }
    println!("done in {:.0} ms", started.elapsed().as_secs_f64() * 1000.0);
    if check && stale_anything {
        eprintln!(
            "generated files are out of date: run `cargo xtask codegen` and review the diff (the API digest first)"
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

fn idl_tests(smithy: Option<PathBuf>) -> Result<ExitCode, String> {
    let smithy = smithy.unwrap_or_else(|| xtask::repo_root().join("../shared/smithy"));
    let report = xtask::idl_suite::run(&smithy)?;
    for failure in &report.failures {
        println!("FAIL {failure}");
    }
    println!(
        "({} of the {} invalid files that name a position are refused at its column too)",
        report.at_expected_column, report.with_expected_line
    );
    println!("{}", report.summary());
    let perfect = report.valid_ok == report.valid_total && report.invalid_refused == report.invalid_total;
    Ok(if perfect { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

fn protocol_tests(smithy: Option<PathBuf>, update: bool) -> Result<ExitCode, String> {
    use xtask::protocol_suite;
    let root = xtask::repo_root();
    let smithy = smithy.unwrap_or_else(|| protocol_suite::default_smithy(&root));
    if !smithy.join("protocol-tests").is_dir() {
        println!(
            "protocol tests: skipped, no Smithy protocol test suite at {}",
            smithy.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    let started = Instant::now();
    let report = protocol_suite::run(&root, &smithy)?;
    let list = root.join(protocol_suite::EXPECTED_FAILURES);
    if update {
        std::fs::write(&list, protocol_suite::expected_file(&report))
            .map_err(|e| format!("cannot write {}: {e}", list.display()))?;
    }
    let expected = protocol_suite::read_expected(&list)?;
    for outcome in &report.outcomes {
        if let Some(reason) = &outcome.failure {
            let mark = if expected.contains_key(&outcome.key) {
                "expected"
            } else {
                "UNEXPECTED"
            };
            println!("FAIL ({mark}) {}: {reason}", outcome.key);
        }
    }
    let problems = protocol_suite::mismatches(&report, &expected);
    for problem in &problems {
        println!("MISMATCH {problem}");
    }
    println!("(in {:.0} s)", started.elapsed().as_secs_f64());
    println!("{}", report.summary());
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn smithy_json(paths: Vec<PathBuf>) -> Result<ExitCode, String> {
    let root = xtask::repo_root();
    let sources = xtask::read_models(&root, &paths)?;
    match codegen::loader::load(&sources) {
        Ok(model) => {
            println!("{}", model.to_json_ast());
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => Err(codegen::ModelErrors(errors).to_string()),
    }
}
