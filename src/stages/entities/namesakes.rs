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
//!
//! Before the countries, the words after a comma: "Pasadena, California",
//! "Norfolk, Nebraska", "Sudbury, Ontario" name the region a town is in,
//! and "Camberley, Surrey" or "Atlanta, Georgia" say which region the
//! second name is (`written_with_region`, `region_after_town`).

use super::{Entity, Geo};
use crate::gazetteer::{Entry, Gazetteer, Kind};

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
    // The country of the city each mention ends, by the mention's end
    // (a map, so a long list of places stays linear).
    let town_at: std::collections::HashMap<usize, String> = entities
        .iter()
        .filter_map(|o| {
            let g = o.geo.as_ref().filter(|g| g.feature == "city")?;
            Some((o, g.country.clone()?))
        })
        .flat_map(|(o, cc)| o.mentions.iter().map(move |m| (m.end, cc.clone())))
        .collect();
    for i in 0..entities.len() {
        let e = &entities[i];
        let feature = e.geo.as_ref().map(|g| g.feature.as_str());
        let written =
            written_with_region(e, gaz, text).or_else(|| region_after_town(e, gaz, text, &town_at));
        if let Some(place) = written {
            entities[i].geo = Some(Geo::of(place));
            continue;
        }
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

/// US states as wire copy abbreviates them after a town ("Norfolk,
/// Va.", "Camden, N.J."; AP style): the abbreviation and the state.
#[rustfmt::skip]
const AP_STATES: [(&str, &str); 44] = [
    ("Ala.", "Alabama"), ("Ariz.", "Arizona"), ("Ark.", "Arkansas"), ("Calif.", "California"),
    ("Colo.", "Colorado"), ("Conn.", "Connecticut"), ("Del.", "Delaware"), ("Fla.", "Florida"),
    ("Ga.", "Georgia"), ("Ill.", "Illinois"), ("Ind.", "Indiana"), ("Kan.", "Kansas"),
    ("Kans.", "Kansas"), ("Ky.", "Kentucky"), ("La.", "Louisiana"), ("Md.", "Maryland"),
    ("Mass.", "Massachusetts"), ("Mich.", "Michigan"), ("Minn.", "Minnesota"),
    ("Miss.", "Mississippi"), ("Mo.", "Missouri"), ("Mont.", "Montana"), ("Neb.", "Nebraska"),
    ("Nev.", "Nevada"), ("N.H.", "New Hampshire"), ("N.J.", "New Jersey"),
    ("N.M.", "New Mexico"), ("N.Y.", "New York"), ("N.C.", "North Carolina"),
    ("N.D.", "North Dakota"), ("Okla.", "Oklahoma"), ("Ore.", "Oregon"), ("Pa.", "Pennsylvania"),
    ("R.I.", "Rhode Island"), ("S.C.", "South Carolina"), ("S.D.", "South Dakota"),
    ("Tenn.", "Tennessee"), ("Tex.", "Texas"), ("Vt.", "Vermont"), ("Va.", "Virginia"),
    ("Wash.", "Washington"), ("W.Va.", "West Virginia"), ("Wis.", "Wisconsin"),
    ("Wyo.", "Wyoming"),
];

/// The US state abbreviated at the start of `rest` ("Va., is probing").
fn ap_state(rest: &str) -> Option<&'static str> {
    AP_STATES.iter().find_map(|(abbr, state)| {
        let after = rest.strip_prefix(abbr)?;
        (!after.starts_with(|c: char| c.is_alphanumeric())).then_some(*state)
    })
}

/// Up to this many words after a comma are read as a region's name
/// ("New South Wales").
const REGION_WORDS: usize = 3;

/// The region or country written after a place and a comma ("Pasadena,
/// California"), with the namesake of the place in it: a US town whose
/// state is that region, else a place in that country. `None` when no
/// mention is so written or no namesake is there (a list: "London,
/// Paris and Rome").
fn written_with_region<'g>(e: &Entity, gaz: &'g Gazetteer, text: &str) -> Option<&'g Entry> {
    let g = e.geo.as_ref()?;
    if !matches!(g.feature.as_str(), "city" | "region") {
        return None;
    }
    let candidates = gaz.lookup(&e.name);
    e.mentions.iter().find_map(|m| {
        let rest = text.get(m.end..)?.strip_prefix(", ")?;
        let region = match ap_state(rest) {
            Some(state) => gaz
                .lookup(state)
                .into_iter()
                .find(|c| c.kind == Kind::Region)?,
            None => region_at(gaz, rest)?,
        };
        candidates.iter().copied().find(|c| {
            !std::ptr::eq(*c, region)
                && c.kind == Kind::City
                && match (region.kind, c.region.as_deref()) {
                    (Kind::Region, Some(state)) => state.eq_ignore_ascii_case(&region.name),
                    _ => c.country == region.country,
                }
        })
    })
}

/// The region a name is when a place of that region's country stands
/// before it with a comma ("Camberley, Surrey": the English county, not
/// Surrey, British Columbia; "Atlanta, Georgia": the US state).
fn region_after_town<'g>(
    e: &Entity,
    gaz: &'g Gazetteer,
    text: &str,
    town_at: &std::collections::HashMap<usize, String>,
) -> Option<&'g Entry> {
    let g = e.geo.as_ref()?;
    e.mentions.iter().find_map(|m| {
        let before = text.get(..m.start)?.strip_suffix(", ")?;
        let cc = town_at.get(&before.len())?.as_str();
        if g.country.as_deref() == Some(cc) {
            return None;
        }
        gaz.lookup(&e.name)
            .into_iter()
            .find(|c| matches!(c.kind, Kind::Region | Kind::Province) && c.country == cc)
    })
}

/// The first-level region, province or country whose name opens `rest`
/// (the longest of up to `REGION_WORDS` capitalised words; a stop or a
/// line break ends the name).
fn region_at<'g>(gaz: &'g Gazetteer, rest: &str) -> Option<&'g Entry> {
    let mut found = None;
    let mut end = 0;
    for (n, raw) in rest.split(' ').take(REGION_WORDS).enumerate() {
        let (raw, broken) = match raw.find(char::is_whitespace) {
            Some(i) => (&raw[..i], true),
            None => (raw, false),
        };
        let word = raw.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !word.starts_with(char::is_uppercase) {
            break;
        }
        end = if n == 0 { 0 } else { end + 1 } + word.len();
        if let Some(r) = gaz
            .lookup(&rest[..end])
            .into_iter()
            .find(|c| matches!(c.kind, Kind::Region | Kind::Province | Kind::Country))
        {
            found = Some(r);
        }
        if broken || word.len() < raw.len() {
            break;
        }
    }
    found
}
