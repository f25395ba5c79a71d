//! Sentence splitting over tokens. A sentence ends at '.', '!', '?', '...'
//! or '…' (plus any closing quotes or brackets) when the next token opens a
//! sentence (capital, digit, opening quote, bullet), at a bullet, and always
//! at a blank line or line break between paragraphs. Abbreviation and
//! initial periods belong to their word tokens, so they never end one.

use super::tokenize::{tokenize, Token};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Tokens of this sentence (indices into the token vector).
    pub tokens: std::ops::Range<usize>,
}

const CLOSERS: &[&str] = &["\"", "”", "’", "'", ")", "]", "»"];
const OPENERS: &[&str] = &["\"", "“", "‘", "'", "(", "[", "«", "•"];

fn ends_sentence(t: &str) -> bool {
    matches!(t, "." | "!" | "?" | "…")
        || (t.len() >= 2 && t.chars().all(|c| matches!(c, '.' | '!' | '?')))
}

fn opens_sentence(t: &str) -> bool {
    OPENERS.contains(&t)
        || t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Split `text` into sentences; returns the tokens and the sentences.
pub fn sentences(text: &str) -> (Vec<Token>, Vec<Sentence>) {
    let tokens = tokenize(text);
    let mut out = Vec::new();
    let mut first = 0;
    for i in 0..tokens.len() {
        let t = tokens[i].text(text);
        let next = tokens.get(i + 1);
        let gap = next.map_or("", |n| &text[tokens[i].end..n.start]);
        let line_break = gap.contains('\n')
            && (gap.matches('\n').count() >= 2 || next.is_some_and(|n| n.text(text) == "•"));
        let mut boundary =
            next.is_none() || line_break || next.is_some_and(|n| n.text(text) == "•");
        let closes_previous = CLOSERS.contains(&t)
            && i > first
            && ends_sentence(tokens[i - 1].text(text))
            && tokens[i - 1].end == tokens[i].start;
        if !boundary && (ends_sentence(t) || closes_previous) {
            // Close after trailing quotes/brackets, not before them.
            let nt = next.map_or("", |n| n.text(text));
            boundary = !CLOSERS.contains(&nt) && opens_sentence(nt);
            // A closing quote after the period belongs to this sentence,
            // unless it opens the next one (a new quote after a space).
            if CLOSERS.contains(&nt) && OPENERS.contains(&nt) {
                let after_gap = next.map_or("", |n| {
                    &text[n.end..tokens.get(i + 2).map_or(n.end, |m| m.start)]
                });
                let gap_before = !gap.is_empty();
                boundary = gap_before && after_gap.is_empty();
            }
        }
        if boundary {
            out.push(Sentence {
                start: tokens[first].start,
                end: tokens[i].end,
                tokens: first..i + 1,
            });
            first = i + 1;
        }
    }
    (tokens, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &[&str]) {
        let (_, s) = sentences(input);
        let got: Vec<&str> = s.iter().map(|s| &input[s.start..s.end]).collect();
        assert_eq!(got, expect, "{input:?}");
    }

    #[test]
    fn splits() {
        check(
            "Gen. Smith arrived in the U.S. on Jan. 5. He spoke.",
            &["Gen. Smith arrived in the U.S. on Jan. 5.", "He spoke."],
        );
        check(
            "\"We will stay,\" she said. \"Until it is fair.\" Then she left.",
            &[
                "\"We will stay,\" she said.",
                "\"Until it is fair.\"",
                "Then she left.",
            ],
        );
        check(
            "Prices rose 3.5% — a record! Will it last? Nobody knows.",
            &[
                "Prices rose 3.5% — a record!",
                "Will it last?",
                "Nobody knows.",
            ],
        );
        check(
            "Headline without stop\n\nBody starts here. Ends.",
            &["Headline without stop", "Body starts here.", "Ends."],
        );
        check(
            "Key Points\n  • One point.\n  • Two point",
            &["Key Points", "• One point.", "• Two point"],
        );
        check(
            "the minister...he's under threat",
            &["the minister...he's under threat"],
        );
        check(
            "J. R. Smith spoke to A.B.C. News.",
            &["J. R. Smith spoke to A.B.C. News."],
        );
    }

    #[test]
    fn multi_paragraph_quote_stays_split_by_paragraph() {
        check(
            "\"First part of the quote.\n\n\"Second part,\" he said.",
            &["\"First part of the quote.", "\"Second part,\" he said."],
        );
    }
}
