//! The keyphrases stage: unsupervised, YAKE-like. Candidates are runs of one
//! to three content words (no stop words, no bare numbers) within a
//! sentence of the article's own text; a phrase scores by frequency, how
//! early it first appears, and whether the headline or key points use it;
//! longer phrases get a bonus. Sub-phrases of a chosen phrase are dropped.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::document::Article;
use crate::nlp;
use crate::stages::{Annotations, Stage, StageError};

/// Options of the `keyphrases` stage.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// How many phrases to keep.
    #[serde(default = "default_top")]
    pub top: usize,
}

fn default_top() -> usize {
    10
}

impl Default for Config {
    fn default() -> Self {
        Config { top: default_top() }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Keyphrase {
    /// The phrase as most often written.
    pub text: String,
    /// 0 to 1, relative to the best phrase.
    pub score: f64,
    pub count: usize,
}

pub struct KeyphrasesStage {
    config: Config,
}

impl KeyphrasesStage {
    pub fn build(config: Config) -> Self {
        KeyphrasesStage { config }
    }
}

fn content(w: &str) -> bool {
    if !(w.chars().next().is_some_and(char::is_alphabetic)
        && w.chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.'))
    {
        return false;
    }
    let lw = w.to_lowercase();
    !nlp::is_stopword(&lw) && lw.chars().count() > 1
}

type Spans = Vec<(usize, usize)>;

struct Cand {
    count: usize,
    first_sentence: usize,
    prominent: bool,
    forms: HashMap<String, usize>,
    words: usize,
}

/// The `top` keyphrases of `article`, using the structure, entities and
/// dates annotations when present.
pub fn keyphrases(article: &Article, ann: &Annotations, top: usize) -> Vec<Keyphrase> {
    let text = &article.text;
    let (own, prominent): (Spans, Spans) = match &ann.structure {
        Some(s) => (
            s.headline
                .iter()
                .chain(&s.key_points)
                .chain(&s.paragraphs)
                .map(|l| (l.start, l.end))
                .collect(),
            s.headline
                .iter()
                .chain(&s.key_points)
                .map(|l| (l.start, l.end))
                .collect(),
        ),
        None => (vec![(0, text.len())], Vec::new()),
    };
    let analysed = ann.analysis(article);
    let (tokens, sentences) = (&analysed.tokens, &analysed.sentences);
    let mut cands: HashMap<String, Cand> = HashMap::new();
    let mut index = 0;
    // Names are the entities stage's business: a candidate inside an entity
    // mention ("Islamic", "Iraqi") is not a keyphrase.
    let mut mentions: Vec<(usize, usize)> = ann
        .entities
        .iter()
        .flat_map(|e| &e.entities)
        .flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end)))
        .collect();
    // Dates ("Sunday") are not topics either.
    mentions.extend(ann.dates.iter().flatten().map(|d| (d.start, d.end)));
    let overlaps =
        |spans: &[(usize, usize)], a: usize, b: usize| spans.iter().any(|&(x, y)| x < b && a < y);
    for s in sentences.iter().filter(|s| overlaps(&own, s.start, s.end)) {
        let in_prominent = overlaps(&prominent, s.start, s.end);
        let toks = &tokens[s.tokens.clone()];
        let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
        // Per word, once: is it a content word, and is it inside a name or
        // date? (A run overlaps a mention exactly when one of its words
        // does: the gaps between words are white space.)
        let is_content: Vec<bool> = words.iter().map(|w| content(w)).collect();
        let in_mention: Vec<bool> = toks
            .iter()
            .map(|t| overlaps(&mentions, t.start, t.end))
            .collect();
        for i in 0..words.len() {
            for n in 1..=3 {
                if i + n > words.len() || !is_content[i..i + n].iter().all(|&c| c) {
                    break;
                }
                if in_mention[i..i + n].iter().any(|&m| m) {
                    continue;
                }
                let surface = words[i..i + n].join(" ");
                let key = surface.to_lowercase();
                let c = cands.entry(key).or_insert(Cand {
                    count: 0,
                    first_sentence: index,
                    prominent: false,
                    forms: HashMap::new(),
                    words: n,
                });
                c.count += 1;
                c.prominent |= in_prominent;
                *c.forms.entry(surface).or_default() += 1;
            }
        }
        index += 1;
    }
    let mut scored: Vec<(String, f64, usize, String)> = cands
        .into_iter()
        .map(|(key, c)| {
            let position = 1.0 / (1.0 + (1.0 + c.first_sentence as f64).ln());
            let boost = if c.prominent { 1.5 } else { 1.0 };
            let length = 1.0 + 0.8 * (c.words as f64 - 1.0);
            let score = c.count as f64 * position * boost * length;
            // The most frequent surface form; on a tie the one with fewer
            // capitals (a sentence-initial capital is not part of the phrase).
            let caps = |s: &str| s.chars().filter(|c| c.is_uppercase()).count();
            let form = c
                .forms
                .into_iter()
                .max_by(|a, b| {
                    a.1.cmp(&b.1)
                        .then(caps(&b.0).cmp(&caps(&a.0)))
                        .then(b.0.cmp(&a.0))
                })
                .map(|f| f.0)
                .unwrap_or(key.clone());
            (key, score, c.count, form)
        })
        .filter(|(_, _, count, form)| *count > 1 || form.contains(' '))
        .collect();
    scored.sort_by(|a, b| {
        b.1.partial_cmp(&a.1)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.0.cmp(&b.0))
    });
    // Sub-phrase test on " key " with spaces, so "port" is not inside
    // "sports"; each padded key made once.
    let mut chosen: Vec<(String, f64, usize, String)> = Vec::new();
    let mut chosen_padded: Vec<String> = Vec::new();
    for c in scored {
        let b = format!(" {} ", c.0);
        let overlaps = chosen_padded
            .iter()
            .any(|a| a.contains(&b) || b.contains(a.as_str()));
        if !overlaps {
            chosen.push(c);
            chosen_padded.push(b);
        }
        if chosen.len() == top {
            break;
        }
    }
    let best = chosen.first().map_or(1.0, |c| c.1);
    chosen
        .into_iter()
        .map(|(_, s, count, form)| Keyphrase {
            text: form,
            score: (s / best * 1000.0).round() / 1000.0,
            count,
        })
        .collect()
}

