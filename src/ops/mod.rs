//! Day-two tools for operators, over the same Kafka settings as the worker:
//! `produce` feeds articles into a topic, `replay` sends dead letters back
//! to be enriched again. Both are library functions with typed errors; the
//! binary only parses flags and prints.
//!
//! Boundary: tools talk to Kafka but never enrich; the worker does that.

mod produce;
mod replay;
mod select;

use std::path::PathBuf;

use rdkafka::error::KafkaError;
use rdkafka::ClientConfig;

pub use produce::{produce, Article, ProduceOptions, ProduceSummary};
pub use replay::{cursor_group, replay, ReplayOptions, ReplaySummary, Sent, REPLAY_HEADER};
pub use select::{parse_time_bound, Filter, OffsetRange};

use crate::config::Config;

/// Why a tool stopped.
#[derive(Debug, thiserror::Error)]
pub enum OpsError {
    /// An input path cannot be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file or directory.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The inputs hold no article.
    #[error("no articles found in {0}; pass files, directories or JSON-lines files (*.jsonl)")]
    NoArticles(String),
    /// A Kafka client could not be created or a request failed.
    #[error("{what}: {source}; check --brokers and the [kafka] properties")]
    Kafka {
        /// What was being done.
        what: String,
        /// librdkafka's error.
        source: KafkaError,
    },
    /// Some messages were not acknowledged.
    #[error("{failed} of {total} messages were not acknowledged by the broker (first error: {first}); nothing was committed, so running the same command again is safe")]
    Delivery {
        /// How many failed.
        failed: u64,
        /// How many were sent.
        total: u64,
        /// The first failure.
        first: String,
    },
    /// A topic does not exist or has no partitions.
    #[error("topic {0:?} does not exist on the broker (or has no partitions); check the name, or create it first")]
    NoTopic(String),
    /// Reading stopped making progress.
    #[error(
        "reading {topic} made no progress for {secs} s (at {position}); is the broker reachable?"
    )]
    Stalled {
        /// The topic being read.
        topic: String,
        /// How long without a message.
        secs: u64,
        /// Where reading stood, per partition.
        position: String,
    },
}

/// Where the broker is and how to talk to it: `kafka.brokers` and the
/// `kafka.properties` passthrough (security settings) of the worker config.
#[derive(Debug, Clone)]
pub struct Connection {
    /// Bootstrap servers.
    pub brokers: String,
    /// librdkafka properties applied to every client (sasl.*, ssl.*, ...).
    pub properties: Vec<(String, String)>,
}

impl Connection {
    /// Take brokers and shared properties from a loaded worker config.
    pub fn from_config(c: &Config) -> Self {
        Connection {
            brokers: c.kafka.brokers.clone(),
            properties: c
                .kafka
                .properties
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        }
    }

    /// A client config with the brokers, the properties and `client.id`.
    fn client(&self, client_id: &str) -> ClientConfig {
        let mut c = ClientConfig::new();
        c.set("bootstrap.servers", &self.brokers)
            .set("client.id", client_id);
        for (k, v) in &self.properties {
            c.set(k, v);
        }
        c
    }

    /// An idempotent, acks=all producer that accepts large messages (the
    /// broker still applies its own limit).
    fn producer(&self, client_id: &str) -> Result<rdkafka::producer::FutureProducer, OpsError> {
        let mut c = self.client(client_id);
        c.set("enable.idempotence", "true")
            .set("acks", "all")
            .set("linger.ms", "5")
            .set("message.timeout.ms", "60000")
            .set("message.max.bytes", "100000000");
        for (k, v) in &self.properties {
            c.set(k, v);
        }
        c.create().map_err(|source| OpsError::Kafka {
            what: "cannot create the producer".into(),
            source,
        })
    }
}
