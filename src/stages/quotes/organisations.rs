//! Organisations that speak: the one an "it" (or a "they") speaking a
//! quote stands for ("the OECD said …. "…," it said"; '"…", said KCNA.
//! "…," it added'; "USCIRF also criticized the move. They released a
//! statement").

use super::lexicon::{first_verb, SpeakerRef, LOOK_BACK, NOT_SPEAKER_AFTER, SUBJECT_ADVERBS};

/// The organisation an "it" speaking a quote stands for: within the three
/// sentences before `limit`, the last organisation named right before a
/// verb of saying ("the OECD said …. "…," it said"). (Falling back to the
/// organisation named most often before was tried: of 20 BBC changes
/// about 11 right; "DrKW said … at M&S. "…" it added" went to M&S.)
pub(super) fn organisation_antecedent<'s>(
    text: &str,
    limit: usize,
    speakers: &'s [SpeakerRef],
) -> Option<&'s SpeakerRef> {
    // (A blank line between paragraphs is no sentence.)
    let mut from = limit;
    let mut sentences = 0;
    while sentences < 3 && from > 0 {
        // (Before the last character, the stop that ended the sentence.)
        let last = text[..from]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i);
        // (A stop, or a line break that ends a paragraph or follows a
        // line of no sentence, a headline: not every line break, which
        // wire copy puts inside sentences.)
        let start = text[..last]
            .rfind('.')
            .max(text[..last].rfind("\n\n").map(|i| i + 1))
            .map_or(0, |i| i + 1);
        if !text[start..from].trim().is_empty() {
            sentences += 1;
        }
        from = start;
    }
    let hi = speakers.partition_point(|s| s.start < limit);
    let lo = speakers
        .partition_point(|s| s.start < from)
        .max(hi.saturating_sub(LOOK_BACK));
    let named = speakers[lo..hi.max(lo)].iter().rev().find(|s| {
        !s.is_person && s.end <= limit && {
            // (Past the bracket of an acronym it defines: "the Georgian
            // Tennis Federation (GFT) released a statement".)
            let next = text[s.end..].trim_start();
            let next = next.strip_prefix(')').map_or(next, str::trim_start);
            // (Past an adverb: "USCIRF also criticized the move".)
            let next = next
                .split_once(' ')
                .filter(|(w, _)| SUBJECT_ADVERBS.contains(w))
                .map_or(next, |(_, rest)| rest);
            // Three words: "released a statement" is a verb of saying too.
            let three = next
                .match_indices(' ')
                .nth(2)
                .map_or(next.len(), |(i, _)| i);
            // After an auxiliary, the verb may follow an aside: "The
            // ministry has, in a statement, called on drivers to …".
            let aux = ["has ", "has,", "had ", "had,", "have ", "have,"]
                .iter()
                .any(|a| next.starts_with(a));
            // (The clause up to its end, eight words at most, only then.)
            let after_aux = || {
                let clause = &next[..next.find(['.', ';', '"', '“']).unwrap_or(next.len())];
                let eight = clause
                    .match_indices(' ')
                    .nth(7)
                    .map_or(clause.len(), |(i, _)| i);
                first_verb(&clause[..eight]).is_some_and(|(_, v)| v != "according")
            };
            first_verb(&next[..three]).is_some_and(|(p, v)| p == 0 && v != "according")
                || aux && after_aux()
                || said_before(text, s.start, s.end)
        }
    });
    // Or the body a description before a verb of saying stands for, when
    // later: "the New China News Agency said …. The agency said … "…," it
    // said" (the description resolved as a quote's speaker would be).
    let described = described_body(text, from, limit, speakers);
    match (named, described) {
        (Some(n), Some((at, d))) if at > n.start => Some(d),
        (None, Some((_, d))) => Some(d),
        (n, _) => n,
    }
}

/// The last "the <body noun>" between `from` and `limit` that a verb of
/// saying follows ("The agency said", "the company added"), with the
/// organisation it stands for (`resolve_description`), and where it
/// stands.
fn described_body<'s>(
    text: &str,
    from: usize,
    limit: usize,
    speakers: &'s [SpeakerRef],
) -> Option<(usize, &'s SpeakerRef)> {
    let span = &text[from..limit];
    // The last first: the first one that resolves is the answer.
    let mut starts: Vec<usize> = span
        .match_indices("the ")
        .chain(span.match_indices("The "))
        .map(|(i, _)| from + i)
        .filter(|&at| at == 0 || !text.as_bytes()[at - 1].is_ascii_alphanumeric())
        .collect();
    starts.sort_unstable_by(|a, b| b.cmp(a));
    starts.into_iter().find_map(|at| {
        let rest = &text[at + 4..limit];
        let noun = rest.split([' ', '\n']).next().unwrap_or_default();
        if !crate::nlp::bodies::any_body_in_speech(noun)
            && !crate::nlp::bodies::INSTITUTIONS.contains(&noun)
        {
            return None;
        }
        let after = rest[noun.len()..].trim_start();
        let three = after
            .match_indices(' ')
            .nth(2)
            .map_or(after.len(), |(i, _)| i);
        let said = first_verb(&after[..three]).is_some_and(|(p, v)| p == 0 && v != "according");
        if !said {
            return None;
        }
        let description = &text[at..at + 4 + noun.len()];
        super::antecedents::resolve_description(text, description, at, speakers)
            .filter(|s| !s.is_person)
            .map(|s| (at, s))
    })
}

/// Whether the organisation at `start..end` spoke a quote inverted
/// ('"…", said KCNA.'): a verb of saying between the quote's closing mark
/// and the name, the name ending the clause. Not "said TCI's opposition
/// would …" (no quote before), nor "told KCNA" (its object: the words
/// after which no name speaks, `NOT_SPEAKER_AFTER`, and "asked").
fn said_before(text: &str, start: usize, end: usize) -> bool {
    crate::nlp::word_before(text, start).is_some_and(|(at, w)| {
        !NOT_SPEAKER_AFTER.contains(&w)
            && !matches!(w, "asked" | "asking" | "according")
            && first_verb(w).is_some_and(|(p, v)| p == 0 && v.len() == w.len())
            && text[..at]
                .trim_end()
                .trim_end_matches(',')
                .ends_with(['"', '”'])
            && text[end..].starts_with(['.', ',', ';', '\n'])
    })
}
