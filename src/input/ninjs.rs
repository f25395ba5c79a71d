//! IPTC ninjs 2.x input: takes uri, headline, plain or HTML body, language,
//! by, located and the creation times; everything else is kept verbatim.

use serde_json::{Map, Value};

use super::envelope::{kind, take_string, take_time};
use super::{html, DecodeError, InputFormat};
use crate::document::{Article, Metadata};

/// A JSON object is taken for ninjs when it has a `uri` and one of the
/// ninjs content members, or declares a ninjs `$schema`.
pub(super) fn looks_like_ninjs(map: &Map<String, Value>) -> bool {
    let schema = map
        .get("$schema")
        .and_then(Value::as_str)
        .is_some_and(|s| s.contains("ninjs"));
    schema
        || (map.contains_key("uri")
            && (map.contains_key("bodies")
                || map.contains_key("headlines")
                || map.contains_key("versioncreated")))
}

/// Pick the `value` of the entry with `role == main`, else the first.
fn pick(
    entries: &[Value],
    prefer: impl Fn(&Map<String, Value>) -> bool,
) -> Option<&Map<String, Value>> {
    let objs: Vec<&Map<String, Value>> = entries.iter().filter_map(Value::as_object).collect();
    objs.iter()
        .copied()
        .find(|o| prefer(o))
        .or_else(|| objs.first().copied())
}

fn take_array(map: &mut Map<String, Value>, field: &str) -> Result<Vec<Value>, DecodeError> {
    match map.remove(field) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(a)) => Ok(a),
        Some(other) => Err(DecodeError::InvalidDocument {
            detail: format!(
                "ninjs field `{field}` must be an array, found {}",
                kind(&other)
            ),
        }),
    }
}

pub(super) fn decode(mut map: Map<String, Value>) -> Result<Article, DecodeError> {
    let uri = take_string(&mut map, "uri")?;
    let language = take_string(&mut map, "language")?;
    let by = take_string(&mut map, "by")?;
    let published_at = match take_time(&mut map, "versioncreated")? {
        Some(t) => Some(t),
        None => take_time(&mut map, "firstcreated")?,
    };
    let headlines = take_array(&mut map, "headlines")?;
    let bodies = take_array(&mut map, "bodies")?;
    let title = pick(&headlines, |o| {
        o.get("role").and_then(Value::as_str) == Some("main")
    })
    .and_then(|o| o.get("value"))
    .and_then(Value::as_str)
    .map(html::decode_entities);
    let is_plain = |o: &Map<String, Value>| {
        o.get("contenttype")
            .and_then(Value::as_str)
            .is_none_or(|c| c.starts_with("text/plain"))
    };
    let body = pick(&bodies, is_plain).ok_or_else(|| DecodeError::InvalidDocument {
        detail: "ninjs item has no `bodies` entry with a `value`".into(),
    })?;
    let value =
        body.get("value")
            .and_then(Value::as_str)
            .ok_or_else(|| DecodeError::InvalidDocument {
                detail: "ninjs `bodies[].value` is missing or not a string".into(),
            })?;
    let text = if is_plain(body) {
        html::decode_entities(value)
    } else {
        html::to_text(value).text
    };
    // Keep what we did not interpret, including secondary headlines and bodies.
    if headlines.len() > 1 {
        map.insert("headlines".into(), Value::Array(headlines));
    }
    if bodies.len() > 1 {
        map.insert("bodies".into(), Value::Array(bodies));
    }
    let meta = Metadata {
        id: uri,
        url: None,
        source: None,
        published_basis: published_at.map(|_| "payload"),
        published_at,
        title,
        by,
        language,
        extra: map,
    };
    Ok(Article::new(text, InputFormat::Ninjs, meta))
}
