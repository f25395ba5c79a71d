//! Decoding of raw payload bytes into an `Article`: chooses the form
//! (plain text, HTML, JSON envelope, IPTC ninjs) from the content type or by
//! sniffing, and rejects what cannot be enriched with a typed reason.
//!
//! Boundary: this module sees bytes and an optional content type, never Kafka.

#![warn(missing_docs)]

mod envelope;
pub mod html;
mod ninjs;
mod time;

use crate::document::{Article, Metadata};

pub use crate::document::InputFormat;

pub use time::parse_timestamp;

/// Why a payload cannot be enriched. Each variant is one dead-letter reason.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DecodeError {
    /// No payload, or only white space (reason `empty`).
    #[error("payload is empty")]
    Empty,
    /// Over `worker.max_message_bytes` (reason `too_large`).
    #[error("payload is {size} bytes, over the limit of {limit} bytes (worker.max_message_bytes)")]
    TooLarge {
        /// Payload bytes.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// Not UTF-8 (reason `invalid_utf8`).
    #[error("payload is not valid UTF-8 (first bad byte at offset {offset})")]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// Starts like JSON but does not parse (reason `malformed_json`).
    #[error("payload looks like JSON but does not parse: {detail}")]
    MalformedJson {
        /// The parser's message.
        detail: String,
    },
    /// Parses, but is not an article: no text, wrong types (reason `invalid_document`).
    #[error("JSON payload is not an article: {detail}")]
    InvalidDocument {
        /// What is wrong, naming the field.
        detail: String,
    },
}

impl DecodeError {
    /// Stable, low-cardinality reason code for metrics and dead-letter records.
    pub fn reason(&self) -> &'static str {
        match self {
            DecodeError::Empty => "empty",
            DecodeError::TooLarge { .. } => "too_large",
            DecodeError::InvalidUtf8 { .. } => "invalid_utf8",
            DecodeError::MalformedJson { .. } => "malformed_json",
            DecodeError::InvalidDocument { .. } => "invalid_document",
        }
    }
}

/// What the transport hands to the decoder.
#[derive(Debug, Clone, Copy, Default)]
pub struct RawInput<'a> {
    /// The message value; `None` for a tombstone.
    pub payload: Option<&'a [u8]>,
    /// Value of a `content-type` header, if the message had one.
    pub content_type: Option<&'a str>,
    /// Transport timestamp in milliseconds since the epoch, used when the
    /// payload carries no publish time.
    pub timestamp_ms: Option<i64>,
    /// Payloads longer than this are rejected as `too_large`.
    pub max_bytes: usize,
}

impl<'a> RawInput<'a> {
    /// A payload with no content type, no transport timestamp and no size
    /// limit; set those with the builder methods below.
    pub fn new(payload: &'a [u8]) -> Self {
        RawInput {
            payload: Some(payload),
            content_type: None,
            timestamp_ms: None,
            max_bytes: usize::MAX,
        }
    }

    /// The message's `content-type` header, if any.
    #[must_use]
    pub fn content_type(mut self, content_type: Option<&'a str>) -> Self {
        self.content_type = content_type;
        self
    }

    /// The transport timestamp (ms since the epoch), used when the payload
    /// carries no publish time.
    #[must_use]
    pub fn timestamp_ms(mut self, timestamp_ms: Option<i64>) -> Self {
        self.timestamp_ms = timestamp_ms;
        self
    }

    /// The size limit (`worker.max_message_bytes`).
    #[must_use]
    pub fn max_bytes(mut self, max_bytes: usize) -> Self {
        self.max_bytes = max_bytes;
        self
    }
}

/// Form chosen from a content-type header, if it names one we know.
fn format_from_content_type(ct: &str) -> Option<InputFormat> {
    let ct = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match ct.as_str() {
        "text/plain" => Some(InputFormat::PlainText),
        "text/html" | "application/xhtml+xml" => Some(InputFormat::Html),
        "application/ninjs+json" | "application/vnd.iptc.ninjs+json" => Some(InputFormat::Ninjs),
        "application/json" => Some(InputFormat::JsonEnvelope),
        _ => None,
    }
}

/// Decode a payload. Never panics; every rejection is a `DecodeError`.
pub fn decode(raw: &RawInput<'_>) -> Result<Article, DecodeError> {
    let bytes = raw.payload.unwrap_or(&[]);
    if bytes.len() > raw.max_bytes {
        return Err(DecodeError::TooLarge {
            size: bytes.len(),
            limit: raw.max_bytes,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| DecodeError::InvalidUtf8 {
        offset: e.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if crate::text::is_blank(text) {
        return Err(DecodeError::Empty);
    }
    let declared = raw.content_type.and_then(format_from_content_type);
    let trimmed = text.trim_start();
    let mut doc = match declared {
        Some(InputFormat::PlainText) => plain(text),
        Some(InputFormat::Html) => html_doc(text),
        Some(InputFormat::Ninjs | InputFormat::JsonEnvelope) => json_doc(text, declared)?,
        None if trimmed.starts_with('{') || trimmed.starts_with('[') => json_doc(text, None)?,
        None if html::looks_like_html(trimmed) => html_doc(text),
        None => plain(text),
    };
    if crate::text::is_blank(&doc.text) {
        return Err(DecodeError::Empty);
    }
    if doc.meta.published_at.is_none() {
        if let Some(ts) = raw
            .timestamp_ms
            .and_then(chrono::DateTime::from_timestamp_millis)
        {
            doc.meta.published_at = Some(ts);
            doc.meta.published_basis = Some("message_timestamp");
        }
    }
    Ok(doc)
}

fn plain(text: &str) -> Article {
    Article::new(
        html::decode_entities(text),
        InputFormat::PlainText,
        Metadata::default(),
    )
}

fn html_doc(text: &str) -> Article {
    let extracted = html::to_text(text);
    let meta = Metadata {
        title: extracted.title,
        ..Metadata::default()
    };
    Article::new(extracted.text, InputFormat::Html, meta)
}

fn json_doc(text: &str, declared: Option<InputFormat>) -> Result<Article, DecodeError> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| DecodeError::MalformedJson {
            detail: e.to_string(),
        })?;
    let serde_json::Value::Object(map) = value else {
        return Err(DecodeError::InvalidDocument {
            detail: "top-level JSON value is not an object".into(),
        });
    };
    // `application/json` is what most feeds declare for ninjs too: a ninjs
    // item is recognised under it unless it carries an envelope's text field.
    let envelope_text = ["body", "text", "html"]
        .iter()
        .any(|k| map.contains_key(*k));
    let is_ninjs = declared == Some(InputFormat::Ninjs)
        || (declared.is_none() && ninjs::looks_like_ninjs(&map))
        || (declared == Some(InputFormat::JsonEnvelope)
            && !envelope_text
            && ninjs::looks_like_ninjs(&map));
    if is_ninjs {
        ninjs::decode(map)
    } else {
        envelope::decode(map)
    }
}

#[cfg(test)]
mod tests;
