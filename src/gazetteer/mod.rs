//! The compact gazetteer shipped in `models/gazetteer.tsv`: countries
//! (and six former names: "Zaire", "Burma"), demonyms, first-level US
//! regions, continents and cities (population ≥ 15,000; cities of 300,000
//! also under the other names news uses, such as "Kiev": `alternates.rs`;
//! cities of 100,000 also without accents, "Brasilia": `build.rs`)
//! with ISO country codes, coordinates, population and GeoNames ids; and
//! the first-level regions of other countries ("Quebec", "Devon") and US
//! counties ("Santa Barbara County"), with their country only
//! (`Kind::Province`).
//! Built from ../shared/data/gazetteers by `newsflow build-gazetteer`
//! (see `build.rs`); read at run time without ../shared.

pub mod alternates;
pub mod build;
pub mod names;

use std::collections::HashMap;

/// What a gazetteer name denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Country,
    Demonym,
    Region,
    Continent,
    City,
    /// A first-level region outside the US, or a US county, known only
    /// for its country ("Quebec", "Devon", "Rajasthan", "Santa Barbara
    /// County"; no coordinates): a place for geo
    /// resolution, but no NER feature and not notable, since the tagger
    /// was trained without these and many are also clubs or people
    /// ("Bayern", "Lazio", "Bono").
    Province,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Country => "country",
            Kind::Demonym => "demonym",
            Kind::Region => "region",
            Kind::Continent => "continent",
            Kind::City => "city",
            Kind::Province => "province",
        }
    }
    /// A country, region, province or city: a territory with borders (not
    /// a continent, not a people).
    pub fn is_territory(self) -> bool {
        matches!(
            self,
            Kind::Country | Kind::Region | Kind::Province | Kind::City
        )
    }

    /// The feature type consumers see (`geo.feature`): a province is a
    /// first-level region to them, as a US state is.
    pub fn feature(self) -> &'static str {
        match self {
            Kind::Province => "region",
            k => k.as_str(),
        }
    }

    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "country" => Kind::Country,
            "demonym" => Kind::Demonym,
            "region" => Kind::Region,
            "continent" => Kind::Continent,
            "city" => Kind::City,
            "province" => Kind::Province,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub name: String,
    pub kind: Kind,
    /// ISO 3166-1 alpha-2, empty for continents.
    pub country: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: u64,
    pub geonameid: Option<u64>,
    /// First-level region (US states only, where the data names them).
    pub region: Option<String>,
    /// The name to show for this country (the English common name:
    /// "Belgium", not the shorter "Belgie"; 9th field `display`).
    pub display: bool,
}

/// The rank of a US state or a province, whose population the data does
/// not give, among the places of its name: above any namesake town
/// ("Florida", Cuba; "Virginia", South Africa; "Colorado", Brazil; "Kent"
/// and "Norfolk" in the US), below a city of this size ("Washington",
/// D.C.; "Surrey", British Columbia, unless the article names the UK).
pub const REGION_RANK: u64 = 500_000;

