//! Issue acceptance on the reference wire article from ../shared (skipped
//! with a message when ../shared is absent): the full default pipeline,
//! as `newsflow enrich` runs it, published 2020-01-05.

use newsflow::input::RawInput;
use newsflow::pipeline::{build_pipeline, default_stages};
use newsflow::record::{process, Processed, SourceInfo};
use serde_json::Value;

fn sample_record() -> Option<Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/samples/wire-article-iraq.txt"
    );
    let Ok(bytes) = std::fs::read(path) else {
        eprintln!("SKIP acceptance: {path} is absent");
        return None;
    };
    let pipeline = build_pipeline(&default_stages()).unwrap();
    let published = chrono::DateTime::parse_from_rfc3339("2020-01-05T18:00:00Z")
        .unwrap()
        .timestamp_millis();
    let raw = RawInput::new(&bytes)
        .timestamp_ms(Some(published))
        .max_bytes(1 << 21);
    match process(&raw, &SourceInfo::default(), &pipeline) {
        Processed::Enriched { record, .. } => Some(serde_json::from_slice(&record).unwrap()),
        Processed::DeadLetter { .. } => panic!("sample was dead-lettered"),
    }
}

fn names<'a>(v: &'a Value, key: &str) -> Vec<&'a str> {
    v["ninjs"][key]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| x["name"].as_str())
        .collect()
}

#[test]
fn entities_places_and_countries() {
    let Some(r) = sample_record() else { return };
    let people = names(&r, "people");
    for p in ["Adel Abdul Mahdi", "Qasem Soleimani", "Mike Pompeo"] {
        assert_eq!(
            people.iter().filter(|x| **x == p).count(),
            1,
            "{p} in {people:?}"
        );
    }
    assert!(
        !people
            .iter()
            .any(|p| ["Pompeo", "Abdul Mahdi", "Soleimani"].contains(p)),
        "short mentions merged: {people:?}"
    );
    let orgs = names(&r, "organisations");
    for o in ["Islamic State", "Kataib Hezbollah", "Reuters"] {
        assert!(orgs.contains(&o), "{o} in {orgs:?}");
    }
    let ents = r["enrichment"]["entities"]["entities"].as_array().unwrap();
    let is = ents.iter().find(|e| e["name"] == "Islamic State").unwrap();
    let aliases: Vec<&str> = is["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        aliases.contains(&"ISIS") && aliases.contains(&"Daesh"),
        "{aliases:?}"
    );
    let places = names(&r, "places");
    for p in [
        "Iraq",
        "Iran",
        "Syria",
        "Kuwait",
        "United States",
        "North Carolina",
        "Middle East",
    ] {
        assert!(places.contains(&p), "{p} in {places:?}");
    }
    let countries: Vec<&str> = r["enrichment"]["entities"]["countries"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["country"].as_str())
        .collect();
    for cc in ["IQ", "IR", "SY", "KW", "US"] {
        assert!(countries.contains(&cc), "{cc} in {countries:?}");
    }
    assert_eq!(countries[0], "IQ");
}

