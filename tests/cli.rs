//! The `newsflow` binary as a user runs it: enrich, check-config, demo, help.
//! The eval commands are in `cli_eval.rs`.

mod common;

use common::cli::{newsflow, repo};

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
