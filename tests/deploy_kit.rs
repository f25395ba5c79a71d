//! No drift between the deploy kit and the binary: every metric name the
//! Grafana dashboard, the alert rules (and their tests), the
//! PrometheusRule and docs/operations.md use must be served by a real
//! /metrics. The scrape is the demo's own: it runs the worker against
//! librdkafka's mock cluster and reads /metrics over HTTP.
//! (That the dashboard's PromQL parses is checked by scripts/deploy-check.sh
//! with promtool.)

use std::collections::BTreeSet;

const KIT: &[&str] = &[
    "deploy/grafana/newsflow.json",
    "deploy/prometheus/alerts.yml",
    "deploy/prometheus/alerts.test.yml",
    "deploy/k8s/prometheusrule.yaml",
    "docs/operations.md",
];

/// Metric names in a text: lower-case identifiers starting with
/// `newsflow_` or `process_`.
fn names_in(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
        .filter(|w| (w.starts_with("newsflow_") || w.starts_with("process_")) && !w.ends_with('_'))
        .map(str::to_string)
        .collect()
}

/// Families served, with the sample names of histograms and summaries.
fn served(exposition: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in exposition.lines() {
        let mut parts = line.split_whitespace();
        if let (Some("#"), Some("TYPE"), Some(name), Some(kind)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        {
            out.insert(name.to_string());
            if kind == "histogram" || kind == "summary" {
                for suffix in ["_bucket", "_sum", "_count"] {
                    out.insert(format!("{name}{suffix}"));
                }
            }
        }
    }
    out
}

#[test]
fn every_metric_the_deploy_kit_uses_is_served() {
    let rt = newsflow::runtime::tokio_runtime().expect("runtime");
    let exposition = rt
        .block_on(newsflow::demo::run("127.0.0.1:0", |_| {}))
        .expect("demo runs");
    let served = served(&exposition);
    assert!(
        served.contains("newsflow_messages_consumed_total")
            && served.contains("process_resident_memory_bytes"),
        "the demo's /metrics looks wrong:\n{exposition}"
    );
    let mut missing = Vec::new();
    let mut used = 0;
    for file in KIT {
        let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        for name in names_in(&text) {
            used += 1;
            if !served.contains(&name) {
                missing.push(format!("{file}: {name}"));
            }
        }
    }
    assert!(used > 20, "only {used} metric names found in the kit");
    assert!(
        missing.is_empty(),
        "metric names used by the deploy kit but not served by /metrics:\n  {}\nserved: {served:?}",
        missing.join("\n  ")
    );
}

#[test]
fn names_are_found_and_histogram_samples_count() {
    let names = names_in(
        r#"rate(newsflow_x_total{a="b"}[5m]) / process_cpu_seconds_total NEWSFLOW_KAFKA__BROKERS newsflow_"#,
    );
    assert_eq!(
        names.into_iter().collect::<Vec<_>>(),
        ["newsflow_x_total", "process_cpu_seconds_total"]
    );
    let s = served("# TYPE newsflow_h histogram\nnewsflow_h_bucket{le=\"1\"} 0\n");
    assert!(s.contains("newsflow_h_count") && !s.contains("newsflow_h_total"));
}
