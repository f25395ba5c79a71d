//! A person introduced by age: "Fourteen-year-old Zoe, on the top deck,
//! said", "14-year-old Stefan Pakeerah", "18-year-old Aiden McGeady". The
//! tagger, which rarely saw a lone first name there, leaves it untagged or
//! types it MISC or LOC, and a quote said by Zoe then went to the police
//! force named a paragraph before. A given name (of any country) right
//! after a word ending in "year-old" opens a person's name, with the
//! capitalised surname-like words after it (two at most). Left alone: a
//! first name that is a notable place, and a chunk that runs on past the
//! name ("the 24-year-old Newcastle star" has no first name anyway).

use super::chunks;
use crate::gazetteer::Gazetteer;
use crate::ner::Chunk;
use crate::nlp::gender::FirstNames;

/// A place of 100,000 people or more is no first name here ("Chelsea").
const NOTABLE_CITY: u64 = 100_000;

fn capitalised_word(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.all(|c| c.is_alphabetic() || c == '-')
}

/// The chunks with each such person made one PER chunk.
pub(super) fn mend(cs: Vec<Chunk>, words: &[&str], gaz: &Gazetteer) -> Vec<Chunk> {
    let starts: Vec<usize> = (1..words.len())
        .filter(|&i| {
            // Bytes: the word may be any text ("aṭ-Ṭā").
            let before = words[i - 1].as_bytes();
            before.len() >= 8 && before[before.len() - 8..].eq_ignore_ascii_case(b"year-old")
        })
        .take(chunks::MAX_TRIGGERS)
        .collect();
    if starts.is_empty() {
        return cs;
    }
    let names = FirstNames::embedded();
    let mut cs = cs;
    for start in starts {
        let first = words[start];
        if !capitalised_word(first)
            || !names.is_given_name(first)
            || gaz.is_notable(first, NOTABLE_CITY)
        {
            continue;
        }
        let mut end = start + 1;
        while end < words.len() && end < start + 3 && capitalised_word(words[end]) {
            end += 1;
        }
        // A chunk that starts before the name or runs past it is the
        // tagger's reading ("Dakota Fanning Foundation").
        if chunks::crosses(&cs, start, end) {
            continue;
        }
        chunks::put(&mut cs, start, end, "PER");
    }
    cs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, tagged: &[(usize, usize, &'static str)], expect: &[(&str, &str)]) {
        super::super::tests::check_chunks(mend, sentence, tagged, expect);
    }

    #[test]
    fn a_first_name_after_an_age_opens_a_person() {
        check(
            "Fourteen-year-old Zoe , on the deck",
            &[(1, 1, "MISC")],
            &[("Zoe", "PER")],
        );
        check(
            "parents of 14-year-old Stefan Pakeerah ,",
            &[],
            &[("Stefan Pakeerah", "PER")],
        );
        check(
            "to 18-year-old Aiden McGeady .",
            &[(2, 1, "MISC")],
            &[("Aiden McGeady", "PER")],
        );
    }

    #[test]
    fn places_demonyms_and_longer_chunks_are_left() {
        check(
            "the 24-year-old Newcastle star",
            &[(2, 1, "LOC")],
            &[("Newcastle", "LOC")],
        );
        check(
            "the 20-year-old Swede edged",
            &[(2, 1, "MISC")],
            &[("Swede", "MISC")],
        );
        check("aṭ-Ṭā Zoe", &[], &[]);
        check(
            "a 36-year-old Cheltenham man",
            &[(2, 1, "LOC")],
            &[("Cheltenham", "LOC")],
        );
    }
}
