//! A person's surname alone where the tagger missed it: "U.S. Trade
//! Representative Clayton Yeutter … but Yeutter said yesterday". The
//! tagger reads each sentence alone, and a name it has not seen, without
//! its first name or title, often gets no tag; the article has already
//! named the person in full. After a person named by two words or more,
//! the last of those words standing alone later, capitalised and in no
//! mention, is a mention of that person (the merge rules then join it to
//! the full name). Not a word run into other capitalised words (part of
//! another name: "Yeutter Associates"), not one the article also writes
//! in lower case ("Brown" beside "brown") or in a name of another type
//! ("Fox" the network), and not a month, weekday, title or function word
//! ("May", "General", "The").

use super::mentions::Mention;
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
    // order; an article names a few people, so a list is searched).
    let mut surnames: Vec<(&str, usize)> = Vec::new();
    for m in out.iter().filter(|m| m.kind == "PER") {
        let Some((_, last)) = m.text.rsplit_once(' ') else {
            continue;
        };
        if !surnames.iter().any(|(s, _)| *s == last) && plausible(last) {
            surnames.push((last, m.end));
        }
    }
    // Nor a word the article names something else by ("Fox" the network
    // beside "Michael J. Fox").
    for m in out.iter().filter(|m| m.kind != "PER") {
        surnames.retain(|(s, _)| !m.text.split(' ').any(|w| w == *s));
    }
    let Some(first) = surnames.iter().map(|&(_, end)| end).min() else {
        return;
    };
    let capitalised =
        |t: Option<&nlp::Token>| t.is_some_and(|t| t.text(text).starts_with(char::is_uppercase));
    let mut added: Vec<Mention> = Vec::new();
    for s in sentences.iter().filter(|s| {
        tokens[s.tokens.clone()]
            .last()
            .is_some_and(|t| t.end > first)
    }) {
        let toks = &tokens[s.tokens.clone()];
        for (k, t) in toks.iter().enumerate() {
            let w = t.text(text);
            if !w.starts_with(char::is_uppercase) {
                continue;
            }
            let Some(&(_, named_end)) = surnames.iter().find(|(s, _)| *s == w) else {
                continue;
            };
            // ("But Yeutter said": a capitalised function word opening the
            // sentence is no part of a name.)
            let name_before = k > 0
                && capitalised(toks.get(k - 1))
                && !nlp::is_stopword(&toks[k - 1].text(text).to_lowercase());
            let alone = !name_before && !capitalised(toks.get(k + 1));
            if t.start < named_end || !alone || covered(out, t.start, t.end) {
                continue;
            }
            if written_lower(text, w) {
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
        && !CALENDAR.contains(&lower.as_str())
}

/// Months and weekdays, which name people too ("Theresa May").
#[rustfmt::skip]
const CALENDAR: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
];

/// Whether bytes `start..end` lie in a mention of `out` (sorted by start).
fn covered(out: &[Mention], start: usize, end: usize) -> bool {
    let i = out.partition_point(|m| m.end <= start);
    out.get(i).is_some_and(|m| m.start < end)
}

/// Whether the article writes `w` in lower case as a word too.
fn written_lower(text: &str, w: &str) -> bool {
    let lower = w.to_lowercase();
    text.match_indices(lower.as_str()).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + lower.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
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
        let mut out: Vec<super::Mention> = names
            .iter()
            .map(|&(n, kind)| {
                let start = text.find(n).expect("name in text");
                super::Mention {
                    text: n.into(),
                    start,
                    end: start + n.len(),
                    kind,
                }
            })
            .collect();
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
        // "Fox" names the network too.
        assert!(added(
            "Michael Fox sued Fox News. But Fox said so.",
            &[("Michael Fox", "PER"), ("Fox News", "ORG")]
        )
        .is_empty());
    }

    #[test]
    fn not_an_everyday_word_a_month_or_a_title() {
        use super::{plausible, written_lower};
        assert!(written_lower("Brown said so. The brown coal", "Brown"));
        assert!(!written_lower("Brown said so. The browner coal", "Brown"));
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
