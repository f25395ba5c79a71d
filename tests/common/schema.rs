//! JSON Schema validation helpers: the repo's record schemas, and the ninjs
//! 2.1 schema from ../shared when it is present.

use std::path::PathBuf;

use jsonschema::{Retrieve, Uri, Validator};
use serde_json::Value;

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn read_json(path: &PathBuf) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// Resolves the schemas' external references offline.
struct Offline;

impl Retrieve for Offline {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let u = uri.as_str();
        if u.contains("GeoJSON.json") {
            let p = shared_dir()
                .ok_or("../shared is absent")?
                .join("data/iptc-ninjs/schema/GeoJSON-schema.json");
            return Ok(read_json(&p));
        }
        if u.contains("newsflow-record.schema.json") {
            return Ok(read_json(&repo("schema/newsflow-record.schema.json")));
        }
        Err(format!("no offline copy of {u}").into())
    }
}

fn build(schema: &Value) -> Validator {
    jsonschema::options()
        .with_retriever(Offline)
        .build(schema)
        .expect("schema compiles")
}

pub(crate) fn shared_dir() -> Option<PathBuf> {
    let p = repo("../shared");
    p.join("data").is_dir().then_some(p)
}

pub(crate) fn record_validator() -> Validator {
    build(&read_json(&repo("schema/newsflow-record.schema.json")))
}

pub(crate) fn dead_letter_validator() -> Validator {
    build(&read_json(&repo("schema/newsflow-dead-letter.schema.json")))
}

/// The ninjs 2.1 validator, or None (with a printed SKIP line) when ../shared is absent.
pub(crate) fn ninjs_validator() -> Option<Validator> {
    let Some(dir) = shared_dir() else {
        eprintln!("SKIP ninjs 2.1 validation: ../shared/data is absent (CI has it)");
        return None;
    };
    Some(build(&read_json(
        &dir.join("data/iptc-ninjs/schema/ninjs-schema_2.1.json"),
    )))
}

/// Panic with every validation error, naming `what`.
pub(crate) fn assert_valid(v: &Validator, doc: &Value, what: &str) {
    let errors: Vec<String> = v
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} is invalid:\n  {}\n{}",
        errors.join("\n  "),
        serde_json::to_string_pretty(doc).unwrap_or_default()
    );
}
