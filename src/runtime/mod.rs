//! The Kafka runtime: consume, hand bytes to the pure core on the blocking
//! pool, produce the one output (or dead-letter) record, and commit the
//! offset once the broker acknowledged it.
//!
//! Invariant: an offset is committed only after the output for that message
//! and for every earlier message of its partition is acknowledged (see
//! `tracker`).
//! Invariant: in-flight work is bounded by `worker.concurrency` permits.
//! Boundary: this module moves bytes, offsets and metrics; all enrichment
//! happens in `record::process`.

mod clients;
mod context;
pub mod http;
mod tracker;

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rdkafka::consumer::{CommitMode, Consumer, StreamConsumer};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{Header, Headers, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord, Producer};
use rdkafka::util::Timeout;
use rdkafka::Message;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

pub use context::Health;
use context::{to_list, ConsumerState, WorkerConsumerContext, WorkerProducerContext};
use tracker::{SharedTracker, Tp};

use crate::config::Config;
use crate::input::RawInput;
use crate::internal_events as ev;
use crate::pipeline::Pipeline;
use crate::record::{self, dead_letter_record, Processed, SourceInfo};

#[derive(Debug, thiserror::Error)]
pub enum RuntimeError {
    #[error("cannot create the Kafka {client}: {cause}; check [kafka] settings and properties")]
    Client {
        client: &'static str,
        cause: KafkaError,
    },
    #[error("cannot subscribe to {topics:?}: {cause}")]
    Subscribe {
        topics: Vec<String>,
        cause: KafkaError,
    },
}

/// A message copied out of librdkafka's buffer, so no borrowed message
/// outlives the consumer.
struct OwnedInput {
    topic: String,
    partition: i32,
    offset: i64,
    key: Option<Vec<u8>>,
    payload: Option<Vec<u8>>,
    content_type: Option<String>,
    timestamp_ms: Option<i64>,
}

impl OwnedInput {
    fn from_message<M: Message>(m: &M) -> Self {
        let content_type = m.headers().and_then(|h| {
            h.iter()
                .find(|hd| hd.key.eq_ignore_ascii_case("content-type"))
                .and_then(|hd| hd.value)
                .map(|v| String::from_utf8_lossy(v).into_owned())
        });
        OwnedInput {
            topic: m.topic().to_string(),
            partition: m.partition(),
            offset: m.offset(),
            key: m.key().map(<[u8]>::to_vec),
            payload: m.payload().map(<[u8]>::to_vec),
            content_type,
            timestamp_ms: m.timestamp().to_millis(),
        }
    }

    fn raw(&self, max_bytes: usize) -> RawInput<'_> {
        RawInput {
            payload: self.payload.as_deref(),
            content_type: self.content_type.as_deref(),
            timestamp_ms: self.timestamp_ms,
            max_bytes,
        }
    }

    fn source(&self) -> SourceInfo {
        SourceInfo {
            topic: Some(self.topic.clone()),
            partition: Some(self.partition),
            offset: Some(self.offset),
            timestamp: self
                .timestamp_ms
                .and_then(chrono::DateTime::from_timestamp_millis)
                .map(record::rfc3339),
            key: self
                .key
                .as_ref()
                .map(|k| String::from_utf8_lossy(k).into_owned()),
            file: None,
        }
    }
}

struct Shared {
    config: Config,
    pipeline: Arc<Pipeline>,
    producer: FutureProducer<WorkerProducerContext>,
    tracker: Arc<SharedTracker>,
    /// Cancelled when the drain timeout passes: stop retrying produces.
    hard_stop: CancellationToken,
    in_flight: AtomicI64,
}

