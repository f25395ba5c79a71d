//! Tests of entity-level scoring (`entity_score.rs`): found, split and
//! wrong-type entities, neutral spans, and an acronym naming its entity.

use super::*;
use crate::ner::corpora::GoldEntity;

/// Gold entities and predictions as (type, title, [mention text]) over
/// `text`, where a mention is the n-th occurrence written "word#n".
fn spans(text: &str, ms: &[&str]) -> Vec<Span> {
    ms.iter()
        .map(|m| {
            let (w, n) = m
                .split_once('#')
                .map_or((*m, 0), |(w, n)| (w, n.parse().unwrap()));
            let at = text.match_indices(w).nth(n).unwrap().0;
            Span::new(at, at + w.len())
        })
        .collect()
}

fn check(
    text: &str,
    gold: &[(&'static str, Option<&str>, &[&str])],
    pred: &[(&str, &str, &[&str])],
    expect: &str,
) {
    let doc = GoldDoc {
        name: "t".into(),
        text: text.into(),
        entities: gold
            .iter()
            .map(|(k, title, ms)| GoldEntity {
                kind: k,
                title: title.map(str::to_string),
                mentions: spans(text, ms),
            })
            .collect(),
        neutral: spans(text, &["the team"])
            .into_iter()
            .filter(|_| text.contains("the team"))
            .collect(),
    };
    let pred: Vec<Predicted> = pred
        .iter()
        .map(|(k, name, ms)| Predicted {
            name: name.to_string(),
            kind: k.to_string(),
            aliases: Vec::new(),
            mentions: spans(text, ms),
        })
        .collect();
    let t = score(&doc, &pred);
    let o = t.overall();
    let got = format!(
        "found {}/{} pred {} agree {} split {} merged {} neutral {} title {}/{}",
        o.found,
        o.gold,
        o.pred,
        t.type_agrees,
        t.split,
        t.merged,
        t.neutral,
        t.title_matches,
        t.titled
    );
    assert_eq!(got, expect);
}

const TEXT: &str = "John Smith met the team. Smith told Acme Corp in Paris. Acme hired Smith.";

#[test]
fn entity_level_scores() {
    let gold: &[(&str, Option<&str>, &[&str])] = &[
        (
            "PER",
            Some("John Smith"),
            &["John Smith", "Smith#1", "Smith#2"],
        ),
        ("ORG", None, &["Acme Corp", "Acme#1"]),
        ("LOC", Some("Paris"), &["Paris"]),
    ];
    // Perfect: one entry per entity, names match titles.
    check(
        TEXT,
        gold,
        &[
            ("PER", "John Smith", &["John Smith", "Smith#1", "Smith#2"]),
            ("ORG", "Acme Corp", &["Acme Corp", "Acme#1"]),
            ("LOC", "Paris", &["Paris"]),
        ],
        "found 3/3 pred 3 agree 3 split 0 merged 0 neutral 0 title 2/2",
    );
    // Split person (the surname alone a second PER entry), Acme typed
    // LOC, a spurious PER in a neutral span, Paris missed.
    check(
        TEXT,
        gold,
        &[
            ("PER", "John Smith", &["John Smith"]),
            ("PER", "Smith", &["Smith#1", "Smith#2"]),
            ("LOC", "Acme Corp", &["Acme Corp", "Acme#1"]),
            ("PER", "team", &["team"]),
        ],
        "found 1/3 pred 3 agree 1 split 1 merged 0 neutral 1 title 0/1",
    );
    // One entry merging Smith and Acme; a spurious MISC is not scored.
    check(
        TEXT,
        gold,
        &[
            ("PER", "Smith", &["John Smith", "Smith#1", "Acme#1"]),
            ("MISC", "Paris", &["Paris"]),
        ],
        "found 1/3 pred 1 agree 1 split 0 merged 1 neutral 0 title 0/1",
    );
}

#[test]
fn an_acronym_that_is_the_whole_mention_names_its_entity() {
    // The title shares no word with "AFP", but the mention is all of it.
    let text = "Boats were turned away, according to AFP, and the team left.";
    let gold: &[(&str, Option<&str>, &[&str])] = &[("ORG", Some("Agence France-Presse"), &["AFP"])];
    check(
        text,
        gold,
        &[("ORG", "Agence France-Presse", &["AFP"])],
        "found 1/1 pred 1 agree 1 split 0 merged 0 neutral 0 title 1/1",
    );
}
