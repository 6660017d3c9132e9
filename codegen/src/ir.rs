//! Our own intermediate representation: what emitters see.
//!
//! Everything is resolved here: targets, effective constraints (member traits over target
//! traits), HTTP bindings, errors and the Rust names. Emitters never look at Smithy trait
//! ids. Collections are `Vec`s in a fixed order (operations and types sorted by name,
//! members in model order), so output built from the IR is deterministic.

use serde_json::Value;
use std::collections::BTreeMap;

/// One service and everything reachable from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    /// Absolute shape id of the service.
    pub id: String,
    /// The service shape's name, e.g. `AmazonInteractiveVideoService`.
    pub name: String,
    /// `aws.api#service` sdkId (or the service name), e.g. `ivs`.
    pub sdk_id: String,
    /// Base of the generated crate names, e.g. `ivs` (kebab-case of the sdkId).
    pub crate_base: String,
    /// The service's API version.
    pub version: String,
    /// `smithy.api#title`, or the service name.
    pub title: String,
    /// Documentation as Markdown lines.
    pub docs: Vec<String>,
    /// The SigV4 signing name, when the service uses `aws.auth#sigv4`.
    pub signing_name: Option<String>,
    /// The endpoint prefix (`aws.api#service` endpointPrefix, else the signing name).
    pub endpoint_prefix: Option<String>,
    /// The wire protocol, chosen (and checked) in lowering.
    pub protocol: Protocol,
    /// The wire name of the member that carries error messages (IVS: `exceptionMessage`): the
    /// one most error structures use, else `message`. Errors without a structure of their own
    /// (protocol errors, unmodeled errors) carry their message under it too.
    pub error_message: String,
    /// Operations, sorted by name.
    pub operations: Vec<Operation>,
    /// Every generated type, by Rust name.
    pub types: BTreeMap<String, TypeDef>,
}

/// A wire protocol this generator implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// `aws.protocols#restJson1`.
    RestJson1,
}

impl Protocol {
    /// The protocol trait's shape id.
    pub fn trait_id(self) -> &'static str {
        match self {
            Protocol::RestJson1 => "aws.protocols#restJson1",
        }
    }
}

/// One operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// Absolute shape id.
    pub id: String,
    /// Name as in the model, e.g. `CreateChannel` (also the wire name in errors and logs).
    pub name: String,
    /// Rust function/module name, e.g. `create_channel` (`r#match` for a keyword).
    pub fn_name: String,
    /// The module and file stem, the same rule as its types' homes: `create_channel`, `match_` for a keyword.
    pub module: String,
    /// The client's method, e.g. `create_channel` (`config_operation` for `Config`).
    pub client_method: String,
    /// Rust name of the operation's marker type, e.g. `CreateChannel`.
    pub type_name: String,
    /// Rust name of the operation's error enum, e.g. `CreateChannelError`.
    pub error_enum: String,
    /// Documentation as Markdown lines.
    pub docs: Vec<String>,
    /// The HTTP binding.
    pub http: Http,
    /// Rust name of the input structure; `None` when the input is `Unit`.
    pub input: Option<String>,
    /// Rust name of the output structure; `None` when the output is `Unit`.
    pub output: Option<String>,
    /// Rust names of the error structures (operation errors, then service errors), sorted.
    pub errors: Vec<String>,
    /// `@readonly`.
    pub readonly: bool,
    /// `@idempotent` (or `@readonly`, which implies it).
    pub idempotent: bool,
    /// `@paginated`, with the service's defaults merged in.
    pub pagination: Option<Pagination>,
    /// `@endpoint`'s `hostPrefix` as written (`{label}`s included), prepended to the endpoint's host.
    pub host_prefix: Option<String>,
    /// The `{label}`s of the host prefix: each label's name and the input's Rust field
    /// (a `@hostLabel` string member) that fills it.
    pub host_labels: Vec<(String, String)>,
    /// `@httpChecksumRequired`: requests carry `Content-MD5`.
    pub checksum_required: bool,
    /// `@requestCompression`'s encodings, in the model's order (empty without the trait).
    pub request_compression: Vec<String>,
    /// The input's Rust field with `@idempotencyToken` (a string), filled in when unset.
    pub idempotency_token: Option<String>,
    /// Its errors (or the service's) include Smithy's `smithy.framework#ValidationException`:
    /// the server reports invalid input in that structure's form and Smithy's words, instead
    /// of the AWS-style message under the model's own `ValidationException`.
    pub framework_validation: bool,
}

