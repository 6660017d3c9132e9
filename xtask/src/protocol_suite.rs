//! Smithy's restJson1 protocol compliance suite against our generated client
//! (`cargo xtask protocol-tests`).
//!
//! The suite's model (`protocol-tests/restJson1/` with Smithy's trait definitions) is loaded and
//! its service `aws.protocoltests.restjson#RestJson` generated into `target/protocol-tests/`
//! (never committed: the suite is third-party), together with a test crate made from the
//! cases (`codegen::compliance`). Operations the generator refuses are left out, and their
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
/// The checked-in list of client cases known to fail, relative to the repository.
pub const EXPECTED_FAILURES: &str = "tests/protocol-tests/expected-failures.txt";

/// One case's outcome.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// `request:Id` or `response:Id`: the key used in the expected-failures list.
    pub key: String,
    /// `None` when it passed; otherwise why it failed.
    pub failure: Option<String>,
}

/// What the run found.
#[derive(Debug, Default)]
pub struct SuiteReport {
    /// Client case outcomes, in the suite's order.
    pub client: Vec<Outcome>,
    /// Totals per kind, over every case of the suite.
    pub totals: BTreeMap<&'static str, usize>,
}

impl SuiteReport {
    fn passed(&self, prefix: &str) -> usize {
        self.client
            .iter()
            .filter(|o| o.key.starts_with(prefix) && o.failure.is_none())
            .count()
    }

    /// The line `cargo xtask protocol-tests` ends with (server figures stay 0 until the
    /// server runs the suite).
    pub fn summary(&self) -> String {
        let total = |k: &str| self.totals.get(k).copied().unwrap_or(0);
        format!(
            "protocol tests: client requests {}/{}, client responses {}/{}, server requests 0/{}, server responses 0/{}, malformed 0/{}, validation 0/{}",
            self.passed("request:"),
            total("client requests"),
            self.passed("response:"),
            total("client responses"),
            total("server requests"),
            total("server responses"),
            total("malformed"),
            total("validation"),
        )
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
    let all = cases::collect(&model, SERVICE);
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
            .insert(name, all.iter().filter(|c| c.kind == kind).count());
    }
    let validation = cases::collect(&model, VALIDATION_SERVICE);
    report.totals.insert(
        "validation",
        validation.iter().filter(|c| c.kind == Kind::Malformed).count(),
    );

    let (service, excluded) = lower_excluding_refused(&model)?;
    let out = root.join("target/protocol-tests");
    let options = codegen::Options {
        service: Some(SERVICE.to_string()),
        runtime_path: crate::relative(&out, &root.join("runtime")),
        ..codegen::Options::default()
    };
    let mut files = codegen::emit_crates(&service, &options).map_err(|e| e.to_string())?;
    let names = emit::CrateNames {
        model: format!("{}-model", service.crate_base),
        client: format!("{}-client", service.crate_base),
        runtime_path: crate::relative(&out.join("tests"), &root.join("runtime")),
    };
    let tests = emit::test_crate(&service, &all, &names);
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

    let by_index: BTreeMap<usize, &String> = tests.tests.iter().map(|(path, i)| (*i, path)).collect();
    for (index, case) in all.iter().enumerate() {
        let prefix = match case.kind {
            Kind::ClientRequest => "request",
            Kind::ClientResponse => "response",
            _ => continue,
        };
        let failure = if let Some(reason) = excluded.get(&case.operation) {
            Some(format!("operation excluded: {reason}"))
        } else {
            match by_index.get(&index).and_then(|path| results.get(*path)) {
                Some(result) => result.clone(),
                None => Some("the test did not run".to_string()),
            }
        };
        report.client.push(Outcome {
            key: format!("{prefix}:{}", case.id),
            failure,
        });
    }
    Ok(report)
}

/// Lowers the service, leaving out each operation the generator refuses (with its first
/// reason), until the rest lowers.
fn lower_excluding_refused(model: &Model) -> Result<(codegen::ir::Service, BTreeMap<String, String>), String> {
    let mut excluded: BTreeMap<String, String> = BTreeMap::new();
    loop {
        let names: Vec<String> = excluded.keys().cloned().collect();
        let errors = match codegen::lower::lower_excluding(model, Some(SERVICE), &names) {
            Ok(service) => return Ok((service, excluded)),
            Err(errors) => errors,
        };
        let before = excluded.len();
        for error in &errors {
            let Some(shape) = &error.shape else { continue };
            for op in operations_using(model, shape) {
                excluded.entry(op).or_insert_with(|| error.message.clone());
            }
        }
        if excluded.len() == before {
            return Err(codegen::ModelErrors(errors).to_string());
        }
    }
}

/// The service's operations that are `shape` or reach it through their input, output or errors.
fn operations_using(model: &Model, shape: &str) -> Vec<String> {
    let Some(service) = model.shapes.get(SERVICE) else {
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
        "# Client cases of Smithy's restJson1 protocol compliance suite that fail today, one per line:\n\
         # `request:<case id>` or `response:<case id>`, then why. `cargo xtask protocol-tests` fails\n\
         # when a listed case passes or an unlisted one fails, so this list only shrinks.\n",
    );
    for outcome in &report.client {
        if let Some(reason) = &outcome.failure {
            text.push_str(&format!("{}  {}\n", outcome.key, reason.replace('\n', " ")));
        }
    }
    text
}

/// The listed cases that pass, the unlisted ones that fail, and listed keys that name no case.
pub fn mismatches(report: &SuiteReport, expected: &BTreeMap<String, String>) -> Vec<String> {
    let mut problems = Vec::new();
    let keys: BTreeSet<&str> = report.client.iter().map(|o| o.key.as_str()).collect();
    for outcome in &report.client {
        match (&outcome.failure, expected.contains_key(&outcome.key)) {
            (None, true) => problems.push(format!("{} passes but is listed as an expected failure", outcome.key)),
            (Some(reason), false) => problems.push(format!("{} fails and is not listed: {reason}", outcome.key)),
            _ => {}
        }
    }
    for key in expected.keys() {
        if !keys.contains(key.as_str()) {
            problems.push(format!("{key} is listed but is no client case of the suite"));
        }
    }
    problems
}

/// Where the suite is by default: beside the repository.
pub fn default_smithy(root: &Path) -> PathBuf {
    root.join("../shared/smithy")
}
