//! Operations that list Smithy's `smithy.framework#ValidationException` are marked in the IR,
//! and their generated `Operation` impl tells the runtime so (as data); `@internal` enum
//! values are known but kept out of the values callers are told about.

use codegen::ir::{Operation, TypeDef};
use codegen::{ModelSource, Options};

/// Smithy's definition, as `traits/smithy.framework.validation.smithy` has it (trimmed).
const FRAMEWORK: &str = r#"$version: "2.0"
namespace smithy.framework

@error("client")
structure ValidationException {
    @required
    message: String
    fieldList: ValidationExceptionFieldList
}

structure ValidationExceptionField {
    @required
    path: String
    @required
    message: String
}

list ValidationExceptionFieldList {
    member: ValidationExceptionField
}
"#;

const SERVICE: &str = r#"$version: "2.0"
namespace ex

use aws.protocols#restJson1
use smithy.framework#ValidationException

@restJson1
service Checked {
    version: "2024-01-01"
    operations: [Framework, Own]
}

@http(method: "POST", uri: "/framework")
operation Framework {
    input := {
        color: Color
        legacy: Legacy
    }
    errors: [ValidationException]
}

@http(method: "POST", uri: "/own")
operation Own {
    input := {}
    errors: [OwnValidationException]
}

@error("client")
structure OwnValidationException {
    message: String
}

enum Color {
    RED = "red"
    @internal
    STAFF = "staff"
    @tags(["internal"])
    BLUE = "blue"
}

@enum([
    { value: "a", name: "A" }
    { value: "z", name: "Z", tags: ["internal"] }
])
string Legacy
"#;

fn sources(service: &str) -> Vec<ModelSource> {
    vec![
        ModelSource {
            name: "framework.smithy".into(),
            text: FRAMEWORK.into(),
        },
        ModelSource {
            name: "service.smithy".into(),
            text: service.into(),
        },
    ]
}

fn operation<'a>(ops: &'a [Operation], name: &str) -> &'a Operation {
    ops.iter().find(|op| op.name == name).expect(name)
}

#[test]
fn the_flag_is_set_where_the_operation_lists_the_framework_error() {
    let service = codegen::load_service(&sources(SERVICE), Some("ex#Checked")).unwrap();
    assert!(operation(&service.operations, "Framework").framework_validation);
    assert!(!operation(&service.operations, "Own").framework_validation);
}

#[test]
fn a_service_wide_framework_error_marks_every_operation() {
    let model = SERVICE.replace(
        "operations: [Framework, Own]",
        "operations: [Framework, Own]\n    errors: [ValidationException]",
    );
    let service = codegen::load_service(&sources(&model), Some("ex#Checked")).unwrap();
    assert!(service.operations.iter().all(|op| op.framework_validation));
}

#[test]
fn the_generated_operation_passes_the_style_to_the_runtime() {
    let options = Options {
        service: Some("ex#Checked".into()),
        ..Options::default()
    };
    let generated = codegen::generate(&sources(SERVICE), &options).unwrap();
    let file = |op: &str| {
        generated
            .files
            .iter()
            .find(|(path, _)| path.ends_with(&format!("src/operation/{op}.rs")))
            .map(|(_, text)| text.clone())
            .expect(op)
    };
    let style = "const VALIDATION: rt::ValidationStyle = rt::ValidationStyle::SmithyFramework;";
    assert!(file("framework").contains(style), "{}", file("framework"));
    assert!(!file("own").contains("VALIDATION:"), "{}", file("own"));
}

#[test]
fn internal_enum_values_are_known_but_not_listed() {
    let service = codegen::load_service(&sources(SERVICE), Some("ex#Checked")).unwrap();
    let internal = |name: &str| match &service.types[name] {
        TypeDef::Enum(e) => e
            .variants
            .iter()
            .map(|v| (v.name.clone(), v.internal))
            .collect::<Vec<_>>(),
        other => panic!("{name} is not an enum: {other:?}"),
    };
    // `@tags(["internal"])` alone is not `@internal` (the suite lists `jkl`); an `@enum`
    // entry tagged `internal` is.
    assert_eq!(
        internal("Color"),
        [
            ("Red".to_string(), false),
            ("Staff".to_string(), true),
            ("Blue".to_string(), false)
        ]
    );
    assert_eq!(internal("Legacy"), [("A".to_string(), false), ("Z".to_string(), true)]);
    let options = Options {
        service: Some("ex#Checked".into()),
        ..Options::default()
    };
    let generated = codegen::generate(&sources(SERVICE), &options).unwrap();
    let color = generated
        .files
        .iter()
        .find(|(path, text)| path.contains("-model/src/") && text.contains("string_enum!(Color"))
        .map(|(_, text)| text.clone())
        .expect("the Color enum");
    assert!(
        color.contains(r#"string_enum!(Color, [Red = "red", Blue = "blue"], internal[Staff = "staff"]);"#),
        "{color}"
    );
}
