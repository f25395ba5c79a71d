//! The stats stage: words, sentences, paragraphs and reading time of the
//! headline and body (boilerplate excluded when `structure` ran first).

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::pipeline::{Stage, StageError};

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

/// Abbreviations after which a period does not end a sentence.
const ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "sen", "rep", "gov",
    "pres", "st", "jr", "sr", "inc", "corp", "ltd", "co", "no", "vs", "etc", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "u.s", "u.k",
    "u.n", "a.m", "p.m", "mt", "ft", "approx",
];

/// Count sentences: a terminal mark followed by space and a capital, digit or
/// quote, unless the word before is an abbreviation or a single initial.
pub fn count_sentences(text: &str) -> usize {
    let mut count = 0;
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let core = w.trim_end_matches(['"', '\'', '”', '’', ')']);
        if !core.ends_with(['.', '!', '?']) {
            continue;
        }
        let stem = core
            .trim_end_matches(['.', '!', '?'])
            .trim_start_matches(['"', '“', '('])
            .to_lowercase();
        if core.ends_with('.')
            && (ABBREV.contains(&stem.as_str())
                || (stem.chars().count() == 1 && stem.chars().all(char::is_alphabetic)))
        {
            continue;
        }
        let next_starts = words.get(i + 1).and_then(|n| n.chars().next());
        if next_starts
            .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“'‘(".contains(c))
        {
            count += 1;
        }
    }
    if count == 0 && !words.is_empty() {
        1
    } else {
        count
    }
}

impl Stage for StatsStage {
    fn name(&self) -> &'static str {
        "stats"
    }
    fn version(&self) -> &'static str {
        "1.0.0"
    }
    fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        let (body, paragraphs) = match &doc.annotations.structure {
            Some(s) if !s.paragraphs.is_empty() => (s.body_text(), s.paragraphs.len()),
            _ => (
                doc.text.clone(),
                doc.text
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
        doc.annotations.stats = Some(Stats {
            words,
            sentences: count_sentences(&body),
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
        let mut doc = Document::from_text(input);
        StatsStage::default().run(&mut doc).unwrap();
        let s = doc.annotations.stats.unwrap();
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
        check(
            "\"We will stay,\" she said. \"Until it is fair.\" The end",
            11,
            2,
        );
        check(
            "Prices rose 3.5% — a record! Will it last? Nobody knows.",
            10,
            3,
        );
        check("J. R. Smith spoke.", 4, 1);
        check("no terminal mark here", 4, 1);
    }

    #[test]
    fn reading_time_rounds_up() {
        let mut doc = Document::from_text(&"word ".repeat(231));
        StatsStage::default().run(&mut doc).unwrap();
        assert_eq!(doc.annotations.stats.unwrap().reading_time_seconds, 61);
    }
}
