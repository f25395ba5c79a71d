//! The dedup stage: exact duplicates (same normalised content hash),
//! near-duplicates (MinHash similarity of word 3-shingles at or above a
//! threshold: syndicated, re-headlined, trimmed or lightly edited copies)
//! and a story id that groups articles on the same event (a duplicate
//! joins its original's story; otherwise an article sharing enough of its
//! most salient entities with a recent one joins that story).
//!
//! This stage is stateful by nature: it reads and writes a `DedupStore`.

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::dedup::{signature, similarity, DedupStore, FileStore, MemoryStore, RedisStore, Seen};
use crate::document::Article;
use crate::stages::fingerprint::normalised_content;
use crate::stages::{Annotations, Stage, StageError};

/// Options of the `dedup` stage.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// "file" (survives restarts, under `data_dir`; one replica), "redis"
    /// (one window shared by every replica, at `redis_url`) or "memory".
    /// Default: "redis" when $NEWSFLOW_REDIS_URL is set (a deployment that
    /// provides a Redis means it to be shared), else "file".
    #[serde(default = "default_store")]
    pub store: String,
    /// Directory of the file store. Default: $NEWSFLOW_DATA_DIR, else ./newsflow-data.
    pub data_dir: Option<PathBuf>,
    /// The Redis server of the "redis" store:
    /// `redis://[:password@]host[:port][/db]`. Default: $NEWSFLOW_REDIS_URL
    /// (keep a password out of the config file that way).
    pub redis_url: Option<String>,
    /// The stream key of the "redis" store; replicas that share it share
    /// the window.
    #[serde(default = "default_redis_key")]
    pub redis_key: String,
    /// How many recent articles are compared against.
    #[serde(default = "default_entries")]
    pub window_entries: usize,
    /// How old (hours) a stored article may be and still be compared against.
    #[serde(default = "default_hours")]
    pub window_hours: u64,
    /// Estimated Jaccard similarity (0-1) from which a copy is a near-duplicate.
    #[serde(default = "default_threshold")]
    pub near_duplicate_threshold: f64,
    /// Shared salient entities that put two articles in one story.
    #[serde(default = "default_overlap")]
    pub story_entity_overlap: usize,
}

fn default_store() -> String {
    let redis = std::env::var("NEWSFLOW_REDIS_URL").is_ok_and(|u| !u.trim().is_empty());
    if redis { "redis" } else { "file" }.into()
}
fn default_redis_key() -> String {
    "newsflow:dedup".into()
}
fn default_entries() -> usize {
    10_000
}
fn default_hours() -> u64 {
    72
}
fn default_threshold() -> f64 {
    0.35
}
fn default_overlap() -> usize {
    2
}

