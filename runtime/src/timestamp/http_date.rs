//! `http-date`: the IMF-fixdate of RFC 9110 (formerly RFC 7231), such as
//! `Tue, 29 Apr 2014 18:30:38 GMT`, as a JSON string.
//!
//! The format has whole seconds: formatting truncates any fraction. Parsing
//! also accepts a fraction after the seconds (`18:30:38.123 GMT`), which some
//! Smithy implementations write. The weekday name must be one of the seven
//! abbreviations but is not checked against the date. The obsolete RFC 850
//! and asctime forms are not accepted.

use serde::{Deserializer, Serializer};
use time::{Date, Month, PrimitiveDateTime, Time};

use super::{StrVisitor, Timestamp, TimestampError, civil};

const FORMAT: &str = "http-date";
const SYNTAX: &str = "expected an IMF-fixdate such as Tue, 29 Apr 2014 18:30:38 GMT";

/// Serializes as a JSON string in the form of [`format()`].
pub fn serialize<S: Serializer>(t: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format(t))
}

/// Deserializes a JSON string with [`parse`].
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
    d.deserialize_str(StrVisitor {
        expecting: "an HTTP date (IMF-fixdate) string",
        parse,
    })
}

/// `Tue, 29 Apr 2014 18:30:38 GMT`, in UTC, without fractional seconds.
pub fn format(t: &Timestamp) -> String {
    let c = civil::utc(t);
    let mut out = std::format!(
        "{}, {:02} {} ",
        civil::weekday_name(c.weekday),
        c.day,
        civil::month_name(c.month)
    );
    civil::push_year(&mut out, c.year);
    out.push_str(&std::format!(" {:02}:{:02}:{:02} GMT", c.hour, c.minute, c.second));
    out
}

/// Parses an IMF-fixdate, optionally with fractional seconds.
pub fn parse(s: &str) -> Result<Timestamp, TimestampError> {
    let fields = Fields::read(s.as_bytes()).ok_or_else(|| TimestampError::new(FORMAT, s, SYNTAX))?;
    let date = Month::try_from(fields.month)
        .and_then(|month| Date::from_calendar_date(fields.year, month, fields.day))
        .map_err(|_| TimestampError::new(FORMAT, s, "no such date"))?;
    let time = Time::from_hms_nano(fields.hour, fields.minute, fields.second, fields.nanos)
        .map_err(|_| TimestampError::new(FORMAT, s, "no such time of day"))?;
    Ok(PrimitiveDateTime::new(date, time).assume_utc())
}

const WEEKDAYS: [&[u8]; 7] = [b"Mon", b"Tue", b"Wed", b"Thu", b"Fri", b"Sat", b"Sun"];
const MONTHS: [&[u8]; 12] = [
    b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec",
];

/// The fields of `Www, DD Mon YYYY hh:mm:ss[.fff] GMT`, not yet range-checked.
struct Fields {
    year: i32,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
    nanos: u32,
}

impl Fields {
    fn read(input: &[u8]) -> Option<Self> {
        let mut c = Cursor(input);
        c.one_of(&WEEKDAYS)?;
        c.literal(b", ")?;
        let day = c.number(2)?;
        c.literal(b" ")?;
        let month = c.one_of(&MONTHS)? + 1;
        c.literal(b" ")?;
        let year = c.number(4)?;
        c.literal(b" ")?;
        let hour = c.number(2)?;
        c.literal(b":")?;
        let minute = c.number(2)?;
        c.literal(b":")?;
        let second = c.number(2)?;
        let nanos = if c.literal(b".").is_some() { c.fraction()? } else { 0 };
        c.literal(b" GMT")?;
        if !c.0.is_empty() {
            return None;
        }
        Some(Self {
            year: i32::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
            hour: u8::try_from(hour).ok()?,
            minute: u8::try_from(minute).ok()?,
            second: u8::try_from(second).ok()?,
            nanos,
        })
    }
}

/// The input not read yet.
struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    fn literal(&mut self, expected: &[u8]) -> Option<()> {
        let rest = self.0.strip_prefix(expected)?;
        self.0 = rest;
        Some(())
    }

    /// The index in `names` of the next three bytes.
    fn one_of(&mut self, names: &[&[u8]]) -> Option<u32> {
        let name = self.take(3)?;
        let index = names.iter().position(|n| *n == name)?;
        u32::try_from(index).ok()
    }

    /// Exactly `digits` ASCII digits.
    fn number(&mut self, digits: usize) -> Option<u32> {
        self.take(digits)?
            .iter()
            .try_fold(0u32, |n, &b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')))
    }

    /// One or more digits after a decimal point, as nanoseconds (digits past
    /// the ninth are ignored).
    fn fraction(&mut self) -> Option<u32> {
        let len = self.0.iter().take_while(|b| b.is_ascii_digit()).count();
        let digits = self.take(len).filter(|d| !d.is_empty())?;
        let mut nanos = 0;
        let mut scale = 1_000_000_000;
        for &b in digits.iter().take(9) {
            scale /= 10;
            nanos += u32::from(b - b'0') * scale;
        }
        Some(nanos)
    }
}

