//! Integration tests against a real Kafka-protocol broker (tansu, started
//! by scripts/test.sh). Each test runs the real `newsflow` binary.

mod common;

use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

use common::kafka::*;
use common::records::*;
use common::schema::*;

#[test]
fn thousand_mixed_messages_one_record_each() {
    let Some(brokers) = brokers() else { return };
    let _g = serial();
    let t = Topics::new("mixed");
    block_on(create_topics(
        &brokers,
        &[(&t.input, 3), (&t.output, 1), (&t.dead, 1)],
    ));
    let (inputs, bad) = mixed(1000);
    let sent = block_on(produce(&brokers, &t.input, &inputs));
    let mut worker = Worker::start(&brokers, &t, "");
    let mut c = Collector::new(&brokers, &[&t.output, &t.dead]);
    let done = c.until(Duration::from_secs(120), |r| distinct_sources(r) >= 1000);
    assert!(
        done,
        "only {} of 1000 inputs answered; worker log:\n{}",
        distinct_sources(&c.records),
        worker.log_tail()
    );
    c.drain(Duration::from_secs(3));

    let answers = by_source(&c.records);
    let (rec, dlq, ninjs) = (
        record_validator(),
        dead_letter_validator(),
        ninjs_validator(),
    );
    for input in &inputs {
        let src = sent[&input.key];
        let got = answers
            .get(&src)
            .unwrap_or_else(|| panic!("no record for {} at {src:?}", input.key));
        assert_eq!(got.len(), 1, "{} answered {} times", input.key, got.len());
        let out = got[0];
        match bad.get(&input.key) {
            Some(reason) => {
                assert_eq!(out.topic, t.dead, "{} should be dead-lettered", input.key);
                assert_eq!(out.value["reason"], *reason, "{}", input.key);
                assert_eq!(out.value["source"]["key"], input.key.as_str());
                assert_valid(&dlq, &out.value, &format!("dead letter for {}", input.key));
            }
            None => {
                assert_eq!(
                    out.topic, t.output,
                    "{} should be enriched: {}",
                    input.key, out.value
                );
                assert_eq!(out.value["source"]["key"], input.key.as_str());
                assert_valid(&rec, &out.value, &format!("record for {}", input.key));
                if let Some(n) = &ninjs {
                    assert_valid(n, &out.value["ninjs"], &format!("ninjs for {}", input.key));
                }
            }
        }
    }
    assert_eq!(c.records.len(), 1000, "exactly one record per input");
    assert_eq!(
        worker.term(Duration::from_secs(60)),
        Some(0),
        "log:\n{}",
        worker.log_tail()
    );
}

#[test]
fn sigkill_and_restart_lose_nothing() {
    let Some(brokers) = brokers() else { return };
    let _g = serial();
    let t = Topics::new("kill");
    block_on(create_topics(
        &brokers,
        &[(&t.input, 3), (&t.output, 1), (&t.dead, 1)],
    ));
    let (inputs, _) = mixed(1000);
    let sent = block_on(produce(&brokers, &t.input, &inputs));
    let mut c = Collector::new(&brokers, &[&t.output, &t.dead]);

    let mut first = Worker::start(&brokers, &t, "");
    let started = c.until(Duration::from_secs(90), |r| r.len() >= 250);
    assert!(
        started,
        "worker produced {} records before kill; log:\n{}",
        c.records.len(),
        first.log_tail()
    );
    first.kill9();
    let before_kill = c.records.len();

    // Restart once the killed member's session (session.timeout.ms = 6 s in
    // these tests) has expired. Seen with tansu 0.6.0: a member that joined
    // while the dead one was still inside its session got an empty
    // assignment and no rebalance followed within 150 s (a Kafka broker
    // evicts the dead member and rebalances). The worker is not at fault;
    // the test is about what the worker loses, not the broker's coordinator.
    std::thread::sleep(Duration::from_secs(8));
    let mut second = Worker::start(&brokers, &t, "");
    let done = c.until(Duration::from_secs(150), |r| distinct_sources(r) >= 1000);
    assert!(
        done,
        "after restart only {} of 1000 answered; log:\n{}",
        distinct_sources(&c.records),
        second.log_tail()
    );
    c.drain(Duration::from_secs(3));

    let answers = by_source(&c.records);
    let missing: Vec<&String> = sent
        .iter()
        .filter(|(_, src)| !answers.contains_key(src))
        .map(|(k, _)| k)
        .collect();
    assert!(missing.is_empty(), "lost inputs: {missing:?}");
    let duplicates = c.records.len() - answers.len();
    println!("sigkill: {before_kill} records before SIGKILL, {} records in all for 1000 inputs: {duplicates} duplicates (at-least-once redelivery)", c.records.len());
    eprintln!("sigkill: duplicates = {duplicates}");
    assert_eq!(
        second.term(Duration::from_secs(60)),
        Some(0),
        "log:\n{}",
        second.log_tail()
    );
}

