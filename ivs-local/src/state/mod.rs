//! Everything the emulator knows, and how it survives a restart.
//!
//! Resources are kept as the model's own output structures, keyed by ARN, so the state file is
//! plain JSON in the wire format a user already knows. A sorted map ([`Table`]) gives every
//! list a stable order (by ARN), which is what the pagination tokens point into; it also
//! records what a change touched, so that [`store`] saves only that.

use std::collections::BTreeMap;
use std::fmt;

mod store;
mod table;

use std::io::Write;
use std::path::{Path, PathBuf};
pub(crate) use store::Store;
pub(crate) use table::Table;

use ivs_server::model::{
    AdConfiguration, Channel, PlaybackKeyPair, PlaybackRestrictionPolicy, RecordingConfiguration, StreamKey,
};
use serde::{Deserialize, Serialize};

/// The format written by this version; a file with another one is refused rather than misread.
const FORMAT_VERSION: u32 = 1;

/// All resources of the emulated account and region.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct State {
    pub format_version: u32,
    pub channels: Table<Channel>,
    pub stream_keys: Table<StreamKey>,
    pub recording_configurations: Table<RecordingConfiguration>,
    pub playback_key_pairs: Table<PlaybackKeyPair>,
    pub playback_restriction_policies: Table<PlaybackRestrictionPolicy>,
    pub ad_configurations: Table<AdConfiguration>,
}

/// What one change set or removed (`null`), table by table: a line of the journal.
#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct Change {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    channels: BTreeMap<String, Option<Channel>>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    stream_keys: BTreeMap<String, Option<StreamKey>>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    recording_configurations: BTreeMap<String, Option<RecordingConfiguration>>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    playback_key_pairs: BTreeMap<String, Option<PlaybackKeyPair>>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    playback_restriction_policies: BTreeMap<String, Option<PlaybackRestrictionPolicy>>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    ad_configurations: BTreeMap<String, Option<AdConfiguration>>,
}

impl Change {
    pub fn is_empty(&self) -> bool {
        *self == Change::default()
    }
}

impl State {
    pub fn empty() -> Self {
        State {
            format_version: FORMAT_VERSION,
            ..State::default()
        }
    }

    /// How many resources there are.
    pub fn resources(&self) -> usize {
        self.channels.len()
            + self.stream_keys.len()
            + self.recording_configurations.len()
            + self.playback_key_pairs.len()
            + self.playback_restriction_policies.len()
            + self.ad_configurations.len()
    }

    /// What the change under way really changed.
    pub fn changes(&self) -> Change {
        Change {
            channels: self.channels.changes(),
            stream_keys: self.stream_keys.changes(),
            recording_configurations: self.recording_configurations.changes(),
            playback_key_pairs: self.playback_key_pairs.changes(),
            playback_restriction_policies: self.playback_restriction_policies.changes(),
            ad_configurations: self.ad_configurations.changes(),
        }
    }

    /// Ends the change under way, keeping it.
    pub fn commit(&mut self) {
        self.channels.commit();
        self.stream_keys.commit();
        self.recording_configurations.commit();
        self.playback_key_pairs.commit();
        self.playback_restriction_policies.commit();
        self.ad_configurations.commit();
    }

    /// Ends the change under way, undoing it.
    pub fn undo(&mut self) {
        self.channels.undo();
        self.stream_keys.undo();
        self.recording_configurations.undo();
        self.playback_key_pairs.undo();
        self.playback_restriction_policies.undo();
        self.ad_configurations.undo();
    }

    /// Applies a saved change.
    pub fn apply(&mut self, change: Change) {
        self.channels.apply(change.channels);
        self.stream_keys.apply(change.stream_keys);
        self.recording_configurations.apply(change.recording_configurations);
        self.playback_key_pairs.apply(change.playback_key_pairs);
        self.playback_restriction_policies
            .apply(change.playback_restriction_policies);
        self.ad_configurations.apply(change.ad_configurations);
    }
}

