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

/// Reads from `stream` until the server closes it; returns how long that took and what came.
fn until_closed(stream: &mut std::net::TcpStream) -> (Duration, Vec<u8>) {
    use std::io::Read;
    let started = Instant::now();
    let mut received = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        match stream.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => received.extend_from_slice(&chunk[..n]),
            Err(error) if error.kind() == std::io::ErrorKind::ConnectionReset => break,
            Err(error) => panic!("the server did not close the connection: {error}"),
        }
    }
    (started.elapsed(), received)
}

/// Finding 2: a client that sends half a request head, or nothing, used to hold its
/// connection forever. Now it is closed after the header timeout.
#[test]
fn a_stuck_or_idle_client_is_disconnected_after_the_header_timeout() {
    use std::io::Write;
    let emulator = Emulator::start(&["--quiet", "--header-timeout", "1"], &[]);
    let addr = raw::address(&emulator.url);
    let mut partial = raw::connect(addr);
    partial
        .write_all(b"POST /ListChannels HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    let mut silent = raw::connect(addr);
    // A keep-alive connection that went idle after one exchange.
    let mut idle = raw::connect(addr);
    idle.write_all(
        b"POST /ListChannels HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}",
    )
    .unwrap();
    assert_eq!(raw::read_response(&mut idle).unwrap().status, 200);
    for (what, stream) in [
        ("partial head", &mut partial),
        ("silent", &mut silent),
        ("idle", &mut idle),
    ] {
        let (waited, _) = until_closed(stream);
        assert!(waited < Duration::from_secs(3), "{what}: closed after {waited:?}");
    }
}

/// Finding 2: a body that stops arriving is answered with 408 after the body timeout.
#[test]
fn a_stalled_body_gets_408_after_the_body_timeout() {
    use std::io::Write;
    let emulator = Emulator::start(&["--quiet", "--body-timeout", "1"], &[]);
    let mut stream = raw::connect(raw::address(&emulator.url));
    stream
        .write_all(b"POST /ListChannels HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 10\r\n\r\n{\"a\"")
        .unwrap();
    let started = Instant::now();
    let response = raw::read_response(&mut stream).expect("an answer");
    assert!(started.elapsed() < Duration::from_secs(3), "{:?}", started.elapsed());
    assert_eq!(response.status, 408, "{response:?}");
    assert_eq!(response.code(), "RequestTimeoutException");
    assert_eq!(response.headers.get("connection").map(String::as_str), Some("close"));
}

/// Finding 2: one stuck client made SIGTERM (and Ctrl-C) wait forever. Now the emulator
/// stops within the shutdown deadline.
#[test]
fn sigterm_with_a_stuck_client_stops_within_the_deadline() {
    use std::io::Write;
    let emulator = Emulator::start(&["--quiet", "--shutdown-timeout", "1"], &[]);
    let addr = raw::address(&emulator.url);
    let mut stuck_head = raw::connect(addr);
    stuck_head
        .write_all(b"POST /ListChannels HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    let mut stuck_body = raw::connect(addr);
    stuck_body
        .write_all(
            b"POST /ListChannels HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 10\r\n\r\n{",
        )
        .unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    let (status, stdout, _) = emulator.signal("-TERM");
    let took = started.elapsed();
    assert!(status.success(), "{status:?}");
    assert!(stdout.contains("ivs-local stopped"), "{stdout}");
    assert!(took < Duration::from_secs(4), "stopped after {took:?}");
}

/// Finding 6: with stdout closed (`ivs-local | head -1`), Ctrl-C made the final
/// `println!` panic: exit code 101. Now it stops cleanly.
#[test]
fn ctrl_c_with_stdout_closed_stops_cleanly() {
    let mut emulator = Emulator::start(&["--quiet"], &[]);
    drop(emulator.child.stdout.take()); // what `head -1` does after the first line
    let (status, _, stderr) = emulator.signal("-INT");
    assert!(status.success(), "{status:?} {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Sends `count` requests for a 4 KB path (a 404, logged with the path) and checks each is
/// answered: about 4 KB of request log per request.
fn many_logged_requests(url: &str, count: usize) {
    let path = format!("/{}", "x".repeat(4000));
    for i in 0..count {
        let response = raw::exchange(raw::address(url), &raw::request("GET", &path, &[], b""));
        assert_eq!(response.status, 404, "request {i}: {response:?}");
    }
}

/// Finding 3: the request log used `eprintln!` outside the panic catcher: with stderr a pipe
/// nobody reads, the workers blocked after about 64 KiB of log. Now 800 KB of log later,
/// requests are still answered.
#[test]
fn a_stderr_nobody_reads_does_not_stop_the_server() {
    let emulator = Emulator::start(&[], &[]);
    // stderr is a pipe the test never reads while the requests go.
    many_logged_requests(&emulator.url, 200);
}

/// Finding 3: with stderr closed, `eprintln!` panicked and every request got an empty reply.
#[test]
fn a_closed_stderr_does_not_stop_the_server() {
    let mut emulator = Emulator::start(&[], &[]);
    drop(emulator.child.stderr.take());
    many_logged_requests(&emulator.url, 20);
    let (status, stdout, _) = emulator.signal("-INT");
    assert!(status.success(), "{status:?}");
    assert!(stdout.contains("ivs-local stopped"), "{stdout}");
}

/// A fresh directory for one test's files.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ivs-local-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn create_channel(url: &str) -> raw::Response {
    raw::exchange(
        raw::address(url),
        &raw::request("POST", "/CreateChannel", &[("content-type", "application/json")], b"{}"),
    )
}

/// Finding 9: the state file, which holds stream keys and SRT passphrases, was created
/// readable by everyone (0644).
#[cfg(unix)]
#[test]
fn the_state_file_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("mode");
    let state = dir.join("ivs.json");
    let emulator = Emulator::start(&["--quiet", "--state", state.to_str().unwrap()], &[]);
    assert_eq!(create_channel(&emulator.url).status, 200);
    let mode = std::fs::metadata(&state).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    drop(emulator);
    let _ = std::fs::remove_dir_all(dir);
}

/// Finding 9: a 500 for a state file that cannot be written showed its absolute path. The
/// write is made to fail with a file size limit (`ulimit -f`, with `SIGXFSZ` ignored so that
/// the write fails with `EFBIG` instead of killing the process): the state file is opened,
/// but the first change does not fit. The change is undone too.
#[cfg(unix)]
#[test]
fn a_failed_save_is_undone_and_does_not_show_the_state_files_path() {
    let dir = scratch("unwritable");
    let state = dir.join("ivs.json");
    let mut shell = std::process::Command::new("sh");
    shell.args([
        "-c",
        r#"trap '' XFSZ; ulimit -f 2 && exec "$0" --port 0 --quiet --state "$1""#,
        env!("CARGO_BIN_EXE_ivs-local"),
        state.to_str().unwrap(),
    ]);
    let emulator = Emulator::start_command(shell);
    let huge_tags: String = (0..50)
        .map(|i| format!("\"key{i}\":\"{}\"", "v".repeat(200)))
        .collect::<Vec<_>>()
        .join(",");
    let body = format!("{{\"name\":\"big\",\"tags\":{{{huge_tags}}}}}");
    let response = raw::exchange(
        raw::address(&emulator.url),
        &raw::request(
            "POST",
            "/CreateChannel",
            &[("content-type", "application/json")],
            body.as_bytes(),
        ),
    );
    assert_eq!(response.status, 500, "{response:?}");
    let text = String::from_utf8_lossy(&response.body).into_owned();
    assert!(text.contains("was not saved"), "{text}");
    assert!(
        !text.contains(dir.to_str().unwrap()) && !text.contains("ivs.json"),
        "{text}"
    );
    let listed = raw::exchange(
        raw::address(&emulator.url),
        &raw::request("POST", "/ListChannels", &[("content-type", "application/json")], b"{}"),
    );
    assert_eq!(
        listed.json()["channels"],
        serde_json::json!([]),
        "the change was undone"
    );
    let (_, _, log) = emulator.interrupt();
    assert!(log.contains("ivs.json"), "the operator's log says which file: {log}");
    let _ = std::fs::remove_dir_all(dir);
}

/// Finding 9: the secret key could only be given on the command line (visible to every user)
/// or in the environment; now also in a file.
#[test]
fn the_secret_key_can_come_from_a_file() {
    let dir = scratch("secret");
    let file = dir.join("secret");
    std::fs::write(&file, format!("{}\n", support::SECRET_KEY)).unwrap();
    let args = [
        "--quiet",
        "--access-key-id",
        support::ACCESS_KEY,
        "--secret-access-key-file",
        file.to_str().unwrap(),
    ];
    let emulator = Emulator::start(&args, &[]);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        emulator.client().list_channels().send().await.unwrap();
        let wrong = ivs_client::Client::new(support::config(&emulator.url, "wrong").build().unwrap());
        let refused = wrong.list_channels().send().await.unwrap_err();
        assert_eq!(refused.code(), Some("InvalidSignatureException"), "{refused:?}");
    });
    let missing = support::process::command(
        &[
            "--access-key-id",
            "AKID",
            "--secret-access-key-file",
            "/nonexistent/secret",
        ],
        &[],
    )
    .output()
    .unwrap();
    assert!(!missing.status.success());
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(stderr.contains("cannot read the secret access key file"), "{stderr}");
    let _ = std::fs::remove_dir_all(dir);
}

