//! Unions on the wire: a JSON object with exactly one non-null member.
//!
//! Generated unions deserialize through [`one_member`], then decode the value of the member
//! they know; a member they do not know is kept by name (`Unknown`), so a client keeps
//! working when a service adds a union member.

use serde::Deserializer;
use serde::de::Error;

use crate::strict::Strict;

/// Reads a union object: its one non-null member's name and value. `null` members are
/// ignored, and so is `__type` (restJson1 allows it beside the member); zero or several
/// remaining members are an error. The value comes wrapped in [`Strict`], so a structure
/// decoded from it must be a JSON object like everywhere else.
pub fn one_member<'de, D: Deserializer<'de>>(deserializer: D) -> Result<(String, Strict<serde_json::Value>), D::Error> {
    let object: serde_json::Map<String, serde_json::Value> = serde::Deserialize::deserialize(deserializer)?;
    let mut set = object
        .into_iter()
        .filter(|(name, value)| !value.is_null() && name != "__type");
    match (set.next(), set.next()) {
        (Some((name, value)), None) => Ok((name, Strict(value))),
        (None, _) => Err(D::Error::custom("a union must have exactly one member set, found none")),
        (Some((first, _)), Some((second, _))) => Err(D::Error::custom(format!(
            "a union must have exactly one member set, found `{first}` and `{second}`"
        ))),
    }
}

/// What a generated union makes of a member it does not know: a client keeps its name (the
/// union's `Unknown` variant), since a service may add members after the client was built; a
/// server reading a request refuses it (restJson1's `RestJsonMalformedUnionUnknownMember`),
/// since nothing it could do with it was modeled.
pub fn unknown_member<E: Error>(name: String) -> Result<String, E> {
    if crate::decode_mode::is_reading_request() {
        let shown: String = name.chars().take(MAX_ECHOED_NAME_CHARS).collect();
        let cut = if shown.len() < name.len() { "..." } else { "" };
        Err(E::custom(format!("unknown union member `{shown}{cut}`")))
    } else {
        Ok(name)
    }
}

/// The longest part of an unknown member's name echoed in an error.
const MAX_ECHOED_NAME_CHARS: usize = 64;

#[cfg(test)]
mod tests {
    use super::{one_member, unknown_member};
    use serde_json::{Value, json};

    fn read(value: Value) -> Result<(String, Value), String> {
        one_member(value)
            .map(|(name, value)| (name, value.0))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn exactly_one_non_null_member() {
        assert_eq!(read(json!({"a": 1})), Ok(("a".to_string(), json!(1))));
        assert_eq!(
            read(json!({"a": null, "b": "x", "__type": "T"})),
            Ok(("b".to_string(), json!("x")))
        );
        assert_eq!(
            read(json!({})),
            Err("a union must have exactly one member set, found none".to_string())
        );
        assert_eq!(
            read(json!({"a": 1, "b": 2})),
            Err("a union must have exactly one member set, found `a` and `b`".to_string())
        );
        assert!(read(json!([1])).is_err());
    }

    #[test]
    fn a_server_refuses_unknown_members_a_client_keeps_them() {
        type Result = std::result::Result<String, serde_json::Error>;
        assert_eq!(unknown_member::<serde_json::Error>("new".into()).unwrap(), "new");
        let refused: Result = crate::decode_mode::reading_request(|| unknown_member("unknown".into()));
        assert_eq!(refused.unwrap_err().to_string(), "unknown union member `unknown`");
        let long: Result = crate::decode_mode::reading_request(|| unknown_member("x".repeat(1000)));
        let message = long.unwrap_err().to_string();
        assert!(message.len() < 100 && message.ends_with("...`"), "{message}");
    }
}
