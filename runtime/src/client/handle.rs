//! [`Handle`]: one configured client, and [`Handle::call`], which runs one operation.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::SystemTime;

use bytes::Bytes;
use http::header::{CONTENT_LENGTH, HOST, HeaderMap, HeaderValue, USER_AGENT};
use http::{Method, Uri};
use tracing::Instrument;

use super::ServiceInfo;
use super::call_options::{self, CallOptions, Effective};
use super::clock_skew::ClockSkew;
use super::config::Config;
use super::credentials::CredentialsCache;
use super::endpoint::Endpoint;
use super::error::{CredentialsError, Error, ResponseError, ServiceError, TimeoutError, TimeoutKind};
use super::http_client::{HttpClient, HttpError};
use super::request_body;
use super::retry::{self, RetryClassifier, RetryQuota, RetryReason};
use super::signing::{SignError, sign_request};
use super::transport::Transport;
use crate::protocol::{EncodeError, Operation, OperationError, UnhandledError};
use crate::validate::Validate;

/// A configured client for one service. Cheap to clone (the clones share connections,
/// cached credentials and the retry quota), `Send` and `Sync`.
#[derive(Clone)]
pub struct Handle {
    inner: Arc<Inner>,
    /// This handle's overrides of the configuration, for the calls made through it.
    options: Option<Arc<CallOptions>>,
}

struct Inner {
    config: Config,
    service: &'static ServiceInfo,
    /// The configured or default endpoint; an error (reported by every call) only if the
    /// default endpoint does not parse, which a validated region rules out.
    endpoint: Result<Endpoint, String>,
    user_agent: HeaderValue,
    http_client: Arc<dyn HttpClient>,
    credentials: CredentialsCache,
    quota: RetryQuota,
    /// The learned offset of the service's clock, applied to every signature.
    skew: ClockSkew,
}

impl Handle {
    /// A client for `service` with `config`. Opens no connection: that happens at the first
    /// call, on the caller's Tokio runtime.
    pub fn new(config: Config, service: &'static ServiceInfo) -> Handle {
        let endpoint = match config.endpoint_url() {
            Some(url) => Endpoint::parse(url),
            None => Endpoint::parse(&Endpoint::variant_url(
                service.endpoint_prefix,
                config.region(),
                config.endpoint_variant(),
            )),
        };
        let http_client = match config.http_client() {
            Some(client) => client.clone(),
            None => Arc::new(Transport::new(
                config.tls().clone(),
                config.connect_timeout(),
                config.proxies().clone(),
            )),
        };
        let credentials = CredentialsCache::new(config.credentials_provider().clone());
        let inner = Inner {
            endpoint,
            user_agent: user_agent(service),
            http_client,
            credentials,
            quota: RetryQuota::new(),
            skew: ClockSkew::default(),
            config,
            service,
        };
        Handle {
            inner: Arc::new(inner),
            options: None,
        }
    }

    /// This handle with `options` overriding the configuration for its calls, sharing
    /// everything else (connections, credentials, retry quota, clock correction).
    #[must_use]
    pub fn with_options(&self, options: CallOptions) -> Handle {
        Handle {
            inner: self.inner.clone(),
            options: Some(Arc::new(options)),
        }
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The service this handle calls.
    pub fn service(&self) -> &'static ServiceInfo {
        self.inner.service
    }

    /// Runs operation `Op` with `input`: validates it (unless turned off), encodes, signs
    /// and sends it, retrying transient failures, and decodes the output or the error.
    ///
    /// Runs inside a `tracing` span `call` with the service and operation; events (at
    /// debug level) give each attempt's status and each retry's reason and wait. Neither
    /// bodies nor header values are logged.
    pub async fn call<Op: Operation>(&self, input: &Op::Input) -> Result<Op::Output, Error<Op::Error>> {
        let span = tracing::debug_span!(
            "call",
            service = self.inner.service.sdk_id,
            operation = Op::INFO.name,
            attempts = tracing::field::Empty,
        );
        self.call_in_span::<Op>(input).instrument(span).await
    }

