//! `NEWSFLOW_SECTION__KEY=value` environment overrides, and the
//! list-or-comma-string deserializer they need.
//!
//! `__` separates levels and names are lower-cased: NEWSFLOW_KAFKA__BROKERS
//! sets `kafka.brokers`. Under `kafka.properties` (and the consumer/producer
//! variants) `_` becomes `.`: NEWSFLOW_KAFKA__PROPERTIES__SASL_PASSWORD sets
//! `"sasl.password"`. Values parse as TOML scalars (numbers, booleans) when
//! they can, else as strings.

use serde::{Deserialize, Deserializer};

const PREFIX: &str = "NEWSFLOW_";

/// Apply overrides; returns the names of the variables that were applied.
pub(super) fn apply_overrides(
    table: &mut toml::Table,
    vars: impl IntoIterator<Item = (String, String)>,
) -> Vec<String> {
    let mut applied = Vec::new();
    let mut vars: Vec<(String, String)> = vars.into_iter().collect();
    vars.sort();
    for (name, value) in vars {
        let Some(rest) = name.strip_prefix(PREFIX) else {
            continue;
        };
        if !rest.contains("__") {
            continue; // e.g. NEWSFLOW_CONFIG: not a key override
        }
        let mut path: Vec<String> = rest.split("__").map(str::to_lowercase).collect();
        if path.len() > 2 && path[0] == "kafka" && path[1].ends_with("properties") {
            let key = path[2..].join(".").replace('_', ".");
            path.truncate(2);
            path.push(key);
        }
        insert(table, &path, parse_value(&value));
        applied.push(name);
    }
    applied
}

fn parse_value(raw: &str) -> toml::Value {
    match toml::from_str::<toml::Table>(&format!("v = {raw}")) {
        Ok(mut t) => match t.remove("v") {
            Some(
                v @ (toml::Value::Integer(_)
                | toml::Value::Float(_)
                | toml::Value::Boolean(_)
                | toml::Value::Array(_)),
            ) => v,
            _ => toml::Value::String(raw.to_string()),
        },
        Err(_) => toml::Value::String(raw.to_string()),
    }
}

fn insert(table: &mut toml::Table, path: &[String], value: toml::Value) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut cur = table;
    for p in parents {
        let entry = cur
            .entry(p.clone())
            .or_insert_with(|| toml::Value::Table(toml::Table::new()));
        if !entry.is_table() {
            *entry = toml::Value::Table(toml::Table::new());
        }
        cur = entry.as_table_mut().expect("just made a table");
    }
    cur.insert(last.clone(), value);
}

/// Accept `["a", "b"]` or `"a,b"`.
pub(super) fn string_or_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        One(String),
        Many(Vec<String>),
    }
    Ok(match Either::deserialize(d)? {
        Either::One(s) => s
            .split(',')
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
        Either::Many(v) => v,
    })
}
