//! Builds a `Pipeline` from the config's ordered stage list (phase two of
//! config: user input already parsed, now turned into stage objects).

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Pipeline, Stage};
use crate::stages;

/// One entry of `[[pipeline.stages]]`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StageConfig {
    /// Stage name; see `known_stages()`.
    pub name: String,
    /// When true, a failure of this stage dead-letters the message instead of
    /// being recorded as a partial success.
    #[serde(default)]
    pub required: bool,
    /// Stage-specific options; each stage rejects keys it does not know.
    #[serde(default)]
    pub options: toml::Table,
}

impl StageConfig {
    pub fn named(name: &str) -> Self {
        StageConfig {
            name: name.into(),
            required: false,
            options: toml::Table::new(),
        }
    }
}

/// A stage list that cannot be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("pipeline stage #{index} `{stage}`: {detail}")]
pub struct BuildError {
    pub index: usize,
    pub stage: String,
    pub detail: String,
}

/// Stage names in the default order, with a one-line purpose each.
pub fn known_stages() -> &'static [(&'static str, &'static str)] {
    &[
        ("structure", "section, headline, key points, caption, paragraphs, credit, byline, dateline; drops boilerplate"),
        ("language", "language code and confidence"),
        ("stats", "words, sentences, reading time"),
        ("fingerprint", "stable article id and normalised content hash"),
        ("entities", "people, organisations, places with aliases merged; places to countries; countries of focus"),
        ("dates", "absolute, weekday and relative dates resolved against the publish time"),
        ("amounts", "numbers with what they count: 3,500 troops, $2 billion, 40 percent"),
        ("quotes", "direct quotations with their speakers (needs entities)"),
        ("tone", "VADER sentence sentiment, GDELT-style article tone, per-entity sentiment (needs entities)"),
        ("keyphrases", "scored keyphrases, headline and key points weighted"),
        ("summary", "1 to 3 sentences: the key points, else lead-aware extractive"),
        ("topics", "IPTC Media Topics, levels 1 and 2, with relevance and confidence"),
        ("dedup", "exact and near-duplicates of recent articles, and story grouping (stateful store)"),
    ]
}

/// Parse a stage's options into its typed config, naming the stage on error.
pub(crate) fn options<T: for<'de> Deserialize<'de>>(options: &toml::Table) -> Result<T, String> {
    toml::Value::Table(options.clone())
        .try_into::<T>()
        .map_err(|e| e.message().to_string())
}

/// A stage whose build cannot fail once its options parse.
fn plain<C, S>(build: fn(C) -> S, options: &toml::Table) -> Result<Box<dyn Stage>, String>
where
    C: for<'de> Deserialize<'de>,
    S: Stage + 'static,
{
    Ok(Box::new(build(self::options(options)?)))
}

/// A stage whose build can fail (a model or store to load).
fn fallible<C, S>(
    build: fn(C) -> Result<S, String>,
    options: &toml::Table,
) -> Result<Box<dyn Stage>, String>
where
    C: for<'de> Deserialize<'de>,
    S: Stage + 'static,
{
    Ok(Box::new(build(self::options(options)?)?))
}

pub fn build_pipeline(list: &[StageConfig]) -> Result<Pipeline, BuildError> {
    let mut stages: Vec<(Box<dyn Stage>, bool)> = Vec::with_capacity(list.len());
    for (i, sc) in list.iter().enumerate() {
        let err = |detail: String| BuildError {
            index: i + 1,
            stage: sc.name.clone(),
            detail,
        };
        if list[..i].iter().any(|o| o.name == sc.name) {
            return Err(err("listed twice; remove one of the entries".into()));
        }
        let o = &sc.options;
        let stage = match sc.name.as_str() {
            "structure" => plain(stages::structure::StructureStage::build, o),
            "language" => plain(stages::language::LanguageStage::build, o),
            "stats" => plain(stages::stats::StatsStage::build, o),
            "fingerprint" => plain(stages::fingerprint::FingerprintStage::build, o),
            "entities" => fallible(stages::entities::EntitiesStage::build, o),
            "dates" => plain(stages::dates::DatesStage::build, o),
            "amounts" => plain(stages::amounts::AmountsStage::build, o),
            "quotes" => plain(stages::quotes::QuotesStage::build, o),
            "tone" => plain(stages::tone::ToneStage::build, o),
            "keyphrases" => plain(stages::keyphrases::KeyphrasesStage::build, o),
            "summary" => plain(stages::summary::SummaryStage::build, o),
            "topics" => fallible(stages::topics::TopicsStage::build, o),
            "dedup" => fallible(stages::dedup::DedupStage::build, o),
            other => {
                let names: Vec<&str> = known_stages().iter().map(|(n, _)| *n).collect();
                Err(format!(
                    "unknown stage `{other}`; known stages are: {}",
                    names.join(", ")
                ))
            }
        }
        .map_err(err)?;
        stages.push((stage, sc.required));
    }
    let canonical = serde_json::to_vec(list).unwrap_or_default();
    let hash = Sha256::digest(&canonical);
    let hex: String = hash.iter().take(8).map(|b| format!("{b:02x}")).collect();
    Ok(Pipeline::new(stages, hex))
}

/// The default stage list, used when the config has no `[[pipeline.stages]]`.
pub fn default_stages() -> Vec<StageConfig> {
    known_stages()
        .iter()
        .map(|(n, _)| StageConfig::named(n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_err(toml_src: &str, expect: &str) {
        #[derive(Deserialize)]
        struct W {
            stages: Vec<StageConfig>,
        }
        let w: W = toml::from_str(toml_src).unwrap();
        let e = build_pipeline(&w.stages).err().expect("should fail");
        assert!(
            e.to_string().contains(expect),
            "{e} does not contain {expect}"
        );
    }

    #[test]
    fn errors_name_the_stage() {
        check_err(
            "[[stages]]\nname = \"nope\"",
            "stage #1 `nope`: unknown stage `nope`; known stages are: structure",
        );
        check_err(
            "[[stages]]\nname = \"stats\"\noptions = { wpm = 3 }",
            "stage #1 `stats`: unknown field `wpm`",
        );
        check_err(
            "[[stages]]\nname = \"stats\"\n[[stages]]\nname = \"stats\"",
            "stage #2 `stats`: listed twice",
        );
    }

    #[test]
    fn default_builds_and_hash_is_stable() {
        let a = build_pipeline(&default_stages()).unwrap();
        let b = build_pipeline(&default_stages()).unwrap();
        assert_eq!(a.config_hash(), b.config_hash());
        assert_eq!(a.describe().len(), known_stages().len());
    }
}
