//! Whether a quote with no attribution of its own may continue the voice
//! of the quote before it: after no more than that quote's attribution
//! (`one_clause`, or wire copy's longer `wire_clause`), and not when
//! another person becomes the subject of a clause between them ('…," said
//! Nadal. US coach Patrick McEnroe wants his team to play more on clay.
//! "I think it will help …"'). Then the quote is that person's: the story
//! has turned to them (`new_subject`).

use super::lexicon::{self, verb, SpeakerRef, SUBJECT_ADVERBS};
use super::sentences;
use crate::document::Span;

/// Auxiliaries and copulas that open a clause's verb after its subject
/// ("Spears was named best female").
const AUXILIARIES: &[&str] = &[
    "was", "is", "has", "had", "have", "will", "would", "could", "can", "did", "does", "may",
    "might", "must", "should",
];

/// The last person named between bytes `from` and `to` (outside any
/// quotation) as the subject of a clause, unless that is `voice`, the
/// entity whose voice the quote would continue ("Mr Weiner thinks …"
/// keeps Weiner's voice past another person named before). A subject is
/// a name followed, past an apposition between commas or dashes of at
/// most twelve words and an adverb, by a lower-case finite verb (an
/// auxiliary, a verb of saying, an irregular past, a verb in "-ed", or
/// one in "-s": "Mr Prater predicts", "Sir Digby Jones said", "Mr
/// Valentine, who grew up in Argentina, agreed").
pub(super) fn new_subject<'a>(
    text: &str,
    from: usize,
    to: usize,
    speakers: &'a [SpeakerRef],
    voice: &str,
) -> Option<&'a SpeakerRef> {
    let first = speakers.partition_point(|s| s.start < from);
    let between = &speakers[first..];
    let n = between
        .iter()
        .position(|s| s.end > to)
        .unwrap_or(between.len());
    // From the quote backwards: only the last subject's verb is read.
    between[..n]
        .iter()
        .rev()
        .find(|s| s.is_person && !s.in_quote && verb_follows(&text[s.end..to]))
        .filter(|s| s.id != voice)
}

/// Whether `after`, the text after a name, goes on with that name's verb.
fn verb_follows(after: &str) -> bool {
    // (An apposition of twelve words and the verb fit in 160 bytes; the
    // bound keeps a paragraph of thousands of names linear.)
    let cut = crate::text::ceil_char_boundary(after, 160);
    let after = skip_apposition(&after[..cut]);
    let mut words = after
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty());
    let Some(mut w) = words.next() else {
        return false;
    };
    if w.ends_with("ly") || SUBJECT_ADVERBS.contains(&w) {
        let Some(next) = words.next() else {
            return false;
        };
        w = next;
    }
    let w = w.trim_end_matches([',', '.', ';', ':']);
    // "Activison is said to be one firm on its list": hearsay about the
    // name, not the name's own clause.
    let hearsay = matches!(w, "is" | "was" | "are" | "were")
        && words.next().is_some_and(|n| {
            matches!(
                n,
                "said" | "thought" | "believed" | "understood" | "reported" | "expected"
            )
        });
    if hearsay {
        return false;
    }
    let lower = w.starts_with(|c: char| c.is_ascii_lowercase())
        && w.chars().all(|c| c.is_ascii_lowercase());
    // Words in "-s" that are no verb ("Nadal afterwards").
    #[rustfmt::skip]
    const NOT_VERBS: &[&str] = &[
        "afterwards", "always", "besides", "his", "hers", "its", "perhaps", "plus", "sometimes",
        "this", "thus", "towards", "whereas",
    ];
    lower
        && !NOT_VERBS.contains(&w)
        && (AUXILIARIES.contains(&w)
            || crate::nlp::is_irregular_past(w)
            || verb(w).is_some()
            || (w.len() > 4 && w.ends_with("ed"))
            || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")))
}

/// `after` past an apposition right after a name (", who grew up in
/// Argentina," or " - then economic adviser -"), if it is closed within
/// twelve words; else `after` itself.
fn skip_apposition(after: &str) -> &str {
    // "Its leader, Roger Knapman, has said": the comma closes an
    // apposition before the name.
    if let Some(rest) = after.strip_prefix(", ") {
        if rest
            .split_whitespace()
            .next()
            .is_some_and(|w| AUXILIARIES.contains(&w))
        {
            return rest;
        }
    }
    for (open, close) in [(", ", ','), (" - ", '-'), (" – ", '–')] {
        if let Some(rest) = after.strip_prefix(open) {
            if let Some(end) = rest.find(close) {
                let inside = &rest[..end];
                if inside.split_whitespace().count() <= 12 && !inside.contains(['.', '"', '“']) {
                    return &rest[end + close.len_utf8()..];
                }
            }
            return after;
        }
    }
    after
}

/// Whether a paragraph of `paragraphs` (in text order) starts strictly
/// between bytes `from` and `to` (by bisection: an article may hold
/// thousands of quotes and paragraphs).
pub(super) fn paragraph_starts_between(paragraphs: &[Span], from: usize, to: usize) -> bool {
    paragraphs
        .get(paragraphs.partition_point(|p| p.start <= from))
        .is_some_and(|p| p.start < to)
}

/// Whether `between`, the text from one quote's closing mark to the start
/// of the paragraph that opens with the next quote, is only the first
/// quote's attribution (", eBay's David Stern told the BBC News website."):
/// one sentence of at most 20 words, with no stop or line break inside.
/// The next quote then continues the voice ("a quote in a paragraph whose
/// speaker was named in the paragraph before").
pub(super) fn one_clause(between: &str) -> bool {
    let t = between.trim().trim_end_matches(['.', '!', '?']);
    t.split_whitespace().count() <= 20 && !t.contains(['.', '!', '?', '\n', '"', '“', '”'])
}

/// `one_clause` as wire copy writes it: of at most 45 words when a verb of
/// saying opens it (", said Max Oesch, a senior official of the Swiss
/// Lawyers Federation, which has fought …"), a stop inside an
/// abbreviation ("U.S.", "Inc.") ending nothing, nor a line break when
/// `one_paragraph` (wire copy wraps its lines).
pub(super) fn wire_clause(between: &str, one_paragraph: bool) -> bool {
    let t = between.trim().trim_end_matches(['.', '!', '?']);
    let words = t.split_whitespace().count();
    let opens_with_verb =
        lexicon::first_verb(t).is_some_and(|(at, _)| t[..at].split_whitespace().count() <= 6);
    let stop_inside = t.split_whitespace().any(|w| {
        w.contains(['!', '?'])
            || (w.contains('.') && !sentences::abbreviation_word(w.trim_end_matches(',')))
    });
    (words <= 20 || (words <= 45 && opens_with_verb))
        && !stop_inside
        && !t.contains(['"', '“', '”'])
        && (one_paragraph || !t.contains('\n'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verb_follows_the_name() {
        for (after, expect) in [
            (" said stability was all important.", true),
            (" was named best female, sending", true),
            (", who grew up in Argentina, agreed.", true),
            (
                " - then economic adviser to the president - told a press conference.",
                true,
            ),
            (" predicts it will soon become their equal.", true),
            (" also insisted he would stay.", true),
            (" and the rest of his team", false),
            (", deputy head of Swiss Re's department.", false),
            ("'s office added.", false),
            (" for failing to inform him of the test.", false),
            (" in the first round.", false),
            (" afterwards. US coach", false),
            (", has said he is glad.", true),
            (" is said to be one firm on its list.", false),
            (" Jones said", false),
        ] {
            assert_eq!(verb_follows(after), expect, "{after:?}");
        }
    }
}
