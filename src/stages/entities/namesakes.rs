//! Which of a place's namesakes the article means: the most populous,
//! unless the article's other places say another country. "Hyderabad" in
//! an article that names Pakistan is Hyderabad, Sindh; "Gloucester" among
//! English places is Gloucester, England, not Gloucester, Ontario (which
//! has more people).
//!
//! The countries that count: those the article names (or their
//! demonyms), and those of its first-level regions and provinces
//! ("England", "Texas", "Quebec"). A namesake of under a
//! quarter of the largest's people never wins on the country alone:
//! "Athens" (Georgia, a fifth), "Geneva" (Illinois), "Dublin" (Ohio) and
//! "Birmingham" (Alabama) beside the United States are the capitals and
//! cities of the world as a rule. (1/20 until 2026-12-04: of the
//! namesakes it chose in the BBC, Reuters and Wikinews records, 25 that
//! a quarter refuses were wrong and 7 right.)

use super::{Entity, Geo};
use crate::gazetteer::Gazetteer;

/// A namesake needs this share of the largest one's people (as a divisor).
const MIN_SHARE_DIVISOR: u64 = 4;

/// Re-resolves each city among `entities` to the namesake in a country
/// the article's other places point to, when there is one of at least a
/// quarter of the largest's size, and a country named like another
/// country's region to that region when the article says so
/// (`region_meant`).
pub(super) fn choose(entities: &mut [Entity], gaz: &Gazetteer, text: &str) {
    let context: Vec<(usize, String)> = entities
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((i, one_country(e)?)))
        .collect();
    // Regions named by their own name ("Texas"), not countries.
    let regions: Vec<(usize, String)> = entities
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let g = e.geo.as_ref().filter(|g| g.feature == "region")?;
            Some((i, g.country.clone()?))
        })
        .collect();
    for i in 0..entities.len() {
        let e = &entities[i];
        let feature = e.geo.as_ref().map(|g| g.feature.as_str());
        let chosen = match feature {
            Some("country") => region_meant(e, gaz, text, &regions, i),
            Some("city") => {
                let said = |cc: &str| context.iter().any(|(j, c)| *j != i && c == cc);
                let candidates = gaz.lookup(&e.name);
                let top = candidates.first().map_or(0, |c| c.rank());
                candidates
                    .into_iter()
                    .find(|c| said(&c.country) && c.rank() * MIN_SHARE_DIVISOR >= top)
            }
            _ => None,
        };
        if let Some(place) = chosen {
            entities[i].geo = Some(Geo::of(place));
        }
    }
}

/// The country a place is in whichever namesake is meant: a country's
/// (or a demonym's), a first-level region's ("England", "Texas") or a
/// province's. (Not a city's, even one whose namesakes are all in one
/// country: those were as often a surname the tagger took for a town,
/// "Kent", "Carson", "Paterson", and moved "Chelsea" and "Portsmouth"
/// to the United States.)
fn one_country(e: &Entity) -> Option<String> {
    let g = e.geo.as_ref()?;
    matches!(g.feature.as_str(), "country" | "region")
        .then(|| g.country.clone())
        .flatten()
}

/// A country named like another country's first-level region ("Georgia",
/// the US state) is that region when the article names another region of
/// that country by its own name ("Texas", "Michigan"), and no mention
/// reads "Republic of Georgia". (A country named only, "the United
/// States", says too little: Georgian players meet Americans in sport.)
fn region_meant<'g>(
    e: &Entity,
    gaz: &'g Gazetteer,
    text: &str,
    regions: &[(usize, String)],
    i: usize,
) -> Option<&'g crate::gazetteer::Entry> {
    let region = gaz
        .lookup(&e.name)
        .into_iter()
        .find(|c| c.kind == crate::gazetteer::Kind::Region)?;
    let republic = e
        .mentions
        .iter()
        .any(|m| text[..m.start].trim_end().ends_with("Republic of"));
    let other_region = regions
        .iter()
        .any(|(j, cc)| *j != i && *cc == region.country);
    (other_region && !republic).then_some(region)
}
