//! The generated client against moto's server (the Python peer), started on 127.0.0.1 by the
//! test: every channel operation moto implements, end to end, signed with dummy credentials.

mod support;

use ivs_client::{ChannelLatencyMode, ChannelType};
use ivs_model::operation::get_channel::GetChannelError;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn channel_lifecycle_against_moto() {
    let (_moto, url) = support::start_moto();
    let client = support::client(&url);

    let created = client
        .create_channel()
        .name("moto-demo")
        .r#type(ChannelType::Standard)
        .latency_mode(ChannelLatencyMode::Low)
        .tags("team", "video")
        .send()
        .await
        .expect("CreateChannel");
    let channel = created.channel.expect("a channel");
    let arn = channel.arn.clone().expect("an ARN");
    assert!(arn.starts_with("arn:aws:ivs:us-west-2:"), "{arn}");
    assert_eq!(channel.name.as_deref(), Some("moto-demo"));
    assert_eq!(channel.r#type, Some(ChannelType::Standard));
    assert!(
        created.stream_key.and_then(|k| k.value).is_some(),
        "CreateChannel returns the stream key"
    );

    let got = client.get_channel().arn(&arn).send().await.expect("GetChannel");
    assert_eq!(got.channel.and_then(|c| c.latency_mode), Some(ChannelLatencyMode::Low));

    for i in 0..4 {
        client
            .create_channel()
            .name(format!("extra-{i}"))
            .send()
            .await
            .expect("CreateChannel");
    }
    // Pages of two: 5 channels come back over 3 pages through the paginator.
    let mut pages = client.list_channels().max_results(2).into_paginator();
    let mut page_count = 0;
    let mut names = Vec::new();
    while let Some(page) = pages.next_page().await {
        let page = page.expect("ListChannels page");
        page_count += 1;
        names.extend(page.channels.unwrap_or_default().into_iter().filter_map(|c| c.name));
    }
    assert_eq!(page_count, 3);
    names.sort();
    assert_eq!(names, ["extra-0", "extra-1", "extra-2", "extra-3", "moto-demo"]);

    let updated = client
        .update_channel()
        .arn(&arn)
        .name("renamed")
        .send()
        .await
        .expect("UpdateChannel");
    assert_eq!(updated.channel.and_then(|c| c.name).as_deref(), Some("renamed"));

    let missing = format!(
        "{}/zzzzzzzzzzzz",
        arn.rsplit_once('/').expect("ARN has a resource id").0
    );
    let batch = client
        .batch_get_channel()
        .arns(&arn)
        .arns(&missing)
        .send()
        .await
        .expect("BatchGetChannel");
    let found: Vec<String> = batch
        .channels
        .unwrap_or_default()
        .into_iter()
        .filter_map(|c| c.arn)
        .collect();
    assert_eq!(
        found,
        std::slice::from_ref(&arn),
        "only the existing channel comes back"
    );
    // The real service lists unknown ARNs in `errors`; moto 5 leaves it empty, so it is not
    // asserted here.

    client.delete_channel().arn(&arn).send().await.expect("DeleteChannel");
    let error = client
        .get_channel()
        .arn(&arn)
        .send()
        .await
        .expect_err("the channel is gone");
    match error.as_service_error() {
        Some(GetChannelError::ResourceNotFoundException(_)) => {}
        other => panic!("expected ResourceNotFoundException, got {other:?} ({error})"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_input_never_reaches_moto() {
    let (_moto, url) = support::start_moto();
    let client = support::client(&url);
    let error = client
        .create_channel()
        .name("spaces are not allowed")
        .send()
        .await
        .expect_err("the name breaks the model's pattern");
    assert!(matches!(error, ivs_client::Error::Validation(_)), "{error}");
    let listed = client.list_channels().send().await.expect("ListChannels");
    assert!(listed.channels.unwrap_or_default().is_empty(), "nothing was created");
}
