//! Joins of whole names after the merge rules (`merge.rs`): a possessive
//! into the bare name ("BBC's" and "BBC"), a body's short name into the
//! name with its "of" part ("Unity Party" and "Unity Party of America"),
//! a place's name without its geographic head ("Atlantic" and "Atlantic
//! Ocean"), two names of one GeoNames place ("Kiev", "Kyiv"), and a firm's
//! name without its legal form ("Texaco" and "Texaco Inc").

use std::collections::HashMap;

use super::aliases::Aliases;
use super::mentions::Mention;
use super::merge::Key;
use crate::gazetteer::{Gazetteer, Kind};
use crate::nlp::legal_forms::is_legal_form;

/// Whether mention `i` is of type `kind` and still keyed by its own name
/// (no alias, country or earlier rule has keyed it).
fn keyed_by_own_name(mentions: &[Mention], keys: &[Key], i: usize, kind: &str) -> bool {
    matches!(&keys[i], Key::Name(k, n) if *k == kind && *n == mentions[i].text)
}

/// "The Unity Party was founded in 2004" is the "Unity Party of America"
/// the article names: an organisation of two words or more, keyed by its
/// own name, that a longer organisation's name opens with before "of"
/// takes that name's key (the first such). Not one word ("the Bank" of
/// "Bank of England" is the head-noun rule's), and not a party, council,
/// assembly, court or senate before a region or a city: "the Prohibition
/// Party of Illinois" is the party's branch there, another body than the
/// "Prohibition Party" (a country is the body's own: "Royal Bank of
/// Canada").
pub(super) fn join_of_forms(mentions: &[Mention], keys: &mut [Key], gaz: &Gazetteer) {
    // (Only for the bodies that have branches: a firm "of" its seat is the
    // firm, "Public Service Co of New Mexico", "Exchange National Bank of
    // Chicago".)
    let branch = |short: &str, of_part: &str| {
        let head = short
            .rsplit(' ')
            .next()
            .unwrap_or(short)
            .to_ascii_lowercase();
        let kinds = gaz.kinds(of_part);
        matches!(
            head.as_str(),
            "party" | "council" | "assembly" | "court" | "senate"
        ) && !kinds.contains(&Kind::Country)
            && kinds
                .iter()
                .any(|k| matches!(k, Kind::Region | Kind::City | Kind::Province))
    };
    let own = |keys: &[Key], i: usize| keyed_by_own_name(mentions, keys, i, "ORG");
    let with_of: Vec<usize> = (0..mentions.len())
        .filter(|&j| mentions[j].kind == "ORG" && mentions[j].text.contains(" of "))
        .collect();
    if with_of.is_empty() {
        return;
    }
    for i in 0..mentions.len() {
        let t = mentions[i].text.as_str();
        if mentions[i].kind != "ORG" || !t.contains(' ') || t.contains(" of ") || !own(keys, i) {
            continue;
        }
        let longer = with_of.iter().copied().find(|&j| {
            mentions[j]
                .text
                .strip_prefix(t)
                .and_then(|rest| rest.strip_prefix(" of "))
                .is_some_and(|of_part| !branch(t, of_part))
        });
        if let Some(j) = longer {
            keys[i] = keys[j].clone();
        }
    }
}

/// Geographic heads a place's name may drop ("the Atlantic Ocean" … "the
/// Atlantic", "the Abaco Islands" … "Abaco").
#[rustfmt::skip]
const DROPPED_HEADS: &[&str] = &[
    "Bay", "Desert", "Gulf", "Island", "Islands", "Lake", "Mountains", "Ocean", "Peninsula",
    "River", "Sea", "Strait", "Valley",
];

