//! `newsflow build-gazetteer`, `newsflow train ...`, `newsflow eval ...`:
//! the commands that rebuild and measure the shipped models.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Subcommand;
use newsflow::gazetteer::{self, Gazetteer};
use newsflow::ner::clusters::Clusters;
use newsflow::ner::features::{Ablation, Lexicon};
use newsflow::ner::{conll, model_io, train, NerModel};

#[derive(Subcommand)]
pub enum Train {
    /// Train the NER tagger (averaged perceptron) on CoNLL-format files.
    #[command(
        long_about = "Train the NER tagger on CoNLL-format files (token first, tag last; IOB1 or IOB2; \
        .gz allowed) and write the model. Prints dev precision/recall/F1 after every epoch.\n\n\
        The shipped model was built with:\n  newsflow train ner --train ../shared/data/ner/conll2003/eng.train.gz \\\n    \
        --dev ../shared/data/ner/conll2003/eng.testa.gz --out models/ner.bin"
    )]
    Ner {
        /// Training file(s); repeat the flag for several.
        #[arg(long, required = true, value_name = "FILE")]
        train: Vec<PathBuf>,
        /// Development file scored after each epoch.
        #[arg(long, value_name = "FILE")]
        dev: Option<PathBuf>,
        /// Where to write the model.
        #[arg(long, default_value = "models/ner.bin", value_name = "FILE")]
        out: PathBuf,
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// Gazetteer TSV for gazetteer features (default: the embedded one).
        #[arg(long, value_name = "FILE")]
        gazetteer: Option<PathBuf>,
        /// Word clusters TSV (default: the embedded models/clusters.tsv).
        #[arg(long, value_name = "FILE")]
        clusters: Option<PathBuf>,
        /// Switch feature families off (ablation study): gazetteer,clusters,context,affixes,memory.
        #[arg(long, default_value = "", value_name = "LIST")]
        ablate: String,
    },
    /// Build distributional word clusters (NER features) from unlabelled text.
    #[command(
        long_about = "Cluster words by their left and right neighbours (PPMI, spherical k-means) \
        and write `word<TAB>cluster` lines. Corpora: JSON lines (every string field of 5+ words is text), \
        CoNLL files (first column) or plain text; .gz allowed. See models/ner.md for the command that \
        built the shipped file."
    )]
    Clusters {
        /// Corpus file(s); repeat the flag.
        #[arg(long, required = true, value_name = "FILE")]
        corpus: Vec<PathBuf>,
        #[arg(long, default_value = "models/clusters.tsv", value_name = "FILE")]
        out: PathBuf,
        /// Number of clusters; a comma list ("64,256,1024") writes one column per granularity.
        #[arg(long, default_value = "256", value_name = "K[,K...]")]
        k: String,
        /// Only words seen this often are clustered.
        #[arg(long, default_value_t = 5)]
        min_count: u32,
        #[arg(long, default_value_t = 10)]
        iterations: usize,
    },
}

#[derive(Subcommand)]
pub enum Eval {
    /// Score the NER model on a CoNLL-format file: precision, recall and F1 per type and overall
    /// (entity-level exact match, conlleval semantics).
    Ner {
        /// Labelled CoNLL file (IOB1 or IOB2, .gz allowed), e.g. ../shared/data/ner/conll2003/eng.testa.gz
        #[arg(long, value_name = "FILE")]
        data: PathBuf,
        /// Model file (default: the model built into this binary).
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
        /// Also score a plain lookup of this training file's entity strings, for comparison.
        #[arg(long, value_name = "TRAIN_FILE")]
        lookup_baseline: Option<PathBuf>,
    },
    /// Sentiment toward named people in news sentences (NewsMTSC): accuracy and macro-F1.
    #[command(
        long_about = "Score the tone stage's sentence sentiment against NewsMTSC (sentiment toward a \
        named person, 2 = negative, 4 = neutral, 6 = positive). The prediction for a target is the VADER \
        compound of its sentence, or of the clause around the target when --window is set.\n\n\
        Example:\n  newsflow eval tone --data ../shared/data/sentiment/newsmtsc/devtest_rw.jsonl.gz"
    )]
    Tone {
        /// NewsMTSC JSON lines (.gz allowed).
        #[arg(long, value_name = "FILE")]
        data: PathBuf,
    },
    /// Country-of-focus accuracy on place-labelled articles (Reuters-21578 JSON lines).
    #[command(
        long_about = "Run structure + entities over each article with gold PLACES and compare the \
        article's ranked countries of focus with the gold places, mapped to ISO codes.\n\n\
        accuracy@1: the top-ranked country is one of the gold places.\n\
        recall: the share of all gold places found anywhere in the ranked list.\n\n\
        Example:\n  newsflow eval geo --data ../shared/data/news-articles/reuters21578/reuters21578.jsonl.gz \\\n    \
        --mapping eval/reuters-places.tsv"
    )]
    Geo {
        /// JSON lines with `title`, `body` and `places` (Reuters codes), .gz allowed.
        #[arg(long, value_name = "FILE")]
        data: PathBuf,
        /// Code-to-ISO mapping (code<TAB>ISO2).
        #[arg(long, default_value = "eval/reuters-places.tsv", value_name = "FILE")]
        mapping: PathBuf,
        /// Score at most this many articles (0: all).
        #[arg(long, default_value_t = 0)]
        limit: usize,
    },
}

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

