//! Smithy's `smithy.framework#ValidationException` style: each message form, with the texts
//! of Smithy's restJson1 validation compliance cases (`RestJsonValidation`) as expected values,
//! and the same violations in AWS's words beside them where the two differ.

use super::*;

const SMITHY: ValidationStyle = ValidationStyle::SmithyFramework;

/// The one violation `f` records, in Smithy's framework style.
fn framework(f: impl FnOnce(&mut Validator)) -> Violation {
    let mut v = Validator::new();
    f(&mut v);
    let mut all = v.violations_as(SMITHY);
    assert_eq!(all.len(), 1, "{all:?}");
    all.remove(0)
}

/// The one violation `f` records, in AWS's style.
fn aws(f: impl FnOnce(&mut Validator)) -> Violation {
    let mut v = Validator::new();
    f(&mut v);
    let mut all = v.violations().to_vec();
    assert_eq!(all.len(), 1, "{all:?}");
    all.remove(0)
}

fn violation(path: &str, message: &str) -> Violation {
    Violation {
        path: path.to_owned(),
        message: message.to_owned(),
    }
}

#[test]
fn required() {
    // RestJsonMalformedRequiredBodyUnset
    assert_eq!(
        framework(|v| v.member::<str>("string", None, true, |_, _| {})),
        violation(
            "/string",
            "Value at '/string' failed to satisfy constraint: Member must not be null"
        )
    );
}

#[test]
fn length_between_min_and_max() {
    // RestJsonMalformedLengthString, with "👍": characters are counted, not bytes.
    assert_eq!(
        framework(|v| v.at("string", |v| v.length_str("👍", Some(2), Some(8)))),
        violation(
            "/string",
            "Value with length 1 at '/string' failed to satisfy constraint: \
             Member must have length between 2 and 8, inclusive"
        )
    );
    // RestJsonMalformedLengthBlob / ListOverride / MapOverride: the caller's count.
    assert_eq!(
        framework(|v| v.at("list", |v| v.length(7, Some(4), Some(6)))).message,
        "Value with length 7 at '/list' failed to satisfy constraint: \
         Member must have length between 4 and 6, inclusive"
    );
}

#[test]
fn length_one_sided() {
    // RestJsonMalformedLengthMinString and MaxString.
    assert_eq!(
        framework(|v| v.at("minString", |v| v.length_str("a", Some(2), None))).message,
        "Value with length 1 at '/minString' failed to satisfy constraint: \
         Member must have length greater than or equal to 2"
    );
    assert_eq!(
        framework(|v| v.at("maxString", |v| v.length_str(&"x".repeat(26), None, Some(8)))).message,
        "Value with length 26 at '/maxString' failed to satisfy constraint: \
         Member must have length less than or equal to 8"
    );
}

#[test]
fn pattern() {
    // RestJsonMalformedPatternString (the value is never shown, sensitive or not).
    assert_eq!(
        framework(|v| v.at("string", |v| v.pattern("ABC", &Pattern::new("^[a-m]+$")))),
        violation(
            "/string",
            "Value at '/string' failed to satisfy constraint: \
             Member must satisfy regular expression pattern: ^[a-m]+$"
        )
    );
}

#[test]
fn sensitive_pattern() {
    // RestJsonMalformedPatternSensitiveString
    assert_eq!(
        framework(|v| v.at("string", |v| v
            .sensitive(|v| v.pattern("ABC", &Pattern::new("^[a-m]+$")))))
        .message,
        "Value at '/string' failed to satisfy constraint: \
         Member must satisfy regular expression pattern: ^[a-m]+$"
    );
}

