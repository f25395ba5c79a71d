//! One type per entity: the tagger types each mention on its own, so one
//! person can come out as "John Doe" ORG and "Doe" PER, and consolidation
//! (which keys names by type) would make two entities of two types. Before
//! consolidating, mentions are grouped by name (the same words, or a
//! one-word surname of a longer PER/ORG name), and each group takes one
//! type by vote: one vote per mention, two more for a person's title or
//! honorific just before a mention ("President", "Senator", "Ms."), one for
//! a known first name opening a multi-word name, one for LOC when the
//! gazetteer knows the name as a place, two for the type of a head noun
//! ending the name ("University" ORG, "Avenue" LOC). A surname tagged LOC joins the
//! person's group without a vote ("Monroe" after "Marilyn Monroe"), unless
//! it is a well-known place; a bare head noun ("the University") joins the
//! last name ending in it. A group the tagger calls a person is an
//! organisation when words only an organisation takes surround one of its
//! mentions ("carmaker Nissan", "Matsushita, which", "shares in Baikal";
//! `wordlists::org_context`) and nothing says person (a title, a known
//! first name, a longer name of a person ending in it).

use std::collections::{HashMap, HashSet};

use super::heads;
use super::mentions::Mention;
use super::wordlists;
use crate::gazetteer::{Gazetteer, Kind};
use crate::nlp::gender::FirstNames;

/// Words that, just before a name, make it a person's.
const PERSON_TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "president",
    "senator",
    "sen",
    "rep",
    "representative",
    "governor",
    "gov",
    "mayor",
    "minister",
    "secretary",
    "chancellor",
    "judge",
    "justice",
    "prince",
    "princess",
    "king",
    "queen",
    "pope",
    "sir",
    "dame",
    "lord",
    "lady",
    "general",
    "gen",
    "colonel",
    "captain",
    "sheriff",
    "professor",
    "prof",
    "chairman",
    "chairwoman",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "councillor",
    "councilor",
    "congressman",
    "congresswoman",
    "ambassador",
    "premier",
    "deputy",
    "leader",
    "coach",
    "officer",
    "inspector",
    "detective",
    "bishop",
    "cardinal",
    "rabbi",
    "imam",
    "sheikh",
    "actor",
    "actress",
    "singer",
    "author",
];

/// Kin just before a name ("his wife Mary", "her son Paris").
#[rustfmt::skip]
const KIN: &[&str] = &[
    "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "widow",
    "widower", "fiancee", "fiancée", "fiance", "girlfriend", "boyfriend", "grandson",
    "granddaughter", "grandmother", "grandfather", "nephew", "niece", "uncle", "aunt", "cousin",
    "stepson", "stepdaughter", "stepmother", "stepfather",
];

/// A person's kin, written in lower case after a possessive, just before
/// byte `at`: "his wife Mary", "Mr Begg's father, Azmat" (not "its sister
/// Xiluodu dam", "Mother Nature", "with husband, Chicago Cubs shortstop").
fn kin_before(text: &str, at: usize) -> bool {
    crate::nlp::word_before(text, at).is_some_and(|(k, w)| {
        KIN.contains(&w)
            && crate::nlp::word_before(text, k).is_some_and(|(_, p)| {
                let p = p.to_lowercase();
                matches!(p.as_str(), "his" | "her" | "their" | "my" | "your" | "our")
                    || p.ends_with("'s")
                    || p.ends_with("’s")
            })
    })
}

