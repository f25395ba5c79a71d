//! Language processing shared by the extraction stages: tokens and
//! sentences with byte offsets into the original text.

pub mod sentences;
pub mod tokenize;

pub use sentences::{sentences, Sentence};
pub use tokenize::{tokenize, Token, TokenKind};