    async fn call_in_span<Op: Operation>(&self, input: &Op::Input) -> Result<Op::Output, Error<Op::Error>> {
        let inner = &*self.inner;
        let no_options = CallOptions::default();
        let options = self.options.as_deref().unwrap_or(&no_options);
        let settings = options.effective(&inner.config);
        // A client made from settings that cannot work (no region in an `SdkConfig`) exists,
        // as in the AWS SDKs; its calls say what is missing.
        if let Some(problem) = inner.config.problem() {
            return Err(Error::Config(problem.clone()));
        }
        let provider = inner.config.idempotency_token_provider();
        let with_token = Op::with_idempotency_token(input, &|| provider.token());
        let input = with_token.as_ref().unwrap_or(input);
        if inner.config.validate() {
            input.validate().map_err(Error::Validation)?;
        }
        let request = inner.prepare::<Op>(input, options).map_err(Error::Encode)?;
        // Counted outside the attempts' future, so that a call timeout can still say how
        // many were made.
        let attempts = AtomicU32::new(0);
        let result = match settings.call_timeout {
            Some(limit) => match tokio::time::timeout(limit, inner.run::<Op>(&request, &attempts, settings)).await {
                Ok(result) => result,
                Err(_elapsed) => Err(Error::Timeout(TimeoutError::new(
                    TimeoutKind::Call,
                    limit,
                    attempts.load(Ordering::Relaxed),
                ))),
            },
            None => inner.run::<Op>(&request, &attempts, settings).await,
        };
        tracing::Span::current().record("attempts", attempts.load(Ordering::Relaxed));
        if let Err(error) = &result {
            tracing::debug!(error = %error, "call failed");
        }
        result
    }
}

impl fmt::Debug for Handle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Handle")
            .field("service", &self.inner.service)
            .field("config", &self.inner.config)
            .finish()
    }
}

/// A request ready to be signed: absolute URI, every header but the signature's.
struct Prepared {
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
}

impl Prepared {
    /// A fresh copy for one attempt (signing adds headers to it).
    fn to_request(&self) -> http::Request<Bytes> {
        let mut request = http::Request::new(self.body.clone());
        *request.method_mut() = self.method.clone();
        *request.uri_mut() = self.uri.clone();
        *request.headers_mut() = self.headers.clone();
        request
    }
}

/// What one attempt came to.
enum Outcome<T, E> {
    /// The call is over, one way or the other.
    Done(Result<T, Error<E>>),
    /// Worth another attempt, for this reason; `error` is what the call returns when there
    /// is none left.
    Retry { reason: RetryReason, error: Error<E> },
}

impl Inner {
    /// Encodes the input, makes the request absolute and adds the transport headers. The
    /// operation's host prefix applies to any endpoint, the configured one too (as the spec
    /// says), unless the configuration disables it. The body is compressed before its MD5 is
    /// taken, and both before signing: the checksum and the signature cover the bytes sent.
    fn prepare<Op: Operation>(&self, input: &Op::Input, options: &CallOptions) -> Result<Prepared, EncodeError> {
        let encoded = Op::encode_input(input)?;
        let endpoint = self
            .endpoint
            .as_ref()
            .map_err(|reason| EncodeError::new(format!("invalid endpoint: {reason}")))?;
        let host_prefix = if self.config.disable_host_prefix() {
            String::new()
        } else {
            Op::host_prefix(input)?
        };
        let prefixed;
        let endpoint = if host_prefix.is_empty() {
            endpoint
        } else {
            prefixed = endpoint.with_host_prefix(&host_prefix).map_err(EncodeError::new)?;
            &prefixed
        };
        let (parts, body) = encoded.into_parts();
        let uri = endpoint.join(&parts.uri).map_err(EncodeError::new)?;
        let mut headers = parts.headers;
        call_options::apply_headers(&mut headers, options.headers());
        let body = if Op::REQUEST_COMPRESSION.is_empty() || self.config.disable_request_compression() {
            body
        } else {
            let min_size = self.config.request_min_compression_size_bytes();
            request_body::compress(Op::REQUEST_COMPRESSION, min_size, &mut headers, body)?
        };
        if Op::CHECKSUM_REQUIRED {
            request_body::add_content_md5(&mut headers, &body)?;
        }
        let host = HeaderValue::from_str(endpoint.authority().as_str())
            .map_err(|_| EncodeError::new("the endpoint's host is not a valid header value"))?;
        headers.insert(HOST, host);
        headers.insert(USER_AGENT, self.user_agent.clone());
        if sends_content_length(&parts.method, body.len()) {
            headers.insert(CONTENT_LENGTH, HeaderValue::from(body.len()));
        }
        Ok(Prepared {
            method: parts.method,
            uri,
            headers,
            body,
        })
    }

