//! Where a quote's clause and its speaker's turn begin: a conjunction
//! opening another clause right after a quote ('…," while Trump noted'),
//! an interview's turn labels ("((Name)) …"), whose "I" and "you" name
//! the turn's speaker and the one answering, the one a paper "quoted
//! as saying", and a name credited after a dash.

use super::lexicon::{Attribution, SpeakerRef};
use crate::document::Span;

/// '"So far, it's the Internet: 1, Scientology: 0." - Matthew Ingram': a
/// quote that ends its paragraph but for a dash and a name (a pull quote,
/// an epigraph) is that name's. `tail` runs from the closing quote mark to
/// the paragraph's end, starting at byte `at`; the name may carry a short
/// role after a comma ("— Jane Doe, mayor").
pub(super) fn dash_credit<'s>(
    tail: &str,
    at: usize,
    speakers: &'s [SpeakerRef],
) -> Option<&'s SpeakerRef> {
    let rest = tail.trim_start();
    let after_dash = rest.strip_prefix(['-', '—', '–'])?;
    let name_at = at + tail.len() - after_dash.trim_start().len();
    let s = speakers.get(speakers.partition_point(|s| s.start < name_at))?;
    let after = tail
        .get(s.end.checked_sub(at)?..)?
        .trim()
        .trim_end_matches('.');
    let role = after.strip_prefix(',').unwrap_or(after);
    (s.start == name_at
        && (after.is_empty() || after.starts_with(','))
        && role.split_whitespace().count() <= 6
        && !role.contains(['"', '“', '”', '.', ';']))
    .then_some(s)
}

/// '…," the Financial Times quoted an insider as saying': the one quoted
/// speaks, not the one quoting. The window from `a` has "saying" at
/// `vpos` after "as", and "quoted" or "cited" before: the last person
/// named between ("quoted Qantas chief executive Geoff Dixon as saying"),
/// else the first entity there, else no entity and the words between.
/// Not the passive "the Arsenal boss is quoted as saying", whose subject
/// speaks: nothing stands between.
pub(super) fn quoted_as_saying(
    text: &str,
    a: usize,
    vpos: usize,
    speakers: &[SpeakerRef],
) -> Option<Attribution> {
    let before = text[a..a + vpos].trim_end();
    let to = a + before.strip_suffix(" as")?.len();
    let from = ["quoted ", "cited "]
        .iter()
        .filter_map(|w| before.rfind(w).map(|i| a + i + w.len()))
        .max()
        .filter(|&from| from < to)?;
    let object = text[from..to].trim().trim_end_matches(',');
    let inside = &speakers
        [speakers.partition_point(|s| s.start < from)..speakers.partition_point(|s| s.start < to)];
    let named = inside
        .iter()
        .rfind(|s| s.is_person && s.end <= to)
        .or_else(|| inside.first().filter(|s| s.end <= to));
    Some(match named {
        Some(s) => (
            Some(s.id.clone()),
            Some(s.name.clone()),
            Some("quoted".to_string()),
        ),
        None => (
            None,
            Some(object.to_string()).filter(|o| !o.is_empty()),
            Some("quoted".to_string()),
        ),
    })
}

/// The speaker of an interview's turn: the name in the "((Name))" label
/// opening `paragraph` (`me`), or the first other label of the next three
/// paragraphs (the one the turn speaks to). A paragraph without a label
/// continues the turn of the last label before it (an answer runs over
/// several paragraphs).
pub(super) fn turn_speaker<'s>(
    text: &str,
    paragraph: Span,
    speakers: &'s [SpeakerRef],
    me: bool,
) -> Option<&'s SpeakerRef> {
    let label_at = |at: usize| {
        text[at..].starts_with("((").then(|| {
            let i = speakers.partition_point(|s| s.start < at + 2);
            speakers
                .get(i)
                .filter(|s| s.start == at + 2 && text[s.end..].starts_with("))"))
        })?
    };
    // The label as written ("WN" need be no entity).
    let written = |at: usize| {
        let rest = text[at..].strip_prefix("((")?;
        rest.find("))").filter(|&i| i <= 60).map(|i| &rest[..i])
    };
    let turn = if text[paragraph.start..].starts_with("((") {
        paragraph.start
    } else {
        text[..paragraph.start].rfind("\n((")? + 1
    };
    let own = written(turn)?;
    if me {
        return label_at(turn);
    }
    let mut from = paragraph.end;
    for _ in 0..3 {
        let next = text[from..].find("\n((").map(|i| from + i + 1)?;
        if written(next).is_some_and(|w| w != own) {
            return label_at(next);
        }
        from = next;
    }
    None
}

/// What follows a conjunction that opens another clause right after a
/// closing quote mark ('," while Trump noted'), if one does.
pub(super) fn opens_clause(after_mark: &str) -> Option<&str> {
    let rest = after_mark.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    let word = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let rest = &rest[word.len()..];
    // Not "but to" ('had "no other course of action" but to ask …').
    let preposition = rest.trim_start().starts_with("to ");
    (["while", "whereas", "but", "although", "though"].contains(&word) && !preposition)
        .then_some(rest)
}
