//! Output records: the enriched record (`id`, `ninjs`, `enrichment`,
//! `stage_status`, `source`, `provenance`) and the dead-letter record, plus
//! `process`, the pure bytes-in/record-out function the runtime and the CLI
//! share.
//!
//! Invariant: `process` returns exactly one record for every input, and
//! never panics.
//! Boundary: no Kafka here; the transport describes itself through `SourceInfo`.

#![warn(missing_docs)]

mod dead_letter;
mod ninjs;

use std::time::Instant;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::{json, Value};

use crate::input::{self, RawInput};
use crate::pipeline::{Outcome, Pipeline, StageStatus};
use crate::stages::{Annotations, Article, STAGES};

pub use dead_letter::{dead_letter_record, minimal_dead_letter};

/// Every dead-letter reason code, as the `newsflow_dead_letters_total`
/// metric labels them: the decode failures (`input::DecodeError::reason`),
/// `stage_failed` (here), and the runtime's `output_rejected` and
/// `internal_error`.
pub const DEAD_LETTER_REASONS: &[&str] = &[
    "empty",
    "too_large",
    "invalid_utf8",
    "malformed_json",
    "invalid_document",
    "stage_failed",
    "output_rejected",
    "internal_error",
];

/// Version of newsflow, stamped in every record.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Where an input came from. Kafka fills topic/partition/offset; the CLI fills `file`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SourceInfo {
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Kafka topic.
    pub topic: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Kafka partition.
    pub partition: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Kafka offset, or the line number for `enrich --jsonl`.
    pub offset: Option<i64>,
    /// Transport timestamp, RFC 3339.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Message key (lossy UTF-8).
    pub key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    /// Input file, for `enrich`.
    pub file: Option<String>,
    /// The message key's exact bytes (not serialised in the enriched
    /// record; the dead-letter record keeps them so `replay` can restore them).
    #[serde(skip)]
    pub key_bytes: Option<Vec<u8>>,
    /// The message headers, in order (kept by the dead-letter record only).
    #[serde(skip)]
    pub headers: Vec<(String, Option<Vec<u8>>)>,
}

/// The result of processing one input.
#[derive(Debug)]
pub enum Processed {
    /// An enriched record for the output topic.
    Enriched {
        /// Article id, used as the output message key.
        id: String,
        /// The record, serialised.
        record: Vec<u8>,
        /// One status per stage.
        statuses: Vec<StageStatus>,
        /// Publish (or transport) time, for freshness.
        published_at: Option<DateTime<Utc>>,
        /// "payload" or "message_timestamp".
        published_basis: Option<&'static str>,
    },
    /// A dead-letter record for the dead-letter topic.
    DeadLetter {
        /// Low-cardinality reason code (see DecodeError::reason, "stage_failed").
        reason: &'static str,
        /// The record, serialised.
        record: Vec<u8>,
        /// Statuses of the stages that ran (none for a decode failure).
        statuses: Vec<StageStatus>,
    },
}

/// A UTC time as RFC 3339 with whole seconds ("2020-01-05T18:00:00Z").
pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Decode, enrich and serialise one input.
pub fn process(raw: &RawInput<'_>, source: &SourceInfo, pipeline: &Pipeline) -> Processed {
    let started = Instant::now();
    let article = match input::decode(raw) {
        Ok(a) => a,
        Err(e) => {
            let record = dead_letter_record(e.reason(), &e.to_string(), None, raw, source);
            return Processed::DeadLetter {
                reason: e.reason(),
                record,
                statuses: Vec::new(),
            };
        }
    };
    let mut annotations = Annotations::default();
    let report = pipeline.run(&article, &mut annotations);
    if let Some((stage, err)) = &report.required_failure {
        let msg = format!("required stage `{stage}` failed: {err}");
        let record = dead_letter_record("stage_failed", &msg, Some(stage), raw, source);
        return Processed::DeadLetter {
            reason: "stage_failed",
            record,
            statuses: report.statuses,
        };
    }
    let id = article_id(&article, &annotations);
    let record = enriched_record(
        &article,
        &annotations,
        &report.statuses,
        source,
        pipeline,
        raw.payload.map_or(0, <[u8]>::len),
        started,
        &id,
    );
    Processed::Enriched {
        id,
        record,
        statuses: report.statuses,
        published_at: article.meta.published_at,
        published_basis: article.meta.published_basis,
    }
}

