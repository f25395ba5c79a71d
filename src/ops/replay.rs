//! `newsflow replay`: read the dead-letter topic, select records with a
//! `Filter`, and send each original payload (whole: a truncated one is read
//! back from its source offset) with its original key and headers to the
//! input topic again.
//!
//! Re-running: replay keeps a cursor, the committed offsets of a consumer
//! group named after the dead-letter topic, the target and the filters. A
//! run starts at the cursor and, once every send is acknowledged, moves it
//! to the end of what it read. A second run with the same filters therefore
//! sends only dead letters written since, and reports the rest as already
//! replayed; `from_beginning` ignores the cursor. A dry run moves nothing.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use base64::Engine;
use futures_util::stream::{FuturesUnordered, StreamExt};
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer, StreamConsumer};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::FutureRecord;
use rdkafka::{Message, Offset, TopicPartitionList};
use serde_json::Value;

use super::{Connection, Filter, OpsError};

/// The header a replayed message carries: the dead letter it came from.
pub const REPLAY_HEADER: &str = "newsflow-replay-of";

/// What to replay and where.
#[derive(Debug, Clone)]
pub struct ReplayOptions {
    /// The dead-letter topic to read.
    pub dead_letter_topic: String,
    /// Target topic; `None` sends each message back to its `source.topic`.
    pub to: Option<String>,
    /// Which dead letters.
    pub filter: Filter,
    /// List what would be sent; send and commit nothing.
    pub dry_run: bool,
    /// The cursor's consumer group (see `cursor_group`).
    pub group: String,
    /// Ignore the cursor: read the topic from its first offset.
    pub from_beginning: bool,
    /// Give up when no message arrives for this long.
    pub idle_timeout: Duration,
}

/// The default cursor group: named after the dead-letter topic, the target
/// and the filter flags as given, so the same command resumes its cursor
/// and a different selection has its own.
pub fn cursor_group(dead_letter_topic: &str, to: Option<&str>, filter_flags: &str) -> String {
    let h = crate::text::fnv(7, &[dead_letter_topic, to.unwrap_or(""), filter_flags]);
    format!("newsflow-replay-{h:016x}")
}

/// One dead letter selected (sent, or listed by a dry run).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Sent {
    /// The dead letter, `topic/partition/offset`.
    pub dead_letter: String,
    /// Its reason.
    pub reason: String,
    /// Where the original came from, `topic/partition/offset`.
    pub source: String,
    /// Target topic.
    pub to: String,
    /// Message key, lossy UTF-8.
    pub key: Option<String>,
    /// Payload bytes.
    pub bytes: usize,
    /// The payload was truncated in the dead letter and read from the source.
    pub fetched_from_source: bool,
}

/// What a run did.
#[derive(Debug, Clone, Default)]
pub struct ReplaySummary {
    /// The cursor group.
    pub group: String,
    /// Dead letters read in this run.
    pub read: u64,
    /// Dead letters before the cursor (sent by an earlier run), not read.
    pub already_replayed: u64,
    /// Read and selected by the filter.
    pub selected: u64,
    /// Sent and acknowledged (0 in a dry run).
    pub sent: u64,
    /// Of those, payloads read back from the source topic.
    pub fetched_from_source: u64,
    /// Truncated dead letters whose source offset is gone (`t/p/o: why`).
    pub source_gone: Vec<String>,
    /// Records that are not dead-letter records (`t/p/o`).
    pub unreadable: Vec<String>,
    /// Selected dead letters of messages that were themselves replays
    /// (they failed again after an earlier replay).
    pub failed_again: u64,
    /// Selected but with no target (no `--to` and no `source.topic`).
    pub no_target: u64,
    /// Whether the cursor was moved.
    pub committed: bool,
}

struct Item {
    coords: String,
    key: Option<Vec<u8>>,
    payload: Vec<u8>,
    headers: Vec<(String, Option<Vec<u8>>)>,
    info: Sent,
}

