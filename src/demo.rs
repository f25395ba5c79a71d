//! `newsflow demo`: the whole worker against an embedded broker (librdkafka's
//! in-process mock cluster), with the bundled sample articles. Needs no
//! installed broker. Prints each record as a JSON line on stdout and a
//! metrics summary on stderr, then exits.

use std::sync::Arc;
use std::time::{Duration, Instant};

use rdkafka::consumer::{Consumer, StreamConsumer};
use rdkafka::mocking::MockCluster;
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::util::Timeout;
use rdkafka::{ClientConfig, Message};
use tokio_util::sync::CancellationToken;

use crate::config::Config;
use crate::pipeline::build_pipeline;
use crate::runtime::{self, http, Health};

/// The bundled samples: (name, content type header, bytes). Written for
/// this repo; 05 is deliberately broken and the empty one is empty, to show
/// dead-lettering.
pub const SAMPLES: &[(&str, Option<&str>, &[u8])] = &[
    (
        "01-wire-port-strike.txt",
        None,
        include_bytes!("../samples/01-wire-port-strike.txt"),
    ),
    (
        "02-envelope-election.json",
        Some("application/json"),
        include_bytes!("../samples/02-envelope-election.json"),
    ),
    (
        "03-ninjs-storm.json",
        None,
        include_bytes!("../samples/03-ninjs-storm.json"),
    ),
    (
        "04-html-markets.html",
        Some("text/html"),
        include_bytes!("../samples/04-html-markets.html"),
    ),
    (
        "05-bad-truncated.json",
        None,
        include_bytes!("../samples/05-bad-truncated.json"),
    ),
    ("06-empty", None, b""),
];

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("embedded broker: {0}")]
    Broker(#[from] rdkafka::error::KafkaError),
    #[error("cannot listen on {addr} for /metrics: {cause}; pass --http 127.0.0.1:0 or another free port")]
    Listen { addr: String, cause: std::io::Error },
    #[error("worker: {0}")]
    Worker(#[from] runtime::RuntimeError),
    #[error("timed out after {0:?} with {1} of {2} records read")]
    Timeout(Duration, usize, usize),
}

const INPUT: &str = "demo.raw";
const OUTPUT: &str = "demo.enriched";
const DEAD: &str = "demo.deadletter";

/// Run the demo; `emit` receives each record line as it arrives.
pub async fn run(http_addr: &str, mut emit: impl FnMut(&str)) -> Result<String, DemoError> {
    let mock = MockCluster::new(1)?;
    mock.create_topic(INPUT, 3, 1)?;
    mock.create_topic(OUTPUT, 1, 1)?;
    mock.create_topic(DEAD, 1, 1)?;
    let brokers = mock.bootstrap_servers();

    let producer: FutureProducer = ClientConfig::new()
        .set("bootstrap.servers", &brokers)
        .create()?;
    for (i, (name, ct, bytes)) in SAMPLES.iter().enumerate() {
        let headers = ct.map(|c| {
            rdkafka::message::OwnedHeaders::new().insert(rdkafka::message::Header {
                key: "content-type",
                value: Some(c),
            })
        });
        let mut rec = FutureRecord::to(INPUT)
            .key(*name)
            .payload(*bytes)
            .partition(i as i32 % 3);
        if let Some(h) = headers {
            rec = rec.headers(h);
        }
        producer
            .send(rec, Timeout::After(Duration::from_secs(10)))
            .await
            .map_err(|(e, _)| e)?;
    }

    let mut config = Config::default();
    config.kafka.brokers = brokers.clone();
    config.kafka.group_id = "newsflow-demo".into();
    config.kafka.input_topics = vec![INPUT.into()];
    config.kafka.output_topic = OUTPUT.into();
    config.kafka.dead_letter_topic = DEAD.into();
    config.kafka.statistics_interval_ms = 1000;
    config.worker.commit_interval_ms = 200;
    // The demo keeps no state between runs.
    for st in config
        .pipeline
        .stages
        .iter_mut()
        .filter(|s| s.name == "dedup")
    {
        st.options
            .insert("store".into(), toml::Value::String("memory".into()));
    }
    let pipeline = Arc::new(
        build_pipeline(&config.pipeline.stages)
            .expect("default pipeline builds")
            .with_stage_timings(config.pipeline.stage_timings),
    );

    let listener = tokio::net::TcpListener::bind(http_addr)
        .await
        .map_err(|cause| DemoError::Listen {
            addr: http_addr.into(),
            cause,
        })?;
    let bound = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    let health = Arc::new(Health::default());
    let stop = CancellationToken::new();
    let http_task = tokio::spawn(http::serve(listener, health.clone(), stop.clone()));
    tracing::info!(metrics = %format!("http://{bound}/metrics"), "demo: worker starting against embedded broker");
    let worker = tokio::spawn(runtime::run_worker(config, pipeline, stop.clone(), health));

    let reader: StreamConsumer = ClientConfig::new()
        .set("bootstrap.servers", &brokers)
        .set("group.id", "newsflow-demo-reader")
        .set("auto.offset.reset", "earliest")
        .set("enable.auto.commit", "false")
        .create()?;
    reader.subscribe(&[OUTPUT, DEAD])?;
    let expected = SAMPLES.len();
    let deadline = Duration::from_secs(60);
    let started = Instant::now();
    let mut seen = 0;
    let mut failure = None;
    while seen < expected {
        let left = deadline.saturating_sub(started.elapsed());
        match tokio::time::timeout(left, reader.recv()).await {
            Ok(Ok(m)) => {
                if let Some(p) = m.payload() {
                    emit(&String::from_utf8_lossy(p));
                }
                seen += 1;
            }
            Ok(Err(e)) => tracing::warn!(error = %e, "demo reader"),
            Err(_) => {
                failure = Some(DemoError::Timeout(deadline, seen, expected));
                break;
            }
        }
    }
    // Read our own /metrics once the worker has committed and librdkafka's
    // next statistics report has set the per-partition lag (statistics
    // come every second; the lag is unknown until the first commit), so
    // the printed metrics show every family. Bounded: after 10 s the last
    // scrape is shown as it is.
    let metrics = settled_metrics(&bound).await;
    stop.cancel();
    let worker_result = worker.await;
    let _ = http_task.await;
    drop(reader);
    drop(producer);
    drop(mock);
    if let Some(f) = failure {
        return Err(f);
    }
    if let Ok(Err(e)) = worker_result {
        return Err(e.into());
    }
    Ok(metrics)
}

/// Scrapes /metrics every 250 ms until the lag series is present, for at
/// most 10 s; returns the last scrape (or the error as a comment).
async fn settled_metrics(addr: &str) -> String {
    let started = Instant::now();
    loop {
        let scraped = scrape(addr)
            .await
            .unwrap_or_else(|e| format!("# could not scrape /metrics: {e}\n"));
        let settled = scraped.contains("newsflow_consumer_lag_messages{");
        if settled || started.elapsed() > Duration::from_secs(10) {
            return scraped;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

async fn scrape(addr: &str) -> std::io::Result<String> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = tokio::net::TcpStream::connect(addr).await?;
    s.write_all(b"GET /metrics HTTP/1.1\r\nHost: demo\r\n\r\n")
        .await?;
    let mut out = String::new();
    s.read_to_string(&mut out).await?;
    Ok(out
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or(out))
}
