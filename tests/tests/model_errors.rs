//! Broken models: every problem is found in one pass, each located (file, shape, member,
//! trait) and worded exactly as asserted here, so messages cannot silently regress. Odd
//! input never panics. A few positive cases pin the loader's semantics (`apply`, mixins,
//! resources, `rename`, Smithy 1.0 `set` and `@enum`, member traits over target traits).

use codegen::ir::{Bounds, EnumValue, TyKind, TypeDef};
use codegen::{ModelSource, ir};
use serde_json::{Map, Value, json};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The name every single-file model is loaded under.
const FILE: &str = "model/test.json";

/// A model to load: its files and, optionally, the service to choose and operations to leave out.
struct Input {
    sources: Vec<ModelSource>,
    service: Option<&'static str>,
    excluded: Vec<String>,
}

impl Input {
    fn service(mut self, service: &'static str) -> Self {
        self.service = Some(service);
        self
    }

    fn excluding(mut self, operation: &str) -> Self {
        self.excluded.push(operation.to_string());
        self
    }

    fn load(&self) -> Result<ir::Service, codegen::ModelErrors> {
        let model = codegen::loader::load(&self.sources).map_err(codegen::ModelErrors)?;
        codegen::lower::lower_excluding(&model, self.service, &self.excluded).map_err(codegen::ModelErrors)
    }
}

/// Files by name and raw text.
fn files(files: &[(&str, &str)]) -> Input {
    let sources = files
        .iter()
        .map(|(name, text)| ModelSource {
            name: name.to_string(),
            text: text.to_string(),
        })
        .collect();
    Input {
        sources,
        service: None,
        excluded: Vec::new(),
    }
}

/// One file with exactly this text.
fn text(text: &str) -> Input {
    files(&[(FILE, text)])
}

/// One Smithy 2.0 file with exactly these shapes.
fn shapes(shapes: Value) -> Input {
    text(&json!({ "smithy": "2.0", "shapes": shapes }).to_string())
}

/// A valid model: service `t#Svc` with one operation `t#Op` (`POST /op`), whose input
/// `t#OpInput` and output `t#OpOutput` are empty structures.
fn base() -> Map<String, Value> {
    let base = json!({
        "t#Svc": {
            "type": "service",
            "version": "2024-01-01",
            "operations": [{ "target": "t#Op" }],
            "traits": { "aws.protocols#restJson1": {} }
        },
        "t#Op": {
            "type": "operation",
            "input": { "target": "t#OpInput" },
            "output": { "target": "t#OpOutput" },
            "traits": { "smithy.api#http": { "method": "POST", "uri": "/op" } }
        },
        "t#OpInput": { "type": "structure", "members": {} },
        "t#OpOutput": { "type": "structure", "members": {} }
    });
    match base {
        Value::Object(map) => map,
        _ => unreachable!(),
    }
}

/// The base model with `changes` laid over it, shape by shape; a `null` shape is removed.
fn with(changes: Value) -> Map<String, Value> {
    let mut model = base();
    let Value::Object(changes) = changes else {
        panic!("changes must be an object of shapes")
    };
    for (id, shape) in changes {
        if shape.is_null() {
            model.remove(&id);
        } else {
            model.insert(id, shape);
        }
    }
    model
}

/// The base model with `changes` laid over it, as one Smithy 2.0 file.
fn model(changes: Value) -> Input {
    shapes(Value::Object(with(changes)))
}

/// The base model whose input structure has exactly these members.
fn input(members: Value) -> Input {
    model(json!({ "t#OpInput": { "type": "structure", "members": members } }))
}

/// Loads the model, which must fail, and returns each error's display line.
fn error_lines(input: &Input) -> Vec<String> {
    match input.load() {
        Ok(service) => panic!(
            "expected model errors, but the model loaded: {} types",
            service.types.len()
        ),
        Err(errors) => errors.0.iter().map(ToString::to_string).collect(),
    }
}

/// The model must fail with exactly these error lines, in this order.
fn assert_errors(input: Input, expected: &[&str]) {
    let actual = error_lines(&input);
    assert_eq!(actual, expected, "\nactual error lines:\n{}\n", actual.join("\n"));
}

/// Loads the model, which must succeed.
fn loaded(input: Input) -> ir::Service {
    match input.load() {
        Ok(service) => service,
        Err(errors) => panic!("expected the model to load:\n{errors}"),
    }
}

fn structure<'s>(service: &'s ir::Service, name: &str) -> &'s ir::Struct {
    match service.types.get(name) {
        Some(TypeDef::Struct(s)) => s,
        other => panic!(
            "expected a structure `{name}`, found {other:?}; types: {:?}",
            service.types.keys().collect::<Vec<_>>()
        ),
    }
}

fn member<'s>(s: &'s ir::Struct, wire_name: &str) -> &'s ir::Member {
    s.members
        .iter()
        .find(|m| m.wire_name == wire_name)
        .unwrap_or_else(|| panic!("no member `{wire_name}` in `{}`", s.name))
}

