//! The generated client against the generated server, for all 40 operations: what the client
//! sends, the server decodes into exactly the same input; what the server implementation
//! returns, the client decodes into exactly the same output; and a modeled error the
//! implementation returns comes back as the same variant with the same message and status.
//!
//! The server implementation records every input it receives and answers with whatever the
//! test queued for the next call (an output or an error), stored as `Box<dyn Any>` so that
//! one type can serve all 40 operations.

#[path = "support/cases.rs"]
mod cases;
mod support;

use std::any::Any;
use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use cases::{Case, CaseOp, Visitor};
use ivs_server::{Auth, Ivs, RequestContext, ServerConfig};
use smithy_runtime::protocol::Operation;
use support::{ACCESS_KEY, REGION, SECRET_KEY};

/// What the implementation answers next.
enum Answer {
    Output(Box<dyn Any + Send>),
    Error(Box<dyn Any + Send>),
}

#[derive(Default)]
struct State {
    /// Every input received: the operation's name and the decoded input.
    received: Vec<(&'static str, Box<dyn Any + Send>)>,
    next: Option<Answer>,
}

/// The server implementation: records inputs and answers as queued. Clones share state.
#[derive(Clone, Default)]
struct Recorder(Arc<Mutex<State>>);

impl Recorder {
    fn answer<O: CaseOp>(&self, input: O::Input) -> Result<O::Output, O::Error> {
        let mut state = self.0.lock().unwrap();
        state.received.push((O::INFO.name, Box::new(input)));
        match state.next.take() {
            Some(Answer::Output(output)) => Ok(*output
                .downcast::<O::Output>()
                .unwrap_or_else(|_| panic!("the queued output is not {}'s", O::INFO.name))),
            Some(Answer::Error(error)) => Err(*error
                .downcast::<O::Error>()
                .unwrap_or_else(|_| panic!("the queued error is not {}'s", O::INFO.name))),
            None => panic!("{} was called with nothing queued", O::INFO.name),
        }
    }

    fn queue(&self, answer: Answer) {
        self.0.lock().unwrap().next = Some(answer);
    }

