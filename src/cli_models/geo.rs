//! `eval geo`: countries of focus against Reuters-21578 place labels.

use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};

use super::read_text;

pub(super) fn eval_geo(data: &Path, mapping: &Path, limit: usize) -> Result<()> {
    use newsflow::stages::Stage;
    use newsflow::stages::{entities, structure};
    use newsflow::stages::{Annotations, Article};
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
        let mut out = Annotations::default();
        let doc = Article::from_text(&text);
        let _ = st.run(&doc, &mut out);
        let _ = en.run(&doc, &mut out);
        let ranked: Vec<String> = out
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
    outln!(
        "geo on {} ({n} articles with mapped places)",
        data.display()
    );
    outln!(
        "accuracy@1  {:.4}  ({top1}/{n}: top country of focus is a gold place)",
        top1 as f64 / n.max(1) as f64
    );
    outln!("recall      {:.4}  ({gold_found}/{gold_total} gold countries found among the countries of focus)", gold_found as f64 / gold_total.max(1) as f64);
    if unmapped > 0 {
        outln!("({unmapped} gold place codes had no mapping and were ignored)");
    }
    Ok(())
}
