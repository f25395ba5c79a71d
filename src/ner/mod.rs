//! Named-entity recognition: a greedy averaged-perceptron tagger over BIO
//! labels (PER, ORG, LOC, MISC) with lexical, shape, context, gazetteer,
//! label-history and document-memory features. Pure Rust, no network.
//!
//! The trained weights ship in models/ner.bin (see models/ner.md for the
//! data, features, scores and the command that rebuilds them).

pub mod aggregate;
pub mod clusters;
pub mod conll;
pub mod corpora;
pub mod entity_score;
pub mod eval;
pub mod features;
pub mod link_spans;
pub mod model_io;
pub mod names;
pub mod span_gold;
pub mod train;

use features::{dynamic_features, Lexicon, Sent};

pub const LABELS: [&str; 9] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];
pub const N_LABELS: usize = LABELS.len();
pub type Weights = [f32; N_LABELS];

pub fn label_index(tag: &str) -> Option<usize> {
    LABELS.iter().position(|l| *l == tag)
}

/// Entity type of a label index, or None for O.
pub fn label_type(l: usize) -> Option<&'static str> {
    const TYPES: [Option<&str>; N_LABELS] = [
        None,
        Some("PER"),
        Some("PER"),
        Some("ORG"),
        Some("ORG"),
        Some("LOC"),
        Some("LOC"),
        Some("MISC"),
        Some("MISC"),
    ];
    TYPES[l]
}

/// I-X may only follow B-X or I-X. (Called for every label of every token:
/// arithmetic on the layout of [`LABELS`], O then B-X, I-X pairs, instead
/// of string matching; a test checks it against the labels' names.)
pub fn allowed(prev: usize, next: usize) -> bool {
    let inside = next >= 2 && next % 2 == 0;
    !inside || (prev >= 1 && prev.div_ceil(2) == next / 2)
}

/// A trained model.
#[derive(Debug, Default)]
pub struct NerModel {
    pub weights: features::FeatureMap<Weights>,
    /// Entity strings of the training data (hashed), for the name features.
    pub names: names::Names,
}

/// Document memory: how often each capitalised word was tagged with each
/// type in the first pass over the document. The second pass sees the
/// majority type as a feature, so a name tagged confidently in one sentence
/// helps its other mentions (headlines in capitals, tables, short lines).
#[derive(Default)]
pub struct DocMemory(features::FeatureMap<[u32; 4]>);

const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

impl DocMemory {
    pub fn add(&mut self, lower: &[String], words: &[&str], labels: &[usize]) {
        for ((lw, w), l) in lower.iter().zip(words).zip(labels) {
            if let Some(t) = label_type(*l).and_then(|t| TYPES.iter().position(|x| *x == t)) {
                if w.chars().next().is_some_and(char::is_uppercase) {
                    self.0.entry(crate::text::fnv(97, &[lw])).or_default()[t] += 1;
                }
            }
        }
    }

    /// Majority type of the word's other mentions (its own first-pass
    /// label `own` is left out, so the feature is about context only).
    pub fn get(&self, lower: &str, own: usize) -> Option<&'static str> {
        let mut c = *self.0.get(&crate::text::fnv(97, &[lower]))?;
        if let Some(t) = label_type(own).and_then(|t| TYPES.iter().position(|x| *x == t)) {
            c[t] = c[t].saturating_sub(1);
        }
        let (best, n) = c.iter().enumerate().max_by_key(|(_, n)| **n)?;
        (*n > 0).then_some(TYPES[best])
    }
}

/// A sentence's label-free features, flat, with each token's range.
pub struct Statics {
    flat: Vec<u64>,
    at: Vec<usize>,
}

impl Statics {
    pub fn token(&self, i: usize) -> &[u64] {
        &self.flat[self.at[i]..self.at[i + 1]]
    }
}

