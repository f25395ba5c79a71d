//! Armed forces, units and public bodies are organisations named by
//! their head noun: "Rapid Support Forces", "Sudanese Armed Forces",
//! "Israel Defense Forces", "Israeli Air Force", "Turkish Coast Guard";
//! "Drug Enforcement Administration", "Swedish Security Service",
//! "Sri Lankan High Court"; airports are places named so ("Kuwait
//! International Airport"). The tagger, trained on 1996 wire copy, left
//! most of them untagged or kept only the country ("Sudanese" MISC,
//! "Israel" LOC), so a force became a place. A run of capitalised words
//! ending in such a head, two words or more and nothing capitalised
//! after the head ("Armed Forces Day", "Air Force One" are the tagger's
//! to read), is one organisation, or one place for an airport. A force
//! or an airport takes the country or demonym opening it (as CoNLL's
//! "Mexican Army"); a body takes a demonym but not a country ("U.S." +
//! "Drug Enforcement Administration", as `heads.rs` keeps "US" +
//! "Congress" apart), nor a person's chunk ("Trump Administration" is
//! left alone), nor a place ("West Bank", "South Bank"; "State
//! College", which the gazetteer knows). A chunk running past the run
//! is another reading and stays; so does a run that is one chunk
//! already.

use super::chunks::{self, capitalised};
use crate::gazetteer::{Gazetteer, Kind};
use crate::ner::Chunk;
use crate::nlp;
use crate::nlp::legal_forms::is_abbreviated as legal_form;

/// Heads of armed forces and units, lower-cased.
const HEADS: &[&str] = &[
    "army", "brigade", "brigades", "command", "corps", "force", "forces", "guard", "guards",
    "marines", "militia", "navy",
];

/// An airport, named after its place ("Kuwait International Airport",
/// "Aden Adde International Airport"): a place, its country included.
fn airport(w: &str) -> bool {
    matches!(w, "Airport" | "Airbase" | "Airfield")
}

fn force(w: &str) -> bool {
    capitalised(w) && HEADS.iter().any(|h| h.eq_ignore_ascii_case(w))
}

/// A body's head: an organisation's head noun (`heads.rs`), or one of
/// those too often other things to type a chunk there ("Office",
/// "Service", "Administration", "Center": "Syrian Observatory for Human
/// Rights" was "Human Rights", "Centers for Disease Control and
/// Prevention" was "Disease Control and Prevention").
fn body(w: &str) -> bool {
    capitalised(w) && (super::heads::head_kind(w) == Some("ORG") || institution(w))
}

/// Words naming a kind of public body that are no heads (see [`body`]),
/// and no part of a person's name (`runon.rs`, `surname.rs`: "Reagan" is
/// a given name, "Reagan Administration" no person).
pub(super) fn institution(w: &str) -> bool {
    matches!(
        w,
        "Administration"
            | "Authority"
            | "Bureau"
            | "Center"
            | "Centers"
            | "Centre"
            | "Centres"
            | "Directorate"
            | "Observatory"
            | "Office"
            | "Organisation"
            | "Organization"
            | "Secretariat"
            | "Service"
            | "Tribunal"
    )
}

/// How many words opening `run` name a country (not a demonym) or
/// abbreviate one: "U.S.", "UK", "New Zealand", "United States"; 0 if
/// none. (Only countries' own abbreviations: "BBC" + "World Service" is
/// one name.)
fn country_words(gaz: &Gazetteer, run: &[&str]) -> usize {
    let abbreviation = |w: &str| {
        matches!(
            w,
            "US" | "U.S." | "USA" | "U.S.A." | "UK" | "U.K." | "UAE" | "U.A.E." | "PRC" | "DRC"
        )
    };
    if run.first().is_some_and(|w| abbreviation(w)) {
        return 1;
    }
    (1..=3.min(run.len().saturating_sub(1)))
        .rev()
        .find(|&n| gaz.kinds(&run[..n].join(" ")).contains(&Kind::Country))
        .unwrap_or(0)
}

