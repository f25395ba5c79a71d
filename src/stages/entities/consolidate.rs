//! Consolidation: one entity per real-world entity per article. Mentions
//! merge through the alias table, demonyms and country names (to their
//! country), surnames (to the full name), acronyms (to the expansion they
//! abbreviate, parenthetical definitions included) and exact repeats.

use std::collections::{HashMap, HashSet};

use super::aliases::Aliases;
use super::mentions::Mention;
use super::merge::{country_of, merge, norm, words, Key};
use super::name_joins;
use super::{Entity, Geo, MentionOut};
use crate::document::Span;
use crate::gazetteer::{Entry, Gazetteer, Kind};

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

/// The shortest country name with this code ("Iraq", not "Republic of Iraq").
pub(super) fn country_entry<'g>(gaz: &'g Gazetteer, cc: &str) -> Option<&'g Entry> {
    gaz.country(cc)
}

/// Spans that raise salience (headline, key points), spans that do not
/// count as the article's own running text (photo captions), and the
/// dateline, whose place wire copy writes in capitals.
pub(super) struct Prominence<'a> {
    pub salient: &'a [Span],
    pub minor: &'a [Span],
    pub dateline: Option<Span>,
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
            // "U.S. Federal Reserve Board" is the table's "Federal
            // Reserve Board": the country's body (`joined.rs` keeps the
            // country in the name).
            if m.kind == "ORG" {
                let bare = super::joined::COUNTRY_SHORT_FORMS
                    .iter()
                    .chain(&["United States"])
                    .find_map(|p| m.text.strip_prefix(p)?.strip_prefix(' '));
                let alias = bare.and_then(|b| aliases.index(b));
                if let Some(i) = alias.filter(|&i| aliases.entries[i].kind == "ORG") {
                    return Key::Alias(i);
                }
            }
            if m.kind == "LOC" || m.kind == "MISC" {
                if let Some(cc) = country_of(gaz, &m.text) {
                    return Key::Country(cc);
                }
            }
            Key::Name(m.kind, m.text.clone())
        })
        .collect();
    // A country the alias table names ("UAE" of the United Arab Emirates)
    // takes in the gazetteer's names and demonyms of that country
    // ("Emirati"), as a country the gazetteer alone names does.
    let table_countries: HashMap<&str, usize> = keys
        .iter()
        .filter_map(|k| match k {
            Key::Alias(a) if aliases.entries[*a].feature.as_deref() == Some("country") => {
                Some((aliases.entries[*a].country.as_deref()?, *a))
            }
            _ => None,
        })
        .collect();
    if !table_countries.is_empty() {
        for k in keys.iter_mut() {
            if let Key::Country(cc) = k {
                if let Some(&a) = table_countries.get(cc.as_str()) {
                    *k = Key::Alias(a);
                }
            }
        }
    }
    // A person's surname alias ("Biden") does not apply in an article that
    // names someone else with that surname ("Hunter Biden", whatever the
    // tagger typed it): surname merging decides there. Nor does a body's
    // head noun alias ("Commons" of "House of Commons") where another name
    // ends in it, or right after a capitalised word ("Creative Commons",
    // whole or cut by the tagger). (Looked for only when a one-word name
    // took such an alias.)
    let head_alias = |a: usize, m: &Mention| {
        let name = &aliases.entries[a].name;
        name.rsplit(' ')
            .next()
            .is_some_and(|head| head.eq_ignore_ascii_case(&m.text) && head != name)
    };
    for (i, m) in mentions.iter().enumerate() {
        let Key::Alias(a) = keys[i] else {
            continue;
        };
        if aliases.entries[a].kind != "PER"
            && !m.text.contains(' ')
            && head_alias(a, m)
            && super::mentions::after_name(text, m.start, &m.text)
        {
            keys[i] = Key::Name(m.kind, m.text.clone());
        }
    }
    let surname_alias = |i: usize, m: &Mention| {
        let Key::Alias(a) = keys[i] else {
            return false;
        };
        !m.text.contains(' ') && (aliases.entries[a].kind == "PER" || head_alias(a, m))
    };
    if mentions.iter().enumerate().any(|(i, m)| surname_alias(i, m)) {
        let other_surnames: HashSet<&str> = mentions
            .iter()
            .enumerate()
            .filter_map(|(i, m)| {
                let (_, last) = m.text.rsplit_once(' ')?;
                let same = matches!(keys[i], Key::Alias(a) if aliases.index(last) == Some(a));
                (!same).then_some(last)
            })
            .collect();
        let apart: Vec<usize> = (0..mentions.len())
            .filter(|&i| {
                surname_alias(i, &mentions[i]) && other_surnames.contains(mentions[i].text.as_str())
            })
            .collect();
        for i in apart {
            let m = &mentions[i];
            keys[i] = Key::Name(m.kind, m.text.clone());
        }
    }
    // 2. Acronyms, surnames, first names, qualified and bare names merge.
    // A possessive joins its bare name before the acronym rules
    // ("Deutsche Boerse's (DB)") and again after the rest, whose merges may
    // have moved the bare name's key.
    name_joins::join_possessives(mentions, &mut keys);
    super::nicknames::join(mentions, &mut keys);
    super::nicknames::join_initials(mentions, &mut keys);
    super::nicknames::join_styles(mentions, &mut keys);
    merge(text, mentions, &mut keys, aliases, gaz);
    name_joins::join_of_forms(mentions, &mut keys, gaz);
    name_joins::join_place_heads(mentions, &mut keys, gaz);
    name_joins::join_same_places(mentions, &mut keys, gaz);
    name_joins::join_legal_forms(mentions, &mut keys, aliases, gaz);
    name_joins::join_possessives(mentions, &mut keys);
    // "JK, also known as Jason King": last, so each name brings the
    // mentions the rules above gave it.
    super::known_as::join(text, mentions, &mut keys);
    // 3. Group, keeping first-mention order.
    let mut order: Vec<Key> = Vec::new();
    let mut group_of: HashMap<Key, usize> = HashMap::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        let g = *group_of.entry(norm(k)).or_insert_with_key(|norm| {
            order.push(norm.clone());
            groups.push(Vec::new());
            order.len() - 1
        });
        groups[g].push(i);
    }
    let max_count = groups.iter().map(Vec::len).max().unwrap_or(1) as f64;
    let mut out: Vec<Entity> = (0..order.len())
        .map(|g| {
            build_entity(
                &order[g], &groups[g], mentions, aliases, gaz, text, prom, max_count,
            )
        })
        .collect();
    super::namesakes::choose(&mut out, gaz, text);
    out.sort_by(|a, b| {
        b.salience
            .partial_cmp(&a.salience)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    number(&mut out);
    out
}

/// "ORG" for a group keyed by an organisation's name that a head noun
/// says is one ("Football Association", "Georgia Institute of
/// Technology"): its acronym or bare forms, typed otherwise and more often
/// ("the FA confirmed" LOC twice), do not outvote it.
fn body_named(key: &Key) -> Option<&'static str> {
    let Key::Name("ORG", name) = key else {
        return None;
    };
    (super::heads::name_head_kind(&words(name)) == Some("ORG")).then_some("ORG")
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
    // The longest mention names the entity; of two as long, one without a
    // possessive ("BBC", not "BBC's"), then one in mixed case ("Fatal
    // Force", not a headline's "FATAL FORCE" or a lower-case "burka"),
    // then the form the article writes most ("Kyiv" over one "Kiev",
    // "WorldCom" over one "Worldcom"), then the first.
    // (Weighed only where the forms differ: most groups have one.)
    let longest = if ms.iter().all(|m| m.text == ms[0].text) {
        ms.first().map(|m| m.text.clone()).unwrap_or_default()
    } else {
        let mut uses: HashMap<&str, usize> = HashMap::new();
        for m in &ms {
            *uses.entry(m.text.as_str()).or_default() += 1;
        }
        ms.iter()
            .enumerate()
            .max_by_key(|(i, m)| {
                (
                    words(&m.text).len(),
                    super::name_joins::possessive_stem(&m.text).is_none(),
                    m.text.len(),
                    written_as_a_name(&m.text),
                    uses[m.text.as_str()],
                    std::cmp::Reverse(*i),
                )
            })
            .map(|(_, m)| m.text.clone())
            .unwrap_or_default()
    };
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
            let geo = (a.kind == "LOC").then(|| alias_geo(a, gaz));
            (a.name.clone(), a.kind.clone(), a.wikidata.clone(), geo)
        }
        Key::Country(cc) => {
            let e = country_entry(gaz, cc);
            let geo = e.map_or_else(|| Geo::country_only(cc, "country"), Geo::of);
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
            // A dateline's place only ever written in capitals
            // ("WASHINGTON", "NEW YORK") is named as a place is written
            // (not an acronym elsewhere that a place shares, "ARIEL").
            let in_dateline = |m: &&Mention| {
                prom.dateline
                    .is_some_and(|d| d.start <= m.start && m.end <= d.end)
            };
            let name = match geo {
                Some(_) if shouted(&longest) && ms.iter().any(in_dateline) => {
                    crate::text::title_case_caps(&longest)
                }
                _ => longest.clone(),
            };
            (name, body_named(key).unwrap_or(majority).to_string(), None, geo)
        }
    };
    let mut aliases_seen: Vec<String> = Vec::new();
    for m in &ms {
        // Not the capitals a shouted place was named from.
        let recased = m.text != name
            && shouted(&m.text)
            && m.text.to_lowercase() == name.to_lowercase();
        if m.text != name && !recased && !aliases_seen.contains(&m.text) {
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

/// Capitals only, four letters or more ("LONDON", "NEW YORK"; not "UK").
fn shouted(name: &str) -> bool {
    name.chars().filter(|c| c.is_alphabetic()).count() >= 4
        && !name.chars().any(char::is_lowercase)
}

/// Mixed case, as names are written (not all capitals, not all lower case).
fn written_as_a_name(name: &str) -> bool {
    name.chars().any(char::is_uppercase) && name.chars().any(char::is_lowercase)
}

/// A place of the alias table: its own coordinates, or a city under a
/// name the gazetteer lacks ("Bombay", "Mecca") as the gazetteer's city of
/// its name or of an alias in its country (coordinates, GeoNames id), or
/// its country's coordinates.
fn alias_geo(a: &super::aliases::AliasEntry, gaz: &Gazetteer) -> Geo {
    let city = a
        .country
        .as_deref()
        .filter(|_| a.lat.is_none() && a.feature.as_deref().is_none_or(|f| f == "city"))
        .and_then(|cc| {
            std::iter::once(&a.name)
                .chain(&a.aliases)
                .flat_map(|n| gaz.lookup(n))
                .find(|e| e.kind == crate::gazetteer::Kind::City && e.country == cc)
        });
    if let Some(e) = city {
        return Geo::of(e);
    }
    let country = || a.country.as_deref().and_then(|c| country_entry(gaz, c));
    Geo {
        country: a.country.clone(),
        region: None,
        lat: a.lat.or_else(|| country()?.lat),
        lon: a.lon.or_else(|| country()?.lon),
        feature: a.feature.clone().unwrap_or_else(|| "place".into()),
        geonames: country()
            .filter(|_| a.feature.as_deref() == Some("country"))
            .and_then(|e| e.geonameid),
    }
}

/// A non-country place: the most populous gazetteer match (refined later
/// by the countries the article names).
fn place_geo(gaz: &Gazetteer, name: &str) -> Option<Geo> {
    gaz.lookup(name)
        .into_iter()
        .next()
        .or_else(|| gaz.city_with_suffix(name))
        .or_else(|| gaz.division_with_suffix(name))
        .map(Geo::of)
        // "County Cork": a region known by its country only.
        .or_else(|| Some(Geo::country_only(gaz.county_country(name)?, "region")))
}

#[cfg(test)]
#[path = "consolidate_tests.rs"]
mod tests;
