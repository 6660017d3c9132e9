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
use std::sync::{Arc, Mutex, MutexGuard};

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
    shared: Arc<Shared>,
}

struct Shared {
    env: ids::Env,
    /// The state and, with a state file, where its changes are saved: one lock, so that the
    /// journal's order is the order the changes were made in.
    inner: Mutex<Inner>,
}

struct Inner {
    state: state::State,
    store: Option<state::Store>,
}

impl Emulator {
    /// An emulator with the state saved in `settings.state_file` (empty if the file does not
    /// exist yet). A file that cannot be read or parsed is an error and is left as it is; so
    /// is a state file another emulator has open ([`StateError::InUse`]).
    pub fn open(settings: Settings) -> Result<Emulator, StateError> {
        let (state, store) = match &settings.state_file {
            Some(path) => {
                let (store, state) = state::Store::open(path)?;
                (state, Some(store))
            }
            None => (state::State::empty(), None),
        };
        Ok(Emulator {
            shared: Arc::new(Shared {
                env: ids::Env {
                    region: settings.region,
                    account_id: settings.account_id,
                },
                inner: Mutex::new(Inner { state, store }),
            }),
        })
    }

    /// The HTTP service: the generated router serving this emulator.
    pub fn into_router(self, config: ServerConfig) -> axum::Router {
        ivs_server::router(self, config)
    }

    /// Runs a read-only operation.
    fn read<T>(&self, operation: impl FnOnce(&state::State, &ids::Env) -> T) -> T {
        operation(&self.shared.lock().state, &self.shared.env)
    }

    /// Runs an operation that may change the state and, when there is a state file and the
    /// state changed, saves the change before answering. If saving fails, the change is
    /// undone and the caller gets a 500, so what a client was told succeeded is always on
    /// disk. With a state file the work (which waits for the disk) runs on tokio's blocking
    /// threads, not on the workers that serve other requests.
    async fn write<T, E>(
        &self,
        operation: impl FnOnce(&mut state::State, &ids::Env) -> Result<T, E> + Send + 'static,
    ) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<UnhandledError> + Send + 'static,
    {
        if !self.shared.persistent() {
            return self.shared.write(operation);
        }
        let shared = Arc::clone(&self.shared);
        match tokio::task::spawn_blocking(move || shared.write(operation)).await {
            Ok(result) => result,
            // A panic is the router's to catch and answer (500), as for any other operation.
            Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
            Err(_) => Err(UnhandledError::new("InternalServerException", "The change was cancelled", 500).into()),
        }
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic inside an operation (caught by the router) poisons the lock; the change it
        // was making is undone here, so the state behind the lock is the last saved one.
        self.inner.lock().unwrap_or_else(|poisoned| {
            let mut inner = poisoned.into_inner();
            inner.state.undo();
            inner
        })
    }

    fn persistent(&self) -> bool {
        self.lock().store.is_some()
    }

    fn write<T, E: From<UnhandledError>>(
        &self,
        operation: impl FnOnce(&mut state::State, &ids::Env) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut guard = self.lock();
        let Inner { state, store } = &mut *guard;
        let output = match operation(state, &self.env) {
            Ok(output) => output,
            Err(error) => {
                state.undo();
                return Err(error);
            }
        };
        if let Some(store) = store {
            let change = state.changes();
            if !change.is_empty()
                && let Err(error) = store.save(&change, state)
            {
                state.undo();
                // The details (the file's path, the OS error) are for the operator's log, not
                // for whoever sent the request.
                tracing::error!(%error, "a change could not be saved and was undone");
                return Err(UnhandledError::new(
                    "InternalServerException",
                    "The change was not saved: the emulator cannot write its state file",
                    500,
                )
                .into());
            }
        }
        state.commit();
        Ok(output)
    }
}