/// The end of a name's "of" part after its head at `at - 1`: "of" or
/// "for", perhaps "the", then capitalised words, and after one "and" or
/// a second "of"/"for" more of them ("European Court of Human Rights",
/// "Ministry of Foreign Affairs and Trade", "Court of Arbitration for
/// Sport"), up to an office ("Ministry of Defence" +
/// "Secretary Ben Wallace") or a company's suffix; `at` when there is
/// none. What follows an "and" must not be a name of its own: one with
/// an organisation's head noun ("University of Washington and Stanford
/// University"), a company, a country, region, demonym or city of
/// 100,000 ("Group of Five and Canada"; "Speech and Drama" stays). A
/// legislature "for" a place is a member's seat ("Parliament for
/// Sheffield Brightside"), and a company "of" a place is where it is
/// ("Novopharm Ltd of Canada").
fn of_part(words: &[&str], at: usize, gaz: &Gazetteer) -> usize {
    let head = words[at - 1];
    let legislature = matches!(head, "Congress" | "Parliament" | "Senate" | "Assembly");
    let joined = match words.get(at) {
        Some(&"of") => !legal_form(head),
        Some(&"for") => !legislature,
        _ => false,
    };
    if !joined {
        return at;
    }
    let mut k = at + 1;
    if words.get(k) == Some(&"the") {
        k += 1;
    }
    let mut end = at;
    let mut and: Option<usize> = None;
    let mut second = false;
    while k < words.len() && k - at <= 6 {
        let w = words[k];
        let name = capitalised(w)
            && !nlp::is_stopword(&w.to_lowercase())
            && !super::wordlists::is_office(w);
        if name && and.is_some() && (super::heads::head_kind(w) == Some("ORG") || legal_form(w)) {
            // "... and Stanford University": another name; end before "and".
            return and.expect("checked");
        }
        if name {
            k += 1;
            end = k;
            if legal_form(w) {
                break;
            }
        } else if matches!(w, "and" | "&") && end == k && and.is_none() {
            and = Some(k);
            k += 1;
        } else if matches!(w, "for" | "of")
            && end == k
            && !second
            && words.get(k + 1).is_some_and(|n| capitalised(n))
        {
            // A second connector: "Court of Arbitration for Sport".
            second = true;
            k += 1;
        } else {
            break;
        }
    }
    // After "and", a place or a demonym alone is another name.
    if let Some(a) = and.filter(|&a| end > a) {
        let rest = words[a + 1..end].join(" ");
        if gaz.is_notable(&rest, 100_000) {
            return a;
        }
    }
    end
}

