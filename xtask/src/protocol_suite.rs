//! Smithy's restJson1 protocol compliance suite against our generated client and server
//! (`cargo xtask protocol-tests`).
//!
//! The suite's model (`protocol-tests/restJson1/` with Smithy's trait definitions) is loaded and
//! its services `aws.protocoltests.restjson#RestJson` and (for the constraint validation cases)
//! `aws.protocoltests.restjson.validation#RestJsonValidation` generated into
//! `target/protocol-tests/` (never committed: the suite is third-party), together with a test
//! crate made from the cases (`codegen::compliance`). Operations the generator refuses are left out, and their
//! cases fail with the generator's reason. The test crate is built with the repository's
//! target folder (so the runtime and its dependencies are reused) and run; each case's outcome
//! is compared with the checked-in list of expected failures.

use codegen::compliance::cases::{self, Kind};
use codegen::compliance::emit;
use codegen::loader::Model;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The service the suite tests.
const SERVICE: &str = "aws.protocoltests.restjson#RestJson";
/// The service of the suite's validation cases.
const VALIDATION_SERVICE: &str = "aws.protocoltests.restjson.validation#RestJsonValidation";
/// The checked-in list of cases known to fail, relative to the repository.
pub const EXPECTED_FAILURES: &str = "tests/protocol-tests/expected-failures.txt";

/// One case's outcome.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The key used in the expected-failures list, e.g. `request:Id` or `malformed:Id_case1`
    /// (see `Case::key`).
    pub key: String,
    /// `None` when it passed; otherwise why it failed.
    pub failure: Option<String>,
}

/// What the run found.
#[derive(Debug, Default)]
pub struct SuiteReport {
    /// Case outcomes: the suite's cases in its order, then the validation service's.
    pub outcomes: Vec<Outcome>,
    /// Totals per kind, over every case of the suite.
    pub totals: BTreeMap<&'static str, usize>,
}

impl SuiteReport {
    fn passed(&self, prefix: &str) -> usize {
        self.outcomes
            .iter()
            .filter(|o| o.key.starts_with(prefix) && o.failure.is_none())
            .count()
    }

    /// The line `cargo xtask protocol-tests` ends with.
    pub fn summary(&self) -> String {
        let total = |k: &str| self.totals.get(k).copied().unwrap_or(0);
        format!(
            "protocol tests: client requests {}/{}, client responses {}/{}, server requests {}/{}, server responses {}/{}, malformed {}/{}, validation {}/{}",
            self.passed("request:"),
            total("client requests"),
            self.passed("response:"),
            total("client responses"),
            self.passed("server-request:"),
            total("server requests"),
            self.passed("server-response:"),
            total("server responses"),
            self.passed("malformed:"),
            total("malformed"),
            self.passed("validation:"),
            total("validation"),
        )
    }
}

/// One service's share of the run: its cases and what the generator made of it.
struct Generated {
    cases: Vec<cases::Case>,
    service: codegen::ir::Service,
    excluded: BTreeMap<String, String>,
    names: emit::CrateNames,
}

impl Generated {
    fn suite(&self, validation: bool) -> emit::Suite<'_> {
        emit::Suite {
            service: &self.service,
            cases: &self.cases,
            names: self.names.clone(),
            validation,
        }
    }
}

/// Generates, builds and runs the suite from `smithy_dir`.
pub fn run(root: &Path, smithy_dir: &Path) -> Result<SuiteReport, String> {
    let suite = smithy_dir.join("protocol-tests");
    let paths = [
        smithy_dir.join("traits"),
        suite.join("shared-types.smithy"),
        suite.join("aws-config.smithy"),
        suite.join("restJson1"),
    ];
    let sources = crate::read_models(root, &paths)?;
    let model = codegen::loader::load(&sources).map_err(|e| codegen::ModelErrors(e).to_string())?;
    let out = root.join("target/protocol-tests");
    let mut files = BTreeMap::new();
    let main = generate(root, &out, &model, SERVICE, &mut files)?;
    let validation = generate(root, &out, &model, VALIDATION_SERVICE, &mut files)?;

    let mut report = SuiteReport::default();
    for (kind, name) in [
        (Kind::ClientRequest, "client requests"),
        (Kind::ClientResponse, "client responses"),
        (Kind::ServerRequest, "server requests"),
        (Kind::ServerResponse, "server responses"),
        (Kind::Malformed, "malformed"),
    ] {
        report
            .totals
            .insert(name, main.cases.iter().filter(|c| c.kind == kind).count());
    }
    // The validation service's malformed cases are its own figure; its one server request
    // case counts with the others (its client cases are not run).
    *report.totals.entry("server requests").or_default() += validation
        .cases
        .iter()
        .filter(|c| c.kind == Kind::ServerRequest)
        .count();
    report.totals.insert(
        "validation",
        validation.cases.iter().filter(|c| c.kind == Kind::Malformed).count(),
    );

    let tests = emit::test_crate(&main.suite(false), &validation.suite(true));
    for (path, text) in &tests.files {
        files.insert(format!("tests/{path}"), text.clone());
    }
    let members: BTreeSet<&str> = files.keys().filter_map(|p| p.split('/').next()).collect();
    let members: Vec<String> = members.iter().map(|m| format!("{m:?}")).collect();
    files.insert(
        "Cargo.toml".to_string(),
        format!(
            "# Generated by `cargo xtask protocol-tests`.\n[workspace]\nresolver = \"3\"\nmembers = [{}]\n",
            members.join(", ")
        ),
    );
    write_changed(&out, &files)?;
    let lock = out.join("Cargo.lock");
    if !lock.exists() {
        // The repository's lock file pins the same dependency versions, so the build reuses them.
        fs::copy(root.join("Cargo.lock"), &lock).map_err(|e| format!("cannot copy Cargo.lock: {e}"))?;
    }
    let results = run_tests(root, &out)?;

    let by_key: BTreeMap<&String, &String> = tests.tests.iter().map(|(path, key)| (key, path)).collect();
    for (generated, validation) in [(&main, false), (&validation, true)] {
        for case in &generated.cases {
            if validation && matches!(case.kind, Kind::ClientRequest | Kind::ClientResponse) {
                continue;
            }
            let key = case.key(validation);
            let failure = if let Some(reason) = generated.excluded.get(&case.operation) {
                Some(format!("operation excluded: {reason}"))
            } else {
                match by_key.get(&key).and_then(|path| results.get(*path)) {
                    Some(result) => result.clone(),
                    None => Some("the test did not run".to_string()),
                }
            };
            report.outcomes.push(Outcome { key, failure });
        }
    }
    Ok(report)
}

