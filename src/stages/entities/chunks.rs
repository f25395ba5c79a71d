//! Edits of one sentence's chunk list shared by the chunk rules that
//! join words into one name (`ampersand.rs`, `aged.rs`, `surname.rs`,
//! `particles.rs`, `whole_places.rs`, `numerals.rs`, `bodies.rs`,
//! `ships.rs`, `after_title.rs`), the word tests they share, and the
//! possessive left out of a person's name before them all.

use crate::ner::Chunk;

/// Triggers a rule looks at per sentence: each scans the sentence's
/// chunks, so a hostile "sentence" of 100,000 of them must not cost
/// 100,000 scans. A real sentence has a handful.
pub(super) const MAX_TRIGGERS: usize = 32;

/// A word that opens with a capital ("Airport", "US", "É").
pub(super) fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A word written as a name: a capital, at least one lower-case letter,
/// letters only but for a hyphen or an apostrophe inside ("Leyen",
/// "O'Brien", "Smith-Jones"; not "US" or "NASA").
pub(super) fn name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().any(char::is_lowercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

/// Whether a chunk overlaps words `start..end` and runs past either end:
/// the tagger's reading of a longer name, which a rule leaves alone.
pub(super) fn crosses(cs: &[Chunk], start: usize, end: usize) -> bool {
    cs.iter()
        .any(|c| c.start < start && start < c.end || c.start < end && end < c.end)
}

/// Whether one chunk is exactly words `start..end`: the tagger read the
/// name as the rule would, and its type stands.
pub(super) fn whole(cs: &[Chunk], start: usize, end: usize) -> bool {
    cs.iter().any(|c| c.start == start && c.end == end)
}

/// A chunk of words `start..end` typed `kind` in place of the chunks
/// inside it, the list kept in order.
pub(super) fn put(cs: &mut Vec<Chunk>, start: usize, end: usize, kind: &'static str) {
    let chunk = Chunk { start, end, kind };
    cs.retain(|c| !(chunk.start <= c.start && c.end <= chunk.end));
    let at = cs
        .iter()
        .position(|c| c.start >= chunk.end)
        .unwrap_or(cs.len());
    cs.insert(at, chunk);
}

/// "Jair" PER + "Bolsonaro 's" LOC: a person's one-word name with the
/// possessive the tagger took in, or a place's right after a person's
/// chunk, is the bare name, so the rules after see "Bolsonaro". Alone, a
/// place or a firm keeps it ("Claridge's", "Sotheby's", "Moody's");
/// longer names lose the possessive later, when mentions are cut.
pub(super) fn possessive_out(mut cs: Vec<Chunk>, words: &[&str]) -> Vec<Chunk> {
    for k in 0..cs.len() {
        let after_person = k > 0 && cs[k - 1].end == cs[k].start && cs[k - 1].kind == "PER";
        let c = &mut cs[k];
        if c.end - c.start == 2
            && (c.kind == "PER" || (after_person && c.kind == "LOC"))
            && matches!(words[c.end - 1], "'s" | "’s")
        {
            c.end -= 1;
        }
    }
    cs
}

/// "the Reagan Administration", capitalised as 1987 wire copy and some
/// US papers write it, which the tagger took whole as a person: the
/// person is the name before "Administration", as in "the Reagan
/// administration" ("Reagan"), so that it joins "President Reagan" and
/// the type evidence reads the word after it. A body's chunk ("Drug
/// Enforcement Administration", "Veterans Administration") is left.
pub(super) fn administration_out(mut cs: Vec<Chunk>, words: &[&str]) -> Vec<Chunk> {
    for c in &mut cs {
        if c.kind == "PER" && c.end - c.start >= 2 && words[c.end - 1] == "Administration" {
            c.end -= 1;
        }
    }
    cs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_presidents_administration_is_the_presidents_name() {
        let check =
            |sentence: &str, tagged: &[(usize, usize, &'static str)], expect: &[(&str, &str)]| {
                super::super::tests::check_chunks(
                    |cs, words, _| administration_out(cs, words),
                    sentence,
                    tagged,
                    expect,
                )
            };
        check(
            "The Reagan Administration decided",
            &[(1, 2, "PER")],
            &[("Reagan", "PER")],
        );
        check(
            "the George W. Bush Administration 's plan",
            &[(1, 4, "PER")],
            &[("George W. Bush", "PER")],
        );
        // A body's name; a bare "Administration".
        check(
            "the Drug Enforcement Administration said",
            &[(1, 3, "ORG")],
            &[("Drug Enforcement Administration", "ORG")],
        );
        check(
            "the Administration said",
            &[(1, 1, "PER")],
            &[("Administration", "PER")],
        );
    }

    #[test]
    fn a_persons_possessive_is_left_out_of_the_name() {
        let check =
            |sentence: &str, tagged: &[(usize, usize, &'static str)], expect: &[(&str, &str)]| {
                super::super::tests::check_chunks(
                    |cs, words, _| possessive_out(cs, words),
                    sentence,
                    tagged,
                    expect,
                )
            };
        check(
            "president Jair Bolsonaro 's sentence",
            &[(1, 1, "PER"), (2, 2, "LOC")],
            &[("Jair", "PER"), ("Bolsonaro", "LOC")],
        );
        check("Kim 's book", &[(0, 2, "PER")], &[("Kim", "PER")]);
        // A place or a firm alone keeps it; so does a firm after a person.
        check(
            "at Claridge 's hotel",
            &[(1, 2, "LOC")],
            &[("Claridge 's", "LOC")],
        );
        check(
            "Jones Moody 's said",
            &[(0, 1, "PER"), (1, 2, "ORG")],
            &[("Jones", "PER"), ("Moody 's", "ORG")],
        );
    }
}