pub fn build_gazetteer(from: &Path, out: &Path) -> Result<()> {
    let tsv = gazetteer::build::build(from)
        .with_context(|| format!("building the gazetteer from {}", from.display()))?;
    let g = Gazetteer::parse(&tsv)?;
    std::fs::write(out, &tsv).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "wrote {} ({} entries, {} bytes)",
        out.display(),
        g.entries.len(),
        tsv.len()
    );
    Ok(())
}

fn train_clusters(
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

pub fn train(cmd: Train) -> Result<()> {
    let (train, dev, out, epochs, gazetteer) = match cmd {
        Train::Ner {
            train,
            dev,
            out,
            epochs,
            gazetteer,
            clusters,
            ablate,
        } => (train, dev, out, epochs, (gazetteer, clusters, ablate)),
        Train::Clusters {
            corpus,
            out,
            k,
            min_count,
            iterations,
        } => return train_clusters(&corpus, &out, &k, min_count, iterations),
    };
    let gaz = load_gazetteer(gazetteer.0.as_deref())?;
    let clusters = match &gazetteer.1 {
        Some(p) => Clusters::parse(
            &std::fs::read_to_string(p)
                .with_context(|| format!("cannot read clusters {}", p.display()))?,
        ),
        None => Clusters::parse(newsflow::ner::clusters::EMBEDDED),
    };
    let ablate = Ablation::parse(&gazetteer.2).map_err(anyhow::Error::msg)?;
    let lex = Lexicon {
        gaz: &gaz,
        clusters: &clusters,
        ablate,
    };
    let mut docs = Vec::new();
    for p in &train {
        docs.extend(conll::read_path(p)?);
    }
    let dev_docs = dev.as_deref().map(conll::read_path).transpose()?;
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
    let opts = train::TrainOptions {
        epochs,
        ..Default::default()
    };
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

pub fn eval(cmd: Eval) -> Result<()> {
    let (data, model, lookup_baseline) = match cmd {
        Eval::Ner {
            data,
            model,
            lookup_baseline,
        } => (data, model, lookup_baseline),
        Eval::Geo {
            data,
            mapping,
            limit,
        } => return eval_geo(&data, &mapping, limit),
        Eval::Tone { data } => return eval_tone(&data),
    };
    let owned;
    let model: &NerModel = match model {
        Some(p) => {
            let bytes =
                std::fs::read(&p).with_context(|| format!("cannot read model {}", p.display()))?;
            owned = model_io::read(&bytes).with_context(|| format!("in {}", p.display()))?;
            &owned
        }
        None => NerModel::embedded().map_err(|e| anyhow::anyhow!("{e}"))?,
    };
    let docs = conll::read_path(&data)?;
    let started = Instant::now();
    let score = train::evaluate(model, &docs, Lexicon::embedded());
    println!("NER on {} ({} documents)", data.display(), docs.len());
    print!("{}", score.report());
    eprintln!(
        "tagged {} tokens in {:.2}s",
        score.tokens,
        started.elapsed().as_secs_f64()
    );
    if let Some(train_file) = lookup_baseline {
        let train_docs = conll::read_path(&train_file)?;
        println!(
            "\nplain lookup of {} entity strings (baseline)",
            train_file.display()
        );
        print!("{}", train::lookup_baseline(&train_docs, &docs).report());
    }
    Ok(())
}

fn read_text(path: &Path) -> Result<String> {
    newsflow::datafile::read_text(path).with_context(|| format!("cannot read {}", path.display()))
}

fn eval_geo(data: &Path, mapping: &Path, limit: usize) -> Result<()> {
    use newsflow::document::Document;
    use newsflow::pipeline::Stage;
    use newsflow::stages::{entities, structure};
    let map: std::collections::HashMap<String, String> = read_text(mapping)?
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            l.split_once('\t')
                .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
        })
        .collect();
    let st = structure::StructureStage::default();
    let en =
        entities::EntitiesStage::build(entities::Config::default()).map_err(anyhow::Error::msg)?;
    let (mut n, mut top1, mut gold_total, mut gold_found, mut unmapped) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let started = Instant::now();
    for (i, line) in read_text(data)?.lines().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not JSON", data.display(), i + 1))?;
        let places: Vec<&str> = v["places"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p.as_str())
            .collect();
        let body = v["body"].as_str().unwrap_or("");
        if places.is_empty() || body.split_whitespace().count() < 20 {
            continue;
        }
        let gold: Vec<&String> = places
            .iter()
            .filter_map(|p| {
                map.get(*p).or_else(|| {
                    unmapped += 1;
                    None
                })
            })
            .collect();
        if gold.is_empty() {
            continue;
        }
        // Wire layout: headline, then the dateline opening the first paragraph.
        let text = format!(
            "{}\n\n{} {}",
            v["title"].as_str().unwrap_or(""),
            v["dateline"].as_str().unwrap_or("").trim(),
            body
        );
        let mut doc = Document::from_text(&text);
        let _ = st.run(&mut doc);
        let _ = en.run(&mut doc);
        let ranked: Vec<String> = doc
            .annotations
            .entities
            .map(|e| e.countries.into_iter().map(|c| c.country).collect())
            .unwrap_or_default();
        n += 1;
        if ranked.first().is_some_and(|c| gold.contains(&c)) {
            top1 += 1;
        }
        let mut uniq = gold.clone();
        uniq.dedup();
        gold_total += uniq.len();
        gold_found += uniq.iter().filter(|g| ranked.contains(g)).count();
        if n % 2000 == 0 {
            eprintln!(
                "{n} articles, accuracy@1 so far {:.4} ({:.0}s)",
                top1 as f64 / n as f64,
                started.elapsed().as_secs_f64()
            );
        }
        if limit > 0 && n >= limit {
            break;
        }
    }
    println!(
        "geo on {} ({n} articles with mapped places)",
        data.display()
    );
    println!(
        "accuracy@1  {:.4}  ({top1}/{n}: top country of focus is a gold place)",
        top1 as f64 / n.max(1) as f64
    );
    println!("recall      {:.4}  ({gold_found}/{gold_total} gold countries found among the countries of focus)", gold_found as f64 / gold_total.max(1) as f64);
    if unmapped > 0 {
        println!("({unmapped} gold place codes had no mapping and were ignored)");
    }
    Ok(())
}

