//! librdkafka callbacks: the consumer's rebalance state machine
//! (Consuming → Draining → Consuming), commit results, statistics (lag,
//! broker state) and errors, all reported through `internal_events`.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use rdkafka::client::ClientContext;
use rdkafka::config::RDKafkaLogLevel;
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer, ConsumerContext, Rebalance};
use rdkafka::error::KafkaError;
use rdkafka::statistics::Statistics;
use rdkafka::{Offset, TopicPartitionList};

use super::health::Health;
use super::tracker::{SharedTracker, Tp};
use crate::internal_events as ev;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ConsumerState {
    /// Fetching and processing.
    Consuming,
    /// A revoke is in progress: in-flight work on the revoked partitions is
    /// finishing and their offsets are being committed.
    Draining,
}

pub(super) struct WorkerConsumerContext {
    pub tracker: Arc<SharedTracker>,
    pub health: Arc<Health>,
    pub drain_timeout: Duration,
    pub state: Mutex<ConsumerState>,
}

pub(super) fn tps(list: &TopicPartitionList) -> Vec<Tp> {
    list.elements()
        .iter()
        .map(|e| (e.topic().to_string(), e.partition()))
        .collect()
}

pub(super) fn to_list(offsets: &[(Tp, i64)]) -> TopicPartitionList {
    let mut l = TopicPartitionList::with_capacity(offsets.len());
    for ((t, p), o) in offsets {
        let _ = l.add_partition_offset(t, *p, Offset::Offset(*o));
    }
    l
}

fn labels(v: &[Tp]) -> Vec<String> {
    v.iter().map(|(t, p)| format!("{t}/{p}")).collect()
}

fn forward_log(client: &'static str, level: RDKafkaLogLevel, fac: &str, msg: &str) {
    ev::LibrdkafkaLog {
        client,
        level,
        facility: fac,
        message: msg,
    }
    .emit();
}

/// The partition of librdkafka's "offset reset" warning:
/// `[thrd:main]: TOPIC [P]: offset reset (at offset 50 …) to …`. Topic
/// names hold no spaces, so the topic is the last word before " [P]".
fn offset_reset<'m>(fac: &str, msg: &'m str) -> Option<(&'m str, i32)> {
    if fac != "OFFSET" {
        return None;
    }
    let (head, _) = msg.split_once(": offset reset (at ")?;
    let (topic, partition) = head.strip_suffix(']')?.rsplit_once(" [")?;
    let topic = topic.rsplit(' ').next().filter(|t| !t.is_empty())?;
    Some((topic, partition.parse().ok()?))
}

impl ClientContext for WorkerConsumerContext {
    fn log(&self, level: RDKafkaLogLevel, fac: &str, msg: &str) {
        match offset_reset(fac, msg) {
            Some((topic, partition)) => ev::InputOffsetReset {
                topic,
                partition,
                detail: msg,
            }
            .emit(),
            None => forward_log("consumer", level, fac, msg),
        }
    }
    fn error(&self, error: KafkaError, reason: &str) {
        ev::KafkaClientError {
            client: "consumer",
            error: &format!("{error}: {reason}"),
        }
        .emit();
    }
    fn stats(&self, stats: Statistics) {
        let tracker = self.tracker.lock();
        for (topic, t) in &stats.topics {
            for (p, part) in &t.partitions {
                if *p >= 0 && part.consumer_lag >= 0 && tracker.is_assigned(&(topic.clone(), *p)) {
                    ev::ConsumerLag {
                        topic,
                        partition: *p,
                        lag: part.consumer_lag,
                    }
                    .emit();
                }
            }
        }
    }
}

