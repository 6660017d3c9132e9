//! Request bodies compressed by the client (`@requestCompression`): the server undoes the
//! `gzip` coding before decoding.
//!
//! A client compresses after encoding and names the coding last in `Content-Encoding`, after
//! any value the input itself bound to that header (`custom, gzip`). The server therefore
//! takes trailing `gzip` codings off the header and off the body, and leaves the rest of the
//! header to the input's `@httpHeader("Content-Encoding")` member (`custom`). Other codings
//! are the application's business and stay as they are.
//!
//! The signature covers the bytes sent, so this runs after authentication. The decompressed
//! body is held to the same limit as a plain one: a small request that expands to gigabytes
//! is refused with 413 after reading at most one byte past the limit.

use std::io::Read;

use bytes::Bytes;
use http::HeaderMap;
use http::header::CONTENT_ENCODING;

/// Why a compressed body was refused.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// The body is not valid gzip; the text says what was wrong.
    Malformed(String),
    /// The decompressed body is larger than the limit.
    TooLarge,
}

/// How many trailing `gzip` codings are undone at most: a client applies one; more are only
/// a way to make the server work.
const MAX_GZIP_LAYERS: usize = 2;

/// `body` with its trailing `gzip` codings undone (at most [`MAX_GZIP_LAYERS`], the result at
/// most `limit` bytes), and `headers`' `Content-Encoding` left with the other codings (removed
/// when none is left). A body without a `gzip` coding comes back as it was.
pub(crate) fn decode(headers: &mut HeaderMap, body: Bytes, limit: usize) -> Result<Bytes, Refusal> {
    let mut codings: Vec<String> = headers
        .get_all(CONTENT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty())
        .collect();
    let mut layers = 0;
    while codings.last().is_some_and(|c| c.eq_ignore_ascii_case("gzip")) {
        codings.pop();
        layers += 1;
    }
    if layers == 0 {
        return Ok(body);
    }
    if layers > MAX_GZIP_LAYERS {
        return Err(Refusal::Malformed(format!(
            "Content-Encoding names gzip {layers} times; at most {MAX_GZIP_LAYERS} are undone"
        )));
    }
    // An empty body has nothing to undo (a client sends none when there is nothing to say).
    let mut body = body;
    for _ in 0..layers {
        if body.is_empty() {
            break;
        }
        body = gunzip(&body, limit)?;
    }
    headers.remove(CONTENT_ENCODING);
    if !codings.is_empty()
        && let Ok(rest) = http::HeaderValue::from_str(&codings.join(", "))
    {
        headers.insert(CONTENT_ENCODING, rest);
    }
    Ok(body)
}

/// One gzip layer undone, refusing output past `limit` bytes.
fn gunzip(compressed: &[u8], limit: usize) -> Result<Bytes, Refusal> {
    let decoder = flate2::read::MultiGzDecoder::new(compressed);
    let mut out = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    decoder
        .take(cap)
        .read_to_end(&mut out)
        .map_err(|e| Refusal::Malformed(format!("The gzip request body cannot be decompressed: {e}")))?;
    if out.len() > limit {
        return Err(Refusal::TooLarge);
    }
    Ok(Bytes::from(out))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn gzip(bytes: &[u8]) -> Bytes {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(bytes).unwrap();
        Bytes::from(encoder.finish().unwrap())
    }

    fn headers(encoding: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_ENCODING, encoding.parse().unwrap());
        headers
    }

    #[test]
    fn a_trailing_gzip_is_undone_and_taken_off_the_header() {
        let mut h = headers("custom, gzip");
        let body = decode(&mut h, gzip(br#"{"data":"x"}"#), 1024).unwrap();
        assert_eq!(body, &br#"{"data":"x"}"#[..]);
        assert_eq!(h[CONTENT_ENCODING], "custom");

        let mut h = headers("GZIP");
        assert_eq!(decode(&mut h, gzip(b"{}"), 1024).unwrap(), &b"{}"[..]);
        assert!(h.get(CONTENT_ENCODING).is_none());
    }

    #[test]
    fn other_codings_and_plain_bodies_are_left_alone() {
        for encoding in ["custom", "gzip, custom", "identity"] {
            let mut h = headers(encoding);
            let body = Bytes::from_static(b"raw");
            assert_eq!(decode(&mut h, body.clone(), 1024).unwrap(), body, "{encoding}");
            assert_eq!(h[CONTENT_ENCODING], encoding);
        }
        let mut h = headers("custom, gzip");
        assert_eq!(decode(&mut h, Bytes::new(), 1024).unwrap(), Bytes::new());
        assert_eq!(h[CONTENT_ENCODING], "custom");
        let mut none = HeaderMap::new();
        assert_eq!(
            decode(&mut none, Bytes::from_static(b"raw"), 1024).unwrap(),
            &b"raw"[..]
        );
    }

    #[test]
    fn bad_gzip_is_malformed_and_a_bomb_is_too_large() {
        let mut h = headers("gzip");
        let error = decode(&mut h, Bytes::from_static(b"not gzip"), 1024).unwrap_err();
        assert!(
            matches!(&error, Refusal::Malformed(m) if m.contains("cannot be decompressed")),
            "{error:?}"
        );

        let bomb = gzip(&vec![0u8; 1 << 20]);
        assert!(bomb.len() < 4096, "{}", bomb.len());
        let mut h = headers("gzip");
        assert_eq!(decode(&mut h, bomb, 64 * 1024), Err(Refusal::TooLarge));
    }

    #[test]
    fn only_two_layers_are_undone() {
        let twice = gzip(&gzip(b"{}"));
        assert_eq!(decode(&mut headers("gzip, gzip"), twice, 1024).unwrap(), &b"{}"[..]);
        let error = decode(&mut headers("gzip, gzip, gzip"), gzip(b"{}"), 1024).unwrap_err();
        assert!(matches!(error, Refusal::Malformed(_)));
    }
}
