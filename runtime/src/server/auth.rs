//! Verifying AWS Signature Version 4 on incoming requests.
//!
//! The signature is not recomputed by hand: the request is rebuilt as the client signed it
//! (its method, URI, exactly the headers its `SignedHeaders` names, its body) and signed again
//! with the `aws-sigv4` crate at the request's own `X-Amz-Date`, with the caller's secret; the
//! two signatures are then compared in constant time. So the server accepts exactly what the
//! AWS SDKs' signer produces, for whichever headers the client chose to sign (botocore signs
//! `user-agent` and `content-length` on some requests, the Rust SDK does not).
//!
//! The canonical request is built the way every AWS service but S3 expects it: the path
//! normalized and its `%` escapes encoded again (`PercentEncodingMode::Double`). The payload
//! hash is the body's: when the client signed an `x-amz-content-sha256` header holding a
//! SHA-256, the signature is first checked with that hash, before the body is read (so a
//! caller without the secret cannot make the server read a body), and the body's hash must
//! then equal it; without that header the body is read (at most the body limit) and hashed.
//! `UNSIGNED-PAYLOAD` or a streaming (chunk-signed) payload fails. Only the `Authorization`
//! header form is accepted (no presigned query strings), with `X-Amz-Date` (not `Date`).
//!
//! Stricter than the signature alone, as AWS is: a request with two `Authorization` or
//! `X-Amz-Date` headers, or whose `SignedHeaders` is not lower case, sorted and unique, or
//! names a header the request does not have, is refused (`IncompleteSignatureException`)
//! even if its signature would match.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use http::header::{AUTHORIZATION, HOST};
use sha2::Digest as _;
use time::OffsetDateTime;
use time::macros::format_description;

/// 403: the request has no `Authorization` header.
pub(crate) const MISSING_AUTHENTICATION_TOKEN: &str = "MissingAuthenticationTokenException";
/// 403: the `Authorization` or `X-Amz-Date` header is malformed, or does not sign `host`
/// and `x-amz-date`.
pub(crate) const INCOMPLETE_SIGNATURE: &str = "IncompleteSignatureException";
/// 403: the signature does not match, is for another region, service or date, or the
/// request's date is too far from the server's clock.
pub(crate) const INVALID_SIGNATURE: &str = "InvalidSignatureException";
/// 403: the access key id is not one the server knows.
pub(crate) const UNRECOGNIZED_CLIENT: &str = "UnrecognizedClientException";

const ALGORITHM: &str = "AWS4-HMAC-SHA256";
const X_AMZ_DATE: &str = "x-amz-date";
const X_AMZ_CONTENT_SHA256: &str = "x-amz-content-sha256";
/// The `X-Amz-Date` format: ISO 8601 basic, in UTC.
const AMZ_DATE: &[time::format_description::BorrowedFormatItem<'static>] =
    format_description!("[year][month][day]T[hour][minute][second]Z");

/// Where the server's idea of "now" comes from (replaceable in tests).
type Clock = Arc<dyn Fn() -> SystemTime + Send + Sync>;

/// Which callers the server accepts: SigV4-signed requests for one region and signing name,
/// with one of a set of access keys.
///
/// ```
/// use smithy_runtime::server::Auth;
/// let auth = Auth::new("us-west-2", "ivs").key("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
/// ```
#[derive(Clone)]
pub struct Auth {
    keys: HashMap<String, String>,
    region: String,
    signing_name: String,
    max_clock_skew: Duration,
    clock: Clock,
}

impl fmt::Debug for Auth {
    // Secrets never appear, and the access key ids only as a count.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Auth")
            .field("keys", &format_args!("{} access keys", self.keys.len()))
            .field("region", &self.region)
            .field("signing_name", &self.signing_name)
            .field("max_clock_skew", &self.max_clock_skew)
            .finish_non_exhaustive()
    }
}

impl Auth {
    /// Accepts requests signed for `region` and the service `signing_name` (e.g. `ivs`), with
    /// no keys yet, and a maximum clock skew of 15 minutes (what AWS allows).
    pub fn new(region: impl Into<String>, signing_name: impl Into<String>) -> Self {
        Auth {
            keys: HashMap::new(),
            region: region.into(),
            signing_name: signing_name.into(),
            max_clock_skew: Duration::from_secs(15 * 60),
            clock: Arc::new(SystemTime::now),
        }
    }

    /// Also accepts this access key id, signing with this secret access key.
    pub fn key(mut self, access_key_id: impl Into<String>, secret_access_key: impl Into<String>) -> Self {
        self.keys.insert(access_key_id.into(), secret_access_key.into());
        self
    }

