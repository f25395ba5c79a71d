//! The summary stage: 1 to 3 sentences. When the article has key points
//! they are the summary (flagged `key_points`); otherwise an extractive,
//! lead-aware choice: the lead sentence, then the sentences of the first
//! paragraphs that share most with the keyphrases, in text order.

use serde::{Deserialize, Serialize};

use crate::document::{Article, Located};
use crate::nlp;
use crate::stages::{Annotations, Stage, StageError};

/// Options of the `summary` stage.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// At most this many sentences (1 to 3).
    #[serde(default = "default_max")]
    pub max_sentences: usize,
}

fn default_max() -> usize {
    3
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_sentences: default_max(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The sentences joined with spaces. Not in the record: a consumer
    /// joins the `sentences` slices of the record's text with spaces and
    /// gets exactly this (the text is carried once).
    #[serde(skip)]
    pub text: String,
    /// Where the sentences are, as `[start, end]` pairs into the record's
    /// text.
    #[serde(serialize_with = "crate::document::offsets")]
    pub sentences: Vec<Located>,
    /// key_points or extractive.
    pub source: &'static str,
}

pub struct SummaryStage {
    max: usize,
}

impl SummaryStage {
    pub fn build(config: Config) -> Self {
        SummaryStage {
            max: config.max_sentences.clamp(1, 3),
        }
    }
}

impl Stage for SummaryStage {
    fn name(&self) -> &'static str {
        "summary"
    }
    fn version(&self) -> &'static str {
        "1.0.0"
    }
    fn run(&self, article: &Article, out: &mut Annotations) -> Result<(), StageError> {
        let structure = out.structure.as_ref();
        if let Some(kp) = structure.map(|s| &s.key_points).filter(|k| !k.is_empty()) {
            let sentences: Vec<Located> = kp.iter().take(self.max).cloned().collect();
            let text = sentences
                .iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            out.summary = Some(Summary {
                text,
                sentences,
                source: "key_points",
            });
            return Ok(());
        }
        let text = &article.text;
        let paragraphs: Vec<(usize, usize)> = match structure {
            Some(s) => s
                .paragraphs
                .iter()
                .take(5)
                .map(|p| (p.start, p.end))
                .collect(),
            None => vec![(0, text.len())],
        };
        let analysed = out.analysis(article);
        let (tokens, sentences) = (&analysed.tokens, &analysed.sentences);
        let cands: Vec<&nlp::Sentence> = sentences
            .iter()
            .filter(|s| paragraphs.iter().any(|&(a, b)| a <= s.start && s.end <= b))
            .collect();
        if cands.is_empty() {
            return Err(StageError::Unsupported(
                "no body sentences to summarise".into(),
            ));
        }
        let phrases: Vec<String> = out
            .keyphrases
            .iter()
            .flatten()
            .map(|k| k.text.to_lowercase())
            .collect();
        let mut scored: Vec<(usize, f64)> = cands
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let lower = text[s.start..s.end].to_lowercase();
                let words = tokens[s.tokens.clone()].len() as f64;
                let overlap = phrases
                    .iter()
                    .filter(|p| lower.contains(p.as_str()))
                    .count() as f64;
                let lead = 1.0 / (1.0 + i as f64);
                let short_penalty = if words < 6.0 { 0.2 } else { 1.0 };
                (i, (lead + 0.3 * overlap) * short_penalty)
            })
            .collect();
        scored.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal));
        let mut chosen: Vec<usize> = vec![0];
        chosen.extend(
            scored
                .iter()
                .map(|s| s.0)
                .filter(|&i| i != 0)
                .take(self.max - 1),
        );
        chosen.sort_unstable();
        let sentences: Vec<Located> = chosen
            .iter()
            .map(|&i| {
                Located::new(
                    crate::text::normalise(&text[cands[i].start..cands[i].end]),
                    crate::document::Span::new(cands[i].start, cands[i].end),
                )
            })
            .collect();
        let joined = sentences
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        out.summary = Some(Summary {
            text: joined,
            sentences,
            source: "extractive",
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::structure::StructureStage;

    fn run(text: &str, max: usize) -> Summary {
        let mut out = Annotations::default();
        let doc = Article::from_text(text);
        StructureStage::default().run(&doc, &mut out).unwrap();
        out.keyphrases = Some(crate::stages::keyphrases::keyphrases(&doc, &out, 10));
        SummaryStage::build(Config { max_sentences: max })
            .run(&doc, &mut out)
            .unwrap();
        out.summary.unwrap()
    }

    #[test]
    fn key_points_win() {
        let s = run("Business\n\nStrike halts port\n\nKey Points\n  • Workers walked out.\n  • Exports stopped.\n\nBody text here. More body.", 3);
        assert_eq!(s.source, "key_points");
        assert_eq!(s.text, "Workers walked out. Exports stopped.");
    }

    #[test]
    fn extractive_is_lead_aware_and_ordered() {
        let text = "Strike halts grain exports\n\nDock workers walked out on Monday, halting grain exports from the port of Rosport. \
            The weather was mild. Grain exports are worth $2 billion a year to the region, traders said. \
            A spokesman declined to comment on anything.";
        let s = run(text, 2);
        assert_eq!(s.source, "extractive");
        assert_eq!(s.sentences.len(), 2);
        assert!(s.sentences[0].text.starts_with("Dock workers"), "{s:?}");
        assert!(s.sentences[1].text.starts_with("Grain exports"), "{s:?}");
        for l in &s.sentences {
            assert_eq!(&text[l.start..l.end], l.text);
        }
    }
}
