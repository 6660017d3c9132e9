//! Rust names for Smithy names, decided once and in one place.
//!
//! Every generated identifier goes through one of the functions here, so the
//! same Smithy name always becomes the same Rust name. The rules:
//!
//! 1. **Separators.** Anything that is not an ASCII letter, ASCII digit or `_`
//!    (`-`, `.`, `:`, spaces, and every non-ASCII character such as the `ö`
//!    and `ß` of `größe`) is treated as a word separator. `größe` becomes
//!    `gr_e` / `GrE`.
//! 2. **Case.** The words are then converted with `heck`: `snake_case` for
//!    fields and modules, `UpperCamelCase` for types and enum variants,
//!    `SCREAMING_SNAKE_CASE` for constants. Acronym runs are split the way heck
//!    splits them (`IVSChannel` -> `ivs_channel` / `IvsChannel`, `s3Bucket` ->
//!    `s3_bucket`).
//! 3. **Empty.** A name with nothing left (`""`, `"--"`, `"ßö"`) becomes
//!    `empty` / `Empty` / `EMPTY`.
//! 4. **Leading digit.** A result that starts with a digit gets a one-letter
//!    prefix: `n` for fields and modules (`3d_object` -> `n3d_object`), `N` for
//!    constants (`N3D_OBJECT`), `T` for types (`T3dObject`) and `V` for enum
//!    variants (`1080p` -> `V1080p`).
//! 5. **Keywords.** A field name that is a Rust 2024 strict or reserved keyword
//!    ([`KEYWORDS`]) becomes a raw identifier (`type` -> `r#type`), except the
//!    four that cannot be raw (`self`, `Self`, `crate`, `super`), which get a
//!    `_` suffix (`self_`). Module names are also file stems, where `r#` is
//!    not usable, so every keyword module name gets the `_` suffix (`type_`).
//!    After `UpperCamelCase` conversion the only keyword a type or variant can
//!    hit is `Self`, which becomes `Self_`. Constants are upper case and can
//!    never be keywords.
//! 6. **Reserved type names.** A type whose name would shadow a prelude or
//!    std item that generated code uses unqualified, or a runtime helper name,
//!    ([`RESERVED_TYPE_NAMES`]) gets the suffix `Shape`: `Option` ->
//!    `OptionShape`. Other common names (such as `Stream`) are kept.
//! 7. **Variants.** Generated string enums carry an extra `Unknown(String)`
//!    variant, so a model variant that would be named `Unknown` becomes
//!    `UnknownValue`. Variants are always written qualified (`Enum::None`),
//!    so prelude names are allowed as variants.
//!
//! 8. **Generated methods.** A field that has the same name as a generated method
//!    needs no rule (Rust keeps fields and methods apart), but a *method* made
//!    from a model name must not take a generated method's name. The client's
//!    own methods are [`CLIENT_METHODS`]: an operation whose method would be one
//!    of them gets the suffix `_operation` (`Config` -> `config_operation`). A
//!    fluent builder's own methods are [`BUILDER_METHODS`]: a member whose setter
//!    (`x`) or clearing setter (`set_x`) would be one of them gets the suffix
//!    `_value` on both (`input` -> `input_value`, `set_input_value`). Those two
//!    lists are what the client emitter writes, and a fixture model proves it.

use heck::{ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};

/// The strict and reserved keywords of the Rust 2024 edition.
///
/// Weak keywords such as `union`, `raw`, `safe` and `macro_rules` are valid
/// identifiers and are not listed.
pub const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in",
    "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super",
    "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn", "abstract", "become", "box",
    "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

/// The weak keywords of Rust 2024: keywords only in certain positions, valid identifiers
/// everywhere a generated name goes, so they are kept as they are (`union`, `raw`).
pub const WEAK_KEYWORDS: &[&str] = &["macro_rules", "raw", "safe", "union", "'static"];

/// Keywords that cannot be written as raw identifiers (`r#self` is an error).
const NON_RAW_KEYWORDS: &[&str] = &["self", "Self", "crate", "super", "_"];