    /// Also accepts these access key ids, each with its secret access key.
    pub fn keys<K: Into<String>, S: Into<String>>(mut self, keys: impl IntoIterator<Item = (K, S)>) -> Self {
        self.keys.extend(keys.into_iter().map(|(k, s)| (k.into(), s.into())));
        self
    }

    /// How far a request's `X-Amz-Date` may be from the server's clock, either way.
    pub fn max_clock_skew(mut self, skew: Duration) -> Self {
        self.max_clock_skew = skew;
        self
    }

    /// Replaces the server's clock (the system clock by default), e.g. to test expiry.
    pub fn clock(mut self, clock: impl Fn() -> SystemTime + Send + Sync + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// The region requests must be signed for.
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The signing name (service) requests must be signed for.
    pub fn signing_name(&self) -> &str {
        &self.signing_name
    }

    /// Verifies a request's signature over its head and whole body; returns the caller's
    /// access key id.
    pub fn verify(&self, parts: &http::request::Parts, body: &[u8]) -> Result<String, AuthError> {
        let claim = self.check_headers(parts)?;
        self.check_signature(parts, body, &claim)?;
        Ok(claim.access_key_id)
    }

    /// Every check that needs no body: the header's shape, the scope, the key, the clock.
    /// Done before the body is read, so an unauthenticated caller cannot make the server
    /// buffer a body.
    pub(crate) fn check_headers(&self, parts: &http::request::Parts) -> Result<Claim, AuthError> {
        let Some(authorization) = parts.headers.get(AUTHORIZATION) else {
            return Err(AuthError::new(
                MISSING_AUTHENTICATION_TOKEN,
                "Missing Authentication Token",
            ));
        };
        // A second header could carry another signature than the one checked.
        for name in [AUTHORIZATION.as_str(), X_AMZ_DATE] {
            if parts.headers.get_all(name).iter().nth(1).is_some() {
                return Err(AuthError::incomplete(&format!(
                    "The request must carry exactly one '{name}' header."
                )));
            }
        }
        let authorization = authorization
            .to_str()
            .map_err(|_| AuthError::incomplete("The Authorization header is not visible ASCII."))?;
        let header = parse_authorization(authorization)?;

        let Some(date) = parts.headers.get(X_AMZ_DATE) else {
            return Err(AuthError::incomplete(
                "Authorization header requires existence of a 'X-Amz-Date' header.",
            ));
        };
        let date = date.to_str().ok().and_then(|d| parse_amz_date(d).map(|t| (d, t)));
        let Some((date, time)) = date else {
            return Err(AuthError::incomplete(
                "The X-Amz-Date header must be an ISO 8601 basic date-time in UTC, such as 20150830T123600Z.",
            ));
        };
        if !header.signed_headers.contains(&HOST.as_str()) || parts.headers.get(HOST).is_none() {
            return Err(AuthError::incomplete(
                "'Host' must be a 'SignedHeader' in the AWS Authorization.",
            ));
        }
        if !header.signed_headers.contains(&X_AMZ_DATE) {
            return Err(AuthError::incomplete(
                "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.",
            ));
        }
        // The canonical form signers write: anything else was not made by a signer.
        let canonical = header.signed_headers.is_sorted_by(|a, b| a < b)
            && header
                .signed_headers
                .iter()
                .all(|name| !name.is_empty() && !name.bytes().any(|b| b.is_ascii_uppercase()));
        if !canonical {
            return Err(AuthError::incomplete(
                "'SignedHeaders' must list header names in lower case, sorted and without repeats.",
            ));
        }
        if let Some(absent) = header
            .signed_headers
            .iter()
            .find(|name| !parts.headers.contains_key(**name))
        {
            return Err(AuthError::incomplete(&format!(
                "'SignedHeaders' names '{absent}', which the request does not have."
            )));
        }

        if header.region != self.region {
            return Err(AuthError::new(
                INVALID_SIGNATURE,
                format!(
                    "Credential should be scoped to a valid region, not '{}'.",
                    header.region
                ),
            ));
        }
        if header.service != self.signing_name {
            return Err(AuthError::new(
                INVALID_SIGNATURE,
                format!(
                    "Credential should be scoped to correct service: '{}'.",
                    self.signing_name
                ),
            ));
        }
        if date.get(..8) != Some(header.date) {
            return Err(AuthError::new(
                INVALID_SIGNATURE,
                format!(
                    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: \
                     '{}' != '{}', from '{date}'.",
                    header.date,
                    date.get(..8).unwrap_or(date),
                ),
            ));
        }
        let Some(secret) = self.keys.get(header.access_key_id) else {
            return Err(AuthError::new(
                UNRECOGNIZED_CLIENT,
                "The security token included in the request is invalid.",
            ));
        };
        self.check_clock(date, time)?;

        // A signed payload hash can be checked before the body is read.
        let declared_hash = if header.signed_headers.contains(&X_AMZ_CONTENT_SHA256) {
            parts
                .headers
                .get(X_AMZ_CONTENT_SHA256)
                .and_then(|value| value.to_str().ok())
                .filter(|value| value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit()))
                .map(str::to_ascii_lowercase)
        } else {
            None
        };

        Ok(Claim {
            access_key_id: header.access_key_id.to_owned(),
            secret: secret.clone(),
            time,
            signed_headers: header.signed_headers.iter().map(|h| (*h).to_owned()).collect(),
            signature: header.signature.to_owned(),
            declared_hash,
        })
    }

