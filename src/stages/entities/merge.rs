//! Merging mention keys before grouping (`consolidate.rs` runs the whole-name
//! joins of `name_joins.rs` around these rules): a parenthetical acronym into the
//! name it follows, a surname into the full name and an acronym into the
//! name it abbreviates, a country-qualified organisation into the bare one,
//! a first name into the one person with it, a bare name into the firm
//! "Name & Other", and a bare head noun into the last name ending in it.
//! Each rule finds its candidates in an index built once
//! (by last word, initials, lower-cased text, first word), so an article's
//! cost grows with its mentions, not with their square: a 2 MB input of
//! 120,000 repeated names took 105 s in the pairwise scans this replaces.

use std::collections::HashMap;

use super::aliases::Aliases;
use super::mentions::Mention;
use crate::gazetteer::{Gazetteer, Kind};

/// The whitespace-separated words of a name.
pub(super) fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// The capital initials of a name's words, function words skipped
/// ("World Health Organization" → "WHO").
pub(super) fn initials(name: &str) -> String {
    words(name)
        .iter()
        .filter(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "of" | "the" | "and" | "for" | "de" | "al"
            )
        })
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

/// "Vázquez" of "Wanda Vázquez Garced", "Rosselló" of "Ricardo Rosselló
/// Nevares": a name of three words or more may end in two surnames
/// (Spanish, Portuguese), and news calls the person by the first. The
/// second-last word, when capitalised, three letters or more, and no
/// given name ("John Paul Stevens", "Lee Harvey Oswald") or initial
/// ("George W. Bush").
pub(super) fn first_of_two_surnames(name: &str) -> Option<&str> {
    // Three words or more, without collecting them (asked of every name).
    let mut back = name.split_whitespace().rev();
    let (_, s, _) = (back.next()?, back.next()?, back.next()?);
    let names = crate::nlp::gender::FirstNames::embedded();
    (s.starts_with(char::is_uppercase)
        && s.chars().count() >= 3
        && s.chars().all(|c| c.is_alphabetic() || c == '-')
        && !names.is_given_name(s))
    .then_some(s)
}

/// Whether `name` ends in the words `tail`, a particle's case aside:
/// "Leon van Biljon" ends in "Van Biljon", which opens a sentence.
fn ends_with_words(name: &[&str], tail: &[&str]) -> bool {
    name.len() >= tail.len()
        && name[name.len() - tail.len()..]
            .iter()
            .zip(tail)
            .all(|(a, b)| a.eq_ignore_ascii_case(b))
}

/// An acronym's letters as `initials` writes them: "U.S." is "US" and
/// "B&B" is "BB" ("Bradford & Bingley"; the ampersand is a function word).
fn acronym_letters(acronym: &str) -> String {
    acronym.chars().filter(|c| !matches!(c, '.' | '&')).collect()
}

/// Two to six capital letters, no space ("WHO", "U.S.").
pub(super) fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase()) && !s.contains(' ')
}

/// The country a name or demonym denotes, by ISO code.
pub(super) fn country_of(gaz: &Gazetteer, name: &str) -> Option<String> {
    let find = |n: &str| {
        gaz.lookup(n)
            .into_iter()
            .find(|e| matches!(e.kind, Kind::Country | Kind::Demonym))
            .map(|e| e.country.clone())
    };
    // Plural demonyms: "Iranians" → "Iranian".
    find(name).or_else(|| {
        name.strip_suffix('s')
            .and_then(|n| gaz.lookup(n).into_iter().find(|e| e.kind == Kind::Demonym))
            .map(|e| e.country.clone())
    })
}

/// What a group of mentions resolves to, before output.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Key {
    Alias(usize),
    Country(String),
    Name(&'static str, String),
}

/// A key as groups compare it: names case-insensitively.
pub(super) fn norm(k: &Key) -> Key {
    match k {
        Key::Name(kind, n) => Key::Name(kind, n.to_lowercase()),
        other => other.clone(),
    }
}

/// The acronym in parentheses right after a mention ("Full Name (FN)").
fn parenthetical_acronym<'t>(text: &'t str, end: usize) -> Option<&'t str> {
    let rest = text[end..].trim_start().strip_prefix('(')?;
    // An acronym is short: look for the closing mark nearby only.
    let close = rest.char_indices().take(32).find(|&(_, c)| c == ')')?.0;
    let inner = rest[..close].trim();
    is_acronym(inner).then_some(inner)
}

