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

#[cfg(test)]
mod tests {
    use super::one_member;
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
}
