//! The tone stage: sentence sentiment with the VADER lexicon (MIT; rules
//! re-implemented from Hutto & Gilbert 2014: boosters, negation, "but",
//! capitals, exclamation), aggregated GDELT-style into article tone, and
//! per-entity sentiment from the sentences that mention each entity.
//!
//! The lexicon ships as models/vader.tsv (`newsflow build-lexicon`).

use serde::{Deserialize, Serialize};

use crate::document::Article;

use crate::stages::{Annotations, Stage, StageError};

/// Options of the `tone` stage.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// |compound| below this is neutral.
    #[serde(default = "default_neutral")]
    pub neutral_band: f64,
}

fn default_neutral() -> f64 {
    0.05
}

impl Default for Config {
    fn default() -> Self {
        Config {
            neutral_band: default_neutral(),
        }
    }
}

pub const EMBEDDED: &str = include_str!("../../models/vader.tsv");

/// The VADER lexicon: word → mean valence (-4 .. 4).
pub struct Valences(crate::text::ModelMap<String, f64>);

impl Valences {
    pub fn parse(tsv: &str) -> Valences {
        Valences(
            tsv.lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| {
                    let mut f = l.split('\t');
                    Some((f.next()?.to_string(), f.next()?.trim().parse().ok()?))
                })
                .collect(),
        )
    }
    pub fn embedded() -> &'static Valences {
        static L: std::sync::OnceLock<Valences> = std::sync::OnceLock::new();
        L.get_or_init(|| Valences::parse(EMBEDDED))
    }
    pub fn get(&self, w: &str) -> Option<f64> {
        self.0.get(w).copied()
    }
}

const BOOST: f64 = 0.293;
const CAPS_BOOST: f64 = 0.733;
const NEGATE: f64 = -0.74;
const INCREMENT: &[&str] = &[
    "absolutely",
    "amazingly",
    "awfully",
    "completely",
    "considerably",
    "deeply",
    "enormously",
    "entirely",
    "especially",
    "exceptionally",
    "extremely",
    "fully",
    "greatly",
    "highly",
    "hugely",
    "incredibly",
    "intensely",
    "majorly",
    "more",
    "most",
    "particularly",
    "purely",
    "quite",
    "really",
    "remarkably",
    "so",
    "substantially",
    "thoroughly",
    "totally",
    "tremendously",
    "truly",
    "unbelievably",
    "very",
    "utterly",
];
const DECREMENT: &[&str] = &[
    "almost",
    "barely",
    "hardly",
    "less",
    "little",
    "marginally",
    "occasionally",
    "partly",
    "scarcely",
    "slightly",
    "somewhat",
];
const NEGATORS: &[&str] = &[
    "not", "n't", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere",
    "without", "cannot", "cant", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent",
    "wont", "wouldnt", "shouldnt", "couldnt", "rarely", "seldom", "despite",
];

/// Scores of one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SentenceScore {
    /// Normalised sum of valences, -1 .. 1.
    pub compound: f64,
    pub positive_words: usize,
    pub negative_words: usize,
    pub words: usize,
}

/// VADER-style score of one sentence's words.
pub fn score_words(words: &[&str], lex: &Valences) -> SentenceScore {
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let mixed_case = words.iter().any(|w| w.chars().any(char::is_lowercase));
    let but = lower.iter().position(|w| w == "but");
    let mut valences: Vec<f64> = Vec::new();
    let (mut pos, mut neg) = (0, 0);
    for (i, w) in lower.iter().enumerate() {
        let Some(mut v) = lex.get(w) else { continue };
        if INCREMENT.contains(&w.as_str()) || DECREMENT.contains(&w.as_str()) {
            continue;
        }
        if mixed_case
            && words[i].len() > 1
            && words[i]
                .chars()
                .all(|c| !c.is_alphabetic() || c.is_uppercase())
        {
            v += CAPS_BOOST * v.signum();
        }
        for (dist, scale) in [(1usize, 1.0), (2, 0.95), (3, 0.9)] {
            if let Some(prev) = i.checked_sub(dist).map(|j| lower[j].as_str()) {
                if INCREMENT.contains(&prev) {
                    v += BOOST * scale * v.signum();
                } else if DECREMENT.contains(&prev) {
                    v -= BOOST * scale * v.signum();
                }
                if NEGATORS.contains(&prev) {
                    v *= NEGATE;
                }
            }
        }
        if let Some(b) = but {
            v *= if i < b { 0.5 } else { 1.5 };
        }
        if v > 0.0 {
            pos += 1;
        } else if v < 0.0 {
            neg += 1;
        }
        valences.push(v);
    }
    let mut sum: f64 = valences.iter().sum();
    let bangs = words
        .iter()
        .filter(|w| w.contains('!'))
        .map(|w| w.matches('!').count())
        .sum::<usize>()
        .min(4);
    if sum != 0.0 {
        sum += sum.signum() * bangs as f64 * 0.292;
    }
    let compound = sum / (sum * sum + 15.0).sqrt();
    let words_n = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    SentenceScore {
        compound: (compound * 10000.0).round() / 10000.0,
        positive_words: pos,
        negative_words: neg,
        words: words_n,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityTone {
    /// Entity id from the `entities` stage.
    pub entity: String,
    /// The entity's name, for this stage's own use; the record names the
    /// entity by `entity` only.
    #[serde(skip)]
    pub name: String,
    /// Mean compound of the sentences mentioning the entity.
    pub score: f64,
    /// positive, negative or neutral.
    pub label: &'static str,
    pub sentences: usize,
}

/// Article tone, GDELT-style (percentages of words), plus VADER means.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tone {
    /// positive_score − negative_score.
    pub tone: f64,
    /// Percentage of words with positive valence.
    pub positive_score: f64,
    /// Percentage of words with negative valence.
    pub negative_score: f64,
    /// positive_score + negative_score.
    pub polarity: f64,
    /// Percentage of sentences that carry any sentiment.
    pub activity_density: f64,
    /// Mean sentence compound, -1 .. 1.
    pub compound: f64,
    /// positive, negative or neutral.
    pub label: &'static str,
    /// Per-entity sentiment; in the record a map from entity id to its
    /// score (the label follows from the score as the article's does).
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "scores_by_entity"
    )]
    pub entities: Vec<EntityTone>,
}

