//! newsflow: a news-enrichment library and stream worker.
//!
//! The pure core (`input`, `document`, `pipeline`, `stages`, `record`) turns
//! payload bytes into one enriched or dead-letter record. The I/O shell
//! (`runtime`, `http`, `demo`) moves bytes between Kafka and that core and
//! reports metrics through `internal_events`. See ARCHITECTURE.md.

pub mod config;
pub mod datafile;
pub mod dedup;
pub mod demo;
pub mod document;
pub mod gazetteer;
pub mod input;
pub mod internal_events;
pub mod ner;
pub mod nlp;
pub mod pipeline;
pub mod record;
pub mod runtime;
pub mod stages;
pub mod telemetry;
pub mod text;
pub mod topics;
