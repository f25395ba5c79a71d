//! Lower-case nouns naming a kind of body ("firm", "carmaker",
//! "watchdog", "ministry"), one home for the stages that read them: the
//! entity stage, where such a word right before a name makes the name an
//! organisation's ("carmaker Nissan"), and the quote stage, where "the
//! company said" stands for an organisation named before. One list, so
//! that the two stages agree on what names a body.

/// Nouns naming a kind of firm or body, which stand for any organisation
/// ("the carmaker said" after "Nissan"; "electronics firm Hitachi").
/// Not "producer" (a film's or a record's producer is a person:
/// "record producer Phil Spector"); see [`any_body_in_speech`].
#[rustfmt::skip]
pub const KINDS: &[&str] = &[
    "airline", "automaker", "band", "bank", "body", "brewer", "carmaker", "carrier", "chain",
    "charity", "chipmaker", "club", "company", "conglomerate", "consultancy", "corporation",
    "distiller", "distributor", "drugmaker", "firm", "fund", "giant", "grocer", "group",
    "housebuilder", "insurer", "label", "lender", "magazine", "manufacturer", "marque", "miner",
    "newspaper", "operator", "outfit", "publisher", "refiner", "regulator", "retailer",
    "shipbuilder", "start-up", "startup", "steelmaker", "studio", "subsidiary",
    "supermarket", "utility", "watchdog", "website",
];

/// Whether "the NOUN said" stands for the organisation named last before
/// it: every word of [`KINDS`], and "producer" ("the oil producer said").
/// Not a publication ("the newspaper said", "said the magazine"), which is
/// seldom the body named before it: it stays the quote's described
/// speaker.
pub fn any_body_in_speech(noun: &str) -> bool {
    noun == "producer"
        || KINDS.contains(&noun) && !["magazine", "newspaper", "website"].contains(&noun)
}

/// Nouns naming an institution by its kind, which stand only for a body
/// whose name has the noun ("the ministry said" after "Ministry of
/// Defence"; not after "Acme").
#[rustfmt::skip]
pub const INSTITUTIONS: &[&str] = &[
    "agency", "association", "board", "commission", "committee", "council", "court",
    "department", "federation", "ministry", "organisation", "organization", "party", "union",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_lower_case_and_apart() {
        for list in [KINDS, INSTITUTIONS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?} not sorted");
            assert!(list
                .iter()
                .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-')));
        }
        assert!(KINDS.iter().all(|w| !INSTITUTIONS.contains(w)));
        assert!(any_body_in_speech("producer") && !KINDS.contains(&"producer"));
        assert!(any_body_in_speech("carmaker") && !any_body_in_speech("newspaper"));
    }
}
