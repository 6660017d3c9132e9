//! The verifier against AWS's SigV4 test suite, the `aws-sigv4` signer, and requests no signer sends.

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
    let signable = SignableRequest::new(method, full_uri, headers.iter().copied(), SignableBody::Bytes(body)).unwrap();
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
