//! Every message format.

use super::*;

/// The messages recorded by running `f` on a fresh validator.
fn messages(f: impl FnOnce(&mut Validator)) -> Vec<String> {
    let mut v = Validator::new();
    f(&mut v);
    v.violations().iter().map(|x| x.message.clone()).collect()
}

fn one(f: impl FnOnce(&mut Validator)) -> String {
    let mut all = messages(f);
    assert_eq!(all.len(), 1, "{all:?}");
    all.remove(0)
}

#[test]
fn required_member_missing() {
    let msg = one(|v| v.member::<str>("name", None, true, |_, _| {}));
    assert_eq!(
        msg,
        "Value at '/name' failed to satisfy constraint: Member must not be null"
    );
}

#[test]
fn optional_member_missing_is_fine() {
    assert!(messages(|v| v.member::<str>("name", None, false, |_, _| unreachable!())).is_empty());
}

#[test]
fn length_messages() {
    let long = "x".repeat(129);
    assert_eq!(
        one(|v| v.at("name", |v| v.length_str(&long, Some(0), Some(128)))),
        "Value with length 129 at '/name' failed to satisfy constraint: \
         Member must have length between 0 and 128, inclusive"
    );
    assert_eq!(
        one(|v| v.at("name", |v| v.length_str("", Some(1), None))),
        "Value with length 0 at '/name' failed to satisfy constraint: \
         Member must have length greater than or equal to 1"
    );
    assert_eq!(
        one(|v| v.at("name", |v| v.length_str(&long, None, Some(128)))),
        "Value with length 129 at '/name' failed to satisfy constraint: \
         Member must have length less than or equal to 128"
    );
    assert_eq!(
        one(|v| v.at("ids", |v| v.length(51, Some(1), Some(50)))),
        "Value with length 51 at '/ids' failed to satisfy constraint: \
         Member must have length between 1 and 50, inclusive"
    );
}

#[test]
fn length_bounds_are_inclusive() {
    assert!(
        messages(|v| {
            v.length_str("a", Some(1), Some(1));
            v.length(0, Some(0), Some(0));
            v.length(128, None, Some(128));
            v.length_str("anything", None, None);
            v.length(usize::MAX, None, None);
        })
        .is_empty()
    );
    assert_eq!(messages(|v| v.length(2, Some(0), Some(1))).len(), 1);
}

#[test]
fn string_length_counts_chars_not_bytes() {
    // 4 chars, 10 bytes.
    let s = "é😀ab";
    assert_eq!(s.len(), 8);
    assert!(messages(|v| v.length_str(s, Some(4), Some(4))).is_empty());
    assert_eq!(
        one(|v| v.length_str(s, None, Some(3))),
        "Value with length 4 at '' failed to satisfy constraint: \
         Member must have length less than or equal to 3"
    );
}

#[test]
fn range_int_messages() {
    assert_eq!(
        one(|v| v.at("maxResults", |v| v.range_int(0, Some(1), Some(100)))),
        "Value 0 at '/maxResults' failed to satisfy constraint: \
         Member must be between 1 and 100, inclusive"
    );
    assert_eq!(
        one(|v| v.at("maxResults", |v| v.range_int(0, Some(1), None))),
        "Value 0 at '/maxResults' failed to satisfy constraint: \
         Member must be greater than or equal to 1"
    );
    assert_eq!(
        one(|v| v.at("maxResults", |v| v.range_int(101, None, Some(100)))),
        "Value 101 at '/maxResults' failed to satisfy constraint: \
         Member must be less than or equal to 100"
    );
    assert_eq!(
        one(|v| v.range_int(i64::MIN, Some(-5), Some(5))),
        format!(
            "Value {} at '' failed to satisfy constraint: Member must be between -5 and 5, inclusive",
            i64::MIN
        )
    );
}

#[test]
fn range_int_bounds_are_inclusive() {
    assert!(
        messages(|v| {
            v.range_int(1, Some(1), Some(100));
            v.range_int(100, Some(1), Some(100));
            v.range_int(i64::MAX, None, None);
            v.range_int(i64::MIN, None, Some(i64::MIN));
        })
        .is_empty()
    );
}