/// Why a state file could not be used. The file itself is never touched in these cases.
#[derive(Debug)]
pub enum StateError {
    /// The file exists but could not be read.
    Read {
        /// The state file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file is not a state file of this version (corrupt, truncated, or from elsewhere).
    Corrupt {
        /// The state file.
        path: PathBuf,
        /// What is wrong with its content.
        reason: String,
    },
    /// Another process (an emulator) has the state file open.
    InUse {
        /// The state file.
        path: PathBuf,
    },
    /// The state could not be written.
    Write {
        /// The state file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
}

impl fmt::Display for StateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StateError::Read { path, source } => write!(f, "cannot read state file {}: {source}", path.display()),
            StateError::Corrupt { path, reason } => write!(
                f,
                "state file {} is not a valid ivs-local state ({reason}); it was left untouched: \
                 fix it, move it away, or pass another --state file",
                path.display()
            ),
            StateError::InUse { path } => write!(
                f,
                "state file {} is in use by another ivs-local (its journal is locked); stop that one \
                 or pass another --state file",
                path.display()
            ),
            StateError::Write { path, source } => {
                write!(f, "cannot write state file {}: {source}", path.display())
            }
        }
    }
}

impl std::error::Error for StateError {}

/// Loads the state saved at `path`; a missing file is an empty state (a first start).
pub(crate) fn load(path: &Path) -> Result<State, StateError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(State::empty()),
        Err(source) => {
            return Err(StateError::Read {
                path: path.to_owned(),
                source,
            });
        }
    };
    let corrupt = |reason: String| StateError::Corrupt {
        path: path.to_owned(),
        reason,
    };
    let state: State = serde_json::from_slice(&bytes).map_err(|error| corrupt(error.to_string()))?;
    if state.format_version != FORMAT_VERSION {
        return Err(corrupt(format!(
            "format version {} where this ivs-local writes {FORMAT_VERSION}",
            state.format_version
        )));
    }
    Ok(state)
}

/// Saves `state` to `path` atomically: the JSON goes to a temporary file in the same directory,
/// is flushed to disk, then renamed over `path`, so a crash leaves the old or the new state,
/// never half of one.
pub(crate) fn save(path: &Path, state: &State) -> Result<(), StateError> {
    let write_error = |source| StateError::Write {
        path: path.to_owned(),
        source,
    };
    let json = serde_json::to_vec_pretty(state).map_err(|error| write_error(std::io::Error::other(error)))?;
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".tmp");
    let temporary = PathBuf::from(temporary);
    let mut file = create_private(&temporary).map_err(write_error)?;
    file.write_all(&json)
        .and_then(|()| file.sync_all())
        .map_err(write_error)?;
    drop(file);
    std::fs::rename(&temporary, path).map_err(write_error)?;
    // The rename itself must be on disk before the journal it replaces is emptied.
    #[cfg(unix)]
    if let Some(directory) = path.parent() {
        let directory = if directory.as_os_str().is_empty() {
            Path::new(".")
        } else {
            directory
        };
        std::fs::File::open(directory)
            .and_then(|directory| directory.sync_all())
            .map_err(write_error)?;
    }
    Ok(())
}

/// Creates (or truncates) `path` readable and writable by its owner only: the state holds
/// stream keys and SRT passphrases.
pub(crate) fn create_private(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        let file = options.open(path)?;
        // `mode` only applies to a new file: tighten one left by an older version too.
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        Ok(file)
    }
    #[cfg(not(unix))]
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("ivs-local-state-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir.join("state.json")
    }

    #[test]
    fn missing_file_is_an_empty_state() {
        let path = scratch("missing");
        let _ = std::fs::remove_file(&path);
        assert_eq!(load(&path).unwrap(), State::empty());
    }

    #[test]
    fn saved_state_loads_back_and_leaves_no_temporary_file() {
        let path = scratch("roundtrip");
        let mut state = State::empty();
        state.channels.insert("arn".into(), Channel::default().with_name("one"));
        save(&path, &state).unwrap();
        assert_eq!(load(&path).unwrap(), state);
        assert!(!path.with_extension("json.tmp").exists());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "the state holds secrets: {mode:o}");
        }
    }

    #[test]
    fn corrupt_file_is_reported_and_left_alone() {
        let path = scratch("corrupt");
        std::fs::write(&path, b"{\"channels\": [").unwrap();
        let error = load(&path).unwrap_err();
        let message = error.to_string();
        assert!(matches!(error, StateError::Corrupt { .. }), "{message}");
        assert!(message.contains("is not a valid ivs-local state"), "{message}");
        assert_eq!(std::fs::read(&path).unwrap(), b"{\"channels\": [");
    }

    #[test]
    fn other_format_version_is_refused() {
        let path = scratch("version");
        std::fs::write(&path, br#"{"formatVersion": 99, "channels": {}, "streamKeys": {}, "recordingConfigurations": {}, "playbackKeyPairs": {}, "playbackRestrictionPolicies": {}, "adConfigurations": {}}"#).unwrap();
        let message = load(&path).unwrap_err().to_string();
        assert!(message.contains("format version 99"), "{message}");
    }
}
