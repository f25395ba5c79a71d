//! A country, province or city of 100,000 people the gazetteer knows by
//! a name of several words is one place, whatever pieces the tagger cut
//! it into: "Democratic" MISC + "Congo" LOC is the Democratic Republic of
//! the Congo (not the Republic of the Congo, the other country, which
//! "Congo" alone resolved to), "Jammu" + "Kashmir" is Jammu and Kashmir,
//! "Bosnia" + "Herzegovina" one country, "Dera" + "Ismail Khan" one city.
//! The name must open and end with a capitalised word and hold the chunk
//! it was found from; a chunk that runs past it is the tagger's reading
//! of something longer ("Bosnia and Herzegovina Football Federation")
//! and is left alone, as is a name the tagger left untagged altogether.

use super::chunks::{self, capitalised};
use crate::gazetteer::{Gazetteer, Kind};
use crate::ner::Chunk;

/// Longest name looked for, in words ("Saint Vincent and the
/// Grenadines").
const MAX_WORDS: usize = 6;

/// The longest country, province, region, continent or city (of 100,000
/// people) name of two words or more that starts at word `start`: its
/// end.
fn longest_place(words: &[&str], start: usize, gaz: &Gazetteer) -> Option<usize> {
    let mut name = String::new();
    let mut found = None;
    for end in start + 1..=(start + MAX_WORDS).min(words.len()) {
        let w = words[end - 1];
        if end > start + 1 {
            name.push(' ');
        }
        name.extend(w.chars().flat_map(char::to_lowercase));
        let place = || {
            gaz.kinds_of_lower(&name).any(|k| {
                matches!(
                    k,
                    Kind::Country | Kind::Province | Kind::Region | Kind::Continent
                )
            })
        };
        // (Or a city of 100,000 people: "Dera Ismail Khan", "Rio de
        // Janeiro"; smaller towns share too many names with other things.)
        if end - start >= 2 && capitalised(w) && (place() || gaz.is_notable(&name, 100_000)) {
            found = Some(end);
        }
    }
    found
}

/// The chunks with each several-word place name made one LOC chunk (see
/// the module note).
pub(super) fn mend(cs: Vec<Chunk>, words: &[&str], gaz: &Gazetteer) -> Vec<Chunk> {
    let mut cs = cs;
    let mut k = 0;
    while k < cs.len().min(chunks::MAX_TRIGGERS) {
        let c = cs[k].clone();
        k += 1;
        // A longer name goes on past the chunk with a capital or a
        // connector ("Democratic" + "Republic", "Jammu" + "and"); most
        // chunks are followed by neither.
        let goes_on = words.get(c.end).is_some_and(|w| {
            capitalised(w) || matches!(*w, "and" | "of" | "the" | "del" | "de" | "do" | "-")
        });
        if !goes_on || !capitalised(words[c.start]) {
            continue;
        }
        let Some(end) = longest_place(words, c.start, gaz) else {
            continue;
        };
        // Already one chunk of its own: its type is the tagger's to give.
        if end == c.end || chunks::crosses(&cs, c.start, end) {
            continue;
        }
        if end > c.end {
            chunks::put(&mut cs, c.start, end, "LOC");
            k = cs.iter().position(|x| x.start >= end).unwrap_or(cs.len());
        }
    }
    cs
}

/// "General Santos City", "Fort Worth": a place whose name opens with a
/// title is a place, its title kept, also when the tagger left the title
/// out ("General" + "Santos City", the title free of other chunks,
/// `free_before`): `c` widened over it and typed LOC, and true. (The
/// cheap tests first: this runs for every chunk.)
pub(super) fn titled(c: &mut Chunk, words: &[&str], free_before: bool, gaz: &Gazetteer) -> bool {
    use super::wordlists::{is_honorific, is_office};
    let title = |w: &str| w.starts_with(char::is_uppercase) && (is_honorific(w) || is_office(w));
    if c.start > 0
        && free_before
        && title(words[c.start - 1])
        && place_opening(&words[c.start - 1..c.end], gaz)
    {
        c.start -= 1;
    }
    let titled =
        c.end - c.start >= 2 && title(words[c.start]) && place_opening(&words[c.start..c.end], gaz);
    if titled {
        c.kind = "LOC";
    }
    titled
}

/// Whether the first two or three of `name`'s words are a city, region or
/// country the gazetteer knows under that name ("General Santos" of
/// "General Santos City"), written as a name.
fn place_opening(name: &[&str], gaz: &Gazetteer) -> bool {
    (2..=name.len().min(3)).any(|k| {
        let words = &name[..k];
        words.iter().all(|w| w.starts_with(char::is_uppercase))
            && gaz.kinds(&words.join(" ")).iter().any(|k| k.is_territory())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, tagged: &[(usize, usize, &'static str)], expect: &[(&str, &str)]) {
        super::super::tests::check_chunks(mend, sentence, tagged, expect);
    }

    #[test]
    fn a_place_of_several_words_is_one_chunk() {
        check(
            "in the Democratic Republic of the Congo , where",
            &[(2, 1, "MISC"), (6, 1, "LOC")],
            &[("Democratic Republic of the Congo", "LOC")],
        );
        check(
            "visits Jammu and Kashmir and Bosnia and Herzegovina .",
            &[(1, 1, "ORG"), (3, 1, "LOC"), (5, 1, "LOC"), (7, 1, "LOC")],
            &[
                ("Jammu and Kashmir", "LOC"),
                ("Bosnia and Herzegovina", "LOC"),
            ],
        );
        // Pieces the tagger found inside, the rest untagged.
        check(
            "the Democratic Republic of the Congo said",
            &[(1, 1, "MISC")],
            &[("Democratic Republic of the Congo", "LOC")],
        );
        // One chunk already: its type stays the tagger's.
        check(
            "in Bosnia and Herzegovina today",
            &[(1, 3, "ORG")],
            &[("Bosnia and Herzegovina", "ORG")],
        );
        // A chunk running past the name is another reading.
        check(
            "the Bosnia and Herzegovina Football Federation said",
            &[(1, 1, "LOC"), (3, 3, "ORG")],
            &[
                ("Bosnia", "LOC"),
                ("Herzegovina Football Federation", "ORG"),
            ],
        );
        // Nothing to mend: a place of one word, names that are no place.
        check(
            "Congo and Rwanda met in Kigali",
            &[(0, 1, "LOC"), (2, 1, "LOC"), (5, 1, "LOC")],
            &[("Congo", "LOC"), ("Rwanda", "LOC"), ("Kigali", "LOC")],
        );
        check(
            "in Dera Ismail Khan district",
            &[(1, 1, "LOC"), (2, 2, "PER")],
            &[("Dera Ismail Khan", "LOC")],
        );
        check(
            "Marks and Spencer said",
            &[(0, 1, "PER"), (2, 1, "PER")],
            &[("Marks", "PER"), ("Spencer", "PER")],
        );
    }
}
