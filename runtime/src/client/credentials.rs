//! Credentials for signing, from the configured provider, reused until shortly before they
//! expire: providers such as the instance metadata service or STS are slow and rate
//! limited, and `aws-config`'s providers do not cache by themselves.

use std::time::{Duration, SystemTime};

use aws_credential_types::Credentials;
use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};
use tokio::sync::Mutex;

use super::error::CredentialsError;

/// How long before their expiry cached credentials are replaced, so that a request signed
/// with them does not arrive after they expired.
const REFRESH_MARGIN: Duration = Duration::from_secs(60);

/// A provider and its last answer.
#[derive(Debug)]
pub(crate) struct CredentialsCache {
    provider: SharedCredentialsProvider,
    /// An async mutex held across the provider's call: concurrent calls wait for one
    /// refresh instead of each asking the provider.
    cached: Mutex<Option<Credentials>>,
}

impl CredentialsCache {
    pub(crate) fn new(provider: SharedCredentialsProvider) -> Self {
        CredentialsCache {
            provider,
            cached: Mutex::new(None),
        }
    }

    /// Fresh-enough credentials: the cached ones, or the provider's new answer.
    pub(crate) async fn get(&self) -> Result<Credentials, CredentialsError> {
        let mut cached = self.cached.lock().await;
        if let Some(credentials) = cached.as_ref()
            && is_fresh(credentials.expiry(), SystemTime::now())
        {
            return Ok(credentials.clone());
        }
        let credentials = self.provider.provide_credentials().await.map_err(|error| {
            // The provider's own message is often generic ("an error occurred while loading
            // credentials"); what went wrong is in its sources.
            let mut message = format!("could not load credentials: {error}");
            let mut source = std::error::Error::source(&error);
            while let Some(cause) = source {
                message.push_str(&format!(": {cause}"));
                source = cause.source();
            }
            CredentialsError::new(message, Some(Box::new(error)))
        })?;
        *cached = Some(credentials.clone());
        Ok(credentials)
    }
}

/// Whether credentials expiring at `expiry` (never, when `None`) can still be used at `now`.
fn is_fresh(expiry: Option<SystemTime>, now: SystemTime) -> bool {
    expiry.is_none_or(|expiry| now.checked_add(REFRESH_MARGIN).is_some_and(|later| later < expiry))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU32, Ordering};

    use aws_credential_types::provider::error::CredentialsError as ProviderError;
    use aws_credential_types::provider::future;

    use super::*;

    /// Answers credentials that expire `lifetime` from now, counting calls; fails when
    /// `lifetime` is `None`.
    #[derive(Debug)]
    struct Counting {
        calls: Arc<AtomicU32>,
        lifetime: Option<Duration>,
    }

    impl ProvideCredentials for Counting {
        fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
        where
            Self: 'a,
        {
            self.calls.fetch_add(1, Ordering::SeqCst);
            future::ProvideCredentials::ready(match self.lifetime {
                Some(lifetime) => Ok(Credentials::new(
                    "AKID",
                    "SECRET",
                    None,
                    Some(SystemTime::now() + lifetime),
                    "test",
                )),
                None => Err(ProviderError::not_loaded("no credentials here")),
            })
        }
    }

    fn cache(lifetime: Option<Duration>) -> (CredentialsCache, Arc<AtomicU32>) {
        let calls = Arc::new(AtomicU32::new(0));
        let provider = Counting {
            calls: calls.clone(),
            lifetime,
        };
        (CredentialsCache::new(SharedCredentialsProvider::new(provider)), calls)
    }

    #[tokio::test]
    async fn long_lived_credentials_are_reused() {
        let (cache, calls) = cache(Some(Duration::from_secs(3600)));
        for _ in 0..3 {
            assert_eq!(cache.get().await.unwrap().access_key_id(), "AKID");
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn credentials_about_to_expire_are_replaced() {
        let (cache, calls) = cache(Some(Duration::from_secs(30)));
        cache.get().await.unwrap();
        cache.get().await.unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn provider_errors_are_reported_and_not_cached() {
        let (cache, calls) = cache(None);
        let error = cache.get().await.unwrap_err();
        assert!(error.message().starts_with("could not load credentials"), "{error}");
        assert!(std::error::Error::source(&error).is_some());
        cache.get().await.unwrap_err();
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn freshness() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        assert!(is_fresh(None, now));
        assert!(is_fresh(Some(now + Duration::from_secs(61)), now));
        assert!(!is_fresh(Some(now + Duration::from_secs(60)), now));
        assert!(!is_fresh(Some(now - Duration::from_secs(1)), now));
    }
}