/// The `@http` trait, parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct Http {
    /// Upper-case method.
    pub method: String,
    /// The URI template as written, e.g. `/tags/{resourceArn}`.
    pub uri: String,
    /// The path, split into segments.
    pub path: Vec<PathSegment>,
    /// Constant query parameters from the template: `?key=value` is `(key, Some(value))`,
    /// a bare `?key` is `(key, None)` (sent as `key`, without `=`).
    pub query_literals: Vec<(String, Option<String>)>,
    /// The success status code.
    pub code: u16,
}

/// One segment of a URI path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSegment {
    /// Literal text.
    Literal(String),
    /// `{name}` or `{name+}` (greedy: may span several segments).
    Label {
        /// The wire name of the input member bound with `@httpLabel`.
        member: String,
        /// Whether the label is greedy.
        greedy: bool,
    },
}

/// `@paginated`: members are the Rust field names on input and output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pagination {
    /// Input member that carries the token.
    pub input_token: String,
    /// Output member path (dot-separated fields) that carries the next token.
    pub output_token: String,
    /// Input member with the page size.
    pub page_size: Option<String>,
    /// Output member path (dot-separated fields) with the page's items.
    pub items: Option<String>,
}

/// A generated type.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeDef {
    /// A structure (inputs, outputs, errors and plain data).
    Struct(Struct),
    /// A string enum or an int enum.
    Enum(Enum),
    /// A tagged union.
    Union(Union),
}

impl TypeDef {
    /// The Rust name.
    pub fn name(&self) -> &str {
        match self {
            TypeDef::Struct(s) => &s.name,
            TypeDef::Enum(e) => &e.name,
            TypeDef::Union(u) => &u.name,
        }
    }

    /// The absolute shape id.
    pub fn id(&self) -> &str {
        match self {
            TypeDef::Struct(s) => &s.id,
            TypeDef::Enum(e) => &e.id,
            TypeDef::Union(u) => &u.id,
        }
    }

    /// Where the type lives in the generated crate.
    pub fn home(&self) -> &Home {
        match self {
            TypeDef::Struct(s) => &s.home,
            TypeDef::Enum(e) => &e.home,
            TypeDef::Union(u) => &u.home,
        }
    }
}

/// Where a type is emitted: beside the one operation that owns it, or among shared shapes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Home {
    /// The input or output of exactly this operation (its `fn_name`).
    Operation(String),
    /// An error structure.
    Error,
    /// Any other shape, in a module of its own (its name).
    Shared(String),
}

/// A structure.
#[derive(Debug, Clone, PartialEq)]
pub struct Struct {
    /// Absolute shape id.
    pub id: String,
    /// Rust type name.
    pub name: String,
    /// Documentation as Markdown lines.
    pub docs: Vec<String>,
    /// Members in model order.
    pub members: Vec<Member>,
    /// `@sensitive` on the structure itself: its whole `Debug` is redacted.
    pub sensitive: bool,
    /// Set when the structure is an `@error`.
    pub error: Option<ErrorInfo>,
    /// Where it is emitted.
    pub home: Home,
}

/// What an `@error` structure adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorInfo {
    /// The error code on the wire: the shape's name, e.g. `ConflictException`.
    pub code: String,
    /// `client` or `server`.
    pub fault: Fault,
    /// `@httpError`, else 400 for client errors and 500 for server errors.
    pub status: u16,
    /// The Rust field of the message member (`message`, `Message`, `exceptionMessage`...).
    pub message_field: Option<String>,
    /// `@retryable`.
    pub retryable: bool,
    /// `@retryable(throttling: true)`.
    pub throttling: bool,
}

/// Who is at fault for an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The caller.
    Client,
    /// The service.
    Server,
}