/// Sends `head` and `body` on a keep-alive connection and reads the answer.
fn keep_alive_exchange(url: &str, head: &str, body: &[u8]) -> raw::Response {
    use std::io::Write;
    let mut stream = raw::connect(raw::address(url));
    stream.write_all(head.as_bytes()).unwrap();
    let _ = stream.write_all(body); // the server may answer before reading it
    raw::read_response(&mut stream).expect("an answer")
}

/// Finding 10: after an early 404, 413 or 415 with a large unread body, the connection was
/// dropped without `Connection: close`, so the client's next request on it failed. Now the
/// answer says the connection closes; an answer to a request without a body keeps it open.
#[test]
fn an_early_answer_with_an_unread_body_closes_the_connection_and_says_so() {
    let emulator = Emulator::start(&["--quiet"], &[]);
    let body = vec![b' '; 512 * 1024];
    for (head, status) in [
        (
            "POST /NoSuchOperation HTTP/1.1\r\nhost: x\r\ncontent-length: 524288\r\n\r\n",
            404,
        ),
        (
            "POST /ListChannels HTTP/1.1\r\nhost: x\r\ncontent-type: text/plain\r\ncontent-length: 524288\r\n\r\n",
            415,
        ),
        (
            "POST /ListChannels HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 2000000\r\n\r\n",
            413,
        ),
        (
            "POST /ListChannels HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n200000\r\n",
            413,
        ),
    ] {
        let body: &[u8] = if status == 413 && head.contains("chunked") {
            &[b' '; 2 * 1024 * 1024]
        } else {
            &body
        };
        let response = keep_alive_exchange(&emulator.url, head, body);
        assert_eq!(response.status, status, "{head}");
        assert_eq!(
            response.headers.get("connection").map(String::as_str),
            Some("close"),
            "{head}: {response:?}"
        );
    }
    let response = keep_alive_exchange(&emulator.url, "GET /NoSuchOperation HTTP/1.1\r\nhost: x\r\n\r\n", b"");
    assert_eq!(response.status, 404);
    assert_eq!(response.headers.get("connection"), None, "{response:?}");
}