#[test]
fn range_float_messages() {
    assert_eq!(
        one(|v| v.at("ratio", |v| v.range_float(0.5, Some(1.0), Some(2.0)))),
        "Value 0.5 at '/ratio' failed to satisfy constraint: \
         Member must be between 1 and 2, inclusive"
    );
    assert_eq!(
        one(|v| v.at("ratio", |v| v.range_float(-0.25, Some(0.0), None))),
        "Value -0.25 at '/ratio' failed to satisfy constraint: \
         Member must be greater than or equal to 0"
    );
    assert_eq!(
        one(|v| v.at("ratio", |v| v.range_float(2.5, None, Some(2.0)))),
        "Value 2.5 at '/ratio' failed to satisfy constraint: \
         Member must be less than or equal to 2"
    );
    assert!(
        messages(|v| {
            v.range_float(1.0, Some(1.0), Some(2.0));
            v.range_float(2.0, Some(1.0), Some(2.0));
            v.range_float(f64::NAN, None, None);
            v.range_float(f64::INFINITY, Some(0.0), None);
        })
        .is_empty()
    );
}

#[test]
fn nan_fails_any_bound() {
    assert_eq!(
        one(|v| v.range_float(f64::NAN, Some(0.0), None)),
        "Value NaN at '' failed to satisfy constraint: Member must be greater than or equal to 0"
    );
    assert_eq!(messages(|v| v.range_float(f64::NAN, None, Some(0.0))).len(), 1);
    assert_eq!(messages(|v| v.range_float(f64::NAN, Some(-1.0), Some(1.0))).len(), 1);
    assert_eq!(messages(|v| v.range_float(f64::INFINITY, None, Some(1e300))).len(), 1);
}

#[test]
fn pattern_message_does_not_echo_value() {
    let p = Pattern::new("^[a-zA-Z0-9-_]*$");
    let msg = one(|v| v.at("name", |v| v.pattern("secret value!", &p)));
    assert_eq!(
        msg,
        "Value at '/name' failed to satisfy constraint: \
         Member must satisfy regular expression pattern: ^[a-zA-Z0-9-_]*$"
    );
    assert!(!msg.contains("secret"));
    assert!(messages(|v| v.pattern("my-channel_1", &p)).is_empty());
}

#[test]
fn pattern_is_a_search() {
    let p = Pattern::new("[a-z]");
    assert!(messages(|v| v.pattern("123a", &p)).is_empty());
    assert_eq!(messages(|v| v.pattern("123", &p)).len(), 1);
}

#[test]
fn uncompilable_pattern_is_a_violation_not_a_panic() {
    let p = Pattern::new("([a-z]");
    let msg = one(|v| v.at("name", |v| v.pattern("abc", &p)));
    assert!(
        msg.starts_with(
            "Value at '/name' could not be checked: regular expression pattern ([a-z] could not be compiled: "
        ),
        "{msg}"
    );
}

#[test]
fn enum_message() {
    assert_eq!(
        one(|v| v.at("type", |v| v.enum_value(false, &["BASIC", "STANDARD"]))),
        "Value at '/type' failed to satisfy constraint: Member must satisfy enum value set: [BASIC, STANDARD]"
    );
    assert_eq!(
        one(|v| v.at("level", |v| v.enum_value(false, &[1, 2, 3]))),
        "Value at '/level' failed to satisfy constraint: Member must satisfy enum value set: [1, 2, 3]"
    );
    assert!(messages(|v| v.enum_value(true, &["BASIC"])).is_empty());
}

#[test]
fn unique_items_message() {
    assert_eq!(
        one(|v| v.at("ids", |v| v.unique_items(&["a", "b", "a", "b"]))),
        "Value with repeated values at '/ids' failed to satisfy constraint: Member must have unique values"
    );
    assert!(
        messages(|v| {
            v.unique_items::<u8>(&[]);
            v.unique_items(&[1]);
            v.unique_items(&["a", "b", "c"]);
            // Floats are allowed; NaN is never equal to anything.
            v.unique_items(&[f64::NAN, f64::NAN, 1.0]);
        })
        .is_empty()
    );
    assert_eq!(messages(|v| v.unique_items(&[0.5, 1.0, 0.5])).len(), 1);
}

