//! Journals and outlets a phrase names: "In findings published on
//! Wednesday in Science Advances, researchers …", "published a study in
//! Scientific Reports, an online journal", "the journal Current Biology",
//! "news broadcaster NRK later reported". News annotation types a
//! journal, a paper or a broadcaster as an organisation; the tagger
//! leaves most such names out (their words are everyday ones: "Science",
//! "Reports") or reads them as places. The capitalised name right after
//! "published … in" or after an outlet's descriptor becomes an ORG
//! mention, or a mention of exactly that name becomes ORG. Not a month,
//! a weekday, a language or a place ("published in March", "in
//! English", "in London").

use crate::document::Span;
use crate::gazetteer::Gazetteer;
use crate::nlp::Token;

use super::mentions::Mention;

/// Descriptors an outlet's name follows ("journal Nature Astronomy"),
/// as one word; "agency", "site" and "website" only after "news".
const DESCRIPTORS: &[&str] = &[
    "journal",
    "magazine",
    "newspaper",
    "broadcaster",
    "tabloid",
    "agency",
    "site",
    "website",
];

/// Languages something is published in ("in English"), which the
/// gazetteer's demonyms do not all cover.
#[rustfmt::skip]
const LANGUAGES: &[&str] = &[
    "English", "French", "Spanish", "German", "Arabic", "Chinese", "Mandarin", "Russian",
    "Japanese", "Hindi", "Urdu", "Hebrew", "Portuguese", "Italian", "Korean", "Dutch", "Latin",
    "Welsh", "Irish", "Persian", "Farsi", "Turkish", "Greek", "Swedish", "Polish", "Braille",
];

/// Words a name's run may hold between capitalised words.
#[rustfmt::skip]
const CONNECTORS: &[&str] = &[
    "of", "and", "&", "for", "am", "de", "der", "des", "du", "della", "di", "la", "le", "el",
];

/// At most this many names are taken from one article.
const MAX_NAMES: usize = 32;

/// `mentions` (in text order) with the journals and outlets named (see
/// the module note) typed ORG or added, outside `skip`. `tokens` are the
/// text's: the words "published" and the descriptors are found among
/// them (one pass over the tokens, not one scan of the text per word).
pub(super) fn mark(
    text: &str,
    tokens: &[Token],
    mut mentions: Vec<Mention>,
    skip: &[Span],
    gaz: &Gazetteer,
) -> Vec<Mention> {
    let mut names: Vec<(usize, usize)> = Vec::new();
    for t in tokens {
        let word = t.text(text);
        // (Length first: most words are neither.)
        if !(4..=11).contains(&word.len()) || !text[t.end..].starts_with(' ') {
            continue;
        }
        let from = t.end + 1;
        if word == "published" {
            if let Some(from) = after_published(text, from) {
                names.extend(name_at(text, from, gaz));
            }
        } else if DESCRIPTORS.contains(&word)
            && (!matches!(word, "agency" | "site" | "website")
                || text[..t.start].ends_with("news "))
        {
            names.extend(name_at(text, from, gaz));
        }
    }
    names.sort_unstable();
    names.dedup();
    names.truncate(MAX_NAMES);
    let mut added = Vec::new();
    for (start, end) in names {
        if skip.iter().any(|s| s.start < end && start < s.end) {
            continue;
        }
        match mentions.iter_mut().find(|m| m.start < end && start < m.end) {
            Some(m) if m.start == start && m.end == end => m.kind = "ORG",
            Some(_) => {}
            None => added.push(Mention {
                text: text[start..end].to_string(),
                start,
                end,
                kind: "ORG",
            }),
        }
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.start);
    }
    mentions
}

/// Where the name starts after "published " (byte `from`): past up to four
/// words in lower case, a date's words or numbers ("on Wednesday", "a
/// study", "online last month"), then " in " and a "the journal" or
/// "the" before a capitalised name.
fn after_published(text: &str, from: usize) -> Option<usize> {
    let window = &text[from..crate::text::floor_char_boundary(text, (from + 60).min(text.len()))];
    let words_end = if window.starts_with("in ") {
        0
    } else {
        window.find(" in ")? + 1
    };
    let before = &window[..words_end];
    let fits = before.split_whitespace().count() <= 4
        && before.split_whitespace().all(|w| {
            w.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
                || crate::stages::dates::calendar_name(&w.to_lowercase())
        });
    if !fits {
        return None;
    }
    let mut at = from + words_end + "in ".len();
    for lead in ["the journal ", "the "] {
        if text[at..].starts_with(lead) {
            at += lead.len();
            break;
        }
    }
    Some(at)
}