impl ConsumerContext for WorkerConsumerContext {
    fn pre_rebalance(&self, consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        match rebalance {
            Rebalance::Revoke(list) => {
                *self
                    .state
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) = ConsumerState::Draining;
                let revoked = tps(list);
                let drained = self
                    .tracker
                    .wait_drained(Some(&revoked), self.drain_timeout);
                let candidates = self.tracker.lock().commit_candidates(Some(&revoked));
                if !candidates.is_empty() {
                    let commit = to_list(&candidates);
                    match consumer.commit(&commit, CommitMode::Sync) {
                        Ok(()) => {
                            let mut t = self.tracker.lock();
                            for (tp, o) in &candidates {
                                t.mark_committed(tp, *o);
                            }
                            ev::OffsetsCommitted {
                                partitions: candidates.len(),
                                mode: "revoke",
                            }
                            .emit();
                        }
                        Err(e) => ev::CommitFailed {
                            error: &e.to_string(),
                        }
                        .emit(),
                    }
                }
                let total = {
                    let mut t = self.tracker.lock();
                    for tp in &revoked {
                        t.revoke(tp);
                    }
                    t.assigned()
                };
                self.health.set_assigned(total);
                ev::PartitionsRevoked {
                    partitions: &labels(&revoked),
                    drained,
                    total,
                }
                .emit();
            }
            Rebalance::Assign(_) => {}
            Rebalance::Error(e) => ev::KafkaClientError {
                client: "consumer",
                error: &format!("rebalance: {e}"),
            }
            .emit(),
        }
    }

    fn post_rebalance(&self, _consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        if let Rebalance::Assign(list) = rebalance {
            let assigned = tps(list);
            let total = {
                let mut t = self.tracker.lock();
                for tp in &assigned {
                    t.assign(tp.clone());
                }
                t.assigned()
            };
            self.health.set_assigned(total);
            *self
                .state
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = ConsumerState::Consuming;
            ev::PartitionsAssigned {
                partitions: &labels(&assigned),
                total,
            }
            .emit();
        }
    }
}

/// Producer callbacks: broker state for readiness, errors, logs.
pub(super) struct WorkerProducerContext {
    pub health: Arc<Health>,
}

impl ClientContext for WorkerProducerContext {
    fn log(&self, level: RDKafkaLogLevel, fac: &str, msg: &str) {
        forward_log("producer", level, fac, msg);
    }
    fn error(&self, error: KafkaError, reason: &str) {
        if matches!(
            error,
            KafkaError::Global(rdkafka::types::RDKafkaErrorCode::AllBrokersDown)
        ) {
            self.health.set_producer_up(false);
        }
        ev::KafkaClientError {
            client: "producer",
            error: &format!("{error}: {reason}"),
        }
        .emit();
    }
    fn stats(&self, stats: Statistics) {
        ev::ProducerStatistics {
            sent_bytes: stats.tx_bytes,
            message_bytes: stats.txmsg_bytes,
        }
        .emit();
        let up = stats
            .brokers
            .values()
            .any(|b| b.nodeid >= 0 && b.state == "UP");
        self.health.set_producer_up(up);
    }
}

#[cfg(test)]
mod tests {
    use super::offset_reset;

    fn check(fac: &str, msg: &str, expect: Option<(&str, i32)>) {
        assert_eq!(offset_reset(fac, msg), expect, "{msg}");
    }

    #[test]
    fn offset_reset_lines() {
        check(
            "OFFSET",
            "news.raw [3]: offset reset (at offset 50 (leader epoch -1), broker 1) to offset \
             BEGINNING (leader epoch -1): fetch failed due to requested offset not available on \
             the broker: Broker: Offset out of range",
            Some(("news.raw", 3)),
        );
        check(
            "OFFSET",
            "[thrd:main]: in-0 [12]: offset reset (at offset 50 (leader epoch 0), broker 1) to \
             cached BEGINNING offset offset 0 (leader epoch -1): fetch failed: Broker: Offset out \
             of range",
            Some(("in-0", 12)),
        );
        check("FETCH", "news.raw [3]: offset reset (at offset 50", None);
        check("OFFSET", "news.raw [3]: committed offset 5", None);
        check("OFFSET", "garbled: offset reset (at ", None);
    }
}
