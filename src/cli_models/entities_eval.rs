//! `eval entities`: the entities stage over whole articles (GUM news and
//! interviews, re3d, Wikinews articles annotated for this repo), scored one
//! entry per real-world entity (see `newsflow::ner::entity_score`).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use newsflow::ner::corpora::{self, GoldDoc};
use newsflow::ner::entity_score::{self, Predicted, Tally};
use newsflow::ner::span_gold;

#[derive(clap::Args)]
pub(crate) struct EvalEntities {
    /// GUM documents: the .tar.gz of WebAnno TSV files, a directory of them, or one .tsv file.
    /// Repeatable. e.g. ../shared/data/ner/gum-news/gum-news-interview-tsv.tar.gz
    #[arg(long, value_name = "PATH")]
    gum: Vec<PathBuf>,
    /// re3d: a folder with documents.json and entities.json (.gz allowed), or a directory of such
    /// folders. Repeatable. e.g. ../shared/data/ner/re3d
    #[arg(long, value_name = "DIR")]
    re3d: Vec<PathBuf>,
    /// Wikipedia Current Events items (JSON lines with id, text and linked entities, .gz allowed):
    /// recall of the linked names' spans on fresh news, per half (dev, read; test, never read).
    /// e.g. ../shared/data/wikipedia-current-events/items.jsonl.gz
    #[arg(long, value_name = "PATH")]
    wcep: Option<PathBuf>,
    /// Entities annotated for this repo, as byte offsets (article_id, start, end, type,
    /// entity; see eval/wikinews-entities-dev3.tsv or eval/bbc-entities.tsv), scored per
    /// half: the articles at even positions of the file (dev, read) and at odd ones (test,
    /// never read: --errors leaves them out). The figures are named after the file: its name
    /// up to the first '-' ("Wikinews", "BBC"). Needs --data. Also `--spans`.
    #[arg(long, visible_alias = "spans", value_name = "FILE", requires = "data")]
    wikinews: Option<PathBuf>,
    /// The articles --wikinews points into: JSON lines with `id` and `text` (.gz allowed),
    /// e.g. ../shared/data/wikinews/articles.jsonl.gz or
    /// ../shared/data/topic-classification/bbc-news/bbc-news-2225.jsonl.gz
    #[arg(long, value_name = "FILE", requires = "wikinews")]
    data: Option<PathBuf>,
    /// Print each document's missed, spurious, split and mistyped entities.
    #[arg(long)]
    errors: bool,
}

/// The name of a span-gold file's figures: its file name up to the first
/// '-', capitalised, or all capitals when it is an acronym's length
/// ("wikinews-entities-dev3.tsv" -> "Wikinews", "bbc-entities.tsv" -> "BBC").
fn spans_label(gold: &Path) -> String {
    let stem = gold.file_name().and_then(|n| n.to_str()).unwrap_or("spans");
    let word = stem.split(['-', '.']).next().unwrap_or(stem);
    if word.chars().count() <= 4 {
        return word.to_uppercase();
    }
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The span gold named in `gold`, over the texts of `data`: (group,
/// document) pairs, the group "<label> dev-half" or "<label> test-half"
/// (`spans_label`).
fn wikinews_docs(gold: &Path, data: &Path) -> Result<Vec<(String, GoldDoc)>> {
    let label = spans_label(gold);
    let lines = span_gold::parse(&super::read_text(gold)?)
        .map_err(|e| anyhow::anyhow!("{}: {e}", gold.display()))?;
    let mut order: Vec<&str> = Vec::new();
    for l in &lines {
        if !order.contains(&l.article.as_str()) {
            order.push(&l.article);
        }
    }
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    for (n, line) in super::read_text(data)?.lines().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not JSON", data.display(), n + 1))?;
        let id = v["id"].as_str().unwrap_or("");
        if order.contains(&id) {
            texts.insert(id.to_string(), v["text"].as_str().unwrap_or("").to_string());
        }
    }
    let mut out = Vec::new();
    for (i, id) in order.iter().enumerate() {
        let Some(text) = texts.get(*id) else {
            bail!(
                "{}: article {id} is not in {} (wrong data file?)",
                gold.display(),
                data.display()
            );
        };
        let mine: Vec<&span_gold::SpanLine> = lines.iter().filter(|l| l.article == *id).collect();
        let doc = span_gold::document(id, text, &mine)
            .map_err(|e| anyhow::anyhow!("{}: {e}", gold.display()))?;
        let half = if i % 2 == 0 { "dev-half" } else { "test-half" };
        out.push((format!("{label} {half}"), doc));
    }
    Ok(out)
}

fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut out)
            .with_context(|| format!("{}: not a valid gzip file", path.display()))?;
        Ok(out)
    } else {
        Ok(bytes)
    }
}

/// (group, document) pairs of one --gum argument.
fn gum_docs(path: &Path) -> Result<Vec<(String, GoldDoc)>> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let name = path.to_string_lossy();
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .with_context(|| format!("cannot list {}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
            .collect();
        entries.sort();
        for p in entries {
            files.push((p.to_string_lossy().into_owned(), read_bytes(&p)?));
        }
    } else if name.ends_with(".tar.gz") || name.ends_with(".tar") || name.ends_with(".tgz") {
        let tar = read_bytes(path)?;
        files = corpora::tar_files(&tar).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        files.retain(|(n, _)| n.ends_with(".tsv"));
        files.sort();
    } else {
        files.push((name.into_owned(), read_bytes(path)?));
    }
    if files.is_empty() {
        bail!("{}: no GUM .tsv documents found (expected WebAnno TSV 3.2 files, a directory or a .tar.gz of them)", path.display());
    }
    files
        .into_iter()
        .map(|(n, bytes)| {
            let base = n.rsplit('/').next().unwrap_or(&n).to_string();
            let group = if base.contains("_interview_") {
                "GUM interview"
            } else {
                "GUM news"
            };
            let doc = corpora::read_gum(&base, &String::from_utf8_lossy(&bytes))
                .map_err(anyhow::Error::msg)?;
            Ok((group.to_string(), doc))
        })
        .collect()
}

