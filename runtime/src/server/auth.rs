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

    /// The server's "now", by its clock.
    pub(crate) fn now(&self) -> SystemTime {
        (self.clock)()
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
mod tests;
