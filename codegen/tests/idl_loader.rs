//! The IDL reader through the loader: several files (IDL and JSON AST) making one model,
//! error messages with line and column, and hostile input that must be refused cleanly.

use codegen::ModelSource;
use codegen::loader::{self, Model};
use serde_json::json;

fn source(name: &str, text: &str) -> ModelSource {
    ModelSource {
        name: name.to_string(),
        text: text.to_string(),
    }
}

fn load(files: &[(&str, &str)]) -> Result<Model, Vec<String>> {
    let sources: Vec<ModelSource> = files.iter().map(|(n, t)| source(n, t)).collect();
    loader::load(&sources).map_err(|errors| errors.iter().map(ToString::to_string).collect())
}

fn loaded(files: &[(&str, &str)]) -> Model {
    load(files).unwrap_or_else(|errors| panic!("expected the model to load:\n{}", errors.join("\n")))
}

fn refused(files: &[(&str, &str)]) -> Vec<String> {
    match load(files) {
        Ok(_) => panic!("expected the model to be refused"),
        Err(errors) => errors,
    }
}

#[test]
fn syntax_errors_name_file_line_and_column() {
    let errors = refused(&[(
        "model/a.smithy",
        "$version: \"2\"\nnamespace a\n\nstructure X {\n    a String\n}\n",
    )]);
    assert_eq!(
        errors,
        ["model/a.smithy:5:7: expected `:`, found an identifier `String`"]
    );
    let errors = refused(&[("b.smithy", "$version: \"2\"\nnamespace a\nstring X\nstructure")]);
    assert_eq!(errors, ["b.smithy:4:10: expected a space, found the end of the file"]);
}

#[test]
fn idl_and_json_files_make_one_model() {
    let idl = r#"$version: "2"
namespace ex

use other#Shared

/// A thing.
structure Thing {
    @required
    id: Shared
    count: Integer = 0
    later: Later
}

apply other#FromJson @documentation("applied from IDL")
"#;
    let more_idl = "$version: \"2.0\"\nnamespace ex\n\nstring Later\n";
    let json = json!({
        "smithy": "2.0",
        "shapes": {
            "other#Shared": { "type": "string" },
            "other#FromJson": { "type": "structure", "members": { "thing": { "target": "ex#Thing" } } },
            "ex#Thing$count": { "type": "apply", "traits": { "smithy.api#documentation": "from JSON" } }
        }
    })
    .to_string();
    let model = loaded(&[("a.smithy", idl), ("b.json", &json), ("c.smithy", more_idl)]);
    let thing = &model.shapes["ex#Thing"];
    assert_eq!(thing.traits["smithy.api#documentation"], json!("A thing."));
    assert_eq!(thing.members["id"].target, "other#Shared");
    assert_eq!(thing.members["id"].traits["smithy.api#required"], json!({}));
    assert_eq!(thing.members["count"].target, "smithy.api#Integer");
    assert_eq!(thing.members["count"].traits["smithy.api#default"], json!(0));
    assert_eq!(
        thing.members["count"].traits["smithy.api#documentation"],
        json!("from JSON")
    );
    assert_eq!(thing.members["later"].target, "ex#Later");
    assert_eq!(
        model.shapes["other#FromJson"].traits["smithy.api#documentation"],
        json!("applied from IDL")
    );
    assert_eq!(model.file_of("ex#Later"), Some("c.smithy"));
}

#[test]
fn a_shape_defined_twice_must_be_defined_identically() {
    let a = "$version: \"2\"\nnamespace ex\nstring Name\n";
    let model = loaded(&[("a.smithy", a), ("b.smithy", a)]);
    assert_eq!(model.shapes["ex#Name"].kind, "string");
    let same_in_json = r#"{"smithy": "2.0", "shapes": {"ex#Name": {"type": "string"}}}"#;
    loaded(&[("a.smithy", a), ("b.json", same_in_json)]);
    let errors = refused(&[
        ("a.smithy", a),
        ("b.smithy", "$version: \"2\"\nnamespace ex\ninteger Name\n"),
    ]);
    assert_eq!(
        errors,
        ["b.smithy: ex#Name: shape is defined twice, differently (first in a.smithy)"]
    );
}

#[test]
fn metadata_merges_across_files() {
    let a = "$version: \"2\"\nmetadata list = [\"a\"]\nmetadata same = {k: \"v\"}\nmetadata ref = String\n";
    let b = "$version: \"2\"\nmetadata list = [\"b\"]\nmetadata same = {k: \"v\"}\n";
    let model = loaded(&[("a.smithy", a), ("b.smithy", b)]);
    assert_eq!(model.metadata["list"], json!(["a", "b"]));
    assert_eq!(model.metadata["same"], json!({"k": "v"}));
    assert_eq!(model.metadata["ref"], json!("smithy.api#String"));
    let errors = refused(&[("a.smithy", a), ("c.smithy", "$version: \"2\"\nmetadata same = 1\n")]);
    assert_eq!(
        errors,
        ["c.smithy: metadata `same` is given conflicting values in several files"]
    );
}

