//! The state on disk: a snapshot and a journal of the changes made since, locked by one
//! emulator at a time.
//!
//! Re-serializing the whole state for every change made a write cost grow with the state
//! (39 ms at 574 channels). Instead, each change is appended to the journal
//! (`<state file>.journal`) as one line of JSON (the rows it set or removed) and synced
//! before the change is acknowledged: a write costs the size of the change and one sync.
//! When the journal holds more changes than the state has resources (and at least
//! [`MIN_COMPACTION`]), the state is written to the snapshot (`<state file>`, atomically:
//! temporary file, sync, rename) and the journal emptied, so the journal's cost is spread
//! over the writes that made it.
//!
//! A crash can leave the last line of the journal unfinished: that change was never
//! acknowledged, so loading drops it. A crash between a snapshot and the emptying of the
//! journal leaves changes that are in both: replaying them again sets the same rows.
//!
//! The journal is opened with an exclusive lock (`flock`, advisory) for the emulator's
//! lifetime: a second emulator on the same state file is refused with a clear error rather
//! than silently losing the first one's writes.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::{Change, State, StateError, load, save};

/// The fewest changes the journal holds before it is compacted into the snapshot.
const MIN_COMPACTION: usize = 1024;

/// An opened, locked state file.
#[derive(Debug)]
pub(crate) struct Store {
    snapshot: PathBuf,
    journal_path: PathBuf,
    /// Open for appending, and locked.
    journal: File,
    /// The changes in the journal.
    entries: usize,
}

impl Store {
    /// Locks the state at `path` and loads it: the snapshot (an empty state if there is none
    /// yet), then the journal's changes. Compacts a non-empty journal, so that each run
    /// starts from a fresh snapshot.
    pub fn open(path: &Path) -> Result<(Store, State), StateError> {
        let mut journal_path = path.as_os_str().to_owned();
        journal_path.push(".journal");
        let journal_path = PathBuf::from(journal_path);
        let journal = open_journal(&journal_path)?;
        lock(&journal, path)?;
        let mut state = load(path)?;
        let mut store = Store {
            snapshot: path.to_owned(),
            journal_path,
            journal,
            entries: 0,
        };
        store.entries = store.replay(&mut state)?;
        if store.entries > 0 || !path.exists() {
            store.compact(&state)?;
        }
        Ok((store, state))
    }

    /// Appends `change` and syncs it; then compacts if the journal has grown past the state.
    pub fn save(&mut self, change: &Change, state: &State) -> Result<(), StateError> {
        let mut line = serde_json::to_vec(change).map_err(|error| self.write_error(std::io::Error::other(error)))?;
        line.push(b'\n');
        self.journal
            .write_all(&line)
            .and_then(|()| self.journal.sync_data())
            .map_err(|error| self.write_error(error))?;
        self.entries += 1;
        if self.entries > MIN_COMPACTION.max(state.resources()) {
            self.compact(state)?;
        }
        Ok(())
    }

    /// Writes `state` as the snapshot and empties the journal.
    fn compact(&mut self, state: &State) -> Result<(), StateError> {
        save(&self.snapshot, state)?;
        self.journal
            .set_len(0)
            .and_then(|()| self.journal.sync_all())
            .map_err(|error| self.write_error(error))?;
        self.entries = 0;
        Ok(())
    }

    /// Applies the journal's changes to `state`; returns how many there were. An unfinished
    /// last line (a crash while it was written) is cut off.
    fn replay(&mut self, state: &mut State) -> Result<usize, StateError> {
        let mut text = Vec::new();
        self.journal
            .seek(SeekFrom::Start(0))
            .and_then(|_| self.journal.read_to_end(&mut text))
            .map_err(|source| StateError::Read {
                path: self.journal_path.clone(),
                source,
            })?;
        let complete = text.iter().rposition(|&b| b == b'\n').map_or(0, |end| end + 1);
        let mut entries = 0;
        for (number, line) in text[..complete].split(|&b| b == b'\n').enumerate() {
            if line.is_empty() {
                continue;
            }
            let change: Change = serde_json::from_slice(line).map_err(|error| StateError::Corrupt {
                path: self.journal_path.clone(),
                reason: format!("line {}: {error}", number + 1),
            })?;
            state.apply(change);
            entries += 1;
        }
        if complete < text.len() {
            self.journal
                .set_len(complete as u64)
                .map_err(|error| self.write_error(error))?;
        }
        Ok(entries)
    }

