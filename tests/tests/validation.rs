//! Smithy constraint semantics of the generated `Validate` impls, asserted exactly: every
//! test compares whole `Violation { path, message }` values (or the whole
//! `ValidationError` display), never just "it failed".
//!
//! Most tests use the constraints fixture (`tests/fixtures/models/constraints.json`, one
//! member per constraint kind); the rest use the generated IVS crate, which is built from
//! `model/ivs.json` plus the overlay `model/ivs-fixes.json`.

use std::collections::BTreeMap;

use fixture_constraints_model::{CheckInput, CheckOutput, Color, Level, Nested};
use fixture_unions_model::{Pair, PutInput, Tree, Value};
use smithy_runtime::{Blob, Pattern, REDACTED, Timestamp, Validate, ValidationError, Validator, Violation};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn v(path: &str, message: &str) -> Violation {
    Violation {
        path: path.to_string(),
        message: message.to_string(),
    }
}

/// Every violation of `value`, in the order the validator found them (empty when valid).
fn violations(value: &impl Validate) -> Vec<Violation> {
    match value.validate() {
        Ok(()) => Vec::new(),
        Err(error) => {
            assert!(!error.violations.is_empty(), "an Err must carry at least one violation");
            error.violations
        }
    }
}

/// The smallest valid `CheckInput`: only the required `name`.
fn input() -> CheckInput {
    CheckInput::default().with_name("abc")
}

