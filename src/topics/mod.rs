//! IPTC Media Topics classification: a multinomial naive Bayes over word
//! unigrams and bigrams, at level 1 (17 topics) and level 2 (children of the
//! chosen level-1 topics). Trained by `newsflow train topics` from openly
//! licensed data (HuffPost headlines, Wikipedia Current events items, the
//! Media Topic names and definitions) with mapping tables in
//! models/mappings/; shipped as models/topics.tsv (sparse counts).
//! Retired topics are never classes, so never emitted.

pub mod expand;
pub mod train;
pub mod vocab;

use std::collections::HashMap;

/// One Media Topic concept.
#[derive(Debug, Clone, PartialEq)]
pub struct Concept {
    /// "medtop:11000000"
    pub qcode: String,
    pub name: String,
    pub level: u8,
    /// Level-1 parent for level-2 concepts.
    pub parent: Option<String>,
}

/// Sparse per-class counts; log-probabilities are computed at load.
#[derive(Debug, Default)]
pub struct TopicModel {
    pub concepts: Vec<Concept>,
    /// Per class: documents and total feature count.
    pub docs: Vec<f64>,
    pub totals: Vec<f64>,
    /// feature → (class, count) pairs.
    pub counts: crate::text::ModelMap<String, Vec<(u16, f32)>>,
    vocab_size: f64,
    /// Per feature: its total count over all classes.
    feature_totals: crate::text::ModelMap<String, f64>,
    /// Per class: the normaliser of complement weights (Σ |w|).
    norms: Vec<f64>,
}

pub const EMBEDDED: &str = include_str!("../../models/topics.tsv");

/// Softmax temperature over standardised class scores.
const SHARPNESS: f64 = 0.9;

#[derive(Debug, Clone, PartialEq)]
pub struct Prediction {
    pub concept: Concept,
    /// 0 to 1: share of the softmax mass among siblings (level 2: times the parent's).
    pub probability: f64,
    /// 0 to 1 relative to the best topic of the same level.
    pub relevance: f64,
}

#[derive(Debug, thiserror::Error)]
#[error("topic model line {line}: {detail}")]
pub struct ModelError {
    pub line: usize,
    pub detail: String,
}

/// A feature of the article that the model knows: its per-class counts,
/// its count over all classes, and how often the article has it.
struct Known<'m> {
    per_class: &'m [(u16, f32)],
    total: f64,
    count: f64,
}

impl TopicModel {
    pub fn parse(tsv: &str) -> Result<TopicModel, ModelError> {
        let mut m = TopicModel::default();
        for (i, line) in tsv.lines().enumerate() {
            let err = |d: &str| ModelError {
                line: i + 1,
                detail: d.to_string(),
            };
            let f: Vec<&str> = line.split('\t').collect();
            match f[0] {
                "C" if f.len() == 7 => {
                    m.concepts.push(Concept {
                        qcode: f[1].to_string(),
                        level: f[2].parse().map_err(|_| err("bad level"))?,
                        parent: (!f[3].is_empty()).then(|| f[3].to_string()),
                        name: f[4].to_string(),
                    });
                    m.docs.push(f[5].parse().map_err(|_| err("bad doc count"))?);
                    m.totals
                        .push(f[6].parse().map_err(|_| err("bad token count"))?);
                }
                "W" if f.len() == 3 => {
                    let mut v = Vec::new();
                    for pair in f[2].split(' ') {
                        let (c, n) = pair.split_once(':').ok_or_else(|| err("bad class:count"))?;
                        let c: u16 = c.parse().map_err(|_| err("bad class"))?;
                        if c as usize >= m.concepts.len() {
                            return Err(err("class index without an earlier C line"));
                        }
                        v.push((c, n.parse().map_err(|_| err("bad count"))?));
                    }
                    m.counts.insert(f[1].to_string(), v);
                }
                _ if line.starts_with('#') || line.is_empty() => {}
                _ => return Err(err("expected a C or W line")),
            }
        }
        m.vocab_size = m.counts.len().max(1) as f64;
        m.feature_totals = m
            .counts
            .iter()
            .map(|(f, v)| (f.clone(), v.iter().map(|x| f64::from(x.1)).sum()))
            .collect();
        let n = m.concepts.len();
        let grand: f64 = m.totals.iter().sum();
        // Σ over the vocabulary of |log θ(~c, f)|, with unseen-in-class
        // features contributing their full count to the complement. First
        // every feature as if absent from c, then a correction for the
        // (few) classes each feature is seen in: O(features × classes)
        // subtractions instead of as many logarithms and string lookups.
        let ln_denom: Vec<f64> = (0..n)
            .map(|c| (grand - m.totals[c] + m.vocab_size).ln())
            .collect();
        let features: Vec<(f64, &Vec<(u16, f32)>)> = m
            .counts
            .values()
            .map(|v| (v.iter().map(|x| f64::from(x.1)).sum(), v))
            .collect();
        let ln_absent: Vec<f64> = features.iter().map(|(t, _)| (t + 1.0).ln()).collect();
        m.norms = ln_denom
            .iter()
            .map(|ld| ln_absent.iter().map(|la| (la - ld).abs()).sum())
            .collect();
        for ((total, v), la) in features.iter().zip(&ln_absent) {
            for &(c, in_c) in v.iter() {
                let (c, ld) = (c as usize, ln_denom[c as usize]);
                m.norms[c] += ((total - f64::from(in_c) + 1.0).ln() - ld).abs() - (la - ld).abs();
            }
        }
        m.norms.iter_mut().for_each(|x| *x = x.max(1e-9));
        Ok(m)
    }

