//! One message's journey after it was fetched: process it on the blocking
//! pool, produce its record (retrying until the broker acknowledges, or
//! dead-lettering what the broker refuses), then mark its offset finished.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{Header, Headers, OwnedHeaders};
use rdkafka::producer::FutureRecord;
use rdkafka::util::Timeout;
use rdkafka::Message;
use tokio::sync::OwnedSemaphorePermit;

use super::tracker::Tp;
use super::{Hold, Shared};
use crate::input::RawInput;
use crate::internal_events as ev;
use crate::record::{self, dead_letter_record, Processed, SourceInfo};

/// A message copied out of librdkafka's buffer, so no borrowed message
/// outlives the consumer.
pub(super) struct OwnedInput {
    pub(super) topic: String,
    pub(super) partition: i32,
    pub(super) offset: i64,
    key: Option<Vec<u8>>,
    payload: Option<Vec<u8>>,
    content_type: Option<String>,
    timestamp_ms: Option<i64>,
    headers: Vec<(String, Option<Vec<u8>>)>,
    /// When the message was received, for the pipeline-latency metric.
    pub(super) received: std::time::Instant,
}

impl OwnedInput {
    pub(super) fn tp(&self) -> Tp {
        (self.topic.clone(), self.partition)
    }

    pub(super) fn from_message<M: Message>(m: &M) -> Self {
        let content_type = m.headers().and_then(|h| {
            h.iter()
                .find(|hd| hd.key.eq_ignore_ascii_case("content-type"))
                .and_then(|hd| hd.value)
                .map(|v| String::from_utf8_lossy(v).into_owned())
        });
        let headers = m
            .headers()
            .map(|h| {
                h.iter()
                    .map(|hd| (hd.key.to_string(), hd.value.map(<[u8]>::to_vec)))
                    .collect()
            })
            .unwrap_or_default();
        OwnedInput {
            headers,
            received: std::time::Instant::now(),
            topic: m.topic().to_string(),
            partition: m.partition(),
            offset: m.offset(),
            key: m.key().map(<[u8]>::to_vec),
            payload: m.payload().map(<[u8]>::to_vec),
            content_type,
            timestamp_ms: m.timestamp().to_millis(),
        }
    }

    pub(super) fn payload_len(&self) -> usize {
        self.payload.as_ref().map_or(0, Vec::len)
    }

    fn raw(&self, max_bytes: usize) -> RawInput<'_> {
        RawInput {
            payload: self.payload.as_deref(),
            content_type: self.content_type.as_deref(),
            timestamp_ms: self.timestamp_ms,
            max_bytes,
        }
    }

    fn source(&self) -> SourceInfo {
        SourceInfo {
            topic: Some(self.topic.clone()),
            partition: Some(self.partition),
            offset: Some(self.offset),
            timestamp: self
                .timestamp_ms
                .and_then(chrono::DateTime::from_timestamp_millis)
                .map(record::rfc3339),
            key: self
                .key
                .as_ref()
                .map(|k| String::from_utf8_lossy(k).into_owned()),
            file: None,
            key_bytes: self.key.clone(),
            headers: self.headers.clone(),
        }
    }
}

/// Errors a retry cannot fix: the record itself is unacceptable.
fn permanent(e: &KafkaError) -> bool {
    matches!(
        e.rdkafka_error_code(),
        Some(
            RDKafkaErrorCode::MessageSizeTooLarge
                | RDKafkaErrorCode::InvalidMessageSize
                | RDKafkaErrorCode::InvalidMessage
                | RDKafkaErrorCode::InvalidRecord
                | RDKafkaErrorCode::MessageBatchTooLarge
        )
    )
}

enum ProduceError {
    Permanent(String),
    Abandoned,
}

/// What is being produced, and for which input: for the latency metrics.
struct Out<'a> {
    /// "record" or "dead_letter".
    kind: &'static str,
    topic: &'a str,
    received: std::time::Instant,
}

