//! `date-time`: RFC 3339, such as `2024-01-02T03:04:05Z`, as a JSON string.
//!
//! Formatting writes UTC with a `Z`, and a fraction (milliseconds, trailing
//! zeros trimmed: `.123`, `.5`) only when the milliseconds are non-zero.
//! Parsing accepts any RFC 3339 offset and fraction, and returns the instant
//! in UTC.

use serde::{Deserializer, Serializer};
use time::format_description::well_known::Rfc3339;

use super::{StrVisitor, Timestamp, TimestampError, civil, from_unix_nanos};

const FORMAT: &str = "date-time";
const SYNTAX: &str = "expected an RFC 3339 date-time such as 2024-01-02T03:04:05Z";
const UTC_SYNTAX: &str = "expected an RFC 3339 date-time in UTC such as 2024-01-02T03:04:05Z, without an offset";

/// Serializes as a JSON string in the form of [`format()`].
pub fn serialize<S: Serializer>(t: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format(t))
}

/// Deserializes a JSON string with [`parse`].
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
    d.deserialize_str(StrVisitor {
        expecting: "an RFC 3339 date-time string",
        parse,
    })
}

/// `2024-01-02T03:04:05Z` or `2024-01-02T03:04:05.123Z`, in UTC.
pub fn format(t: &Timestamp) -> String {
    let c = civil::utc(t);
    let mut out = String::with_capacity(24);
    civil::push_year(&mut out, c.year);
    out.push_str(&std::format!(
        "-{:02}-{:02}T{:02}:{:02}:{:02}",
        c.month,
        c.day,
        c.hour,
        c.minute,
        c.second
    ));
    civil::push_millis(&mut out, c.millis);
    out.push('Z');
    out
}

/// Parses an RFC 3339 date-time with any offset and fraction; the result is in UTC.
///
/// A server reading a request ([`crate::decode_mode::reading_request`]) takes only what
/// Smithy's `date-time` is: `T` between date and time and `Z` for UTC, no offset
/// (`RestJsonBodyTimestampDateTimeRejectsUTCOffsets`); a client reads any offset, as AWS
/// services have been seen to send them (`RestJsonDateTimeWithNegativeOffset`).
pub fn parse(s: &str) -> Result<Timestamp, TimestampError> {
    if crate::decode_mode::is_reading_request() && !is_utc_form(s) {
        return Err(TimestampError::new(FORMAT, s, UTC_SYNTAX));
    }
    let t = Timestamp::parse(s, &Rfc3339).map_err(|_| TimestampError::new(FORMAT, s, SYNTAX))?;
    // Rebuilt from the instant, so that the offset is UTC; fails (rather than
    // panicking) when the UTC value is past year 9999.
    from_unix_nanos(FORMAT, s, t.unix_timestamp_nanos())
}

/// Whether `s` has the shape of a UTC date-time: `T` after the date, `Z` at the end (either
/// case, as RFC 3339 allows). The rest is checked by the RFC 3339 parser.
fn is_utc_form(s: &str) -> bool {
    s.as_bytes().get(10).is_some_and(|b| b.eq_ignore_ascii_case(&b'T')) && s.ends_with(['Z', 'z'])
}

