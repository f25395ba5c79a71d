//! The ground floor: the `Article` every stage reads (the analysed text, the
//! form it arrived in, the metadata decoded from the input) and the `Span`
//! and `Located` types that point into its text.
//!
//! Invariant: every `Span` is a byte range into `Article::text`, on UTF-8
//! character boundaries. Stages get the article by shared reference
//! (`Stage::run(&self, &Article, &mut Annotations)`), so no stage can change
//! the text the offsets point into; they normalise the strings they report.
//! Boundary: this module imports nothing from `stages` or `input`; both
//! build on it.

#![warn(missing_docs)]

use chrono::{DateTime, Utc};
use serde::Serialize;

/// A byte range into `Article::text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `start..end` (`start <= end`).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    /// The spanned text; empty when the span is not on character boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// A piece of text found in the document: its normalised value and where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Located {
    /// The text, with NBSP and odd dashes normalised and whitespace collapsed.
    pub text: String,
    /// First byte in `Article::text`.
    pub start: usize,
    /// One past the last byte in `Article::text`.
    pub end: usize,
}

impl Located {
    /// A located string from its normalised text and its span.
    pub fn new(text: String, span: Span) -> Self {
        Located {
            text,
            start: span.start,
            end: span.end,
        }
    }
    /// Where it is.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Something with a place in `Article::text`.
pub trait HasSpan {
    /// Where it is.
    fn byte_span(&self) -> Span;
}

impl HasSpan for Located {
    fn byte_span(&self) -> Span {
        self.span()
    }
}

/// Serialise a list of located things as `[[start, end], ...]` only: for
/// members whose text is the record's text at those offsets (paragraphs,
/// summary sentences, entity mentions), so the record carries it once.
/// Use with `#[serde(serialize_with = "crate::document::offsets")]`.
pub fn offsets<T: HasSpan, S: serde::Serializer>(items: &[T], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(items.len()))?;
    for item in items {
        let span = item.byte_span();
        seq.serialize_element(&[span.start, span.end])?;
    }
    seq.end()
}

/// Metadata that came with the article (envelope or ninjs fields).
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    /// Identifier given by the producer of the article, if any.
    pub id: Option<String>,
    /// The article's URL, if the input gave one.
    pub url: Option<String>,
    /// Name of the source (wire, site, feed).
    pub source: Option<String>,
    /// Publish time: from the payload, else the transport timestamp.
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

/// The payload form an article arrived in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputFormat {
    /// Plain text (the default when nothing else matches).
    PlainText,
    /// HTML, converted to text by `input::html`.
    Html,
    /// A generic JSON envelope (`text`/`body` plus metadata fields).
    JsonEnvelope,
    /// An IPTC ninjs item.
    Ninjs,
}

impl InputFormat {
    /// The name used in records (`enrichment.input.format`).
    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::PlainText => "plain_text",
            InputFormat::Html => "html",
            InputFormat::JsonEnvelope => "json_envelope",
            InputFormat::Ninjs => "ninjs",
        }
    }
}

/// Byte ranges (which may overlap one another) asked "does `[a, b)`
/// overlap any of you?" in O(log n): sorted by start, with the furthest
/// end reached so far. For per-token tests against an article's mentions,
/// which a long input can hold by the hundred thousand.
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    spans: Vec<(usize, usize)>,
    reach: Vec<usize>,
}

impl SpanIndex {
    /// The index of `spans`, given as `(start, end)` pairs in any order.
    pub fn new(spans: impl IntoIterator<Item = (usize, usize)>) -> Self {
        let mut spans: Vec<(usize, usize)> = spans.into_iter().collect();
        spans.sort_unstable();
        let reach = spans
            .iter()
            .scan(0, |r, &(_, e)| {
                *r = e.max(*r);
                Some(*r)
            })
            .collect();
        SpanIndex { spans, reach }
    }

    /// Whether some span `(x, y)` has `x < b` and `a < y`.
    pub fn overlaps(&self, a: usize, b: usize) -> bool {
        let upto = self.spans.partition_point(|&(x, _)| x < b);
        upto > 0 && self.reach[upto - 1] > a
    }

    /// Every span `(x, y)` with `x < b` and `a < y`, in order of start:
    /// those before the first whose reach passes `a` end at or before it.
    pub fn overlapping(&self, a: usize, b: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let from = self.reach.partition_point(|&r| r <= a);
        let upto = self.spans.partition_point(|&(x, _)| x < b);
        self.spans[from..upto.max(from)]
            .iter()
            .copied()
            .filter(move |&(x, y)| x < b && a < y)
    }
}

/// One decoded article: what every stage reads and none may change.
#[derive(Debug, Clone)]
pub struct Article {
    /// The analysed text: the plain-text payload, the envelope body, or the
    /// text extracted from HTML. Every `Span` points into it.
    pub text: String,
    /// The form the payload arrived in.
    pub format: InputFormat,
    /// Metadata that came with the payload.
    pub meta: Metadata,
}

impl Article {
    /// An article from its parts.
    pub fn new(text: String, format: InputFormat, meta: Metadata) -> Self {
        Article { text, format, meta }
    }

    /// Plain text with no metadata: handy for tests and `enrich` on a file.
    pub fn from_text(text: &str) -> Self {
        Article::new(
            text.to_string(),
            InputFormat::PlainText,
            Metadata::default(),
        )
    }
}

#[cfg(test)]
mod span_index_tests {
    use super::SpanIndex;

    /// The index answers as a scan of the spans would.
    fn check(spans: &[(usize, usize)]) {
        let index = SpanIndex::new(spans.iter().copied());
        for a in 0..12 {
            for b in a..13 {
                let scan = spans.iter().any(|&(x, y)| x < b && a < y);
                assert_eq!(index.overlaps(a, b), scan, "{spans:?} against {a}..{b}");
                let mut all: Vec<(usize, usize)> = spans
                    .iter()
                    .copied()
                    .filter(|&(x, y)| x < b && a < y)
                    .collect();
                all.sort_unstable();
                let got: Vec<(usize, usize)> = index.overlapping(a, b).collect();
                assert_eq!(got, all, "{spans:?} against {a}..{b}");
            }
        }
    }

    #[test]
    fn answers_as_a_scan_would() {
        check(&[]);
        check(&[(2, 4)]);
        check(&[(6, 8), (1, 3)]);
        check(&[(1, 10), (2, 3), (4, 5)]);
        check(&[(3, 3), (5, 9), (5, 6)]);
    }
}
