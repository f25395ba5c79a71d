//! Fuzzing `record::process` (decoding and every stage) with inputs built
//! from the bad-input classes: random mutations of seed payloads and
//! generated JSON envelopes and ninjs items with wrong types and extremes.
//! Every input must give exactly one record, never a panic in the process
//! or in any stage (a stage panic is caught and recorded, but is a bug).
//!
//! Bounded in the test command (NEWSFLOW_FUZZ_ITERS, default 1500 mutated
//! plus 500 generated inputs in a debug build). Longer runs:
//!   NEWSFLOW_FUZZ_ITERS=200000 NEWSFLOW_FUZZ_SEED=7 cargo test --release --test fuzz -- --nocapture
//! Each failing input is written to target/fuzz-failures/; once fixed, it
//! joins `seeds()`, which every run checks first.

use std::panic::{catch_unwind, AssertUnwindSafe};

use newsflow::input::RawInput;
use newsflow::pipeline::{build_pipeline, default_stages, Pipeline};
use newsflow::record::{self, Processed, SourceInfo, DEAD_LETTER_REASONS};
use serde_json::{json, Value};

/// xorshift64*: deterministic, seedable, no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// The bad and odd input classes, plus well-formed articles of each form.
fn seeds() -> Vec<(Vec<u8>, Option<&'static str>)> {
    let article = "Business\n\nPort strike ends in Rosport\n\n\u{2022} Workers return on Monday\n\n\
                   ROSPORT, March 3 (Wire) - Dock workers voted on Tuesday to end a two-day strike, \
                   said union leader Mara Lind. \"We are relieved,\" she told reporters. Shipments \
                   worth $4.5 million resume next week, the Port Authority said on 5 March 2026.\n\n\
                   Photo: Ships at anchor (Wire/J. Doe)\n\n-- Reporting by A. Writer; editing by B. Editor";
    let s: Vec<(Vec<u8>, Option<&str>)> = vec![
        (article.as_bytes().to_vec(), None),
        (json!({"id": "a1", "title": "T", "body": article, "published_at": "2026-03-03T10:00:00Z"}).to_string().into_bytes(), Some("application/json")),
        (json!({"uri": "urn:x", "versioncreated": "2026-03-03T10:00:00Z", "headlines": [{"role": "main", "value": "H"}],
                "bodies": [{"role": "main", "contenttype": "text/html", "value": format!("<p>{article}</p>")}]}).to_string().into_bytes(), None),
        (format!("<html><head><title>T</title><script>x<y</script></head><body><p>{article}</p><ul><li>a</ul></body>").into_bytes(), Some("text/html")),
        // bad classes
        (Vec::new(), None),
        (b" \n\t\r\n".to_vec(), None),
        (b"caf\xe9 \xff\xfe broken \xc3".to_vec(), None),
        (br#"{"id": "x", "body": "unterminated"#.to_vec(), None),
        (b"[1, 2, {\"body\": 3}]".to_vec(), Some("application/json")),
        (br#"{"title": 7, "body": ["a"], "published_at": {"x": 1}}"#.to_vec(), None),
        (br#"{"body": "x", "published_at": "last tuesday"}"#.to_vec(), None),
        (br#"{"uri": "u", "bodies": "not a list", "headlines": [null, 3]}"#.to_vec(), Some("application/ninjs+json")),
        ("[".repeat(5000).into_bytes(), Some("application/json")),
        ("<div>".repeat(3000).into_bytes(), Some("text/html")),
        ("\u{feff}\u{200b}\u{202e}مرحبا بالعالم \u{0301}\u{0301} 😀😀".repeat(50).into_bytes(), None),
        (b"\0\0\0 nul \0 bytes \x01\x02\x1b[31m".to_vec(), None),
        ("x".repeat(200_000).into_bytes(), None),
        ("\"".repeat(2000).into_bytes(), None),
        ("Said said said \"\" \u{201c}\u{201d} ".repeat(400).into_bytes(), None),
        ("1 2 3 4 5 $ % 9999999999999999999999 -0.0 1e308 ".repeat(300).into_bytes(), None),
        (b"Monday Tuesday next Friday last week 31 February 2026 24:61 0000-00-00".to_vec(), None),
    ];
    s
}

const INTERESTING: &[&str] = &[
    "\"",
    "{",
    "}",
    "[",
    "]",
    "<",
    ">",
    "&amp;",
    "&#x0;",
    "\u{0}",
    "\u{feff}",
    "\u{2028}",
    "\n\n",
    " said ",
    "\u{201c}",
    "\u{201d}",
    "U.S.",
    "Mr.",
    "$",
    "€",
    "%",
    "2026",
    "-",
    "—",
    "...",
    "\"body\":",
    "\"title\":",
    "null",
    "true",
    "1e999",
    "\\u0000",
    "\\ud800",
    "é",
    "\u{301}",
];

fn mutate(
    rng: &mut Rng,
    seeds: &[(Vec<u8>, Option<&'static str>)],
) -> (Vec<u8>, Option<&'static str>) {
    let (base, ct) = rng.pick(seeds).clone();
    let mut b = base;
    for _ in 0..=rng.below(8) {
        let at = rng.below(b.len() + 1);
        match rng.below(7) {
            0 if !b.is_empty() => {
                let i = at.min(b.len() - 1);
                b[i] ^= 1 << rng.below(8);
            }
            1 => b.insert(at, rng.next() as u8),
            2 if !b.is_empty() => {
                let end = (at + rng.below(64)).min(b.len());
                b.drain(at.min(end)..end);
            }
            3 => {
                let s = rng.pick(INTERESTING).as_bytes().to_vec();
                b.splice(at..at, s);
            }
            4 => {
                let (other, _) = rng.pick(seeds);
                if !other.is_empty() {
                    let from = rng.below(other.len());
                    let to = (from + rng.below(512)).min(other.len());
                    b.splice(at..at, other[from..to].iter().copied());
                }
            }
            5 if !b.is_empty() => {
                let from = rng.below(b.len());
                let to = (from + rng.below(256)).min(b.len());
                let chunk = b[from..to].to_vec();
                b.splice(at..at, chunk);
            }
            _ => b.truncate(at),
        }
    }
    let ct = match rng.below(6) {
        0 => Some(*rng.pick(&[
            "text/plain",
            "text/html",
            "application/json",
            "application/ninjs+json",
            "x/unknown",
            "",
        ])),
        _ => ct,
    };
    (b, ct)
}

fn any_value(rng: &mut Rng, depth: usize) -> Value {
    match rng.below(if depth > 3 { 5 } else { 8 }) {
        0 => Value::Null,
        1 => json!(rng.below(2) == 0),
        2 => json!(rng.next() as i64),
        3 => {
            if rng.below(2) == 0 {
                json!(1.5e300)
            } else {
                json!(-0.0)
            }
        }
        4 => json!(rng.pick(INTERESTING).repeat(rng.below(40))),
        5 => Value::Array(
            (0..rng.below(4))
                .map(|_| any_value(rng, depth + 1))
                .collect(),
        ),
        6 => {
            let mut m = serde_json::Map::new();
            for _ in 0..rng.below(4) {
                m.insert(
                    rng.pick(&["role", "value", "contenttype", "name", "x"])
                        .to_string(),
                    any_value(rng, depth + 1),
                );
            }
            Value::Object(m)
        }
        _ => json!(
            "Officials said on Monday that talks in Rosport \"went well\", according to Mara Lind."
        ),
    }
}

/// A JSON envelope or ninjs item whose members have random types.
fn generated(rng: &mut Rng) -> (Vec<u8>, Option<&'static str>) {
    let fields: &[&str] = if rng.below(2) == 0 {
        &[
            "id",
            "url",
            "source",
            "published_at",
            "title",
            "body",
            "text",
            "html",
            "language",
            "by",
        ]
    } else {
        &[
            "uri",
            "versioncreated",
            "firstcreated",
            "headlines",
            "bodies",
            "language",
            "by",
            "subject",
            "located",
        ]
    };
    let mut m = serde_json::Map::new();
    for f in fields {
        if rng.below(3) > 0 {
            m.insert((*f).to_string(), any_value(rng, 0));
        }
    }
    let ct = *rng.pick(&[
        None,
        Some("application/json"),
        Some("application/ninjs+json"),
    ]);
    (Value::Object(m).to_string().into_bytes(), ct)
}

fn pipeline() -> Pipeline {
    let mut stages = default_stages();
    for s in stages.iter_mut().filter(|s| s.name == "dedup") {
        s.options
            .insert("store".into(), toml::Value::String("memory".into()));
    }
    build_pipeline(&stages).expect("default pipeline")
}

/// One input: no panic, one record, a known reason or no stage panic.
fn check(p: &Pipeline, payload: &[u8], ct: Option<&str>) -> Result<(), String> {
    let raw = RawInput::new(payload)
        .content_type(ct)
        .timestamp_ms(Some(1_772_532_000_000));
    let out = catch_unwind(AssertUnwindSafe(|| {
        record::process(&raw, &SourceInfo::default(), p)
    }))
    .map_err(|_| "record::process panicked".to_string())?;
    match out {
        Processed::Enriched {
            record, statuses, ..
        } => {
            let v: Value =
                serde_json::from_slice(&record).map_err(|e| format!("record is not JSON: {e}"))?;
            if v["ninjs"].is_null() {
                return Err("enriched record without ninjs".into());
            }
            if let Some(s) = statuses.iter().find(|s| {
                s.error
                    .as_deref()
                    .is_some_and(|e| e.starts_with("panicked"))
            }) {
                return Err(format!("stage {} panicked: {:?}", s.stage, s.error));
            }
        }
        Processed::DeadLetter {
            reason,
            record,
            statuses,
        } => {
            let v: Value = serde_json::from_slice(&record)
                .map_err(|e| format!("dead letter is not JSON: {e}"))?;
            if !DEAD_LETTER_REASONS.contains(&reason) || v["reason"] != reason {
                return Err(format!("unknown reason {reason}"));
            }
            if let Some(s) = statuses.iter().find(|s| {
                s.error
                    .as_deref()
                    .is_some_and(|e| e.starts_with("panicked"))
            }) {
                return Err(format!("stage {} panicked: {:?}", s.stage, s.error));
            }
        }
    }
    Ok(())
}

fn save_failure(payload: &[u8], ct: Option<&str>, why: &str) -> String {
    let dir = format!("{}/target/fuzz-failures", env!("CARGO_MANIFEST_DIR"));
    let _ = std::fs::create_dir_all(&dir);
    let name = format!(
        "{dir}/{:016x}.bin",
        newsflow::text::fnv(0, &[&String::from_utf8_lossy(payload)])
    );
    let _ = std::fs::write(&name, payload);
    format!("{why} (content type {ct:?}; input saved to {name})")
}

#[test]
fn fuzz_process_never_panics_and_answers_once() {
    let iters: usize = std::env::var("NEWSFLOW_FUZZ_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let seed: u64 = std::env::var("NEWSFLOW_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed);
    let p = pipeline();
    let seeds = seeds();
    for (s, ct) in &seeds {
        if let Err(e) = check(&p, s, *ct) {
            panic!("{}", save_failure(s, *ct, &e));
        }
    }
    let mut rng = Rng(seed | 1);
    let started = std::time::Instant::now();
    let mut failures = Vec::new();
    for i in 0..iters {
        let (payload, ct) = if i % 4 == 3 {
            generated(&mut rng)
        } else {
            mutate(&mut rng, &seeds)
        };
        if let Err(e) = check(&p, &payload, ct) {
            failures.push(save_failure(&payload, ct, &e));
            if failures.len() >= 5 {
                break;
            }
        }
    }
    println!(
        "fuzz: {iters} inputs (seed {seed}) in {:.1}s, {} failures",
        started.elapsed().as_secs_f64(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "fuzzing found:\n{}",
        failures.join("\n")
    );
}