/// One test per broken model, each asserting the exact, complete list of error lines.
macro_rules! cases {
    ($( $(#[$attr:meta])* $name:ident: $input:expr => [ $($line:expr),* $(,)? ]; )*) => {
        $(
            $(#[$attr])*
            #[test]
            fn $name() {
                assert_errors($input, &[$($line),*]);
            }
        )*
    };
}

/// `@httpLabel`, `@httpQuery` and `@httpQueryParams` mean something only on an operation's
/// input; anywhere else Smithy says they are "simply ignored": such a member is a body member
/// (api-gateway's outputs carry `@httpQuery` on a pagination member).
#[test]
fn input_only_bindings_are_ignored_outside_inputs() {
    let service = loaded(model(json!({
        "t#OpOutput": { "type": "structure", "members": {
            "id": { "target": "smithy.api#String", "traits": { "smithy.api#httpLabel": {}, "smithy.api#required": {} } },
            "q": { "target": "smithy.api#String", "traits": { "smithy.api#httpQuery": "q" } },
            "all": { "target": "t#Params", "traits": { "smithy.api#httpQueryParams": {} } }
        } },
        "t#Params": { "type": "map", "key": { "target": "smithy.api#String" }, "value": { "target": "smithy.api#String" } }
    })));
    let output = structure(&service, "OpOutput");
    for name in ["id", "q", "all"] {
        assert_eq!(member(output, name).binding, ir::Binding::Body, "{name}");
    }
}

/// A service with an event-stream operation (`t#Watch`, whose output is a `@streaming` union)
/// beside the base operation.
fn with_event_stream() -> Input {
    model(json!({
        "t#Svc": {
            "type": "service",
            "version": "2024-01-01",
            "operations": [{ "target": "t#Op" }, { "target": "t#Watch" }],
            "traits": { "aws.protocols#restJson1": {} }
        },
        "t#Watch": {
            "type": "operation",
            "output": { "target": "t#WatchOutput" },
            "traits": { "smithy.api#http": { "method": "POST", "uri": "/watch" } }
        },
        "t#WatchOutput": { "type": "structure", "members": {
            "events": { "target": "t#Events", "traits": { "smithy.api#httpPayload": {} } }
        } },
        "t#Events": { "type": "union", "traits": { "smithy.api#streaming": {} }, "members": {
            "tick": { "target": "t#Tick" }
        } },
        "t#Tick": { "type": "structure", "members": {} }
    }))
}

/// An event stream is refused by operation name (its crates would not compile), and the
/// message says how to generate the rest; excluded, the rest of the service generates.
#[test]
fn event_stream_operations_are_refused_and_can_be_excluded() {
    assert_errors(
        with_event_stream(),
        &[
            "model/test.json: t#Watch: @smithy.api#streaming: operation `Watch` uses an event stream (member \
           `events` of `t#WatchOutput` targets the @streaming union `t#Events`), which this generator does not \
           implement yet; generate the rest of the service with `--exclude-operation Watch`",
        ],
    );
    let service = loaded(with_event_stream().excluding("Watch"));
    let names: Vec<&str> = service.operations.iter().map(|op| op.name.as_str()).collect();
    assert_eq!(names, ["Op"]);
    assert!(!service.types.contains_key("Events"), "{:?}", service.types.keys());
    assert_errors(
        with_event_stream().excluding("t#Watch").excluding("Nope"),
        &["model/test.json: t#Svc: --exclude-operation `Nope`: the service has no operation of that name"],
    );
}

/// Every case below changes this model; on its own it loads without error.
#[test]
fn base_model_loads() {
    let service = loaded(model(json!({})));
    assert_eq!(service.operations.len(), 1);
    let names: Vec<&str> = service.types.keys().map(String::as_str).collect();
    assert_eq!(names, ["OpInput", "OpOutput"]);
}

// ---------------------------------------------------------------------------------------
// Files and versions
// ---------------------------------------------------------------------------------------

cases! {
    /// Text that is not JSON names the file and says where parsing stopped.
    not_json: text("this is not JSON") => [
        "model/test.json: not a Smithy JSON AST file: expected ident at line 1 column 2",
    ];

    /// JSON without the `smithy` version is not a Smithy AST.
    missing_smithy_version: text(r#"{"shapes": {}}"#) => [
        "model/test.json: not a Smithy JSON AST file: missing field `smithy` at line 1 column 14",
    ];

    /// A JSON value of the wrong kind at the top.
    json_but_not_an_object: text("[1, 2]") => [
        "model/test.json: not a Smithy JSON AST file: invalid type: integer `1`, expected a string at line 1 column 2",
    ];

    unsupported_idl_version: text(r#"{"smithy": "3.0", "shapes": {}}"#) => [
        r#"model/test.json: unsupported Smithy IDL version "3.0"; expected 1.0 or 2.0"#,
    ];

    /// Every file is read even after a broken one; each problem names its own file.
    every_broken_file_is_reported: files(&[
        ("model/a.json", "{"),
        ("model/b.json", r#"{"smithy": "0.5"}"#),
        ("model/c.json", r#"{"smithy": "2.0", "shapes": {}}"#),
    ]) => [
        "model/a.json: not a Smithy JSON AST file: EOF while parsing an object at line 1 column 1",
        r#"model/b.json: unsupported Smithy IDL version "0.5"; expected 1.0 or 2.0"#,
    ];

    /// The same shape id defined differently in two files names both files (identical
    /// definitions are one shape, as Smithy merges them).
    shape_defined_in_two_files: files(&[
        ("model/a.json", r#"{"smithy": "2.0", "shapes": {"t#Name": {"type": "string"}}}"#),
        ("model/b.json", r#"{"smithy": "2.0", "shapes": {"t#Name": {"type": "integer"}}}"#),
    ]) => [
        "model/b.json: t#Name: shape is defined twice, differently (first in model/a.json)",
    ];
}

// ---------------------------------------------------------------------------------------
// Resolution: targets, apply, mixins
// ---------------------------------------------------------------------------------------

cases! {
    unresolved_member_target: input(json!({ "a": { "target": "t#Missing" } })) => [
        "model/test.json: t#OpInput$a: target `t#Missing` does not resolve to a shape",
    ];

    /// A list's member is located as `List$member`.
    unresolved_list_member_target: model(json!({
        "t#OpInput": { "type": "structure", "members": { "items": { "target": "t#Items" } } },
        "t#Items": { "type": "list", "member": { "target": "t#Missing" } }
    })) => [
        "model/test.json: t#Items$member: target `t#Missing` does not resolve to a shape",
    ];

    unresolved_operation_input: model(json!({
        "t#Op": {
            "type": "operation",
            "input": { "target": "t#Missing" },
            "traits": { "smithy.api#http": { "method": "POST", "uri": "/op" } }
        }
    })) => [
        "model/test.json: t#Op: its input `t#Missing` does not resolve to a shape",
    ];

    unresolved_operation_binding: model(json!({
        "t#Svc": { "type": "service", "operations": [{ "target": "t#Op" }, { "target": "t#Gone" }] }
    })) => [
        "model/test.json: t#Svc: target `t#Gone` does not resolve to a shape",
    ];

    apply_to_missing_shape: model(json!({
        "t#Missing": { "type": "apply", "traits": { "smithy.api#documentation": "x" } }
    })) => [
        "model/test.json: t#Missing: `apply` targets a shape that does not exist",
    ];

    apply_to_missing_member: model(json!({
        "t#OpInput$missing": { "type": "apply", "traits": { "smithy.api#required": {} } }
    })) => [
        "model/test.json: t#OpInput$missing: `apply` targets a member that does not exist",
    ];

    mixin_cycle: model(json!({
        "t#A": { "type": "structure", "mixins": [{ "target": "t#B" }], "traits": { "smithy.api#mixin": {} } },
        "t#B": { "type": "structure", "mixins": [{ "target": "t#A" }], "traits": { "smithy.api#mixin": {} } }
    })) => [
        "model/test.json: t#A: mixin cycle: t#A -> t#B -> t#A",
    ];

    mixin_of_itself: model(json!({
        "t#A": { "type": "structure", "mixins": [{ "target": "t#A" }], "traits": { "smithy.api#mixin": {} } }
    })) => [
        "model/test.json: t#A: mixin cycle: t#A -> t#A",
    ];

    mixin_without_mixin_trait: model(json!({
        "t#Base": { "type": "structure", "members": { "a": { "target": "smithy.api#String" } } },
        "t#OpInput": { "type": "structure", "mixins": [{ "target": "t#Base" }], "members": {} }
    })) => [
        "model/test.json: t#OpInput: `t#Base` is used as a mixin but has no @mixin trait",
    ];

    missing_mixin: model(json!({
        "t#OpInput": { "type": "structure", "mixins": [{ "target": "t#Missing" }], "members": {} }
    })) => [
        "model/test.json: t#OpInput: mixin `t#Missing` does not exist",
    ];
}

// ---------------------------------------------------------------------------------------
// Constraint traits
// ---------------------------------------------------------------------------------------

cases! {
    length_min_greater_than_max: input(json!({
        "a": { "target": "smithy.api#String", "traits": { "smithy.api#length": { "min": 5, "max": 1 } } }
    })) => [
        "model/test.json: t#OpInput$a: @smithy.api#length: `min` (5) is greater than `max` (1)",
    ];

    length_negative_bound: input(json!({
        "a": { "target": "smithy.api#String", "traits": { "smithy.api#length": { "min": -1 } } }
    })) => [
        "model/test.json: t#OpInput$a: @smithy.api#length: `min` must be a non-negative integer, found -1",
    ];

    length_string_bound: input(json!({
        "a": { "target": "smithy.api#String", "traits": { "smithy.api#length": { "max": "10" } } }
    })) => [
        r#"model/test.json: t#OpInput$a: @smithy.api#length: `max` must be a non-negative integer, found "10""#,
    ];

    length_not_an_object: input(json!({
        "a": { "target": "smithy.api#String", "traits": { "smithy.api#length": 3 } }
    })) => [
        "model/test.json: t#OpInput$a: @smithy.api#length: expected an object with `min` and/or `max`, found 3",
    ];

    /// A broken trait on a target shape is reported where the shape is used.
    length_broken_on_target_shape: model(json!({
        "t#OpInput": { "type": "structure", "members": { "a": { "target": "t#Name" }, "b": { "target": "t#Name" } } },
        "t#Name": { "type": "string", "traits": { "smithy.api#length": { "min": 2, "max": 1 } } }
    })) => [
        "model/test.json: t#OpInput$a: @smithy.api#length: `min` (2) is greater than `max` (1)",
        "model/test.json: t#OpInput$b: @smithy.api#length: `min` (2) is greater than `max` (1)",
    ];

    length_on_integer: input(json!({
        "a": { "target": "smithy.api#Integer", "traits": { "smithy.api#length": { "max": 1 } } }
    })) => [
        "model/test.json: t#OpInput$a: @smithy.api#length: cannot apply to a shape of type `integer` (`smithy.api#Integer`)",
    ];

    range_on_string: input(json!({
        "a": { "target": "smithy.api#String", "traits": { "smithy.api#range": { "max": 1 } } }
    })) => [
        "model/test.json: t#OpInput$a: @smithy.api#range: cannot apply to a shape of type `string` (`smithy.api#String`)",
    ];

    range_min_greater_than_max: input(json!({
        "a": { "target": "smithy.api#Double", "traits": { "smithy.api#range": { "min": 1.5, "max": -1 } } }
    })) => [
        "model/test.json: t#OpInput$a: @smithy.api#range: `min` (1.5) is greater than `max` (-1)",
    ];

    pattern_on_integer: input(json!({
        "a": { "target": "smithy.api#Integer", "traits": { "smithy.api#pattern": "^[0-9]+$" } }
    })) => [
        "model/test.json: t#OpInput$a: @smithy.api#pattern: cannot apply to a shape of type `integer` (`smithy.api#Integer`)",
    ];

    pattern_not_a_string: input(json!({
        "a": { "target": "smithy.api#String", "traits": { "smithy.api#pattern": 7 } }
    })) => [
        "model/test.json: t#OpInput$a: @smithy.api#pattern: expected a string, found 7",
    ];

    unique_items_on_string: input(json!({
        "a": { "target": "smithy.api#String", "traits": { "smithy.api#uniqueItems": {} } }
    })) => [
        "model/test.json: t#OpInput$a: @smithy.api#uniqueItems: cannot apply to a shape of type `string` (`smithy.api#String`)",
    ];

    /// An unclosed group: the engine cannot compile it, and the message quotes the pattern.
    pattern_unclosed_group: input(json!({
        "a": { "target": "smithy.api#String", "traits": { "smithy.api#pattern": "(" } }
    })) => [
        "model/test.json: t#OpInput$a: @smithy.api#pattern: cannot compile `(` as ECMA-262 or as Java: Unbalanced parenthesis; read as Java: unterminated group",
    ];

    pattern_unclosed_class: input(json!({
        "a": { "target": "smithy.api#String", "traits": { "smithy.api#pattern": "[a-" } }
    })) => [
        "model/test.json: t#OpInput$a: @smithy.api#pattern: cannot compile `[a-` as ECMA-262 or as Java: Unbalanced bracket; read as Java: unterminated character class",
    ];

    unknown_timestamp_format: input(json!({
        "a": { "target": "smithy.api#Timestamp", "traits": { "smithy.api#timestampFormat": "unix" } }
    })) => [
        r#"model/test.json: t#OpInput$a: @smithy.api#timestampFormat: unknown format "unix"; expected epoch-seconds, date-time or http-date"#,
    ];

    default_out_of_range: model(json!({
        "t#OpInput": { "type": "structure", "members": {
            "a": { "target": "smithy.api#Byte", "traits": { "smithy.api#default": 300 } },
            "b": { "target": "t#Names", "traits": { "smithy.api#default": ["x"] } }
        } },
        "t#Names": { "type": "list", "member": { "target": "smithy.api#String" } }
    })) => [
        "model/test.json: t#OpInput$a: @smithy.api#default: the default value 300 does not fit the member: expected a byte",
        r#"model/test.json: t#OpInput$b: @smithy.api#default: the default value ["x"] does not fit the member: expected the empty list `[]`"#,
    ];

    sparse_list_in_a_header: model(json!({
        "t#OpInput": { "type": "structure", "members": {
            "names": { "target": "t#SparseNames", "traits": { "smithy.api#httpHeader": "x-names" } }
        } },
        "t#SparseNames": { "type": "list", "member": { "target": "smithy.api#String" }, "traits": { "smithy.api#sparse": {} } }
    })) => [
        "model/test.json: t#OpInput$names: a @sparse list or map cannot be bound to headers or the query string (a null item has no text form)",
    ];
}

/// Defaults are filled in (IR `filled_default`) except where clients must treat a member as
/// optional: members of `@input` structures and `@clientOptional` members.
#[test]
fn defaults_are_filled_outside_inputs_and_client_optional_members() {
    let service = loaded(model(json!({
        "t#OpInput": { "type": "structure", "traits": { "smithy.api#input": {} }, "members": {
            "n": { "target": "smithy.api#Integer", "traits": { "smithy.api#default": 1 } },
            "inner": { "target": "t#Inner" }
        } },
        "t#Inner": { "type": "structure", "members": {
            "n": { "target": "smithy.api#Integer", "traits": { "smithy.api#default": 2 } },
            "optional": { "target": "smithy.api#Integer", "traits": { "smithy.api#default": 3, "smithy.api#clientOptional": {} } },
            "blob": { "target": "smithy.api#Blob", "traits": { "smithy.api#default": "YWJj" } }
        } }
    })));
    let input = structure(&service, "OpInput");
    assert_eq!(member(input, "n").default, Some(json!(1)));
    assert_eq!(member(input, "n").filled_default, None);
    let inner = structure(&service, "Inner");
    assert_eq!(member(inner, "n").filled_default, Some(ir::DefaultValue::Int(2)));
    assert_eq!(member(inner, "optional").filled_default, None);
    assert_eq!(
        member(inner, "blob").filled_default,
        Some(ir::DefaultValue::Bytes(b"abc".to_vec()))
    );
}

// ---------------------------------------------------------------------------------------
// HTTP bindings
// ---------------------------------------------------------------------------------------

/// The base model whose operation has this `@http` trait and whose input has these members.
fn http(uri: &str, members: Value) -> Input {
    model(json!({
        "t#Op": {
            "type": "operation",
            "input": { "target": "t#OpInput" },
            "output": { "target": "t#OpOutput" },
            "traits": { "smithy.api#http": { "method": "GET", "uri": uri } }
        },
        "t#OpInput": { "type": "structure", "members": members }
    }))
}

cases! {
    operation_without_http: model(json!({
        "t#Op": { "type": "operation", "input": { "target": "t#OpInput" }, "output": { "target": "t#OpOutput" } }
    })) => [
        "model/test.json: t#Op: @smithy.api#http: the operation has no @http trait; restJson1 needs one",
    ];

    http_without_uri: model(json!({
        "t#Op": { "type": "operation", "traits": { "smithy.api#http": { "method": "GET" } } }
    })) => [
        r#"model/test.json: t#Op: @smithy.api#http: expected `method` and `uri` strings, found {"method":"GET"}"#,
    ];

    http_code_out_of_range: model(json!({
        "t#Op": { "type": "operation", "traits": { "smithy.api#http": { "method": "GET", "uri": "/op", "code": 700 } } }
    })) => [
        "model/test.json: t#Op: @smithy.api#http: `code` must be an HTTP status, found 700",
    ];

    uri_label_without_member: http("/things/{id}", json!({})) => [
        "model/test.json: t#Op: @smithy.api#http: label `{id}` of `/things/{id}` has no input member with @httpLabel",
    ];

    /// The same problem when the operation has no input at all.
    uri_label_without_input: model(json!({
        "t#Op": { "type": "operation", "traits": { "smithy.api#http": { "method": "GET", "uri": "/things/{id}" } } }
    })) => [
        "model/test.json: t#Op: @smithy.api#http: label `id` needs an input member with @httpLabel",
    ];

    /// A member named like the label but not bound to it.
    uri_label_member_not_bound: http("/things/{id}", json!({
        "id": { "target": "smithy.api#String", "traits": { "smithy.api#required": {} } }
    })) => [
        "model/test.json: t#Op: @smithy.api#http: label `{id}` of `/things/{id}` has no input member with @httpLabel",
    ];

    label_member_not_in_uri: http("/things", json!({
        "id": { "target": "smithy.api#String", "traits": { "smithy.api#httpLabel": {}, "smithy.api#required": {} } }
    })) => [
        "model/test.json: t#OpInput$id: @smithy.api#httpLabel: no `{id}` label in `/things` of `t#Op`",
    ];

    label_member_not_required: http("/things/{id}", json!({
        "id": { "target": "smithy.api#String", "traits": { "smithy.api#httpLabel": {} } }
    })) => [
        "model/test.json: t#OpInput$id: @smithy.api#httpLabel: a label member must be @required",
    ];

    label_targets_structure: model(json!({
        "t#Op": {
            "type": "operation",
            "input": { "target": "t#OpInput" },
            "traits": { "smithy.api#http": { "method": "GET", "uri": "/things/{id}" } }
        },
        "t#OpInput": { "type": "structure", "members": {
            "id": { "target": "t#Thing", "traits": { "smithy.api#httpLabel": {}, "smithy.api#required": {} } }
        } },
        "t#Thing": { "type": "structure", "members": {} }
    })) => [
        "model/test.json: t#OpInput$id: @smithy.api#httpLabel: a label cannot carry a `structure`",
    ];

    query_carrying_structure: model(json!({
        "t#OpInput": { "type": "structure", "members": {
            "q": { "target": "t#Thing", "traits": { "smithy.api#httpQuery": "q" } }
        } },
        "t#Thing": { "type": "structure", "members": {} }
    })) => [
        "model/test.json: t#OpInput$q: @smithy.api#httpQuery: a query parameter cannot carry a `structure`",
    ];

    query_bound_twice: input(json!({
        "a": { "target": "smithy.api#String", "traits": { "smithy.api#httpQuery": "q" } },
        "b": { "target": "smithy.api#String", "traits": { "smithy.api#httpQuery": "q" } }
    })) => [
        "model/test.json: t#OpInput$b: @smithy.api#httpQuery: query parameter `q` is also bound by member `a`",
    ];

    query_not_a_string: input(json!({
        "a": { "target": "smithy.api#String", "traits": { "smithy.api#httpQuery": true } }
    })) => [
        "model/test.json: t#OpInput$a: @smithy.api#httpQuery: expected a string, found true",
    ];

    /// Header names are case-insensitive.
    header_bound_twice: input(json!({
        "a": { "target": "smithy.api#String", "traits": { "smithy.api#httpHeader": "X-Trace" } },
        "b": { "target": "smithy.api#String", "traits": { "smithy.api#httpHeader": "x-trace" } }
    })) => [
        "model/test.json: t#OpInput$b: @smithy.api#httpHeader: header `x-trace` is also bound by member `a` (names are case-insensitive)",
    ];

    payload_with_body_member: model(json!({
        "t#OpInput": { "type": "structure", "members": {
            "body": { "target": "t#Thing", "traits": { "smithy.api#httpPayload": {} } },
            "other": { "target": "smithy.api#String" }
        } },
        "t#Thing": { "type": "structure", "members": {} }
    })) => [
        "model/test.json: t#OpInput: @smithy.api#httpPayload: @httpPayload must be the only member bound to the body",
    ];

    uri_unclosed_label: http("/a/{b", json!({})) => [
        "model/test.json: t#Op: @smithy.api#http: URI `/a/{b`: label `{b` must fill its whole segment",
    ];

    uri_without_leading_slash: http("tags", json!({})) => [
        "model/test.json: t#Op: @smithy.api#http: URI `tags` must start with `/`",
    ];

    uri_label_twice: http("/a/{b}/{b}", json!({})) => [
        "model/test.json: t#Op: @smithy.api#http: URI `/a/{b}/{b}`: label `b` appears twice",
    ];
}

// ---------------------------------------------------------------------------------------
// Names that collide after case conversion
// ---------------------------------------------------------------------------------------

cases! {
    members_collide: input(json!({
        "fooBar": { "target": "smithy.api#String" },
        "foo_bar": { "target": "smithy.api#String" }
    })) => [
        "model/test.json: t#OpInput$foo_bar: its Rust name `foo_bar` collides with member `fooBar`",
    ];

    members_self_and_upper_self_collide: input(json!({
        "self": { "target": "smithy.api#String" },
        "Self": { "target": "smithy.api#String" }
    })) => [
        "model/test.json: t#OpInput$Self: its Rust name `self_` collides with member `self`",
    ];

    union_variants_collide: model(json!({
        "t#OpInput": { "type": "structure", "members": { "u": { "target": "t#Choice" } } },
        "t#Choice": { "type": "union", "members": {
            "FOO_BAR": { "target": "smithy.api#String" },
            "fooBar": { "target": "smithy.api#String" }
        } }
    })) => [
        "model/test.json: t#Choice$fooBar: its Rust name `FooBar` collides with member `FOO_BAR`",
    ];

    shapes_collide: model(json!({
        "t#OpInput": { "type": "structure", "members": {
            "a": { "target": "t#FooBar" },
            "b": { "target": "t#Foo_Bar" }
        } },
        "t#FooBar": { "type": "structure", "members": {} },
        "t#Foo_Bar": { "type": "structure", "members": {} }
    })) => [
        "model/test.json: t#Foo_Bar: its Rust name `FooBar` collides with the one of `t#FooBar`; add a `rename` to the service",
    ];

    shapes_of_two_namespaces_collide: model(json!({
        "t#OpInput": { "type": "structure", "members": {
            "a": { "target": "foo.a#Thing" },
            "b": { "target": "foo.b#Thing" }
        } },
        "foo.a#Thing": { "type": "structure", "members": {} },
        "foo.b#Thing": { "type": "structure", "members": {} }
    })) => [
        "model/test.json: foo.b#Thing: its Rust name `Thing` collides with the one of `foo.a#Thing`; add a `rename` to the service",
    ];

    operations_collide: model(json!({
        "t#Svc": { "type": "service", "operations": [{ "target": "t#Op" }, { "target": "u#Op" }] },
        "u#Op": { "type": "operation", "traits": { "smithy.api#http": { "method": "GET", "uri": "/u" } } }
    })) => [
        "model/test.json: u#Op: its Rust name `op` collides with the one of `t#Op`",
    ];

    /// Each operation also gets a marker type (`Op`) and an error enum (`OpError`), in a module
    /// with the types they name.
    operation_types_collide_with_their_types: model(json!({
        "t#Op": {
            "type": "operation",
            "input": { "target": "t#OpInput" },
            "output": { "target": "t#OpOutput" },
            "errors": [{ "target": "t#OpError" }],
            "traits": { "smithy.api#http": { "method": "POST", "uri": "/op" } }
        },
        "t#OpError": { "type": "structure", "members": {}, "traits": { "smithy.api#error": "client" } }
    })) => [
        "model/test.json: t#Op: the Rust name `OpError` of its error enum is also the name of its input, output or error; add a `rename` to the service",
    ];

    enum_values_collide: model(json!({
        "t#OpInput": { "type": "structure", "members": { "e": { "target": "t#Color" } } },
        "t#Color": { "type": "enum", "members": {
            "DARK_RED": { "target": "smithy.api#Unit" },
            "darkRed": { "target": "smithy.api#Unit" }
        } }
    })) => [
        r#"model/test.json: t#Color: the enum values "DARK_RED" and "darkRed" both map to the Rust variant `DarkRed`"#,
    ];

    enum_value_twice: model(json!({
        "t#OpInput": { "type": "structure", "members": { "e": { "target": "t#Color" } } },
        "t#Color": { "type": "enum", "members": {
            "RED": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "red" } },
            "ROUGE": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "red" } }
        } }
    })) => [
        r#"model/test.json: t#Color: the enum value "red" appears twice"#,
    ];

    enum_value_of_wrong_type: model(json!({
        "t#OpInput": { "type": "structure", "members": { "e": { "target": "t#Color" } } },
        "t#Color": { "type": "enum", "members": {
            "RED": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 5 } }
        } }
    })) => [
        "model/test.json: t#Color$RED: @smithy.api#enumValue: expected a string enumValue, found 5",
    ];

    int_enum_value_beyond_i32: model(json!({
        "t#OpInput": { "type": "structure", "members": { "e": { "target": "t#Level" } } },
        "t#Level": { "type": "intEnum", "members": {
            "HIGH": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 2_147_483_648_i64 } }
        } }
    })) => [
        "model/test.json: t#Level$HIGH: @smithy.api#enumValue: expected an integer enumValue within i32, found 2147483648",
    ];
}

