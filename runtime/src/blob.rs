//! Smithy `blob`: binary data, base64-encoded in JSON and HTTP headers.

use std::fmt;

use base64::Engine as _;
use base64::alphabet::STANDARD;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Standard alphabet; writes padding, and reads input with or without it.
const ENGINE: GeneralPurpose = GeneralPurpose::new(
    &STANDARD,
    GeneralPurposeConfig::new()
        .with_encode_padding(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// The same, reading only canonical padding: what a server takes from a request.
const PADDED: GeneralPurpose = GeneralPurpose::new(
    &STANDARD,
    GeneralPurposeConfig::new()
        .with_encode_padding(true)
        .with_decode_padding_mode(DecodePaddingMode::RequireCanonical),
);

/// Binary data. Serializes as a base64 string (standard alphabet, with
/// padding); `Debug` shows only the length, as in `Blob(3 bytes)`.
#[derive(Clone, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Blob(Vec<u8>);

impl Blob {
    /// Wraps the bytes.
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Self(bytes.into())
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The bytes, by value.
    pub fn into_inner(self) -> Vec<u8> {
        self.0
    }

    /// The number of bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no bytes.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The base64 text (standard alphabet, with padding).
    pub fn to_base64(&self) -> String {
        ENGINE.encode(&self.0)
    }

    /// Decodes base64 text (standard alphabet; padding optional). A server reading a
    /// request ([`crate::decode_mode::reading_request`]) requires the padding, as restJson1
    /// says (`RestJsonBodyMalformedBlobInvalidBase64`: `xyz` and `YmxvYg=` are refused); a
    /// client reads text without it.
    pub fn from_base64(text: &str) -> Result<Self, BlobError> {
        let engine = if crate::decode_mode::is_reading_request() {
            &PADDED
        } else {
            &ENGINE
        };
        engine.decode(text).map(Self).map_err(|e| BlobError(e.to_string()))
    }
}

/// Text that is not valid base64.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlobError(String);

impl fmt::Display for BlobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid base64 blob: {}", self.0)
    }
}

impl std::error::Error for BlobError {}

impl fmt::Debug for Blob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Blob({} bytes)", self.0.len())
    }
}

impl From<Vec<u8>> for Blob {
    fn from(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }
}

impl From<&[u8]> for Blob {
    fn from(bytes: &[u8]) -> Self {
        Self(bytes.to_vec())
    }
}

impl From<Blob> for Vec<u8> {
    fn from(blob: Blob) -> Self {
        blob.0
    }
}

impl AsRef<[u8]> for Blob {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl Serialize for Blob {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_base64())
    }
}

impl<'de> Deserialize<'de> for Blob {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(BlobVisitor)
    }
}

struct BlobVisitor;

impl Visitor<'_> for BlobVisitor {
    type Value = Blob;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a base64 string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Blob, E> {
        Blob::from_base64(v).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn constructors_and_accessors() {
        let b = Blob::new(*b"abc");
        assert_eq!(b.as_bytes(), b"abc");
        assert_eq!(b.len(), 3);
        assert!(!b.is_empty());
        assert!(Blob::default().is_empty());
        assert_eq!(Blob::from(b"abc".as_slice()), b);
        assert_eq!(Blob::from(b"abc".to_vec()), b);
        assert_eq!(b.as_ref(), b"abc");
        assert_eq!(Vec::from(b.clone()), b"abc");
        assert_eq!(b.clone().into_inner(), b"abc");
        let set: HashSet<Blob> = [b.clone(), b.clone(), Blob::default()].into_iter().collect();
        assert_eq!(set.len(), 2);
    }

    #[test]
    fn debug_shows_only_the_length() {
        assert_eq!(format!("{:?}", Blob::new(*b"secret")), "Blob(6 bytes)");
        assert_eq!(format!("{:?}", Blob::default()), "Blob(0 bytes)");
    }

    #[test]
    fn serializes_padded_standard_base64() {
        let cases: [(&[u8], &str); 6] = [
            (b"", r#""""#),
            (b"f", r#""Zg==""#),
            (b"fo", r#""Zm8=""#),
            (b"foo", r#""Zm9v""#),
            (&[0xfb, 0xff, 0xfe], r#""+//+""#),
            (b"hello world", r#""aGVsbG8gd29ybGQ=""#),
        ];
        for (bytes, json) in cases {
            assert_eq!(serde_json::to_string(&Blob::from(bytes)).unwrap(), json);
            assert_eq!(serde_json::from_str::<Blob>(json).unwrap().as_bytes(), bytes);
        }
    }

    #[test]
    fn round_trips_all_byte_values() {
        let all: Vec<u8> = (0..=255).collect();
        let b = Blob::new(all);
        let json = serde_json::to_string(&b).unwrap();
        assert_eq!(serde_json::from_str::<Blob>(&json).unwrap(), b);
        let value = serde_json::to_value(&b).unwrap();
        assert_eq!(serde_json::from_value::<Blob>(value).unwrap(), b);
        assert_eq!(Blob::from_base64(&b.to_base64()), Ok(b));
    }

    #[test]
    fn accepts_missing_padding() {
        assert_eq!(Blob::from_base64("Zg").unwrap().as_bytes(), b"f");
        assert_eq!(Blob::from_base64("Zm8").unwrap().as_bytes(), b"fo");
        // Partial padding is tolerated too.
        assert_eq!(Blob::from_base64("Zg=").unwrap().as_bytes(), b"f");
    }

    #[test]
    fn a_server_requires_the_padding() {
        use crate::decode_mode::reading_request;
        // RestJsonBodyMalformedBlobInvalidBase64 and RestJsonHeaderMalformedStringInvalidBase64MediaType.
        for bad in ["xyz", "YmxvYg=", "Zg", "Zg=", "[][]", "-_=="] {
            assert!(reading_request(|| Blob::from_base64(bad)).is_err(), "{bad}");
        }
        assert!(reading_request(|| serde_json::from_str::<Blob>(r#""YmxvYg=""#)).is_err());
        assert_eq!(
            reading_request(|| Blob::from_base64("YmxvYg==")).unwrap().as_bytes(),
            b"blob"
        );
        assert_eq!(reading_request(|| Blob::from_base64("")).unwrap().as_bytes(), b"");
    }

    #[test]
    fn rejects_bad_input() {
        for bad in ["Z", "Zm9v!", "Zm 9v", "-_-_", "Zm9v\n", "Zh=="] {
            let e = Blob::from_base64(bad).unwrap_err();
            assert!(e.to_string().starts_with("invalid base64 blob: "), "{bad:?}: {e}");
        }
        let err = serde_json::from_str::<Blob>(r#""@@@""#).unwrap_err().to_string();
        assert!(err.starts_with("invalid base64 blob: "), "{err}");
        let err = serde_json::from_str::<Blob>("[1,2]").unwrap_err().to_string();
        assert!(err.contains("expected a base64 string"), "{err}");
        let _: &dyn std::error::Error = &Blob::from_base64("!").unwrap_err();
    }
}
