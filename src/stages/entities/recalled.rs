//! Document-level passes over the tagger's mentions, which it made one
//! sentence at a time: the article's other sentences say who a word is.
//!
//! `join_given_names`: a given name or a style the tagger typed as
//! something else, right before a word the article names a person by, is
//! that person's ("Adrian" LOC + "Mutu"); an honorific alone ("Mr" ORG) is
//! no name.
//!
//! `add`: a person's surname alone where the tagger missed it: "U.S. Trade
//! Representative Clayton Yeutter … but Yeutter said yesterday". A name
//! it has not seen, without its first name or title, often gets no tag;
//! the article has already named the person in full. After a person named
//! by two words or more, the last of those words standing alone later,
//! capitalised and in no mention, is a mention of that person (the merge
//! rules then join it to the full name). Not a word run into other
//! capitalised words (part of another name: "Yeutter Associates"), not one
//! the article also writes in lower case ("Brown" beside "brown") or in a
//! name of another type ("Fox" the network), and not a month, weekday,
//! title or function word ("May", "General", "The").

use std::collections::{HashMap, HashSet};

use super::mention::Mention;
use crate::nlp;

/// `out` (the article's mentions, sorted by start) with the surnames the
/// tagger missed added, still sorted. `sentences` are the ones tagged.
pub(super) fn add(
    text: &str,
    tokens: &[nlp::Token],
    sentences: &[nlp::Sentence],
    out: &mut Vec<Mention>,
) {
    // Each surname, and where its first full name ends (`out` is in text
    // order, so the first insert is the earliest). Hashed, not a list: a
    // hostile input names thousands of people.
    let mut surnames: HashMap<&str, usize> = HashMap::new();
    for m in out.iter().filter(|m| m.kind == "PER") {
        let Some((_, last)) = m.text.rsplit_once(' ') else {
            continue;
        };
        if !surnames.contains_key(last) && plausible(last) {
            surnames.insert(last, m.end);
        }
    }
    // Nor a word the article names something else by ("Fox" the network
    // beside "Michael J. Fox").
    for m in out.iter().filter(|m| m.kind != "PER") {
        for w in m.text.split(' ') {
            surnames.remove(w);
        }
    }
    let Some(first) = surnames.values().copied().min() else {
        return;
    };
    // The surnames' first bytes: a word opening with another is no
    // surname, found without hashing it.
    let mut openers = [false; 256];
    for s in surnames.keys() {
        openers[usize::from(s.as_bytes()[0])] = true;
    }
    let capitalised =
        |t: Option<&nlp::Token>| t.is_some_and(|t| t.text(text).starts_with(char::is_uppercase));
    // The article's words in lower case, made once, when first asked.
    let mut lower_words: Option<HashSet<&str>> = None;
    let mut added: Vec<Mention> = Vec::new();
    for s in sentences.iter().filter(|s| {
        tokens[s.tokens.clone()]
            .last()
            .is_some_and(|t| t.end > first)
    }) {
        let toks = &tokens[s.tokens.clone()];
        for (k, t) in toks.iter().enumerate() {
            let w = t.text(text);
            // (Most words are not capitalised: asked first, it spares the
            // hash.)
            let opens = w
                .as_bytes()
                .first()
                .is_some_and(|&b| openers[usize::from(b)]);
            if !opens || !w.starts_with(char::is_uppercase) {
                continue;
            }
            let Some(&named_end) = surnames.get(w) else {
                continue;
            };
            // ("But Yeutter said": a capitalised function word opening the
            // sentence is no part of a name.)
            let name_before = k > 0 && {
                let before = toks[k - 1].text(text);
                before.starts_with(char::is_uppercase)
                    && !nlp::is_stopword(&before.to_lowercase())
                    && !super::wordlists::is_honorific(before)
            };
            let alone = !name_before && !capitalised(toks.get(k + 1));
            if t.start < named_end || !alone || covered(out, t.start, t.end) {
                continue;
            }
            let lower = lower_words.get_or_insert_with(|| {
                tokens
                    .iter()
                    .map(|t| t.text(text))
                    .filter(|w| w.starts_with(char::is_lowercase))
                    .collect()
            });
            if lower.contains(w.to_lowercase().as_str()) {
                continue;
            }
            added.push(Mention {
                text: w.to_string(),
                start: t.start,
                end: t.end,
                kind: "PER",
            });
        }
    }
    if !added.is_empty() {
        out.append(&mut added);
        out.sort_by_key(|m| m.start);
    }
}

