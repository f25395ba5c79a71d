//! A ship is named after its prefix: "USS Gerald R. Ford", "HMS Queen
//! Elizabeth", "MV Hondius". The tagger made the prefix a body ("USS"
//! ORG) and the name a person or a firm ("Elizabeth" PER, "R. Ford"
//! ORG), so a warship became a queen. A ship's prefix, then one to four
//! capitalised words (initials and Roman numerals among them), is one
//! MISC chunk, as CoNLL types vehicles, unless a chunk runs past it.
//! Prefixes that are also other things ("MS", multiple sclerosis; "SS")
//! are left out.

use super::chunks;
use crate::gazetteer::Gazetteer;
use crate::ner::Chunk;

/// Ship prefixes: navies' (USS, HMS, HMAS, HMCS, HMNZS, INS, RFA, USNS,
/// USCGC) and merchant ones (MV, RMS, FV).
fn prefix(w: &str) -> bool {
    // Two to five capitals first (this runs on every word).
    let b = w.as_bytes();
    (2..=5).contains(&b.len())
        && b[0].is_ascii_uppercase()
        && b[1].is_ascii_uppercase()
        && matches!(
            w,
            "USS"
                | "USNS"
                | "USCGC"
                | "HMS"
                | "HMAS"
                | "HMCS"
                | "HMNZS"
                | "INS"
                | "RFA"
                | "MV"
                | "RMS"
                | "FV"
        )
}

/// A word of a ship's name: capitalised ("Ford", "R.", "II").
fn name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && !crate::nlp::is_stopword(&w.to_lowercase())
}

/// The chunks with each ship made one MISC chunk (see the module note).
pub(super) fn mend(cs: Vec<Chunk>, words: &[&str], _gaz: &Gazetteer) -> Vec<Chunk> {
    let at: Vec<usize> = (0..words.len().saturating_sub(1))
        .filter(|&i| prefix(words[i]) && name_word(words[i + 1]))
        .take(chunks::MAX_TRIGGERS)
        .collect();
    let mut cs = cs;
    for p in at {
        let mut end = p + 1;
        while end < words.len() && end - p <= 4 && name_word(words[end]) {
            end += 1;
        }
        if chunks::crosses(&cs, p, end) {
            continue;
        }
        chunks::put(&mut cs, p, end, "MISC");
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
    fn a_prefix_and_a_name_are_one_ship() {
        check(
            "The USS Gerald R. Ford and the HMS Queen Elizabeth sail",
            &[(1, 1, "ORG"), (3, 2, "ORG"), (9, 1, "PER")],
            &[
                ("USS Gerald R. Ford", "MISC"),
                ("HMS Queen Elizabeth", "MISC"),
            ],
        );
        check(
            "the MV Hondius docked",
            &[(1, 1, "MISC"), (2, 1, "MISC")],
            &[("MV Hondius", "MISC")],
        );
        // No name after the prefix; a prefix of other things; a longer
        // chunk.
        check("the USS crew", &[(1, 1, "ORG")], &[("USS", "ORG")]);
        check(
            "the MS Society said",
            &[(1, 2, "ORG")],
            &[("MS Society", "ORG")],
        );
        check(
            "former HMS Belfast Trust chief",
            &[(0, 4, "ORG")],
            &[("former HMS Belfast Trust", "ORG")],
        );
    }
}
