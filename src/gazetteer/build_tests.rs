//! Tests of the gazetteer builder (`build.rs`): which provinces and
//! which names of rows already built it keeps.

use super::*;

#[test]
fn provinces_one_country_has_and_no_generic_word_or_surname() {
    let info = serde_json::json!({
        "canada": {"ISO": {"alpha2": "CA"}, "provinces": ["Quebec", "Alberta", "Central"]},
        "ghana": {"ISO": {"alpha2": "GH"}, "provinces": ["North East", "Volta", "Central"]},
        "new_zealand": {"ISO": {"alpha2": "NZ"}, "provinces": ["Wallace", "Otago"]},
        "india": {"ISO": {"alpha2": "IN"}, "provinces": ["Punjab", "Goa"]},
        "pakistan": {"ISO": {"alpha2": "PK"}, "provinces": ["Punjab", "Sindh"]},
    });
    let all = provinces(&info);
    // A man's first name is flagged (kept only against a town abroad).
    assert!(all.iter().any(|p| p.0 == "Wallace" && p.2));
    let got: Vec<String> = all
        .into_iter()
        .filter(|p| !p.2)
        .map(|(n, iso, _)| format!("{n} {iso}"))
        .collect();
    // Not "Central" (two countries, and generic), "North East"
    // (generic), "Wallace" (a man's first name, a surname too),
    // "Punjab" (two countries), "Goa" (three letters).
    assert_eq!(
        got,
        [
            "Alberta CA",
            "Otago NZ",
            "Quebec CA",
            "Sindh PK",
            "Volta GH"
        ]
    );
}

#[test]
fn the_countries_of_a_names_cities_or_none_past_another_kind() {
    let rows: BTreeSet<String> = [
        "Kent\tcity\tUS\t47.38\t-122.23\t126952\t5799625",
        "Kent\tcity\tUS\t41.15\t-81.36\t29810\t5159537",
        "Quebec\tprovince\tCA\t\t\t0\t",
        "Quebec\tcity\tCA\t46.81\t-71.21\t531902\t6325494",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    let got = city_countries(&rows);
    assert_eq!(
        got.get("kent"),
        Some(&Some(BTreeSet::from(["US".to_string()])))
    );
    assert_eq!(got.get("quebec"), Some(&None));
}
