//! Throughput harness (no timing assertions; it prints what it measured).
//!
//! One run measures, on the same inputs and the same machine:
//! 1. offline: `record::process` over every input on all cores;
//! 2. end to end, when NEWSFLOW_TEST_BROKERS points at a broker (see
//!    scripts/broker-start.sh): the inputs produced to a topic first, then
//!    the real `newsflow` binary started and timed until every output or
//!    dead-letter record is readable, once per output compression in
//!    NEWSFLOW_BENCH_COMPRESSION (default `none,lz4`), with the bytes the
//!    producer sent (from the worker's /metrics), the CPU of the worker,
//!    the broker and this process's reader, and the worker's peak RSS.
//!    The test broker (tansu on SQLite) slows as its store fills, so
//!    compare variants on fresh brokers (scripts/benchmarks.sh does).
//!
//! It prints end to end as a share of offline, which is the figure to
//! compare between runs: the machine's speed varies more than that.
//!
//! The inputs are the 2,225 BBC articles as JSON envelopes when ../shared is
//! present (NEWSFLOW_SHARED overrides the path), else generated articles.
//!
//!   cargo bench --bench throughput                   # offline only
//!   NEWSFLOW_TEST_BROKERS=127.0.0.1:19092 cargo bench --bench throughput
//!   NEWSFLOW_BENCH_N=500 NEWSFLOW_BENCH_COMPRESSION=none,lz4,gzip,snappy …

#[allow(dead_code)]
#[path = "../tests/common/collector.rs"]
mod collector;
#[allow(dead_code)]
#[path = "../tests/common/kafka.rs"]
mod kafka;

use std::io::Read;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The allocator the `newsflow` binary uses (src/main.rs; the same crate
/// features, so huge pages are off here too), so the offline figure is the
/// worker's own processing cost, not glibc malloc's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use newsflow::input::RawInput;
use newsflow::pipeline::{build_pipeline, default_stages};
use newsflow::record::{process, SourceInfo};

/// The bench inputs and what they are.
struct Corpus {
    name: String,
    inputs: Vec<Vec<u8>>,
}

fn generated(n: usize) -> Corpus {
    let base = std::str::from_utf8(include_bytes!("../samples/01-wire-port-strike.txt")).unwrap();
    Corpus {
        name: format!("{n} generated copies of samples/01"),
        inputs: (0..n)
            .map(|i| {
                format!("{base}\n\nUpdate {i}: officials said talks would continue.").into_bytes()
            })
            .collect(),
    }
}

/// The BBC articles as JSON envelopes (`id`, `title`, `text`), if present.
fn bbc() -> Option<Corpus> {
    let shared = std::env::var_os("NEWSFLOW_SHARED").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        PathBuf::from,
    );
    let path = shared.join("data/topic-classification/bbc-news/bbc-news-2225.jsonl.gz");
    let file = std::fs::File::open(&path).ok()?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .ok()?;
    let inputs = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            serde_json::to_vec(&serde_json::json!({
                "id": v["id"], "title": v["title"], "text": v["text"],
            }))
            .unwrap()
        })
        .collect();
    Some(Corpus {
        name: format!("BBC News ({})", path.display()),
        inputs,
    })
}

fn words(inputs: &[Vec<u8>]) -> usize {
    inputs
        .iter()
        .map(|b| String::from_utf8_lossy(b).split_whitespace().count())
        .sum()
}

/// CPU seconds (user + system) a process has used, from /proc (Linux).
fn cpu_secs(pid: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name, which is in parentheses.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// The pid of a running `tansu` (the test broker), to charge its CPU.
fn broker_pid() -> Option<String> {
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|e| {
        let name = e.file_name().into_string().ok()?;
        let comm = std::fs::read_to_string(e.path().join("comm")).ok()?;
        (comm.trim() == "tansu").then_some(name)
    })
}

