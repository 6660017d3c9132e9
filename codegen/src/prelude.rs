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

/// The type of the prelude shape (or trait) of this name, for resolving relative IDL names
/// and for giving annotation traits their empty value (`[]` for list traits, else `{}`).
pub fn shape_kind(name: &str) -> Option<&'static str> {
    PRELUDE_NAMES.iter().find(|(n, _)| *n == name).map(|(_, kind)| *kind)
}

/// Every shape the Smithy 2.0 prelude defines, traits included, with its type.
const PRELUDE_NAMES: &[(&str, &str)] = &[
    ("String", "string"),
    ("Blob", "blob"),
    ("BigInteger", "bigInteger"),
    ("BigDecimal", "bigDecimal"),
    ("Timestamp", "timestamp"),
    ("Document", "document"),
    ("Boolean", "boolean"),
    ("Byte", "byte"),
    ("Short", "short"),
    ("Integer", "integer"),
    ("Long", "long"),
    ("Float", "float"),
    ("Double", "double"),
    ("PrimitiveBoolean", "boolean"),
    ("PrimitiveByte", "byte"),
    ("PrimitiveShort", "short"),
    ("PrimitiveInteger", "integer"),
    ("PrimitiveLong", "long"),
    ("PrimitiveFloat", "float"),
    ("PrimitiveDouble", "double"),
    ("Unit", "structure"),
    ("trait", "structure"),
    ("TraitDiffRules", "list"),
    ("TraitDiffRule", "structure"),
    ("TraitChangeType", "enum"),
    ("Severity", "enum"),
    ("StructurallyExclusive", "enum"),
    ("deprecated", "structure"),
    ("box", "structure"),
    ("documentation", "string"),
    ("externalDocumentation", "map"),
    ("auth", "list"),
    ("AuthTraitReference", "string"),
    ("protocolDefinition", "structure"),
    ("TraitShapeIdList", "list"),
    ("TraitShapeId", "string"),
    ("authDefinition", "structure"),
    ("httpBasicAuth", "structure"),
    ("httpDigestAuth", "structure"),
    ("httpBearerAuth", "structure"),
    ("httpApiKeyAuth", "structure"),
    ("traitValidators", "map"),
    ("TraitValidator", "structure"),
    ("metadata", "structure"),
    ("ShapeClosures", "list"),
    ("ShapeClosure", "structure"),
    ("ClosureId", "string"),
    ("Namespaces", "list"),
    ("Renames", "map"),
    ("CommonMark", "string"),
    ("Identifier", "string"),
    ("default", "document"),
    ("addedDefault", "structure"),
    ("clientOptional", "structure"),
    ("HttpApiKeyLocations", "enum"),
    ("optionalAuth", "structure"),
    ("examples", "list"),
    ("Example", "structure"),
    ("ExampleError", "structure"),
    ("error", "enum"),
    ("retryable", "structure"),
    ("readonly", "structure"),
    ("idempotent", "structure"),
    ("IdempotentErrors", "list"),
    ("idempotencyToken", "structure"),
    ("internal", "structure"),
    ("jsonName", "string"),
    ("xmlAttribute", "structure"),
    ("xmlFlattened", "structure"),
    ("xmlName", "string"),
    ("xmlNamespace", "structure"),
    ("NonEmptyString", "string"),
    ("noReplace", "structure"),
    ("mediaType", "string"),
    ("references", "list"),
    ("Reference", "structure"),
    ("NonEmptyStringMap", "map"),
    ("resourceIdentifier", "string"),
    ("private", "structure"),
    ("sensitive", "structure"),
    ("since", "string"),
    ("streaming", "structure"),
    ("requiresLength", "structure"),
    ("longPoll", "structure"),
    ("tags", "list"),
    ("title", "string"),
    ("enum", "list"),
    ("EnumDefinition", "structure"),
    ("EnumConstantBodyName", "string"),
    ("enumValue", "document"),
    ("length", "structure"),
    ("range", "structure"),
    ("pattern", "string"),
    ("required", "structure"),
    ("property", "structure"),
    ("notProperty", "structure"),
    ("nestedProperties", "structure"),
    ("recommended", "structure"),
    ("sparse", "structure"),
    ("uniqueItems", "structure"),
    ("unstable", "structure"),
    ("paginated", "structure"),
    ("http", "structure"),
    ("httpLabel", "structure"),
    ("httpQuery", "string"),
    ("httpQueryParams", "structure"),
    ("httpHeader", "string"),
    ("httpPrefixHeaders", "string"),
    ("httpPayload", "structure"),
    ("httpError", "integer"),
    ("httpResponseCode", "structure"),
    ("cors", "structure"),
    ("NonEmptyStringList", "list"),
    ("eventPayload", "structure"),
    ("eventHeader", "structure"),
    ("idRef", "structure"),
    ("timestampFormat", "enum"),
    ("endpoint", "structure"),
    ("hostLabel", "structure"),
    ("suppress", "list"),
    ("httpChecksumRequired", "structure"),
    ("input", "structure"),
    ("output", "structure"),
    ("unitType", "structure"),
    ("mixin", "structure"),
    ("LocalMixinTraitList", "list"),
    ("LocalMixinTrait", "string"),
    ("RequestCompressionEncodingsList", "list"),
    ("requestCompression", "structure"),
];