fn kafka(what: &str) -> impl Fn(KafkaError) -> OpsError + '_ {
    move |source| OpsError::Kafka {
        what: what.to_string(),
        source,
    }
}

fn b64(s: &str) -> Option<Vec<u8>> {
    base64::engine::general_purpose::STANDARD.decode(s).ok()
}

/// Read one message at `topic/partition/offset` (for a truncated payload).
fn fetch_source(
    conn: &Connection,
    topic: &str,
    partition: i32,
    offset: i64,
) -> Result<Vec<u8>, String> {
    let consumer: BaseConsumer = conn
        .client("newsflow-replay-fetch")
        .set("group.id", "newsflow-replay-fetch")
        .set("enable.auto.commit", "false")
        .set("auto.offset.reset", "error")
        .set("fetch.message.max.bytes", "100000000")
        .set("receive.message.max.bytes", "200000000")
        .create()
        .map_err(|e| e.to_string())?;
    let mut tpl = TopicPartitionList::new();
    tpl.add_partition_offset(topic, partition, Offset::Offset(offset))
        .map_err(|e| e.to_string())?;
    consumer.assign(&tpl).map_err(|e| e.to_string())?;
    let deadline = Instant::now() + Duration::from_secs(15);
    let result = loop {
        if Instant::now() > deadline {
            break Err("not readable within 15 s".to_string());
        }
        match consumer.poll(Duration::from_millis(500)) {
            Some(Ok(m)) if m.offset() == offset => {
                break Ok(m.payload().unwrap_or_default().to_vec());
            }
            Some(Ok(m)) => {
                break Err(format!(
                    "offset gone: the partition now continues at {}",
                    m.offset()
                ))
            }
            Some(Err(e)) => break Err(format!("offset gone or unreadable: {e}")),
            None => {}
        }
    };
    drop(tpl);
    result
}

/// Turn one dead-letter record into what to send.
fn item(
    conn: &Connection,
    opts: &ReplayOptions,
    coords: String,
    dl: &Value,
) -> Result<Option<Item>, String> {
    let src = &dl["source"];
    let reason = dl["reason"].as_str().unwrap_or("").to_string();
    let payload = &dl["payload"];
    let (Some(data), Some(truncated)) = (payload["data"].as_str(), payload["truncated"].as_bool())
    else {
        return Err("not a dead-letter record".into());
    };
    let source = format!(
        "{}/{}/{}",
        src["topic"].as_str().unwrap_or("?"),
        src["partition"].as_i64().unwrap_or(-1),
        src["offset"].as_i64().unwrap_or(-1)
    );
    let Some(to) = opts
        .to
        .clone()
        .or_else(|| src["topic"].as_str().map(str::to_string))
    else {
        return Ok(None);
    };
    let (bytes, fetched) = if truncated {
        let (Some(t), Some(p), Some(o)) = (
            src["topic"].as_str(),
            src["partition"].as_i64(),
            src["offset"].as_i64(),
        ) else {
            return Err(format!("{source}: truncated, and the source is unknown"));
        };
        let whole = fetch_source(conn, t, i32::try_from(p).unwrap_or(-1), o)
            .map_err(|e| format!("{source}: {e}"))?;
        (whole, true)
    } else {
        (b64(data).ok_or("payload.data is not base64")?, false)
    };
    let key = dl["key_base64"]
        .as_str()
        .and_then(b64)
        .or_else(|| src["key"].as_str().map(|k| k.as_bytes().to_vec()));
    let mut headers: Vec<(String, Option<Vec<u8>>)> = dl["headers"]
        .as_array()
        .map(|hs| {
            hs.iter()
                .filter_map(|h| {
                    let k = h["key"].as_str()?.to_string();
                    let v = match (h["value"].as_str(), h["value_base64"].as_str()) {
                        (Some(v), _) => Some(v.as_bytes().to_vec()),
                        (None, Some(b)) => b64(b),
                        (None, None) => None,
                    };
                    Some((k, v))
                })
                .collect()
        })
        .unwrap_or_default();
    headers.retain(|(k, _)| k != REPLAY_HEADER);
    headers.push((REPLAY_HEADER.to_string(), Some(coords.clone().into_bytes())));
    Ok(Some(Item {
        info: Sent {
            dead_letter: coords.clone(),
            reason,
            source,
            to,
            key: key
                .as_ref()
                .map(|k| String::from_utf8_lossy(k).into_owned()),
            bytes: bytes.len(),
            fetched_from_source: fetched,
        },
        coords,
        key,
        payload: bytes,
        headers,
    }))
}

