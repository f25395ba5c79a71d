//! Chaos: several workers in one group under SIGKILLs, a broker restart and
//! membership churn, then SIGTERM. Every input must be answered, each by one
//! kind of verdict (an enriched record, or a dead letter with one reason),
//! and that verdict must be the one the pure core gives the same bytes
//! offline; every SIGTERM must exit 0. Duplicates (at-least-once) are
//! counted and printed.
//!
//! The broker is librdkafka's mock cluster (three brokers) served over TCP
//! from this test process to the worker processes: it implements group
//! membership, session timeouts and rebalances as Kafka does, and can take
//! its brokers down and up, which tansu 0.6.0 cannot survive with its group
//! state (see README, "The test broker"). Bounded for the test command:
//! 2,400 inputs, 3 workers, 3 kills, all brokers down for 5 s, one join
//! and leave (NEWSFLOW_CHAOS_BROKER_RESTART=0 skips the broker restart).
//! Soak: NEWSFLOW_CHAOS_INPUTS=100000 NEWSFLOW_CHAOS_KILLS=10
//!   NEWSFLOW_CHAOS_SECS=1800 cargo test --release --test chaos -- --nocapture
//!
//! The mock cluster keeps only the newest 5 MB of each partition, so the
//! reader never pauses (it reads on its own thread, and assigns itself its
//! partitions, so no group rebalance moves it), and a record it skipped
//! over is reported as the harness's loss, apart from the workers'.

mod common;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use common::collector::Background;
use common::kafka::*;
use common::records::*;
use newsflow::input::RawInput;
use newsflow::pipeline::{build_pipeline, default_stages};
use newsflow::record::{self, Processed, SourceInfo};
use rdkafka::mocking::MockCluster;
use rdkafka::producer::DefaultProducerContext;