format_glue!(DateTime);

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};
    use time::UtcOffset;
    use time::macros::datetime;

    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Doc {
        #[serde(with = "super")]
        at: Timestamp,
        #[serde(default, with = "super::option")]
        maybe: Option<Timestamp>,
    }

    #[test]
    fn formats_utc_with_optional_millis() {
        assert_eq!(format(&datetime!(2024-01-02 03:04:05 UTC)), "2024-01-02T03:04:05Z");
        assert_eq!(
            format(&datetime!(2024-01-02 03:04:05.123 UTC)),
            "2024-01-02T03:04:05.123Z"
        );
        assert_eq!(format(&datetime!(2024-01-02 03:04:05.5 UTC)), "2024-01-02T03:04:05.5Z");
        assert_eq!(
            format(&datetime!(2024-01-02 03:04:05.000_9 UTC)),
            "2024-01-02T03:04:05Z"
        );
        assert_eq!(
            format(&datetime!(2024-01-02 03:04:05.999_999 UTC)),
            "2024-01-02T03:04:05.999Z"
        );
        assert_eq!(format(&datetime!(0001-02-03 00:00:00 UTC)), "0001-02-03T00:00:00Z");
        // Converted to UTC, even across a date change.
        assert_eq!(format(&datetime!(2024-01-01 23:30:00 -01:00)), "2024-01-02T00:30:00Z");
        // Past what `time` can hold in UTC: still no panic.
        assert_eq!(format(&datetime!(9999-12-31 23:59:59 -01:00)), "10000-01-01T00:59:59Z");
    }

    #[test]
    fn parses_offsets_and_fractions_to_utc() {
        let t = datetime!(2024-01-02 03:04:05 UTC);
        assert_eq!(parse("2024-01-02T03:04:05Z"), Ok(t));
        assert_eq!(parse("2024-01-02T03:04:05+00:00"), Ok(t));
        assert_eq!(parse("2024-01-02T05:34:05+02:30"), Ok(t));
        assert_eq!(parse("2024-01-01T22:04:05-05:00"), Ok(t));
        assert_eq!(parse("2024-01-02t03:04:05z"), Ok(t));
        // RFC 3339 section 5.6 allows a space in place of the T.
        assert_eq!(parse("2024-01-02 03:04:05Z"), Ok(t));
        assert_eq!(
            parse("2024-01-02T05:34:05+02:30").map(|t| t.offset()),
            Ok(UtcOffset::UTC)
        );
        assert_eq!(
            parse("2024-01-02T03:04:05.1Z"),
            Ok(datetime!(2024-01-02 03:04:05.1 UTC))
        );
        assert_eq!(
            parse("2024-01-02T03:04:05.123456789Z"),
            Ok(datetime!(2024-01-02 03:04:05.123_456_789 UTC))
        );
        assert_eq!(
            parse("2024-01-02T03:04:05.120+01:00"),
            Ok(datetime!(2024-01-02 02:04:05.12 UTC))
        );
    }

    #[test]
    fn round_trips() {
        for t in [
            datetime!(2024-02-29 23:59:59.999 UTC),
            datetime!(1970-01-01 00:00:00 UTC),
            datetime!(1969-07-20 20:17:40.5 UTC),
            datetime!(0000-01-01 00:00:00 UTC),
            datetime!(9999-12-31 23:59:59.999 UTC),
        ] {
            assert_eq!(parse(&format(&t)), Ok(t), "{t}");
            let json = serde_json::to_string(&Doc { at: t, maybe: Some(t) }).unwrap();
            assert_eq!(
                serde_json::from_str::<Doc>(&json).unwrap(),
                Doc { at: t, maybe: Some(t) }
            );
        }
    }

    #[test]
    fn rejects_bad_input() {
        for bad in [
            "",
            "2024-01-02",
            "2024-01-02T03:04:05",
            "2024-13-02T03:04:05Z",
            "2023-02-29T03:04:05Z",
            "2024-01-02T24:00:00Z",
            "2024-01-02T03:04:05.Z",
            "2024-01-02T03:04:05+2:00",
            " 2024-01-02T03:04:05Z",
            "2024-01-02T03:04:05Z ",
            "Tue, 29 Apr 2014 18:30:38 GMT",
            "1700000000",
        ] {
            let e = parse(bad).expect_err(bad);
            assert_eq!((e.format(), e.input()), ("date-time", bad));
        }
        assert_eq!(
            parse("soon").unwrap_err().to_string(),
            "invalid date-time timestamp \"soon\": expected an RFC 3339 date-time such as 2024-01-02T03:04:05Z"
        );
        // Valid syntax whose UTC instant is past year 9999.
        assert_eq!(
            parse("9999-12-31T23:59:59-01:00").unwrap_err().reason(),
            "out of the supported range"
        );
    }

    #[test]
    fn a_server_takes_only_utc_with_t_and_z() {
        use crate::decode_mode::reading_request;
        // The values of restJson1's RestJson*TimestampDateTimeRejectsUTCOffsets and
        // ...RejectsDifferent8601Formats cases: all refused while reading a request.
        for bad in [
            "1996-12-19T16:39:57-08:00",
            "1996-12-19T16:39:57+00:00",
            "1996-12-19T16:39:57+00",
            "1996-12-19T16:39:57+00Z",
            "1996-12-19T16:39:57",
            "1996-12-19T163957",
            "19961219T163957Z",
            "19961219T163957",
            "19961219T16:39:57Z",
            "19961219T16:39:57",
            "1996-12-19T16:39Z",
            "1996-12-19T16:39",
            "1996-12-19T1639",
            "1996-12-19T16Z",
            "1996-12-19T16",
            "1996-12-19 16:39:57Z",
            "2011-12-03T10:15:30+01:00[Europe/Paris]",
            "Tue, 29 Apr 2014 18:30:38 GMT",
            "1515531081",
        ] {
            assert!(reading_request(|| parse(bad)).is_err(), "{bad}");
        }
        let error = reading_request(|| parse("1996-12-19T16:39:57-08:00")).unwrap_err();
        assert!(error.to_string().contains("without an offset"), "{error}");
        for good in [
            "1985-04-12T23:20:50.52Z",
            "1985-04-12T23:20:50Z",
            "1985-04-12t23:20:50z",
        ] {
            assert!(reading_request(|| parse(good)).is_ok(), "{good}");
        }
        // The same rule reaches a timestamp deep in a JSON document.
        let nested = r#"{"at":"2024-01-02T03:04:05+00:00"}"#;
        assert!(reading_request(|| serde_json::from_str::<Doc>(nested)).is_err());
        assert!(serde_json::from_str::<Doc>(nested).is_ok());
    }

    #[test]
    fn json_forms() {
        let d: Doc = serde_json::from_str(r#"{"at":"2024-01-02T03:04:05.5Z","maybe":null}"#).unwrap();
        assert_eq!(
            d,
            Doc {
                at: datetime!(2024-01-02 03:04:05.5 UTC),
                maybe: None
            }
        );
        assert_eq!(
            serde_json::to_string(&d).unwrap(),
            r#"{"at":"2024-01-02T03:04:05.5Z","maybe":null}"#
        );
        let d: Doc = serde_json::from_str(r#"{"at":"2024-01-02T03:04:05Z"}"#).unwrap();
        assert_eq!(d.maybe, None);
        // Owned strings (with escapes) work too.
        let d: Doc = serde_json::from_str(r#"{"at":"2024-01-02T03:04:05\u005a"}"#).unwrap();
        assert_eq!(d.at, datetime!(2024-01-02 03:04:05 UTC));
        let d: Doc = serde_json::from_value(serde_json::json!({"at": "2024-01-02T03:04:05Z"})).unwrap();
        assert_eq!(d.at, datetime!(2024-01-02 03:04:05 UTC));

        let err = serde_json::from_str::<Doc>(r#"{"at":1700000000}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("expected an RFC 3339 date-time string"), "{err}");
        let err = serde_json::from_str::<Doc>(r#"{"at":"nope"}"#).unwrap_err().to_string();
        assert!(err.contains("invalid date-time timestamp \"nope\""), "{err}");
        assert!(serde_json::from_str::<Doc>(r#"{"at":"2024-01-02T03:04:05Z","maybe":5}"#).is_err());
    }
}