impl Default for Config {
    fn default() -> Self {
        toml::from_str("").expect("all fields have defaults")
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dedup {
    /// Id of the earlier article this one duplicates, if any (absent from
    /// the record otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
    /// exact or near, when a duplicate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
    /// Similarity (0-1) to the closest earlier article.
    pub similarity: f64,
    pub story_id: String,
}

pub struct DedupStage {
    store: Arc<dyn DedupStore>,
    config: Config,
}

impl DedupStage {
    pub fn build(config: Config) -> Result<Self, String> {
        let age = config.window_hours as i64 * 3600;
        let store: Arc<dyn DedupStore> = match config.store.as_str() {
            "memory" => Arc::new(MemoryStore::new(config.window_entries, age)),
            "file" => {
                let dir = config.data_dir.clone().unwrap_or_else(|| {
                    std::env::var_os("NEWSFLOW_DATA_DIR")
                        .map_or_else(|| PathBuf::from("newsflow-data"), PathBuf::from)
                });
                Arc::new(
                    FileStore::open(&dir, config.window_entries, age).map_err(|e| e.to_string())?,
                )
            }
            "redis" => {
                let url = config
                    .redis_url
                    .clone()
                    .or_else(|| std::env::var("NEWSFLOW_REDIS_URL").ok())
                    .ok_or("store = \"redis\" needs `redis_url` (or $NEWSFLOW_REDIS_URL), e.g. redis://cache:6379/0")?;
                Arc::new(
                    RedisStore::open(&url, &config.redis_key, config.window_entries, age)
                        .map_err(|e| e.to_string())?,
                )
            }
            other => {
                return Err(format!(
                    "unknown store `{other}`; use \"file\", \"redis\" or \"memory\""
                ))
            }
        };
        Ok(DedupStage { store, config })
    }

    /// A stage over a given store (shared stores, tests, evaluation).
    pub fn with_store(store: Arc<dyn DedupStore>, config: Config) -> Self {
        DedupStage { store, config }
    }
}

impl Stage for DedupStage {
    fn name(&self) -> &'static str {
        "dedup"
    }
    fn version(&self) -> &'static str {
        "minhash64-shingle3-1"
    }
    fn state_entries(&self) -> Option<usize> {
        Some(self.store.entries())
    }
    fn run(&self, article: &Article, out: &mut Annotations) -> Result<(), StageError> {
        let normalised = normalised_content(&super::content_text(article, out));
        let (id, hash) = match &out.fingerprint {
            Some(f) => (f.id.clone(), f.content_hash.clone()),
            None => return Err(StageError::MissingInput("fingerprint")),
        };
        let sig = signature(&normalised);
        let mut entities: Vec<String> = out
            .entities
            .iter()
            .flat_map(|e| &e.entities)
            .filter(|e| e.kind != "MISC")
            .take(3)
            .map(|e| e.name.clone())
            .collect();
        entities.sort();
        // One pass over the window, cloning only what is kept, and the
        // insert in the same step (see `DedupStore::scan_and_insert`). The
        // same article again (a redelivery, or `enrich` run twice) is an
        // exact duplicate of its earlier self; it is not stored twice.
        let mut result = None;
        self.store
            .scan_and_insert(&mut |window| {
                let (r, store) = self.judge(window, &id, &hash, &sig, &entities);
                result = Some(r);
                store.then(|| Seen {
                    id: id.clone(),
                    content_hash: hash.clone(),
                    signature: sig.clone(),
                    story_id: result
                        .as_ref()
                        .map(|r| r.story_id.clone())
                        .unwrap_or_default(),
                    entities: entities.clone(),
                    at: chrono::Utc::now().timestamp(),
                    keys: Default::default(),
                })
            })
            .map_err(|e| StageError::Unsupported(e.to_string()))?;
        out.dedup = result;
        Ok(())
    }
}