/// "The Atlantic" is the "Atlantic Ocean" the article names: a place keyed
/// by its own name takes the key of the place named by it and a
/// geographic head, unless the bare name is a country, region, province
/// or city the gazetteer knows ("Mississippi" and "Mississippi River",
/// "Jordan" and "Jordan River" are two places).
pub(super) fn join_place_heads(mentions: &[Mention], keys: &mut [Key], gaz: &Gazetteer) {
    let own = |keys: &[Key], i: usize| keyed_by_own_name(mentions, keys, i, "LOC");
    let headed: Vec<usize> = (0..mentions.len())
        .filter(|&j| {
            own(keys, j)
                && mentions[j]
                    .text
                    .rsplit_once(' ')
                    .is_some_and(|(_, h)| DROPPED_HEADS.contains(&h))
        })
        .collect();
    if headed.is_empty() {
        return;
    }
    for i in 0..mentions.len() {
        let t = mentions[i].text.as_str();
        if !own(keys, i) || headed.contains(&i) {
            continue;
        }
        let longer = headed.iter().copied().find(|&j| {
            mentions[j]
                .text
                .rsplit_once(' ')
                .is_some_and(|(n, _)| n == t)
        });
        let Some(j) = longer else {
            continue;
        };
        let settled = gaz.kinds(t).iter().any(|k| k.is_territory());
        if !settled {
            keys[i] = keys[j].clone();
        }
    }
}

/// "Kiev" and "Kyiv", "Bombay" and "Mumbai", "General Santos City" and
/// "General Santos": two names the gazetteer gives one GeoNames id are one
/// place, keyed as the first of them. (Places
/// keyed by their own name only: a country has its ISO key already.)
pub(super) fn join_same_places(mentions: &[Mention], keys: &mut [Key], gaz: &Gazetteer) {
    let own = |keys: &[Key], i: usize| keyed_by_own_name(mentions, keys, i, "LOC");
    // Two different names at least, else nothing to join (most articles).
    let mut places = (0..mentions.len()).filter(|&i| own(keys, i));
    let Some(one) = places.next().map(|i| mentions[i].text.as_str()) else {
        return;
    };
    if !places.any(|i| mentions[i].text != one) {
        return;
    }
    let mut id_of: HashMap<&str, Option<u64>> = HashMap::new();
    let mut first: HashMap<u64, Key> = HashMap::new();
    for i in 0..mentions.len() {
        if !own(keys, i) {
            continue;
        }
        let name = mentions[i].text.as_str();
        let id = *id_of.entry(name).or_insert_with(|| {
            gaz.geonameid(name)
                .or_else(|| gaz.city_with_suffix(name).and_then(|e| e.geonameid))
        });
        if let Some(id) = id {
            let k = first.entry(id).or_insert_with(|| keys[i].clone());
            keys[i] = k.clone();
        }
    }
}

/// "Texaco said" is the "Texaco Inc" the article names: a name keyed by
/// itself that an organisation's name is without its legal forms takes
/// that organisation's key ("Wedge" and "Wedge Group" of "Wedge Group
/// Inc"; wire copy names a firm in full once, then bare). Typed an
/// organisation or MISC, or a place that the gazetteer does not know
/// ("Burisma"); not a person ("Morgan" of "Morgan Group"), nor a known
/// place ("Nevada" of "Nevada Corp"). A bare name the alias table keys
/// ("Boeing") keeps its key, and the full name takes it.
pub(super) fn join_legal_forms(
    mentions: &[Mention],
    keys: &mut [Key],
    aliases: &Aliases,
    gaz: &Gazetteer,
) {
    // Bare name, lower-cased -> the first of the longest organisations
    // that is it with legal forms.
    let mut firm_of: HashMap<String, (usize, usize)> = HashMap::new();
    for (j, m) in mentions.iter().enumerate() {
        // (Most names end in no legal form: ruled out before any split.)
        let last = m.text.rsplit(' ').next().unwrap_or_default();
        if m.kind != "ORG" || !is_legal_form(last) || !keyed_by_own_name(mentions, keys, j, "ORG") {
            continue;
        }
        let mut offer = |bare: String| {
            let best = firm_of
                .entry(bare.to_lowercase())
                .or_insert((m.text.len(), j));
            if m.text.len() > best.0 {
                *best = (m.text.len(), j);
            }
        };
        let mut words: Vec<&str> = m.text.split(' ').collect();
        while words.len() >= 2 && is_legal_form(words[words.len() - 1]) {
            words.pop();
            offer(words.join(" "));
            // "Kidder, Peabody and Co": a partnership's first partner alone
            // names it too ("Kidder said", "Bear" of "Bear, Stearns and Co").
            if matches!(words.last(), Some(&("and" | "&"))) {
                if let Some(c) = words.iter().position(|w| w.ends_with(',')) {
                    offer(words[..=c].join(" ").trim_end_matches(',').to_string());
                }
            }
        }
    }
    if firm_of.is_empty() {
        return;
    }
    // A bare name the alias table knows ("Boeing") keeps its key, and the
    // firm's full name takes it.
    let mut to_alias: Vec<(Key, Key)> = Vec::new();
    for i in 0..mentions.len() {
        let (joins, name) = match &keys[i] {
            Key::Name(kind, name) => match *kind {
                "ORG" | "MISC" => (true, name),
                "LOC" => (gaz.lookup(name).is_empty(), name),
                _ => continue,
            },
            Key::Alias(a) if aliases.entries[*a].kind == "ORG" => (true, &mentions[i].text),
            _ => continue,
        };
        let Some(&(_, j)) = firm_of.get(&name.to_lowercase()).filter(|_| joins) else {
            continue;
        };
        if matches!(keys[i], Key::Alias(_)) {
            to_alias.push((keys[j].clone(), keys[i].clone()));
        } else {
            keys[i] = keys[j].clone();
        }
    }
    for (from, to) in to_alias {
        for k in keys.iter_mut().filter(|k| **k == from) {
            *k = to.clone();
        }
    }
}