#[test]
fn integer_ranges_do_not_show_the_value() {
    // RestJsonMalformedRangeByte, MinByte, MaxByte (and the same for short, integer, long).
    let between = "Value at '/byte' failed to satisfy constraint: Member must be between 2 and 8, inclusive";
    assert_eq!(
        framework(|v| v.at("byte", |v| v.range_int(9, Some(2), Some(8)))).message,
        between
    );
    assert_eq!(
        framework(|v| v.at("minByte", |v| v.range_int(1, Some(2), None))).message,
        "Value at '/minByte' failed to satisfy constraint: Member must be greater than or equal to 2"
    );
    assert_eq!(
        framework(|v| v.at("maxByte", |v| v.range_int(9, None, Some(8)))).message,
        "Value at '/maxByte' failed to satisfy constraint: Member must be less than or equal to 8"
    );
    // AWS's words show the number.
    assert_eq!(
        aws(|v| v.at("byte", |v| v.range_int(9, Some(2), Some(8)))).message,
        "Value 9 at '/byte' failed to satisfy constraint: Member must be between 2 and 8, inclusive"
    );
}

#[test]
fn float_ranges_print_the_bounds_as_the_model_writes_them() {
    // RestJsonMalformedRangeFloat, MinFloat, MaxFloat (a `float` member: f32).
    assert_eq!(
        framework(|v| v.at("float", |v| v.range_f32(8.9, Some(2.2), Some(8.8)))).message,
        "Value at '/float' failed to satisfy constraint: Member must be between 2.2 and 8.8, inclusive"
    );
    assert_eq!(
        framework(|v| v.at("minFloat", |v| v.range_f32(2.1, Some(2.2), None))).message,
        "Value at '/minFloat' failed to satisfy constraint: Member must be greater than or equal to 2.2"
    );
    assert_eq!(
        framework(|v| v.at("maxFloat", |v| v.range_float(6.7, None, Some(6.6)))).message,
        "Value at '/maxFloat' failed to satisfy constraint: Member must be less than or equal to 6.6"
    );
}

#[test]
fn a_float_equal_to_its_bound_is_in_range() {
    // 8.8 as f32 is 8.80000019... as f64: compared in f32, it is the bound itself.
    let mut v = Validator::new();
    v.range_f32(8.8, Some(2.2), Some(8.8));
    v.range_f32(2.2, Some(2.2), Some(8.8));
    assert!(v.violations().is_empty(), "{:?}", v.violations());
}

#[test]
fn big_number_ranges() {
    // bigInteger / bigDecimal members are compared as f64 and printed like the model's bounds.
    assert_eq!(
        framework(|v| v.at("big", |v| v.range_float(1e21, None, Some(1e20)))).message,
        "Value at '/big' failed to satisfy constraint: Member must be less than or equal to 100000000000000000000"
    );
    assert_eq!(
        framework(|v| v.at("dec", |v| v.range_float(0.5, Some(1.25), None))).message,
        "Value at '/dec' failed to satisfy constraint: Member must be greater than or equal to 1.25"
    );
}

#[test]
fn enum_values() {
    // RestJsonMalformedEnumString: the generated code leaves `@internal` values out of the set.
    assert_eq!(
        framework(|v| v.at("string", |v| v.enum_value(false, &["abc", "def", "jkl"]))),
        violation(
            "/string",
            "Value at '/string' failed to satisfy constraint: Member must satisfy enum value set: [abc, def, jkl]"
        )
    );
}

#[test]
fn enum_list_items_are_at_their_index() {
    // RestJsonMalformedEnumList
    assert_eq!(
        framework(|v| v.at("list", |v| v
            .items(["ABC"].iter(), |v, _| v.enum_value(false, &["abc"]))))
        .path,
        "/list/0"
    );
}

#[test]
fn map_keys_are_reported_at_the_map_and_values_at_their_key() {
    // RestJsonMalformedEnumMapKey, RestJsonMalformedPatternMapValue, RestJsonMalformedLengthMapKey.
    let map = std::collections::BTreeMap::from([("ABC".to_owned(), "xyz".to_owned())]);
    let pattern = Pattern::new("^[a-m]+$");
    let mut v = Validator::new();
    v.at("map", |v| {
        v.entries(
            &map,
            |v, k| {
                v.enum_value(false, &["abc", "def", "jkl"]);
                v.length_str(k, Some(4), None);
            },
            |v, x: &String| v.pattern(x, &pattern),
        )
    });
    let paths = |style| -> Vec<String> { v.violations_as(style).into_iter().map(|x| x.path).collect() };
    assert_eq!(paths(SMITHY), ["/map", "/map", "/map/ABC"]);
    assert_eq!(paths(ValidationStyle::Aws), ["/map/ABC", "/map/ABC", "/map/ABC"]);
    assert_eq!(
        v.violations_as(SMITHY)[1].message,
        "Value with length 3 at '/map' failed to satisfy constraint: Member must have length greater than or equal to 4"
    );
}

