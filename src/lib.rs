//! newsflow: a news-enrichment library and stream worker.
//!
//! The pure core turns payload bytes into one enriched or dead-letter
//! record: `input` (bytes to `Article`), `stages` (the stage contract, the
//! stage table and the stages), `pipeline` (running them), `record` (the
//! output), with `document`, `text`, `nlp`, `ner`, `topics`, `gazetteer` and
//! `dedup` beneath. The I/O shell (`runtime`, `config`, `internal_events`,
//! `demo`, `telemetry`, and the operator tools in `ops`) moves bytes between Kafka and that core and reports
//! metrics; it is the cargo feature `worker` (on by default), so
//! `cargo check --no-default-features --lib` proves the core needs none of
//! it. See ARCHITECTURE.md.

#[cfg(feature = "worker")]
pub mod config;
pub mod datafile;
pub mod dedup;
#[cfg(feature = "worker")]
pub mod demo;
pub mod document;
pub mod gazetteer;
pub mod input;
#[cfg(feature = "worker")]
pub mod internal_events;
pub mod ner;
pub mod nlp;
#[cfg(feature = "worker")]
pub mod ops;
pub mod pipeline;
pub mod record;
#[cfg(feature = "worker")]
pub mod runtime;
pub mod stages;
#[cfg(feature = "worker")]
pub mod telemetry;
pub mod text;
pub mod topics;