/// Articles per second through `record::process` on `threads` threads, and
/// CPU seconds per article.
fn offline(inputs: &[Vec<u8>], threads: usize) -> (f64, f64) {
    let pipeline = build_pipeline(&default_stages()).unwrap();
    let cpu_before = cpu_secs("self").unwrap_or(0.0);
    let started = Instant::now();
    std::thread::scope(|s| {
        for chunk in inputs.chunks(inputs.len().div_ceil(threads)) {
            let p = &pipeline;
            s.spawn(move || {
                for bytes in chunk {
                    let raw = RawInput::new(bytes)
                        .content_type(Some("application/json"))
                        .timestamp_ms(Some(0))
                        .max_bytes(1 << 21);
                    std::hint::black_box(process(&raw, &SourceInfo::default(), p));
                }
            });
        }
    });
    let rate = inputs.len() as f64 / started.elapsed().as_secs_f64();
    let cpu = cpu_secs("self").unwrap_or(0.0) - cpu_before;
    (rate, cpu / inputs.len() as f64)
}

/// What one end-to-end run measured.
struct EndToEnd {
    seen: usize,
    total_secs: f64,
    steady_per_sec: f64,
    sent_bytes: Option<f64>,
    message_bytes: Option<f64>,
    /// CPU seconds of the worker process, and of the broker, from the
    /// worker's start to the last record.
    worker_cpu: f64,
    broker_cpu: Option<f64>,
    /// CPU seconds of this process (its consumer reading the records back)
    /// over the same span: it shares the cores too.
    reader_cpu: f64,
    /// The worker's peak resident set (VmHWM), MiB.
    worker_peak_mib: Option<f64>,
}

fn end_to_end(brokers: &str, inputs: &[Vec<u8>], compression: &str, port: u16) -> EndToEnd {
    use rdkafka::consumer::{BaseConsumer, Consumer};
    use rdkafka::producer::{BaseProducer, BaseRecord, Producer};
    use rdkafka::ClientConfig;

    let n = inputs.len();
    let tag = kafka::unique(&format!("bench-{compression}"));
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
    for (i, payload) in inputs.iter().enumerate() {
        let key = format!("k{i}");
        let mut record = BaseRecord::to(&input).key(&key).payload(payload);
        loop {
            match producer.send(record) {
                Ok(()) => break,
                Err((_, back)) => {
                    record = back;
                    producer.poll(Duration::from_millis(10));
                }
            }
        }
    }
    producer
        .flush(Duration::from_secs(120))
        .expect("flush inputs");

    let dir = std::env::temp_dir().join(&tag);
    std::fs::create_dir_all(&dir).unwrap();
    let cfg = dir.join("bench.toml");
    // Extra producer properties to try: NEWSFLOW_BENCH_PRODUCER="linger.ms=50;…".
    let extra: String = std::env::var("NEWSFLOW_BENCH_PRODUCER")
        .unwrap_or_default()
        .split(';')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| format!("\"{}\" = \"{}\"\n", k.trim(), v.trim()))
        .collect();
    std::fs::write(
        &cfg,
        format!(
            "[kafka]\nbrokers = \"{brokers}\"\ngroup_id = \"{tag}\"\ninput_topics = [\"{input}\"]\n\
             output_topic = \"{output}\"\ndead_letter_topic = \"{dead}\"\nstatistics_interval_ms = 500\n\
             [kafka.producer_properties]\n\"compression.type\" = \"{compression}\"\n{extra}\
             [http]\nlisten = \"127.0.0.1:{port}\"\n[log]\nfilter = \"warn\"\n"
        ),
    )
    .unwrap();
    let broker = broker_pid();
    let broker_before = broker.as_deref().and_then(cpu_secs);
    let self_before = cpu_secs("self").unwrap_or(0.0);
    let started = Instant::now();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_newsflow"))
        .args(["run", "--config", cfg.to_str().unwrap()])
        .env("NEWSFLOW_DATA_DIR", dir.join("data"))
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
    while seen < n && started.elapsed() < Duration::from_secs(900) {
        if let Some(Ok(_)) = reader.poll(Duration::from_millis(200)) {
            first.get_or_insert_with(Instant::now);
            seen += 1;
        }
    }
    let total_secs = started.elapsed().as_secs_f64();
    let worker_cpu = cpu_secs(&child.id().to_string()).unwrap_or(0.0);
    let reader_cpu = cpu_secs("self").unwrap_or(0.0) - self_before;
    let worker_peak_mib = peak_rss_mib(&child.id().to_string());
    let broker_cpu = broker
        .as_deref()
        .and_then(cpu_secs)
        .zip(broker_before)
        .map(|(a, b)| a - b);
    let steady_per_sec = seen as f64 / first.map_or(total_secs, |f| f.elapsed().as_secs_f64());
    // One statistics interval more, so the byte counters include the end.
    std::thread::sleep(Duration::from_millis(1500));
    let metrics = scrape(port).unwrap_or_default();
    let value = |name: &str| {
        metrics
            .lines()
            .find_map(|l| l.strip_prefix(name)?.trim().parse::<f64>().ok())
    };
    let _ = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);
    EndToEnd {
        seen,
        total_secs,
        steady_per_sec,
        sent_bytes: value("newsflow_producer_sent_bytes_total "),
        message_bytes: value("newsflow_producer_message_bytes_total "),
        worker_cpu,
        broker_cpu,
        reader_cpu,
        worker_peak_mib,
    }
}

