//! One name as the text writes it, with its span and type: what the
//! tagger and the rules of `mentions.rs` and `recalled.rs` produce and
//! `consolidate.rs` groups into entities. Its own module so that both
//! passes can name it without importing each other.

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Mention {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// PER, ORG, LOC or MISC.
    pub kind: &'static str,
}

/// Test input: `names` (text, type) found in `text` in order, as mentions.
#[cfg(test)]
pub(super) fn placed(text: &str, names: &[(&str, &'static str)]) -> Vec<Mention> {
    let mut from = 0;
    names
        .iter()
        .map(|&(n, kind)| {
            let start = from + text[from..].find(n).expect("name in text");
            from = start + n.len();
            Mention {
                text: n.into(),
                start,
                end: start + n.len(),
                kind,
            }
        })
        .collect()
}