    fn take_received(&self) -> Vec<(&'static str, Box<dyn Any + Send>)> {
        let mut state = self.0.lock().unwrap();
        state.next = None;
        std::mem::take(&mut state.received)
    }
}

/// Implements every method of `Ivs` by [`Recorder::answer`] for its operation marker.
macro_rules! record_every_operation {
    ($($method:ident => $module:ident :: $op:ident),+ $(,)?) => {
        impl Ivs for Recorder {
            $(
                async fn $method(
                    &self,
                    input: <ivs_model::operation::$module::$op as Operation>::Input,
                    _context: RequestContext,
                ) -> Result<
                    <ivs_model::operation::$module::$op as Operation>::Output,
                    <ivs_model::operation::$module::$op as Operation>::Error,
                > {
                    self.answer::<ivs_model::operation::$module::$op>(input)
                }
            )+
        }
    };
}

record_every_operation! {
    batch_get_channel => batch_get_channel::BatchGetChannel,
    batch_get_stream_key => batch_get_stream_key::BatchGetStreamKey,
    batch_start_viewer_session_revocation => batch_start_viewer_session_revocation::BatchStartViewerSessionRevocation,
    create_ad_configuration => create_ad_configuration::CreateAdConfiguration,
    create_channel => create_channel::CreateChannel,
    create_playback_restriction_policy => create_playback_restriction_policy::CreatePlaybackRestrictionPolicy,
    create_recording_configuration => create_recording_configuration::CreateRecordingConfiguration,
    create_stream_key => create_stream_key::CreateStreamKey,
    delete_ad_configuration => delete_ad_configuration::DeleteAdConfiguration,
    delete_channel => delete_channel::DeleteChannel,
    delete_playback_key_pair => delete_playback_key_pair::DeletePlaybackKeyPair,
    delete_playback_restriction_policy => delete_playback_restriction_policy::DeletePlaybackRestrictionPolicy,
    delete_recording_configuration => delete_recording_configuration::DeleteRecordingConfiguration,
    delete_stream_key => delete_stream_key::DeleteStreamKey,
    get_ad_configuration => get_ad_configuration::GetAdConfiguration,
    get_channel => get_channel::GetChannel,
    get_playback_key_pair => get_playback_key_pair::GetPlaybackKeyPair,
    get_playback_restriction_policy => get_playback_restriction_policy::GetPlaybackRestrictionPolicy,
    get_recording_configuration => get_recording_configuration::GetRecordingConfiguration,
    get_stream => get_stream::GetStream,
    get_stream_key => get_stream_key::GetStreamKey,
    get_stream_session => get_stream_session::GetStreamSession,
    import_playback_key_pair => import_playback_key_pair::ImportPlaybackKeyPair,
    insert_ad_break => insert_ad_break::InsertAdBreak,
    list_ad_configurations => list_ad_configurations::ListAdConfigurations,
    list_channels => list_channels::ListChannels,
    list_playback_key_pairs => list_playback_key_pairs::ListPlaybackKeyPairs,
    list_playback_restriction_policies => list_playback_restriction_policies::ListPlaybackRestrictionPolicies,
    list_recording_configurations => list_recording_configurations::ListRecordingConfigurations,
    list_stream_keys => list_stream_keys::ListStreamKeys,
    list_stream_sessions => list_stream_sessions::ListStreamSessions,
    list_streams => list_streams::ListStreams,
    list_tags_for_resource => list_tags_for_resource::ListTagsForResource,
    put_metadata => put_metadata::PutMetadata,
    start_viewer_session_revocation => start_viewer_session_revocation::StartViewerSessionRevocation,
    stop_stream => stop_stream::StopStream,
    tag_resource => tag_resource::TagResource,
    untag_resource => untag_resource::UntagResource,
    update_channel => update_channel::UpdateChannel,
    update_playback_restriction_policy => update_playback_restriction_policy::UpdatePlaybackRestrictionPolicy,
}

/// The generated server on 127.0.0.1:<ephemeral>, stopped when dropped. It verifies SigV4
/// signatures (the verifier is checked against boto3 in server_boto3.rs), so every call here
/// also checks the client's signature over that operation's path, query and body.
struct Server {
    url: String,
    recorder: Recorder,
    task: tokio::task::JoinHandle<()>,
}

impl Server {
    async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let url = format!("http://{}", listener.local_addr().expect("local address"));
        let recorder = Recorder::default();
        let auth = Auth::new(REGION, "ivs").key(ACCESS_KEY, SECRET_KEY);
        let app = ivs_server::router(recorder.clone(), ServerConfig::default().with_auth(auth));
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.expect("IVS server");
        });
        Server { url, recorder, task }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Checks that the server received exactly `input`, once, for operation `O`.
