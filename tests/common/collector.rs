//! Reads the output and dead-letter topics back for the broker tests, and
//! tells a record the reader never saw from one the worker never wrote.
//!
//! Every record is read once: a record at an offset the reader already
//! passed (its group rejoined and started over, say) is not counted again,
//! so duplicates in `records` are the worker's own. An offset the reader
//! jumped over (the broker dropped it from a bounded log before the reader
//! got there, as librdkafka's mock cluster does beyond 5 MB a partition) is
//! written to `gaps`: a test then knows its reader, not the worker, lost it.
//!
//! A lean reader also watches itself: in long chaos runs its librdkafka
//! consumer once stopped fetching after the mock cluster's brokers went
//! down and up, while a fresh consumer read the same partitions at once.
//! When it has read nothing for 5 s although a partition holds records
//! past its position, it is replaced by a fresh consumer at the same
//! positions (`reopened` counts it; nothing is skipped or read twice).

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
    /// How a lean reader is rebuilt: brokers and (topic, partitions).
    assigned: Option<(String, Vec<(String, i32)>)>,
    /// Times a stalled lean reader was replaced by a fresh consumer.
    pub reopened: usize,
    last_read: Instant,
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
        let mut parts = Vec::new();
        for topic in topics {
            let md = consumer
                .fetch_metadata(Some(topic), Duration::from_secs(10))
                .unwrap_or_else(|e| panic!("metadata of {topic}: {e}"));
            for p in md.topics()[0].partitions() {
                parts.push((topic.to_string(), p.id()));
            }
        }
        let mut c = Self::with(consumer, true);
        c.assigned = Some((brokers.to_string(), parts));
        c.assign();
        c
    }

    /// Assign every partition at the next offset to read.
    fn assign(&self) {
        let Some((_, parts)) = &self.assigned else {
            return;
        };
        let mut tpl = TopicPartitionList::new();
        for (topic, p) in parts {
            let at = match self.next.get(&(topic.clone(), *p)) {
                Some(o) => Offset::Offset(*o),
                None => Offset::Beginning,
            };
            tpl.add_partition_offset(topic, *p, at).unwrap();
        }
        self.consumer.assign(&tpl).expect("assign");
    }

    /// A lean reader that has read nothing for 5 s while some partition
    /// holds records past its position is replaced by a fresh consumer.
    fn watch(&mut self) {
        let Some((brokers, parts)) = &self.assigned else {
            return;
        };
        if self.last_read.elapsed() < Duration::from_secs(5) {
            return;
        }
        self.last_read = Instant::now();
        let behind = parts.iter().any(|(topic, p)| {
            let next = self.next.get(&(topic.clone(), *p)).copied().unwrap_or(0);
            self.consumer
                .fetch_watermarks(topic, *p, Duration::from_secs(5))
                .is_ok_and(|(_, high)| high > next)
        });
        if behind {
            let old = std::mem::replace(&mut self.consumer, Self::consumer(brokers));
            // Closing a stuck consumer may block; do not wait for it.
            std::thread::spawn(move || drop(old));
            self.assign();
            self.reopened += 1;
        }
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
            assigned: None,
            reopened: 0,
            last_read: Instant::now(),
        }
    }

    /// Poll until `done(records)` or the timeout; returns whether done.
    pub(crate) fn until(&mut self, timeout: Duration, done: impl Fn(&[Out]) -> bool) -> bool {
        let start = Instant::now();
        while start.elapsed() < timeout {
            if done(&self.records) {
                return true;
            }
            let Some(Ok(m)) = self.consumer.poll(Duration::from_millis(200)) else {
                self.watch();
                continue;
            };
            self.last_read = Instant::now();
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
            let mut value: Value =
                serde_json::from_slice(m.payload().unwrap_or_default()).expect("records are JSON");
            if self.lean {
                value = serde_json::json!({"source": value["source"], "reason": value["reason"]});
            }
            self.records.push(Out {
                topic: m.topic().to_string(),
                value,
            });
        }
        done(&self.records)
    }

    /// Keep reading for `quiet` to pick up any late duplicates.
    pub(crate) fn drain(&mut self, quiet: Duration) {
        let _ = self.until(quiet, |_| false);
    }
}

/// A reader on its own thread, so that nothing the test does (producing a
/// chunk, waiting for a worker to stop) ever pauses it: the mock cluster
/// keeps only the newest 5 MB of a partition, a few seconds of dead
/// letters at full speed.
pub(crate) struct Background {
    shared: std::sync::Arc<std::sync::Mutex<Collector>>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Background {
    pub(crate) fn new(c: Collector) -> Self {
        use std::sync::atomic::Ordering;
        let shared = std::sync::Arc::new(std::sync::Mutex::new(c));
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (s, st) = (shared.clone(), stop.clone());
        let thread = std::thread::spawn(move || {
            while !st.load(Ordering::Relaxed) {
                s.lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .until(Duration::from_millis(50), |_| false);
            }
        });
        Background {
            shared,
            stop,
            thread: Some(thread),
        }
    }

    /// The reader's state; hold it briefly (the reader waits meanwhile).
    pub(crate) fn lock(&self) -> std::sync::MutexGuard<'_, Collector> {
        self.shared
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Wait until `done(records)` or the timeout; returns whether done.
    pub(crate) fn wait(&self, timeout: Duration, done: impl Fn(&[Out]) -> bool) -> bool {
        let start = Instant::now();
        loop {
            if done(&self.lock().records) {
                return true;
            }
            if start.elapsed() >= timeout {
                return false;
            }
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    /// Stop the thread; returns the records, the gaps and the reopen count.
    pub(crate) fn finish(mut self) -> (Vec<Out>, Vec<String>, usize) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        let mut c = self.lock();
        (
            std::mem::take(&mut c.records),
            std::mem::take(&mut c.gaps),
            c.reopened,
        )
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
