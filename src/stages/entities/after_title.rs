//! The name after a person's title is a person's: "defence minister
//! Israel Katz", "chancellor Friedrich Merz", "president Samia Suluhu
//! Hassan", "Vice President JD Vance". The tagger, trained on 1996 wire
//! copy, often reads the first word as what it most often is elsewhere
//! (Israel LOC, Friedrich ORG) and leaves the rest out ("Katz", "Merz"),
//! or cuts a name it does not know in two ("Samia" + "Suluhu Hassan").
//! A title that makes the name after it a person's (`nlp::titles`
//! PERSON: offices, honorifics, trades), then two to four name words
//! (capitalised; initials such as "JD" or "R." before the last), then a
//! word that is none, is one PER chunk when a given name (of any
//! country), initials or a person's chunk open it. Left alone: a run
//! the tagger read as one chunk ("coach Manchester United" stays its
//! ORG), a run a chunk runs past, a run holding a head noun ("Airport"),
//! a month, a weekday, a title or a function word, and a longer run.

use super::chunks;
use crate::gazetteer::Gazetteer;
use crate::ner::Chunk;
use crate::nlp::gender::FirstNames;
use crate::nlp::titles::{self, PERSON};

/// Initials before a surname: "JD", "J.D.", "R."; not a two-letter
/// abbreviation ("TV", "UK").
pub(super) fn initials(w: &str) -> bool {
    // Most words fail here (this runs on every word).
    if !(1..=4).contains(&w.len()) || !w.as_bytes()[0].is_ascii_uppercase() {
        return false;
    }
    let letters = w.chars().filter(|c| *c != '.').count();
    (1..=2).contains(&letters)
        && w.chars().all(|c| c.is_ascii_uppercase() || c == '.')
        && (letters == 2 || w.ends_with('.'))
        && !matches!(
            w,
            "AI" | "EU" | "HR" | "IT" | "MP" | "PM" | "PR" | "TV" | "UK" | "UN" | "US"
        )
}

/// A word of a person's name after a title: not a title itself ("Sir
/// Alex Ferguson" keeps its styled name as the tagger read it).
fn name_word(w: &str) -> bool {
    chunks::name_word(w) && !titles::is(w, PERSON) && !super::runon::names_something_else(w)
}

/// The chunks with each name after a person's title made one PER chunk
/// (see the module note).
pub(super) fn mend(cs: Vec<Chunk>, words: &[&str], _gaz: &Gazetteer) -> Vec<Chunk> {
    let at: Vec<usize> = (0..words.len().saturating_sub(2))
        .filter(|&i| {
            // Two capitalised words must follow (two name words at least).
            let (next, after) = (words[i + 1], words[i + 2]);
            next.starts_with(char::is_uppercase)
                && after.starts_with(char::is_uppercase)
                && (chunks::name_word(next) || initials(next))
                && titles::is(words[i].trim_end_matches('.'), PERSON)
        })
        .take(chunks::MAX_TRIGGERS)
        .collect();
    let given = FirstNames::embedded();
    let mut cs = cs;
    for t in at {
        let start = t + 1;
        let mut end = start;
        while end < words.len() && end - start < 5 {
            let w = words[end];
            let last_so_far = !words
                .get(end + 1)
                .is_some_and(|n| name_word(n) || initials(n));
            if name_word(w) || initials(w) && !last_so_far {
                end += 1;
            } else {
                break;
            }
        }
        let n = end - start;
        // A given name (of any country), initials or a word the tagger
        // called a person open it: "General
        // Accounting Office", "nominee Million Dollar Baby" are no one.
        let opens = initials(words[start])
            || given.is_given_name(words[start])
            || cs.iter().any(|c| c.start == start && c.kind == "PER");
        if !(2..=4).contains(&n) || !chunks::name_word(words[end - 1]) || !opens {
            continue;
        }
        if chunks::whole(&cs, start, end) || chunks::crosses(&cs, start, end) {
            continue;
        }
        chunks::put(&mut cs, start, end, "PER");
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
    fn the_name_after_a_title_is_a_person() {
        check(
            "defence minister Israel Katz says",
            &[(2, 1, "LOC")],
            &[("Israel Katz", "PER")],
        );
        check(
            "German chancellor Friedrich Merz meets",
            &[(0, 1, "MISC"), (2, 1, "ORG")],
            &[("German", "MISC"), ("Friedrich Merz", "PER")],
        );
        check(
            "president Samia Suluhu Hassan wins",
            &[(1, 1, "PER"), (2, 2, "PER")],
            &[("Samia Suluhu Hassan", "PER")],
        );
        check(
            "Vice President JD Vance visits",
            &[(2, 1, "PER"), (3, 1, "PER")],
            &[("JD Vance", "PER")],
        );
        // One chunk already; one word; a head noun; too long; initials last.
        check(
            "coach Manchester United said",
            &[(1, 2, "ORG")],
            &[("Manchester United", "ORG")],
        );
        check(
            "President Trump said",
            &[(1, 1, "PER")],
            &[("Trump", "PER")],
        );
        check("minister Kuwait Airport said", &[], &[]);
        check("minister Ann Bo Cy Di Ed said", &[], &[]);
        check("president Biden JD said", &[], &[]);
        check("the General Accounting Office said", &[], &[]);
        check(
            "UK nominee TV Diaries is",
            &[(0, 1, "LOC")],
            &[("UK", "LOC")],
        );
        check(
            "manager Sir Alex Ferguson said",
            &[(1, 3, "PER")],
            &[("Sir Alex Ferguson", "PER")],
        );
    }
}
