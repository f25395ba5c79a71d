//! Language processing shared by the extraction stages: tokens and
//! sentences with byte offsets into the original text, and the stop-word
//! list.

pub mod bodies;
pub mod gender;
pub mod legal_forms;
pub mod photo_credits;
pub mod sentences;
pub mod stopwords;
pub mod titles;
pub mod tokenize;

pub use sentences::{sentences, Sentence};

/// A text's tokens and sentences, made once per article and shared by the
/// stages that read them (see `stages::Annotations::analysis`).
#[derive(Debug, Clone, Default)]
pub struct Analysed {
    /// Every token, in order.
    pub tokens: Vec<Token>,
    /// Sentences, as ranges over `tokens`.
    pub sentences: Vec<Sentence>,
}

impl Analysed {
    /// Tokenise and split `text`.
    pub fn of(text: &str) -> Self {
        let (tokens, sentences) = sentences::sentences(text);
        Analysed { tokens, sentences }
    }
}
pub use stopwords::{is_stopword, STOPWORDS};
pub use tokenize::{tokenize, Token, TokenKind};

/// The word just before byte `at` (letters, digits, apostrophes) and its
/// start; none when a sentence end, paragraph break, quote mark, colon,
/// semicolon or bracket lies between ("… learn from.\n\nHarbour Council" has no word
/// before "Harbour"). The period of a short capitalised abbreviation is no
/// sentence end ("Sen. Wexley" gives "Sen").
pub fn word_before(text: &str, at: usize) -> Option<(usize, &str)> {
    let is_word = |c: char| c.is_alphanumeric() || c == '\'';
    let (i, c) = text[..at].char_indices().rfind(|&(_, c)| is_word(c))?;
    let end = i + c.len_utf8();
    let start = text[..end]
        .char_indices()
        .rfind(|&(_, c)| !is_word(c))
        .map_or(0, |(j, c)| j + c.len_utf8());
    let word = &text[start..end];
    let gap = &text[end..at];
    let abbreviation = gap.trim_end() == "."
        && (1..=4).contains(&word.chars().count())
        && word.starts_with(char::is_uppercase);
    let boundary = gap.contains(['!', '?', '\n', '"', '“', '”', ':', ';', '(', ')', '[', ']'])
        || (gap.contains('.') && !abbreviation);
    (!boundary).then_some((start, word))
}

/// The words of each sentence, for taggers that work on word lists.
pub fn sentence_words<'a>(
    text: &'a str,
    tokens: &[Token],
    sentences: &[Sentence],
) -> Vec<Vec<&'a str>> {
    sentences
        .iter()
        .map(|s| {
            tokens[s.tokens.clone()]
                .iter()
                .map(|t| t.text(text))
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text with `|` where the next word starts) → the word before it.
    fn check(marked: &str, expect: Option<&str>) {
        let at = marked.find('|').expect("a | mark");
        let text = marked.replace('|', "");
        assert_eq!(word_before(&text, at).map(|(_, w)| w), expect, "{marked}");
    }

    #[test]
    fn the_word_before_stays_in_its_sentence() {
        check("said Jane Doe of |Acme", Some("of"));
        check("Senator |Wexley", Some("Senator"));
        check("Sen. |Wexley", Some("Sen"));
        check("Doe's |mother", Some("Doe's"));
        check("a case to learn from.\n\n|Harbour Council", None);
        check("prices fell. |Smith said", None);
        check("\"We stand together,\" |Lind said", None);
        check("the café |Lind", Some("café"));
        check("Deputy Prime Minister (|ODPM)", None);
        check("|Lind", None);
    }
}

/// Whether `w` (lower-case) is a common irregular past form that marks a
/// past clause ("Officials met on Monday and will decide …": met, not will;
/// read by `dates` and `keyphrases`). Regular ones end in "-ed".
#[rustfmt::skip]
pub fn is_irregular_past(w: &str) -> bool {
    // A match, not a list scan: asked of every keyphrase candidate.
    matches!(
        w,
        "began" | "came" | "went" | "met" | "made" | "took" | "gave" | "left" | "won" | "lost"
            | "held" | "fell" | "rose" | "saw" | "found" | "became" | "struck" | "spoke" | "broke"
            | "ran" | "sent" | "led" | "paid" | "sold" | "kept" | "brought" | "thought" | "fought"
            | "caught" | "wrote" | "chose" | "drew" | "flew" | "grew" | "knew" | "threw" | "wore"
            | "stood" | "sat" | "felt" | "fled" | "slept" | "built" | "spent" | "meant" | "heard"
            | "got" | "forgot" | "shot" | "quit" | "arose" | "woke"
    )
}