    /// When the client signed a SHA-256 of its payload (`x-amz-content-sha256`), checks the
    /// signature with that hash, before the body is read; `Ok(false)` when there is none (the
    /// body must be read first).
    pub(crate) fn check_signature_before_body(
        &self,
        parts: &http::request::Parts,
        claim: &Claim,
    ) -> Result<bool, AuthError> {
        let Some(hash) = &claim.declared_hash else {
            return Ok(false);
        };
        let expected = self.signature(parts, SignableBody::Precomputed(hash.clone()), claim)?;
        compare(&expected, claim)?;
        Ok(true)
    }

    /// After [`Auth::check_signature_before_body`] succeeded: the body must be the one signed.
    pub(crate) fn check_declared_hash(&self, body: &[u8], claim: &Claim) -> Result<(), AuthError> {
        let actual = hex(&sha2::Sha256::digest(body));
        match &claim.declared_hash {
            Some(declared) if constant_time_eq(declared.as_bytes(), actual.as_bytes()) => Ok(()),
            _ => Err(AuthError::new(
                INVALID_SIGNATURE,
                "The provided 'x-amz-content-sha256' header does not match what was computed.",
            )),
        }
    }

    /// Rejects a request dated more than the allowed skew away from now, either way.
    fn check_clock(&self, date: &str, time: SystemTime) -> Result<(), AuthError> {
        let now = (self.clock)();
        let skew = self.max_clock_skew;
        let minutes = skew.as_secs() / 60;
        if let Ok(age) = now.duration_since(time)
            && age > skew
        {
            let limit = now.checked_sub(skew).unwrap_or(SystemTime::UNIX_EPOCH);
            return Err(AuthError::new(
                INVALID_SIGNATURE,
                format!(
                    "Signature expired: {date} is now earlier than {} ({} - {minutes} min.)",
                    format_amz_date(limit),
                    format_amz_date(now)
                ),
            ));
        }
        if let Ok(ahead) = time.duration_since(now)
            && ahead > skew
        {
            let limit = now.checked_add(skew).unwrap_or(now);
            return Err(AuthError::new(
                INVALID_SIGNATURE,
                format!(
                    "Signature not yet current: {date} is still later than {} ({} + {minutes} min.)",
                    format_amz_date(limit),
                    format_amz_date(now)
                ),
            ));
        }
        Ok(())
    }

    /// Signs the request again, as the client did, and compares the signatures.
    pub(crate) fn check_signature(
        &self,
        parts: &http::request::Parts,
        body: &[u8],
        claim: &Claim,
    ) -> Result<(), AuthError> {
        let expected = self.signature(parts, SignableBody::Bytes(body), claim)?;
        compare(&expected, claim)
    }

    /// The signature the client should have sent, computed by `aws-sigv4`.
    fn signature(
        &self,
        parts: &http::request::Parts,
        body: SignableBody<'_>,
        claim: &Claim,
    ) -> Result<String, AuthError> {
        let unsignable = |error: &dyn fmt::Display| {
            tracing::debug!(%error, "cannot compute the signature of the request");
            AuthError::new(
                INVALID_SIGNATURE,
                format!("The request cannot be signed as received: {error}"),
            )
        };
        // Exactly the headers the client signed, every value of each, in the order received
        // (aws-sigv4 joins repeated headers with `,` as the canonical request requires).
        let mut headers = Vec::new();
        for name in &claim.signed_headers {
            for value in parts.headers.get_all(name.as_str()) {
                let value = value.to_str().map_err(|_| {
                    AuthError::new(
                        INVALID_SIGNATURE,
                        format!("The signed header '{name}' is not visible ASCII."),
                    )
                })?;
                headers.push((name.as_str(), value));
            }
        }
        let uri = parts.uri.path_and_query().map_or("/", |pq| pq.as_str());
        let request =
            SignableRequest::new(parts.method.as_str(), uri, headers.into_iter(), body).map_err(|e| unsignable(&e))?;

        // No header is excluded: the request only carries the ones the client signed, and a
        // client may well have signed `user-agent` (excluded by aws-sigv4's default).
        let mut settings = SigningSettings::default();
        settings.excluded_headers = None;
        // A security token, when sent and signed, is one of the headers above: the identity
        // must not add one of its own.
        let identity: Identity =
            Credentials::new(&claim.access_key_id, &claim.secret, None, None, "smithy-runtime-server").into();
        let params = v4::SigningParams::builder()
            .identity(&identity)
            .region(&self.region)
            .name(&self.signing_name)
            .time(claim.time)
            .settings(settings)
            .build()
            .map_err(|e| unsignable(&e))?
            .into();
        let output = sign(request, &params).map_err(|e| unsignable(&e))?;
        Ok(output.signature().to_owned())
    }
}