impl DedupStage {
    /// The verdict on an article against the window, and whether to store it.
    fn judge(
        &self,
        window: &mut dyn Iterator<Item = &Seen>,
        id: &str,
        hash: &str,
        sig: &[u32],
        entities: &[String],
    ) -> (Dedup, bool) {
        let overlap = self.config.story_entity_overlap;
        let mut already = false;
        let mut exact: Option<(String, String)> = None; // (id, story)
        let mut best: Option<(String, String, f64)> = None; // oldest on ties
        let mut story_match: Option<String> = None; // the newest that shares entities
                                                    // This loop runs once per article in the window (10,000 by default)
                                                    // for every article: it compares the entries' inline keys
                                                    // (`Seen::keys`) and reads a string only when its key matches, so
                                                    // most entries cost no pointer chase beyond the signature.
        let my_hash = crate::dedup::key(hash);
        let my_entities: Vec<u64> = entities.iter().map(|e| crate::dedup::key(e)).collect();
        let is_mine = |k: u64, name: &str| {
            my_entities
                .iter()
                .zip(entities)
                .any(|(m, e)| *m == k && e == name)
        };
        for s in window {
            let keys = s.keys();
            let same_hash = keys.hash == my_hash && s.content_hash == hash;
            already |= same_hash && s.id == id;
            if exact.is_none() && same_hash {
                exact = Some((s.id.clone(), s.story_id.clone()));
            }
            let x = similarity(sig, &s.signature);
            if best.as_ref().is_none_or(|b| x > b.2) {
                best = Some((s.id.clone(), s.story_id.clone(), x));
            }
            if entities.len() >= overlap {
                let shared = if s.entities.len() <= crate::dedup::ENTITY_KEYS {
                    keys.entities
                        .iter()
                        .zip(&s.entities)
                        .filter(|(k, e)| is_mine(**k, e))
                        .count()
                } else {
                    s.entities.iter().filter(|e| entities.contains(e)).count()
                };
                if shared >= overlap {
                    story_match = Some(s.story_id.clone());
                }
            }
        }
        let (duplicate_of, kind, sim) = match (exact, best) {
            (Some((i, st)), _) => (Some((i, st)), Some("exact"), 1.0),
            (None, Some((i, st, x))) if x >= self.config.near_duplicate_threshold => {
                (Some((i, st)), Some("near"), x)
            }
            (None, Some((_, _, x))) => (None, None, x),
            (None, None) => (None, None, 0.0),
        };
        let (duplicate_of, story_id) = match duplicate_of {
            Some((i, st)) => (Some(i), st),
            None => (None, story_match.unwrap_or_else(|| id.to_string())),
        };
        let result = Dedup {
            duplicate_of,
            kind,
            similarity: (sim * 1000.0).round() / 1000.0,
            story_id,
        };
        (result, !already)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::fingerprint::FingerprintStage;

    fn run(stage: &DedupStage, id: &str, text: &str) -> Dedup {
        let mut out = Annotations::default();
        let mut doc = Article::from_text(text);
        doc.meta.id = Some(id.into());
        FingerprintStage::default().run(&doc, &mut out).unwrap();
        stage.run(&doc, &mut out).unwrap();
        out.dedup.unwrap()
    }

    #[test]
    fn exact_near_and_distinct() {
        let cfg = Config {
            store: "memory".into(),
            ..Config::default()
        };
        let stage = DedupStage::build(cfg).unwrap();
        let a = "Dock workers walked off the job on Monday, halting grain exports from one of the busiest ports in the region and leaving dozens of ships waiting at anchor, as talks on pay broke down again after eleven weeks.";
        assert_eq!(run(&stage, "a", a).duplicate_of, None);
        let b = run(&stage, "b", &a.to_uppercase());
        assert_eq!(
            (b.duplicate_of.as_deref(), b.kind),
            (Some("a"), Some("exact"))
        );
        assert_eq!(b.story_id, "a");
        let trimmed: String = a.split(' ').take(28).collect::<Vec<_>>().join(" ");
        let c = run(&stage, "c", &trimmed);
        assert_eq!(
            (c.duplicate_of.as_deref(), c.kind),
            (Some("a"), Some("near")),
            "{c:?}"
        );
        let d = run(&stage, "d", "The central bank raised interest rates by a quarter point on Thursday, citing stubborn inflation and strong hiring.");
        assert_eq!(d.duplicate_of, None);
        assert_eq!(d.story_id, "d");
        // The same article again is a duplicate of its earlier self.
        let again = run(&stage, "a", a);
        assert_eq!(
            (again.duplicate_of.as_deref(), again.kind),
            (Some("a"), Some("exact"))
        );
    }

    /// Copies processed at the same instant by several workers: exactly one
    /// is the original, every other is its duplicate (the window check and
    /// the insert are one step), with the memory and the file store.
    #[test]
    fn simultaneous_copies_see_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let stores: Vec<Arc<dyn DedupStore>> = vec![
            Arc::new(crate::dedup::MemoryStore::new(100, 3600)),
            Arc::new(crate::dedup::FileStore::open(dir.path(), 100, 3600).unwrap()),
        ];
        let text = "Ferry crews on the northern routes stopped work at dawn on Friday, stranding hundreds of passengers as the union and operators failed to agree on overtime rules.";
        for store in stores {
            let stage = Arc::new(DedupStage::with_store(store, Config::default()));
            let start = Arc::new(std::sync::Barrier::new(8));
            let workers: Vec<_> = (0..8)
                .map(|i| {
                    let (stage, start) = (Arc::clone(&stage), Arc::clone(&start));
                    std::thread::spawn(move || {
                        let mut out = Annotations::default();
                        let mut doc = Article::from_text(text);
                        doc.meta.id = Some(format!("copy-{i}"));
                        FingerprintStage::default().run(&doc, &mut out).unwrap();
                        start.wait();
                        stage.run(&doc, &mut out).unwrap();
                        out.dedup.unwrap()
                    })
                })
                .collect();
            let results: Vec<Dedup> = workers.into_iter().map(|w| w.join().unwrap()).collect();
            let originals: Vec<&Dedup> = results
                .iter()
                .filter(|d| d.duplicate_of.is_none())
                .collect();
            assert_eq!(originals.len(), 1, "{results:#?}");
            let first = &originals[0].story_id;
            assert!(
                results.iter().all(|d| &d.story_id == first),
                "one story: {results:#?}"
            );
        }
    }
}
