//! Smithy's HTTP protocol compliance suite as tests of our generated code: [`cases`] reads the
//! cases from the model's `smithy.test` traits, [`emit`] turns the client cases into a test
//! crate (the cases are data, so nothing here names one). The `xtask protocol-tests` driver
//! generates, builds and runs that crate.

pub mod cases;
pub mod emit;
mod values;