/// A process's peak resident set size (VmHWM in /proc/PID/status), MiB.
fn peak_rss_mib(pid: &str) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

/// GET /metrics from the worker.
fn scrape(port: u16) -> Option<String> {
    use std::io::Write;
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(s, "GET /metrics HTTP/1.0\r\nHost: localhost\r\n\r\n").ok()?;
    let mut body = String::new();
    s.read_to_string(&mut body).ok()?;
    Some(body)
}

fn main() {
    // `cargo test` runs benches with --bench absent; only run when benchmarking.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    // The dedup stage's file store: a fresh one, not ./newsflow-data.
    let data = std::env::temp_dir().join(format!("newsflow-bench-{}", std::process::id()));
    std::env::set_var("NEWSFLOW_DATA_DIR", &data);
    let limit: Option<usize> = std::env::var("NEWSFLOW_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok());
    let mut corpus = bbc().unwrap_or_else(|| generated(limit.unwrap_or(5000)));
    if let Some(n) = limit {
        corpus.inputs.truncate(n);
    }
    let inputs = &corpus.inputs;
    let n = inputs.len();
    let bytes: usize = inputs.iter().map(Vec::len).sum();
    let w = words(inputs);
    let threads = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    println!("inputs: {n} from {}; {bytes} bytes, {w} words", corpus.name);
    let (off, off_cpu) = offline(inputs, threads);
    println!(
        "offline: {off:.0} articles/s on {threads} threads ({:.0} words/s); {:.2} ms CPU per article",
        off * w as f64 / n as f64,
        off_cpu * 1000.0
    );
    let _ = std::fs::remove_dir_all(&data);
    let Some(brokers) = std::env::var("NEWSFLOW_TEST_BROKERS")
        .ok()
        .filter(|b| !b.is_empty())
    else {
        println!("end-to-end: skipped (set NEWSFLOW_TEST_BROKERS to a running broker)");
        return;
    };
    let variants =
        std::env::var("NEWSFLOW_BENCH_COMPRESSION").unwrap_or_else(|_| "none,lz4".into());
    println!("| output compression | records | records/s (steady) | of offline | total s | worker CPU ms/record | of offline CPU | broker CPU ms/record | reader CPU ms/record | worker peak RSS MiB | sent bytes/record | message bytes/record |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (i, compression) in variants.split(',').map(str::trim).enumerate() {
        let port = 19_700 + (std::process::id() % 200) as u16 + i as u16;
        let e = end_to_end(&brokers, inputs, compression, port);
        let per =
            |b: Option<f64>| b.map_or("?".into(), |b| format!("{:.0}", b / e.seen.max(1) as f64));
        let worker_ms = 1000.0 * e.worker_cpu / e.seen.max(1) as f64;
        println!(
            "| {compression} | {}/{n} | {:.0} | {:.0}% | {:.1} | {worker_ms:.2} | {:.0}% | {} | {:.2} | {} | {} | {} |",
            e.seen,
            e.steady_per_sec,
            100.0 * e.steady_per_sec / off,
            e.total_secs,
            100.0 * off_cpu * 1000.0 / worker_ms,
            e.broker_cpu
                .map_or("?".into(), |c| format!("{:.2}", 1000.0 * c / e.seen.max(1) as f64)),
            1000.0 * e.reader_cpu / e.seen.max(1) as f64,
            e.worker_peak_mib.map_or("?".into(), |m| format!("{m:.0}")),
            per(e.sent_bytes),
            per(e.message_bytes),
        );
    }
}