/// Words the tagger typed as something else that belong to the person
/// named right after them: an honorific alone is no name ("Mr" ORG before
/// "Bez": dropped, so the surname is recalled as the person's), and a
/// given name or a style right before a word the article names a person
/// by is that person's ("Adrian" LOC + "Mutu", "Pierce" ORG + "Brosnan",
/// "Lord" LOC + "Dubs": one person mention; not "German" + "Boerse",
/// `surname::could_be_first_and_surname`).
pub(super) fn join_given_names(
    text: &str,
    out: &mut Vec<Mention>,
    gaz: &crate::gazetteer::Gazetteer,
) {
    let first_names = crate::nlp::gender::FirstNames::embedded();
    // Most articles have no such word: asked first, without a copy.
    let candidate = |m: &Mention| {
        m.kind != "PER"
            && !m.text.contains(' ')
            && (super::wordlists::is_honorific(&m.text)
                || text[m.end..].starts_with(' ')
                    && text[m.end + 1..].starts_with(char::is_uppercase))
    };
    if !out.iter().any(candidate) {
        return;
    }
    let people: HashSet<&str> = out
        .iter()
        .filter(|m| m.kind == "PER")
        .filter_map(|m| m.text.rsplit(' ').next())
        .collect();
    let mut kept: Vec<Mention> = Vec::with_capacity(out.len());
    let mut k = 0;
    while k < out.len() {
        let m = &out[k];
        k += 1;
        if m.kind == "PER" || m.text.contains(' ') {
            kept.push(m.clone());
            continue;
        }
        if super::wordlists::is_honorific(&m.text) {
            continue;
        }
        let styled = super::wordlists::is_style(&m.text);
        let given = styled || first_names.is_given_name(&m.text);
        // The word after one space: a name the article gives a person.
        let next = text[m.end..].strip_prefix(' ').map(|rest| {
            let len = rest
                .find(|c: char| !(c.is_alphabetic() || c == '-'))
                .unwrap_or(rest.len());
            &rest[..len]
        });
        let Some(w) = next.filter(|w| {
            given
                && people.contains(w)
                && (styled || super::surname::could_be_first_and_surname(gaz, &m.text, w))
        }) else {
            kept.push(m.clone());
            continue;
        };
        let (start, end) = (m.start, m.end + 1 + w.len());
        // The surname's own mention, if tagged, becomes part of it; any
        // other mention there leaves the pair alone.
        match out.get(k) {
            Some(n) if n.start == end - w.len() && n.end == end && n.kind == "PER" => k += 1,
            Some(n) if n.start < end => {
                kept.push(m.clone());
                continue;
            }
            _ => {}
        }
        kept.push(Mention {
            text: text[start..end].to_string(),
            start,
            end,
            kind: "PER",
        });
    }
    *out = kept;
}

/// A word that can be a surname standing alone: capitalised, with lower
/// case after (not an acronym), three letters or more, and no month,
/// weekday, title or function word.
fn plausible(w: &str) -> bool {
    let lower = w.to_lowercase();
    w.chars().count() >= 3
        && w.starts_with(char::is_uppercase)
        && w.chars()
            .skip(1)
            .all(|c| c.is_lowercase() || c == '-' || c == '\'')
        && !nlp::is_stopword(&lower)
        && !crate::nlp::titles::is(&lower, u8::MAX)
        && !crate::stages::dates::calendar_name(&lower)
}

