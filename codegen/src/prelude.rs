//! The Smithy prelude: the `smithy.api#...` shapes every model may target without defining.

use crate::ast::AstShape;
use serde_json::{Value, json};

/// The prelude namespace.
pub const NAMESPACE: &str = "smithy.api";

/// The unit shape id: "no input", "no output", or a union member with no value.
pub const UNIT: &str = "smithy.api#Unit";

/// Prelude shapes as (id, shape); `Primitive*` shapes carry their zero default as Smithy says.
pub fn shapes() -> Vec<(String, AstShape)> {
    let simple = [
        ("String", "string", None),
        ("Blob", "blob", None),
        ("BigInteger", "bigInteger", None),
        ("BigDecimal", "bigDecimal", None),
        ("Timestamp", "timestamp", None),
        ("Document", "document", None),
        ("Boolean", "boolean", None),
        ("PrimitiveBoolean", "boolean", Some(json!(false))),
        ("Byte", "byte", None),
        ("PrimitiveByte", "byte", Some(json!(0))),
        ("Short", "short", None),
        ("PrimitiveShort", "short", Some(json!(0))),
        ("Integer", "integer", None),
        ("PrimitiveInteger", "integer", Some(json!(0))),
        ("Long", "long", None),
        ("PrimitiveLong", "long", Some(json!(0))),
        ("Float", "float", None),
        ("PrimitiveFloat", "float", Some(json!(0))),
        ("Double", "double", None),
        ("PrimitiveDouble", "double", Some(json!(0))),
    ];
    let mut shapes: Vec<(String, AstShape)> = simple
        .into_iter()
        .map(|(name, kind, default): (&str, &str, Option<Value>)| {
            let mut shape = AstShape::of_kind(kind);
            if let Some(default) = default {
                shape.traits.insert("smithy.api#default".to_string(), default);
            }
            (format!("{NAMESPACE}#{name}"), shape)
        })
        .collect();
    let mut unit = AstShape::of_kind("structure");
    unit.traits.insert("smithy.api#unitType".to_string(), json!({}));
    shapes.push((UNIT.to_string(), unit));
    shapes
}
