//! Head nouns: the last word of a name often says what it names ("Lincoln
//! Avenue" is a place, "Warner Bros" and "Washington State University" are
//! organisations, "Davis Cup" and "Academy Awards" events, MISC) more
//! reliably than the tagger's guess, and the tagger
//! often leaves the head out of the chunk ("Lincoln" + "Avenue"). Chunks
//! are extended over their head and retyped by it.

use super::chunks::capitalised;
use super::wordlists;
use crate::gazetteer::{Gazetteer, Kind};
use crate::ner::Chunk;
use crate::nlp;
use crate::nlp::gender::FirstNames;

/// Head nouns of facilities and places.
#[rustfmt::skip]
const PLACE_HEADS: &[&str] = &[
    "abbey", "airfield", "airport", "avenue", "base", "bay", "boulevard", "bridge", "canal",
    "cathedral", "coast", "complex", "county", "desert", "district", "governorate", "gulf",
    "harbor", "harbour", "headquarters", "highway", "island", "islands", "lake", "lane", "mosque",
    "mountains", "oblast", "ocean", "peninsula", "plaza", "prefecture", "province", "river", "road",
    "sea", "square", "stadium", "station", "strait", "street", "synagogue", "temple", "territory",
    "tower", "valley",
];

/// Heads of a country's divisions, whose names are often two words the
/// tagger reads as two places ("Killa" + "Abdullah District", "North" +
/// "Waziristan District").
#[rustfmt::skip]
const DIVISION_HEADS: &[&str] = &[
    "county", "district", "governorate", "oblast", "prefecture", "province", "territory",
];

/// Head nouns of organisations; firms' legal forms ("Co", "Holdings",
/// "AG") are heads too, from `nlp::legal_forms`.
#[rustfmt::skip]
const ORG_HEADS: &[&str] = &[
    "academy", "agency", "airlines", "airways", "army", "assembly", "associates", "association",
    "bank", "battalion", "board", "brigade", "bros", "brothers", "cabinet", "club", "college",
    "commission", "committee", "communications", "congress", "corps", "council", "court",
    "department", "division", "federation", "forces", "foundation", "fund", "industries",
    "institute", "laboratories", "labs", "magazine", "militia", "ministry", "motors", "nation",
    "network", "paratroopers", "parliament", "partners", "party", "pharmaceuticals", "police",
    "press", "railroad", "railroads", "railway", "railways", "regiment", "research", "school",
    "securities", "senate", "service", "society", "studios", "systems", "team", "technologies",
    "times", "tribe", "tribes", "trust", "university",
];

/// Heads of events and prizes, which CoNLL types MISC ("Davis Cup",
/// "Academy Awards", "London Marathon", "Booker Prize", "Cannes Film
/// Festival"; the tagger made them people, places or bodies). Not
/// "Games": firms end in it ("Rockstar Games"). And of bills, laws as
/// CoNLL types them ("Prevention of Terrorism Bill", "Bill of Rights";
/// a bare "the Bill" then joins the last one named), and of other laws
/// and treaties ("Freedom of Information Act", "Kyoto Protocol",
/// "Maastricht Treaty", "United States Constitution", "Plaza Accord",
/// "International Cocoa Agreement"; the tagger made most of them bodies,
/// some places). Not "Convention", a body's or an event's as often.
#[rustfmt::skip]
const EVENT_HEADS: &[&str] = &[
    "accord", "accords", "act", "agreement", "award", "awards", "bill", "championship",
    "championships", "constitution", "cup", "directive", "festival", "marathon", "olympics",
    "open", "paralympics", "prix", "prize", "prizes", "protocol", "tournament", "treaty",
    "trophy",
];

/// Head nouns that are also surnames ("Jim Press", "Michael Bay",
/// "Margaret Court", "Nathan Lane", "Wayne Bridge", "Mike Lake").
#[rustfmt::skip]
const SURNAME_HEADS: &[&str] = &[
    "bay", "bridge", "courier", "court", "lake", "lane", "post", "press", "street", "tower",
];

/// The type the head noun before a name's first "of" (or "for", "on")
/// gives it ("Massachusetts Institute of Technology", "Bank of England",
/// "Gulf of Mexico", "U.S. District Court for the Eastern District of
/// Louisiana"), when its last word gives none. A legislature's chamber
/// is a body ("House of Representatives", "House of Commons"; "House"
/// alone heads places too: "Opera House").
/// A geographic word opening a name of two words or more says place as a
/// head noun would ("Mount Everest", "Lake Placid", "Cape Varn", "Isle of
/// Man"); lower-case words, two or three (not a run-on span: "Lake
/// Ontario and Montreal", "Mount Clemens and Bankers Life Insurance Co").
/// Not "Port" or "Fort", which open clubs and bodies as often ("Port
/// Vale", "Port Authority").
pub(super) fn prefix_kind<S: AsRef<str>>(name: &[S]) -> Option<&'static str> {
    let geographic = matches!(
        name.first().map(AsRef::as_ref),
        Some("mount" | "mt" | "lake" | "cape" | "isle")
    );
    let connective = name
        .iter()
        .any(|w| matches!(w.as_ref(), "and" | "with" | "&"));
    (geographic && (2..=3).contains(&name.len()) && !connective).then_some("LOC")
}