    /// Every attempt of a call, with the waits between them.
    async fn run<Op: Operation>(
        &self,
        request: &Prepared,
        attempts: &AtomicU32,
        settings: Effective,
    ) -> Result<Op::Output, Error<Op::Error>> {
        let credentials = self.credentials.get().await.map_err(Error::Credentials)?;
        let max_attempts = settings.max_attempts;
        let mut last_retry_cost = None;
        let mut attempt = 0;
        loop {
            attempt += 1;
            attempts.store(attempt, Ordering::Relaxed);
            let mut signed = request.to_request();
            let region = self.config.region();
            sign_request(
                &mut signed,
                &credentials,
                region,
                self.service.signing_name,
                self.skew.corrected(SystemTime::now()),
            )
            .map_err(|error| match error {
                SignError::Header(message) => Error::Encode(EncodeError::new(message)),
                SignError::Signing(message) => Error::Credentials(CredentialsError::new(message, None)),
            })?;
            let (reason, error) = match self.attempt::<Op>(signed, attempt, settings.attempt_timeout).await {
                Outcome::Done(result) => {
                    if result.is_ok() {
                        self.quota.release(last_retry_cost);
                    }
                    return result;
                }
                Outcome::Retry { reason, error } => (reason, error),
            };
            if attempt >= max_attempts {
                tracing::debug!(attempt, reason = %reason, "no attempts left");
                return Err(error);
            }
            let Some(cost) = self.quota.acquire(reason) else {
                tracing::debug!(attempt, reason = %reason, "retry quota exhausted");
                return Err(error);
            };
            last_retry_cost = Some(cost);
            // A corrected clock needs no waiting: the next attempt is already different.
            let delay = if reason == RetryReason::ClockSkew {
                std::time::Duration::ZERO
            } else {
                retry::backoff(attempt - 1, self.config.initial_backoff(), self.config.max_backoff())
            };
            tracing::debug!(attempt, reason = %reason, delay_ms = delay.as_millis(), "retrying");
            tokio::time::sleep(delay).await;
        }
    }

    /// One attempt: send, read, and decide.
    async fn attempt<Op: Operation>(
        &self,
        request: http::Request<Bytes>,
        attempt: u32,
        attempt_timeout: Option<std::time::Duration>,
    ) -> Outcome<Op::Output, Op::Error> {
        let sent = self.http_client.send(request);
        let received = match attempt_timeout {
            Some(limit) => match tokio::time::timeout(limit, sent).await {
                Ok(received) => received,
                Err(_elapsed) => {
                    tracing::debug!(attempt, "attempt timed out");
                    let error = Error::Timeout(TimeoutError::new(TimeoutKind::Attempt, limit, attempt));
                    return Outcome::Retry {
                        reason: RetryReason::Timeout,
                        error,
                    };
                }
            },
            None => sent.await,
        };
        match received {
            Ok(received) => {
                let (parts, body) = received.into_parts();
                tracing::debug!(attempt, status = parts.status.as_u16(), "response");
                response::<Op>(&parts, &body, attempt, self.config.retry_classifier(), &self.skew)
            }
            Err(HttpError::Transport(error)) => {
                tracing::debug!(attempt, kind = ?error.kind(), "transport error");
                let retryable = error.is_retryable();
                let error = Error::Transport(error.with_attempts(attempt));
                if retryable {
                    Outcome::Retry {
                        reason: RetryReason::Transport,
                        error,
                    }
                } else {
                    Outcome::Done(Err(error))
                }
            }
            Err(HttpError::TooLarge { parts, limit }) => {
                let message = format!("the body is larger than {limit} bytes");
                let request_id = request_id(&parts.headers);
                Outcome::Done(Err(Error::Response(ResponseError::new(
                    parts.status.as_u16(),
                    message,
                    request_id,
                    attempt,
                ))))
            }
        }
    }
}

