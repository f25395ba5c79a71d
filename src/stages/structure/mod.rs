//! The structure stage: finds the parts of a news article in its text
//! (section, headline, byline, key points, photo captions, dateline, body
//! paragraphs, credit line) and sets aside boilerplate (subscribe, watch and
//! related-video lines, repeated widget lines).
//!
//! Offsets are bytes into `Document::text`; reported strings are normalised
//! (NBSP, odd dashes, whitespace) without moving those offsets.

mod layout;
mod rules;

use serde::{Deserialize, Serialize};

use crate::document::{Article, Located};
use crate::stages::{Annotations, Stage, StageError};

/// Options of the `structure` stage.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Extra line prefixes (case-insensitive) to drop as boilerplate, e.g.
    /// "Sign up for our newsletter".
    #[serde(default)]
    pub extra_boilerplate_prefixes: Vec<String>,
    /// Extra headings that introduce a key-points list, besides "Key Points",
    /// "Highlights", "Key takeaways", "In brief", ...
    #[serde(default)]
    pub key_point_headings: Vec<String>,
    /// Longest line, in words, still taken for a headline.
    #[serde(default = "default_max_headline_words")]
    pub max_headline_words: usize,
}

fn default_max_headline_words() -> usize {
    30
}

impl Default for Config {
    fn default() -> Self {
        Config {
            extra_boilerplate_prefixes: Vec::new(),
            key_point_headings: Vec::new(),
            max_headline_words: 30,
        }
    }
}

/// A dateline at the head of the first paragraph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dateline {
    /// In the record only as `start`/`end`.
    #[serde(skip)]
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The place, title-cased ("BAGHDAD" → "Baghdad").
    pub location: String,
    /// The agency in parentheses, if any ("Reuters").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A line set aside as boilerplate, with why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Boilerplate {
    /// In the record only as `start`/`end` (the line is in the text).
    #[serde(skip)]
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// promotion | video_or_related | video_widget | repeated | configured |
    /// sign_off
    pub reason: &'static str,
}

/// The parts of an article. Empty parts are omitted from output. Section,
/// headline and byline carry their (normalised) text; the other parts are
/// `[start, end]` offsets only, since their text is in the record already
/// (key points and captions in ninjs `descriptions`, paragraphs in the
/// body, everything in the analysed text).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Structure {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<Located>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline: Option<Located>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<Located>,
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "crate::document::offsets"
    )]
    pub key_points: Vec<Located>,
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "crate::document::offsets"
    )]
    pub captions: Vec<Located>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
    /// In the record as `[start, end]` pairs: the paragraphs are the text.
    #[serde(serialize_with = "crate::document::offsets")]
    pub paragraphs: Vec<Located>,
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "crate::document::offsets"
    )]
    pub credits: Vec<Located>,
    /// Structural labels that carry no content themselves ("Key Points").
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "crate::document::offsets"
    )]
    pub labels: Vec<Located>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub boilerplate: Vec<Boilerplate>,
}

impl Structure {
    /// The body without boilerplate, caption or credit: paragraphs joined by
    /// blank lines.
    pub fn body_text(&self) -> String {
        self.paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

pub struct StructureStage {
    config: Config,
}

impl StructureStage {
    pub fn build(config: Config) -> Self {
        StructureStage { config }
    }
}

impl Default for StructureStage {
    fn default() -> Self {
        StructureStage::build(Config::default())
    }
}

impl Stage for StructureStage {
    fn name(&self) -> &'static str {
        "structure"
    }
    fn version(&self) -> &'static str {
        "1.3.0"
    }
    fn run(&self, article: &Article, out: &mut Annotations) -> Result<(), StageError> {
        let s = layout::analyse(&article.text, article.meta.title.as_deref(), &self.config);
        if s.paragraphs.is_empty() && s.headline.is_none() && article.meta.title.is_none() {
            out.structure = Some(s);
            return Err(StageError::Unsupported(
                "no headline and no body paragraph found".into(),
            ));
        }
        out.structure = Some(s);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
