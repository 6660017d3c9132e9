//! Smithy 1.0 files, IDL and JSON AST alike, load into the Smithy 2.0 model Smithy's own
//! loader gives: unboxed booleans and numbers get their zero `@default`, `@box`ed ones none.

use codegen::ModelSource;
use codegen::ast::AstShape;
use codegen::loader::{self, Model};
use serde_json::{Value, json};

const V1_IDL: &str = r#"$version: "1.0"
namespace ex

structure Widget {
    count: PrimitiveInteger,
    enabled: PrimitiveBoolean,
    size: Size,
    maybeSize: MaybeSize,
    @box
    boxedCount: PrimitiveInteger,
    nullableCount: Integer,
    name: String,
    body: Body,
    @required
    requiredBody: Body,
}

integer Size

@box
integer MaybeSize

@streaming
blob Body

set Tags {
    member: String
}
"#;

const V1_JSON: &str = r#"{
    "smithy": "1.0",
    "shapes": {
        "ex#Widget": {
            "type": "structure",
            "members": {
                "count": { "target": "smithy.api#PrimitiveInteger" },
                "enabled": { "target": "smithy.api#PrimitiveBoolean" },
                "size": { "target": "ex#Size" },
                "maybeSize": { "target": "ex#MaybeSize" },
                "boxedCount": { "target": "smithy.api#PrimitiveInteger", "traits": { "smithy.api#box": {} } },
                "nullableCount": { "target": "smithy.api#Integer" },
                "name": { "target": "smithy.api#String" },
                "body": { "target": "ex#Body" },
                "requiredBody": { "target": "ex#Body", "traits": { "smithy.api#required": {} } }
            }
        },
        "ex#Size": { "type": "integer" },
        "ex#MaybeSize": { "type": "integer", "traits": { "smithy.api#box": {} } },
        "ex#Body": { "type": "blob", "traits": { "smithy.api#streaming": {} } },
        "ex#Tags": { "type": "set", "member": { "target": "smithy.api#String" } }
    }
}"#;

fn load(files: &[(&str, &str)]) -> Model {
    let sources: Vec<ModelSource> = files
        .iter()
        .map(|(name, text)| ModelSource {
            name: name.to_string(),
            text: text.to_string(),
        })
        .collect();
    loader::load(&sources).unwrap_or_else(|errors| {
        let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("expected the model to load:\n{}", errors.join("\n"))
    })
}

fn default_of(shape: &AstShape, member: &str) -> Option<Value> {
    shape.members[member].traits.get("smithy.api#default").cloned()
}

/// The model's own shapes (the prelude left out), as JSON for comparing.
fn own_shapes(model: &Model) -> Value {
    let ast: Value = serde_json::from_str(&model.to_json_ast()).expect("the model prints as JSON");
    ast["shapes"].clone()
}

fn assert_upgraded(model: &Model) {
    let widget = &model.shapes["ex#Widget"];
    assert_eq!(default_of(widget, "count"), Some(json!(0)));
    assert_eq!(default_of(widget, "enabled"), Some(json!(false)));
    assert_eq!(
        default_of(widget, "size"),
        Some(json!(0)),
        "an unboxed 1.0 integer has a zero default"
    );
    assert_eq!(
        default_of(widget, "maybeSize"),
        None,
        "a @box'ed target gives no default"
    );
    assert_eq!(
        default_of(widget, "boxedCount"),
        Some(Value::Null),
        "a @box'ed member is nullable whatever its target's default"
    );
    assert_eq!(default_of(widget, "nullableCount"), None, "smithy.api#Integer is boxed");
    assert_eq!(default_of(widget, "name"), None);
    assert_eq!(
        default_of(widget, "body"),
        Some(json!("")),
        "an optional streaming blob"
    );
    assert_eq!(default_of(widget, "requiredBody"), None);

    assert_eq!(model.shapes["ex#Size"].traits["smithy.api#default"], json!(0));
    assert!(!model.shapes["ex#MaybeSize"].traits.contains_key("smithy.api#default"));
    assert_eq!(model.shapes["ex#Tags"].kind, "list");
    assert_eq!(model.shapes["ex#Tags"].traits["smithy.api#uniqueItems"], json!({}));
}

#[test]
fn a_smithy_1_idl_file_is_upgraded() {
    assert_upgraded(&load(&[("v1.smithy", V1_IDL)]));
}

#[test]
fn a_smithy_1_json_ast_file_is_upgraded() {
    assert_upgraded(&load(&[("v1.json", V1_JSON)]));
}

#[test]
fn smithy_1_idl_and_json_load_to_the_same_model() {
    let from_idl = load(&[("v1.smithy", V1_IDL)]);
    let from_json = load(&[("v1.json", V1_JSON)]);
    assert_eq!(own_shapes(&from_idl), own_shapes(&from_json));
}

#[test]
fn the_upgraded_model_is_the_one_written_in_smithy_2() {
    let v2 = r#"$version: "2.0"
namespace ex

structure Widget {
    count: PrimitiveInteger = 0
    enabled: PrimitiveBoolean = false
    size: Size = 0
    maybeSize: MaybeSize
    @box
    boxedCount: PrimitiveInteger = null
    nullableCount: Integer
    name: String
    body: Body = ""
    @required
    requiredBody: Body
}

@default(0)
integer Size

@box
integer MaybeSize

@streaming
blob Body

@uniqueItems
list Tags {
    member: String
}
"#;
    assert_eq!(
        own_shapes(&load(&[("v2.smithy", v2)])),
        own_shapes(&load(&[("v1.smithy", V1_IDL)]))
    );
}

#[test]
fn box_given_by_apply_counts() {
    let v1 = "namespace ex\n\nstructure S {\n    a: PrimitiveLong\n    b: Count\n}\n\ninteger Count\n\napply S$a @box\napply Count @box\n";
    let model = load(&[("v1.smithy", v1)]);
    let s = &model.shapes["ex#S"];
    assert_eq!(default_of(s, "a"), Some(Value::Null));
    assert_eq!(default_of(s, "b"), None);
    assert!(!model.shapes["ex#Count"].traits.contains_key("smithy.api#default"));
}

#[test]
fn smithy_2_files_beside_a_smithy_1_file_are_left_as_written() {
    let v2 = "$version: \"2\"\nnamespace two\n\nuse ex#Size\n\nstructure T {\n    n: Integer\n    p: Size = 0\n    q: Plain\n}\n\ninteger Plain\n";
    let model = load(&[("v1.smithy", V1_IDL), ("v2.smithy", v2)]);
    let t = &model.shapes["two#T"];
    assert_eq!(default_of(t, "n"), None);
    assert_eq!(default_of(t, "p"), Some(json!(0)));
    assert_eq!(default_of(t, "q"), None);
    assert!(!model.shapes["two#Plain"].traits.contains_key("smithy.api#default"));
    // A 1.0 member targeting a 2.0 shape without a zero default: nullable, as Smithy says.
    let v1 = "namespace ex\n\nuse two#Plain\n\nstructure U {\n    q: Plain\n}\n";
    let model = load(&[("u.smithy", v1), ("v2.smithy", v2), ("v1.smithy", V1_IDL)]);
    assert_eq!(default_of(&model.shapes["ex#U"], "q"), None);
}
