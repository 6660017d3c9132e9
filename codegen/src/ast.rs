//! The Smithy JSON AST, exactly as the file format writes it (Smithy 1.0 and 2.0).
//!
//! Nothing here is interpreted: the loader resolves prelude shapes, mixins and `apply`,
//! and lowering gives the result meaning. Members keep their file order (`IndexMap`),
//! shapes are sorted by id (`BTreeMap`), so everything built from them is deterministic.

use indexmap::IndexMap;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// Trait values by absolute trait id, in file order.
pub type Traits = IndexMap<String, Value>;

/// One model file.
#[derive(Debug, Clone, Deserialize)]
pub struct AstFile {
    /// The IDL version, `"1.0"` or `"2.0"`.
    pub smithy: String,
    /// Shapes by absolute shape id.
    #[serde(default)]
    pub shapes: BTreeMap<String, AstShape>,
}

/// A reference to another shape.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ShapeRef {
    /// The absolute id of the shape referred to.
    pub target: String,
}

/// A member of an aggregate shape.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AstMember {
    /// The absolute id of the member's target shape.
    pub target: String,
    /// The member's own traits.
    #[serde(default)]
    pub traits: Traits,
}

/// A shape of any type; the fields that do not apply to its type are empty.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AstShape {
    /// The shape type: `string`, `structure`, `operation`, `apply`...
    #[serde(rename = "type")]
    pub kind: String,
    /// The shape's traits.
    #[serde(default)]
    pub traits: Traits,
    /// Members of structures, unions, enums and intEnums.
    #[serde(default)]
    pub members: IndexMap<String, AstMember>,
    /// The member of a list or set.
    pub member: Option<AstMember>,
    /// The key of a map.
    pub key: Option<AstMember>,
    /// The value of a map.
    pub value: Option<AstMember>,
    /// Mixins applied to this shape, in order.
    #[serde(default)]
    pub mixins: Vec<ShapeRef>,
    /// A service's version.
    pub version: Option<String>,
    /// Operations bound to a service or resource.
    #[serde(default)]
    pub operations: Vec<ShapeRef>,
    /// Resources bound to a service or resource.
    #[serde(default)]
    pub resources: Vec<ShapeRef>,
    /// Errors of an operation, or common errors of a service.
    #[serde(default)]
    pub errors: Vec<ShapeRef>,
    /// A service's renames: absolute shape id to the name used in generated code.
    #[serde(default)]
    pub rename: BTreeMap<String, String>,
    /// An operation's input.
    pub input: Option<ShapeRef>,
    /// An operation's output.
    pub output: Option<ShapeRef>,
    /// A resource's lifecycle operations.
    pub create: Option<ShapeRef>,
    /// A resource's lifecycle operation.
    pub put: Option<ShapeRef>,
    /// A resource's lifecycle operation.
    pub read: Option<ShapeRef>,
    /// A resource's lifecycle operation.
    pub update: Option<ShapeRef>,
    /// A resource's lifecycle operation.
    pub delete: Option<ShapeRef>,
    /// A resource's lifecycle operation.
    pub list: Option<ShapeRef>,
    /// A resource's collection operations.
    #[serde(default)]
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
