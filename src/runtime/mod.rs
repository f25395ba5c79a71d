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
mod consumer_ops;
mod context;
mod group;
mod health;
pub mod http;
mod service;
mod task;
mod tracker;

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rdkafka::consumer::{Consumer, StreamConsumer};
use rdkafka::error::KafkaError;
use rdkafka::producer::{FutureProducer, Producer};
use rdkafka::util::Timeout;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender};
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use consumer_ops::{apply_hold, commit_now, one};
use context::{ConsumerState, WorkerConsumerContext, WorkerProducerContext};
pub use health::Health;
pub use service::{serve, tokio_runtime, ServiceError};
use task::{handle, OwnedInput};
use tracker::{SharedTracker, Tp};

use crate::config::Config;
use crate::internal_events as ev;
use crate::pipeline::Pipeline;

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

pub(super) struct Shared {
    config: Config,
    pipeline: Arc<Pipeline>,
    producer: FutureProducer<WorkerProducerContext>,
    tracker: Arc<SharedTracker>,
    /// Cancelled when the drain timeout passes: stop retrying produces.
    hard_stop: CancellationToken,
    in_flight: AtomicI64,
    health: Arc<Health>,
    /// One permit per article being enriched: as many as cores, so the
    /// blocking pool does not run 64 enrichments on 2 cores at once.
    processing: Arc<tokio::sync::Semaphore>,
    /// A task whose input cannot be answered asks the consume loop to hold
    /// (pause) its partition, and to release it once answered.
    holds: UnboundedSender<Hold>,
}

/// Pause or resume fetching a partition while an input of it is unanswered.
pub(super) enum Hold {
    Pause(Tp),
    Resume(Tp),
}

/// `worker.processing_threads`, or the CPU cores the process may use.
fn processing_threads(config: &Config) -> usize {
    match config.worker.processing_threads {
        0 => std::thread::available_parallelism().map_or(2, std::num::NonZero::get),
        n => n,
    }
}

/// Run the worker until `shutdown` is cancelled, then drain, commit and
/// leave the group. Returns an error only if the clients cannot be created.
pub async fn run_worker(
    config: Config,
    pipeline: Arc<Pipeline>,
    shutdown: CancellationToken,
    health: Arc<Health>,
) -> Result<(), RuntimeError> {
    let mut worker = Worker::start(config, pipeline, health)?;
    let tasks = TaskTracker::new();
    worker.consume(&shutdown, &tasks).await;
    worker.shut_down(tasks).await;
    Ok(())
}

/// A started worker: clients created and subscribed, background commit and
/// producer-probe tasks running.
struct Worker {
    consumer: Arc<StreamConsumer<WorkerConsumerContext>>,
    shared: Arc<Shared>,
    tracker: Arc<SharedTracker>,
    /// Stops the background tasks once the drain is over.
    background: CancellationToken,
    commit_task: tokio::task::JoinHandle<()>,
    probe_task: tokio::task::JoinHandle<()>,
    group_task: tokio::task::JoinHandle<()>,
    health: Arc<Health>,
    holds: UnboundedReceiver<Hold>,
}

impl Worker {
    /// Create the consumer and producer, subscribe, start the commit loop
    /// and the producer probe.
    fn start(
        config: Config,
        pipeline: Arc<Pipeline>,
        health: Arc<Health>,
    ) -> Result<Worker, RuntimeError> {
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
        health.set_pipeline_loaded();
        health.set_subscribed(true);
        ev::LabelsKnown {
            concurrency: config.worker.concurrency,
            input_topics: &config.kafka.input_topics,
            output_topic: &config.kafka.output_topic,
            dead_letter_topic: &config.kafka.dead_letter_topic,
        }
        .emit();
        ev::Lifecycle {
            what: "worker started",
            detail: &format!("brokers={} topics={topics:?}", config.kafka.brokers),
        }
        .emit();

        let (holds_tx, holds) = tokio::sync::mpsc::unbounded_channel();
        let shared = Arc::new(Shared {
            holds: holds_tx,
            pipeline,
            producer,
            tracker: tracker.clone(),
            hard_stop: CancellationToken::new(),
            in_flight: AtomicI64::new(0),
            health: health.clone(),
            processing: Arc::new(tokio::sync::Semaphore::new(processing_threads(&config))),
            config,
        });
        let background = CancellationToken::new();
        let commit_task = tokio::spawn(commit_loop(
            consumer.clone(),
            shared.clone(),
            background.clone(),
        ));
        let group_task = tokio::spawn(group::group_check_loop(
            consumer.clone(),
            shared.clone(),
            background.clone(),
        ));
        let probe_task = tokio::spawn(probe_producer(
            shared.clone(),
            health.clone(),
            background.clone(),
        ));
        Ok(Worker {
            consumer,
            shared,
            tracker,
            background,
            commit_task,
            probe_task,
            group_task,
            health,
            holds,
        })
    }