fn scores_by_entity<S: serde::Serializer>(items: &[EntityTone], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(items.len()))?;
    for e in items {
        map.serialize_entry(&e.entity, &e.score)?;
    }
    map.end()
}

pub fn label(score: f64, band: f64) -> &'static str {
    if score > band {
        "positive"
    } else if score < -band {
        "negative"
    } else {
        "neutral"
    }
}

pub struct ToneStage {
    config: Config,
}

impl ToneStage {
    pub fn build(config: Config) -> Self {
        Valences::embedded(); // load the lexicon now, not on the first article
        ToneStage { config }
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0 + 0.0
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0 + 0.0
}

impl Stage for ToneStage {
    fn name(&self) -> &'static str {
        "tone"
    }
    fn version(&self) -> &'static str {
        "vader-rules-1"
    }
    fn run(&self, article: &Article, out: &mut Annotations) -> Result<(), StageError> {
        let lex = Valences::embedded();
        let text = &article.text;
        let analysed = out.analysis(article);
        let (tokens, sentences) = (&analysed.tokens, &analysed.sentences);
        // Only the article's own text: headline, key points, paragraphs.
        let own: Vec<(usize, usize)> = match &out.structure {
            Some(s) => s
                .headline
                .iter()
                .chain(&s.key_points)
                .chain(&s.paragraphs)
                .map(|l| (l.start, l.end))
                .collect(),
            None => vec![(0, text.len())],
        };
        let scored: Vec<(usize, usize, SentenceScore)> = sentences
            .iter()
            .filter(|s| own.iter().any(|&(a, b)| a <= s.start && s.end <= b))
            .map(|s| {
                let words: Vec<&str> = tokens[s.tokens.clone()]
                    .iter()
                    .map(|t| t.text(text))
                    .collect();
                (s.start, s.end, score_words(&words, lex))
            })
            .collect();
        let words: usize = scored.iter().map(|s| s.2.words).sum();
        if words == 0 {
            return Err(StageError::Unsupported("no article text to score".into()));
        }
        let pos =
            scored.iter().map(|s| s.2.positive_words).sum::<usize>() as f64 * 100.0 / words as f64;
        let neg =
            scored.iter().map(|s| s.2.negative_words).sum::<usize>() as f64 * 100.0 / words as f64;
        let active = scored.iter().filter(|s| s.2.compound != 0.0).count() as f64 * 100.0
            / scored.len().max(1) as f64;
        let compound =
            scored.iter().map(|s| s.2.compound).sum::<f64>() / scored.len().max(1) as f64;
        let band = self.config.neutral_band;
        let entities = out
            .entities
            .iter()
            .flat_map(|e| &e.entities)
            .filter_map(|e| {
                let hits: Vec<f64> = scored
                    .iter()
                    .filter(|(a, b, _)| e.mentions.iter().any(|m| *a <= m.start && m.end <= *b))
                    .map(|s| s.2.compound)
                    .collect();
                (!hits.is_empty()).then(|| {
                    let score = hits.iter().sum::<f64>() / hits.len() as f64;
                    EntityTone {
                        entity: e.id.clone(),
                        name: e.name.clone(),
                        score: round4(score),
                        label: label(score, band),
                        sentences: hits.len(),
                    }
                })
            })
            .collect();
        out.tone = Some(Tone {
            tone: round2(pos - neg),
            positive_score: round2(pos),
            negative_score: round2(neg),
            polarity: round2(pos + neg),
            activity_density: round2(active),
            compound: round4(compound),
            label: label(compound, band),
            entities,
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, sign: i8) {
        let toks = crate::nlp::tokenize(sentence);
        let words: Vec<&str> = toks.iter().map(|t| t.text(sentence)).collect();
        let c = score_words(&words, Valences::embedded()).compound;
        let got = if c > 0.05 {
            1
        } else if c < -0.05 {
            -1
        } else {
            0
        };
        assert_eq!(got, sign, "{sentence:?}: compound {c}");
    }

    #[test]
    fn sentence_rules() {
        check("The talks were a great success.", 1);
        check("The talks were not a success.", -1);
        check("The attack killed dozens of civilians.", -1);
        check("The committee met on Tuesday.", 0);
        check("The plan is good, but the execution was terrible.", -1);
        let base = score_words(&["good"], Valences::embedded()).compound;
        let very = score_words(&["very", "good"], Valences::embedded()).compound;
        let caps = score_words(&["it", "is", "GOOD"], Valences::embedded()).compound;
        assert!(very > base && caps > base, "{base} {very} {caps}");
    }
}
