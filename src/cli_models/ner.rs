//! `train ner`, `eval ner` and `train clusters`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use newsflow::gazetteer::{self, Gazetteer};
use newsflow::ner::clusters::Clusters;
use newsflow::ner::features::{Ablation, Lexicon};
use newsflow::ner::{conll, model_io, train, NerModel};

fn load_gazetteer(path: Option<&Path>) -> Result<Gazetteer> {
    match path {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("cannot read gazetteer {}", p.display()))?;
            Ok(Gazetteer::parse(&text).with_context(|| format!("in {}", p.display()))?)
        }
        None => Ok(Gazetteer::parse(gazetteer::EMBEDDED)?),
    }
}

pub(super) fn train_clusters(
    corpus: &[PathBuf],
    out: &Path,
    k: &str,
    min_count: u32,
    iterations: usize,
) -> Result<()> {
    let ks: Vec<usize> = k
        .split(',')
        .map(|x| {
            x.trim()
                .parse::<usize>()
                .with_context(|| format!("--k {k:?}: `{x}` is not a number"))
        })
        .collect::<Result<_>>()?;
    let mut sentences = Vec::new();
    for p in corpus {
        let s = newsflow::ner::clusters::read_corpus(p)
            .with_context(|| format!("cannot read corpus {}", p.display()))?;
        eprintln!("{}: {} sentences", p.display(), s.len());
        sentences.extend(s);
    }
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    let started = Instant::now();
    let mut columns: Vec<Vec<(String, u16)>> = Vec::new();
    for &kk in &ks {
        eprintln!("clustering words seen {min_count}+ times in {tokens} tokens into {kk} clusters");
        columns.push(newsflow::ner::clusters::build(
            &sentences,
            kk,
            min_count,
            iterations,
            |it, sim| {
                eprintln!(
                    "  iteration {it}/{iterations}: mean similarity {sim:.4} ({:.0}s)",
                    started.elapsed().as_secs_f64()
                );
            },
        ));
    }
    let mut text = format!("# newsflow word clusters: word<TAB>cluster per granularity (k = {k}). Rebuild: see models/ner.md\n");
    let n = columns.first().map_or(0, Vec::len);
    for r in 0..n {
        let w = &columns[0][r].0;
        if w.contains(['\t', '\n']) {
            continue;
        }
        text.push_str(w);
        for col in &columns {
            text.push_str(&format!("\t{}", col[r].1));
        }
        text.push('\n');
    }
    std::fs::write(out, text).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!("wrote {} ({n} words)", out.display());
    Ok(())
}

/// The options of `train ner`.
#[derive(clap::Args)]
pub(crate) struct TrainNer {
    /// Training file(s); repeat the flag for several.
    #[arg(long, required = true, value_name = "FILE")]
    pub train: Vec<PathBuf>,
    /// Development file scored after each epoch.
    #[arg(long, value_name = "FILE")]
    pub dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long, default_value = "models/ner.bin", value_name = "FILE")]
    pub out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 10)]
    pub epochs: usize,
    /// Gazetteer TSV for gazetteer features (default: the embedded one).
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Option<PathBuf>,
    /// Word clusters TSV (default: the embedded models/clusters.tsv).
    #[arg(long, value_name = "FILE")]
    pub clusters: Option<PathBuf>,
    /// Independent training runs (different document orders) averaged into one model.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub runs: usize,
    /// Switch feature families off (ablation study): gazetteer,clusters,context,affixes,memory,names,aggregate,lookahead.
    #[arg(long, default_value = "", value_name = "LIST")]
    pub ablate: String,
    /// More training file(s) annotated without a MISC class (UNER, WikiANN): an O there does
    /// not teach "not MISC". Repeatable.
    #[arg(long, value_name = "FILE")]
    pub train_no_misc: Vec<PathBuf>,
    /// Before training the model, K-fold cross-validation over the --train documents (the
    /// --train-no-misc documents are in every training fold): prints each fold's F1, their mean
    /// and spread. Choose settings by this, and look at --dev once at the end.
    #[arg(long, default_value_t = 0, value_name = "K")]
    pub cv: usize,
    /// Stop after the cross-validation (no model written).
    #[arg(long)]
    pub cv_only: bool,
    /// Drop features whose averaged weights are all smaller than this (a smaller, faster model).
    #[arg(long, default_value_t = 0.01, value_name = "W")]
    pub min_weight: f32,
    /// Update size on --train-no-misc documents relative to --train ones (0 to 1): how much the
    /// second domain may pull the weights.
    #[arg(long, default_value_t = 1.0, value_name = "S")]
    pub no_misc_step: f64,
}

/// K-fold cross-validation: document i is held out in fold i mod K.
fn cross_validate(
    docs: &[conll::Doc],
    extra: &[conll::Doc],
    k: usize,
    lex: Lexicon<'_>,
    opts: &train::TrainOptions,
) -> Vec<f64> {
    let started = Instant::now();
    (0..k)
        .map(|fold| {
            let mut training: Vec<conll::Doc> = docs
                .iter()
                .enumerate()
                .filter(|(i, _)| i % k != fold)
                .map(|(_, d)| d.clone())
                .collect();
            training.extend(extra.iter().cloned());
            let held: Vec<conll::Doc> = docs
                .iter()
                .enumerate()
                .filter(|(i, _)| i % k == fold)
                .map(|(_, d)| d.clone())
                .collect();
            let model = train::train(&training, None, lex, opts, |_, _, _| {});
            let s = train::evaluate(&model, &held, lex);
            eprintln!(
                "cv fold {}/{k}: {} held-out documents, P {:.4} R {:.4} F1 {:.4} ({:.0}s)",
                fold + 1,
                held.len(),
                s.overall.precision(),
                s.overall.recall(),
                s.overall.f1(),
                started.elapsed().as_secs_f64()
            );
            s.overall.f1()
        })
        .collect()
}

