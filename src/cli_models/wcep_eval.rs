//! `eval entities --wcep`: the entities stage over Wikipedia Current
//! Events items (2025-26 news, one or two sentences each), scored against
//! the names their editors linked (`newsflow::ner::link_spans`), per half
//! of the items: "dev" was read while building rules, "test" never.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{bail, Context, Result};
use newsflow::document::Span;
use newsflow::ner::link_spans::{self, LinkTally};
use newsflow::stages::{entities, structure, Annotations, Article, Stage};

use super::read_text;

/// The byte offset of character `c` of `text` (the items count
/// characters, as Python does).
fn byte_at(text: &str, c: usize) -> Option<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .nth(c)
}

/// One item's linked names as byte spans, names only (`link_spans::is_name`).
fn linked_names(v: &serde_json::Value, text: &str, at: &str) -> Result<Vec<Span>> {
    let mut out = Vec::new();
    for (k, e) in v["entities"].as_array().into_iter().flatten().enumerate() {
        let (Some(s), Some(end)) = (e["start"].as_u64(), e["end"].as_u64()) else {
            bail!("{at}: entities[{k}] has no numeric start/end (expected character offsets)");
        };
        let (Some(s), Some(end)) = (byte_at(text, s as usize), byte_at(text, end as usize)) else {
            bail!("{at}: entities[{k}] {s}..{end} lies outside the text");
        };
        if s < end && link_spans::is_name(&text[s..end]) {
            out.push(Span::new(s, end));
        }
    }
    Ok(out)
}

/// Scores every item of `path` and prints one line per half and overall.
pub(super) fn eval_wcep(path: &Path, en: &entities::EntitiesStage) -> Result<()> {
    let st = structure::StructureStage::default();
    let mut halves: BTreeMap<&str, LinkTally> = BTreeMap::new();
    for (i, line) in read_text(path)?.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{}:{}", path.display(), i + 1);
        let v: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("{at}: not JSON"))?;
        let (Some(id), Some(text)) = (v["id"].as_str(), v["text"].as_str()) else {
            bail!("{at}: an item needs \"id\" and \"text\" strings");
        };
        let gold = linked_names(&v, text, &at)?;
        let article = Article::from_text(text);
        let mut out = Annotations::default();
        let _ = st.run(&article, &mut out);
        en.run(&article, &mut out)
            .map_err(|e| anyhow::anyhow!("{at}: entities stage failed: {e}"))?;
        let predicted: Vec<Span> = out
            .entities
            .map(|e| e.entities)
            .unwrap_or_default()
            .iter()
            .flat_map(|e| e.mentions.iter().map(|m| Span::new(m.start, m.end)))
            .collect();
        halves
            .entry(link_spans::half(id))
            .or_default()
            .add(&link_spans::score(&gold, &predicted));
    }
    if halves.is_empty() {
        bail!(
            "{}: no items (expected JSON lines with id, text and entities)",
            path.display()
        );
    }
    let mut all = LinkTally::default();
    outln!(
        "\nlinked names of {} (name spans only, any type; see `eval entities --help`):",
        path.display()
    );
    for (half, t) in &halves {
        all.add(t);
        let note = if *half == "dev" {
            "read while building rules"
        } else {
            "never read"
        };
        outln!("  {half:<5} {}   ({note})", t.line());
    }
    outln!("  all   {}", all.line());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn character_offsets_become_byte_offsets() {
        let text = "Laʻauli met Éireann";
        assert_eq!(byte_at(text, 0), Some(0));
        assert_eq!(byte_at(text, 8), Some(9)); // "ʻ" is two bytes
        assert_eq!(byte_at(text, 19), Some(text.len()));
        assert_eq!(byte_at(text, 20), None);
        let v = serde_json::json!({"entities": [
            {"mention": "Laʻauli", "start": 0, "end": 7},
            {"mention": "met", "start": 8, "end": 11},
            {"mention": "Éireann", "start": 12, "end": 19}
        ]});
        let got = linked_names(&v, text, "t").unwrap();
        let names: Vec<&str> = got.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(names, ["Laʻauli", "Éireann"]);
        let bad = serde_json::json!({"entities": [{"start": 0, "end": 99}]});
        let err = linked_names(&bad, text, "t:1").unwrap_err().to_string();
        assert!(err.contains("t:1") && err.contains("outside"), "{err}");
    }
}
