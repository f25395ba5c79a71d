//! The generic JSON envelope: `{id, url, source, published_at, title,
//! body | text | html, language, ...}`. Unknown fields are kept verbatim.

use serde_json::{Map, Value};

use super::{html, parse_timestamp, DecodeError, InputFormat};
use crate::document::{Article, Metadata};

fn invalid(field: &str, what: &str) -> DecodeError {
    DecodeError::InvalidDocument {
        detail: format!("field `{field}` {what}"),
    }
}

/// Take an optional string field; numbers are accepted for `id`.
pub(super) fn take_string(
    map: &mut Map<String, Value>,
    field: &str,
) -> Result<Option<String>, DecodeError> {
    match map.remove(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(Value::Number(n)) if field == "id" => Ok(Some(n.to_string())),
        Some(other) => Err(invalid(
            field,
            &format!("must be a string, found {}", kind(&other)),
        )),
    }
}

pub(super) fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub(super) fn take_time(
    map: &mut Map<String, Value>,
    field: &str,
) -> Result<Option<chrono::DateTime<chrono::Utc>>, DecodeError> {
    match map.remove(field) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => parse_timestamp(&v).map(Some).ok_or_else(|| {
            invalid(
                field,
                &format!("is not a timestamp ({v}); use RFC 3339 such as 2020-01-05T14:30:00Z"),
            )
        }),
    }
}

pub(super) fn decode(mut map: Map<String, Value>) -> Result<Article, DecodeError> {
    let id = take_string(&mut map, "id")?;
    let url = take_string(&mut map, "url")?;
    let source = match map.remove("source") {
        Some(Value::Object(mut o)) => {
            let name = take_string(&mut o, "name")?;
            if !o.is_empty() {
                map.insert("source".into(), Value::Object(o));
            }
            name
        }
        Some(Value::String(s)) => Some(s),
        None | Some(Value::Null) => None,
        Some(other) => {
            return Err(invalid(
                "source",
                &format!("must be a string or an object, found {}", kind(&other)),
            ))
        }
    };
    let published_at = take_time(&mut map, "published_at")?;
    let title = take_string(&mut map, "title")?;
    let language = take_string(&mut map, "language")?;
    let by = take_string(&mut map, "by")?;
    let body = take_string(&mut map, "body")?;
    let text = take_string(&mut map, "text")?;
    let html_body = take_string(&mut map, "html")?;

    // Character references left in text by a CMS export ("S&#227;o Paulo",
    // "R&amp;D") are decoded as in HTML (`html::decode_entities`), so names
    // and quotes read as written.
    let title = title.map(|t| html::decode_entities(&t));
    let (content, format, html_title) = if let Some(b) = body.or(text) {
        (html::decode_entities(&b), InputFormat::JsonEnvelope, None)
    } else if let Some(h) = html_body {
        let ex = html::to_text(&h);
        (ex.text, InputFormat::JsonEnvelope, ex.title)
    } else {
        return Err(DecodeError::InvalidDocument {
            detail: "no article text: set one of `body`, `text` or `html`".into(),
        });
    };
    let meta = Metadata {
        id,
        url,
        source,
        published_basis: published_at.map(|_| "payload"),
        published_at,
        title: title.or(html_title),
        by,
        language,
        extra: map,
    };
    Ok(Article::new(content, format, meta))
}
