//! The stats stage: words, sentences, paragraphs and reading time of the
//! headline and body (boilerplate excluded when `structure` ran first).

use serde::{Deserialize, Serialize};

use crate::document::{Article, Located, Span};
use crate::stages::{Annotations, Stage, StageError};

/// Options of the `stats` stage.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Reading speed used for `reading_time_seconds`.
    #[serde(default = "default_wpm")]
    pub words_per_minute: u32,
}

fn default_wpm() -> u32 {
    230
}

impl Default for Config {
    fn default() -> Self {
        Config {
            words_per_minute: default_wpm(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub words: usize,
    /// Sentences as `nlp::sentences` splits them (the splitter every other
    /// stage uses).
    pub sentences: usize,
    pub paragraphs: usize,
    pub characters: usize,
    pub reading_time_seconds: u64,
}

#[derive(Default)]
pub struct StatsStage {
    config: Config,
}

impl StatsStage {
    pub fn build(config: Config) -> Self {
        StatsStage { config }
    }
}

/// How many (sentence, paragraph) pairs overlap, both lists in text order
/// and each without overlaps of its own: one sweep, so a text of many
/// one-line paragraphs costs no more than its length.
fn touching(sentences: &[crate::nlp::Sentence], paragraphs: &[Span]) -> usize {
    let mut first = 0;
    let mut n = 0;
    for x in sentences {
        while paragraphs.get(first).is_some_and(|p| p.end <= x.start) {
            first += 1;
        }
        n += paragraphs[first..]
            .iter()
            .take_while(|p| p.start < x.end)
            .count();
    }
    n
}

impl Stage for StatsStage {
    fn name(&self) -> &'static str {
        "stats"
    }
    fn version(&self) -> &'static str {
        "1.0.0"
    }
    fn run(&self, article: &Article, out: &mut Annotations) -> Result<(), StageError> {
        let (body, paragraphs) = match &out.structure {
            Some(s) if !s.paragraphs.is_empty() => (s.body_text(), s.paragraphs.len()),
            _ => (
                article.text.clone(),
                article
                    .text
                    .split("\n\n")
                    .filter(|p| !crate::text::is_blank(p))
                    .count(),
            ),
        };
        let words = body
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        let wpm = u64::from(self.config.words_per_minute.max(1));
        // Sentences from the shared analysis of the article's text: each
        // sentence once per body paragraph it touches (a sentence the
        // splitter ran over a paragraph break is two in the body text);
        // all of them without a structure.
        // Splitting `body` again cost 2% of the pipeline's instructions.
        let analysed = out.analysis(article);
        let sentences = match &out.structure {
            Some(s) if !s.paragraphs.is_empty() => {
                let mut spans: Vec<Span> = s.paragraphs.iter().map(Located::span).collect();
                spans.sort_by_key(|p| p.start);
                touching(&analysed.sentences, &spans)
            }
            _ => analysed.sentences.len(),
        };
        out.stats = Some(Stats {
            words,
            sentences,
            paragraphs,
            characters: body.chars().count(),
            reading_time_seconds: (words as u64 * 60).div_ceil(wpm),
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, words: usize, sentences: usize) {
        let mut out = Annotations::default();
        let doc = Article::from_text(input);
        StatsStage::default().run(&doc, &mut out).unwrap();
        let s = out.stats.unwrap();
        assert_eq!((s.words, s.sentences), (words, sentences), "{input:?}");
    }

    #[test]
    fn counts() {
        check("One two three.", 3, 1);
        check(
            "Gen. Lind met Mr. Ruiz in the U.S. on Jan. 5. They talked.",
            13,
            2,
        );
        // A closing fragment without a full stop is a sentence too (the
        // splitter every stage shares says so).
        check(
            "\"We will stay,\" she said. \"Until it is fair.\" The end",
            11,
            3,
        );
        check(
            "Prices rose 3.5% — a record! Will it last? Nobody knows.",
            10,
            3,
        );
        check("J. R. Smith spoke.", 4, 1);
        check("no terminal mark here", 4, 1);
    }

    /// With a structure: the body's sentence count equals splitting the
    /// joined body paragraphs again (what this stage did before it read
    /// the shared analysis).
    fn check_structured(input: &str) {
        let mut out = Annotations::default();
        let doc = Article::from_text(input);
        crate::stages::structure::StructureStage::default()
            .run(&doc, &mut out)
            .unwrap();
        StatsStage::default().run(&doc, &mut out).unwrap();
        let body = out.structure.as_ref().unwrap().body_text();
        assert_eq!(
            out.stats.unwrap().sentences,
            crate::nlp::sentences(&body).1.len(),
            "{input:?}"
        );
    }

    #[test]
    fn structured_counts_match_the_joined_body() {
        check_structured("Port strike ends\n\nDock workers went back on Monday. Talks resume.\n\nThe union said pay was agreed");
        check_structured(
            "Headline\n\nA paragraph without a stop\nthat runs on a line. Then more.\n\nLast one.",
        );
        check_structured(&"A line.\n\n".repeat(300));
    }

    #[test]
    fn reading_time_rounds_up() {
        let mut out = Annotations::default();
        let doc = Article::from_text(&"word ".repeat(231));
        StatsStage::default().run(&doc, &mut out).unwrap();
        assert_eq!(out.stats.unwrap().reading_time_seconds, 61);
    }
}
