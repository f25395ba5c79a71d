//! Tests of the head-noun rules (`heads.rs`): types from a name's last
//! or first word, "of" heads, storms, ordinals and countries.

use super::*;

fn check(sentence: &str, tagged: &[(usize, usize, &'static str)], expect: &[(&str, &str)]) {
    super::super::tests::check_chunks(retype, sentence, tagged, expect);
}

#[test]
fn head_lists_are_sorted_for_binary_search() {
    for list in [
        PLACE_HEADS,
        ORG_HEADS,
        wordlists::NEWSPAPER_HEADS,
        EVENT_HEADS,
        SURNAME_HEADS,
    ] {
        assert!(list.windows(2).all(|p| p[0] < p[1]), "{list:?}");
    }
    assert_eq!(head_kind("Avenue"), Some("LOC"));
    assert_eq!(head_kind("UNIVERSITY."), Some("ORG"));
    assert_eq!(head_kind("Cup"), Some("MISC"));
    // Laws and treaties; not the territory.
    assert_eq!(head_kind("Act"), Some("MISC"));
    assert_eq!(head_kind("ACT"), None);
    assert_eq!(head_kind("Protocol"), Some("MISC"));
    assert_eq!(head_kind("Railways"), Some("ORG"));
    // A first name and a head noun that is a surname too.
    assert!(first_name_and_surname(&["Mike", "Lake"]));
    assert!(first_name_and_surname(&["Wayne", "Bridge"]));
    // Firms' heads: "Jupiter Research", "Krome Studios", "BAE Systems".
    assert_eq!(head_kind("Research"), Some("ORG"));
    assert_eq!(head_kind("Studios"), Some("ORG"));
    assert_eq!(head_kind("Ünïversity"), None);
    // Every legal form heads a firm's name (`nlp::legal_forms`).
    assert_eq!(head_kind("Co."), Some("ORG"));
    assert_eq!(head_kind("AG"), Some("ORG"));
    assert_eq!(head_kind("Limited"), Some("ORG"));
}

#[test]
fn a_legal_form_after_a_name_makes_it_a_firm() {
    check(
        "shares of Peugeot SA rose",
        &[(2, 1, "LOC")],
        &[("Peugeot SA", "ORG")],
    );
    check(
        "the owner , Paws Incorporated , said",
        &[(3, 1, "PER")],
        &[("Paws Incorporated", "ORG")],
    );
    check(
        "the bid for Jacobs Suchard AG failed",
        &[(4, 1, "ORG")],
        &[("Jacobs Suchard AG", "ORG")],
    );
}

#[test]
fn a_newspaper_is_an_organisation_with_its_city_or_country() {
    check(
        "the Las Vegas Review-Journal reported",
        &[(1, 2, "LOC")],
        &[("Las Vegas Review-Journal", "ORG")],
    );
    check(
        "The Manila Bulletin said",
        &[(1, 1, "LOC")],
        &[("Manila Bulletin", "ORG")],
    );
    check(
        "told the Samoa Observer that",
        &[(2, 1, "LOC"), (3, 1, "ORG")],
        &[("Samoa Observer", "ORG")],
    );
    check(
        "the San Francisco Chronicle said",
        &[(1, 3, "LOC")],
        &[("San Francisco Chronicle", "ORG")],
    );
    check(
        "The Telegraph said",
        &[(1, 1, "MISC")],
        &[("Telegraph", "ORG")],
    );
    // A legislature's chamber is a body (2026-12-03 (el)).
    check(
        "the United States House of Representatives voted",
        &[(1, 5, "LOC")],
        &[("United States House of Representatives", "ORG")],
    );
    // Tribes and funds are bodies, harbours and towers places (2026-12-03 (ek)).
    check(
        "the Crow Tribe and the World Wildlife Fund sued",
        &[(1, 2, "PER"), (5, 3, "LOC")],
        &[("Crow Tribe", "ORG"), ("World Wildlife Fund", "ORG")],
    );
    check(
        "boats in Marsh Harbour sank",
        &[(2, 2, "PER")],
        &[("Marsh Harbour", "LOC")],
    );
    // A first name before "Post" is a person's name; a compound ending
    // in a lower-case word is no part of the paper's.
    check(
        "Emily Post wrote",
        &[(0, 2, "PER")],
        &[("Emily Post", "PER")],
    );
    check(
        "the China-published Economic Observer said",
        &[(2, 1, "ORG")],
        &[("Economic Observer", "ORG")],
    );
}

#[test]
fn a_division_takes_the_place_before_it_but_not_a_country() {
    check(
        "killed in Killa Abdullah District , Balochistan",
        &[(2, 1, "LOC"), (3, 2, "LOC"), (6, 1, "LOC")],
        &[("Killa Abdullah District", "LOC"), ("Balochistan", "LOC")],
    );
    check(
        "near North Waziristan District today",
        &[(1, 1, "LOC"), (2, 1, "LOC")],
        &[("North Waziristan District", "LOC")],
    );
    check(
        "in Latakia Governorate and Okinawa Prefecture",
        &[(1, 1, "LOC"), (4, 1, "LOC")],
        &[
            ("Latakia Governorate", "LOC"),
            ("Okinawa Prefecture", "LOC"),
        ],
    );
    check(
        "in Pakistan Kurram District clashes",
        &[(1, 1, "LOC"), (2, 2, "LOC")],
        &[("Pakistan", "LOC"), ("Kurram District", "LOC")],
    );
}

#[test]
fn a_head_noun_types_the_name_it_ends() {
    // The head after the chunk joins it.
    check(
        "He lives on Lincoln Avenue now",
        &[(3, 1, "ORG")],
        &[("Lincoln Avenue", "LOC")],
    );
    check(
        "Smith joined Warner Bros in 2010",
        &[(0, 1, "PER"), (2, 2, "PER")],
        &[("Smith", "PER"), ("Warner Bros", "ORG")],
    );
    // Capitalised words before the head; a place before an organisation.
    check(
        "She studied at Sandia View Academy",
        &[(5, 1, "LOC")],
        &[("Sandia View Academy", "ORG")],
    );
    check(
        "a professor at Washington State University said",
        &[(3, 1, "LOC"), (4, 2, "LOC")],
        &[("Washington State University", "ORG")],
    );
    // Not over a function word or a sentence opener.
    check(
        "The University has grown",
        &[(1, 1, "ORG")],
        &[("University", "ORG")],
    );
    check(
        "Meanwhile Oxford University said",
        &[(2, 1, "ORG")],
        &[("Oxford University", "ORG")],
    );
    // An event or a prize is MISC, with the place it is held in.
    check(
        "won the Davis Cup twice",
        &[(2, 2, "PER")],
        &[("Davis Cup", "MISC")],
    );
    check(
        "ran the London Marathon in April",
        &[(2, 1, "LOC"), (3, 1, "ORG")],
        &[("London Marathon", "MISC")],
    );
    check(
        "at the Brazil Open final",
        &[(2, 1, "LOC")],
        &[("Brazil Open", "MISC")],
    );
    // The head before "of" when the last word is none.
    check(
        "a degree from the Massachusetts Institute of Technology in 1990",
        &[(4, 4, "LOC")],
        &[("Massachusetts Institute of Technology", "ORG")],
    );
    check(
        "ships in the Gulf of Mexico sank",
        &[(3, 3, "ORG")],
        &[("Gulf of Mexico", "LOC")],
    );
    check(
        "the Duke of Edinburgh said",
        &[(1, 3, "PER")],
        &[("Duke of Edinburgh", "PER")],
    );
    // A unit's ordinal; a place before a place head stays apart.
    check(
        "the 82nd Airborne Division left",
        &[(2, 2, "ORG")],
        &[("82nd Airborne Division", "ORG")],
    );
    check(
        "from Iraq Strait",
        &[(1, 1, "LOC"), (2, 1, "LOC")],
        &[("Iraq", "LOC"), ("Strait", "LOC")],
    );
    // A storm is an event, with the word before its name.
    check(
        "as Cyclone Phailin struck",
        &[(2, 1, "PER")],
        &[("Cyclone Phailin", "MISC")],
    );
    check(
        "Hurricane Katrina hit",
        &[(0, 2, "LOC")],
        &[("Hurricane Katrina", "MISC")],
    );
    // So is a military operation.
    check(
        "during Operation Epic Fury strikes",
        &[(2, 2, "PER")],
        &[("Operation Epic Fury", "MISC")],
    );
    // Countries, first names, function words, modifiers.
    check(
        "the Washington-based Policy Institute",
        &[(2, 2, "ORG")],
        &[("Policy Institute", "ORG")],
    );
    check(
        "the Russian Federation said",
        &[(1, 2, "LOC")],
        &[("Russian Federation", "LOC")],
    );
    check(
        "said Jim Press today",
        &[(1, 2, "PER")],
        &[("Jim Press", "PER")],
    );
    check(
        "the US Agriculture Department",
        &[(1, 1, "LOC"), (2, 2, "ORG")],
        &[("US", "LOC"), ("Agriculture Department", "ORG")],
    );
    check(
        "Fiat and General Motors",
        &[(0, 2, "ORG"), (2, 2, "ORG")],
        &[("Fiat and", "ORG"), ("General Motors", "ORG")],
    );
    // A head already in the next chunk is not taken twice; MISC keeps its words.
    check(
        "Leeds Bank Holiday",
        &[(0, 1, "ORG"), (1, 2, "MISC")],
        &[("Leeds", "ORG"), ("Bank Holiday", "MISC")],
    );
    check(
        "the Oscar Party was fun",
        &[(1, 1, "MISC")],
        &[("Oscar", "MISC")],
    );
}
