//! `newsflow build-gazetteer`, `newsflow train ...`, `newsflow eval ...`:
//! the commands that rebuild and measure the shipped models.

use std::collections::HashMap;
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
        /// Independent training runs (different document orders) averaged into one model.
        #[arg(long, default_value_t = 1, value_name = "N")]
        runs: usize,
        /// Switch feature families off (ablation study): gazetteer,clusters,context,affixes,memory,names.
        #[arg(long, default_value = "", value_name = "LIST")]
        ablate: String,
    },
    /// Train the IPTC Media Topics classifier from labelled JSON lines and mapping tables.
    #[command(
        long_about = "Train the Media Topics naive Bayes model. Each --data FILE=MAPPING pair is a JSON-lines \
        file (text from title/headline/short_description/text/body; label from `category` or `categories`) and a \
        mapping table (category<TAB>qcode[,qcode]). Items held out for evaluation (a stable tenth by id) are \
        skipped. Every active level-1 and level-2 concept's name and definition is added as a document.\n\n\
        The shipped model: see models/topics.md."
    )]
    Topics {
        /// mediatopic-en.tsv from ../shared/data/iptc-mediatopics.
        #[arg(long, value_name = "FILE")]
        mediatopics: PathBuf,
        /// FILE=MAPPING pairs; repeat the flag.
        #[arg(long, required = true, value_name = "FILE=MAPPING")]
        data: Vec<String>,
        #[arg(long, default_value = "models/topics.tsv", value_name = "FILE")]
        out: PathBuf,
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
    /// IPTC Media Topics: top-level accuracy@1 and micro/macro F1 on labelled JSON lines.
    #[command(
        long_about = "Classify each item (text from title/headline/short_description/text/body) and compare \
        its level-1 Media Topics with the gold labels mapped through --mapping (category<TAB>qcode[,qcode]; \
        level-2 codes count as their parent).\n\n\
        accuracy@1: the top topic is a gold topic. micro/macro F1: over all emitted level-1 topics.\n\n\
        Examples:\n  newsflow eval topics --data ../shared/data/topic-classification/bbc-news/bbc-news-2225.jsonl.gz \\\n    \
        --mapping eval/bbc-topics.tsv\n  \
        newsflow eval topics --data ../shared/data/wikipedia-current-events/items.jsonl.gz \\\n    \
        --mapping models/mappings/wcep-topics.tsv --held-out"
    )]
    Topics {
        #[arg(long, value_name = "FILE")]
        data: PathBuf,
        #[arg(long, value_name = "FILE")]
        mapping: PathBuf,
        /// Only the items training left out (a stable tenth by id).
        #[arg(long)]
        held_out: bool,
        /// A topic model file to score instead of the embedded models/topics.tsv.
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
        /// Emit further level-1 topics at or above this probability (the stage's
        /// `min_probability`; the default is the shipped setting).
        #[arg(long, default_value_t = newsflow::stages::topics::DEFAULT_MIN_PROBABILITY, value_name = "P")]
        min_probability: f64,
    },
    /// Duplicate detection: precision and recall on BBC News (which has exact duplicates) and on
    /// near-duplicate variants generated from its articles.
    #[command(
        long_about = "Run fingerprint + dedup (memory store) over labelled articles.\n\n\
        1. exact: every article in order; gold duplicates are articles whose normalised text an earlier one has.\n\
        2. variants: for the first --variants articles, four copies each (trimmed to the first 60% of \
        paragraphs, re-headlined, paragraphs reordered, every tenth word replaced), processed after all \
        originals; a hit is a variant flagged as a duplicate of its own original.\n\n\
        Example:\n  newsflow eval dedup --data ../shared/data/topic-classification/bbc-news/bbc-news-2225.jsonl.gz"
    )]
    Dedup {
        #[arg(long, value_name = "FILE")]
        data: PathBuf,
        /// How many articles get generated variants.
        #[arg(long, default_value_t = 300)]
        variants: usize,
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
    let (train, dev, out, epochs, runs, gazetteer) = match cmd {
        Train::Ner {
            train,
            dev,
            out,
            epochs,
            gazetteer,
            clusters,
            ablate,
            runs,
        } => (train, dev, out, epochs, runs, (gazetteer, clusters, ablate)),
        Train::Topics {
            mediatopics,
            data,
            out,
        } => return train_topics(&mediatopics, &data, &out),
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
        runs,
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
        Eval::Dedup { data, variants } => return eval_dedup(&data, variants),
        Eval::Topics {
            data,
            mapping,
            held_out,
            model,
            min_probability,
        } => return eval_topics(&data, &mapping, held_out, model.as_deref(), min_probability),
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

pub fn build_first_names(from: &Path, out: &Path) -> Result<()> {
    let tsv = gazetteer::build::build_first_names(from)?;
    std::fs::write(out, &tsv).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "wrote {} ({} names)",
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

/// category → qcodes, from a mapping table.
fn read_mapping(path: &Path) -> Result<std::collections::HashMap<String, Vec<String>>> {
    Ok(read_text(path)?
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(c, q)| {
            (
                c.trim().to_string(),
                q.split(',').map(|x| x.trim().to_string()).collect(),
            )
        })
        .collect())
}

/// (id, text, labels) of a labelled JSON line.
fn labelled_item(v: &serde_json::Value, line: usize) -> (String, String, Vec<String>) {
    let text: Vec<&str> = ["title", "headline", "short_description", "text", "body"]
        .iter()
        .filter_map(|k| v[*k].as_str())
        .collect();
    let labels: Vec<String> = match (&v["category"], &v["categories"]) {
        (serde_json::Value::String(c), _) => vec![c.clone()],
        (_, serde_json::Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    let id = v["id"].as_str().map_or_else(
        || {
            v["link"]
                .as_str()
                .map_or_else(|| line.to_string(), str::to_string)
        },
        str::to_string,
    );
    (id, text.join("\n\n"), labels)
}

fn train_topics(mediatopics: &Path, data: &[String], out: &Path) -> Result<()> {
    use newsflow::topics::train::{held_out, read_concepts, Trainer};
    let (concepts, deeper) = read_concepts(&read_text(mediatopics)?);
    let mut trainer = Trainer::new(&concepts);
    for (ancestor, text) in &deeper {
        trainer.add(text, std::slice::from_ref(ancestor), 3.0);
    }
    eprintln!(
        "{} concepts as classes, {} deeper concepts as documents",
        concepts.len(),
        deeper.len()
    );
    for pair in data {
        let (file, mapping) = pair
            .split_once('=')
            .with_context(|| format!("--data {pair:?}: expected FILE=MAPPING"))?;
        let map = read_mapping(Path::new(mapping))?;
        for codes in map.values().flatten() {
            anyhow::ensure!(
                trainer.knows(codes),
                "{mapping}: {codes} is not an active level-1 or level-2 Media Topic"
            );
        }
        let (mut used, mut skipped) = (0, 0);
        let mut items: Vec<(String, Vec<String>)> = Vec::new();
        for (i, line) in read_text(Path::new(file))?.lines().enumerate() {
            let v: serde_json::Value = serde_json::from_str(line)
                .with_context(|| format!("{file}:{}: not JSON", i + 1))?;
            let (id, text, labels) = labelled_item(&v, i);
            if held_out(&id) {
                skipped += 1;
                continue;
            }
            let codes: Vec<String> = labels
                .iter()
                .filter_map(|l| map.get(l))
                .flatten()
                .cloned()
                .collect();
            if !codes.is_empty() {
                items.push((text, codes));
            }
        }
        // Balance: a label with many items (US politics) must not drown the
        // rest; each label's items weigh at most CAP items in all.
        const CAP: f64 = 600.0;
        let mut per_label: HashMap<String, f64> = HashMap::new();
        for (_, codes) in &items {
            for c in codes {
                *per_label.entry(c.clone()).or_default() += 1.0;
            }
        }
        for (text, codes) in &items {
            let n = codes.iter().map(|c| per_label[c]).fold(0.0, f64::max);
            trainer.add(text, codes, (CAP / n).min(1.0));
            used += 1;
        }
        eprintln!("{file}: {used} labelled items used, {skipped} held out");
    }
    let text = trainer.write(2.0);
    std::fs::write(out, &text).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "wrote {} ({:.1} MB)",
        out.display(),
        text.len() as f64 / 1e6
    );
    Ok(())
}

fn eval_topics(
    data: &Path,
    mapping: &Path,
    only_held_out: bool,
    model: Option<&Path>,
    min_probability: f64,
) -> Result<()> {
    use newsflow::topics::{train::held_out, vocab::add_features, TopicModel};
    let loaded;
    let model = match model {
        Some(p) => {
            loaded = TopicModel::parse(&read_text(p)?)
                .with_context(|| format!("cannot load topic model {}", p.display()))?;
            &loaded
        }
        None => TopicModel::embedded().map_err(|e| anyhow::anyhow!("{e}"))?,
    };
    let map = read_mapping(mapping)?;
    let level1 = |q: &str| -> Option<String> {
        let c = model.concepts.iter().find(|c| c.qcode == q)?;
        Some(if c.level == 1 {
            c.qcode.clone()
        } else {
            c.parent.clone()?
        })
    };
    let (mut n, mut top1) = (0usize, 0usize);
    let mut per: std::collections::BTreeMap<String, (f64, f64, f64)> =
        std::collections::BTreeMap::new(); // tp, fp, fn
    for (i, line) in read_text(data)?.lines().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not JSON", data.display(), i + 1))?;
        let (id, text, labels) = labelled_item(&v, i);
        if only_held_out && !held_out(&id) {
            continue;
        }
        let mut gold: Vec<String> = labels
            .iter()
            .filter_map(|l| map.get(l))
            .flatten()
            .filter_map(|q| level1(q))
            .collect();
        gold.sort();
        gold.dedup();
        if gold.is_empty() {
            continue;
        }
        let mut feats = std::collections::HashMap::new();
        add_features(&text, 1.0, &mut feats);
        let pred: Vec<String> = model
            .predict(&feats, 3, min_probability)
            .into_iter()
            .filter(|p| p.concept.level == 1)
            .map(|p| p.concept.qcode)
            .collect();
        n += 1;
        if pred.first().is_some_and(|p| gold.contains(p)) {
            top1 += 1;
        }
        for p in &pred {
            let e = per.entry(p.clone()).or_default();
            if gold.contains(p) {
                e.0 += 1.0
            } else {
                e.1 += 1.0
            }
        }
        for g in &gold {
            if !pred.contains(g) {
                per.entry(g.clone()).or_default().2 += 1.0;
            }
        }
    }
    let f1 = |tp: f64, fp: f64, fn_: f64| {
        if tp == 0.0 {
            0.0
        } else {
            2.0 * tp / (2.0 * tp + fp + fn_)
        }
    };
    let (tp, fp, fn_) = per
        .values()
        .fold((0.0, 0.0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
    let macro_f1 = per.values().map(|c| f1(c.0, c.1, c.2)).sum::<f64>() / per.len().max(1) as f64;
    println!(
        "topics on {} ({n} items{})",
        data.display(),
        if only_held_out {
            ", held-out tenth"
        } else {
            ""
        }
    );
    println!(
        "accuracy@1 {:.4}  ({top1}/{n}: top level-1 topic is a gold topic)",
        top1 as f64 / n.max(1) as f64
    );
    println!("micro-F1   {:.4}", f1(tp, fp, fn_));
    println!(
        "macro-F1   {:.4}  (over {} level-1 topics seen in gold or predictions)",
        macro_f1,
        per.len()
    );
    for (q, c) in &per {
        let name = model
            .concepts
            .iter()
            .find(|x| &x.qcode == q)
            .map_or("", |x| x.name.as_str());
        println!(
            "  {q} {name:<45} f1 {:.3} (tp {} fp {} fn {})",
            f1(c.0, c.1, c.2),
            c.0,
            c.1,
            c.2
        );
    }
    Ok(())
}

fn eval_dedup(data: &Path, n_variants: usize) -> Result<()> {
    use newsflow::document::Document;
    use newsflow::pipeline::Stage;
    use newsflow::stages::dedup::{Config, DedupStage};
    use newsflow::stages::fingerprint::{normalised_content, FingerprintStage};
    let fp = FingerprintStage::default();
    let stage = || {
        DedupStage::build(Config {
            store: "memory".into(),
            window_entries: 100_000,
            ..Config::default()
        })
        .map_err(anyhow::Error::msg)
    };
    let run_kind =
        |st: &DedupStage, id: &str, text: &str| -> (Option<String>, Option<&'static str>) {
            let mut doc = Document::from_text(text);
            doc.meta.id = Some(id.to_string());
            let _ = fp.run(&mut doc);
            let _ = st.run(&mut doc);
            doc.annotations
                .dedup
                .map_or((None, None), |d| (d.duplicate_of, d.kind))
        };
    let run = |st: &DedupStage, id: &str, text: &str| run_kind(st, id, text).0;
    let mut items: Vec<(String, String)> = Vec::new();
    for (i, line) in read_text(data)?.lines().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not JSON", data.display(), i + 1))?;
        let (id, text, _) = labelled_item(&v, i);
        items.push((id, text));
    }
    // 1. Exact duplicates.
    let st = stage()?;
    let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let (mut tp, mut fp_, mut fn_, mut near) = (0usize, 0usize, 0usize, 0usize);
    for (id, text) in &items {
        let norm = normalised_content(text);
        let gold = seen.get(&norm).cloned();
        let (dup, kind) = run_kind(&st, id, text);
        if kind == Some("near") {
            near += 1;
        }
        let pred = dup.filter(|_| kind == Some("exact"));
        match (&gold, &pred) {
            (Some(_), Some(_)) => tp += 1,
            (None, Some(_)) => fp_ += 1,
            (Some(_), None) => fn_ += 1,
            (None, None) => {}
        }
        seen.entry(norm).or_insert_with(|| id.clone());
    }
    let pr = |tp: usize, fp: usize, fn_: usize| {
        (
            tp as f64 / (tp + fp).max(1) as f64,
            tp as f64 / (tp + fn_).max(1) as f64,
        )
    };
    let (p, r) = pr(tp, fp_, fn_);
    println!("dedup on {} ({} articles)", data.display(), items.len());
    println!("exact     precision {p:.4} recall {r:.4}  (tp {tp} fp {fp_} fn {fn_}; gold = same normalised text as an earlier article)");
    println!(
        "          {near} further articles flagged as near-duplicates (not labelled in the data)"
    );
    // 2. Generated variants, after all originals.
    let st = stage()?;
    let mut unique: Vec<&(String, String)> = Vec::new();
    let mut norms = std::collections::HashSet::new();
    for it in &items {
        if norms.insert(normalised_content(&it.1)) {
            unique.push(it);
        }
    }
    for (id, text) in &unique {
        run(&st, id, text);
    }
    let replacement = [
        "apple", "river", "window", "garden", "silver", "morning", "engine", "castle",
    ];
    let mut kinds: Vec<(&str, usize, usize, usize)> = vec![
        ("trimmed", 0, 0, 0),
        ("re-headlined", 0, 0, 0),
        ("reordered", 0, 0, 0),
        ("10% words changed", 0, 0, 0),
    ];
    for (n, (id, text)) in unique.iter().take(n_variants).enumerate() {
        let paras: Vec<&str> = text.split("\n\n").collect();
        let keep = ((paras.len() as f64) * 0.6).ceil() as usize;
        let mut reordered = paras.clone();
        reordered.reverse();
        let changed: String = text
            .split(' ')
            .enumerate()
            .map(|(k, w)| {
                if k % 10 == 9 {
                    replacement[(k + n) % replacement.len()]
                } else {
                    w
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        let variants = [
            paras[..keep.max(1)].join("\n\n"),
            format!(
                "A different headline for story {n}\n\n{}",
                paras[1..].join("\n\n")
            ),
            reordered.join("\n\n"),
            changed,
        ];
        for (k, v) in variants.iter().enumerate() {
            match run(&st, &format!("{id}#v{k}"), v) {
                Some(orig) if &orig == id => kinds[k].1 += 1,
                Some(_) => kinds[k].2 += 1,
                None => kinds[k].3 += 1,
            }
        }
    }
    for (name, hit, wrong, miss) in &kinds {
        let (p, r) = pr(*hit, *wrong, *miss);
        println!(
            "{name:<18} precision {p:.4} recall {r:.4}  (of {} variants)",
            hit + wrong + miss
        );
    }
    let (h, w, m) = kinds
        .iter()
        .fold((0, 0, 0), |a, k| (a.0 + k.1, a.1 + k.2, a.2 + k.3));
    let (p, r) = pr(h, w, m);
    println!("variants  precision {p:.4} recall {r:.4}");
    Ok(())
}
