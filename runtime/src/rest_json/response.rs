//! [`ResponseBuilder`]: a response's status, headers and body, member by member; error
//! responses included.

use std::collections::BTreeMap;

use bytes::Bytes;
use http::header::{HeaderMap, HeaderValue};
use serde::Serialize;

use super::JSON;
use super::headers::{default_content_type, join_header_list, set_header, set_prefix_headers};
use super::param::Param;
use crate::protocol::{EncodeError, HttpError, HttpResponse};

/// Builds a response: status, headers and a body. Bindings come in the two forms
/// [`crate::rest_json::RequestBuilder`] has.
#[derive(Debug)]
pub struct ResponseBuilder {
    status: u16,
    headers: HeaderMap,
    body: Bytes,
}

impl ResponseBuilder {
    /// A response with this status and no body.
    pub fn new(status: u16) -> Self {
        ResponseBuilder {
            status,
            headers: HeaderMap::new(),
            body: Bytes::new(),
        }
    }

    /// Replaces the status (`@httpResponseCode`), when set.
    pub fn status(&mut self, status: Option<i32>) {
        if let Some(status) = status.and_then(|s| u16::try_from(s).ok()) {
            self.status = status;
        }
    }

    /// Sets a header when the member is set.
    pub fn header<T: Param>(&mut self, name: &'static str, value: &Option<T>) -> Result<(), EncodeError> {
        self.header_text(name, value.as_ref().map(Param::to_param))
    }

    /// Sets a header when the value is set.
    pub fn header_text(&mut self, name: &'static str, value: Option<String>) -> Result<(), EncodeError> {
        set_header(&mut self.headers, name, value)
    }

    /// Sets a list header from a list member.
    pub fn header_list<T: Param>(&mut self, name: &'static str, values: &Option<Vec<T>>) -> Result<(), EncodeError> {
        self.header_list_text(name, values.as_ref().map(|v| v.iter().map(Param::to_param).collect()))
    }

    /// Sets a list header of http-dates: items joined with `, ` and never quoted, although
    /// each holds a comma (restJson1 says so; readers split on every second comma).
    pub fn header_date_list(&mut self, name: &'static str, values: Option<Vec<String>>) -> Result<(), EncodeError> {
        set_header(&mut self.headers, name, values.map(|v| v.join(", ")))
    }

    /// Sets a list header (see [`crate::rest_json::RequestBuilder::header_list_text`]).
    pub fn header_list_text(&mut self, name: &'static str, values: Option<Vec<String>>) -> Result<(), EncodeError> {
        set_header(&mut self.headers, name, values.map(|v| join_header_list(&v)))
    }

    /// Sets one header per map entry, the key appended to `prefix`.
    pub fn prefix_headers(
        &mut self,
        prefix: &str,
        entries: Option<&BTreeMap<String, String>>,
    ) -> Result<(), EncodeError> {
        set_prefix_headers(&mut self.headers, prefix, entries)
    }

    /// Sets the JSON body, `Content-Type: application/json` unless a member sets the header.
    pub fn json_body<T: Serialize>(&mut self, value: &T) -> Result<(), EncodeError> {
        self.body = super::to_json(value)?;
        default_content_type(&mut self.headers, JSON)
    }

    /// Sets a structure `@httpPayload`: its JSON, or no body at all when unset (a server
    /// answers an unset payload with an empty body, the suite's
    /// `RestJsonHttpPayloadWithStructureAndEmptyResponseBody`; clients, unlike servers, send
    /// `{}`, see [`crate::rest_json::RequestBuilder::structure_payload`]).
    pub fn structure_payload<T: Serialize>(&mut self, value: &Option<T>) -> Result<(), EncodeError> {
        match value {
            Some(value) => self.json_body(value),
            None => Ok(()),
        }
    }

    /// Sets a raw `@httpPayload` body, when there is one (see
    /// [`crate::rest_json::RequestBuilder::payload`]).
    pub fn payload(&mut self, body: Option<Vec<u8>>, content_type: &str) -> Result<(), EncodeError> {
        if let Some(body) = body {
            self.body = Bytes::from(body);
            default_content_type(&mut self.headers, content_type)?;
        }
        Ok(())
    }

    /// Sets an error's JSON body and code: `body` (the error structure; its header-bound
    /// members are skipped by serde) with `message` added when the body lacks it, so that
    /// clients reading either the model's message member or the usual `message` show the
    /// text, and `X-Amzn-Errortype: code` (replacing any value a member set).
    pub fn error_body<T: Serialize>(&mut self, code: &str, message: Option<&str>, body: &T) -> Result<(), EncodeError> {
        let mut body = super::errors::json_object(body)?;
        if let Some(message) = message {
            body.entry("message").or_insert_with(|| message.into());
        }
        self.json_body(&body)?;
        let value = HeaderValue::try_from(code)
            .map_err(|_| EncodeError::new(format!("error code {code:?} is not valid in an HTTP header")))?;
        self.headers.insert("x-amzn-errortype", value);
        Ok(())
    }

    /// The response for an error structure whose header-bound members are already set: its
    /// code and message from [`HttpError`], its body members as the JSON body. A structure
    /// whose message member is `message` or `Message` needs no second copy (every AWS client
    /// reads both), so it is sent as modeled (the suite's `RestJsonInvalidGreetingError`).
    pub fn error<E: HttpError + Serialize>(mut self, error: &E) -> Result<HttpResponse, EncodeError> {
        let body = super::errors::json_object(error)?;
        let own_message = body.keys().any(|k| k.eq_ignore_ascii_case("message"));
        let extra = if own_message { None } else { error.message() };
        self.error_body(E::CODE, extra, &body)?;
        self.build()
    }

    /// The response.
    pub fn build(self) -> Result<HttpResponse, EncodeError> {
        let mut response = http::Response::builder()
            .status(self.status)
            .body(self.body)
            .map_err(|e| EncodeError::new(format!("cannot build the response: {e}")))?;
        *response.headers_mut() = self.headers;
        Ok(response)
    }
}