/// Turns a whole response into the output, or an error and whether to retry it. The
/// operation's protocol reads the error's code and message; the decision to retry is the
/// user's hook's, then the model's (`@retryable`), then the standard fallback's; a clock-skew
/// error that corrects `skew` is always worth another attempt.
fn response<Op: Operation>(
    parts: &http::response::Parts,
    body: &[u8],
    attempt: u32,
    hook: Option<&RetryClassifier>,
    skew: &ClockSkew,
) -> Outcome<Op::Output, Op::Error> {
    let status = parts.status.as_u16();
    if status == Op::INFO.status || parts.status.is_success() {
        let response_error =
            |message: String| Error::Response(ResponseError::new(status, message, request_id(&parts.headers), attempt));
        let output = Op::decode_output(parts, body).map_err(|e| response_error(e.message().to_owned()));
        // An empty body decodes as an output with nothing set: that is only an answer when
        // the output requires nothing (a default output can only break `@required`).
        return Outcome::Done(match output {
            Ok(output) if body.iter().all(u8::is_ascii_whitespace) => match output.validate() {
                Ok(()) => Ok(output),
                Err(missing) => Err(response_error(format!("the response body is empty: {missing}"))),
            },
            other => other,
        });
    }
    // The service's messages are shown and logged: cap them and escape control characters.
    let body = &*super::untrusted::error_body(body);
    let meta = Op::PROTOCOL.error_meta(&parts.headers, body);
    let code = meta.code.unwrap_or_else(|| "UnknownError".to_owned());
    let unhandled = UnhandledError {
        code: code.clone(),
        message: meta.message,
        status,
    };
    let (error, modeled) = match Op::Error::decode(&code, unhandled, parts, body) {
        Ok(error) => {
            let modeled = error.retry();
            (
                Error::Service(ServiceError::new(error, meta.request_id, status, attempt)),
                modeled,
            )
        }
        Err(e) => {
            let message = format!("could not read the {code} error: {}", e.message());
            (
                Error::Response(ResponseError::new(status, message, meta.request_id, attempt)),
                None,
            )
        }
    };
    if skew.learn(&code, &parts.headers, SystemTime::now()) {
        return Outcome::Retry {
            reason: RetryReason::ClockSkew,
            error,
        };
    }
    match retry::classify_error(status, &code, modeled, hook) {
        Some(reason) => Outcome::Retry { reason, error },
        None => Outcome::Done(Err(error)),
    }
}

/// Whether a request states its length. RFC 9110 (8.6): not when there is no content and the
/// method does not anticipate any (a GET without body carries no `Content-Length`, as
/// restJson1's `RestJsonHttpGetWithNoModeledBody` requires); an empty POST, PUT or PATCH still
/// says `Content-Length: 0`, which some servers require.
pub(crate) fn sends_content_length(method: &Method, body_len: usize) -> bool {
    body_len > 0
        || ![
            Method::GET,
            Method::HEAD,
            Method::DELETE,
            Method::OPTIONS,
            Method::TRACE,
        ]
        .contains(method)
}

fn request_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get("x-amzn-requestid")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// `smithy-runtime/0.1.0 api/ivs#2020-07-14`, in the AWS SDKs' `user-agent` style.
fn user_agent(service: &ServiceInfo) -> HeaderValue {
    const CRATE: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));
    let sdk_id: String = service
        .sdk_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    HeaderValue::from_str(&format!("{CRATE} api/{sdk_id}#{} lang/rust", service.api_version))
        .unwrap_or_else(|_| HeaderValue::from_static(CRATE))
}

// Generated clients are used from `tokio::spawn`ed tasks: keep the handle shareable.
const _: () = {
    const fn shareable<T: Send + Sync + Clone>() {}
    shareable::<Handle>();
};