/// Whether bytes `start..end` lie in a mention of `out` (sorted by start).
fn covered(out: &[Mention], start: usize, end: usize) -> bool {
    let i = out.partition_point(|m| m.end <= start);
    out.get(i).is_some_and(|m| m.start < end)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{find, run};

    /// (text, person, mentions expected of them).
    fn check(text: &str, person: &str, expect: usize) {
        let e = run(text);
        assert_eq!(
            find(&e, person).mentions.len(),
            expect,
            "{person} in {text}"
        );
    }

    #[test]
    fn a_surname_the_tagger_missed_is_the_person_named_before() {
        check(
            "Trade talks\n\nThey gave U.S. Trade Representative Clayton Yeutter the powers. The \
             talks were hard but Yeutter said progress was made.",
            "Clayton Yeutter",
            2,
        );
    }

    /// `add` over `text` whose tagged mentions are `names` (text, type):
    /// the texts of the mentions it adds.
    fn added(text: &str, names: &[(&str, &'static str)]) -> Vec<String> {
        let a = crate::nlp::Analysed::of(text);
        let mut out = super::super::mention::placed(text, names);
        let before: Vec<usize> = out.iter().map(|m| m.start).collect();
        super::add(text, &a.tokens, &a.sentences, &mut out);
        out.into_iter()
            .filter(|m| !before.contains(&m.start))
            .map(|m| format!("{}@{}", m.text, m.start))
            .collect()
    }

    #[test]
    fn only_after_the_full_name_and_not_a_name_of_another_type() {
        let text = "Yeutter met them. Clayton Yeutter sued Fox News. But Yeutter and Fox said so.";
        assert_eq!(
            added(text, &[("Clayton Yeutter", "PER"), ("Fox News", "ORG")]),
            ["Yeutter@53"]
        );
        // "brown" is an everyday word here.
        assert!(added(
            "Clayton Brown met them. But Brown said so of brown coal.",
            &[("Clayton Brown", "PER")]
        )
        .is_empty());
        // "Fox" names the network too.
        assert!(added(
            "Michael Fox sued Fox News. But Fox said so.",
            &[("Michael Fox", "PER"), ("Fox News", "ORG")]
        )
        .is_empty());
    }

    /// `join_given_names` over `text` with the tagged `names`: the
    /// mentions after it, as "text:type".
    fn joined(text: &str, names: &[(&str, &'static str)]) -> Vec<String> {
        let mut out = super::super::mention::placed(text, names);
        super::join_given_names(text, &mut out, crate::gazetteer::Gazetteer::embedded());
        out.iter()
            .map(|m| format!("{}:{}", m.text, m.kind))
            .collect()
    }

    #[test]
    fn a_given_name_or_an_honorific_typed_otherwise_is_the_persons() {
        // A given name before a word the article names a person by.
        assert_eq!(
            joined(
                "Adrian Mutu spoke. Mutu said so.",
                &[("Adrian", "LOC"), ("Mutu", "PER"), ("Mutu", "PER")]
            ),
            ["Adrian Mutu:PER", "Mutu:PER"]
        );
        // An honorific alone is no name.
        assert_eq!(
            joined("Mr Bez spoke.", &[("Mr", "ORG")]),
            Vec::<String>::new()
        );
        // Not a people's name, nor a large city before a plural.
        assert_eq!(
            joined(
                "German Boerse rose. Boerse said so.",
                &[("German", "MISC"), ("Boerse", "PER")]
            ),
            ["German:MISC", "Boerse:PER"]
        );
        assert_eq!(
            joined(
                "Preston Harriers won. Harriers said so.",
                &[("Preston", "LOC"), ("Harriers", "PER")]
            ),
            ["Preston:LOC", "Harriers:PER"]
        );
    }

    #[test]
    fn not_an_everyday_word_a_month_or_a_title() {
        use super::plausible;
        for (w, ok) in [
            ("Yeutter", true),
            ("May", false),
            ("General", false),
            ("The", false),
            ("IBM", false),
            ("Li", false),
        ] {
            assert_eq!(plausible(w), ok, "{w}");
        }
    }
}