fn check_received<O: CaseOp>(
    name: &str,
    input: &O::Input,
    received: Vec<(&'static str, Box<dyn Any + Send>)>,
    failures: &mut Vec<String>,
) {
    match received.as_slice() {
        [(operation, value)] => match value.downcast_ref::<O::Input>() {
            Some(got) if operation == &name && got == input => {}
            Some(got) => failures.push(format!(
                "{name}: the server received\n  {got:?} (as {operation})\nexpected\n  {input:?}"
            )),
            None => failures.push(format!(
                "{name}: the server received another operation's input ({operation})"
            )),
        },
        other => failures.push(format!(
            "{name}: the server was called {} times (expected once)",
            other.len()
        )),
    }
}

// ---------------------------------------------------------------------------------------
// Inputs and outputs
// ---------------------------------------------------------------------------------------

struct Outputs {
    server: Server,
    client: ivs_client::Client,
    visited: Vec<&'static str>,
    failures: Vec<String>,
}

impl Visitor for Outputs {
    async fn visit<O: CaseOp>(&mut self, case: Case<O>) {
        let name = case.name;
        self.visited.push(name);
        self.server
            .recorder
            .queue(Answer::Output(Box::new(case.output.clone())));
        let result = (case.call)(&self.client, case.input.clone()).await;
        check_received::<O>(
            name,
            &case.input,
            self.server.recorder.take_received(),
            &mut self.failures,
        );
        match result {
            Ok(output) if output == case.output => {}
            Ok(output) => self.failures.push(format!(
                "{name}: the client decoded\n  {output:?}\nexpected\n  {:?}",
                case.output
            )),
            Err(error) => self.failures.push(format!("{name}: call failed: {error} ({error:?})")),
        }
    }
}

/// Every operation's input reaches the implementation unchanged, and its output reaches
/// the client unchanged.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_operation_round_trips_its_input_and_output() {
    let server = Server::start().await;
    let client = support::client(&server.url);
    let mut visitor = Outputs {
        server,
        client,
        visited: Vec::new(),
        failures: Vec::new(),
    };
    cases::visit_all(&mut visitor).await;

    let distinct: BTreeSet<&str> = visitor.visited.iter().copied().collect();
    assert_eq!(
        distinct.len(),
        cases::OPERATION_COUNT,
        "every operation once: {:?}",
        visitor.visited
    );
    assert!(
        visitor.failures.is_empty(),
        "{} mismatch(es)\n{}",
        visitor.failures.len(),
        visitor.failures.join("\n")
    );
}

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

struct Errors {
    server: Server,
    client: ivs_client::Client,
    errors_checked: usize,
    failures: Vec<String>,
}

impl Visitor for Errors {
    async fn visit<O: CaseOp>(&mut self, case: Case<O>) {
        for expected in &case.errors {
            let what = format!("{} / {}", case.name, expected.code);
            let message = format!("{} from the implementation of {}", expected.code, case.name);
            self.server
                .recorder
                .queue(Answer::Error(Box::new((expected.make)(message.clone()))));
            let result = (case.call)(&self.client, case.input.clone()).await;
            self.errors_checked += 1;
            // The input is decoded (and validated) before the implementation is called.
            check_received::<O>(
                case.name,
                &case.input,
                self.server.recorder.take_received(),
                &mut self.failures,
            );
            let error = match result {
                Ok(output) => {
                    self.failures.push(format!("{what}: succeeded with {output:?}"));
                    continue;
                }
                Err(error) => error,
            };
            match &error {
                ivs_client::Error::Service(service) if service.status() != expected.status => {
                    self.failures.push(format!(
                        "{what}: status {} (expected {})",
                        service.status(),
                        expected.status
                    ));
                }
                ivs_client::Error::Service(_) => {}
                other => {
                    self.failures
                        .push(format!("{what}: not a service error: {other} ({other:?})"));
                    continue;
                }
            }
            let service_error = error.as_service_error().expect("a service error");
            match (expected.fields)(service_error) {
                Some(fields) if fields.message.as_deref() == Some(message.as_str()) => {}
                Some(fields) => self.failures.push(format!("{what}: message {:?}", fields.message)),
                None => self
                    .failures
                    .push(format!("{what}: came back as another variant: {service_error:?}")),
            }
        }
    }
}

/// Every modeled error of every operation, returned by the implementation, reaches the
/// client as the same variant, with the same message and its modeled status.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_modeled_error_round_trips() {
    let server = Server::start().await;
    // One attempt: 5xx and throttling errors are not retried.
    let config = support::config(&server.url)
        .max_attempts(1)
        .build()
        .expect("configuration");
    let client = ivs_client::Client::new(config);
    let mut visitor = Errors {
        server,
        client,
        errors_checked: 0,
        failures: Vec::new(),
    };
    cases::visit_all(&mut visitor).await;
    assert!(
        visitor.errors_checked >= 150,
        "only {} errors checked",
        visitor.errors_checked
    );
    assert!(
        visitor.failures.is_empty(),
        "{} mismatch(es)\n{}",
        visitor.failures.len(),
        visitor.failures.join("\n")
    );
}
