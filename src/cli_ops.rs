//! `newsflow produce` and `newsflow replay`: flags, the connection (from
//! --brokers or the worker's config), progress and summaries on stderr.
//! The work itself is in `newsflow::ops`.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Result};
use clap::Args;
use newsflow::config::Config;
use newsflow::ops::{self, Connection, Filter, OffsetRange, ProduceOptions, ReplayOptions};

/// Where the broker is: --brokers, or the worker config's [kafka].
#[derive(Args)]
pub(crate) struct Conn {
    /// Bootstrap servers (host:port,...). Default: kafka.brokers of --config.
    #[arg(long, short, value_name = "HOST:PORT")]
    brokers: Option<String>,
    /// Worker config to take kafka.brokers, kafka.properties (security) and
    /// the topic names from, with NEWSFLOW_* overrides applied.
    #[arg(long, short, env = "NEWSFLOW_CONFIG", value_name = "FILE")]
    config: Option<PathBuf>,
}

impl Conn {
    fn resolve(&self) -> Result<(Connection, Option<Config>)> {
        // librdkafka's warnings (unreachable broker, TLS or SASL failures)
        // reach the operator on stderr; RUST_LOG overrides.
        newsflow::telemetry::init(newsflow::config::LogFormat::Pretty, "warn");
        let config = match &self.config {
            Some(p) => Some(Config::load(p, std::env::vars())?),
            None => None,
        };
        let mut conn = match &config {
            Some(c) => Connection::from_config(c),
            None => Connection {
                brokers: String::new(),
                properties: Vec::new(),
            },
        };
        if let Some(b) = &self.brokers {
            conn.brokers.clone_from(b);
        }
        if conn.brokers.is_empty() {
            bail!("no broker given: pass --brokers HOST:PORT, or --config FILE (or set NEWSFLOW_CONFIG)");
        }
        Ok((conn, config))
    }
}

#[derive(Args)]
pub(crate) struct Produce {
    #[command(flatten)]
    conn: Conn,
    /// Topic to produce to. Default: the first of kafka.input_topics of --config.
    #[arg(long, short, value_name = "TOPIC")]
    topic: Option<String>,
    /// Files, directories (every non-hidden file beneath, sorted) or - for stdin.
    #[arg(required = true, value_name = "PATH")]
    inputs: Vec<PathBuf>,
    /// Every file is JSON lines, one article per line (*.jsonl and *.ndjson always are).
    #[arg(long)]
    jsonl: bool,
    /// JSON-lines member to key each message by (then "uri", then FILE:LINE).
    #[arg(long, default_value = "id", value_name = "FIELD")]
    key_field: String,
    /// content-type header for every message. Default: by extension (.txt
    /// text/plain, .html text/html, .json and JSON lines application/json;
    /// none otherwise, and the worker sniffs).
    #[arg(long, value_name = "TYPE")]
    content_type: Option<String>,
    /// At most this many messages per second.
    #[arg(long, value_name = "N")]
    rate: Option<f64>,
    /// Extra header on every message (repeatable).
    #[arg(long = "header", value_name = "KEY=VALUE", value_parser = parse_header)]
    headers: Vec<(String, String)>,
}

fn parse_header(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .filter(|(k, _)| !k.is_empty())
        .ok_or_else(|| format!("{s:?} is not KEY=VALUE"))
}

#[derive(Args)]
pub(crate) struct Replay {
    #[command(flatten)]
    conn: Conn,
    /// Dead-letter topic to read. Default: kafka.dead_letter_topic of --config.
    #[arg(long, value_name = "TOPIC")]
    dead_letter_topic: Option<String>,
    /// Send to this topic instead of each dead letter's source topic.
    #[arg(long, value_name = "TOPIC")]
    to: Option<String>,
    /// Only these reasons (repeatable): empty, too_large, invalid_utf8,
    /// malformed_json, invalid_document, stage_failed, output_rejected, internal_error.
    #[arg(long = "reason", value_name = "REASON", value_parser = clap::builder::PossibleValuesParser::new(newsflow::record::DEAD_LETTER_REASONS))]
    reasons: Vec<String>,
    /// Only dead letters written at or after this time (RFC 3339, or an age: 30m, 2h, 7d).
    #[arg(long, value_name = "TIME")]
    since: Option<String>,
    /// Only dead letters written before this time (RFC 3339, or an age).
    #[arg(long, value_name = "TIME")]
    until: Option<String>,
    /// Only inputs from this source topic.
    #[arg(long, value_name = "TOPIC")]
    source_topic: Option<String>,
    /// Only inputs from this source partition.
    #[arg(long, value_name = "N")]
    source_partition: Option<i32>,
    /// Only inputs at these source offsets: A..B (B excluded), A.., ..B or A.
    #[arg(long, value_name = "RANGE")]
    source_offsets: Option<OffsetRange>,
    /// Only inputs with this message key.
    #[arg(long, value_name = "KEY")]
    key: Option<String>,
    /// List what would be sent (one JSON line each on stdout); send and commit nothing.
    #[arg(long)]
    dry_run: bool,
    /// Read from the first offset, ignoring what earlier runs replayed.
    #[arg(long)]
    from_beginning: bool,
    /// Consumer group of the replay cursor. Default: named after the topic,
    /// the target and the filters, so the same command resumes where it left.
    #[arg(long, value_name = "GROUP")]
    group: Option<String>,
}

