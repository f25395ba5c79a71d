//! The enrichment stages, one per file (or folder when a stage needs more
//! than one file). Each has its `Config`, a `build`, the `Stage` impl and tests.

pub mod amounts;
pub mod dates;
pub mod dedup;
pub mod entities;
pub mod fingerprint;
pub mod keyphrases;
pub mod language;
pub mod quotes;
pub mod stats;
pub mod structure;
pub mod summary;
pub mod tone;
pub mod topics;

use crate::document::Document;

/// The text a content stage should read: headline and body paragraphs when
/// the structure stage ran (so boilerplate, captions and credits are left
/// out), else the whole text.
pub fn content_text(doc: &Document) -> String {
    match &doc.annotations.structure {
        Some(s) if !s.paragraphs.is_empty() => {
            let mut out = String::new();
            if let Some(h) = s
                .headline
                .as_ref()
                .map(|h| h.text.as_str())
                .or(doc.meta.title.as_deref())
            {
                out.push_str(h);
                out.push_str("\n\n");
            }
            out.push_str(&s.body_text());
            out
        }
        _ => doc.text.clone(),
    }
}