// ---------------------------------------------------------------------------------------
// Operations, errors, pagination, services
// ---------------------------------------------------------------------------------------

cases! {
    paginated_token_not_a_member: model(json!({
        "t#Op": {
            "type": "operation",
            "input": { "target": "t#OpInput" },
            "output": { "target": "t#OpOutput" },
            "traits": {
                "smithy.api#http": { "method": "POST", "uri": "/op" },
                "smithy.api#paginated": { "inputToken": "nextToken", "outputToken": "nextToken" }
            }
        }
    })) => [
        "model/test.json: t#Op: @smithy.api#paginated: `inputToken` names `nextToken`, which is not a member",
    ];

    paginated_without_tokens: model(json!({
        "t#Op": {
            "type": "operation",
            "traits": {
                "smithy.api#http": { "method": "POST", "uri": "/op" },
                "smithy.api#paginated": { "items": "things" }
            }
        }
    })) => [
        "model/test.json: t#Op: @smithy.api#paginated: needs `inputToken` and `outputToken` (here or on the service)",
    ];

    error_without_error_trait: model(json!({
        "t#Op": {
            "type": "operation",
            "errors": [{ "target": "t#Oops" }],
            "traits": { "smithy.api#http": { "method": "POST", "uri": "/op" } }
        },
        "t#Oops": { "type": "structure", "members": { "message": { "target": "smithy.api#String" } } }
    })) => [
        "model/test.json: t#Op: error `t#Oops` must be a structure with @error",
    ];

    http_error_200: model(json!({
        "t#Op": {
            "type": "operation",
            "errors": [{ "target": "t#Oops" }],
            "traits": { "smithy.api#http": { "method": "POST", "uri": "/op" } }
        },
        "t#Oops": { "type": "structure", "members": {}, "traits": { "smithy.api#error": "client", "smithy.api#httpError": 200 } }
    })) => [
        "model/test.json: t#Oops: @smithy.api#httpError: expected a status code from 400 to 599, found 200",
    ];

    error_fault_unknown: model(json!({
        "t#Op": {
            "type": "operation",
            "errors": [{ "target": "t#Oops" }],
            "traits": { "smithy.api#http": { "method": "POST", "uri": "/op" } }
        },
        "t#Oops": { "type": "structure", "members": {}, "traits": { "smithy.api#error": "caller" } }
    })) => [
        r#"model/test.json: t#Oops: @smithy.api#error: expected "client" or "server", found "caller""#,
    ];

    input_not_a_structure: model(json!({
        "t#Op": {
            "type": "operation",
            "input": { "target": "smithy.api#String" },
            "traits": { "smithy.api#http": { "method": "POST", "uri": "/op" } }
        }
    })) => [
        "model/test.json: t#Op: its input `smithy.api#String` must be a structure, not a string",
    ];

    operation_bound_is_not_an_operation: model(json!({
        "t#Svc": { "type": "service", "operations": [{ "target": "t#Op" }, { "target": "t#OpInput" }] }
    })) => [
        "model/test.json: t#Svc: `t#OpInput` is bound as an operation but is a structure",
    ];

    no_service: model(json!({ "t#Svc": null })) => [
        "the model defines no service shape",
    ];

    two_services_without_choosing: model(json!({
        "u#Other": { "type": "service", "operations": [{ "target": "t#Op" }] }
    })) => [
        "the model defines 2 services (t#Svc, u#Other); choose one",
    ];

    chosen_service_missing: model(json!({})).service("Nope") => [
        "no service named `Nope` in the model (it has: t#Svc)",
    ];

    target_of_unsupported_type: model(json!({
        "t#OpInput": { "type": "structure", "members": { "r": { "target": "t#Res" } } },
        "t#Res": { "type": "resource" }
    })) => [
        "model/test.json: t#OpInput$r: cannot target a shape of type `resource` (`t#Res`)",
    ];

    list_containing_itself: model(json!({
        "t#OpInput": { "type": "structure", "members": { "l": { "target": "t#L" } } },
        "t#L": { "type": "list", "member": { "target": "t#L" } }
    })) => [
        "model/test.json: t#L: the collection contains itself; recursion needs a structure or union in between",
    ];

    list_containing_itself_through_a_map: model(json!({
        "t#OpInput": { "type": "structure", "members": { "l": { "target": "t#L" } } },
        "t#L": { "type": "list", "member": { "target": "t#M" } },
        "t#M": { "type": "map", "key": { "target": "smithy.api#String" }, "value": { "target": "t#L" } }
    })) => [
        "model/test.json: t#L: the collection contains itself; recursion needs a structure or union in between",
    ];

    list_without_member: model(json!({
        "t#OpInput": { "type": "structure", "members": { "l": { "target": "t#L" } } },
        "t#L": { "type": "list" }
    })) => [
        "model/test.json: t#L: a list must have a `member`",
    ];

    map_without_key: model(json!({
        "t#OpInput": { "type": "structure", "members": { "m": { "target": "t#M" } } },
        "t#M": { "type": "map", "value": { "target": "smithy.api#String" } }
    })) => [
        "model/test.json: t#M: a map must have a `key` and a `value`",
    ];

    map_key_not_a_string: model(json!({
        "t#OpInput": { "type": "structure", "members": { "m": { "target": "t#M" } } },
        "t#M": { "type": "map", "key": { "target": "smithy.api#Integer" }, "value": { "target": "smithy.api#String" } }
    })) => [
        "model/test.json: t#M$key: a map key must target a string or enum",
    ];
}

