//! A first name the tagger tagged alone, with the capitalised word after it
//! left out: "Eugene Burger" (LOC "Eugene"), "Eden Hazard", "Delta
//! Goodrem", "Nan Goldin". The surname is often an everyday word too
//! ("burger", "hazard", "small"), or one the tagger never saw, so it ends
//! the name there, and the first name alone then reads as a city. A
//! one-word chunk that is a census first name, followed by one capitalised
//! word that no chunk holds and that ends the run of capitalised words,
//! is a person named by both; so is one that is another country's given
//! name the tagger read as a person, when the word after it is no
//! everyday word or plural ("Ewan" PER + "McGregor", "Jurgen" + "Klopp").
//! And a census first name the tagger left out before a one-word name it
//! tagged as a place or a body is that person's ("Nikki Holland",
//! `mend_untagged`). Left alone (`mend`): a head noun after it ("Marshall
//! Plan", "Victoria Station"), a function word ("Rich And"), an acronym,
//! a country, region or continent ("Victoria Texas"), a first name that
//! is one or a demonym ("German Economy", "China Review", "Nevada
//! Independent": names the census also lists), a word that heads
//! an event, a venue or a firm's trade ("Marshall Plan", "Grace Hall",
//! "Helena Chemical"), and a plural after
//! a first name that is a large city ("Charlotte Hornets").

use super::{chunks, heads};
use crate::gazetteer::{Gazetteer, Kind};
use crate::ner::Chunk;
use crate::nlp::gender::FirstNames;
use crate::nlp::titles::{self, PERSON};

/// A place of 100,000 people or more ("Eugene", "Charlotte") keeps the
/// tagger's reading when a plural follows: a team ("Charlotte Hornets").
const NOTABLE_CITY: u64 = 100_000;

/// Heads of events, works, prizes and venues named after a person
/// ("Marshall Plan", "Grace Hall"), beside the organisation and place
/// heads of `heads.rs`.
#[rustfmt::skip]
const NAMED_AFTER: &[&str] = &[
    "plan", "prize", "award", "awards", "cup", "act", "day", "festival", "theatre", "theater",
    "hall", "park", "palace", "centre", "center", "hotel", "museum", "gallery", "show", "games",
    "trophy", "memorial", "doctrine", "syndrome", "effect", "law", "rule", "line",
    // A firm's trade after a founder's first name ("Helena Chemical",
    // "Beverly Enterprises", "Savannah Wholesale").
    "enterprises", "chemical", "chemicals", "wholesale", "exploration", "market", "markets",
    "resources", "energy", "capital", "financial", "securities", "systems", "services",
    "products", "foods", "stores", "pharmaceuticals", "electronics", "oil", "gas", "steel",
    "mining", "communications", "benz", "review", "appeal", "government", "economy",
];

/// Words in this many background documents or more are everyday words
/// (the keyphrase background counts every case: "plan" 197, "airlines"
/// 76; "merz" 6, "wenger" none).
const EVERYDAY_DF: u32 = 50;

pub(super) fn everyday(word: &str) -> bool {
    crate::stages::keyphrases::Background::embedded().df(&word.to_lowercase()) >= EVERYDAY_DF
}

/// The chunks with each such first name joined to its surname as one PER.
pub(super) fn mend(cs: Vec<Chunk>, words: &[&str], gaz: &Gazetteer) -> Vec<Chunk> {
    let names = FirstNames::embedded();
    let alone: Vec<usize> = cs
        .iter()
        .filter(|c| c.end - c.start == 1 && c.end < words.len())
        .map(|c| c.start)
        // (Three letters or more: "Le Roi de Lahore" is an opera.)
        .filter(|&i| {
            chunks::name_word(words[i])
                && words[i].chars().count() >= 3
                && names.is_given_name(words[i])
        })
        .take(chunks::MAX_TRIGGERS)
        .collect();
    if alone.is_empty() {
        return cs;
    }
    let mut cs = cs;
    for first in alone {
        let last = first + 1;
        let surname = words[last];
        let next_is_name = words.get(last + 1).is_some_and(|w| chunks::name_word(w));
        // Another country's given name ("Ewan", "Jurgen") is weaker
        // evidence than a census one: the tagger must have read it as a
        // person, and its surname must be no everyday word and no plural
        // ("Jurgen Klopp"; not "Jurgen Plan", "Ramadan Moslems").
        let weak = !names.contains(words[first])
            && (everyday(surname)
                || surname.ends_with('s')
                || cs.iter().any(|c| c.start == first && c.kind != "PER"));
        if weak
            || !chunks::name_word(surname)
            || next_is_name
            || cs.iter().any(|c| c.start <= last && last < c.end)
            || crate::nlp::is_stopword(&surname.to_lowercase())
            || heads::head_kind(surname).is_some()
            || NAMED_AFTER.contains(&surname.to_lowercase().as_str())
            // (A public body's word: "Reagan Administration", Reagan
            // being a given name too.)
            || super::bodies::institution(surname)
            || (gaz.is_notable(words[first], NOTABLE_CITY) && surname.ends_with('s'))
            || names_a_place_or_people(gaz, words[first])
            || gaz
                .kinds(surname)
                .iter()
                .any(|k| matches!(k, Kind::Country | Kind::Region | Kind::Continent))
        {
            continue;
        }
        chunks::put(&mut cs, first, last + 1, "PER");
    }
    cs
}