#[test]
fn union_members_and_recursion_extend_the_path() {
    // RestJsonMalformedRecursiveStructures
    assert_eq!(
        framework(
            |v| v.at("union", |v| v.at("union", |v| v.at("union", |v| v.at("string", |v| {
                v.enum_value(false, &["abc", "def"]);
            }))))
        )
        .message,
        "Value at '/union/union/union/string' failed to satisfy constraint: Member must satisfy enum value set: [abc, def]"
    );
}

#[test]
fn unique_items() {
    // RestJsonMalformedUniqueItemsIntegerList
    assert_eq!(
        framework(|v| v.at("integerList", |v| v.unique_items(&[3, 3]))),
        violation(
            "/integerList",
            "Value at '/integerList' failed to satisfy constraint: Member must have unique values"
        )
    );
    assert_eq!(
        aws(|v| v.at("integerList", |v| v.unique_items(&[3, 3]))).message,
        "Value with repeated values at '/integerList' failed to satisfy constraint: Member must have unique values"
    );
}

#[test]
fn hashed_unique_items_agree_and_take_one_pass() {
    // RestJsonMalformedUniqueItemsStringList, through the hash set.
    assert_eq!(
        framework(|v| v.at("stringList", |v| v.unique_items_hashed(&["abc", "abc"]))).message,
        "Value at '/stringList' failed to satisfy constraint: Member must have unique values"
    );
    // 200,000 distinct items (what a 1 MiB body can hold), then one repeated at the end:
    // pairwise, this would be 2e10 comparisons.
    let mut items: Vec<i64> = (0..200_000).collect();
    let mut v = Validator::new();
    v.unique_items_hashed(&items);
    assert!(v.violations().is_empty());
    items.push(0);
    v.unique_items_hashed(&items);
    assert_eq!(v.violations().len(), 1);
}

#[test]
fn the_summary_of_one_violation_is_the_suites_message() {
    let mut v = Validator::new();
    v.at("minString", |v| v.length_str("a", Some(2), None));
    let error = v.finish_as(SMITHY).unwrap_err();
    assert_eq!(
        error.summary(SMITHY),
        "1 validation error detected. Value with length 1 at '/minString' failed to satisfy constraint: \
         Member must have length greater than or equal to 2"
    );
    // AWS's summary of the same violation keeps its colon.
    assert!(
        error
            .to_string()
            .starts_with("1 validation error detected: Value with length 1")
    );
}

#[test]
fn every_violation_is_reported_in_the_framework_style_too() {
    let mut v = Validator::new();
    v.member::<str>("string", None, true, |_, _| {});
    v.at("byte", |v| v.range_int(9, Some(2), Some(8)));
    let error = v.finish_as(SMITHY).unwrap_err();
    assert_eq!(error.listed().len(), 2);
    assert_eq!(
        error.summary(SMITHY),
        "2 validation errors detected. \
         Value at '/string' failed to satisfy constraint: Member must not be null; \
         Value at '/byte' failed to satisfy constraint: Member must be between 2 and 8, inclusive"
    );
}

#[test]
fn the_listed_violations_are_bounded_like_the_summary() {
    let mut v = Validator::new();
    let key = "k".repeat(10_000);
    for _ in 0..50 {
        v.at(&key, |v| v.length_str("", Some(1), None));
    }
    let error = v.finish_as(SMITHY).unwrap_err();
    let listed = error.listed().len();
    assert!(listed > 0 && listed < 50, "{listed}");
    assert!(error.summary(SMITHY).ends_with(&format!("; and {} more", 50 - listed)));
}
