//! `ivs-local` against hostile input and a harsh environment (issue 17): each test is one
//! finding, run against the real binary over a real socket, and fails on the old behaviour.

use std::time::{Duration, Instant};

use support::process::Emulator;
use support::raw;

mod support;

/// The peak resident memory of a process, in KiB (Linux's `VmHWM`).
#[cfg(target_os = "linux")]
fn peak_memory_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// Finding 1: a 1 MiB `BatchGetChannel` of 340,000 empty ARNs (two violations each) used to
/// get a 189 MB answer after seconds, with the server peaking over 700 MB. Now the answer
/// lists the first 100 violations and counts the rest, and validation keeps no more.
#[test]
fn a_megabyte_of_invalid_arns_gets_a_small_answer() {
    let emulator = Emulator::start(&["--quiet"], &[]);
    let body = format!("{{\"arns\":[{}\"\"]}}", "\"\",".repeat(339_999));
    assert!(body.len() <= 1_048_576, "within the body limit: {}", body.len());
    let started = Instant::now();
    let response = raw::exchange(
        raw::address(&emulator.url),
        &raw::request(
            "POST",
            "/BatchGetChannel",
            &[("content-type", "application/json")],
            body.as_bytes(),
        ),
    );
    let elapsed = started.elapsed();
    assert_eq!(response.status, 400, "{response:?}");
    assert_eq!(response.code(), "ValidationException");
    assert!(
        response.body.len() < 64 * 1024,
        "answer of {} bytes",
        response.body.len()
    );
    let message = response.json()["message"].as_str().unwrap().to_owned();
    // The list's length, and the length and pattern of each of the 340,000 items.
    assert!(
        message.starts_with("680001 validation errors detected: "),
        "{}",
        &message[..200]
    );
    assert!(message.ends_with("; and 679901 more"), "{message}");
    assert!(elapsed < Duration::from_secs(5), "answered in {elapsed:?}");
    #[cfg(target_os = "linux")]
    {
        let peak = peak_memory_kib(emulator.child.id());
        assert!(peak < 150 * 1024, "peak memory {peak} KiB");
    }
}

/// Finding 4: serde filled a structure's fields by position from a JSON array, so
/// `["demo","LOW","BASIC",true]` created a channel named `demo`, authorized. A structure is
/// a JSON object, at the top and nested; nothing is created.
#[test]
fn a_json_array_is_not_a_structure() {
    let emulator = Emulator::start(&["--quiet"], &[]);
    let addr = raw::address(&emulator.url);
    let json = [("content-type", "application/json")];
    for (path, body) in [
        ("/CreateChannel", r#"["demo","LOW","BASIC",true]"#),
        (
            "/CreateChannel",
            r#"{"name":"demo","multitrackInputConfiguration":[true]}"#,
        ),
        (
            "/CreateRecordingConfiguration",
            r#"{"destinationConfiguration":{"s3":["bucket"]}}"#,
        ),
    ] {
        let response = raw::exchange(addr, &raw::request("POST", path, &json, body.as_bytes()));
        assert_eq!(response.status, 400, "{body}: {response:?}");
        assert_eq!(response.code(), "SerializationException", "{body}");
        let message = response.json()["message"].as_str().unwrap().to_owned();
        assert!(message.contains("invalid type: sequence, expected struct"), "{message}");
    }
    let listed = raw::exchange(addr, &raw::request("POST", "/ListChannels", &json, b"{}"));
    assert_eq!(listed.json()["channels"], serde_json::json!([]), "nothing was created");
}