/// Census first names that are everyday words too ("Will Britain
/// leave?", "May Day"): never the untagged half of a name.
#[rustfmt::skip]
const WORD_NAMES: &[&str] = &[
    "will", "may", "mark", "bill", "grant", "frank", "rose", "chase", "hope", "faith", "joy",
    "page", "rich", "young", "long", "price", "hunter", "king", "major", "general", "sterling",
    "guy", "lane", "miles", "art", "dean", "bishop", "don", "van", "sky", "summer", "winter",
    "autumn", "dawn", "april", "june", "august",
];

/// Whether `first` + `surname`, a first name the tagger typed as something
/// else before a word the article names a person by, can be a person's
/// name (`recalled::join_given_names`): not a place or a people
/// ("German Boerse"), nor a large city before a plural ("Preston
/// Harriers"), nor before a head noun or a word things are named after.
pub(super) fn could_be_first_and_surname(gaz: &Gazetteer, first: &str, surname: &str) -> bool {
    let lower = surname.to_lowercase();
    !(names_a_place_or_people(gaz, first)
        || (gaz.is_notable(first, NOTABLE_CITY) && surname.ends_with('s'))
        || heads::head_kind(surname).is_some()
        || NAMED_AFTER.contains(&lower.as_str())
        || crate::nlp::is_stopword(&lower))
}

/// Whether a first name is also a country, a region, a continent, a
/// province or a people ("Georgia", "Victoria", "German"): then it names
/// that.
fn names_a_place_or_people(gaz: &Gazetteer, w: &str) -> bool {
    gaz.kinds(w).iter().any(|k| {
        matches!(
            k,
            Kind::Demonym | Kind::Country | Kind::Region | Kind::Continent | Kind::Province
        )
    })
}

/// A first name the tagger left out before a one-word name it tagged as a
/// place or a body: "Nikki Holland" (LOC "Holland"), "Chris Jordan",
/// "Stephen Ireland". The same word after a census first name, the two
/// alone in their run of capitalised words (or right after another name:
/// "Minnesota Amy Klobuchar"; the first name may be tagged alone,
/// "Karen" MISC + "McDougal" LOC), is a surname. Left alone: a
/// first name that is an everyday word, a month, a weekday or a title too
/// ("Will Britain", "Sunday Telegraph", "Queen Rania"), one of two
/// letters, a first name that names a country, region, large city or a
/// people itself ("Nikki", a town in Benin, is still a name), a head
/// noun, and a province, region or continent after it ("Helena Montana").
pub(super) fn mend_untagged(cs: Vec<Chunk>, words: &[&str], gaz: &Gazetteer) -> Vec<Chunk> {
    let names = FirstNames::embedded();
    let at: Vec<usize> = cs
        .iter()
        .filter(|c| c.end - c.start == 1 && c.start > 0 && matches!(c.kind, "LOC" | "ORG"))
        .map(|c| c.start)
        .filter(|&i| {
            let first = words[i - 1];
            first.chars().count() >= 3
                && chunks::name_word(first)
                && names.contains(first)
                && !WORD_NAMES.contains(&first.to_lowercase().as_str())
                && !crate::stages::dates::calendar_name(&first.to_lowercase())
                && !titles::is(first, PERSON)
        })
        .take(chunks::MAX_TRIGGERS)
        .collect();
    if at.is_empty() {
        return cs;
    }
    let mut cs = cs;
    for last in at {
        let first = last - 1;
        // A capitalised word before is a longer run, unless a name the
        // tagger found ends there ("Senator from Minnesota Amy
        // Klobuchar"); the first name may be a one-word name of its own
        // ("Playboy model Karen McDougal": "Karen" MISC + "McDougal" LOC).
        // (A place or a longer name: not "Sun" ORG + "Myung Moon".)
        let run_before = first > 0
            && chunks::name_word(words[first - 1])
            && !cs
                .iter()
                .any(|c| c.end == first && (c.kind == "LOC" || c.end - c.start > 1));
        let run_after = words.get(last + 1).is_some_and(|w| chunks::name_word(w));
        let in_longer = cs
            .iter()
            .any(|c| c.start <= first && first < c.end && c.end - c.start > 1);
        if run_before
            || run_after
            || in_longer
            || heads::head_kind(words[last]).is_some()
            || NAMED_AFTER.contains(&words[last].to_lowercase().as_str())
            || gaz.is_notable(words[first], NOTABLE_CITY)
            || names_a_place_or_people(gaz, words[first])
            || gaz.kinds(words[last]).iter().any(|k| {
                matches!(
                    k,
                    Kind::Province | Kind::Region | Kind::Continent | Kind::Demonym
                )
            })
        {
            continue;
        }
        chunks::put(&mut cs, first, last + 1, "PER");
    }
    cs
}