/// What [`Auth::check_headers`] learned, for the signature check once the body is read.
#[derive(Clone)]
pub(crate) struct Claim {
    pub(crate) access_key_id: String,
    secret: String,
    time: SystemTime,
    signed_headers: Vec<String>,
    signature: String,
    /// The signed `x-amz-content-sha256`, when it is a SHA-256 (lower-case hex).
    declared_hash: Option<String>,
}

/// Compares the signature computed with the one the client sent, in constant time.
fn compare(expected: &str, claim: &Claim) -> Result<(), AuthError> {
    if constant_time_eq(expected.as_bytes(), claim.signature.as_bytes()) {
        Ok(())
    } else {
        Err(AuthError::new(
            INVALID_SIGNATURE,
            "The request signature we calculated does not match the signature you provided. \
             Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
        ))
    }
}

/// Lower-case hex of `bytes`.
fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, byte| {
            let _ = write!(out, "{byte:02x}");
            out
        })
}

impl fmt::Debug for Claim {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Claim")
            .field("access_key_id", &self.access_key_id)
            .finish_non_exhaustive()
    }
}

/// Why a request was not authenticated: always answered with status 403.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthError {
    code: &'static str,
    message: String,
}

impl AuthError {
    /// The HTTP status of every authentication failure.
    pub const STATUS: u16 = 403;

    fn new(code: &'static str, message: impl Into<String>) -> Self {
        AuthError {
            code,
            message: message.into(),
        }
    }

    fn incomplete(message: &str) -> Self {
        AuthError::new(INCOMPLETE_SIGNATURE, message)
    }

    /// The error code, one of `MissingAuthenticationTokenException`,
    /// `IncompleteSignatureException`, `InvalidSignatureException` and
    /// `UnrecognizedClientException` (see [the module table](crate::server)).
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// What was wrong, in the words AWS uses.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for AuthError {}

/// `AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request,
/// SignedHeaders=host;x-amz-date, Signature=hex`, taken apart.
#[derive(Debug, PartialEq, Eq)]
struct AuthorizationHeader<'a> {
    access_key_id: &'a str,
    date: &'a str,
    region: &'a str,
    service: &'a str,
    signed_headers: Vec<&'a str>,
    signature: &'a str,
}

fn parse_authorization<'a>(value: &'a str) -> Result<AuthorizationHeader<'a>, AuthError> {
    let rest = value
        .strip_prefix(ALGORITHM)
        .filter(|rest| rest.starts_with(' '))
        .ok_or_else(|| AuthError::incomplete("The Authorization header must use the AWS4-HMAC-SHA256 algorithm."))?;
    let (mut credential, mut signed_headers, mut signature) = (None, None, None);
    for item in rest.split(',').map(str::trim).filter(|item| !item.is_empty()) {
        let (key, value) = item.split_once('=').unwrap_or((item, ""));
        let slot = match key {
            "Credential" => &mut credential,
            "SignedHeaders" => &mut signed_headers,
            "Signature" => &mut signature,
            _ => continue,
        };
        *slot = Some(value);
    }
    let require = |value: Option<&'a str>, name: &str| {
        value
            .filter(|v| !v.is_empty())
            .ok_or_else(|| AuthError::incomplete(&format!("Authorization header requires '{name}' parameter.")))
    };
    let credential = require(credential, "Credential")?;
    let signed_headers = require(signed_headers, "SignedHeaders")?;
    let signature = require(signature, "Signature")?;

    let scope: Vec<&str> = credential.split('/').collect();
    let [access_key_id, date, region, service, "aws4_request"] = scope.as_slice() else {
        return Err(AuthError::incomplete(&format!(
            "Credential must be ACCESS_KEY_ID/YYYYMMDD/REGION/SERVICE/aws4_request, not '{credential}'."
        )));
    };
    if access_key_id.is_empty() || date.len() != 8 || !date.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AuthError::incomplete(&format!(
            "Credential '{credential}' is malformed."
        )));
    }
    if !signature.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(AuthError::incomplete("The Signature must be hexadecimal."));
    }
    Ok(AuthorizationHeader {
        access_key_id,
        date,
        region,
        service,
        signed_headers: signed_headers.split(';').collect(),
        signature,
    })
}

