//! Nothing lost when the broker refuses a dead letter: the input stays
//! unanswered (its partition commits no further, /readyz says so, a metric
//! counts it) until the dead letter is accepted or the worker restarts, and
//! is then answered. Against the real broker (tansu, scripts/test.sh).

mod common;

use std::time::{Duration, Instant};

use common::kafka::*;
use common::records::*;
use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::util::Timeout;
use rdkafka::ClientConfig;

/// Produce `n` plain articles to partition 0, the one at `stuck_at` with a
/// 3 KB header, so that even its minimal dead letter exceeds a 1000-byte
/// producer limit.
fn produce_with_big_header(brokers: &str, topic: &str, n: usize, stuck_at: usize) {
    let producer: FutureProducer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .create()
        .unwrap();
    let big = "h".repeat(3000);
    for i in 0..n {
        let payload = good_input(i * 4).payload; // plain text form
        let key = format!("k{i}");
        let mut record = FutureRecord::to(topic)
            .partition(0)
            .key(&key)
            .payload(&payload);
        if i == stuck_at {
            record = record.headers(OwnedHeaders::new().insert(Header {
                key: "trace",
                value: Some(big.as_str()),
            }));
        }
        block_on(producer.send(record, Timeout::After(Duration::from_secs(30))))
            .map_err(|(e, _)| e)
            .expect("produce");
    }
}

#[test]
fn refused_dead_letter_holds_the_partition_and_is_answered_after_restart() {
    let Some(brokers) = brokers() else { return };
    let _g = serial();
    let t = Topics::new("refused");
    block_on(create_topics(
        &brokers,
        &[(&t.input, 1), (&t.output, 1), (&t.dead, 1)],
    ));
    produce_with_big_header(&brokers, &t.input, 10, 4);

    // Every enriched record is over the producer's 1000-byte limit, so each
    // input becomes an `output_rejected` dead letter; only the input with the
    // big header cannot be dead-lettered even in minimal form.
    let limit = "[kafka.producer_properties]\n\"message.max.bytes\" = 1000\n";
    let mut worker = Worker::start(&brokers, &t, limit);
    let mut c = Collector::new(&brokers, &[&t.output, &t.dead]);
    assert!(
        c.until(Duration::from_secs(90), |r| distinct_sources(r) >= 9),
        "{} answered; log:\n{}",
        distinct_sources(&c.records),
        worker.log_tail()
    );
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline && worker.metric("newsflow_unanswered_inputs", None) < 1.0 {
        std::thread::sleep(Duration::from_millis(250));
    }
    assert_eq!(
        worker.metric("newsflow_unanswered_inputs", None),
        1.0,
        "{}",
        worker.log_tail()
    );
    assert!(worker.metric("newsflow_dead_letter_refusals_total", None) >= 1.0);
    // The group-level check sees the held partition's lag (checked every
    // 15 s by default; the test worker checks every second).
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline && worker.metric("newsflow_group_lag_messages", None) < 1.0 {
        std::thread::sleep(Duration::from_millis(250));
    }
    assert!(
        worker.metric("newsflow_group_lag_messages", None) >= 1.0,
        "group lag while an input is held"
    );
    let ready = worker.get("/readyz").expect("/readyz");
    assert_eq!(ready.0, 503, "{ready:?}");
    assert!(ready.1.contains("unanswered_inputs=1"), "{ready:?}");
    c.drain(Duration::from_secs(2));
    assert!(
        c.records.iter().all(|r| r.source() != (0, 4)),
        "the refused input must not be answered yet"
    );
    assert!(
        c.records
            .iter()
            .filter(|r| r.topic == t.dead)
            .all(|r| r.value["reason"] == "output_rejected"),
        "the others are output_rejected dead letters"
    );
    // The commit never passes the unanswered input (offset 4).
    std::thread::sleep(Duration::from_secs(1));
    let committed = committed(&brokers, &t.group, &t.input, 1)[0];
    assert!(
        committed <= 4,
        "committed {committed}, past the unanswered input at 4"
    );

    // Shutdown abandons it uncommitted (after the drain timeout); a worker
    // without the limit answers it, with an enriched record.
    assert_eq!(
        worker.term(Duration::from_secs(60)),
        Some(0),
        "{}",
        worker.log_tail()
    );
    let mut fixed = Worker::start(&brokers, &t, "");
    assert!(
        c.until(Duration::from_secs(90), |r| r
            .iter()
            .any(|x| x.source() == (0, 4) && x.topic == t.output)),
        "the held input was not answered after the restart; log:\n{}",
        fixed.log_tail()
    );
    assert_eq!(fixed.term(Duration::from_secs(60)), Some(0));
    println!(
        "refused dead letter: {} records for 10 inputs; committed {committed} while held",
        c.records.len()
    );
}
