//! The `newsflow` binary as a user runs it: enrich, check-config, demo, help.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn newsflow(args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsflow"));
    cmd.args(args)
        .env_remove("RUST_LOG")
        .env_remove("NEWSFLOW_CONFIG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("spawn newsflow");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn repo(p: &str) -> String {
    format!("{}/{p}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn enrich_file_prints_one_record() {
    let out = newsflow(
        &[
            "enrich",
            "--published-at",
            "2026-03-02T09:00:00Z",
            &repo("samples/01-wire-port-strike.txt"),
        ],
        None,
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON record");
    assert_eq!(v["ninjs"]["versioncreated"], "2026-03-02T09:00:00Z");
    assert_eq!(v["ninjs"]["located"], "Rosport");
    assert_eq!(
        v["enrichment"]["structure"]["section"]["text"],
        "Business News"
    );
    assert!(!v["ninjs"]["bodies"][0]["value"]
        .as_str()
        .unwrap()
        .contains("Subscribe"));
}

#[test]
fn enrich_dead_letter_exit_code_and_reason() {
    let out = newsflow(&["enrich", "-"], Some(b"{\"title\": 1"), &[]);
    assert_eq!(out.status.code(), Some(3));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["reason"], "malformed_json");
    assert!(String::from_utf8_lossy(&out.stderr).contains("dead-lettered (malformed_json)"));
}

#[test]
fn enrich_jsonl_one_line_per_input() {
    let input = b"{\"id\":\"a\",\"body\":\"First article body text here.\"}\n\n{\"id\":\"b\",\"text\":\"Second one.\"}\nnot json but plain text\n{broken\n";
    let out = newsflow(&["enrich", "--jsonl", "-"], Some(input), &[]);
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["id"], "b");
    assert_eq!(lines[2]["enrichment"]["input"]["format"], "plain_text");
    assert_eq!(lines[3]["reason"], "malformed_json");
    assert_eq!(
        lines[3]["source"]["offset"], 5,
        "line numbers identify the input"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("3 enriched, 1 dead-lettered"));
}

#[test]
fn check_config_masks_secrets_and_names_bad_keys() {
    let out = newsflow(
        &["check-config", &repo("config/newsflow.toml")],
        None,
        &[
            ("NEWSFLOW_KAFKA__PROPERTIES__SASL_PASSWORD", "hunter2"),
            ("NEWSFLOW_KAFKA__BROKERS", "k1:9092"),
        ],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("brokers = \"k1:9092\""), "{stdout}");
    assert!(
        stdout.contains("******") && !stdout.contains("hunter2"),
        "{stdout}"
    );

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[worker]\nconcurrency = 4\nmax_in_flight = 3\n").unwrap();
    let out = newsflow(&["check-config", bad.to_str().unwrap()], None, &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("bad.toml")
            && stderr.contains("max_in_flight")
            && stderr.contains("line 3"),
        "{stderr}"
    );
}

#[test]
fn help_teaches_each_command() {
    for cmd in ["run", "enrich", "demo", "check-config", "produce", "replay"] {
        let out = newsflow(&[cmd, "--help"], None, &[]);
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.len() > 200, "`{cmd} --help` is too thin:\n{text}");
    }
}

#[test]
fn top_level_help_lists_operator_commands_before_model_commands() {
    let out = newsflow(&["--help"], None, &[]);
    let text = String::from_utf8_lossy(&out.stdout);
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} missing:\n{text}"))
    };
    let (ops, models) = (at("Operator commands:"), at("Model commands"));
    assert!(ops < models, "{text}");
    for cmd in [
        "run ",
        "check-config",
        "produce",
        "replay",
        "enrich",
        "demo",
    ] {
        let i = at(&format!("\n  {cmd}"));
        assert!(
            ops < i && i < models,
            "{cmd} is not under Operator commands:\n{text}"
        );
    }
    for cmd in ["train", "eval", "build-gazetteer"] {
        assert!(at(&format!("\n  {cmd}")) > models, "{cmd}:\n{text}");
    }
}