#[test]
fn sigterm_drains_and_commits() {
    let Some(brokers) = brokers() else { return };
    let _g = serial();
    let t = Topics::new("term");
    block_on(create_topics(
        &brokers,
        &[(&t.input, 3), (&t.output, 1), (&t.dead, 1)],
    ));
    let (inputs, _) = mixed(600);
    block_on(produce(&brokers, &t.input, &inputs));
    let mut c = Collector::new(&brokers, &[&t.output, &t.dead]);
    let mut worker = Worker::start(&brokers, &t, "");
    assert!(
        c.until(Duration::from_secs(90), |r| r.len() >= 100),
        "log:\n{}",
        worker.log_tail()
    );

    let code = worker.term(Duration::from_secs(60));
    assert_eq!(code, Some(0), "SIGTERM exit; log:\n{}", worker.log_tail());
    assert!(
        worker.log_tail().contains("worker stopped"),
        "log:\n{}",
        worker.log_tail()
    );
    c.drain(Duration::from_secs(3));

    let committed = committed(&brokers, &t.group, &t.input, 3);
    let mut per_part: HashMap<i32, BTreeSet<i64>> = HashMap::new();
    for r in &c.records {
        let (p, o) = r.source();
        per_part.entry(p).or_default().insert(o);
    }
    let mut total = 0;
    for p in 0..3 {
        let done = per_part.remove(&p).unwrap_or_default();
        let c_p = committed[p as usize].max(0);
        total += c_p;
        // Every committed offset has its output (nothing lost) and, after a
        // drain, every output is covered by the commit (nothing left pending).
        let expect: BTreeSet<i64> = (0..c_p).collect();
        assert_eq!(
            done, expect,
            "partition {p}: outputs vs committed offset {c_p}"
        );
    }
    assert!(
        total >= 100,
        "committed {total} offsets in all, {committed:?}"
    );
}