    pub fn embedded() -> Result<&'static TopicModel, &'static ModelError> {
        static M: std::sync::OnceLock<Result<TopicModel, ModelError>> = std::sync::OnceLock::new();
        M.get_or_init(|| TopicModel::parse(EMBEDDED)).as_ref()
    }

    /// Complement naive Bayes (Rennie et al. 2003), robust to the class
    /// imbalance of the training data: a class scores well when the
    /// document is unlikely under all the *other* classes. Weights are
    /// normalised per class; scores are softmaxed with `sharpness`.
    fn posterior(&self, features: &[Known<'_>], classes: &[usize], sharpness: f64) -> Vec<f64> {
        let grand: f64 = self.totals.iter().sum();
        let count: f64 = features.iter().map(|f| f.count).sum();
        let n = count.max(1.0);
        // ln((comp + 1) / denom) = ln(comp + 1) - ln(denom). A feature's
        // complement count is its total except in the few classes it was
        // seen in, so the sum over features is taken once as if no class
        // had seen any, and each class then corrects it for the features
        // it saw: one ln per feature, one per class and one per (feature,
        // class seen) pair, and no search of a feature's classes per
        // candidate (a logarithm per pair was 5% of the pipeline's
        // instructions).
        let mut corrections = vec![0.0f64; classes.len()];
        let mut unseen_sum = 0.0;
        for f in features {
            let ln_unseen = (f.total + 1.0).ln();
            unseen_sum += f.count * ln_unseen;
            for &(c, in_c) in f.per_class {
                if let Some(i) = classes.iter().position(|&k| k == usize::from(c)) {
                    corrections[i] +=
                        f.count * ((f.total - f64::from(in_c) + 1.0).ln() - ln_unseen);
                }
            }
        }
        let mut scores: Vec<f64> = classes
            .iter()
            .zip(&corrections)
            .map(|(&c, correction)| {
                let ln_denom = (grand - self.totals[c] + self.vocab_size).ln();
                let s = count * ln_denom - (unseen_sum + correction);
                s / self.norms[c] / n
            })
            .collect();
        // Standardise across the candidate classes, then softmax: the raw
        // complement scores differ in tiny amounts whose scale depends on
        // the vocabulary, so their spread, not their size, carries meaning.
        let k = scores.len().max(1) as f64;
        let mean = scores.iter().sum::<f64>() / k;
        let sd = (scores.iter().map(|s| (s - mean).powi(2)).sum::<f64>() / k)
            .sqrt()
            .max(1e-12);
        scores
            .iter_mut()
            .for_each(|s| *s = (*s - mean) / sd * sharpness);
        let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let sum: f64 = scores.iter().map(|s| (s - max).exp()).sum();
        scores.iter_mut().for_each(|s| *s = (*s - max).exp() / sum);
        scores
    }

    /// The features of `text` (as `vocab::add_features` makes them) that
    /// this model knows, added with `weight` to `out`, keyed by the model's
    /// own strings: unknown words never enter the map, so it is bounded by
    /// the vocabulary (which also makes a fast hasher safe for it).
    pub fn add_known_features<'m>(
        &'m self,
        text: &str,
        weight: f64,
        out: &mut crate::text::ModelMap<&'m str, f64>,
    ) {
        vocab::for_each_feature(text, |f| {
            if let Some((k, _)) = self.counts.get_key_value(f) {
                *out.entry(k.as_str()).or_default() += weight;
            }
        });
    }

    /// `predict` over features from `add_known_features`.
    pub fn predict_known(
        &self,
        features: &crate::text::ModelMap<&str, f64>,
        max: usize,
        min_probability: f64,
    ) -> Vec<Prediction> {
        self.predict_pairs(features.iter().map(|(f, k)| (*f, *k)), max, min_probability)
    }

