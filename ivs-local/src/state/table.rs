//! One kind of resource, keyed by ARN, that remembers what a change touched.
//!
//! A change to the emulator must be saved (and undone if saving fails) without copying or
//! re-serializing the whole state: a [`Table`] keeps, for the change under way, the value
//! each touched key had before it ([`Table::undo`]) and can list the touched keys with their
//! new values ([`Table::changes`]). Reads go through `Deref` to the map; every way to
//! change it is a method here, so no change goes unrecorded.

use std::collections::BTreeMap;
use std::ops::Deref;

use serde::{Deserialize, Serialize};

/// A map from ARN to resource, with the change under way.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub(crate) struct Table<T> {
    rows: BTreeMap<String, T>,
    /// For each key touched by the change under way, its value before the change.
    #[serde(skip)]
    before: BTreeMap<String, Option<T>>,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table {
            rows: BTreeMap::new(),
            before: BTreeMap::new(),
        }
    }
}

/// Two tables are equal when their rows are: the change under way is bookkeeping.
impl<T: PartialEq> PartialEq for Table<T> {
    fn eq(&self, other: &Self) -> bool {
        self.rows == other.rows
    }
}

impl<T> Deref for Table<T> {
    type Target = BTreeMap<String, T>;

    fn deref(&self) -> &Self::Target {
        &self.rows
    }
}

impl<T: Clone + PartialEq> Table<T> {
    /// Remembers the value of `key` before its first change in this change.
    fn touch(&mut self, key: &str) {
        if !self.before.contains_key(key) {
            self.before.insert(key.to_owned(), self.rows.get(key).cloned());
        }
    }

    pub fn insert(&mut self, key: String, value: T) -> Option<T> {
        self.touch(&key);
        self.rows.insert(key, value)
    }

    pub fn remove(&mut self, key: &str) -> Option<T> {
        self.touch(key);
        self.rows.remove(key)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut T> {
        if self.rows.contains_key(key) {
            self.touch(key);
        }
        self.rows.get_mut(key)
    }

    /// Removes the rows `keep` says no to.
    pub fn retain(&mut self, mut keep: impl FnMut(&str, &T) -> bool) {
        let gone: Vec<String> = self
            .rows
            .iter()
            .filter(|(key, value)| !keep(key, value))
            .map(|(key, _)| key.clone())
            .collect();
        for key in gone {
            self.remove(&key);
        }
    }

    /// The rows the change under way really changed, with their new value (`None`: removed).
    pub fn changes(&self) -> BTreeMap<String, Option<T>> {
        self.before
            .iter()
            .filter(|(key, old)| self.rows.get(key.as_str()) != old.as_ref())
            .map(|(key, _)| (key.clone(), self.rows.get(key).cloned()))
            .collect()
    }

    /// Ends the change under way, keeping it.
    pub fn commit(&mut self) {
        self.before.clear();
    }

    /// Ends the change under way, putting back every touched row as it was.
    pub fn undo(&mut self) {
        for (key, old) in std::mem::take(&mut self.before) {
            match old {
                Some(value) => self.rows.insert(key, value),
                None => self.rows.remove(&key),
            };
        }
    }

    /// Applies a saved change: sets or removes each row.
    pub fn apply(&mut self, changes: BTreeMap<String, Option<T>>) {
        for (key, value) in changes {
            match value {
                Some(value) => self.rows.insert(key, value),
                None => self.rows.remove(&key),
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_list_only_what_differs_and_undo_restores() {
        let mut table: Table<i32> = Table::default();
        table.insert("a".into(), 1);
        table.insert("b".into(), 2);
        table.commit();
        table.insert("c".into(), 3);
        *table.get_mut("a").unwrap() = 10;
        table.remove("b");
        assert!(table.get_mut("zz").is_none()); // absent: not touched
        table.insert("d".into(), 4);
        table.remove("d"); // added and removed: no change
        let changes = table.changes();
        assert_eq!(
            changes,
            BTreeMap::from([("a".into(), Some(10)), ("b".into(), None), ("c".into(), Some(3))])
        );
        table.undo();
        assert_eq!(*table, BTreeMap::from([("a".into(), 1), ("b".into(), 2)]));
        let mut other: Table<i32> = Table::default();
        other.apply(BTreeMap::from([("a".into(), Some(1)), ("b".into(), Some(2))]));
        assert_eq!(other, table);
    }
}
