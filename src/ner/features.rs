//! NER features: word, shape, affixes, context words, gazetteer matches,
//! predicted-label history and a document memory. Each feature is a 64-bit
//! FNV-1a hash of a template id and its value, so the model stores no strings.

use super::clusters::Clusters;
use super::names::{NameTag, Names};
use crate::gazetteer::{Gazetteer, Kind};
use crate::text::fnv;
use crate::text::FNV_PRIME;

/// Hasher for keys that are already FNV hashes: the key is its own hash
/// (SipHash over them cost a tenth of tagging time).
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(FNV_PRIME);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// A map keyed by feature hashes.
pub type FeatureMap<V> =
    std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<KeyHasher>>;

/// "Xxxx" → "Xx", "U.S." → "X.X.", "1996-08-30" → "d-d-d".
pub fn shape(w: &str, short: bool) -> String {
    let mut out = String::with_capacity(w.len());
    let mut last = '\0';
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if short && s == last && matches!(s, 'X' | 'x' | 'd') {
            continue;
        }
        if !short && out.chars().count() >= 8 {
            break;
        }
        out.push(s);
        last = s;
    }
    out
}

/// Gazetteer match of a token: kind and whether it begins the match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazTag {
    pub kind: Kind,
    pub begin: bool,
    pub len: usize,
}

/// Longest gazetteer match starting at each token (capitalised matches only,
/// so "turkey" the bird does not look like Turkey).
pub fn gazetteer_tags(words: &[&str], lower: &[String], gaz: &Gazetteer) -> Vec<Option<GazTag>> {
    let mut tags = vec![None; words.len()];
    let mut i = 0;
    while i < words.len() {
        let mut found = None;
        if words[i].chars().next().is_some_and(char::is_uppercase) {
            let mut name = String::new();
            for len in 1..=gaz.max_tokens.min(words.len() - i) {
                if len > 1 {
                    name.push(' ');
                }
                name.push_str(&lower[i + len - 1]);
                if let Some(kind) = preferred_kind(gaz, &name) {
                    found = Some((len, kind));
                }
                if !gaz.continues(&name) {
                    break;
                }
            }
        }
        match found {
            Some((len, kind)) => {
                for k in 0..len {
                    tags[i + k] = Some(GazTag {
                        kind,
                        begin: k == 0,
                        len,
                    });
                }
                i += len;
            }
            None => i += 1,
        }
    }
    tags
}

fn preferred_kind(gaz: &Gazetteer, lower_name: &str) -> Option<Kind> {
    const ORDER: [Kind; 5] = [
        Kind::Country,
        Kind::Demonym,
        Kind::Region,
        Kind::Continent,
        Kind::City,
    ];
    // (A province is no feature: see `Kind::Province`.)
    gaz.kinds_of_lower(lower_name)
        .filter_map(|k| Some((ORDER.iter().position(|o| *o == k)?, k)))
        .min_by_key(|(at, _)| *at)
        .map(|(_, k)| k)
}

/// The lexical resources features consult.
#[derive(Clone, Copy)]
pub struct Lexicon<'a> {
    pub gaz: &'a Gazetteer,
    pub clusters: &'a Clusters,
    /// Entity strings remembered from training (the model's own, at run time).
    pub names: &'a Names,
    /// Feature families switched off, for ablation studies (model card).
    pub ablate: Ablation,
}

/// Feature families that can be switched off when training.
#[derive(Clone, Copy, Debug, Default)]
pub struct Ablation {
    pub gazetteer: bool,
    pub clusters: bool,
    pub context: bool,
    pub affixes: bool,
    pub memory: bool,
    pub names: bool,
    pub aggregate: bool,
    pub lookahead: bool,
}

impl Ablation {
    /// Parse "gazetteer,clusters,..." (empty: nothing off).
    pub fn parse(s: &str) -> Result<Ablation, String> {
        let mut a = Ablation::default();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part {
                "gazetteer" => a.gazetteer = true,
                "clusters" => a.clusters = true,
                "context" => a.context = true,
                "affixes" => a.affixes = true,
                "memory" => a.memory = true,
                "names" => a.names = true,
                "aggregate" => a.aggregate = true,
                "lookahead" => a.lookahead = true,
                other => return Err(format!("unknown feature family `{other}`; use gazetteer, clusters, context, affixes, memory, names, aggregate, lookahead")),
            }
        }
        Ok(a)
    }
}

static EMPTY_NAMES: std::sync::LazyLock<Names> = std::sync::LazyLock::new(Names::default);

