//! `newsflow enrich`: a file or standard input through `record::process`,
//! as one article or as JSON lines (one record per line, progress and a
//! summary on stderr). The flags are parsed in `main.rs`.

use std::io::{BufRead, Read, Write};
use std::path::Path;

use anyhow::{bail, Context, Result};
use newsflow::input::RawInput;
use newsflow::pipeline::Pipeline;
use newsflow::record::{self, Processed, SourceInfo};

pub(crate) struct EnrichOpts {
    pub(crate) content_type: Option<String>,
    pub(crate) published_ms: Option<i64>,
    pub(crate) compact: bool,
}

fn read_input(input: &str) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    if input == "-" {
        std::io::stdin()
            .read_to_end(&mut buf)
            .context("cannot read standard input")?;
    } else {
        buf = std::fs::read(input).with_context(|| format!("cannot read {input}"))?;
    }
    Ok(buf)
}

fn print_record(bytes: &[u8], compact: bool) -> Result<()> {
    let mut out = std::io::stdout().lock();
    if compact {
        out.write_all(bytes)?;
    } else {
        let v: serde_json::Value = serde_json::from_slice(bytes)?;
        serde_json::to_writer_pretty(&mut out, &v)?;
    }
    writeln!(out)?;
    Ok(())
}

pub(crate) fn enrich_one(input: &str, pipeline: &Pipeline, opts: &EnrichOpts) -> Result<i32> {
    let bytes = read_input(input)?;
    let raw = RawInput::new(&bytes)
        .content_type(opts.content_type.as_deref())
        .timestamp_ms(opts.published_ms);
    let source = SourceInfo {
        file: Some(input.to_string()),
        ..SourceInfo::default()
    };
    match record::process(&raw, &source, pipeline) {
        Processed::Enriched { record, .. } => {
            print_record(&record, opts.compact)?;
            Ok(0)
        }
        Processed::DeadLetter { reason, record, .. } => {
            print_record(&record, opts.compact)?;
            let v: serde_json::Value = serde_json::from_slice(&record)?;
            eprintln!(
                "newsflow: {input} was dead-lettered ({reason}): {}",
                v["error"].as_str().unwrap_or("")
            );
            Ok(3)
        }
    }
}

pub(crate) fn enrich_lines(input: &str, pipeline: &Pipeline, opts: &EnrichOpts) -> Result<i32> {
    let reader: Box<dyn BufRead> = if input == "-" {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        let f = std::fs::File::open(Path::new(input))
            .with_context(|| format!("cannot open {input}"))?;
        Box::new(std::io::BufReader::new(f))
    };
    let started = std::time::Instant::now();
    let (mut ok, mut dead) = (0u64, 0u64);
    for (i, line) in reader.split(b'\n').enumerate() {
        let line = line.with_context(|| format!("cannot read {input} at line {}", i + 1))?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let raw = RawInput::new(&line)
            .content_type(opts.content_type.as_deref())
            .timestamp_ms(opts.published_ms);
        let source = SourceInfo {
            file: Some(input.to_string()),
            offset: Some(i as i64 + 1),
            ..SourceInfo::default()
        };
        match record::process(&raw, &source, pipeline) {
            Processed::Enriched { record, .. } => {
                ok += 1;
                print_record(&record, true)?;
            }
            Processed::DeadLetter { record, .. } => {
                dead += 1;
                print_record(&record, true)?;
            }
        }
        if (ok + dead) % 1000 == 0 {
            let rate = (ok + dead) as f64 / started.elapsed().as_secs_f64().max(1e-9);
            eprintln!(
                "newsflow: {} lines, {dead} dead-lettered, {rate:.0} lines/s",
                ok + dead
            );
        }
    }
    eprintln!(
        "newsflow: done: {ok} enriched, {dead} dead-lettered in {:.1}s",
        started.elapsed().as_secs_f64()
    );
    if ok + dead == 0 {
        bail!("{input} has no lines to enrich");
    }
    Ok(0)
}
