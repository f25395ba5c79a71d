//! Training: a greedy averaged perceptron. The label history it sees while
//! training is its own prediction, exactly as at run time.

use std::collections::HashMap;

use super::conll::{to_iob2, Doc};
use super::eval::Score;
use super::features::{FeatureMap, Lexicon, Sent};
use super::names::Names;
use super::{decode, label_index, DocMemory, NerModel, Weights, LABELS, N_LABELS};

#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
    /// Independent runs (different document orders) whose weights are averaged.
    pub runs: usize,
    /// Averaged weights smaller than this (in every label) are dropped.
    pub min_abs_weight: f32,
    /// Update size on documents annotated without MISC (1 = as CoNLL's).
    pub no_misc_step: f64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            seed: 17,
            runs: 1,
            min_abs_weight: 0.01,
            no_misc_step: 1.0,
        }
    }
}

struct Prepared<'a> {
    sent: Sent<'a>,
    gold: Vec<usize>,
    feats: super::Statics,
    /// From a document annotated without MISC (see `Doc::no_misc`).
    no_misc: bool,
}

/// Folds for the name memory: a training document sees only the names of
/// the other folds.
const NAME_FOLDS: usize = 10;

fn prepare<'a>(
    docs: &'a [Doc],
    words: &'a [Vec<Vec<&'a str>>],
    lex: Lexicon<'_>,
    folds: &[Names],
) -> Vec<Vec<Prepared<'a>>> {
    docs.iter()
        .zip(words)
        .enumerate()
        .map(|(n, (d, dw))| {
            let lex = Lexicon {
                names: &folds[n % folds.len()],
                ..lex
            };
            let sents: Vec<Sent<'a>> = dw.iter().map(|w| Sent::new(w, lex)).collect();
            let statics = super::static_features(&sents);
            d.sentences
                .iter()
                .zip(sents)
                .zip(statics)
                .map(|((s, sent), feats)| {
                    let gold = to_iob2(&s.tags)
                        .iter()
                        .map(|t| label_index(t).unwrap_or(0))
                        .collect();
                    Prepared {
                        sent,
                        gold,
                        feats,
                        no_misc: d.no_misc,
                    }
                })
                .collect()
        })
        .collect()
}

struct Perceptron {
    index: FeatureMap<usize>,
    w: Vec<[f64; N_LABELS]>,
    u: Vec<[f64; N_LABELS]>,
    c: f64,
}

impl Perceptron {
    fn score(&self, feats: &[u64]) -> Weights {
        let mut s = [0f32; N_LABELS];
        for f in feats {
            if let Some(&i) = self.index.get(f) {
                for (a, b) in s.iter_mut().zip(&self.w[i]) {
                    *a += *b as f32;
                }
            }
        }
        s
    }

    fn update(&mut self, feats: &[u64], gold: usize, pred: usize, step: f64) {
        for f in feats {
            let n = self.w.len();
            let i = *self.index.entry(*f).or_insert(n);
            if i == n {
                self.w.push([0.0; N_LABELS]);
                self.u.push([0.0; N_LABELS]);
            }
            self.w[i][gold] += step;
            self.w[i][pred] -= step;
            self.u[i][gold] += step * self.c;
            self.u[i][pred] -= step * self.c;
        }
    }

    fn averaged(&self, min_abs: f32, names: &Names) -> NerModel {
        let mut weights = FeatureMap::default();
        for (f, &i) in &self.index {
            let mut avg = [0f32; N_LABELS];
            for (l, a) in avg.iter_mut().enumerate() {
                *a = (self.w[i][l] - self.u[i][l] / self.c) as f32;
            }
            if avg.iter().any(|v| v.abs() >= min_abs) {
                weights.insert(*f, avg);
            }
        }
        NerModel {
            weights,
            names: names.clone(),
        }
    }
}

/// Train on `train`; after each epoch `progress(epoch, features, dev score)`
/// is called with the averaged model's score on `dev`, if given.
pub fn train(
    train: &[Doc],
    dev: Option<&[Doc]>,
    lex: Lexicon<'_>,
    opts: &TrainOptions,
    mut progress: impl FnMut(usize, usize, Option<&Score>),
) -> NerModel {
    let words: Vec<Vec<Vec<&str>>> = train.iter().map(Doc::words).collect();
    let (names, folds) = if lex.ablate.names {
        (Names::default(), vec![Names::default()])
    } else {
        let folds = (0..NAME_FOLDS)
            .map(|k| Names::from_docs(train, |d| d % NAME_FOLDS != k))
            .collect();
        (Names::from_docs(train, |_| true), folds)
    };
    let data = prepare(train, &words, lex, &folds);
    let mut models = Vec::with_capacity(opts.runs.max(1));
    for run in 0..opts.runs.max(1) {
        let seed = opts.seed.wrapping_add(run as u64 * 7919);
        models.push(train_run(
            &data,
            seed,
            dev,
            lex,
            opts,
            &names,
            &mut progress,
        ));
    }
    let mut model = average(models, &names);
    // Runs disagree on small weights; the mean can fall under the floor too.
    model
        .weights
        .retain(|_, w| w.iter().any(|v| v.abs() >= opts.min_abs_weight));
    model
}

