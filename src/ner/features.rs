//! NER features: word, shape, affixes, context words, gazetteer matches,
//! predicted-label history and a document memory. Each feature is a 64-bit
//! FNV-1a hash of a template id and its value, so the model stores no strings.

use super::clusters::Clusters;
use crate::gazetteer::{Gazetteer, Kind};

pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

pub fn fnv(template: u8, parts: &[&str]) -> u64 {
    let mut h = FNV_OFFSET ^ u64::from(template);
    h = h.wrapping_mul(FNV_PRIME);
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h ^= 0x1f;
            h = h.wrapping_mul(FNV_PRIME);
        }
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(FNV_PRIME);
        }
    }
    h
}

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
pub fn gazetteer_tags(words: &[&str], gaz: &Gazetteer) -> Vec<Option<GazTag>> {
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
                name.push_str(words[i + len - 1]);
                if let Some(kind) = preferred_kind(gaz, &name) {
                    found = Some((len, kind));
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

fn preferred_kind(gaz: &Gazetteer, name: &str) -> Option<Kind> {
    let kinds = gaz.kinds(name);
    [
        Kind::Country,
        Kind::Demonym,
        Kind::Region,
        Kind::Continent,
        Kind::City,
    ]
    .into_iter()
    .find(|k| kinds.contains(k))
}

/// The lexical resources features consult.
#[derive(Clone, Copy)]
pub struct Lexicon<'a> {
    pub gaz: &'a Gazetteer,
    pub clusters: &'a Clusters,
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
                other => return Err(format!("unknown feature family `{other}`; use gazetteer, clusters, context, affixes, memory")),
            }
        }
        Ok(a)
    }
}

impl Lexicon<'static> {
    /// The gazetteer and clusters compiled into the binary.
    pub fn embedded() -> Lexicon<'static> {
        Lexicon {
            gaz: Gazetteer::embedded(),
            clusters: Clusters::embedded(),
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
    /// Cluster ids per token, one per granularity ("-" when unknown).
    pub clusters: Vec<Vec<String>>,
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
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        Sent {
            clusters: lower
                .iter()
                .map(|w| match lex.clusters.get(w) {
                    Some(ids) => ids.iter().map(u16::to_string).collect(),
                    None => vec!["-".to_string()],
                })
                .collect(),
            words,
            lower,
            shapes: words.iter().map(|w| shape(w, true)).collect(),
            gaz: if lex.ablate.gazetteer {
                vec![None; words.len()]
            } else {
                gazetteer_tags(words, lex.gaz)
            },
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
        let chars: Vec<char> = lw.chars().collect();
        for n in 1..=(if self.ablate.affixes {
            0
        } else {
            4.min(chars.len())
        }) {
            out.push(fnv(
                5,
                &[&chars[..n].iter().collect::<String>(), &n.to_string()],
            ));
            out.push(fnv(
                6,
                &[
                    &chars[chars.len() - n..].iter().collect::<String>(),
                    &n.to_string(),
                ],
            ));
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
            out.push(fnv(20, &[g.kind.as_str(), &g.len.min(4).to_string()]));
        }
        for (k, tpl) in [(-1isize, 21u8), (1, 22)] {
            let j = i as isize + k;
            if j >= 0 {
                if let Some(Some(g)) = self.gaz.get(j as usize) {
                    out.push(fnv(tpl, &[g.kind.as_str()]));
                }
            }
        }
        if w.len() > 1 && w.chars().all(|c| c.is_uppercase()) {
            out.push(fnv(23, &[]));
        }
        if w.contains('-') {
            out.push(fnv(24, &[]));
        }
        let raw = |k: isize| neighbour(self.words, i, k);
        out.push(fnv(25, &[raw(-1)]));
        out.push(fnv(26, &[raw(1)]));
        if chars.len() > 4 && !self.ablate.affixes {
            out.push(fnv(
                27,
                &[&chars[chars.len() - 5..].iter().collect::<String>()],
            ));
        }
        out.push(fnv(28, &[&chars.len().min(12).to_string()]));
        let levels = self.clusters.get(i).map_or(0, Vec::len);
        for level in 0..if self.ablate.clusters { 0 } else { levels } {
            let cl = |k: isize| -> &str {
                let j = i as isize + k;
                if j < 0 {
                    "<s>"
                } else {
                    self.clusters.get(j as usize).map_or("</s>", |c| {
                        c.get(level).or(c.first()).map_or("-", String::as_str)
                    })
                }
            };
            // Level 0 keeps the single-level templates; finer levels are tagged.
            let tag = level.to_string();
            let feats: [(u8, Vec<&str>); 5] = [
                (50, vec![cl(0)]),
                (51, vec![cl(-1)]),
                (52, vec![cl(1)]),
                (53, vec![cl(0), sh(0)]),
                (54, vec![cl(-1), cl(0)]),
            ];
            for (tpl, mut parts) in feats {
                if level > 0 {
                    parts.insert(0, tag.as_str());
                }
                out.push(fnv(tpl, &parts));
            }
        }
        out.push(fnv(29, &[at(-1), sh(0)]));
        out.push(fnv(30, &[sh(0), at(1)]));
    }
}

/// The item `k` places from `i`, or a sentence-boundary marker.
fn neighbour<S: AsRef<str>>(items: &[S], i: usize, k: isize) -> &str {
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
