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
//! Route 2" the country and nothing. And a model's, a sequel's or a
//! station's number ("PlayStation 3", "Half-Life 2", "Radio 4", "Area
//! 51"), which the tagger left out: "Radio 4" and "Radio 1" were one
//! entity "Radio", and "Halo 2" a person in one article, a place in the
//! next.

use super::chunks;
use crate::gazetteer::{Gazetteer, Kind};
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

/// A model's or a sequel's number: one to three digits ("3", "51").
fn model_number(w: &str) -> bool {
    (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
}

/// Words after a number that make it a count, not part of the name before
/// it ("gave Microsoft 10 days"), beside the amounts stage's scales,
/// currencies and shares ("Nippon 60 mln dlrs": `amounts::quantity_word`).
#[rustfmt::skip]
const MEASURES: &[&str] = &[
    "basis", "cent", "day", "days", "each", "goals", "hour", "hours", "minute", "minutes",
    "month", "months", "people", "points", "runs", "seats", "seconds", "shares", "times",
    "votes", "week", "weeks", "wickets", "year", "years",
];

/// The chunks with each name's numeral, each road's number and each
/// model's number taken in (see the module note). One scan of the words
/// finds all three (most sentences have none).
pub(super) fn mend(cs: Vec<Chunk>, words: &[&str], gaz: &Gazetteer) -> Vec<Chunk> {
    let (mut numerals, mut roads, mut models) = (Vec::new(), Vec::new(), Vec::new());
    for i in 1..words.len() {
        let w = words[i];
        if roman(w) {
            if numerals.len() < chunks::MAX_TRIGGERS {
                numerals.push(i);
            }
        } else if w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            if ROADS.contains(&words[i - 1]) && road_number(w) {
                if roads.len() < chunks::MAX_TRIGGERS {
                    roads.push(i - 1);
                }
            } else if model_number(w) && models.len() < chunks::MAX_TRIGGERS {
                models.push(i);
            }
        }
    }
    let cs = if numerals.is_empty() {
        cs
    } else {
        mend_numerals(cs, words, &numerals)
    };
    let cs = if roads.is_empty() {
        cs
    } else {
        mend_roads(cs, &roads)
    };
    if models.is_empty() {
        cs
    } else {
        mend_models(cs, words, gaz, &models)
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

/// The numbers at `at` joined to the names they follow, and to a name
/// of the same type right after ("Pier 1 Imports"). Not after a person
/// ("Woods 68" is a score), a country or its people ("British 16 to
/// 20-year-olds"), nor before a measure (`MEASURES`, an amount's word),
/// nor in a team's score ("Chelsea 2 Arsenal 1"), a list of scorers
/// ("Mellor 38, Baros 61") or a line-up's minute of substitution ("(Cisse
/// 76)").
fn mend_models(mut cs: Vec<Chunk>, words: &[&str], gaz: &Gazetteer, at: &[usize]) -> Vec<Chunk> {
    for &i in at {
        let Some(k) = cs.iter().position(|c| c.end == i) else {
            continue;
        };
        let c = cs[k].clone();
        let next = words.get(i + 1).copied();
        // (And a range's or a score's dash, "Noosa 32 – 22", a share, "UK
        // 69 %", and a price's change, "National Australia 20 to 5.50".)
        let digit_at = |j: usize| {
            words
                .get(j)
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        };
        let measure = next.is_some_and(|n| {
            matches!(n, "–" | "—" | "-" | "%")
                || n == "to" && digit_at(i + 2)
                || super::wordlists::lower_is(n, |l| {
                    MEASURES.contains(&l) || crate::stages::amounts::quantity_word(l)
                })
        });
        // (A score, "Chelsea 2 Arsenal 1", and a list of scorers or
        // minutes, "Mellor 38 , Baros 61 .".)
        let score = next.is_some_and(chunks::capitalised) && digit_at(i + 2)
            || c.start > 0 && digit_at(c.start - 1)
            || c.start > 1 && words[c.start - 1] == "," && digit_at(c.start - 2)
            || next == Some(",") && digit_at(i + 3);
        let minute = c.start > 0 && words[c.start - 1] == "(" && next == Some(")");
        // (A month's day is a date: "by January 1".)
        if c.kind == "PER"
            || !chunks::capitalised(words[i - 1])
            || crate::stages::dates::month(words[i - 1]).is_some()
            || cs.iter().any(|o| o.start == i)
            || measure
            || score
            || minute
            || gaz
                .kinds(&words[c.start..c.end].join(" "))
                .iter()
                .any(|k| matches!(k, Kind::Country | Kind::Demonym))
        {
            continue;
        }
        let end = match cs.get(k + 1) {
            Some(n) if n.start == i + 1 && n.kind == c.kind => n.end,
            _ => i + 1,
        };
        chunks::put(&mut cs, c.start, end, c.kind);
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

    #[test]
    fn a_models_number_is_part_of_its_name() {
        check(
            "told Radio 4 's Today programme",
            &[(1, 1, "ORG"), (4, 1, "MISC")],
            &[("Radio 4", "ORG"), ("Today", "MISC")],
        );
        check(
            "the PlayStation 3 console and Halo 2 .",
            &[(1, 1, "ORG"), (5, 1, "PER")],
            &[("PlayStation 3", "ORG"), ("Halo", "PER")],
        );
        check("fans of Area 51 .", &[(2, 1, "LOC")], &[("Area 51", "LOC")]);
        check(
            "shares of Pier 1 Imports rose",
            &[(2, 1, "ORG"), (4, 1, "ORG")],
            &[("Pier 1 Imports", "ORG")],
        );
        check(
            "told BBC 6 Music that",
            &[(1, 1, "ORG"), (3, 1, "ORG")],
            &[("BBC 6 Music", "ORG")],
        );
        // A quantity, a score, a minute, a country's people.
        check(
            "and Nippon 60 mln dlrs",
            &[(1, 1, "LOC")],
            &[("Nippon", "LOC")],
        );
        check(
            "Chelsea 2 Arsenal 1 .",
            &[(0, 1, "ORG"), (2, 1, "ORG")],
            &[("Chelsea", "ORG"), ("Arsenal", "ORG")],
        );
        check(
            "Stone ( Cisse 76 ) , Faye",
            &[(0, 1, "PER"), (2, 1, "ORG"), (6, 1, "PER")],
            &[("Stone", "PER"), ("Cisse", "ORG"), ("Faye", "PER")],
        );
        check(
            "500 British 16 to 20-year-olds",
            &[(1, 1, "MISC")],
            &[("British", "MISC")],
        );
        check("Noosa 32 – 22 .", &[(0, 1, "LOC")], &[("Noosa", "LOC")]);
        check(
            "the Bourse by January 1 .",
            &[(1, 3, "ORG")],
            &[("Bourse by January", "ORG")],
        );
        check(
            "Pew Research 44 % of searchers",
            &[(0, 2, "ORG")],
            &[("Pew Research", "ORG")],
        );
        check(
            "Mellor 38 , Baros 61 .",
            &[(0, 1, "PER"), (3, 1, "ORG")],
            &[("Mellor", "PER"), ("Baros", "ORG")],
        );
        check(
            "ANZ gained 30 , National Australia 20 to 5.50",
            &[(0, 1, "ORG"), (4, 2, "ORG")],
            &[("ANZ", "ORG"), ("National Australia", "ORG")],
        );
    }
}
