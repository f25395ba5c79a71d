//! Store implementations: in memory, and an append-only JSON-lines file.

use std::collections::VecDeque;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::{DedupStore, Seen, StoreError};

/// The window: at most `max_entries` articles no older than `max_age_secs`.
pub(super) struct Window {
    pub(super) items: VecDeque<Seen>,
    pub(super) max_entries: usize,
    pub(super) max_age_secs: i64,
}

impl Window {
    pub(super) fn push(&mut self, s: Seen) {
        self.items.push_back(s);
        self.trim();
    }
    pub(super) fn trim(&mut self) {
        let now = chrono::Utc::now().timestamp();
        while self.items.len() > self.max_entries
            || self
                .items
                .front()
                .is_some_and(|f| now - f.at > self.max_age_secs)
        {
            self.items.pop_front();
        }
    }
}

pub struct MemoryStore(Mutex<Window>);

impl MemoryStore {
    pub fn new(max_entries: usize, max_age_secs: i64) -> Self {
        MemoryStore(Mutex::new(Window {
            items: VecDeque::new(),
            max_entries,
            max_age_secs,
        }))
    }
}

impl DedupStore for MemoryStore {
    fn scan(&self, visit: &mut dyn FnMut(&Seen)) {
        let mut w = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        w.trim();
        w.items.iter().for_each(visit);
    }
    fn insert(&self, seen: Seen) -> Result<(), StoreError> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(seen);
        Ok(())
    }
    fn scan_and_insert(
        &self,
        decide: &mut dyn FnMut(&mut dyn Iterator<Item = &Seen>) -> Option<Seen>,
    ) -> Result<(), StoreError> {
        let mut w = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        w.trim();
        if let Some(seen) = decide(&mut w.items.iter()) {
            w.push(seen);
        }
        Ok(())
    }
}

/// `dir/dedup.jsonl`: one line per stored article, appended; rewritten with
/// only the window once it holds more than twice the window's size.
pub struct FileStore {
    path: PathBuf,
    state: Mutex<(Window, usize)>, // window, lines in the file
}

impl FileStore {
    pub fn open(
        dir: &Path,
        max_entries: usize,
        max_age_secs: i64,
    ) -> Result<FileStore, StoreError> {
        let path = dir.join("dedup.jsonl");
        let err = |cause| StoreError {
            path: path.display().to_string(),
            cause,
        };
        std::fs::create_dir_all(dir).map_err(err)?;
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(err(e)),
        };
        let mut window = Window {
            items: VecDeque::new(),
            max_entries,
            max_age_secs,
        };
        let mut lines = 0;
        for line in text.lines() {
            lines += 1;
            // A torn last line (crash mid-write) is skipped, not fatal.
            if let Ok(s) = serde_json::from_str::<Seen>(line) {
                window.push(s);
            }
        }
        Ok(FileStore {
            path,
            state: Mutex::new((window, lines)),
        })
    }
}

impl DedupStore for FileStore {
    fn scan(&self, visit: &mut dyn FnMut(&Seen)) {
        let mut st = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        st.0.trim();
        st.0.items.iter().for_each(visit);
    }
    fn insert(&self, seen: Seen) -> Result<(), StoreError> {
        let mut st = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        self.insert_locked(&mut st, seen)
    }
    fn scan_and_insert(
        &self,
        decide: &mut dyn FnMut(&mut dyn Iterator<Item = &Seen>) -> Option<Seen>,
    ) -> Result<(), StoreError> {
        let mut st = self
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        st.0.trim();
        match decide(&mut st.0.items.iter()) {
            Some(seen) => self.insert_locked(&mut st, seen),
            None => Ok(()),
        }
    }
}

impl FileStore {
    /// Append (or compact), with the state lock already held.
    fn insert_locked(&self, st: &mut (Window, usize), seen: Seen) -> Result<(), StoreError> {
        let err = |cause| StoreError {
            path: self.path.display().to_string(),
            cause,
        };
        let line = serde_json::to_string(&seen).unwrap_or_default();
        st.0.push(seen);
        if st.1 > 2 * st.0.max_entries {
            let tmp = self.path.with_extension("jsonl.tmp");
            let body: String =
                st.0.items
                    .iter()
                    .map(|s| serde_json::to_string(s).unwrap_or_default() + "\n")
                    .collect();
            std::fs::write(&tmp, body).map_err(err)?;
            std::fs::rename(&tmp, &self.path).map_err(err)?;
            st.1 = st.0.items.len();
        } else {
            let mut f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&self.path)
                .map_err(err)?;
            f.write_all(format!("{line}\n").as_bytes()).map_err(err)?;
            st.1 += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(id: &str, at: i64) -> Seen {
        Seen {
            id: id.into(),
            content_hash: id.into(),
            signature: crate::dedup::Signature([2; crate::dedup::SIGNATURE_LEN]),
            story_id: id.into(),
            entities: vec![],
            keys: Default::default(),
            at,
        }
    }

    #[test]
    fn file_store_survives_reopen_and_bounds_its_window() {
        let dir = tempfile::tempdir().unwrap();
        let now = chrono::Utc::now().timestamp();
        {
            let s = FileStore::open(dir.path(), 3, 3600).unwrap();
            s.insert(seen("expired", now - 7200)).unwrap();
            for i in 0..10 {
                s.insert(seen(&format!("a{i}"), now)).unwrap();
            }
        }
        let s = FileStore::open(dir.path(), 3, 3600).unwrap();
        let ids: Vec<String> = s.recent().into_iter().map(|x| x.id).collect();
        assert_eq!(ids, ["a7", "a8", "a9"]);
        // The log was compacted rather than growing without bound.
        let lines = std::fs::read_to_string(dir.path().join("dedup.jsonl"))
            .unwrap()
            .lines()
            .count();
        assert!(lines <= 7, "{lines} lines");
    }
}
