//! The stage contract has one home (`stages::STAGES`); everything that
//! names the stages must agree with it: the default pipeline, the record's
//! `enrichment` members in the schema, the documented config, and the
//! records themselves. A stage added to the table but not to the schema or
//! `config/newsflow.toml` fails here, naming what is missing.

use newsflow::input::RawInput;
use newsflow::pipeline::{build_pipeline, default_stages};
use newsflow::record::{process, Processed, SourceInfo};
use newsflow::stages::STAGES;

/// Members of `enrichment` that describe the input rather than a stage.
const INPUT_MEMBERS: &[&str] = &["text", "input", "published_at", "published_basis"];

fn table() -> Vec<String> {
    STAGES.iter().map(|e| e.name.to_string()).collect()
}

fn schema_stage_members() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/newsflow-record.schema.json"
    );
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let enrichment = &schema["properties"]["enrichment"];
    assert_eq!(
        enrichment["additionalProperties"],
        serde_json::Value::Bool(false),
        "{path}: enrichment must set additionalProperties: false so an unlisted member fails"
    );
    enrichment["properties"]
        .as_object()
        .expect("enrichment.properties")
        .keys()
        .filter(|k| !INPUT_MEMBERS.contains(&k.as_str()))
        .cloned()
        .collect()
}

fn config_stages() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/config/newsflow.toml");
    let config: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    config["pipeline"]["stages"]
        .as_array()
        .expect("[[pipeline.stages]]")
        .iter()
        .map(|s| s["name"].as_str().expect("stage name").to_string())
        .collect()
}

#[test]
fn table_schema_config_and_default_pipeline_agree() {
    let table = table();
    assert_eq!(table.len(), 13, "the table has {} rows", table.len());
    assert_eq!(
        schema_stage_members(),
        table,
        "schema/newsflow-record.schema.json `enrichment` members (after {INPUT_MEMBERS:?}) \
         must be the stage table's names, in table order"
    );
    assert_eq!(
        config_stages(),
        table,
        "config/newsflow.toml [[pipeline.stages]] must list every stage of the table, in table order"
    );
    let defaults: Vec<String> = default_stages().into_iter().map(|s| s.name).collect();
    assert_eq!(defaults, table, "default_stages() walks the table");
    let built: Vec<String> = build_pipeline(&default_stages())
        .unwrap()
        .describe()
        .iter()
        .map(|(n, _)| n.to_string())
        .collect();
    assert_eq!(built, table, "every row builds a stage of its own name");
}

/// Every stage that reported `ok` wrote its member, and nothing else
/// appears: the record is written by walking the table.
#[test]
fn records_carry_exactly_the_members_of_stages_that_ran() {
    let pipeline = build_pipeline(&default_stages()).unwrap();
    let mut checked = 0;
    for (name, ct, bytes) in newsflow::demo::SAMPLES {
        let raw = RawInput::new(bytes)
            .content_type(*ct)
            .timestamp_ms(Some(1_700_000_000_000));
        let Processed::Enriched {
            record, statuses, ..
        } = process(&raw, &SourceInfo::default(), &pipeline)
        else {
            continue;
        };
        let v: serde_json::Value = serde_json::from_slice(&record).unwrap();
        let members: Vec<&str> = v["enrichment"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .filter(|k| !INPUT_MEMBERS.contains(k))
            .collect();
        let ok: Vec<&str> = statuses
            .iter()
            .filter(|s| s.error.is_none())
            .map(|s| s.stage)
            .collect();
        assert_eq!(
            members, ok,
            "{name}: enrichment members vs stages that succeeded"
        );
        checked += 1;
    }
    assert!(checked >= 3, "only {checked} samples were enriched");
}
