//! `newsflow train background`: the keyphrases stage's background document
//! frequencies (models/keyphrase-background.tsv), counted over open corpora.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use newsflow::stages::keyphrases;

/// Count, per lower-cased candidate word, the documents it occurs in; keep
/// words in at least `min_df` of them. Output is sorted (df descending, then
/// word), so the same corpora give the same file.
pub(crate) fn build_background(corpus: &[PathBuf], out: &Path, min_df: u32) -> Result<()> {
    let mut df: HashMap<String, u32> = HashMap::new();
    let mut docs: u32 = 0;
    for p in corpus {
        let text = super::read_text(p)?;
        let before = docs;
        for doc in documents(&text) {
            docs += 1;
            let mut seen: Vec<String> = newsflow::nlp::tokenize(&doc)
                .iter()
                .map(|t| t.text(&doc))
                .filter(|w| keyphrases::content(w))
                .map(str::to_lowercase)
                .collect();
            seen.sort_unstable();
            seen.dedup();
            for w in seen {
                *df.entry(w).or_default() += 1;
            }
        }
        eprintln!("{}: {} documents", p.display(), docs - before);
    }
    let mut rows: Vec<(&String, u32)> = df
        .iter()
        .filter(|(_, &n)| n >= min_df)
        .map(|(w, &n)| (w, n))
        .collect();
    rows.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut tsv = format!(
        "# newsflow keyphrase background: lower-cased word<TAB>documents it occurs in, \
         words in {min_df}+ documents. Rebuild and sources: models/keyphrases.md, NOTICE\n\
         #documents\t{docs}\n"
    );
    for (w, n) in &rows {
        tsv.push_str(w);
        tsv.push('\t');
        tsv.push_str(&n.to_string());
        tsv.push('\n');
    }
    let parsed = keyphrases::Background::parse(&tsv);
    anyhow::ensure!(
        parsed.len() == rows.len() && parsed.documents() == docs,
        "the written table does not parse back"
    );
    std::fs::write(out, &tsv).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "wrote {} ({docs} documents, {} of {} words, {} bytes)",
        out.display(),
        rows.len(),
        df.len(),
        tsv.len()
    );
    Ok(())
}

/// The documents of a corpus file: one per JSON line (title, headline,
/// short_description, text and body joined); in a CoNLL-U-style file, the
/// `# text = ` lines between `# newdoc` lines; otherwise one per
/// blank-line-separated block.
fn documents(text: &str) -> Vec<String> {
    if text.lines().any(|l| l.starts_with("# newdoc")) {
        let mut out: Vec<String> = Vec::new();
        for l in text.lines() {
            if l.starts_with("# newdoc") {
                out.push(String::new());
            } else if let (Some(t), Some(doc)) = (l.strip_prefix("# text = "), out.last_mut()) {
                doc.push_str(t);
                doc.push('\n');
            }
        }
        return out;
    }
    let mut out = Vec::new();
    let mut block = String::new();
    for (i, l) in text.lines().enumerate() {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(l) {
            if v.is_object() {
                out.push(super::labelled_item(&v, i).1);
                continue;
            }
        }
        if l.trim().is_empty() {
            if !block.trim().is_empty() {
                out.push(std::mem::take(&mut block));
            }
            block.clear();
        } else {
            block.push_str(l);
            block.push('\n');
        }
    }
    if !block.trim().is_empty() {
        out.push(block);
    }
    out
}
