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

/// Every boilerplate reason the structure stage gives is in the schema's
/// enum: a wire story with a sign-off, a promotion and a video widget.
#[test]
fn boilerplate_reasons_validate() {
    let pipeline = build_pipeline(&default_stages()).unwrap();
    let text = "Harlow Grain Co said it will close two mills.\n\nSubscribe to our newsletter.\n\n\
                WATCH: Mills at dawn\n\nThe mills employ 300 people.\n Reuter\n";
    let raw = RawInput::new(text.as_bytes()).max_bytes(1 << 21);
    let Processed::Enriched { record, .. } = process(&raw, &SourceInfo::default(), &pipeline)
    else {
        panic!("not enriched");
    };
    let v: serde_json::Value = serde_json::from_slice(&record).unwrap();
    let reasons: Vec<&str> = v["enrichment"]["structure"]["boilerplate"]
        .as_array()
        .expect("boilerplate listed")
        .iter()
        .filter_map(|b| b["reason"].as_str())
        .collect();
    assert_eq!(reasons, ["promotion", "video_or_related", "sign_off"]);
    assert_valid(&record_validator(), &v, "record with boilerplate");
}

/// Each stage's wall time is in the record only when asked for
/// (`pipeline.stage_timings`), and the record validates either way.
#[test]
fn stage_timings_only_when_asked() {
    let text = "Harlow Grain Co said on Monday it will close two mills.\n";
    for on in [false, true] {
        let pipeline = build_pipeline(&default_stages())
            .unwrap()
            .with_stage_timings(on);
        let raw = RawInput::new(text.as_bytes()).max_bytes(1 << 21);
        let Processed::Enriched { record, .. } = process(&raw, &SourceInfo::default(), &pipeline)
        else {
            panic!("not enriched");
        };
        let v: serde_json::Value = serde_json::from_slice(&record).unwrap();
        let ms = &v["provenance"]["stage_ms"];
        if on {
            let names: Vec<&str> = ms
                .as_object()
                .expect("stage_ms")
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(names.len(), default_stages().len(), "{names:?}");
            assert!(ms["entities"].as_f64().is_some_and(|t| t >= 0.0), "{ms}");
        } else {
            assert!(ms.is_null(), "stage_ms without stage_timings: {ms}");
        }
        assert_valid(
            &record_validator(),
            &v,
            &format!("record, stage_timings {on}"),
        );
    }
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
                v["stage_status"] = serde_json::json!([{
                    "stage": "topics", "status": "maybe", "required": false, "duration_ms": 0.1
                }]);
            }),
        ),
        (
            "mention as an object instead of [start, end]",
            Box::new(|v: &mut serde_json::Value| {
                v["enrichment"]["entities"]["entities"][0]["mentions"] =
                    serde_json::json!([{"text": "x", "start": 0, "end": 1}]);
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

/// The text is carried once, and every offset in the record points into it:
/// `enrichment.text` when present, else the ninjs main body.
#[test]
fn offsets_point_into_the_one_text() {
    let mut without_text = 0;
    for (name, p) in records() {
        let Processed::Enriched { record, .. } = p else {
            continue;
        };
        let v: serde_json::Value = serde_json::from_slice(&record).unwrap();
        let body = v["ninjs"]["bodies"][0]["value"].as_str();
        let text = match v["enrichment"]["text"].as_str() {
            Some(t) => {
                assert_ne!(Some(t), body, "{name}: the body is carried twice");
                t
            }
            None => {
                without_text += 1;
                body.unwrap_or_else(|| panic!("{name}: neither enrichment.text nor a body"))
            }
        };
        let slice = |pair: &serde_json::Value| -> &str {
            let (s, e) = (
                pair[0].as_u64().unwrap() as usize,
                pair[1].as_u64().unwrap() as usize,
            );
            text.get(s..e)
                .unwrap_or_else(|| panic!("{name}: [{s}, {e}] is not a slice of the text"))
        };
        for entity in v["enrichment"]["entities"]["entities"].as_array().unwrap() {
            let mut names = vec![entity["name"].as_str().unwrap().to_lowercase()];
            names.extend(
                entity["aliases"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|a| a.as_str().unwrap().to_lowercase()),
            );
            for m in entity["mentions"].as_array().unwrap() {
                let said = slice(m).to_lowercase();
                assert!(
                    names
                        .iter()
                        .any(|n| n.contains(&said) || said.contains(n.as_str())),
                    "{name}: mention {said:?} of {names:?}"
                );
            }
        }
        for p in v["enrichment"]["structure"]["paragraphs"]
            .as_array()
            .unwrap()
        {
            assert!(!slice(p).trim().is_empty(), "{name}: empty paragraph");
        }
        // Quotes, dates and amounts carry offsets only (no copy of the text).
        for member in ["quotes", "dates", "amounts"] {
            for x in v["enrichment"][member].as_array().into_iter().flatten() {
                assert!(x.get("text").is_none(), "{name}: {member} carries its text");
                let said = slice(&serde_json::json!([x["start"], x["end"]]));
                assert!(!said.trim().is_empty(), "{name}: empty {member} span");
            }
        }
        // The summary is its sentences' offsets only (no copy of the text).
        if let Some(summary) = v["enrichment"].get("summary") {
            assert!(
                summary.get("text").is_none(),
                "{name}: summary carries its text"
            );
            for s in summary["sentences"].as_array().unwrap() {
                assert!(
                    !slice(s).trim().is_empty(),
                    "{name}: empty summary sentence"
                );
            }
        }
    }
    assert!(
        without_text >= 1,
        "no sample had its text as the ninjs body; the rule is untested"
    );
}
