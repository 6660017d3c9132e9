//! Decoding where a structure is a JSON object, and nothing else.
//!
//! serde's derived `Deserialize` for a struct also accepts a sequence, filling the fields by
//! position: `["demo","LOW","BASIC",true]` would decode as a `CreateChannelRequest` named
//! `demo`. restJson1 has no such form, and a server that accepts it lets callers slip values
//! past checks that look at member names. [`Strict`] wraps any serde [`Deserializer`] so
//! that every `deserialize_struct` call, at any depth, refuses a sequence; everything else
//! passes through unchanged (and without copying: borrowed strings stay borrowed).
//!
//! The wrapping has to follow the decoding down: a nested structure is reached through a
//! sequence's elements, a map's values, an option's content or an enum's variant, each of
//! which hands a new deserializer to a seed or visitor. So the visitor, the accessors and
//! the seeds are wrapped too, each wrapping what it hands on.
//!
//! This is done here, in the runtime, rather than with a hand-written `Deserialize` per
//! generated structure: the generated types keep serde's derive, and every decoding entry
//! point ([`crate::rest_json::json_body`], union members) goes through [`Strict`].

use std::fmt;

use serde::de::{
    DeserializeSeed, Deserializer, EnumAccess, Error as _, MapAccess, SeqAccess, Unexpected, VariantAccess, Visitor,
};

/// A deserializer (or accessor, seed or visitor) whose structures must be JSON objects.
#[derive(Debug, Clone, Copy)]
pub struct Strict<T>(pub T);

/// Decodes `T` from JSON text, structures only from objects; trailing text is an error,
/// as with `serde_json::from_slice`.
pub fn from_slice<'de, T: serde::Deserialize<'de>>(json: &'de [u8]) -> Result<T, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_slice(json);
    let value = T::deserialize(Strict(&mut deserializer))?;
    deserializer.end()?;
    Ok(value)
}

/// A visitor wrapped by [`Strict`]: `structure` is set when it was handed to
/// `deserialize_struct`, so a sequence is refused.
struct StrictVisitor<V> {
    inner: V,
    structure: bool,
}

fn wrap<V>(inner: V) -> StrictVisitor<V> {
    StrictVisitor {
        inner,
        structure: false,
    }
}

macro_rules! forward_deserialize {
    ($($method:ident),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            self.0.$method(wrap(visitor))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    forward_deserialize!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
        deserialize_ignored_any,
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_unit_struct(name, wrap(visitor))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_newtype_struct(name, wrap(visitor))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple(len, wrap(visitor))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple_struct(name, len, wrap(visitor))
    }

    /// The one place that differs: the visitor refuses a sequence.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = StrictVisitor {
            inner: visitor,
            structure: true,
        };
        self.0.deserialize_struct(name, fields, visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_enum(name, variants, wrap(visitor))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

macro_rules! forward_visit {
    ($($method:ident($ty:ty)),* $(,)?) => {$(
        fn $method<E: serde::de::Error>(self, value: $ty) -> Result<V::Value, E> {
            self.inner.$method(value)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for StrictVisitor<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)?;
        if self.structure {
            f.write_str(" (a JSON object)")?;
        }
        Ok(())
    }

    forward_visit!(
        visit_bool(bool),
        visit_i8(i8),
        visit_i16(i16),
        visit_i32(i32),
        visit_i64(i64),
        visit_i128(i128),
        visit_u8(u8),
        visit_u16(u16),
        visit_u32(u32),
        visit_u64(u64),
        visit_u128(u128),
        visit_f32(f32),
        visit_f64(f64),
        visit_char(char),
        visit_str(&str),
        visit_borrowed_str(&'de str),
        visit_string(String),
        visit_bytes(&[u8]),
        visit_borrowed_bytes(&'de [u8]),
        visit_byte_buf(Vec<u8>),
    );

    fn visit_none<E: serde::de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.inner.visit_some(Strict(deserializer))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.inner.visit_newtype_struct(Strict(deserializer))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        if self.structure {
            return Err(A::Error::invalid_type(Unexpected::Seq, &self));
        }
        self.inner.visit_seq(Strict(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.inner.visit_map(Strict(map))
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.inner.visit_enum(Strict(data))
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Strict<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Strict(deserializer))
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Strict<A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(Strict(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Strict<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(Strict(seed))
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(Strict(seed))
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Strict<A> {
    type Error = A::Error;
    type Variant = Strict<A::Variant>;

    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Self::Variant), A::Error> {
        self.0
            .variant_seed(Strict(seed))
            .map(|(value, variant)| (value, Strict(variant)))
    }
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for Strict<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(Strict(seed))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, wrap(visitor))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let visitor = StrictVisitor {
            inner: visitor,
            structure: true,
        };
        self.0.struct_variant(fields, visitor)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize, PartialEq, Default)]
    struct Inner {
        a: Option<i32>,
        b: Option<String>,
    }

    #[derive(Debug, Deserialize, PartialEq, Default)]
    struct Outer {
        name: Option<String>,
        inner: Option<Inner>,
        list: Option<Vec<Inner>>,
        map: Option<BTreeMap<String, Inner>>,
        boxed: Option<Box<Inner>>,
    }

    fn strict<'a, T: Deserialize<'a>>(json: &'a str) -> Result<T, String> {
        from_slice(json.as_bytes()).map_err(|e| e.to_string())
    }

    #[test]
    fn serde_alone_fills_structures_from_arrays() {
        // What this module exists for: the derive takes a sequence by position.
        let loose: Inner = serde_json::from_str("[1, \"x\"]").unwrap();
        assert_eq!(loose.a, Some(1));
    }

    #[test]
    fn a_top_level_array_is_not_a_structure() {
        let error = strict::<Inner>("[1, \"x\"]").unwrap_err();
        assert!(
            error.starts_with("invalid type: sequence, expected struct Inner"),
            "{error}"
        );
    }

    #[test]
    fn nested_arrays_are_not_structures_at_any_depth() {
        for json in [
            r#"{"inner": [1, "x"]}"#,
            r#"{"list": [{"a": 1}, [2, "y"]]}"#,
            r#"{"map": {"k": [3]}}"#,
            r#"{"boxed": [4]}"#,
        ] {
            let error = strict::<Outer>(json).unwrap_err();
            assert!(error.contains("sequence, expected struct Inner"), "{json}: {error}");
        }
    }

    #[test]
    fn objects_lists_and_maps_still_decode() {
        let outer: Outer =
            strict(r#"{"name": "n", "inner": {"a": 1}, "list": [{"b": "x"}], "map": {"k": {"a": 2}}, "boxed": null}"#)
                .unwrap();
        assert_eq!(outer.name.as_deref(), Some("n"));
        assert_eq!(outer.inner, Some(Inner { a: Some(1), b: None }));
        assert_eq!(outer.list.unwrap()[0].b.as_deref(), Some("x"));
        assert_eq!(outer.map.unwrap()["k"].a, Some(2));
        assert_eq!(outer.boxed, None);
        let list: Vec<i32> = strict("[1, 2]").unwrap();
        assert_eq!(list, [1, 2]);
    }

    #[test]
    fn trailing_text_is_an_error() {
        assert!(strict::<Inner>("{} x").is_err());
    }

    #[test]
    fn a_wrapped_value_refuses_arrays_too() {
        let value = serde_json::json!({"inner": [1]});
        assert!(Outer::deserialize(Strict(value)).is_err());
        let value = serde_json::json!({"inner": {"a": 1}});
        assert_eq!(Outer::deserialize(Strict(value)).unwrap().inner.unwrap().a, Some(1));
    }
}
