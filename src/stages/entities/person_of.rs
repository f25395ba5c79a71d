//! A person of a body, tagged as one name: "Nils-Erik Haagenrud of
//! Rogaland Fire" came out one organisation, so the fire chief was no
//! person. When a chunk the tagger did not type PER holds "of", and the
//! two or three capitalised words before it open with a given name and
//! end in no head noun or title ("Bank of England", "Secretary of State",
//! "Roman Catholic Archbishop of Cardiff" stay), the words before "of"
//! are a person and the words after it the body, typed as the chunk was.
//! Not before a known place alone: "Bell Textron of Canada" and "Archer
//! Daniels Midland of Decatur" are firms of their seat, as wires write
//! them (of 3 such splits before a lone place in Reuters and Wikinews, 1
//! was a person: "Stacey Abrams of Georgia" stays one name).
//!
//! The other order too: "CEO of the [Refugee Council Enver Solomon]" came
//! out one organisation. A chunk not typed PER whose last two or three
//! words open with a given name, right after a body's head noun
//! ("Council", "Party", "University"), is the body then the person.

use super::chunks::capitalised;
use crate::gazetteer::Gazetteer;
use crate::ner::Chunk;
use crate::nlp::gender::FirstNames;
use crate::nlp::titles::{is, ENDS_OFFICE, OFFICE_TAIL, PERSON};

/// `cs` with such chunks split in two.
pub(super) fn split(cs: Vec<Chunk>, words: &[&str], gaz: &Gazetteer) -> Vec<Chunk> {
    if !cs.iter().any(|c| c.kind != "PER" && c.end - c.start >= 4) {
        return cs;
    }
    let mut out = Vec::with_capacity(cs.len() + 1);
    for c in cs {
        if let Some(p) = person_after_body(&c, words, gaz) {
            out.push(Chunk {
                start: c.start,
                end: p,
                kind: c.kind,
            });
            out.push(Chunk {
                start: p,
                end: c.end,
                kind: "PER",
            });
            continue;
        }
        match person_before_of(&c, words, gaz) {
            Some(of) => {
                out.push(Chunk {
                    start: c.start,
                    end: of,
                    kind: "PER",
                });
                out.push(Chunk {
                    start: of + 1,
                    end: c.end,
                    kind: c.kind,
                });
            }
            None => out.push(c),
        }
    }
    out
}

/// Where the person's name starts in a chunk that ends in a body's name
/// and then a person's: "Refugee Council Enver Solomon".
fn person_after_body(c: &Chunk, words: &[&str], gaz: &Gazetteer) -> Option<usize> {
    if c.kind == "PER" || c.end - c.start < 4 {
        return None;
    }
    // Given name and surname, or with a middle initial ("John F. Kennedy");
    // not "2nd Battalion [Royal Gurkha Rifles]".
    let p = match &words[c.end - 3..c.end] {
        [_, _, last] if super::heads::head_kind(last).is_some() => return None,
        [_, middle, _] if c.end - 3 >= c.start + 2 && super::after_title::initials(middle) => {
            c.end - 3
        }
        _ => c.end - 2,
    };
    let (given, surname) = (words[p], words[c.end - 1]);
    let person = super::heads::head_kind(words[p - 1]) == Some("ORG")
        && capitalised(given)
        && FirstNames::embedded().is_given_name(given)
        && capitalised(surname)
        && surname.len() > 1
        && super::surname::could_be_first_and_surname(gaz, given, surname)
        && !words[p..c.end]
            .iter()
            .any(|w| is(w, ENDS_OFFICE | OFFICE_TAIL | PERSON));
    person.then_some(p)
}

