//! The generated client against a hostile or broken service (issue 17, findings 4 and 12): a
//! server on 127.0.0.1 that answers every request with one fixed response.

use axum::body::Body;
use axum::response::Response;
use ivs_client::{Client, Config, Credentials, Error};

/// Serves `status` and `body` (as JSON) to every request, an error status with the code
/// `ResourceNotFoundException`; returns a client for it.
async fn client_of(status: u16, body: &'static str) -> Client {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let app = axum::Router::new().fallback(move || async move {
        let mut response = Response::builder();
        if status >= 400 {
            response = response.header("x-amzn-errortype", "ResourceNotFoundException");
        }
        response
            .status(status)
            .header("content-type", "application/json")
            .header("x-amzn-requestid", "req-1")
            .body(Body::from(body))
            .unwrap()
    });
    tokio::spawn(async move { axum::serve(listener, app).await });
    let config = Config::builder()
        .region("us-west-2")
        .credentials(Credentials::new("AKID", "SECRET", None, None, "tests"))
        .endpoint_url(url)
        .max_attempts(1)
        .build()
        .unwrap();
    Client::new(config)
}

const ARN: &str = "arn:aws:ivs:us-west-2:123456789012:channel/abcdABCD1234";

/// Finding 4: serde filled the output's fields by position from a JSON array.
#[tokio::test]
async fn a_json_array_is_not_an_output_structure() {
    let client = client_of(200, r#"[{"arn": "x", "name": "forged"}]"#).await;
    let error = client.get_channel().arn(ARN).send().await.unwrap_err();
    let Error::Response(response) = &error else {
        panic!("{error:?}")
    };
    assert!(
        response.message().contains("invalid type: sequence, expected struct"),
        "{error}"
    );

    let client = client_of(200, r#"{"channel": ["x", "forged"]}"#).await;
    let error = client.get_channel().arn(ARN).send().await.unwrap_err();
    assert!(matches!(error, Error::Response(_)), "nested too: {error:?}");
}

/// Finding 12: an empty 2xx body decoded to an output with nothing set, even where the output
/// requires members (`ListChannels` requires `channels`).
#[tokio::test]
async fn an_empty_body_is_refused_where_the_output_requires_members() {
    let client = client_of(200, "").await;
    let error = client.list_channels().send().await.unwrap_err();
    let Error::Response(response) = &error else {
        panic!("{error:?}")
    };
    assert!(
        response.message().starts_with("the response body is empty: "),
        "{error}"
    );
    assert!(response.message().contains("'/channels'"), "{error}");
    // `GetChannel` requires nothing in its output: an empty body is an empty answer.
    let output = client.get_channel().arn(ARN).send().await.unwrap();
    assert_eq!(output.channel, None);
}

/// Finding 12: the service's messages went into `Display` and logs whole, control
/// characters included.
#[tokio::test]
async fn service_messages_are_capped_and_escaped() {
    let body: &'static str = Box::leak(
        serde_json::json!({
            "exceptionMessage": format!("gone\n\u{1b}[31mforged log line{}", "z".repeat(1 << 20)),
        })
        .to_string()
        .into_boxed_str(),
    );
    let client = client_of(404, body).await;
    let error = client.get_channel().arn(ARN).send().await.unwrap_err();
    assert_eq!(error.code(), Some("ResourceNotFoundException"), "{error:?}");
    let text = error.to_string();
    assert!(text.len() < 5000, "{} bytes", text.len());
    assert!(!text.contains(['\n', '\u{1b}']), "{:?}", &text[..60]);
    assert!(
        text.starts_with("ResourceNotFoundException: gone\\n\\u{1b}[31mforged"),
        "{:?}",
        &text[..60]
    );
}