format_glue!(HttpDate);

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};
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
    fn formats_imf_fixdate() {
        assert_eq!(
            format(&datetime!(2014-04-29 18:30:38 UTC)),
            "Tue, 29 Apr 2014 18:30:38 GMT"
        );
        assert_eq!(
            format(&datetime!(1970-01-01 00:00:00 UTC)),
            "Thu, 01 Jan 1970 00:00:00 GMT"
        );
        assert_eq!(
            format(&datetime!(2024-02-29 09:05:01.999 UTC)),
            "Thu, 29 Feb 2024 09:05:01 GMT"
        );
        assert_eq!(
            format(&datetime!(2024-12-01 00:00:00 +01:00)),
            "Sat, 30 Nov 2024 23:00:00 GMT"
        );
        assert_eq!(
            format(&datetime!(0099-06-07 12:00:00 UTC)),
            "Sun, 07 Jun 0099 12:00:00 GMT"
        );
    }

    #[test]
    fn every_weekday_and_month_name() {
        let names: Vec<String> = (0..12)
            .map(|m| format(&(datetime!(2023-01-02 00:00:00 UTC) + time::Duration::days(31 * m + m))))
            .collect();
        let months: Vec<&str> = names.iter().map(|n| &n[8..11]).collect();
        assert_eq!(
            months,
            [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
            ]
        );
        let days: Vec<String> = (0..7)
            .map(|d| format(&(datetime!(2023-01-02 00:00:00 UTC) + time::Duration::days(d))))
            .collect();
        let days: Vec<&str> = days.iter().map(|n| &n[..3]).collect();
        assert_eq!(days, ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
    }

    #[test]
    fn parses_and_round_trips() {
        assert_eq!(
            parse("Tue, 29 Apr 2014 18:30:38 GMT"),
            Ok(datetime!(2014-04-29 18:30:38 UTC))
        );
        assert_eq!(
            parse("Tue, 29 Apr 2014 18:30:38.123 GMT"),
            Ok(datetime!(2014-04-29 18:30:38.123 UTC))
        );
        assert_eq!(
            parse("Tue, 29 Apr 2014 18:30:38.1234567891 GMT"),
            Ok(datetime!(2014-04-29 18:30:38.123_456_789 UTC))
        );
        // The weekday is not checked against the date.
        assert_eq!(
            parse("Mon, 29 Apr 2014 18:30:38 GMT"),
            Ok(datetime!(2014-04-29 18:30:38 UTC))
        );
        for t in [
            datetime!(2014-04-29 18:30:38 UTC),
            datetime!(0000-01-01 00:00:00 UTC),
            datetime!(9999-12-31 23:59:59 UTC),
        ] {
            assert_eq!(parse(&format(&t)), Ok(t));
        }
    }

    #[test]
    fn rejects_bad_input() {
        let syntax = [
            "",
            "Tue, 29 Apr 2014 18:30:38",
            "Tue, 29 Apr 2014 18:30:38 UTC",
            "Tue, 29 Apr 2014 18:30:38 GMT ",
            "Tue, 29 apr 2014 18:30:38 GMT",
            "tue, 29 Apr 2014 18:30:38 GMT",
            "Tuesday, 29-Apr-14 18:30:38 GMT",
            "Tue Apr 29 18:30:38 2014",
            "Tue, 9 Apr 2014 18:30:38 GMT",
            "Tue, 29 Apr 14 18:30:38 GMT",
            "Tue, 29 Apr 2014 18:30:38. GMT",
            "Tue, 29 Apr 2014 1a:30:38 GMT",
            "Tue, 29 Apr +014 18:30:38 GMT",
            "Tue, 29 Apr 2014 18:30 GMT",
            "2014-04-29T18:30:38Z",
            "Tué, 29 Apr 2014 18:30:38 GMT",
        ];
        for bad in syntax {
            let e = parse(bad).unwrap_err();
            assert_eq!((e.format(), e.input(), e.reason()), ("http-date", bad, SYNTAX));
        }
        assert_eq!(
            parse("Fri, 30 Feb 2024 00:00:00 GMT").unwrap_err().to_string(),
            "invalid http-date timestamp \"Fri, 30 Feb 2024 00:00:00 GMT\": no such date"
        );
        assert_eq!(
            parse("Tue, 00 Apr 2014 18:30:38 GMT").unwrap_err().reason(),
            "no such date"
        );
        assert_eq!(
            parse("Tue, 29 Apr 2014 24:00:00 GMT").unwrap_err().reason(),
            "no such time of day"
        );
        assert_eq!(
            parse("Tue, 29 Apr 2014 23:59:60 GMT").unwrap_err().reason(),
            "no such time of day"
        );
        assert_eq!(
            parse("Tue, 29 Apr 2014 23:60:00 GMT").unwrap_err().reason(),
            "no such time of day"
        );
    }

    #[test]
    fn json_forms() {
        let json = r#"{"at":"Tue, 29 Apr 2014 18:30:38 GMT","maybe":null}"#;
        let d: Doc = serde_json::from_str(json).unwrap();
        assert_eq!(
            d,
            Doc {
                at: datetime!(2014-04-29 18:30:38 UTC),
                maybe: None
            }
        );
        assert_eq!(serde_json::to_string(&d).unwrap(), json);
        let d: Doc =
            serde_json::from_str(r#"{"at":"Tue, 29 Apr 2014 18:30:38 GMT","maybe":"Wed, 30 Apr 2014 00:00:00 GMT"}"#)
                .unwrap();
        assert_eq!(d.maybe, Some(datetime!(2014-04-30 00:00:00 UTC)));
        let err = serde_json::from_str::<Doc>(r#"{"at":0}"#).unwrap_err().to_string();
        assert!(err.contains("expected an HTTP date (IMF-fixdate) string"), "{err}");
        let err = serde_json::from_str::<Doc>(r#"{"at":"Tue"}"#).unwrap_err().to_string();
        assert!(err.contains("invalid http-date timestamp \"Tue\""), "{err}");
    }
}