async fn produce(
    shared: &Shared,
    out: &Out<'_>,
    key: &[u8],
    payload: &[u8],
    headers: &OwnedHeaders,
) -> Result<(), ProduceError> {
    let topic = out.topic;
    let started = std::time::Instant::now();
    let w = &shared.config.worker;
    let mut backoff = w.retry_backoff_ms.max(1);
    let mut attempt = 0u32;
    loop {
        let record = FutureRecord::to(topic)
            .key(key)
            .payload(payload)
            .headers(headers.clone());
        let sent = tokio::select! {
            r = shared.producer.send(record, Timeout::After(Duration::from_secs(5))) => r,
            _ = shared.hard_stop.cancelled() => return Err(ProduceError::Abandoned),
        };
        match sent {
            Ok(_) => {
                ev::OutputAcknowledged {
                    kind: out.kind,
                    bytes: payload.len(),
                    produce_seconds: started.elapsed().as_secs_f64(),
                    since_received_seconds: out.received.elapsed().as_secs_f64(),
                }
                .emit();
                return Ok(());
            }
            Err((e, _)) if permanent(&e) => return Err(ProduceError::Permanent(e.to_string())),
            Err((e, _)) => {
                attempt += 1;
                ev::ProduceRetry {
                    topic,
                    error: &e.to_string(),
                    attempt,
                    backoff_ms: backoff,
                }
                .emit();
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_millis(backoff)) => {}
                    _ = shared.hard_stop.cancelled() => return Err(ProduceError::Abandoned),
                }
                backoff = (backoff * 2).min(w.retry_backoff_max_ms.max(1));
            }
        }
    }
}

fn headers(source: &str, extra: Option<(&str, &str)>) -> OwnedHeaders {
    let mut h = OwnedHeaders::new()
        .insert(Header {
            key: "content-type",
            value: Some("application/json"),
        })
        .insert(Header {
            key: "newsflow-source",
            value: Some(source),
        });
    if let Some((k, v)) = extra {
        h = h.insert(Header {
            key: k,
            value: Some(v),
        });
    }
    h
}

/// Process one message and produce its record; mark it finished once acknowledged.
pub(super) async fn handle(
    shared: Arc<Shared>,
    input: OwnedInput,
    epoch: u64,
    _permit: OwnedSemaphorePermit,
) {
    let input = Arc::new(input);
    let (s2, i2) = (shared.clone(), input.clone());
    // Closed never: the semaphore lives as long as `shared`.
    let cpu = shared.processing.clone().acquire_owned().await;
    let processed = tokio::task::spawn_blocking(move || {
        let _cpu = cpu;
        let started = std::time::Instant::now();
        let p = record::process(
            &i2.raw(s2.config.worker.max_message_bytes),
            &i2.source(),
            &s2.pipeline,
        );
        ev::MessageProcessed {
            seconds: started.elapsed().as_secs_f64(),
        }
        .emit();
        p
    })
    .await
    .unwrap_or_else(|e| {
        let raw = input.raw(shared.config.worker.max_message_bytes);
        let record = dead_letter_record(
            "internal_error",
            &format!("processing task failed: {e}"),
            None,
            &raw,
            &input.source(),
        );
        Processed::DeadLetter {
            reason: "internal_error",
            record,
            statuses: Vec::new(),
        }
    });
    let source_label = format!("{}/{}/{}", input.topic, input.partition, input.offset);
    let dlq_key = input
        .key
        .clone()
        .unwrap_or_else(|| source_label.clone().into_bytes());
    let k = &shared.config.kafka;
    let statuses = match &processed {
        Processed::Enriched { statuses, .. } | Processed::DeadLetter { statuses, .. } => statuses,
    };
    for s in statuses {
        ev::StageFinished {
            stage: s.stage,
            duration_ms: s.duration_ms,
            error: s.error.as_deref(),
        }
        .emit();
    }
    let outcome = match processed {
        Processed::Enriched {
            id,
            record,
            statuses: _,
            published_at,
            published_basis,
        } => {
            let out = Out {
                kind: "record",
                topic: &k.output_topic,
                received: input.received,
            };
            match produce(
                &shared,
                &out,
                id.as_bytes(),
                &record,
                &headers(&source_label, None),
            )
            .await
            {
                Ok(()) => {
                    ev::RecordProduced {
                        topic: &k.output_topic,
                        id: &id,
                        partition: input.partition,
                        offset: input.offset,
                    }
                    .emit();
                    let basis = if published_basis == Some("payload") {
                        "published"
                    } else {
                        "message"
                    };
                    if let Some(t) = published_at {
                        let secs = (chrono::Utc::now() - t).num_milliseconds() as f64 / 1000.0;
                        ev::Freshness {
                            basis,
                            seconds: secs,
                        }
                        .emit();
                    }
                    Ok(())
                }
                Err(ProduceError::Permanent(err)) => {
                    // The broker refused the enriched record: dead-letter the input instead.
                    let raw = input.raw(shared.config.worker.max_message_bytes);
                    let msg = format!("enriched record rejected by the broker: {err}");
                    let record =
                        dead_letter_record("output_rejected", &msg, None, &raw, &input.source());
                    dead_letter(
                        &shared,
                        "output_rejected",
                        &dlq_key,
                        &record,
                        &source_label,
                        &input,
                    )
                    .await
                }
                Err(ProduceError::Abandoned) => Err(()),
            }
        }
        Processed::DeadLetter {
            reason,
            record,
            statuses: _,
        } => dead_letter(&shared, reason, &dlq_key, &record, &source_label, &input).await,
    };
    if outcome.is_ok() {
        shared
            .tracker
            .finish(&(input.topic.clone(), input.partition), epoch, input.offset);
    }
    let n = shared.in_flight.fetch_sub(1, Ordering::Relaxed) - 1;
    ev::InFlight(n).emit();
}

