//! What one IDL file says, before names are resolved.
//!
//! Relative shape ids can only be resolved once every file is read (a name in the current
//! namespace, defined in another file, wins over the prelude's), so the parser keeps ids as
//! written, with their position, and [`super::resolve`] turns them into JSON AST shapes.

use super::Pos;

/// A shape id as written (`Foo`, `ns#Foo`, `ns#Foo$member`), and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Ref {
    pub text: String,
    pub pos: Pos,
}

/// A node value; unquoted strings (`Id`) are syntactic shape ids, resolved later.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    /// Already a JSON number (or, beyond `f64`'s range, a string; see `text::number_value`).
    Number(serde_json::Value),
    Str(String),
    Id(Ref),
    Array(Vec<Node>),
    Object(Vec<(String, Node)>),
}

/// A trait application; `value` is `None` for `@trait` and `@trait()` (an annotation).
#[derive(Debug, Clone)]
pub struct TraitApp {
    pub id: Ref,
    pub value: Option<Node>,
}

/// A member of a structure, union, list, map, enum or intEnum.
#[derive(Debug, Clone)]
pub struct MemberDef {
    pub name: String,
    pub pos: Pos,
    pub traits: Vec<TraitApp>,
    /// `None` for an elided target (`$name`), taken from the resource or a mixin.
    pub target: Option<Ref>,
    /// `= value`: a default (aggregates) or an enum value (enums).
    pub value: Option<Node>,
}

/// One shape statement (inline operation input and output become their own).
#[derive(Debug, Clone)]
pub struct ShapeDef {
    pub kind: String,
    pub name: String,
    pub pos: Pos,
    pub traits: Vec<TraitApp>,
    pub mixins: Vec<Ref>,
    /// `for Resource`: where elided members find their targets.
    pub for_resource: Option<Ref>,
    pub members: Vec<MemberDef>,
    /// Service and resource bodies: the node object's entries.
    pub properties: Vec<(String, Node)>,
    pub input: Option<Ref>,
    pub output: Option<Ref>,
    pub errors: Vec<Ref>,
}

impl ShapeDef {
    pub fn new(kind: &str, name: String, pos: Pos) -> Self {
        ShapeDef {
            kind: kind.to_string(),
            name,
            pos,
            traits: Vec::new(),
            mixins: Vec::new(),
            for_resource: None,
            members: Vec::new(),
            properties: Vec::new(),
            input: None,
            output: None,
            errors: Vec::new(),
        }
    }
}

/// `apply Target @trait` or `apply Target { @a @b }`.
#[derive(Debug, Clone)]
pub struct ApplyDef {
    pub target: Ref,
    pub traits: Vec<TraitApp>,
}

/// A whole IDL file.
#[derive(Debug, Clone, Default)]
pub struct IdlFile {
    /// The `$version` as written; `1.0` when absent, as Smithy assumes.
    pub version: String,
    pub namespace: Option<String>,
    /// `use` statements: the absolute id imported, and where.
    pub uses: Vec<Ref>,
    pub metadata: Vec<(String, Node)>,
    pub shapes: Vec<ShapeDef>,
    pub applies: Vec<ApplyDef>,
}

impl IdlFile {
    /// True for a Smithy 1.0 file (no `$version`, or `1`/`1.0`).
    pub fn is_v1(&self) -> bool {
        self.version.starts_with('1')
    }
}
