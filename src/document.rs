//! The document every stage reads and annotates: the analysed text, the
//! metadata decoded from the input, and one typed annotation slot per stage.
//!
//! Invariant: every `Span` is a byte range into `Document::text`, on UTF-8
//! character boundaries. Stages may normalise the strings they report, never
//! the text the offsets point into.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::input::InputFormat;
use crate::stages::amounts::Amount;
use crate::stages::dates::DateMention;
use crate::stages::dedup::Dedup;
use crate::stages::entities::Entities;
use crate::stages::fingerprint::Fingerprint;
use crate::stages::keyphrases::Keyphrase;
use crate::stages::language::Language;
use crate::stages::quotes::Quote;
use crate::stages::stats::Stats;
use crate::stages::structure::Structure;
use crate::stages::summary::Summary;
use crate::stages::tone::Tone;
use crate::stages::topics::Topic;

/// A byte range into `Document::text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// A piece of text found in the document: its normalised value and where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Located {
    /// The text, with NBSP and odd dashes normalised and whitespace collapsed.
    pub text: String,
    pub start: usize,
    pub end: usize,
}

impl Located {
    pub fn new(text: String, span: Span) -> Self {
        Located {
            text,
            start: span.start,
            end: span.end,
        }
    }
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Metadata that came with the article (envelope or ninjs fields).
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    /// Identifier given by the producer of the article, if any.
    pub id: Option<String>,
    pub url: Option<String>,
    /// Name of the source (wire, site, feed).
    pub source: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
    /// Where `published_at` came from: "payload" or "message_timestamp" (the transport timestamp).
    pub published_basis: Option<&'static str>,
    /// A headline given separately from the text.
    pub title: Option<String>,
    /// Author line given separately from the text.
    pub by: Option<String>,
    /// The language the producer declared.
    pub language: Option<String>,
    /// Fields of the input we do not interpret, kept verbatim.
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// Annotations, one slot per stage. A slot is `None` when its stage did not
/// run or failed.
#[derive(Debug, Clone, Default)]
pub struct Annotations {
    pub structure: Option<Structure>,
    pub language: Option<Language>,
    pub stats: Option<Stats>,
    pub fingerprint: Option<Fingerprint>,
    pub entities: Option<Entities>,
    pub dates: Option<Vec<DateMention>>,
    pub amounts: Option<Vec<Amount>>,
    pub quotes: Option<Vec<Quote>>,
    pub tone: Option<Tone>,
    pub keyphrases: Option<Vec<Keyphrase>>,
    pub summary: Option<Summary>,
    pub topics: Option<Vec<Topic>>,
    pub dedup: Option<Dedup>,
}

#[derive(Debug, Clone)]
pub struct Document {
    /// The analysed text: the plain-text payload, the envelope body, or the
    /// text extracted from HTML.
    pub text: String,
    pub format: InputFormat,
    pub meta: Metadata,
    pub annotations: Annotations,
}

impl Document {
    pub fn new(text: String, format: InputFormat, meta: Metadata) -> Self {
        Document {
            text,
            format,
            meta,
            annotations: Annotations::default(),
        }
    }

    /// Plain text with no metadata: handy for tests and `enrich` on a file.
    pub fn from_text(text: &str) -> Self {
        Document::new(
            text.to_string(),
            InputFormat::PlainText,
            Metadata::default(),
        )
    }
}
