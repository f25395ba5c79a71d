//! Context aggregation: document-level, label-free features. A capitalised
//! word borrows the contexts of its *other* mentions in the same document,
//! so "Comelf exported" in one sentence helps "of Comelf" in another
//! (Ratinov & Roth 2009). Computed once per document, before decoding; both
//! passes and training read the same features.

use super::features::{neighbour, FeatureMap, Sent};
use crate::text::fnv;

/// Other mentions of a capitalised word in the document: at most this many
/// lend their context to each mention.
const AGGREGATE_MENTIONS: usize = 12;

/// For each capitalised token, the contexts of up to `AGGREGATE_MENTIONS`
/// other mentions of the same word: words at ±1 and ±2, the next word's
/// shape, the neighbours' clusters, and whether a mention is capitalised away
/// from a sentence start. Per sentence, per token, sorted and deduplicated.
pub fn document_features(sents: &[Sent<'_>]) -> Vec<Vec<Vec<u64>>> {
    let mut out: Vec<Vec<Vec<u64>>> = sents
        .iter()
        .map(|s| vec![Vec::new(); s.words.len()])
        .collect();
    if sents.first().is_some_and(|s| s.ablate.aggregate) {
        return out;
    }
    // Keyed by the word's hash, as the document memory is (no SipHash on the hot path).
    let mut mentions: FeatureMap<Vec<(usize, usize)>> = FeatureMap::default();
    for (k, s) in sents.iter().enumerate() {
        for (i, w) in s.words.iter().enumerate() {
            if w.chars().next().is_some_and(char::is_uppercase) {
                mentions
                    .entry(fnv(96, &[&s.lower[i]]))
                    .or_default()
                    .push((k, i));
            }
        }
    }
    for list in mentions.values().filter(|l| l.len() > 1) {
        // What each mention lends to the others, computed once.
        let lent: Vec<Vec<u64>> = list
            .iter()
            .map(|&(k, i)| {
                let s = &sents[k];
                let cl = |j: Option<usize>| {
                    j.and_then(|j| s.clusters.get(j))
                        .map_or("-", |c| c[0].as_ref())
                };
                let mut f = vec![
                    fnv(80, &[neighbour(&s.lower, i, -1)]),
                    fnv(81, &[neighbour(&s.lower, i, 1)]),
                    fnv(82, &[neighbour(&s.shapes, i, 1)]),
                    fnv(83, &[neighbour(&s.lower, i, -2)]),
                    fnv(84, &[neighbour(&s.lower, i, 2)]),
                    fnv(85, &[cl(i.checked_sub(1))]),
                    fnv(86, &[cl(Some(i + 1))]),
                ];
                // Capitalised away from the sentence start: a name, not just
                // a first word.
                if i > 0 {
                    f.push(fnv(87, &[]));
                }
                f
            })
            .collect();
        for (m, &(k, i)) in list.iter().enumerate() {
            let mut feats: Vec<u64> = (0..list.len())
                .filter(|&o| o != m)
                .take(AGGREGATE_MENTIONS)
                .flat_map(|o| lent[o].iter().copied())
                .collect();
            feats.sort_unstable();
            feats.dedup();
            out[k][i] = feats;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::features::Lexicon;

    /// The aggregated features of a document given as space-separated sentences.
    fn features(doc: &[&str]) -> Vec<Vec<Vec<u64>>> {
        let words: Vec<Vec<&str>> = doc.iter().map(|s| s.split(' ').collect()).collect();
        let sents: Vec<Sent<'_>> = words
            .iter()
            .map(|w| Sent::new(w, Lexicon::embedded()))
            .collect();
        document_features(&sents)
    }

    /// Token `at` (sentence, token) has the `with` features and not the `without` ones.
    fn check(doc: &[&str], at: (usize, usize), with: &[(u8, &str)], without: &[(u8, &str)]) {
        let got = &features(doc)[at.0][at.1];
        for (tpl, w) in with {
            assert!(
                got.contains(&fnv(*tpl, &[w])),
                "{doc:?} {at:?}: lacks {tpl} {w}"
            );
        }
        for (tpl, w) in without {
            assert!(
                !got.contains(&fnv(*tpl, &[w])),
                "{doc:?} {at:?}: has {tpl} {w}"
            );
        }
    }

    #[test]
    fn mentions_lend_their_contexts() {
        let doc = ["Comelf exported 59 percent", "Shares of Comelf rose"];
        // Each mention gets the other one's context, not its own.
        check(
            &doc,
            (0, 0),
            &[(80, "of"), (81, "rose"), (83, "shares")],
            &[(81, "exported")],
        );
        check(
            &doc,
            (1, 2),
            &[(80, "<s>"), (81, "exported")],
            &[(80, "of")],
        );
        // A word mentioned once, or a word not capitalised, gets nothing.
        let f = features(&["Shares of Comelf rose", "shares fell"]);
        for (k, i) in [(0, 2), (1, 0), (0, 1)] {
            assert!(f[k][i].is_empty(), "({k}, {i})");
        }
    }

    #[test]
    fn mid_sentence_capital_is_flagged() {
        let f = features(&["Holland was moved", "They beat Holland"]);
        assert!(
            f[0][0].contains(&fnv(87, &[])),
            "the other mention is mid-sentence"
        );
        assert!(
            !f[1][2].contains(&fnv(87, &[])),
            "the other mention opens its sentence"
        );
    }
}
