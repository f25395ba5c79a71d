//! Builds a `Pipeline` from the config's ordered stage list (phase two of
//! config: user input already parsed, now turned into stage objects).

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Pipeline;
use crate::stages::{self, Stage, STAGES};

/// One entry of `[[pipeline.stages]]`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StageConfig {
    /// Stage name: a row of `stages::STAGES`.
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
    /// The stage `name` with default options, not required.
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
    /// Position in the list, from 1.
    pub index: usize,
    /// The name as written.
    pub stage: String,
    /// What is wrong and how to fix it.
    pub detail: String,
}

/// Build the stages of `list`, in its order, from the stage table.
pub fn build_pipeline(list: &[StageConfig]) -> Result<Pipeline, BuildError> {
    let mut built: Vec<(Box<dyn Stage>, bool)> = Vec::with_capacity(list.len());
    for (i, sc) in list.iter().enumerate() {
        let err = |detail: String| BuildError {
            index: i + 1,
            stage: sc.name.clone(),
            detail,
        };
        if list[..i].iter().any(|o| o.name == sc.name) {
            return Err(err("listed twice; remove one of the entries".into()));
        }
        let stage = match stages::entry(&sc.name) {
            Some(entry) => (entry.build)(&sc.options),
            None => {
                let names: Vec<&str> = STAGES.iter().map(|e| e.name).collect();
                Err(format!(
                    "unknown stage `{}`; known stages are: {}",
                    sc.name,
                    names.join(", ")
                ))
            }
        }
        .map_err(err)?;
        built.push((stage, sc.required));
    }
    let canonical = serde_json::to_vec(list).unwrap_or_default();
    let hash = Sha256::digest(&canonical);
    let hex: String = hash.iter().take(8).map(|b| format!("{b:02x}")).collect();
    Ok(Pipeline::new(built, hex))
}

/// The default stage list, used when the config has no `[[pipeline.stages]]`.
pub fn default_stages() -> Vec<StageConfig> {
    STAGES.iter().map(|e| StageConfig::named(e.name)).collect()
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
        assert_eq!(a.describe().len(), STAGES.len());
    }
}
