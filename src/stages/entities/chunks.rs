//! Edits of one sentence's chunk list shared by the chunk rules that
//! join words into one name (`ampersand.rs`, `aged.rs`, `surname.rs`,
//! `particles.rs`, `whole_places.rs`, `numerals.rs`, `bodies.rs`,
//! `ships.rs`, `after_title.rs`), and the word tests they share.

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
