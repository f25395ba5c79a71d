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
    fn bodies_offices_and_people_stay() {
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