/// Run the worker until `shutdown` is cancelled, then drain, commit and
/// leave the group. Returns an error only if the clients cannot be created.
pub async fn run_worker(
    config: Config,
    pipeline: Arc<Pipeline>,
    shutdown: CancellationToken,
    health: Arc<Health>,
) -> Result<(), RuntimeError> {
    let drain_timeout = Duration::from_secs(config.worker.drain_timeout_secs);
    let tracker = Arc::new(SharedTracker::default());
    let consumer_ctx = WorkerConsumerContext {
        tracker: tracker.clone(),
        health: health.clone(),
        drain_timeout,
        state: Mutex::new(ConsumerState::Consuming),
    };
    let consumer: Arc<StreamConsumer<WorkerConsumerContext>> = Arc::new(
        clients::consumer_config(&config)
            .create_with_context(consumer_ctx)
            .map_err(|cause| RuntimeError::Client {
                client: "consumer",
                cause,
            })?,
    );
    let producer: FutureProducer<WorkerProducerContext> = clients::producer_config(&config)
        .create_with_context(WorkerProducerContext {
            health: health.clone(),
        })
        .map_err(|cause| RuntimeError::Client {
            client: "producer",
            cause,
        })?;
    let topics: Vec<&str> = config
        .kafka
        .input_topics
        .iter()
        .map(String::as_str)
        .collect();
    consumer
        .subscribe(&topics)
        .map_err(|cause| RuntimeError::Subscribe {
            topics: config.kafka.input_topics.clone(),
            cause,
        })?;
    ev::Lifecycle {
        what: "worker started",
        detail: &format!("brokers={} topics={topics:?}", config.kafka.brokers),
    }
    .emit();

    let shared = Arc::new(Shared {
        pipeline,
        producer,
        tracker: tracker.clone(),
        hard_stop: CancellationToken::new(),
        in_flight: AtomicI64::new(0),
        config,
    });
    let background = CancellationToken::new();
    let commit_task = tokio::spawn(commit_loop(
        consumer.clone(),
        tracker.clone(),
        shared.config.worker.commit_interval_ms,
        background.clone(),
    ));
    let probe_task = tokio::spawn(probe_producer(
        shared.clone(),
        health.clone(),
        background.clone(),
    ));

    let permits = Arc::new(Semaphore::new(shared.config.worker.concurrency));
    let tasks = TaskTracker::new();
    let mut recv_errors = 0u32;
    loop {
        let permit = tokio::select! {
            _ = shutdown.cancelled() => break,
            p = permits.clone().acquire_owned() => match p { Ok(p) => p, Err(_) => break },
        };
        let msg = tokio::select! {
            _ = shutdown.cancelled() => break,
            m = consumer.recv() => m,
        };
        match msg {
            Ok(m) => {
                recv_errors = 0;
                let input = OwnedInput::from_message(&m);
                drop(m);
                ev::MessageReceived {
                    topic: &input.topic,
                    partition: input.partition,
                    offset: input.offset,
                }
                .emit();
                let tp: Tp = (input.topic.clone(), input.partition);
                let epoch = tracker.lock().begin(&tp, input.offset);
                let n = shared.in_flight.fetch_add(1, Ordering::Relaxed) + 1;
                ev::InFlight(n).emit();
                tasks.spawn(handle(shared.clone(), input, epoch, permit));
            }
            Err(e) => {
                // Broker or topic trouble; librdkafka reconnects by itself.
                ev::KafkaClientError {
                    client: "consumer",
                    error: &e.to_string(),
                }
                .emit();
                recv_errors = recv_errors.saturating_add(1);
                let backoff = 100u64.saturating_mul(1 << recv_errors.min(6));
                tokio::select! {
                    _ = shutdown.cancelled() => break,
                    _ = tokio::time::sleep(Duration::from_millis(backoff)) => {}
                }
            }
        }
    }

    ev::Lifecycle {
        what: "shutdown: draining",
        detail: &format!("in_flight={}", shared.in_flight.load(Ordering::Relaxed)),
    }
    .emit();
    tasks.close();
    if tokio::time::timeout(drain_timeout, tasks.wait())
        .await
        .is_err()
    {
        ev::Lifecycle { what: "shutdown: drain timeout passed; abandoning unfinished messages (they will be redelivered)", detail: "" }.emit();
        shared.hard_stop.cancel();
        let _ = tokio::time::timeout(Duration::from_secs(5), tasks.wait()).await;
    }
    background.cancel();
    let _ = commit_task.await;
    let _ = probe_task.await;

    // Final commit, synchronous, then leave the group. Both can block on a
    // dead broker, so they run on the blocking pool under a deadline.
    let closing = tokio::task::spawn_blocking(move || {
        commit_now(&consumer, &tracker, "shutdown");
        consumer.unsubscribe();
        drop(consumer); // closes the consumer: revoke callback, LeaveGroup
    });
    if tokio::time::timeout(Duration::from_secs(15), closing)
        .await
        .is_err()
    {
        ev::Lifecycle {
            what: "shutdown: consumer close timed out",
            detail: "broker unreachable?",
        }
        .emit();
    }
    let flushed = tokio::task::spawn_blocking(move || {
        let _ = shared
            .producer
            .flush(Timeout::After(Duration::from_secs(10)));
    });
    let _ = tokio::time::timeout(Duration::from_secs(15), flushed).await;
    ev::Lifecycle {
        what: "worker stopped",
        detail: "",
    }
    .emit();
    Ok(())
}

