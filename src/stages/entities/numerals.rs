//! A Roman numeral after a name is part of it: a monarch's or a pope's
//! ("Charles III", "Pope Leo XIV", "Mohammed VI"), a war's or a
//! mission's ("World War II", "Apollo XIII"). The tagger, which saw few
//! of them, made the numeral a body of its own ("Charles" PER + "III
//! met" ORG, "Pope" PER + "XIV" ORG) or left the name before it out
//! ("Leo"). The numeral joins the chunk that ends right before it, or,
//! after an untagged given name, the person that name opens (taking in a
//! person chunk just before it: "Pope" + "Leo" + "XIV"). A chunk the
//! numeral opened goes. Numerals are written in I, V and X, two letters
//! or more ("I" is a pronoun; "LIV", "MIX", "CIVIL" are other words).
//!
//! So is a road's number: "Interstate 80" was a body "Interstate", "U.S.
//! Route 2" the country and nothing.

use super::chunks;
use crate::gazetteer::Gazetteer;
use crate::ner::Chunk;
use crate::nlp::gender::FirstNames;

/// "II", "XIV", "VIII": two to five of I, V and X.
fn roman(w: &str) -> bool {
    (2..=5).contains(&w.len()) && w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

/// Words a road's number follows.
const ROADS: &[&str] = &["Interstate", "Route", "Highway", "Motorway", "Freeway"];

/// A road's number: up to four digits, perhaps a letter ("80", "1A").
fn road_number(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    (1..=4).contains(&digits) && w.len() <= digits + 1
}

/// The chunks with each name's numeral and each road's number taken in
/// (see the module note). One scan of the words finds both (most
/// sentences have neither).
pub(super) fn mend(cs: Vec<Chunk>, words: &[&str], _gaz: &Gazetteer) -> Vec<Chunk> {
    let (mut numerals, mut roads) = (Vec::new(), Vec::new());
    for i in 1..words.len() {
        let w = words[i];
        if roman(w) {
            if numerals.len() < chunks::MAX_TRIGGERS {
                numerals.push(i);
            }
        } else if w.as_bytes().first().is_some_and(u8::is_ascii_digit)
            && ROADS.contains(&words[i - 1])
            && road_number(w)
            && roads.len() < chunks::MAX_TRIGGERS
        {
            roads.push(i - 1);
        }
    }
    let cs = if numerals.is_empty() {
        cs
    } else {
        mend_numerals(cs, words, &numerals)
    };
    if roads.is_empty() {
        cs
    } else {
        mend_roads(cs, &roads)
    }
}

/// The numerals at `at` joined to the names before them.
fn mend_numerals(mut cs: Vec<Chunk>, words: &[&str], at: &[usize]) -> Vec<Chunk> {
    for &i in at {
        // Inside a chunk already ("Elizabeth II" tagged whole).
        if cs.iter().any(|c| c.start < i && i < c.end) {
            continue;
        }
        let before = cs.iter().find(|c| c.end == i).cloned();
        let (start, kind) = match before {
            Some(c) if chunks::name_word(words[i - 1]) => (c.start, c.kind),
            Some(_) => continue,
            None if FirstNames::embedded().is_given_name(words[i - 1]) => {
                let person = cs.iter().find(|c| c.end == i - 1 && c.kind == "PER");
                (person.map_or(i - 1, |p| p.start), "PER")
            }
            None => continue,
        };
        // A chunk the numeral opens ("III met"): the tagger's slip.
        cs.retain(|c| c.start != i);
        chunks::put(&mut cs, start, i + 1, kind);
    }
    cs
}

/// "Interstate 80", "U.S. Route 2", "State Highway 99": the road's word at
/// each of `at` and its number are one place, with a chunk that ends
/// right before the word ("U.S." + "Route 2") or holds it.
fn mend_roads(mut cs: Vec<Chunk>, at: &[usize]) -> Vec<Chunk> {
    for &i in at {
        let end = i + 2;
        let start = cs
            .iter()
            .find(|c| c.end == i || (c.start < i && i < c.end))
            .map_or(i, |c| c.start);
        if cs.iter().any(|c| c.start < end && end < c.end) {
            continue;
        }
        cs.retain(|c| !(c.start < end && start < c.end));
        chunks::put(&mut cs, start, end, "LOC");
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
    fn a_numeral_after_a_name_is_part_of_it() {
        check(
            "King Charles III met Pope Leo XIV .",
            &[(1, 1, "PER"), (2, 2, "ORG"), (4, 1, "PER"), (6, 1, "ORG")],
            &[("Charles III", "PER"), ("Pope Leo XIV", "PER")],
        );
        check(
            "after World War II ended",
            &[(1, 2, "MISC")],
            &[("World War II", "MISC")],
        );
        // An untagged given name opens the person.
        check("said Mohammed VI .", &[], &[("Mohammed VI", "PER")]);
        // Already whole; not after a name; not a numeral of ours.
        check(
            "Queen Elizabeth II said",
            &[(1, 2, "PER")],
            &[("Elizabeth II", "PER")],
        );
        check("a Type II diabetes", &[], &[]);
        check("the US IV drip", &[(1, 1, "LOC")], &[("US", "LOC")]);
        check(
            "Saudi LIV Golf",
            &[(0, 1, "MISC"), (1, 2, "ORG")],
            &[("Saudi", "MISC"), ("LIV Golf", "ORG")],
        );
    }

    #[test]
    fn a_roads_number_is_part_of_its_name() {
        let roads =
            |sentence: &str, tagged: &[(usize, usize, &'static str)], expect: &[(&str, &str)]| {
                super::super::tests::check_chunks(mend, sentence, tagged, expect)
            };
        roads(
            "a crash on Interstate 80 near Reno",
            &[(3, 1, "ORG"), (6, 1, "LOC")],
            &[("Interstate 80", "LOC"), ("Reno", "LOC")],
        );
        roads(
            "a truck on U.S. Route 2 in Randolph",
            &[(3, 1, "LOC"), (7, 1, "LOC")],
            &[("U.S. Route 2", "LOC"), ("Randolph", "LOC")],
        );
        roads("closed Highway 401 today", &[], &[("Highway 401", "LOC")]);
        // Not a number of five digits, nor a word after the road's word.
        roads("the Route 66000 figure", &[], &[]);
        roads("Route planners met", &[], &[]);
    }
}
