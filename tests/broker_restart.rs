//! A group of three workers across a broker restart on tansu: the stall
//! the fault run of issue #15 met (every member assigned nothing after the
//! restart, inputs unanswered) as a minimal reproduction.
//!
//! Three workers share six partitions; inputs are answered; the broker is
//! stopped with SIGTERM, left down 5 s and restarted on the same storage;
//! more inputs follow. Every input must be answered, and the workers must
//! hold all six partitions again. Storage: SQLite by default;
//! NEWSFLOW_TANSU_STORAGE / NEWSFLOW_TANSU_BIN measure another engine
//! (README, "The test broker").
//!
//! The workers' and the broker's whole logs are kept on failure, or always
//! with NEWSFLOW_KEEP_LOGS=1 (target/tmp/broker_restart).
//!
//! Not in the test command: on tansu 0.6.0 with SQLite it failed at random
//! (no member held a partition after the restart) while the worker backed
//! off up to 6.4 s after a consumer error without polling; 10 of 10 passed
//! with the 500 ms cap, too few to call it fixed. Run it with
//!   cargo test --test broker_restart -- --ignored --nocapture

mod common;

use std::time::{Duration, Instant};

use common::kafka::*;
use common::records::*;

fn held(workers: &[Worker]) -> f64 {
    workers
        .iter()
        .map(|w| w.metric("newsflow_assigned_partitions", None).max(0.0))
        .sum()
}

#[test]
#[ignore = "a broker restart on tansu 0.6.0: failed 1 in 11 before the worker's consumer-error backoff was capped, 0 in 10 since; too few runs for CI (README, \"The test broker\")"]
fn three_workers_hold_every_partition_again_after_a_broker_restart() {
    let Some(_) = brokers() else { return };
    let _g = serial();
    let mut broker = OwnBroker::start();
    let b = broker.addr();
    let t = Topics::new("grouprestart");
    block_on(create_topics(
        &b,
        &[(&t.input, 6), (&t.output, 3), (&t.dead, 1)],
    ));
    let (first, _) = mixed(300);
    let mut sent = block_on(produce(&b, &t.input, &first));
    let mut workers: Vec<Worker> = (0..3).map(|_| Worker::start(&b, &t, "")).collect();
    let mut c = Collector::new(&b, &[&t.output, &t.dead]);
    assert!(
        c.until(Duration::from_secs(120), |r| distinct_sources(r) >= 300),
        "before the restart only {} of 300 answered",
        distinct_sources(&c.records)
    );
    let before = held(&workers);

    broker.term();
    std::thread::sleep(Duration::from_secs(5));
    broker.restart();
    let second: Vec<Input> = mixed(600).0.into_iter().skip(300).collect();
    sent.extend(block_on(produce(&b, &t.input, &second)));

    let start = Instant::now();
    let done = c.until(Duration::from_secs(180), |r| distinct_sources(r) >= 600);
    let after = held(&workers);
    let answers = by_source(&c.records);
    let unanswered = sent.values().filter(|s| !answers.contains_key(s)).count();
    let group_errors = broker.log_lines("GroupDetail");
    println!(
        "group restart: partitions held {before} before, {after} after; {unanswered} of 600 unanswered; \
         {}s to answer the rest; {} broker log lines cannot read the stored group{}",
        start.elapsed().as_secs(),
        group_errors.len(),
        group_errors.first().map(|l| format!(", e.g. {l}")).unwrap_or_default()
    );
    let rebalances: Vec<String> = workers
        .iter()
        .map(|w| w.metric("newsflow_rebalances_total", None).to_string())
        .collect();
    println!("group restart: rebalances per worker {rebalances:?}");
    let logs: Vec<String> = workers.iter().map(Worker::log_tail).collect();
    if !(done && after == 6.0) || std::env::var_os("NEWSFLOW_KEEP_LOGS").is_some() {
        // Keep the whole logs: the tails rarely show the rebalance.
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("broker_restart");
        let _ = std::fs::create_dir_all(&dir);
        for (i, w) in workers.iter().enumerate() {
            let _ = std::fs::write(dir.join(format!("worker-{i}.log")), w.log_text());
        }
        let _ = std::fs::write(dir.join("broker.log"), broker.log_text());
        println!("group restart: full logs in {}", dir.display());
    }
    assert!(
        done && after == 6.0,
        "after the broker restart: {unanswered} unanswered, {after} partitions held; logs:\n{}",
        logs.join("\n----\n")
    );
    for w in &mut workers {
        assert_eq!(w.term(Duration::from_secs(60)), Some(0), "{}", w.log_tail());
    }
}