/// The article id: the fingerprint's, else the input's, else a content hash.
fn article_id(article: &Article, a: &Annotations) -> String {
    if let Some(f) = &a.fingerprint {
        return f.id.clone();
    }
    if let Some(id) = &article.meta.id {
        return id.clone();
    }
    let norm = crate::stages::fingerprint::normalised_content(&article.text);
    let digest = <sha2::Sha256 as sha2::Digest>::digest(norm.as_bytes());
    format!(
        "sha-{}",
        digest
            .iter()
            .take(10)
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    )
}

/// The `enrichment` member: its head (input, text, publish time) and one
/// serialised member per stage that wrote its slot, in table order.
struct Enrichment {
    head: serde_json::Map<String, Value>,
    members: Vec<(&'static str, Box<RawValue>)>,
}

impl Serialize for Enrichment {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.head.len() + self.members.len()))?;
        for (k, v) in &self.head {
            m.serialize_entry(k, v)?;
        }
        for (k, v) in &self.members {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// The enriched record, in member order.
#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    ninjs: Value,
    enrichment: Enrichment,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    stage_status: Vec<&'a StageStatus>,
    source: &'a SourceInfo,
    provenance: Value,
}

/// The enriched record of one article, serialised: `id`, `ninjs`,
/// `enrichment` (the text, the input's description and one member per
/// stage that wrote its slot, in table order), `stage_status`, `source` and
/// `provenance`. Each stage's member is serialised straight from its typed
/// annotation, not through a JSON tree, which for a dense 2 MB input cost
/// several times the record's size in memory.
#[allow(clippy::too_many_arguments)]
pub fn enriched_record(
    article: &Article,
    a: &Annotations,
    statuses: &[StageStatus],
    source: &SourceInfo,
    pipeline: &Pipeline,
    input_bytes: usize,
    started: Instant,
    id: &str,
) -> Vec<u8> {
    let ninjs = ninjs::build(article, a, id);
    // The text once: when the analysed text is the ninjs main body, offsets
    // point into that body and `enrichment.text` is left out.
    let text_is_body = ninjs["bodies"][0]["value"].as_str() == Some(article.text.as_str());
    let mut head = serde_json::Map::new();
    head.insert(
        "input".into(),
        json!({
            "format": article.format.as_str(),
            "bytes": input_bytes,
        }),
    );
    if !text_is_body {
        head.insert("text".into(), json!(article.text));
    }
    if !article.meta.extra.is_empty() {
        head["input"]["extra"] = Value::Object(article.meta.extra.clone());
    }
    if let Some(s) = &article.meta.source {
        head["input"]["source"] = json!(s);
    }
    if let (Some(t), Some(basis)) = (article.meta.published_at, article.meta.published_basis) {
        head.insert("published_at".into(), json!(rfc3339(t)));
        head.insert("published_basis".into(), json!(basis));
    }
    let members = STAGES
        .iter()
        .filter_map(|stage| (stage.write)(a).map(|v| (stage.name, v)))
        .collect();
    let stages: serde_json::Map<String, Value> = pipeline
        .describe()
        .iter()
        .map(|(n, v)| ((*n).to_string(), json!(v)))
        .collect();
    let stage_ms: Option<serde_json::Map<String, Value>> = pipeline.stage_timings().then(|| {
        statuses
            .iter()
            .map(|s| (s.stage.to_string(), json!(s.duration_ms)))
            .collect()
    });
    let mut record = Record {
        id,
        ninjs,
        enrichment: Enrichment { head, members },
        // Only the stages that did not succeed; every stage's time is in
        // the metrics and, with `pipeline.stage_timings`, in
        // `provenance.stage_ms`.
        stage_status: statuses
            .iter()
            .filter(|s| s.status != Outcome::Ok)
            .collect(),
        source,
        provenance: json!({
            "newsflow_version": VERSION,
            "pipeline_config_hash": pipeline.config_hash(),
            "stages": stages,
            "processed_at": rfc3339(Utc::now()),
            "processing_ms": (started.elapsed().as_secs_f64() * 1_000_000.0).round() / 1000.0,
        }),
    };
    if let Some(ms) = stage_ms {
        record.provenance["stage_ms"] = Value::Object(ms);
    }
    serde_json::to_vec(&record).unwrap_or_default()
}
