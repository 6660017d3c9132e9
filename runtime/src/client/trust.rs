//! Which certificate authorities the default HTTP client trusts, and the TLS settings built
//! from them: Mozilla's roots (`webpki-roots`, compiled in, the same on every machine), plus
//! the operating system's store with feature `native-roots` (`rustls-native-certs`), plus
//! the PEM certificates given to
//! [`ConfigBuilder::add_root_certificates_pem`](super::ConfigBuilder::add_root_certificates_pem)
//! (a corporate TLS-inspecting proxy's CA, a local test CA).

use std::sync::Arc;

use rustls::RootCertStore;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;

use super::config::ConfigError;

/// The TLS settings: ring's algorithms, rustls's safe default protocol versions, the roots
/// above. The provider is named rather than taken from the process default, so that another
/// crate enabling a second rustls provider cannot make this ambiguous.
pub(crate) fn tls_config(extra_pem: &[Arc<[u8]>]) -> Result<rustls::ClientConfig, ConfigError> {
    let mut roots = RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    #[cfg(feature = "native-roots")]
    roots.add_parsable_certificates(native::certificates().iter().cloned());
    for (index, pem) in extra_pem.iter().enumerate() {
        add_pem(&mut roots, pem).map_err(|reason| ConfigError::InvalidCertificate { index, reason })?;
    }
    Ok(
        rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .map_err(|e| ConfigError::Tls(e.to_string()))?
            .with_root_certificates(roots)
            .with_no_client_auth(),
    )
}

/// Adds every `CERTIFICATE` block of `pem` as a trust anchor; other blocks (keys) are
/// skipped. A PEM without certificates is an error: it is surely not what was meant.
fn add_pem(roots: &mut RootCertStore, pem: &[u8]) -> Result<(), String> {
    let mut added = 0;
    for certificate in CertificateDer::pem_slice_iter(pem) {
        let certificate = certificate.map_err(|e| format!("not valid PEM: {e}"))?;
        roots
            .add(certificate)
            .map_err(|e| format!("not a usable CA certificate: {e}"))?;
        added += 1;
    }
    if added == 0 {
        return Err("no `-----BEGIN CERTIFICATE-----` block found".to_owned());
    }
    Ok(())
}

#[cfg(feature = "native-roots")]
mod native {
    use std::sync::OnceLock;

    use rustls::pki_types::CertificateDer;

    /// The operating system's trust store, read once per process (it is a few hundred files
    /// on Linux; every `Config` built would otherwise read them again). A store that cannot
    /// be read is logged and leaves Mozilla's roots and the given certificates.
    pub(super) fn certificates() -> &'static [CertificateDer<'static>] {
        static CERTIFICATES: OnceLock<Vec<CertificateDer<'static>>> = OnceLock::new();
        CERTIFICATES.get_or_init(|| {
            let found = rustls_native_certs::load_native_certs();
            for error in &found.errors {
                tracing::warn!(%error, "could not read part of the operating system's trust store");
            }
            found.certs
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mozillas_roots_are_the_default() {
        let config = tls_config(&[]).unwrap();
        assert!(config.crypto_provider().cipher_suites.len() > 1);
    }

    #[test]
    fn a_pem_without_certificates_or_with_garbage_is_refused_with_its_position() {
        let garbage: Arc<[u8]> =
            Arc::from(&b"-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n"[..]);
        let nothing: Arc<[u8]> = Arc::from(&b"just text"[..]);
        let error = tls_config(&[nothing]).unwrap_err();
        assert_eq!(
            error,
            ConfigError::InvalidCertificate {
                index: 0,
                reason: "no `-----BEGIN CERTIFICATE-----` block found".to_owned()
            }
        );
        let error = tls_config(&[garbage]).unwrap_err();
        assert!(
            matches!(&error, ConfigError::InvalidCertificate { index: 0, reason } if reason.starts_with("not valid PEM")),
            "{error:?}"
        );
        assert!(error.to_string().starts_with("root certificate 1 "), "{error}");
    }
}
