//! The metric families: one registry, built once, with every family's name,
//! help text, labels and buckets in one place. Only the events in the parent
//! module update them.

use std::sync::OnceLock;

use prometheus::{
    exponential_buckets, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge,
    IntGaugeVec, Opts, Registry,
};

pub struct Metrics {
    pub registry: Registry,
    pub(super) consumed: IntCounterVec,
    pub(super) produced: IntCounterVec,
    pub(super) dead_lettered: IntCounterVec,
    pub(super) stage_duration: HistogramVec,
    pub(super) stage_errors: IntCounterVec,
    pub(super) freshness: HistogramVec,
    pub(super) in_flight: IntGauge,
    pub(super) concurrency: IntGauge,
    pub(super) lag: IntGaugeVec,
    pub(super) commits: IntCounter,
    pub(super) commit_failures: IntCounter,
    pub(super) produce_retries: IntCounterVec,
    pub(super) rebalances: IntCounterVec,
    pub(super) assigned: IntGauge,
    pub(super) client_errors: IntCounterVec,
    pub(super) pipeline_latency: HistogramVec,
    pub(super) processing: prometheus::Histogram,
    pub(super) produce_ack: HistogramVec,
    pub(super) commit_duration: prometheus::Histogram,
    pub(super) input_bytes: IntCounterVec,
    pub(super) output_bytes: IntCounterVec,
    pub(super) ready: IntGauge,
    pub(super) state_entries: IntGaugeVec,
    pub(super) suppressed_logs: IntCounter,
    pub(super) dead_letter_refusals: IntCounter,
    pub(super) unanswered: IntGauge,
    pub(super) paused_partitions: IntGauge,
    pub(super) offset_resets: IntCounterVec,
    pub(super) group_lag: IntGaugeVec,
    pub(super) group_unowned: IntGauge,
    pub(super) group_members: IntGauge,
    pub(super) producer_sent_bytes: IntCounter,
    pub(super) producer_message_bytes: IntCounter,
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
    let latency_buckets = || {
        vec![
            0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0,
        ]
    };
    let pipeline_latency = HistogramVec::new(
        HistogramOpts::new(
            "newsflow_pipeline_latency_seconds",
            "From message received to its output (kind=record) or dead letter (kind=dead_letter) acknowledged by the broker.",
        )
        .buckets(latency_buckets()),
        &["kind"],
    )?;
    registry.register(Box::new(pipeline_latency.clone()))?;
    let processing = prometheus::Histogram::with_opts(
        HistogramOpts::new(
            "newsflow_processing_seconds",
            "Decode, all stages and serialisation of one message (the CPU part of the pipeline latency).",
        )
        .buckets(exponential_buckets(0.000_1, 3.0, 12)?),
    )?;
    registry.register(Box::new(processing.clone()))?;
    let produce_ack = HistogramVec::new(
        HistogramOpts::new(
            "newsflow_produce_ack_seconds",
            "From first produce attempt to broker acknowledgement, retries included, by kind (record, dead_letter).",
        )
        .buckets(latency_buckets()),
        &["kind"],
    )?;
    registry.register(Box::new(produce_ack.clone()))?;
    let commit_duration = prometheus::Histogram::with_opts(
        HistogramOpts::new(
            "newsflow_commit_duration_seconds",
            "Duration of one synchronous offset commit (successful or not).",
        )
        .buckets(latency_buckets()),
    )?;
    registry.register(Box::new(commit_duration.clone()))?;
    let input_bytes = counter_vec(
        "newsflow_input_bytes_total",
        "Payload bytes consumed from input topics.",
        &["topic"],
    )?;
    let output_bytes = counter_vec(
        "newsflow_output_bytes_total",
        "Record bytes acknowledged by the broker, by kind (record, dead_letter).",
        &["kind"],
    )?;
    let suppressed_logs = IntCounter::new(
        "newsflow_log_lines_suppressed_total",
        "Repeated warnings folded into a later 'repeated N times' line instead of being logged.",
    )?;
    registry.register(Box::new(suppressed_logs.clone()))?;
    let dead_letter_refusals = IntCounter::new(
        "newsflow_dead_letter_refusals_total",
        "Dead-letter sends the broker refused even in minimal form (each retried; the input stays unanswered meanwhile).",
    )?;
    registry.register(Box::new(dead_letter_refusals.clone()))?;
    let unanswered = IntGauge::new(
        "newsflow_unanswered_inputs",
        "Inputs whose dead letter the broker refuses: their partitions commit no further until it is accepted.",
    )?;
    registry.register(Box::new(unanswered.clone()))?;
    let paused_partitions = IntGauge::new(
        "newsflow_paused_partitions",
        "Partitions this worker has paused because one of their inputs is unanswered; they resume once it is answered.",
    )?;
    registry.register(Box::new(paused_partitions.clone()))?;
    let offset_resets = IntCounterVec::new(
        Opts::new(
            "newsflow_input_offset_resets_total",
            "Input partitions whose fetch position was out of range and was reset to the log start (auto.offset.reset=earliest): inputs between the committed offset and the new position were never processed.",
        ),
        &["topic"],
    )?;
    registry.register(Box::new(offset_resets.clone()))?;
    let group_lag = IntGaugeVec::new(
        Opts::new(
            "newsflow_group_lag_messages",
            "The whole group's lag per input topic: high watermark minus committed offset, summed over every partition (owned or not). Every replica reports it; use max.",
        ),
        &["topic"],
    )?;
    registry.register(Box::new(group_lag.clone()))?;
    let group_unowned = IntGauge::new(
        "newsflow_group_unowned_partitions",
        "Input partitions with lag that no member of the group owns (nothing consumes them). Use max over replicas.",
    )?;
    registry.register(Box::new(group_unowned.clone()))?;
    let group_members = IntGauge::new(
        "newsflow_group_members",
        "Members of the consumer group, as the broker reports them.",
    )?;
    registry.register(Box::new(group_members.clone()))?;
    let producer_sent_bytes = IntCounter::new(
        "newsflow_producer_sent_bytes_total",
        "Bytes the producer sent to brokers (librdkafka tx_bytes): batches after compression, plus protocol framing. Compare with newsflow_producer_message_bytes_total for the compression ratio.",
    )?;
    registry.register(Box::new(producer_sent_bytes.clone()))?;
    let producer_message_bytes = IntCounter::new(
        "newsflow_producer_message_bytes_total",
        "Bytes of messages produced (librdkafka txmsg_bytes: values and keys, before compression).",
    )?;
    registry.register(Box::new(producer_message_bytes.clone()))?;
    let ready = IntGauge::new(
        "newsflow_ready",
        "1 when /readyz answers 200 (pipeline loaded, producer connected, consumer in its group or joining), else 0.",
    )?;
    registry.register(Box::new(ready.clone()))?;
    let state_entries = IntGaugeVec::new(
        Opts::new(
            "newsflow_stage_state_entries",
            "Entries a stage keeps between articles (stage=dedup: articles in the duplicate window).",
        ),
        &["stage"],
    )?;
    registry.register(Box::new(state_entries.clone()))?;
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
        Opts::new(
            "newsflow_build_info",
            "Build information: version, git revision, librdkafka version.",
        ),
        &["version", "git_revision", "librdkafka_version"],
    )?;
    registry.register(Box::new(build_info.clone()))?;
    #[cfg(target_os = "linux")]
    registry.register(Box::new(
        prometheus::process_collector::ProcessCollector::for_self(),
    ))?;
    build_info
        .with_label_values(&[
            crate::record::VERSION,
            env!("NEWSFLOW_GIT_REVISION"),
            &rdkafka::util::get_rdkafka_version().1,
        ])
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
        pipeline_latency,
        processing,
        produce_ack,
        commit_duration,
        input_bytes,
        output_bytes,
        ready,
        state_entries,
        suppressed_logs,
        dead_letter_refusals,
        unanswered,
        paused_partitions,
        offset_resets,
        group_lag,
        group_unowned,
        group_members,
        producer_sent_bytes,
        producer_message_bytes,
    })
}

/// The process-wide metrics.
pub fn metrics() -> &'static Metrics {
    static M: OnceLock<Metrics> = OnceLock::new();
    M.get_or_init(|| build().expect("metric definitions are valid"))
}
