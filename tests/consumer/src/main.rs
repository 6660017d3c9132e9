//! Uses the generated crates the way a downstream project would: validates a request with the
//! model crate, serves two operations with the server crate, and calls them with the client
//! crate. Every generated type is `#[non_exhaustive]`, so values are built only through
//! `Default`, the `with_<member>` setters and field assignment, and every `match` on a
//! generated enum has a wildcard arm: that this compiles is the proof that a minor version
//! (a new member, enum value or error) cannot break a project written like this one.
//! `examples/refused_*.rs` are the other half: what such a version may break, refused today.

use std::collections::BTreeMap;

use fixture_unions_model::{PutInput, Value};
use ivs_model::operation::create_channel::CreateChannelError;
use ivs_model::operation::delete_channel::DeleteChannelError;
use ivs_model::runtime::Unit;
use ivs_model::{
    Channel, ChannelType, CreateChannelRequest, CreateChannelResponse, DeleteChannelRequest,
    ResourceNotFoundException, Validate,
};
use ivs_server::{Ivs, RequestContext, ServerConfig};

struct OneChannel;

impl Ivs for OneChannel {
    async fn create_channel(
        &self,
        input: CreateChannelRequest,
        _context: RequestContext,
    ) -> Result<CreateChannelResponse, CreateChannelError> {
        let mut channel = Channel::default().with_name(input.name.unwrap_or_default());
        channel.tags = input.tags;
        Ok(CreateChannelResponse::default().with_channel(channel))
    }

    async fn delete_channel(
        &self,
        input: DeleteChannelRequest,
        _context: RequestContext,
    ) -> Result<Unit, DeleteChannelError> {
        let arn = input.arn.unwrap_or_default();
        let missing = ResourceNotFoundException::default().with_exception_message(format!("no channel {arn}"));
        Err(missing.into())
    }
}

/// A name for a channel type, with a wildcard arm for the values a later version may add.
fn describe(kind: &ChannelType) -> String {
    match kind {
        ChannelType::Standard => "standard".to_string(),
        ChannelType::Basic => "basic".to_string(),
        ChannelType::Unknown(value) => format!("unknown {value}"),
        other => format!("other {}", other.as_str()),
    }
}

/// A union's value, with a wildcard arm for the members a later version may add.
fn union_text(value: &Value) -> String {
    match value {
        Value::Text(text) => format!("text {text}"),
        Value::Number(number) => format!("number {number}"),
        _ => "another member".to_string(),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut request = CreateChannelRequest::default().with_name("demo").with_type(ChannelType::Standard);
    request.tags = Some(BTreeMap::from([("team".to_string(), "video".to_string())]));
    match request.validate() {
        Ok(()) => println!("valid: {request:?}"),
        Err(errors) => println!("invalid: {errors}"),
    }
    println!(
        "enums: {}, {}",
        describe(&ChannelType::Standard),
        describe(&ChannelType::from("NEWER_TYPE"))
    );
    let put = PutInput::default().with_value(Value::Text("hi".to_string()));
    println!("union: {}", put.value.as_ref().map(union_text).unwrap_or_default());

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(async move { axum::serve(listener, ivs_server::router(OneChannel, ServerConfig::default())).await });
    let config = ivs_client::Config::builder()
        .region("us-west-2")
        .credentials(ivs_client::Credentials::new("AKID", "SECRET", None, None, "consumer"))
        .endpoint_url(&url)
        .build()
        .expect("config");
    let client = ivs_client::Client::new(config);
    // As an `aws-sdk-*` user would: the client from an `SdkConfig`.
    let sdk_config = aws_types::SdkConfig::builder()
        .region(aws_types::region::Region::new("us-west-2"))
        .credentials_provider(aws_types::sdk_config::SharedCredentialsProvider::new(
            ivs_client::Credentials::new("AKID", "SECRET", None, None, "consumer"),
        ))
        .endpoint_url(&url)
        .build();
    let from_sdk_config = ivs_client::Client::new(&sdk_config);
    let created = from_sdk_config.create_channel().name("sdk").send().await.expect("CreateChannel");
    println!("sdk-config: {:?}", created.channel.and_then(|c| c.name));
    let created = client.create_channel().set_input(request).send().await.expect("CreateChannel");
    let channel = created.channel.unwrap_or_default();
    println!("served: {:?} tagged {:?}", channel.name, channel.tags);
    let deleted = client.delete_channel().arn("arn:aws:ivs:us-west-2:123456789012:channel/abc").send().await;
    let error = deleted.expect_err("DeleteChannel answers ResourceNotFoundException");
    match error.as_service_error() {
        Some(DeleteChannelError::ResourceNotFoundException(missing)) => {
            println!("modeled error: {:?}", missing.exception_message)
        }
        Some(other) => println!("another modeled error: {other}"),
        None => println!("not a service error: {error}"),
    }
    let error = client.get_channel().arn("arn:aws:ivs:us-west-2:123456789012:channel/abc").send().await;
    println!("unimplemented: {}", error.expect_err("GetChannel is not implemented"));
}