#[test]
fn quotes_dates_amounts() {
    let Some(r) = sample_record() else { return };
    let e = &r["enrichment"];
    let quotes = e["quotes"].as_array().unwrap();
    assert!(quotes.len() >= 4, "{} quotes", quotes.len());
    // Offsets point into the text (`enrichment.text`, else the ninjs
    // body); a speaker is an entity id, or `speaker_text` when it is no
    // entity.
    let text = e["text"]
        .as_str()
        .or(r["ninjs"]["bodies"][0]["value"].as_str())
        .unwrap();
    let at = |x: &Value| -> &str {
        let (s, e) = (x["start"].as_u64().unwrap(), x["end"].as_u64().unwrap());
        &text[s as usize..e as usize]
    };
    let entity_name = |id: &str| -> Option<String> {
        e["entities"]["entities"]
            .as_array()?
            .iter()
            .find(|x| x["id"] == id)
            .and_then(|x| x["name"].as_str().map(str::to_string))
    };
    let speakers: Vec<String> = quotes
        .iter()
        .filter_map(|q| match q["speaker"].as_str() {
            Some(id) => entity_name(id),
            None => q["speaker_text"].as_str().map(str::to_string),
        })
        .collect();
    assert!(
        speakers.iter().any(|s| s.contains("Abdul Mahdi")),
        "{speakers:?}"
    );
    assert!(speakers.iter().any(|s| s.contains("Pompeo")), "{speakers:?}");
    let with_id = quotes.iter().filter(|q| q["speaker"].is_string()).count();
    assert!(with_id >= 2);
    assert!(quotes.iter().all(|q| !at(q).trim().is_empty()));
    let dates: Vec<(&str, &str)> = e["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (at(d), d["value"].as_str().unwrap_or("")))
        .collect();
    assert!(dates.contains(&("Sunday", "2020-01-05")), "{dates:?}");
    assert!(
        dates.contains(&("Thursday night", "2020-01-02")),
        "{dates:?}"
    );
    let amounts = e["amounts"].as_array().unwrap();
    assert!(
        amounts
            .iter()
            .any(|a| a["value"] == 3500.0 && a["object"] == "troops"),
        "{amounts:?}"
    );
}

#[test]
fn topics_politics_and_conflict() {
    let Some(r) = sample_record() else { return };
    let subjects: Vec<&str> = r["ninjs"]["subjects"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["uri"].as_str())
        .collect();
    for (uri, name) in [
        (
            "http://cv.iptc.org/newscodes/mediatopic/11000000",
            "politics",
        ),
        (
            "http://cv.iptc.org/newscodes/mediatopic/16000000",
            "conflict, war and peace",
        ),
    ] {
        assert!(subjects.contains(&uri), "{name} ({uri}) in {subjects:?}");
    }
    assert_eq!(
        r["enrichment"]["topics"][0]["qcode"], "medtop:11000000",
        "politics first: {}",
        r["enrichment"]["topics"]
    );
}

#[test]
fn tone_keyphrases_summary() {
    let Some(r) = sample_record() else { return };
    let e = &r["enrichment"];
    assert_eq!(e["tone"]["label"], "negative", "{}", e["tone"]);
    assert!(e["tone"]["tone"].as_f64().unwrap() < 0.0);
    let phrases: Vec<String> = e["keyphrases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["text"].as_str().unwrap().to_lowercase())
        .collect();
    assert!(phrases.iter().any(|p| p == "resolution"), "{phrases:?}");
    assert!(
        phrases.iter().any(|p| p.contains("foreign troop")),
        "{phrases:?}"
    );
    assert_eq!(e["summary"]["source"], "key_points");
    assert_eq!(e["summary"]["sentences"].as_array().unwrap().len(), 3);
}

#[test]
fn enriching_twice_finds_the_duplicate_and_a_trimmed_copy() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/samples/wire-article-iraq.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("SKIP acceptance: {path} is absent");
        return;
    };
    let mut stages = default_stages();
    for s in stages.iter_mut().filter(|s| s.name == "dedup") {
        s.options
            .insert("store".into(), toml::Value::String("memory".into()));
    }
    let pipeline = build_pipeline(&stages).unwrap();
    let dedup = |bytes: &[u8], id: &str| -> Value {
        let src = SourceInfo {
            key: Some(id.into()),
            ..SourceInfo::default()
        };
        let raw = RawInput::new(bytes)
            .timestamp_ms(Some(1_578_247_200_000))
            .max_bytes(1 << 21);
        match process(&raw, &src, &pipeline) {
            Processed::Enriched { record, .. } => serde_json::from_slice::<Value>(&record).unwrap(),
            Processed::DeadLetter { .. } => panic!("dead-lettered"),
        }
    };
    let first = dedup(text.as_bytes(), "1");
    assert!(first["enrichment"]["dedup"]["duplicate_of"].is_null());
    let id = first["id"].as_str().unwrap().to_string();
    let again = dedup(text.as_bytes(), "1b");
    assert_eq!(
        again["enrichment"]["dedup"]["duplicate_of"],
        id.as_str(),
        "enriched twice"
    );
    // A copy under its own id is an exact duplicate too.
    let copy = serde_json::json!({"id": "copy-2", "body": text}).to_string();
    let second = dedup(copy.as_bytes(), "2");
    assert_eq!(
        second["enrichment"]["dedup"]["duplicate_of"],
        id.as_str(),
        "{}",
        second["enrichment"]["dedup"]
    );
    assert_eq!(second["enrichment"]["dedup"]["kind"], "exact");
    let trimmed: String = text.split("\n\n").take(10).collect::<Vec<_>>().join("\n\n");
    let third = dedup(
        serde_json::json!({"id": "trim-3", "body": trimmed})
            .to_string()
            .as_bytes(),
        "3",
    );
    assert_eq!(
        third["enrichment"]["dedup"]["kind"], "near",
        "{}",
        third["enrichment"]["dedup"]
    );
    assert_eq!(
        third["enrichment"]["dedup"]["story_id"],
        first["enrichment"]["dedup"]["story_id"]
    );
}
