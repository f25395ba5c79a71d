//! Worker configuration, built in two phases: parse the TOML file and the
//! `NEWSFLOW_*` environment overrides into typed structs (rejecting unknown
//! keys), then build runtime objects from them (`pipeline::build_pipeline`).
//! Every field is documented in config/newsflow.toml.

mod env;
mod properties;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::pipeline::{build_pipeline, BuildError, StageConfig};

pub use properties::Properties;

/// A configuration that cannot be used, naming the file, key or variable.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {cause}")]
    Read {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("invalid config file {path}: {message}\nhint: every key is documented in config/newsflow.toml; run `newsflow check-config FILE` to test a file")]
    Invalid { path: PathBuf, message: String },
    #[error("invalid value from environment override {vars}: {message}\nhint: NEWSFLOW_SECTION__KEY=value sets `key` in `[section]`, e.g. NEWSFLOW_KAFKA__BROKERS=host:9092")]
    Env { vars: String, message: String },
    #[error("config {path}: {message}")]
    Semantic { path: PathBuf, message: String },
    #[error("config {path}: {cause}")]
    Pipeline { path: PathBuf, cause: BuildError },
}

#[derive(Debug, Clone, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub kafka: KafkaConfig,
    #[serde(default)]
    pub worker: WorkerConfig,
    #[serde(default)]
    pub http: HttpConfig,
    #[serde(default)]
    pub log: LogConfig,
    #[serde(default)]
    pub pipeline: PipelineConfig,
}

/// `[kafka]`: where to read and write, and librdkafka passthrough.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KafkaConfig {
    /// Bootstrap servers, comma-separated host:port.
    #[serde(default = "d::brokers")]
    pub brokers: String,
    /// Consumer group id; replicas with the same id share the partitions.
    #[serde(default = "d::group_id")]
    pub group_id: String,
    /// Topics to consume raw articles from (list, or comma-separated string).
    #[serde(default = "d::input_topics", deserialize_with = "env::string_or_list")]
    pub input_topics: Vec<String>,
    /// Topic for enriched records.
    #[serde(default = "d::output_topic")]
    pub output_topic: String,
    /// Topic for dead-letter records.
    #[serde(default = "d::dead_letter_topic")]
    pub dead_letter_topic: String,
    /// librdkafka properties for both consumer and producer
    /// (security.protocol, sasl.*, ssl.*, client.id, ...).
    #[serde(default)]
    pub properties: Properties,
    /// librdkafka properties for the consumer only.
    #[serde(default)]
    pub consumer_properties: Properties,
    /// librdkafka properties for the producer only.
    #[serde(default)]
    pub producer_properties: Properties,
    /// How often librdkafka reports statistics (consumer lag, broker state), ms.
    #[serde(default = "d::statistics_interval_ms")]
    pub statistics_interval_ms: u64,
}

/// `[worker]`: concurrency, limits and shutdown.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkerConfig {
    /// Messages processed at once (in flight between fetch and commit).
    /// Bounds memory: at most this many payloads and records are held.
    #[serde(default = "d::concurrency")]
    pub concurrency: usize,
    /// Articles enriched at the same time (CPU-bound work on the blocking
    /// pool); the rest of `concurrency` waits for the broker. 0: one per
    /// CPU core the process may use.
    #[serde(default)]
    pub processing_threads: usize,
    /// Payloads larger than this are dead-lettered with reason `too_large`.
    #[serde(default = "d::max_message_bytes")]
    pub max_message_bytes: usize,
    /// On SIGTERM/SIGINT or partition revoke, how long to wait for in-flight
    /// messages before committing what finished, in seconds.
    #[serde(default = "d::drain_timeout_secs")]
    pub drain_timeout_secs: u64,
    /// How often finished offsets are committed, in milliseconds.
    #[serde(default = "d::commit_interval_ms")]
    pub commit_interval_ms: u64,
    /// First and largest delay between retries of a failed produce, in ms.
    #[serde(default = "d::retry_backoff_ms")]
    pub retry_backoff_ms: u64,
    #[serde(default = "d::retry_backoff_max_ms")]
    pub retry_backoff_max_ms: u64,
    /// How often the whole consumer group is checked, in seconds: committed
    /// offsets against high watermarks on every input partition, and which
    /// member owns each (the stuck-group metrics). 0 turns the check off.
    #[serde(default = "d::group_check_interval_secs")]
    pub group_check_interval_secs: u64,
}

/// `[http]`: the metrics and health server.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpConfig {
    /// Address for /metrics, /healthz and /readyz. Empty string disables it.
    #[serde(default = "d::listen")]
    pub listen: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Json,
    Pretty,
}

/// `[log]`
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogConfig {
    /// "json" (one object per line) or "pretty".
    #[serde(default = "d::log_format")]
    pub format: LogFormat,
    /// tracing EnvFilter directive, e.g. "info,newsflow=debug". RUST_LOG wins if set.
    #[serde(default = "d::log_filter")]
    pub filter: String,
}

/// `[pipeline]`
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PipelineConfig {
    /// Ordered stages; see `newsflow enrich --help` for the list.
    #[serde(default = "crate::pipeline::default_stages")]
    pub stages: Vec<StageConfig>,
    /// Whether each record carries `provenance.stage_ms`, every stage's wall
    /// time for that article (default false: the stage-duration metrics
    /// hold the same for operators, and records stay smaller).
    #[serde(default)]
    pub stage_timings: bool,
}