/// "the BBC's iCan project", "Boeing's": a possessive the tagger took into
/// the name is the name the article also writes bare, so it takes that
/// mention's key. (Alone it stays: "Moody's", "Sotheby's".) Run before the
/// acronym rules ("Deutsche Boerse's (DB)") and again after the rest, whose
/// merges may have moved the bare name's key.
pub(super) fn join_possessives(mentions: &[Mention], keys: &mut [Key]) {
    let mut bare: Option<HashMap<&str, usize>> = None;
    for i in 0..mentions.len() {
        let t = mentions[i].text.as_str();
        let Some(stem) = possessive_stem(t) else {
            continue;
        };
        let bare = bare.get_or_insert_with(|| {
            let mut first = HashMap::new();
            for (j, m) in mentions.iter().enumerate() {
                first.entry(m.text.as_str()).or_insert(j);
            }
            first
        });
        // Of the same type: "Surinam's" ORG is not the country "Surinam".
        if let Some(&j) = bare
            .get(stem)
            .filter(|&&j| mentions[j].kind == mentions[i].kind)
        {
            keys[i] = keys[j].clone();
        }
    }
}

/// The name a possessive mention is of: "BBC" for "BBC's" (either
/// apostrophe); none for a name without one.
pub(super) fn possessive_stem(t: &str) -> Option<&str> {
    t.strip_suffix("'s").or_else(|| t.strip_suffix("’s"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (mentions as (text, type)) → for each, the text of the mention whose
    /// key it ends with.
    fn check(
        rule: &dyn Fn(&[Mention], &mut [Key]),
        tagged: &[(&str, &'static str)],
        expect: &[&str],
    ) {
        let mentions: Vec<Mention> = tagged
            .iter()
            .map(|(t, k)| Mention {
                text: t.to_string(),
                start: 0,
                end: t.len(),
                kind: k,
            })
            .collect();
        let mut keys: Vec<Key> = mentions
            .iter()
            .map(|m| Key::Name(m.kind, m.text.clone()))
            .collect();
        rule(&mentions, &mut keys);
        let got: Vec<String> = keys
            .iter()
            .map(|k| match k {
                Key::Name(_, t) => t.clone(),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(got, expect, "{tagged:?}");
    }

    #[test]
    fn a_possessive_joins_the_bare_name_of_its_type() {
        check(
            &join_possessives,
            &[("BBC", "ORG"), ("BBC's", "ORG"), ("Moody's", "ORG")],
            &["BBC", "BBC", "Moody's"],
        );
        check(
            &join_possessives,
            &[("Surinam", "LOC"), ("Surinam’s", "ORG")],
            &["Surinam", "Surinam’s"],
        );
    }

    #[test]
    fn a_place_named_without_its_head_is_the_same_place() {
        let heads = |m: &[Mention], k: &mut [Key]| join_place_heads(m, k, Gazetteer::embedded());
        check(
            &heads,
            &[
                ("Atlantic Ocean", "LOC"),
                ("Atlantic", "LOC"),
                ("Mississippi River", "LOC"),
                ("Mississippi", "LOC"),
                ("Abaco", "LOC"),
                ("Abaco Islands", "LOC"),
            ],
            &[
                "Atlantic Ocean",
                "Atlantic Ocean",
                "Mississippi River",
                "Mississippi",
                "Abaco Islands",
                "Abaco Islands",
            ],
        );
    }

    #[test]
    fn a_body_named_without_its_of_part_is_the_same_body() {
        let of_forms = |m: &[Mention], k: &mut [Key]| join_of_forms(m, k, Gazetteer::embedded());
        check(
            &of_forms,
            &[
                ("Unity Party of America", "ORG"),
                ("Unity Party", "ORG"),
                ("Unity", "ORG"),
                ("Unity Party", "LOC"),
                ("Labour Party", "ORG"),
            ],
            &[
                "Unity Party of America",
                "Unity Party of America",
                "Unity",
                "Unity Party",
                "Labour Party",
            ],
        );
        // A branch in a region or city is another body.
        check(
            &of_forms,
            &[
                ("Prohibition Party of Illinois", "ORG"),
                ("Prohibition Party", "ORG"),
                ("Royal Bank of Canada", "ORG"),
                ("Royal Bank", "ORG"),
            ],
            &[
                "Prohibition Party of Illinois",
                "Prohibition Party",
                "Royal Bank of Canada",
                "Royal Bank of Canada",
            ],
        );
    }

    #[test]
    fn a_firm_named_without_its_legal_form_is_the_same_firm() {
        let aliases = Aliases::builtin();
        let legal =
            |m: &[Mention], k: &mut [Key]| join_legal_forms(m, k, &aliases, Gazetteer::embedded());
        check(
            &legal,
            &[
                ("Texaco Inc", "ORG"),
                ("Texaco", "ORG"),
                ("Wedge Group Inc.", "ORG"),
                ("Wedge Group", "ORG"),
                ("Wedge", "ORG"),
                ("Burisma", "LOC"),
                ("Burisma Holdings", "ORG"),
                ("Bear, Stearns and Co", "ORG"),
                ("Bear", "ORG"),
            ],
            &[
                "Texaco Inc",
                "Texaco Inc",
                "Wedge Group Inc.",
                "Wedge Group Inc.",
                "Wedge Group Inc.",
                "Burisma Holdings",
                "Burisma Holdings",
                "Bear, Stearns and Co",
                "Bear, Stearns and Co",
            ],
        );
        // Not a person, nor a place the gazetteer knows; no legal form, no
        // join ("Fox" and "Fox News").
        check(
            &legal,
            &[
                ("Morgan Group", "ORG"),
                ("Morgan", "PER"),
                ("Nevada Corp", "ORG"),
                ("Nevada", "LOC"),
                ("Fox News", "ORG"),
                ("Fox", "ORG"),
            ],
            &[
                "Morgan Group",
                "Morgan",
                "Nevada Corp",
                "Nevada",
                "Fox News",
                "Fox",
            ],
        );
    }

    #[test]
    fn a_firm_the_alias_table_knows_keeps_its_key_with_its_legal_form() {
        let e = super::super::tests::run(
            "Jet order\n\nBoeing Co. said on Monday it won an order. Boeing shares rose. \
             General Electric Co, which makes its engines, said nothing.",
        );
        let names = super::super::tests::names_and_types(&e);
        assert_eq!(
            names,
            [("Boeing", "ORG"), ("General Electric Co", "ORG")],
            "{names:?}"
        );
    }
}
