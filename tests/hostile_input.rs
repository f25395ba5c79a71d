//! No panics on input: hostile and odd articles run through the full default
//! pipeline (as `newsflow enrich` and the worker run it). Every input must
//! come out as a record or a dead letter, and no stage may panic (the
//! pipeline would catch it and record a `panicked:` error, which this test
//! treats as a failure). The inputs are written here, plus a deterministic
//! mix of them, so a failure is reproducible.

use newsflow::input::RawInput;
use newsflow::pipeline::{build_pipeline, default_stages, Pipeline};
use newsflow::record::{process, Processed, SourceInfo};

/// Pieces that have tripped text code elsewhere: empty and blank text,
/// byte-order marks, NBSP, zero-width and combining characters, right-to-left
/// script, emoji, lone quotes and dashes, bullets, abbreviations, ordinals,
/// numbers and currency without digits, CR line ends, control characters,
/// and markup that is almost JSON or HTML.
const PIECES: &[&str] = &[
    "",
    " ",
    "\n\n\n",
    "\u{feff}",
    "\u{a0}\u{a0}",
    "\u{200b}\u{200d}",
    "e\u{301}\u{301}\u{301}",
    "مرحبا بالعالم",
    "👩‍👩‍👧‍👦🇮🇶",
    "\"",
    "“",
    "”“",
    "—",
    " – ",
    "•",
    "  • ",
    "Key Points",
    "U.S.",
    "U.S.-",
    "-led",
    "Mr.",
    "Gen.",
    "J.",
    "1st",
    "82nd Airborne",
    "3,500",
    ",,,",
    "$",
    "$2.5bn",
    "40 percent",
    "Sunday",
    "Thursday night",
    "last week",
    "January 32, 2020",
    "\r",
    "\r\n",
    "\t",
    "\u{0}",
    "\u{7}",
    "{",
    "{\"headline\": ",
    "<p>",
    "</p><script>",
    "&amp;&#0;&#x110000;",
    "said",
    "Pompeo said.",
    "\"he said\" she said \"",
    "ISIS (",
    "(ISIS)",
    "Iraq",
    "Iraqi",
    "North Carolina,",
    "-- Reuters contributed to this report",
    "WATCH:",
    "Subscribe",
];

fn run(pipeline: &Pipeline, bytes: &[u8]) -> Result<(), String> {
    let raw = RawInput::new(bytes)
        .timestamp_ms(Some(1_578_218_400_000))
        .max_bytes(1 << 21);
    let statuses = match process(&raw, &SourceInfo::default(), pipeline) {
        Processed::Enriched {
            record, statuses, ..
        } => {
            serde_json::from_slice::<serde_json::Value>(&record)
                .map_err(|e| format!("record is not JSON: {e}"))?;
            statuses
        }
        Processed::DeadLetter { statuses, .. } => statuses,
    };
    match statuses.iter().find(|s| {
        s.error
            .as_deref()
            .is_some_and(|e| e.starts_with("panicked"))
    }) {
        Some(s) => Err(format!("stage {} {}", s.stage, s.error.as_deref().unwrap())),
        None => Ok(()),
    }
}

fn check(pipeline: &Pipeline, text: &str) {
    if let Err(e) = run(pipeline, text.as_bytes()) {
        panic!("{e}\ninput: {text:?}");
    }
}

#[test]
fn single_pieces_and_pairs() {
    let pipeline = build_pipeline(&default_stages()).unwrap();
    for a in PIECES {
        check(&pipeline, a);
        for b in PIECES {
            check(&pipeline, &format!("{a}{b}"));
        }
    }
}

#[test]
fn mixed_articles() {
    let pipeline = build_pipeline(&default_stages()).unwrap();
    // A fixed linear congruential generator: the same 400 articles every run.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize % n
    };
    for _ in 0..400 {
        let len = 1 + next(60);
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(PIECES[next(PIECES.len())]);
            text.push_str([" ", "\n", "\n\n", ""][next(4)]);
        }
        check(&pipeline, &text);
    }
}

#[test]
fn long_and_invalid_inputs() {
    let pipeline = build_pipeline(&default_stages()).unwrap();
    check(&pipeline, &"a".repeat(200_000));
    check(&pipeline, &"Iraq ".repeat(20_000));
    check(&pipeline, &"\"".repeat(10_000));
    check(&pipeline, &"• said\n".repeat(5_000));
    // Not UTF-8: a dead letter with a reason, never a panic.
    run(&pipeline, b"\xff\xfe\x00broken \xc3\x28 bytes").unwrap();
}