    /// The consume loop: take a permit, receive a message, hand it to a task
    /// on `tasks`; pause and resume held partitions as tasks ask. Returns
    /// when `shutdown` is cancelled.
    async fn consume(&mut self, shutdown: &CancellationToken, tasks: &TaskTracker) {
        let permits = Arc::new(Semaphore::new(self.shared.config.worker.concurrency));
        let mut recv_errors = 0u32;
        // Held partition → how many of its inputs are unanswered.
        let mut held: HashMap<Tp, usize> = HashMap::new();
        loop {
            let permit = tokio::select! {
                _ = shutdown.cancelled() => break,
                Some(h) = self.holds.recv() => {
                    apply_hold(&self.consumer, &mut held, h);
                    continue;
                }
                p = permits.clone().acquire_owned() => match p { Ok(p) => p, Err(_) => break },
            };
            let msg = tokio::select! {
                _ = shutdown.cancelled() => break,
                Some(h) = self.holds.recv() => {
                    apply_hold(&self.consumer, &mut held, h);
                    continue;
                }
                m = self.consumer.recv() => m,
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
                        bytes: input.payload_len(),
                    }
                    .emit();
                    let tp: Tp = (input.topic.clone(), input.partition);
                    if !held.is_empty() && held.contains_key(&tp) {
                        // Fetched before the pause, or the partition came
                        // back in a rebalance (which clears a pause): this
                        // one is handled, the partition paused again.
                        let _ = self.consumer.pause(&one(&tp));
                    }
                    let epoch = self.tracker.lock().begin(&tp, input.offset);
                    let n = self.shared.in_flight.fetch_add(1, Ordering::Relaxed) + 1;
                    ev::InFlight(n).emit();
                    tasks.spawn(handle(self.shared.clone(), input, epoch, permit));
                }
                Err(e) => {
                    // Broker or topic trouble; librdkafka reconnects by itself.
                    ev::KafkaClientError {
                        client: "consumer",
                        error: &e.to_string(),
                    }
                    .emit();
                    recv_errors = recv_errors.saturating_add(1);
                    // Short: librdkafka serves rebalance callbacks (and its
                    // log lines) only inside this poll. Backing off to 6.4 s,
                    // as this once did, made every member of a group answer
                    // each rebalance round up to 6.4 s late after a broker
                    // restart, and the group took minutes to settle on tansu.
                    let backoff = 100u64.saturating_mul(1 << recv_errors.min(3)).min(500);
                    tokio::select! {
                        _ = shutdown.cancelled() => break,
                        _ = tokio::time::sleep(Duration::from_millis(backoff)) => {}
                    }
                }
            }
        }
    }

    /// Drain in-flight tasks (up to the drain timeout, then abandon them
    /// uncommitted for redelivery), stop the background tasks, commit, leave
    /// the group and flush the producer.
    async fn shut_down(self, tasks: TaskTracker) {
        let shared = self.shared;
        self.health.set_stopping();
        let drain_timeout = Duration::from_secs(shared.config.worker.drain_timeout_secs);
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
        self.background.cancel();
        let _ = self.commit_task.await;
        let _ = self.probe_task.await;
        // A group check in flight can block for several broker timeouts;
        // shutdown does not wait for it (it holds a consumer handle, so the
        // consumer closes when the check returns).
        let _ = tokio::time::timeout(Duration::from_secs(2), self.group_task).await;

        // Final commit, synchronous, then leave the group. Both can block on a
        // dead broker, so they run on the blocking pool under a deadline.
        let (consumer, tracker) = (self.consumer, self.tracker);
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
    }
}

/// Commit finished prefixes every `worker.commit_interval_ms`; sample the
/// stateful stages' sizes every few seconds.
async fn commit_loop(
    consumer: Arc<StreamConsumer<WorkerConsumerContext>>,
    shared: Arc<Shared>,
    stop: CancellationToken,
) {
    let tracker = shared.tracker.clone();
    let interval = Duration::from_millis(shared.config.worker.commit_interval_ms.max(10));
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut sampled = std::time::Instant::now() - Duration::from_secs(60);
    loop {
        tokio::select! {
            _ = stop.cancelled() => return,
            _ = tick.tick() => {}
        }
        if sampled.elapsed() >= Duration::from_secs(5) {
            sampled = std::time::Instant::now();
            let p = shared.pipeline.clone();
            if let Ok(entries) = tokio::task::spawn_blocking(move || p.state_entries()).await {
                ev::StageState { entries: &entries }.emit();
            }
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
            health.set_producer_up(true);
            return;
        }
        tokio::select! {
            _ = stop.cancelled() => return,
            _ = tokio::time::sleep(Duration::from_secs(2)) => {}
        }
    }
}
