//! Entity-level scoring for `eval entities`: the entities stage's output
//! (one entry per real-world entity, with its mentions) against a gold
//! document (`corpora::GoldDoc`).
//!
//! A predicted mention votes for the gold entity whose mention covers at
//! least half of it and which it names (`names_it`: not a modifier inside
//! it); the shortest such gold span wins, so "US" inside "US activist Noam
//! Chomsky" votes for the country, "Noam Chomsky" for the person, and
//! "Linguistics" in "Professor of Linguistics Noam Chomsky" for nobody. A predicted entity belongs
//! to the gold entity most of its mentions vote for. Then, per type:
//! - a gold entity is found when some predicted entity of its type belongs
//!   to it; precision divides the found entities by every scored prediction
//!   of that type, so a second entry for the same entity (a split) and an
//!   entry of the wrong type both count against it;
//! - predictions only inside neutral spans are not scored; MISC is not
//!   scored (the corpora have no such class).

use std::collections::HashMap;

use super::corpora::GoldDoc;
use crate::document::Span;

pub const TYPES: [&str; 3] = ["PER", "ORG", "LOC"];

/// One predicted entity.
#[derive(Debug, Clone)]
pub struct Predicted {
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
    pub mentions: Vec<Span>,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub gold: usize,
    pub pred: usize,
    pub found: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.found, self.pred)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.found += o.found;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Tallies over any number of documents.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub docs: usize,
    /// Per type, in `TYPES` order.
    pub typed: [Counts; 3],
    /// Ignoring type.
    pub untyped: Counts,
    /// Found entities (ignoring type) whose main prediction has the gold type.
    pub type_agrees: usize,
    /// Gold entities with two or more predicted entries.
    pub split: usize,
    /// Predicted entries whose mentions belong to two or more gold entities.
    pub merged: usize,
    /// Predictions only inside neutral spans (not scored).
    pub neutral: usize,
    /// Found gold entities that have a Wikipedia title.
    pub titled: usize,
    /// ... whose main prediction's name or an alias is that title.
    pub title_matches: usize,
}

impl Tally {
    pub fn add(&mut self, o: &Tally) {
        self.docs += o.docs;
        for (a, b) in self.typed.iter_mut().zip(&o.typed) {
            a.add(b);
        }
        self.untyped.add(&o.untyped);
        self.type_agrees += o.type_agrees;
        self.split += o.split;
        self.merged += o.merged;
        self.neutral += o.neutral;
        self.titled += o.titled;
        self.title_matches += o.title_matches;
    }

    /// Micro-averaged over the three types.
    pub fn overall(&self) -> Counts {
        let mut c = Counts::default();
        for t in &self.typed {
            c.add(t);
        }
        c
    }

