//! Where quotations are: paired marks within and across paragraphs (a
//! paragraph that reopens a quote left open continues it; a straight mark
//! opening a sentence inside an open quote reopens it), and a quote never
//! closed, which ends with its paragraph, before any attribution its
//! writer left inside it.

use super::lexicon;
use crate::document::Span;

/// (open mark, content start, content end, close mark end) per quotation.
pub(super) fn quote_spans(text: &str, paragraphs: &[Span]) -> Vec<(usize, usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (mark start, content start)
    for p in paragraphs {
        let para = &text[p.start..p.end];
        let mut first_mark = true;
        for (off, c) in para.char_indices() {
            let at = p.start + off;
            let len = c.len_utf8();
            let is_open = c == '“' || (c == '"' && open.is_none());
            let is_close = c == '”' || (c == '"' && open.is_some());
            if first_mark && off == 0 && (c == '"' || c == '“') && open.is_some() {
                // A paragraph reopening a quote left open: the quote continues.
                first_mark = false;
                continue;
            }
            first_mark = false;
            // A straight mark opening a sentence inside an open quote
            // reopens it: a paragraph break lost in transit ('… the break.
            // "It gives players …', as flattened copy reads). A closing mark
            // follows the words it closes.
            if c == '"' && open.is_some() && reopens(para, off) {
                continue;
            }
            if is_close {
                if let Some((m, s)) = open.take() {
                    out.push((m, s, at, at + len));
                }
            } else if is_open {
                open = Some((at, at + len));
            }
        }
        // A quote still open at the end of a paragraph carries on only if
        // the next paragraph opens with a quote mark.
        if let Some((_, _)) = open {
            // (Paragraphs are in text order: the first that starts at or
            // after this one's end, by bisection.)
            let next_opens = paragraphs[paragraphs.partition_point(|q| q.start < p.end)..]
                .first()
                .is_some_and(|q| text[q.start..].starts_with(['"', '“']));
            if !next_opens {
                // Never closed: the quote ends with its paragraph (copy that
                // lost a closing mark, or the opening mark of the next
                // paragraph). A mark glued to a word ('12" single') opens
                // nothing.
                if let Some((m, s)) = open.take() {
                    let end = p.start + para.trim_end().len();
                    if opens_words(text, m) && end > s {
                        let end = s + attribution_left_in(&text[s..end]);
                        out.push((m, s, end, end));
                    }
                }
            }
        }
    }
    out
}

/// The length of a never-closed quote's words before an attribution its
/// writer left inside it: '"More importantly, they need a stable market,
/// he said.' ends after "market,"; a tail after the last comma ending the
/// paragraph with a stop, a verb of saying with at most two words before
/// it and two after ("he said.", "said Mr Smith.", "he told reporters."),
/// not a clause ("which everyone said was the aim."). Otherwise the whole
/// run.
fn attribution_left_in(run: &str) -> usize {
    const CLAUSE: &[&str] = &[
        "which", "who", "that", "when", "as", "because", "if", "while", "what",
    ];
    let Some(comma) = run.rfind(", ") else {
        return run.len();
    };
    let tail = &run[comma + 2..];
    let clause = tail
        .split_whitespace()
        .next()
        .is_some_and(|w| CLAUSE.contains(&w.to_lowercase().as_str()));
    let attribution = lexicon::first_verb(tail).is_some_and(|(at, _)| {
        // (The verb's own word: `first_verb` gives its lemma.)
        let verb_end = tail[at..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(tail.len(), |i| at + i);
        let after = tail[verb_end..].split_whitespace().count();
        tail[..at].split_whitespace().count() <= 2 && after <= 2
    });
    if !clause && attribution && tail.ends_with('.') && !tail.contains(['"', '“', '”']) {
        comma + 1
    } else {
        run.len()
    }
}

/// Whether the straight quote mark at byte `at` of `para` opens a new
/// sentence: after a sentence's end and a space, right before a letter or
/// digit ('… break. "It'), not a term quoted inside the quote ('The
/// "United States" is').
fn reopens(para: &str, at: usize) -> bool {
    let before = &para[..at];
    let after = para[at + 1..].chars().next();
    before.ends_with(char::is_whitespace)
        && before.trim_end().ends_with(['.', '?', '!'])
        && after.is_some_and(char::is_alphanumeric)
}

/// Whether the mark at byte `m` stands where a quotation opens: at the
/// start of the text or after a space, colon or bracket, and right before
/// a letter or digit.
fn opens_words(text: &str, m: usize) -> bool {
    let before = text[..m].chars().next_back();
    let after = text[m..].chars().nth(1);
    before.is_none_or(|c| c.is_whitespace() || matches!(c, ':' | '(' | '['))
        && after.is_some_and(char::is_alphanumeric)
}

/// Whether a quotation shorter than `min_words` is still one: a line of
/// speech of two words or more opening its sentence, closed by a comma,
/// "?" or "!" and followed at once by its verb of saying, with at most a
/// pronoun or a name of up to three words before the verb ('"It's nothing
/// serious," said his coach', '"Who pays?" Lind asked'). Not a phrase
/// quoted inside a sentence, whose comma American style puts inside the
/// marks too ('prices are "just awful," said Carter'; 'producer of "The
/// Cosby Show," said it filed suit').
pub(super) fn short_but_spoken(text: &str, q: (usize, usize, usize, usize)) -> bool {
    let (open, content, close_end) = (q.0, (q.1, q.2), q.3);
    let inner = text[content.0..content.1].trim_end();
    if inner.split_whitespace().count() < 2 || !inner.ends_with([',', '?', '!']) {
        return false;
    }
    // (Across a line break too: wire copy is wrapped mid-sentence.)
    let before = text[..open].trim_end();
    if !(before.is_empty() || before.ends_with(['.', '?', '!', ':', '"', '”'])) {
        return false;
    }
    let after = &text[close_end..];
    let after = &after[..crate::text::floor_char_boundary(after, after.len().min(48))];
    let Some((at, _)) = lexicon::first_verb(after) else {
        return false;
    };
    if after[..at].contains('\n') {
        return false;
    }
    let before: Vec<&str> = after[..at].split_whitespace().collect();
    match before.as_slice() {
        [] => true,
        [w] if ["he", "she", "they", "we", "i"].contains(&w.to_lowercase().as_str()) => true,
        names => {
            names.len() <= 3
                && names
                    .iter()
                    .all(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic))
        }
    }
}
