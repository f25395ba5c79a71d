//! The entities stage: people, organisations, places and other names, one
//! entry per real-world entity, with aliases merged, every mention's offsets,
//! a salience score, Wikidata/GeoNames ids where the data has them, places
//! resolved to countries and coordinates, and the article's countries of focus.

mod acronyms;
mod after_title;
mod aged;
mod aliases;
mod ampersand;
mod bodies;
mod chunks;
mod common_words;
mod consolidate;
mod datelines;
mod heads;
mod joined;
mod journals;
mod kin;
mod known_as;
mod legislation;
mod list_types;
mod lists;
mod located;
mod mention;
mod mentions;
mod merge;
mod name_joins;
mod namesakes;
mod nicknames;
mod numerals;
mod offices;
mod particles;
mod person_of;
mod recalled;
mod repair;
mod eastasian;
mod runon;
mod ships;
mod surname;
mod teams;
mod types;
mod whole_places;
mod wordlists;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::document::{Article, Located, Span};
use crate::gazetteer::{Gazetteer, Kind};
use crate::ner::features::Lexicon;
use crate::ner::NerModel;
use crate::stages::{Annotations, Stage, StageError};

pub use aliases::Aliases;

/// Options of the `entities` stage.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Extra alias tables (same format as config/aliases.toml), read at start-up.
    #[serde(default)]
    pub alias_files: Vec<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionOut {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

impl crate::document::HasSpan for MentionOut {
    fn byte_span(&self) -> crate::document::Span {
        crate::document::Span::new(self.start, self.end)
    }
}

/// Where a place is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Geo {
    /// ISO 3166-1 alpha-2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// First-level region, where known (US states).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// country, city, region, continent, place, or "former country" (a
    /// state that no longer exists, with its successor's `country`).
    pub feature: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geonames: Option<u64>,
}

impl Geo {
    /// A place known by its country alone: no region, coordinates or
    /// GeoNames id.
    pub(super) fn country_only(country: &str, feature: &str) -> Geo {
        Geo {
            country: Some(country.to_string()),
            region: None,
            lat: None,
            lon: None,
            feature: feature.to_string(),
            geonames: None,
        }
    }