/// `UpperCamelCase` names that a generated type must not take, because the
/// generated code refers to the prelude, std or runtime item of that name
/// without a path: the Rust 2024 prelude's types, variants and traits, plus
/// `BTreeMap`, the runtime helpers (`Validate`, `Validator`, `Blob`,
/// `Timestamp`, `Document`, `Pattern`) and the protocol types the model crate
/// imports for its bindings (`HttpRequest`, `HttpResponse`, `EncodeError`,
/// `DecodeError`). [`type_name`] appends `Shape` to such a name.
pub const RESERVED_TYPE_NAMES: &[&str] = &[
    "ValidationError",
    "Violation",
    "Option",
    "Result",
    "Some",
    "None",
    "Ok",
    "Err",
    "Vec",
    "String",
    "Box",
    "Default",
    "Clone",
    "Debug",
    "PartialEq",
    "PartialOrd",
    "Send",
    "Sync",
    "Sized",
    "Unpin",
    "Copy",
    "Eq",
    "Ord",
    "Hash",
    "Iterator",
    "IntoIterator",
    "DoubleEndedIterator",
    "ExactSizeIterator",
    "Extend",
    "FromIterator",
    "From",
    "Into",
    "TryFrom",
    "TryInto",
    "ToString",
    "ToOwned",
    "Drop",
    "Fn",
    "FnMut",
    "FnOnce",
    "AsRef",
    "AsMut",
    "Future",
    "IntoFuture",
    "BTreeMap",
    "Validate",
    "Validator",
    "Blob",
    "Timestamp",
    "Document",
    "Pattern",
    "HttpRequest",
    "HttpResponse",
    "EncodeError",
    "DecodeError",
];

/// The methods of a generated `Client` that are not operations (`Clone` is derived: an
/// inherent `clone` would shadow it).
pub const CLIENT_METHODS: &[&str] = &["new", "from_env", "config", "clone"];

/// The methods of a generated fluent builder that are not member setters.
pub const BUILDER_METHODS: &[&str] = &[
    "new",
    "as_input",
    "set_input",
    "customize",
    "send",
    "into_paginator",
    "into_items",
];

/// Suffix appended to a type name found in [`RESERVED_TYPE_NAMES`].
pub const RESERVED_TYPE_SUFFIX: &str = "Shape";

/// Replaces every character that cannot appear in a Rust identifier (and
/// every non-ASCII character) with a space, which heck treats as a word break.
fn separate(smithy: &str) -> String {
    smithy
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { ' ' })
        .collect()
}

/// Applies the empty-name and leading-digit rules.
fn finish(converted: String, empty: &str, digit_prefix: &str) -> String {
    if converted.is_empty() {
        empty.to_owned()
    } else if converted.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{digit_prefix}{converted}")
    } else {
        converted
    }
}

fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name) || name == "_"
}

fn snake(smithy: &str) -> String {
    finish(separate(smithy).to_snake_case(), "empty", "n")
}

fn camel(smithy: &str, digit_prefix: &str) -> String {
    finish(separate(smithy).to_upper_camel_case(), "Empty", digit_prefix)
}

/// `snake_case` field / function name for a Smithy member or shape name, made
/// safe to use as a Rust identifier: keywords become raw identifiers
/// (`type` -> `r#type`), and `self`, `crate` and `super` get a `_` suffix.
#[must_use]
pub fn field_name(smithy: &str) -> String {
    let name = snake(smithy);
    if NON_RAW_KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else if is_keyword(&name) {
        format!("r#{name}")
    } else {
        name
    }
}

/// `UpperCamelCase` type name for a Smithy shape name, made safe: `Self`
/// becomes `Self_`, names in [`RESERVED_TYPE_NAMES`] get the `Shape` suffix,
/// and a leading digit gets the prefix `T`.
#[must_use]
pub fn type_name(smithy: &str) -> String {
    let name = camel(smithy, "T");
    if RESERVED_TYPE_NAMES.contains(&name.as_str()) {
        format!("{name}{RESERVED_TYPE_SUFFIX}")
    } else if is_keyword(&name) {
        format!("{name}_")
    } else {
        name
    }
}