/// `20150830T123600Z`, strictly (the form aws-sigv4 writes, so that signing at the parsed
/// time reproduces the header's text); dates before 1970 are refused.
fn parse_amz_date(text: &str) -> Option<SystemTime> {
    let time = time::PrimitiveDateTime::parse(text, AMZ_DATE).ok()?.assume_utc();
    if time.format(AMZ_DATE).ok()? != text {
        return None;
    }
    let seconds = u64::try_from(time.unix_timestamp()).ok()?;
    SystemTime::UNIX_EPOCH.checked_add(Duration::from_secs(seconds))
}

/// The `X-Amz-Date` form of a time (empty when it cannot be written, e.g. before 1970).
fn format_amz_date(time: SystemTime) -> String {
    let written = time
        .duration_since(SystemTime::UNIX_EPOCH)
        .ok()
        .and_then(|since| time::Duration::try_from(since).ok())
        .and_then(|since| OffsetDateTime::UNIX_EPOCH.checked_add(since))
        .and_then(|time| time.format(AMZ_DATE).ok());
    written.unwrap_or_default()
}

/// Equality whose time does not depend on where the inputs differ (only on their length,
/// which is public: a signature is always 64 hex digits).
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    const AKID: &str = "AKIDEXAMPLE";
    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    const TOKEN: &str = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";

    /// 2015-08-30T12:36:00Z, the time of the AWS SigV4 test suite's requests.
    fn suite_time() -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(1_440_938_160)
    }

    /// The AWS SigV4 test suite's scope, with our clock a minute after its requests.
    fn suite_auth() -> Auth {
        Auth::new("us-east-1", "service")
            .key(AKID, SECRET)
            .clock(|| suite_time() + Duration::from_secs(60))
    }

    fn parts(method: &str, uri: &str, headers: &[(&str, &str)]) -> http::request::Parts {
        let mut builder = http::Request::builder().method(method).uri(uri);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.body(()).unwrap().into_parts().0
    }

    // The AWS SigV4 test suite's `get-vanilla`, `get-vanilla-with-session-token` and
    // `post-x-www-form-urlencoded` requests (aws-signing-test-suite/v4, as shipped with
    // aws-sigv4): signatures computed by AWS, not by the crate under test.
    fn get_vanilla() -> http::request::Parts {
        parts(
            "GET",
            "/",
            &[
                ("host", "example.amazonaws.com"),
                ("x-amz-date", "20150830T123600Z"),
                (
                    "authorization",
                    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, \
                     SignedHeaders=host;x-amz-date, \
                     Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
                ),
            ],
        )
    }

    fn get_with_token() -> http::request::Parts {
        parts(
            "GET",
            "/",
            &[
                ("host", "example.amazonaws.com"),
                ("x-amz-security-token", TOKEN),
                ("x-amz-date", "20150830T123600Z"),
                (
                    "authorization",
                    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, \
                     SignedHeaders=host;x-amz-date;x-amz-security-token, \
                     Signature=07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8",
                ),
            ],
        )
    }

    const FORM_BODY: &[u8] = b"Param1=value1";

    fn post_form() -> http::request::Parts {
        parts(
            "POST",
            "/",
            &[
                ("content-type", "application/x-www-form-urlencoded"),
                ("host", "example.amazonaws.com"),
                ("content-length", "13"),
                ("x-amz-date", "20150830T123600Z"),
                (
                    "x-amz-content-sha256",
                    "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
                ),
                (
                    "authorization",
                    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, \
                     SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date, \
                     Signature=d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b",
                ),
            ],
        )
    }

    fn code(result: Result<String, AuthError>) -> &'static str {
        result.unwrap_err().code()
    }

    #[test]
    fn the_aws_test_suite_requests_verify() {
        assert_eq!(suite_auth().verify(&get_vanilla(), b"").unwrap(), AKID);
        assert_eq!(suite_auth().verify(&get_with_token(), b"").unwrap(), AKID);
        // Signs content-length and x-amz-content-sha256, as botocore does for S3-style requests.
        assert_eq!(suite_auth().verify(&post_form(), FORM_BODY).unwrap(), AKID);
    }

    #[test]
    fn tampering_fails_the_signature() {
        let error = suite_auth().verify(&post_form(), b"Param1=value2").unwrap_err();
        assert_eq!(error.code(), INVALID_SIGNATURE);
        assert!(
            error
                .message()
                .starts_with("The request signature we calculated does not match"),
            "{error}"
        );

        let mut tampered = get_vanilla();
        tampered.uri = "/?a=b".parse().unwrap();
        assert_eq!(code(suite_auth().verify(&tampered, b"")), INVALID_SIGNATURE);

        let mut tampered = get_vanilla();
        tampered.method = http::Method::POST;
        assert_eq!(code(suite_auth().verify(&tampered, b"")), INVALID_SIGNATURE);

        let mut tampered = get_with_token();
        tampered
            .headers
            .insert("x-amz-security-token", "other".parse().unwrap());
        assert_eq!(code(suite_auth().verify(&tampered, b"")), INVALID_SIGNATURE);

        // A signed header that is missing from the request is refused before the signature.
        let mut tampered = get_with_token();
        tampered.headers.remove("x-amz-security-token");
        assert_eq!(code(suite_auth().verify(&tampered, b"")), INCOMPLETE_SIGNATURE);

        // Unsigned headers may change freely.
        let mut extra = get_vanilla();
        extra.headers.insert("user-agent", "anything".parse().unwrap());
        assert!(suite_auth().verify(&extra, b"").is_ok());
    }

    #[test]
    fn a_wrong_secret_fails() {
        let auth = Auth::new("us-east-1", "service")
            .key(AKID, "not-the-secret")
            .clock(suite_time);
        assert_eq!(code(auth.verify(&get_vanilla(), b"")), INVALID_SIGNATURE);
    }

    #[test]
    fn the_scope_must_be_ours() {
        let auth = Auth::new("us-west-2", "service").key(AKID, SECRET).clock(suite_time);
        let error = auth.verify(&get_vanilla(), b"").unwrap_err();
        assert_eq!(error.code(), INVALID_SIGNATURE);
        assert_eq!(
            error.message(),
            "Credential should be scoped to a valid region, not 'us-east-1'."
        );

        let auth = Auth::new("us-east-1", "ivs").key(AKID, SECRET).clock(suite_time);
        let error = auth.verify(&get_vanilla(), b"").unwrap_err();
        assert_eq!(error.code(), INVALID_SIGNATURE);
        assert_eq!(
            error.message(),
            "Credential should be scoped to correct service: 'ivs'."
        );

        let mut other_day = get_vanilla();
        other_day
            .headers
            .insert("x-amz-date", "20150831T000100Z".parse().unwrap());
        let auth = suite_auth().clock(|| suite_time() + Duration::from_secs(11 * 3600 + 25 * 60));
        let error = auth.verify(&other_day, b"").unwrap_err();
        assert_eq!(error.code(), INVALID_SIGNATURE);
        assert!(
            error.message().starts_with("Date in Credential scope does not match"),
            "{error}"
        );
    }

    #[test]
    fn an_unknown_key_is_unrecognized() {
        let auth = Auth::new("us-east-1", "service")
            .key("AKIDOTHER", SECRET)
            .clock(suite_time);
        let error = auth.verify(&get_vanilla(), b"").unwrap_err();
        assert_eq!(error.code(), UNRECOGNIZED_CLIENT);
        assert_eq!(
            error.message(),
            "The security token included in the request is invalid."
        );
    }

    #[test]
    fn the_date_must_be_within_the_skew() {
        let late = suite_auth().clock(|| suite_time() + Duration::from_secs(16 * 60));
        let error = late.verify(&get_vanilla(), b"").unwrap_err();
        assert_eq!(error.code(), INVALID_SIGNATURE);
        assert_eq!(
            error.message(),
            "Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z (20150830T125200Z - 15 min.)"
        );
        let early = suite_auth().clock(|| suite_time() - Duration::from_secs(16 * 60));
        let error = early.verify(&get_vanilla(), b"").unwrap_err();
        assert_eq!(error.code(), INVALID_SIGNATURE);
        assert!(
            error
                .message()
                .starts_with("Signature not yet current: 20150830T123600Z"),
            "{error}"
        );
        // Just inside the limit, both ways.
        let edge = suite_auth().clock(|| suite_time() + Duration::from_secs(15 * 60));
        assert!(edge.verify(&get_vanilla(), b"").is_ok());
        let edge = suite_auth().clock(|| suite_time() - Duration::from_secs(15 * 60));
        assert!(edge.verify(&get_vanilla(), b"").is_ok());
        // A configurable limit.
        let strict = suite_auth().max_clock_skew(Duration::from_secs(30));
        assert_eq!(code(strict.verify(&get_vanilla(), b"")), INVALID_SIGNATURE);
    }

    #[test]
    fn missing_and_malformed_headers() {
        let mut missing = get_vanilla();
        missing.headers.remove("authorization");
        let error = suite_auth().verify(&missing, b"").unwrap_err();
        assert_eq!(
            (error.code(), error.message()),
            (MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token")
        );

        let mut no_date = get_vanilla();
        no_date.headers.remove("x-amz-date");
        assert_eq!(code(suite_auth().verify(&no_date, b"")), INCOMPLETE_SIGNATURE);

        for date in [
            "2015-08-30T12:36:00Z",
            "20150830T123600",
            "20151330T123600Z",
            "19690830T123600Z",
            "",
        ] {
            let mut bad_date = get_vanilla();
            bad_date.headers.insert("x-amz-date", date.parse().unwrap());
            assert_eq!(
                code(suite_auth().verify(&bad_date, b"")),
                INCOMPLETE_SIGNATURE,
                "{date}"
            );
        }

        let scope = "Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request";
        for authorization in [
            "Basic dXNlcjpwYXNz".to_owned(),
            "AWS4-HMAC-SHA256".to_owned(),
            "AWS4-HMAC-SHA256Credential=x".to_owned(),
            format!("AWS4-HMAC-SHA256 {scope}, SignedHeaders=host;x-amz-date"),
            format!("AWS4-HMAC-SHA256 {scope}, Signature=00"),
            format!("AWS4-HMAC-SHA256 {scope}, SignedHeaders=host;x-amz-date, Signature="),
            format!("AWS4-HMAC-SHA256 {scope}, SignedHeaders=host;x-amz-date, Signature=xyz"),
            "AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date, Signature=00".to_owned(),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service, SignedHeaders=host;x-amz-date, \
             Signature=00"
                .to_owned(),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/2015083/us-east-1/service/aws4_request, \
             SignedHeaders=host;x-amz-date, Signature=00"
                .to_owned(),
            "AWS4-HMAC-SHA256 Credential=/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, \
             Signature=00"
                .to_owned(),
            // host and x-amz-date must both be signed.
            format!("AWS4-HMAC-SHA256 {scope}, SignedHeaders=x-amz-date, Signature=00"),
            format!("AWS4-HMAC-SHA256 {scope}, SignedHeaders=host, Signature=00"),
        ] {
            let mut malformed = get_vanilla();
            malformed
                .headers
                .insert("authorization", authorization.parse().unwrap());
            assert_eq!(
                code(suite_auth().verify(&malformed, b"")),
                INCOMPLETE_SIGNATURE,
                "{authorization}"
            );
        }

        let mut no_host = get_vanilla();
        no_host.headers.remove("host");
        assert_eq!(code(suite_auth().verify(&no_host, b"")), INCOMPLETE_SIGNATURE);
    }

    /// Signs a request with aws-sigv4 as a client would, returning the headers it adds.
    fn client_sign(
        method: &str,
        uri: &str,
        headers: &[(&str, &str)],
        body: &[u8],
        settings: SigningSettings,
        time: SystemTime,
    ) -> http::request::Parts {
        let identity: Identity = Credentials::new(AKID, SECRET, None, None, "test").into();
        let params = v4::SigningParams::builder()
            .identity(&identity)
            .region("us-west-2")
            .name("ivs")
            .time(time)
            .settings(settings)
            .build()
            .unwrap()
            .into();
        let full_uri = format!("https://ivs.us-west-2.amazonaws.com{uri}");
        let signable =
            SignableRequest::new(method, full_uri, headers.iter().copied(), SignableBody::Bytes(body)).unwrap();
        let (instructions, _) = sign(signable, &params).unwrap().into_parts();
        let mut request = parts(method, uri, headers);
        let mut signed = http::Request::from_parts(request.clone(), ());
        instructions.apply_to_request_http1x(&mut signed);
        request.headers = signed.into_parts().0.headers;
        if !request.headers.contains_key("host") {
            request
                .headers
                .insert("host", "ivs.us-west-2.amazonaws.com".parse().unwrap());
        }
        request
    }

    #[test]
    fn requests_signed_by_aws_sigv4_verify() {
        let auth = Auth::new("us-west-2", "ivs").key(AKID, SECRET);
        let now = SystemTime::now();
        let body = br#"{"name":"demo"}"#;
        let headers = [("content-type", "application/json"), ("user-agent", "aws-sdk-rust/1.0")];

        // The Rust SDK's defaults: user-agent is not signed.
        let request = client_sign(
            "POST",
            "/CreateChannel",
            &headers,
            body,
            SigningSettings::default(),
            now,
        );
        assert!(
            !request.headers["authorization"]
                .to_str()
                .unwrap()
                .contains("user-agent")
        );
        assert_eq!(auth.verify(&request, body).unwrap(), AKID);
        assert_eq!(code(auth.verify(&request, br#"{"name":"demO"}"#)), INVALID_SIGNATURE);

        // Botocore-style: user-agent and content-length signed too.
        let mut everything = SigningSettings::default();
        everything.excluded_headers = None;
        let headers = [
            ("content-type", "application/json"),
            ("user-agent", "Boto3/1.34 md/Botocore#1.34"),
            ("content-length", "15"),
            ("host", "ivs.us-west-2.amazonaws.com"),
        ];
        let request = client_sign("POST", "/CreateChannel", &headers, body, everything.clone(), now);
        assert!(
            request.headers["authorization"]
                .to_str()
                .unwrap()
                .contains("content-length;content-type;host;user-agent")
        );
        assert_eq!(auth.verify(&request, body).unwrap(), AKID);
        let mut changed = request.clone();
        changed.headers.insert("user-agent", "other".parse().unwrap());
        assert_eq!(code(auth.verify(&changed, body)), INVALID_SIGNATURE);

        // An ARN label: its escapes are encoded again in the canonical request, on both sides.
        let uri = "/tags/arn%3Aaws%3Aivs%3Aus-west-2%3A123%3Achannel%2Fabc?tagKeys=a%20b&tagKeys=c";
        let request = client_sign("DELETE", uri, &[], b"", everything, now);
        assert_eq!(auth.verify(&request, b"").unwrap(), AKID);
        let mut other = request.clone();
        other.uri = "/tags/arn%3Aaws%3Aivs%3Aus-west-2%3A123%3Achannel%2Fabd?tagKeys=a%20b&tagKeys=c"
            .parse()
            .unwrap();
        assert_eq!(code(auth.verify(&other, b"")), INVALID_SIGNATURE);
    }

    #[test]
    fn what_a_signer_never_sends_is_refused_before_the_signature() {
        let auth = Auth::new("us-west-2", "ivs").key(AKID, SECRET);
        let now = SystemTime::now();
        let headers = [("content-type", "application/json")];
        let request = client_sign(
            "POST",
            "/CreateChannel",
            &headers,
            b"{}",
            SigningSettings::default(),
            now,
        );
        assert_eq!(auth.verify(&request, b"{}").unwrap(), AKID);

        // A second Authorization (or X-Amz-Date) beside a valid one.
        for name in ["authorization", "x-amz-date"] {
            let mut doubled = request.clone();
            doubled.headers.append(name, "AWS4-HMAC-SHA256 forged".parse().unwrap());
            assert_eq!(code(auth.verify(&doubled, b"{}")), INCOMPLETE_SIGNATURE, "{name}");
        }

        // SignedHeaders out of order, repeated, or not lower case.
        let authorization = request.headers["authorization"].to_str().unwrap().to_owned();
        assert!(
            authorization.contains("SignedHeaders=content-type;host;x-amz-date"),
            "{authorization}"
        );
        for bad in [
            "host;content-type;x-amz-date",
            "content-type;host;host;x-amz-date",
            "Content-Type;host;x-amz-date",
        ] {
            let mut edited = request.clone();
            let value = authorization.replace("content-type;host;x-amz-date", bad);
            edited.headers.insert("authorization", value.parse().unwrap());
            let error = auth.verify(&edited, b"{}").unwrap_err();
            assert_eq!(error.code(), INCOMPLETE_SIGNATURE, "{bad}");
            assert!(error.message().contains("sorted"), "{error}");
        }
    }

    #[test]
    fn a_signed_payload_hash_is_checked_before_the_body_is_read() {
        let auth = Auth::new("us-west-2", "ivs").key(AKID, SECRET);
        let now = SystemTime::now();
        let body = br#"{"name":"demo"}"#;
        let mut settings = SigningSettings::default();
        settings.payload_checksum_kind = aws_sigv4::http_request::PayloadChecksumKind::XAmzSha256;
        let request = client_sign("POST", "/CreateChannel", &[], body, settings, now);
        assert!(request.headers.contains_key("x-amz-content-sha256"));

        let claim = auth.check_headers(&request).unwrap();
        assert_eq!(auth.check_signature_before_body(&request, &claim), Ok(true));
        assert_eq!(auth.check_declared_hash(body, &claim), Ok(()));
        let error = auth.check_declared_hash(b"{}", &claim).unwrap_err();
        assert_eq!(error.code(), INVALID_SIGNATURE);

        // Without the secret, refused with no body at all.
        let wrong = Auth::new("us-west-2", "ivs").key(AKID, "not-the-secret");
        let claim = wrong.check_headers(&request).unwrap();
        assert_eq!(
            wrong.check_signature_before_body(&request, &claim).unwrap_err().code(),
            INVALID_SIGNATURE
        );

        // Without the header, the body is needed.
        let plain = client_sign("POST", "/CreateChannel", &[], body, SigningSettings::default(), now);
        let claim = auth.check_headers(&plain).unwrap();
        assert_eq!(auth.check_signature_before_body(&plain, &claim), Ok(false));
    }

    #[test]
    fn signatures_compare_whole() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
        assert!(constant_time_eq(b"", b""));
    }

    #[test]
    fn debug_shows_no_secret() {
        let text = format!("{:?}", suite_auth());
        assert!(!text.contains(SECRET) && !text.contains(AKID), "{text}");
    }
}
