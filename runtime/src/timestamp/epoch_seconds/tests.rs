use serde::{Deserialize, Serialize};
use time::macros::datetime;

use super::*;

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Doc {
    #[serde(with = "super")]
    at: Timestamp,
    #[serde(default, with = "super::option", skip_serializing_if = "Option::is_none")]
    maybe: Option<Timestamp>,
}

fn to_json(t: Timestamp) -> String {
    serde_json::to_string(&Doc { at: t, maybe: None }).unwrap()
}

fn from_json(json: &str) -> Result<Timestamp, String> {
    serde_json::from_str::<Doc>(json)
        .map(|d| d.at)
        .map_err(|e| e.to_string())
}

#[test]
fn serializes_integer_without_fraction() {
    assert_eq!(to_json(datetime!(2023-11-14 22:13:20 UTC)), r#"{"at":1700000000}"#);
    assert_eq!(to_json(Timestamp::UNIX_EPOCH), r#"{"at":0}"#);
    assert_eq!(to_json(datetime!(1969-12-31 23:59:59 UTC)), r#"{"at":-1}"#);
    // Sub-millisecond parts are truncated away.
    assert_eq!(
        to_json(datetime!(2023-11-14 22:13:20.000_999 UTC)),
        r#"{"at":1700000000}"#
    );
}

#[test]
fn serializes_float_with_milliseconds() {
    assert_eq!(
        to_json(datetime!(2023-11-14 22:13:20.123 UTC)),
        r#"{"at":1700000000.123}"#
    );
    assert_eq!(
        to_json(datetime!(2023-11-14 22:13:20.1209 UTC)),
        r#"{"at":1700000000.12}"#
    );
    assert_eq!(
        to_json(datetime!(2023-11-14 22:13:20.001 UTC)),
        r#"{"at":1700000000.001}"#
    );
    assert_eq!(to_json(datetime!(1969-12-31 23:59:59.5 UTC)), r#"{"at":-0.5}"#);
    assert_eq!(
        to_json(datetime!(9999-12-31 23:59:59.999 UTC)),
        r#"{"at":253402300799.999}"#
    );
}

#[test]
fn deserializes_integers_and_floats() {
    assert_eq!(
        from_json(r#"{"at":1700000000}"#),
        Ok(datetime!(2023-11-14 22:13:20 UTC))
    );
    assert_eq!(
        from_json(r#"{"at":1700000000.123}"#),
        Ok(datetime!(2023-11-14 22:13:20.123 UTC))
    );
    assert_eq!(
        from_json(r#"{"at":1700000000.000001}"#),
        Ok(datetime!(2023-11-14 22:13:20.000_001 UTC))
    );
    assert_eq!(from_json(r#"{"at":-0.5}"#), Ok(datetime!(1969-12-31 23:59:59.5 UTC)));
    assert_eq!(from_json(r#"{"at":1.7e9}"#), Ok(datetime!(2023-11-14 22:13:20 UTC)));
    assert_eq!(from_json(r#"{"at":-1}"#), Ok(datetime!(1969-12-31 23:59:59 UTC)));
}

#[test]
fn json_round_trips_at_millisecond_precision() {
    for t in [
        datetime!(2024-02-29 12:00:00.999 UTC),
        datetime!(2024-01-02 03:04:05.1 UTC),
        datetime!(1900-01-01 00:00:00.007 UTC),
        datetime!(0001-01-01 00:00:00 UTC),
        datetime!(-9999-01-01 00:00:00.5 UTC),
    ] {
        assert_eq!(from_json(&to_json(t)), Ok(t), "{t}");
        assert_eq!(parse(&format(&t)), Ok(t), "{t}");
    }
}

#[test]
fn deserialize_rejects_other_types_and_bad_numbers() {
    let err = from_json(r#"{"at":"1700000000"}"#).unwrap_err();
    assert!(err.contains("expected epoch seconds as a JSON number"), "{err}");
    let err = from_json(r#"{"at":true}"#).unwrap_err();
    assert!(err.contains("expected epoch seconds as a JSON number"), "{err}");
    assert!(from_json(r#"{"at":null}"#).is_err());
    let err = from_json(r#"{"at":1e300}"#).unwrap_err();
    assert!(err.contains("out of the supported range"), "{err}");
    let err = from_json(r#"{"at":9223372036854775807}"#).unwrap_err();
    assert!(
        err.contains("invalid epoch-seconds timestamp \"9223372036854775807\""),
        "{err}"
    );
    assert!(
        from_json(r#"{"at":18446744073709551615}"#)
            .unwrap_err()
            .contains("out of the supported range")
    );
    assert!(from_json(r#"{"at":-9223372036854775808}"#).is_err());
    assert!(from_json(r#"{"at":-1e17}"#).is_err());
}

#[test]
fn non_finite_floats_are_errors() {
    let e = from_f64::<serde_json::Error>(f64::NAN).unwrap_err().to_string();
    assert_eq!(e, "invalid epoch-seconds timestamp \"NaN\": not a finite number");
    assert!(from_f64::<serde_json::Error>(f64::INFINITY).is_err());
    assert!(from_f64::<serde_json::Error>(f64::NEG_INFINITY).is_err());
}

#[test]
fn option_module() {
    let d: Doc = serde_json::from_str(r#"{"at":0,"maybe":null}"#).unwrap();
    assert_eq!(d.maybe, None);
    let d: Doc = serde_json::from_str(r#"{"at":0}"#).unwrap();
    assert_eq!(d.maybe, None);
    let d: Doc = serde_json::from_str(r#"{"at":0,"maybe":1.5}"#).unwrap();
    assert_eq!(d.maybe, Some(datetime!(1970-01-01 00:00:01.5 UTC)));
    assert_eq!(serde_json::to_string(&d).unwrap(), r#"{"at":0,"maybe":1.5}"#);
    assert!(serde_json::from_str::<Doc>(r#"{"at":0,"maybe":"x"}"#).is_err());

    let mut out = Vec::new();
    option::serialize(&None, &mut serde_json::Serializer::new(&mut out)).unwrap();
    assert_eq!(out, b"null");
}

#[test]
fn string_form() {
    assert_eq!(format(&datetime!(2023-11-14 22:13:20 UTC)), "1700000000");
    assert_eq!(format(&datetime!(2023-11-14 22:13:20.123 UTC)), "1700000000.123");
    assert_eq!(format(&datetime!(2023-11-14 22:13:20.5 UTC)), "1700000000.5");
    assert_eq!(format(&datetime!(1969-12-31 23:59:59.5 UTC)), "-0.5");
    assert_eq!(format(&datetime!(1969-12-31 23:59:58.75 UTC)), "-1.25");
    // Offsets do not change the instant.
    assert_eq!(format(&datetime!(2023-11-15 00:13:20 +02:00)), "1700000000");

    assert_eq!(parse("1700000000"), Ok(datetime!(2023-11-14 22:13:20 UTC)));
    assert_eq!(parse("1700000000.123"), Ok(datetime!(2023-11-14 22:13:20.123 UTC)));
    assert_eq!(
        parse("1700000000.123456789"),
        Ok(datetime!(2023-11-14 22:13:20.123_456_789 UTC))
    );
    assert_eq!(
        parse("1.1234567899999"),
        Ok(datetime!(1970-01-01 00:00:01.123_456_789 UTC))
    );
    assert_eq!(parse("-1.25"), Ok(datetime!(1969-12-31 23:59:58.75 UTC)));
    assert_eq!(parse("-0"), Ok(Timestamp::UNIX_EPOCH));
    assert_eq!(parse("007"), Ok(datetime!(1970-01-01 00:00:07 UTC)));
}

#[test]
fn string_form_rejects_bad_input() {
    for bad in [
        "", "-", ".", "1.", ".5", "+1", "1e9", " 1", "1 ", "1.2.3", "0x10", "١٢", "--1", "1,5", "NaN",
    ] {
        let e = parse(bad).unwrap_err();
        assert_eq!(e.format(), "epoch-seconds");
        assert_eq!(e.input(), bad);
        assert_eq!(e.reason(), SYNTAX, "{bad:?}");
    }
    assert_eq!(
        parse("abc").unwrap_err().to_string(),
        "invalid epoch-seconds timestamp \"abc\": expected seconds since the Unix epoch, \
         such as 1700000000 or 1700000000.123"
    );
    for huge in ["253402300800", "-377705116801", &"9".repeat(40), &"9".repeat(400)] {
        assert_eq!(parse(huge).unwrap_err().reason(), RANGE, "{huge}");
    }
    assert!(parse("253402300799.999999999").is_ok());
}