// ---------------------------------------------------------------------------------------
// Every problem in one pass
// ---------------------------------------------------------------------------------------

/// Five independent problems in one model: all five are reported, sorted by file, shape,
/// member, trait and message, the same on every run.
#[test]
fn all_lowering_problems_in_one_pass() {
    let broken = || {
        model(json!({
            "t#Op": {
                "type": "operation",
                "input": { "target": "t#OpInput" },
                "output": { "target": "t#OpOutput" },
                "errors": [{ "target": "t#NotAnError" }],
                "traits": { "smithy.api#http": { "method": "POST", "uri": "/op" } }
            },
            "t#OpInput": { "type": "structure", "members": {
                "pattern": { "target": "smithy.api#String", "traits": { "smithy.api#pattern": "(" } },
                "length": { "target": "smithy.api#String", "traits": { "smithy.api#length": { "min": 3, "max": 2 } } },
                "missing": { "target": "t#Missing" }
            } },
            "t#OpOutput": { "type": "structure", "members": {
                "q": { "target": "smithy.api#String", "traits": { "smithy.api#httpHeader": "" } }
            } },
            "t#NotAnError": { "type": "structure", "members": {} }
        }))
    };
    let expected = [
        "model/test.json: t#Op: error `t#NotAnError` must be a structure with @error",
        "model/test.json: t#OpInput$length: @smithy.api#length: `min` (3) is greater than `max` (2)",
        "model/test.json: t#OpInput$missing: target `t#Missing` does not resolve to a shape",
        "model/test.json: t#OpInput$pattern: @smithy.api#pattern: cannot compile `(` as ECMA-262 or as Java: Unbalanced parenthesis; read as Java: unterminated group",
        "model/test.json: t#OpOutput$q: @smithy.api#httpHeader: the header name is empty",
    ];
    let first = error_lines(&broken());
    assert_eq!(first.len(), 5, "{first:#?}");
    assert_eq!(first, expected);
    assert_eq!(error_lines(&broken()), first, "errors must be deterministic");

    let Err(errors) = broken().load() else {
        panic!("expected errors")
    };
    let mut sorted = errors.0.clone();
    sorted.sort();
    assert_eq!(errors.0, sorted, "errors must be sorted");
    assert_eq!(
        errors.to_string(),
        format!(
            "5 model errors:\n{}",
            expected.iter().map(|line| format!("  {line}\n")).collect::<String>()
        ),
    );
}

