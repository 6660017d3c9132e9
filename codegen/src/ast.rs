//! The Smithy JSON AST, exactly as the file format writes it (Smithy 1.0 and 2.0).
//!
//! Nothing here is interpreted: the loader resolves prelude shapes, mixins and `apply`,
//! and lowering gives the result meaning. Members keep their file order (`IndexMap`),
//! shapes are sorted by id (`BTreeMap`), so everything built from them is deterministic.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Trait values by absolute trait id, in file order.
pub type Traits = IndexMap<String, Value>;

/// One model file.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct AstFile {
    /// The IDL version, `"1.0"` or `"2.0"`.
    pub smithy: String,
    /// Model metadata (merged across files by the loader).
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub metadata: serde_json::Map<String, Value>,
    /// Shapes by absolute shape id.
    #[serde(default)]
    pub shapes: BTreeMap<String, AstShape>,
}

/// A reference to another shape.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct ShapeRef {
    /// The absolute id of the shape referred to.
    pub target: String,
}

/// A member of an aggregate shape.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
pub struct AstMember {
    /// The absolute id of the member's target shape.
    pub target: String,
    /// The member's own traits.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub traits: Traits,
}

/// A shape of any type; the fields that do not apply to its type are empty.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AstShape {
    /// The shape type: `string`, `structure`, `operation`, `apply`...
    #[serde(rename = "type")]
    pub kind: String,
    /// The shape's traits.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub traits: Traits,
    /// Members of structures, unions, enums and intEnums.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub members: IndexMap<String, AstMember>,
    /// The member of a list or set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<AstMember>,
    /// The key of a map.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<AstMember>,
    /// The value of a map.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<AstMember>,
    /// Mixins applied to this shape, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mixins: Vec<ShapeRef>,
    /// A service's version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Operations bound to a service or resource.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operations: Vec<ShapeRef>,
    /// Resources bound to a service or resource.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<ShapeRef>,
    /// Errors of an operation, or common errors of a service.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ShapeRef>,
    /// A service's renames: absolute shape id to the name used in generated code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rename: BTreeMap<String, String>,
    /// An operation's input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<ShapeRef>,
    /// An operation's output.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub output: Option<ShapeRef>,
    /// A resource's lifecycle operations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub create: Option<ShapeRef>,
    /// A resource's lifecycle operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub put: Option<ShapeRef>,
    /// A resource's lifecycle operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read: Option<ShapeRef>,
    /// A resource's lifecycle operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub update: Option<ShapeRef>,
    /// A resource's lifecycle operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delete: Option<ShapeRef>,
    /// A resource's lifecycle operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub list: Option<ShapeRef>,
    /// A resource's identifiers: name to target.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub identifiers: IndexMap<String, ShapeRef>,
    /// A resource's properties: name to target.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub properties: IndexMap<String, ShapeRef>,
    /// A resource's collection operations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub collection_operations: Vec<ShapeRef>,
}

impl AstShape {
    /// A shape of the given type with nothing else set (prelude shapes, tests).
    pub fn of_kind(kind: &str) -> Self {
        AstShape {
            kind: kind.to_string(),
            traits: Traits::new(),
            members: IndexMap::new(),
            member: None,
            key: None,
            value: None,
            mixins: Vec::new(),
            version: None,
            operations: Vec::new(),
            resources: Vec::new(),
            errors: Vec::new(),
            rename: BTreeMap::new(),
            input: None,
            output: None,
            create: None,
            put: None,
            read: None,
            update: None,
            delete: None,
            list: None,
            identifiers: IndexMap::new(),
            properties: IndexMap::new(),
            collection_operations: Vec::new(),
        }
    }

    /// Every operation a resource binds, lifecycle ones first, in a fixed order.
    pub fn resource_operations(&self) -> impl Iterator<Item = &ShapeRef> {
        [
            &self.create,
            &self.put,
            &self.read,
            &self.update,
            &self.delete,
            &self.list,
        ]
        .into_iter()
        .flatten()
        .chain(&self.operations)
        .chain(&self.collection_operations)
    }
}