pub(crate) fn produce(args: Produce) -> Result<i32> {
    let (conn, config) = args.conn.resolve()?;
    let Some(topic) = args
        .topic
        .or_else(|| config.and_then(|c| c.kafka.input_topics.first().cloned()))
    else {
        bail!("no topic given: pass --topic TOPIC (or --config FILE to use its first input topic)");
    };
    let opts = ProduceOptions {
        topic: topic.clone(),
        inputs: args.inputs,
        jsonl: args.jsonl,
        key_field: args.key_field,
        content_type: args.content_type,
        rate: args.rate,
        headers: args.headers,
        max_in_flight: 1000,
    };
    let rt = newsflow::runtime::tokio_runtime()?;
    let summary = rt.block_on(ops::produce(&conn, &opts, |acked, failed, total| {
        eprintln!("produce: {acked}/{total} acknowledged, {failed} failed");
    }))?;
    let secs = summary.elapsed.as_secs_f64();
    eprintln!(
        "produce: done: {} messages ({} bytes) to {topic} in {secs:.1}s ({:.0}/s)",
        summary.acknowledged,
        summary.bytes,
        summary.acknowledged as f64 / secs.max(1e-3)
    );
    Ok(0)
}

pub(crate) fn replay(args: Replay) -> Result<i32> {
    let (conn, config) = args.conn.resolve()?;
    let Some(dlq) = args
        .dead_letter_topic
        .clone()
        .or_else(|| config.map(|c| c.kafka.dead_letter_topic))
    else {
        bail!("no dead-letter topic given: pass --dead-letter-topic TOPIC (or --config FILE)");
    };
    let now = chrono::Utc::now();
    let bound = |s: &Option<String>, flag: &str| -> Result<_> {
        s.as_deref()
            .map(|t| ops::parse_time_bound(t, now).map_err(|e| anyhow::anyhow!("--{flag}: {e}")))
            .transpose()
    };
    let filter = Filter {
        reasons: args.reasons.clone(),
        since: bound(&args.since, "since")?,
        until: bound(&args.until, "until")?,
        source_topic: args.source_topic.clone(),
        source_partition: args.source_partition,
        offsets: args.source_offsets,
        key: args.key.clone(),
    };
    // The cursor is named after the flags as typed, so `--since 2h` names
    // one cursor even though the time it means moves.
    let flags = format!(
        "{:?} {:?} {:?} {:?} {:?} {:?} {:?}",
        args.reasons,
        args.since,
        args.until,
        args.source_topic,
        args.source_partition,
        args.source_offsets,
        args.key
    );
    let group = args
        .group
        .unwrap_or_else(|| ops::cursor_group(&dlq, args.to.as_deref(), &flags));
    let opts = ReplayOptions {
        dead_letter_topic: dlq.clone(),
        to: args.to,
        filter,
        dry_run: args.dry_run,
        group,
        from_beginning: args.from_beginning,
        idle_timeout: Duration::from_secs(30),
    };
    let rt = newsflow::runtime::tokio_runtime()?;
    let dry = opts.dry_run;
    let summary = rt.block_on(ops::replay(
        &conn,
        &opts,
        |sent| {
            if dry {
                let mut out = std::io::stdout().lock();
                let _ = serde_json::to_writer(&mut out, sent);
                let _ = writeln!(out);
            }
        },
        |read, total| eprintln!("replay: read {read}/{total} dead letters"),
    ))?;
    let s = &summary;
    eprintln!(
        "replay: {dlq}: {} read, {} selected, {} {} ({} read back from their source), cursor {} ({})",
        s.read,
        s.selected,
        if dry { s.selected - s.no_target - s.source_gone.len() as u64 } else { s.sent },
        if dry { "would be sent (dry run)" } else { "sent" },
        s.fetched_from_source,
        s.group,
        if s.committed { "moved to the end" } else { "unchanged" },
    );
    if s.already_replayed > 0 {
        eprintln!(
            "replay: {} earlier dead letters were already replayed by a previous run with these filters and were not sent again (--from-beginning sends them again)",
            s.already_replayed
        );
    }
    if s.failed_again > 0 {
        eprintln!(
            "replay: {} of the selected had been replayed before and were dead-lettered again: fix their cause, or they will come back",
            s.failed_again
        );
    }
    if s.read == 0 && s.already_replayed == 0 {
        eprintln!("replay: {dlq} holds no dead letters");
    }
    for g in &s.source_gone {
        eprintln!("replay: not sent: {g}");
    }
    for u in &s.unreadable {
        eprintln!("replay: skipped {u}: not a newsflow dead-letter record");
    }
    if s.no_target > 0 {
        eprintln!(
            "replay: {} selected dead letters name no source topic; pass --to TOPIC",
            s.no_target
        );
    }
    Ok(i32::from(!s.source_gone.is_empty()))
}
