//! Changes the operation's traits make to an encoded request body before it is signed:
//! `@requestCompression` (gzip) and `@httpChecksumRequired` (`Content-MD5`).

use std::io::Write;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use bytes::Bytes;
use flate2::Compression;
use flate2::write::GzEncoder;
use http::header::{HeaderMap, HeaderName, HeaderValue};
use md5::{Digest, Md5};

use crate::protocol::EncodeError;

/// The default of [`ConfigBuilder::request_min_compression_size_bytes`](super::ConfigBuilder::request_min_compression_size_bytes), as the spec sets it.
pub const DEFAULT_REQUEST_MIN_COMPRESSION_SIZE_BYTES: u32 = 10_240;
/// The largest minimum compression size the spec allows (10 MiB).
pub const MAX_REQUEST_MIN_COMPRESSION_SIZE_BYTES: u32 = 10_485_760;

const CONTENT_ENCODING: HeaderName = http::header::CONTENT_ENCODING;
const CONTENT_MD5: HeaderName = HeaderName::from_static("content-md5");

/// Compresses `body` with the first of `encodings` this client supports (only `gzip` is),
/// when the body has at least `min_size` bytes, and appends the encoding to
/// `Content-Encoding` after any the input set (`custom` becomes `custom, gzip`), as the spec
/// orders. A body is sent as it is when no encoding is supported or it is smaller.
pub(crate) fn compress(
    encodings: &[&str],
    min_size: u32,
    headers: &mut HeaderMap,
    body: Bytes,
) -> Result<Bytes, EncodeError> {
    // "Only the first supported algorithm", and the rest are not considered.
    let Some(encoding) = encodings.iter().find(|e| e.eq_ignore_ascii_case("gzip")) else {
        return Ok(body);
    };
    if (body.len() as u64) < u64::from(min_size) {
        return Ok(body);
    }
    let compressed = gzip(&body).map_err(|e| EncodeError::new(format!("could not compress the body: {e}")))?;
    let mut codings: Vec<String> = Vec::new();
    for value in headers.get_all(&CONTENT_ENCODING) {
        let value = value
            .to_str()
            .map_err(|_| EncodeError::new("the Content-Encoding header is not text"))?;
        codings.extend(
            value
                .split(',')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_owned),
        );
    }
    codings.push(encoding.to_ascii_lowercase());
    let value = HeaderValue::from_str(&codings.join(", "))
        .map_err(|_| EncodeError::new("the Content-Encoding header is not a valid header value"))?;
    headers.insert(CONTENT_ENCODING, value);
    Ok(Bytes::from(compressed))
}

/// gzip at flate2's default level, the "balanced" setting the spec asks for.
fn gzip(body: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::with_capacity(body.len() / 2), Compression::default());
    encoder.write_all(body)?;
    encoder.finish()
}

/// Sets `Content-MD5` to the base64 MD5 of `body`, the bytes sent (after compression: RFC
/// 1864 digests the body with its content coding applied). It replaces a value the input
/// may have bound to the header, which could not match a body compressed here.
pub(crate) fn add_content_md5(headers: &mut HeaderMap, body: &[u8]) -> Result<(), EncodeError> {
    let digest = Md5::digest(body);
    // Base64 is always a valid header value; the error is only there to avoid a panic path.
    let value = HeaderValue::from_str(&STANDARD.encode(digest))
        .map_err(|_| EncodeError::new("the Content-MD5 value is not a valid header value"))?;
    headers.insert(CONTENT_MD5, value);
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use flate2::read::GzDecoder;

    use super::*;

    fn gunzip(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        GzDecoder::new(bytes).read_to_end(&mut out).unwrap();
        out
    }

    #[test]
    fn a_large_enough_body_is_gzipped_and_the_encoding_appended() {
        let body = Bytes::from("a".repeat(2000));
        let mut headers = HeaderMap::new();
        let sent = compress(&["gzip"], 1000, &mut headers, body.clone()).unwrap();
        assert_eq!(gunzip(&sent), body);
        assert!(sent.len() < body.len());
        assert_eq!(headers.get("content-encoding").unwrap(), "gzip");

        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_ENCODING, HeaderValue::from_static("custom"));
        compress(&["gzip"], 0, &mut headers, body.clone()).unwrap();
        assert_eq!(headers.get("content-encoding").unwrap(), "custom, gzip");
        assert_eq!(headers.get_all("content-encoding").iter().count(), 1);
    }

    #[test]
    fn small_bodies_and_unsupported_encodings_are_sent_as_they_are() {
        let body = Bytes::from("a".repeat(999));
        let mut headers = HeaderMap::new();
        assert_eq!(compress(&["gzip"], 1000, &mut headers, body.clone()).unwrap(), body);
        assert_eq!(compress(&["br", "zstd"], 0, &mut headers, body.clone()).unwrap(), body);
        assert!(headers.is_empty());
        // The first supported encoding is used, whatever comes before it.
        let sent = compress(&["br", "gzip"], 0, &mut headers, body.clone()).unwrap();
        assert_eq!(gunzip(&sent), body);
        // The minimum is inclusive: a body of exactly that size is compressed.
        let mut headers = HeaderMap::new();
        let sent = compress(&["gzip"], 999, &mut headers, body.clone()).unwrap();
        assert_eq!(gunzip(&sent), body);
    }

    #[test]
    fn content_md5_is_the_base64_digest_of_the_body() {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_MD5, HeaderValue::from_static("stale"));
        add_content_md5(&mut headers, b"{\"foo\":\"base64 encoded md5 checksum\"}").unwrap();
        // The value Smithy's compliance case RestJsonHttpChecksumRequired expects.
        assert_eq!(headers.get("content-md5").unwrap(), "iB0/3YSo7maijL0IGOgA9g==");
        add_content_md5(&mut headers, b"").unwrap();
        assert_eq!(headers.get("content-md5").unwrap(), "1B2M2Y8AsgTpgAmY7PhCfg==");
    }
}
