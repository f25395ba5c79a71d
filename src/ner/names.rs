//! Name memory: the entity strings of the training data with how often each
//! was tagged with each type, stored as hashes (no strings ship).
//!
//! A plain lookup of these strings scores F1 0.71 on CoNLL-2003 dev on its
//! own; as a feature it tells the tagger what a multi-word name was called in
//! training ("Manchester United" is a club, not a place). While training, each
//! document sees only the names of the *other* folds (jackknifing), so the
//! tagger learns how far to trust the memory on names it has not seen.

use super::conll::{to_iob2, Doc};
use super::features::FeatureMap;
use crate::text::fnv;

/// Longest name kept, in tokens.
pub const MAX_TOKENS: usize = 6;
const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// Hashed entity strings (lower-cased tokens) with per-type counts.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Names {
    pub counts: FeatureMap<[u32; 4]>,
    /// Hashes of every prefix of a stored name, so lookups stop early.
    pub prefixes: FeatureMap<()>,
}

/// A token's match in the name memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameTag {
    pub kind: &'static str,
    pub begin: bool,
    pub len: usize,
    /// Every training mention of the string had this type.
    pub sure: bool,
}

/// Names are at most `MAX_TOKENS` long, so the parts fit on the stack
/// (this runs for every capitalised token the tagger sees).
fn key(tokens: &[String]) -> u64 {
    debug_assert!(tokens.len() <= MAX_TOKENS);
    let mut parts = [""; MAX_TOKENS];
    for (p, t) in parts.iter_mut().zip(tokens) {
        *p = t;
    }
    fnv(98, &parts[..tokens.len().min(MAX_TOKENS)])
}