    /// A gazetteer entry's place: its country, region, coordinates,
    /// feature and GeoNames id.
    pub(super) fn of(e: &crate::gazetteer::Entry) -> Geo {
        Geo {
            country: (!e.country.is_empty()).then(|| e.country.clone()),
            region: e.region.clone(),
            lat: e.lat,
            lon: e.lon,
            feature: e.kind.feature().to_string(),
            geonames: e.geonameid,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    pub id: String,
    pub name: String,
    /// PER, ORG, LOC or MISC.
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// In the record as `[start, end]` pairs into the text.
    #[serde(serialize_with = "crate::document::offsets")]
    pub mentions: Vec<MentionOut>,
    /// The number of mentions; not in the record (it is `mentions`' length).
    #[serde(skip)]
    pub count: usize,
    /// 0 to 1: early, frequent, and in the headline or key points.
    pub salience: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geo: Option<Geo>,
}

/// A country the article is about, with its share of place salience.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryFocus {
    pub country: String,
    pub name: String,
    pub score: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Entities {
    pub entities: Vec<Entity>,
    pub countries: Vec<CountryFocus>,
}

pub struct EntitiesStage {
    aliases: Aliases,
}

impl EntitiesStage {
    pub fn build(config: Config) -> Result<Self, String> {
        let mut aliases = Aliases::builtin();
        for f in &config.alias_files {
            let text = std::fs::read_to_string(f)
                .map_err(|e| format!("cannot read alias file {}: {e}", f.display()))?;
            aliases.add_toml(&text, &f.display().to_string())?;
        }
        NerModel::embedded().map_err(ToString::to_string)?;
        // Load the gazetteer and word clusters now, not on the first
        // article: otherwise that article (and any running beside it)
        // waits about 0.1 s for them.
        Lexicon::embedded();
        Ok(EntitiesStage { aliases })
    }
}

/// Rank countries by the salience of the places in them (demonyms included);
/// the dateline's country counts once more.
fn countries_of_focus(
    entities: &[Entity],
    dateline_country: Option<&str>,
    gaz: &Gazetteer,
) -> Vec<CountryFocus> {
    let mut score: BTreeMap<String, f64> = BTreeMap::new();
    for e in entities {
        if let Some(cc) = e.geo.as_ref().and_then(|g| g.country.clone()) {
            let weight = if e.geo.as_ref().is_some_and(|g| g.feature == "country") {
                1.0
            } else {
                0.6
            };
            *score.entry(cc).or_default() += e.salience * weight * (1.0 + (e.count as f64).ln());
        } else if let Some(cc) = (e.kind == "ORG")
            .then(|| org_country(gaz, &e.name))
            .flatten()
        {
            // A body named after its place counts as a place in it.
            *score.entry(cc).or_default() += e.salience * 0.3 * (1.0 + (e.count as f64).ln());
        }
    }
    if let Some(cc) = dateline_country {
        *score.entry(cc.to_string()).or_default() += 0.5;
    }
    let total: f64 = score.values().sum::<f64>().max(1e-9);
    let mut out: Vec<CountryFocus> = score
        .into_iter()
        .map(|(cc, s)| CountryFocus {
            name: consolidate::country_entry(gaz, &cc)
                .map_or_else(|| cc.clone(), |e| e.name.clone()),
            country: cc,
            score: (s / total * 1000.0).round() / 1000.0,
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .partial_cmp(&a.score)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    out
}

/// The country an organisation's name of two words or more opens with:
/// a country, demonym, region, province or city of 100,000
/// ("Pennsylvania Public Utility Commission", "Brazilian Coffee
/// Institute", "U.S. Army Corps of Engineers"). The rules that make such
/// a name one organisation took the place out of the entities; the
/// countries of focus keep it, at half a sub-country place's weight.
fn org_country(gaz: &Gazetteer, name: &str) -> Option<String> {
    let mut words = name.split(' ');
    let first = words.next()?;
    let second = words.next()?;
    let two = format!("{first} {second}");
    let place = |n: &str| {
        let all = gaz.lookup(n);
        // A province whose name a town abroad has too says no country
        // here: bodies named so are as often the town's ("Norfolk
        // Southern", the Virginia railway; "Essex Chemical", American;
        // with the English counties counted, 1987 Reuters copy about
        // them turned British).
        let shared = |p: &crate::gazetteer::Entry| {
            all.iter().any(|e| e.kind == Kind::City && e.country != p.country)
        };
        all.iter()
            .find(|e| {
                matches!(e.kind, Kind::Country | Kind::Demonym | Kind::Region)
                    || e.kind == Kind::Province && !shared(e)
                    || e.kind == Kind::City && e.population >= 100_000
            })
            .map(|e| e.country.clone())
    };
    place(&two).or_else(|| place(first))
}

/// A country the article only names by demonym ("German officials") is no
/// place it mentions: it counts for the countries of focus, but is no
/// entity. Ids are given again in order.
fn without_demonym_only(entities: Vec<Entity>, text: &str, gaz: &Gazetteer) -> Vec<Entity> {
    let demonym = |m: &MentionOut| consolidate::is_demonym(gaz, &text[m.start..m.end]);
    let mut kept: Vec<Entity> = entities
        .into_iter()
        .filter(|e| e.kind != "LOC" || !e.mentions.iter().all(demonym))
        .collect();
    consolidate::number(&mut kept);
    kept
}

impl Stage for EntitiesStage {
    fn name(&self) -> &'static str {
        "entities"
    }
    fn version(&self) -> &'static str {
        "ner-perceptron-32"
    }
    fn run(&self, article: &Article, out: &mut Annotations) -> Result<(), StageError> {
        let model = NerModel::embedded().map_err(|e| StageError::Unsupported(e.to_string()))?;
        let lex = Lexicon::embedded();
        let (skip, salient, minor, dateline, source) = match &out.structure {
            Some(s) => {
                let skip: Vec<Span> = s
                    .boilerplate
                    .iter()
                    .map(|b| Span::new(b.start, b.end))
                    .chain(s.labels.iter().chain(&s.section).map(Located::span))
                    .collect();
                let salient: Vec<Span> = s
                    .headline
                    .iter()
                    .chain(&s.key_points)
                    .map(Located::span)
                    .collect();
                let minor: Vec<Span> = s.captions.iter().map(Located::span).collect();
                (
                    skip,
                    salient,
                    minor,
                    s.dateline
                        .as_ref()
                        .map(|d| (d.start, d.end, d.location.clone())),
                    // The agency's span, where the dateline writes it.
                    s.dateline.as_ref().and_then(|d| {
                        let source = d.source.as_deref()?;
                        let at = article.text.get(d.start..d.end)?.find(source)?;
                        Some((d.start + at, d.start + at + source.len()))
                    }),
                )
            }
            None => (Vec::new(), Vec::new(), Vec::new(), None, None),
        };
        let alias_kind = |form: &str| {
            self.aliases.get(form).and_then(|e| match e.kind.as_str() {
                "PER" => Some("PER"),
                "ORG" => Some("ORG"),
                "LOC" => Some("LOC"),
                "MISC" => Some("MISC"),
                _ => None,
            })
        };
        let mentions = mentions::extract(
            &article.text,
            out.analysis(article),
            &skip,
            model,
            lex,
            &alias_kind,
        );
        let tokens = &out.analysis(article).tokens;
        let mentions = journals::mark(&article.text, tokens, mentions, &skip, lex.gaz);
        let mentions = types::unify(&article.text, &mentions, lex.gaz);
        let mentions = datelines::place_of_dateline(
            mentions,
            dateline.as_ref().map(|(s, e, l)| (*s, *e, l.as_str())),
        );
        let mentions = datelines::source_of_dateline(&article.text, mentions, source);
        let mentions = acronyms::add_defined(&article.text, mentions, &skip);
        let prom = consolidate::Prominence {
            salient: &salient,
            minor: &minor,
            dateline: dateline.as_ref().map(|&(s, e, _)| Span::new(s, e)),
        };
        let entities =
            consolidate::consolidate(&article.text, &mentions, &self.aliases, lex.gaz, &prom);
        let dateline_cc = dateline.map(|(_, _, l)| l).and_then(|d| {
            let place = d.split(',').next().unwrap_or(&d).trim().to_string();
            lex.gaz.lookup(&place).first().map(|e| e.country.clone())
        });
        let countries = countries_of_focus(&entities, dateline_cc.as_deref(), lex.gaz);
        let entities = without_demonym_only(entities, &article.text, lex.gaz);
        let entities = common_words::without_common_words(entities, &article.text);
        let entities = list_types::agree(entities, &article.text, lex.gaz);
        out.entities = Some(Entities {
            entities,
            countries,
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod context_tests;
#[cfg(test)]
mod places_tests;