const MAX_BYTES: usize = 65_536;

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Fourteen classes: the four article forms, the five bad-input classes of
/// the other broker tests, and five more odd ones.
fn chaos_input(i: usize) -> Input {
    match i % 14 {
        0..=3 => {
            let mut g = good_input(i);
            g.key = format!("in-{i}");
            g
        }
        4..=8 => {
            let (mut b, _) = bad_input(i % 14 - 4 + 5 * (i / 14));
            b.key = format!("in-{i}");
            b
        }
        class => {
            let payload: Vec<u8> = match class {
                9 => b" \n\t \r\n ".to_vec(),
                10 => b"[1, 2, 3]".to_vec(),
                11 => format!(r#"{{"body": "Talks {i} resumed.", "published_at": "the day after"}}"#).into_bytes(),
                12 => format!("\u{feff}Markets\n\nShares {i} rise\n\nShares rose on Monday, traders said.").into_bytes(),
                _ => format!("Politique\n\nLa grève {i} continue à Rosport 😀\n\nLes dockers ont voté mardi, a déclaré Mara Lind.").into_bytes(),
            };
            Input {
                key: format!("in-{i}"),
                payload,
                content_type: None,
            }
        }
    }
}

/// The verdict the pure core gives: "enriched" or the dead-letter reason.
fn offline_verdicts(inputs: &[Input]) -> HashMap<String, String> {
    // dedup never decides a verdict (it is not required) and is the one
    // stage whose cost grows with the window, so it is left out here.
    let stages: Vec<_> = default_stages()
        .into_iter()
        .filter(|s| s.name != "dedup")
        .collect();
    let p = build_pipeline(&stages).unwrap();
    inputs
        .iter()
        .map(|i| {
            let raw = RawInput::new(&i.payload)
                .content_type(i.content_type)
                .max_bytes(MAX_BYTES);
            let v = match record::process(&raw, &SourceInfo::default(), &p) {
                Processed::Enriched { .. } => "enriched".to_string(),
                Processed::DeadLetter { reason, .. } => reason.to_string(),
            };
            (i.key.clone(), v)
        })
        .collect()
}

fn verdict(r: &Out) -> String {
    if r.value["reason"].is_string() {
        r.value["reason"].as_str().unwrap_or_default().to_string()
    } else {
        "enriched".to_string()
    }
}

/// Wait (bounded) until the live workers hold all six input partitions
/// between them, for three checks in a row.
fn settle(workers: &[Worker], limit: Duration) {
    let start = Instant::now();
    let mut stable = 0;
    while start.elapsed() < limit && stable < 3 {
        let held: f64 = workers
            .iter()
            .map(|w| w.metric("newsflow_assigned_partitions", None).max(0.0))
            .sum();
        stable = if held == 6.0 { stable + 1 } else { 0 };
        std::thread::sleep(Duration::from_millis(500));
    }
}

/// The first offset each partition of `topic` still holds.
fn log_starts(brokers: &str, topic: &str, partitions: i32) -> Vec<i64> {
    let consumer: rdkafka::consumer::BaseConsumer = rdkafka::ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .create()
        .expect("consumer");
    (0..partitions)
        .map(|p| {
            rdkafka::consumer::Consumer::fetch_watermarks(
                &consumer,
                topic,
                p,
                Duration::from_secs(10),
            )
            .map_or(-1, |(low, _)| low)
        })
        .collect()
}

struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

#[test]
fn chaos_every_input_answered_with_its_verdict() {
    // The mock cluster needs no installed broker; this still runs with the
    // broker suite (it is long), one test at a time.
    let _g = serial();
    let n = env_or("NEWSFLOW_CHAOS_INPUTS", 2400);
    let kills = env_or("NEWSFLOW_CHAOS_KILLS", 3);
    let replicas = env_or("NEWSFLOW_CHAOS_WORKERS", 3);
    let broker_restart = env_or("NEWSFLOW_CHAOS_BROKER_RESTART", 1) == 1;
    let mut rng = Rng(env_or("NEWSFLOW_CHAOS_SEED", 0x000c_4a05) as u64 | 1);

    let mock = MockCluster::<DefaultProducerContext>::new(3).expect("mock cluster");
    let brokers = mock.bootstrap_servers();
    let t = Topics::new("chaos");
    mock.create_topic(&t.input, 6, 3).unwrap();
    mock.create_topic(&t.output, 6, 3).unwrap();
    // Six output and dead-letter partitions: the mock keeps 5 MB a
    // partition, and a too-large input's dead letter carries 64 KiB.
    mock.create_topic(&t.dead, 6, 3).unwrap();

    let inputs: Vec<Input> = (0..n).map(chaos_input).collect();
    let expected = offline_verdicts(&inputs);
    let classes: std::collections::BTreeSet<&String> = expected.values().collect();
    assert!(classes.len() >= 6, "verdict kinds: {classes:?}");
    // Inputs arrive in chunks all through the run, so every kill, the
    // broker restart and the churn hit workers with work in flight. The
    // backlog (produced, not yet answered) is kept under BACKLOG: the mock
    // cluster keeps a bounded log per partition and drops the oldest
    // messages beyond it, as a broker's retention would.
    const BACKLOG: usize = 1500;
    // Chunks of at most 500: with the backlog bound that keeps each input
    // partition well inside the mock's 5 MB (one input in 14 is 70 KB).
    let chunks: Vec<&[Input]> = inputs
        .chunks((n / ((kills + 2) * 4)).clamp(100, 500))
        .collect();
    let mut key_of: HashMap<(i32, i64), String> = HashMap::new();
    let mut next_chunk = 0;
    let mut feed = |key_of: &mut HashMap<(i32, i64), String>| {
        if let Some(chunk) = chunks.get(next_chunk) {
            let sent = block_on(produce(&brokers, &t.input, chunk));
            key_of.extend(sent.into_iter().map(|(k, src)| (src, k)));
            next_chunk += 1;
        }
    };
    feed(&mut key_of);
    let mut last_feed = Instant::now();

    let started = Instant::now();
    let mut workers: Vec<Worker> = (0..replicas)
        .map(|_| Worker::start(&brokers, &t, ""))
        .collect();
    let c = Background::new(Collector::lean(&brokers, &[&t.output, &t.dead]));
    let (mut killed, mut restarted_broker, mut churned) = (0, !broker_restart, false);
    let mut exits = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(env_or("NEWSFLOW_CHAOS_SECS", 600) as u64);
    // The events (kills, the broker restart, the churn) are spread over the
    // run: the k-th waits until k/(events+1) of the inputs are answered,
    // and at least 5-12 s after the one before.
    let events = kills + usize::from(broker_restart) + 1;
    let mut fired = 0;
    let mut last_progress = Instant::now();
    let mut last_answered = (0, Instant::now());
    let mut next_event = Instant::now() + Duration::from_secs(4 + rng.below(4));
    while Instant::now() < deadline {
        let (answered, reopened) = {
            let r = c.lock();
            (distinct_sources(&r.records), r.reopened)
        };
        if answered >= n && killed >= kills && restarted_broker && churned {
            break;
        }
        // Everything produced and nothing answered for 3 minutes: report.
        if answered > last_answered.0 {
            last_answered = (answered, Instant::now());
        } else if key_of.len() == n && last_answered.1.elapsed() > Duration::from_secs(180) {
            break;
        }
        std::thread::sleep(Duration::from_millis(500));
        if last_progress.elapsed() >= Duration::from_secs(60) {
            last_progress = Instant::now();
            println!(
                "chaos: t={:>4}s {answered}/{n} answered, {} produced, reader reopened {} times",
                started.elapsed().as_secs(),
                key_of.len(),
                reopened
            );
        }
        if key_of.len() < answered + BACKLOG && last_feed.elapsed() >= Duration::from_secs(2) {
            feed(&mut key_of);
            last_feed = Instant::now();
        }
        if Instant::now() < next_event || answered < n * (fired + 1) / (events + 1) {
            continue;
        }
        fired += 1;
        next_event = Instant::now() + Duration::from_secs(5 + rng.below(8));
        if killed < kills {
            // SIGKILL a random worker and start a replacement.
            let victim = rng.below(workers.len() as u64) as usize;
            workers[victim].kill9();
            workers[victim] = Worker::start(&brokers, &t, "");
            killed += 1;
            println!(
                "chaos: t={:>4}s kill -9 worker {victim} ({answered}/{n} answered)",
                started.elapsed().as_secs()
            );
        } else if !restarted_broker {
            // Take the brokers down only once the group has settled (every
            // partition held): librdkafka 2.12's mock coordinator aborts
            // the process (`rd_kafka_mock_cgrp_classic_member_add:
            // Assertion !member->resp`) when a member's JoinGroup is
            // pending as its brokers go down and come back.
            settle(&workers, Duration::from_secs(90));
            for b in 1..=3 {
                mock.broker_down(b).unwrap();
            }
            std::thread::sleep(Duration::from_secs(5));
            for b in 1..=3 {
                mock.broker_up(b).unwrap();
            }
            restarted_broker = true;
            println!(
                "chaos: t={:>4}s all brokers down for 5 s ({answered}/{n} answered)",
                started.elapsed().as_secs()
            );
        } else if !churned {
            // A replica joins, works a while, and leaves cleanly.
            let mut extra = Worker::start(&brokers, &t, "");
            std::thread::sleep(Duration::from_secs(10));
            exits.push(extra.term(Duration::from_secs(60)));
            churned = true;
            println!(
                "chaos: t={:>4}s a fourth worker joined and left",
                started.elapsed().as_secs()
            );
        }
    }
    assert_eq!(
        key_of.len(),
        n,
        "not every input was produced before the deadline (NEWSFLOW_CHAOS_SECS)"
    );
    let done = c.wait(Duration::from_secs(180), |r| distinct_sources(r) >= n);
    std::thread::sleep(Duration::from_secs(3)); // late duplicates
    let logs: Vec<String> = workers.iter().map(Worker::log_tail).collect();
    for w in &mut workers {
        exits.push(w.term(Duration::from_secs(90)));
    }
    let (records, gaps, reopened) = c.finish();
    let answers = by_source(&records);
    let mut missing: Vec<(i32, i64)> = key_of
        .keys()
        .filter(|src| !answers.contains_key(src))
        .copied()
        .collect();
    missing.sort_unstable();
    if !(gaps.is_empty() && done && missing.is_empty()) {
        // Tell the harness's losses from the worker's. An input below its
        // partition's log start was dropped by the mock's bounded log
        // before any worker read it; a gap is a record the reader skipped.
        // An unanswered input the group committed past, and still held by
        // the log, is a real loss; one not committed past is stuck.
        let commits = committed(&brokers, &t.group, &t.input, 6);
        let starts = log_starts(&brokers, &t.input, 6);
        let dropped = missing
            .iter()
            .filter(|(p, o)| *o < starts[*p as usize])
            .count();
        let lost: Vec<_> = missing
            .iter()
            .filter(|(p, o)| commits[*p as usize] > *o && *o >= starts[*p as usize])
            .collect();
        panic!(
            "{} of {n} answered, {} unanswered (e.g. {:?}): {dropped} dropped by the mock before \
             any worker read them (harness), {} committed past while still in the log (LOST: {:?}), \
             the rest not committed (stuck); reader gaps (harness): {gaps:?}; committed {commits:?}; \
             input log starts {starts:?}; logs:\n{}",
            answers.len(),
            missing.len(),
            &missing[..missing.len().min(10)],
            lost.len(),
            &lost[..lost.len().min(10)],
            logs.join("\n----\n")
        );
    }
    let mut wrong = Vec::new();
    for (src, records) in &answers {
        let key = &key_of[src];
        for r in records {
            let v = verdict(r);
            if v != expected[key] {
                wrong.push(format!("{key}: {v}, offline {}", expected[key]));
            }
        }
    }
    let duplicates = records.len() - answers.len();
    println!(
        "chaos: {n} inputs ({} verdict kinds), {replicas} workers, {killed} kills, broker restart {broker_restart}, churn: \
         {} records, {duplicates} duplicates, {} wrong verdicts, 0 lost, in {}s (reader reopened {} times)",
        classes.len(),
        records.len(),
        wrong.len(),
        started.elapsed().as_secs(),
        reopened
    );
    assert!(wrong.is_empty(), "wrong verdicts:\n{}", wrong.join("\n"));
    assert!(
        exits.iter().all(|e| *e == Some(0)),
        "exit codes on SIGTERM: {exits:?}"
    );
}
