//! Config tests: defaults, env overrides, rejections that name the key.

use std::path::Path;

use super::*;

fn load(src: &str, vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
    let vars = vars.iter().map(|(k, v)| (k.to_string(), v.to_string()));
    Config::from_toml(src, Path::new("test.toml"), vars)
}

fn check_err(src: &str, vars: &[(&str, &str)], expect: &[&str]) {
    let e = load(src, vars).expect_err("should be rejected").to_string();
    for x in expect {
        assert!(e.contains(x), "error {e:?} does not mention {x:?}");
    }
}

#[test]
fn empty_file_gives_defaults() {
    let c = load("", &[]).unwrap();
    assert_eq!(c.kafka.brokers, "127.0.0.1:9092");
    assert_eq!(c.worker.max_message_bytes, 2 * 1024 * 1024);
    assert_eq!(c.pipeline.stages.len(), crate::stages::STAGES.len());
}

#[test]
fn shipped_config_is_valid() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/config/newsflow.toml");
    Config::load(Path::new(path), Vec::new()).unwrap();
}

#[test]
fn env_overrides() {
    let c = load(
        "[kafka]\nbrokers = \"a:1\"\n",
        &[
            ("NEWSFLOW_KAFKA__BROKERS", "b:2,c:3"),
            ("NEWSFLOW_KAFKA__INPUT_TOPICS", "x, y"),
            ("NEWSFLOW_WORKER__CONCURRENCY", "7"),
            ("NEWSFLOW_KAFKA__PROPERTIES__SASL_PASSWORD", "hunter2"),
            ("NEWSFLOW_CONFIG", "ignored.toml"),
            ("OTHER__X", "ignored"),
        ],
    )
    .unwrap();
    assert_eq!(c.kafka.brokers, "b:2,c:3");
    assert_eq!(c.kafka.input_topics, vec!["x", "y"]);
    assert_eq!(c.worker.concurrency, 7);
    let masked = toml::to_string(&c.masked()).unwrap();
    assert!(
        masked.contains("\"sasl.password\" = \"******\""),
        "{masked}"
    );
    assert!(!format!("{c:?}").contains("hunter2"));
}

#[test]
fn rejections_name_the_key() {
    check_err(
        "[kafka]\nbrokerz = \"x\"\n",
        &[],
        &["test.toml", "unknown field `brokerz`", "line 2"],
    );
    check_err("[wokrer]\n", &[], &["unknown field `wokrer`"]);
    check_err(
        "",
        &[("NEWSFLOW_WORKER__CONCURENCY", "3")],
        &["NEWSFLOW_WORKER__CONCURENCY", "concurency"],
    );
    check_err("[worker]\nconcurrency = 0\n", &[], &["worker.concurrency"]);
    check_err(
        "[kafka]\ninput_topics = [\"a\"]\noutput_topic = \"a\"\n",
        &[],
        &["`a` is both an input and an output"],
    );
    check_err(
        "[kafka.properties]\n\"enable.auto.commit\" = true\n",
        &[],
        &["enable.auto.commit", "managed by newsflow"],
    );
    check_err(
        "[[pipeline.stages]]\nname = \"sentiment\"\n",
        &[],
        &["unknown stage `sentiment`"],
    );
    check_err(
        "[[pipeline.stages]]\nname = \"stats\"\noptions = { bogus = 1 }\n",
        &[],
        &["stage #1 `stats`", "bogus"],
    );
    check_err("[kafka.properties]\nx = [1]\n", &[], &["property `x`"]);
}
