//! AFL++ target: the first byte picks the content type, the rest is the
//! payload; `record::process` must return one record and never panic (a
//! stage panic, which the pipeline catches, is turned into a crash here).

use std::panic::AssertUnwindSafe;

use newsflow::input::RawInput;
use newsflow::pipeline::{build_pipeline, default_stages, Pipeline};
use newsflow::record::{self, Processed, SourceInfo};

fn one(pipeline: &AssertUnwindSafe<Pipeline>, data: &[u8]) {
    let Some((&first, payload)) = data.split_first() else {
        return;
    };
    let ct = [
        None,
        Some("text/plain"),
        Some("text/html"),
        Some("application/json"),
        Some("application/ninjs+json"),
    ][usize::from(first) % 5];
    let raw = RawInput::new(payload)
        .content_type(ct)
        .timestamp_ms(Some(1_772_532_000_000));
    let statuses = match record::process(&raw, &SourceInfo::default(), &pipeline.0) {
        Processed::Enriched { statuses, .. } | Processed::DeadLetter { statuses, .. } => statuses,
    };
    for s in statuses {
        if s.error.as_deref().is_some_and(|e| e.starts_with("panicked")) {
            panic!("stage {} panicked: {:?}", s.stage, s.error);
        }
    }
}

fn main() {
    let mut stages = default_stages();
    for s in stages.iter_mut().filter(|s| s.name == "dedup") {
        s.options
            .insert("store".into(), toml::Value::String("memory".into()));
    }
    let pipeline = AssertUnwindSafe(build_pipeline(&stages).expect("default pipeline"));
    afl::fuzz!(|data: &[u8]| {
        one(&pipeline, data);
    });
}