impl Lexicon<'static> {
    /// The gazetteer and clusters compiled into the binary.
    pub fn embedded() -> Lexicon<'static> {
        Lexicon {
            gaz: Gazetteer::embedded(),
            clusters: Clusters::embedded(),
            names: &EMPTY_NAMES,
            ablate: Ablation::default(),
        }
    }
}

/// Per-sentence context for feature extraction.
pub struct Sent<'a> {
    pub words: &'a [&'a str],
    pub lower: Vec<String>,
    pub shapes: Vec<String>,
    pub gaz: Vec<Option<GazTag>>,
    /// Name-memory matches per token (see `names`).
    pub names: Vec<Option<NameTag>>,
    /// Cluster ids per token, one per granularity ("-" when unknown).
    pub clusters: Vec<Vec<std::borrow::Cow<'static, str>>>,
    /// The sentence is in capitals (headlines): case cues are void.
    pub all_caps: bool,
    pub ablate: Ablation,
}

impl<'a> Sent<'a> {
    pub fn new(words: &'a [&'a str], lex: Lexicon<'_>) -> Self {
        let letters: Vec<char> = words
            .iter()
            .flat_map(|w| w.chars())
            .filter(|c| c.is_alphabetic())
            .collect();
        let all_caps = letters.len() > 6 && letters.iter().all(|c| c.is_uppercase());
        let lower: Vec<String> = words.iter().map(|w| crate::text::lowercase(w)).collect();
        let names = if lex.ablate.names {
            vec![None; words.len()]
        } else {
            lex.names.tags(words, &lower)
        };
        let gaz = if lex.ablate.gazetteer {
            vec![None; words.len()]
        } else {
            gazetteer_tags(words, &lower, lex.gaz)
        };
        Sent {
            clusters: lower
                .iter()
                .map(|w| match lex.clusters.get(w) {
                    Some(ids) => ids.iter().map(|&id| cluster_name(id)).collect(),
                    None => vec![std::borrow::Cow::Borrowed("-")],
                })
                .collect(),
            words,
            lower,
            shapes: words.iter().map(|w| shape(w, true)).collect(),
            gaz,
            names,
            ablate: lex.ablate,
            all_caps,
        }
    }

    /// Features that do not depend on predicted labels.
    pub fn static_features(&self, i: usize, out: &mut Vec<u64>) {
        let w = self.words[i];
        let lw = self.lower[i].as_str();
        let at = |k: isize| neighbour(&self.lower, i, k);
        let sh = |k: isize| neighbour(&self.shapes, i, k);
        out.push(fnv(0, &[]));
        out.push(fnv(1, &[w]));
        out.push(fnv(2, &[lw]));
        out.push(fnv(3, &[&shape(w, false)]));
        out.push(fnv(4, &[sh(0)]));
        // Byte offsets of the first five and last five characters, so
        // affixes are slices rather than new strings.
        let n_chars = lw.chars().count();
        let prefix = |n: usize| &lw[..lw.char_indices().nth(n).map_or(lw.len(), |(b, _)| b)];
        let suffix = |n: usize| {
            &lw[lw
                .char_indices()
                .nth(n_chars - n)
                .map_or(lw.len(), |(b, _)| b)..]
        };
        let affixes = if self.ablate.affixes {
            0
        } else {
            4.min(n_chars)
        };
        for (n, len) in NUMBERS.iter().enumerate().take(affixes + 1).skip(1) {
            out.push(fnv(5, &[prefix(n), len]));
            out.push(fnv(6, &[suffix(n), len]));
        }
        if !self.ablate.context {
            out.push(fnv(7, &[at(-1)]));
            out.push(fnv(8, &[at(1)]));
            out.push(fnv(9, &[at(-2)]));
            out.push(fnv(10, &[at(2)]));
            out.push(fnv(11, &[sh(-1), sh(0)]));
            out.push(fnv(12, &[sh(0), sh(1)]));
            out.push(fnv(13, &[at(-1), lw]));
            out.push(fnv(14, &[lw, at(1)]));
            out.push(fnv(15, &[sh(-1), sh(0), sh(1)]));
        }
        if i == 0 {
            out.push(fnv(16, &[sh(0)]));
        }
        if self.all_caps {
            out.push(fnv(17, &[]));
            out.push(fnv(18, &[lw]));
        }
        if let Some(g) = self.gaz[i] {
            out.push(fnv(19, &[g.kind.as_str(), if g.begin { "B" } else { "I" }]));
            out.push(fnv(20, &[g.kind.as_str(), NUMBERS[g.len.min(4)]]));
        }
        for (k, tpl) in [(-1isize, 21u8), (1, 22)] {
            let j = i as isize + k;
            if j >= 0 {
                if let Some(Some(g)) = self.gaz.get(j as usize) {
                    out.push(fnv(tpl, &[g.kind.as_str()]));
                }
            }
        }
        if w.len() > 1 && w.chars().all(char::is_uppercase) {
            out.push(fnv(23, &[]));
        }
        if w.contains('-') {
            out.push(fnv(24, &[]));
        }
        let raw = |k: isize| neighbour(self.words, i, k);
        out.push(fnv(25, &[raw(-1)]));
        out.push(fnv(26, &[raw(1)]));
        if n_chars > 4 && !self.ablate.affixes {
            out.push(fnv(27, &[suffix(5)]));
        }
        out.push(fnv(28, &[NUMBERS[n_chars.min(12)]]));
        let levels = self.clusters.get(i).map_or(0, Vec::len);
        for level in 0..if self.ablate.clusters { 0 } else { levels } {
            let cl = |k: isize| -> &str {
                let j = i as isize + k;
                if j < 0 {
                    "<s>"
                } else {
                    self.clusters.get(j as usize).map_or("</s>", |c| {
                        c.get(level).or(c.first()).map_or("-", |s| s.as_ref())
                    })
                }
            };
            // Level 0 keeps the single-level templates; finer levels are tagged.
            let tagged = |tpl: u8, parts: &[&str]| {
                if level == 0 {
                    fnv(tpl, parts)
                } else {
                    // The level, then the parts (at most two), on the stack.
                    let mut v = [NUMBERS[level.min(12)]; 3];
                    v[1..=parts.len()].copy_from_slice(parts);
                    fnv(tpl, &v[..=parts.len()])
                }
            };
            out.push(tagged(50, &[cl(0)]));
            out.push(tagged(51, &[cl(-1)]));
            out.push(tagged(52, &[cl(1)]));
            out.push(tagged(53, &[cl(0), sh(0)]));
            out.push(tagged(54, &[cl(-1), cl(0)]));
        }
        name_features(&self.names, i, out);
        out.push(fnv(29, &[at(-1), sh(0)]));
        out.push(fnv(30, &[sh(0), at(1)]));
    }
}