mod d {
    pub(super) fn brokers() -> String {
        "127.0.0.1:9092".into()
    }
    pub(super) fn group_id() -> String {
        "newsflow".into()
    }
    pub(super) fn input_topics() -> Vec<String> {
        vec!["news.raw".into()]
    }
    pub(super) fn output_topic() -> String {
        "news.enriched".into()
    }
    pub(super) fn dead_letter_topic() -> String {
        "news.deadletter".into()
    }
    pub(super) fn statistics_interval_ms() -> u64 {
        5000
    }
    pub(super) fn concurrency() -> usize {
        64
    }
    pub(super) fn max_message_bytes() -> usize {
        2 * 1024 * 1024
    }
    pub(super) fn drain_timeout_secs() -> u64 {
        30
    }
    pub(super) fn commit_interval_ms() -> u64 {
        1000
    }
    pub(super) fn retry_backoff_ms() -> u64 {
        200
    }
    pub(super) fn retry_backoff_max_ms() -> u64 {
        30_000
    }
    pub(super) fn group_check_interval_secs() -> u64 {
        15
    }
    pub(super) fn listen() -> String {
        "0.0.0.0:9898".into()
    }
    pub(super) fn log_format() -> super::LogFormat {
        super::LogFormat::Json
    }
    pub(super) fn log_filter() -> String {
        "info".into()
    }
}

macro_rules! default_from_serde {
    ($($t:ty),*) => {$(
        impl Default for $t {
            fn default() -> Self {
                toml::from_str("").expect("all fields have defaults")
            }
        }
    )*};
}
default_from_serde!(
    KafkaConfig,
    WorkerConfig,
    HttpConfig,
    LogConfig,
    PipelineConfig
);

impl Config {
    /// Load `path`, apply `NEWSFLOW_*` overrides from `vars`, and validate,
    /// including building the pipeline.
    pub fn load(
        path: &Path,
        vars: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|cause| ConfigError::Read {
            path: path.into(),
            cause,
        })?;
        Config::from_toml(&text, path, vars)
    }

    pub fn from_toml(
        text: &str,
        path: &Path,
        vars: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Config, ConfigError> {
        let invalid = |message: String| ConfigError::Invalid {
            path: path.into(),
            message,
        };
        // Phase 1a: the file alone, so errors point at its lines.
        toml::from_str::<Config>(text)
            .map_err(|e| invalid(e.to_string().trim_end().to_string()))?;
        // Phase 1b: the file plus environment overrides.
        let mut table: toml::Table = toml::from_str(text).map_err(|e| invalid(e.to_string()))?;
        let applied = env::apply_overrides(&mut table, vars);
        let config = if applied.is_empty() {
            toml::from_str::<Config>(text).map_err(|e| invalid(e.to_string()))?
        } else {
            Config::deserialize(toml::Value::Table(table)).map_err(|e| ConfigError::Env {
                vars: applied.join(", "),
                message: e.message().to_string(),
            })?
        };
        config.validate().map_err(|message| ConfigError::Semantic {
            path: path.into(),
            message,
        })?;
        // Phase 2: build the objects once, so a bad stage list fails here.
        build_pipeline(&config.pipeline.stages).map_err(|cause| ConfigError::Pipeline {
            path: path.into(),
            cause,
        })?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), String> {
        let k = &self.kafka;
        if k.brokers.trim().is_empty() {
            return Err("`kafka.brokers` is empty; set it to host:port[,host:port]".into());
        }
        if k.input_topics.is_empty() || k.input_topics.iter().any(|t| t.trim().is_empty()) {
            return Err("`kafka.input_topics` needs at least one non-empty topic name".into());
        }
        for out in [&k.output_topic, &k.dead_letter_topic] {
            if k.input_topics.contains(out) {
                return Err(format!(
                    "topic `{out}` is both an input and an output; that would loop forever"
                ));
            }
        }
        if k.output_topic == k.dead_letter_topic {
            return Err("`kafka.output_topic` and `kafka.dead_letter_topic` must differ".into());
        }
        if self.worker.concurrency == 0 {
            return Err("`worker.concurrency` must be at least 1".into());
        }
        if self.worker.max_message_bytes == 0 {
            return Err("`worker.max_message_bytes` must be at least 1".into());
        }
        for (name, props) in [
            ("properties", &k.properties),
            ("consumer_properties", &k.consumer_properties),
        ] {
            for key in props.keys() {
                if [
                    "enable.auto.commit",
                    "enable.auto.offset.store",
                    "group.id",
                    "bootstrap.servers",
                ]
                .contains(&key.as_str())
                {
                    return Err(format!(
                        "`kafka.{name}.\"{key}\"` is managed by newsflow (offsets are committed only after output is acknowledged); remove it"
                    ));
                }
            }
        }
        Ok(())
    }

    /// A copy safe to print: secret properties replaced by "******".
    pub fn masked(&self) -> Config {
        let mut c = self.clone();
        for p in [
            &mut c.kafka.properties,
            &mut c.kafka.consumer_properties,
            &mut c.kafka.producer_properties,
        ] {
            p.mask();
        }
        c
    }
}

#[cfg(test)]
mod tests;