/// A given name tagged alone before a person's name that opens with an
/// initial is that person's first name: "Cyrus" MISC + "R. Vance" PER is
/// "Cyrus R. Vance" (a middle initial, which the tagger reads as a
/// name's start): the initial and one surname. Not a place's name ("in
/// Paris J. Smith said"), nor a sentence ending in a letter ("Malcolm X.
/// Attallah Shabazz said", the tagger's "X. Attallah Shabazz").
pub(super) fn mend_initial(cs: Vec<Chunk>, words: &[&str], gaz: &Gazetteer) -> Vec<Chunk> {
    let initial = |w: &str| w.len() == 2 && w.ends_with('.') && w.starts_with(char::is_uppercase);
    let at: Vec<(usize, usize)> = cs
        .windows(2)
        .filter(|p| {
            let (a, b) = (&p[0], &p[1]);
            a.end - a.start == 1
                && a.end == b.start
                && b.kind == "PER"
                && b.end - b.start == 2
                && initial(words[b.start])
                && chunks::name_word(words[a.start])
                && FirstNames::embedded().is_given_name(words[a.start])
                && gaz.lookup(words[a.start]).is_empty()
        })
        .map(|p| (p[0].start, p[1].end))
        .take(chunks::MAX_TRIGGERS)
        .collect();
    let mut cs = cs;
    for (start, end) in at {
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
    fn a_first_name_tagged_alone_takes_its_surname() {
        check(
            "influences are Eugene Burger and Michael Skinner .",
            &[(2, 1, "ORG"), (5, 2, "PER")],
            &[("Eugene Burger", "PER"), ("Michael Skinner", "PER")],
        );
        check(
            "singer Delta Goodrem has won",
            &[(1, 1, "PER")],
            &[("Delta Goodrem", "PER")],
        );
        check(
            "Eden Hazard scored .",
            &[(0, 1, "LOC")],
            &[("Eden Hazard", "PER")],
        );
    }

    #[test]
    fn a_given_name_before_a_middle_initial_opens_the_name() {
        let check =
            |sentence: &str, tagged: &[(usize, usize, &'static str)], expect: &[(&str, &str)]| {
                super::super::tests::check_chunks(mend_initial, sentence, tagged, expect)
            };
        check(
            "Attorney Cyrus R. Vance said",
            &[(1, 1, "MISC"), (2, 2, "PER")],
            &[("Cyrus R. Vance", "PER")],
        );
        // Not a place before it, nor a name without an initial.
        check(
            "in Paris J. Smith said",
            &[(1, 1, "LOC"), (2, 2, "PER")],
            &[("Paris", "LOC"), ("J. Smith", "PER")],
        );
        check(
            "daughter of Malcolm X. Attallah Shabazz said",
            &[(2, 1, "PER"), (3, 3, "PER")],
            &[("Malcolm", "PER"), ("X. Attallah Shabazz", "PER")],
        );
        check(
            "Attorney Cyrus Vance said",
            &[(1, 1, "MISC"), (2, 1, "PER")],
            &[("Cyrus", "MISC"), ("Vance", "PER")],
        );
    }

    #[test]
    fn another_countrys_given_name_takes_a_surname_that_is_no_everyday_word() {
        check(
            "coach Jurgen Klopp said",
            &[(1, 1, "PER")],
            &[("Jurgen Klopp", "PER")],
        );
        check(
            "a new Jurgen Plan for",
            &[(2, 1, "PER")],
            &[("Jurgen", "PER")],
        );
        check(
            "the Jurgen Klopp Trust",
            &[(1, 1, "PER")],
            &[("Jurgen", "PER")],
        );
        check(
            "met Jurgen Klopp in",
            &[(1, 1, "ORG")],
            &[("Jurgen", "ORG")],
        );
    }

    #[test]
    fn an_untagged_first_name_takes_the_surname_tagged_as_a_place() {
        let check =
            |sentence: &str, tagged: &[(usize, usize, &'static str)], expect: &[(&str, &str)]| {
                super::super::tests::check_chunks(mend_untagged, sentence, tagged, expect)
            };
        check(
            "Nikki Holland of the agency said",
            &[(1, 1, "LOC")],
            &[("Nikki Holland", "PER")],
        );
        check(
            "midfielder Stephen Ireland scored",
            &[(2, 1, "LOC")],
            &[("Stephen Ireland", "PER")],
        );
        // After a name of its own; a first name tagged alone (2026-12-04
        // (gd)).
        check(
            "Senator from Minnesota Amy Klobuchar said",
            &[(2, 1, "LOC"), (4, 1, "LOC")],
            &[("Minnesota", "LOC"), ("Amy Klobuchar", "PER")],
        );
        check(
            "former Playboy model Karen McDougal was paid",
            &[(1, 1, "ORG"), (3, 1, "MISC"), (4, 1, "LOC")],
            &[("Playboy", "ORG"), ("Karen McDougal", "PER")],
        );
        // Inside a longer name, after an untagged capitalised word or a
        // one-word body: left.
        check(
            "evangelist Sun Myung Moon 's church",
            &[(1, 1, "ORG"), (3, 1, "ORG")],
            &[("Sun", "ORG"), ("Moon", "ORG")],
        );
        check(
            "the Grand Karen Holland hotel",
            &[(3, 1, "LOC")],
            &[("Holland", "LOC")],
        );
        check(
            "the Karen Kelly Holland show",
            &[(1, 2, "ORG"), (3, 1, "LOC")],
            &[("Karen Kelly", "ORG"), ("Holland", "LOC")],
        );
        // An everyday word, a longer run, a head noun, a region: left.
        check(
            "Will Britain leave ?",
            &[(1, 1, "LOC")],
            &[("Britain", "LOC")],
        );
        check(
            "the Sunday Telegraph said",
            &[(2, 1, "ORG")],
            &[("Telegraph", "ORG")],
        );
        check(
            "its September Tankan survey",
            &[(2, 1, "ORG")],
            &[("Tankan", "ORG")],
        );
        check(
            "the Kevin Holland Trust",
            &[(2, 1, "LOC")],
            &[("Holland", "LOC")],
        );
        check("met Maria Park staff", &[(2, 1, "LOC")], &[("Park", "LOC")]);
        check(
            "flew to Helena Montana today",
            &[(3, 1, "LOC")],
            &[("Montana", "LOC")],
        );
    }

    #[test]
    fn head_nouns_function_words_runs_and_places_are_left() {
        check(
            "a new Marshall Plan for Africa",
            &[(2, 1, "PER")],
            &[("Marshall", "PER")],
        );
        check(
            "the Reagan Administration decided",
            &[(1, 1, "PER")],
            &[("Reagan", "PER")],
        );
        check(
            "Get Rich And Die Tryin",
            &[(1, 1, "MISC")],
            &[("Rich", "MISC")],
        );
        check(
            "Virginia State Attorney General",
            &[(0, 1, "LOC")],
            &[("Virginia", "LOC")],
        );
        check(
            "met Eugene NASA staff",
            &[(1, 1, "LOC")],
            &[("Eugene", "LOC")],
        );
        check("Le Roi de Lahore", &[(0, 1, "ORG")], &[("Le", "ORG")]);
        check(
            "published in the China Review ,",
            &[(3, 1, "LOC")],
            &[("China", "LOC")],
        );
        check(
            "Beverly Enterprises said",
            &[(0, 1, "ORG")],
            &[("Beverly", "ORG")],
        );
        check(
            "the Charlotte Hornets won",
            &[(1, 1, "LOC")],
            &[("Charlotte", "LOC")],
        );
        check(
            "flew to Victoria Texas today",
            &[(2, 1, "LOC")],
            &[("Victoria", "LOC")],
        );
        check(
            "Eugene Burger Shack",
            &[(0, 1, "LOC"), (1, 2, "ORG")],
            &[("Eugene", "LOC"), ("Burger Shack", "ORG")],
        );
    }
}
