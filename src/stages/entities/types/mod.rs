//! One type per entity: the tagger types each mention on its own, so one
//! person can come out as "John Doe" ORG and "Doe" PER, and consolidation
//! (which keys names by type) would make two entities of two types. Before
//! consolidating, mentions are grouped by name (the same words, or a
//! one-word surname of a longer PER/ORG name), and each group takes one
//! type by vote: one vote per mention, two more for a person's title or
//! honorific just before a mention ("President", "Senator", "Ms.") or for
//! a two-word name labelling a transcript's turn ("((Dorsa Derakhshani))",
//! "Mark Hughes:"), one for
//! a known first name opening a multi-word name, one for LOC when the
//! gazetteer knows the name as a place (not from a mention tagged PER when
//! the place is only a town: "Then Clinton said"), two for the type of a head noun
//! ending the name ("University" ORG, "Avenue" LOC). A surname tagged LOC joins the
//! person's group without a vote ("Monroe" after "Marilyn Monroe"), unless
//! it is a well-known place (of two people with the surname, the first's
//! group, for the type: "Jackson" of Janet and Michael Jackson); a bare
//! name joins the storm the article names
//! ("Dorian" of "Hurricane Dorian"), and a group with a storm is MISC; a
//! bare name joins the one firm whose name opens with it and an ampersand
//! ("Marsh" of "Marsh & McLennan"), and a group with such a firm is ORG
//! unless something says person; a bare head noun ("the University") joins
//! the last name ending in it. A group the tagger calls a person is an
//! organisation when words only an organisation takes surround one of its
//! mentions ("carmaker Nissan", "Matsushita, which", "shares in Baikal";
//! `wordlists::org_context`) and nothing says person (a title, a known
//! first name, a longer name of a person ending in it). A group twice
//! the subject of "said he" or "said she" is a person, unless a head noun
//! or an ampersand says body; a name after a body's descriptor casts no
//! vote for its namesake town ("electronics firm Hitachi").
//!
//! `evidence.rs` holds what one mention says about its group's type and
//! the decision; this file groups the mentions.

use std::collections::HashMap;

use super::heads;
use super::mentions::Mention;
use crate::gazetteer::Gazetteer;

mod cues;
mod evidence;
#[cfg(test)]
mod tests;

use evidence::{Evidence, Lookups};

