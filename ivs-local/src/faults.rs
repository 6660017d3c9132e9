//! The modeled errors the emulator answers, built once each.
//!
//! Each helper returns the error structure; `?` or `.into()` turns it into the operation's
//! error enum, which has a `From` only for the errors the operation models, so answering an
//! error an operation does not have is a compile error.

use ivs_server::model::{
    ChannelNotBroadcasting, ConflictException, ResourceNotFoundException, ServiceQuotaExceededException,
    ValidationException,
};

use crate::ids::Kind;

/// `ResourceNotFoundException` (404) naming the resource and its ARN.
pub(crate) fn not_found(kind: Kind, arn: &str) -> ResourceNotFoundException {
    ResourceNotFoundException::default().with_exception_message(not_found_message(kind, arn))
}

/// The message of [`not_found`], also used for batch error entries.
pub(crate) fn not_found_message(kind: Kind, arn: &str) -> String {
    format!("{} {arn} does not exist", kind.noun())
}

/// `ValidationException` (400) for a rule the model's constraints cannot express.
pub(crate) fn invalid(message: impl Into<String>) -> ValidationException {
    ValidationException::default().with_exception_message(message)
}

/// `ConflictException` (409).
pub(crate) fn conflict(message: impl Into<String>) -> ConflictException {
    ConflictException::default().with_exception_message(message)
}

/// `ServiceQuotaExceededException` (402).
pub(crate) fn quota_exceeded(message: impl Into<String>) -> ServiceQuotaExceededException {
    ServiceQuotaExceededException::default().with_exception_message(message)
}

/// `ChannelNotBroadcasting` (404): the emulator has no ingest, so no channel is ever live.
pub(crate) fn not_broadcasting(channel_arn: &str) -> ChannelNotBroadcasting {
    ChannelNotBroadcasting::default()
        .with_exception_message(format!("channel {channel_arn} is not live (ivs-local has no ingest)"))
}
