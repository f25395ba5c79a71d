//! Every log line and metric the worker emits goes through here: one struct
//! per event, each with an `emit()` that logs and updates metrics together,
//! so dashboards and logs never disagree.
//!
//! Metric names follow Prometheus conventions and start with `newsflow_`.
//! Warnings that repeat in an outage are folded (see `repeats`).

mod registry;
mod repeats;

use std::sync::OnceLock;

use prometheus::{Encoder, TextEncoder};
use tracing::{debug, info, warn};

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

pub struct PartitionsAssigned<'a> {
    pub partitions: &'a [String],
    pub total: usize,
}
impl PartitionsAssigned<'_> {
    pub fn emit(self) {
        let m = metrics();
        m.rebalances.with_label_values(&["assign"]).inc();
        m.assigned.set(self.total as i64);
        info!(partitions = ?self.partitions, "partitions assigned");
    }
}

pub struct PartitionsRevoked<'a> {
    pub partitions: &'a [String],
    pub drained: bool,
    pub total: usize,
}
impl PartitionsRevoked<'_> {
    pub fn emit(self) {
        let m = metrics();
        m.rebalances.with_label_values(&["revoke"]).inc();
        m.assigned.set(self.total as i64);
        if self.drained {
            info!(partitions = ?self.partitions, "partitions revoked after draining");
        } else {
            warn!(partitions = ?self.partitions, "partitions revoked before in-flight work drained; it will be redelivered");
        }
        for p in self.partitions {
            if let Some((topic, part)) = p.rsplit_once('/') {
                let _ = m.lag.remove_label_values(&[topic, part]);
            }
        }
    }
}

pub struct ConsumerLag<'a> {
    pub topic: &'a str,
    pub partition: i32,
    pub lag: i64,
}
impl ConsumerLag<'_> {
    pub fn emit(self) {
        metrics()
            .lag
            .with_label_values(&[self.topic, &self.partition.to_string()])
            .set(self.lag);
    }
}

pub struct KafkaClientError<'a> {
    pub client: &'static str,
    pub error: &'a str,
}
impl KafkaClientError<'_> {
    pub fn emit(self) {
        metrics()
            .client_errors
            .with_label_values(&[self.client])
            .inc();
        if let Some(repeated) = admit_key(repeats::error_key(self.client, self.error)) {
            warn!(
                client = self.client,
                error = self.error,
                repeated,
                "kafka client error (librdkafka retries by itself)"
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

/// A line from librdkafka's own log. Error-level lines are logged at debug:
/// librdkafka reports the same errors through the error callback
/// (`KafkaClientError`), which is logged (folded) and counted; logging both
/// printed every error twice. Warnings are folded like client errors.
pub struct LibrdkafkaLog<'a> {
    pub client: &'static str,
    pub level: rdkafka::config::RDKafkaLogLevel,
    pub facility: &'a str,
    pub message: &'a str,
}
impl LibrdkafkaLog<'_> {
    pub fn emit(self) {
        use rdkafka::config::RDKafkaLogLevel as L;
        let (client, fac, msg) = (self.client, self.facility, self.message);
        match self.level {
            L::Warning => {
                if let Some(repeated) = admit(client, msg) {
                    warn!(target: "librdkafka", client, fac, repeated, "{msg}");
                }
            }
            L::Notice | L::Info => info!(target: "librdkafka", client, fac, "{msg}"),
            L::Emerg | L::Alert | L::Critical | L::Error | L::Debug => {
                debug!(target: "librdkafka", client, fac, "{msg}");
            }
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

/// librdkafka reset an input partition's fetch position because it was out
/// of range: the committed offset is below the log start (retention deleted
/// inputs before they were processed) or past its end (the topic was
/// recreated). Inputs skipped this way are lost to the worker.
pub struct InputOffsetReset<'a> {
    pub topic: &'a str,
    pub partition: i32,
    /// librdkafka's own line, with both offsets.
    pub detail: &'a str,
}
impl InputOffsetReset<'_> {
    pub fn emit(self) {
        metrics()
            .offset_resets
            .with_label_values(&[self.topic])
            .inc();
        tracing::error!(
            topic = self.topic,
            partition = self.partition,
            detail = self.detail,
            "input offset out of range, reset to the log start: inputs between the committed offset and the log start were never processed (retention shorter than the backlog, or the topic was recreated)"
        );
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

/// The producer's librdkafka statistics arrived: its running byte totals.
pub struct ProducerStatistics {
    /// Bytes sent to brokers since the producer started (compressed).
    pub sent_bytes: i64,
    /// Message bytes produced since the producer started (uncompressed).
    pub message_bytes: i64,
}
impl ProducerStatistics {
    pub fn emit(self) {
        use std::sync::atomic::{AtomicU64, Ordering};
        // librdkafka reports running totals; the counters take the growth.
        static LAST: [AtomicU64; 2] = [AtomicU64::new(0), AtomicU64::new(0)];
        let m = metrics();
        for (last, now, counter) in [
            (&LAST[0], self.sent_bytes, &m.producer_sent_bytes),
            (&LAST[1], self.message_bytes, &m.producer_message_bytes),
        ] {
            let now = u64::try_from(now).unwrap_or(0);
            let before = last.swap(now, Ordering::Relaxed);
            counter.inc_by(now.saturating_sub(before));
        }
    }
}

/// The whole group was checked (see `runtime::group`).
pub struct GroupChecked<'a> {
    pub lag_by_topic: &'a std::collections::BTreeMap<String, i64>,
    /// Partitions (topic, partition) with lag that no member owns.
    pub unowned: &'a [(String, i32)],
    pub members: usize,
    pub membership_known: bool,
}
impl GroupChecked<'_> {
    pub fn emit(self) {
        let m = metrics();
        for (topic, lag) in self.lag_by_topic {
            m.group_lag.with_label_values(&[topic]).set(*lag);
        }
        if self.membership_known {
            m.group_unowned.set(self.unowned.len() as i64);
            m.group_members.set(self.members as i64);
        }
        if !self.unowned.is_empty() {
            let parts: Vec<String> = self
                .unowned
                .iter()
                .map(|(t, p)| format!("{t}/{p}"))
                .collect();
            let key = format!("{} unowned", self.unowned.len());
            if let Some(repeated) = admit("group", &key) {
                warn!(
                    partitions = ?parts,
                    members = self.members,
                    repeated,
                    "the group has lag on partitions that no member owns: nothing consumes them (broker group coordination stuck? restart one replica to force a rebalance)"
                );
            }
        }
    }
}

/// The group check could not ask the broker.
pub struct GroupCheckFailed<'a> {
    pub error: &'a str,
}
impl GroupCheckFailed<'_> {
    pub fn emit(self) {
        if let Some(repeated) = admit("group-check", self.error) {
            warn!(
                error = self.error,
                repeated, "group check failed; will retry"
            );
        }
    }
}
