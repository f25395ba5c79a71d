//! A person's name the tagger cut short at a known first name: "United
//! Nations Nikki" ORG + "Haley" untagged is "United Nations" and "Nikki
//! Haley"; "Jane" PER + "Okafor" untagged is "Jane Okafor"; "Karl" +
//! "Marx", two chunks, is "Karl Marx"; "Prime Minister Mateusz" PER +
//! "Morawiecki" untagged is "Mateusz Morawiecki" (after an office, a
//! one-word name runs on into a surname); "actress Lisa" ORG + "Kudrow" is
//! "Lisa Kudrow" (a lone first name the tagger typed otherwise, no place's
//! name, and nothing capitalised after the surname). The first name
//! comes from the embedded first-name list (no notable place: "China"), the
//! surname must be a capitalised word no chunk holds that is no function
//! word, month, weekday, office or head noun.

use crate::gazetteer::Gazetteer;
use crate::ner::Chunk;
use crate::nlp;
use crate::nlp::gender::FirstNames;

/// A capitalised word that is no part of a person's name: a function
/// word, a month, a weekday, a head noun ("Airport"), a public body's
/// ("Administration") or an office.
pub(super) fn names_something_else(word: &str) -> bool {
    nlp::is_stopword(&word.to_lowercase())
        || crate::stages::dates::month(word).is_some()
        || crate::stages::dates::weekday(word).is_some()
        || super::heads::head_kind(word).is_some()
        || super::bodies::institution(word)
        || super::wordlists::is_office(word)
}

fn surname_like(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && !names_something_else(word)
}

/// A first name that is also a country, region or city of 100,000
/// ("China", "Jordan", "Geneva"; not Nikki, Benin) is left alone.
const NOTABLE_CITY: u64 = 100_000;

