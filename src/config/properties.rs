//! librdkafka passthrough properties: any scalar accepted, kept as strings,
//! secrets masked in Debug output and in `masked()` copies.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

#[derive(Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Properties(BTreeMap<String, String>);

const MASK: &str = "******";

/// Keys whose values are secrets.
pub(super) fn is_secret(key: &str) -> bool {
    let k = key.to_lowercase();
    [
        "password",
        "secret",
        "token",
        "jaas",
        "credential",
        ".pem",
        "key.location",
    ]
    .iter()
    .any(|s| k.contains(s))
        || k.ends_with(".key")
}

impl Properties {
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.keys()
    }
    pub fn iter(&self) -> impl Iterator<Item = (&String, &String)> {
        self.0.iter()
    }
    pub fn insert(&mut self, k: &str, v: &str) {
        self.0.insert(k.to_string(), v.to_string());
    }
    pub fn mask(&mut self) {
        for (k, v) in self.0.iter_mut() {
            if is_secret(k) {
                *v = MASK.to_string();
            }
        }
    }
}

impl fmt::Debug for Properties {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut m = f.debug_map();
        for (k, v) in &self.0 {
            m.entry(k, &if is_secret(k) { MASK } else { v.as_str() });
        }
        m.finish()
    }
}

impl<'de> Deserialize<'de> for Properties {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = BTreeMap::<String, toml::Value>::deserialize(d)?;
        let mut out = BTreeMap::new();
        for (k, v) in raw {
            let s = match v {
                toml::Value::String(s) => s,
                toml::Value::Integer(i) => i.to_string(),
                toml::Value::Float(f) => f.to_string(),
                toml::Value::Boolean(b) => b.to_string(),
                other => {
                    return Err(serde::de::Error::custom(format!(
                        "property `{k}` must be a string, number or boolean, found {}",
                        other.type_str()
                    )))
                }
            };
            out.insert(k, s);
        }
        Ok(Properties(out))
    }
}
