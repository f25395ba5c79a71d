//! Consolidation: one entity per real-world entity per article. Mentions
//! merge through the alias table, demonyms and country names (to their
//! country), surnames (to the full name), acronyms (to the expansion they
//! abbreviate, parenthetical definitions included) and exact repeats.

use std::collections::HashMap;

use super::aliases::Aliases;
use super::mentions::Mention;
use super::{Entity, Geo, MentionOut};
use crate::document::Span;
use crate::gazetteer::{Entry, Gazetteer, Kind};

/// What a group of mentions resolves to, before output.
#[derive(Debug, Clone, PartialEq)]
enum Key {
    Alias(usize),
    Country(String),
    Name(&'static str, String),
}

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

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

pub(super) fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase()) && !s.contains(' ')
}

/// Ids in list order: E1, E2, …
pub(super) fn number(entities: &mut [Entity]) {
    for (n, e) in entities.iter_mut().enumerate() {
        e.id = format!("E{}", n + 1);
    }
}

/// Whether a name is a demonym, plural too ("Iranian", "Iranians").
pub(super) fn is_demonym(gaz: &Gazetteer, name: &str) -> bool {
    let demonym = |n: &str| gaz.kinds(n).contains(&Kind::Demonym);
    demonym(name) || name.strip_suffix('s').is_some_and(demonym)
}

/// The country a name or demonym denotes, by ISO code.
fn country_of(gaz: &Gazetteer, name: &str) -> Option<String> {
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

/// The shortest country name with this code ("Iraq", not "Republic of Iraq").
pub(super) fn country_entry<'g>(gaz: &'g Gazetteer, cc: &str) -> Option<&'g Entry> {
    gaz.country(cc)
}

/// Spans that raise salience (headline, key points) and spans that do not
/// count as the article's own running text (photo captions).
pub(super) struct Prominence<'a> {
    pub salient: &'a [Span],
    pub minor: &'a [Span],
}

/// A key as groups compare it: names case-insensitively.
fn norm(k: &Key) -> Key {
    match k {
        Key::Name(kind, n) => Key::Name(kind, n.to_lowercase()),
        other => other.clone(),
    }
}

