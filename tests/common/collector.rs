//! Reads the output and dead-letter topics back for the broker tests, and
//! tells a record the reader never saw from one the worker never wrote.
//!
//! Every record is read once: a record at an offset the reader already
//! passed (its group rejoined and started over, say) is not counted again,
//! so duplicates in `records` are the worker's own. An offset the reader
//! jumped over (the broker dropped it from a bounded log before the reader
//! got there, as librdkafka's mock cluster does beyond 5 MB a partition) is
//! written to `gaps`: a test then knows its reader, not the worker, lost it.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::{ClientConfig, Message, Offset, TopicPartitionList};
use serde_json::Value;

use super::kafka::unique;

/// One output or dead-letter record read back.
#[derive(Debug, Clone)]
pub(crate) struct Out {
    pub topic: String,
    pub value: Value,
}

impl Out {
    /// The (partition, offset) of the input this record answers.
    pub(crate) fn source(&self) -> (i32, i64) {
        let s = &self.value["source"];
        (
            s["partition"].as_i64().expect("source.partition") as i32,
            s["offset"].as_i64().expect("source.offset"),
        )
    }
}

/// Reads output and dead-letter topics from the beginning.
pub(crate) struct Collector {
    consumer: BaseConsumer,
    pub records: Vec<Out>,
    /// Offset ranges the reader never saw: "topic/partition: a..b".
    pub gaps: Vec<String>,
    /// (topic, partition) → the next offset the reader expects.
    next: HashMap<(String, i32), i64>,
    /// Keep only `source` and `reason` of each record (long runs).
    lean: bool,
}

impl Collector {
    /// A reader in its own consumer group (the topics may not exist yet).
    pub(crate) fn new(brokers: &str, topics: &[&str]) -> Self {
        let consumer = Self::consumer(brokers);
        consumer.subscribe(topics).expect("subscribe");
        Self::with(consumer, false)
    }

    /// A reader that keeps only each record's `source` and `reason`, and
    /// assigns itself every partition of `topics` (which must exist), so no
    /// group rebalance or broker restart can move its position.
    pub(crate) fn lean(brokers: &str, topics: &[&str]) -> Self {
        let consumer = Self::consumer(brokers);
        let mut tpl = TopicPartitionList::new();
        for topic in topics {
            let md = consumer
                .fetch_metadata(Some(topic), Duration::from_secs(10))
                .unwrap_or_else(|e| panic!("metadata of {topic}: {e}"));
            for p in md.topics()[0].partitions() {
                tpl.add_partition_offset(topic, p.id(), Offset::Beginning)
                    .unwrap();
            }
        }
        consumer.assign(&tpl).expect("assign");
        Self::with(consumer, true)
    }

    fn consumer(brokers: &str) -> BaseConsumer {
        ClientConfig::new()
            .set("bootstrap.servers", brokers)
            .set("group.id", unique("collector"))
            .set("auto.offset.reset", "earliest")
            .set("enable.auto.commit", "false")
            .create()
            .expect("collector consumer")
    }

    fn with(consumer: BaseConsumer, lean: bool) -> Self {
        Collector {
            consumer,
            records: Vec::new(),
            gaps: Vec::new(),
            next: HashMap::new(),
            lean,
        }
    }

    /// Poll until `done(records)` or the timeout; returns whether done.
    pub(crate) fn until(&mut self, timeout: Duration, done: impl Fn(&[Out]) -> bool) -> bool {
        let start = Instant::now();
        while start.elapsed() < timeout {
            if done(&self.records) {
                return true;
            }
            if let Some(Ok(m)) = self.consumer.poll(Duration::from_millis(200)) {
                let at = (m.topic().to_string(), m.partition());
                let expected = self.next.get(&at).copied().unwrap_or(0);
                if m.offset() < expected {
                    continue; // read before
                }
                if m.offset() > expected {
                    self.gaps
                        .push(format!("{}/{}: {}..{}", at.0, at.1, expected, m.offset()));
                }
                self.next.insert(at, m.offset() + 1);
                let mut value: Value = serde_json::from_slice(m.payload().unwrap_or_default())
                    .expect("records are JSON");
                if self.lean {
                    value =
                        serde_json::json!({"source": value["source"], "reason": value["reason"]});
                }
                self.records.push(Out {
                    topic: m.topic().to_string(),
                    value,
                });
            }
        }
        done(&self.records)
    }

    /// Keep reading for `quiet` to pick up any late duplicates.
    pub(crate) fn drain(&mut self, quiet: Duration) {
        let _ = self.until(quiet, |_| false);
    }
}
