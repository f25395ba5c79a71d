//! Training the topic model: documents with Media Topic labels (through the
//! mapping tables) plus every active concept's name and definition.

use std::collections::{BTreeMap, HashMap};

use super::expand::{borrow, Embeddings, BACKOFF};
use super::vocab::{add_features, is_content};
use super::Concept;

/// (level-2 qcode, text): a deeper concept as a training document.
pub type Labelled = (String, String);

/// Active Media Topics of levels 1 and 2 from mediatopic-en.tsv (the
/// classes), and the deeper active concepts as (level-2 ancestor, name and
/// definition) pairs, which become training documents of that ancestor.
pub fn read_concepts(tsv: &str) -> (Vec<(Concept, String)>, Vec<Labelled>) {
    let mut out = Vec::new();
    let mut broader: HashMap<String, (u8, String)> = HashMap::new();
    let mut deeper: Vec<(String, String, String)> = Vec::new(); // qcode, parent, text
    for line in tsv.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 7 || f[3] != "true" || !f[4].is_empty() {
            continue; // retired or malformed
        }
        let level: u8 = f[1].parse().unwrap_or(0);
        broader.insert(f[0].to_string(), (level, f[2].to_string()));
        match level {
            1 | 2 => out.push((
                Concept {
                    qcode: f[0].to_string(),
                    name: f[5].to_string(),
                    level,
                    parent: (!f[2].is_empty()).then(|| f[2].to_string()),
                },
                f[6].to_string(),
            )),
            l if l > 2 => deeper.push((
                f[0].to_string(),
                f[2].to_string(),
                format!("{} {} {}", f[5], f[5], f[6]),
            )),
            _ => {}
        }
    }
    let ancestor = |mut q: String| -> Option<String> {
        for _ in 0..8 {
            let (level, parent) = broader.get(&q)?;
            if *level == 2 {
                return Some(q);
            }
            q = parent.clone();
        }
        None
    };
    let docs = deeper
        .into_iter()
        .filter_map(|(_, parent, text)| Some((ancestor(parent)?, text)))
        .collect();
    (out, docs)
}

/// Accumulates class counts.
pub struct Trainer {
    pub concepts: Vec<Concept>,
    index: HashMap<String, usize>,
    docs: Vec<f64>,
    totals: Vec<f64>,
    counts: HashMap<String, BTreeMap<usize, f64>>,
    /// Level-1 counts borrowed by words the data lacks (see `expand`).
    borrowed: BTreeMap<String, BTreeMap<usize, f64>>,
}

impl Trainer {
    pub fn new(concepts: &[(Concept, String)]) -> Trainer {
        let mut t = Trainer {
            concepts: concepts.iter().map(|c| c.0.clone()).collect(),
            index: HashMap::new(),
            docs: vec![0.0; concepts.len()],
            totals: vec![0.0; concepts.len()],
            counts: HashMap::new(),
            borrowed: BTreeMap::new(),
        };
        t.index = t
            .concepts
            .iter()
            .enumerate()
            .map(|(i, c)| (c.qcode.clone(), i))
            .collect();
        for (c, definition) in concepts {
            t.add(
                &format!("{} {} {}", c.name, c.name, definition),
                std::slice::from_ref(&c.qcode),
                1.0,
            );
        }
        t
    }

    pub fn knows(&self, qcode: &str) -> bool {
        self.index.contains_key(qcode)
    }

    /// Add a document labelled with `qcodes` (level-2 codes also count for their parent).
    pub fn add(&mut self, text: &str, qcodes: &[String], weight: f64) {
        let mut feats = HashMap::new();
        add_features(text, weight, &mut feats);
        self.add_counts(&feats, qcodes, weight);
    }

    /// Add a word list (a lexicon category) as one document: each word a
    /// feature of its own, no bigrams across the list.
    pub fn add_words<'a>(
        &mut self,
        words: impl IntoIterator<Item = &'a str>,
        qcodes: &[String],
        weight: f64,
    ) {
        let mut feats = HashMap::new();
        for w in words {
            add_features(w, weight, &mut feats);
        }
        self.add_counts(&feats, qcodes, weight);
    }

    fn add_counts(&mut self, feats: &HashMap<String, f64>, qcodes: &[String], weight: f64) {
        let mut classes: Vec<usize> = Vec::new();
        for q in qcodes {
            if let Some(&i) = self.index.get(q) {
                classes.push(i);
                if let Some(p) = self.concepts[i]
                    .parent
                    .as_ref()
                    .and_then(|p| self.index.get(p))
                {
                    classes.push(*p);
                }
            }
        }
        classes.sort_unstable();
        classes.dedup();
        if classes.is_empty() {
            return;
        }
        for &c in &classes {
            self.docs[c] += weight;
            for (f, k) in feats {
                self.totals[c] += k;
                *self
                    .counts
                    .entry(f.clone())
                    .or_default()
                    .entry(c)
                    .or_default() += k;
            }
        }
    }

    /// Words the model will keep: seen at least `min_count` times.
    fn kept(&self, min_count: f64) -> impl Iterator<Item = (&String, &BTreeMap<usize, f64>)> {
        self.counts
            .iter()
            .filter(move |(w, m)| m.values().sum::<f64>() >= min_count && !w.contains(['\t', '\n']))
    }

    /// Give embedding words the model would not keep level-1 counts from
    /// their nearest kept unigrams (see `expand`). Returns how many words
    /// borrowed.
    pub fn borrow_from(
        &mut self,
        emb: &Embeddings,
        min_count: f64,
        progress: impl FnMut(usize, usize),
    ) -> usize {
        let level1: Vec<bool> = self.concepts.iter().map(|c| c.level == 1).collect();
        let vocab: BTreeMap<String, BTreeMap<usize, f64>> = self
            .kept(min_count)
            .filter(|(w, _)| !w.contains(' '))
            .map(|(w, m)| {
                let l1 = m
                    .iter()
                    .filter(|(c, _)| level1[**c])
                    .map(|(c, n)| (*c, *n))
                    .collect();
                (w.clone(), l1)
            })
            .collect();
        self.borrowed = borrow(emb, &vocab, is_content, BACKOFF, progress);
        self.borrowed.len()
    }

    /// The model file text; features seen fewer than `min_count` times are
    /// dropped, borrowed words added.
    pub fn write(&self, min_count: f64) -> String {
        let mut out = String::from("# newsflow IPTC Media Topics model (naive Bayes counts). Rebuild: newsflow train topics (see models/topics.md)\n");
        for (i, c) in self.concepts.iter().enumerate() {
            out.push_str(&format!(
                "C\t{}\t{}\t{}\t{}\t{}\t{}\n",
                c.qcode,
                c.level,
                c.parent.clone().unwrap_or_default(),
                c.name,
                self.docs[i],
                self.totals[i].round()
            ));
        }
        let mut words: Vec<(&String, &BTreeMap<usize, f64>)> = self
            .kept(min_count)
            // Borrowing words are content words (no tabs or line breaks).
            .chain(&self.borrowed)
            .collect();
        words.sort_by(|a, b| a.0.cmp(b.0));
        for (w, m) in words {
            let pairs: Vec<String> = m
                .iter()
                .map(|(c, n)| format!("{c}:{}", (n * 10.0).round() / 10.0))
                .collect();
            out.push_str(&format!("W\t{w}\t{}\n", pairs.join(" ")));
        }
        out
    }
}

/// Held out for evaluation: a stable tenth of items, by id.
pub fn held_out(id: &str) -> bool {
    crate::text::fnv(99, &[id]) % 10 == 0
}
