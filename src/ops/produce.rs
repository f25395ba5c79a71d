//! `newsflow produce`: articles from files, directories or JSON lines into a
//! topic, one message per article, each with a key and a content-type
//! header, at an optional rate, with progress and a summary.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use futures_util::stream::{FuturesUnordered, StreamExt};
use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::FutureRecord;
use rdkafka::util::Timeout;

use super::{Connection, OpsError};

/// What to produce and how.
#[derive(Debug, Clone, Default)]
pub struct ProduceOptions {
    /// Target topic.
    pub topic: String,
    /// Files, directories (every non-hidden file beneath, sorted), or `-`
    /// for standard input.
    pub inputs: Vec<PathBuf>,
    /// Treat every input file as JSON lines (always so for `*.jsonl` and
    /// `*.ndjson`).
    pub jsonl: bool,
    /// JSON-lines member whose value is the key ("id"; then "uri"; then
    /// `file:line`).
    pub key_field: String,
    /// Content type for every message, instead of one by file extension.
    pub content_type: Option<String>,
    /// Messages per second at most (none: as fast as the broker takes them).
    pub rate: Option<f64>,
    /// Extra headers on every message.
    pub headers: Vec<(String, String)>,
    /// Messages in flight at most.
    pub max_in_flight: usize,
}

/// What was produced.
#[derive(Debug, Clone, Default)]
pub struct ProduceSummary {
    /// Messages acknowledged.
    pub acknowledged: u64,
    /// Payload bytes acknowledged.
    pub bytes: u64,
    /// Messages refused or timed out.
    pub failed: u64,
    /// The first failure.
    pub first_error: Option<String>,
    /// Wall time.
    pub elapsed: Duration,
}

/// One article to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Message key.
    pub key: String,
    /// Message value.
    pub payload: Vec<u8>,
    /// `content-type` header, if any.
    pub content_type: Option<String>,
}

/// Content type from a file name's extension; `None` lets the worker sniff.
fn content_type_for(path: &Path) -> Option<&'static str> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some("text/plain"),
        "html" | "htm" => Some("text/html"),
        "json" => Some("application/json"),
        _ => None,
    }
}

fn is_jsonl(path: &Path, forced: bool) -> bool {
    forced
        || path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

/// Every non-hidden file under `dir`, sorted by path.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), OpsError> {
    let read = |p: &Path| OpsError::Read {
        path: p.to_path_buf(),
        source: std::io::Error::other("unreadable entry"),
    };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|source| OpsError::Read {
            path: dir.to_path_buf(),
            source,
        })?
        .map(|e| e.map(|e| e.path()).map_err(|_| read(dir)))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for p in entries {
        let hidden = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, out)?;
        } else {
            out.push(p);
        }
    }
    Ok(())
}

/// The key of one JSON line: `key_field`, else "uri", else `fallback`.
fn line_key(line: &[u8], key_field: &str, fallback: String) -> String {
    let Ok(serde_json::Value::Object(m)) = serde_json::from_slice::<serde_json::Value>(line) else {
        return fallback;
    };
    for field in [key_field, "uri"] {
        match m.get(field) {
            Some(serde_json::Value::String(s)) if !s.is_empty() => return s.clone(),
            Some(serde_json::Value::Number(n)) => return n.to_string(),
            _ => {}
        }
    }
    fallback
}

/// Read every article the options name, in order. Blank JSON lines are
/// skipped; a line that is not JSON is still sent (the worker dead-letters
/// it with its reason), keyed `file:line`.
pub(super) fn articles(opts: &ProduceOptions) -> Result<Vec<Article>, OpsError> {
    let mut files = Vec::new();
    for input in &opts.inputs {
        if input.as_os_str() == "-" || !input.is_dir() {
            files.push((input.clone(), input.file_name().map(PathBuf::from)));
        } else {
            let mut found = Vec::new();
            walk(input, &mut found)?;
            for f in found {
                let rel = f.strip_prefix(input).map(Path::to_path_buf).ok();
                files.push((f, rel));
            }
        }
    }
    let key_field = if opts.key_field.is_empty() {
        "id"
    } else {
        &opts.key_field
    };
    let mut out = Vec::new();
    for (path, rel) in files {
        let name = rel.unwrap_or_else(|| path.clone()).display().to_string();
        let stdin = path.as_os_str() == "-";
        let open = || -> Result<Box<dyn BufRead>, OpsError> {
            if stdin {
                return Ok(Box::new(std::io::BufReader::new(std::io::stdin())));
            }
            let f = std::fs::File::open(&path).map_err(|source| OpsError::Read {
                path: path.clone(),
                source,
            })?;
            Ok(Box::new(std::io::BufReader::new(f)))
        };
        let err = |source| OpsError::Read {
            path: path.clone(),
            source,
        };
        if is_jsonl(&path, opts.jsonl) {
            for (i, line) in open()?.split(b'\n').enumerate() {
                let line = line.map_err(err)?;
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let key = line_key(&line, key_field, format!("{name}:{}", i + 1));
                out.push(Article {
                    key,
                    payload: line,
                    content_type: Some(
                        opts.content_type
                            .clone()
                            .unwrap_or_else(|| "application/json".into()),
                    ),
                });
            }
        } else {
            let mut payload = Vec::new();
            std::io::Read::read_to_end(&mut open()?, &mut payload).map_err(err)?;
            out.push(Article {
                key: if stdin { "stdin".into() } else { name },
                payload,
                content_type: opts
                    .content_type
                    .clone()
                    .or_else(|| content_type_for(&path).map(str::to_string)),
            });
        }
    }
    if out.is_empty() {
        let names: Vec<String> = opts
            .inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        return Err(OpsError::NoArticles(names.join(", ")));
    }
    Ok(out)
}

