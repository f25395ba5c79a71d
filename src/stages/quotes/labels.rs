//! Quotes with no verb of saying: after a speaker's label ("- Blackburn
//! boss Mark Hughes: "…""), after a colon ending a sentence a person is
//! the subject of ("Chakrapani proposed: "…""), and in the first person
//! inside a sentence a person's name opens. Tried after the windows of
//! `attribution`.

use super::lexicon::{first_verb, Attribution, SpeakerRef};

/// Where the colon right before a quote's mark is, if the mark follows one.
fn colon_before(text: &str, mark: usize) -> Option<usize> {
    text[..mark].trim_end().strip_suffix(':').map(str::len)
}

/// Where the clause holding byte `at` starts: after the last line break,
/// sentence end, quote mark or semicolon before it.
fn clause_start(text: &str, at: usize) -> usize {
    text[..at]
        .char_indices()
        .rfind(|&(_, c)| matches!(c, '\n' | '.' | '!' | '?' | '"' | '“' | '”' | ';'))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// A quote after a speaker's label: a person's name and a colon with no
/// verb of saying in its clause ("- Blackburn boss Mark Hughes: "…"",
/// "BBC Two controller Roly Keating: "…"", "Observes Mr Hadi: "…""), as
/// match reports and Q&A write it. The clause runs from the paragraph, the
/// sentence or a list dash to the name and holds at most five words
/// before it, so "the question was put to the chief, Ann Lee:" is no
/// label. `(None, None, None)` when there is none.
pub(super) fn attribute_label(text: &str, mark: usize, speakers: &[SpeakerRef]) -> Attribution {
    let none = (None, None, None);
    let Some(colon) = colon_before(text, mark) else {
        return none;
    };
    // `speakers` are in text order by start: the few before the colon.
    let hi = speakers.partition_point(|s| s.start < colon);
    let Some(s) = speakers[..hi]
        .iter()
        .rev()
        .take(4)
        .find(|s| s.end == colon && s.is_person)
    else {
        return none;
    };
    let clause = text[clause_start(text, s.start)..s.start]
        .trim_start()
        .trim_start_matches(['-', '–', '•']);
    if clause.split_whitespace().count() > 5 || first_verb(clause).is_some() {
        return none;
    }
    (Some(s.id.clone()), Some(s.name.clone()), None)
}

/// A quote after a colon that ends a sentence whose subject is a person,
/// with no verb of saying the attribution windows know ('However,
/// addressing the leaders, Chakrapani proposed: "…"', 'President Donald
/// Trump took a parting shot on Twitter: "…"', 'As Gavin Cox of the
/// website put it: "…"'). The person is the sentence's only one, opens it
/// (after titles, "As", or an opening phrase ending in a comma) and is
/// followed by a lower-case word: a verb, not the colon ("the question put
/// to the manager, Oscar Brandt:" is `attribute_label`'s, and no label).
/// `(None, None, None)` when there is none.
pub(super) fn attribute_colon_sentence(
    text: &str,
    mark: usize,
    speakers: &[SpeakerRef],
) -> Attribution {
    let none = (None, None, None);
    let Some(colon) = colon_before(text, mark) else {
        return none;
    };
    let start = clause_start(text, colon);
    let (lo, hi) = (
        speakers.partition_point(|s| s.start < start),
        speakers.partition_point(|s| s.start < colon),
    );
    let in_sentence = &speakers[lo..hi.max(lo)];
    // (A mention running over the colon is no subject before it.)
    let Some(s) = in_sentence.iter().find(|s| s.is_person && s.end <= colon) else {
        return none;
    };
    if in_sentence.iter().any(|o| o.is_person && o.id != s.id)
        || text[start..colon].split_whitespace().count() > 30
    {
        return none;
    }
    let before = text[start..s.start].trim();
    let opens = before.is_empty()
        || before.ends_with(',')
        || matches!(before, "As" | "But" | "And" | "So")
        || before.split_whitespace().all(|w| {
            w.starts_with(char::is_uppercase)
                || crate::nlp::titles::is(w, crate::nlp::titles::PERSON)
        });
    let verb_after = text[s.end..colon]
        .split_whitespace()
        .next()
        .is_some_and(|w| w.starts_with(char::is_lowercase));
    if !opens || !verb_after {
        return none;
    }
    (Some(s.id.clone()), Some(s.name.clone()), None)
}

/// A quote in the first person inside a sentence that a person's name
/// opens, with no verb of saying: that person's words ("Lisa Mancini has
/// been cosplaying for two years, her "passion" for the hobby "stemmed
/// through my love for Halloween.""). `(None, None, None)` when there is
/// none.
/// Whether quoted words speak in the first person: "I", "my", "me" (and
/// "I've"), and with `plural` "we" and "our" too.
pub(super) fn in_first_person(words: &str, plural: bool) -> bool {
    words
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .any(|w| {
            matches!(
                w,
                "I" | "I'm" | "I’m" | "I've" | "I’ve" | "my" | "My" | "me"
            ) || plural && matches!(w, "we" | "We" | "our" | "Our")
        })
}

pub(super) fn attribute_sentence_subject(
    text: &str,
    q: (usize, usize, usize, usize),
    speakers: &[SpeakerRef],
) -> Attribution {
    let none = (None, None, None);
    if !in_first_person(&text[q.1..q.2], true) {
        return none;
    }
    let start = text[..q.0]
        .rfind(['.', '!', '?', '\n'])
        .map_or(0, |i| i + 1);
    let from = speakers.partition_point(|s| s.start < start);
    let Some(s) = speakers.get(from).filter(|s| s.end <= q.0 && s.is_person) else {
        return none;
    };
    let opens = text[start..s.start].trim().is_empty();
    if !opens || first_verb(&text[s.end..q.0]).is_some() {
        return none;
    }
    (Some(s.id.clone()), Some(s.name.clone()), None)
}