/// The loader also collects every problem of every file before giving up; lowering
/// problems are only looked for once the files load. Loader errors come in the order they
/// are found (files read in order, then merged in order, then `apply`, then mixins), not
/// sorted like lowering errors.
#[test]
fn all_loader_problems_in_one_pass() {
    let a = json!({ "smithy": "2.0", "shapes": {
        "t#Name": { "type": "string" },
        "t#A": { "type": "structure", "mixins": [{ "target": "t#A" }], "traits": { "smithy.api#mixin": {} } }
    } })
    .to_string();
    let b = json!({ "smithy": "2.0", "shapes": {
        "t#Name": { "type": "integer" },
        "t#Gone$x": { "type": "apply", "traits": { "smithy.api#required": {} } },
        // A lowering problem: not reported while the files themselves are broken.
        "t#S": { "type": "service", "operations": [{ "target": "t#Missing" }] }
    } })
    .to_string();
    assert_errors(
        files(&[("model/a.json", &a), ("model/b.json", &b), ("model/c.json", "")]),
        &[
            "model/c.json: not a Smithy JSON AST file: EOF while parsing a value at line 1 column 0",
            "model/b.json: t#Name: shape is defined twice, differently (first in model/a.json)",
            "model/b.json: t#Gone$x: `apply` targets a shape that does not exist",
            "model/a.json: t#A: mixin cycle: t#A -> t#A",
        ],
    );
}

// ---------------------------------------------------------------------------------------
// No panic on hostile input
// ---------------------------------------------------------------------------------------

/// `depth` nested JSON arrays.
fn nested_arrays(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

/// Loads (and, when that works, generates) each input inside `catch_unwind`: each must
/// return `Ok` or `Err`, never unwind; and generation must not fail with an emit error
/// (the generator writing invalid Rust) for a model that loaded.
fn assert_no_panic(cases: &[(&str, String)]) {
    let mut panicked = Vec::new();
    let mut emit_errors = Vec::new();
    for (what, text) in cases {
        let sources = [ModelSource {
            name: FILE.to_string(),
            text: text.clone(),
        }];
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            if codegen::load_service(&sources, None).is_err() {
                return None;
            }
            let options = codegen::Options {
                service: None,
                runtime_path: "runtime".to_string(),
                ..Default::default()
            };
            match codegen::generate(&sources, &options) {
                Err(codegen::GenerateError::Emit(error)) => Some(error.to_string()),
                _ => None,
            }
        }));
        match outcome {
            Err(_) => panicked.push(*what),
            Ok(Some(error)) => emit_errors.push(format!("{what}: {error}")),
            Ok(None) => {}
        }
    }
    assert!(panicked.is_empty(), "panicked on: {panicked:?}");
    assert!(emit_errors.is_empty(), "emit errors: {emit_errors:#?}");
}

