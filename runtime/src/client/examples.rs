//! The check behind every generated client crate's `examples.rs` test: each operation's
//! documented example input validates and encodes.

use crate::Validate;
use crate::protocol::Operation;

/// Validates and encodes one documented example of operation `O`, adding a line to
/// `failures` when it does not behave as documented. `missing` names the required members the
/// generator found no valid value for (comma-separated, empty for none): such an example must
/// then fail validation, and any other example must validate and encode.
#[doc(hidden)]
pub fn check_example<O: Operation>(failures: &mut Vec<String>, missing: &str, input: &O::Input) {
    let name = O::INFO.name;
    match (input.validate(), missing.is_empty()) {
        (Ok(()), true) => {
            if let Err(error) = O::encode_input(input) {
                failures.push(format!("{name}: the example does not encode: {error}"));
            }
        }
        (Err(error), true) => failures.push(format!("{name}: the example does not validate: {error}")),
        (Ok(()), false) => failures.push(format!("{name}: validates although {missing} has no example value")),
        (Err(_), false) => {}
    }
}