/// `UpperCamelCase` enum variant name for an enum member name or value
/// (`"ADVANCED_SD"` -> `"AdvancedSd"`, `"HD"` -> `"Hd"`, `"1080p"` ->
/// `"V1080p"`, `""` -> `"Empty"`, `"UNKNOWN"` -> `"UnknownValue"`, `"Self"` ->
/// `"Self_"`).
#[must_use]
pub fn variant_name(smithy: &str) -> String {
    let name = camel(smithy, "V");
    if name == "Unknown" {
        "UnknownValue".to_owned()
    } else if is_keyword(&name) {
        format!("{name}_")
    } else {
        name
    }
}

/// `snake_case` module name and file stem for a shape name
/// (`"CreateChannelRequest"` -> `"create_channel_request"`, `"IVSChannel"` ->
/// `"ivs_channel"`). Keywords get a `_` suffix (`"type"` -> `"type_"`) so the
/// result is both an identifier and a plain file stem.
#[must_use]
pub fn module_name(smithy: &str) -> String {
    let name = snake(smithy);
    if is_keyword(&name) { format!("{name}_") } else { name }
}

/// `SCREAMING_SNAKE_CASE` constant name (`"maxResults"` -> `"MAX_RESULTS"`); a
/// leading digit gets the prefix `N`, an empty name becomes `EMPTY`.
#[must_use]
pub fn const_name(smithy: &str) -> String {
    finish(separate(smithy).to_shouty_snake_case(), "EMPTY", "N")
}

