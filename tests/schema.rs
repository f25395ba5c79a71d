//! Records produced from the bundled samples validate against the repo's
//! record schemas and, when ../shared is present, their `ninjs` member
//! against the official ninjs 2.1 schema. No broker involved.

mod common;

use common::schema::*;
use newsflow::input::RawInput;
use newsflow::pipeline::{build_pipeline, default_stages};
use newsflow::record::{process, Processed, SourceInfo};

fn records() -> Vec<(String, Processed)> {
    let pipeline = build_pipeline(&default_stages()).unwrap();
    newsflow::demo::SAMPLES
        .iter()
        .map(|(name, ct, bytes)| {
            let raw = RawInput::new(bytes)
                .content_type(*ct)
                .timestamp_ms(Some(1_700_000_000_000))
                .max_bytes(1 << 21);
            let src = SourceInfo {
                topic: Some("t".into()),
                partition: Some(0),
                offset: Some(1),
                ..SourceInfo::default()
            };
            (name.to_string(), process(&raw, &src, &pipeline))
        })
        .collect()
}

#[test]
fn sample_records_validate() {
    let rec = record_validator();
    let dead = dead_letter_validator();
    let ninjs = ninjs_validator();
    let (mut enriched, mut dead_lettered) = (0, 0);
    for (name, p) in records() {
        match p {
            Processed::Enriched { record, .. } => {
                let v: serde_json::Value = serde_json::from_slice(&record).unwrap();
                assert_valid(&rec, &v, &format!("record of {name}"));
                if let Some(n) = &ninjs {
                    assert_valid(n, &v["ninjs"], &format!("ninjs of {name}"));
                }
                enriched += 1;
            }
            Processed::DeadLetter { record, .. } => {
                let v: serde_json::Value = serde_json::from_slice(&record).unwrap();
                assert_valid(&dead, &v, &format!("dead letter of {name}"));
                dead_lettered += 1;
            }
        }
    }
    assert_eq!((enriched, dead_lettered), (4, 2));
}

/// The validators are not vacuous: broken records are rejected.
#[test]
fn validators_reject_broken_records() {
    let rec = record_validator();
    let (_, first) = records().into_iter().next().unwrap();
    let Processed::Enriched { record, .. } = first else {
        panic!("sample 01 should enrich")
    };
    let good: serde_json::Value = serde_json::from_slice(&record).unwrap();
    for (what, mutate) in [
        (
            "missing id",
            Box::new(|v: &mut serde_json::Value| {
                v.as_object_mut().unwrap().remove("id");
            }) as Box<dyn Fn(&mut serde_json::Value)>,
        ),
        (
            "unknown top-level key",
            Box::new(|v: &mut serde_json::Value| {
                v["surprise"] = 1.into();
            }),
        ),
        (
            "bad stage status",
            Box::new(|v: &mut serde_json::Value| {
                v["stage_status"][0]["status"] = "maybe".into();
            }),
        ),
    ] {
        let mut bad = good.clone();
        mutate(&mut bad);
        assert!(!rec.is_valid(&bad), "{what} should be rejected");
    }
    if let Some(n) = ninjs_validator() {
        let mut bad = good["ninjs"].clone();
        bad["headlines"] = serde_json::json!([{"role": "main"}]);
        assert!(
            !n.is_valid(&bad),
            "ninjs headline without value should be rejected"
        );
    }
}
