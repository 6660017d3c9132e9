//! Uses the generated crates the way a downstream project would: validates a request with the
//! model crate, serves one operation with the server crate, and calls it with the client crate.

use ivs_model::operation::create_channel::CreateChannelError;
use ivs_model::{Channel, ChannelType, CreateChannelRequest, CreateChannelResponse, Validate};
use ivs_server::{Ivs, RequestContext, ServerConfig};

struct OneChannel;

impl Ivs for OneChannel {
    async fn create_channel(
        &self,
        input: CreateChannelRequest,
        _context: RequestContext,
    ) -> Result<CreateChannelResponse, CreateChannelError> {
        let channel = Channel::default().with_name(input.name.unwrap_or_default());
        Ok(CreateChannelResponse::default().with_channel(channel))
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let request = CreateChannelRequest::default().with_name("demo").with_type(ChannelType::Standard);
    match request.validate() {
        Ok(()) => println!("valid: {request:?}"),
        Err(errors) => println!("invalid: {errors}"),
    }

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
    println!("served: {:?}", created.channel.and_then(|c| c.name));
    let error = client.get_channel().arn("arn:aws:ivs:us-west-2:123456789012:channel/abc").send().await;
    println!("unimplemented: {}", error.expect_err("GetChannel is not implemented"));
}