impl Entry {
    /// How far up `lookup` lists this entry: its population, or
    /// `REGION_RANK` for a US state or province without one.
    pub fn rank(&self) -> u64 {
        if matches!(self.kind, Kind::Region | Kind::Province) && self.population == 0 {
            REGION_RANK
        } else {
            self.population
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("gazetteer line {line}: {detail}")]
pub struct LoadError {
    pub line: usize,
    pub detail: String,
}

/// Entries indexed by lower-cased name; also the longest name in tokens.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub entries: Vec<Entry>,
    by_name: crate::text::ModelMap<String, Vec<usize>>,
    /// Lower-cased leading words of multi-word names ("new", "new south"),
    /// so a token-by-token matcher can stop as soon as nothing continues.
    prefixes: crate::text::ModelSet<String>,
    /// ISO code → the country entry to show: the one marked `display`
    /// ("Belgium"), else the shortest name; found once at load time instead
    /// of by a scan per lookup.
    by_country: HashMap<String, usize>,
    /// The longest name in words, provinces aside.
    pub max_tokens: usize,
}

/// The gazetteer compiled into the binary.
pub const EMBEDDED: &str = include_str!("../../models/gazetteer.tsv");

impl Gazetteer {
    pub fn parse(tsv: &str) -> Result<Gazetteer, LoadError> {
        let mut g = Gazetteer::default();
        for (i, line) in tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            let err = |detail: &str| LoadError {
                line: i + 1,
                detail: detail.to_string(),
            };
            if !(7..=9).contains(&f.len()) {
                return Err(err("expected 7 to 9 tab-separated fields: name kind country lat lon population geonameid [region [display]]"));
            }
            let display = match f.get(8).copied() {
                None | Some("") => false,
                Some("display") => true,
                Some(_) => return Err(err("the 9th field is `display` or empty")),
            };
            let kind = Kind::parse(f[1]).ok_or_else(|| err("unknown kind"))?;
            let num = |s: &str| {
                if s.is_empty() {
                    None
                } else {
                    s.parse::<f64>().ok()
                }
            };
            g.push(Entry {
                name: f[0].to_string(),
                kind,
                country: f[2].to_string(),
                lat: num(f[3]),
                lon: num(f[4]),
                population: f[5].parse().unwrap_or(0),
                geonameid: f[6].parse().ok(),
                region: f.get(7).filter(|r| !r.is_empty()).map(ToString::to_string),
                display,
            });
        }
        Ok(g)
    }

