//! The `newsflow eval` commands as a user runs them: topics, entities
//! (GUM, re3d, linked names, span gold), quotes and dates over the
//! repo's annotations, and a reader that goes away early.

mod common;

use std::process::{Command, Stdio};

use common::cli::{eval_ok, fails_naming, mini_entities_eval, repo};

#[test]
fn eval_topics_writes_predictions_that_agree_with_its_score() {
    let dir = std::env::temp_dir().join(format!("newsflow-eval-topics-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let data = dir.join("items.jsonl");
    let mapping = dir.join("mapping.tsv");
    let preds = dir.join("predictions.jsonl");
    std::fs::write(
        &data,
        concat!(
            r#"{"id": "a", "category": "sport", "title": "Striker scores twice as United beat City in the cup final", "text": "The goalkeeper could not stop the penalty in the second half of the match."}"#, "\n",
            r#"{"id": "b", "category": "politics", "title": "Parliament votes on the election bill", "text": "Lawmakers from the opposition party said the minister must resign before the vote."}"#, "\n",
            r#"{"id": "c", "category": "business", "title": "Shares fall as the bank cuts its profit forecast", "text": "Investors sold the stock after quarterly earnings missed estimates."}"#, "\n",
            r#"{"id": "d", "category": "weather", "title": "Unmapped label: this item is skipped"}"#, "\n",
        ),
    )
    .unwrap();
    std::fs::write(
        &mapping,
        "# test mapping\nsport\tmedtop:15000000\npolitics\tmedtop:11000000\nbusiness\tmedtop:04000000\n",
    )
    .unwrap();
    let stdout = eval_ok(
        &[
            "topics",
            "--data",
            data.to_str().unwrap(),
            "--mapping",
            mapping.to_str().unwrap(),
            "--predictions",
            preds.to_str().unwrap(),
        ],
        "top level-1 topic is a gold topic",
    );
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&preds)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = lines.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    let hits = lines
        .iter()
        .filter(|v| v["gold"].as_array().unwrap().contains(&v["predicted"][0]))
        .count();
    assert!(
        stdout.contains(&format!("({hits}/3: top level-1 topic is a gold topic)")),
        "{stdout}"
    );
    for v in &lines {
        let probs = v["level1"].as_object().unwrap();
        assert!(probs.len() >= 17, "every level-1 topic: {v}");
        let sum: f64 = probs.values().map(|p| p.as_f64().unwrap()).sum();
        assert!((sum - 1.0).abs() < 0.01, "probabilities sum to 1: {v}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// The cells of a score table's "overall" row (overall P R F1 gold pred
/// found).
fn overall_row(table: &str) -> Vec<&str> {
    table
        .lines()
        .find(|l| l.starts_with("overall"))
        .expect("overall row")
        .split_whitespace()
        .collect()
}

/// `eval entities` on fixtures written for this project (tests/data/entities):
/// one GUM-format document and one re3d-format folder, four gold entities
/// each. The gold side is fixed; the scores depend on the model, so only
/// their presence and range are checked.
#[test]
fn eval_entities_scores_whole_documents() {
    let args = mini_entities_eval();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let stdout = eval_ok(&args[1..], "GUM, 1 documents:");
    for corpus in ["GUM, 1 documents:", "re3d, 1 documents:"] {
        let table = stdout
            .split(corpus)
            .nth(1)
            .unwrap_or_else(|| panic!("no {corpus} table: {stdout}"));
        // overall P R F1 gold pred found
        let overall = overall_row(table);
        assert_eq!(overall[4], "4", "gold entities of {corpus}: {table}");
        let f1: f64 = overall[3].parse().unwrap();
        assert!((0.0..=1.0).contains(&f1), "{table}");
        assert!(
            table.contains("type agreement") && table.contains("split entities"),
            "{table}"
        );
    }
    assert!(
        stdout.contains("name = Wikipedia title"),
        "GUM titles are checked: {stdout}"
    );

    fails_naming(
        &["eval", "entities", "--re3d", &repo("tests/data")],
        "no re3d folder found",
    );
}

/// `eval entities --wcep` on a fixture written for this project: two
/// items, five linked names (one link over a common word, "people", is
/// not a name and is not counted), halved by id.
#[test]
fn eval_entities_scores_linked_name_spans() {
    let stdout = eval_ok(
        &[
            "entities",
            "--wcep",
            &repo("tests/data/entities/wcep-mini.jsonl"),
        ],
        "exact span",
    );
    let all = stdout
        .lines()
        .find(|l| l.trim_start().starts_with("all "))
        .unwrap_or_else(|| panic!("no overall line: {stdout}"));
    assert!(
        all.contains("2 items") && all.contains("5 linked names"),
        "{all}"
    );
    let exact: f64 = all
        .split("exact span ")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .and_then(|x| x.parse().ok())
        .unwrap_or_else(|| panic!("no exact rate: {all}"));
    assert!((0.0..=1.0).contains(&exact), "{all}");

    fails_naming(
        &[
            "eval",
            "entities",
            "--wcep",
            &repo("tests/data/entities/gum-mini.tsv"),
        ],
        "gum-mini.tsv:1: not JSON",
    );
}

/// `eval entities --wikinews` on invented articles written for this
/// project: two articles, seven gold entities, one neutral demonym; the
/// first article is the dev half, the second the test half, whose errors
/// `--errors` does not print.
#[test]
fn eval_entities_scores_span_gold_in_halves() {
    let args = [
        "eval",
        "entities",
        "--wikinews",
        &repo("tests/data/entities/wikinews-mini.tsv"),
        "--data",
        &repo("tests/data/entities/wikinews-mini.jsonl"),
        "--errors",
    ];
    let stdout = eval_ok(&args[1..], "Wikinews dev-half");
    for half in ["Wikinews dev-half", "Wikinews test-half"] {
        assert!(
            stdout
                .lines()
                .any(|l| l.starts_with(half) && l.contains(" 1 docs")),
            "{half}: {stdout}"
        );
    }
    let table = stdout
        .split("Wikinews, 2 documents:")
        .nth(1)
        .expect("table");
    let overall = overall_row(table);
    assert_eq!(overall[4], "7", "gold entities: {table}");
    assert!(
        !stdout.contains("mini:two"),
        "test-half errors printed: {stdout}"
    );

    // Without --data, clap says what is missing; a wrong data file is named.
    fails_naming(&args[..4], "--data");
    let mut wrong = args.to_vec();
    let gum = repo("tests/data/entities/wcep-mini.jsonl");
    wrong[5] = &gum;
    fails_naming(&wrong, "article mini:one is not in");
}

/// A reader that goes away before the report (`newsflow eval … | head`)
/// ends the command quietly, not with a panic. (The read end closes
/// before the command has loaded its data, so its first line meets it.)
#[test]
fn an_eval_whose_reader_is_gone_ends_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsflow"))
        .args(mini_entities_eval())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn newsflow");
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && !stderr.contains("panicked"),
        "{:?}: {stderr}",
        out.status
    );
}

/// `eval quotes` and `eval dates` over the repo's annotations, which name
/// articles of ../shared/data/wikinews (not in the repo): skipped without it.
#[test]
fn eval_quotes_and_dates_read_the_annotations() {
    let data = repo("../shared/data/wikinews/articles.jsonl.gz");
    if !std::path::Path::new(&data).exists() {
        eprintln!("skipped: {data} is absent (the annotated articles live in ../shared)");
        return;
    }
    for (cmd, gold, n) in [
        ("quotes", "eval/wikinews-quotes.tsv", "179 annotated quotes"),
        (
            "quotes",
            "eval/wikinews-quotes-test.tsv",
            "58 annotated quotes",
        ),
        (
            "dates",
            "eval/wikinews-dates.tsv",
            "62 annotated expressions",
        ),
        (
            "dates",
            "eval/wikinews-dates-test.tsv",
            "48 annotated expressions",
        ),
        (
            "quotes",
            "eval/wikinews-quotes-dev2.tsv",
            "172 annotated quotes",
        ),
        (
            "quotes",
            "eval/wikinews-quotes-dev3.tsv",
            "34 annotated quotes",
        ),
        (
            "dates",
            "eval/wikinews-dates-dev2.tsv",
            "165 annotated expressions",
        ),
        (
            "dates",
            "eval/wikinews-dates-dev3.tsv",
            "122 annotated expressions",
        ),
    ] {
        let stdout = eval_ok(&[cmd, "--data", &data, "--gold", &repo(gold)], n);
        assert!(
            stdout.contains("found           1.0000"),
            "every annotated item is found: {stdout}"
        );
        // Quotes: the precision of the speakers given, by the rule that
        // gave them.
        if cmd == "quotes" {
            assert!(
                stdout.contains("attributed      0.") && stdout.contains("  by verb "),
                "{stdout}"
            );
        }
    }
    // The entity sets: every line fits its article (a wrong offset or an
    // entity of two types is an error naming the file).
    for (gold, n) in [
        ("eval/wikinews-entities-dev3.tsv", "Wikinews, 47 documents:"),
        ("eval/wikinews-entities-dev2.tsv", "Wikinews, 80 documents:"),
    ] {
        eval_ok(&["entities", "--wikinews", &repo(gold), "--data", &data], n);
    }
    // The BBC sets: articles without a publication date, which quotes and
    // entities do not need and dates refuse, naming the field.
    let bbc = repo("../shared/data/topic-classification/bbc-news/bbc-news-2225.jsonl.gz");
    for (gold, n) in [
        ("eval/bbc-quotes-dev.tsv", "72 annotated quotes"),
        ("eval/bbc-quotes-test.tsv", "75 annotated quotes"),
    ] {
        eval_ok(&["quotes", "--data", &bbc, "--gold", &repo(gold)], n);
    }
    eval_ok(
        &[
            "entities",
            "--spans",
            &repo("eval/bbc-entities.tsv"),
            "--data",
            &bbc,
        ],
        "BBC, 30 documents:",
    );
    fails_naming(
        &[
            "eval",
            "dates",
            "--data",
            &bbc,
            "--gold",
            &repo("eval/bbc-quotes-dev.tsv"),
        ],
        "`date` must be YYYY-MM-DD",
    );
    // The Reuters-21578 sets: the file's own fields (newid, body, and a
    // date as 26-FEB-1987 15:14:36.41) are read as they are.
    let reuters = repo("../shared/data/news-articles/reuters21578/reuters21578.jsonl.gz");
    for (cmd, gold, n) in [
        (
            "quotes",
            "eval/reuters-quotes-dev.tsv",
            "58 annotated quotes",
        ),
        (
            "quotes",
            "eval/reuters-quotes-test.tsv",
            "33 annotated quotes",
        ),
        (
            "dates",
            "eval/reuters-dates-dev.tsv",
            "35 annotated expressions",
        ),
        (
            "dates",
            "eval/reuters-dates-test.tsv",
            "46 annotated expressions",
        ),
    ] {
        let stdout = eval_ok(&[cmd, "--data", &reuters, "--gold", &repo(gold)], n);
        assert!(stdout.contains("found           1.0000"), "{stdout}");
    }
    // A wrong data file is named, not a panic.
    fails_naming(
        &[
            "eval",
            "quotes",
            "--data",
            &repo("tests/data/entities/re3d-mini/documents.json"),
        ],
        "is not in",
    );
    // The GUM quote and date sets: offsets into the articles
    // scripts/gum-articles.py rebuilds from GUM's tokens (a line that no
    // longer fits its article is an error naming the file).
    let gum = std::env::temp_dir().join(format!("newsflow-gum-{}.jsonl.gz", std::process::id()));
    let built = std::process::Command::new("python3")
        .arg(repo("scripts/gum-articles.py"))
        .arg(repo("../shared/data/ner/gum-news/gum-news-interview-tsv.tar.gz"))
        .arg(&gum)
        .status();
    let Ok(built) = built else {
        eprintln!("skipped the GUM sets: python3 is not installed (scripts/gum-articles.py needs it)");
        return;
    };
    assert!(built.success(), "scripts/gum-articles.py failed");
    let gum = gum.to_string_lossy().into_owned();
    for (cmd, gold, n) in [
        ("quotes", "eval/gum-quotes-dev.tsv", "55 annotated quotes"),
        ("quotes", "eval/gum-quotes-test.tsv", "37 annotated quotes"),
        ("dates", "eval/gum-dates-dev.tsv", "25 annotated expressions"),
        ("dates", "eval/gum-dates-test.tsv", "15 annotated expressions"),
    ] {
        eval_ok(&[cmd, "--data", &gum, "--gold", &repo(gold)], n);
    }
    let _ = std::fs::remove_file(&gum);
}
