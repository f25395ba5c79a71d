//! Acronyms the article defines: "World Health Organization (WHO)" makes
//! every "WHO" written so, as a whole word, a mention of the same kind
//! where the tagger left it out ("The WHO's website said"). Consolidation
//! then merges them into the named entity (its parenthetical-acronym step).

use crate::document::{Span, SpanIndex};

use super::merge::{initials, is_acronym};
use super::mentions::Mention;

/// At most this many acronyms are taken from one article (each costs a scan
/// of the text; news articles define a handful).
const MAX_DEFINED: usize = 32;

/// Whether `a` is `b` with letters left out, in order.
fn is_subsequence(a: &str, b: &str) -> bool {
    let mut b = b.chars();
    a.chars().all(|c| b.any(|d| d == c))
}

/// Whether the acronym can stand for the name: the name's initials are its
/// letters with some left out ("National Statistics" for ONS, the tagger
/// having cut "Office for"), or the other way round (NASDAQ for "National
/// Association of Securities Dealers Automated Quotation System"). Not a
/// party and state ("Jesse Helms (R-N.C.)"), nor the last word of a longer
/// name ("Singapore (MAS)" from "Monetary Authority of Singapore").
fn initials_fit(name: &str, acronym: &str) -> bool {
    let name = initials(name);
    let letters: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    match name.chars().count() {
        0 => false,
        // One word: the acronym must start with it ("Singapore" is no MAS).
        1 => letters.starts_with(name.as_str()),
        _ => is_subsequence(&name, &letters) || is_subsequence(&letters, &name),
    }
}

/// `mentions` (in text order) with the occurrences of the acronyms they
/// define added, outside `skip` and outside other mentions, in text order.
pub(super) fn add_defined(text: &str, mentions: Vec<Mention>, skip: &[Span]) -> Vec<Mention> {
    let mut defined: Vec<(&str, &'static str)> = Vec::new();
    for m in &mentions {
        let Some(rest) = text[m.end..].trim_start().strip_prefix('(') else {
            continue;
        };
        let Some((inner, _)) = rest.split_once(')') else {
            continue;
        };
        let inner = inner.trim();
        if defined.len() < MAX_DEFINED
            && is_acronym(inner)
            && inner != m.text
            && initials_fit(&m.text, inner)
            && !defined.iter().any(|(a, _)| *a == inner)
        {
            defined.push((inner, m.kind));
        }
    }
    if defined.is_empty() {
        return mentions;
    }
    // Mentions and skipped spans, searched by bisection: an input that
    // repeats a defined acronym many times costs n log n.
    let taken = SpanIndex::new(
        mentions
            .iter()
            .map(|m| (m.start, m.end))
            .chain(skip.iter().map(|s| (s.start, s.end))),
    );
    let word_edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    let mut added: Vec<Mention> = Vec::new();
    for (acronym, kind) in defined {
        for (at, _) in text.match_indices(acronym) {
            let end = at + acronym.len();
            let whole =
                word_edge(text[..at].chars().next_back()) && word_edge(text[end..].chars().next());
            if whole && !taken.overlaps(at, end) {
                added.push(Mention {
                    text: acronym.to_string(),
                    start: at,
                    end,
                    kind,
                });
            }
        }
    }
    // Two defined acronyms may overlap ("N.C." inside "R-N.C."): the
    // earlier, then the longer, wins.
    added.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut out = mentions;
    let mut last_end = 0;
    for m in added {
        if m.start >= last_end {
            last_end = m.end;
            out.push(m);
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `tagged` are (mention text, kind), found in `text` in order; the
    /// result is every mention's text and kind, in text order.
    fn check(text: &str, tagged: &[(&str, &'static str)], expect: &[(&str, &str)]) {
        let mentions = super::super::mention::placed(text, tagged);
        let got: Vec<(String, &str)> = add_defined(text, mentions, &[])
            .into_iter()
            .map(|m| (m.text, m.kind))
            .collect();
        let expect: Vec<(String, &str)> = expect.iter().map(|(t, k)| (t.to_string(), *k)).collect();
        assert_eq!(got, expect, "{text}");
    }

    #[test]
    fn a_defined_acronym_is_a_mention_wherever_it_is_written() {
        check(
            "the World Health Organization (WHO) said. The WHO's website, who knows, WHOM.",
            &[("World Health Organization", "ORG")],
            &[
                ("World Health Organization", "ORG"),
                ("WHO", "ORG"),
                ("WHO", "ORG"),
            ],
        );
        // Already a mention: not added twice.
        check(
            "Islamic State (IS) fighters; IS said",
            &[("Islamic State", "ORG"), ("IS", "ORG")],
            &[("Islamic State", "ORG"), ("IS", "ORG"), ("IS", "ORG")],
        );
        // Letters that cannot stand for the name: unchanged.
        check(
            "Sen. Jesse Helms (R-N.C.) said; R-N.C. again",
            &[("Jesse Helms", "PER")],
            &[("Jesse Helms", "PER")],
        );
        check(
            "the Monetary Authority of Singapore (MAS) said; MAS",
            &[("Singapore", "LOC")],
            &[("Singapore", "LOC")],
        );
        check(
            "Office for National Statistics (ONS) figures; ONS said",
            &[("National Statistics", "ORG")],
            &[
                ("National Statistics", "ORG"),
                ("ONS", "ORG"),
                ("ONS", "ORG"),
            ],
        );
        // Repeated many times: every whole-word occurrence, once.
        let many = format!("World Health Organization (WHO) {}", "WHO, ".repeat(5000));
        let got = add_defined(
            &many,
            vec![Mention {
                text: "World Health Organization".into(),
                start: 0,
                end: 25,
                kind: "ORG",
            }],
            &[],
        );
        assert_eq!(got.len(), 5002);
        // Not an acronym, or nothing defined: unchanged.
        check(
            "Acme Corp (2019) grew; Acme Corp (Acme) too",
            &[("Acme Corp", "ORG"), ("Acme Corp", "ORG")],
            &[("Acme Corp", "ORG"), ("Acme Corp", "ORG")],
        );
    }
}