/// A generated name without its raw-identifier prefix: `r#type` -> `type`. For file stems,
/// `Debug` labels and names built from a field (`with_type`).
#[must_use]
pub fn plain(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// The model crate's chainable setter of a field: `with_{field}` (`r#type` -> `with_type`).
#[must_use]
pub fn with_setter(field: &str) -> String {
    format!("with_{}", plain(field))
}

/// A fluent builder's two setters of a field: the setter named like the field and the
/// clearing `set_` setter, both moved out of [`BUILDER_METHODS`]' way with `_value`.
#[must_use]
pub fn builder_setters(field: &str) -> (String, String) {
    let mut base = plain(field).to_owned();
    if BUILDER_METHODS.contains(&base.as_str()) || BUILDER_METHODS.contains(&format!("set_{base}").as_str()) {
        base.push_str("_value");
    }
    let setter = if field.starts_with("r#") && base == plain(field) {
        field.to_owned()
    } else {
        base.clone()
    };
    (setter, format!("set_{base}"))
}

/// The client's method for an operation whose function name is `fn_name`, moved out of
/// [`CLIENT_METHODS`]' way with `_operation`.
#[must_use]
pub fn client_method(fn_name: &str) -> String {
    if CLIENT_METHODS.contains(&fn_name) {
        format!("{fn_name}_operation")
    } else {
        fn_name.to_owned()
    }
}

/// Normalizes a generated name for collision detection: strips a leading
/// `r#` and lowercases. Two Smithy names whose Rust names have equal keys
/// would collide (or differ only in case) in generated code.
#[must_use]
pub fn collision_key(rust_name: &str) -> String {
    rust_name.strip_prefix("r#").unwrap_or(rust_name).to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(f: fn(&str) -> String, cases: &[(&str, &str)]) {
        for (input, want) in cases {
            assert_eq!(f(input), *want, "input {input:?}");
        }
    }

    /// Every output must be a Rust identifier: ASCII alphanumerics and `_`,
    /// not starting with a digit, optionally behind `r#`.
    fn assert_ident(name: &str) {
        let bare = name.strip_prefix("r#").unwrap_or(name);
        assert!(!bare.is_empty(), "{name:?}");
        assert!(bare.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'), "{name:?}");
        assert!(!bare.starts_with(|c: char| c.is_ascii_digit()), "{name:?}");
    }

    /// Every strict, reserved and weak keyword, in every naming function, gives a name that
    /// parses as an identifier (so the formatter never chokes, as it did on `macro`), and no
    /// two keywords share a name.
    #[test]
    fn every_keyword_gives_a_parseable_identifier() {
        let weak = WEAK_KEYWORDS.iter().filter(|k| !k.starts_with('\''));
        for kw in KEYWORDS.iter().chain(weak) {
            for (what, name) in [
                ("field", field_name(kw)),
                ("type", type_name(kw)),
                ("module", module_name(kw)),
                ("variant", variant_name(kw)),
            ] {
                assert!(
                    syn::parse_str::<syn::Ident>(&name).is_ok(),
                    "{what} name of {kw:?}: {name:?}"
                );
                assert_ident(&name);
            }
        }
        for weak in ["union", "raw", "safe", "macro_rules"] {
            assert_eq!(field_name(weak), weak, "a weak keyword needs no raw prefix");
        }
        let modules: std::collections::BTreeSet<String> = KEYWORDS.iter().map(|k| module_name(k)).collect();
        let distinct: std::collections::BTreeSet<String> = KEYWORDS.iter().map(|k| k.to_ascii_lowercase()).collect();
        assert_eq!(modules.len(), distinct.len());
    }

    #[test]
    fn field_names() {
        table(
            field_name,
            &[
                ("channelArn", "channel_arn"),
                ("ARN", "arn"),
                ("HTTPHeader", "http_header"),
                ("TagKeys", "tag_keys"),
                ("already_snake", "already_snake"),
                ("s3Bucket", "s3_bucket"),
                ("IVSChannel", "ivs_channel"),
                ("3DObject", "n3d_object"),
                ("1080p", "n1080p"),
                ("x-amz-date", "x_amz_date"),
                ("a.b.c", "a_b_c"),
                ("ns:name", "ns_name"),
                ("two words", "two_words"),
                ("", "empty"),
                ("--", "empty"),
                ("_", "empty"),
                ("größe", "gr_e"),
                ("ßö", "empty"),
                ("type", "r#type"),
                ("Type", "r#type"),
                ("self", "self_"),
                ("Self", "self_"),
                ("crate", "crate_"),
                ("super", "super_"),
                ("union", "union"),
                ("macro_rules", "macro_rules"),
                ("selfLink", "self_link"),
            ],
        );
    }

    #[test]
    fn field_name_every_keyword() {
        for kw in KEYWORDS {
            let got = field_name(kw);
            let lower = kw.to_ascii_lowercase();
            if NON_RAW_KEYWORDS.contains(&lower.as_str()) {
                assert_eq!(got, format!("{lower}_"), "{kw}");
            } else {
                assert_eq!(got, format!("r#{kw}"), "{kw}");
            }
            assert_ident(&got);
        }
    }

    #[test]
    fn type_names() {
        table(
            type_name,
            &[
                ("CreateChannelRequest", "CreateChannelRequest"),
                ("IVSChannel", "IvsChannel"),
                ("ARN", "Arn"),
                ("HTTPHeader", "HttpHeader"),
                ("TagKeys", "TagKeys"),
                ("tag_keys", "TagKeys"),
                ("s3Bucket", "S3Bucket"),
                ("3DObject", "T3dObject"),
                ("my-shape.v2", "MyShapeV2"),
                ("", "Empty"),
                ("größe", "GrE"),
                ("Self", "Self_"),
                ("self", "Self_"),
                ("Option", "OptionShape"),
                ("Result", "ResultShape"),
                ("result", "ResultShape"),
                ("String", "StringShape"),
                ("Stream", "Stream"),
                ("Timestamp", "TimestampShape"),
                ("type", "Type"),
            ],
        );
    }

    #[test]
    fn type_name_every_keyword_and_reserved() {
        for kw in KEYWORDS {
            let got = type_name(kw);
            assert_ident(&got);
            assert!(!KEYWORDS.contains(&got.as_str()), "{kw} -> {got}");
            if kw.eq_ignore_ascii_case("self") {
                assert_eq!(got, "Self_");
            } else if ["fn", "box"].contains(kw) {
                assert_eq!(got, format!("{}Shape", kw.to_upper_camel_case()));
            } else {
                assert_eq!(got, kw.to_upper_camel_case(), "{kw}");
            }
        }
        for reserved in RESERVED_TYPE_NAMES {
            assert_eq!(type_name(reserved), format!("{reserved}Shape"));
        }
    }

    #[test]
    fn variant_names() {
        table(
            variant_name,
            &[
                ("ADVANCED_SD", "AdvancedSd"),
                ("HD", "Hd"),
                ("BASIC", "Basic"),
                ("1080p", "V1080p"),
                ("480p", "V480p"),
                ("", "Empty"),
                ("UNKNOWN", "UnknownValue"),
                ("Unknown", "UnknownValue"),
                ("unknown", "UnknownValue"),
                ("Self", "Self_"),
                ("None", "None"),
                ("us-east-1", "UsEast1"),
                ("image/png", "ImagePng"),
                ("a b", "AB"),
            ],
        );
    }

    #[test]
    fn module_names() {
        table(
            module_name,
            &[
                ("CreateChannelRequest", "create_channel_request"),
                ("IVSChannel", "ivs_channel"),
                ("type", "type_"),
                ("self", "self_"),
                ("Match", "match_"),
                ("3D", "n3d"),
                ("", "empty"),
            ],
        );
        for kw in KEYWORDS {
            let got = module_name(kw);
            assert!(!got.starts_with("r#"), "{got}");
            assert_ident(&got);
        }
    }

    #[test]
    fn const_names() {
        table(
            const_name,
            &[
                ("maxResults", "MAX_RESULTS"),
                ("IVSChannel", "IVS_CHANNEL"),
                ("1080p", "N1080P"),
                ("", "EMPTY"),
                ("self", "SELF"),
                ("a-b.c", "A_B_C"),
            ],
        );
    }

    #[test]
    fn collision_keys() {
        table(
            collision_key,
            &[
                ("r#type", "type"),
                ("Type", "type"),
                ("FooBar", "foobar"),
                ("self_", "self_"),
            ],
        );
        assert_eq!(
            collision_key(&field_name("fooBar")),
            collision_key(&field_name("foo_bar"))
        );
    }

    #[test]
    fn generated_method_names() {
        let cases = [
            ("arn", "arn", "set_arn"),
            ("r#type", "r#type", "set_type"),
            ("input", "input_value", "set_input_value"),
            ("send", "send_value", "set_send_value"),
            ("as_input", "as_input_value", "set_as_input_value"),
            ("new", "new_value", "set_new_value"),
            ("into_items", "into_items_value", "set_into_items_value"),
            ("customize", "customize_value", "set_customize_value"),
            ("value", "value", "set_value"),
        ];
        for (field, setter, set) in cases {
            assert_eq!(builder_setters(field), (setter.to_owned(), set.to_owned()), "{field}");
        }
        for (field, with) in [("arn", "with_arn"), ("r#type", "with_type"), ("self_", "with_self_")] {
            assert_eq!(with_setter(field), with);
        }
        for (name, method) in [
            ("config", "config_operation"),
            ("new", "new_operation"),
            ("from_env", "from_env_operation"),
            ("clone", "clone_operation"),
            ("get_channel", "get_channel"),
            ("r#match", "r#match"),
        ] {
            assert_eq!(client_method(name), method);
        }
        assert_eq!((plain("r#type"), plain("arn")), ("type", "arn"));
    }

    #[test]
    fn outputs_are_identifiers_for_odd_inputs() {
        let inputs = [
            "", " ", "_", "__x__", "-1", "9", "a\u{0}b", "日本", "é1", "x y z", "#", "r#type",
        ];
        for input in inputs {
            for f in [field_name, type_name, variant_name, module_name, const_name] {
                assert_ident(&f(input));
            }
        }
    }
}
