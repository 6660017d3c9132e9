//! [`ConfigError`]: why a [`Config`](super::Config) could not be built, with what the loader noted.

use std::fmt;

use crate::client::MAX_REQUEST_MIN_COMPRESSION_SIZE_BYTES;
#[cfg(doc)]
use crate::client::{Config, ConfigBuilder};

/// Why a [`Config`] could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigError {
    /// No region was given.
    MissingRegion {
        /// Why sources were passed over by [`ConfigBuilder::from_env`].
        notes: Vec<String>,
    },
    /// The region is not made of lower-case letters, digits and `-`.
    InvalidRegion(String),
    /// No credentials or credentials provider was given.
    MissingCredentials {
        /// Why sources were passed over by [`ConfigBuilder::from_env`].
        notes: Vec<String>,
    },
    /// The endpoint URL cannot be used.
    InvalidEndpoint {
        /// The URL as given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// `max_attempts` is 0; it counts the first attempt, so 1 is the least.
    InvalidMaxAttempts,
    /// A timeout of zero, which would fail every call; use `None` for no limit.
    ZeroTimeout(&'static str),
    /// `request_min_compression_size_bytes` is over 10485760, the spec's bound.
    InvalidMinCompressionSize(u32),
    /// The TLS configuration could not be built.
    Tls(String),
    /// A setting of the environment or the shared config files is invalid (e.g.
    /// `AWS_MAX_ATTEMPTS=0`).
    InvalidSetting(String),
    /// A proxy the default HTTP client cannot use (see [`ProxyConfig`](crate::client::ProxyConfig)).
    InvalidProxy {
        /// Where it was set: the environment variable (`HTTPS_PROXY`) or the setter
        /// (`ProxyConfig::https`).
        origin: String,
        /// The URL, its password (if any) replaced by `***`.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A PEM given to [`ConfigBuilder::add_root_certificates_pem`](crate::client::ConfigBuilder::add_root_certificates_pem)
    /// holds no usable certificate.
    InvalidCertificate {
        /// Which call's PEM, counting from 0.
        index: usize,
        /// What is wrong with it.
        reason: String,
    },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::MissingRegion { notes } => {
                f.write_str(
                    "no region configured: call ConfigBuilder::region, or set AWS_REGION or \
                     AWS_DEFAULT_REGION, or `region` in the profile of the shared config file (~/.aws/config)",
                )?;
                write_notes(f, notes)
            }
            ConfigError::InvalidRegion(region) => {
                write!(
                    f,
                    "invalid region {region:?}: expected lower-case letters, digits and '-', like us-west-2"
                )
            }
            ConfigError::MissingCredentials { notes } => {
                f.write_str(
                    "no credentials configured: call ConfigBuilder::credentials or credentials_provider, \
                     or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add aws_access_key_id and \
                     aws_secret_access_key to the profile in ~/.aws/credentials",
                )?;
                write_notes(f, notes)
            }
            ConfigError::InvalidEndpoint { url, reason } => write!(f, "invalid endpoint URL {url:?}: {reason}"),
            ConfigError::InvalidMaxAttempts => f.write_str("max_attempts must be at least 1 (1 means no retries)"),
            ConfigError::ZeroTimeout(name) => write!(f, "{name} must be greater than zero (use None for no limit)"),
            ConfigError::InvalidMinCompressionSize(bytes) => write!(
                f,
                "request_min_compression_size_bytes is {bytes}; it must be between 0 and \
                 {MAX_REQUEST_MIN_COMPRESSION_SIZE_BYTES} bytes"
            ),
            ConfigError::Tls(message) => write!(f, "could not set up TLS: {message}"),
            ConfigError::InvalidSetting(message) => write!(f, "invalid setting: {message}"),
            ConfigError::InvalidProxy { origin, url, reason } => {
                write!(f, "invalid proxy {url:?} (from {origin}): {reason}")
            }
            ConfigError::InvalidCertificate { index, reason } => write!(
                f,
                "root certificate {} (the PEM of add_root_certificates_pem call {}) cannot be used: {reason}",
                index + 1,
                index + 1
            ),
        }
    }
}

fn write_notes(f: &mut fmt::Formatter<'_>, notes: &[String]) -> fmt::Result {
    for note in notes {
        write!(f, "; {note}")?;
    }
    Ok(())
}

impl std::error::Error for ConfigError {}
