//! A person's name the office's domain ran into: the tagger, seeing
//! capitalised words from an office to a name, types them as one span, so
//! the person starts at the first given name after the office.
//! - After an office's "of" before the span: "Director of [National
//!   Intelligence John Ratcliffe]" (capitalised words to the end, no
//!   organisation's head: "director of [Morgan Stanley and Co]" is the
//!   firm).
//! - An office word inside the span, then its domain, then a known first
//!   name and at most two more capitalised words to the end: "[United
//!   States Speaker of the House Nancy Pelosi]", "[Supreme Court Justice
//!   Elena Kagan]", "[Radical Party Deputy Raul Baglini]".
//!
//! And an office the tagger typed as a body or a place ("[Treasury
//! Secretary]", "[United States Senator]"), which names no one: dropped,
//! or cut to the body or place that holds it (`office_at_end`).

use super::wordlists::{is_office, lower_is};
use crate::gazetteer::{Gazetteer, Kind};
use crate::ner::Chunk;
use crate::nlp::gender::FirstNames;
use crate::nlp::titles;

/// Where the person in chunk `c` starts, if an office's domain ran into
/// the name.
pub(super) fn person_after_office(c: &Chunk, words: &[&str]) -> Option<usize> {
    if c.end - c.start < 2 {
        return None;
    }
    let first_names = FirstNames::embedded();
    let capitalised_to_end = |p: usize| {
        words[p..c.end]
            .iter()
            .all(|w| w.starts_with(char::is_uppercase))
            && super::heads::head_kind(words[c.end - 1]).is_none()
    };
    // An office inside the span (a PER span only when long: "Judge
    // Mary Ann Lee" is a name with its office already stripped).
    let inside = (c.start + 1..c.end.saturating_sub(2))
        .rev()
        .find(|&i| is_office(words[i]) || titles::is(words[i], titles::SPEAKER))
        .filter(|_| c.kind != "PER" || c.end - c.start >= 5);
    if let Some(o) = inside {
        let person = (o + 1..c.end - 1)
            .find(|&i| first_names.contains(words[i]))
            .filter(|&p| c.end - p <= 3 && capitalised_to_end(p));
        if person.is_some() {
            return person;
        }
    }
    if c.start >= 2 && words[c.start - 1] == "of" && is_office(words[c.start - 2]) {
        return (c.start + 1..c.end - 1)
            .find(|&i| first_names.is_given_name(words[i]))
            .filter(|&p| capitalised_to_end(p));
    }
    None
}

/// What becomes of a span that is not a person's and ends in an office.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum OfficeEnd {
    /// No office at its end, or a person's span: as it is.
    Keep,
    /// An office alone ("Senate Majority Leader", "Lord Mayor",
    /// "Agriculture Secretary", "Chancellor"): no one is named.
    Drop,
    /// The body or place holding the office, up to `end` ("US" of "US
    /// President", "IMF" of "IMF Managing Director", "Central Intelligence
    /// Agency" of "... Director"), typed `kind`.
    Cut { end: usize, kind: &'static str },
}

/// A one-word chunk that only qualifies the office after it ("Labour's
/// [Shadow] Home Secretary Yvette Cooper", "[Acting] Police Chief"): no
/// name. The office may be a word further on ("Home" is none).
pub(super) fn qualifier_alone(c: &Chunk, words: &[&str]) -> bool {
    use titles::{ENDS_OFFICE, OFFICE, PERSON, QUALIFIER};
    // (Asked of every one-word chunk: the cheap tests first.)
    c.end - c.start == 1
        && titles::may_qualify(words[c.start])
        && words
            .get(c.end)
            .is_some_and(|w| w.starts_with(|ch: char| ch.is_alphabetic()))
        && titles::is(words[c.start], QUALIFIER)
        && !titles::is(words[c.start], PERSON)
        && words[c.end..]
            .iter()
            .take(2)
            .any(|w| titles::is(w, OFFICE | ENDS_OFFICE))
}

