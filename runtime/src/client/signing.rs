//! SigV4 request signing, with `aws-sigv4`.

use std::time::SystemTime;

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
use aws_sigv4::sign::v4::SigningParams;
use aws_smithy_runtime_api::client::identity::Identity;
use bytes::Bytes;
use http::HeaderValue;

/// Why a request could not be signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SignError {
    /// A header value is not visible ASCII, which SigV4 cannot sign: an encoding problem.
    Header(String),
    /// The signer failed, or produced a header HTTP cannot carry (e.g. a session token with a
    /// line break): a credentials problem.
    Signing(String),
}

/// Signs `request` in place for `service` in `region` at `time`: adds `x-amz-date`,
/// `authorization` and, with a session token, `x-amz-security-token`. The URI must be
/// absolute and every header (`host` included) already set; the payload's SHA-256 is part of
/// the signature. Uses the default settings, which are the ones for every service but S3:
/// the path is normalized and percent-encoded again for the canonical request, and the
/// session token is signed.
pub(crate) fn sign_request(
    request: &mut http::Request<Bytes>,
    credentials: &Credentials,
    region: &str,
    service: &str,
    time: SystemTime,
) -> Result<(), SignError> {
    let identity = Identity::from(credentials.clone());
    let params = SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name(service)
        .time(time)
        .settings(SigningSettings::default())
        .build()
        .map_err(|e| SignError::Signing(format!("could not sign the request: {e}")))?
        .into();

    let mut headers = Vec::with_capacity(request.headers().len());
    for (name, value) in request.headers() {
        let value = value.to_str().map_err(|_| {
            SignError::Header(format!(
                "header {name} has a value that is not visible ASCII and cannot be signed"
            ))
        })?;
        headers.push((name.as_str(), value));
    }
    let uri = request.uri().to_string();
    let signable = SignableRequest::new(
        request.method().as_str(),
        uri,
        headers.into_iter(),
        SignableBody::Bytes(request.body()),
    )
    .map_err(|e| SignError::Signing(format!("could not sign the request: {e}")))?;
    let (instructions, _signature) = sign(signable, &params)
        .map_err(|e| SignError::Signing(format!("could not sign the request: {e}")))?
        .into_parts();

    // Applied by hand rather than with `apply_to_request_http1x`, which panics on a header
    // value HTTP cannot carry; with headers as the signature's location there are no query
    // parameters to add.
    let (new_headers, _params) = instructions.into_parts();
    for header in new_headers {
        let mut value = HeaderValue::from_str(header.value()).map_err(|_| {
            SignError::Signing(format!(
                "the signature's {} header is not a valid header value",
                header.name()
            ))
        })?;
        // The signature can be replayed until it expires, so it is as sensitive as the token:
        // it stays out of `Debug` output.
        value.set_sensitive(header.sensitive() || header.name() == "authorization");
        request.headers_mut().insert(header.name(), value);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn request(body: &'static str) -> http::Request<Bytes> {
        let mut request = http::Request::new(Bytes::from_static(body.as_bytes()));
        *request.method_mut() = http::Method::POST;
        *request.uri_mut() = "https://ivs.us-west-2.amazonaws.com/GetChannel".parse().unwrap();
        request
            .headers_mut()
            .insert("host", HeaderValue::from_static("ivs.us-west-2.amazonaws.com"));
        request
            .headers_mut()
            .insert("content-type", HeaderValue::from_static("application/json"));
        request
    }

    /// 2015-08-30T12:36:00Z, the SigV4 test suite's time.
    fn time() -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(1_440_938_160)
    }

    #[test]
    fn adds_the_signature_headers() {
        let mut request = request("{}");
        let credentials = Credentials::new(
            "AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            None,
            None,
            "test",
        );
        sign_request(&mut request, &credentials, "us-west-2", "ivs", time()).unwrap();
        let headers = request.headers();
        assert_eq!(headers["x-amz-date"], "20150830T123600Z");
        let authorization = headers["authorization"].to_str().unwrap();
        assert!(
            authorization.starts_with(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-west-2/ivs/aws4_request, \
                 SignedHeaders=content-type;host;x-amz-date, Signature="
            ),
            "{authorization}"
        );
        assert!(headers["authorization"].is_sensitive());
        assert!(!headers.contains_key("x-amz-security-token"));

        // The body is signed: another body, another signature.
        let mut other = self::request("{\"a\":1}");
        sign_request(&mut other, &credentials, "us-west-2", "ivs", time()).unwrap();
        assert_ne!(other.headers()["authorization"], request.headers()["authorization"]);
    }

    #[test]
    fn session_tokens_are_sent_and_signed() {
        let mut request = request("");
        let credentials = Credentials::new("AKID", "SECRET", Some("TOKEN".into()), None, "test");
        sign_request(&mut request, &credentials, "us-west-2", "ivs", time()).unwrap();
        assert_eq!(request.headers()["x-amz-security-token"], "TOKEN");
        let authorization = request.headers()["authorization"].to_str().unwrap();
        assert!(authorization.contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token"));
    }

    #[test]
    fn unsignable_requests_are_errors_not_panics() {
        let mut request = request("");
        let credentials = Credentials::new("AKID", "SECRET", Some("bad\ntoken".into()), None, "test");
        let error = sign_request(&mut request, &credentials, "us-west-2", "ivs", time()).unwrap_err();
        assert!(matches!(error, SignError::Signing(_)), "{error:?}");
        assert!(!format!("{error:?}").contains("bad"), "{error:?}");

        let mut request = self::request("");
        request
            .headers_mut()
            .insert("x-custom", HeaderValue::from_bytes(b"caf\xc3\xa9").unwrap());
        let credentials = Credentials::new("AKID", "SECRET", None, None, "test");
        let error = sign_request(&mut request, &credentials, "us-west-2", "ivs", time()).unwrap_err();
        assert!(matches!(error, SignError::Header(_)), "{error:?}");
    }
}