fn labels(entries: &[(&str, &str)]) -> BTreeMap<String, String> {
    entries.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

const NULL_NAME: &str = "Value at '/name' failed to satisfy constraint: Member must not be null";
const NAME_PATTERN: &str = "Member must satisfy regular expression pattern: ^[a-z]+$";

// ---------------------------------------------------------------------------------------
// @required
// ---------------------------------------------------------------------------------------

#[test]
fn required_member_missing_is_reported_at_its_path() {
    assert_eq!(violations(&CheckInput::default()), vec![v("/name", NULL_NAME)]);
    assert_eq!(
        CheckInput::default().validate().unwrap_err().to_string(),
        format!("1 validation error detected: {NULL_NAME}")
    );
    // Present, it is checked (and here valid).
    assert_eq!(input().validate(), Ok(()));
}

#[test]
fn required_member_missing_after_json_null_or_absence() {
    for json in [r#"{}"#, r#"{"name":null}"#, r#"{"nested":{"inner":"ok"}}"#] {
        let parsed: CheckInput = serde_json::from_str(json).unwrap();
        assert_eq!(violations(&parsed), vec![v("/name", NULL_NAME)], "{json}");
    }
}

#[test]
fn required_boolean_member_of_an_output() {
    assert_eq!(
        violations(&CheckOutput::default()),
        vec![v(
            "/ok",
            "Value at '/ok' failed to satisfy constraint: Member must not be null"
        )]
    );
    // `false` is a value, not null.
    assert_eq!(CheckOutput::default().with_ok(false).validate(), Ok(()));
}

#[test]
fn required_member_of_a_nested_structure() {
    let value = input().with_nested(Nested::default().with_count(5));
    assert_eq!(
        violations(&value),
        vec![v(
            "/nested/inner",
            "Value at '/nested/inner' failed to satisfy constraint: Member must not be null"
        )]
    );
}

#[test]
fn required_member_inside_a_list_item() {
    let value = input().with_nested_list(vec![
        Nested::default().with_inner("ok"),
        Nested::default().with_count(3),
        Nested::default().with_inner("fine"),
    ]);
    assert_eq!(
        violations(&value),
        vec![v(
            "/nestedList/1/inner",
            "Value at '/nestedList/1/inner' failed to satisfy constraint: Member must not be null"
        )]
    );

    // The same from the wire.
    let parsed: CheckInput =
        serde_json::from_str(r#"{"name":"abc","nestedList":[{"inner":"ok"},{"count":3},{"inner":"fine"}]}"#).unwrap();
    assert_eq!(parsed, value);
    assert_eq!(violations(&parsed), violations(&value));
}

#[test]
fn constraints_inside_list_items_and_nested_structures_use_full_paths() {
    let value = input()
        .with_nested(Nested::default().with_inner("ok").with_count(0))
        .with_nested_list(vec![
            Nested::default().with_inner("ok"),
            Nested::default().with_inner("NO").with_count(101),
        ]);
    assert_eq!(
        violations(&value),
        vec![
            v(
                "/nested/count",
                "Value 0 at '/nested/count' failed to satisfy constraint: Member must be between 1 and 100, inclusive"
            ),
            v(
                "/nestedList/1/count",
                "Value 101 at '/nestedList/1/count' failed to satisfy constraint: Member must be between 1 and 100, inclusive"
            ),
            v(
                "/nestedList/1/inner",
                &format!("Value at '/nestedList/1/inner' failed to satisfy constraint: {NAME_PATTERN}")
            ),
        ]
    );
}

// ---------------------------------------------------------------------------------------
// @length on strings: Unicode scalar values, bounds and messages
// ---------------------------------------------------------------------------------------

#[test]
fn string_length_counts_unicode_scalar_values_not_bytes() {
    // `Labels` values have @length(max: 4) and no pattern.
    let four = [
        "abcd",
        "éééé",             // 4 scalar values, 8 UTF-8 bytes
        "😀😀😀😀",         // 4 scalar values, 16 UTF-8 bytes, 8 UTF-16 code units
        "日本語!",          // 4 scalar values, 10 UTF-8 bytes
        "e\u{301}e\u{301}", // 4 scalar values (2 graphemes): combining marks count
    ];
    for value in four {
        assert_eq!(value.chars().count(), 4);
        assert_eq!(
            input().with_labels(labels(&[("k", value)])).validate(),
            Ok(()),
            "{value:?}"
        );
    }
    let five = ["ééééé", "😀😀😀😀😀", "e\u{301}e\u{301}e"];
    for value in five {
        assert_eq!(
            violations(&input().with_labels(labels(&[("k", value)]))),
            vec![v(
                "/labels/k",
                "Value with length 5 at '/labels/k' failed to satisfy constraint: Member must have length less than or equal to 4"
            )],
            "{value:?}"
        );
    }
}

#[test]
fn eight_multibyte_characters_pass_a_max_of_eight() {
    // `name` is @length(min: 1, max: 8) and @pattern("^[a-z]+$"): "é" fails the pattern,
    // but 8 of them (16 bytes) are within the length, so only the pattern is reported.
    let eight = "é".repeat(8);
    assert_eq!(eight.len(), 16);
    assert_eq!(
        violations(&CheckInput::default().with_name(eight)),
        vec![v(
            "/name",
            &format!("Value at '/name' failed to satisfy constraint: {NAME_PATTERN}")
        )]
    );
    // Nine are one too many, counted in characters.
    assert_eq!(
        violations(&CheckInput::default().with_name("é".repeat(9))),
        vec![
            v(
                "/name",
                "Value with length 9 at '/name' failed to satisfy constraint: Member must have length between 1 and 8, inclusive"
            ),
            v(
                "/name",
                &format!("Value at '/name' failed to satisfy constraint: {NAME_PATTERN}")
            ),
        ]
    );
}

#[test]
fn string_length_bounds_are_inclusive_with_both_bounds_message() {
    for ok in ["a", "abcdefgh"] {
        assert_eq!(CheckInput::default().with_name(ok).validate(), Ok(()), "{ok}");
    }
    assert_eq!(
        violations(&CheckInput::default().with_name("abcdefghi")),
        vec![v(
            "/name",
            "Value with length 9 at '/name' failed to satisfy constraint: Member must have length between 1 and 8, inclusive"
        )]
    );
    // The empty string is below the minimum, and does not match `^[a-z]+$` either: both
    // are reported, length first (the order the traits are checked in).
    assert_eq!(
        violations(&CheckInput::default().with_name("")),
        vec![
            v(
                "/name",
                "Value with length 0 at '/name' failed to satisfy constraint: Member must have length between 1 and 8, inclusive"
            ),
            v(
                "/name",
                &format!("Value at '/name' failed to satisfy constraint: {NAME_PATTERN}")
            ),
        ]
    );
}

#[test]
fn string_length_min_only_message() {
    // `Secret` is @length(min: 4).
    assert_eq!(input().with_secret("abcd").validate(), Ok(()));
    assert_eq!(input().with_secret("x".repeat(10_000)).validate(), Ok(()));
    assert_eq!(
        violations(&input().with_secret("abc")),
        vec![v(
            "/secret",
            "Value with length 3 at '/secret' failed to satisfy constraint: Member must have length greater than or equal to 4"
        )]
    );
    // Four bytes but three characters.
    assert_eq!(
        violations(&input().with_secret("aéb")),
        vec![v(
            "/secret",
            "Value with length 3 at '/secret' failed to satisfy constraint: Member must have length greater than or equal to 4"
        )]
    );
}

#[test]
fn string_length_max_only_message() {
    assert_eq!(
        violations(&input().with_labels(labels(&[("key", "vvvvv")]))),
        vec![v(
            "/labels/key",
            "Value with length 5 at '/labels/key' failed to satisfy constraint: Member must have length less than or equal to 4"
        )]
    );
    // No minimum: the empty string passes.
    assert_eq!(input().with_labels(labels(&[("key", "")])).validate(), Ok(()));
}

/// `shortName` targets `Name` (`@length(min: 1, max: 8)`, `@pattern("^[a-z]+$")`) and applies
/// `@length(max: 3)` on the member.
///
/// Smithy semantics: a trait applied to a member takes precedence over the trait with the
/// same shape ID on the member's target, and trait values are never merged: the member's
/// `{"max": 3}` replaces the target's `{"min": 1, "max": 8}` as a whole (as Smithy's own
/// `MemberShape#getMemberTrait` does: the member's trait if present, else the target's).
/// So the effective constraint is `@length(max: 3)` with NO minimum, while the target's
/// `@pattern`, which the member does not override, still applies. The generator does the
/// same (`lower::traits::effective` overlays member traits on the target's by trait id), and
/// the generated check is `length_str(x, None, Some(3))`.
#[test]
fn member_length_trait_replaces_the_target_trait_whole() {
    assert_eq!(input().with_short_name("abc").validate(), Ok(()));
    assert_eq!(input().with_short_name("a").validate(), Ok(()));
    // 4 is within the target's 1..8 but above the member's max.
    assert_eq!(
        violations(&input().with_short_name("abcd")),
        vec![v(
            "/shortName",
            "Value with length 4 at '/shortName' failed to satisfy constraint: Member must have length less than or equal to 3"
        )]
    );
    // The empty string: the target's `min: 1` is gone, so there is no length violation;
    // only the (inherited) pattern fails. Compare with `name`, which reports both.
    assert_eq!(
        violations(&input().with_short_name("")),
        vec![v(
            "/shortName",
            &format!("Value at '/shortName' failed to satisfy constraint: {NAME_PATTERN}")
        )]
    );
    assert_eq!(violations(&CheckInput::default().with_name("")).len(), 2);
}

// ---------------------------------------------------------------------------------------
// @length on lists (entries), maps (entries) and blobs (bytes)
// ---------------------------------------------------------------------------------------

#[test]
fn list_length_counts_items() {
    // `Ids` is @length(max: 3) @uniqueItems, of `Name`.
    let ids = |items: &[&str]| input().with_ids(items.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    assert_eq!(ids(&[]).validate(), Ok(()));
    assert_eq!(ids(&["a", "b", "c"]).validate(), Ok(()));
    assert_eq!(
        violations(&ids(&["a", "b", "c", "d"])),
        vec![v(
            "/ids",
            "Value with length 4 at '/ids' failed to satisfy constraint: Member must have length less than or equal to 3"
        )]
    );
}

#[test]
fn map_length_counts_entries() {
    // `Labels` is @length(min: 1).
    assert_eq!(
        violations(&input().with_labels(BTreeMap::new())),
        vec![v(
            "/labels",
            "Value with length 0 at '/labels' failed to satisfy constraint: Member must have length greater than or equal to 1"
        )]
    );
    assert_eq!(input().with_labels(labels(&[("a", "1")])).validate(), Ok(()));
    assert_eq!(
        input()
            .with_labels(labels(&[("a", "1"), ("b", "2"), ("c", "3")]))
            .validate(),
        Ok(())
    );
}

#[test]
fn blob_length_counts_bytes() {
    // `Data` is @length(max: 4).
    assert_eq!(input().with_data(Blob::new(Vec::new())).validate(), Ok(()));
    assert_eq!(input().with_data(Blob::new([0xff_u8; 4])).validate(), Ok(()));
    // "éé" is 2 characters but 4 bytes: fine; "ééé" is 6 bytes: too long.
    assert_eq!(input().with_data(Blob::new("éé".as_bytes())).validate(), Ok(()));
    assert_eq!(
        violations(&input().with_data(Blob::new("ééé".as_bytes()))),
        vec![v(
            "/data",
            "Value with length 6 at '/data' failed to satisfy constraint: Member must have length less than or equal to 4"
        )]
    );
    // From the wire: base64 of 5 bytes.
    let parsed: CheckInput = serde_json::from_str(r#"{"name":"abc","data":"AQIDBAU="}"#).unwrap();
    assert_eq!(
        violations(&parsed),
        vec![v(
            "/data",
            "Value with length 5 at '/data' failed to satisfy constraint: Member must have length less than or equal to 4"
        )]
    );
}

// ---------------------------------------------------------------------------------------
// @pattern: ECMA-262, a search (not implicitly anchored), value never echoed
// ---------------------------------------------------------------------------------------

#[test]
fn pattern_without_anchors_is_a_search() {
    static DIGIT: Pattern = Pattern::new("[0-9]");
    let check = |value: &str| {
        let mut validator = Validator::new();
        validator.at("code", |v| v.pattern(value, &DIGIT));
        validator.finish()
    };
    // A match anywhere in the value is enough.
    for ok in ["7", "abc7", "7abc", "ab7cd"] {
        assert_eq!(check(ok), Ok(()), "{ok}");
    }
    assert_eq!(
        check("abcdef"),
        Err(ValidationError {
            violations: vec![v(
                "/code",
                "Value at '/code' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9]"
            )],
            omitted: 0,
        })
    );
    assert!(DIGIT.is_match("x1y"));
    assert!(!Pattern::new("^[0-9]$").is_match("x1y"));
}

#[test]
fn pattern_with_anchors_must_match_the_whole_value() {
    assert_eq!(input().with_short_name("abc").validate(), Ok(()));
    for bad in ["ab1", "1ab", "a-b", "ABC", " ab"] {
        assert_eq!(
            violations(&input().with_short_name(bad)),
            vec![v(
                "/shortName",
                &format!("Value at '/shortName' failed to satisfy constraint: {NAME_PATTERN}")
            )],
            "{bad:?}"
        );
    }
}

#[test]
fn pattern_uses_ecma_262_semantics() {
    // In ECMA-262 (no multiline flag) `$` matches only at the very end of the input; in
    // Perl/Python/PCRE `$` also matches before a final newline, which would accept "abc\n".
    assert!(!Pattern::new("^[a-z]+$").is_match("abc\n"));
    assert_eq!(
        violations(&input().with_short_name("ab\n")),
        vec![v(
            "/shortName",
            &format!("Value at '/shortName' failed to satisfy constraint: {NAME_PATTERN}")
        )]
    );
    // `[a-z]` is not locale- or Unicode-aware.
    assert_eq!(violations(&input().with_short_name("é")).len(), 1);
    // ECMA-262 syntax: lookahead, `\d` (ASCII digits only without the `u` flag).
    let p = Pattern::new(r"^(?=.*\d)\w+$");
    assert!(p.is_match("abc1"));
    assert!(!p.is_match("abcd"));
    assert!(!Pattern::new(r"^\d$").is_match("٣")); // ARABIC-INDIC DIGIT THREE
    // `.` matches anything but an ECMA-262 line terminator (which includes U+2028).
    assert!(Pattern::new("^.$").is_match("é"));
    assert!(!Pattern::new("^.$").is_match("\u{2028}"));
}

#[test]
fn alternation_with_anchors_in_the_ivs_model() {
    // `ChannelRecordingConfigurationArn`: `^$|^arn:aws:ivs:...:recording-configuration/...$`:
    // either empty (recording disabled) or a whole recording-configuration ARN.
    let request = |arn: &str| ivs_model::CreateChannelRequest::default().with_recording_configuration_arn(arn);
    assert_eq!(request("").validate(), Ok(()));
    assert_eq!(
        request("arn:aws:ivs:us-west-2:123456789012:recording-configuration/ABcdef34ghIJ").validate(),
        Ok(())
    );
    for bad in [
        "x",
        "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh",
        "arn:aws:ivs:us-west-2:123456789012:recording-configuration/ABcdef34ghIJ ",
    ] {
        assert_eq!(
            violations(&request(bad)),
            vec![v(
                "/recordingConfigurationArn",
                "Value at '/recordingConfigurationArn' failed to satisfy constraint: Member must satisfy regular expression pattern: \
                 ^$|^arn:aws:ivs:[a-z0-9-]+:[0-9]+:recording-configuration/[a-zA-Z0-9-]+$"
            )],
            "{bad:?}"
        );
    }
}

#[test]
fn pattern_message_does_not_echo_the_value() {
    let value = "Robert'); DROP TABLE--";
    let error = CheckInput::default().with_name(value).validate().unwrap_err();
    assert_eq!(
        error.violations,
        vec![
            v(
                "/name",
                "Value with length 22 at '/name' failed to satisfy constraint: Member must have length between 1 and 8, inclusive"
            ),
            v(
                "/name",
                &format!("Value at '/name' failed to satisfy constraint: {NAME_PATTERN}")
            ),
        ]
    );
    assert!(!error.to_string().contains(value));
    assert!(!error.to_string().contains("Robert"));
}

// ---------------------------------------------------------------------------------------
// @range (inclusive)
// ---------------------------------------------------------------------------------------

#[test]
fn integer_range_is_inclusive() {
    // `Count` is an integer @range(min: 1, max: 100).
    for ok in [1, 2, 50, 99, 100] {
        assert_eq!(input().with_count(ok).validate(), Ok(()), "{ok}");
    }
    for (bad, text) in [
        (0, "0"),
        (101, "101"),
        (-1, "-1"),
        (i32::MIN, "-2147483648"),
        (i32::MAX, "2147483647"),
    ] {
        assert_eq!(
            violations(&input().with_count(bad)),
            vec![v(
                "/count",
                &format!(
                    "Value {text} at '/count' failed to satisfy constraint: Member must be between 1 and 100, inclusive"
                )
            )]
        );
    }
}

#[test]
fn long_range_with_min_only() {
    // `Big` is a long @range(min: 0).
    for ok in [0, 1, i64::MAX] {
        assert_eq!(input().with_big(ok).validate(), Ok(()), "{ok}");
    }
    assert_eq!(
        violations(&input().with_big(-1)),
        vec![v(
            "/big",
            "Value -1 at '/big' failed to satisfy constraint: Member must be greater than or equal to 0"
        )]
    );
    assert_eq!(
        violations(&input().with_big(i64::MIN)),
        vec![v(
            "/big",
            "Value -9223372036854775808 at '/big' failed to satisfy constraint: Member must be greater than or equal to 0"
        )]
    );
}

#[test]
fn byte_range_with_negative_bounds() {
    // `small` is a byte with @range(min: -2, max: 2) applied on the member.
    for ok in [-2_i8, -1, 0, 1, 2] {
        assert_eq!(input().with_small(ok).validate(), Ok(()), "{ok}");
    }
    assert_eq!(
        violations(&input().with_small(-3)),
        vec![v(
            "/small",
            "Value -3 at '/small' failed to satisfy constraint: Member must be between -2 and 2, inclusive"
        )]
    );
    assert_eq!(
        violations(&input().with_small(3)),
        vec![v(
            "/small",
            "Value 3 at '/small' failed to satisfy constraint: Member must be between -2 and 2, inclusive"
        )]
    );
    assert_eq!(
        violations(&input().with_small(i8::MIN)),
        vec![v(
            "/small",
            "Value -128 at '/small' failed to satisfy constraint: Member must be between -2 and 2, inclusive"
        )]
    );
}

#[test]
fn double_range_with_fractional_bounds() {
    // `Ratio` is a double @range(min: 0.5, max: 2.5).
    for ok in [0.5, 0.500_000_1, 1.0, 2.5] {
        assert_eq!(input().with_ratio(ok).validate(), Ok(()), "{ok}");
    }
    assert_eq!(
        violations(&input().with_ratio(0.49)),
        vec![v(
            "/ratio",
            "Value 0.49 at '/ratio' failed to satisfy constraint: Member must be between 0.5 and 2.5, inclusive"
        )]
    );
    assert_eq!(
        violations(&input().with_ratio(2.51)),
        vec![v(
            "/ratio",
            "Value 2.51 at '/ratio' failed to satisfy constraint: Member must be between 0.5 and 2.5, inclusive"
        )]
    );
    assert_eq!(
        violations(&input().with_ratio(-0.5)),
        vec![v(
            "/ratio",
            "Value -0.5 at '/ratio' failed to satisfy constraint: Member must be between 0.5 and 2.5, inclusive"
        )]
    );
}

#[test]
fn nan_fails_a_range() {
    assert_eq!(
        violations(&input().with_ratio(f64::NAN)),
        vec![v(
            "/ratio",
            "Value NaN at '/ratio' failed to satisfy constraint: Member must be between 0.5 and 2.5, inclusive"
        )]
    );
    assert_eq!(violations(&input().with_ratio(f64::INFINITY)).len(), 1);
    assert_eq!(violations(&input().with_ratio(f64::NEG_INFINITY)).len(), 1);
}

// ---------------------------------------------------------------------------------------
// enum and intEnum membership
// ---------------------------------------------------------------------------------------

/// The wire values of a `Color`-like enum shape in the order the fixture model declares them.
fn declared_enum_values(shape: &str) -> Vec<String> {
    let model: serde_json::Value = serde_json::from_str(include_str!("../fixtures/models/constraints.json")).unwrap();
    let members = model["shapes"][shape]["members"].as_object().unwrap();
    members
        .values()
        .map(|m| match &m["traits"]["smithy.api#enumValue"] {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect()
}

/// The allowed values are listed in model order. `constraints.json` declares `GREEN` before
/// `RED` (its object keys are written sorted), so the set reads `[green, red]`, not
/// `[red, green]`.
#[test]
fn unknown_string_enum_value_fails_membership() {
    assert_eq!(declared_enum_values("fixture.constraints#Color"), ["green", "red"]);
    assert_eq!(Color::VALUES, ["green", "red"]);
    let expected = vec![v(
        "/color",
        "Value at '/color' failed to satisfy constraint: Member must satisfy enum value set: [green, red]",
    )];

    let built = input().with_color(Color::from("blue"));
    assert_eq!(built.color, Some(Color::Unknown("blue".to_string())));
    assert_eq!(violations(&built), expected);

    let parsed: CheckInput = serde_json::from_str(r#"{"name":"abc","color":"blue"}"#).unwrap();
    assert_eq!(parsed, built);
    assert_eq!(violations(&parsed), expected);

    // Enum values are case-sensitive.
    assert_eq!(violations(&input().with_color(Color::from("RED"))), expected);
    // Known values pass, built either way.
    for ok in [
        Color::Red,
        Color::Green,
        Color::from("red"),
        Color::from("green".to_string()),
    ] {
        assert_eq!(input().with_color(ok).validate(), Ok(()));
    }
}

#[test]
fn unknown_int_enum_value_fails_membership() {
    assert_eq!(declared_enum_values("fixture.constraints#Level"), ["10", "1"]);
    let expected = vec![v(
        "/level",
        "Value at '/level' failed to satisfy constraint: Member must satisfy enum value set: [10, 1]",
    )];
    assert_eq!(violations(&input().with_level(Level::from(5))), expected);
    let parsed: CheckInput = serde_json::from_str(r#"{"name":"abc","level":5}"#).unwrap();
    assert_eq!(parsed.level, Some(Level::Unknown(5)));
    assert_eq!(violations(&parsed), expected);
    for ok in [Level::Low, Level::High, Level::from(1), Level::from(10)] {
        assert_eq!(input().with_level(ok).validate(), Ok(()));
    }
}

#[test]
fn unknown_ivs_enum_value_lists_the_model_values() {
    let request =
        ivs_model::CreateChannelRequest::default().with_latency_mode(ivs_model::ChannelLatencyMode::from("ULTRA_LOW"));
    assert_eq!(
        violations(&request),
        vec![v(
            "/latencyMode",
            "Value at '/latencyMode' failed to satisfy constraint: Member must satisfy enum value set: [NORMAL, LOW]"
        )]
    );
}

// ---------------------------------------------------------------------------------------
// @uniqueItems
// ---------------------------------------------------------------------------------------

#[test]
fn unique_items() {
    let ids = |items: &[&str]| input().with_ids(items.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    assert_eq!(ids(&["a", "b", "c"]).validate(), Ok(()));
    let repeated = vec![v(
        "/ids",
        "Value with repeated values at '/ids' failed to satisfy constraint: Member must have unique values",
    )];
    assert_eq!(violations(&ids(&["a", "b", "a"])), repeated);
    // One violation for the list, however many repeats.
    assert_eq!(violations(&ids(&["a", "a", "a"])), repeated);
    // Items are compared exactly (case-sensitively).
    assert_eq!(
        violations(&ids(&["a", "A"])),
        vec![v(
            "/ids/1",
            &format!("Value at '/ids/1' failed to satisfy constraint: {NAME_PATTERN}")
        )]
    );
}

#[test]
fn list_constraints_and_item_constraints_are_all_reported() {
    let value = input().with_ids(vec![
        "a".to_string(),
        "a".to_string(),
        "B".to_string(),
        "abcdefghij".to_string(),
    ]);
    assert_eq!(
        violations(&value),
        vec![
            v(
                "/ids",
                "Value with length 4 at '/ids' failed to satisfy constraint: Member must have length less than or equal to 3"
            ),
            v(
                "/ids",
                "Value with repeated values at '/ids' failed to satisfy constraint: Member must have unique values"
            ),
            v(
                "/ids/2",
                &format!("Value at '/ids/2' failed to satisfy constraint: {NAME_PATTERN}")
            ),
            v(
                "/ids/3",
                "Value with length 10 at '/ids/3' failed to satisfy constraint: Member must have length between 1 and 8, inclusive"
            ),
        ]
    );
}

#[test]
fn sparse_list_checks_present_items_and_skips_nulls() {
    // `SparseIds`: @sparse, @length(max 3), items `Name` (1 to 8 of [a-z]).
    let value = input().with_sparse_ids(vec![None, Some("B".to_string()), None, Some("abcdefghij".to_string())]);
    assert_eq!(
        violations(&value),
        vec![
            v(
                "/sparseIds",
                "Value with length 4 at '/sparseIds' failed to satisfy constraint: Member must have length less than or equal to 3"
            ),
            v(
                "/sparseIds/1",
                &format!("Value at '/sparseIds/1' failed to satisfy constraint: {NAME_PATTERN}")
            ),
            v(
                "/sparseIds/3",
                "Value with length 10 at '/sparseIds/3' failed to satisfy constraint: Member must have length between 1 and 8, inclusive"
            ),
        ]
    );
    assert_eq!(
        input().with_sparse_ids(vec![None, Some("ab".to_string())]).validate(),
        Ok(())
    );
}

#[test]
fn sparse_map_checks_present_values_and_skips_nulls() {
    // `Weights`: @sparse, values `Ratio` (0.5 to 2.5).
    let weights = |entries: &[(&str, Option<f64>)]| {
        input().with_weights(
            entries
                .iter()
                .map(|(k, w)| (k.to_string(), *w))
                .collect::<BTreeMap<_, _>>(),
        )
    };
    assert_eq!(weights(&[("a", None), ("b", Some(1.0))]).validate(), Ok(()));
    assert_eq!(
        violations(&weights(&[("a", None), ("b", Some(3.0))])),
        vec![v(
            "/weights/b",
            "Value 3 at '/weights/b' failed to satisfy constraint: Member must be between 0.5 and 2.5, inclusive"
        )]
    );
}

// ---------------------------------------------------------------------------------------
// Map keys and values
// ---------------------------------------------------------------------------------------

#[test]
fn map_key_constraints_at_the_entry_path() {
    // Keys are `Name`: @length(1..8) and @pattern("^[a-z]+$").
    assert_eq!(
        violations(&input().with_labels(labels(&[("abcdefghi", "v")]))),
        vec![v(
            "/labels/abcdefghi",
            "Value with length 9 at '/labels/abcdefghi' failed to satisfy constraint: Member must have length between 1 and 8, inclusive"
        )]
    );
    assert_eq!(
        violations(&input().with_labels(labels(&[("Key", "v")]))),
        vec![v(
            "/labels/Key",
            &format!("Value at '/labels/Key' failed to satisfy constraint: {NAME_PATTERN}")
        )]
    );
    // The empty key: the pointer ends in an empty segment.
    assert_eq!(
        violations(&input().with_labels(labels(&[("", "v")]))),
        vec![
            v(
                "/labels/",
                "Value with length 0 at '/labels/' failed to satisfy constraint: Member must have length between 1 and 8, inclusive"
            ),
            v(
                "/labels/",
                &format!("Value at '/labels/' failed to satisfy constraint: {NAME_PATTERN}")
            ),
        ]
    );
}

#[test]
fn map_value_constraints_at_the_entry_path() {
    assert_eq!(
        violations(&input().with_labels(labels(&[("a", "ok"), ("b", "toolong"), ("c", "fine")]))),
        vec![v(
            "/labels/b",
            "Value with length 7 at '/labels/b' failed to satisfy constraint: Member must have length less than or equal to 4"
        )]
    );
}

#[test]
fn map_key_is_escaped_as_a_json_pointer_segment() {
    // RFC 6901: `~` is written `~0` and `/` is written `~1`.
    assert_eq!(
        violations(&input().with_labels(labels(&[("a/b~c", "v")]))),
        vec![v(
            "/labels/a~1b~0c",
            &format!("Value at '/labels/a~1b~0c' failed to satisfy constraint: {NAME_PATTERN}")
        )]
    );
    // `~1` in a key must not be confused with an escaped `/`.
    assert_eq!(
        violations(&input().with_labels(labels(&[("~1", "v")]))),
        vec![v(
            "/labels/~01",
            &format!("Value at '/labels/~01' failed to satisfy constraint: {NAME_PATTERN}")
        )]
    );
    // Key and value violations of one entry share the entry's path.
    assert_eq!(
        violations(&input().with_labels(labels(&[("x/y", "vvvvv")]))),
        vec![
            v(
                "/labels/x~1y",
                &format!("Value at '/labels/x~1y' failed to satisfy constraint: {NAME_PATTERN}")
            ),
            v(
                "/labels/x~1y",
                "Value with length 5 at '/labels/x~1y' failed to satisfy constraint: Member must have length less than or equal to 4"
            ),
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Unions (fixture-unions-model)
// ---------------------------------------------------------------------------------------

#[test]
fn union_variants_are_checked_at_the_variant_path() {
    let put = |value: Value| PutInput::default().with_value(value);
    assert_eq!(put(Value::Text("hello".into())).validate(), Ok(()));
    assert_eq!(
        violations(&put(Value::Text("hello!".into()))),
        vec![v(
            "/value/text",
            "Value with length 6 at '/value/text' failed to satisfy constraint: Member must have length less than or equal to 5"
        )]
    );
    assert_eq!(
        violations(&put(Value::Nested(Box::new(Value::Nested(Box::new(Value::Items(
            vec!["ok".into(), "toolong".into()]
        ))))))),
        vec![v(
            "/value/nested/nested/items/1",
            "Value with length 7 at '/value/nested/nested/items/1' failed to satisfy constraint: Member must have length less than or equal to 5"
        )]
    );
    assert_eq!(
        violations(&put(Value::Pair(Pair::default().with_right("r")))),
        vec![v(
            "/value/pair/left",
            "Value at '/value/pair/left' failed to satisfy constraint: Member must not be null"
        )]
    );
    assert_eq!(
        violations(&PutInput::default()),
        vec![v(
            "/value",
            "Value at '/value' failed to satisfy constraint: Member must not be null"
        )]
    );
}

#[test]
fn recursive_structures_are_checked_at_every_depth() {
    let tree = Tree::default().with_label("root").with_next(
        Tree::default()
            .with_label("one")
            .with_children(vec![
                Tree::default().with_label("ok"),
                Tree::default().with_label("sixsix"),
            ])
            .with_next(Tree::default().with_next(Tree::default().with_label("deeper"))),
    );
    let value = PutInput::default().with_value(Value::Number(1)).with_tree(tree);
    assert_eq!(
        violations(&value),
        vec![
            v(
                "/tree/next/children/1/label",
                "Value with length 6 at '/tree/next/children/1/label' failed to satisfy constraint: Member must have length less than or equal to 5"
            ),
            v(
                "/tree/next/next/next/label",
                "Value with length 6 at '/tree/next/next/next/label' failed to satisfy constraint: Member must have length less than or equal to 5"
            ),
        ]
    );
}

// ---------------------------------------------------------------------------------------
// All violations in one pass
// ---------------------------------------------------------------------------------------

#[test]
fn all_violations_are_collected_in_member_order() {
    // Six problems, set in an order different from the model's member order.
    let value = CheckInput::default()
        .with_ratio(2.75)
        .with_count(0)
        .with_data(Blob::new(*b"12345"))
        .with_color(Color::from("blue"))
        .with_big(-1)
        .with_small(9)
        .with_short_name("abc");
    let expected = [
        (
            "/big",
            "Value -1 at '/big' failed to satisfy constraint: Member must be greater than or equal to 0",
        ),
        (
            "/color",
            "Value at '/color' failed to satisfy constraint: Member must satisfy enum value set: [green, red]",
        ),
        (
            "/count",
            "Value 0 at '/count' failed to satisfy constraint: Member must be between 1 and 100, inclusive",
        ),
        (
            "/data",
            "Value with length 5 at '/data' failed to satisfy constraint: Member must have length less than or equal to 4",
        ),
        ("/name", NULL_NAME),
        (
            "/ratio",
            "Value 2.75 at '/ratio' failed to satisfy constraint: Member must be between 0.5 and 2.5, inclusive",
        ),
        (
            "/small",
            "Value 9 at '/small' failed to satisfy constraint: Member must be between -2 and 2, inclusive",
        ),
    ];
    let error = value.validate().unwrap_err();
    assert_eq!(
        error.violations,
        expected.iter().map(|(p, m)| v(p, m)).collect::<Vec<_>>()
    );
    let messages: Vec<&str> = expected.iter().map(|(_, m)| *m).collect();
    assert_eq!(
        error.to_string(),
        format!("7 validation errors detected: {}", messages.join("; "))
    );
}

#[test]
fn six_violations_display() {
    let value = CheckInput::default()
        .with_big(-1)
        .with_color(Color::from("blue"))
        .with_count(0)
        .with_data(Blob::new(*b"12345"))
        .with_ratio(0.25);
    // Plus the missing `name`: six in all, in member order.
    let error = value.validate().unwrap_err();
    let paths: Vec<&str> = error.violations.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(paths, ["/big", "/color", "/count", "/data", "/name", "/ratio"]);
    assert_eq!(
        error.to_string(),
        "6 validation errors detected: \
         Value -1 at '/big' failed to satisfy constraint: Member must be greater than or equal to 0; \
         Value at '/color' failed to satisfy constraint: Member must satisfy enum value set: [green, red]; \
         Value 0 at '/count' failed to satisfy constraint: Member must be between 1 and 100, inclusive; \
         Value with length 5 at '/data' failed to satisfy constraint: Member must have length less than or equal to 4; \
         Value at '/name' failed to satisfy constraint: Member must not be null; \
         Value 0.25 at '/ratio' failed to satisfy constraint: Member must be between 0.5 and 2.5, inclusive"
    );
}

#[test]
fn valid_fully_populated_input_is_ok() {
    let value = CheckInput::default()
        .with_big(i64::MAX)
        .with_color(Color::Green)
        .with_count(100)
        .with_data(Blob::new(*b"abcd"))
        .with_ids(vec!["a".to_string(), "bb".to_string(), "abcdefgh".to_string()])
        .with_labels(labels(&[("a", ""), ("b", "éééé"), ("abcdefgh", "😀😀😀😀")]))
        .with_level(Level::High)
        .with_name("abcdefgh")
        .with_nested(Nested::default().with_inner("a").with_count(1))
        .with_nested_list(vec![
            Nested::default().with_inner("x"),
            Nested::default().with_inner("y").with_count(100),
        ])
        .with_ratio(0.5)
        .with_secret("hunter22")
        .with_short_name("abc")
        .with_small(-2)
        .with_when(Timestamp::from_unix_timestamp(1_700_000_000).unwrap());
    // Every member is set.
    let json = serde_json::to_value(&value).unwrap();
    assert_eq!(json.as_object().unwrap().len(), 15, "{json}");
    assert_eq!(value.validate(), Ok(()));
    // And the same after a trip over the wire.
    let back: CheckInput = serde_json::from_value(json).unwrap();
    assert_eq!(back, value);
    assert_eq!(back.validate(), Ok(()));
}

// ---------------------------------------------------------------------------------------
// IVS
// ---------------------------------------------------------------------------------------

#[test]
fn ivs_channel_name_length() {
    let request = |name: String| ivs_model::CreateChannelRequest::default().with_name(name);
    assert_eq!(request("a".repeat(128)).validate(), Ok(()));
    assert_eq!(request(String::new()).validate(), Ok(()));
    let error = request("a".repeat(129)).validate().unwrap_err();
    assert_eq!(
        error.violations,
        vec![v(
            "/name",
            "Value with length 129 at '/name' failed to satisfy constraint: Member must have length between 0 and 128, inclusive"
        )]
    );
    assert_eq!(
        error.to_string(),
        "1 validation error detected: Value with length 129 at '/name' failed to satisfy constraint: \
         Member must have length between 0 and 128, inclusive"
    );
}

#[test]
fn ivs_channel_name_pattern() {
    let request = |name: &str| ivs_model::CreateChannelRequest::default().with_name(name);
    for ok in ["my-channel_01", "ABC", "-_-"] {
        assert_eq!(request(ok).validate(), Ok(()), "{ok}");
    }
    for bad in ["my channel", "my.channel", "chaîne"] {
        assert_eq!(
            violations(&request(bad)),
            vec![v(
                "/name",
                "Value at '/name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9-_]*$"
            )],
            "{bad:?}"
        );
    }
}

#[test]
fn ivs_required_members_and_tag_limits() {
    assert_eq!(
        violations(&ivs_model::TagResourceRequest::default()),
        vec![
            v(
                "/resourceArn",
                "Value at '/resourceArn' failed to satisfy constraint: Member must not be null"
            ),
            v(
                "/tags",
                "Value at '/tags' failed to satisfy constraint: Member must not be null"
            ),
        ]
    );
    let tags: BTreeMap<String, String> = (0..51).map(|i| (format!("k{i}"), String::new())).collect();
    let request = ivs_model::TagResourceRequest::default()
        .with_resource_arn(CHANNEL_ARN)
        .with_tags(tags);
    assert_eq!(
        violations(&request),
        vec![v(
            "/tags",
            "Value with length 51 at '/tags' failed to satisfy constraint: Member must have length between 0 and 50, inclusive"
        )]
    );
}

const CHANNEL_ARN: &str = "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCDefgh";
const PUBLISHED_RESOURCE_ARN: &str = "^arn:aws:ivs:[a-z0-9-]+:[0-9]+:[a-z-]/[a-zA-Z0-9-]+$";
const FIXED_RESOURCE_ARN: &str = "^arn:aws:ivs:[a-z0-9-]+:[0-9]+:[a-z-]+/[a-zA-Z0-9-]+$";

#[test]
fn overlay_fixes_the_resource_arn_pattern_in_the_generated_crate() {
    let tags = labels(&[("topic", "nature")]);
    let tag = ivs_model::TagResourceRequest::default()
        .with_resource_arn(CHANNEL_ARN)
        .with_tags(tags);
    assert_eq!(tag.validate(), Ok(()));
    assert_eq!(
        ivs_model::ListTagsForResourceRequest::default()
            .with_resource_arn(CHANNEL_ARN)
            .validate(),
        Ok(())
    );
    assert_eq!(
        ivs_model::UntagResourceRequest::default()
            .with_resource_arn(CHANNEL_ARN)
            .with_tag_keys(vec!["topic".to_string()])
            .validate(),
        Ok(())
    );
    // Every resource type the tag operations accept.
    for kind in [
        "channel",
        "stream-key",
        "playback-key",
        "recording-configuration",
        "playback-restriction-policy",
    ] {
        let arn = format!("arn:aws:ivs:us-west-2:123456789012:{kind}/abcdABCDefgh");
        assert_eq!(
            ivs_model::ListTagsForResourceRequest::default()
                .with_resource_arn(arn.as_str())
                .validate(),
            Ok(()),
            "{arn}"
        );
    }
    // The pattern in force is the fixed one: its source is what a failure reports.
    assert_eq!(
        violations(&ivs_model::ListTagsForResourceRequest::default().with_resource_arn("arn:aws:s3:::bucket/key")),
        vec![v(
            "/resourceArn",
            &format!(
                "Value at '/resourceArn' failed to satisfy constraint: Member must satisfy regular expression pattern: {FIXED_RESOURCE_ARN}"
            )
        )]
    );
}

#[test]
fn published_resource_arn_pattern_would_reject_real_arns() {
    // The published model still carries AWS's pattern...
    let model: serde_json::Value = serde_json::from_str(include_str!("../../model/ivs.json")).unwrap();
    let published = &model["shapes"]["com.amazonaws.ivs#ResourceArn"]["traits"]["smithy.api#pattern"];
    assert_eq!(published.as_str(), Some(PUBLISHED_RESOURCE_ARN));
    // ...and the overlay applies the corrected one to the same shape.
    let fixes: serde_json::Value = serde_json::from_str(include_str!("../../model/ivs-fixes.json")).unwrap();
    let apply = &fixes["shapes"]["com.amazonaws.ivs#ResourceArn"];
    assert_eq!(apply["type"], "apply");
    assert_eq!(apply["traits"]["smithy.api#pattern"].as_str(), Some(FIXED_RESOURCE_ARN));

    // The published pattern allows exactly one character of resource type before the slash.
    static PUBLISHED: Pattern = Pattern::new(PUBLISHED_RESOURCE_ARN);
    static FIXED: Pattern = Pattern::new(FIXED_RESOURCE_ARN);
    assert_eq!(Pattern::check(PUBLISHED_RESOURCE_ARN), Ok(()));
    assert!(!PUBLISHED.is_match(CHANNEL_ARN));
    assert!(PUBLISHED.is_match("arn:aws:ivs:us-west-2:123456789012:c/abcdABCDefgh"));
    assert!(FIXED.is_match(CHANNEL_ARN));

    // What validation with the published pattern would have said about a real ARN.
    let mut validator = Validator::new();
    validator.at("resourceArn", |v| v.pattern(CHANNEL_ARN, &PUBLISHED));
    assert_eq!(
        validator.finish(),
        Err(ValidationError {
            violations: vec![v(
                "/resourceArn",
                &format!(
                    "Value at '/resourceArn' failed to satisfy constraint: Member must satisfy regular expression pattern: {PUBLISHED_RESOURCE_ARN}"
                )
            )],
            omitted: 0,
        })
    );
}

// ---------------------------------------------------------------------------------------
// @sensitive
// ---------------------------------------------------------------------------------------

#[test]
fn debug_redacts_a_stream_key_value() {
    let secret = "sk_us-west-2_abcdABCDefgh_567890abcdef";
    let key = ivs_model::StreamKey::default()
        .with_arn("arn:aws:ivs:us-west-2:123456789012:stream-key/g1H2I3j4k5L6")
        .with_channel_arn(CHANNEL_ARN)
        .with_value(secret);
    let debug = format!("{key:?}");
    assert!(!debug.contains(secret), "{debug}");
    assert!(!debug.contains("abcdABCDefgh_5678"), "{debug}");
    assert!(debug.contains(REDACTED), "{debug}");
    assert!(debug.contains(CHANNEL_ARN), "non-sensitive members are shown: {debug}");
    assert_eq!(REDACTED, "*** Sensitive Data Redacted ***");
    // Alternate form too, and through an enclosing structure.
    assert!(!format!("{key:#?}").contains(secret));
    let response = ivs_model::CreateChannelResponse::default().with_stream_key(key.clone());
    let debug = format!("{response:?}");
    assert!(!debug.contains(secret) && debug.contains(REDACTED), "{debug}");
    // An unset sensitive member shows as absent, not redacted.
    let debug = format!("{:?}", ivs_model::StreamKey::default());
    assert!(debug.contains("value: None") && !debug.contains(REDACTED), "{debug}");
}

#[test]
fn debug_redacts_an_srt_passphrase_and_metadata() {
    let passphrase = "p4ssphr4se-AbCdEfGhIjKlMnOpQrStUvWxYz";
    let channel = ivs_model::Channel::default().with_arn(CHANNEL_ARN).with_srt(
        ivs_model::Srt::default()
            .with_endpoint("a1b2c3d4e5f6.srt.live-video.net")
            .with_passphrase(passphrase),
    );
    let debug = format!("{channel:?}");
    assert!(!debug.contains(passphrase), "{debug}");
    assert!(
        debug.contains(REDACTED) && debug.contains("a1b2c3d4e5f6.srt.live-video.net"),
        "{debug}"
    );

    let metadata = r#"{"question":"secret ballot"}"#;
    let put = ivs_model::PutMetadataRequest::default()
        .with_channel_arn(CHANNEL_ARN)
        .with_metadata(metadata);
    let debug = format!("{put:?}");
    assert!(!debug.contains("secret ballot") && debug.contains(REDACTED), "{debug}");
}

#[test]
fn debug_redacts_the_fixture_secret() {
    let value = input().with_secret("zq9-hunter2-zq9");
    let debug = format!("{value:?}");
    assert!(!debug.contains("hunter2"), "{debug}");
    assert!(debug.contains(&format!("secret: Some({REDACTED:?})")), "{debug}");
    assert!(debug.contains("name: Some(\"abc\")"), "{debug}");
}

#[test]
fn validation_messages_never_contain_a_sensitive_value() {
    let error = input().with_secret("zq9").validate().unwrap_err();
    assert_eq!(
        error.violations,
        vec![v(
            "/secret",
            "Value with length 3 at '/secret' failed to satisfy constraint: Member must have length greater than or equal to 4"
        )]
    );
    assert!(!error.to_string().contains("zq9"));
    assert!(!format!("{error:?}").contains("zq9"));

    // IVS: `StreamMetadata` is sensitive with @length(min: 1).
    let error = ivs_model::PutMetadataRequest::default()
        .with_channel_arn("not an arn")
        .with_metadata("")
        .validate()
        .unwrap_err();
    assert_eq!(
        error.violations,
        vec![
            v(
                "/channelArn",
                "Value at '/channelArn' failed to satisfy constraint: Member must satisfy regular expression pattern: \
                 ^arn:aws:ivs:[a-z0-9-]+:[0-9]+:channel/[a-zA-Z0-9-]+$"
            ),
            v(
                "/metadata",
                "Value with length 0 at '/metadata' failed to satisfy constraint: Member must have length greater than or equal to 1"
            ),
        ]
    );
}

/// A `@sensitive` number out of range: the message gives the rule and the path, never the value.
#[test]
fn sensitive_number_out_of_range_is_not_quoted() {
    let input = input().with_pin(12);
    let found = violations(&input);
    assert_eq!(
        found,
        [v(
            "/pin",
            "Value at '/pin' failed to satisfy constraint: Member must be between 1000 and 9999, inclusive"
        )]
    );
    assert!(!format!("{found:?}").contains("12"), "{found:?}");
    assert!(!format!("{input:?}").contains("12"), "Debug redacts it too: {input:?}");
}
