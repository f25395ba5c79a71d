//! Tagger slips that rules catch reliably, mended on a sentence's chunks
//! before any other rule reads them: an office run into a person's name,
//! a facility's or body's head noun, a unit's ordinal.

use crate::gazetteer::Gazetteer;
use crate::ner::Chunk;

/// Fix tagger slips that rules catch reliably:
/// an office tagged as an organisation before a person ("U.S. Secretary of
/// State Mike" + "Pompeo") gives its trailing name words to the person;
/// a chunk ending in a facility or organisation head noun takes that type,
/// absorbing an adjacent chunk before it ("Pope" + "Army Airfield");
/// an organisation takes the ordinal just before it, which is part of a
/// unit's name ("82nd" + "Airborne Division", "7th" + "Fleet").
pub(super) fn repair(cs: Vec<Chunk>, words: &[&str], gaz: &Gazetteer) -> Vec<Chunk> {
    use crate::nlp::titles::{is, ENDS_OFFICE, OFFICE_TAIL};
    let is_title = |i: usize| is(words[i], ENDS_OFFICE | OFFICE_TAIL);
    // "State", "Affairs", "Prime" end an office only after a core title
    // ("Secretary of State"); alone they are part of a name ("Washington
    // State University", "Prime Video").
    let is_core_title = |i: usize| is(words[i], ENDS_OFFICE);
    let capitalised = |i: usize| words[i].chars().next().is_some_and(char::is_uppercase);
    let mut split: Vec<Chunk> = Vec::with_capacity(cs.len());
    let mut k = 0;
    while k < cs.len() {
        let c = cs[k].clone();
        k += 1;
        let person_next = cs
            .get(k)
            .is_some_and(|n| n.start == c.end && n.kind == "PER");
        let office = (c.start..c.end)
            .rev()
            .find(|&t| is_title(t))
            .filter(|&t| (c.start..=t).any(is_core_title))
            .filter(|&t| c.kind != "PER" && (t + 1 < c.end || person_next))
            // "Information Commissioner's Office": a body named for its
            // office, no person after it.
            .filter(|&t| !matches!(words.get(t + 1), Some(&("'s" | "’s"))))
            // "High Commissioner for Refugees": a lower-case word after the
            // office ("for") opens no person's name; the office is part of
            // a body's. ("of" is split off still: "Chancellor" + "of
            // Germany", the place then a mention of its own.)
            .filter(|&t| t + 1 >= c.end || capitalised(t + 1) || words[t + 1] == "of")
            // "General Electric Co": a name ending in a firm's legal form
            // is the firm's, no officer's.
            .filter(|_| !crate::nlp::legal_forms::is_abbreviated(words[c.end - 1]));
        match office {
            Some(t) => {
                // The office's own head ("U.S." in "U.S. Secretary of State").
                let first_title = (c.start..=t).find(|&i| is_title(i)).unwrap_or(t);
                if first_title > c.start {
                    split.push(Chunk {
                        start: c.start,
                        end: first_title,
                        kind: c.kind,
                    });
                }
                // The name after the office, extended over following
                // capitalised words and an adjacent person chunk.
                let mut end = c.end;
                while end < words.len()
                    && capitalised(end)
                    && cs.get(k).is_none_or(|n| n.start != end)
                {
                    end += 1;
                }
                if let Some(n) = cs.get(k).filter(|n| n.start == end && n.kind == "PER") {
                    end = n.end;
                    k += 1;
                }
                if end > t + 1 {
                    split.push(Chunk {
                        start: t + 1,
                        end,
                        kind: "PER",
                    });
                }
            }
            _ => split.push(c),
        }
    }
    super::heads::retype(split, words, gaz)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, tagged: &[(usize, usize, &'static str)], expect: &[(&str, &str)]) {
        super::super::tests::check_chunks(repair, sentence, tagged, expect);
    }

    #[test]
    fn an_office_run_into_a_name_gives_the_name_its_words() {
        check(
            "U.S. Secretary of State Mike Pompeo said",
            &[(0, 5, "ORG"), (5, 1, "PER")],
            &[("U.S.", "ORG"), ("Mike Pompeo", "PER")],
        );
        // A body named for its office has no person after the office.
        check(
            "the Information Commissioner 's Office said",
            &[(1, 4, "ORG")],
            &[("Information Commissioner 's Office", "ORG")],
        );
        check(
            "after the United Nations High Commissioner for Refugees recommended",
            &[(2, 6, "ORG")],
            &[("United Nations High Commissioner for Refugees", "ORG")],
        );
    }
}
