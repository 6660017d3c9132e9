//! The client against a scripted local server, with a hand-written fake operation.

mod calls;
mod errors;
mod examples;
mod fake;
mod hooks;
mod paginate;
mod retries;
mod server;
mod signing;

use std::time::Duration;

use super::{Config, ConfigBuilder, Credentials, Handle};

/// A configuration for `url` with tiny backoffs, so retries take milliseconds, and limits
/// that end a test that would otherwise hang.
fn config(url: &str) -> ConfigBuilder {
    Config::builder()
        .region("us-west-2")
        .credentials(Credentials::new("AKID", "SECRET", None, None, "test"))
        .endpoint_url(url)
        .initial_backoff(Duration::from_millis(1))
        .max_backoff(Duration::from_millis(5))
        .attempt_timeout(Duration::from_secs(5))
        .call_timeout(Duration::from_secs(20))
}

fn handle(config: ConfigBuilder) -> Handle {
    Handle::new(config.build().unwrap(), &fake::SERVICE)
}
