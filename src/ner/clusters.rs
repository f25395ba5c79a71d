//! Distributional word clusters: words that occur between the same
//! neighbours get the same id. Built by `newsflow train clusters` with
//! spherical k-means over left/right-neighbour count vectors (PPMI-weighted)
//! from unlabelled news text; shipped as models/clusters.tsv (word, id) and
//! used as NER features for words the labelled data never showed.

use std::collections::HashMap;
use std::path::Path;

/// word (lower-case) → cluster ids, one per granularity (coarse to fine).
#[derive(Debug, Default)]
pub struct Clusters(crate::text::ModelMap<String, Vec<u16>>);

pub const EMBEDDED: &str = include_str!("../../models/clusters.tsv");

impl Clusters {
    pub fn parse(tsv: &str) -> Clusters {
        Clusters(
            tsv.lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| {
                    let mut f = l.split('\t');
                    let w = f.next()?;
                    let ids: Vec<u16> = f.filter_map(|c| c.trim().parse().ok()).collect();
                    (!ids.is_empty()).then(|| (w.to_string(), ids))
                })
                .collect(),
        )
    }

    pub fn embedded() -> &'static Clusters {
        static C: std::sync::OnceLock<Clusters> = std::sync::OnceLock::new();
        C.get_or_init(|| Clusters::parse(EMBEDDED))
    }

    pub fn get(&self, lower: &str) -> Option<&[u16]> {
        self.0.get(lower).map(Vec::as_slice)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Collect sentences of lower-cased tokens from JSONL (every string field of
/// five words or more), CoNLL (first column) or plain-text files; `.gz` ok.
pub fn read_corpus(path: &Path) -> std::io::Result<Vec<Vec<String>>> {
    let p = path.display().to_string();
    let text = crate::datafile::read_text(path)?;
    let lower_tokens = |t: &str| -> Vec<String> {
        crate::nlp::tokenize(t)
            .iter()
            .map(|tok| tok.text(t).to_lowercase())
            .collect()
    };
    let mut out = Vec::new();
    if p.contains("conll") || p.contains("eng.") {
        for s in super::conll::parse(&text, &p)
            .unwrap_or_default()
            .iter()
            .flat_map(|d| &d.sentences)
        {
            out.push(s.words.iter().map(|w| w.to_lowercase()).collect());
        }
        return Ok(out);
    }
    for line in text.lines() {
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(v) => {
                let mut strings = Vec::new();
                collect_strings(&v, &mut strings);
                for s in strings {
                    for para in s.split("\n\n") {
                        out.push(lower_tokens(para));
                    }
                }
            }
            Err(_) => out.push(lower_tokens(line)),
        }
    }
    Ok(out)
}

fn collect_strings<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    match v {
        serde_json::Value::String(s) if s.split_whitespace().count() >= 5 => out.push(s),
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}

/// Cluster every word seen at least `min_count` times into `k` clusters.
pub fn build(
    sentences: &[Vec<String>],
    k: usize,
    min_count: u32,
    iterations: usize,
    mut progress: impl FnMut(usize, f64),
) -> Vec<(String, u16)> {
    let mut freq: HashMap<&str, u32> = HashMap::new();
    for s in sentences {
        for w in s {
            *freq.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut by_freq: Vec<(&str, u32)> = freq.iter().map(|(w, c)| (*w, *c)).collect();
    by_freq.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let n_ctx = 1000.min(by_freq.len());
    let ctx: HashMap<&str, usize> = by_freq[..n_ctx]
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (*w, i))
        .collect();
    let vocab: Vec<&str> = by_freq
        .iter()
        .filter(|(_, c)| *c >= min_count)
        .map(|(w, _)| *w)
        .collect();
    let index: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, w)| (*w, i)).collect();
    // Sparse co-occurrence: left neighbour in [0, n_ctx), right in [n_ctx, 2 n_ctx).
    let mut counts: Vec<HashMap<u32, f32>> = vec![HashMap::new(); vocab.len()];
    let mut col_tot = vec![0f32; 2 * n_ctx];
    let mut total = 0f32;
    for s in sentences {
        for (i, w) in s.iter().enumerate() {
            let Some(&row) = index.get(w.as_str()) else {
                continue;
            };
            let mut add = |col: usize| {
                *counts[row].entry(col as u32).or_default() += 1.0;
                col_tot[col] += 1.0;
                total += 1.0;
            };
            if let Some(&c) = i.checked_sub(1).and_then(|j| ctx.get(s[j].as_str())) {
                add(c);
            }
            if let Some(&c) = s.get(i + 1).and_then(|n| ctx.get(n.as_str())) {
                add(n_ctx + c);
            }
        }
    }
    // PPMI weighting, then L2-normalise rows.
    let rows: Vec<Vec<(u32, f32)>> = counts
        .iter()
        .map(|m| {
            let row_tot: f32 = m.values().sum();
            let mut v: Vec<(u32, f32)> = m
                .iter()
                .filter_map(|(&c, &n)| {
                    let pmi = ((n * total) / (row_tot * col_tot[c as usize])).ln();
                    (pmi > 0.0).then_some((c, pmi))
                })
                .collect();
            let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt().max(1e-9);
            v.iter_mut().for_each(|(_, x)| *x /= norm);
            v
        })
        .collect();
    let dim = 2 * n_ctx;
    let k = k.min(rows.len()).max(1);
    // Initialise centroids on evenly spaced words by frequency rank.
    let mut centroids: Vec<Vec<f32>> = (0..k)
        .map(|j| {
            let mut c = vec![0f32; dim];
            for &(i, x) in &rows[j * rows.len() / k] {
                c[i as usize] = x;
            }
            c
        })
        .collect();
    let mut assign = vec![0usize; rows.len()];
    for it in 0..iterations {
        let mut sim_sum = 0f64;
        for (r, row) in rows.iter().enumerate() {
            let mut best = (0, f32::NEG_INFINITY);
            for (j, c) in centroids.iter().enumerate() {
                let s: f32 = row.iter().map(|&(i, x)| x * c[i as usize]).sum();
                if s > best.1 {
                    best = (j, s);
                }
            }
            assign[r] = best.0;
            sim_sum += f64::from(best.1.max(0.0));
        }
        for c in centroids.iter_mut() {
            c.iter_mut().for_each(|x| *x = 0.0);
        }
        for (r, row) in rows.iter().enumerate() {
            for &(i, x) in row {
                centroids[assign[r]][i as usize] += x;
            }
        }
        for c in centroids.iter_mut() {
            let norm = c.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
            c.iter_mut().for_each(|x| *x /= norm);
        }
        progress(it + 1, sim_sum / rows.len().max(1) as f64);
    }
    vocab
        .iter()
        .zip(assign)
        .map(|(w, a)| (w.to_string(), a as u16))
        .collect()
}
