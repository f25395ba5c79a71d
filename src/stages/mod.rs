//! The stage contract, in one place: the `Stage` trait, what a stage reads
//! (`Article`, read-only), what it writes (`Annotations`, one typed slot per
//! stage) and **the stage table** (`STAGES`): name, description, constructor
//! and record writer of every stage, in the default order.
//!
//! The pipeline (`pipeline::build_pipeline`), the default config
//! (`pipeline::default_stages`) and the enriched record (`record`) all walk
//! `STAGES`; none keeps a list of its own. Adding a stage is its file, one
//! `mod` line and one row of `stage_table!` below (which declares its
//! annotation slot too), its member in `schema/enriched-record.schema.json`
//! and its block in `config/newsflow.toml`; `tests/contract.rs` fails until
//! all of them agree. See ARCHITECTURE.md, "Adding a stage".
//!
//! Invariant: stages never change the text. `Stage::run` gets the article by
//! shared reference, so every `Span` stays valid for every later stage and
//! for the record.
//! Boundary: stages are synchronous and pure; they know nothing of Kafka,
//! metrics or the clock beyond the article's publish time (`dedup`'s store
//! is the one piece of state, behind `dedup::DedupStore`).

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

use serde::{Deserialize, Serialize};

pub use crate::document::{Article, InputFormat, Located, Metadata, Span};

/// Why a stage could not annotate an article.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StageError {
    /// The stage needs an annotation another stage provides.
    #[error("needs the `{0}` stage to run first")]
    MissingInput(&'static str),
    /// The article gives the stage nothing to work with.
    #[error("{0}")]
    Unsupported(String),
    /// The stage panicked; the panic message is kept.
    #[error("panicked: {0}")]
    Panicked(String),
}

/// One enrichment step: reads the article and earlier stages' annotations,
/// writes its own slot of `out`.
pub trait Stage: Send + Sync {
    /// Stable name, as used in config and output; equals its table row's name.
    fn name(&self) -> &'static str;
    /// Version of the stage's logic or model, recorded in provenance.
    fn version(&self) -> &'static str;
    /// Annotate one article. Must not panic on any input (a panic is caught
    /// and recorded, but it is a bug).
    fn run(&self, article: &Article, out: &mut Annotations) -> Result<(), StageError>;
    /// Entries the stage keeps between articles (the dedup window), for the
    /// `newsflow_stage_state_entries` gauge; `None` for stateless stages.
    fn state_entries(&self) -> Option<usize> {
        None
    }
}

/// Builds a stage from its `options` table; the error names the bad key.
pub type BuildFn = fn(&toml::Table) -> Result<Box<dyn Stage>, String>;
/// Turns a stage's slot into its `enrichment` member, serialised (the
/// record is written from these pieces, never held as a JSON tree); `None`
/// when empty.
pub type WriteFn = fn(&Annotations) -> Option<Box<serde_json::value::RawValue>>;

/// One row of the stage table.
pub struct StageEntry {
    /// Name in config, `stage_status`, provenance and the record's
    /// `enrichment` member; also the name of its `Annotations` slot.
    pub name: &'static str,
    /// One line on what the stage adds (shown by `--help` and the README).
    pub description: &'static str,
    /// Constructor from the stage's `options`.
    pub build: BuildFn,
    /// Writer of the stage's slot into the record.
    pub write: WriteFn,
}

/// Declares `Annotations` (one `Option` slot per row) and `STAGES` (one
/// entry per row) from the same rows, so they cannot disagree.
macro_rules! stage_table {
    ($( $slot:ident : $ty:ty => $how:ident($ctor:path), $desc:literal; )*) => {
        /// What the stages wrote about one article: one slot per stage, in
        /// table order. A slot is `None` when its stage did not run or failed.
        #[derive(Debug, Clone, Default)]
        pub struct Annotations {
            $(
                #[doc = $desc]
                pub $slot: Option<$ty>,
            )*
            /// The tokens and sentences of `Article::text`, made by the
            /// first stage that asks (`Annotations::analysis`); not a slot,
            /// never in the record.
            pub text_analysis: std::sync::OnceLock<crate::nlp::Analysed>,
        }

        impl Annotations {
            /// The tokens and sentences of `article.text`, tokenised once
            /// per article whichever stages ask. `Annotations` belong to one
            /// article: do not reuse them for another.
            pub fn analysis(&self, article: &Article) -> &crate::nlp::Analysed {
                self.text_analysis
                    .get_or_init(|| crate::nlp::Analysed::of(&article.text))
            }
        }

        /// Every stage, in the default order. See the module docs.
        pub static STAGES: &[StageEntry] = &[
            $(
                StageEntry {
                    name: stringify!($slot),
                    description: $desc,
                    build: |options| $how($ctor, options),
                    write: |a| to_json(a.$slot.as_ref()),
                },
            )*
        ];
    };
}

