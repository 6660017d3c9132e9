//! The unit value: a union variant that carries nothing, written `{}` on the wire.

use serde::{Deserialize, Serialize};

/// No value. Serializes as the empty JSON object `{}` (restJson1's form of a unit union
/// member) and accepts any object, ignoring its members.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Unit {}

/// A `Unit` input or output has nothing to check.
impl crate::Validate for Unit {
    fn validate_into(&self, _v: &mut crate::Validator) {}
}

#[cfg(test)]
mod tests {
    use super::Unit;

    #[test]
    fn unit_is_an_empty_object_on_the_wire() {
        assert_eq!(serde_json::to_string(&Unit {}).unwrap(), "{}");
        assert_eq!(serde_json::from_str::<Unit>("{}").unwrap(), Unit {});
        assert_eq!(serde_json::from_str::<Unit>(r#"{"ignored": 1}"#).unwrap(), Unit {});
        assert!(serde_json::from_str::<Unit>("1").is_err());
    }
}