/// The name at byte `from`: capitalised words (and connectors between
/// them) up to a lower-case word or a punctuation mark, if it may be a
/// journal's or an outlet's.
fn name_at(text: &str, from: usize, gaz: &Gazetteer) -> Option<(usize, usize)> {
    let rest = &text[from..];
    let mut end = 0; // bytes of `rest` the name holds
    let mut pos = 0;
    for (i, word) in rest.split(' ').enumerate() {
        if i >= 8 {
            break;
        }
        let core = word.trim_end_matches([',', '.', ';', ':', ')', '\n']);
        let capital = core.starts_with(|c: char| c.is_uppercase())
            && core
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '&' | '\''));
        // (A date ends the name: "in The Lancet on Friday".)
        if capital && crate::stages::dates::calendar_name(&core.to_lowercase()) {
            break;
        }
        if capital {
            end = pos + core.len();
        } else if !(end > 0 && CONNECTORS.contains(&core)) {
            break;
        }
        if core.len() < word.len() || word.contains('\n') {
            break;
        }
        pos += word.len() + 1;
    }
    // "broadcaster BSkyB's stake": the name without a possessive at its
    // end (inside, it is the name's: "Jane's Defence Weekly").
    let name = &rest[..end];
    let name = name
        .strip_suffix("'s")
        .or_else(|| name.strip_suffix("’s"))
        .unwrap_or(name);
    let end = name.len();
    let first = name.split(' ').next()?;
    let first_lower = first.to_lowercase();
    let rejected = name.len() < 2
        || first == "The" && !name.contains(' ')
        || crate::stages::dates::calendar_name(&first_lower)
        || LANGUAGES.contains(&first)
        || !gaz.lookup(name).is_empty()
        || !gaz
            .lookup(name.strip_prefix("The ").unwrap_or(name))
            .is_empty()
        || crate::nlp::is_stopword(&first_lower) && first != "The";
    (!rejected).then_some((from, from + end))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names `mark` leaves typed ORG, with `tagged` as the tagger's
    /// mentions.
    fn check(text: &str, tagged: &[(&str, &'static str)], expect: &[(&str, &str)]) {
        let mentions = super::super::mention::placed(text, tagged);
        let tokens = crate::nlp::Analysed::of(text).tokens;
        let got: Vec<(String, &str)> = mark(text, &tokens, mentions, &[], Gazetteer::embedded())
            .into_iter()
            .map(|m| (m.text, m.kind))
            .collect();
        let want: Vec<(String, &str)> = expect.iter().map(|&(t, k)| (t.to_string(), k)).collect();
        assert_eq!(got, want, "{text}");
    }

    #[test]
    fn journals_after_published_in_and_outlets_after_a_descriptor() {
        check(
            "In findings published on Wednesday in Science Advances, researchers said.",
            &[],
            &[("Science Advances", "ORG")],
        );
        check(
            "In findings published Wednesday in Environmental Science and Technology, it said.",
            &[],
            &[("Environmental Science and Technology", "ORG")],
        );
        check(
            "They published a study in Scientific Reports, an online journal.",
            &[("Scientific Reports", "LOC")],
            &[("Scientific Reports", "ORG")],
        );
        check(
            "A report in the journal Current Biology found that rats help.",
            &[],
            &[("Current Biology", "ORG")],
        );
        check(
            "But news broadcaster NRK later reported the fire.",
            &[],
            &[("NRK", "ORG")],
        );
        check(
            "after buying broadcaster BSkyB's stake.",
            &[],
            &[("BSkyB", "ORG")],
        );
        check(
            "The magazine Jane's Defence Weekly said so.",
            &[],
            &[("Jane's Defence Weekly", "ORG")],
        );
        check(
            "The newspaper Welt am Sonntag said so.",
            &[],
            &[("Welt am Sonntag", "ORG")],
        );
        check(
            "The paper was published in The Lancet on Friday.",
            &[],
            &[("The Lancet", "ORG")],
        );
    }

    #[test]
    fn months_languages_places_and_tagged_longer_names_are_left() {
        check("The book was published in March by Penguin.", &[], &[]);
        check("It was published in English and French.", &[], &[]);
        check("The study was published in London last year.", &[], &[]);
        check(
            "The letter was published in the New York Times on Monday.",
            &[("New York Times", "ORG")],
            &[("New York Times", "ORG")],
        );
        check(
            "It was published in the Journal of Medicine Today, a journal.",
            &[("Journal of Medicine", "ORG")],
            &[("Journal of Medicine", "ORG")],
        );
        check("Unpublished in Science circles.", &[], &[]);
        check("It was published by scientists in China.", &[], &[]);
        check("The newspaper said on Monday it would close.", &[], &[]);
    }
}