/// Rewrites `keys` (one per mention, from aliases, countries or the name
/// itself) so that mentions of one entity share a key. Rules run in order
/// and each reads the keys as the rules before it left them.
pub(super) fn merge(
    text: &str,
    mentions: &[Mention],
    keys: &mut [Key],
    aliases: &Aliases,
    gaz: &Gazetteer,
) {
    // Parenthetical acronyms: "Full Name (FN)" makes FN an alias of Full Name.
    let mut acronym_of: HashMap<&str, Key> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if let Some(inner) = parenthetical_acronym(text, m.end) {
            acronym_of.insert(inner, keys[i].clone());
        }
    }
    // The mentions keyed by their own name or the alias table's (an
    // acronym, "GM", joins "General Motors" either way), and of each
    // distinct (type, text) among them the last: of the longest candidates
    // the last one wins, as in a scan that keeps the last maximum.
    let mut last: HashMap<(&str, &str), usize> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if matches!(keys[i], Key::Name(..) | Key::Alias(_)) {
            last.insert((m.kind, m.text.as_str()), i);
        }
    }
    // Acronyms look their expansion up by initials; most articles have none
    // to look up, and then no initials are made.
    let acronyms = mentions.iter().enumerate().any(|(i, m)| {
        m.kind != "PER" && matches!(keys[i], Key::Name(..) | Key::Alias(_)) && is_acronym(&m.text)
    });
    // "Dorian" is the "Hurricane Dorian" the article names (types/ gave
    // both MISC).
    let mut storms_by_name: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut people_by_last_word: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    let mut others_by_initials: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    // Firms named after a founder ("George Wimpey", "James Hardie"), by
    // surname: news calls them "Wimpey" and "Hardie" too.
    let mut firms_by_surname: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    let first_names = crate::nlp::gender::FirstNames::embedded();
    for (&(kind, t), &j) in &last {
        let w = words(t);
        if let [first, surname] = w[..] {
            if kind == "ORG" && first_names.contains(first) {
                firms_by_surname.entry(surname).or_default().push((2, j));
            }
        }
        if let [head, name] = w[..] {
            if kind == "MISC" && super::heads::is_storm(head) {
                storms_by_name.insert(name, (2, j));
            }
        }
        if kind == "PER" {
            let last_word = w.last().copied().unwrap_or("");
            people_by_last_word
                .entry(last_word)
                .or_default()
                .push((w.len(), j));
            if let Some(first_surname) = first_of_two_surnames(t) {
                people_by_last_word
                    .entry(first_surname)
                    .or_default()
                    .push((w.len(), j));
            }
        } else if acronyms {
            others_by_initials
                .entry(initials(t))
                .or_default()
                .push((w.len(), j));
        }
    }
    // An acronym the alias table gives to one body is the article's own
    // name of that type when that name has those initials ("the World
    // Tourism Organisation … the WTO said" is not the World Trade
    // Organization).
    for (i, m) in mentions.iter().enumerate() {
        // Three letters or more: "US" and "EU" are initials of too much
        // ("US Senate", a misspelt "Europe Union").
        let letters = acronym_letters(&m.text);
        if !matches!(keys[i], Key::Alias(_)) || !is_acronym(&m.text) || letters.len() < 3 {
            continue;
        }
        let own = others_by_initials.get(&letters).and_then(|c| {
            c.iter()
                .filter(|&&(len, j)| {
                    len > 1 && mentions[j].kind == m.kind && matches!(keys[j], Key::Name(..))
                })
                .max()
        });
        if let Some(&(_, j)) = own {
            keys[i] = keys[j].clone();
        }
    }
    // Surnames and acronyms merge into a longer name of a compatible type.
    // Each distinct (type, text) finds its candidates once; a surname two
    // people share picks per mention (`nearest_named`).
    let mut longer_of: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    let mut named_at: Option<HashMap<(&str, &str), Vec<usize>>> = None;
    let mut not_kin: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let Key::Name(kind, _) = keys[i] else {
            continue;
        };
        if let Some(k) = acronym_of.get(m.text.as_str()) {
            keys[i] = k.clone();
            continue;
        }
        let longer = longer_of.entry((kind, m.text.as_str())).or_insert_with(|| {
            let mine = words(&m.text);
            let fits = |&&(len, j): &&(usize, usize)| {
                len > mine.len()
                    && (kind != "PER"
                        || ends_with_words(&words(&mentions[j].text), &mine)
                        || mine.len() == 1
                            && first_of_two_surnames(&mentions[j].text) == Some(mine[0]))
            };
            let best = if kind == "PER" {
                match mine.last() {
                    // Of two people with this surname ("Donald Trump" and
                    // his niece "Mary Trump"), the one the alias table
                    // gives the bare surname to; else, of the longest
                    // names, the one named last before each mention
                    // (`nearest_named`).
                    Some(l) => {
                        let known = aliases.index(l);
                        let rank = |&(len, j): &(usize, usize)| {
                            let listed = known.is_some()
                                && matches!(keys[j], Key::Alias(a) if Some(a) == known);
                            (len, listed)
                        };
                        let c: Vec<&(usize, usize)> = people_by_last_word
                            .get(l)
                            .map(|c| c.iter().filter(fits).collect())
                            .unwrap_or_default();
                        let top = c.iter().map(|x| rank(x)).max();
                        let mut tied: Vec<usize> = c
                            .iter()
                            .filter(|x| Some(rank(x)) == top)
                            .map(|&&(_, j)| j)
                            .collect();
                        tied.sort_unstable();
                        return tied;
                    }
                    None => people_by_last_word.values().flatten().filter(fits).max(),
                }
            } else if is_acronym(&m.text) {
                others_by_initials
                    .get(&acronym_letters(&m.text))
                    .and_then(|c| c.iter().filter(fits).max())
            } else if kind == "ORG" && mine.len() == 1 {
                firms_by_surname.get(m.text.as_str()).and_then(|c| c.iter().filter(fits).max())
            } else if kind == "MISC" {
                storms_by_name.get(m.text.as_str()).filter(|_| mine.len() == 1)
            } else {
                None
            };
            best.map(|&(_, j)| j).into_iter().collect()
        });
        let j = match longer.as_slice() {
            [] => continue,
            [j] => *j,
            tied => {
                let named_at = named_at.get_or_insert_with(|| {
                    let mut at: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
                    for (k, n) in mentions.iter().enumerate() {
                        if n.kind == "PER" {
                            at.entry((n.kind, n.text.as_str())).or_default().push(k);
                        }
                    }
                    at
                });
                // "his son Abhijit Mukherjee": a relative introduced as
                // such is called by the full name; a bare "Mukherjee"
                // after it is still the article's other Mukherjee. (Once
                // per surname, as `longer_of`: not per bare mention.)
                let tied = not_kin.entry((kind, m.text.as_str())).or_insert_with(|| {
                    let kin = |j: usize| {
                        named_at
                            .get(&(mentions[j].kind, mentions[j].text.as_str()))
                            .into_iter()
                            .flatten()
                            .any(|&k| super::kin::introduced_as_kin(text, mentions[k].start))
                    };
                    let others: Vec<usize> = tied.iter().copied().filter(|&j| !kin(j)).collect();
                    if others.is_empty() {
                        tied.to_vec()
                    } else {
                        others
                    }
                });
                nearest_named(tied, i, mentions, named_at)
            }
        };
        keys[i] = keys[j].clone();
    }
    // "US Federal Reserve" is the "Federal Reserve" the article also names:
    // an organisation qualified by a country (of one or two words, "United
    // States Supreme Court") merges into the bare name when that is an
    // organisation too (the first such mention); not when two countries
    // qualify it ("United States Chess Federation", "Iranian Chess
    // Federation": two bodies, and the bare name is either).
    let country = |w: &str| {
        country_of(gaz, w).or_else(|| {
            aliases
                .get(w)
                .filter(|a| a.kind == "LOC")
                .and_then(|a| a.country.clone())
        })
    };
    let mut qualified: Vec<(usize, String, String)> = Vec::new(); // (mention, bare, country)
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != "ORG" || !matches!(keys[i], Key::Name(..)) {
            continue;
        }
        let Some((first, rest)) = m.text.split_once(' ') else {
            continue;
        };
        let (cc, rest) = match (country(first), rest.split_once(' ')) {
            (Some(cc), _) => (cc, rest),
            // The first two words as written ("United States"), no copy.
            (None, Some((second, rest))) => {
                match country(&m.text[..first.len() + 1 + second.len()]) {
                    Some(cc) => (cc, rest),
                    None => continue,
                }
            }
            (None, None) => continue,
        };
        qualified.push((i, rest.to_ascii_lowercase(), cc));
    }
    if !qualified.is_empty() {
        let mut first_org: HashMap<String, usize> = HashMap::new();
        for (j, m) in mentions.iter().enumerate() {
            if m.kind == "ORG" {
                first_org.entry(m.text.to_ascii_lowercase()).or_insert(j);
            }
        }
        let mut countries: HashMap<&str, Vec<&str>> = HashMap::new();
        for (_, bare, cc) in &qualified {
            let ccs = countries.entry(bare.as_str()).or_default();
            if !ccs.contains(&cc.as_str()) {
                ccs.push(cc);
            }
        }
        for (i, bare, _) in &qualified {
            if countries[bare.as_str()].len() > 1 {
                continue;
            }
            if let Some(&j) = first_org.get(bare) {
                keys[*i] = keys[j].clone();
            }
        }
    }
    // "Marsh said" is the "Marsh & McLennan" the article names: a one-word
    // name is the firm whose name opens with it and an ampersand (the
    // first such firm), whatever the tagger typed the word.
    let firm_words = super::ampersand::firms_by_first_word(
        mentions.iter().map(|m| (m.kind, m.text.as_str())),
    );
    if !firm_words.is_empty() {
        let mut firms: HashMap<&str, usize> = HashMap::new();
        for (first, j) in firm_words {
            firms.entry(first).or_insert(j);
        }
        for (i, m) in mentions.iter().enumerate() {
            let unmerged = matches!(&keys[i], Key::Name(_, n) if *n == m.text);
            if let Some(&j) = firms.get(m.text.as_str()).filter(|_| unmerged) {
                keys[i] = keys[j].clone();
            }
        }
    }
    // "Mark" is the "Mark Zuckerberg" the article names, when exactly one
    // person there has that first name, and the word was tagged PER or is a
    // known first name that is no place ("Britney" tagged LOC). (The full
    // names' keys do not change in this step, so one answer per word.)
    let first_names = crate::nlp::gender::FirstNames::embedded();
    // Full names by first word. (The multi-word people keyed by their name
    // are the same ones as before the rules above: those rules only rekey
    // one-word names, acronyms and organisations.)
    let mut fulls_by_first: Option<HashMap<&str, Vec<usize>>> = None;
    let mut one_full: HashMap<&str, Option<Key>> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let unmerged = matches!(&keys[i], Key::Name(k, n) if *k == m.kind && *n == m.text);
        if m.text.contains(' ') || !unmerged {
            continue; // a longer name, or merged already
        }
        let person = m.kind == "PER"
            || (first_names.contains(&m.text) && gaz.lookup(&m.text).is_empty());
        if !person {
            continue;
        }
        let full = one_full
            .entry(m.text.as_str())
            .or_insert_with(|| {
                let fulls_by_first = fulls_by_first.get_or_insert_with(|| {
                    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
                    for (j, m) in mentions.iter().enumerate() {
                        let w = words(&m.text);
                        if m.kind == "PER"
                            && w.len() >= 2
                            && matches!(keys[j], Key::Name(..) | Key::Alias(_))
                        {
                            by_first.entry(w[0]).or_default().push(j);
                        }
                    }
                    by_first
                });
                let mut fulls = fulls_by_first
                    .get(m.text.as_str())
                    .into_iter()
                    .flatten()
                    .map(|&j| norm(&keys[j]));
                let full = fulls.next()?;
                fulls.all(|k| k == full).then_some(full)
            })
            .clone();
        if let Some(full) = full {
            keys[i] = full;
        }
    }
    // A bare head noun ("the University") is the last name before it that
    // ends in it ("Washington State University"); types/ gave both one
    // type.
    let mut by_last_word: Option<HashMap<String, Vec<usize>>> = None;
    for (i, m) in mentions.iter().enumerate() {
        let unmerged = matches!(&keys[i], Key::Name(_, n) if *n == m.text);
        if !unmerged || m.text.contains(' ') || super::heads::head_kind(&m.text).is_none() {
            continue;
        }
        let by_last_word = by_last_word.get_or_insert_with(|| {
            let mut by_last: HashMap<String, Vec<usize>> = HashMap::new();
            for (j, m) in mentions.iter().enumerate() {
                let w = words(&m.text);
                if let (true, Some(l)) = (w.len() > 1, w.last()) {
                    by_last.entry(l.to_ascii_lowercase()).or_default().push(j);
                }
            }
            by_last
        });
        let before = by_last_word
            .get(&m.text.to_ascii_lowercase())
            .and_then(|js| js[..js.partition_point(|&j| j < i)].last());
        if let Some(&j) = before {
            keys[i] = keys[j].clone();
        }
    }
}

/// Of people who share a surname (`tied`, each by one mention index), the
/// one a bare surname at mention `i` means: the one named last before it
/// ("Euan Murray … said Murray … Scott Murray"), else the first named
/// after it. `named_at` lists each name's mention indices in order.
fn nearest_named(
    tied: &[usize],
    i: usize,
    mentions: &[Mention],
    named_at: &HashMap<(&str, &str), Vec<usize>>,
) -> usize {
    let at = |j: usize| {
        named_at
            .get(&(mentions[j].kind, mentions[j].text.as_str()))
            .map_or(&[][..], Vec::as_slice)
    };
    let before = |j: usize| {
        let at = at(j);
        at.partition_point(|&k| k < i).checked_sub(1).map(|p| at[p])
    };
    let first = |j: usize| at(j).first().copied().unwrap_or(j);
    tied.iter()
        .copied()
        .filter_map(|j| before(j).map(|b| (b, j)))
        .max()
        .map(|(_, j)| j)
        .or_else(|| tied.iter().copied().min_by_key(|&j| first(j)))
        .unwrap_or(tied[0])
}
