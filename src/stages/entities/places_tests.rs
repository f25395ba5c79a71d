//! Places: which namesake a place name is (the countries and regions the
//! article names, the region after a comma, counties and provinces), and
//! the cities the alias table names under older names.

use super::tests::{find, mention_texts, run};

#[test]
fn places_follow_the_countries_the_article_names() {
    // (text, place, its country)
    let check = |text: &str, place: &str, expect: &str| {
        let e = run(text);
        let got = find(&e, place).geo.as_ref().and_then(|g| g.country.clone());
        assert_eq!(got.as_deref(), Some(expect), "{text}");
    };
    check(
        "Floods in Sindh\n\nFloods hit Hyderabad on Monday, officials in Pakistan said. \
         Hyderabad lies on the Indus.",
        "Hyderabad",
        "PK",
    );
    check(
        "Tech hub grows\n\nStartups in Hyderabad raised more money on Monday, investors said.",
        "Hyderabad",
        "IN",
    );
    check(
        "Talks in Paris\n\nMinisters met in Paris on Monday to discuss the budget.",
        "Paris",
        "FR",
    );
    // A first-level region says its country too: Gloucester, Ontario has
    // more people, but not in England.
    check(
        "Floods\n\nFloods hit Gloucester on Monday, and roads across the north of England \
         closed. Gloucester was worst hit.",
        "Gloucester",
        "GB",
    );
    // A country named like a US state is the state beside another state.
    check(
        "Primary vote\n\nVoters in Texas and Georgia went to the polls on Tuesday, officials said.",
        "Georgia",
        "US",
    );
    check(
        "Open\n\nA player of the Republic of Georgia beat an American in California on Monday.",
        "Georgia",
        "GE",
    );
    // A namesake of under a quarter of the largest does not win on the
    // country alone: Athens, Georgia has a fifth of Athens's people.
    check(
        "Gold in Athens\n\nThe United States team won gold in Athens on Monday, officials said.",
        "Athens",
        "GR",
    );
    // An English county or a Canadian province keeps its name against
    // towns abroad named after it (Norfolk, Virginia; Ontario, California).
    check(
        "Floods\n\nRoads were closed across Norfolk and Suffolk on Monday, police said.",
        "Norfolk",
        "GB",
    );
    check(
        "Budget\n\nOntario's premier met the finance minister on Monday.",
        "Ontario",
        "CA",
    );
    // A region after a comma says where the town is, and a town before a
    // comma which region the next name is.
    check(
        "Obituary\n\nHe grew up in Norfolk, Nebraska, and joined the Navy at eighteen.",
        "Norfolk",
        "US",
    );
    check(
        "Arrest\n\nA man from Camberley, Surrey, was arrested on Monday, police said.",
        "Surrey",
        "GB",
    );
    // Wire copy abbreviates the state.
    check(
        "Order signed\n\nJudge John Gerry of Camden, N.J., signed the order on Monday.",
        "Camden",
        "US",
    );
    // A city under a name the gazetteer lacks, from the alias table, is
    // the gazetteer's city (coordinates, GeoNames id), not its country.
    let e = run("Blasts\n\nTwo bombs went off in Bombay on Monday, police said.");
    let g = find(&e, "Mumbai").geo.clone().expect("a place");
    assert_eq!(
        (
            g.country.as_deref(),
            g.feature.as_str(),
            g.geonames.is_some()
        ),
        (Some("IN"), "city", true)
    );
    let region = |text: &str, place: &str| {
        let e = run(text);
        find(&e, place).geo.as_ref().and_then(|g| g.region.clone())
    };
    assert_eq!(
        region(
            "Awards\n\nThe ceremony in Pasadena, California, drew a crowd on Sunday.",
            "Pasadena"
        )
        .as_deref(),
        Some("California")
    );
}

/// A division written with its kind (2026-12-05 (it)): "Guangdong
/// Province" is the province; "County Cork" a region of Ireland, with no
/// coordinates or GeoNames id of its own (the gazetteer knows the town).
#[test]
fn a_division_written_with_its_kind_is_placed() {
    let e = run(
        "Floods\n\nRain fell in Guangdong Province on Monday. Farmers in County Cork \
         said the harvest was late.",
    );
    let geo = |name: &str| find(&e, name).geo.clone().expect("geo");
    assert_eq!(geo("Guangdong Province").country.as_deref(), Some("CN"));
    let cork = geo("County Cork");
    assert_eq!(
        (cork.country.as_deref(), cork.feature.as_str(), cork.geonames),
        (Some("IE"), "region", None)
    );
}

/// A capital "The" before a name the alias table or the gazetteer knows
/// without it is the article, at a sentence's start or inside one; not
/// one the name keeps ("The Guardian", "The Hague").
#[test]
fn a_capital_the_before_a_known_name_is_the_article() {
    let e = run(
        "Talks resume\n\nThe United States reports its first case. The Houthis claim a strike. \
         Officials told The Guardian that talks in The Hague would go on.",
    );
    assert_eq!(mention_texts(&e, "United States"), ["United States"]);
    assert_eq!(mention_texts(&e, "Houthis"), ["Houthis"]);
    assert_eq!(mention_texts(&e, "The Guardian"), ["The Guardian"]);
    assert_eq!(mention_texts(&e, "The Hague"), ["The Hague"]);
}