    /// A plain-text table.
    pub fn report(&self) -> String {
        let mut s = format!(
            "{:<8} {:>6} {:>6} {:>6}  {:>9} {:>6} {:>6}\n",
            "type", "P", "R", "F1", "gold", "pred", "found"
        );
        let row = |name: &str, c: &Counts| {
            format!(
                "{name:<8} {:>6.4} {:>6.4} {:>6.4}  {:>9} {:>6} {:>6}\n",
                c.precision(),
                c.recall(),
                c.f1(),
                c.gold,
                c.pred,
                c.found
            )
        };
        for (t, c) in TYPES.iter().zip(&self.typed) {
            s += &row(t, c);
        }
        s += &row("overall", &self.overall());
        s += &row("no type", &self.untyped);
        s += &format!(
            "type agreement {:.4} ({} of {} found entities)\n",
            ratio(self.type_agrees, self.untyped.found),
            self.type_agrees,
            self.untyped.found
        );
        s += &format!(
            "split entities {} of {} gold; wrongly merged entries {} of {} predicted; {} predictions in neutral spans (unscored)\n",
            self.split, self.untyped.gold, self.merged, self.untyped.pred, self.neutral
        );
        if self.titled > 0 {
            s += &format!(
                "name = Wikipedia title {:.4} ({} of {} found entities with a title)\n",
                ratio(self.title_matches, self.titled),
                self.title_matches,
                self.titled
            );
        }
        s
    }
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Whether prediction `m`, mostly inside gold mention `g`, names it rather
/// than a modifier in it: it is the whole mention ("AFP" titled "Agence
/// France-Presse"), or it shares a word with the gold Wikipedia title
/// (so "Aceh" names "Aceh, Indonesia" and "Noam Chomsky" names "MIT
/// Professor of Linguistics Noam Chomsky", but "Linguistics" does not), or,
/// without a title, it starts or ends where the mention does (a leading
/// article aside), or covers most of it.
fn names_it(text: &str, g: Span, m: Span, title: Option<&str>) -> bool {
    // The whole gold mention names it, whatever the title: "AFP" for
    // "Agence France-Presse".
    if m == g {
        return true;
    }
    if let Some(title) = title {
        let words = |s: &str| -> Vec<String> {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect()
        };
        let t = words(title);
        return words(m.slice(text)).iter().any(|w| t.contains(w));
    }
    let g_text = g.slice(text);
    let lead = ["the ", "The ", "a ", "A ", "an ", "An "]
        .iter()
        .find(|a| g_text.starts_with(**a))
        .map_or(0, |a| a.len());
    m.end == g.end || m.start == g.start + lead || overlap(g, m) * 2 >= g.end - g.start
}

fn normalise(s: &str) -> String {
    let s = s.split(" (").next().unwrap_or(s);
    s.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What became of each prediction, and which predictions each gold entity got.
struct Assignment {
    /// Per prediction: None when not scored (MISC, or only neutral spans),
    /// else the gold entities its mentions vote for, most votes first.
    votes: Vec<Option<Vec<(usize, usize)>>>,
    /// Per gold entity: (prediction, votes).
    got: Vec<Vec<(usize, usize)>>,
}

fn assign(gold: &GoldDoc, predicted: &[Predicted]) -> Assignment {
    // (span, Some(gold entity) or None for neutral)
    let mut spans: Vec<(Span, Option<usize>)> = Vec::new();
    for (i, e) in gold.entities.iter().enumerate() {
        spans.extend(e.mentions.iter().map(|m| (*m, Some(i))));
    }
    spans.extend(gold.neutral.iter().map(|m| (*m, None)));
    let mut a = Assignment {
        votes: Vec::with_capacity(predicted.len()),
        got: vec![Vec::new(); gold.entities.len()],
    };
    for (p, e) in predicted.iter().enumerate() {
        if !TYPES.contains(&e.kind.as_str()) {
            a.votes.push(None);
            continue;
        }
        let mut votes: HashMap<usize, usize> = HashMap::new();
        let mut neutral = 0;
        for m in &e.mentions {
            let len = m.end - m.start;
            let hit = spans
                .iter()
                .filter(|(s, g)| {
                    let o = overlap(*s, *m);
                    len > 0
                        && o * 2 >= len
                        && names_it(
                            &gold.text,
                            *s,
                            *m,
                            g.and_then(|g| gold.entities[g].title.as_deref()),
                        )
                })
                .min_by_key(|(s, _)| s.end - s.start);
            match hit {
                Some((_, Some(g))) => *votes.entry(*g).or_default() += 1,
                Some((_, None)) => neutral += 1,
                None => {}
            }
        }
        if votes.is_empty() && neutral > 0 {
            a.votes.push(None);
            continue;
        }
        let mut v: Vec<(usize, usize)> = votes.into_iter().collect();
        v.sort_by_key(|(g, n)| (std::cmp::Reverse(*n), *g));
        if let Some(&(g, n)) = v.first() {
            a.got[g].push((p, n));
        }
        a.votes.push(Some(v));
    }
    a
}

/// The prediction that speaks for a gold entity: the one with most votes.
fn main_prediction(got: &[(usize, usize)]) -> Option<usize> {
    got.iter()
        .max_by_key(|(p, n)| (*n, std::cmp::Reverse(*p)))
        .map(|(p, _)| *p)
}

/// Score one document's predictions.
pub fn score(gold: &GoldDoc, predicted: &[Predicted]) -> Tally {
    let mut t = Tally {
        docs: 1,
        ..Tally::default()
    };
    let a = assign(gold, predicted);
    for (p, v) in a.votes.iter().enumerate() {
        let Some(v) = v else {
            t.neutral += usize::from(TYPES.contains(&predicted[p].kind.as_str()));
            continue;
        };
        let ti = TYPES
            .iter()
            .position(|k| *k == predicted[p].kind)
            .expect("scored types only");
        t.typed[ti].pred += 1;
        t.untyped.pred += 1;
        if v.len() >= 2 {
            t.merged += 1;
        }
    }
    let assigned = a.got;
    for (g, e) in gold.entities.iter().enumerate() {
        let ti = TYPES
            .iter()
            .position(|k| *k == e.kind)
            .expect("gold types are scored types");
        t.typed[ti].gold += 1;
        t.untyped.gold += 1;
        let got = &assigned[g];
        let Some(main) = main_prediction(got) else {
            continue;
        };
        t.untyped.found += 1;
        if got.iter().any(|(p, _)| predicted[*p].kind == e.kind) {
            t.typed[ti].found += 1;
        }
        if predicted[main].kind == e.kind {
            t.type_agrees += 1;
        }
        if got.len() >= 2 {
            t.split += 1;
        }
        if let Some(title) = &e.title {
            t.titled += 1;
            let want = normalise(title);
            let p = &predicted[main];
            if std::iter::once(&p.name)
                .chain(&p.aliases)
                .any(|n| normalise(n) == want)
            {
                t.title_matches += 1;
            }
        }
    }
    t
}

/// Each gold entity that was missed, split or mistyped, each wrongly merged
/// and each spurious prediction, one line each, for error analysis.
pub fn errors(gold: &GoldDoc, predicted: &[Predicted]) -> String {
    let a = assign(gold, predicted);
    let first = |e: &crate::ner::corpora::GoldEntity| {
        e.title.clone().unwrap_or_else(|| {
            e.mentions
                .iter()
                .map(|m| m.slice(&gold.text))
                .max_by_key(|m| m.len())
                .unwrap_or("")
                .to_string()
        })
    };
    let mut out = String::new();
    for (g, e) in gold.entities.iter().enumerate() {
        let got = &a.got[g];
        let names: Vec<String> = got
            .iter()
            .map(|(p, _)| format!("{} {:?}", predicted[*p].kind, predicted[*p].name))
            .collect();
        let line = match main_prediction(got) {
            None => format!("missed   {} {:?}", e.kind, first(e)),
            Some(_) if got.len() >= 2 => {
                format!("split    {} {:?} -> {}", e.kind, first(e), names.join(", "))
            }
            Some(m) if predicted[m].kind != e.kind => {
                format!("type     {} {:?} -> {}", e.kind, first(e), names[0])
            }
            Some(_) => continue,
        };
        out += &format!("{}\t{line}\n", gold.name);
    }
    for (p, v) in a.votes.iter().enumerate() {
        let e = &predicted[p];
        match v {
            Some(v) if v.is_empty() => {
                out += &format!("{}\tspurious {} {:?}\n", gold.name, e.kind, e.name);
            }
            Some(v) if v.len() >= 2 => {
                let with: Vec<String> = v.iter().map(|(g, _)| first(&gold.entities[*g])).collect();
                out += &format!(
                    "{}\tmerged   {} {:?} <- {:?}\n",
                    gold.name, e.kind, e.name, with
                );
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
#[path = "entity_score_tests.rs"]
mod tests;
