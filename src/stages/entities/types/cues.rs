//! What the words in and right around a mention say about the person or
//! place it names, read by `evidence.rs`: a post-nominal ("QC"), "the X
//! administration", a place noun after it ("area", "field"), a
//! transcript's speaker label, a styled or a cleric's name.

use super::super::mentions::Mention;
use super::super::wordlists;
use crate::nlp::gender::FirstNames;
use crate::nlp::titles;

/// A post-nominal right after the name: an honour, a professional rank
/// or a seat ("QC", "MP", "OBE"), a word of its own.
pub(super) fn post_nominal_after(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix(' ') else {
        return false;
    };
    let word = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    matches!(
        word,
        "QC" | "KC" | "MP" | "MEP" | "MSP" | "OBE" | "MBE" | "CBE" | "KBE" | "DBE"
    )
}

/// A kind of work right before the name: "comedy Sideways", "the film
/// Ray", "album Egypt", "soap EastEnders", "thriller Constantine". The
/// tagger, which saw few titles of works, made them people, places and
/// bodies, as their words read. Only a space between, or a comma when
/// one closes the title's apposition after it too ("the novel, Cloud
/// Atlas, makes", "his last album, Genius Loves Company."; "best musical,
/// Victoria Hamilton was best actress" names a person). Not "game" (a
/// match: "the other Group B game Cameroon's"), "play", "show", "single"
/// or "book", verbs and adjectives as often.
pub(super) fn work_before(text: &str, start: usize, end: usize) -> bool {
    #[rustfmt::skip]
    const WORKS: &[&str] = &[
        "album", "biopic", "blockbuster", "comedy", "documentary", "drama", "film", "memoir",
        "movie", "musical", "novel", "opera", "sequel", "series", "sitcom", "soap", "song",
        "thriller", "videogame",
    ];
    // (Asked of every mention: read the few bytes before it in place.)
    let Some(head) = text[..start].strip_suffix(' ') else {
        return false;
    };
    let (head, comma) = match head.strip_suffix(',') {
        Some(h) => (h, true),
        None => (head, false),
    };
    let word = head
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    WORKS.contains(&word) && (!comma || text[end..].starts_with([',', '.', ';']))
}

/// "market leader", "industry leaders", "sector leader" right before the
/// name: a firm leads a market; "leader" alone makes a person.
pub(super) fn firm_leader_before(text: &str, start: usize) -> bool {
    let Some((at, leader)) = crate::nlp::word_before(text, start) else {
        return false;
    };
    matches!(leader, "leader" | "leaders")
        && crate::nlp::word_before(text, at)
            .is_some_and(|(_, w)| matches!(w, "market" | "industry" | "sector"))
}

/// "administration" (a word of its own) right after the name, or
/// "Administration" as wire copy of the 1980s capitalised it.
pub(super) fn administration_after(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches(' ');
    rest.strip_prefix("administration")
        .or_else(|| rest.strip_prefix("Administration"))
        .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric()))
}

/// A lower-case place noun right after the name, closing its phrase: "the
/// Karol Bagh area of the capital", "the Johan Sverdrup oil field.", "its
/// Sassan field, part of"; not a post or a thing of the place ("Chase
/// Manhattan area executive", "a Smith field goal").
pub(super) fn place_noun_after(text: &str, end: usize) -> bool {
    #[rustfmt::skip]
    const NOUNS: &[&str] = &[
        " area", " oil field", " oilfield", " gas field", " field", " district",
        " neighbourhood", " neighborhood", " suburb", " valley",
    ];
    let after = &text[end..];
    NOUNS.iter().any(|n| {
        after.strip_prefix(n).is_some_and(|rest| {
            rest.starts_with([',', '.', ';', ':', ')'])
                || [" of ", " and ", " in ", " near ", " on ", " where "]
                    .iter()
                    .any(|w| rest.starts_with(w))
        })
    })
}

/// A transcript's speaker label: the mention opens its line, in double
/// brackets or before a colon, and the turn's words follow ("((Dorsa
/// Derakhshani)) I got interested", "Mark Hughes: We were poor"; not a
/// wrapped wire line "(Sikorsky Aircraft), and").
pub(super) fn speaker_label(text: &str, m: &Mention) -> bool {
    // Only spaces and brackets back to the line's start (read backwards a
    // few bytes, not the whole paragraph).
    let before = text[..m.start].trim_end_matches([' ', '\t', '(']);
    if !(before.is_empty() || before.ends_with('\n')) {
        return false;
    }
    let prefix = text[before.len()..m.start].trim_start();
    let after = &text[m.end..];
    let rest = if prefix == "((" {
        after.strip_prefix("))")
    } else if prefix.is_empty() {
        after.strip_prefix(':')
    } else {
        None
    };
    rest.map(str::trim_start).is_some_and(|r| {
        r.starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '\u{201c}' | '\''))
    })
}

/// Whether `name` opens with a title that British usage keeps in a
/// person's styled name (Sir, Dame, Lord, Lady, Baron, Baroness) before a
/// capitalised word that is no office or title ("Lord Chancellor") and no
/// "of" ("Lord of the Rings").
pub(super) fn styled_name(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let styled = words.next().is_some_and(wordlists::is_style);
    styled
        && words.next().is_some_and(|w| {
            w.starts_with(char::is_uppercase)
                && !titles::is(w, titles::OFFICE | titles::QUALIFIER | titles::PERSON)
        })
}

/// A cleric's title opening the name before a given name ("Cardinal
/// Cormac Murphy", "Rabbi Jonathan Sacks", "Archbishop Desmond Tutu"): a
/// person, as a styled name is (not "Cardinal Health", "Bishop Auckland").
pub(super) fn clerical_name(name: &str, first_names: &FirstNames) -> bool {
    let mut words = name.split_whitespace();
    words.next().is_some_and(|t| {
        matches!(
            t,
            "Cardinal"
                | "Archbishop"
                | "Bishop"
                | "Rabbi"
                | "Imam"
                | "Pope"
                | "Reverend"
                | "Rev."
                | "Sheikh"
                | "Ayatollah"
                | "Pastor"
        )
    }) && words.next().is_some_and(|g| first_names.is_given_name(g))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_of_work_before_a_name_makes_it_a_title() {
        let check = |text: &str, name: &str, expect: bool| {
            let start = text.find(name).expect("name in text");
            assert_eq!(
                work_before(text, start, start + name.len()),
                expect,
                "{text}"
            );
        };
        check("The comedy Sideways won.", "Sideways", true);
        check("Arnold's film Wasp won.", "Wasp", true);
        check("His novel, Cloud Atlas, sold well.", "Cloud Atlas", true);
        // A comma that closes nothing; a dash; a match; no work noun.
        check(
            "best musical, Vera Hill was best actress",
            "Vera Hill",
            false,
        );
        check("in a musical - Vera Hill for", "Vera Hill", false);
        check("the other Group B game Cameroon beat", "Cameroon", false);
        check("actress Vera Hill won", "Vera Hill", false);
    }
}