#[test]
fn check_config_takes_file_flag_or_environment() {
    let file = repo("config/newsflow.toml");
    let ok = |args: &[&str], env: &[(&str, &str)]| {
        let out = newsflow(args, None, env);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && stdout.contains(": valid."),
            "{args:?} {env:?}: {stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    ok(&["check-config", &file], &[]);
    ok(&["check-config", "--config", &file], &[]);
    ok(&["check-config"], &[("NEWSFLOW_CONFIG", &file)]);
    // An explicit FILE wins over the environment.
    ok(
        &["check-config", &file],
        &[("NEWSFLOW_CONFIG", "/nonexistent.toml")],
    );
    let out = newsflow(&["check-config"], None, &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.contains("NEWSFLOW_CONFIG") && stderr.contains("--config"),
        "{stderr}"
    );
}

/// With NEWSFLOW_REDIS_URL set, the dedup window defaults to that Redis
/// (one window for every replica; the deploy kits set it): a Redis that
/// does not answer is an error naming the stage and the address, never a
/// silent fall-back to a window per replica.
#[test]
fn redis_url_in_the_environment_selects_the_shared_dedup_store() {
    let file = repo("config/newsflow.toml");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("redis://127.0.0.1:{port}/0");
    let out = newsflow(
        &["check-config", &file],
        None,
        &[("NEWSFLOW_REDIS_URL", &url)],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("`dedup`") && stderr.contains(&url),
        "{stderr}"
    );
}

#[test]
fn produce_and_replay_explain_what_is_missing() {
    let check = |args: &[&str], code: i32, expect: &str| {
        let out = newsflow(args, None, &[]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(stderr.contains(expect), "{args:?}: {stderr}");
    };
    check(
        &["produce", "samples/"],
        1,
        "no broker given: pass --brokers",
    );
    check(
        &["produce", "--brokers", "127.0.0.1:1", "samples/"],
        1,
        "no topic given",
    );
    check(
        &["replay", "--brokers", "127.0.0.1:1"],
        1,
        "no dead-letter topic given",
    );
    check(&["replay", "--reason", "bogus"], 2, "too_large");
    check(
        &[
            "replay",
            "-b",
            "x:1",
            "--dead-letter-topic",
            "d",
            "--since",
            "yesterday",
        ],
        1,
        "RFC 3339",
    );
    check(
        &["replay", "--source-offsets", "a..b"],
        2,
        "A..B (B excluded)",
    );
}

/// The demo needs no installed broker: it must work on any machine.
#[test]
fn demo_runs_samples_through_embedded_broker() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = newsflow(&["demo", "--http", &format!("127.0.0.1:{port}")], None, &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let records: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 6);
    assert_eq!(
        records.iter().filter(|r| r.get("ninjs").is_some()).count(),
        4
    );
    assert_eq!(
        records.iter().filter(|r| r.get("reason").is_some()).count(),
        2
    );
    assert!(
        stderr.contains("newsflow_messages_consumed_total{topic=\"demo.raw\"} 6"),
        "{stderr}"
    );
}

/// The reference sample from ../shared, end to end through the CLI.
#[test]
fn shared_sample_through_enrich() {
    let path = repo("../shared/samples/wire-article-iraq.txt");
    if !std::path::Path::new(&path).exists() {
        eprintln!("SKIP shared_sample_through_enrich: {path} is absent");
        return;
    }
    let out = newsflow(
        &["enrich", "--published-at", "2020-01-05T18:00:00Z", &path],
        None,
        &[],
    );
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let n = &v["ninjs"];
    assert_eq!(n["language"], "en");
    assert_eq!(
        n["descriptions"].as_array().unwrap().len(),
        4,
        "3 key points and a caption"
    );
    assert_eq!(n["infosources"][0]["name"], "Reuters");
    let body = n["bodies"][0]["value"].as_str().unwrap();
    for gone in [
        "Subscribe to",
        "WATCH:",
        "contributed to this report",
        "handout picture",
    ] {
        assert!(!body.contains(gone), "body still has {gone:?}");
    }
}

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
    let out = newsflow(
        &[
            "eval",
            "topics",
            "--data",
            data.to_str().unwrap(),
            "--mapping",
            mapping.to_str().unwrap(),
            "--predictions",
            preds.to_str().unwrap(),
        ],
        None,
        &[],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
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

/// `eval entities` on fixtures written for this project (tests/data/entities):
/// one GUM-format document and one re3d-format folder, four gold entities
/// each. The gold side is fixed; the scores depend on the model, so only
/// their presence and range are checked.
#[test]
fn eval_entities_scores_whole_documents() {
    let args = mini_entities_eval();
    let out = newsflow(
        &args.iter().map(String::as_str).collect::<Vec<_>>(),
        None,
        &[],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for corpus in ["GUM, 1 documents:", "re3d, 1 documents:"] {
        let table = stdout
            .split(corpus)
            .nth(1)
            .unwrap_or_else(|| panic!("no {corpus} table: {stdout}"));
        let overall: Vec<&str> = table
            .lines()
            .find(|l| l.starts_with("overall"))
            .expect("overall row")
            .split_whitespace()
            .collect();
        // overall P R F1 gold pred found
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
    let out = newsflow(
        &[
            "eval",
            "entities",
            "--wcep",
            &repo("tests/data/entities/wcep-mini.jsonl"),
        ],
        None,
        &[],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
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
    let overall: Vec<&str> = table
        .lines()
        .find(|l| l.starts_with("overall"))
        .expect("overall row")
        .split_whitespace()
        .collect();
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

/// `eval entities` over the repo's small GUM and re3d fixtures.
fn mini_entities_eval() -> Vec<String> {
    vec![
        "eval".into(),
        "entities".into(),
        "--gum".into(),
        repo("tests/data/entities/gum-mini.tsv"),
        "--re3d".into(),
        repo("tests/data/entities/re3d-mini"),
    ]
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

/// `newsflow ARGS`, which must fail with `expect` in its error output.
fn fails_naming(args: &[&str], expect: &str) {
    let out = newsflow(args, None, &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && stderr.contains(expect),
        "{args:?}: {stderr}"
    );
}

/// `newsflow eval ARGS`, which must succeed and print `expect`; its output.
fn eval_ok(args: &[&str], expect: &str) -> String {
    let args: Vec<&str> = std::iter::once("eval")
        .chain(args.iter().copied())
        .collect();
    let out = newsflow(&args, None, &[]);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains(expect), "{args:?}: {stdout}");
    stdout
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