#[test]
fn smithy_1_files_are_upgraded() {
    let v1 = "namespace ex\n\nset Tags {\n    member: String\n}\n";
    let model = loaded(&[("v1.smithy", v1)]);
    let tags = &model.shapes["ex#Tags"];
    assert_eq!(tags.kind, "list");
    assert_eq!(tags.traits["smithy.api#uniqueItems"], json!({}));
    let errors = refused(&[("v1.smithy", "namespace ex\nstructure S {\n    a: String = \"x\"\n}\n")]);
    assert!(errors[0].starts_with("v1.smithy:3:15: default values"), "{errors:?}");
}

#[test]
fn deeply_nested_values_are_refused_without_overflowing_the_stack() {
    for (open, close) in [("[", "]"), ("{a: ", "}")] {
        let deep = format!(
            "$version: \"2\"\nnamespace ex\n@tags({}1{})\nstring S\n",
            open.repeat(100_000),
            close.repeat(100_000)
        );
        let errors = refused(&[("deep.smithy", &deep)]);
        assert!(errors[0].contains("nest more than 128 levels"), "{errors:?}");
        // Unclosed, too.
        let errors = refused(&[("deep.smithy", &format!("metadata x = {}", open.repeat(100_000)))]);
        assert!(errors[0].contains("nest more than 128 levels"), "{errors:?}");
    }
    let deep_json = format!(
        "{{\"smithy\": \"2.0\", \"metadata\": {{\"x\": {}1{}}}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let errors = refused(&[("deep.json", &deep_json)]);
    assert!(
        errors[0].starts_with("deep.json: not a Smithy JSON AST file"),
        "{errors:?}"
    );
}

#[test]
fn a_50_mb_text_block_loads() {
    let line = "    Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n";
    let count = 50 * 1024 * 1024 / line.len();
    let text = format!(
        "$version: \"2\"\nnamespace ex\n@documentation(\"\"\"\n{}    \"\"\")\nstring S\n",
        line.repeat(count)
    );
    let model = loaded(&[("big.smithy", &text)]);
    let docs = model.shapes["ex#S"].traits["smithy.api#documentation"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert_eq!(docs.len(), count * (line.len() - 4));
    assert!(docs.starts_with("Lorem ipsum"));
}

#[test]
fn a_file_that_is_only_a_byte_order_mark_is_refused() {
    let errors = refused(&[("bom.smithy", "\u{feff}")]);
    assert_eq!(
        errors,
        ["bom.smithy:1:1: unexpected character a byte order mark (U+FEFF)"]
    );
}

#[test]
fn invalid_utf8_is_refused_naming_the_file() {
    let error = ModelSource::from_bytes("bad.smithy", b"namespace ex\nstring \xff\xfe\n".to_vec())
        .expect_err("invalid UTF-8 must be refused");
    assert_eq!(
        error.to_string(),
        "bad.smithy: not UTF-8 text: invalid byte sequence at byte offset 20"
    );
}

/// Every prefix of a valid model either loads or is refused: never a panic or a hang.
#[test]
fn every_prefix_of_a_model_loads_or_is_refused() {
    let model = r#"$version: "2.0"
$operationInputSuffix: "Request"
metadata suppressions = [{id: "x", namespace: "*"}]
namespace ex
use smithy.api#String

/// Docs with "quotes" and \u00e9.
@http(method: "POST", uri: "/things/{id}", code: 200)
operation PutThing {
    input := @references([{resource: Thing}]) {
        @required @httpLabel
        id: String
        tags: Tags = []
        text: String = """
            A text block.
            """
    }
    output: Unit
    errors: [Oops]
}

resource Thing { identifiers: { id: String }, put: PutThing }
@error("client") structure Oops { message: String }
list Tags { member: String }
map Counts { key: String, value: Integer }
enum Color { RED = "red"
    GREEN }
intEnum Level { LOW = 1
    HIGH = 2
}
@mixin structure Base { common: Long }
structure Mixed for Thing with [Base] { $id, $common, extra: Boolean = false
}
apply Mixed$extra @documentation("applied")
apply Color { @documentation("colors") @tags(["a"]) }
"#;
    loaded(&[("full.smithy", model)]);
    for end in (0..model.len()).filter(|i| model.is_char_boundary(*i)) {
        let _ = load(&[("prefix.smithy", &model[..end])]);
    }
}
