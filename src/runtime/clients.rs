//! librdkafka client configuration from `[kafka]`: our managed settings
//! first, then the user's passthrough properties.

use rdkafka::ClientConfig;

use crate::config::Config;

/// Consumer settings. Offsets are committed by newsflow only after the
/// output of a message is acknowledged, so auto commit and auto store are off.
pub(super) fn consumer_config(c: &Config) -> ClientConfig {
    let mut cc = ClientConfig::new();
    cc.set("bootstrap.servers", &c.kafka.brokers)
        .set("group.id", &c.kafka.group_id)
        .set("enable.auto.commit", "false")
        .set("enable.auto.offset.store", "false")
        .set("auto.offset.reset", "earliest")
        .set("enable.partition.eof", "false")
        .set(
            "statistics.interval.ms",
            c.kafka.statistics_interval_ms.to_string(),
        )
        .set("client.id", "newsflow");
    // Let oversize payloads through to us so they are dead-lettered, not stuck.
    let fetch = (c.worker.max_message_bytes * 2 + 1_048_576).min(1_000_000_000);
    cc.set("fetch.message.max.bytes", fetch.to_string()).set(
        "receive.message.max.bytes",
        (fetch + 1_048_576)
            .clamp(100_000_000, 2_147_483_647)
            .to_string(),
    );
    for (k, v) in c
        .kafka
        .properties
        .iter()
        .chain(c.kafka.consumer_properties.iter())
    {
        cc.set(k, v);
    }
    cc
}

/// Producer settings: idempotent, acks=all, bounded per-attempt timeout so
/// the worker's own retry loop sees (and reports) a broker outage.
pub(super) fn producer_config(c: &Config) -> ClientConfig {
    let mut pc = ClientConfig::new();
    let max = (c.worker.max_message_bytes * 5 + 1_048_576).min(1_000_000_000);
    pc.set("bootstrap.servers", &c.kafka.brokers)
        .set("enable.idempotence", "true")
        .set("acks", "all")
        .set("message.timeout.ms", "30000")
        .set("linger.ms", "5")
        .set("message.max.bytes", max.to_string())
        .set(
            "statistics.interval.ms",
            c.kafka.statistics_interval_ms.to_string(),
        )
        .set("client.id", "newsflow");
    for (k, v) in c
        .kafka
        .properties
        .iter()
        .chain(c.kafka.producer_properties.iter())
    {
        pc.set(k, v);
    }
    pc
}
