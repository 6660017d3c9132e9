//! Malformed requests, cause by cause, with the inputs of restJson1's
//! `@httpMalformedRequestTests`: each must be a decode error (a server's 400
//! `SerializationException`), never a value.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::param::Param;
use super::read::json_body;
use crate::decode_mode::reading_request;
use crate::{Blob, JsonFloat, Timestamp};

/// The members the suite's malformed operations put in their bodies.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // read only through Debug: what matters is whether it decodes
struct Body {
    #[serde(default)]
    int: Option<i32>,
    #[serde(default)]
    byte_in_body: Option<i8>,
    #[serde(default)]
    short_in_body: Option<i16>,
    #[serde(default)]
    long_in_body: Option<i64>,
    #[serde(default)]
    boolean_in_body: Option<bool>,
    #[serde(default, with = "serde_with::As::<Option<JsonFloat>>")]
    double_in_body: Option<f64>,
    #[serde(default, with = "serde_with::As::<Option<JsonFloat>>")]
    float_in_body: Option<f32>,
    #[serde(default)]
    blob: Option<Blob>,
    #[serde(default)]
    body_list: Option<Vec<String>>,
    #[serde(default)]
    body_map: Option<BTreeMap<String, String>>,
    #[serde(default, with = "crate::timestamp::epoch_seconds::option")]
    timestamp: Option<Timestamp>,
}

/// Asserts that every body is refused while reading a request.
fn refused(bodies: &[String]) {
    for body in bodies {
        let decoded = reading_request(|| json_body::<Body>(body.as_bytes()));
        assert!(decoded.is_err(), "{body} decoded as {decoded:?}");
    }
}

/// `{ "<member>" : <value> }` for each value.
fn member(name: &str, values: &[&str]) -> Vec<String> {
    values.iter().map(|v| format!("{{ \"{name}\" : {v} }}")).collect()
}

#[test]
fn bodies_that_are_not_json_objects() {
    // RestJsonInvalidJsonBody and RestJsonTechnicallyValidJsonBody.
    let bodies = [
        "{[",
        "{ \"int\": 10 }abc",
        "abc{ \"int\": 10 }",
        "{\n    \"int\": 10 // the integer should be 10\n}",
        "{\n    \"int\": 10 /* the integer should be 10 */\n}",
        "{\"int\" :\u{c}10}",
        "{'int': 10}",
        "{\"int\": 10,}",
        "[{ \"int\": 10}]",
        "10",
        "null",
        // A form feed is not JSON whitespace: not an empty body.
        "\u{c}",
    ];
    refused(&bodies.map(str::to_owned));
    // Empty and JSON-blank bodies are the empty structure.
    for blank in ["", " \t\r\n"] {
        assert!(reading_request(|| json_body::<Body>(blank.as_bytes())).is_ok());
    }
}

#[test]
fn integers_out_of_range_or_of_another_type() {
    let wrong_type = [
        "\"123\"",
        "true",
        "1.001",
        "2ABC",
        "0x42",
        "Infinity",
        "\"Infinity\"",
        "-Infinity",
        "\"-Infinity\"",
        "NaN",
        "\"NaN\"",
    ];
    let huge = [
        "-9223372000000000000",
        "9223372000000000000",
        "123000000000000000000000",
    ];
    for name in ["int", "byteInBody", "shortInBody"] {
        refused(&member(name, &wrong_type));
        refused(&member(name, &huge));
    }
    refused(&member("byteInBody", &["256", "-256"]));
    refused(&member("shortInBody", &["40000", "-40000"]));
    refused(&member("longInBody", &wrong_type));
    refused(&member(
        "longInBody",
        &[
            "-184467440737095500000",
            "184467440737095500000",
            "123000000000000000000000",
        ],
    ));
}

#[test]
fn floats_of_another_type() {
    let values = ["\"123\"", "true", "2ABC", "0x42", "Infinity", "-Infinity", "NaN"];
    refused(&member("doubleInBody", &values));
    refused(&member("floatInBody", &values));
}