impl Names {
    /// The names of `docs` whose index passes `keep`.
    pub fn from_docs(docs: &[Doc], keep: impl Fn(usize) -> bool) -> Names {
        let mut names = Names::default();
        for (_, doc) in docs.iter().enumerate().filter(|(d, _)| keep(*d)) {
            for s in &doc.sentences {
                let tags = to_iob2(&s.tags);
                let refs: Vec<&str> = tags.iter().map(String::as_str).collect();
                for (a, b, t) in super::eval::chunks(&refs) {
                    if b - a > MAX_TOKENS {
                        continue;
                    }
                    let Some(ti) = TYPES.iter().position(|x| *x == t) else {
                        continue;
                    };
                    let lower: Vec<String> =
                        s.words[a..b].iter().map(|w| w.to_lowercase()).collect();
                    names.counts.entry(key(&lower)).or_default()[ti] += 1;
                    for n in 1..lower.len() {
                        names.prefixes.insert(key(&lower[..n]), ());
                    }
                }
            }
        }
        names
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Longest stored name starting at each capitalised token.
    pub fn tags(&self, words: &[&str], lower: &[String]) -> Vec<Option<NameTag>> {
        let mut tags = vec![None; words.len()];
        if self.is_empty() {
            return tags;
        }
        let mut i = 0;
        while i < words.len() {
            let mut found = None;
            if words[i].chars().next().is_some_and(char::is_uppercase) {
                for len in 1..=MAX_TOKENS.min(words.len() - i) {
                    let k = key(&lower[i..i + len]);
                    if let Some(c) = self.counts.get(&k) {
                        found = Some((len, *c));
                    }
                    if !self.prefixes.contains_key(&k) {
                        break;
                    }
                }
            }
            match found {
                Some((len, c)) => {
                    let total: u32 = c.iter().sum();
                    let (best, n) = c
                        .iter()
                        .enumerate()
                        .max_by_key(|(_, n)| **n)
                        .expect("four counts");
                    for k in 0..len {
                        tags[i + k] = Some(NameTag {
                            kind: TYPES[best],
                            begin: k == 0,
                            len,
                            sure: *n == total,
                        });
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
        tags
    }

    /// Serialised: count, then (hash, 4 counts) sorted, then prefix count
    /// and prefix hashes sorted. Little-endian.
    pub fn write(&self, out: &mut Vec<u8>) {
        let mut keys: Vec<&u64> = self.counts.keys().collect();
        keys.sort_unstable();
        out.extend_from_slice(&(keys.len() as u64).to_le_bytes());
        for k in keys {
            out.extend_from_slice(&k.to_le_bytes());
            for c in self.counts[k] {
                out.extend_from_slice(&c.min(u32::from(u16::MAX)).to_le_bytes()[..2]);
            }
        }
        let mut pre: Vec<&u64> = self.prefixes.keys().collect();
        pre.sort_unstable();
        out.extend_from_slice(&(pre.len() as u64).to_le_bytes());
        for k in pre {
            out.extend_from_slice(&k.to_le_bytes());
        }
    }

    /// Read what `write` wrote, starting at `at`; returns the end offset,
    /// or the offset where the bytes ran out.
    pub fn read(bytes: &[u8], mut at: usize) -> Result<(Names, usize), usize> {
        let take = |at: usize, n: usize| bytes.get(at..at + n).ok_or(at);
        let u64_at = |at: usize| -> Result<u64, usize> {
            Ok(u64::from_le_bytes(
                take(at, 8)?.try_into().expect("8 bytes"),
            ))
        };
        let mut names = Names::default();
        let n = u64_at(at)? as usize;
        at += 8;
        for _ in 0..n {
            let k = u64_at(at)?;
            at += 8;
            let mut c = [0u32; 4];
            for v in c.iter_mut() {
                *v = u32::from(u16::from_le_bytes(
                    take(at, 2)?.try_into().expect("2 bytes"),
                ));
                at += 2;
            }
            names.counts.insert(k, c);
        }
        let n = u64_at(at)? as usize;
        at += 8;
        for _ in 0..n {
            names.prefixes.insert(u64_at(at)?, ());
            at += 8;
        }
        Ok((names, at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::conll::Sentence;

    fn doc(words: &[&str], tags: &[&str]) -> Doc {
        Doc {
            sentences: vec![Sentence {
                words: words.iter().map(ToString::to_string).collect(),
                tags: tags.iter().map(ToString::to_string).collect(),
            }],
            no_misc: false,
        }
    }

    fn check(text: &str, expect: &[Option<(&str, bool)>]) {
        let train = [
            doc(&["Manchester", "United", "won"], &["B-ORG", "I-ORG", "O"]),
            doc(&["in", "Manchester"], &["O", "B-LOC"]),
            doc(&["Jordan", "and", "Jordan"], &["B-PER", "O", "B-LOC"]),
        ];
        let names = Names::from_docs(&train, |_| true);
        let words: Vec<&str> = text.split(' ').collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let got: Vec<Option<(&str, bool)>> = names
            .tags(&words, &lower)
            .iter()
            .map(|t| t.map(|t| (t.kind, t.begin)))
            .collect();
        assert_eq!(got, expect, "{text}");
    }

    #[test]
    fn longest_capitalised_match() {
        check(
            "Manchester United beat Manchester",
            &[
                Some(("ORG", true)),
                Some(("ORG", false)),
                None,
                Some(("LOC", true)),
            ],
        );
        check("manchester united", &[None, None]);
        check(
            "MANCHESTER UNITED",
            &[Some(("ORG", true)), Some(("ORG", false))],
        );
    }

    #[test]
    fn round_trip() {
        let names = Names::from_docs(&[doc(&["Jordan", "Smith"], &["B-PER", "I-PER"])], |_| true);
        let mut bytes = Vec::new();
        names.write(&mut bytes);
        let (back, end) = Names::read(&bytes, 0).expect("reads");
        assert_eq!(end, bytes.len());
        assert_eq!(back, names);
        assert!(Names::read(&bytes[..bytes.len() - 1], 0).is_err());
    }
}