/// Replay the selected dead letters; `on_item` sees each one selected
/// (before it is sent), `progress(read, to_read)` about once a second.
pub async fn replay(
    conn: &Connection,
    opts: &ReplayOptions,
    mut on_item: impl FnMut(&Sent),
    mut progress: impl FnMut(u64, u64),
) -> Result<ReplaySummary, OpsError> {
    let topic = opts.dead_letter_topic.as_str();
    let consumer: StreamConsumer = conn
        .client("newsflow-replay")
        .set("group.id", &opts.group)
        .set("enable.auto.commit", "false")
        .set("enable.auto.offset.store", "false")
        .set("auto.offset.reset", "earliest")
        .set("fetch.message.max.bytes", "10000000")
        .create()
        .map_err(kafka("cannot create the dead-letter reader"))?;
    let metadata = consumer
        .fetch_metadata(Some(topic), Duration::from_secs(10))
        .map_err(kafka("cannot read topic metadata"))?;
    let partitions: Vec<i32> = metadata
        .topics()
        .iter()
        .filter(|t| t.name() == topic && t.error().is_none())
        .flat_map(|t| {
            t.partitions()
                .iter()
                .map(rdkafka::metadata::MetadataPartition::id)
        })
        .collect();
    if partitions.is_empty() {
        return Err(OpsError::NoTopic(topic.to_string()));
    }
    let mut ask = TopicPartitionList::new();
    for p in &partitions {
        ask.add_partition(topic, *p);
    }
    let committed = consumer
        .committed_offsets(ask, Duration::from_secs(10))
        .map_err(kafka("cannot read the replay cursor"))?;
    let mut summary = ReplaySummary {
        group: opts.group.clone(),
        ..ReplaySummary::default()
    };
    // partition -> (next offset to read, end = high watermark at start)
    let mut todo: BTreeMap<i32, (i64, i64)> = BTreeMap::new();
    let mut ends = TopicPartitionList::new();
    for p in &partitions {
        let (low, high) = consumer
            .fetch_watermarks(topic, *p, Duration::from_secs(10))
            .map_err(kafka("cannot read the dead-letter topic's offsets"))?;
        let cursor = match committed.find_partition(topic, *p).map(|e| e.offset()) {
            Some(Offset::Offset(o)) if !opts.from_beginning => o.clamp(low, high),
            _ => low,
        };
        summary.already_replayed += u64::try_from(cursor - low).unwrap_or(0);
        if cursor < high {
            todo.insert(*p, (cursor, high));
        }
        let _ = ends.add_partition_offset(topic, *p, Offset::Offset(high));
    }
    drop(committed);
    let to_read: u64 = todo
        .values()
        .map(|(s, e)| u64::try_from(e - s).unwrap_or(0))
        .sum();
    let mut assign = TopicPartitionList::new();
    for (p, (start, _)) in &todo {
        let _ = assign.add_partition_offset(topic, *p, Offset::Offset(*start));
    }
    consumer
        .assign(&assign)
        .map_err(kafka("cannot assign the dead-letter partitions"))?;
    drop(assign);

    let producer = if opts.dry_run {
        None
    } else {
        Some(conn.producer("newsflow-replay")?)
    };
    let mut pending = FuturesUnordered::new();
    let mut failures: Vec<String> = Vec::new();
    let mut last_report = Instant::now();
    while !todo.is_empty() {
        let m = match tokio::time::timeout(opts.idle_timeout, consumer.recv()).await {
            Err(_) => {
                return Err(OpsError::Stalled {
                    topic: topic.to_string(),
                    secs: opts.idle_timeout.as_secs(),
                    position: format!("{todo:?}"),
                })
            }
            Ok(Err(e)) => return Err(kafka("cannot read the dead-letter topic")(e)),
            Ok(Ok(m)) => m,
        };
        let (p, o) = (m.partition(), m.offset());
        let Some(&(_, end)) = todo.get(&p) else {
            continue;
        };
        if o + 1 >= end {
            todo.remove(&p);
        }
        if o >= end {
            continue;
        }
        summary.read += 1;
        let coords = format!("{topic}/{p}/{o}");
        let dl: Value = match serde_json::from_slice(m.payload().unwrap_or_default()) {
            Ok(v) => v,
            Err(_) => {
                summary.unreadable.push(coords);
                continue;
            }
        };
        drop(m);
        if !opts.filter.matches(&dl) {
            continue;
        }
        summary.selected += 1;
        let was_replay = dl["headers"]
            .as_array()
            .is_some_and(|hs| hs.iter().any(|h| h["key"] == REPLAY_HEADER));
        if was_replay {
            summary.failed_again += 1;
        }
        let it = match item(conn, opts, coords.clone(), &dl) {
            Ok(Some(it)) => it,
            Ok(None) => {
                summary.no_target += 1;
                continue;
            }
            Err(e) if e == "not a dead-letter record" => {
                summary.unreadable.push(coords);
                continue;
            }
            Err(e) => {
                summary.source_gone.push(format!("{coords}: {e}"));
                continue;
            }
        };
        on_item(&it.info);
        if it.info.fetched_from_source {
            summary.fetched_from_source += 1;
        }
        if let Some(producer) = &producer {
            let mut headers = OwnedHeaders::new();
            for (k, v) in &it.headers {
                headers = headers.insert(Header {
                    key: k,
                    value: v.as_deref(),
                });
            }
            let delivery = loop {
                let mut record = FutureRecord::to(&it.info.to)
                    .payload(&it.payload)
                    .headers(headers.clone());
                if let Some(k) = &it.key {
                    record = record.key(k);
                }
                match producer.send_result(record) {
                    Ok(d) => break Ok(d),
                    Err((KafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), _)) => {
                        tokio::time::sleep(Duration::from_millis(20)).await;
                    }
                    Err((e, _)) => break Err(e),
                }
            };
            let coords = it.coords.clone();
            match delivery {
                Ok(d) => pending.push(async move {
                    match d.await {
                        Ok(Ok(_)) => Ok(()),
                        Ok(Err((e, _))) => Err(format!("{coords}: {e}")),
                        Err(_) => Err(format!("{coords}: delivery cancelled")),
                    }
                }),
                Err(e) => failures.push(format!("{coords}: {e}")),
            }
        }
        if last_report.elapsed() >= Duration::from_secs(1) {
            last_report = Instant::now();
            progress(summary.read, to_read);
        }
    }
    while let Some(r) = pending.next().await {
        match r {
            Ok(_) => summary.sent += 1,
            Err(e) => failures.push(e),
        }
    }
    progress(summary.read, to_read);
    if let Some(first) = failures.first() {
        return Err(OpsError::Delivery {
            failed: failures.len() as u64,
            total: summary.sent + failures.len() as u64,
            first: first.clone(),
        });
    }
    if !opts.dry_run {
        consumer
            .commit(&ends, CommitMode::Sync)
            .map_err(kafka("all sends were acknowledged, but the replay cursor could not be saved (a second run would send them again)"))?;
        summary.committed = true;
    }
    Ok(summary)
}
