//! A body's name the tagger split at its connective: "United States
//! Commission" + "on" + "International Religious Freedom", "Joint Council"
//! + "for the" + "Welfare of Immigrants". When a chunk ends in an
//! organisation's head noun (`heads`), one connective follows ("on",
//! "for", "of", perhaps with "the"), and the next chunk starts right after
//! it, capitalised, the two are one organisation. The second must be an
//! organisation after "on" ("a vote in the Senate on Brexit" is two
//! things) and an organisation or a place after "of" or "for" ("Bank" +
//! "of England"); never a person ("Congress for Trump"). Not a firm's
//! legal form before its seat ("Galactic Resources Ltd of Toronto", as
//! wires write it), nor a legislature before "of", which is as often a
//! verb's ("informed Congress of the FCC plan"); "against" joins nothing
//! ("filed in Circuit Court against Commonwealth Edison").

//!
//! And a country the tagger cut off the body it qualifies: "United
//! States" + "District Court for the Western District of Virginia", "U.S."
//! + "Electoral College": a country's name (or "U.S.", "UK") right before
//! an organisation with a head noun is part of its name
//! (`country_before_body`; not before a firm without one, "in Japan
//! Toyota said").

use crate::gazetteer::{Gazetteer, Kind};
use crate::ner::Chunk;

/// `cs` (in text order) with such pairs joined.
pub(super) fn join(cs: Vec<Chunk>, words: &[&str], gaz: &Gazetteer) -> Vec<Chunk> {
    if cs.len() < 2 {
        return cs;
    }
    let mut out: Vec<Chunk> = Vec::with_capacity(cs.len());
    for c in cs {
        if let Some(prev) = out.last_mut() {
            if joins(prev, &c, words) || country_before_body(prev, &c, words, gaz) {
                prev.end = c.end;
                prev.kind = "ORG";
                continue;
            }
        }
        out.push(c);
    }
    out
}

fn joins(a: &Chunk, b: &Chunk, words: &[&str]) -> bool {
    if a.end >= b.start || b.end > words.len() {
        return false;
    }
    let connective = match &words[a.end..b.start] {
        [w] | [w, "the"] if matches!(*w, "on" | "of" | "for") => *w,
        _ => return false,
    };
    // (Only now, for the few pairs a connective joins: a lower-cased copy.)
    if !words[b.start].starts_with(char::is_uppercase) {
        return false;
    }
    let head = words[a.end - 1].trim_end_matches('.').to_lowercase();
    let legal_form = crate::nlp::legal_forms::is_abbreviated(&head) || head == "holdings";
    let legislature = matches!(
        head.as_str(),
        "congress" | "parliament" | "senate" | "cabinet"
    );
    let second_fits = match connective {
        "on" => b.kind == "ORG",
        "of" => b.kind == "ORG" && !legislature || b.kind == "LOC" && !legal_form && !legislature,
        "for" => b.kind == "ORG" || b.kind == "LOC" && !legal_form,
        _ => false,
    };
    second_fits && super::heads::head_kind(&head) == Some("ORG")
}

/// The short forms of a country written before its bodies ("U.S.
/// Senate"), which the gazetteer does not list as countries.
pub(super) const COUNTRY_SHORT_FORMS: &[&str] = &["U.S.", "US", "UK", "U.K."];

