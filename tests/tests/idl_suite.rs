//! Smithy's own IDL loader suite and protocol compliance models, read from `../shared/smithy`
//! (never copied here): what `cargo xtask idl-tests` runs, as a test. Skipped, saying so,
//! when that folder is absent.

use std::path::PathBuf;

fn smithy_dir() -> Option<PathBuf> {
    let dir = xtask::repo_root().join("../shared/smithy");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("SKIPPED: {} is absent, so Smithy's IDL suite cannot run", dir.display());
        None
    }
}

/// Every valid file loads as its JSON AST, every invalid one is refused at the line its
/// first comment names.
#[test]
fn smithy_idl_loader_suite() {
    let Some(dir) = smithy_dir() else { return };
    let report = xtask::idl_suite::run(&dir).expect("the suite runs");
    println!("{}", report.summary());
    assert!(
        report.valid_total >= 80 && report.invalid_total >= 181,
        "{}",
        report.summary()
    );
    assert!(
        report.failures.is_empty(),
        "{}\n{}",
        report.failures.join("\n"),
        report.summary()
    );
    assert_eq!(report.valid_ok, report.valid_total);
    assert_eq!(report.invalid_refused, report.invalid_total);
    assert_eq!(report.at_expected_line, report.with_expected_line);
}

/// The whole protocol compliance suite (IDL, with the trait definitions it uses) loads.
#[test]
fn protocol_compliance_models_load() {
    let Some(dir) = smithy_dir() else { return };
    let root = xtask::repo_root();
    let sources =
        xtask::read_models(&root, &[dir.join("protocol-tests"), dir.join("traits")]).expect("the models are readable");
    assert!(sources.len() >= 60, "only {} model files found", sources.len());
    let model = match codegen::loader::load(&sources) {
        Ok(model) => model,
        Err(errors) => panic!("{}", codegen::ModelErrors(errors)),
    };
    for service in [
        "aws.protocoltests.restjson#RestJson",
        "aws.protocoltests.restjson.validation#RestJsonValidation",
    ] {
        let shape = &model.shapes[service];
        assert_eq!(shape.kind, "service");
        assert!(!shape.operations.is_empty(), "{service} has no operations");
    }
}
