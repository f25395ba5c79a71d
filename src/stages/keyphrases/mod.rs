//! The keyphrases stage: unsupervised, YAKE-like. Candidates are runs of one
//! to three content words (no stop words, no bare numbers) within a
//! sentence of the article's own text; a phrase scores by frequency, how
//! early it first appears, and whether the headline or key points use it;
//! longer phrases get a bonus. Each candidate is weighted by how specific
//! its words are: an IDF against a background document frequency from open
//! news corpora (models/keyphrase-background.tsv, see models/keyphrases.md),
//! squared for single words, so a generic word ("new", "across") must be
//! very frequent in the article to be chosen. Words capitalised in the
//! middle of body sentences (names the entities stage did not take) count as
//! specific. Sub-phrases of a chosen phrase are dropped.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::document::{Article, SpanIndex};
use crate::nlp;
use crate::stages::{Annotations, Stage, StageError};

mod background;
mod words;

use background::word_specificity;
use words::{
    common_verb, ends_in_ed, ends_like_verb, ly_adverb, particle, past_form, quantity, title,
    unnamed_source, wire_unit,
};
pub use background::{Background, EMBEDDED};

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
        // Parse the background table now, so the first article does not pay.
        Background::embedded();
        KeyphrasesStage { config }
    }
}

/// A word that can be part of a candidate: starts with a letter, letters,
/// digits, '-' and '.' only, not a stop word, two characters or more. The
/// background table is counted over the same words.
pub fn content(w: &str) -> bool {
    if !(w.chars().next().is_some_and(char::is_alphabetic)
        && w.chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.'))
    {
        return false;
    }
    let lw = crate::text::lowercase(w);
    !nlp::is_stopword(&lw) && lw.chars().count() > 1
}

type Spans = Vec<(usize, usize)>;

struct Cand {
    count: usize,
    first_sentence: usize,
    prominent: bool,
    /// Surface forms and their counts (one or two, nearly always: a list,
    /// not a map).
    forms: Vec<(String, usize)>,
    words: usize,
    /// Body occurrences after a sentence's first word: capitalised (as a
    /// name is) or not.
    named: usize,
    plain: usize,
    /// Sums over the words of ln(specificity), floored at 0.01 and, for a
    /// name, at `NAME_FLOOR`.
    ln_spec: f64,
    ln_spec_name: f64,
}

/// A name's words count as at least this specific, whatever the background
/// says of the lower-cased word ("Bush", "Will").
const NAME_FLOOR: f64 = 0.75;
/// Extra weight of a name the entities stage did not take.
const NAME_BOOST: f64 = 1.3;

/// How specific a candidate's words are, 0 to 1: the geometric mean of the
/// words' background specificity (one generic word pulls a phrase down),
/// squared for a single word.
fn specificity(c: &Cand, named: bool) -> f64 {
    let logs = if named { c.ln_spec_name } else { c.ln_spec };
    let s = (logs / c.words as f64).exp();
    if c.words == 1 {
        s * s
    } else {
        s
    }
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
    let bg = Background::embedded();
    // Each content word's ln(specificity), one sentence at a time (one
    // buffer).
    let mut ln_spec: Vec<f64> = Vec::new();
    let (ln_floor, ln_name_floor) = (0.01f64.ln(), NAME_FLOOR.ln());
    // Names are the entities stage's business: a candidate inside an entity
    // mention ("Islamic", "Iraqi") is not a keyphrase.
    // Dates ("Sunday") are not topics either. (Indexed: a long input can
    // hold a mention for every token.)
    let mentions = SpanIndex::new(
        ann.entities
            .iter()
            .flat_map(|e| &e.entities)
            .flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end)))
            .chain(ann.dates.iter().flatten().map(|d| (d.start, d.end))),
    );
    let (own, prominent) = (SpanIndex::new(own), SpanIndex::new(prominent));
    for s in sentences.iter().filter(|s| own.overlaps(s.start, s.end)) {
        let in_prominent = prominent.overlaps(s.start, s.end);
        let toks = &tokens[s.tokens.clone()];
        let words: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
        // Per word, once: is it a content word, and is it inside a name or
        // date? (A run overlaps a mention exactly when one of its words
        // does: the gaps between words are white space.)
        let is_content: Vec<bool> = words
            .iter()
            .map(|w| content(w) && !particle(w) && !wire_unit(w) && !common_verb(w))
            .collect();
        let is_adverb: Vec<bool> = words.iter().map(|w| ly_adverb(w)).collect();
        let in_mention: Vec<bool> = toks
            .iter()
            .map(|t| mentions.overlaps(t.start, t.end))
            .collect();
        ln_spec.clear();
        ln_spec.extend(
            words
                .iter()
                .zip(&is_content)
                .zip(&in_mention)
                .map(|((w, &c), &m)| {
                    if c && !m {
                        word_specificity(bg, w).ln().max(ln_floor)
                    } else {
                        0.0
                    }
                }),
        );
        // The sentence's first word is capitalised whatever it is.
        let first = words
            .iter()
            .position(|w| w.chars().next().is_some_and(char::is_alphabetic))
            .unwrap_or(0);
        let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
        for i in 0..words.len() {
            for n in 1..=3 {
                if i + n > words.len() || !is_content[i..i + n].iter().all(|&c| c) {
                    break;
                }
                if in_mention[i..i + n].iter().any(|&m| m) {
                    continue;
                }
                // An adverb only opens a phrase, before a participle.
                let adverb_ok = |j: usize| j == i && n >= 2 && ends_in_ed(words[i + 1], 4);
                if (i..i + n).any(|j| is_adverb[j] && !adverb_ok(j)) {
                    continue;
                }
                let surface = words[i..i + n].join(" ");
                // "profits" and "profit" are one phrase: keyed by the
                // singular, shown in the commoner form.
                let key = singular_key(crate::text::lowercase(&surface));
                let c = cands.entry(key).or_insert_with(|| Cand {
                    count: 0,
                    first_sentence: index,
                    prominent: false,
                    forms: Vec::new(),
                    words: n,
                    named: 0,
                    plain: 0,
                    ln_spec: ln_spec[i..i + n].iter().sum(),
                    ln_spec_name: ln_spec[i..i + n].iter().map(|s| s.max(ln_name_floor)).sum(),
                });
                c.count += 1;
                if !in_prominent && i > first {
                    if words[i..i + n].iter().all(capitalised) {
                        c.named += 1;
                    } else {
                        c.plain += 1;
                    }
                }
                c.prominent |= in_prominent;
                match c.forms.iter_mut().find(|f| f.0 == surface) {
                    Some(f) => f.1 += 1,
                    None => c.forms.push((surface, 1)),
                }
            }
        }
        index += 1;
    }
    let mut scored: Vec<(String, f64, usize, String)> = cands
        .into_iter()
        // A single word needs a second use, and is no month or weekday
        // (the dates stage has those) nor a title said before names
        // ("Sir", "Mr", "President": the entities stage has the people).
        .filter(|(key, c)| {
            (c.count > 1 || c.words > 1)
                && !(c.words == 1
                    && (crate::stages::dates::calendar_name(key)
                        || title(key)
                        || quantity(key)
                        || unnamed_source(key)))
        })
        .map(|(key, c)| {
            let position = 1.0 / (1.0 + (1.0 + c.first_sentence as f64).ln());
            let boost = if c.prominent { 1.5 } else { 1.0 };
            let length = 1.0 + 0.8 * (c.words as f64 - 1.0);
            let named = c.named > c.plain;
            let name = if named { NAME_BOOST } else { 1.0 };
            let specific = specificity(&c, named);
            // A word run seen once outside the headline is often not a
            // phrase ("stabbed last night"); nor is one that ends in a verb
            // ("palace issued").
            let once = if c.count == 1 && !c.prominent && c.words > 1 {
                0.7
            } else {
                1.0
            };
            // A phrase ending in a past form, or a past form alone ("filed",
            // "won").
            let past = if c.words == 1 { past_form(&key) } else { ends_like_verb(&key) };
            let verb = if !named && past {
                0.5
            } else {
                1.0
            };
            let score = c.count as f64 * position * boost * length * specific * name * once * verb;
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

/// The phrase with each word made singular by the regular English rules
/// ("companies" → "company", "pay talks" → "pay talk"), leaving words
/// that only look plural ("news", "crisis", "bus", "glass") alone. Every
/// word, so the sub-phrase test sees "pay talks" inside "pay talks broke".
fn singular_key(lower: String) -> String {
    const KEEP: &[&str] = &[
        "news", "series", "species", "politics", "economics", "physics", "athletics",
        "statistics", "means", "headquarters", "whereabouts", "lens", "chaos", "thanks",
    ];
    // The singular of a word, or None when it is kept as it is.
    let one = |w: &str| -> Option<String> {
        if w.len() < 4
            || !w.ends_with('s')
            || KEEP.contains(&w)
            || ["ss", "us", "is", "os", "ys", "'s"].iter().any(|e| w.ends_with(e))
        {
            None
        } else if let Some(stem) = w.strip_suffix("ies").filter(|s| s.len() > 2) {
            Some(format!("{stem}y"))
        } else {
            Some(w[..w.len() - 1].to_string())
        }
    };
    // Most keys have no plural-looking word: no new string for them.
    if lower.split(' ').all(|w| one(w).is_none()) {
        return lower;
    }
    lower
        .split(' ')
        .map(|w| one(w).unwrap_or_else(|| w.to_string()))
        .collect::<Vec<_>>()
        .join(" ")
}

impl Stage for KeyphrasesStage {
    fn name(&self) -> &'static str {
        "keyphrases"
    }
    fn version(&self) -> &'static str {
        "1.10.0"
    }
    fn run(&self, article: &Article, out: &mut Annotations) -> Result<(), StageError> {
        out.keyphrases = Some(keyphrases(article, out, self.config.top));
        Ok(())
    }
}

#[cfg(test)]
mod tests;
