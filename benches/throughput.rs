//! Throughput harness (no timing assertions; it prints what it measured).
//!
//! 1. Offline: `record::process` over N generated articles on all cores.
//! 2. End to end, when NEWSFLOW_TEST_BROKERS points at a broker (see
//!    scripts/broker-start.sh): produce N articles, run the real `newsflow`
//!    binary, and time until every output or dead-letter record is readable.
//!
//!   cargo bench --bench throughput                   # offline only
//!   NEWSFLOW_TEST_BROKERS=127.0.0.1:19092 NEWSFLOW_BENCH_N=5000 cargo bench --bench throughput

#[allow(dead_code)]
#[path = "../tests/common/kafka.rs"]
mod kafka;

use std::time::{Duration, Instant};

use newsflow::input::RawInput;
use newsflow::pipeline::{build_pipeline, default_stages};
use newsflow::record::{process, SourceInfo};

fn article(i: usize) -> Vec<u8> {
    let base = std::str::from_utf8(include_bytes!("../samples/01-wire-port-strike.txt")).unwrap();
    format!("{base}\n\nUpdate {i}: officials said talks would continue.").into_bytes()
}

fn offline(n: usize) {
    let pipeline = build_pipeline(&default_stages()).unwrap();
    let inputs: Vec<Vec<u8>> = (0..n).map(article).collect();
    let threads = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    let started = Instant::now();
    std::thread::scope(|s| {
        for chunk in inputs.chunks(n.div_ceil(threads)) {
            let p = &pipeline;
            s.spawn(move || {
                for bytes in chunk {
                    let raw = RawInput::new(bytes)
                        .timestamp_ms(Some(0))
                        .max_bytes(1 << 21);
                    std::hint::black_box(process(&raw, &SourceInfo::default(), p));
                }
            });
        }
    });
    let secs = started.elapsed().as_secs_f64();
    let mb = inputs.iter().map(Vec::len).sum::<usize>() as f64 / 1e6;
    println!(
        "offline: {n} articles on {threads} threads in {secs:.2}s = {:.0} articles/s, {:.1} MB/s",
        n as f64 / secs,
        mb / secs
    );
}

fn end_to_end(brokers: &str, n: usize) {
    use rdkafka::consumer::{BaseConsumer, Consumer};
    use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
    use rdkafka::ClientConfig;

    let tag = format!(
        "bench-{}-{}",
        std::process::id(),
        Instant::now().elapsed().as_nanos()
    );
    let (input, output, dead) = (
        format!("{tag}-in"),
        format!("{tag}-out"),
        format!("{tag}-dlq"),
    );
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(kafka::create_topics(
        brokers,
        &[(&input, 3), (&output, 1), (&dead, 1)],
    ));
    let producer: BaseProducer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("linger.ms", "20")
        .create()
        .unwrap();
    for i in 0..n {
        let payload = article(i);
        loop {
            match producer.send(
                BaseRecord::to(&input)
                    .key(&format!("k{i}"))
                    .payload(&payload),
            ) {
                Ok(()) => break,
                Err(_) => {
                    producer.poll(Duration::from_millis(10));
                }
            }
        }
    }
    producer
        .flush(Duration::from_secs(60))
        .expect("flush inputs");

    let dir = std::env::temp_dir().join(&tag);
    std::fs::create_dir_all(&dir).unwrap();
    let cfg = dir.join("bench.toml");
    std::fs::write(
        &cfg,
        format!(
            "[kafka]\nbrokers = \"{brokers}\"\ngroup_id = \"{tag}\"\ninput_topics = [\"{input}\"]\noutput_topic = \"{output}\"\n\
             dead_letter_topic = \"{dead}\"\n[http]\nlisten = \"\"\n[log]\nfilter = \"warn\"\n"
        ),
    )
    .unwrap();
    let started = Instant::now();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_newsflow"))
        .args(["run", "--config", cfg.to_str().unwrap()])
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let reader: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("group.id", format!("{tag}-reader"))
        .set("auto.offset.reset", "earliest")
        .create()
        .unwrap();
    reader.subscribe(&[&output, &dead]).unwrap();
    let (mut seen, mut first) = (0, None);
    while seen < n && started.elapsed() < Duration::from_secs(600) {
        if let Some(Ok(_)) = reader.poll(Duration::from_millis(200)) {
            first.get_or_insert_with(Instant::now);
            seen += 1;
        }
    }
    let total = started.elapsed().as_secs_f64();
    let steady = first.map_or(total, |f| f.elapsed().as_secs_f64());
    let _ = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
    println!(
        "end-to-end: {seen}/{n} records in {total:.2}s including start-up and group join; \
         {:.0} records/s from the first record on",
        seen as f64 / steady.max(1e-9)
    );
}

fn main() {
    // `cargo test` runs benches with --bench absent; only run when benchmarking.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let n: usize = std::env::var("NEWSFLOW_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5000);
    offline(n);
    match std::env::var("NEWSFLOW_TEST_BROKERS") {
        Ok(b) if !b.is_empty() => end_to_end(&b, n),
        _ => println!("end-to-end: skipped (set NEWSFLOW_TEST_BROKERS to a running broker)"),
    }
}
