//! What the ivs-local test binaries share: the test key, and a client configuration for an
//! emulator on a local endpoint.

// Each test binary uses part of the helpers.
#![allow(dead_code)]

pub mod process;
pub mod raw;

/// The access key id the tests sign with (and the emulator checks when authentication is on).
pub const ACCESS_KEY: &str = "AKIDLOCALTEST";
/// Its secret.
pub const SECRET_KEY: &str = "local-test-secret";

/// A configuration for the emulator at `url`: the test key with `secret`, us-west-2, and one
/// attempt per call, so that an error shows at once instead of after retries.
pub fn config(url: &str, secret: &str) -> ivs_client::ConfigBuilder {
    ivs_client::Config::builder()
        .region("us-west-2")
        .credentials(ivs_client::Credentials::new(ACCESS_KEY, secret, None, None, "tests"))
        .endpoint_url(url)
        .max_attempts(1)
}