/// The chunks with cut-short person names mended (see the module note).
pub(super) fn mend(cs: Vec<Chunk>, words: &[&str], gaz: &Gazetteer) -> Vec<Chunk> {
    let first_names = FirstNames::embedded();
    let mut out: Vec<Chunk> = Vec::with_capacity(cs.len());
    let mut k = 0;
    while k < cs.len() {
        let c = cs[k].clone();
        k += 1;
        // "Karl" + "Marx", "Agatha" LOC + "Christie": a lone first name
        // and the one- or two-word person or place chunk right after it
        // are one person.
        let first = c.end - c.start == 1
            && c.kind != "MISC"
            && first_names.contains(words[c.start])
            && !gaz.is_notable(words[c.start], NOTABLE_CITY);
        // Another country's given name only where the tagger says person
        // on both sides ("Recep" PER + "Tayyip Erdoğan" PER).
        let given =
            c.end - c.start == 1 && c.kind == "PER" && first_names.is_given_name(words[c.start]);
        if let Some(n) = cs.get(k).filter(|n| {
            n.start == c.end
                && n.end - n.start <= 2
                && (first
                    && matches!(n.kind, "PER" | "LOC")
                    && !gaz.is_notable(&words[n.start..n.end].join(" "), NOTABLE_CITY)
                    || given && n.kind == "PER")
        }) {
            out.push(Chunk {
                start: c.start,
                end: n.end,
                kind: "PER",
            });
            k += 1;
            continue;
        }
        let next_start = cs.get(k).map_or(words.len(), |n| n.start);
        let last = c.end - 1;
        // A person's chunk; or a longer organisation or place that a
        // person's name follows ("United Nations Nikki"): two words are
        // too often a company ("Axa Sun" + "Life").
        let first_name_cut =
            first_names.contains(words[last]) && !gaz.is_notable(words[last], NOTABLE_CITY);
        // Or a known first name alone that the tagger typed otherwise
        // ("actress Lisa" ORG + "Kudrow" untagged), when no place has that
        // name ("Venice" + "Film", "Marshall" + "Plan", "Alberta"), it is
        // no function word, capitals or two letters ("My", "PA", "Le" of
        // "Le Roi") and the surname ends
        // the name ("Cecil B DeMille", "Liberty All-Star Equity" do not).
        let retyped = c.end - c.start == 1
            && first_name_cut
            && words[last].chars().count() >= 3
            && !nlp::is_stopword(&words[last].to_lowercase())
            && !words[last].chars().skip(1).all(char::is_uppercase)
            && gaz.lookup(words[last]).is_empty()
            && words
                .get(c.end + 1)
                .is_none_or(|w| !w.starts_with(char::is_uppercase));
        let host = c.kind == "PER" || c.kind != "MISC" && (c.end - c.start >= 3 || retyped);
        // "Prime Minister Mateusz" PER + "Morawiecki tweeted": one word
        // after an office or honorific is a given name when a capitalised
        // word follows and then a lower-case one or punctuation (not
        // "President Obama White House").
        let titled = c.kind == "PER"
            && c.end - c.start == 1
            && c.start > 0
            && (super::wordlists::is_office(words[c.start - 1])
                || super::wordlists::is_honorific(words[c.start - 1]))
            && words
                .get(c.end + 1)
                .is_none_or(|w| !w.starts_with(char::is_uppercase));
        let runs_on =
            host && c.end < next_start && (first_name_cut || titled) && surname_like(words[c.end]);
        if !runs_on {
            out.push(c);
            continue;
        }
        if c.kind != "PER" && last > c.start {
            out.push(Chunk {
                start: c.start,
                end: last,
                kind: c.kind,
            });
        }
        out.push(Chunk {
            start: if c.kind == "PER" { c.start } else { last },
            end: c.end + 1,
            kind: "PER",
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, tagged: &[(usize, usize, &'static str)], expect: &[(&str, &str)]) {
        super::super::tests::check_chunks(mend, sentence, tagged, expect);
    }

    #[test]
    fn a_name_cut_at_a_first_name_runs_on() {
        check(
            "Ambassador to the United Nations Nikki Haley wrote",
            &[(3, 3, "ORG")],
            &[("United Nations", "ORG"), ("Nikki Haley", "PER")],
        );
        check(
            "said Jane Okafor today",
            &[(1, 1, "PER")],
            &[("Jane Okafor", "PER")],
        );
        // A first name alone the tagger typed otherwise, and its surname.
        check(
            "actress Lisa Kudrow and",
            &[(1, 1, "ORG")],
            &[("Lisa Kudrow", "PER")],
        );
        check(
            "by Elvis Presley ,",
            &[(1, 1, "ORG"), (2, 1, "LOC")],
            &[("Elvis Presley", "PER")],
        );
        // Not a place's name, a French article, capitals, or a surname
        // another capitalised word follows.
        check(
            "the Venice Film Festival",
            &[(1, 1, "LOC")],
            &[("Venice", "LOC")],
        );
        check("film Le Roi Lion", &[(1, 1, "ORG")], &[("Le", "ORG")]);
        check("from PA Media", &[(1, 1, "LOC")], &[("PA", "LOC")]);
        check(
            "director Cecil B DeMille",
            &[(1, 1, "ORG")],
            &[("Cecil", "ORG")],
        );
        // Not from a short organisation, nor at a first name that is a place.
        check("Axa Sun Life grew", &[(0, 2, "ORG")], &[("Axa Sun", "ORG")]);
        check("said China Aviation", &[(1, 1, "PER")], &[("China", "PER")]);
        // Not over a weekday, a function word or a head noun; a next chunk
        // joins by the rule below.
        check("met Bill Monday", &[(1, 1, "PER")], &[("Bill", "PER")]);
        check("gave Bill The book", &[(1, 1, "PER")], &[("Bill", "PER")]);
        check("in Jordan Valley", &[(1, 1, "LOC")], &[("Jordan", "LOC")]);
        // Nor over a public body's word: "Reagan" is a given name too.
        check(
            "the Reagan Administration decided",
            &[(1, 1, "PER")],
            &[("Reagan", "PER")],
        );
        check(
            "Bill Gates Foundation",
            &[(0, 1, "PER"), (1, 1, "PER")],
            &[("Bill Gates", "PER")],
        );
        // A lone first name and the chunk after it; not a notable place.
        check(
            "wrote Karl Marx and",
            &[(1, 1, "PER"), (2, 1, "PER")],
            &[("Karl Marx", "PER")],
        );
        check(
            "by Agatha Christie .",
            &[(1, 1, "LOC"), (2, 1, "PER")],
            &[("Agatha Christie", "PER")],
        );
        // Another country's given name joins only person to person.
        check(
            "President Recep Tayyip Erdoğan said",
            &[(1, 1, "PER"), (2, 2, "PER")],
            &[("Recep Tayyip Erdoğan", "PER")],
        );
        check(
            "in Recep Tayyip",
            &[(1, 1, "PER"), (2, 1, "LOC")],
            &[("Recep", "PER"), ("Tayyip", "LOC")],
        );
        // A first name of either sex ("Jamie", "Chris") counts too.
        check(
            "said Jamie Carragher .",
            &[(1, 1, "PER"), (2, 1, "PER")],
            &[("Jamie Carragher", "PER")],
        );
        check(
            "Mark Paris said",
            &[(0, 1, "PER"), (1, 1, "LOC")],
            &[("Mark", "PER"), ("Paris", "LOC")],
        );
        // Not after a word that is no first name.
        check("the Nations Haley", &[(1, 1, "ORG")], &[("Nations", "ORG")]);
        // After an office or honorific, a one-word name runs on into a
        // surname that a lower-case word or punctuation follows.
        check(
            "Prime Minister Mateusz Morawiecki tweeted",
            &[(2, 1, "PER")],
            &[("Mateusz Morawiecki", "PER")],
        );
        check(
            "said Dr Okonjo Iweala .",
            &[(2, 1, "PER")],
            &[("Okonjo Iweala", "PER")],
        );
        check(
            "President Obama White House",
            &[(1, 1, "PER")],
            &[("Obama", "PER")],
        );
        check(
            "Mayor Smith Tuesday said",
            &[(1, 1, "PER")],
            &[("Smith", "PER")],
        );
        check(
            "the Okonjo Iweala said",
            &[(1, 1, "PER")],
            &[("Okonjo", "PER")],
        );
    }
}
