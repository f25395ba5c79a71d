//! The names of a window that may speak its quote: not an addressee or
//! an affiliation ("told ABC News", "Jane Doe of Acme University"), not a
//! possessor ("Dunn's mother said"), not a name inside an earlier
//! quotation, and the source an "according to" phrase names when it
//! names no one ("according to police and county officials"), a new
//! speaker's description ("a spokesman for Ofcom"), a group's members
//! ("officials, including John Brennan, signed"), and the definite
//! description after a comma that is a clause's subject ("After X
//! failed, the Prime Minister apologised").

use super::antecedents::resolve_description;
use super::lexicon::{
    first_verb, owns_its_words, word_before, Attribution, SpeakerRef, NOT_SPEAKER_AFTER,
    SUBJECT_ADVERBS,
};

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
            let before = word_before(text, s.start);
            !NOT_SPEAKER_AFTER.contains(&before.as_str())
                || verb == "according"
                || (relative && s.is_person)
                // "…, with Boswell stating: "…"": the participle right
                // after the name is the name's.
                || (before == "with"
                    && verb.ends_with("ing")
                    && s.end <= at_verb
                    && text[s.end..at_verb].trim().is_empty())
        })
        // "Fifty former officials, including John Brennan and Michael
        // Hayden, signed a letter saying": a member of a group the
        // subject lists is not the speaker; the group is.
        .filter(|s| !(s.end <= at_verb && listed_by_including(&text[clause_start..s.start])))
        // "Dunn's mother said": a possessor is not the speaker, unless
        // what it owns is its own words ("the WHO's website said").
        .filter(|s| !text[s.end..].starts_with(['\'', '’']) || owns_its_words(&text[s.end..]))
        // "said the Chelsea star": an organisation qualifying a person's
        // description is that person's club or firm; the description
        // speaks (a body's spokesman speaks for it: "the Honda
        // spokesman" stays Honda's).
        .filter(|s| s.is_person || !qualifies_a_person(text, s.start, s.end))
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

/// Whether the name at `start..end` sits in a definite description of a
/// person, between "the" and a lower-case noun naming one ("the Chelsea
/// star", "the Chester manager", "the IAAF chief"; not "the Honda
/// spokesman", see `person_noun`, nor "the IMF team").
fn qualifies_a_person(text: &str, start: usize, end: usize) -> bool {
    let the =
        crate::nlp::word_before(text, start).is_some_and(|(_, w)| w.eq_ignore_ascii_case("the"));
    let next = text[end..]
        .trim_start_matches([' ', '\n'])
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or_default();
    // A title a person holds ("boss", "striker", "chairman"), or one of
    // the few words news uses so that are no title.
    const PERSON_WORDS: &[&str] = &[
        "star", "player", "manager", "winger", "keeper", "skipper", "owner", "founder",
    ];
    the && next.starts_with(|c: char| c.is_ascii_lowercase())
        && (crate::nlp::titles::is(
            next,
            crate::nlp::titles::PERSON | crate::nlp::titles::OFFICE,
        ) || PERSON_WORDS.contains(&next))
        && super::antecedents::person_noun(next)
}

/// Whether a name that follows `before` (its clause up to the name) is in
/// a list opened by "including" that nothing has closed: no stop, colon,
/// semicolon or quote mark since, and at most twelve words.
fn listed_by_including(before: &str) -> bool {
    let Some(at) = before.rfind("including ") else {
        return false;
    };
    let list = &before[at + "including ".len()..];
    !list.contains(['.', ';', ':', '"', '“', '”']) && list.split_whitespace().count() <= 12
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

/// "After Deputy Prime Minister Richard Sulík failed to procure the kits,
/// the Prime Minister apologised for "…"": a definite description between
/// the last comma and the verb is the verb's subject, so a name before
/// that comma (in a clause of its own) does not speak: the person the
/// description resolves to does (also when no name stands before the
/// comma). None when it resolves to no person or a name stands in the
/// description.
pub(super) fn description_subject(
    text: &str,
    clause_start: usize,
    at_verb: usize,
    mark: usize,
    verb: &str,
    speakers: &[SpeakerRef],
) -> Option<Attribution> {
    let comma = clause_start + text.get(clause_start..at_verb)?.rfind(',')?;
    let seg = text[comma + 1..at_verb].trim();
    let seg = match seg.rsplit_once(' ') {
        Some((head, last)) if SUBJECT_ADVERBS.contains(&last) => head,
        _ => seg,
    };
    let words: Vec<&str> = seg.split_whitespace().collect();
    let definite = words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"));
    // Lower-case words and title words ("the Prime Minister"), not a
    // name the tagger missed ("the Oscar-nominated Owen").
    let plain = words.iter().skip(1).all(|w| {
        w.chars().all(|c| c.is_alphabetic() || c == '-')
            && (w.starts_with(char::is_lowercase) || crate::nlp::titles::is(w, u8::MAX))
    });
    // `speakers` are in text order: the clause's names by bisection.
    let from = speakers.partition_point(|s| s.start < clause_start);
    let to = speakers.partition_point(|s| s.start < at_verb);
    let in_reach = speakers[from..to.max(from)]
        .iter()
        .filter(|s| s.end <= at_verb);
    // (With no name before the comma either, the description is still
    // the subject: "Speaking amid a flurry of campaigning, the prime
    // minister said:".)
    let named_inside = in_reach.clone().any(|s| s.start > comma);
    if !(definite && plain && (2..=5).contains(&words.len())) || named_inside {
        return None;
    }
    // Only a person it resolves to: an unresolved description, or one of
    // a thing, may still be the earlier name's ("While Willis does not
    // seek damages, the lawsuit noted": his lawsuit; of 4 BBC changes
    // that took the description as written, 1 was right).
    let s = resolve_description(text, seg, mark, speakers).filter(|s| s.is_person)?;
    Some((
        Some(s.id.clone()),
        Some(s.name.clone()),
        Some(verb.to_string()),
    ))
}
