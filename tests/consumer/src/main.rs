//! Uses the generated model crate the way a downstream project would.

use ivs_model::{ChannelType, CreateChannelRequest, Validate};

fn main() {
    let request = CreateChannelRequest::default().with_name("demo").with_type(ChannelType::Standard);
    match request.validate() {
        Ok(()) => println!("valid: {request:?}"),
        Err(errors) => println!("invalid: {errors}"),
    }
}
