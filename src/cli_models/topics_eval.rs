//! `eval topics`: accuracy@1 and micro/macro F1 of the level-1 Media
//! Topics on labelled JSON lines, optionally on two-topic mixtures, with
//! an optional per-item predictions file for error analysis.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};

use super::read_text;
use super::topics::{labelled_items, read_mapping};

/// Which stable half of an evaluation set to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Split {
    All,
    Dev,
    Test,
}

impl Split {
    fn keeps(self, id: &str) -> bool {
        let dev = newsflow::text::fnv(7, &[id]) % 2 == 0;
        match self {
            Split::All => true,
            Split::Dev => dev,
            Split::Test => !dev,
        }
    }
}

/// The options of `eval topics`.
#[derive(clap::Args)]
pub(crate) struct EvalTopics {
    /// Labelled JSON lines, gzipped or not: text from title, headline,
    /// short_description, text or body; labels from category or categories.
    #[arg(long, value_name = "FILE")]
    pub data: PathBuf,
    /// The data's labels to Media Topics: `label<TAB>qcode[,qcode]` per line,
    /// `#` comments. Items whose labels map to nothing are skipped.
    #[arg(long, value_name = "FILE")]
    pub mapping: PathBuf,
    /// Only the items training left out (a stable tenth by id).
    #[arg(long)]
    pub held_out: bool,
    /// Score a stable half of the items (by id): choose model settings on
    /// `dev`, report `test`, so the reported figure was not tuned on.
    #[arg(long, value_enum, default_value_t = Split::All)]
    pub split: Split,
    /// Also score up to N two-topic documents, each two items with different
    /// gold topics joined (the first half of the items with the second
    /// half). Single-label data cannot show whether a second topic is
    /// emitted when it should be; these can.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub mixtures: usize,
    /// A topic model file to score instead of the embedded models/topics.tsv.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// Emit further level-1 topics at or above this probability (the stage's
    /// `min_probability`; the default is the shipped setting).
    #[arg(long, default_value_t = newsflow::stages::topics::DEFAULT_MIN_PROBABILITY, value_name = "P")]
    pub min_probability: f64,
    /// Write one JSON line per scored item (not mixtures) to FILE: its id,
    /// gold and predicted level-1 topics, and every level-1 topic's
    /// probability. For error analysis, or for combining with another model.
    #[arg(long, value_name = "FILE")]
    pub predictions: Option<PathBuf>,
}

/// Per level-1 topic: true positives, false positives, false negatives.
type Counts = std::collections::BTreeMap<String, (f64, f64, f64)>;

/// Scores of one set of documents.
#[derive(Default)]
struct Scores {
    n: usize,
    top1: usize,
    /// Documents given more than one level-1 topic.
    several: usize,
    per: Counts,
    /// Per gold topic: documents, and those whose top topic is gold.
    top1_by_gold: std::collections::BTreeMap<String, (usize, usize)>,
}

impl Scores {
    fn add(&mut self, pred: &[String], gold: &[String]) {
        self.n += 1;
        let hit = usize::from(pred.first().is_some_and(|p| gold.contains(p)));
        self.top1 += hit;
        for g in gold {
            let e = self.top1_by_gold.entry(g.clone()).or_default();
            e.0 += 1;
            e.1 += hit;
        }
        self.several += usize::from(pred.len() > 1);
        for p in pred {
            let e = self.per.entry(p.clone()).or_default();
            if gold.contains(p) {
                e.0 += 1.0;
            } else {
                e.1 += 1.0;
            }
        }
        for g in gold.iter().filter(|g| !pred.contains(g)) {
            self.per.entry(g.clone()).or_default().2 += 1.0;
        }
    }

    fn print(&self, model: &newsflow::topics::TopicModel, per_topic: bool) -> Result<()> {
        let f1 = |tp: f64, fp: f64, fn_: f64| {
            if tp == 0.0 {
                0.0
            } else {
                2.0 * tp / (2.0 * tp + fp + fn_)
            }
        };
        let (tp, fp, fn_) = self
            .per
            .values()
            .fold((0.0, 0.0, 0.0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2));
        let n = self.n.max(1) as f64;
        outln!(
            "accuracy@1 {:.4}  ({}/{}: top level-1 topic is a gold topic)",
            self.top1 as f64 / n,
            self.top1,
            self.n
        );
        outln!("micro-F1   {:.4}", f1(tp, fp, fn_));
        outln!(
            "macro-F1   {:.4}  (over {} level-1 topics seen in gold or predictions)",
            self.per.values().map(|c| f1(c.0, c.1, c.2)).sum::<f64>()
                / self.per.len().max(1) as f64,
            self.per.len()
        );
        outln!(
            "several    {:.4}  (share of documents given more than one level-1 topic)",
            self.several as f64 / n
        );
        if !per_topic {
            return Ok(());
        }
        for (q, c) in &self.per {
            let name = model
                .concepts
                .iter()
                .find(|x| &x.qcode == q)
                .map_or("", |x| x.name.as_str());
            let top1 = self
                .top1_by_gold
                .get(q)
                .map_or(String::new(), |(n, k)| format!("; top topic for {k}/{n}"));
            outln!(
                "  {q} {name:<45} f1 {:.3} (tp {} fp {} fn {}{top1})",
                f1(c.0, c.1, c.2),
                c.0,
                c.1,
                c.2
            );
        }
        Ok(())
    }
}