/// The type a name's head noun gives it: its last word's, for a name of
/// two words or more (a bare "Press" is a surname too), else the word's
/// before its first "of" ([`of_head_kind`]).
pub(super) fn name_head_kind<S: AsRef<str>>(name: &[S]) -> Option<&'static str> {
    name.last()
        .filter(|_| name.len() >= 2)
        .and_then(|h| head_kind(h.as_ref()))
        .or_else(|| of_head_kind(name))
}

pub(super) fn of_head_kind<S: AsRef<str>>(name: &[S]) -> Option<&'static str> {
    let of = name
        .iter()
        .position(|w| matches!(w.as_ref(), "of" | "for" | "on"))?;
    let before = name[of.checked_sub(1)?].as_ref();
    let chamber = before == "House"
        && name.get(of + 1).is_some_and(|w| {
            matches!(
                w.as_ref(),
                "Representatives" | "Commons" | "Lords" | "Delegates" | "Councillors"
            )
        });
    if chamber {
        return Some("ORG");
    }
    head_kind(before)
}

/// "Jim Press": a known first name and a head noun that is also a surname,
/// which makes a person's name, not an organisation's.
pub(super) fn first_name_and_surname<S: AsRef<str>>(name: &[S]) -> bool {
    matches!(name, [first, last]
        if SURNAME_HEADS.contains(&last.as_ref().to_lowercase().as_str())
            && FirstNames::embedded().contains(first.as_ref()))
}

/// The type a head noun gives the name it ends ("Avenue" → LOC), if any.
/// Called for every chunk and mention, so it allocates nothing.
pub(super) fn head_kind(word: &str) -> Option<&'static str> {
    let w = word.trim_end_matches('.');
    let b = w.as_bytes();
    if b.len() > 20 || !b.first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    // Lower-cased on the stack (ASCII letters only, so still UTF-8), then
    // one binary search of all the lists, merged once.
    let mut buf = [0u8; 20];
    buf[..b.len()].copy_from_slice(b);
    buf[..b.len()].make_ascii_lowercase();
    let lower = std::str::from_utf8(&buf[..b.len()]).ok()?;
    // (An act is written so; "ACT" is the Australian Capital Territory.)
    if lower == "act" && w != "Act" {
        return None;
    }
    let table = heads_table();
    table
        .binary_search_by(|(h, _)| (*h).cmp(lower))
        .ok()
        .map(|i| table[i].1)
}

/// Every head noun with the type it gives, sorted; a word in two lists
/// keeps the first list's type (places, bodies, newspapers, events).
fn heads_table() -> &'static [(&'static str, &'static str)] {
    static TABLE: std::sync::OnceLock<Vec<(&'static str, &'static str)>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: Vec<(&str, &str)> = Vec::new();
        let forms: Vec<&'static str> = crate::nlp::legal_forms::FORMS
            .iter()
            .map(|(f, _)| *f)
            .collect();
        for (list, kind) in [
            (PLACE_HEADS, "LOC"),
            (ORG_HEADS, "ORG"),
            (&forms, "ORG"),
            (wordlists::NEWSPAPER_HEADS, "ORG"),
            (EVENT_HEADS, "MISC"),
        ] {
            for h in list {
                if !t.iter().any(|(w, _)| w == h) {
                    t.push((h, kind));
                }
            }
        }
        t.sort_unstable();
        t
    })
}

/// Words that open a storm's name, or a military operation's, which is
/// an event too ("Operation Epic Fury" was a person "Epic Fury").
pub(super) fn is_storm(word: &str) -> bool {
    #[rustfmt::skip]
    const OPENERS: &[&str] = &["hurricane", "cyclone", "typhoon", "storm", "tropical", "operation"];
    OPENERS.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// "1st", "82nd", "504th", "3RD".
fn is_ordinal(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0
        && ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| w[digits..].eq_ignore_ascii_case(s))
}

/// Whether the gazetteer knows these words as a country or demonym
/// ("Russian Federation", "US"): those keep their type and stay apart.
/// An abbreviated place ("US", "U.K.", "UAE") counts as one too.
fn is_country(gaz: &Gazetteer, words: &[&str]) -> bool {
    let abbreviation = |w: &str| {
        let letters = w.chars().filter(|c| *c != '.');
        (2..=4).contains(&letters.clone().count())
            && letters.clone().all(|c| c.is_ascii_uppercase())
    };
    matches!(words, [w] if abbreviation(w))
        || gaz
            .kinds(&words.join(" "))
            .iter()
            .any(|k| matches!(k, Kind::Country | Kind::Demonym))
}