/// Commit the finished prefixes synchronously (on the blocking pool) and
/// record what the broker accepted. Used by the periodic loop and at shutdown.
/// (Commit results are not taken from librdkafka's commit callback: with a
/// StreamConsumer it was not delivered for explicit-offset async commits here.)
fn commit_now(
    consumer: &StreamConsumer<WorkerConsumerContext>,
    tracker: &SharedTracker,
    mode: &'static str,
) {
    let candidates = tracker.lock().commit_candidates(None);
    if candidates.is_empty() {
        return;
    }
    let list = to_list(&candidates);
    let result = consumer.commit(&list, CommitMode::Sync);
    drop(list);
    match result {
        Ok(()) => {
            let mut t = tracker.lock();
            for (tp, o) in &candidates {
                t.mark_committed(tp, *o);
            }
            ev::OffsetsCommitted {
                partitions: candidates.len(),
                mode,
            }
            .emit();
        }
        Err(e) => ev::CommitFailed {
            error: &e.to_string(),
        }
        .emit(),
    }
}

/// Commit finished prefixes every `interval_ms`.
async fn commit_loop(
    consumer: Arc<StreamConsumer<WorkerConsumerContext>>,
    tracker: Arc<SharedTracker>,
    interval_ms: u64,
    stop: CancellationToken,
) {
    let mut tick = tokio::time::interval(Duration::from_millis(interval_ms.max(10)));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = stop.cancelled() => return,
            _ = tick.tick() => {}
        }
        if tracker.lock().commit_candidates(None).is_empty() {
            continue;
        }
        let (c, t) = (consumer.clone(), tracker.clone());
        let _ = tokio::task::spawn_blocking(move || commit_now(&c, &t, "periodic")).await;
    }
}

/// Mark the producer connected as soon as a metadata request succeeds;
/// statistics keep the flag current afterwards.
async fn probe_producer(shared: Arc<Shared>, health: Arc<Health>, stop: CancellationToken) {
    loop {
        let s = shared.clone();
        let ok = tokio::task::spawn_blocking(move || {
            s.producer
                .client()
                .fetch_metadata(None, Duration::from_secs(3))
                .is_ok()
        })
        .await
        .unwrap_or(false);
        if ok {
            health.producer_up.store(true, Ordering::Relaxed);
            return;
        }
        tokio::select! {
            _ = stop.cancelled() => return,
            _ = tokio::time::sleep(Duration::from_secs(2)) => {}
        }
    }
}

/// Errors a retry cannot fix: the record itself is unacceptable.
fn permanent(e: &KafkaError) -> bool {
    matches!(
        e.rdkafka_error_code(),
        Some(
            RDKafkaErrorCode::MessageSizeTooLarge
                | RDKafkaErrorCode::InvalidMessageSize
                | RDKafkaErrorCode::InvalidMessage
                | RDKafkaErrorCode::InvalidRecord
                | RDKafkaErrorCode::MessageBatchTooLarge
        )
    )
}

enum ProduceError {
    Permanent(String),
    Abandoned,
}

async fn produce(
    shared: &Shared,
    topic: &str,
    key: &[u8],
    payload: &[u8],
    headers: &OwnedHeaders,
) -> Result<(), ProduceError> {
    let w = &shared.config.worker;
    let mut backoff = w.retry_backoff_ms.max(1);
    let mut attempt = 0u32;
    loop {
        let record = FutureRecord::to(topic)
            .key(key)
            .payload(payload)
            .headers(headers.clone());
        let sent = tokio::select! {
            r = shared.producer.send(record, Timeout::After(Duration::from_secs(5))) => r,
            _ = shared.hard_stop.cancelled() => return Err(ProduceError::Abandoned),
        };
        match sent {
            Ok(_) => return Ok(()),
            Err((e, _)) if permanent(&e) => return Err(ProduceError::Permanent(e.to_string())),
            Err((e, _)) => {
                attempt += 1;
                ev::ProduceRetry {
                    topic,
                    error: &e.to_string(),
                    attempt,
                    backoff_ms: backoff,
                }
                .emit();
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_millis(backoff)) => {}
                    _ = shared.hard_stop.cancelled() => return Err(ProduceError::Abandoned),
                }
                backoff = (backoff * 2).min(w.retry_backoff_max_ms.max(1));
            }
        }
    }
}

fn headers(source: &str, extra: Option<(&str, &str)>) -> OwnedHeaders {
    let mut h = OwnedHeaders::new()
        .insert(Header {
            key: "content-type",
            value: Some("application/json"),
        })
        .insert(Header {
            key: "newsflow-source",
            value: Some(source),
        });
    if let Some((k, v)) = extra {
        h = h.insert(Header {
            key: k,
            value: Some(v),
        });
    }
    h
}

