//! The `ivs-local` binary as a user runs it: the endpoint line, Ctrl-C, `--state` across a
//! restart (including after a kill), a corrupt state file, and authentication keys from the
//! environment. Every test starts its own process on 127.0.0.1 and stops it.

use std::path::{Path, PathBuf};

use ivs_client::Client;
use ivs_client::model::*;
use support::process::{Emulator, command};
use support::{ACCESS_KEY, SECRET_KEY};

mod support;

const PUBLIC_KEY: &str = include_str!("data/p384-public.pem");
const MEDIATAILOR: &str = "arn:aws:mediatailor:us-west-2:123456789012:playbackConfiguration/local";

fn client(url: &str, secret: &str) -> Client {
    Client::new(support::config(url, secret).build().unwrap())
}

/// A fresh directory for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ivs-local-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn path_arg(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8 here")
}

#[tokio::test]
async fn prints_its_endpoint_serves_and_stops_on_ctrl_c() {
    let emulator = Emulator::start(&["--bind", "127.0.0.1"], &[]);
    assert!(emulator.url.starts_with("http://127.0.0.1:"), "{}", emulator.url);
    let created = emulator.client().create_channel().name("live").send().await.unwrap();
    assert!(
        created
            .channel
            .unwrap()
            .arn
            .unwrap()
            .starts_with("arn:aws:ivs:us-west-2:123456789012:channel/")
    );
    let missing = emulator
        .client()
        .get_channel()
        .arn("arn:aws:ivs:us-west-2:123456789012:channel/none")
        .send()
        .await;
    assert!(missing.is_err());
    let (status, stdout, log) = emulator.interrupt();
    assert!(status.success(), "{status:?}");
    assert!(stdout.contains("ivs-local stopped"), "{stdout}");
    let lines: Vec<&str> = log.lines().collect();
    assert_eq!(lines.len(), 2, "one log line per request: {log}");
    assert!(
        lines[0].starts_with("POST /CreateChannel 200 ") && lines[0].ends_with(" ms"),
        "{log}"
    );
    assert!(
        lines[1].starts_with("POST /GetChannel 404 ResourceNotFoundException "),
        "{log}"
    );
}

#[test]
fn stops_gracefully_on_sigterm() {
    let (status, stdout, _) = Emulator::start(&[], &[]).signal("-TERM");
    assert!(status.success(), "{status:?}");
    assert!(stdout.contains("ivs-local stopped"), "{stdout}");
}

#[tokio::test]
async fn region_and_account_appear_in_every_arn() {
    let emulator = Emulator::start(&["--region", "eu-west-1", "--account-id", "210987654321"], &[]);
    let config = support::config(&emulator.url, SECRET_KEY)
        .region("eu-west-1")
        .build()
        .unwrap();
    let created = Client::new(config).create_channel().send().await.unwrap();
    let arn = created.channel.unwrap().arn.unwrap();
    assert!(arn.starts_with("arn:aws:ivs:eu-west-1:210987654321:channel/"), "{arn}");
    assert!(created.stream_key.unwrap().value.unwrap().starts_with("sk_eu-west-1_"));
}

#[test]
fn a_bad_account_id_is_refused_with_a_message() {
    let output = command(&["--account-id", "12345"], &[]).output().unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("an account id is 12 digits"), "{stderr}");
}