pub fn build_lexicon(from: &Path, out: &Path) -> Result<()> {
    let tsv = gazetteer::build::build_vader(from)?;
    std::fs::write(out, &tsv).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "wrote {} ({} entries)",
        out.display(),
        tsv.lines().count() - 1
    );
    Ok(())
}

fn eval_tone(data: &Path) -> Result<()> {
    use newsflow::stages::tone::{label, score_words, Lexicon};
    let lex = Lexicon::embedded();
    let classes = ["negative", "neutral", "positive"];
    let mut confusion = [[0usize; 3]; 3]; // [gold][pred]
    for (i, line) in read_text(data)?.lines().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not JSON", data.display(), i + 1))?;
        let sentence = v["sentence_normalized"].as_str().unwrap_or("");
        let toks = newsflow::nlp::tokenize(sentence);
        let words: Vec<&str> = toks.iter().map(|t| t.text(sentence)).collect();
        let pred = label(score_words(&words, lex).compound, 0.05);
        for t in v["targets"].as_array().into_iter().flatten() {
            let gold = match t["polarity"].as_f64() {
                Some(p) if p < 3.0 => "negative",
                Some(p) if p > 5.0 => "positive",
                Some(_) => "neutral",
                None => continue,
            };
            let g = classes.iter().position(|c| *c == gold).unwrap_or(1);
            let p = classes.iter().position(|c| *c == pred).unwrap_or(1);
            confusion[g][p] += 1;
        }
    }
    let total: usize = confusion.iter().flatten().sum();
    let correct: usize = (0..3).map(|k| confusion[k][k]).sum();
    println!("tone on {} ({total} targets)", data.display());
    println!("accuracy  {:.4}", correct as f64 / total.max(1) as f64);
    let mut f1s = Vec::new();
    for (k, c) in classes.iter().enumerate() {
        let tp = confusion[k][k] as f64;
        let fp = (0..3).map(|g| confusion[g][k]).sum::<usize>() as f64 - tp;
        let fn_ = confusion[k].iter().sum::<usize>() as f64 - tp;
        let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
        let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        f1s.push(f);
        println!(
            "{c:<9} precision {p:.4} recall {r:.4} f1 {f:.4} (gold {})",
            confusion[k].iter().sum::<usize>()
        );
    }
    println!("macro-F1  {:.4}", f1s.iter().sum::<f64>() / 3.0);
    Ok(())
}
