//! Entity-level scoring with conlleval semantics: a predicted chunk counts
//! only if its boundaries and type match a gold chunk exactly. Chunking
//! follows conlleval's start/end-of-chunk rules, so IOB1 and IOB2 both read.

use std::collections::BTreeMap;
use std::fmt::Write;

fn split(tag: &str) -> (&str, &str) {
    tag.split_once('-')
        .unwrap_or((if tag == "O" { "O" } else { tag }, ""))
}

fn end_of_chunk(prev: &str, prev_type: &str, tag: &str, ty: &str) -> bool {
    matches!(
        (prev, tag),
        ("B" | "I", "B") | ("B" | "I" | "E", "O") | ("E", "E" | "I") | ("S", _)
    ) || (prev != "O" && prev != "." && prev_type != ty)
}

fn start_of_chunk(prev: &str, prev_type: &str, tag: &str, ty: &str) -> bool {
    matches!(
        (prev, tag),
        ("B" | "I" | "O", "B") | ("O" | "E", "I" | "E") | (_, "S")
    ) || (tag != "O" && tag != "." && prev_type != ty)
}

/// Chunks (start, end, type) of one sentence's tags.
pub fn chunks(tags: &[&str]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let (mut prev, mut prev_type) = ("O", "");
    let mut open: Option<(usize, String)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (tag, ty) = split(t);
        if open.is_some() && end_of_chunk(prev, prev_type, tag, ty) {
            let (s, k) = open.take().expect("checked");
            out.push((s, i, k));
        }
        if start_of_chunk(prev, prev_type, tag, ty) {
            open = Some((i, ty.to_string()));
        }
        prev = tag;
        prev_type = ty;
    }
    if let Some((s, k)) = open {
        out.push((s, tags.len(), k));
    }
    out
}

#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Accumulated scores per type and overall.
#[derive(Debug, Default)]
pub struct Score {
    pub by_type: BTreeMap<String, Counts>,
    pub overall: Counts,
    pub tokens: usize,
}

impl Score {
    pub fn add(&mut self, gold: &[&str], pred: &[&str]) {
        self.tokens += gold.len();
        let g = chunks(gold);
        let p = chunks(pred);
        for c in &p {
            let e = self.by_type.entry(c.2.clone()).or_default();
            if g.contains(c) {
                e.tp += 1;
                self.overall.tp += 1;
            } else {
                e.fp += 1;
                self.overall.fp += 1;
            }
        }
        for c in &g {
            if !p.contains(c) {
                self.by_type.entry(c.2.clone()).or_default().fn_ += 1;
                self.overall.fn_ += 1;
            }
        }
    }

    pub fn report(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<8} {:>9} {:>9} {:>9} {:>7} {:>7} {:>7}",
            "type", "precision", "recall", "f1", "tp", "fp", "fn"
        );
        let line = |name: &str, c: &Counts| {
            format!(
                "{name:<8} {:>9.4} {:>9.4} {:>9.4} {:>7} {:>7} {:>7}\n",
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            )
        };
        for (t, c) in &self.by_type {
            s.push_str(&line(t, c));
        }
        s.push_str(&line("overall", &self.overall));
        let _ = writeln!(s, "({} tokens)", self.tokens);
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(gold: &[&str], pred: &[&str], tp: usize, fp: usize, fn_: usize) {
        let mut s = Score::default();
        s.add(gold, pred);
        assert_eq!(
            (s.overall.tp, s.overall.fp, s.overall.fn_),
            (tp, fp, fn_),
            "{gold:?} vs {pred:?}"
        );
    }

    #[test]
    fn conlleval_semantics() {
        // IOB1 gold vs IOB2 prediction of the same chunks.
        check(
            &["I-PER", "I-PER", "O", "I-LOC"],
            &["B-PER", "I-PER", "O", "B-LOC"],
            2,
            0,
            0,
        );
        // Adjacent same-type chunks in IOB1 use B-.
        check(&["I-PER", "B-PER"], &["B-PER", "I-PER"], 0, 1, 2);
        // Wrong type and wrong boundary are both misses.
        check(&["B-ORG", "I-ORG"], &["B-ORG", "O"], 0, 1, 1);
        check(&["B-ORG"], &["B-LOC"], 0, 1, 1);
        // A stray I- opens a chunk, as in conlleval.
        check(&["O", "I-MISC"], &["O", "I-MISC"], 1, 0, 0);
    }
}
