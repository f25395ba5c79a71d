//! The names of a window that may speak its quote: not an addressee or
//! an affiliation ("told ABC News", "Jane Doe of Acme University"), not a
//! possessor ("Dunn's mother said"), not a name inside an earlier
//! quotation, and the source an "according to" phrase names when it
//! names no one ("according to police and county officials"), and a
//! new speaker's description ("a spokesman for Ofcom").

use super::lexicon::{first_verb, owns_its_words, word_before, SpeakerRef, NOT_SPEAKER_AFTER};

/// "According to police and county officials, Doe was driving "…"": the
/// source is the phrase after "according to" (the verb at `at_verb`), up
/// to its comma; when it names no one, that description, not the clause's
/// subject, is who spoke. None for another verb, a phrase that names
/// someone, "according to its press release" (its owner speaks) and
/// "According to an advance text, he told delegates:" (the clause has its
/// own verb and subject).
pub(super) fn according_description(
    text: &str,
    at_verb: usize,
    b: usize,
    verb: &str,
    speakers: &[SpeakerRef],
) -> Option<String> {
    if verb != "according" {
        return None;
    }
    let end = text[at_verb..b]
        .find([',', ';', '.'])
        .map_or(b, |i| at_verb + i);
    let named = speakers.iter().any(|s| s.start >= at_verb && s.end <= end);
    let phrase = text[at_verb..end]
        .trim_start_matches("according to")
        .trim_start_matches("According to")
        .trim();
    let owned = ["its ", "his ", "her ", "their "]
        .iter()
        .any(|p| phrase.starts_with(p));
    let own_verb = first_verb(&text[end..b]).is_some();
    (!named && !owned && !own_verb && end < b && !phrase.is_empty() && first_verb(phrase).is_none())
        .then(|| phrase.to_string())
}

/// The names between `clause_start` and `b` that may speak the quote of a
/// window whose verb of saying is at `at_verb` (see the module note).
pub(super) fn free_speakers<'s>(
    text: &str,
    speakers: &'s [SpeakerRef],
    clause_start: usize,
    b: usize,
    at_verb: usize,
    verb: &str,
) -> Vec<&'s SpeakerRef> {
    // `speakers` are in text order: the names inside the window by
    // bisection.
    let from = speakers.partition_point(|s| s.start < clause_start);
    let to = speakers.partition_point(|s| s.start < b);
    // "Mark Hay, a marine ecologist at GT, who said": the relative
    // pronoun's person speaks, whatever word stands before the name.
    let relative =
        crate::nlp::word_before(text, at_verb).is_some_and(|(_, w)| w.eq_ignore_ascii_case("who"));
    speakers[from..to.max(from)]
        .iter()
        .filter(|s| s.end <= b)
        // A name inside an earlier quotation of the window, which closes
        // before the verb, is not its speaker ('"On behalf of the Court
        // and retired Justices," wrote Chief Justice John Roberts, "…"').
        .filter(|s| {
            !(s.in_quote && s.end < at_verb && text[s.end..at_verb].contains(['"', '“', '”']))
        })
        .filter(|s| {
            !NOT_SPEAKER_AFTER.contains(&word_before(text, s.start).as_str())
                || verb == "according"
                || (relative && s.is_person)
        })
        // "Dunn's mother said": a possessor is not the speaker, unless
        // what it owns is its own words ("the WHO's website said").
        .filter(|s| !text[s.end..].starts_with(['\'', '’']) || owns_its_words(&text[s.end..]))
        // "Biden's Twitter account, saying": a platform naming whose
        // account it is does not speak.
        .filter(|s| {
            ![
                " account",
                " accounts",
                " feed",
                " page",
                " channel",
                " profile",
            ]
            .iter()
            .any(|w| text[s.end..].starts_with(w))
        })
        .collect()
}

/// A new speaker described after an inverted verb: an indefinite
/// determiner and at most six words ("a spokesman for Ofcom", "one
/// trader", "a Home Office spokesman"), not a clause. A definite one ("the
/// two-time Academy Award winner", "the statement") points back, mostly to
/// the speaker of the quote before, which continuation then gives.
pub(super) fn described(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    (2..=7).contains(&words.len())
        && matches!(
            words[0].to_lowercase().as_str(),
            "a" | "an" | "one" | "another"
        )
        && first_verb(phrase).is_none()
        // Cut short at a stop or a line ("one U" of "one U.S. official",
        // "one aide to a"): no description.
        && words[words.len() - 1].chars().count() > 1
        && !matches!(
            words[words.len() - 1].to_lowercase().as_str(),
            "a" | "an" | "the" | "to" | "at" | "of" | "in" | "for" | "and" | "from" | "with"
        )
        && !words.iter().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "was" | "is" | "were" | "are" | "had" | "has" | "would" | "will" | "that"
            )
        })
}
