//! The AWS CLI (`aws ivs ...`, from PyPI) drives ivs-local, the local Amazon IVS: create, get,
//! list, tag and delete a channel, and an unknown ARN fails the command with the service's error
//! code on stderr. Each command's JSON output is parsed and checked.

mod support;

use serde_json::{Value, json};

/// Runs `aws ivs <args>` against `url`, which must succeed, and parses its JSON output (an empty
/// output, as from a delete, is `null`).
fn ivs_ok(url: &str, args: &[&str]) -> Value {
    let output = ivs(url, args);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "aws ivs {args:?} failed:\n{stdout}\n{stderr}");
    if stdout.trim().is_empty() {
        return Value::Null;
    }
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("aws ivs {args:?} printed no JSON ({e}):\n{stdout}"))
}

/// Runs `aws ivs <args>` against `url`.
fn ivs(url: &str, args: &[&str]) -> std::process::Output {
    let args: Vec<&str> = ["ivs"].iter().chain(args).copied().collect();
    support::aws_cli(url, &args)
}

/// Runs `aws ivs <args>`, which must fail as the CLI fails on a service error (exit code 254
/// for the CLI v2, 255 for v1) with `code` and `arn` on stderr.
fn ivs_fails(url: &str, args: &[&str], code: &str, arn: &str) {
    let output = ivs(url, args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        matches!(output.status.code(), Some(254 | 255)),
        "aws ivs {args:?}: exit {:?}, expected 254 or 255:\n{stderr}",
        output.status.code()
    );
    assert!(
        stderr.contains(code),
        "aws ivs {args:?}: stderr lacks {code}:\n{stderr}"
    );
    assert!(stderr.contains(arn), "aws ivs {args:?}: stderr lacks {arn}:\n{stderr}");
}

/// The channel ARNs in a ListChannels output.
fn listed(output: &Value) -> Vec<&str> {
    output["channels"]
        .as_array()
        .expect("channels is a list")
        .iter()
        .map(|channel| channel["arn"].as_str().expect("arn is a string"))
        .collect()
}

fn scenario(url: &str) {
    let created = ivs_ok(url, &["create-channel", "--name", "cli"]);
    let channel = &created["channel"];
    let arn = channel["arn"].as_str().expect("the channel has an ARN").to_owned();
    assert!(arn.starts_with("arn:aws:ivs:us-west-2:123456789012:channel/"), "{arn}");
    assert_eq!(channel["name"], "cli");
    assert_eq!(channel["latencyMode"], "LOW");
    assert_eq!(channel["type"], "STANDARD");
    let key = created["streamKey"]["value"].as_str().unwrap_or_default();
    assert!(key.starts_with("sk_us-west-2_"), "stream key value {key:?}");
    assert_eq!(created["streamKey"]["channelArn"], arn.as_str());

    let got = ivs_ok(url, &["get-channel", "--arn", &arn]);
    assert_eq!(&got["channel"], channel, "get-channel differs from create-channel");

    let list = ivs_ok(url, &["list-channels"]);
    assert_eq!(listed(&list), [arn.as_str()], "{list}");
    assert_eq!(list["channels"][0]["name"], "cli");

    let tagged = ivs_ok(
        url,
        &[
            "tag-resource",
            "--resource-arn",
            &arn,
            "--tags",
            "stage=prod,team=video",
        ],
    );
    assert_eq!(
        tagged,
        Value::Null,
        "tag-resource answers an empty object, printed as nothing"
    );
    let tags = ivs_ok(url, &["list-tags-for-resource", "--resource-arn", &arn]);
    assert_eq!(tags, json!({"tags": {"stage": "prod", "team": "video"}}));
    ivs_ok(url, &["untag-resource", "--resource-arn", &arn, "--tag-keys", "team"]);
    let tags = ivs_ok(url, &["list-tags-for-resource", "--resource-arn", &arn]);
    assert_eq!(tags, json!({"tags": {"stage": "prod"}}));

    let unknown = "arn:aws:ivs:us-west-2:123456789012:channel/zzzzzzzzzzzz";
    ivs_fails(
        url,
        &["get-channel", "--arn", unknown],
        "ResourceNotFoundException",
        unknown,
    );

    assert_eq!(ivs_ok(url, &["delete-channel", "--arn", &arn]), Value::Null);
    ivs_fails(url, &["get-channel", "--arn", &arn], "ResourceNotFoundException", &arn);
    assert!(listed(&ivs_ok(url, &["list-channels"])).is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn aws_cli_drives_the_local_emulator() {
    let emulator = ivs_local::Emulator::open(ivs_local::Settings::default()).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let app = emulator.into_router(ivs_server::ServerConfig::default());
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    let result = tokio::task::spawn_blocking(move || scenario(&url)).await;
    server.abort();
    match result {
        Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
        other => other.expect("the scenario ran"),
    }
}
