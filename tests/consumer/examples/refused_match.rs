//! Deliberately does not compile: `tests/tests/consumer.rs` runs `cargo check --example
//! refused_match` and expects exactly these errors. An exhaustive `match` on a string enum or
//! an operation error enum would miss a value or an error a minor version adds, so
//! `#[non_exhaustive]` refuses both today (E0004 twice); a wildcard arm is the way (see
//! `src/main.rs`).

use ivs_model::ChannelType;
use ivs_model::operation::delete_channel::DeleteChannelError;

fn main() {
    let kind = match ChannelType::Standard {
        ChannelType::Basic | ChannelType::Standard | ChannelType::AdvancedSd | ChannelType::AdvancedHd => "known",
        ChannelType::Unknown(_) => "unknown",
    };
    let error = DeleteChannelError::from(ivs_model::ConflictException::default());
    let status = match error {
        DeleteChannelError::AccessDeniedException(_) => 403,
        DeleteChannelError::ConflictException(_) => 409,
        DeleteChannelError::PendingVerification(_) => 403,
        DeleteChannelError::ResourceNotFoundException(_) => 404,
        DeleteChannelError::ValidationException(_) => 400,
        DeleteChannelError::Unhandled(_) => 500,
    };
    println!("{kind} {status}");
}