/// Produce every article; `progress(acknowledged, failed, total)` is called
/// about once a second. Fails if any message was not acknowledged.
pub async fn produce(
    conn: &Connection,
    opts: &ProduceOptions,
    mut progress: impl FnMut(u64, u64, u64),
) -> Result<ProduceSummary, OpsError> {
    let articles = articles(opts)?;
    let producer = conn.producer("newsflow-produce")?;
    let total = articles.len() as u64;
    let started = Instant::now();
    let mut summary = ProduceSummary::default();
    let mut pending = FuturesUnordered::new();
    let mut last_report = Instant::now();
    let max_in_flight = opts.max_in_flight.max(1);
    let settle = |r: Result<usize, String>, s: &mut ProduceSummary| match r {
        Ok(bytes) => {
            s.acknowledged += 1;
            s.bytes += bytes as u64;
        }
        Err(e) => {
            s.failed += 1;
            s.first_error.get_or_insert(e);
        }
    };
    for (i, a) in articles.iter().enumerate() {
        if let Some(rate) = opts.rate.filter(|r| *r > 0.0) {
            let due = started + Duration::from_secs_f64(i as f64 / rate);
            tokio::time::sleep_until(due.into()).await;
        }
        while pending.len() >= max_in_flight {
            if let Some(r) = pending.next().await {
                settle(r, &mut summary);
            }
        }
        let mut headers = OwnedHeaders::new();
        if let Some(ct) = &a.content_type {
            headers = headers.insert(Header {
                key: "content-type",
                value: Some(ct.as_str()),
            });
        }
        for (k, v) in &opts.headers {
            headers = headers.insert(Header {
                key: k,
                value: Some(v.as_str()),
            });
        }
        let record = FutureRecord::to(&opts.topic)
            .key(&a.key)
            .payload(&a.payload)
            .headers(headers);
        let bytes = a.payload.len();
        let fut = producer.send(record, Timeout::After(Duration::from_secs(60)));
        pending.push(async move { fut.await.map(|_| bytes).map_err(|(e, _)| e.to_string()) });
        if last_report.elapsed() >= Duration::from_secs(1) {
            last_report = Instant::now();
            progress(summary.acknowledged, summary.failed, total);
        }
    }
    while let Some(r) = pending.next().await {
        settle(r, &mut summary);
    }
    summary.elapsed = started.elapsed();
    progress(summary.acknowledged, summary.failed, total);
    if summary.failed > 0 {
        return Err(OpsError::Delivery {
            failed: summary.failed,
            total,
            first: summary.first_error.unwrap_or_default(),
        });
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(files: &[(&str, &str)], jsonl: bool, expect: &[(&str, Option<&str>)]) {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let p = dir.path().join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        let opts = ProduceOptions {
            inputs: vec![dir.path().to_path_buf()],
            jsonl,
            key_field: "id".into(),
            ..ProduceOptions::default()
        };
        let got: Vec<(String, Option<String>)> = articles(&opts)
            .unwrap()
            .into_iter()
            .map(|a| (a.key, a.content_type))
            .collect();
        let expect: Vec<(String, Option<String>)> = expect
            .iter()
            .map(|(k, c)| ((*k).to_string(), c.map(str::to_string)))
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn keys_and_content_types() {
        check(
            &[
                ("b.txt", "text"),
                ("a.html", "<p>x</p>"),
                ("sub/c.json", "{}"),
                (".hidden", "x"),
                ("d", "no extension"),
            ],
            false,
            &[
                ("a.html", Some("text/html")),
                ("b.txt", Some("text/plain")),
                ("d", None),
                ("sub/c.json", Some("application/json")),
            ],
        );
        let json = Some("application/json");
        check(
            &[(
                "feed.jsonl",
                "{\"id\": \"x1\"}\n\n{\"uri\": \"urn:2\"}\n{\"id\": 7}\nnot json\n",
            )],
            false,
            &[
                ("x1", json),
                ("urn:2", json),
                ("7", json),
                ("feed.jsonl:5", json),
            ],
        );
        check(&[("feed.txt", "{\"id\": \"a\"}\n")], true, &[("a", json)]);
    }

    #[test]
    fn nothing_to_send_is_an_error_naming_the_input() {
        let dir = tempfile::tempdir().unwrap();
        let opts = ProduceOptions {
            inputs: vec![dir.path().to_path_buf()],
            ..ProduceOptions::default()
        };
        let e = articles(&opts).unwrap_err().to_string();
        assert!(e.contains(&dir.path().display().to_string()), "{e}");
    }
}