/// The label-free features of a document's sentences (the sentence's own
/// and the context aggregated over the document), computed once: both
/// decoding passes, and every training epoch, read them.
pub fn static_features(sents: &[Sent<'_>]) -> Vec<Statics> {
    sents
        .iter()
        .zip(aggregate::document_features(sents))
        .map(|(s, aggregated)| {
            let mut flat = Vec::with_capacity(s.words.len() * 48);
            let mut at = Vec::with_capacity(s.words.len() + 1);
            at.push(0);
            for (i, extra) in aggregated.iter().enumerate() {
                s.static_features(i, &mut flat);
                flat.extend_from_slice(extra);
                at.push(flat.len());
            }
            Statics { flat, at }
        })
        .collect()
}

/// "Quiet" tokens: a lower-case function word or punctuation between two
/// tokens without capitals ("the", "of", "," in "… of the year , …"). A
/// name neither starts there nor runs through, so tagging skips them and
/// labels them O. Lower-case content words are still tagged (web text
/// writes names in lower case: "ordered from amazon"). Training sees every
/// token.
pub fn quiet_tokens(words: &[&str]) -> Vec<bool> {
    let lower = |w: &str| !w.chars().any(char::is_uppercase);
    (0..words.len())
        .map(|i| {
            let w = words[i];
            let function = crate::nlp::is_stopword(w) || !w.chars().any(char::is_alphanumeric);
            function
                && lower(w)
                && (i == 0 || lower(words[i - 1]))
                && words.get(i + 1).is_none_or(|n| lower(n))
        })
        .collect()
}

/// Greedy left-to-right decoding of one sentence. `static_feats(i, out)`
/// adds token `i`'s label-free features; `score(i, features)` gives label
/// scores for token `i` with those and the label-dependent ones;
/// `seen(i, features, guess)` lets training update. (At run time the static
/// part of the score is summed once per token and `static_feats` adds
/// nothing: see `NerModel::tag_document`.)
pub fn decode(
    sent: &Sent<'_>,
    memory: Option<(&DocMemory, &[usize])>,
    quiet: &[bool],
    static_feats: impl Fn(usize, &mut Vec<u64>),
    score: impl Fn(usize, &[u64]) -> Weights,
    mut seen: impl FnMut(usize, &[u64], usize),
) -> Vec<usize> {
    let mut labels: Vec<usize> = Vec::with_capacity(sent.words.len());
    let mut feats = Vec::with_capacity(64);
    let name = |l: Option<usize>| l.map_or("<s>", |l| LABELS[l]);
    for i in 0..sent.words.len() {
        if quiet.get(i).copied().unwrap_or(false) {
            labels.push(0);
            continue;
        }
        feats.clear();
        static_feats(i, &mut feats);
        let prev = i.checked_sub(1).map(|j| labels[j]);
        let prev2 = i.checked_sub(2).map(|j| labels[j]);
        let mem = memory
            .filter(|_| !sent.ablate.memory)
            .and_then(|(m, own)| m.get(&sent.lower[i], own[i]));
        dynamic_features(
            name(prev),
            name(prev2),
            &sent.lower[i],
            &sent.shapes[i],
            mem,
            &mut feats,
        );
        if let Some((_, own)) = memory.filter(|_| !sent.ablate.lookahead) {
            // The first pass's labels to the right, which greedy decoding
            // cannot otherwise see.
            let next = own.get(i + 1).map_or("</s>", |&l| LABELS[l]);
            let next2 = own.get(i + 2).map_or("</s>", |&l| LABELS[l]);
            feats.push(crate::text::fnv(46, &[next]));
            feats.push(crate::text::fnv(47, &[next, next2]));
        }
        let guess = best_allowed(&score(i, &feats), prev.unwrap_or(0));
        seen(i, &feats, guess);
        labels.push(guess);
    }
    labels
}

/// The most tokens [`NerModel::tag_document`] tags as one block: above
/// any news article (the BBC corpus's longest has about 5,000 tokens, the
/// Wikinews set's about 35,000, a long transcript), low enough to bound
/// the tagger's memory (some 40 MB a block).
pub const BLOCK_TOKENS: usize = 50_000;
/// The longest run of tokens tagged as one sentence; longer "sentences"
/// (tables, dumps without full stops) are tagged in pieces of this size.
pub const PIECE_TOKENS: usize = 1_000;

impl NerModel {
    pub fn score(&self, feats: &[u64]) -> Weights {
        self.score_from([0f32; N_LABELS], feats)
    }

    /// `base` plus the weights of `feats`, added in order (so a base summed
    /// from a prefix of the features gives the same floats as one sum).
    pub fn score_from(&self, base: Weights, feats: &[u64]) -> Weights {
        let mut s = base;
        for f in feats {
            if let Some(w) = self.weights.get(f) {
                for (a, b) in s.iter_mut().zip(w) {
                    *a += b;
                }
            }
        }
        s
    }

    /// Tag a document (its sentences as word lists) in two passes; returns
    /// label indices per sentence.
    ///
    /// The tagger keeps several hundred bytes per token for the whole
    /// document (features and document memory for the second pass), so a
    /// long input is tagged in blocks of whole sentences of at most
    /// [`BLOCK_TOKENS`] tokens, and a sentence longer than
    /// [`PIECE_TOKENS`] (never one of news prose; a table or a dump) in
    /// pieces. Documents within both limits, every news article, are
    /// tagged as one block, so their labels do not change.
    pub fn tag_document(&self, sentences: &[Vec<&str>], lex: Lexicon<'_>) -> Vec<Vec<usize>> {
        let total: usize = sentences.iter().map(Vec::len).sum();
        if total <= BLOCK_TOKENS && sentences.iter().all(|s| s.len() <= PIECE_TOKENS) {
            return self.tag(sentences, lex, true);
        }
        let mut out: Vec<Vec<usize>> = vec![Vec::new(); sentences.len()];
        let mut block: Vec<Vec<&str>> = Vec::new();
        let mut owners: Vec<usize> = Vec::new();
        let mut tokens = 0;
        let pieces = sentences
            .iter()
            .enumerate()
            .flat_map(|(k, s)| s.chunks(PIECE_TOKENS).map(move |piece| (k, piece)));
        for (k, piece) in pieces {
            if tokens + piece.len() > BLOCK_TOKENS && !block.is_empty() {
                for (owner, labels) in owners.drain(..).zip(self.tag(&block, lex, true)) {
                    out[owner].extend(labels);
                }
                block.clear();
                tokens = 0;
            }
            block.push(piece.to_vec());
            owners.push(k);
            tokens += piece.len();
        }
        for (owner, labels) in owners.drain(..).zip(self.tag(&block, lex, true)) {
            out[owner].extend(labels);
        }
        out
    }

    /// [`Self::tag_document`], skipping quiet tokens or not (tests compare).
    fn tag(&self, sentences: &[Vec<&str>], lex: Lexicon<'_>, skip_quiet: bool) -> Vec<Vec<usize>> {
        let lex = Lexicon {
            names: &self.names,
            ..lex
        };
        let sents: Vec<Sent<'_>> = sentences.iter().map(|w| Sent::new(w, lex)).collect();
        let quiet: Vec<Vec<bool>> = sentences
            .iter()
            .map(|w| {
                if skip_quiet {
                    quiet_tokens(w)
                } else {
                    vec![false; w.len()]
                }
            })
            .collect();
        // Both passes see the same label-free features, which are most of
        // each token's features: sum their weights once per token. The
        // features are made one token at a time into one buffer and
        // dropped once scored (the same features, in the same order, as
        // `static_features` gives): holding them for the whole
        // document cost some 300 bytes per token at the peak.
        let mut feats: Vec<u64> = Vec::with_capacity(64);
        let base: Vec<Vec<Weights>> = sents
            .iter()
            .zip(aggregate::document_features(&sents))
            .zip(&quiet)
            .map(|((s, aggregated), q)| {
                aggregated
                    .iter()
                    .enumerate()
                    .map(|(i, extra)| {
                        if q[i] {
                            [0f32; N_LABELS]
                        } else {
                            feats.clear();
                            s.static_features(i, &mut feats);
                            feats.extend_from_slice(extra);
                            self.score(&feats)
                        }
                    })
                    .collect()
            })
            .collect();
        let none = |_: usize, _: &mut Vec<u64>| {};
        let scored = |k: usize| {
            let b = &base[k];
            move |i: usize, f: &[u64]| self.score_from(b[i], f)
        };
        let mut memory = DocMemory::default();
        let mut first = Vec::with_capacity(sents.len());
        for (k, s) in sents.iter().enumerate() {
            let l = decode(s, None, &quiet[k], none, scored(k), |_, _, _| {});
            memory.add(&s.lower, s.words, &l);
            first.push(l);
        }
        sents
            .iter()
            .zip(&first)
            .enumerate()
            .map(|(k, (s, own))| {
                decode(
                    s,
                    Some((&memory, own)),
                    &quiet[k],
                    none,
                    scored(k),
                    |_, _, _| {},
                )
            })
            .collect()
    }

    pub fn embedded() -> Result<&'static NerModel, &'static model_io::ModelError> {
        static M: std::sync::OnceLock<Result<NerModel, model_io::ModelError>> =
            std::sync::OnceLock::new();
        M.get_or_init(|| model_io::read(EMBEDDED)).as_ref()
    }
}

/// The model compiled into the binary.
pub const EMBEDDED: &[u8] = include_bytes!("../../models/ner.bin");

pub fn best_allowed(scores: &Weights, prev: usize) -> usize {
    let mut best = 0;
    let mut best_score = f32::NEG_INFINITY;
    for (l, s) in scores.iter().enumerate() {
        if allowed(prev, l) && *s > best_score {
            best = l;
            best_score = *s;
        }
    }
    best
}

/// An entity span over token indices [start, end) with its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub kind: &'static str,
}

/// Chunks of a BIO (IOB2) label sequence.
pub fn chunks(labels: &[usize]) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    for (i, &l) in labels.iter().enumerate() {
        let Some(t) = label_type(l) else {
            continue;
        };
        let inside = l % 2 == 0;
        match out.last_mut() {
            Some(c) if inside && c.end == i && c.kind == t => c.end = i + 1,
            _ => out.push(Chunk {
                start: i,
                end: i + 1,
                kind: t,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests;
