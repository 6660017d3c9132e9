//! Playback key pairs: import (a PEM ECDSA P-384 public key, the kind IVS playback tokens are
//! signed with), get, list, delete.

use ivs_server::model::operation::{
    delete_playback_key_pair::DeletePlaybackKeyPairError, get_playback_key_pair::GetPlaybackKeyPairError,
    import_playback_key_pair::ImportPlaybackKeyPairError, list_playback_key_pairs::ListPlaybackKeyPairsError,
};
use ivs_server::model::*;
use p384::pkcs8::{DecodePublicKey, EncodePublicKey};
use sha2::{Digest, Sha256};

use super::tags;
use crate::faults::{conflict, invalid, not_found};
use crate::ids::{Env, Kind};
use crate::paging::page;
use crate::state::State;

const DEFAULT_PAGE: usize = 100;

pub(crate) fn import(
    state: &mut State,
    env: &Env,
    input: ImportPlaybackKeyPairRequest,
) -> Result<ImportPlaybackKeyPairResponse, ImportPlaybackKeyPairError> {
    tags::check_new(input.tags.as_ref()).map_err(invalid)?;
    let fingerprint = fingerprint(input.public_key_material.as_deref().unwrap_or_default()).map_err(invalid)?;
    if let Some(existing) = state
        .playback_key_pairs
        .values()
        .find(|pair| pair.fingerprint == Some(fingerprint.clone()))
    {
        return Err(conflict(format!(
            "this public key is already imported as playback key pair {}",
            existing.arn.as_deref().unwrap_or_default()
        ))
        .into());
    }
    let arn = env.new_arn(Kind::PlaybackKeyPair);
    let pair = PlaybackKeyPair::default()
        .with_arn(arn.clone())
        .with_name(input.name.unwrap_or_default())
        .with_fingerprint(fingerprint)
        .with_tags(input.tags.unwrap_or_default());
    state.playback_key_pairs.insert(arn, pair.clone());
    Ok(ImportPlaybackKeyPairResponse::default().with_key_pair(pair))
}

pub(crate) fn get(
    state: &State,
    input: GetPlaybackKeyPairRequest,
) -> Result<GetPlaybackKeyPairResponse, GetPlaybackKeyPairError> {
    let arn = input.arn.unwrap_or_default();
    let pair = state
        .playback_key_pairs
        .get(&arn)
        .ok_or_else(|| not_found(Kind::PlaybackKeyPair, &arn))?;
    Ok(GetPlaybackKeyPairResponse::default().with_key_pair(pair.clone()))
}

pub(crate) fn list(
    state: &State,
    input: ListPlaybackKeyPairsRequest,
) -> Result<ListPlaybackKeyPairsResponse, ListPlaybackKeyPairsError> {
    let (pairs, next_token) = page(
        &state.playback_key_pairs,
        input.next_token.as_deref(),
        input.max_results,
        DEFAULT_PAGE,
        |_| true,
    )?;
    let summaries = pairs
        .into_iter()
        .map(|pair| {
            let mut summary = PlaybackKeyPairSummary::default();
            summary.arn = pair.arn.clone();
            summary.name = pair.name.clone();
            summary.tags = pair.tags.clone();
            summary
        })
        .collect::<Vec<_>>();
    let mut response = ListPlaybackKeyPairsResponse::default().with_key_pairs(summaries);
    response.next_token = next_token;
    Ok(response)
}

pub(crate) fn delete(
    state: &mut State,
    input: DeletePlaybackKeyPairRequest,
) -> Result<DeletePlaybackKeyPairResponse, DeletePlaybackKeyPairError> {
    let arn = input.arn.unwrap_or_default();
    state
        .playback_key_pairs
        .remove(&arn)
        .ok_or_else(|| not_found(Kind::PlaybackKeyPair, &arn))?;
    Ok(DeletePlaybackKeyPairResponse::default())
}

/// The fingerprint of a PEM public key: the SHA-256 of its DER SubjectPublicKeyInfo, as
/// colon-separated hex. Anything but a valid P-384 point in a PEM `PUBLIC KEY` block is refused.
fn fingerprint(pem: &str) -> Result<String, String> {
    let key = p384::PublicKey::from_public_key_pem(pem.trim())
        .map_err(|error| format!("publicKeyMaterial is not a PEM-encoded ECDSA P-384 public key ({error})"))?;
    let der = key
        .to_public_key_der()
        .map_err(|error| format!("publicKeyMaterial cannot be re-encoded ({error})"))?;
    let digest = Sha256::digest(der.as_bytes());
    Ok(digest
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect::<Vec<_>>()
        .join(":"))
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    /// A P-384 public key made with `openssl ecparam -name secp384r1 -genkey | openssl ec -pubout`.
    pub(crate) const PUBLIC_KEY: &str = include_str!("../../tests/data/p384-public.pem");

    #[test]
    fn a_p384_key_has_a_stable_fingerprint() {
        let first = fingerprint(PUBLIC_KEY).unwrap();
        assert_eq!(first.len(), 32 * 3 - 1, "{first}");
        assert_eq!(fingerprint(&format!("\n{PUBLIC_KEY}\n")).unwrap(), first);
    }

    #[test]
    fn garbage_and_other_curves_are_refused() {
        let p256 = include_str!("../../tests/data/p256-public.pem");
        for material in [
            "",
            "not a key",
            "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
            p256,
        ] {
            let message = fingerprint(material).unwrap_err();
            assert!(
                message.starts_with("publicKeyMaterial is not a PEM-encoded ECDSA P-384 public key"),
                "{message}"
            );
        }
    }
}