/// Loads the cases of `service_id`, lowers it (leaving out the operations the generator
/// refuses) and emits its crates into `files`.
fn generate(
    root: &Path,
    out: &Path,
    model: &Model,
    service_id: &str,
    files: &mut BTreeMap<String, String>,
) -> Result<Generated, String> {
    let cases = cases::collect(model, service_id);
    let (service, excluded) = lower_excluding_refused(model, service_id)?;
    let options = codegen::Options {
        service: Some(service_id.to_string()),
        runtime_path: crate::relative(out, &root.join("runtime")),
        ..codegen::Options::default()
    };
    files.extend(codegen::emit_crates(&service, &options).map_err(|e| e.to_string())?);
    let names = emit::CrateNames {
        model: format!("{}-model", service.crate_base),
        client: format!("{}-client", service.crate_base),
        server: format!("{}-server", service.crate_base),
        runtime_path: crate::relative(&out.join("tests"), &root.join("runtime")),
    };
    Ok(Generated {
        cases,
        service,
        excluded,
        names,
    })
}

/// Lowers the service, leaving out each operation the generator refuses (with its first
/// reason), until the rest lowers.
fn lower_excluding_refused(
    model: &Model,
    service_id: &str,
) -> Result<(codegen::ir::Service, BTreeMap<String, String>), String> {
    let mut excluded: BTreeMap<String, String> = BTreeMap::new();
    loop {
        let names: Vec<String> = excluded.keys().cloned().collect();
        let errors = match codegen::lower::lower_excluding(model, Some(service_id), &names) {
            Ok(service) => return Ok((service, excluded)),
            Err(errors) => errors,
        };
        let before = excluded.len();
        for error in &errors {
            let Some(shape) = &error.shape else { continue };
            for op in operations_using(model, service_id, shape) {
                excluded.entry(op).or_insert_with(|| error.message.clone());
            }
        }
        if excluded.len() == before {
            return Err(codegen::ModelErrors(errors).to_string());
        }
    }
}

/// The service's operations that are `shape` or reach it through their input, output or errors.
fn operations_using(model: &Model, service_id: &str, shape: &str) -> Vec<String> {
    let Some(service) = model.shapes.get(service_id) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for op in &service.operations {
        let Some(op_shape) = model.shapes.get(&op.target) else {
            continue;
        };
        let mut stack: Vec<&str> = vec![op.target.as_str()];
        stack.extend(
            op_shape
                .input
                .iter()
                .chain(&op_shape.output)
                .chain(&op_shape.errors)
                .map(|r| r.target.as_str()),
        );
        let mut seen = BTreeSet::new();
        while let Some(id) = stack.pop() {
            if !seen.insert(id) {
                continue;
            }
            if id == shape {
                found.push(op.target.clone());
                break;
            }
            if let Some(s) = model.shapes.get(id).filter(|_| id != op.target) {
                let members = s.members.values().chain(&s.member).chain(&s.key).chain(&s.value);
                stack.extend(members.map(|m| m.target.as_str()));
            }
        }
    }
    found
}

/// Writes files whose content changed (so that Cargo rebuilds only what changed).
fn write_changed(out: &Path, files: &BTreeMap<String, String>) -> Result<(), String> {
    for (path, text) in files {
        let full = out.join(path);
        if fs::read_to_string(&full).is_ok_and(|existing| &existing == text) {
            continue;
        }
        if let Some(parent) = full.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        fs::write(&full, text).map_err(|e| format!("cannot write {}: {e}", full.display()))?;
    }
    Ok(())
}