stage_table! {
    structure: structure::Structure => plain(structure::StructureStage::build),
        "section, headline, key points, caption, paragraphs, credit, byline, dateline; drops boilerplate";
    language: language::Language => plain(language::LanguageStage::build),
        "language code and confidence";
    stats: stats::Stats => plain(stats::StatsStage::build),
        "words, sentences, reading time";
    fingerprint: fingerprint::Fingerprint => plain(fingerprint::FingerprintStage::build),
        "stable article id and normalised content hash";
    entities: entities::Entities => fallible(entities::EntitiesStage::build),
        "people, organisations, places with aliases merged; places to countries; countries of focus";
    dates: Vec<dates::DateMention> => plain(dates::DatesStage::build),
        "absolute, weekday and relative dates resolved against the publish time";
    amounts: Vec<amounts::Amount> => plain(amounts::AmountsStage::build),
        "numbers with what they count: 3,500 troops, $2 billion, 40 percent";
    quotes: Vec<quotes::Quote> => plain(quotes::QuotesStage::build),
        "direct quotations with their speakers (needs entities)";
    tone: tone::Tone => plain(tone::ToneStage::build),
        "VADER sentence sentiment, GDELT-style article tone, per-entity sentiment (needs entities)";
    keyphrases: Vec<keyphrases::Keyphrase> => plain(keyphrases::KeyphrasesStage::build),
        "scored keyphrases, headline and key points weighted";
    summary: summary::Summary => plain(summary::SummaryStage::build),
        "1 to 3 sentences: the key points, else lead-aware extractive";
    topics: Vec<topics::Topic> => fallible(topics::TopicsStage::build),
        "IPTC Media Topics, levels 1 and 2, with relevance and confidence";
    dedup: dedup::Dedup => fallible(dedup::DedupStage::build),
        "exact and near-duplicates of recent articles, and story grouping (stateful store)";
}

/// The table row of a stage, by name.
pub fn entry(name: &str) -> Option<&'static StageEntry> {
    STAGES.iter().find(|e| e.name == name)
}

fn to_json<T: Serialize>(slot: Option<&T>) -> Option<Box<serde_json::value::RawValue>> {
    slot.and_then(|v| serde_json::value::to_raw_value(v).ok())
}

/// Parse a stage's options into its typed config (`deny_unknown_fields`
/// makes the error name the unknown key).
fn options<T: for<'de> Deserialize<'de>>(options: &toml::Table) -> Result<T, String> {
    toml::Value::Table(options.clone())
        .try_into::<T>()
        .map_err(|e| e.message().to_string())
}

/// A stage whose build cannot fail once its options parse.
fn plain<C, S>(build: fn(C) -> S, table: &toml::Table) -> Result<Box<dyn Stage>, String>
where
    C: for<'de> Deserialize<'de>,
    S: Stage + 'static,
{
    Ok(Box::new(build(options(table)?)))
}

/// A stage whose build can fail (a model or store to load).
fn fallible<C, S>(
    build: fn(C) -> Result<S, String>,
    table: &toml::Table,
) -> Result<Box<dyn Stage>, String>
where
    C: for<'de> Deserialize<'de>,
    S: Stage + 'static,
{
    Ok(Box::new(build(options(table)?)?))
}

/// The text a content stage should read: headline and body paragraphs when
/// the structure stage ran (so boilerplate, captions and credits are left
/// out), else the whole text.
pub fn content_text(article: &Article, ann: &Annotations) -> String {
    match &ann.structure {
        Some(s) if !s.paragraphs.is_empty() => {
            let mut out = String::new();
            if let Some(h) = s
                .headline
                .as_ref()
                .map(|h| h.text.as_str())
                .or(article.meta.title.as_deref())
            {
                out.push_str(h);
                out.push_str("\n\n");
            }
            out.push_str(&s.body_text());
            out
        }
        _ => article.text.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row builds with empty options, and the stage it builds answers
    /// to the row's name (which is also its slot's name).
    #[test]
    fn every_row_builds_a_stage_of_its_own_name() {
        for e in STAGES {
            let stage = (e.build)(&toml::Table::new())
                .unwrap_or_else(|err| panic!("stage `{}` does not build: {err}", e.name));
            assert_eq!(stage.name(), e.name);
        }
    }

    /// A row writes its own slot and nothing else.
    #[test]
    fn a_row_writes_its_own_slot() {
        let article = Article::from_text("Some words here. And more.");
        let mut out = Annotations::default();
        let stats = entry("stats").expect("stats row");
        (stats.build)(&toml::Table::new())
            .unwrap()
            .run(&article, &mut out)
            .unwrap();
        for e in STAGES {
            assert_eq!((e.write)(&out).is_some(), e.name == "stats", "{}", e.name);
        }
    }
}
