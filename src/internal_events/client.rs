//! Events of the Kafka clients and the consumer group: partitions
//! assigned and revoked, lag, client errors and librdkafka's own log, an
//! input offset reset, the producer's statistics, and the group check.

use tracing::{debug, info, warn};

use super::{admit, admit_key, metrics, repeats};

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