pub(super) fn eval_topics(opts: EvalTopics) -> Result<()> {
    use newsflow::topics::{train::held_out, vocab::add_features, TopicModel};
    let loaded;
    let model = match &opts.model {
        Some(p) => {
            loaded = TopicModel::parse(&read_text(p)?)
                .with_context(|| format!("cannot load topic model {}", p.display()))?;
            &loaded
        }
        None => TopicModel::embedded().map_err(|e| anyhow::anyhow!("{e}"))?,
    };
    let data = &opts.data;
    let map = read_mapping(&opts.mapping)?;
    let level1 = |q: &str| -> Option<String> {
        let c = model.concepts.iter().find(|c| c.qcode == q)?;
        Some(if c.level == 1 {
            c.qcode.clone()
        } else {
            c.parent.clone()?
        })
    };
    // (id, text, level-1 gold topics)
    let items: Vec<(String, String, Vec<String>)> = labelled_items(data, &map, |id| {
        (!opts.held_out || held_out(id)) && opts.split.keeps(id)
    })?
    .into_iter()
    .map(|(id, text, codes)| {
        let mut gold: Vec<String> = codes.iter().filter_map(|q| level1(q)).collect();
        gold.sort();
        gold.dedup();
        (id, text, gold)
    })
    .filter(|(_, _, gold)| !gold.is_empty())
    .collect();
    // Level-1 topics with their probabilities: the emitted ones, or all.
    let level1_of = |text: &str, all: bool| -> Vec<(String, f64)> {
        let mut feats = HashMap::new();
        add_features(text, 1.0, &mut feats);
        let (max, min) = if all {
            (usize::MAX, 0.0)
        } else {
            (3, opts.min_probability)
        };
        model
            .predict(&feats, max, min)
            .into_iter()
            .filter(|p| p.concept.level == 1)
            .map(|p| (p.concept.qcode, p.probability))
            .collect()
    };
    let predict =
        |text: &str| -> Vec<String> { level1_of(text, false).into_iter().map(|p| p.0).collect() };
    let mut out = match &opts.predictions {
        Some(p) => Some(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => None,
    };
    let mut single = Scores::default();
    for (id, text, gold) in &items {
        let pred = predict(text);
        if let Some(w) = out.as_mut() {
            let all: serde_json::Map<String, serde_json::Value> = level1_of(text, true)
                .into_iter()
                .map(|(q, p)| (q, serde_json::json!((p * 1e4).round() / 1e4)))
                .collect();
            let line =
                serde_json::json!({"id": id, "gold": gold, "predicted": pred, "level1": all});
            writeln!(w, "{line}").context("cannot write --predictions")?;
        }
        single.add(&pred, gold);
    }
    if let Some(mut w) = out {
        w.flush().context("cannot write --predictions")?;
    }
    let mut mixed = Scores::default();
    let half = items.len() / 2;
    for (a, b) in items[..half].iter().zip(&items[half..]) {
        if mixed.n >= opts.mixtures {
            break;
        }
        if a.2.iter().any(|g| b.2.contains(g)) {
            continue;
        }
        let mut gold = [a.2.clone(), b.2.clone()].concat();
        gold.sort();
        mixed.add(&predict(&format!("{}\n\n{}", a.1, b.1)), &gold);
    }
    let mut what = Vec::new();
    if opts.held_out {
        what.push("held-out tenth");
    }
    match opts.split {
        Split::All => {}
        Split::Dev => what.push("dev half"),
        Split::Test => what.push("test half"),
    }
    outln!(
        "topics on {} ({} items{}{}), min probability {}",
        data.display(),
        single.n,
        if what.is_empty() { "" } else { ", " },
        what.join(", "),
        opts.min_probability
    );
    single.print(model, true)?;
    if opts.mixtures > 0 {
        outln!(
            "\ntwo-topic mixtures ({} documents, each two items with different gold topics joined)",
            mixed.n
        );
        mixed.print(model, false)?;
    }
    Ok(())
}