/// Chunks extended over their head noun and typed by it:
/// - a capitalised head noun right after a chunk joins it ("Lincoln" +
///   "Avenue");
/// - a chunk ending in a head noun takes in the capitalised name words just
///   before it ("Sandia View" + "Academy") and an adjacent chunk before those
///   ("Pope" + "Army Airfield"; a place only before an organisation or an
///   event: "Washington" + "State University", "London" + "Marathon";
///   never a country before an organisation, "US" + "Congress", nor a chunk
///   ending in a function word, "Fiat and" + "General Motors");
/// - a country ("Russian Federation") is never retyped (but for an event's
///   head after it: "Brazil" + "Open"), nor a person whose
///   first name comes before a head that is also a surname ("Jim Press");
/// - an organisation takes the ordinal just before it, which is part of a
///   unit's name ("82nd" + "Airborne Division", "7th" + "Fleet").
pub(super) fn retype(cs: Vec<Chunk>, words: &[&str], gaz: &Gazetteer) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::with_capacity(cs.len());
    for k in 0..cs.len() {
        let mut c = cs[k].clone();
        // "Hurricane Katrina", "Cyclone Phailin": a storm is an event (MISC),
        // not the person or place its name looks like.
        let free_before = out.last().is_none_or(|p| p.end < c.start);
        if c.start > 0
            && free_before
            && capitalised(words[c.start - 1])
            && is_storm(words[c.start - 1])
        {
            c.start -= 1;
        }
        if is_storm(words[c.start]) {
            c.kind = "MISC";
            out.push(c);
            continue;
        }
        let next_start = cs.get(k + 1).map_or(words.len(), |n| n.start);
        let after = (c.kind != "MISC" && c.end < next_start && capitalised(words[c.end]))
            .then(|| head_kind(words[c.end]))
            .flatten();
        let head_after = after.is_some();
        let head = after
            // (A lower-case last word the tagger took in is no head: "the
            // Middle Eastern nation" is a place.)
            .or_else(|| {
                Some(words[c.end - 1])
                    .filter(|w| capitalised(w))
                    .and_then(head_kind)
            })
            .or_else(|| of_head_kind(&words[c.start..c.end]));
        // (A country before an event's head is where it is held: "Brazil
        // Open", "US Open".)
        let paper = head_after && wordlists::is_newspaper(words[c.end]);
        // (Nor a bare "Bill": the given name, unless `legislation.rs`
        // finds a bill's title or article around it.)
        let exempt = || {
            let name = &words[c.start..c.end];
            is_country(gaz, name) && !(head_after && head == Some("MISC")) && !paper
                || c.kind == "PER" && first_name_and_surname(name)
                || name == ["Bill"]
        };
        if let Some(kind) = head.filter(|_| !exempt()) {
            if head_after {
                c.end += 1;
            }
            c.kind = kind;
            let floor = out.last().map_or(0, |p| p.end);
            while c.start > floor {
                let w = words[c.start - 1];
                let lower = w.to_lowercase();
                let opener = c.start == 1 && super::wordlists::opens_sentence_only(w);
                let modifier = super::wordlists::is_modifier(w);
                // "DHL-owner", "China-published": a compound ending in a
                // lower-case word describes the name; it is none of it.
                let described = w
                    .rsplit('-')
                    .next()
                    .is_some_and(|l| l.starts_with(char::is_lowercase));
                if !capitalised(w) || nlp::is_stopword(&lower) || opener || modifier || described {
                    break;
                }
                c.start -= 1;
            }
            if let Some(prev) = out.last() {
                // (An event takes the place it is held in, a country too:
                // "London" + "Marathon", "Brazil" + "Open".)
                // (A division takes a place before it, not a country:
                // "Killa" + "Abdullah District"; "Pakistan" + "Kurram
                // District" stay apart.)
                let division = DIVISION_HEADS
                    .iter()
                    .any(|h| h.eq_ignore_ascii_case(words[c.end - 1]));
                let place_ok = prev.kind != "LOC"
                    || kind == "MISC"
                    || wordlists::is_newspaper(words[c.end - 1])
                    || (kind == "ORG" || kind == "LOC" && division)
                        && !is_country(gaz, &words[prev.start..prev.end]);
                let open = !super::wordlists::ends_no_name(&words[prev.end - 1].to_lowercase());
                if prev.end == c.start && place_ok && open {
                    c.start = prev.start;
                    out.pop();
                }
            }
        }
        let free = out.last().is_none_or(|p| p.end < c.start);
        if c.kind == "ORG" && c.start > 0 && free && is_ordinal(words[c.start - 1]) {
            c.start -= 1;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
#[path = "heads_tests.rs"]
mod tests;