/// Process one message and produce its record; mark it finished once acknowledged.
async fn handle(shared: Arc<Shared>, input: OwnedInput, epoch: u64, _permit: OwnedSemaphorePermit) {
    let input = Arc::new(input);
    let (s2, i2) = (shared.clone(), input.clone());
    let processed = tokio::task::spawn_blocking(move || {
        record::process(
            &i2.raw(s2.config.worker.max_message_bytes),
            &i2.source(),
            &s2.pipeline,
        )
    })
    .await
    .unwrap_or_else(|e| {
        let raw = input.raw(shared.config.worker.max_message_bytes);
        let record = dead_letter_record(
            "internal_error",
            &format!("processing task failed: {e}"),
            None,
            &raw,
            &input.source(),
        );
        Processed::DeadLetter {
            reason: "internal_error",
            record,
            statuses: Vec::new(),
        }
    });
    let source_label = format!("{}/{}/{}", input.topic, input.partition, input.offset);
    let dlq_key = input
        .key
        .clone()
        .unwrap_or_else(|| source_label.clone().into_bytes());
    let k = &shared.config.kafka;
    let outcome = match processed {
        Processed::Enriched {
            id,
            record,
            statuses,
            published_at,
            published_basis,
        } => {
            for s in &statuses {
                ev::StageFinished {
                    stage: s.stage,
                    duration_ms: s.duration_ms,
                    error: s.error.as_deref(),
                }
                .emit();
            }
            match produce(
                &shared,
                &k.output_topic,
                id.as_bytes(),
                &record,
                &headers(&source_label, None),
            )
            .await
            {
                Ok(()) => {
                    ev::RecordProduced {
                        topic: &k.output_topic,
                        id: &id,
                        partition: input.partition,
                        offset: input.offset,
                    }
                    .emit();
                    let basis = if published_basis == Some("payload") {
                        "published"
                    } else {
                        "message"
                    };
                    if let Some(t) = published_at {
                        let secs = (chrono::Utc::now() - t).num_milliseconds() as f64 / 1000.0;
                        ev::Freshness {
                            basis,
                            seconds: secs,
                        }
                        .emit();
                    }
                    Ok(())
                }
                Err(ProduceError::Permanent(err)) => {
                    // The broker refused the enriched record: dead-letter the input instead.
                    let raw = input.raw(shared.config.worker.max_message_bytes);
                    let msg = format!("enriched record rejected by the broker: {err}");
                    let record =
                        dead_letter_record("output_rejected", &msg, None, &raw, &input.source());
                    dead_letter(
                        &shared,
                        "output_rejected",
                        &dlq_key,
                        &record,
                        &source_label,
                        &input,
                    )
                    .await
                }
                Err(ProduceError::Abandoned) => Err(()),
            }
        }
        Processed::DeadLetter {
            reason,
            record,
            statuses,
        } => {
            for s in &statuses {
                ev::StageFinished {
                    stage: s.stage,
                    duration_ms: s.duration_ms,
                    error: s.error.as_deref(),
                }
                .emit();
            }
            dead_letter(&shared, reason, &dlq_key, &record, &source_label, &input).await
        }
    };
    if outcome.is_ok() {
        shared
            .tracker
            .finish(&(input.topic.clone(), input.partition), epoch, input.offset);
    }
    let n = shared.in_flight.fetch_sub(1, Ordering::Relaxed) - 1;
    ev::InFlight(n).emit();
}

async fn dead_letter(
    shared: &Shared,
    reason: &'static str,
    key: &[u8],
    record: &[u8],
    source: &str,
    input: &OwnedInput,
) -> Result<(), ()> {
    let topic = &shared.config.kafka.dead_letter_topic;
    match produce(
        shared,
        topic,
        key,
        record,
        &headers(source, Some(("newsflow-dead-letter-reason", reason))),
    )
    .await
    {
        Ok(()) => {
            ev::DeadLettered {
                reason,
                topic: &input.topic,
                partition: input.partition,
                offset: input.offset,
            }
            .emit();
            Ok(())
        }
        Err(ProduceError::Permanent(e)) => {
            // Even the bounded dead-letter record was refused: nothing more
            // we can write. Log loudly and let the offset pass, so the
            // partition is not blocked forever.
            ev::KafkaClientError {
                client: "producer",
                error: &format!("dead-letter record refused for {source}: {e}"),
            }
            .emit();
            Ok(())
        }
        Err(ProduceError::Abandoned) => Err(()),
    }
}
