//! Armed forces and units are organisations named by their head noun:
//! "Rapid Support Forces", "Sudanese Armed Forces", "Israel Defense
//! Forces", "Israeli Air Force", "Nigerian Army", "Turkish Coast Guard",
//! "U.S. Central Command". The tagger, trained on 1996 wire copy, left
//! most of them untagged or kept only the country ("Sudanese" MISC,
//! "Israel" LOC), so a force became a place. A run of capitalised words
//! ending in such a head, two words or more and nothing capitalised
//! after the head ("Armed Forces Day", "Air Force One" are the tagger's
//! to read), is one organisation, a country or demonym opening it
//! included (as CoNLL's "Mexican Army"). A chunk running past the run is
//! another reading and stays; so does a run that is one chunk already.

use super::chunks;
use crate::gazetteer::Gazetteer;
use crate::ner::Chunk;
use crate::nlp;

/// Heads of armed forces and units, lower-cased; sorted (binary search).
const HEADS: &[&str] = &[
    "army", "brigade", "brigades", "command", "corps", "force", "forces", "guard", "guards",
    "marines", "militia", "navy",
];

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn head(w: &str) -> bool {
    capitalised(w) && HEADS.binary_search(&w.to_lowercase().as_str()).is_ok()
}

/// The chunks with each force's name made one ORG chunk (see the module
/// note).
pub(super) fn mend(cs: Vec<Chunk>, words: &[&str], _gaz: &Gazetteer) -> Vec<Chunk> {
    let at: Vec<usize> = (1..words.len())
        .filter(|&i| head(words[i]) && !words.get(i + 1).is_some_and(|w| capitalised(w)))
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
            {
                break;
            }
            start -= 1;
        }
        let end = i + 1;
        let whole = cs.iter().any(|c| c.start == start && c.end == end);
        if end - start < 2 || whole || chunks::crosses(&cs, start, end) {
            continue;
        }
        chunks::put(&mut cs, start, end, "ORG");
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
    fn heads_are_sorted_for_binary_search() {
        assert!(HEADS.windows(2).all(|w| w[0] < w[1]));
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
}
