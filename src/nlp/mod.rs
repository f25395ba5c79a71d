//! Language processing shared by the extraction stages: tokens and
//! sentences with byte offsets into the original text, and the stop-word
//! list.

pub mod gender;
pub mod sentences;
pub mod stopwords;
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