/// The mean of several models' weights: one linear model that votes like
/// the runs together (each run shuffles the documents differently).
fn average(models: Vec<NerModel>, names: &Names) -> NerModel {
    let n = models.len() as f32;
    let mut weights: FeatureMap<Weights> = FeatureMap::default();
    for m in models {
        for (f, w) in m.weights {
            let sum = weights.entry(f).or_insert([0.0; N_LABELS]);
            for (a, b) in sum.iter_mut().zip(w) {
                *a += b / n;
            }
        }
    }
    NerModel {
        weights,
        names: names.clone(),
    }
}

fn train_run(
    data: &[Vec<Prepared<'_>>],
    seed: u64,
    dev: Option<&[Doc]>,
    lex: Lexicon<'_>,
    opts: &TrainOptions,
    names: &Names,
    progress: &mut impl FnMut(usize, usize, Option<&Score>),
) -> NerModel {
    let mut p = Perceptron {
        index: FeatureMap::default(),
        w: Vec::new(),
        u: Vec::new(),
        c: 1.0,
    };
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = seed.max(1);
    for epoch in 1..=opts.epochs {
        // Fisher-Yates with xorshift, for a reproducible order.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &d in &order {
            // Two passes, as at run time; both learn.
            let mut memory = DocMemory::default();
            let mut first: Vec<Vec<usize>> = Vec::new();
            for pass in 0..2 {
                for (k, s) in data[d].iter().enumerate() {
                    let mem = (pass == 1).then(|| (&memory, first[k].as_slice()));
                    let mut updates: Vec<(Vec<u64>, usize, usize)> = Vec::new();
                    let pred = decode(
                        &s.sent,
                        mem,
                        &[],
                        |i, f| f.extend_from_slice(s.feats.token(i)),
                        |_, f| p.score(f),
                        |i, f, guess| {
                            // Where the annotation has no MISC, a MISC guess
                            // over an O is not known to be wrong.
                            let unknown = s.no_misc && s.gold[i] == 0 && guess >= 7;
                            if guess != s.gold[i] && !unknown {
                                updates.push((f.to_vec(), s.gold[i], guess));
                            }
                        },
                    );
                    let step = if s.no_misc { opts.no_misc_step } else { 1.0 };
                    for (f, gold, guess) in updates {
                        p.update(&f, gold, guess, step);
                    }
                    p.c += s.gold.len() as f64;
                    if pass == 0 {
                        memory.add(&s.sent.lower, s.sent.words, &pred);
                        first.push(pred);
                    }
                }
            }
        }
        let model = dev.map(|_| p.averaged(opts.min_abs_weight, names));
        let score = dev.zip(model.as_ref()).map(|(dv, m)| evaluate(m, dv, lex));
        progress(epoch, p.index.len(), score.as_ref());
    }
    p.averaged(opts.min_abs_weight, names)
}

/// Tag every document of `docs` and score against its gold tags (MISC
/// predictions count as O in documents annotated without MISC).
pub fn evaluate(model: &NerModel, docs: &[Doc], lex: Lexicon<'_>) -> Score {
    let mut score = Score::default();
    for d in docs {
        let words = d.words();
        for (s, pred) in d.sentences.iter().zip(model.tag_document(&words, lex)) {
            // Without MISC in the annotation, a MISC prediction is no claim.
            let pred: Vec<&str> = pred
                .iter()
                .map(|&l| if d.no_misc && l >= 7 { "O" } else { LABELS[l] })
                .collect();
            let gold: Vec<&str> = s.tags.iter().map(String::as_str).collect();
            score.add(&gold, &pred);
        }
    }
    score
}

/// The plain-lookup baseline: every entity string of `train` with its most
/// frequent type, matched longest-first (case-sensitive) in `test`.
pub fn lookup_baseline(train: &[Doc], test: &[Doc]) -> Score {
    let mut table: HashMap<Vec<String>, HashMap<String, u32>> = HashMap::new();
    let mut longest = 1;
    for s in train.iter().flat_map(|d| &d.sentences) {
        let tags = to_iob2(&s.tags);
        let refs: Vec<&str> = tags.iter().map(String::as_str).collect();
        for (a, b, t) in super::eval::chunks(&refs) {
            longest = longest.max(b - a);
            *table
                .entry(s.words[a..b].to_vec())
                .or_default()
                .entry(t)
                .or_default() += 1;
        }
    }
    let best: HashMap<Vec<String>, String> = table
        .into_iter()
        .map(|(k, v)| {
            (
                k,
                v.into_iter()
                    .max_by_key(|(_, n)| *n)
                    .map(|(t, _)| t)
                    .unwrap_or_default(),
            )
        })
        .collect();
    let mut score = Score::default();
    for s in test.iter().flat_map(|d| &d.sentences) {
        let mut pred = vec!["O".to_string(); s.words.len()];
        let mut i = 0;
        while i < s.words.len() {
            let hit = (1..=longest.min(s.words.len() - i))
                .rev()
                .find_map(|n| best.get(&s.words[i..i + n]).map(|t| (n, t)));
            match hit {
                Some((n, t)) => {
                    for (k, p) in pred[i..i + n].iter_mut().enumerate() {
                        *p = format!("{}-{t}", if k == 0 { "B" } else { "I" });
                    }
                    i += n;
                }
                None => i += 1,
            }
        }
        let p: Vec<&str> = pred.iter().map(String::as_str).collect();
        let g: Vec<&str> = s.tags.iter().map(String::as_str).collect();
        score.add(&g, &p);
    }
    score
}
