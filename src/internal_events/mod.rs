//! Every log line and metric the worker emits goes through here: one struct
//! per event, each with an `emit()` that logs and updates metrics together,
//! so dashboards and logs never disagree.
//!
//! Metric names follow Prometheus conventions and start with `newsflow_`.
//! Warnings that repeat in an outage are folded (see `repeats`).

mod client;
mod registry;
mod repeats;

use std::sync::OnceLock;

use prometheus::{Encoder, TextEncoder};
use tracing::{debug, info, warn};

pub use client::{
    ConsumerLag, GroupCheckFailed, GroupChecked, InputOffsetReset, KafkaClientError, LibrdkafkaLog,
    PartitionsAssigned, PartitionsRevoked, ProducerStatistics,
};
pub use registry::{metrics, Metrics};

/// The worker's configuration is known: export the concurrency limit, and
/// give every labelled counter its known label values at 0, so that rates
/// and ratios (and the alerts built on them) have a series before the first
/// event: consumed by input topic, produced by output topic, dead letters by
/// reason, stage errors by stage, produce retries by output and dead-letter
/// topic, rebalances by kind, client errors by client.
pub struct LabelsKnown<'a> {
    /// `worker.concurrency`, exported as `newsflow_concurrency_limit`.
    pub concurrency: usize,
    pub input_topics: &'a [String],
    pub output_topic: &'a str,
    pub dead_letter_topic: &'a str,
}
impl LabelsKnown<'_> {
    pub fn emit(self) {
        let m = metrics();
        m.concurrency
            .set(i64::try_from(self.concurrency).unwrap_or(i64::MAX));
        for t in self.input_topics {
            m.consumed.with_label_values(&[t.as_str()]);
            m.offset_resets.with_label_values(&[t.as_str()]);
        }
        m.produced.with_label_values(&[self.output_topic]);
        for r in crate::record::DEAD_LETTER_REASONS {
            m.dead_lettered.with_label_values(&[r]);
        }
        for s in crate::stages::STAGES {
            m.stage_errors.with_label_values(&[s.name]);
        }
        for t in [self.output_topic, self.dead_letter_topic] {
            m.produce_retries.with_label_values(&[t]);
        }
        for k in ["assign", "revoke"] {
            m.rebalances.with_label_values(&[k]);
        }
        for c in ["consumer", "producer"] {
            m.client_errors.with_label_values(&[c]);
        }
        for t in self.input_topics {
            m.input_bytes.with_label_values(&[t.as_str()]);
            m.group_lag.with_label_values(&[t.as_str()]);
        }
        for k in ["record", "dead_letter"] {
            m.output_bytes.with_label_values(&[k]);
            m.pipeline_latency.with_label_values(&[k]);
            m.produce_ack.with_label_values(&[k]);
        }
    }
}

/// `Some(folded)` if a warning with this scope and text is to be logged now
/// (with `folded` earlier repeats); `None` if it is folded into a later line.
fn admit(scope: &str, text: &str) -> Option<u64> {
    admit_key(repeats::key(scope, text))
}

fn admit_key(key: String) -> Option<u64> {
    static REPEATS: OnceLock<repeats::Repeats> = OnceLock::new();
    let admitted = REPEATS
        .get_or_init(repeats::Repeats::default)
        .admit(key, std::time::Instant::now());
    if admitted.is_none() {
        metrics().suppressed_logs.inc();
    }
    admitted
}

/// Prometheus text exposition of all metrics.
pub fn render() -> String {
    let mut buf = Vec::new();
    let _ = TextEncoder::new().encode(&metrics().registry.gather(), &mut buf);
    String::from_utf8(buf).unwrap_or_default()
}

pub struct MessageReceived<'a> {
    pub topic: &'a str,
    pub partition: i32,
    pub offset: i64,
    pub bytes: usize,
}
impl MessageReceived<'_> {
    pub fn emit(self) {
        let m = metrics();
        m.consumed.with_label_values(&[self.topic]).inc();
        m.input_bytes
            .with_label_values(&[self.topic])
            .inc_by(self.bytes as u64);
        debug!(
            topic = self.topic,
            partition = self.partition,
            offset = self.offset,
            "message received"
        );
    }
}