/// A structure or union member.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The member name in the model: the JSON key, the label or the path segment in violations.
    pub wire_name: String,
    /// The key of the member in a JSON document: `@jsonName`, else the member name.
    pub json_name: String,
    /// The Rust field (or variant) name, possibly a raw identifier (`r#type`).
    pub field: String,
    /// The model crate's chainable setter, e.g. `with_type`.
    pub with_setter: String,
    /// The client builder's setter and clearing setter, e.g. `r#type` and `set_type`.
    pub builder_setters: (String, String),
    /// Documentation as Markdown lines.
    pub docs: Vec<String>,
    /// The member's type with its effective constraints.
    pub ty: Ty,
    /// `@required`.
    pub required: bool,
    /// `@default`, as written in the model.
    pub default: Option<Value>,
    /// The default the generated types fill in (`Default`, and deserialization of a missing
    /// member): `default`, unless the member is `@clientOptional` or its structure is an
    /// `@input` (clients treat both as optional, Smithy's structure optionality rules), or the
    /// member is a union's.
    pub filled_default: Option<DefaultValue>,
    /// For a member of an `@input` structure: its default, which a server fills in when the
    /// request leaves the member out (clients leave such members unset, see `filled_default`).
    pub server_default: Option<DefaultValue>,
    /// How the member travels in HTTP.
    pub binding: Binding,
    /// `@deprecated`.
    pub deprecated: bool,
    /// `@mediaType` of the member or, failing that, of its target (a string or blob): the
    /// `Content-Type` of a raw payload; a header string with one travels base64-encoded.
    pub media_type: Option<String>,
}

/// A `@default` value, checked against the member's type in lowering.
#[derive(Debug, Clone, PartialEq)]
pub enum DefaultValue {
    /// A boolean.
    Bool(bool),
    /// A byte, short, integer or long (the member's type says which).
    Int(i64),
    /// A float or double.
    Float(f64),
    /// A bigInteger or bigDecimal.
    Number(serde_json::Number),
    /// A string.
    String(String),
    /// A blob's bytes (the model writes them in base64).
    Bytes(Vec<u8>),
    /// A timestamp, in nanoseconds since the Unix epoch.
    EpochNanos(i64),
    /// A document (never `null`: a `null` default means no default).
    Document(Value),
    /// A string enum's value.
    Enum(String),
    /// An int enum's value.
    IntEnum(i32),
    /// The empty list.
    EmptyList,
    /// The empty map.
    EmptyMap,
}

/// The HTTP binding of a top-level input or output member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Binding {
    /// A key of the JSON body document.
    Body,
    /// `@httpLabel`.
    Label,
    /// `@httpQuery(name)`.
    Query(String),
    /// `@httpQueryParams`: a map of all other query parameters.
    QueryParams,
    /// `@httpHeader(name)`.
    Header(String),
    /// `@httpPrefixHeaders(prefix)`.
    PrefixHeaders(String),
    /// `@httpPayload`: the member is the whole body.
    Payload,
    /// `@httpResponseCode`.
    ResponseCode,
}

/// A type as used by a member, list item or map key/value, with its effective constraints.
#[derive(Debug, Clone, PartialEq)]
pub struct Ty {
    /// What the value is.
    pub kind: TyKind,
    /// The constraints that apply at this use.
    pub constraints: Constraints,
    /// `@sensitive` on the target or member: never shown in `Debug`.
    pub sensitive: bool,
    /// The name of the shared check function of the target shape (e.g. `channel_name`),
    /// when this use is constrained exactly as the target declares (the member adds no
    /// constraint of its own); `None` for prelude and generated targets.
    pub check: Option<String>,
}

impl Ty {
    /// This type and every type inside it (list items, map keys and values), outermost first.
    pub fn walk<'t>(&'t self, visit: &mut impl FnMut(&'t Ty)) {
        visit(self);
        match &self.kind {
            TyKind::List(item) | TyKind::Nullable(item) => item.walk(visit),
            TyKind::Map { key, value } => {
                key.walk(visit);
                value.walk(visit);
            }
            _ => {}
        }
    }
}

impl Service {
    /// The structure with this Rust name, if there is one.
    pub fn structure(&self, name: &str) -> Option<&Struct> {
        match self.types.get(name) {
            Some(TypeDef::Struct(s)) => Some(s),
            _ => None,
        }
    }

    /// Every type used by a structure or union member, nested ones included, in a fixed order.
    pub fn member_types(&self) -> Vec<&Ty> {
        let mut found = Vec::new();
        for def in self.types.values() {
            let members = match def {
                TypeDef::Struct(s) => &s.members,
                TypeDef::Union(u) => &u.members,
                TypeDef::Enum(_) => continue,
            };
            for m in members {
                m.ty.walk(&mut |ty| found.push(ty));
            }
        }
        found
    }
}