impl Stage for KeyphrasesStage {
    fn name(&self) -> &'static str {
        "keyphrases"
    }
    fn version(&self) -> &'static str {
        "1.0.0"
    }
    fn run(&self, article: &Article, out: &mut Annotations) -> Result<(), StageError> {
        out.keyphrases = Some(keyphrases(article, out, self.config.top));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::structure::StructureStage;

    #[test]
    fn phrases_are_weighted_and_deduplicated() {
        let mut out = Annotations::default();
        let doc = Article::from_text(
            "Port strike halts grain exports\n\n\
             Dock workers walked out on Monday, halting grain exports from the port. \
             The strike is the first at the port since 2009. Grain exports are worth $2 billion a year. \
             Union leaders said the strike would last until pay talks resumed. Pay talks broke down last week.",
        );
        StructureStage::default().run(&doc, &mut out).unwrap();
        let k = keyphrases(&doc, &out, 8);
        let texts: Vec<&str> = k.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts[0], "grain exports", "{texts:?}");
        assert!(texts.contains(&"pay talks"), "{texts:?}");
        assert!(texts
            .iter()
            .all(|t| !nlp::STOPWORDS.contains(&t.to_lowercase().as_str())));
        // No phrase is a sub-phrase of another.
        for a in &texts {
            for b in &texts {
                assert!(
                    a == b
                        || !format!(" {} ", b.to_lowercase())
                            .contains(&format!(" {} ", a.to_lowercase())),
                    "{a} in {b}"
                );
            }
        }
        assert_eq!(k[0].score, 1.0);
    }
}
