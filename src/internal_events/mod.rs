//! Every log line and metric the worker emits goes through here: one struct
//! per event, each with an `emit()` that logs and updates metrics together,
//! so dashboards and logs never disagree.
//!
//! Metric names follow Prometheus conventions and start with `newsflow_`.

use std::sync::OnceLock;

use prometheus::{
    exponential_buckets, Encoder, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge,
    IntGaugeVec, Opts, Registry, TextEncoder,
};
use tracing::{debug, info, warn};

pub struct Metrics {
    pub registry: Registry,
    consumed: IntCounterVec,
    produced: IntCounterVec,
    dead_lettered: IntCounterVec,
    stage_duration: HistogramVec,
    stage_errors: IntCounterVec,
    freshness: HistogramVec,
    in_flight: IntGauge,
    concurrency: IntGauge,
    lag: IntGaugeVec,
    commits: IntCounter,
    commit_failures: IntCounter,
    produce_retries: IntCounterVec,
    rebalances: IntCounterVec,
    assigned: IntGauge,
    client_errors: IntCounterVec,
}

fn build() -> Result<Metrics, prometheus::Error> {
    let registry = Registry::new();
    let counter_vec =
        |name: &str, help: &str, labels: &[&str]| -> Result<IntCounterVec, prometheus::Error> {
            let c = IntCounterVec::new(Opts::new(name, help), labels)?;
            registry.register(Box::new(c.clone()))?;
            Ok(c)
        };
    let consumed = counter_vec(
        "newsflow_messages_consumed_total",
        "Messages fetched from input topics.",
        &["topic"],
    )?;
    let produced = counter_vec(
        "newsflow_records_produced_total",
        "Enriched records acknowledged by the broker.",
        &["topic"],
    )?;
    let dead_lettered = counter_vec(
        "newsflow_dead_letters_total",
        "Dead-letter records acknowledged by the broker, by reason.",
        &["reason"],
    )?;
    let stage_errors = counter_vec(
        "newsflow_stage_errors_total",
        "Stage failures (partial success), by stage.",
        &["stage"],
    )?;
    let produce_retries = counter_vec(
        "newsflow_produce_retries_total",
        "Produce attempts that failed and were retried.",
        &["topic"],
    )?;
    let rebalances = counter_vec(
        "newsflow_rebalances_total",
        "Partition assignments and revocations.",
        &["kind"],
    )?;
    let client_errors = counter_vec(
        "newsflow_kafka_client_errors_total",
        "Errors reported by librdkafka.",
        &["client"],
    )?;
    let stage_duration = HistogramVec::new(
        HistogramOpts::new(
            "newsflow_stage_duration_seconds",
            "Time spent in each stage per message.",
        )
        .buckets(exponential_buckets(0.000_01, 4.0, 10)?),
        &["stage"],
    )?;
    registry.register(Box::new(stage_duration.clone()))?;
    let freshness = HistogramVec::new(
        HistogramOpts::new(
            "newsflow_freshness_seconds",
            "From publish time (basis=published) or message time (basis=message) to output acknowledged.",
        )
        .buckets(vec![0.1, 0.5, 1.0, 5.0, 30.0, 60.0, 300.0, 1800.0, 3600.0, 21600.0, 86400.0]),
        &["basis"],
    )?;
    registry.register(Box::new(freshness.clone()))?;
    let in_flight = IntGauge::new(
        "newsflow_in_flight_messages",
        "Messages fetched and not yet acknowledged downstream.",
    )?;
    registry.register(Box::new(in_flight.clone()))?;
    let concurrency = IntGauge::new(
        "newsflow_concurrency_limit",
        "worker.concurrency: the most messages in flight at once (saturation = in_flight / this).",
    )?;
    registry.register(Box::new(concurrency.clone()))?;
    let assigned = IntGauge::new(
        "newsflow_assigned_partitions",
        "Input partitions assigned to this worker.",
    )?;
    registry.register(Box::new(assigned.clone()))?;
    let lag = IntGaugeVec::new(
        Opts::new(
            "newsflow_consumer_lag_messages",
            "High watermark minus committed offset, per input partition.",
        ),
        &["topic", "partition"],
    )?;
    registry.register(Box::new(lag.clone()))?;
    let commits = IntCounter::new("newsflow_commits_total", "Successful offset commits.")?;
    registry.register(Box::new(commits.clone()))?;
    let commit_failures =
        IntCounter::new("newsflow_commit_failures_total", "Failed offset commits.")?;
    registry.register(Box::new(commit_failures.clone()))?;
    let build_info = IntGaugeVec::new(
        Opts::new("newsflow_build_info", "Build information."),
        &["version"],
    )?;
    registry.register(Box::new(build_info.clone()))?;
    #[cfg(target_os = "linux")]
    registry.register(Box::new(
        prometheus::process_collector::ProcessCollector::for_self(),
    ))?;
    build_info
        .with_label_values(&[crate::record::VERSION])
        .set(1);
    Ok(Metrics {
        registry,
        consumed,
        produced,
        dead_lettered,
        stage_duration,
        stage_errors,
        freshness,
        in_flight,
        concurrency,
        lag,
        commits,
        commit_failures,
        produce_retries,
        rebalances,
        assigned,
        client_errors,
    })
}

/// The process-wide metrics.
pub fn metrics() -> &'static Metrics {
    static M: OnceLock<Metrics> = OnceLock::new();
    M.get_or_init(|| build().expect("metric definitions are valid"))
}

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
    }
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
}
impl MessageReceived<'_> {
    pub fn emit(self) {
        metrics().consumed.with_label_values(&[self.topic]).inc();
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
        warn!(
            error = self.error,
            "offset commit failed; will retry with the next commit"
        );
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
        warn!(
            topic = self.topic,
            error = self.error,
            attempt = self.attempt,
            backoff_ms = self.backoff_ms,
            "produce failed; retrying"
        );
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
        warn!(
            client = self.client,
            error = self.error,
            "kafka client error (librdkafka retries by itself)"
        );
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
