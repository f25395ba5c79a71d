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

use super::wordlists::is_office;
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

#[cfg(test)]
mod tests {
    use super::*;

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