#[tokio::test]
async fn state_file_keeps_every_resource_across_a_restart_even_after_a_kill() {
    let dir = scratch("restart");
    let state = dir.join("ivs.json");
    let first = Emulator::start(&["--state", path_arg(&state)], &[]);
    let client = first.client();
    let channel = client
        .create_channel()
        .name("kept")
        .tags("a", "b")
        .send()
        .await
        .unwrap();
    let channel_arn = channel.channel.clone().unwrap().arn.unwrap();
    let recording = client
        .create_recording_configuration()
        .destination_configuration(
            DestinationConfiguration::default()
                .with_s3(S3DestinationConfiguration::default().with_bucket_name("bucket")),
        )
        .send()
        .await
        .unwrap()
        .recording_configuration
        .unwrap();
    let pair = client
        .import_playback_key_pair()
        .public_key_material(PUBLIC_KEY)
        .send()
        .await
        .unwrap()
        .key_pair;
    let policy = client
        .create_playback_restriction_policy()
        .name("p")
        .send()
        .await
        .unwrap();
    let ad = client
        .create_ad_configuration()
        .media_tailor_playback_configurations(
            MediaTailorPlaybackConfiguration::default().with_playback_configuration_arn(MEDIATAILOR),
        )
        .send()
        .await
        .unwrap()
        .ad_configuration;
    client
        .tag_resource()
        .resource_arn(&channel_arn)
        .tags("c", "d")
        .send()
        .await
        .unwrap();
    drop(first); // SIGKILL: every change was already saved

    assert!(!dir.join("ivs.json.tmp").exists(), "no temporary file is left behind");
    let second = Emulator::start(&["--state", path_arg(&state)], &[]);
    let client = second.client();
    let mut kept = client
        .get_channel()
        .arn(&channel_arn)
        .send()
        .await
        .unwrap()
        .channel
        .unwrap();
    assert_eq!(kept.tags.take().unwrap().len(), 2);
    let mut original = channel.channel.unwrap();
    original.tags = None;
    assert_eq!(kept, original);
    let key = channel.stream_key.unwrap();
    assert_eq!(
        client
            .get_stream_key()
            .arn(key.arn.clone().unwrap())
            .send()
            .await
            .unwrap()
            .stream_key
            .unwrap(),
        key
    );
    let recording_arn = recording.arn.clone().unwrap();
    let got = client
        .get_recording_configuration()
        .arn(recording_arn)
        .send()
        .await
        .unwrap();
    assert_eq!(got.recording_configuration.unwrap(), recording);
    let pair = pair.unwrap();
    assert_eq!(
        client
            .get_playback_key_pair()
            .arn(pair.arn.clone().unwrap())
            .send()
            .await
            .unwrap()
            .key_pair
            .unwrap(),
        pair
    );
    let policy = policy.playback_restriction_policy.unwrap();
    let got = client
        .get_playback_restriction_policy()
        .arn(policy.arn.clone().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(got.playback_restriction_policy.unwrap(), policy);
    let ad = ad.unwrap();
    assert_eq!(
        client
            .get_ad_configuration()
            .arn(ad.arn.clone().unwrap())
            .send()
            .await
            .unwrap()
            .ad_configuration
            .unwrap(),
        ad
    );

    // A delete is saved too, and a graceful stop keeps it.
    client.delete_channel().arn(&channel_arn).send().await.unwrap();
    let (status, _, _) = second.interrupt();
    assert!(status.success());
    let third = Emulator::start(&[], &[("IVS_LOCAL_STATE", path_arg(&state))]);
    let listed = third.client().list_channels().send().await.unwrap().channels.unwrap();
    assert!(listed.is_empty(), "{listed:?}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_corrupt_state_file_is_reported_and_left_untouched() {
    let dir = scratch("corrupt");
    let state = dir.join("ivs.json");
    std::fs::write(&state, "{\"channels\": {\"truncated").unwrap();
    let output = command(&["--state", path_arg(&state)], &[]).output().unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("is not a valid ivs-local state"), "{stderr}");
    assert!(stderr.contains("ivs.json"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&state).unwrap(), "{\"channels\": {\"truncated");
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn keys_from_the_environment_turn_authentication_on() {
    let env = [
        ("IVS_LOCAL_ACCESS_KEY_ID", ACCESS_KEY),
        ("IVS_LOCAL_SECRET_ACCESS_KEY", SECRET_KEY),
    ];
    let emulator = Emulator::start(&[], &env);
    emulator.client().list_channels().send().await.unwrap();
    let refused = client(&emulator.url, "wrong-secret")
        .list_channels()
        .send()
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Some("InvalidSignatureException"), "{refused:?}");
    let output = command(&["--access-key-id", "AKIDONLY"], &[]).output().unwrap();
    assert!(!output.status.success(), "a key id without its secret is refused");
}

#[tokio::test]
async fn keys_from_the_command_line_turn_authentication_on() {
    let emulator = Emulator::start(
        &[
            "--quiet",
            "--access-key-id",
            ACCESS_KEY,
            "--secret-access-key",
            SECRET_KEY,
        ],
        &[],
    );
    emulator.client().list_channels().send().await.unwrap();
    let refused = client(&emulator.url, "wrong-secret")
        .list_channels()
        .send()
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Some("InvalidSignatureException"), "{refused:?}");
    let (_, _, log) = emulator.interrupt();
    assert!(log.is_empty(), "--quiet logs nothing: {log}");
}