/// What a value is.
#[derive(Debug, Clone, PartialEq)]
pub enum TyKind {
    /// `boolean`.
    Bool,
    /// `byte` (i8).
    Byte,
    /// `short` (i16).
    Short,
    /// `integer` (i32).
    Integer,
    /// `long` (i64).
    Long,
    /// `float` (f32).
    Float,
    /// `double` (f64).
    Double,
    /// `bigInteger`.
    BigInteger,
    /// `bigDecimal`.
    BigDecimal,
    /// `string` without enum values.
    String,
    /// `blob`.
    Blob,
    /// `timestamp` with its wire format.
    Timestamp(TimestampFormat),
    /// `document`.
    Document,
    /// `smithy.api#Unit`: no value (a union variant that carries nothing).
    Unit,
    /// A generated type.
    Named {
        /// Its Rust name.
        name: String,
        /// Which kind of generated type.
        kind: NamedKind,
        /// Boxed, because the type contains itself.
        boxed: bool,
    },
    /// `list` (and Smithy 1.0 `set`).
    List(Box<Ty>),
    /// An item of a `@sparse` list or a value of a `@sparse` map: `Option<T>`, so a JSON
    /// `null` is kept (as `None`) both ways. Dense collections hold their items bare.
    Nullable(Box<Ty>),
    /// `map` with string keys.
    Map {
        /// The key type (a string or string enum).
        key: Box<Ty>,
        /// The value type.
        value: Box<Ty>,
    },
}

/// The kind of a generated type a member refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamedKind {
    /// A structure.
    Struct,
    /// A string enum.
    Enum,
    /// An int enum.
    IntEnum,
    /// A union.
    Union,
}

/// How a timestamp is written on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimestampFormat {
    /// Seconds since the epoch, a JSON number (restJson1's body default).
    EpochSeconds,
    /// RFC 3339 date-time string.
    DateTime,
    /// IMF-fixdate string (HTTP headers' default).
    HttpDate,
}

/// The constraints on one use of a type; `None`/`false` where there is none.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Constraints {
    /// `@length` bounds (characters, entries or bytes).
    pub length: Option<Bounds<u64>>,
    /// `@range` bounds as written (integers or decimals).
    pub range: Option<Bounds<serde_json::Number>>,
    /// `@pattern`.
    pub pattern: Option<PatternRef>,
    /// `@uniqueItems`.
    pub unique_items: bool,
}

impl Constraints {
    /// True when nothing is constrained.
    pub fn is_empty(&self) -> bool {
        self.length.is_none() && self.range.is_none() && self.pattern.is_none() && !self.unique_items
    }
}

/// Inclusive bounds, either of which may be absent.
#[derive(Debug, Clone, PartialEq)]
pub struct Bounds<T> {
    /// The inclusive minimum.
    pub min: Option<T>,
    /// The inclusive maximum.
    pub max: Option<T>,
}

/// A `@pattern` and the name of the static that holds it compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternRef {
    /// The ECMA-262 source, as in the model.
    pub source: String,
    /// The `SCREAMING_SNAKE` name of its static, from the shape (and member) that declares it.
    pub static_name: String,
}

/// A string enum or int enum.
#[derive(Debug, Clone, PartialEq)]
pub struct Enum {
    /// Absolute shape id.
    pub id: String,
    /// Rust type name.
    pub name: String,
    /// Documentation as Markdown lines.
    pub docs: Vec<String>,
    /// Whether this is an `intEnum`.
    pub int: bool,
    /// The known values in model order.
    pub variants: Vec<Variant>,
    /// Where it is emitted.
    pub home: Home,
}

/// One known enum value.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// Rust variant name.
    pub name: String,
    /// The wire value.
    pub value: EnumValue,
    /// Documentation as Markdown lines.
    pub docs: Vec<String>,
    /// `@internal` (an `@enum` trait entry tagged `internal`): accepted, but never listed to
    /// callers (validation messages leave it out of the value set).
    pub internal: bool,
}

/// An enum value on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnumValue {
    /// A string enum value.
    Str(String),
    /// An int enum value.
    Int(i32),
}

/// A union: exactly one member is set.
#[derive(Debug, Clone, PartialEq)]
pub struct Union {
    /// Absolute shape id.
    pub id: String,
    /// Rust type name.
    pub name: String,
    /// Documentation as Markdown lines.
    pub docs: Vec<String>,
    /// The variants, in model order (`field` holds the variant name).
    pub members: Vec<Member>,
    /// `@sensitive` on the union.
    pub sensitive: bool,
    /// Where it is emitted.
    pub home: Home,
}
