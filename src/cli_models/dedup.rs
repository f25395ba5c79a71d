//! `eval dedup`: exact and near-duplicate detection on BBC News and variants.

use std::path::Path;

use anyhow::{Context, Result};

use super::{labelled_item, read_text};

pub(super) fn eval_dedup(data: &Path, n_variants: usize) -> Result<()> {
    use newsflow::stages::dedup::{Config, DedupStage};
    use newsflow::stages::fingerprint::{normalised_content, FingerprintStage};
    use newsflow::stages::Stage;
    use newsflow::stages::{Annotations, Article};
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
            let mut out = Annotations::default();
            let mut doc = Article::from_text(text);
            doc.meta.id = Some(id.to_string());
            let _ = fp.run(&doc, &mut out);
            let _ = st.run(&doc, &mut out);
            out.dedup.map_or((None, None), |d| (d.duplicate_of, d.kind))
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
    outln!("dedup on {} ({} articles)", data.display(), items.len());
    outln!("exact     precision {p:.4} recall {r:.4}  (tp {tp} fp {fp_} fn {fn_}; gold = same normalised text as an earlier article)");
    outln!(
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
        outln!(
            "{name:<18} precision {p:.4} recall {r:.4}  (of {} variants)",
            hit + wrong + miss
        );
    }
    let (h, w, m) = kinds
        .iter()
        .fold((0, 0, 0), |a, k| (a.0 + k.1, a.1 + k.2, a.2 + k.3));
    let (p, r) = pr(h, w, m);
    outln!("variants  precision {p:.4} recall {r:.4}");
    Ok(())
}
