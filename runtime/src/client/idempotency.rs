//! Values for `@idempotencyToken` members the caller leaves unset.

use std::fmt;
use std::sync::Arc;

/// Makes the token of a call whose input leaves its `@idempotencyToken` member unset (see
/// [`ConfigBuilder::idempotency_token_provider`](super::ConfigBuilder::idempotency_token_provider)).
/// The default makes a random UUID (version 4), as the spec suggests and the AWS SDKs do.
#[derive(Clone)]
pub struct IdempotencyTokenProvider(Arc<dyn Fn() -> String + Send + Sync>);

impl IdempotencyTokenProvider {
    /// A provider calling `make` for each token.
    pub fn new(make: impl Fn() -> String + Send + Sync + 'static) -> Self {
        IdempotencyTokenProvider(Arc::new(make))
    }

    /// Random UUIDs (version 4), e.g. `f81d4fae-7dec-41d0-a765-00a0c91e6bf6`.
    pub fn random_uuid() -> Self {
        IdempotencyTokenProvider::new(|| uuid::Uuid::new_v4().to_string())
    }

    /// A new token.
    pub fn token(&self) -> String {
        (self.0)()
    }
}

impl Default for IdempotencyTokenProvider {
    fn default() -> Self {
        IdempotencyTokenProvider::random_uuid()
    }
}

impl fmt::Debug for IdempotencyTokenProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("IdempotencyTokenProvider(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_tokens_are_distinct_version_4_uuids() {
        let provider = IdempotencyTokenProvider::default();
        let (a, b) = (provider.token(), provider.token());
        assert_ne!(a, b);
        for token in [a, b] {
            let parsed = uuid::Uuid::parse_str(&token).unwrap();
            assert_eq!(parsed.get_version_num(), 4, "{token}");
            assert_eq!(token.len(), 36);
        }
    }

    #[test]
    fn a_fixed_provider_gives_its_value() {
        let provider = IdempotencyTokenProvider::new(|| "00000000-0000-4000-8000-000000000000".to_owned());
        assert_eq!(provider.token(), "00000000-0000-4000-8000-000000000000");
    }
}