fn words_lower(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The mentions with one type per name group (see the module note).
pub(super) fn unify(text: &str, mentions: &[Mention], gaz: &Gazetteer) -> Vec<Mention> {
    let names: Vec<Vec<String>> = mentions.iter().map(|m| words_lower(&m.text)).collect();
    // Groups: identical words first.
    let mut group_of: Vec<usize> = Vec::with_capacity(mentions.len());
    let mut keys: HashMap<&[String], usize> = HashMap::new();
    for w in &names {
        let n = keys.len();
        group_of.push(*keys.entry(w.as_slice()).or_insert(n));
    }
    // A one-word name joins the group of the longest PER/ORG name ending in
    // it ("Doe" and "John Doe"), when only one such longer name exists. A
    // one-word place joins a person's name the same way ("Monroe" tagged LOC
    // after "Marilyn Monroe"), unless it is a country, region or large city,
    // and its LOC tag then does not vote: the gazetteer misled the tagger.
    let mut quiet = vec![false; mentions.len()];
    // Mentions with the same words are always in one group (groups start
    // so and merge whole), so one mention per distinct (words, type) stands
    // for the longer names, found by their last word; each group keeps its
    // members, so a merge touches only them. (An article naming 100,000
    // mentions no longer compares every pair.)
    let mut longer_by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    // (Groups are still one per distinct words here: seen per group and type.)
    let mut seen = vec![[false; 2]; keys.len()];
    for (j, v) in names.iter().enumerate() {
        let kind = mentions[j].kind;
        if v.len() < 2 || !(kind == "PER" || kind == "ORG") {
            continue;
        }
        // Seen already: a mention with the same words and type stands for it.
        if std::mem::replace(&mut seen[group_of[j]][usize::from(kind == "ORG")], true) {
            continue;
        }
        let last = v.last().map_or("", String::as_str);
        longer_by_last.entry(last).or_default().push(j);
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); keys.len()];
    for (i, &g) in group_of.iter().enumerate() {
        members[g].push(i);
    }
    for (i, w) in names.iter().enumerate() {
        let loc = mentions[i].kind == "LOC";
        if w.len() != 1 || !matches!(mentions[i].kind, "PER" | "ORG" | "LOC") {
            continue;
        }
        let mut longer: Vec<usize> = longer_by_last
            .get(w[0].as_str())
            .into_iter()
            .flatten()
            .filter(|&&j| {
                let kind = mentions[j].kind;
                kind == "PER" || kind == "ORG" && !loc
            })
            .map(|&j| group_of[j])
            .collect();
        longer.sort_unstable();
        longer.dedup();
        if let [g] = longer[..] {
            let old = group_of[i];
            // A country, region or city of a million stays a place ("Jack
            // London" does not make "London" a person).
            if old == g || loc && gaz.is_notable(&w[0], 1_000_000) {
                continue;
            }
            let moved = std::mem::take(&mut members[old]);
            for &x in &moved {
                group_of[x] = g;
                quiet[x] = loc;
            }
            members[g].extend(moved);
        }
    }
    // A bare head noun ("the University", "the Council") is the last name
    // before it that ends in that noun ("Washington State University").
    let mut by_last_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, v) in names.iter().enumerate() {
        if v.len() > 1 {
            let last = v.last().map_or("", String::as_str);
            by_last_word.entry(last).or_default().push(j);
        }
    }
    for i in 0..mentions.len() {
        if names[i].len() != 1 || heads::head_kind(&names[i][0]).is_none() {
            continue;
        }
        let before = by_last_word
            .get(names[i][0].as_str())
            .and_then(|js| js[..js.partition_point(|&j| j < i)].last());
        if let Some(&j) = before {
            group_of[i] = group_of[j];
        }
    }
    // Votes per group.
    let first_names = FirstNames::embedded();
    let mut votes: HashMap<usize, HashMap<&'static str, usize>> = HashMap::new();
    // Per group: an organisation's context around a mention tagged PER,
    // and anything that says person (a title, a first name).
    let mut org_said: HashSet<usize> = HashSet::new();
    let mut place_org_said: HashSet<usize> = HashSet::new();
    let mut person_said: HashSet<usize> = HashSet::new();
    // The tails of names that open with a known first name ("Van Halen"
    // of "Eddie Van Halen"): a band or firm named so may be the person too.
    let person_tails: HashSet<&[String]> = mentions
        .iter()
        .zip(&names)
        .filter(|(m, _)| {
            m.text
                .split_whitespace()
                .next()
                .is_some_and(|f| first_names.get(f).is_some())
        })
        .flat_map(|(_, w)| (1..w.len()).map(move |k| &w[k..]))
        .collect();
    for (i, m) in mentions.iter().enumerate() {
        let v = votes.entry(group_of[i]).or_default();
        if quiet[i] {
            continue;
        }
        if m.kind == "PER" && wordlists::org_context(text, m.start, m.end, false) {
            org_said.insert(group_of[i]);
        }
        // "online retailer Amazon", "the website Wikipedia": a name the
        // tagger calls a place, after an organisation's descriptor, when
        // the gazetteer knows no country, region or large city by it.
        if m.kind == "LOC"
            && wordlists::org_context(text, m.start, m.end, true)
            && !gaz.is_notable(&names[i].join(" "), 100_000)
        {
            place_org_said.insert(group_of[i]);
        }
        if person_tails.contains(names[i].as_slice()) {
            person_said.insert(group_of[i]);
        }
        *v.entry(m.kind).or_default() += 1;
        // A head noun says what the name is ("… University" ORG, even
        // where the gazetteer has a town called University).
        // (Names of two words or more: a bare "Press" is a surname too.)
        let head = names[i]
            .last()
            .filter(|_| names[i].len() >= 2)
            .and_then(|h| heads::head_kind(h))
            .or_else(|| heads::of_head_kind(&names[i]));
        if let Some(k) = head.filter(|_| {
            !heads::first_name_and_surname(m.text.split_whitespace().collect::<Vec<_>>().as_slice())
        }) {
            *v.entry(k).or_default() += 2;
        }
        let before = crate::nlp::word_before(text, m.start).map(|(_, w)| w);
        if before.is_some_and(|w| PERSON_TITLES.contains(&w.to_lowercase().as_str())) {
            *v.entry("PER").or_default() += 2;
            person_said.insert(group_of[i]);
        }
        // "His wife Mary said": kin name people, even a name the gazetteer
        // knows as a town (Mary, Turkmenistan), so three votes.
        if kin_before(text, m.start) {
            *v.entry("PER").or_default() += 3;
            person_said.insert(group_of[i]);
        }
        // A known first name opening the name, or just before it ("Donald"
        // left out of the mention "Trump").
        let first = m.text.split_whitespace().next();
        let capitalised_before = before.filter(|w| w.starts_with(char::is_uppercase));
        if capitalised_before.is_some_and(|f| first_names.get(f).is_some()) {
            person_said.insert(group_of[i]);
        }
        if first.is_some_and(|f| first_names.get(f).is_some()) {
            person_said.insert(group_of[i]);
            if names[i].len() >= 2 {
                *v.entry("PER").or_default() += 1;
            }
        }
        if gaz.kinds_of_lower(&names[i].join(" ")).any(|k| {
            matches!(
                k,
                Kind::City | Kind::Country | Kind::Region | Kind::Continent
            )
        }) {
            *v.entry("LOC").or_default() += 1;
        }
    }
    let winner: HashMap<usize, &'static str> = votes
        .into_iter()
        .map(|(g, v)| {
            // Most votes; a tie goes to the later of PER, ORG, LOC
            // (`max_by_key` keeps the last maximum), and MISC only wins
            // alone. Preferring PER on ties instead was measured on
            // 2026-12-02: GUM +0.001, re3d -0.006, development quotes -1.
            let best = ["PER", "ORG", "LOC", "MISC"]
                .into_iter()
                .max_by_key(|k| {
                    (
                        v.get(k).copied().unwrap_or(0),
                        std::cmp::Reverse(*k == "MISC"),
                    )
                })
                .unwrap_or("MISC");
            // Words around a name that only an organisation takes outweigh
            // the tagger's count, unless something says person.
            let org = org_said.contains(&g) && !person_said.contains(&g);
            let place_org = place_org_said.contains(&g) && !person_said.contains(&g);
            let org = (org && best == "PER") || (place_org && best == "LOC");
            (g, if org { "ORG" } else { best })
        })
        .collect();
    mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let mut m = m.clone();
            m.kind = winner[&group_of[i]];
            m
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, tagged mentions as (text, type) in order) → their types after unifying.
    fn check(text: &str, tagged: &[(&str, &'static str)], expect: &[&str]) {
        let mut from = 0;
        let mentions: Vec<Mention> = tagged
            .iter()
            .map(|(t, k)| {
                let start = from + text[from..].find(t).expect("mention in text");
                from = start + t.len();
                Mention {
                    text: t.to_string(),
                    start,
                    end: start + t.len(),
                    kind: k,
                }
            })
            .collect();
        let got: Vec<&str> = unify(text, &mentions, Gazetteer::embedded())
            .iter()
            .map(|m| m.kind)
            .collect();
        assert_eq!(got, expect, "{text}");
    }

    #[test]
    fn one_type_per_entity() {
        // A full name tagged ORG once, its surname PER twice: one PER.
        check(
            "John Doe spoke. Doe left. Later Doe returned.",
            &[("John Doe", "ORG"), ("Doe", "PER"), ("Doe", "PER")],
            &["PER", "PER", "PER"],
        );
        // The same name with two types: the majority and the title decide.
        check(
            "Senator Wexley voted. Wexley said no.",
            &[("Wexley", "PER"), ("Wexley", "ORG")],
            &["PER", "PER"],
        );
        // A place named like a person stays a place when the gazetteer and
        // the votes say so.
        check(
            "Paris was calm. Paris reopened.",
            &[("Paris", "LOC"), ("Paris", "PER")],
            &["LOC", "LOC"],
        );
        // A surname tagged as a place is the person's, and does not vote.
        check(
            "Marilyn Monroe sang. Monroe died. Monroe was 36.",
            &[
                ("Marilyn Monroe", "PER"),
                ("Monroe", "LOC"),
                ("Monroe", "LOC"),
            ],
            &["PER", "PER", "PER"],
        );
        // Not a large city: "Jack London" leaves London a place.
        check(
            "Jack London wrote of London. London was foggy.",
            &[("Jack London", "PER"), ("London", "LOC"), ("London", "LOC")],
            &["PER", "LOC", "LOC"],
        );
        // A bare head noun takes the type of the last name ending in it.
        check(
            "Washington State University grew. The University hired.",
            &[
                ("Washington State University", "ORG"),
                ("University", "LOC"),
            ],
            &["ORG", "ORG"],
        );
        // A head noun that is also a surname does not vote after a first name.
        check(
            "Jim Press said so. Press left.",
            &[("Jim Press", "ORG"), ("Press", "PER")],
            &["PER", "PER"],
        );
        // Words only an organisation takes outweigh the tagger's count.
        check(
            "Shares in Baikal fell. Baikal paid. Baikal left.",
            &[("Baikal", "PER"), ("Baikal", "PER"), ("Baikal", "PER")],
            &["ORG", "ORG", "ORG"],
        );
        check(
            "Japanese carmaker Nissan said so.",
            &[("Nissan", "PER")],
            &["ORG"],
        );
        check(
            "Hitachi and Matsushita, which makes TVs, agreed.",
            &[("Matsushita", "PER")],
            &["ORG"],
        );
        // A place's name only by a descriptor, and not a known place.
        check(
            "Online retailer Amazon grew. Amazon hired.",
            &[("Amazon", "LOC"), ("Amazon", "LOC")],
            &["ORG", "ORG"],
        );
        check(
            "Shares in London rose. London was calm.",
            &[("London", "LOC"), ("London", "LOC")],
            &["LOC", "LOC"],
        );
        // ... unless something says person: a first name before the
        // mention, or a longer name of the person ending in it.
        check(
            "A tweet by Donald Trump, which was deleted.",
            &[("Trump", "PER")],
            &["PER"],
        );
        check(
            "Eddie Van Halen played. The rock band Van Halen formed. Van Halen died.",
            &[
                ("Eddie Van Halen", "PER"),
                ("Van Halen", "PER"),
                ("Van Halen", "PER"),
            ],
            &["PER", "PER", "PER"],
        );
        // Kin after a possessive name a person, even one named like a
        // town; not "its sister" project nor "Mother Nature".
        check(
            "Awards followed. His wife Mary said he was kind.",
            &[("Mary", "LOC")],
            &["PER"],
        );
        check(
            "Work on its sister Xiluodu dam stopped.",
            &[("Xiluodu", "MISC")],
            &["MISC"],
        );
        // A descriptor counts only in lower case ("Broadcaster" opens a
        // sentence; "Group D" is a name).
        check(
            "They finished second in Group D behind Lyon.",
            &[("D", "PER")],
            &["PER"],
        );
        // A surname shared by two longer names joins neither.
        check(
            "Ann Lee and Bo Lee met. Lee left.",
            &[("Ann Lee", "PER"), ("Bo Lee", "PER"), ("Lee", "ORG")],
            &["PER", "PER", "ORG"],
        );
    }
}