/// Whether non-person span `c` ends in an office (the tagger typed "Treasury
/// Secretary" ORG, "United States Senator" LOC) and what is left of it.
/// Not a span with "of" ("Office of the Prime Minister" is a body), nor
/// one ending in a word that also names bodies or works ("Scottish
/// Executive", "Fathers 4 Justice", "Criminal Justice Bill", "Miami
/// Vice") or in a short form ("DOM REP" is the Dominican Republic);
/// "General" only after an office ("Attorney General"; "Dollar General"
/// is a firm).
pub(super) fn office_at_end(c: &Chunk, words: &[&str], gaz: &Gazetteer) -> OfficeEnd {
    use titles::{ENDS_OFFICE, OFFICE, OFFICE_TAIL, QUALIFIER};
    let span = &words[c.start..c.end];
    let last = span[span.len() - 1];
    // (Asked of every chunk: the cheap tests first.)
    if c.kind == "PER" || last.len() < 5 || !titles::is(last, ENDS_OFFICE | OFFICE) {
        return OfficeEnd::Keep;
    }
    let general = lower_is(last, |w| w == "general");
    let ends = !lower_is(last, |w| matches!(w, "executive" | "justice"))
        && (!general || span.len() >= 2 && titles::is(span[span.len() - 2], OFFICE));
    if !ends || span.contains(&"of") {
        return OfficeEnd::Keep;
    }
    let office_word = |w: &str| titles::is(w, OFFICE | ENDS_OFFICE | OFFICE_TAIL | QUALIFIER);
    let mut end = c.end;
    while end > c.start && office_word(words[end - 1]) {
        end -= 1;
    }
    if end == c.start {
        return OfficeEnd::Drop;
    }
    let rest = &words[c.start..end];
    let head = rest[rest.len() - 1];
    let place = gaz
        .kinds(&rest.join(" "))
        .iter()
        .any(|k| matches!(k, Kind::Country | Kind::Demonym));
    let acronym = rest.len() == 1
        && head.len() >= 2
        && head.chars().all(|ch| ch.is_ascii_uppercase() || ch == '.');
    match (place, super::heads::head_kind(head)) {
        (true, _) => OfficeEnd::Cut { end, kind: "LOC" },
        (false, Some(kind)) => OfficeEnd::Cut { end, kind },
        (false, None) if acronym => OfficeEnd::Cut { end, kind: "ORG" },
        _ => OfficeEnd::Drop,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_qualifier_alone_before_an_office_is_no_name() {
        for (sentence, from, expect) in [
            (
                "Labour 's Shadow Home Secretary Yvette Cooper said",
                2,
                true,
            ),
            ("the Acting Police Chief said", 1, true),
            ("the Shadow said", 1, false),
            ("Lord Mayor Jane Doe", 0, false),
        ] {
            let words: Vec<&str> = sentence.split(' ').collect();
            let c = Chunk {
                start: from,
                end: from + 1,
                kind: "MISC",
            };
            assert_eq!(qualifier_alone(&c, &words), expect, "{sentence}");
        }
    }

    /// `sentence` (space-separated words) with the chunk `[from, to)` of
    /// type `kind`: the name left, if an office ran into it.
    fn check(sentence: &str, (from, to): (usize, usize), kind: &'static str, expect: Option<&str>) {
        let words: Vec<&str> = sentence.split(' ').collect();
        let c = Chunk {
            start: from,
            end: to,
            kind,
        };
        let got = person_after_office(&c, &words).map(|p| words[p..to].join(" "));
        assert_eq!(got.as_deref(), expect, "{sentence:?}");
    }

    #[test]
    fn an_office_typed_as_a_body_or_a_place() {
        let check = |sentence: &str, kind: &'static str, expect: Option<&str>| {
            let words: Vec<&str> = sentence.split(' ').collect();
            let c = Chunk {
                start: 0,
                end: words.len(),
                kind,
            };
            let got = match office_at_end(&c, &words, Gazetteer::embedded()) {
                OfficeEnd::Keep => Some(sentence.to_string()),
                OfficeEnd::Drop => None,
                OfficeEnd::Cut { end, kind } => Some(format!("{} {kind}", words[..end].join(" "))),
            };
            assert_eq!(got.as_deref(), expect, "{sentence:?}");
        };
        check("Senate Majority Leader", "ORG", Some("Senate ORG"));
        check("Lord Mayor", "LOC", None);
        check("Agriculture Secretary", "ORG", None);
        check("United States Senator", "LOC", Some("United States LOC"));
        check("IMF Managing Director", "ORG", Some("IMF ORG"));
        check(
            "Central Intelligence Agency Director",
            "ORG",
            Some("Central Intelligence Agency ORG"),
        );
        check("Coös County Attorney", "ORG", Some("Coös County LOC"));
        // Kept: a person, a body with "of", a body or work ending so.
        check("Michel Mayor", "PER", Some("Michel Mayor"));
        check(
            "Office of the Prime Minister",
            "ORG",
            Some("Office of the Prime Minister"),
        );
        check("Scottish Executive", "ORG", Some("Scottish Executive"));
        check("Fathers 4 Justice", "ORG", Some("Fathers 4 Justice"));
        check("Miami Vice", "MISC", Some("Miami Vice"));
        check("DOM REP", "MISC", Some("DOM REP"));
        check("Dollar General", "ORG", Some("Dollar General"));
        check("Attorney General", "ORG", None);
    }

    #[test]
    fn the_person_after_an_office_and_its_domain() {
        check(
            "the United States Speaker of the House Nancy Pelosi",
            (1, 9),
            "LOC",
            Some("Nancy Pelosi"),
        );
        check(
            "Supreme Court Justice Elena Kagan",
            (0, 5),
            "ORG",
            Some("Elena Kagan"),
        );
        check(
            "Director of National Intelligence John Ratcliffe",
            (2, 6),
            "ORG",
            Some("John Ratcliffe"),
        );
        check("director of Morgan Stanley and Co", (2, 6), "ORG", None);
        check("Supreme Court Justice Department", (0, 4), "ORG", None);
        check("Judge Mary Ann Lee", (0, 4), "PER", None);
        check("Nancy Pelosi", (0, 2), "PER", None);
    }
}
