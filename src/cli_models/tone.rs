//! `eval tone`: sentence tone toward named people (NewsMTSC).

use std::path::Path;

use anyhow::{Context, Result};

use super::read_text;

pub(super) fn eval_tone(data: &Path) -> Result<()> {
    use newsflow::stages::tone::{label, score_words, Valences};
    let lex = Valences::embedded();
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
    outln!("tone on {} ({total} targets)", data.display());
    outln!("accuracy  {:.4}", correct as f64 / total.max(1) as f64);
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
        outln!(
            "{c:<9} precision {p:.4} recall {r:.4} f1 {f:.4} (gold {})",
            confusion[k].iter().sum::<usize>()
        );
    }
    outln!("macro-F1  {:.4}", f1s.iter().sum::<f64>() / 3.0);
    Ok(())
}
