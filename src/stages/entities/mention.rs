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