fn words_lower(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// "Hurricane Dorian": a storm's name, which a bare "Dorian" joins.
pub(super) fn storm(name: &[String]) -> bool {
    name.len() == 2 && heads::is_storm(&name[0])
}

/// A surname of two words or more that opens with a particle ("De La
/// Fuente", "van der Berg", "Le Pen"), lower-cased words.
fn particle_surname(words: &[String]) -> bool {
    words.len() <= 3
        && matches!(
            words[0].as_str(),
            "de" | "del" | "della" | "di" | "da" | "du" | "la" | "le" | "van" | "von" | "der"
                | "ter" | "ten" | "al" | "el" | "bin" | "ibn" | "st." | "mac"
        )
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
    // Nor does a particle surname's tag ("De La Fuente" ORG).
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
        if v.len() < 2 || !(kind == "PER" || kind == "ORG" || storm(&names[j])) {
            continue;
        }
        // Seen already: a mention with the same words and type stands for it.
        if std::mem::replace(&mut seen[group_of[j]][usize::from(kind == "ORG")], true) {
            continue;
        }
        let last = v.last().map_or("", String::as_str);
        longer_by_last.entry(last).or_default().push(j);
        // "Vázquez" of "Wanda Vázquez Garced" (merge.rs).
        if kind == "PER" {
            let surname = super::merge::first_of_two_surnames(&mentions[j].text);
            let second_last = v.len().checked_sub(2).map(|i| v[i].as_str());
            if let Some(s) = second_last.filter(|s| surname.is_some_and(|x| x.to_lowercase() == *s)) {
                longer_by_last.entry(s).or_default().push(j);
            }
        }
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); keys.len()];
    for (i, &g) in group_of.iter().enumerate() {
        members[g].push(i);
    }
    for (i, w) in names.iter().enumerate() {
        let loc = mentions[i].kind == "LOC";
        // (Of longer names, only a surname that opens with a particle,
        // "De La Fuente" of "Rocky De La Fuente" tagged ORG, joins a
        // person's: `particle_surname`.)
        let particle = w.len() > 1 && particle_surname(w);
        // (A particle surname may be tagged MISC too: "Ten Cate".)
        let kind_fits = matches!(mentions[i].kind, "PER" | "ORG" | "LOC")
            || particle && mentions[i].kind == "MISC";
        if (w.len() != 1 && !particle) || !kind_fits {
            continue;
        }
        let last = w.last().map_or("", String::as_str);
        let candidates = longer_by_last.get(last).map_or(&[][..], Vec::as_slice);
        // A storm the article names takes its bare name first ("Phailin"
        // of "Cyclone Phailin", not of a cut "T C Phailin").
        let storms = candidates.iter().any(|&j| storm(&names[j]));
        let fitting: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|&j| {
                let kind = mentions[j].kind;
                if particle {
                    kind == "PER" && names[j].len() > w.len() && names[j].ends_with(w)
                } else if storms {
                    storm(&names[j])
                } else {
                    kind == "PER" || kind == "ORG" && !loc
                }
            })
            .collect();
        let mut longer: Vec<usize> = fitting.iter().map(|&j| group_of[j]).collect();
        longer.sort_unstable();
        longer.dedup();
        // Two people of the surname ("Janet Jackson", "Michael Jackson";
        // "Chris Paterson" and the team sheet's "C Paterson"): a bare name
        // tagged a person or a place is a person's all the same, and joins
        // the first for its type; which of them each mention is,
        // `merge.rs` decides. (Tagged ORG it stays: "Disney" of "Walt
        // Disney" and "Roy Disney".)
        let people = mentions[i].kind != "ORG"
            && !particle
            && !storms
            && fitting.iter().all(|&j| mentions[j].kind == "PER");
        let target = match longer[..] {
            [g] => Some(g),
            [g, ..] if people => Some(g),
            _ => None,
        };
        if let Some(g) = target {
            let old = group_of[i];
            // A country, region or city of a million stays a place ("Jack
            // London" does not make "London" a person).
            if old == g || loc && gaz.is_notable(&w[0], 1_000_000) {
                continue;
            }
            let moved = std::mem::take(&mut members[old]);
            for &x in &moved {
                group_of[x] = g;
                quiet[x] = loc || particle;
            }
            members[g].extend(moved);
        }
    }
    // "Marsh said" is the "Marsh & McLennan" the article names: a one-word
    // name joins the one firm whose name opens with it and an ampersand.
    let firm_words = super::ampersand::firms_by_first_word(
        mentions.iter().map(|m| (m.kind, m.text.as_str())),
    );
    if !firm_words.is_empty() {
        let mut firms: HashMap<&str, Vec<usize>> = HashMap::new();
        for (first, j) in firm_words {
            firms.entry(first).or_default().push(group_of[j]);
        }
        for gs in firms.values_mut() {
            gs.sort_unstable();
            gs.dedup();
        }
        // Only a group of the bare word itself moves: one that joined a
        // person ("Smith" of "John Smith") stays the person's. (Judged
        // once per group: an article may repeat the word 100,000 times.)
        let mut kept: std::collections::HashSet<usize> = std::collections::HashSet::new();
        for i in 0..mentions.len() {
            let Some(gs) = firms.get(mentions[i].text.as_str()) else {
                continue;
            };
            if let [g] = gs[..] {
                let old = group_of[i];
                if old == g || kept.contains(&old) {
                    continue;
                }
                if !members[old].iter().all(|&x| names[x] == names[i]) {
                    kept.insert(old);
                    continue;
                }
                let moved = std::mem::take(&mut members[old]);
                for &x in &moved {
                    group_of[x] = g;
                }
                members[g].extend(moved);
            }
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
    let lookups = Lookups::new(mentions, &names, gaz);
    let mut evidence: HashMap<usize, Evidence> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let e = evidence.entry(group_of[i]).or_default();
        if !quiet[i] {
            e.add(text, m, &names[i], &lookups);
        }
    }
    let winner: HashMap<usize, &'static str> =
        evidence.iter().map(|(&g, e)| (g, e.kind())).collect();
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