/// Odd and hostile input: each returns `Ok` or `Err`. (Inputs that overflow the stack abort
/// the process, which `catch_unwind` cannot catch; they are in the ignored tests below.)
#[test]
fn hostile_input_never_panics() {
    let v2 = |shapes: Value| json!({ "smithy": "2.0", "shapes": shapes }).to_string();
    let over_base = |changes: Value| v2(Value::Object(with(changes)));
    let with_input = |members: Value| over_base(json!({ "t#OpInput": { "type": "structure", "members": members } }));
    let string_member = |traits: Value| with_input(json!({ "a": { "target": "smithy.api#String", "traits": traits } }));
    let enum_member = |kind: &str, value: Value| {
        over_base(json!({
            "t#OpInput": { "type": "structure", "members": { "e": { "target": "t#E" } } },
            "t#E": { "type": kind, "members": { "A": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": value } } } }
        }))
    };
    let huge = "1".repeat(400);
    let cases: Vec<(&str, String)> = vec![
        ("empty string", String::new()),
        ("whitespace", " \n\t ".to_string()),
        ("empty object", "{}".to_string()),
        ("null", "null".to_string()),
        ("smithy not a string", r#"{"smithy": 2}"#.to_string()),
        ("empty version", r#"{"smithy": ""}"#.to_string()),
        ("shapes not an object", r#"{"smithy": "2.0", "shapes": []}"#.to_string()),
        ("unknown shape type", r#"{"smithy":"2.0","shapes":{"a#B":{"type":"nonsense"}}}"#.to_string()),
        ("unknown type, reachable", over_base(json!({
            "t#OpInput": { "type": "structure", "members": { "a": { "target": "t#X" } } },
            "t#X": { "type": "nonsense" }
        }))),
        ("member without target", with_input(json!({ "a": {} }))),
        ("member target not a string", with_input(json!({ "a": { "target": 5 } }))),
        ("shape id without namespace", v2(json!({ "Svc": { "type": "service" } }))),
        ("empty shape id", v2(json!({ "": { "type": "service", "operations": [{ "target": "" }] } }))),
        ("list without member", over_base(json!({
            "t#OpInput": { "type": "structure", "members": { "l": { "target": "t#L" } } },
            "t#L": { "type": "list" }
        }))),
        ("map without key", over_base(json!({
            "t#OpInput": { "type": "structure", "members": { "m": { "target": "t#M" } } },
            "t#M": { "type": "map", "value": { "target": "smithy.api#String" } }
        }))),
        ("map without value", over_base(json!({
            "t#OpInput": { "type": "structure", "members": { "m": { "target": "t#M" } } },
            "t#M": { "type": "map", "key": { "target": "smithy.api#String" } }
        }))),
        ("nested arrays 10_000 deep", nested_arrays(10_000)),
        (
            "nested arrays 10_000 deep in a trait value",
            format!(r#"{{"smithy":"2.0","shapes":{{"t#A":{{"type":"string","traits":{{"t#x":{}}}}}}}}}"#, nested_arrays(10_000)),
        ),
        ("huge integer in @length", string_member(json!({})).replace("\"traits\":{}", &format!("\"traits\":{{\"smithy.api#length\":{{\"max\":{huge}}}}}"))),
        ("u64::MAX in @length", string_member(json!({ "smithy.api#length": { "min": 0, "max": u64::MAX } }))),
        ("u64::MAX + 1 in @length", string_member(json!({})).replace("\"traits\":{}", "\"traits\":{\"smithy.api#length\":{\"max\":18446744073709551616}}")),
        ("float in @length", string_member(json!({ "smithy.api#length": { "max": 1.5 } }))),
        ("huge @range", with_input(json!({ "a": { "target": "smithy.api#Long", "traits": { "smithy.api#range": { "min": -1e308, "max": 1e308 } } } }))),
        ("@range not an object", with_input(json!({ "a": { "target": "smithy.api#Long", "traits": { "smithy.api#range": [1, 2] } } }))),
        ("enumValue of wrong type", enum_member("enum", json!(["x"]))),
        ("intEnum value beyond i32", enum_member("intEnum", json!(2_147_483_648_i64))),
        ("intEnum value below i32", enum_member("intEnum", json!(-2_147_483_649_i64))),
        ("intEnum value a float", enum_member("intEnum", json!(1.5))),
        ("intEnum value a string", enum_member("intEnum", json!("1"))),
        ("@enum trait not a list", over_base(json!({
            "t#OpInput": { "type": "structure", "members": { "e": { "target": "t#E" } } },
            "t#E": { "type": "string", "traits": { "smithy.api#enum": { "value": "A" } } }
        }))),
        ("@enum entry without value", over_base(json!({
            "t#OpInput": { "type": "structure", "members": { "e": { "target": "t#E" } } },
            "t#E": { "type": "string", "traits": { "smithy.api#enum": [{ "name": "A" }, 5, null] } }
        }))),
        ("@http not an object", over_base(json!({ "t#Op": { "type": "operation", "traits": { "smithy.api#http": "GET /" } } }))),
        ("odd URIs", over_base(json!({ "t#Op": { "type": "operation", "traits": { "smithy.api#http": { "method": "GET", "uri": "/{}/{+}/{a+}?{b}&=&" } } } }))),
        ("multi-byte URI", over_base(json!({ "t#Op": { "type": "operation", "traits": { "smithy.api#http": { "method": "GET", "uri": "/é/{ü}/🦀" } } } }))),
        ("@paginated path through scalars", over_base(json!({ "t#Op": { "type": "operation",
            "input": { "target": "t#OpInput" },
            "traits": { "smithy.api#http": { "method": "GET", "uri": "/" }, "smithy.api#paginated": { "inputToken": "a.b.c", "outputToken": "..." } } } }))),
        ("@paginated not an object", over_base(json!({ "t#Op": { "type": "operation",
            "traits": { "smithy.api#http": { "method": "GET", "uri": "/" }, "smithy.api#paginated": 3 } } }))),
        ("@error not a string", over_base(json!({
            "t#Op": { "type": "operation", "errors": [{ "target": "t#Err" }], "traits": { "smithy.api#http": { "method": "GET", "uri": "/" } } },
            "t#Err": { "type": "structure", "traits": { "smithy.api#error": { "x": 1 }, "smithy.api#httpError": -1 } }
        }))),
        ("apply of a member to a scalar", over_base(json!({ "smithy.api#String$member": { "type": "apply", "traits": {} } }))),
        ("apply with a $ only", over_base(json!({ "$": { "type": "apply", "traits": {} } }))),
        ("mixin chain", over_base(json!({
            "t#OpInput": { "type": "structure", "mixins": [{ "target": "t#M1" }, { "target": "t#M1" }] },
            "t#M1": { "type": "structure", "mixins": [{ "target": "t#M2" }], "traits": { "smithy.api#mixin": { "localTraits": "oops" } } },
            "t#M2": { "type": "string", "mixins": [{ "target": "smithy.api#String" }], "traits": { "smithy.api#mixin": {} } }
        }))),
        ("odd member names that collide", with_input(json!({
            "": { "target": "smithy.api#String" },
            "_": { "target": "smithy.api#String" },
            "__": { "target": "smithy.api#String" },
            "🦀": { "target": "smithy.api#String" }
        }))),
        ("odd member names", with_input(json!({
            "": { "target": "smithy.api#String" },
            "123": { "target": "smithy.api#String" },
            "type": { "target": "smithy.api#String" },
            "crate": { "target": "smithy.api#String" },
            "super": { "target": "smithy.api#String" },
            "Self": { "target": "smithy.api#String" },
            "async": { "target": "smithy.api#String" },
            "union": { "target": "smithy.api#String" },
            "größe": { "target": "smithy.api#String", "traits": { "smithy.api#pattern": "^ß+$" } },
            "r#x": { "target": "smithy.api#String" },
            "builder": { "target": "smithy.api#String" }
        }))),
        ("odd shape names", over_base(json!({
            "t#OpInput": { "type": "structure", "members": {
                "a": { "target": "t#Self" }, "b": { "target": "t#123" }, "c": { "target": "t#crate" },
                "d": { "target": "t#Option" }, "e": { "target": "t#ß" }, "f": { "target": "t#Validate" }
            } },
            "t#Self": { "type": "structure", "members": { "self": { "target": "t#Self" } } },
            "t#123": { "type": "union", "members": { "x": { "target": "smithy.api#String" }, "Unknown": { "target": "smithy.api#Integer" } } },
            "t#crate": { "type": "enum", "members": { "": { "target": "smithy.api#Unit" }, "Unknown": { "target": "smithy.api#Unit" } } },
            "t#Option": { "type": "intEnum", "members": { "Self": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 1 } } } },
            "t#ß": { "type": "structure", "members": {} },
            "t#Validate": { "type": "structure", "members": {} }
        }))),
        ("hostile documentation", over_base(json!({
            "t#OpInput": { "type": "structure", "members": {
                "a": { "target": "smithy.api#String", "traits": { "smithy.api#documentation": "<p><a href=\"x\"><code>` */ \"#]] </b></ul></li><li><ol>&#xFFFFFFFF;&#0;&bogus;&#x110000;</p><pre>é🦀\u{0}\r\n" } }
            } },
            "t#Svc": { "type": "service", "operations": [{ "target": "t#Op" }], "traits": {
                "smithy.api#documentation": "<",
                "smithy.api#title": "\"}\n]]",
                "aws.api#service": { "sdkId": "" }
            } }
        }))),
        ("pattern with backquotes and quotes", string_member(json!({ "smithy.api#pattern": "^[`\"'#]*\\u{1F980}$" }))),
        ("self-targeting structure", over_base(json!({
            "t#OpInput": { "type": "structure", "members": { "me": { "target": "t#OpInput" } } }
        }))),
        ("structure and list cycle", over_base(json!({
            "t#OpInput": { "type": "structure", "members": { "l": { "target": "t#L" } } },
            "t#L": { "type": "list", "member": { "target": "t#OpInput" } }
        }))),
        ("resource cycle", over_base(json!({
            "t#Svc": { "type": "service", "resources": [{ "target": "t#R" }] },
            "t#R": { "type": "resource", "resources": [{ "target": "t#R" }], "read": { "target": "t#Op" }, "operations": [{ "target": "t#Op" }] }
        }))),
        ("Smithy 1.0 set of structures", json!({ "smithy": "1.0", "shapes": {
            "t#S": { "type": "service", "operations": [{ "target": "t#Op" }] },
            "t#Op": { "type": "operation", "traits": { "smithy.api#http": { "method": "GET", "uri": "/" } }, "input": { "target": "t#In" } },
            "t#In": { "type": "structure", "members": { "s": { "target": "t#Set" } } },
            "t#Set": { "type": "set", "member": { "target": "t#In" } }
        } }).to_string()),
    ];
    assert_no_panic(&cases);
}

/// serde_json's recursion limit turns 10_000 nested arrays into an error, not a crash.
#[test]
fn deeply_nested_json_is_an_error() {
    assert_errors(
        text(&nested_arrays(10_000)),
        &["model/test.json: not a Smithy JSON AST file: invalid type: sequence, expected a string at line 1 column 1"],
    );
    let in_trait = format!(
        r#"{{"smithy":"2.0","shapes":{{"t#A":{{"type":"string","traits":{{"t#x":{}}}}}}}}}"#,
        nested_arrays(10_000)
    );
    assert_errors(
        text(&in_trait),
        &["model/test.json: not a Smithy JSON AST file: recursion limit exceeded at line 1 column 189"],
    );
}

/// Lists (and maps) nested through many distinct shapes.
#[test]
fn deeply_nested_lists_do_not_panic() {
    let depth = 32;
    let mut changes = Map::new();
    changes.insert(
        "t#OpInput".into(),
        json!({ "type": "structure", "members": { "l": { "target": "t#L0" } } }),
    );
    for i in 0..depth {
        let next = if i + 1 == depth {
            "smithy.api#String".to_string()
        } else {
            format!("t#L{}", i + 1)
        };
        let shape = if i % 2 == 0 {
            json!({ "type": "list", "member": { "target": next } })
        } else {
            json!({ "type": "map", "key": { "target": "smithy.api#String" }, "value": { "target": next } })
        };
        changes.insert(format!("t#L{i}"), shape);
    }
    let text = json!({ "smithy": "2.0", "shapes": with(Value::Object(changes)) }).to_string();
    assert_no_panic(&[("lists and maps 32 deep", text)]);
}

// ---------------------------------------------------------------------------------------
// Generator bugs found by these tests (ignored until fixed; see each reason)
// ---------------------------------------------------------------------------------------

/// Runs `body` in a child process (this test binary, filtered to `test_name`) and asserts
/// that it exits successfully. A stack overflow aborts the whole process and cannot be caught
/// by `catch_unwind`; in a child it fails only this test.
fn in_child_process(test_name: &str, body: impl FnOnce()) {
    const CHILD: &str = "MODEL_ERRORS_CHILD_TEST";
    if std::env::var(CHILD).as_deref() == Ok(test_name) {
        body();
        return;
    }
    let exe = std::env::current_exe().expect("the test binary");
    let status = std::process::Command::new(exe)
        .args([
            test_name,
            "--exact",
            "--include-ignored",
            "--test-threads=1",
            "--nocapture",
        ])
        .env(CHILD, test_name)
        .status()
        .expect("run the test binary");
    assert!(
        status.success(),
        "`{test_name}` did not return normally in a child process: {status}"
    );
}

/// A list whose member is the list itself (directly, or through a map) has no structure in
/// between to stop the recursion: loading must return (an error is fine), not crash.
#[test]
fn list_cycle_does_not_overflow_the_stack() {
    in_child_process("list_cycle_does_not_overflow_the_stack", || {
        let _ = model(json!({
            "t#OpInput": { "type": "structure", "members": { "l": { "target": "t#L" } } },
            "t#L": { "type": "list", "member": { "target": "t#L" } }
        }))
        .load();
        let _ = model(json!({
            "t#OpInput": { "type": "structure", "members": { "l": { "target": "t#L" } } },
            "t#L": { "type": "list", "member": { "target": "t#M" } },
            "t#M": { "type": "map", "key": { "target": "smithy.api#String" }, "value": { "target": "t#L" } }
        }))
        .load();
    });
}

/// A long chain of mixins (each the mixin of the next).
#[test]
fn long_mixin_chain_does_not_overflow_the_stack() {
    in_child_process("long_mixin_chain_does_not_overflow_the_stack", || {
        let n = 2_000;
        let mut changes = Map::new();
        changes.insert(
            "t#OpInput".into(),
            json!({ "type": "structure", "mixins": [{ "target": "t#M0" }], "members": {} }),
        );
        for i in 0..n {
            let mut shape = json!({
                "type": "structure",
                "members": { format!("m{i}"): { "target": "smithy.api#String" } },
                "traits": { "smithy.api#mixin": {} }
            });
            if i + 1 < n {
                shape["mixins"] = json!([{ "target": format!("t#M{}", i + 1) }]);
            }
            changes.insert(format!("t#M{i}"), shape);
        }
        let _ = model(Value::Object(changes)).load();
    });
}

/// Lists nested 64 deep (through distinct shapes) load, but generating them overflows the
/// stack while `syn` parses the emitted `Vec<Vec<...>>` type.
#[test]
fn deeply_nested_lists_generate_without_overflow() {
    in_child_process("deeply_nested_lists_generate_without_overflow", || {
        let depth = 64;
        let mut changes = Map::new();
        changes.insert(
            "t#OpInput".into(),
            json!({ "type": "structure", "members": { "l": { "target": "t#L0" } } }),
        );
        for i in 0..depth {
            let next = if i + 1 == depth {
                "smithy.api#String".to_string()
            } else {
                format!("t#L{}", i + 1)
            };
            changes.insert(
                format!("t#L{i}"),
                json!({ "type": "list", "member": { "target": next } }),
            );
        }
        let sources = model(Value::Object(changes)).sources;
        let options = codegen::Options {
            service: None,
            runtime_path: "runtime".to_string(),
            ..Default::default()
        };
        let _ = codegen::generate(&sources, &options);
    });
}

/// Two `@pattern`s whose statics get the same name: a valid model must either generate or
/// fail with a model error, not with "generator bug while emitting src/patterns.rs".
#[test]
fn pattern_static_names_do_not_clash() {
    let options = codegen::Options {
        service: None,
        runtime_path: "runtime".to_string(),
        ..Default::default()
    };
    for changes in [
        // Same local name in two namespaces (string shapes are not generated types, so the
        // type-name collision check does not see them).
        json!({
            "t#OpInput": { "type": "structure", "members": { "x": { "target": "a#Name" }, "y": { "target": "b#Name" } } },
            "a#Name": { "type": "string", "traits": { "smithy.api#pattern": "^a$" } },
            "b#Name": { "type": "string", "traits": { "smithy.api#pattern": "^b$" } }
        }),
        // A member's own pattern (`Foo` + `x` -> FOO_X) and a shape's (`FooX` -> FOO_X).
        json!({
            "t#OpInput": { "type": "structure", "members": { "x": { "target": "t#Foo" }, "y": { "target": "t#FooX" } } },
            "t#Foo": { "type": "structure", "members": {
                "x": { "target": "smithy.api#String", "traits": { "smithy.api#pattern": "^a$" } }
            } },
            "t#FooX": { "type": "string", "traits": { "smithy.api#pattern": "^b$" } }
        }),
    ] {
        let sources = model(changes).sources;
        match codegen::generate(&sources, &options) {
            Ok(_) | Err(codegen::GenerateError::Model(_)) => {}
            Err(error @ codegen::GenerateError::Emit(_)) => panic!("{error}"),
        }
    }
}

/// Smithy 2.0 lets a union member target `smithy.api#Unit` (a variant with no value).
#[test]
fn union_member_may_target_unit() {
    let service = loaded(model(json!({
        "t#OpInput": { "type": "structure", "members": { "u": { "target": "t#Choice" } } },
        "t#Choice": { "type": "union", "members": {
            "nothing": { "target": "smithy.api#Unit" },
            "text": { "target": "smithy.api#String" }
        } }
    })));
    assert!(matches!(service.types.get("Choice"), Some(TypeDef::Union(_))));
}

/// The model crate's `lib.rs` does `pub use ::smithy_runtime::{Validate, ValidationError,
/// Violation}` and every generated file does `use crate::*`, so a model type named
/// `ValidationError` or `Violation` is shadowed by the runtime's: members of that type get
/// the runtime type and the crate does not compile (checked by hand with `cargo check`).
#[test]
fn runtime_reexport_names_are_reserved() {
    for name in ["ValidationError", "Violation"] {
        let result = model(json!({
            "t#OpInput": { "type": "structure", "members": { "e": { "target": format!("t#{name}") } } },
            format!("t#{name}"): { "type": "structure", "members": { "s": { "target": "smithy.api#String" } } }
        }))
        .load();
        if let Ok(service) = result {
            assert!(
                !service.types.contains_key(name),
                "a generated type is named `{name}`: {:?}",
                service.types.keys()
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Loader semantics (positive)
// ---------------------------------------------------------------------------------------

/// `apply` adds traits to a shape or member, and replaces traits it already has (the
/// applied value wins), in whichever file it is and in whatever order the files come. (A
/// file cannot apply to a shape it defines: both would be the same JSON key; it can apply to
/// one of its members.)
#[test]
fn apply_adds_and_replaces_traits() {
    let definitions = json!({ "smithy": "2.0", "shapes": with(json!({
        "t#OpInput": { "type": "structure", "members": { "name": { "target": "t#Name" } } },
        "t#OpInput$name": { "type": "apply", "traits": { "smithy.api#required": {} } },
        "t#Name": { "type": "string", "traits": { "smithy.api#pattern": "^a+$" } }
    })) })
    .to_string();
    let applies = json!({ "smithy": "2.0", "shapes": {
        "t#Name": { "type": "apply", "traits": { "smithy.api#pattern": "^b+$", "smithy.api#length": { "max": 3 } } }
    } })
    .to_string();
    let inputs = [
        (
            "apply file first",
            files(&[("model/apply.json", &applies), (FILE, &definitions)]),
        ),
        (
            "apply file last",
            files(&[(FILE, &definitions), ("model/apply.json", &applies)]),
        ),
    ];
    for (what, input) in inputs {
        let service = loaded(input);
        let name = member(structure(&service, "OpInput"), "name");
        assert!(name.required, "{what}: @required is applied to the member");
        let pattern = name.ty.constraints.pattern.as_ref().map(|p| p.source.as_str());
        assert_eq!(pattern, Some("^b+$"), "{what}: the applied pattern wins");
        assert_eq!(
            name.ty.constraints.length,
            Some(Bounds {
                min: None,
                max: Some(3)
            }),
            "{what}: @length is added"
        );
    }
}

/// Mixin members come first, in mixin order; a redeclared mixin member keeps its place and
/// adds traits; the shape's own traits override the mixins' traits; other mixin traits are
/// inherited, but not the mixin's `localTraits`.
#[test]
fn mixins_members_first_and_own_traits_win() {
    let service = loaded(model(json!({
        "t#Base": {
            "type": "structure",
            "members": { "a": { "target": "smithy.api#String" }, "b": { "target": "smithy.api#String" } },
            "traits": {
                "smithy.api#mixin": { "localTraits": ["smithy.api#sensitive"] },
                "smithy.api#documentation": "From the mixin.",
                "smithy.api#sensitive": {}
            }
        },
        "t#More": {
            "type": "structure",
            "members": { "c": { "target": "smithy.api#Integer" } },
            "traits": { "smithy.api#mixin": {}, "smithy.api#documentation": "More.", "smithy.api#sensitive": {} }
        },
        "t#OpInput": {
            "type": "structure",
            "mixins": [{ "target": "t#Base" }],
            "members": {
                "own": { "target": "smithy.api#String" },
                "b": { "target": "smithy.api#String", "traits": { "smithy.api#required": {} } }
            },
            "traits": { "smithy.api#documentation": "Own." }
        },
        "t#OpOutput": {
            "type": "structure",
            "mixins": [{ "target": "t#Base" }, { "target": "t#More" }],
            "members": { "own": { "target": "smithy.api#String" } }
        }
    })));
    let input = structure(&service, "OpInput");
    let names: Vec<&str> = input.members.iter().map(|m| m.wire_name.as_str()).collect();
    assert_eq!(names, ["a", "b", "own"]);
    assert!(member(input, "b").required, "the redeclared member adds @required");
    assert!(!member(input, "a").required);
    assert_eq!(
        input.docs,
        ["Own."],
        "the shape's own documentation overrides the mixin's"
    );
    assert!(!input.sensitive, "a local trait of the mixin is not inherited");

    let output = structure(&service, "OpOutput");
    let names: Vec<&str> = output.members.iter().map(|m| m.wire_name.as_str()).collect();
    assert_eq!(names, ["a", "b", "c", "own"]);
    assert_eq!(
        output.docs,
        ["More."],
        "a later mixin's trait overrides an earlier one's"
    );
    assert!(output.sensitive, "a mixin's non-local traits are inherited");
    assert!(!service.types.contains_key("Base"), "a mixin is not a generated type");
}

/// Mixins of mixins are flattened first.
#[test]
fn mixins_of_mixins() {
    let service = loaded(model(json!({
        "t#Inner": { "type": "structure", "members": { "inner": { "target": "smithy.api#String" } }, "traits": { "smithy.api#mixin": {} } },
        "t#Outer": {
            "type": "structure",
            "mixins": [{ "target": "t#Inner" }],
            "members": { "outer": { "target": "smithy.api#String" } },
            "traits": { "smithy.api#mixin": {} }
        },
        "t#OpInput": { "type": "structure", "mixins": [{ "target": "t#Outer" }], "members": { "own": { "target": "smithy.api#String" } } }
    })));
    let names: Vec<&str> = structure(&service, "OpInput")
        .members
        .iter()
        .map(|m| m.wire_name.as_str())
        .collect();
    assert_eq!(names, ["inner", "outer", "own"]);
}

/// Operations are found on the service, on its resources (lifecycle, `operations`,
/// `collectionOperations`) and on nested resources; they are sorted by name.
#[test]
fn operations_bound_through_resources() {
    let op =
        |uri: &str| json!({ "type": "operation", "traits": { "smithy.api#http": { "method": "GET", "uri": uri } } });
    let service = loaded(model(json!({
        "t#Svc": {
            "type": "service",
            "operations": [{ "target": "t#Op" }],
            "resources": [{ "target": "t#Channel" }]
        },
        "t#Channel": {
            "type": "resource",
            "read": { "target": "t#GetChannel" },
            "list": { "target": "t#ListChannels" },
            "operations": [{ "target": "t#ResetChannel" }],
            "collectionOperations": [{ "target": "t#PurgeChannels" }],
            "resources": [{ "target": "t#StreamKey" }]
        },
        "t#StreamKey": {
            "type": "resource",
            "delete": { "target": "t#DeleteStreamKey" },
            "resources": [{ "target": "t#Channel" }]
        },
        "t#GetChannel": op("/get"),
        "t#ListChannels": op("/list"),
        "t#ResetChannel": op("/reset"),
        "t#PurgeChannels": op("/purge"),
        "t#DeleteStreamKey": op("/delete"),
        "t#Unbound": op("/unbound")
    })));
    let names: Vec<&str> = service.operations.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "DeleteStreamKey",
            "GetChannel",
            "ListChannels",
            "Op",
            "PurgeChannels",
            "ResetChannel"
        ]
    );
}

/// The service's `rename` renames a shape's Rust type, and so resolves a collision.
#[test]
fn rename_renames_the_rust_type() {
    let service = loaded(model(json!({
        "t#Svc": {
            "type": "service",
            "operations": [{ "target": "t#Op" }],
            "rename": { "foo.b#Thing": "OtherThing", "t#OpInput": "Request" }
        },
        "t#OpInput": { "type": "structure", "members": {
            "a": { "target": "foo.a#Thing" },
            "b": { "target": "foo.b#Thing" }
        } },
        "foo.a#Thing": { "type": "structure", "members": {} },
        "foo.b#Thing": { "type": "structure", "members": {} }
    })));
    let names: Vec<&str> = service.types.keys().map(String::as_str).collect();
    assert_eq!(names, ["OpOutput", "OtherThing", "Request", "Thing"]);
    assert_eq!(service.types["OtherThing"].id(), "foo.b#Thing");
    assert_eq!(service.types["Thing"].id(), "foo.a#Thing");
    assert_eq!(service.operations[0].input.as_deref(), Some("Request"));
    let b = member(structure(&service, "Request"), "b");
    assert!(
        matches!(&b.ty.kind, TyKind::Named { name, .. } if name == "OtherThing"),
        "{:?}",
        b.ty.kind
    );
}

/// Smithy 1.0: `set` becomes a list with unique items, and `@enum` strings become enums.
#[test]
fn smithy_1_set_and_enum_trait() {
    let text = json!({ "smithy": "1.0", "shapes": {
        "t#Svc": { "type": "service", "version": "1", "operations": [{ "target": "t#Op" }] },
        "t#Op": {
            "type": "operation",
            "input": { "target": "t#OpInput" },
            "traits": { "smithy.api#http": { "method": "POST", "uri": "/op" } }
        },
        "t#OpInput": { "type": "structure", "members": {
            "tags": { "target": "t#Tags" },
            "color": { "target": "t#Color" }
        } },
        "t#Tags": { "type": "set", "member": { "target": "smithy.api#String" } },
        "t#Color": { "type": "string", "traits": { "smithy.api#enum": [
            { "value": "red", "name": "RED", "documentation": "Red." },
            { "value": "dark-blue" }
        ] } }
    } })
    .to_string();
    let service = loaded(files(&[(FILE, &text)]));
    let input = structure(&service, "OpInput");

    let tags = &member(input, "tags").ty;
    assert!(
        matches!(&tags.kind, TyKind::List(item) if item.kind == TyKind::String),
        "{:?}",
        tags.kind
    );
    assert!(tags.constraints.unique_items, "a set's items are unique");

    let Some(TypeDef::Enum(color)) = service.types.get("Color") else {
        panic!("Color is not an enum: {:?}", service.types.keys())
    };
    assert!(!color.int);
    let variants: Vec<(&str, &EnumValue)> = color.variants.iter().map(|v| (v.name.as_str(), &v.value)).collect();
    assert_eq!(
        variants,
        [
            ("Red", &EnumValue::Str("red".into())),
            ("DarkBlue", &EnumValue::Str("dark-blue".into()))
        ]
    );
    assert_eq!(color.variants[0].docs, ["Red."]);
    assert!(matches!(&member(input, "color").ty.kind, TyKind::Named { name, .. } if name == "Color"));
}

/// A member's trait replaces the target's trait of the same id as a whole: the member's
/// `@length { max }` drops the target's `min`. Traits the member does not set are kept.
#[test]
fn member_traits_override_target_traits() {
    let service = loaded(model(json!({
        "t#OpInput": { "type": "structure", "members": {
            "plain": { "target": "t#Name" },
            "short": { "target": "t#Name", "traits": { "smithy.api#length": { "max": 3 } } }
        } },
        "t#Name": { "type": "string", "traits": {
            "smithy.api#length": { "min": 1, "max": 10 },
            "smithy.api#pattern": "^[a-z]+$"
        } }
    })));
    let input = structure(&service, "OpInput");
    let plain = &member(input, "plain").ty.constraints;
    assert_eq!(
        plain.length,
        Some(Bounds {
            min: Some(1),
            max: Some(10)
        })
    );
    let short = &member(input, "short").ty.constraints;
    assert_eq!(
        short.length,
        Some(Bounds {
            min: None,
            max: Some(3)
        }),
        "the member's @length replaces the target's"
    );
    assert_eq!(
        short.pattern.as_ref().map(|p| p.source.as_str()),
        Some("^[a-z]+$"),
        "the target's @pattern is kept"
    );
}

/// Lists nested deeper than the generator's limit are reported at the level that passes it.
#[test]
fn lists_nested_too_deep_are_a_model_error() {
    let mut changes = Map::new();
    changes.insert(
        "t#OpInput".into(),
        json!({ "type": "structure", "members": { "l": { "target": "t#L0" } } }),
    );
    for i in 0..20 {
        let next = if i + 1 == 20 {
            "smithy.api#String".to_string()
        } else {
            format!("t#L{}", i + 1)
        };
        changes.insert(
            format!("t#L{i}"),
            json!({ "type": "list", "member": { "target": next } }),
        );
    }
    assert_errors(
        model(Value::Object(changes)),
        &["model/test.json: t#L16: lists and maps nest more than 16 levels deep"],
    );
}

/// Two different patterns whose statics would share a name get distinct, numbered names.
#[test]
fn clashing_pattern_static_names_are_numbered() {
    let service = loaded(model(json!({
        "t#OpInput": { "type": "structure", "members": { "x": { "target": "a#Name" }, "y": { "target": "b#Name" }, "z": { "target": "a#Name" } } },
        "a#Name": { "type": "string", "traits": { "smithy.api#pattern": "^a$" } },
        "b#Name": { "type": "string", "traits": { "smithy.api#pattern": "^b$" } }
    })));
    let names: Vec<(String, String)> = structure(&service, "OpInput")
        .members
        .iter()
        .map(|m| {
            let p = m.ty.constraints.pattern.as_ref().expect("pattern");
            (p.static_name.clone(), p.source.clone())
        })
        .collect();
    assert_eq!(
        names,
        [
            ("NAME".to_string(), "^a$".to_string()),
            ("NAME_2".to_string(), "^b$".to_string()),
            ("NAME".to_string(), "^a$".to_string())
        ]
    );
}

// ---------------------------------------------------------------------------------------
// The protocol: chosen in lowering, and nothing on the wire silently dropped
// ---------------------------------------------------------------------------------------

/// A service whose only protocol is one the generator does not implement, and traits that
/// change the wire format the generator does not implement, are reported in the same pass as
/// every other problem, each where it is.
#[test]
fn unsupported_protocol_and_wire_traits_in_one_pass() {
    let input = model(json!({
        "t#Svc": {
            "type": "service",
            "version": "2024-01-01",
            "operations": [{ "target": "t#Op" }],
            "traits": { "aws.protocols#awsJson1_0": {} }
        },
        "t#Op": {
            "type": "operation",
            "input": { "target": "t#OpInput" },
            "output": { "target": "t#OpOutput" },
            "traits": {
                "smithy.api#http": { "method": "POST", "uri": "/op" },
                "aws.protocols#httpChecksum": { "requestChecksumRequired": true }
            }
        },
        "t#OpInput": { "type": "structure", "members": {
            // Ignored: no @endpoint host prefix names it.
            "host": { "target": "smithy.api#String", "traits": { "smithy.api#hostLabel": {} } },
            "length": { "target": "smithy.api#String", "traits": { "smithy.api#length": { "min": 3, "max": 2 } } }
        } }
    }));
    assert_errors(
        input,
        &[
            "model/test.json: t#Op: @aws.protocols#httpChecksum: not implemented by this generator (it changes checksum headers)",
            "model/test.json: t#OpInput$length: @smithy.api#length: `min` (3) is greater than `max` (2)",
            "model/test.json: t#Svc: @aws.protocols#awsJson1_0: the service's protocol (aws.protocols#awsJson1_0) is not supported; this generator implements aws.protocols#restJson1",
        ],
    );
}

/// restJson1 is chosen (also for a service that names no protocol), the error message member
/// is the one the error structures use, `@jsonName` renames a member's JSON key and
/// `@endpoint` gives the operation's host prefix.
#[test]
fn the_protocol_and_error_message_member_come_from_the_model() {
    let service = loaded(model(json!({
        "t#Op": {
            "type": "operation",
            "input": { "target": "t#OpInput" },
            "output": { "target": "t#OpOutput" },
            "errors": [{ "target": "t#Oops" }],
            "traits": {
                "smithy.api#http": { "method": "POST", "uri": "/op" },
                "smithy.api#endpoint": { "hostPrefix": "data." }
            }
        },
        "t#OpInput": { "type": "structure", "members": {
            "name": { "target": "smithy.api#String", "traits": { "smithy.api#jsonName": "Name" } }
        } },
        "t#Oops": {
            "type": "structure",
            "members": { "detail": { "target": "smithy.api#String" }, "errorMessage": { "target": "smithy.api#String" } },
            "traits": { "smithy.api#error": "client", "smithy.api#retryable": { "throttling": true } }
        }
    })));
    assert_eq!(service.protocol, ir::Protocol::RestJson1);
    assert_eq!(service.error_message, "errorMessage");
    assert_eq!(service.operations[0].host_prefix.as_deref(), Some("data."));
    let name = member(structure(&service, "OpInput"), "name");
    assert_eq!((name.wire_name.as_str(), name.json_name.as_str()), ("name", "Name"));
    let oops = structure(&service, "Oops").error.as_ref().expect("an error");
    assert_eq!(
        (oops.code.as_str(), oops.retryable, oops.throttling),
        ("Oops", true, true)
    );
    let mut no_protocol = with(json!({}));
    no_protocol["t#Svc"]["traits"] = json!({});
    let service = loaded(shapes(Value::Object(no_protocol)));
    assert_eq!(service.protocol, ir::Protocol::RestJson1);
    assert_eq!(service.error_message, "message");
}

/// The operation traits that change a request after encoding are lowered into the IR, and
/// malformed uses of them are errors, each where it is.
#[test]
fn request_changing_traits_are_lowered_and_checked() {
    let op = |traits: Value| {
        let mut all = json!({ "smithy.api#http": { "method": "POST", "uri": "/op" } });
        all.as_object_mut().unwrap().extend(traits.as_object().unwrap().clone());
        json!({ "type": "operation", "input": { "target": "t#OpInput" }, "output": { "target": "t#OpOutput" }, "traits": all })
    };
    let members = json!({
        "label": { "target": "smithy.api#String", "traits": { "smithy.api#hostLabel": {}, "smithy.api#required": {} } },
        "plain": { "target": "smithy.api#String" },
        "token": { "target": "smithy.api#String", "traits": { "smithy.api#idempotencyToken": {} } }
    });
    let service = loaded(model(json!({
        "t#Op": op(json!({
            "smithy.api#endpoint": { "hostPrefix": "foo.{label}." },
            "smithy.api#httpChecksumRequired": {},
            "smithy.api#requestCompression": { "encodings": ["gzip"] }
        })),
        "t#OpInput": { "type": "structure", "members": members }
    })));
    let lowered = &service.operations[0];
    assert_eq!(lowered.host_prefix.as_deref(), Some("foo.{label}."));
    assert_eq!(lowered.host_labels, [("label".to_string(), "label".to_string())]);
    assert!(lowered.checksum_required);
    assert_eq!(lowered.request_compression, ["gzip"]);
    assert_eq!(lowered.idempotency_token.as_deref(), Some("token"));

    let input = model(json!({
        "t#Op": op(json!({
            "smithy.api#endpoint": { "hostPrefix": "{plain}.{missing}." },
            "smithy.api#requestCompression": { "encodings": "gzip" }
        })),
        "t#OpInput": { "type": "structure", "members": {
            "plain": { "target": "smithy.api#String" },
            "a": { "target": "smithy.api#String", "traits": { "smithy.api#idempotencyToken": {} } },
            "b": { "target": "smithy.api#String", "traits": { "smithy.api#idempotencyToken": {} } }
        } }
    }));
    assert_errors(
        input,
        &[
            "model/test.json: t#Op: @smithy.api#endpoint: the host prefix \"{plain}.{missing}.\" has the label `plain`, but that input member has no @hostLabel",
            "model/test.json: t#Op: @smithy.api#idempotencyToken: only one input member may be an @idempotencyToken; found a, b",
            "model/test.json: t#Op: @smithy.api#requestCompression: expected an object with a list of strings `encodings`, found {\"encodings\":\"gzip\"}",
        ],
    );
}
