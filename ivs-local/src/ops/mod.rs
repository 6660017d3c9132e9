//! The operations, one module per kind of resource. Each function takes the state (mutable
//! only when the operation changes it) and the decoded, validated input, and returns the output
//! or the operation's own error enum.

pub(crate) mod ad_configurations;
pub(crate) mod channels;
pub(crate) mod playback_key_pairs;
pub(crate) mod recording_configurations;
pub(crate) mod restriction_policies;
pub(crate) mod stream_keys;
pub(crate) mod streams;
pub(crate) mod tags;

use std::collections::BTreeMap;

use ivs_server::model::BatchError;

use crate::faults::not_found_message;
use crate::ids::Kind;

/// The batch-get answer for `arns` in `resources`: the ones found, and an error entry
/// (ResourceNotFoundException) for each ARN that names nothing.
pub(crate) fn batch_lookup<T: Clone>(
    resources: &BTreeMap<String, T>,
    kind: Kind,
    arns: Vec<String>,
) -> (Vec<T>, Vec<BatchError>) {
    let (mut found, mut errors) = (Vec::new(), Vec::new());
    for arn in arns {
        match resources.get(&arn) {
            Some(resource) => found.push(resource.clone()),
            None => errors.push(
                BatchError::default()
                    .with_code("ResourceNotFoundException")
                    .with_message(not_found_message(kind, &arn))
                    .with_arn(arn),
            ),
        }
    }
    (found, errors)
}