pub(super) fn train_ner(opts: TrainNer) -> Result<()> {
    let TrainNer {
        train,
        dev,
        out,
        epochs,
        runs,
        gazetteer,
        clusters,
        ablate,
        train_no_misc,
        cv,
        cv_only,
        min_weight,
        no_misc_step,
    } = opts;
    let gaz = load_gazetteer(gazetteer.as_deref())?;
    let clusters = match &clusters {
        Some(p) => Clusters::parse(
            &std::fs::read_to_string(p)
                .with_context(|| format!("cannot read clusters {}", p.display()))?,
        ),
        None => Clusters::parse(newsflow::ner::clusters::EMBEDDED),
    };
    let ablate = Ablation::parse(&ablate).map_err(anyhow::Error::msg)?;
    let no_names = newsflow::ner::names::Names::default();
    let lex = Lexicon {
        gaz: &gaz,
        clusters: &clusters,
        names: &no_names,
        ablate,
    };
    let mut docs = Vec::new();
    for p in &train {
        docs.extend(conll::read_path(p)?);
    }
    let mut extra = Vec::new();
    for p in &train_no_misc {
        extra.extend(conll::read_path(p)?.into_iter().map(|mut d| {
            d.no_misc = true;
            d
        }));
    }
    let dev_docs = dev.as_deref().map(conll::read_path).transpose()?;
    let opts = train::TrainOptions {
        epochs,
        runs,
        min_abs_weight: min_weight,
        no_misc_step,
        ..Default::default()
    };
    if cv >= 2 {
        let f1 = cross_validate(&docs, &extra, cv, lex, &opts);
        let mean = f1.iter().sum::<f64>() / f1.len() as f64;
        let sd =
            (f1.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (f1.len() - 1) as f64).sqrt();
        let (lo, hi) = f1
            .iter()
            .fold((1.0f64, 0.0f64), |(l, h), x| (l.min(*x), h.max(*x)));
        outln!("cross-validation, {cv} folds over {} documents (+{} without MISC in every fold): F1 mean {mean:.4}, sd {sd:.4}, range {lo:.4}-{hi:.4}", docs.len(), extra.len());
        if cv_only {
            return Ok(());
        }
    }
    docs.extend(extra);
    let tokens: usize = docs
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| s.words.len())
        .sum();
    eprintln!(
        "training on {} documents, {tokens} tokens, {epochs} epochs",
        docs.len()
    );
    let started = Instant::now();
    let model = train::train(
        &docs,
        dev_docs.as_deref(),
        lex,
        &opts,
        |epoch, features, score| {
            let f1 = score.map(|s| {
                format!(
                    "dev P {:.4} R {:.4} F1 {:.4}",
                    s.overall.precision(),
                    s.overall.recall(),
                    s.overall.f1()
                )
            });
            eprintln!(
                "epoch {epoch}/{epochs}: {features} features, {:.0}s  {}",
                started.elapsed().as_secs_f64(),
                f1.unwrap_or_default()
            );
        },
    );
    if let (true, Some(dv)) = (runs > 1, dev_docs.as_deref()) {
        let s = train::evaluate(&model, dv, lex);
        eprintln!(
            "average of {runs} runs: dev P {:.4} R {:.4} F1 {:.4}",
            s.overall.precision(),
            s.overall.recall(),
            s.overall.f1()
        );
    }
    let bytes = model_io::write(&model);
    std::fs::write(&out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "wrote {} ({} features, {:.1} MB)",
        out.display(),
        model.weights.len(),
        bytes.len() as f64 / 1e6
    );
    Ok(())
}

pub(super) fn eval_ner(
    data: &Path,
    model: Option<&Path>,
    lookup_baseline: Option<&Path>,
    no_misc: bool,
) -> Result<()> {
    let owned;
    let model: &NerModel = match model {
        Some(p) => {
            let bytes =
                std::fs::read(p).with_context(|| format!("cannot read model {}", p.display()))?;
            owned = model_io::read(&bytes).with_context(|| format!("in {}", p.display()))?;
            &owned
        }
        None => NerModel::embedded().map_err(|e| anyhow::anyhow!("{e}"))?,
    };
    let mut docs = conll::read_path(data)?;
    for d in &mut docs {
        d.no_misc = no_misc;
    }
    let started = Instant::now();
    let score = train::evaluate(model, &docs, Lexicon::embedded());
    outln!("NER on {} ({} documents)", data.display(), docs.len());
    out!("{}", score.report());
    eprintln!(
        "tagged {} tokens in {:.2}s",
        score.tokens,
        started.elapsed().as_secs_f64()
    );
    if let Some(train_file) = lookup_baseline {
        let train_docs = conll::read_path(train_file)?;
        outln!(
            "\nplain lookup of {} entity strings (baseline)",
            train_file.display()
        );
        out!("{}", train::lookup_baseline(&train_docs, &docs).report());
    }
    Ok(())
}