    /// Level-1 topics above `min_probability` (the best always), at most
    /// `max`, each followed by its best level-2 child when that child takes
    /// at least half of its siblings' mass.
    pub fn predict(
        &self,
        features: &HashMap<String, f64>,
        max: usize,
        min_probability: f64,
    ) -> Vec<Prediction> {
        self.predict_pairs(
            features.iter().map(|(f, k)| (f.as_str(), *k)),
            max,
            min_probability,
        )
    }

    /// `predict` over (feature, count) pairs; only features the model knows
    /// carry evidence.
    fn predict_pairs<'f>(
        &self,
        features: impl Iterator<Item = (&'f str, f64)>,
        max: usize,
        min_probability: f64,
    ) -> Vec<Prediction> {
        let known = features
            .filter_map(|(feature, count)| {
                let (f, per_class) = self.counts.get_key_value(feature)?;
                Some((
                    f.as_str(),
                    Known {
                        per_class,
                        total: self.feature_totals.get(feature).copied().unwrap_or(0.0),
                        count,
                    },
                ))
            })
            .collect();
        self.rank(known, max, min_probability)
    }

    fn rank(
        &self,
        mut known: Vec<(&str, Known<'_>)>,
        max: usize,
        min_probability: f64,
    ) -> Vec<Prediction> {
        // Each feature looked up once (in `known`), not once per candidate
        // class. Sorted by feature so the sums do not depend on the map's
        // iteration order.
        known.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let known: Vec<Known<'_>> = known.into_iter().map(|(_, k)| k).collect();
        if known.is_empty() {
            return Vec::new();
        }
        let level1: Vec<usize> = (0..self.concepts.len())
            .filter(|&c| self.concepts[c].level == 1 && self.docs[c] > 0.0)
            .collect();
        let p1 = self.posterior(&known, &level1, SHARPNESS);
        let mut ranked: Vec<(usize, f64)> = level1.iter().copied().zip(p1).collect();
        ranked.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal));
        let best = ranked.first().map_or(1.0, |r| r.1);
        let mut out = Vec::new();
        for (i, &(c, p)) in ranked.iter().enumerate().take(max) {
            if i > 0 && p < min_probability {
                break;
            }
            out.push(Prediction {
                concept: self.concepts[c].clone(),
                probability: p,
                relevance: p / best,
            });
            let children: Vec<usize> = (0..self.concepts.len())
                .filter(|&k| {
                    self.concepts[k].parent.as_deref() == Some(self.concepts[c].qcode.as_str())
                        && self.docs[k] > 0.0
                })
                .collect();
            if children.len() >= 2 {
                let p2 = self.posterior(&known, &children, SHARPNESS);
                if let Some((k, q)) = children
                    .iter()
                    .zip(p2)
                    .max_by(|a, b| a.1.partial_cmp(&b.1).unwrap_or(std::cmp::Ordering::Equal))
                {
                    if q >= 0.5 {
                        out.push(Prediction {
                            concept: self.concepts[*k].clone(),
                            probability: p * q,
                            relevance: p * q / best,
                        });
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// check(model file text, the error it gives)
    fn check(tsv: &str, expect: &str) {
        match TopicModel::parse(tsv) {
            Ok(_) => panic!("{tsv:?} parsed"),
            Err(e) => assert_eq!(e.to_string(), expect),
        }
    }

    const TWO: &str = "C\tmedtop:1\t1\t\ta\t3\t10\nC\tmedtop:2\t1\t\tb\t3\t10\n";

    #[test]
    fn broken_model_files_name_the_line() {
        check(
            &format!("{TWO}W\tx\t0:1 2:1\n"),
            "topic model line 3: class index without an earlier C line",
        );
        check(
            &format!("W\tx\t0:1\n{TWO}"),
            "topic model line 1: class index without an earlier C line",
        );
        check(
            &format!("{TWO}W\tx\t0=1\n"),
            "topic model line 3: bad class:count",
        );
        check(
            &format!("{TWO}X\n"),
            "topic model line 3: expected a C or W line",
        );
        check(
            "C\tmedtop:1\tone\t\ta\t3\t10\n",
            "topic model line 1: bad level",
        );
    }

    #[test]
    fn words_vote_for_the_classes_that_use_them() {
        let m = TopicModel::parse(&format!("{TWO}W\tgoal\t0:9 1:1\nW\tvote\t1:9 0:1\n")).unwrap();
        for (word, best) in [("goal", "a"), ("vote", "b")] {
            let feats = HashMap::from([(word.to_string(), 1.0)]);
            assert_eq!(m.predict(&feats, 1, 0.5)[0].concept.name, best, "{word}");
        }
        assert!(m
            .predict(&HashMap::from([("unknown".into(), 1.0)]), 1, 0.5)
            .is_empty());
    }
}
