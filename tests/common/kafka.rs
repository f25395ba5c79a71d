//! Real-broker test helpers: topics, producing, collecting outputs, running
//! the `newsflow` binary as a child process, reading committed offsets and
//! /metrics.
//!
//! The broker address comes from NEWSFLOW_TEST_BROKERS (scripts/test.sh
//! starts tansu and sets it). Without it the broker tests print SKIP, except
//! under CI=true, where a missing broker is a failure.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::util::Timeout;
use rdkafka::{ClientConfig, Offset, TopicPartitionList};

/// Broker tests share one broker and two cores: run them one at a time.
pub(crate) fn serial() -> MutexGuard<'static, ()> {
    static M: Mutex<()> = Mutex::new(());
    M.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

pub(crate) fn brokers() -> Option<String> {
    match std::env::var("NEWSFLOW_TEST_BROKERS") {
        Ok(b) if !b.is_empty() => Some(b),
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true but NEWSFLOW_TEST_BROKERS is not set: run the tests through scripts/test.sh")
        }
        _ => {
            eprintln!("SKIP: NEWSFLOW_TEST_BROKERS is not set; run scripts/test.sh to start a broker and the tests");
            None
        }
    }
}

pub(crate) fn unique(prefix: &str) -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis();
    format!(
        "{prefix}-{}-{ms}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

pub(crate) async fn create_topics(brokers: &str, topics: &[(&str, i32)]) {
    let admin: AdminClient<DefaultClientContext> = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .create()
        .expect("admin client");
    let new: Vec<NewTopic> = topics
        .iter()
        .map(|(t, p)| NewTopic::new(t, *p, TopicReplication::Fixed(1)))
        .collect();
    let res = admin
        .create_topics(
            &new,
            &AdminOptions::new().operation_timeout(Some(Duration::from_secs(10))),
        )
        .await;
    for r in res.expect("create_topics request") {
        if let Err((t, e)) = r {
            panic!("cannot create topic {t}: {e}");
        }
    }
}

pub(crate) struct Input {
    pub key: String,
    pub payload: Vec<u8>,
    pub content_type: Option<&'static str>,
}

/// Produce all inputs; returns key → (partition, offset).
pub(crate) async fn produce(
    brokers: &str,
    topic: &str,
    inputs: &[Input],
) -> HashMap<String, (i32, i64)> {
    let producer: FutureProducer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("message.max.bytes", "10000000")
        .set("linger.ms", "5")
        .create()
        .expect("producer");
    let mut out = HashMap::new();
    for chunk in inputs.chunks(200) {
        let futs = chunk.iter().map(|i| {
            let mut rec = FutureRecord::to(topic).key(&i.key).payload(&i.payload);
            if let Some(ct) = i.content_type {
                rec = rec.headers(OwnedHeaders::new().insert(Header {
                    key: "content-type",
                    value: Some(ct),
                }));
            }
            producer.send(rec, Timeout::After(Duration::from_secs(30)))
        });
        let results = futures_util::future::join_all(futs).await;
        for (i, r) in chunk.iter().zip(results) {
            let d = r.unwrap_or_else(|(e, _)| panic!("produce {}: {e}", i.key));
            out.insert(i.key.clone(), (d.partition, d.offset));
        }
    }
    out
}

#[allow(unused_imports)] // not every test binary reads records back
pub(crate) use super::collector::{Collector, Out};

/// Committed offsets of `group` on `topic` partitions 0..n (-1 when none).
pub(crate) fn committed(brokers: &str, group: &str, topic: &str, partitions: i32) -> Vec<i64> {
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("group.id", group)
        .create()
        .expect("consumer");
    let mut tpl = TopicPartitionList::new();
    for p in 0..partitions {
        tpl.add_partition(topic, p);
    }
    let result = consumer
        .committed_offsets(tpl, Duration::from_secs(10))
        .expect("committed offsets");
    let out = (0..partitions)
        .map(
            |p| match result.find_partition(topic, p).map(|e| e.offset()) {
                Some(Offset::Offset(o)) => o,
                _ => -1,
            },
        )
        .collect();
    // Drop the list before the consumer: a live list makes the drop hang.
    drop(result);
    drop(consumer);
    out
}

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A `newsflow run` child process with its own config file and log.
pub(crate) struct Worker {
    pub child: Child,
    pub port: u16,
    pub log: PathBuf,
    _dir: tempfile::TempDir,
}

pub(crate) struct Topics {
    pub input: String,
    pub output: String,
    pub dead: String,
    pub group: String,
}

impl Topics {
    pub(crate) fn new(name: &str) -> Self {
        Topics {
            input: unique(&format!("{name}-in")),
            output: unique(&format!("{name}-out")),
            dead: unique(&format!("{name}-dlq")),
            group: unique(&format!("{name}-group")),
        }
    }
}

impl Worker {
    pub(crate) fn start(brokers: &str, t: &Topics, extra: &str) -> Worker {
        Self::start_limited(brokers, t, 65536, extra)
    }

    /// A worker with `worker.max_message_bytes = max_bytes`.
    pub(crate) fn start_limited(
        brokers: &str,
        t: &Topics,
        max_bytes: usize,
        extra: &str,
    ) -> Worker {
        Self::start_env(brokers, t, max_bytes, extra, &[])
    }

    /// A worker with extra environment variables (e.g. a secret).
    pub(crate) fn start_env(
        brokers: &str,
        t: &Topics,
        max_bytes: usize,
        extra: &str,
        env: &[(&str, &str)],
    ) -> Worker {
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let cfg = format!(
            r#"[kafka]
brokers = "{brokers}"
group_id = "{group}"
input_topics = ["{input}"]
output_topic = "{output}"
dead_letter_topic = "{dead}"
statistics_interval_ms = 1000
[kafka.consumer_properties]
"session.timeout.ms" = 6000
"heartbeat.interval.ms" = 1000
[worker]
concurrency = 32
max_message_bytes = {max_bytes}
commit_interval_ms = 200
drain_timeout_secs = 20
group_check_interval_secs = 1
[http]
listen = "127.0.0.1:{port}"
[log]
format = "json"
filter = "info"
{extra}
"#,
            group = t.group,
            input = t.input,
            output = t.output,
            dead = t.dead,
        );
        let cfg_path = dir.path().join("worker.toml");
        std::fs::write(&cfg_path, cfg).unwrap();
        let log = dir.path().join("worker.log");
        let log_file = std::fs::File::create(&log).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_newsflow"))
            .args(["run", "--config"])
            .arg(&cfg_path)
            .env_remove("RUST_LOG")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(log_file)
            .spawn()
            .expect("spawn newsflow");
        Worker {
            child,
            port,
            log,
            _dir: dir,
        }
    }

    /// The worker's whole log so far.
    pub(crate) fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    pub(crate) fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    }

    pub(crate) fn kill9(&mut self) {
        let _ = self.child.kill(); // SIGKILL
        let _ = self.child.wait();
    }

    /// Send SIGTERM and wait for the exit code.
    pub(crate) fn term(&mut self, timeout: Duration) -> Option<i32> {
        let pid = self.child.id().to_string();
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill -TERM");
        let start = Instant::now();
        while start.elapsed() < timeout {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        None
    }

    /// GET a path from the worker's HTTP server: (status code, body).
    pub(crate) fn get(&self, path: &str) -> Option<(u16, String)> {
        let mut s = std::net::TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
        write!(s, "GET {path} HTTP/1.1\r\nHost: t\r\n\r\n").ok()?;
        let mut buf = String::new();
        s.read_to_string(&mut buf).ok()?;
        let code = buf.split_whitespace().nth(1)?.parse().ok()?;
        Some((code, buf.split_once("\r\n\r\n")?.1.to_string()))
    }

    /// Sum of a metric's samples whose label set contains `label` (or all).
    pub(crate) fn metric(&self, name: &str, label: Option<&str>) -> f64 {
        let Some((_, body)) = self.get("/metrics") else {
            return -1.0;
        };
        body.lines()
            .filter(|l| {
                l.starts_with(name)
                    && (l.as_bytes().get(name.len()) == Some(&b'{')
                        || l.as_bytes().get(name.len()) == Some(&b' '))
            })
            .filter(|l| label.is_none_or(|x| l.contains(x)))
            .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
            .sum()
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Plain, envelope, ninjs and HTML articles, distinct per index.
pub(crate) fn good_input(i: usize) -> Input {
    let key = format!("good-{i}");
    let body = format!(
        "Officials in Rosport said on Tuesday that harbour traffic number {i} had resumed after a two-day strike. \
         \"We are relieved,\" said port spokeswoman Mara Lind. Traders expect exports to recover by Friday."
    );
    let (payload, ct) = match i % 4 {
        0 => (format!("Business\n\nHarbour traffic {i} resumes in Rosport\n\n{body}\n\n-- Wirewire contributed to this report"), None),
        1 => (
            serde_json::json!({"id": key, "title": format!("Harbour traffic {i} resumes"), "body": body,
                               "published_at": "2026-03-03T10:00:00Z", "desk": "business"})
            .to_string(),
            Some("application/json"),
        ),
        2 => (
            serde_json::json!({"uri": format!("urn:test:{i}"), "versioncreated": "2026-03-03T10:00:00Z",
                               "headlines": [{"role": "main", "value": format!("Harbour traffic {i} resumes")}],
                               "bodies": [{"role": "main", "contenttype": "text/plain", "value": body}]})
            .to_string(),
            None,
        ),
        _ => (format!("<html><head><title>Harbour {i}</title></head><body><p>{body}</p></body></html>"), Some("text/html")),
    };
    Input {
        key,
        payload: payload.into_bytes(),
        content_type: ct,
    }
}

/// Bad inputs, by expected dead-letter reason.
pub(crate) fn bad_input(i: usize) -> (Input, &'static str) {
    let key = format!("bad-{i}");
    let (payload, reason): (Vec<u8>, &str) = match i % 5 {
        0 => (Vec::new(), "empty"),
        1 => (b"caf\xe9 \xff\xfe broken bytes".to_vec(), "invalid_utf8"),
        2 => (
            br#"{"id": "x", "body": "unterminated"#.to_vec(),
            "malformed_json",
        ),
        3 => (vec![b'a'; 70_000], "too_large"),
        _ => (
            br#"{"title": "no text at all"}"#.to_vec(),
            "invalid_document",
        ),
    };
    (
        Input {
            key,
            payload,
            content_type: None,
        },
        reason,
    )
}

/// A private tansu broker for tests that stop and restart it (SQLite
/// storage in a temp dir, so data survives the restart). Another storage
/// engine for measurements: NEWSFLOW_TANSU_STORAGE (e.g. a postgres://
/// URL) and NEWSFLOW_TANSU_BIN (a tansu built with that engine).
pub(crate) struct OwnBroker {
    pub port: u16,
    child: Option<Child>,
    dir: tempfile::TempDir,
}

impl OwnBroker {
    pub(crate) fn start() -> OwnBroker {
        let mut b = OwnBroker {
            port: free_port(),
            child: None,
            dir: tempfile::tempdir().unwrap(),
        };
        b.restart();
        b
    }

    pub(crate) fn addr(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// The broker's log (of its latest start).
    pub(crate) fn log_text(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("broker.log")).unwrap_or_default()
    }

    /// The broker's log lines (of its latest start) that contain `needle`.
    pub(crate) fn log_lines(&self, needle: &str) -> Vec<String> {
        std::fs::read_to_string(self.dir.path().join("broker.log"))
            .unwrap_or_default()
            .lines()
            .filter(|l| l.contains(needle))
            .map(str::to_string)
            .collect()
    }

    pub(crate) fn restart(&mut self) {
        let url = format!("tcp://127.0.0.1:{}", self.port);
        let log = std::fs::File::create(self.dir.path().join("broker.log")).unwrap();
        let storage =
            std::env::var("NEWSFLOW_TANSU_STORAGE").unwrap_or_else(|_| "sqlite://t.db".into());
        let bin = std::env::var("NEWSFLOW_TANSU_BIN").unwrap_or_else(|_| "tansu".into());
        let child = Command::new(bin)
            .args([
                "broker",
                "--listener-url",
                &url,
                "--advertised-listener-url",
                &url,
                "--storage-engine",
                &storage,
            ])
            .current_dir(self.dir.path())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("tansu on PATH (scripts/broker-start.sh installs it)");
        self.child = Some(child);
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "own broker did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// SIGTERM, and wait (bounded) for the broker to exit.
    pub(crate) fn term(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = Command::new("kill")
                .args(["-TERM", &c.id().to_string()])
                .status();
            let start = Instant::now();
            while c.try_wait().ok().flatten().is_none() && start.elapsed() < Duration::from_secs(20)
            {
                std::thread::sleep(Duration::from_millis(100));
            }
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    pub(crate) fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Drop for OwnBroker {
    fn drop(&mut self) {
        self.kill();
    }
}