/// Builds and runs the test crate: each test's outcome (`None` = passed), by test path.
fn run_tests(root: &Path, out: &Path) -> Result<BTreeMap<String, Option<String>>, String> {
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string()))
        .arg("test")
        // Panic messages go into the report on one line each: no backtraces.
        .env("RUST_BACKTRACE", "0")
        .arg("--manifest-path")
        .arg(out.join("Cargo.toml"))
        .args([
            "-p",
            "protocol-compliance-tests",
            "--lib",
            "--no-fail-fast",
            "--target-dir",
        ])
        .arg(root.join("target"))
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut results = BTreeMap::new();
    for line in stdout.lines() {
        let Some(rest) = line.strip_prefix("test ") else {
            continue;
        };
        if let Some(name) = rest.strip_suffix(" ... ok") {
            results.insert(name.to_string(), None);
        } else if let Some(name) = rest.strip_suffix(" ... FAILED") {
            results.insert(name.to_string(), Some(panic_message(&stdout, name)));
        }
    }
    if results.is_empty() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(40).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(format!(
            "the generated tests did not build or run:\n{}",
            tail.join("\n")
        ));
    }
    Ok(results)
}

/// The panic message libtest printed for a failed test, on one line.
fn panic_message(stdout: &str, name: &str) -> String {
    let header = format!("---- {name} stdout ----");
    let Some(start) = stdout.find(&header) else {
        return "failed".to_string();
    };
    let section = &stdout[start + header.len()..];
    let end = section
        .find("\n---- ")
        .or_else(|| section.find("\n\nfailures:"))
        .unwrap_or(section.len());
    let text: Vec<&str> = section[..end]
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.contains("panicked at") && !l.starts_with("note:"))
        .collect();
    let mut message = text.join(" ");
    if message.len() > 240 {
        let mut cut = 240;
        while !message.is_char_boundary(cut) {
            cut -= 1;
        }
        message.truncate(cut);
        message.push_str("...");
    }
    message
}

/// The expected failures: key to reason.
pub fn read_expected(path: &Path) -> Result<BTreeMap<String, String>, String> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
    };
    let mut expected = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, reason) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        if reason.trim().is_empty() {
            return Err(format!("{}:{}: `{key}` has no reason", path.display(), n + 1));
        }
        expected.insert(key.to_string(), reason.trim().to_string());
    }
    Ok(expected)
}

/// The expected-failures file listing exactly the failures of `report`, with their reasons.
pub fn expected_file(report: &SuiteReport) -> String {
    let mut text = String::from(
        "# Cases of Smithy's restJson1 protocol compliance suite that fail today, one per line: the\n\
         # case's key, then why. Keys: `request:` and `response:` (client), `server-request:`,\n\
         # `server-response:`, `malformed:` (the server refusing malformed requests) and\n\
         # `validation:` (the malformed cases of the RestJsonValidation service), then the case id\n\
         # (`_caseN` for the Nth expansion of a case's `testParameters`). `cargo xtask\n\
         # protocol-tests` fails when a listed case passes or an unlisted one fails, so this list\n\
         # only shrinks. Reasons start with where the fault is: `server:` (ours to fix), `server\n\
         # (media types)`, `server (decoding)`, `server (validation messages)` (parts of the server\n\
         # being reworked), `harness:` (the test harness, not the code under test), `case:` (the case\n\
         # asks for what a server cannot know from the request).\n\
         # `--update-expected` writes the raw failure messages; reasons here were then written by\n\
         # hand and the lines grouped by reason.\n",
    );
    for outcome in &report.outcomes {
        if let Some(reason) = &outcome.failure {
            text.push_str(&format!("{}  {}\n", outcome.key, reason.replace('\n', " ")));
        }
    }
    text
}

/// The listed cases that pass, the unlisted ones that fail, and listed keys that name no case.
pub fn mismatches(report: &SuiteReport, expected: &BTreeMap<String, String>) -> Vec<String> {
    let mut problems = Vec::new();
    let keys: BTreeSet<&str> = report.outcomes.iter().map(|o| o.key.as_str()).collect();
    for outcome in &report.outcomes {
        match (&outcome.failure, expected.contains_key(&outcome.key)) {
            (None, true) => problems.push(format!("{} passes but is listed as an expected failure", outcome.key)),
            (Some(reason), false) => problems.push(format!("{} fails and is not listed: {reason}", outcome.key)),
            _ => {}
        }
    }
    for key in expected.keys() {
        if !keys.contains(key.as_str()) {
            problems.push(format!("{key} is listed but is no case of the suite"));
        }
    }
    problems
}

/// Where the suite is by default: beside the repository.
pub fn default_smithy(root: &Path) -> PathBuf {
    root.join("../shared/smithy")
}