/// Features of a name-memory match at `i` and its neighbours' matches.
fn name_features(tags: &[Option<NameTag>], i: usize, out: &mut Vec<u64>) {
    if let Some(t) = tags[i] {
        let pos = if t.begin { "B" } else { "I" };
        out.push(fnv(60, &[t.kind, pos]));
        out.push(fnv(61, &[t.kind, pos, if t.sure { "1" } else { "0" }]));
        out.push(fnv(62, &[t.kind, NUMBERS[t.len.min(4)]]));
    }
    for (k, tpl) in [(-1isize, 63u8), (1, 64)] {
        if let Some(Some(t)) = i.checked_add_signed(k).and_then(|j| tags.get(j)) {
            out.push(fnv(tpl, &[t.kind]));
        }
    }
}

/// A cluster id as text ("17"), from a table built once for the usual ids.
fn cluster_name(id: u16) -> std::borrow::Cow<'static, str> {
    static NAMES: std::sync::LazyLock<Vec<String>> =
        std::sync::LazyLock::new(|| (0..4096u16).map(|i| i.to_string()).collect());
    match NAMES.get(usize::from(id)) {
        Some(s) => std::borrow::Cow::Borrowed(s.as_str()),
        None => std::borrow::Cow::Owned(id.to_string()),
    }
}

/// "0" to "12" without formatting on the hot path.
const NUMBERS: [&str; 13] = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
];

/// The item `k` places from `i`, or a sentence-boundary marker.
pub(super) fn neighbour<S: AsRef<str>>(items: &[S], i: usize, k: isize) -> &str {
    match i.checked_add_signed(k) {
        Some(j) => items.get(j).map_or("</s>", AsRef::as_ref),
        None => "<s>",
    }
}

/// Features on the predicted history and the document memory.
pub fn dynamic_features(
    prev: &str,
    prev2: &str,
    lw: &str,
    shape: &str,
    memory: Option<&str>,
    out: &mut Vec<u64>,
) {
    out.push(fnv(40, &[prev]));
    out.push(fnv(41, &[prev2, prev]));
    out.push(fnv(42, &[prev, lw]));
    out.push(fnv(44, &[prev, shape]));
    if let Some(m) = memory {
        out.push(fnv(43, &[m]));
        out.push(fnv(45, &[m, shape]));
    }
}
