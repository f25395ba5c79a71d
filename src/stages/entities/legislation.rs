//! A bill is named with its title: "the Prevention of Terrorism Bill",
//! "a shortened Finance Bill", "Kill Bill", "the Bill of Rights". The
//! tagger made the bare "Bill" a person (in 21 of the 2,225 BBC articles)
//! and left the title's words out. A "Bill" after a title of capitalised
//! words (joined by "of" or "and"), or after "the" or "a", and before no
//! surname, is one MISC chunk with its title, as CoNLL types laws and
//! works. "Bill Clinton", "told Bill" and a sentence's "Bill said" are
//! left to the tagger.

use super::chunks::{self, name_word};
use crate::gazetteer::Gazetteer;
use crate::ner::Chunk;

/// The chunks with each bill made one MISC chunk (see the module note).
pub(super) fn mend(cs: Vec<Chunk>, words: &[&str], _gaz: &Gazetteer) -> Vec<Chunk> {
    let at: Vec<usize> = (1..words.len())
        .filter(|&i| words[i] == "Bill")
        .take(chunks::MAX_TRIGGERS)
        .collect();
    let mut cs = cs;
    for i in at {
        // Not a given name before a surname ("Bill Clinton"), unless "of"
        // goes on ("Bill of Rights").
        let next = words.get(i + 1).copied().unwrap_or("");
        let mut end = i + 1;
        if next == "of" && words.get(i + 2).is_some_and(|w| name_word(w)) {
            end = i + 3;
        } else if chunks::capitalised(next) {
            continue;
        }
        // The title before it: capitalised words, "of" or "and" between
        // two of them ("Serious Organised Crime and Police").
        let mut start = i;
        while start > 0 {
            let w = words[start - 1];
            let connective = matches!(w, "of" | "and")
                && start >= 2
                && name_word(words[start - 2])
                && start < i;
            if (name_word(w) && !crate::nlp::is_stopword(&w.to_lowercase())) || connective {
                start -= 1;
            } else {
                break;
            }
        }
        let determiner = start > 0
            && matches!(words[start - 1], "the" | "The" | "a" | "A" | "this" | "This" | "that");
        if (start == i && !determiner) || chunks::crosses(&cs, start, end) {
            continue;
        }
        chunks::put(&mut cs, start, end, "MISC");
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
    fn a_bill_is_named_with_its_title() {
        check(
            "MPs debated the Prevention of Terrorism Bill today",
            &[(5, 1, "PER")],
            &[("Prevention of Terrorism Bill", "MISC")],
        );
        check(
            "They opposed the Serious Organised Crime and Police Bill again",
            &[(8, 1, "PER")],
            &[("Serious Organised Crime and Police Bill", "MISC")],
        );
        check("Lords will oppose the Bill in May", &[(4, 1, "PER")], &[("Bill", "MISC")]);
        check(
            "Parts of the Bill of Rights survive",
            &[(3, 1, "PER")],
            &[("Bill of Rights", "MISC")],
        );
        // A person's given name stays the tagger's.
        check(
            "He met President Bill Clinton there",
            &[(2, 3, "PER")],
            &[("President Bill Clinton", "PER")],
        );
        check("He told Bill the news", &[(2, 1, "PER")], &[("Bill", "PER")]);
    }

    #[test]
    fn the_bare_bill_is_the_bill_named_or_a_given_name() {
        use super::super::tests::check as check_text;
        // "The Bill" is the last bill named; "Bill" alone is no head noun.
        check_text(
            "MPs debated the Hunting Bill on Monday. The Bill was passed by 20 votes.",
            &[("Hunting Bill", "MISC", &["Bill"])],
        );
        check_text(
            "Smith met his old friend. He told Bill the news. Bill laughed and Bill Gates said nothing.",
            &[("Bill Gates", "PER", &[])],
        );
    }
}