async fn dead_letter(
    shared: &Shared,
    reason: &'static str,
    key: &[u8],
    record: &[u8],
    source: &str,
    input: &OwnedInput,
) -> Result<(), ()> {
    let out = Out {
        kind: "dead_letter",
        topic: &shared.config.kafka.dead_letter_topic,
        received: input.received,
    };
    match produce(
        shared,
        &out,
        key,
        record,
        &headers(source, Some(("newsflow-dead-letter-reason", reason))),
    )
    .await
    {
        Ok(()) => {
            ev::DeadLettered {
                reason,
                topic: &input.topic,
                partition: input.partition,
                offset: input.offset,
            }
            .emit();
            Ok(())
        }
        Err(ProduceError::Permanent(e)) => {
            // The broker refused the dead letter (too large for the topic,
            // say). Never let the offset pass an unanswered input: send a
            // minimal dead letter (no payload bytes; replay reads them from
            // the source offset), and if even that is refused, keep trying
            // with backoff, holding the partition's commits, until it is
            // accepted (e.g. the topic's limit is raised) or shutdown.
            let minimal = record::minimal_dead_letter(record, &e);
            let stuck = Stuck {
                reason,
                key,
                record: &minimal,
                source,
                input,
            };
            stuck_dead_letter(shared, &out, &stuck, e).await
        }
        Err(ProduceError::Abandoned) => Err(()),
    }
}

/// A dead letter the broker refused, and its input.
struct Stuck<'a> {
    reason: &'static str,
    key: &'a [u8],
    record: &'a [u8],
    source: &'a str,
    input: &'a OwnedInput,
}

async fn stuck_dead_letter(
    shared: &Shared,
    out: &Out<'_>,
    dl: &Stuck<'_>,
    first_error: String,
) -> Result<(), ()> {
    let headers = headers(dl.source, Some(("newsflow-dead-letter-reason", dl.reason)));
    let w = &shared.config.worker;
    let mut backoff = w.retry_backoff_ms.max(1);
    let mut error = first_error;
    let mut attempt = 0u32;
    let mut stuck = false;
    let result = loop {
        match produce(shared, out, dl.key, dl.record, &headers).await {
            Ok(()) => {
                ev::DeadLettered {
                    reason: dl.reason,
                    topic: &dl.input.topic,
                    partition: dl.input.partition,
                    offset: dl.input.offset,
                }
                .emit();
                break Ok(());
            }
            Err(ProduceError::Abandoned) => break Err(()),
            Err(ProduceError::Permanent(e)) => {
                error = e;
                attempt += 1;
                if !stuck {
                    stuck = true;
                    shared.health.set_unanswered(true);
                    let _ = shared.holds.send(Hold::Pause(dl.input.tp()));
                }
                ev::DeadLetterRefused {
                    source: dl.source,
                    error: &error,
                    attempt,
                    backoff_ms: backoff,
                }
                .emit();
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_millis(backoff)) => {}
                    _ = shared.hard_stop.cancelled() => break Err(()),
                }
                backoff = (backoff * 2).min(w.retry_backoff_max_ms.max(1));
            }
        }
    };
    if stuck {
        shared.health.set_unanswered(false);
        let _ = shared.holds.send(Hold::Resume(dl.input.tp()));
        ev::DeadLetterUnstuck {
            source: dl.source,
            answered: result.is_ok(),
            last_error: &error,
        }
        .emit();
    }
    result
}