/// The chunks with each force's name made one ORG chunk (see the module
/// note).
pub(super) fn mend(cs: Vec<Chunk>, words: &[&str], gaz: &Gazetteer) -> Vec<Chunk> {
    // The head ends the name, or its "of" part does: nothing capitalised
    // after it.
    let ends = |i: usize| words.get(i + 1).is_none_or(|w| !capitalised(w));
    let at: Vec<usize> = (1..words.len())
        .filter(|&i| {
            // A name of two words or more, or a head with its "of" part:
            // the cheap tests first (this runs on every word).
            let longer = capitalised(words[i - 1])
                || words.get(i + 1).is_some_and(|w| matches!(*w, "of" | "for"));
            longer && ends(i) && (force(words[i]) || airport(words[i]) || body(words[i]))
        })
        .take(chunks::MAX_TRIGGERS)
        .collect();
    let mut cs = cs;
    for i in at {
        let mut start = i;
        while start > 0 {
            let w = words[start - 1];
            let opener = start == 1 && super::wordlists::opens_sentence_only(w);
            if !capitalised(w)
                || nlp::is_stopword(&w.to_lowercase())
                || opener
                || super::wordlists::is_modifier(w)
                || super::wordlists::is_office(w)
                || legal_form(w)
                // (A month opens no name; a weekday may: "Sunday Times".)
                || crate::stages::dates::month(w).is_some()
            {
                break;
            }
            start -= 1;
        }
        // Stopped at an office ("General Accounting Office"), a company's
        // suffix, or "and"/"of" inside a longer name ("Food and Drug
        // Administration"): only the tail was found.
        let tail = start > 0 && {
            let w = words[start - 1];
            capitalised(w) && super::wordlists::is_office(w)
                || legal_form(w)
                || matches!(w, "and" | "&" | "of" | "for")
                    && start >= 2
                    && capitalised(words[start - 2])
                    // (Not when a name ends before "and": "University of
                    // Washington and" + "Stanford University".)
                    && !cs.iter().any(|c| c.end == start - 1)
        };
        if tail {
            continue;
        }
        // A sentence's first word the tagger left out is no name's
        // ("Former Cabinet", "Proroguing Parliament"), a demonym aside.
        if start == 0
            && !cs.iter().any(|c| c.start == 0)
            && !gaz.kinds(words[0]).contains(&Kind::Demonym)
        {
            start = 1;
        }
        let end = of_part(words, i + 1, gaz);
        let kind = if airport(words[i]) { "LOC" } else { "ORG" };
        if !force(words[i]) && !airport(words[i]) {
            start += country_words(gaz, &words[start..end]);
            let person = cs
                .iter()
                .any(|c| c.kind == "PER" && start < c.end && c.start < end);
            let compass = end - start == 2
                && matches!(words[start], "East" | "Left" | "North" | "South" | "West");
            let place = || gaz.contains(&words[start..end].join(" "));
            if person || compass || end - start >= 2 && place() {
                continue;
            }
        }
        if end - start < 2 || chunks::whole(&cs, start, end) || chunks::crosses(&cs, start, end) {
            continue;
        }
        chunks::put(&mut cs, start, end, kind);
    }
    cs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, tagged: &[(usize, usize, &'static str)], expect: &[(&str, &str)]) {
        super::super::tests::check_chunks(mend, sentence, tagged, expect);
    }

    #[test]
    fn a_force_named_by_its_head_is_one_organisation() {
        check(
            "The Rapid Support Forces took El Fasher from the Sudanese Armed Forces .",
            &[(5, 2, "LOC"), (9, 1, "MISC")],
            &[
                ("Rapid Support Forces", "ORG"),
                ("El Fasher", "LOC"),
                ("Sudanese Armed Forces", "ORG"),
            ],
        );
        check(
            "says the Israel Defense Forces will stay",
            &[(2, 1, "LOC")],
            &[("Israel Defense Forces", "ORG")],
        );
        check(
            "A Philippine Air Force jet",
            &[(1, 1, "MISC"), (2, 2, "ORG")],
            &[("Philippine Air Force", "ORG")],
        );
        // Something capitalised after the head; one word; a sentence's
        // opener; a chunk running past; one chunk already.
        check("on Armed Forces Day", &[], &[]);
        check("the Army said", &[], &[]);
        check("Meanwhile Army units", &[], &[]);
        check(
            "the Salvation Army Band played",
            &[(1, 3, "ORG")],
            &[("Salvation Army Band", "ORG")],
        );
        check("the Red Army", &[(1, 2, "MISC")], &[("Red Army", "MISC")]);
    }

    #[test]
    fn an_airport_is_one_place_with_its_city_or_country() {
        check(
            "at Kuwait International Airport and Aden Adde International Airport .",
            &[(1, 1, "LOC"), (5, 1, "LOC"), (6, 3, "LOC")],
            &[
                ("Kuwait International Airport", "LOC"),
                ("Aden Adde International Airport", "LOC"),
            ],
        );
    }

    #[test]
    fn a_body_named_by_its_head_is_one_organisation() {
        check(
            "with the U.S. Drug Enforcement Administration , the Swedish Security Service said",
            &[(2, 1, "LOC"), (9, 1, "MISC")],
            &[
                ("U.S.", "LOC"),
                ("Drug Enforcement Administration", "ORG"),
                ("Swedish Security Service", "ORG"),
            ],
        );
        // A person's administration; a place; one word.
        check(
            "the Trump Administration said",
            &[(1, 1, "PER")],
            &[("Trump", "PER")],
        );
        check("in the West Bank today", &[], &[]);
        check("at State College today", &[], &[]);
        // The name goes on after "of"; only its tail was found; a
        // sentence's opener.
        check(
            "the European Court of Human Rights ruled",
            &[(1, 1, "MISC"), (4, 2, "ORG")],
            &[("European Court of Human Rights", "ORG")],
        );
        check(
            "The Syrian Observatory for Human Rights says",
            &[(4, 2, "ORG")],
            &[("Syrian Observatory for Human Rights", "ORG")],
        );
        check(
            "The Centers for Disease Control and Prevention reports",
            &[(3, 4, "ORG")],
            &[("Centers for Disease Control and Prevention", "ORG")],
        );
        check(
            "the Court of Arbitration for Sport ruled",
            &[(1, 3, "ORG")],
            &[("Court of Arbitration for Sport", "ORG")],
        );
        check(
            "the Ministry of Foreign Affairs and Trade said",
            &[],
            &[("Ministry of Foreign Affairs and Trade", "ORG")],
        );
        check("the Ministry of the interior", &[], &[]);
        check(
            "University of Washington and Stanford University researchers",
            &[(0, 3, "ORG"), (4, 2, "ORG")],
            &[
                ("University of Washington", "ORG"),
                ("Stanford University", "ORG"),
            ],
        );
        check(
            "the University of Washington and Stanford University said",
            &[],
            &[
                ("University of Washington", "ORG"),
                ("Stanford University", "ORG"),
            ],
        );
        check(
            "the Group of Five and Canada met",
            &[(5, 1, "LOC")],
            &[("Group of Five", "ORG"), ("Canada", "LOC")],
        );
        check(
            "MP in the Parliament for Sheffield Brightside",
            &[(5, 2, "LOC")],
            &[("Sheffield Brightside", "LOC")],
        );
        check(
            "the Ministry of Defence Secretary Ben Wallace",
            &[(5, 2, "PER")],
            &[("Ministry of Defence", "ORG"), ("Ben Wallace", "PER")],
        );
        check("the Food and Drug Administration said", &[], &[]);
        check("the General Accounting Office said", &[], &[]);
        check("Proroguing Parliament is", &[], &[]);
        check(
            "Meanwhile Rapid Support Forces fighters",
            &[],
            &[("Rapid Support Forces", "ORG")],
        );
        check(
            "the New Zealand High Court said",
            &[(1, 2, "LOC")],
            &[("New Zealand", "LOC"), ("High Court", "ORG")],
        );
        check("the Service said", &[], &[]);
        check(
            "on the BBC World Service today",
            &[(2, 1, "ORG")],
            &[("BBC World Service", "ORG")],
        );
        check(
            "since September World Trade Centre attacks",
            &[],
            &[("World Trade Centre", "ORG")],
        );
    }
}