/// Finding 5: two emulators on one `--state` file silently lost each other's acknowledged
/// writes. Now the second is refused, saying why.
#[test]
fn a_second_emulator_on_the_same_state_file_is_refused() {
    let dir = scratch("lock");
    let state = dir.join("ivs.json");
    let first = Emulator::start(&["--quiet", "--state", state.to_str().unwrap()], &[]);
    let second = support::process::command(&["--state", state.to_str().unwrap()], &[])
        .output()
        .unwrap();
    assert!(!second.status.success());
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(stderr.contains("is in use by another ivs-local"), "{stderr}");
    assert_eq!(create_channel(&first.url).status, 200, "the first one keeps working");
    drop(first);
    let _ = std::fs::remove_dir_all(dir);
}

/// Finding 7: what hyper refuses before the router sees a request (a bad request line, a URI
/// over its limit, too many headers) cannot be shaped as a protocol error: hyper offers no
/// hook (see `smithy_runtime::server::serve`). What is kept: a prompt answer with the right
/// status, and the connection closed, never a hang.
#[test]
fn what_hyper_refuses_is_answered_promptly_and_the_connection_closed() {
    let emulator = Emulator::start(&["--quiet"], &[]);
    let long_uri = format!("GET /{} HTTP/1.1\r\nhost: x\r\n\r\n", "a".repeat(70_000));
    let many_headers = format!(
        "GET /ListChannels HTTP/1.1\r\nhost: x\r\n{}\r\n",
        (0..150).map(|i| format!("x-h{i}: v\r\n")).collect::<String>()
    );
    for (request, status) in [
        ("GET / HTTP/1.1 extra\r\nhost: x\r\n\r\n".to_owned(), 400),
        ("POST /ListChannels HTTP/1.1\r\nno colon here\r\n\r\n".to_owned(), 400),
        (long_uri, 414),
        (many_headers, 431),
    ] {
        use std::io::Write;
        let mut stream = raw::connect(raw::address(&emulator.url));
        let _ = stream.write_all(request.as_bytes());
        let started = Instant::now();
        let response = raw::read_response(&mut stream).expect("an answer");
        assert_eq!(response.status, status, "{}", &request[..40]);
        let (_, rest) = until_closed(&mut stream);
        assert!(rest.is_empty());
        assert!(started.elapsed() < Duration::from_secs(3));
    }
    // And the server keeps serving.
    assert_eq!(create_channel(&emulator.url).status, 200);
}