fn re3d_file(dir: &Path, stem: &str) -> Option<PathBuf> {
    [format!("{stem}.json"), format!("{stem}.json.gz")]
        .into_iter()
        .map(|f| dir.join(f))
        .find(|p| p.is_file())
}

/// (group, document) pairs of one --re3d argument.
fn re3d_docs(path: &Path) -> Result<Vec<(String, GoldDoc)>> {
    let mut folders = Vec::new();
    if re3d_file(path, "documents").is_some() {
        folders.push(path.to_path_buf());
    } else {
        let mut subs: Vec<PathBuf> = std::fs::read_dir(path)
            .with_context(|| format!("cannot list {}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| re3d_file(p, "documents").is_some())
            .collect();
        subs.sort();
        folders = subs;
    }
    if folders.is_empty() {
        bail!("{}: no re3d folder found (expected documents.json and entities.json, or folders holding them)", path.display());
    }
    let mut out = Vec::new();
    for f in folders {
        let folder = f.file_name().map_or_else(
            || f.to_string_lossy().into_owned(),
            |n| n.to_string_lossy().into_owned(),
        );
        let docs = re3d_file(&f, "documents").expect("checked above");
        let Some(ents) = re3d_file(&f, "entities") else {
            bail!("{}: has documents.json but no entities.json", f.display());
        };
        let docs = String::from_utf8_lossy(&read_bytes(&docs)?).into_owned();
        let ents = String::from_utf8_lossy(&read_bytes(&ents)?).into_owned();
        for d in corpora::read_re3d(&folder, &docs, &ents).map_err(anyhow::Error::msg)? {
            out.push((format!("re3d {folder}"), d));
        }
    }
    Ok(out)
}

pub(super) fn eval_entities(opts: EvalEntities) -> Result<()> {
    use newsflow::stages::{entities, structure, Annotations, Article, Stage};
    if opts.gum.is_empty() && opts.re3d.is_empty() && opts.wcep.is_none() && opts.wikinews.is_none()
    {
        bail!("nothing to score: give --gum PATH, --re3d DIR, --wikinews FILE --data FILE and/or --wcep PATH (see `newsflow eval entities --help`)");
    }
    let mut docs = Vec::new();
    for p in &opts.gum {
        docs.extend(gum_docs(p)?);
    }
    for p in &opts.re3d {
        docs.extend(re3d_docs(p)?);
    }
    if let (Some(gold), Some(data)) = (&opts.wikinews, &opts.data) {
        docs.extend(wikinews_docs(gold, data)?);
    }
    let st = structure::StructureStage::default();
    let en =
        entities::EntitiesStage::build(entities::Config::default()).map_err(anyhow::Error::msg)?;
    let mut groups: BTreeMap<String, Tally> = BTreeMap::new();
    let mut corpus_totals: BTreeMap<String, Tally> = BTreeMap::new();
    for (group, doc) in &docs {
        let article = Article::from_text(&doc.text);
        let mut out = Annotations::default();
        let _ = st.run(&article, &mut out);
        en.run(&article, &mut out)
            .map_err(|e| anyhow::anyhow!("{}: entities stage failed: {e}", doc.name))?;
        let predicted: Vec<Predicted> = out
            .entities
            .map(|e| e.entities)
            .unwrap_or_default()
            .into_iter()
            .map(|e| Predicted {
                name: e.name,
                kind: e.kind,
                aliases: e.aliases,
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| newsflow::document::Span::new(m.start, m.end))
                    .collect(),
            })
            .collect();
        let t = entity_score::score(doc, &predicted);
        if opts.errors && !group.ends_with("test-half") {
            out!("{}", entity_score::errors(doc, &predicted));
        }
        groups.entry(group.clone()).or_default().add(&t);
        let corpus = group.split(' ').next().unwrap_or(group).to_string();
        corpus_totals.entry(corpus).or_default().add(&t);
    }
    if !docs.is_empty() {
        outln!("entities over whole documents: one entry per real-world entity (see `eval entities --help`)\n");
    }
    for (name, t) in corpus_totals.iter().chain(&groups) {
        let o = t.overall();
        outln!(
            "{name:<44} {:>4} docs  P {:.4}  R {:.4}  F1 {:.4}  (no type: F1 {:.4})",
            t.docs,
            o.precision(),
            o.recall(),
            o.f1(),
            t.untyped.f1()
        );
    }
    for (name, t) in &corpus_totals {
        outln!("\n{name}, {} documents:\n{}", t.docs, t.report());
    }
    if let Some(path) = &opts.wcep {
        super::wcep_eval::eval_wcep(path, &en)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::spans_label;

    fn check(file: &str, expect: &str) {
        assert_eq!(spans_label(std::path::Path::new(file)), expect, "{file}");
    }

    #[test]
    fn span_gold_figures_are_named_after_the_file() {
        check("eval/wikinews-entities-dev3.tsv", "Wikinews");
        check("eval/bbc-entities.tsv", "BBC");
        check("gold.tsv", "GOLD");
        check("newsroom.tsv", "Newsroom");
    }
}
