//! `cargo xtask codegen [--check] [--model FILE]... [--out DIR] [--service NAME]`
//! `cargo xtask bench [--smoke] [--only SECTION]... [--out FILE]`
//! `cargo xtask idl-tests [--smithy DIR]`
//! `cargo xtask protocol-tests [--smithy DIR] [--update-expected]`
//! `cargo xtask smithy-json FILE|DIR...`

mod bench;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str =
    "usage: cargo xtask codegen [--check] [--model FILE]... [--out DIR] [--service NAME] [--exclude-operation NAME]...

  (no options)    regenerate generated/ from model/ and the fixture crates from tests/fixtures/models/
  --check         write nothing; fail, naming each stale, missing or extra file, if anything would change
  --model PATH    generate from these model files instead (repeat to merge several): Smithy IDL
                  (.smithy) or JSON AST (.json); a folder means every model file below it
  --out DIR       with --model: the folder to write the crates into
  --service NAME  with --model: the service to generate when the model has several
  --exclude-operation NAME
                  with --model: leave this operation out (repeat for several), e.g. one using an
                  event stream, which the generator refuses

usage: cargo xtask idl-tests [--smithy DIR]

  run Smithy's own IDL loader suite (DIR/idl-tests, default ../shared/smithy) against our reader

usage: cargo xtask protocol-tests [--smithy DIR] [--update-expected]

  generate Smithy's restJson1 protocol compliance suite (DIR/protocol-tests, default
  ../shared/smithy) into target/protocol-tests, run its client cases, and compare the failures
  with tests/protocol-tests/expected-failures.txt (skipped, saying so, when DIR is missing)
  --update-expected  rewrite that list to the failures of this run (review the diff)

usage: cargo xtask smithy-json FILE|DIR...

  load the model files (IDL or JSON AST; folders: every model file below) and print the merged
  model as JSON AST, like `smithy ast`

usage: cargo xtask bench [--smoke] [--only SECTION]... [--out FILE]

  (no options)    build the benchmarks (bench/, release) and run every section into BENCHMARKS.md
  --smoke         one short iteration of everything (what CI runs), into target/bench/BENCHMARKS.smoke.md
  --only SECTION  run these sections only and replace just them in the file; sections: generation,
                  client_calls, server_throughput, serde_validate, build_size
  --out FILE      write this file instead";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some((command, rest)) = args.split_first() else {
        return Err(USAGE.to_string());
    };
    match command.as_str() {
        "codegen" => codegen(rest),
        "bench" => bench::run(rest, USAGE),
        "idl-tests" => idl_tests(rest),
        "protocol-tests" => protocol_tests(rest),
        "smithy-json" => smithy_json(rest),
        "-h" | "--help" => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown task `{other}`\n{USAGE}")),
    }
}

fn codegen(rest: &[String]) -> Result<ExitCode, String> {
    let mut check = false;
    let mut models = Vec::new();
    let mut out = None;
    let mut service = None;
    let mut exclude_operations = Vec::new();
    let mut iter = rest.iter();
    while let Some(arg) = iter.next() {
        let mut value = |name: &str| iter.next().cloned().ok_or(format!("{name} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--check" => check = true,
            "--model" => models.push(PathBuf::from(value("--model")?)),
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--service" => service = Some(value("--service")?),
            "--exclude-operation" => exclude_operations.push(value("--exclude-operation")?),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            other => return Err(format!("unknown option `{other}`\n{USAGE}")),
        }
    }
    let root = xtask::repo_root();
    let jobs = match (models.is_empty(), out) {
        (true, None) => xtask::default_jobs(&root),
        (false, Some(out)) => vec![xtask::Job {
            name: "model".to_string(),
            models,
            out,
            service,
            exclude_operations,
        }],
        _ => return Err(format!("--model and --out go together\n{USAGE}")),
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

fn idl_tests(rest: &[String]) -> Result<ExitCode, String> {
    let mut smithy = xtask::repo_root().join("../shared/smithy");
    let mut iter = rest.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--smithy" => smithy = PathBuf::from(iter.next().ok_or(format!("--smithy needs a value\n{USAGE}"))?),
            other => return Err(format!("unknown option `{other}`\n{USAGE}")),
        }
    }
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

fn protocol_tests(rest: &[String]) -> Result<ExitCode, String> {
    use xtask::protocol_suite;
    let root = xtask::repo_root();
    let mut smithy = protocol_suite::default_smithy(&root);
    let mut update = false;
    let mut iter = rest.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--smithy" => smithy = PathBuf::from(iter.next().ok_or(format!("--smithy needs a value\n{USAGE}"))?),
            "--update-expected" => update = true,
            other => return Err(format!("unknown option `{other}`\n{USAGE}")),
        }
    }
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
    for outcome in &report.client {
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

fn smithy_json(rest: &[String]) -> Result<ExitCode, String> {
    if rest.is_empty() || rest.iter().any(|a| a.starts_with('-')) {
        return Err(USAGE.to_string());
    }
    let root = xtask::repo_root();
    let paths: Vec<PathBuf> = rest.iter().map(PathBuf::from).collect();
    let sources = xtask::read_models(&root, &paths)?;
    match codegen::loader::load(&sources) {
        Ok(model) => {
            println!("{}", model.to_json_ast());
            Ok(ExitCode::SUCCESS)
        }
        Err(errors) => Err(codegen::ModelErrors(errors).to_string()),
    }
}