/// A country's name (`a`, LOC: the gazetteer's country, or one of
/// `COUNTRY_SHORT_FORMS`) right before an organisation (`b`) whose words
/// hold an organisation's head noun.
fn country_before_body(a: &Chunk, b: &Chunk, words: &[&str], gaz: &Gazetteer) -> bool {
    if a.kind != "LOC" || b.kind != "ORG" || a.end != b.start || b.end > words.len() {
        return false;
    }
    let body_head = words[b.start..b.end]
        .iter()
        .any(|w| super::heads::head_kind(w) == Some("ORG"));
    // One word is a bare head ("a U.S. Bank said", wire copy's capitals)
    // unless it names one body ("Congress", "Airways"). ("a U.S. Justice
    // Department official" is that department's: no test of "a".)
    // (Capitalised words: the tagger's chunk may hold a verb, "Bank said".)
    let capitalised = words[b.start..b.end]
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    let one_body = capitalised > 1
        || matches!(
            words[b.start],
            "Congress" | "Senate" | "Parliament" | "Army" | "Navy" | "Treasury" | "Airways"
        );
    if !body_head || !one_body || a.end - a.start > 2 {
        return false;
    }
    let country = words[a.start..a.end].join(" ");
    COUNTRY_SHORT_FORMS.contains(&country.as_str()) || gaz.kinds(&country).contains(&Kind::Country)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, tagged: &[(usize, usize, &'static str)], expect: &[(&str, &str)]) {
        super::super::tests::check_chunks(join, sentence, tagged, expect);
    }

    #[test]
    fn a_country_before_a_body_is_part_of_its_name() {
        check(
            "by the United States District Court for the Western District of Virginia in",
            &[(2, 2, "LOC"), (4, 8, "ORG")],
            &[(
                "United States District Court for the Western District of Virginia",
                "ORG",
            )],
        );
        check(
            "votes in the U.S. Electoral College were",
            &[(3, 1, "LOC"), (4, 2, "ORG")],
            &[("U.S. Electoral College", "ORG")],
        );
        check(
            "the US Congress voted",
            &[(1, 1, "LOC"), (2, 1, "ORG")],
            &[("US Congress", "ORG")],
        );
        // Not before a firm with no head noun or a bare head ("a U.S.
        // Bank", wire copy's capitals), nor a region before a body.
        check(
            "a senior dealer at a U.S. Bank said",
            &[(5, 1, "LOC"), (6, 2, "ORG")],
            &[("U.S.", "LOC"), ("Bank said", "ORG")],
        );
        check(
            "in Japan Toyota said",
            &[(1, 1, "LOC"), (2, 1, "ORG")],
            &[("Japan", "LOC"), ("Toyota", "ORG")],
        );
        check(
            "in Texas State University said",
            &[(1, 1, "LOC"), (2, 2, "ORG")],
            &[("Texas", "LOC"), ("State University", "ORG")],
        );
    }

    #[test]
    fn a_body_split_at_its_connective_is_one_organisation() {
        check(
            "the United States Commission on International Religious Freedom said",
            &[(1, 3, "ORG"), (5, 3, "MISC")],
            &[
                ("United States Commission", "ORG"),
                ("International Religious Freedom", "MISC"),
            ],
        );
        check(
            "the United States Commission on International Religious Freedom said",
            &[(1, 3, "ORG"), (5, 3, "ORG")],
            &[(
                "United States Commission on International Religious Freedom",
                "ORG",
            )],
        );
        check(
            "the Joint Council for the Welfare of Immigrants said",
            &[(1, 2, "ORG"), (5, 3, "ORG")],
            &[("Joint Council for the Welfare of Immigrants", "ORG")],
        );
        check(
            "the Bank of England said",
            &[(1, 1, "ORG"), (3, 1, "LOC")],
            &[("Bank of England", "ORG")],
        );
        // Not a person after it, nor a topic after "on", nor a name that
        // ends in no head noun.
        check(
            "support in Congress for Trump grew",
            &[(2, 1, "ORG"), (4, 1, "PER")],
            &[("Congress", "ORG"), ("Trump", "PER")],
        );
        check(
            "a vote in the Senate on Iraq",
            &[(4, 1, "ORG"), (6, 1, "LOC")],
            &[("Senate", "ORG"), ("Iraq", "LOC")],
        );
        check(
            "talks between Acme of Paris ended",
            &[(2, 1, "ORG"), (4, 1, "LOC")],
            &[("Acme", "ORG"), ("Paris", "LOC")],
        );
        // Nor a firm's seat, a legislature told of something, or "against".
        check(
            "shares of Galactic Resources Ltd of Toronto rose",
            &[(2, 3, "ORG"), (6, 1, "LOC")],
            &[("Galactic Resources Ltd", "ORG"), ("Toronto", "LOC")],
        );
        check(
            "they informed Congress of the FCC plan",
            &[(2, 1, "ORG"), (5, 1, "ORG")],
            &[("Congress", "ORG"), ("FCC", "ORG")],
        );
        check(
            "filed in Cook County Circuit Court against Commonwealth Edison Co",
            &[(2, 4, "ORG"), (7, 3, "ORG")],
            &[
                ("Cook County Circuit Court", "ORG"),
                ("Commonwealth Edison Co", "ORG"),
            ],
        );
    }
}