    pub fn embedded() -> &'static Gazetteer {
        static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        G.get_or_init(|| Gazetteer::parse(EMBEDDED).expect("embedded gazetteer is valid"))
    }

    fn push(&mut self, e: Entry) {
        let key = e.name.to_lowercase();
        // The token matcher (`continues`, `max_tokens`) serves the NER
        // features, which provinces are not: their prefixes would only make
        // it try longer names ("Washington" + "County") for nothing.
        if e.kind != Kind::Province {
            self.max_tokens = self.max_tokens.max(e.name.split_whitespace().count());
            let words: Vec<&str> = key.split(' ').collect();
            for n in 1..words.len() {
                self.prefixes.insert(words[..n].join(" "));
            }
        }
        let index = self.entries.len();
        self.by_name.entry(key).or_default().push(index);
        if e.kind == Kind::Country {
            // The display name wins; among the rest, the shortest.
            let shorter = |&i: &usize| {
                let o = &self.entries[i];
                (e.display, std::cmp::Reverse(e.name.len()))
                    > (o.display, std::cmp::Reverse(o.name.len()))
            };
            match self.by_country.get(&e.country) {
                Some(i) if !shorter(i) => {}
                _ => {
                    self.by_country.insert(e.country.clone(), index);
                }
            }
        }
        self.entries.push(e);
    }

    /// Whether this name (case-insensitive) is a country, region, continent
    /// or demonym, or a city of at least `min_city_population` people: a
    /// place a reader knows as one even beside a person of that name.
    pub fn is_notable(&self, name: &str, min_city_population: u64) -> bool {
        self.by_name.get(&name.to_lowercase()).is_some_and(|ix| {
            ix.iter().any(|&i| {
                let e = &self.entries[i];
                e.kind != Kind::Province
                    && (e.kind != Kind::City || e.population >= min_city_population)
            })
        })
    }

    /// The city a name written with "City" after it names ("General Santos
    /// City"), when the name itself is unknown: the most populous city of
    /// the bare name. Only for a bare name of two words or more: "Leicester
    /// City" and "Manchester City" are football clubs as often.
    pub fn city_with_suffix(&self, name: &str) -> Option<&Entry> {
        let stem = name.strip_suffix(" City")?;
        if !stem.contains(' ') || self.by_name.contains_key(&name.to_lowercase()) {
            return None;
        }
        self.lookup(stem).into_iter().find(|e| e.kind == Kind::City)
    }

    /// The province or region a name written with its kind names
    /// ("Guangdong Province", "New York State"), when the name itself is
    /// unknown: the bare name's.
    pub fn division_with_suffix(&self, name: &str) -> Option<&Entry> {
        let stem = name
            .strip_suffix(" Province")
            .or_else(|| name.strip_suffix(" State"))?;
        if self.by_name.contains_key(&name.to_lowercase()) {
            return None;
        }
        self.lookup(stem)
            .into_iter()
            .find(|e| matches!(e.kind, Kind::Province | Kind::Region))
    }

    /// The country of a county as Irish and British usage writes it
    /// ("County Cork"), when the name itself is unknown: the country of a
    /// place of the bare name in Ireland or the United Kingdom (the data
    /// has the town, not the county).
    pub fn county_country(&self, name: &str) -> Option<&str> {
        let stem = name.strip_prefix("County ")?;
        if self.by_name.contains_key(&name.to_lowercase()) {
            return None;
        }
        self.lookup(stem)
            .into_iter()
            .map(|e| e.country.as_str())
            .find(|c| matches!(*c, "IE" | "GB"))
    }

    /// The GeoNames id of the first-ranked entry with this name
    /// (case-insensitive), as `lookup(name)[0]` gives it, without sorting.
    pub fn geonameid(&self, name: &str) -> Option<u64> {
        let ix = self.by_name.get(&name.to_lowercase())?;
        // `lookup` sorts stably: of equal ranks the first listed.
        let best = ix.iter().map(|&i| &self.entries[i]).reduce(|a, b| {
            if b.rank() > a.rank() {
                b
            } else {
                a
            }
        })?;
        best.geonameid
    }

    /// All entries with this name (case-insensitive), most populous first
    /// (a US state ranked as `REGION_RANK` people: `Entry::rank`).
    pub fn lookup(&self, name: &str) -> Vec<&Entry> {
        let mut v: Vec<&Entry> = self
            .by_name
            .get(&name.to_lowercase())
            .map(|ix| ix.iter().map(|&i| &self.entries[i]).collect())
            .unwrap_or_default();
        v.sort_by_key(|e| std::cmp::Reverse(e.rank()));
        v
    }

    /// The country entry for an ISO code: its display name ("Finland", not
    /// "Suomi"), else the shortest of its names (the first loaded among equals).
    pub fn country(&self, iso: &str) -> Option<&Entry> {
        self.by_country.get(iso).map(|&i| &self.entries[i])
    }

    /// Whether some longer name, not a province's, starts with these
    /// lower-cased words.
    pub fn continues(&self, lower_words: &str) -> bool {
        self.prefixes.contains(lower_words)
    }

    pub fn contains(&self, name: &str) -> bool {
        self.by_name.contains_key(&name.to_lowercase())
    }

    /// Kinds of the entries of an already lower-cased name, in no order and
    /// without allocating (the NER features ask for every capitalised word).
    pub fn kinds_of_lower<'g>(&'g self, lower: &str) -> impl Iterator<Item = Kind> + 'g {
        self.by_name
            .get(lower)
            .into_iter()
            .flatten()
            .map(|&i| self.entries[i].kind)
    }

    /// Kinds that a name has.
    pub fn kinds(&self, name: &str) -> Vec<Kind> {
        let mut k: Vec<Kind> = self.lookup(name).iter().map(|e| e.kind).collect();
        k.dedup();
        k
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_city_written_with_city_after_it() {
        let g = Gazetteer::embedded();
        let id = |n: &str| g.city_with_suffix(n).and_then(|e| e.geonameid);
        assert_eq!(id("General Santos City"), g.geonameid("General Santos"));
        assert!(id("General Santos City").is_some());
        assert_eq!(id("Leicester City"), None, "a club as often");
        assert_eq!(id("Mexico City"), None, "listed under its own name");
    }

    #[test]
    fn a_division_written_with_its_kind() {
        let g = Gazetteer::embedded();
        let country = |n: &str| {
            g.division_with_suffix(n)
                .map(|e| e.country.as_str())
                .or_else(|| g.county_country(n))
        };
        assert_eq!(country("Guangdong Province"), Some("CN"));
        assert_eq!(country("New York State"), Some("US"));
        assert_eq!(country("County Cork"), Some("IE"));
        assert_eq!(country("County Durham"), Some("GB"));
        // A city is no province; an office is no state.
        assert_eq!(country("Qom Province"), None);
        assert_eq!(country("United States Secretary of State"), None);
    }

    #[test]
    fn embedded_has_the_basics() {
        let g = Gazetteer::embedded();
        let iraq = g.lookup("Iraq");
        assert_eq!(iraq[0].kind, Kind::Country);
        assert_eq!(iraq[0].country, "IQ");
        assert_eq!(g.lookup("Iraqi")[0].kind, Kind::Demonym);
        assert_eq!(g.lookup("baghdad")[0].country, "IQ");
        assert!(g
            .lookup("North Carolina")
            .iter()
            .any(|e| e.kind == Kind::Region && e.country == "US"));
        assert!(
            g.lookup("Paris")[0].population > 1_000_000,
            "most populous Paris first"
        );
        // A province: its country, no feature for the tagger, not notable;
        // a former name of a country.
        let quebec = g.lookup("Quebec");
        assert!(quebec.iter().any(|e| e.kind == Kind::Province && e.country == "CA"));
        assert!(!g.is_notable("Devon", 0));
        assert_eq!(g.lookup("Burma")[0].country, "MM");
        // A city under its name without accents, not a word's or a
        // province's of another country.
        assert_eq!(g.lookup("Brasilia")[0].country, "BR");
        assert_eq!(g.lookup("Sao Paulo")[0].kind, Kind::City);
        assert_eq!(g.lookup("Quebec")[0].kind, Kind::Province);
        assert!(g.lookup("Bush").is_empty());
        assert_eq!(g.lookup("Parana")[0].kind, Kind::Province);
        // A US state before its namesake towns; a city of 500,000 before
        // its state.
        for (name, kind, iso) in [
            ("Florida", Kind::Region, "US"),
            ("Virginia", Kind::Region, "US"),
            ("Colorado", Kind::Region, "US"),
            ("Washington", Kind::City, "US"),
            // An English county or Canadian province before towns abroad
            // named after it; a Somali region does not pass Bari, Italy.
            ("Norfolk", Kind::Province, "GB"),
            ("Kent", Kind::Province, "GB"),
            ("Ontario", Kind::Province, "CA"),
            ("Bari", Kind::City, "IT"),
        ] {
            let first = g.lookup(name)[0];
            assert_eq!((first.kind, first.country.as_str()), (kind, iso), "{name}");
            assert_eq!(g.geonameid(name), first.geonameid, "{name}");
        }
        assert_eq!(g.lookup("Santa Barbara County")[0].country, "US");
    }

    #[test]
    fn parse_errors_name_the_line() {
        let e = Gazetteer::parse("# header\nIraq\tcountry\tIQ\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = Gazetteer::parse("Iraq\tcountry\tIQ\t\t\t0\t\t\tshown\n").unwrap_err();
        assert!(e.detail.contains("9th field"), "{e}");
    }

    /// ISO code → the name a country is shown with.
    fn check_display(iso: &str, expect: &str) {
        let g = Gazetteer::embedded();
        assert_eq!(
            g.country(iso).map(|e| e.name.as_str()),
            Some(expect),
            "{iso}"
        );
    }

    #[test]
    fn a_country_is_shown_by_its_english_name_not_its_shortest() {
        // Each has a shorter name in the data: Belgie, Suomi, Holland,
        // Great Britain, Brasil, Aotearoa, Eesti, USA.
        for (iso, name) in [
            ("BE", "Belgium"),
            ("FI", "Finland"),
            ("NL", "Netherlands"),
            ("GB", "United Kingdom"),
            ("BR", "Brazil"),
            ("NZ", "New Zealand"),
            ("EE", "Estonia"),
            ("US", "United States"),
            ("IQ", "Iraq"),
        ] {
            check_display(iso, name);
        }
        // Without a display row, the shortest name is shown.
        let g = Gazetteer::parse(
            "Republic of Iraq\tcountry\tIQ\t\t\t0\t\nIraq\tcountry\tIQ\t\t\t0\t\n",
        )
        .unwrap();
        assert_eq!(g.country("IQ").unwrap().name, "Iraq");
        let g = Gazetteer::parse(
            "Belgie\tcountry\tBE\t\t\t0\t\t\t\nBelgium\tcountry\tBE\t\t\t0\t\t\tdisplay\n",
        )
        .unwrap();
        assert_eq!(g.country("BE").unwrap().name, "Belgium");
    }
}