#[test]
fn booleans_as_strings_or_other_literals() {
    let words = [
        "true", "True", "TRUE", "y", "Y", "yes", "Yes", "YES", "1", "on", "On", "ON", "false", "False", "FALSE", "n",
        "N", "no", "No", "NO", "0", "off", "Off", "OFF",
    ];
    // RestJsonBodyBooleanStringCoercion: the words as JSON strings.
    let quoted: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
    refused(&member(
        "booleanInBody",
        &quoted.iter().map(String::as_str).collect::<Vec<_>>(),
    ));
    // RestJsonBodyBooleanBadLiteral: the words bare, but for JSON's own two.
    let bare: Vec<&str> = words.into_iter().filter(|w| !matches!(*w, "true" | "false")).collect();
    refused(&member("booleanInBody", &bare));
}

#[test]
fn blobs_that_are_not_padded_base64_strings() {
    // RestJsonBodyMalformedBlobInvalidBase64.
    refused(&member(
        "blob",
        &[
            "blob",
            "\"xyz\"",
            "\"YmxvYg=\"",
            "[98, 108, 11, 98]",
            "[\"b\", \"l\",\"o\",\"b\"]",
            "981081198",
            "true",
            "[][]",
            "-_==",
        ],
    ));
}

#[test]
fn null_items_in_dense_lists_and_maps() {
    // RestJsonBodyMalformedListNullItem, ...ListUnclosed, ...MapNullKey, ...MapNullValue.
    refused(&[
        "{ \"bodyList\" : [\"a\", null, \"b\", \"c\"] }".to_owned(),
        "{ \"bodyList\" : [\"a\", \"b\", \"c\" }".to_owned(),
        "{ \"bodyMap\" : { null: \"abc\" }  }".to_owned(),
        "{ \"bodyMap\" : { \"abc\": null }  }".to_owned(),
    ]);
}

#[test]
fn epoch_seconds_that_are_not_numbers() {
    // RestJsonBodyTimestampDefaultRejects*: strings of every format, and malformed numbers.
    refused(&member(
        "timestamp",
        &[
            "\"1985-04-12T23:20:50.52Z\"",
            "\"1515531081.1234\"",
            "\"1515531081\"",
            "\"Tue, 29 Apr 2014 18:30:38 GMT\"",
            "true",
            "1515531081ABC",
            "0x42",
            "1515531081.123.456",
            "Infinity",
            "\"Infinity\"",
            "NaN",
        ],
    ));
}

#[test]
fn text_values_of_labels_queries_and_headers() {
    // The Path/Query/Header cases of the number and boolean files.
    let not_integers = [
        "true",
        "1.001",
        "2ABC",
        "0x42",
        "Infinity",
        "-Infinity",
        "NaN",
        "",
        " 1",
    ];
    for text in not_integers.iter().chain(&["256", "-256", "123000000000000000000000"]) {
        assert!(i8::from_param(text).is_err(), "{text}");
    }
    for text in not_integers.iter().chain(&["40000", "-40000"]) {
        assert!(i16::from_param(text).is_err(), "{text}");
    }
    for text in not_integers
        .iter()
        .chain(&["-9223372000000000000", "9223372000000000000"])
    {
        assert!(i32::from_param(text).is_err(), "{text}");
    }
    for text in not_integers.iter().chain(&["184467440737095500000"]) {
        assert!(i64::from_param(text).is_err(), "{text}");
    }
    for text in ["true", "2ABC", "0x42", "", "nan", "inf"] {
        assert!(f64::from_param(text).is_err(), "{text}");
        assert!(f32::from_param(text).is_err(), "{text}");
    }
    for text in [
        "True", "TRUE", "y", "yes", "1", "on", "False", "n", "no", "0", "off", "",
    ] {
        assert!(bool::from_param(text).is_err(), "{text}");
    }
    // And what they must still read.
    assert_eq!(i8::from_param("-128"), Ok(-128));
    assert_eq!(i64::from_param("9223372036854775807"), Ok(i64::MAX));
    assert_eq!(f32::from_param("1.5"), Ok(1.5));
    assert_eq!(bool::from_param("false"), Ok(false));
}

#[test]
fn media_type_strings_in_headers_must_be_padded_base64() {
    // RestJsonHeaderMalformedStringInvalidBase64MediaType.
    for text in ["xyz", "YmxvYg=", "[][]", "-_=="] {
        let read = reading_request(|| super::media_type_from_header(text));
        assert!(read.is_err(), "{text}: {read:?}");
    }
    assert_eq!(
        reading_request(|| super::media_type_from_header("dHJ1ZQ==")),
        Ok("true".to_owned())
    );
}