#[test]
fn metrics_match_what_was_sent() {
    let Some(brokers) = brokers() else { return };
    let _g = serial();
    let t = Topics::new("metrics");
    block_on(create_topics(
        &brokers,
        &[(&t.input, 2), (&t.output, 1), (&t.dead, 1)],
    ));
    let mut worker = Worker::start(&brokers, &t, "");
    let mut waited = 0;
    while worker.get("/healthz").map(|r| r.0) != Some(200) && waited < 100 {
        std::thread::sleep(Duration::from_millis(100));
        waited += 1;
    }
    assert_eq!(worker.get("/healthz").map(|r| r.0), Some(200));

    let good: Vec<Input> = (0..200).map(good_input).collect();
    let bad: Vec<(Input, &str)> = (0..25).map(bad_input).collect();
    let mut reasons: HashMap<&str, f64> = HashMap::new();
    for (_, r) in &bad {
        *reasons.entry(r).or_default() += 1.0;
    }
    let mut inputs = good;
    inputs.extend(bad.into_iter().map(|(i, _)| i));
    block_on(produce(&brokers, &t.input, &inputs));

    let mut c = Collector::new(&brokers, &[&t.output, &t.dead]);
    assert!(
        c.until(Duration::from_secs(90), |r| r.len() >= 225),
        "log:\n{}",
        worker.log_tail()
    );
    let mut ok = false;
    for _ in 0..50 {
        let consumed = worker.metric("newsflow_messages_consumed_total", Some(&t.input));
        let produced = worker.metric("newsflow_records_produced_total", Some(&t.output));
        let dead = worker.metric("newsflow_dead_letters_total", None);
        if (consumed, produced, dead) == (225.0, 200.0, 25.0) {
            ok = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let m = worker.get("/metrics").map(|r| r.1).unwrap_or_default();
    assert!(
        ok,
        "counters do not match: {}",
        m.lines()
            .filter(|l| l.starts_with("newsflow_"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    for (reason, n) in reasons {
        assert_eq!(
            worker.metric(
                "newsflow_dead_letters_total",
                Some(&format!("reason=\"{reason}\""))
            ),
            n,
            "reason {reason}"
        );
    }
    let stage_count = worker.metric(
        "newsflow_stage_duration_seconds_count",
        Some("stage=\"structure\""),
    );
    assert_eq!(stage_count, 200.0, "structure ran once per decodable input");
    assert_eq!(worker.metric("newsflow_in_flight_messages", None), 0.0);
    let mut commits = 0.0;
    for _ in 0..30 {
        commits = worker.metric("newsflow_commits_total", None);
        if commits >= 1.0 {
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    assert!(
        commits >= 1.0,
        "no commit acknowledged: {}\nlog:\n{}",
        worker.get("/metrics").map(|r| r.1).unwrap_or_default(),
        worker.log_tail()
    );
    assert_eq!(
        worker.get("/readyz").map(|r| r.0),
        Some(200),
        "ready while consuming"
    );
    assert_eq!(worker.term(Duration::from_secs(60)), Some(0));
}

#[test]
fn broker_down_at_start_is_retried() {
    let Some(_) = brokers() else { return };
    let _g = serial();
    let t = Topics::new("down");
    // Nothing listens on this port: the worker must keep running, not ready.
    let dead_port = free_port();
    let mut worker = Worker::start(&format!("127.0.0.1:{dead_port}"), &t, "");
    // Wait (bounded) until the worker has loaded its models and met the
    // dead broker; a debug build takes seconds to load the models.
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while std::time::Instant::now() < deadline
        && worker.child.try_wait().unwrap().is_none()
        && !worker.log_tail().contains("kafka client error")
    {
        std::thread::sleep(Duration::from_millis(250));
    }
    std::thread::sleep(Duration::from_secs(2));
    assert!(
        worker.child.try_wait().unwrap().is_none(),
        "worker exited with the broker down; log:\n{}",
        worker.log_tail()
    );
    assert_eq!(worker.get("/healthz").map(|r| r.0), Some(200));
    assert_eq!(worker.get("/readyz").map(|r| r.0), Some(503));
    assert!(
        worker.log_tail().contains("kafka client error"),
        "log:\n{}",
        worker.log_tail()
    );
    assert_eq!(
        worker.term(Duration::from_secs(40)),
        Some(0),
        "log:\n{}",
        worker.log_tail()
    );
}

#[test]
fn second_replica_rebalances_without_loss() {
    let Some(brokers) = brokers() else { return };
    let _g = serial();
    let t = Topics::new("rebalance");
    block_on(create_topics(
        &brokers,
        &[(&t.input, 4), (&t.output, 1), (&t.dead, 1)],
    ));
    let (inputs, _) = mixed(1200);
    let sent = block_on(produce(&brokers, &t.input, &inputs));
    let mut c = Collector::new(&brokers, &[&t.output, &t.dead]);

    let mut first = Worker::start(&brokers, &t, "");
    assert!(
        c.until(Duration::from_secs(90), |r| !r.is_empty()),
        "log:\n{}",
        first.log_tail()
    );
    // A second replica joins the group mid-run: the first must drain and
    // commit its revoked partitions, the second picks up from there.
    let mut second = Worker::start(&brokers, &t, "");
    let done = c.until(Duration::from_secs(150), |r| distinct_sources(r) >= 1200);
    assert!(
        done,
        "only {} of 1200 answered; first:\n{}\nsecond:\n{}",
        distinct_sources(&c.records),
        first.log_tail(),
        second.log_tail()
    );
    c.drain(Duration::from_secs(3));
    let answers = by_source(&c.records);
    assert!(
        sent.values().all(|src| answers.contains_key(src)),
        "an input was lost"
    );
    let revoked = std::fs::read_to_string(&first.log)
        .unwrap_or_default()
        .contains("partitions revoked");
    println!("rebalance: {} records for 1200 inputs ({} duplicates); first replica saw a revoke: {revoked}", c.records.len(), c.records.len() - answers.len());
    assert_eq!(
        first.term(Duration::from_secs(60)),
        Some(0),
        "first:\n{}",
        first.log_tail()
    );
    assert_eq!(
        second.term(Duration::from_secs(60)),
        Some(0),
        "second:\n{}",
        second.log_tail()
    );
}

#[test]
fn broker_outage_mid_run_loses_nothing() {
    let Some(_) = brokers() else { return };
    let _g = serial();
    let mut broker = OwnBroker::start();
    let b = broker.addr();
    let t = Topics::new("outage");
    block_on(create_topics(
        &b,
        &[(&t.input, 2), (&t.output, 1), (&t.dead, 1)],
    ));
    let (inputs, _) = mixed(1500);
    let sent = block_on(produce(&b, &t.input, &inputs));
    let mut worker = Worker::start(&b, &t, "");
    let before = {
        let mut c = Collector::new(&b, &[&t.output, &t.dead]);
        assert!(
            c.until(Duration::from_secs(90), |r| !r.is_empty()),
            "log:\n{}",
            worker.log_tail()
        );
        c.records.len()
    };
    broker.kill();
    std::thread::sleep(Duration::from_secs(4));
    assert!(
        worker.child.try_wait().unwrap().is_none(),
        "worker died with the broker; log:\n{}",
        worker.log_tail()
    );
    assert_eq!(worker.get("/healthz").map(|r| r.0), Some(200));
    broker.restart();
    let mut c = Collector::new(&b, &[&t.output, &t.dead]);
    let done = c.until(Duration::from_secs(150), |r| distinct_sources(r) >= 1500);
    assert!(
        done,
        "after the outage only {} of 1500 answered; log:\n{}",
        distinct_sources(&c.records),
        worker.log_tail()
    );
    let answers = by_source(&c.records);
    assert!(
        sent.values().all(|src| answers.contains_key(src)),
        "an input was lost"
    );
    let retried = worker.metric("newsflow_produce_retries_total", None)
        + worker.metric("newsflow_kafka_client_errors_total", None);
    println!(
        "outage: broker killed after {before} records were readable; {} records for 1500 inputs ({} duplicates); {retried} produce retries + client errors",
        c.records.len(),
        c.records.len() - answers.len()
    );
    assert!(retried > 0.0, "the outage was not seen by the worker");
    assert_eq!(
        worker.term(Duration::from_secs(60)),
        Some(0),
        "log:\n{}",
        worker.log_tail()
    );
}

/// A signal while the models are still loading ends the worker at once, with
/// exit code 0, without waiting for the load or touching Kafka. /healthz
/// answers before the load starts, so a signal sent as soon as it does lands
/// inside the load (seconds long in a debug build); the log line proves it.
#[test]
fn signal_while_loading_models_exits_cleanly() {
    let _g = serial();
    let t = Topics::new("loading");
    // No broker is needed: the worker must stop before it connects.
    let mut worker = Worker::start(&format!("127.0.0.1:{}", free_port()), &t, "");
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while worker.get("/healthz").map(|r| r.0) != Some(200) {
        assert!(
            std::time::Instant::now() < deadline,
            "no /healthz within 30 s; log:\n{}",
            worker.log_tail()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(worker.get("/readyz").map(|r| r.0), Some(503));
    assert_eq!(
        worker.term(Duration::from_secs(20)),
        Some(0),
        "log:\n{}",
        worker.log_tail()
    );
    assert!(
        worker.log_tail().contains("stopped while loading models"),
        "the signal did not land while loading; log:\n{}",
        worker.log_tail()
    );
}