    fn write_error(&self, source: std::io::Error) -> StateError {
        StateError::Write {
            path: self.journal_path.clone(),
            source,
        }
    }
}

fn open_journal(path: &Path) -> Result<File, StateError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).append(true).create(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let file = options.open(path).map_err(|source| StateError::Write {
        path: path.to_owned(),
        source,
    })?;
    // A journal from before the state was private: tighten it (ignored where unsupported).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = file.set_permissions(std::fs::Permissions::from_mode(0o600));
    }
    Ok(file)
}

fn lock(journal: &File, state_file: &Path) -> Result<(), StateError> {
    match fs4::FileExt::try_lock(journal) {
        Ok(()) => Ok(()),
        Err(fs4::TryLockError::WouldBlock) => Err(StateError::InUse {
            path: state_file.to_owned(),
        }),
        Err(fs4::TryLockError::Error(source)) => Err(StateError::Write {
            path: state_file.to_owned(),
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use ivs_server::model::Channel;

    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("ivs-local-store-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir.join("state.json")
    }

    fn add_channel(store: &mut Store, state: &mut State, arn: &str) {
        state
            .channels
            .insert(arn.to_owned(), Channel::default().with_name(arn.to_owned()));
        store.save(&state.changes(), state).unwrap();
        state.commit();
    }

    #[test]
    fn a_write_appends_one_line_and_leaves_the_snapshot_alone() {
        let path = scratch("append");
        let (mut store, mut state) = Store::open(&path).unwrap();
        let snapshot = std::fs::read(&path).unwrap();
        for i in 0..10 {
            add_channel(&mut store, &mut state, &format!("arn-{i}"));
        }
        // The old design rewrote the whole state file for every change.
        assert_eq!(std::fs::read(&path).unwrap(), snapshot);
        let journal = std::fs::read_to_string(&store.journal_path).unwrap();
        assert_eq!(journal.lines().count(), 10, "{journal}");
        drop(store);
        let (_, reloaded) = Store::open(&path).unwrap();
        assert_eq!(reloaded, state);
        // Opening compacted the journal into the snapshot.
        assert_eq!(std::fs::metadata(path.with_extension("json.journal")).unwrap().len(), 0);
    }

    #[test]
    fn an_unfinished_last_line_is_dropped_and_a_corrupt_one_refused() {
        let path = scratch("torn");
        let (mut store, mut state) = Store::open(&path).unwrap();
        add_channel(&mut store, &mut state, "kept");
        // A crash in the middle of the next change's line: never acknowledged.
        store.journal.write_all(br#"{"channels":{"lost":{"na"#).unwrap();
        drop(store);
        let (_, reloaded) = Store::open(&path).unwrap();
        assert_eq!(reloaded.channels.keys().collect::<Vec<_>>(), ["kept"]);

        let journal = path.with_extension("json.journal");
        std::fs::write(&journal, b"{\"channels\": 5}\n").unwrap();
        let error = Store::open(&path).unwrap_err().to_string();
        assert!(error.contains("line 1"), "{error}");
        assert_eq!(
            std::fs::read(&journal).unwrap(),
            b"{\"channels\": 5}\n",
            "left untouched"
        );
    }

    #[test]
    fn the_journal_is_compacted_once_it_outgrows_the_state() {
        let path = scratch("compact");
        let (mut store, mut state) = Store::open(&path).unwrap();
        // Changes to one channel: the journal outgrows the state (one resource) quickly.
        for i in 0..MIN_COMPACTION {
            state
                .channels
                .insert("arn".into(), Channel::default().with_name(i.to_string()));
            store.save(&state.changes(), &state).unwrap();
            state.commit();
        }
        assert_eq!(store.entries, MIN_COMPACTION);
        add_channel(&mut store, &mut state, "arn");
        assert_eq!(store.entries, 0, "compacted");
        assert_eq!(load(&path).unwrap(), state);
    }

    #[test]
    fn a_second_opener_is_refused_while_the_first_holds_the_lock() {
        let path = scratch("lock");
        let (first, _) = Store::open(&path).unwrap();
        let error = Store::open(&path).unwrap_err();
        assert!(matches!(error, StateError::InUse { .. }), "{error}");
        assert!(error.to_string().contains("in use by another ivs-local"), "{error}");
        drop(first);
        assert!(Store::open(&path).is_ok(), "free again once the first is gone");
    }
}
