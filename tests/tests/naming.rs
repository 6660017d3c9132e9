//! Names decided once (`codegen::naming`), proved on the naming fixture: members named like
//! the fluent builder's own methods (`input`, `send`, `as_input`, `set_input`, `into_items`,
//! `customize`) and operations named like the client's (`Config`, `New`) generate a client
//! that compiles and round-trips every member through the generated server; and the lists of
//! reserved method names are exactly the methods the client emitter writes.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Arc, Mutex};

use fixture_naming_client::model::{ConfigInput, NewInput};
use fixture_naming_server::{FixtureNaming, RequestContext, ServerConfig};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate lives in the repository")
}

/// Records the inputs of `Config` and `New`.
#[derive(Clone, Default)]
struct Recorder {
    config: Arc<Mutex<Vec<ConfigInput>>>,
    new: Arc<Mutex<Vec<NewInput>>>,
}

impl FixtureNaming for Recorder {
    async fn config(
        &self,
        input: ConfigInput,
        _context: RequestContext,
    ) -> Result<smithy_runtime::Unit, fixture_naming_client::model::operation::config::ConfigError> {
        self.config.lock().unwrap().push(input);
        Ok(smithy_runtime::Unit {})
    }

    async fn new(
        &self,
        input: NewInput,
        _context: RequestContext,
    ) -> Result<smithy_runtime::Unit, fixture_naming_client::model::operation::new::NewError> {
        self.new.lock().unwrap().push(input);
        Ok(smithy_runtime::Unit {})
    }
}

#[tokio::test]
async fn members_and_operations_named_like_generated_methods_round_trip() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let recorder = Recorder::default();
    let app = fixture_naming_server::router(recorder.clone(), ServerConfig::default());
    let server = tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let config = fixture_naming_client::Config::builder()
        .region("us-west-2")
        .credentials(fixture_naming_client::Credentials::new(
            "AKID", "SECRET", None, None, "tests",
        ))
        .endpoint_url(&url)
        .build()
        .unwrap();
    let client = fixture_naming_client::Client::new(config);
    // The client's own methods keep their meaning beside the operations named like them.
    assert_eq!(client.config().region(), "us-west-2");
    let builder = client
        .config_operation()
        .input_value("i")
        .send_value("s")
        .customize_value("c")
        .as_input_value("a");
    assert_eq!(builder.as_input().input.as_deref(), Some("i"));
    builder.send().await.unwrap();
    client
        .new_operation()
        .set_input_value("x")
        .into_items_value(7)
        .send()
        .await
        .unwrap();
    server.abort();

    let expected = ConfigInput::default()
        .with_input("i")
        .with_send("s")
        .with_customize("c")
        .with_as_input("a");
    assert_eq!(*recorder.config.lock().unwrap(), vec![expected]);
    let expected = NewInput::default().with_set_input("x").with_into_items(7);
    assert_eq!(*recorder.new.lock().unwrap(), vec![expected]);
}

/// The names of the functions a generated file defines (`fn name(`, outside doc comments and
/// their examples), raw prefixes kept.
fn functions(text: &str) -> BTreeSet<String> {
    text.lines()
        .map(str::trim_start)
        .filter(|line| !line.starts_with("//"))
        .flat_map(|line| line.split(" fn ").skip(1).chain(line.strip_prefix("fn ")))
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || "_#".contains(*c))
                .collect::<String>()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// Every method of every generated fluent builder is a member setter or one of
/// `naming::BUILDER_METHODS`; every builder method the list names is written by some
/// builder (IVS has paginated operations); the same for the client and `CLIENT_METHODS`
/// (`clone` is derived, not written).
#[test]
fn reserved_method_lists_are_what_the_client_emitter_writes() {
    let mut builder_methods = BTreeSet::new();
    let mut client_methods = BTreeSet::new();
    for job in xtask::default_jobs(root()) {
        let generated = xtask::generate(root(), &job).unwrap_or_else(|e| panic!("{e}"));
        let service = &generated.service;
        for op in &service.operations {
            let path = generated
                .files
                .keys()
                .find(|p| p.ends_with(&format!("-client/src/fluent/{}.rs", op.module)))
                .unwrap_or_else(|| panic!("{}: no fluent builder for {}", job.name, op.name));
            let setters: BTreeSet<String> = op
                .input
                .as_ref()
                .and_then(|n| service.structure(n))
                .map(|s| {
                    s.members
                        .iter()
                        .flat_map(|m| [m.builder_setters.0.clone(), m.builder_setters.1.clone()])
                        .collect()
                })
                .unwrap_or_default();
            for name in functions(&generated.files[path]) {
                if !setters.contains(&name) {
                    assert!(
                        codegen::naming::BUILDER_METHODS.contains(&name.as_str()),
                        "{}: builder method `{name}` of {} is not in naming::BUILDER_METHODS",
                        job.name,
                        op.name
                    );
                    builder_methods.insert(name);
                }
            }
        }
        let client = generated
            .files
            .iter()
            .find(|(p, _)| p.ends_with("-client/src/client.rs"))
            .map(|(_, text)| text)
            .expect("a client.rs");
        let operations: BTreeSet<&str> = service.operations.iter().map(|o| o.client_method.as_str()).collect();
        for name in functions(client) {
            if !operations.contains(name.as_str()) {
                assert!(
                    codegen::naming::CLIENT_METHODS.contains(&name.as_str()),
                    "{}: client method `{name}` is not in naming::CLIENT_METHODS",
                    job.name
                );
                client_methods.insert(name);
            }
        }
    }
    let listed: BTreeSet<String> = codegen::naming::BUILDER_METHODS.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        builder_methods, listed,
        "naming::BUILDER_METHODS lists a method no builder has"
    );
    let listed: BTreeSet<String> = codegen::naming::CLIENT_METHODS
        .iter()
        .filter(|m| **m != "clone")
        .map(|s| s.to_string())
        .collect();
    assert_eq!(
        client_methods, listed,
        "naming::CLIENT_METHODS lists a method the client lacks"
    );
}