pub struct RecordProduced<'a> {
    pub topic: &'a str,
    pub id: &'a str,
    pub partition: i32,
    pub offset: i64,
}
impl RecordProduced<'_> {
    pub fn emit(self) {
        metrics().produced.with_label_values(&[self.topic]).inc();
        debug!(
            topic = self.topic,
            id = self.id,
            source_partition = self.partition,
            source_offset = self.offset,
            "record produced"
        );
    }
}

pub struct DeadLettered<'a> {
    pub reason: &'a str,
    pub topic: &'a str,
    pub partition: i32,
    pub offset: i64,
}
impl DeadLettered<'_> {
    pub fn emit(self) {
        metrics()
            .dead_lettered
            .with_label_values(&[self.reason])
            .inc();
        warn!(
            reason = self.reason,
            topic = self.topic,
            partition = self.partition,
            offset = self.offset,
            "message dead-lettered"
        );
    }
}

pub struct StageFinished<'a> {
    pub stage: &'a str,
    pub duration_ms: f64,
    pub error: Option<&'a str>,
}
impl StageFinished<'_> {
    pub fn emit(self) {
        let m = metrics();
        m.stage_duration
            .with_label_values(&[self.stage])
            .observe(self.duration_ms / 1000.0);
        if let Some(e) = self.error {
            m.stage_errors.with_label_values(&[self.stage]).inc();
            debug!(
                stage = self.stage,
                error = e,
                "stage failed (partial success)"
            );
        }
    }
}

pub struct Freshness {
    /// "published" or "message".
    pub basis: &'static str,
    pub seconds: f64,
}
impl Freshness {
    pub fn emit(self) {
        metrics()
            .freshness
            .with_label_values(&[self.basis])
            .observe(self.seconds.max(0.0));
    }
}

pub struct InFlight(pub i64);
impl InFlight {
    pub fn emit(self) {
        metrics().in_flight.set(self.0);
    }
}

pub struct OffsetsCommitted {
    pub partitions: usize,
    pub mode: &'static str,
}
impl OffsetsCommitted {
    pub fn emit(self) {
        metrics().commits.inc();
        debug!(
            partitions = self.partitions,
            mode = self.mode,
            "offsets committed"
        );
    }
}

pub struct CommitFailed<'a> {
    pub error: &'a str,
}
impl CommitFailed<'_> {
    pub fn emit(self) {
        metrics().commit_failures.inc();
        if let Some(repeated) = admit("commit", self.error) {
            warn!(
                error = self.error,
                repeated, "offset commit failed; will retry with the next commit"
            );
        }
    }
}

pub struct ProduceRetry<'a> {
    pub topic: &'a str,
    pub error: &'a str,
    pub attempt: u32,
    pub backoff_ms: u64,
}
impl ProduceRetry<'_> {
    pub fn emit(self) {
        metrics()
            .produce_retries
            .with_label_values(&[self.topic])
            .inc();
        if let Some(repeated) = admit(self.topic, self.error) {
            warn!(
                topic = self.topic,
                error = self.error,
                attempt = self.attempt,
                backoff_ms = self.backoff_ms,
                repeated,
                "produce failed; retrying"
            );
        }
    }
}

pub struct Lifecycle<'a> {
    pub what: &'a str,
    pub detail: &'a str,
}
impl Lifecycle<'_> {
    pub fn emit(self) {
        info!(detail = self.detail, "{}", self.what);
    }
}

/// A second SIGTERM/SIGINT: the process exits at once, without draining.
pub struct SecondSignal;
impl SecondSignal {
    pub fn emit(self) {
        warn!("second signal: exiting without draining");
    }
}

/// One message went through decode, the stages and serialisation.
pub struct MessageProcessed {
    pub seconds: f64,
}
impl MessageProcessed {
    pub fn emit(self) {
        metrics().processing.observe(self.seconds);
    }
}

