//! Near-duplicate detection: MinHash signatures over word 3-shingles, and
//! the store of recent articles they are compared with. The store is a
//! trait so that replicas can share one (see ARCHITECTURE.md); `FileStore`
//! is the embedded default (an append-only log under a data directory,
//! reloaded at start, bounded by count and age); `MemoryStore` forgets on
//! exit; `RedisStore` is one window shared by every replica.

mod redis;
mod resp;
mod store;

use serde::{Deserialize, Serialize};

pub use redis::RedisStore;
pub use store::{FileStore, MemoryStore};

pub const SIGNATURE_LEN: usize = 64;

/// A MinHash signature, held inline so that a scan of the window reads
/// the stored articles in order instead of following a pointer per entry
/// (the scan runs once per article over up to `window_entries` of them).
/// Stored and sent as a JSON array of `SIGNATURE_LEN` numbers, as before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub [u32; SIGNATURE_LEN]);

impl std::ops::Deref for Signature {
    type Target = [u32];
    fn deref(&self) -> &[u32] {
        &self.0
    }
}

impl Serialize for Signature {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter())
    }
}

impl<'de> Deserialize<'de> for Signature {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Vec::<u32>::deserialize(d)?;
        let n = v.len();
        v.try_into().map(Signature).map_err(|_| {
            serde::de::Error::custom(format!(
                "a signature has {SIGNATURE_LEN} numbers, this one {n}"
            ))
        })
    }
}

/// What the store keeps per article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Seen {
    pub id: String,
    pub content_hash: String,
    pub signature: Signature,
    pub story_id: String,
    /// The article's most salient entity names, for story grouping.
    pub entities: Vec<String>,
    /// Unix seconds when it was stored.
    pub at: i64,
    /// Hashes of `content_hash` and `entities`, made on the first scan that
    /// needs them and kept inline, so a scan of the window compares numbers
    /// instead of following a pointer per string. Never stored.
    #[serde(skip)]
    pub keys: std::sync::OnceLock<SeenKeys>,
}

/// Hashes of a stored article's strings (see `Seen::keys`). Equal strings
/// have equal keys; equal keys are confirmed on the strings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeenKeys {
    /// Key of `content_hash`.
    pub hash: u64,
    /// Keys of the first `ENTITY_KEYS` entity names (an entry with more
    /// names is compared by its strings).
    pub entities: [u64; ENTITY_KEYS],
}

/// Entity names hashed inline per stored article (the stage stores three).
pub const ENTITY_KEYS: usize = 4;

/// The key of a string in `SeenKeys`.
pub fn key(s: &str) -> u64 {
    crate::text::fnv(8, &[s])
}

impl Seen {
    /// This entry's keys, made once.
    pub fn keys(&self) -> &SeenKeys {
        self.keys.get_or_init(|| {
            let mut k = SeenKeys {
                hash: key(&self.content_hash),
                ..SeenKeys::default()
            };
            for (slot, e) in k.entities.iter_mut().zip(&self.entities) {
                *slot = key(e);
            }
            k
        })
    }
}

#[derive(Debug, thiserror::Error)]
#[error("dedup store {path}: {cause}")]
pub struct StoreError {
    pub path: String,
    pub cause: std::io::Error,
}

/// Recent articles, shared by all workers that use the same store.
pub trait DedupStore: Send + Sync {
    /// Visit every article still in the window, oldest first.
    fn scan(&self, visit: &mut dyn FnMut(&Seen));
    fn insert(&self, seen: Seen) -> Result<(), StoreError>;

    /// Look at the window and store what `decide` returns, as one step: two
    /// copies processed at the same instant cannot both miss each other.
    /// The embedded stores hold their lock across both; this default (for
    /// stores without transactions) scans, then inserts, and is not atomic.
    fn scan_and_insert(
        &self,
        decide: &mut dyn FnMut(&mut dyn Iterator<Item = &Seen>) -> Option<Seen>,
    ) -> Result<(), StoreError> {
        let window = self.recent();
        match decide(&mut window.iter()) {
            Some(seen) => self.insert(seen),
            None => Ok(()),
        }
    }

    /// How many articles the window holds.
    fn entries(&self) -> usize {
        let mut n = 0;
        self.scan(&mut |_| n += 1);
        n
    }

    /// A copy of the window (for inspection and tests; `scan` on hot paths).
    fn recent(&self) -> Vec<Seen> {
        let mut out = Vec::new();
        self.scan(&mut |s| out.push(s.clone()));
        out
    }
}

fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// MinHash signature of the word 3-shingles of normalised text.
pub fn signature(normalised: &str) -> Signature {
    let words: Vec<&str> = normalised.split(' ').filter(|w| !w.is_empty()).collect();
    let mut sig = [u32::MAX; SIGNATURE_LEN];
    let n = words
        .len()
        .saturating_sub(2)
        .max(usize::from(!words.is_empty()));
    for i in 0..n {
        let shingle = words[i..(i + 3).min(words.len())].join(" ");
        let base = crate::text::fnv(7, &[&shingle]);
        for (k, slot) in sig.iter_mut().enumerate() {
            let h = (mix(base ^ (k as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)) >> 32) as u32;
            if h < *slot {
                *slot = h;
            }
        }
    }
    Signature(sig)
}

/// Estimated Jaccard similarity of two signatures.
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    // A sum of 0/1 rather than filter().count(): the compiler vectorises it,
    // and the dedup stage runs this once per article in the window.
    let same: u32 = a.iter().zip(b).map(|(x, y)| u32::from(x == y)).sum();
    f64::from(same) / a.len().max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_is_a_json_array_of_its_numbers() {
        let s = signature("dock workers walked off the job");
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.starts_with('[') && json.matches(',').count() == SIGNATURE_LEN - 1);
        assert_eq!(serde_json::from_str::<Signature>(&json).unwrap(), s);
        let err = serde_json::from_str::<Signature>("[1, 2, 3]").unwrap_err();
        assert!(err.to_string().contains("64 numbers, this one 3"), "{err}");
    }

    #[test]
    fn similar_texts_have_similar_signatures() {
        let base = "dock workers walked off the job on monday halting grain exports from one of the busiest ports in the region and leaving dozens of ships waiting at anchor while talks on pay broke down again";
        let edited = base
            .replace("monday", "tuesday")
            .replace("dozens", "scores");
        let trimmed: String = base.split(' ').take(30).collect::<Vec<_>>().join(" ");
        let other = "the central bank raised interest rates by a quarter point on thursday citing stubborn inflation and strong hiring across the economy";
        let s = signature(base);
        assert_eq!(similarity(&s, &signature(base)), 1.0);
        assert!(similarity(&s, &signature(&edited)) > 0.5);
        assert!(similarity(&s, &signature(&trimmed)) > 0.5);
        assert!(similarity(&s, &signature(other)) < 0.1);
    }
}
