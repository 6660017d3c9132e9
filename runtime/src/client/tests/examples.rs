//! `check_example`, the check behind the generated `examples.rs` tests.

use super::fake::{GetThing, ThingInput};
use crate::client::check_example;

#[test]
fn an_example_must_validate_unless_a_member_has_no_value() {
    let mut failures = Vec::new();
    check_example::<GetThing>(&mut failures, "", &ThingInput::named("lamp"));
    check_example::<GetThing>(&mut failures, "name", &ThingInput::default());
    assert!(failures.is_empty(), "{failures:?}");

    check_example::<GetThing>(&mut failures, "", &ThingInput::named(""));
    check_example::<GetThing>(&mut failures, "name", &ThingInput::named("lamp"));
    assert_eq!(failures.len(), 2, "{failures:?}");
    assert!(
        failures[0].starts_with("GetThing: the example does not validate: "),
        "{}",
        failures[0]
    );
    assert_eq!(failures[1], "GetThing: validates although name has no example value");
}