/// The index of the "of" after a person's name that opens chunk `c`.
fn person_before_of(c: &Chunk, words: &[&str], gaz: &Gazetteer) -> Option<usize> {
    if c.kind == "PER" {
        return None;
    }
    let of = (c.start + 2..c.end.saturating_sub(1)).find(|&i| words[i] == "of")?;
    let name = &words[c.start..of];
    let first = name[0].split('-').next().unwrap_or(name[0]);
    let last = name[name.len() - 1];
    let person = name.len() <= 3
        && name.iter().all(|w| capitalised(w) && w.len() > 1)
        && FirstNames::embedded().is_given_name(first)
        && super::heads::head_kind(last).is_none()
        && !name
            .iter()
            .any(|w| is(w, ENDS_OFFICE | OFFICE_TAIL | PERSON))
        && capitalised(words[of + 1]);
    // (A bracket or stop the chunk took in is no part of the place.)
    let place = || {
        let tail: Vec<&str> = words[of + 1..c.end]
            .iter()
            .copied()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .collect();
        !gaz.lookup(&tail.join(" ")).is_empty()
    };
    (person && !place()).then_some(of)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, tagged: &[(usize, usize, &'static str)], expect: &[(&str, &str)]) {
        super::super::tests::check_chunks(split, sentence, tagged, expect);
    }

    #[test]
    fn a_person_of_a_body_is_two_names() {
        check(
            "Nils-Erik Haagenrud of Rogaland Fire said",
            &[(0, 5, "ORG")],
            &[("Nils-Erik Haagenrud", "PER"), ("Rogaland Fire", "ORG")],
        );
        check(
            "said Jane Okafor of Lagos State University",
            &[(1, 6, "ORG")],
            &[("Jane Okafor", "PER"), ("Lagos State University", "ORG")],
        );
    }

    #[test]
    fn a_body_then_its_officer_is_two_names() {
        check(
            "CEO of the Refugee Council Enver Solomon told",
            &[(3, 4, "ORG")],
            &[("Refugee Council", "ORG"), ("Enver Solomon", "PER")],
        );
        check(
            "the Refugee Council John F. Smith said",
            &[(1, 5, "ORG")],
            &[("Refugee Council", "ORG"), ("John F. Smith", "PER")],
        );
        // A body's name that goes on after its head noun stays whole.
        check(
            "the Security Council Counter Terrorism Committee said",
            &[(1, 5, "ORG")],
            &[("Security Council Counter Terrorism Committee", "ORG")],
        );
        check(
            "the National Council Jean Monnet said",
            &[(1, 4, "PER")],
            &[("National Council Jean Monnet", "PER")],
        );
    }

    #[test]
    fn bodies_offices_and_people_stay() {
        check(
            "the 2nd Battalion Royal Gurkha Rifles said",
            &[(1, 5, "ORG")],
            &[("2nd Battalion Royal Gurkha Rifles", "ORG")],
        );
        check(
            "the Bank of England said",
            &[(1, 3, "ORG")],
            &[("Bank of England", "ORG")],
        );
        check(
            "Victoria University of Wellington said",
            &[(0, 4, "ORG")],
            &[("Victoria University of Wellington", "ORG")],
        );
        check(
            "Secretary of State Ann Lee said",
            &[(0, 5, "ORG")],
            &[("Secretary of State Ann Lee", "ORG")],
        );
        check(
            "Charles Dickens of London wrote",
            &[(0, 4, "PER")],
            &[("Charles Dickens of London", "PER")],
        );
        check(
            "said Bell Textron of Canada today",
            &[(1, 4, "ORG")],
            &[("Bell Textron of Canada", "ORG")],
        );
        check(
            "with ( Bell Textron of Canada ) and",
            &[(2, 5, "ORG")],
            &[("Bell Textron of Canada )", "ORG")],
        );
        check(
            "the Roman Catholic Archbishop of Cardiff said",
            &[(1, 5, "MISC")],
            &[("Roman Catholic Archbishop of Cardiff", "MISC")],
        );
        check(
            "the Church of England said",
            &[(1, 3, "ORG")],
            &[("Church of England", "ORG")],
        );
    }
}