/// The broker acknowledged a message's one output: an enriched record
/// (`kind` "record") or a dead letter ("dead_letter").
pub struct OutputAcknowledged {
    pub kind: &'static str,
    pub bytes: usize,
    /// From the first produce attempt to the acknowledgement.
    pub produce_seconds: f64,
    /// From the message's receipt to the acknowledgement.
    pub since_received_seconds: f64,
}
impl OutputAcknowledged {
    pub fn emit(self) {
        let m = metrics();
        m.output_bytes
            .with_label_values(&[self.kind])
            .inc_by(self.bytes as u64);
        m.produce_ack
            .with_label_values(&[self.kind])
            .observe(self.produce_seconds);
        m.pipeline_latency
            .with_label_values(&[self.kind])
            .observe(self.since_received_seconds);
    }
}

/// A synchronous commit finished (either way) after `seconds`.
pub struct CommitTimed {
    pub seconds: f64,
}
impl CommitTimed {
    pub fn emit(self) {
        metrics().commit_duration.observe(self.seconds);
    }
}

/// /readyz changed its answer.
pub struct ReadinessChanged<'a> {
    pub ready: bool,
    pub detail: &'a str,
}
impl ReadinessChanged<'_> {
    pub fn emit(self) {
        metrics().ready.set(i64::from(self.ready));
        if self.ready {
            info!(detail = self.detail, "ready");
        } else {
            info!(detail = self.detail, "not ready");
        }
    }
}

/// Entries kept by stateful stages (sampled periodically).
pub struct StageState<'a> {
    pub entries: &'a [(&'static str, usize)],
}
impl StageState<'_> {
    pub fn emit(self) {
        let m = metrics();
        for (stage, n) in self.entries {
            m.state_entries
                .with_label_values(&[stage])
                .set(i64::try_from(*n).unwrap_or(i64::MAX));
        }
    }
}

/// The broker refused even the minimal dead letter of an input: the input
/// stays unanswered, its partition commits no further, and the send is
/// retried with backoff.
pub struct DeadLetterRefused<'a> {
    /// The input, `topic/partition/offset`.
    pub source: &'a str,
    pub error: &'a str,
    pub attempt: u32,
    pub backoff_ms: u64,
}
impl DeadLetterRefused<'_> {
    pub fn emit(self) {
        let m = metrics();
        m.dead_letter_refusals.inc();
        if self.attempt == 1 {
            m.unanswered.inc();
        }
        if let Some(repeated) = admit("dead-letter-refused", self.error) {
            tracing::error!(
                source = self.source,
                error = self.error,
                attempt = self.attempt,
                backoff_ms = self.backoff_ms,
                repeated,
                "dead letter refused by the broker; the input stays unanswered and its partition is held (fix the dead-letter topic, e.g. its max.message.bytes)"
            );
        }
    }
}

/// An input whose dead letter had been refused is answered (or abandoned
/// at shutdown, for redelivery).
pub struct DeadLetterUnstuck<'a> {
    pub source: &'a str,
    pub answered: bool,
    pub last_error: &'a str,
}
impl DeadLetterUnstuck<'_> {
    pub fn emit(self) {
        metrics().unanswered.dec();
        if self.answered {
            info!(source = self.source, "refused dead letter finally accepted");
        } else {
            warn!(
                source = self.source,
                last_error = self.last_error,
                "shutting down with an unanswered input; it is not committed and will be redelivered"
            );
        }
    }
}

/// A partition is paused while one of its inputs is unanswered (its dead
/// letter refused), or resumed once answered.
pub struct PartitionHeld<'a> {
    pub topic: &'a str,
    pub partition: i32,
    /// Paused (`true`) or resumed.
    pub held: bool,
    /// librdkafka refused the pause or resume (e.g. the partition was
    /// revoked meanwhile).
    pub error: Option<&'a str>,
}
impl PartitionHeld<'_> {
    pub fn emit(self) {
        let m = metrics();
        if self.held {
            m.paused_partitions.inc();
            warn!(
                topic = self.topic,
                partition = self.partition,
                error = self.error,
                "partition paused: an input of it is unanswered; its later messages wait in the broker"
            );
        } else {
            m.paused_partitions.dec();
            info!(
                topic = self.topic,
                partition = self.partition,
                error = self.error,
                "partition resumed"
            );
        }
    }
}
