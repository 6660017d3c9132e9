//! Smithy's HTTP protocol compliance suite as tests of our generated code: [`cases`] reads the
//! cases from the model's `smithy.test` traits, [`emit`] turns them into a test crate (client
//! cases itself, server cases through `server_emit`, malformed-request cases expanded by
//! `substitute`); the cases are data, so nothing here names one. The `xtask protocol-tests`
//! driver generates, builds and runs that crate.

pub mod cases;
pub mod emit;
mod server_emit;
mod substitute;
mod values;
