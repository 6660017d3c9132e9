//! A local Amazon IVS: all 40 operations of the low-latency streaming API, served over HTTP by
//! the generated `ivs-server` router, with state in memory or in a JSON file.
//!
//! Run it with `cargo run -p ivs-local -- --port 4567` and point any IVS client at
//! `http://127.0.0.1:4567`; or embed it:
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let emulator = ivs_local::Emulator::open(ivs_local::Settings::default())?;
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! let endpoint = format!("http://{}", listener.local_addr()?);
//! # let _ = endpoint;
//! axum::serve(listener, emulator.into_router(ivs_server::ServerConfig::default())).await?;
//! # Ok(()) }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// The operations return the generated error enums, which carry the 8 header members the model
// puts on every error (over 200 bytes). They are built once per failed request; boxing them
// would add an allocation and hide the types the trait asks for.
#![allow(clippy::result_large_err)]

mod faults;
mod ids;
mod ops;
mod paging;
mod service;
mod state;

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use ivs_server::ServerConfig;
use ivs_server::model::runtime::protocol::UnhandledError;

pub use state::StateError;

/// Where the emulated resources live and where they are kept.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The region in every ARN and URL, and the region requests are signed for.
    pub region: String,
    /// The 12-digit account id in every ARN.
    pub account_id: String,
    /// A JSON file the state is loaded from at start and saved to after every change; `None`
    /// keeps everything in memory.
    pub state_file: Option<PathBuf>,
}

impl Default for Settings {
    /// `us-west-2`, account `123456789012`, in memory.
    fn default() -> Self {
        Settings {
            region: "us-west-2".into(),
            account_id: "123456789012".into(),
            state_file: None,
        }
    }
}

/// The emulated service: implements the generated `ivs_server::Ivs` trait.
pub struct Emulator {
    env: ids::Env,
    state: Mutex<state::State>,
    state_file: Option<PathBuf>,
}

impl Emulator {
    /// An emulator with the state saved in `settings.state_file` (empty if the file does not
    /// exist yet). A file that cannot be read or parsed is an error and is left as it is.
    pub fn open(settings: Settings) -> Result<Emulator, StateError> {
        let state = match &settings.state_file {
            Some(path) => state::load(path)?,
            None => state::State::empty(),
        };
        Ok(Emulator {
            env: ids::Env {
                region: settings.region,
                account_id: settings.account_id,
            },
            state: Mutex::new(state),
            state_file: settings.state_file,
        })
    }

    /// The HTTP service: the generated router serving this emulator.
    pub fn into_router(self, config: ServerConfig) -> axum::Router {
        ivs_server::router(self, config)
    }

    fn lock(&self) -> MutexGuard<'_, state::State> {
        // Operations check everything first and then change the state with plain inserts and
        // removes, so a panic (caught by the router) cannot leave half a change behind: the
        // state behind a poisoned lock is still consistent.
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs a read-only operation.
    fn read<T>(&self, operation: impl FnOnce(&state::State, &ids::Env) -> T) -> T {
        operation(&self.lock(), &self.env)
    }

    /// Runs an operation that may change the state and, when there is a state file and the
    /// state changed, saves it before answering. If saving fails, the change is undone and the
    /// caller gets a 500, so what a client was told succeeded is always on disk.
    fn write<T, E: From<UnhandledError>>(
        &self,
        operation: impl FnOnce(&mut state::State, &ids::Env) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut state = self.lock();
        let Some(path) = &self.state_file else {
            return operation(&mut state, &self.env);
        };
        let before = state.clone();
        let output = match operation(&mut state, &self.env) {
            Ok(output) => output,
            Err(error) => {
                *state = before;
                return Err(error);
            }
        };
        if *state != before
            && let Err(error) = state::save(path, &state)
        {
            *state = before;
            // The details (the file's path, the OS error) are for the operator's log, not for
            // whoever sent the request.
            tracing::error!(%error, "a change could not be saved and was undone");
            return Err(UnhandledError::new(
                "InternalServerException",
                "The change was not saved: the emulator cannot write its state file",
                500,
            )
            .into());
        }
        Ok(output)
    }
}