pub(super) fn consolidate(
    text: &str,
    mentions: &[Mention],
    aliases: &Aliases,
    gaz: &Gazetteer,
    prom: &Prominence<'_>,
) -> Vec<Entity> {
    // 1. A key per mention from aliases, gazetteer countries, else its name.
    let mut keys: Vec<Key> = mentions
        .iter()
        .map(|m| {
            if let Some(i) = aliases.index(&m.text) {
                return Key::Alias(i);
            }
            if m.kind == "LOC" || m.kind == "MISC" {
                if let Some(cc) = country_of(gaz, &m.text) {
                    return Key::Country(cc);
                }
            }
            Key::Name(m.kind, m.text.clone())
        })
        .collect();
    // 2. Parenthetical acronyms: "Full Name (FN)" makes FN an alias of Full Name.
    let mut acronym_of: HashMap<String, Key> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        let after = text[m.end..].trim_start();
        if let Some(rest) = after.strip_prefix('(') {
            if let Some((inner, _)) = rest.split_once(')') {
                if is_acronym(inner.trim()) {
                    acronym_of.insert(inner.trim().to_string(), keys[i].clone());
                }
            }
        }
    }
    // 3. Surnames and acronyms merge into a longer name of a compatible type.
    let names: Vec<(usize, Vec<String>)> = mentions
        .iter()
        .enumerate()
        .filter(|(i, _)| matches!(keys[*i], Key::Name(..)))
        .map(|(i, m)| (i, words(&m.text).iter().map(ToString::to_string).collect()))
        .collect();
    for (i, m) in mentions.iter().enumerate() {
        let Key::Name(kind, _) = keys[i].clone() else {
            continue;
        };
        if let Some(k) = acronym_of.get(&m.text) {
            keys[i] = k.clone();
            continue;
        }
        let mine = words(&m.text);
        let longer = names
            .iter()
            .filter(|(j, w)| *j != i && w.len() > mine.len())
            .filter(|(j, w)| {
                let other_kind = mentions[*j].kind;
                match kind {
                    "PER" => {
                        other_kind == "PER"
                            && w.ends_with(
                                &mine.iter().map(ToString::to_string).collect::<Vec<_>>(),
                            )
                    }
                    _ => {
                        is_acronym(&m.text)
                            && other_kind != "PER"
                            && initials(&mentions[*j].text) == m.text.replace('.', "")
                    }
                }
            });
        if let Some((j, _)) = longer.max_by_key(|(_, w)| w.len()) {
            keys[i] = keys[*j].clone();
        }
    }
    // 3b. "US Federal Reserve" is the "Federal Reserve" the article also
    // names: an organisation qualified by a country merges into the bare
    // name when that is an organisation too.
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != "ORG" || !matches!(keys[i], Key::Name(..)) {
            continue;
        }
        let Some((first, rest)) = m.text.split_once(' ') else {
            continue;
        };
        let alias_country = aliases
            .get(first)
            .is_some_and(|a| a.kind == "LOC" && a.country.is_some());
        if country_of(gaz, first).is_none() && !alias_country {
            continue;
        }
        if let Some(j) = (0..mentions.len())
            .find(|&j| mentions[j].kind == "ORG" && mentions[j].text.eq_ignore_ascii_case(rest))
        {
            keys[i] = keys[j].clone();
        }
    }
    // 3c. "Mark" is the "Mark Zuckerberg" the article names, when exactly
    // one person there has that first name, and the word was tagged PER or
    // is a known first name that is no place ("Britney" tagged LOC).
    let first_names = crate::nlp::gender::FirstNames::embedded();
    for (i, m) in mentions.iter().enumerate() {
        let unmerged = matches!(&keys[i], Key::Name(k, n) if *k == m.kind && *n == m.text);
        if m.text.contains(' ') || !unmerged {
            continue; // a longer name, or merged already
        }
        let person = m.kind == "PER"
            || (first_names.get(&m.text).is_some() && gaz.lookup(&m.text).is_empty());
        if !person {
            continue;
        }
        let mut fulls = names
            .iter()
            .filter(|(j, w)| mentions[*j].kind == "PER" && w.len() >= 2 && w[0] == m.text)
            .map(|(j, _)| norm(&keys[*j]));
        if let Some(full) = fulls.next() {
            if fulls.all(|k| k == full) {
                keys[i] = full;
            }
        }
    }
    // 3d. A bare head noun ("the University") is the last name before it
    // that ends in it ("Washington State University"); types.rs gave both
    // one type.
    for (i, m) in mentions.iter().enumerate() {
        let unmerged = matches!(&keys[i], Key::Name(_, n) if *n == m.text);
        if !unmerged || m.text.contains(' ') || super::heads::head_kind(&m.text).is_none() {
            continue;
        }
        let ends_in_it = |j: &usize| {
            let w = words(&mentions[*j].text);
            w.len() > 1 && w.last().is_some_and(|l| l.eq_ignore_ascii_case(&m.text))
        };
        if let Some(j) = (0..i).rev().find(ends_in_it) {
            keys[i] = keys[j].clone();
        }
    }
    // 4. Group, keeping first-mention order.
    let mut order: Vec<Key> = Vec::new();
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        let norm = norm(k);
        let g = order.iter().position(|o| *o == norm).unwrap_or_else(|| {
            order.push(norm.clone());
            order.len() - 1
        });
        groups.entry(g).or_default().push(i);
    }
    let max_count = groups.values().map(Vec::len).max().unwrap_or(1) as f64;
    let mut out: Vec<Entity> = (0..order.len())
        .map(|g| {
            build_entity(
                &order[g],
                &groups[&g],
                mentions,
                aliases,
                gaz,
                text,
                prom,
                max_count,
            )
        })
        .collect();
    // Disambiguate places by the countries the article names: "Hyderabad"
    // in an article about Pakistan is Hyderabad, Sindh. A much smaller
    // namesake (under 1/20 of the largest) does not win on that alone.
    let named: Vec<String> = out
        .iter()
        .filter_map(|e| {
            e.geo
                .as_ref()
                .filter(|g| g.feature == "country")
                .and_then(|g| g.country.clone())
        })
        .collect();
    for e in out
        .iter_mut()
        .filter(|e| e.geo.as_ref().is_some_and(|g| g.feature == "city"))
    {
        let candidates = gaz.lookup(&e.name);
        let top = candidates.first().map_or(0, |c| c.population);
        if let Some(best) = candidates
            .into_iter()
            .find(|c| named.contains(&c.country) && c.population * 20 >= top)
        {
            e.geo = Some(geo_of(best));
        }
    }
    out.sort_by(|a, b| {
        b.salience
            .partial_cmp(&a.salience)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    number(&mut out);
    out
}

#[allow(clippy::too_many_arguments)]
fn build_entity(
    key: &Key,
    members: &[usize],
    mentions: &[Mention],
    aliases: &Aliases,
    gaz: &Gazetteer,
    text: &str,
    prom: &Prominence<'_>,
    max_count: f64,
) -> Entity {
    let ms: Vec<&Mention> = members.iter().map(|&i| &mentions[i]).collect();
    let longest = ms
        .iter()
        .max_by_key(|m| (words(&m.text).len(), m.text.len()))
        .map(|m| m.text.clone())
        .unwrap_or_default();
    let majority = {
        let mut c: HashMap<&str, usize> = HashMap::new();
        for m in &ms {
            *c.entry(m.kind).or_default() += 1;
        }
        c.into_iter()
            .max_by_key(|(k, n)| (*n, *k))
            .map_or("MISC", |(k, _)| k)
    };
    let (name, kind, wikidata, geo) = match key {
        Key::Alias(i) => {
            let a = &aliases.entries[*i];
            let geo = (a.kind == "LOC").then(|| Geo {
                country: a.country.clone(),
                region: None,
                lat: a.lat.or_else(|| {
                    a.country
                        .as_deref()
                        .and_then(|c| country_entry(gaz, c)?.lat)
                }),
                lon: a.lon.or_else(|| {
                    a.country
                        .as_deref()
                        .and_then(|c| country_entry(gaz, c)?.lon)
                }),
                feature: a.feature.clone().unwrap_or_else(|| "place".into()),
                geonames: a
                    .country
                    .as_deref()
                    .filter(|_| a.feature.as_deref() == Some("country"))
                    .and_then(|c| country_entry(gaz, c)?.geonameid),
            });
            (a.name.clone(), a.kind.clone(), a.wikidata.clone(), geo)
        }
        Key::Country(cc) => {
            let e = country_entry(gaz, cc);
            let geo = Geo {
                country: Some(cc.clone()),
                region: None,
                lat: e.and_then(|e| e.lat),
                lon: e.and_then(|e| e.lon),
                feature: "country".into(),
                geonames: e.and_then(|e| e.geonameid),
            };
            (
                e.map_or(longest.clone(), |e| e.name.clone()),
                "LOC".to_string(),
                None,
                Some(geo),
            )
        }
        Key::Name(..) => {
            let geo = (majority == "LOC")
                .then(|| place_geo(gaz, &longest))
                .flatten();
            (longest.clone(), majority.to_string(), None, geo)
        }
    };
    let mut aliases_seen: Vec<String> = Vec::new();
    for m in &ms {
        if m.text != name && !aliases_seen.contains(&m.text) {
            aliases_seen.push(m.text.clone());
        }
    }
    let inside =
        |m: &Mention, spans: &[Span]| spans.iter().any(|s| s.start <= m.start && m.end <= s.end);
    // Position counts from the first mention outside captions.
    let first = ms
        .iter()
        .filter(|m| !inside(m, prom.minor))
        .map(|m| m.start)
        .min();
    let early = first.map_or(0.0, |f| 1.0 - f as f64 / text.len().max(1) as f64);
    let frequency = ms.len() as f64 / max_count;
    let prominent = ms.iter().any(|m| inside(m, prom.salient));
    let salience = 0.35 * early + 0.35 * frequency + if prominent { 0.3 } else { 0.0 };
    Entity {
        id: String::new(),
        name,
        kind,
        aliases: aliases_seen,
        mentions: ms
            .iter()
            .map(|m| MentionOut {
                text: m.text.clone(),
                start: m.start,
                end: m.end,
            })
            .collect(),
        count: ms.len(),
        salience: (salience * 1000.0).round() / 1000.0,
        wikidata,
        geo,
    }
}

/// A non-country place: the most populous gazetteer match (refined later
/// by the countries the article names).
fn place_geo(gaz: &Gazetteer, name: &str) -> Option<Geo> {
    gaz.lookup(name).into_iter().next().map(geo_of)
}

fn geo_of(e: &Entry) -> Geo {
    Geo {
        country: (!e.country.is_empty()).then(|| e.country.clone()),
        region: e.region.clone(),
        lat: e.lat,
        lon: e.lon,
        feature: e.kind.as_str().to_string(),
        geonames: e.geonameid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Mentions as (text, type), laid out one after another; the names of
    /// the entities they group into, with their aliases.
    fn check(mentions: &[(&str, &'static str)], expect: &[(&str, &[&str])]) {
        let mut text = String::new();
        let ms: Vec<Mention> = mentions
            .iter()
            .map(|(t, kind)| {
                let start = text.len();
                text.push_str(t);
                text.push_str(". ");
                Mention {
                    text: t.to_string(),
                    start,
                    end: start + t.len(),
                    kind,
                }
            })
            .collect();
        let prom = Prominence {
            salient: &[],
            minor: &[],
        };
        let gaz = crate::ner::features::Lexicon::embedded().gaz;
        let got = consolidate(&text, &ms, &Aliases::builtin(), gaz, &prom);
        let mut got: Vec<(String, Vec<String>)> =
            got.into_iter().map(|e| (e.name, e.aliases)).collect();
        got.sort();
        let mut want: Vec<(String, Vec<String>)> = expect
            .iter()
            .map(|(n, a)| (n.to_string(), a.iter().map(ToString::to_string).collect()))
            .collect();
        want.sort();
        assert_eq!(got, want);
    }

    #[test]
    fn a_bare_head_noun_is_the_last_name_ending_in_it() {
        check(
            &[
                ("Washington State University", "ORG"),
                ("Oxford University", "ORG"),
                ("University", "ORG"),
                ("Council", "ORG"),
            ],
            &[
                ("Washington State University", &[]),
                ("Oxford University", &["University"]),
                ("Council", &[]),
            ],
        );
    }

    #[test]
    fn a_first_name_is_the_one_person_with_it() {
        check(
            &[("Mark Zuckerberg", "PER"), ("Mark", "PER")],
            &[("Mark Zuckerberg", &["Mark"])],
        );
        // A first name tagged as a place, when it is no gazetteer place.
        check(
            &[("Britney Spears", "PER"), ("Britney", "LOC")],
            &[("Britney Spears", &["Britney"])],
        );
        // Two people with that first name: it stays apart.
        check(
            &[
                ("Mark Twain", "PER"),
                ("Mark Zuckerberg", "PER"),
                ("Mark", "PER"),
            ],
            &[("Mark Twain", &[]), ("Mark Zuckerberg", &[]), ("Mark", &[])],
        );
        // A place that is also a first name stays a place.
        check(
            &[("Georgia Smith", "PER"), ("Georgia", "LOC")],
            &[("Georgia Smith", &[]), ("Georgia", &[])],
        );
    }

    #[test]
    fn a_country_qualified_organisation_is_the_bare_one() {
        // Named as the alias table names it, else by its longest form.
        check(
            &[("Federal Reserve", "ORG"), ("US Federal Reserve", "ORG")],
            &[("Federal Reserve", &["US Federal Reserve"])],
        );
        check(
            &[
                ("Communist Party", "ORG"),
                ("Chinese Communist Party", "ORG"),
            ],
            &[("Chinese Communist Party", &["Communist Party"])],
        );
        // Not when the bare name is of another type, or the qualifier is
        // not a country.
        check(
            &[("Air China", "ORG"), ("China", "LOC")],
            &[("Air China", &[]), ("China", &[])],
        );
        check(
            &[("Manchester United", "ORG"), ("United", "ORG")],
            &[("Manchester United", &[]), ("United", &[])],
        );
    }
}