#[test]
fn finish_and_display() {
    assert_eq!(Validator::new().finish(), Ok(()));

    let mut v = Validator::new();
    v.member::<str>("name", None, true, |_, _| {});
    let err = v.finish().unwrap_err();
    assert_eq!(
        err.to_string(),
        "1 validation error detected: Value at '/name' failed to satisfy constraint: Member must not be null"
    );

    let mut v = Validator::new();
    v.member::<str>("a", None, true, |_, _| {});
    v.at("b", |v| v.range_int(0, Some(1), None));
    v.at("c", |v| v.enum_value(false, &["X"]));
    let err = v.finish().unwrap_err();
    assert_eq!(err.violations.len(), 3);
    assert_eq!(
        err.to_string(),
        "3 validation errors detected: \
         Value at '/a' failed to satisfy constraint: Member must not be null; \
         Value 0 at '/b' failed to satisfy constraint: Member must be greater than or equal to 1; \
         Value at '/c' failed to satisfy constraint: Member must satisfy enum value set: [X]"
    );
    let as_error: &dyn std::error::Error = &err;
    assert!(as_error.source().is_none());
    assert_eq!(err.violations[1].to_string(), err.violations[1].message);
}

#[test]
fn sensitive_values_are_not_shown_in_range_messages() {
    let mut v = Validator::new();
    v.at("pin", |v| v.sensitive(|v| v.range_int(12, Some(1000), Some(9999))));
    v.at("count", |v| v.range_int(12, Some(1000), None));
    assert_eq!(
        v.violations(),
        [
            Violation {
                path: "/pin".to_string(),
                message:
                    "Value at '/pin' failed to satisfy constraint: Member must be between 1000 and 9999, inclusive"
                        .to_string()
            },
            Violation {
                path: "/count".to_string(),
                message:
                    "Value 12 at '/count' failed to satisfy constraint: Member must be greater than or equal to 1000"
                        .to_string()
            },
        ]
    );
}

#[test]
fn violations_past_the_cap_are_counted_not_kept() {
    let mut v = Validator::new();
    let many: Vec<&str> = vec![""; 3 * MAX_LISTED_VIOLATIONS];
    v.at("arns", |v| {
        v.length(many.len(), Some(1), Some(50));
        v.items(&many, |v, arn| {
            v.length_str(arn, Some(1), None);
            v.pattern(arn, &Pattern::new("^arn:"));
        });
    });
    assert_eq!(v.violations().len(), MAX_LISTED_VIOLATIONS);
    assert_eq!(v.count(), 1 + 2 * many.len());
    let error = v.finish().unwrap_err();
    assert_eq!(error.total(), 601);
    assert_eq!(error.omitted, 501);
    let text = error.to_string();
    assert!(
        text.starts_with("601 validation errors detected: Value with length 300 at '/arns'"),
        "{text}"
    );
    assert!(text.ends_with("; and 501 more"), "{text}");
    assert_eq!(
        text.matches("failed to satisfy constraint").count(),
        MAX_LISTED_VIOLATIONS
    );
}

#[test]
fn the_display_is_bounded_even_with_long_paths() {
    let mut v = Validator::new();
    let key = "k".repeat(10_000);
    for _ in 0..50 {
        v.at(&key, |v| v.length_str("", Some(1), None));
    }
    let error = v.finish().unwrap_err();
    let text = error.to_string();
    assert!(
        text.len() <= MAX_LISTED_BYTES + MAX_MESSAGE_BYTES + 200,
        "{}",
        text.len()
    );
    assert!(
        text.starts_with("50 validation errors detected: Value with length 0 at '/kkk"),
        "{}",
        &text[..80]
    );
    assert!(text.contains("...; "), "each long message is cut and marked");
    assert!(text.ends_with(" more"), "the rest is counted");
}

#[test]
fn below_the_cap_everything_is_listed() {
    let error = ValidationError {
        violations: vec![
            Violation {
                path: "/a".into(),
                message: "one".into(),
            },
            Violation {
                path: "/b".into(),
                message: "two".into(),
            },
        ],
        omitted: 0,
    };
    assert_eq!(error.to_string(), "2 validation errors detected: one; two");
}
